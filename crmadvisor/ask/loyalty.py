"""The B2B loyalty questions as steps: the `loyalty` command's interview, and the offer after `assess`.

Like `assess`: every question but the first offers "back"; Ctrl-C stops with the answers saved;
`--resume FILE` starts again at the first unanswered loyalty question of that file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import questionary

from crmadvisor.ask.engine import Interview, Session, ask_steps, open_answers, stopped_safely
from crmadvisor.ask.steps import OneOf, Option, Step, Text, first_unanswered
from crmadvisor.ask.terminal import fresh_input, wrapped_question
from crmadvisor.load.answers import write_answers
from crmadvisor.model.loyalty import applies
from crmadvisor.model.profile import profile_from
from crmadvisor.model.schema import Answers, Catalog, LoyaltyFile
from crmadvisor.words import words

DEFAULT_FILE = Path("crmadvisor-loyalty.yaml")


def interview(catalog: Catalog, asked: Interview) -> Answers:
    """Ask every unanswered loyalty question (and the company name first, when the file has none)."""
    loyalty = catalog.loyalty
    assert loyalty is not None  # the command refuses criteria without a loyalty file
    start: dict[str, Any] = {"loyalty": {}}
    answers, session = open_answers(catalog, asked, command="loyalty", default=DEFAULT_FILE, start=start)
    company = Step("company", words(answers.lang)["ask.company"], Text())
    with stopped_safely(session, answers.lang):
        answers = ask_steps([company], answers, session)
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
        offer = wrapped_question(words(answers.lang)("ask.loyalty.offer", n=len(steps)))
        fresh_input()
        # Enter confirms the y or n typed (not y alone): the Enter after a `y` must not answer the next question
        if not questionary.confirm(offer, default=True, auto_enter=False).unsafe_ask():
            return answers
        answers = answers.model_copy(update={"loyalty": {}})
        write_answers(session.path, answers)
    return ask_steps(steps, answers, session, resuming="ask.loyalty.resuming")


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
