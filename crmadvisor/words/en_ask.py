"""The questionnaire's and the commands' own words (questions, usage errors), in English (merged into en.WORDS)."""

from __future__ import annotations

WORDS: dict[str, str] = {
    "questions.languages": "Interface languages the client's users need (vendors without one of them are excluded)",
    "questions.hosting_regions": "Where may customer data be hosted (vendors hosting in none of them are excluded)?",
    "questions.company_size": "The client's company size (vendors that do not serve it are excluded)",
    "questions.users": (
        "Number of CRM users, a whole number from 1 (the licences to price: the report gives each "
        "configuration's yearly list-price cost for that many)"
    ),
    "questions.budget_per_user_month": (
        "Budget per user per month, in budget_currency (vendors starting above it are excluded; a price "
        "in another currency is not compared)"
    ),
    "questions.budget_currency": "Currency of the budget",
    "questions.optional": "Optional: leave out or null for no constraint.",
    "ask.company": "Company name?",
    "ask.back": "← back to the previous question",
    "ask.keys": "(arrows to move, Enter to choose)",
    "ask.checkbox_keys": "(arrows to move, Space to tick, Enter to confirm)",
    "ask.languages": "Constraint: interface languages the users need?",
    "ask.hosting_regions": "Constraint: where may customer data be hosted?",
    "ask.company_size": "Constraint: the client's company size (vendors that do not serve it are excluded)?",
    "ask.consultant": "The consultant's name (yours), as the report will show it ('<' = back)?",
    "ask.consultant.title": "Consultant",
    "ask.users": "Number of CRM users (the licences to price), e.g. 15 (empty = not known, '<' = back)?",
    "ask.users.refused": "Type a whole number of users, 1 or more; leave empty if not known, or '<' to go back",
    "ask.users.none": "not known",
    "ask.budget.title": "Budget (per user per month, or a year in total)",
    "ask.budget": (
        "Constraint: budget per user per month, e.g. 40 (EUR) or 40 USD, or a year in total, e.g. 60000 EUR a year"
        " (empty = none, '<' = back)?"
    ),
    "ask.not_a_number": (
        "Type a positive number, optionally followed by EUR, USD or GBP, and by 'a year' for a yearly total;"
        " leave empty for no budget, or '<' to go back"
    ),
    "ask.required": "An answer is needed here.",
    "ask.summary": "Summary of the answers",
    "ask.summary_line": "{question}: {answer}",
    "ask.confirm": "Confirm and rank the vendors",
    "ask.what_next": "Confirm these answers, or choose a part to change:",
    "ask.which_answer": "Which answer to change?",
    "ask.back_to_summary": "← back to the summary",
    "ask.saving": "Answers are saved as you go in {path}",
    "ask.resuming": "Resuming {path} at question {n} of {total}",
    "ask.interrupted": "Interrupted: your answers are saved in {path}; resume with: {command}",
    "ask.exists": (
        "{path} already exists and is not overwritten: continue it with `{command}`, or pass another --save FILE"
    ),
    "ask.no_file": "{path}: no such answers file to resume",
    "ask.resume_saves": "--resume saves the answers in {path} itself: leave out --save",
    "ask.section.traits": "Part 1 of 3: the customer relationship (9 questions)",
    "ask.section.importance": "Part 2 of 3: how important is each CRM feature area (9 questions)",
    "ask.must_haves.title": "Must-haves (deal-breakers)",
    "ask.must_haves": (
        "Which of these capabilities are deal-breakers: a vendor without a solid native offer is out? "
        "(none ticked: the core capability of each area answered critical)"
    ),
    "ask.must_haves.help": (
        "Must-haves should be few: a vendor rated below 3 on one ranks after every vendor that meets them all. "
        "Listed: the capabilities of the areas answered critical or important."
    ),
    "ask.must_haves.none": "none named: the core capability of each area answered critical",
    "ask.section.constraints": "Part 3 of 3: constraints (optional: Enter for none)",
    "ask.loyalty.part.fundamentals": "Part 1 of 4: the fundamentals to check first",
    "ask.loyalty.part.specifics": "Part 2 of 4: the B2B specifics of your customers",
    "ask.loyalty.part.design": "Part 3 of 4: what the programme should be",
    "ask.loyalty.part.success": "Part 4 of 4: the key success factors",
    "ask.loyalty.resuming": "Resuming {path} at loyalty question {n} of {total}",
    "ask.loyalty.reused": "Already answered: {question} {answer}",
    "ask.loyalty.reused_from": "from your answer to “{trait}”",
    "ask.loyalty.offer": (
        "This company is B2B or hybrid and rates loyalty important: assess its B2B loyalty-programme "
        "readiness now ({n} questions; the answers raise the matching CRM needs)?"
    ),
    "workflow.no_vendors_folder": "{folder}: no such vendors folder",
    "workflow.no_rates_file": "{path}: no such rates file",
    "workflow.no_vendors": "no vendor profiles to rank: pass --vendors DIR",
    "workflow.no_answers_file": "{path}: no such answers file",
    "workflow.no_terminal.assess": (
        "no terminal to ask the questions on: pass a complete answers file with --answers FILE (see "
        "`crmadvisor questions` for the questions and option ids)"
    ),
    "workflow.no_terminal.loyalty": (
        "no terminal to ask the questions on: pass an answers file with a complete `loyalty:` section "
        "with --answers FILE (see `crmadvisor questions` for the questions and option ids)"
    ),
    "workflow.pdf_needs_output": "a PDF report needs --output FILE.pdf",
    "workflow.template_not_json": "--template applies to Markdown and HTML reports, not JSON",
    "workflow.summary_terminal": (
        "--summary prints the executive summary on the terminal: leave out --output and --format"
    ),
    "workflow.png_needs_charts": "--png writes the charts as PNG: it needs a Markdown, HTML or PDF report with charts",
    "workflow.format_mismatch": "--format {fmt} does not match the extension of {path}: use a .{fmt} file name",
    "workflow.format_for_stdout": "--format is needed when the report goes to standard output",
    "workflow.unknown_extension": (
        "{path}: cannot tell the report format from the extension `{suffix}`: use .md, .html, .json or "
        ".pdf, or pass --format md|html|json|pdf"
    ),
    "workflow.no_extension": (
        "{path}: no extension tells the report format: name the file .md, .html, .json or .pdf, "
        "or pass --format md|html|json|pdf"
    ),
    "workflow.no_template": "{path}: no such template file",
    "workflow.unreadable_template": "{path}: cannot read the template: {reason}",
    "workflow.too_large_or_not_utf8": "too large or not UTF-8",
    "workflow.wrote": "wrote {path}",
    "workflow.no_loyalty_file": "{folder}: no loyalty questionnaire (a `kind: loyalty` file) in this criteria folder",
    "workflow.bad_vendor_id": "`{id}` is not a valid vendor id: use lowercase letters, digits and '-'",
    "workflow.not_overwritten": "{path} already exists: not overwritten",
    "workflow.scaffolded": (
        "wrote {path}: replace every `TODO` and rate every capability; `crmadvisor validate {path}` lists what is left"
    ),
    "workflow.no_vendor": "no vendor `{id}` in the catalogue: {hint}",
    "workflow.compare_two": (
        "`vendors compare` needs two vendor ids or more (got {count}): crmadvisor vendors compare ID ID [ID...]"
    ),
    "workflow.compare_twice": "{ids} named more than once: name each vendor once",
    "workflow.did_you_mean": "did you mean `{id}`?",
    "workflow.see_list": "see `crmadvisor vendors list`",
}
