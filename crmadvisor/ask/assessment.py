"""The assessment's questions, in order, as steps; and the interview `assess` runs with them.

Back navigation: every question but the first offers "back"; Ctrl-C stops with the answers
saved; `--resume FILE` starts again at the first unanswered question; a summary lets the
consultant confirm or edit any answer before scoring; then the loyalty questions, when they apply.
"""

from __future__ import annotations

from pathlib import Path

from crmadvisor.ask.budget import budget_from, budget_shown, users_from
from crmadvisor.ask.engine import Interview, ask_steps, open_answers, review, stopped_safely
from crmadvisor.ask.loyalty import offer_loyalty
from crmadvisor.ask.steps import Kind, OneOf, Option, SomeOf, Step, Text
from crmadvisor.model.schema import DONT_KNOW, Answers, Catalog, CompanySize, HostingRegion
from crmadvisor.words import language_name, words

DEFAULT_FILE = Path("crmadvisor-answers.yaml")
HIGH_FROM = 4  # the must-haves step lists the capabilities of areas at this level (important) or a must-have one


def interview(catalog: Catalog, asked: Interview) -> tuple[Answers, Path]:
    """Ask every unanswered question, save after each answer; the confirmed answers and their file."""
    answers, session = open_answers(catalog, asked, command="assess", default=DEFAULT_FILE)
    steps = assessment_steps(catalog, answers.lang)
    with stopped_safely(session, answers.lang):
        answers = ask_steps(steps, answers, session)
        answers = review(steps, answers, session)
        return offer_loyalty(catalog, answers, session), session.path


def assessment_steps(catalog: Catalog, lang: str) -> list[Step]:
    """Every question of the interview, in order."""
    w = words(lang)
    dont_know = Option(DONT_KNOW, w["common.dont_know"])
    declared = catalog.traits.declared_model
    company = w["answers.section.company"]
    steps = [
        Step("company", w["ask.company"], Text(), title=w["answers.company"], group=company),
        Step("consultant", w["ask.consultant"], Text(back_key="<"), title=w["ask.consultant.title"], group=company),
        Step(
            "declared_model",
            declared.question(lang),
            OneOf((*(Option(o.id, o.label(lang)) for o in declared.options), dont_know)),
            title=w["answers.declared_model"],
            group=company,
            help=(declared.question(lang), declared.help(lang)),
        ),
    ]
    for trait in catalog.traits.traits:
        choices = tuple(Option(o.id, o.label(lang)) for o in trait.options)
        steps.append(
            Step(
                f"traits.{trait.id}",
                trait.question(lang),
                OneOf((*choices, dont_know) if trait.dont_know else choices),
                title=trait.heading(lang),
                section=w["ask.section.traits"],
                group=w["answers.section.traits"],
                help=(trait.heading(lang), trait.help(lang)),
            )
        )
    levels = tuple(Option(level.id, level.label(lang)) for level in catalog.feature_areas.importance_levels)
    for area in catalog.feature_areas.areas:
        capabilities = ", ".join(c.name(lang) for c in area.capabilities)
        steps.append(
            Step(
                f"importance.{area.id}",
                area.question(lang),
                OneOf((*levels, dont_know)),
                title=area.heading(lang),
                section=w["ask.section.importance"],
                group=w["answers.section.importance"],
                help=(area.heading(lang), f"{area.help(lang)}\n→ {capabilities}"),
            )
        )
    return [*steps, must_haves_step(catalog, lang), *constraint_steps(catalog, lang)]


def must_haves_step(catalog: Catalog, lang: str) -> Step:
    """After the importances: which capabilities of the areas answered critical or important are deal-breakers.

    Its options follow the importance answers (an area answered useful or less is not listed, unless
    none is critical or important; an area not needed never is, and with every area not needed the
    step lists nothing and is not asked); none ticked keeps the default must-haves (docs/methodology.md).
    """
    w = words(lang)
    levels = catalog.feature_areas.importance_levels
    high = {lvl.id for lvl in levels if lvl.must_have or lvl.ceiling >= HIGH_FROM}
    needed = {lvl.id for lvl in levels if lvl.ceiling > 0} | {DONT_KNOW}

    def kind(answers: Answers) -> SomeOf:
        areas = catalog.feature_areas.areas
        listed = [a for a in areas if answers.importance.get(a.id) in high]
        listed = listed or [a for a in areas if answers.importance.get(a.id, DONT_KNOW) in needed]  # none: not asked
        colon = w["common.colon"]
        options = tuple(
            Option(c.id, f"{a.heading(lang)}{colon} {c.name(lang)}") for a in listed for c in a.capabilities
        )
        return SomeOf(options, none=w["ask.must_haves.none"])

    title = w["ask.must_haves.title"]
    return Step("must_haves", w["ask.must_haves"], kind, title=title, help=(title, w["ask.must_haves.help"]))


def constraint_steps(catalog: Catalog, lang: str) -> list[Step]:
    w = words(lang)
    none = w["answers.no_constraint"]
    languages = sorted({code for v in catalog.vendors for code in v.languages})
    sizes = (Option(None, none), *(Option(s.value, w[f"size.{s.value}"]) for s in CompanySize))
    budget = Text(
        read=budget_from,
        refused=w["ask.not_a_number"],
        shown=lambda given: budget_shown(given, lang),
        none=none,
        back_key="<",
    )
    users = Text(read=users_from, refused=w["ask.users.refused"], none=w["ask.users.none"], back_key="<")
    kinds: dict[str, Kind] = {
        "languages": SomeOf(tuple(Option(code, f"{language_name(code, lang)} ({code})") for code in languages), none),
        "hosting_regions": SomeOf(
            tuple(Option(r.value, f"{w[f'region.{r.value}']} ({r.value})") for r in HostingRegion), none
        ),
        "company_size": OneOf(sizes),
        "users": users,
        "budget": budget,
    }
    section, group = w["ask.section.constraints"], w["answers.section.constraints"]
    return [
        Step(
            f"constraints.{key}",
            w[f"ask.{key}"],
            kind,
            title=w["ask.budget.title" if key == "budget" else f"answers.constraint.{key}"],
            section=section,
            group=group,
        )
        for key, kind in kinds.items()
    ]
