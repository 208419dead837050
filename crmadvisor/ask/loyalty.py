"""The B2B loyalty questions as steps: the `loyalty` command's interview, and the offer after `assess`.

Like `assess`: every question but the first offers "back"; Ctrl-C stops with the answers saved;
`--resume FILE` starts again at the first unanswered loyalty question of that file.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import questionary

from crmadvisor.ask.engine import Interview, Session, ask_steps, open_answers, stopped_safely
from crmadvisor.ask.steps import OneOf, Option, Step, Text, first_unanswered
from crmadvisor.ask.terminal import fresh_input, say, width, wrapped_question
from crmadvisor.load.answers import write_answers
from crmadvisor.model.loyalty import applies
from crmadvisor.model.profile import profile_from
from crmadvisor.model.schema import Answers, Catalog, LoyaltyFile
from crmadvisor.words import words

DEFAULT_FILE = Path("crmadvisor-loyalty.yaml")

# Loyalty questions the relationship traits already answer: question -> (trait, trait option -> loyalty option).
# A trait option missing here (or "don't know") leaves the question to ask: "loyal customers, but little
# direct contact" says nothing of how long they stay.
REUSED: dict[str, tuple[str, dict[str, str]]] = {
    "relationship_length": (
        "relationship_horizon",
        {
            "long_partnership": "many_years",
            "renewed_with_reviews": "a_few_years",
            "occasional_through_offers": "occasional",
        },
    ),
    "order_frequency": (
        "sales_volume",
        {
            "weekly_or_more": "frequent",
            "about_monthly": "frequent",
            "a_few_times_a_year": "rare",
            "about_once_a_year": "rare",
            "rarely_large": "rare",
        },
    ),
}


def interview(catalog: Catalog, asked: Interview) -> Answers:
    """Ask every unanswered loyalty question (and the company name first, when the file has none)."""
    loyalty = catalog.loyalty
    assert loyalty is not None  # the command refuses criteria without a loyalty file
    start: dict[str, Any] = {"loyalty": {}}
    answers, session = open_answers(catalog, asked, command="loyalty", default=DEFAULT_FILE, start=start)
    company = Step("company", words(answers.lang)["ask.company"], Text())
    with stopped_safely(session, answers.lang):
        answers = ask_steps([company], answers, session)
        answers = with_reused(loyalty, catalog, answers, session)
        return ask_steps(loyalty_steps(loyalty, answers.lang), answers, session, resuming="ask.loyalty.resuming")


def offer_loyalty(catalog: Catalog, answers: Answers, session: Session) -> Answers:
    """What the interactive `assess` asks after its summary: the loyalty questions, when they apply.

    They apply to a B2B or hybrid company that rates loyalty important or critical (the loyalty
    file's `applies_when`). The consultant is asked first; a section begun earlier is continued.
    """
    loyalty = catalog.loyalty
    if loyalty is None:
        return answers
    orientation = profile_from(answers, catalog.traits).orientation
    if not applies(loyalty, orientation, answers.importance):
        return answers
    steps = loyalty_steps(loyalty, answers.lang)
    if first_unanswered(steps, answers) == len(steps):
        return answers
    if answers.loyalty is None:
        asked = len(steps) - len(reused(loyalty, catalog, answers))
        offer = wrapped_question(words(answers.lang)("ask.loyalty.offer", n=asked))
        fresh_input()
        # Enter confirms the y or n typed (not y alone): the Enter after a `y` must not answer the next question
        if not questionary.confirm(offer, default=True, auto_enter=False).unsafe_ask():
            return answers
        answers = answers.model_copy(update={"loyalty": {}})
        write_answers(session.path, answers)
    answers = with_reused(loyalty, catalog, answers, session)
    return ask_steps(steps, answers, session, resuming="ask.loyalty.resuming")


def reused(loyalty: LoyaltyFile, catalog: Catalog, answers: Answers) -> dict[str, str]:
    """The loyalty answers the trait answers give, for the loyalty questions not answered yet."""
    given = answers.loyalty or {}
    questions = {q.id: {o.id for o in q.options} for q in loyalty.questions}
    traits = {t.id for t in catalog.traits.traits}
    found: dict[str, str] = {}
    for question, (trait, table) in REUSED.items():
        option = table.get(answers.traits.get(trait, "")) if trait in traits else None
        if question in questions and option in questions[question] and question not in given:
            found[question] = option
    return found


def with_reused(loyalty: LoyaltyFile, catalog: Catalog, answers: Answers, session: Session) -> Answers:
    """The answers with the loyalty questions the traits answer filled in, saved, and said (not asked)."""
    found = reused(loyalty, catalog, answers)
    if not found:
        return answers
    w = words(answers.lang)
    traits = {t.id: t for t in catalog.traits.traits}
    for question in loyalty.questions:
        if question.id in found:
            label = next(o.label(answers.lang) for o in question.options if o.id == found[question.id])
            trait = traits[REUSED[question.id][0]]
            line = w("ask.loyalty.reused", question=question.question(answers.lang), answer=label)
            say(textwrap.fill(f"{line} ({w('ask.loyalty.reused_from', trait=trait.heading(answers.lang))})", width()))
    answers = answers.model_copy(update={"loyalty": {**(answers.loyalty or {}), **found}})
    write_answers(session.path, answers)
    return answers


def loyalty_steps(loyalty: LoyaltyFile, lang: str) -> list[Step]:
    w = words(lang)
    return [
        Step(
            f"loyalty.{question.id}",
            question.question(lang),
            OneOf(tuple(Option(o.id, o.label(lang)) for o in question.options)),
            section=w[f"ask.loyalty.part.{question.part.value}"],
            help=(question.question(lang), question.help(lang)),
        )
        for question in loyalty.questions
    ]
