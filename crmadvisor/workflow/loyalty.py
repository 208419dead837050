"""`loyalty`: a loyalty section (a file, or the interview) -> readiness, mechanics and CRM needs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from crmadvisor.errors import InputError, UsageError
from crmadvisor.load.answers import read_answers
from crmadvisor.load.criteria import load_criteria
from crmadvisor.model.schema import Answers, Catalog
from crmadvisor.words import words
from crmadvisor.workflow.inputs import CatalogueChoice, no_terminal
from crmadvisor.workflow.printout import Printout, drawn


@dataclass(frozen=True, slots=True)
class LoyaltyRequest:
    answers: Path | None = None  # a file with a complete `loyalty:` section; None: the interview
    resume: Path | None = None
    save: Path | None = None
    lang: str | None = None  # None: the answers file's
    width: int | None = None
    criteria: Path | None = None
    today: dt.date | None = None
    terminal: bool = False
    consultant: str | None = None  # --consultant: kept in the file the questionnaire saves


def loyalty(request: LoyaltyRequest) -> Printout:
    from crmadvisor.model.loyalty import loyalty_from
    from crmadvisor.present.loyalty import loyalty_view
    from crmadvisor.present.terminal_loyalty import render_loyalty

    catalog = loyalty_catalog(request.criteria, request.lang)
    answers = _answers(request, catalog)
    assert catalog.loyalty is not None
    result = loyalty_from(answers.loyalty or {}, catalog.loyalty)
    lang = request.lang or answers.lang
    view = loyalty_view(result, catalog, lang, answers.company, applied=False)
    return Printout(drawn(lambda console: render_loyalty(console, view), request.width))


def loyalty_catalog(criteria_dir: Path | None, lang: str | None = None) -> Catalog:
    loaded = load_criteria(criteria_dir)
    if loaded.loyalty is None:
        raise UsageError(words(lang)("workflow.no_loyalty_file", folder=criteria_dir))
    return loaded


def _answers(request: LoyaltyRequest, catalog: Catalog) -> Answers:
    if request.answers is not None:
        return complete_loyalty_answers(request.answers, catalog, request.lang)
    if not request.terminal:
        raise no_terminal("loyalty", request.lang)
    from crmadvisor.ask import loyalty  # questionary: only for the interactive questionnaire
    from crmadvisor.ask.engine import Interview

    again = CatalogueChoice(request.criteria).options()
    today = request.today or dt.date.today()
    consultant = (request.consultant or "").strip() or None
    asked = Interview(request.resume, request.save, request.lang, today, again, consultant)
    return loyalty.interview(catalog, asked)


def complete_loyalty_answers(path: Path, catalog: Catalog, lang: str | None = None) -> Answers:
    """An answers file whose `loyalty:` section answers every loyalty question (other sections may be missing)."""
    from crmadvisor.load.loyalty import missing_loyalty_problems

    if not path.is_file():
        raise UsageError(words(lang)("workflow.no_answers_file", path=path))
    answers, loaded = read_answers(path, catalog)
    assert catalog.loyalty is not None
    problems = missing_loyalty_problems(loaded.src, answers.loyalty, catalog.loyalty)
    if problems:
        raise InputError(problems)
    return answers
