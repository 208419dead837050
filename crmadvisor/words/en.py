"""Every word crmadvisor shows a user, in English (same keys and placeholders as the other language)."""

from __future__ import annotations

from crmadvisor.words.en_ask import WORDS as ASK_WORDS
from crmadvisor.words.en_report import WORDS as REPORT_WORDS
from crmadvisor.words.en_rfp import WORDS as RFP_WORDS
from crmadvisor.words.en_vendors import WORDS as VENDORS_WORDS

WORDS: dict[str, str] = {
    # Small words used everywhere
    "common.dont_know": "don't know",
    "common.not_answered": "not answered",
    "common.none": "none",
    "common.yes": "yes",
    "common.no": "no",
    "common.points.one": "{n} point",
    "common.points.other": "{n} points",
    "common.colon": ":",
    "common.sep": "; ",
    "common.not_given": "not given",
    # Domain values: orientation
    "orientation.b2b": "B2B",
    "orientation.b2c": "B2C",
    "orientation.hybrid": "Hybrid",
    # Domain values: gap severity
    "severity.blocking": "blocking",
    "severity.major": "major",
    "severity.minor": "minor",
    # Domain values: data hosting regions (constraints.hosting_regions)
    "region.fr": "France",
    "region.de": "Germany",
    "region.eu": "European Union",
    "region.uk": "United Kingdom",
    "region.ch": "Switzerland",
    "region.us": "United States",
    "region.ca": "Canada",
    "region.au": "Australia",
    "region.apac": "Asia-Pacific",
    # the same regions where data is hosted, in a sentence ("no data hosting in the European Union")
    "region.in.fr": "in France",
    "region.in.de": "in Germany",
    "region.in.eu": "in the European Union",
    "region.in.uk": "in the United Kingdom",
    "region.in.ch": "in Switzerland",
    "region.in.us": "in the United States",
    "region.in.ca": "in Canada",
    "region.in.au": "in Australia",
    "region.in.apac": "in Asia-Pacific",
    # Domain values: company size (one set, also the questionnaire's choices)
    "size.micro": "micro (1-9 people)",
    "size.small": "small (10-49 people)",
    "size.medium": "medium-sized (50-249 people)",
    "size.large": "large (250+ people)",
    # Domain values: knock-out reasons and constraint notes
    "reason.language": "interface not available in {languages}",
    "reason.language.or": " or ",  # between languages: "in French or German"
    "reason.hosting": "no data hosting {wanted} (offers: {offered})",
    "reason.hosting.or": " or ",  # between regions: "in France or in the European Union"
    "reason.size": "does not serve {size} companies",
    "reason.budget": "starts at {price} {currency} per user per month, over the budget of {budget}",
    "reason.hosting_unpublished": "hosting regions not published: check the data location with the vendor",
    "reason.no_price": "no public per-user price to compare with the budget",
    "reason.part_on_quote": "{parts} sold on quote: the budget is checked on the priced parts only",
    "reason.seat_limit": "sold for at most {max} users in any edition, fewer than the {users} users",
    "reason.currency": "price in {price}, budget in {budget}: not compared",
    # editions: a vendor's recommended configuration (crmadvisor/present/configurations.py)
    "configuration.cost.other": (
        "{amount} a year at list price, licences only, for {users} users ({monthly} per user per month)"
    ),
    "configuration.cost.one": "{amount} a year at list price, licences only, for 1 user",
    "configuration.on_quote": "{amount} a year at list price for the priced parts; {parts} on quote",
    "configuration.on_quote.all": "price on quote",
    "configuration.cost.no_users": (
        "{monthly} per user per month at list price, licences only (the number of users is not "
        "in the answers: constraints.users)"
    ),
    "configuration.per_user": "{monthly}/user/month",
    "configuration.rates": "{rates} ({source}, {date})",
    "configuration.upgrade.edition": "{name} would close {closes} ({extra})",
    "configuration.upgrade.add_on": "the {name} add-on would close {closes} ({extra})",
    "configuration.upgrade.extra": "+{amount} a year",
    "configuration.upgrade.on_quote": "price on quote",
    # editions: a budget no configuration meeting the must-haves fits (crmadvisor/model/configurations.py)
    "reason.over_budget": "{configuration}{needed} costs {amount} {per}, over the budget of {budget}",
    "reason.over_budget.at_least": (
        "{configuration}{needed} is sold on quote and costs at least what {below} costs, {amount} {per},"
        " over the budget of {budget}"
    ),
    "reason.over_budget.needed": ", needed for {capabilities},",
    "reason.over_budget.converted": "{original} (≈ {price} at the {source}rate of {date})",
    "reason.over_budget.per.user_month": "per user per month",
    "reason.over_budget.per.year": "a year",
    # The answers file's fields, as a report's appendix and `questions` name them
    "answers.section.company": "Company",
    "answers.section.traits": "Relationship traits",
    "answers.section.importance": "Feature areas",
    "answers.section.constraints": "Constraints",
    "answers.constraint.languages": "Interface languages",
    "answers.constraint.hosting_regions": "Data hosting regions",
    "answers.constraint.company_size": "Company size",
    "answers.constraint.users": "CRM users",
    "answers.constraint.budget": "Budget per user per month",
    "answers.constraint.budget_per_year": "Budget per year, all licences",
    "answers.no_constraint": "no constraint",
    "answers.company": "Company name",
    "answers.declared_model": "Declared business model",
    # An assessment, on the terminal and in the written reports
    "assessment.assessment": "CRM assessment",
    "assessment.profile": "Company profile",
    "assessment.trait": "Trait",
    "assessment.answer": "Answer",
    "assessment.position": "B2B ↔ B2C",
    "assessment.overall": "Overall: {orientation} ({percent} % of the way from typical B2B to typical B2C)",
    "assessment.declared": "Declared business model: {declared}",
    "assessment.inconsistent": (
        "Consistency check: the declared model ({declared}) and the answers disagree (measured {percent} "
        "% B2C). Traits far from the declared model: {traits}. The article's first question is whether "
        "you are B2B or B2C: check these answers."
    ),
    "assessment.needs": "Needs",
    "assessment.area": "Feature area",
    "assessment.capability": "Capability",
    "assessment.need": "Need",
    "assessment.must": "Must",
    "assessment.why": "Why",
    "assessment.why.area": "{level} area, up to {ceiling}",
    "assessment.why.area.none": "area not needed",
    "assessment.why.area.suggested": "{level} area (suggested), up to {ceiling}",
    "assessment.why.raised": "raised by {items}",
    "assessment.why.lowered": "lowered by {items}",
    "assessment.why.item": "{trait} ({option})",
    "assessment.why.more.one": "{n} more",
    "assessment.why.more.other": "{n} more",
    "assessment.why.comma": ", ",
    "assessment.why.and": " and ",
    "assessment.why.sep": "; ",
    "assessment.why.neutral": "no answer moves it",
    "assessment.must_legend": "! = must-have: named by the consultant, else the core of each area rated critical",
    "assessment.ranking": "Ranking",
    "assessment.ranking.order": (
        "Order: fewest blocking gaps (unmet must-haves) first, then highest fit; B/M/m = blocking / major / minor gaps."
    ),
    "assessment.more_vendors.one": "1 more vendor not shown (--top).",
    "assessment.more_vendors.other": "{n} more vendors not shown (--top).",
    "assessment.rank": "#",
    "assessment.vendor": "Vendor",
    "assessment.fit": "Fit",
    "assessment.gaps": "Gaps B/M/m",
    "assessment.first": "1st in",
    "assessment.range": "Rank 5-95 %",
    "assessment.excluded": "excluded: {reasons}",
    "assessment.blocked": "blocked by a must-have gap",
    "assessment.lopsided": "lopsided fit",
    "assessment.gap_matrix": "Gap matrix: share of each area's need covered",
    "assessment.legend": "Legend: ■ 100 % covered, ▣ 75-99 %, ▢ 50-74 %, ✗ below 50 %, · no need",
    "assessment.strengths": "Strengths",
    "assessment.gap_list": "Gaps",
    "assessment.rated": "rated {rating}/5 for a need of {need}",
    "assessment.robustness": "How sure is this ranking?",
    "assessment.verdict.clear": (
        "{leader} leads in {share} of {draws} draws where weights and ratings were perturbed; its margin "
        "over {second} is {margin} of fit."
    ),
    "assessment.verdict.unclear": (
        "No clear winner: {leader} comes first in {share} of {draws} perturbed draws, with a margin of "
        "{margin} of fit over {second}. Compare the shortlist on the gaps, not on the score."
    ),
    "assessment.verdict.blocked": "No vendor in the race meets every must-have: the leader has a blocking gap.",
    "assessment.verdict.alone": "Only {leader} is left in the race.",
    "assessment.verdict.none": "No vendor is left in the race: every one is excluded by a constraint.",
    "assessment.flip": (
        "The smallest change that would change the winner: {area} from {from_level} to {to_level} would "
        "put {winner} first."
    ),
    "assessment.no_flip": "No change of one or two importance levels, in any one feature area, changes the winner.",
    "assessment.topsis": "TOPSIS cross-check",
    "assessment.topsis.agree": "TOPSIS agrees on the winner ({winner}).",
    "assessment.topsis.disagree": "TOPSIS puts {topsis_winner} first instead of {winner}.",
    "assessment.topsis.diff": "{vendor}: fit rank {fit_rank}, TOPSIS rank {topsis_rank}",
    "assessment.evidence": "evidence",
    "assessment.review_date": "reviewed {date}",
    "assessment.stale": "review older than 12 months",
    "assessment.notes": "note: {notes}",
    "assessment.unchecked": "Constraint checks not made (vendors in the race concerned): {parts}.",
    # The B2B loyalty-programme assessment
    "loyalty.title": "B2B loyalty programme: {company}",
    "loyalty.source": "Source: {document}, « {section} »",
    "loyalty.fundamentals": "1. Fundamentals to check first",
    "loyalty.fundamental": "Fundamental",
    "loyalty.status": "Status",
    "loyalty.answers": "Answers and what to do",
    "loyalty.status.ok": "✓ in place",
    "loyalty.status.failed": "✗ not in place",
    "loyalty.status.unanswered": "? not checked",
    "loyalty.verdict": "Verdict",
    "loyalty.specifics": "2. B2B specifics",
    "loyalty.question": "Question",
    "loyalty.answer": "Answer",
    "loyalty.design": "3. Programme design: the mix of mechanics",
    "loyalty.design.later": "3. Programme design, for when the fundamentals are in place",
    "loyalty.mechanic": "Mechanic",
    "loyalty.score": "Points",
    "loyalty.role": "Role",
    "loyalty.why": "Why",
    "loyalty.role.primary": "primary",
    "loyalty.role.secondary": "secondary",
    "loyalty.role.minor": "-",
    "loyalty.recommendation": "Recommended: {primary} mechanics first{secondary}.",
    "loyalty.recommendation.secondary": ", with {secondary} mechanics as a complement",
    "loyalty.recommendation.none": "No answer points to a mechanic yet: answer the design questions.",
    "loyalty.factors": "4. Key success factors",
    "loyalty.factor": "Factor",
    "loyalty.factor.met": "✓ met",
    "loyalty.factor.gap": "✗ gap",
    "loyalty.factor.unanswered": "? not answered",
    "loyalty.todo": "What to do",
    "loyalty.needs": "5. What the CRM must do for this programme",
    "loyalty.capability": "Capability",
    "loyalty.raise": "Need",
    "loyalty.applied": (
        "These raises, within each area's importance ceiling, are applied to the vendor ranking above."
    ),
    "loyalty.not_applied": (
        "These raises apply in `crmadvisor assess` when the company is {orientations} and rates “{area}” as {levels}."
    ),
    "loyalty.no_needs": "No answer raises a CRM capability's need.",
    "loyalty.unanswered": "Not answered yet: {questions}. Resume with `crmadvisor loyalty --resume FILE`.",
    "loyalty.raised_by": "raised by the loyalty programme: {reasons}",
    "loyalty.or": " or ",
    "loyalty.hint": (
        "This company is B2B or hybrid and rates loyalty management important: for the B2B "
        "loyalty-programme assessment (the fundamentals to check first, the mix of mechanics, the CRM "
        "needs it raises), run `{command}`, then this command again."
    ),
    "loyalty.file": "ANSWERS_FILE",
}
WORDS.update(RFP_WORDS)
WORDS.update(VENDORS_WORDS)
WORDS.update(ASK_WORDS)
WORDS.update(REPORT_WORDS)
