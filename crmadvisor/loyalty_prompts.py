"""The interactive loyalty questionnaire (questionary): one question at a time, saved after every answer.

Like `assess`: every question but the first offers "back"; Ctrl-C stops with the answers saved;
`--resume FILE` starts again at the first unanswered loyalty question of that file.
"""

from __future__ import annotations

import datetime as dt
import shlex
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import questionary
from questionary import Choice

from crmadvisor.errors import Interrupted
from crmadvisor.load.answers import write_answers
from crmadvisor.model.loyalty import applies
from crmadvisor.model.profile import profile_from
from crmadvisor.model.schema import Answers, Catalog, LoyaltyFile, LoyaltyQuestion
from crmadvisor.prompts import _UI, BACK, _help, _question, _select, open_answers

DEFAULT_FILE = Path("crmadvisor-loyalty.yaml")

_LOYALTY_UI: dict[str, dict[str, str]] = {
    "en": {
        "company": "Company name?",
        "part.fundamentals": "Part 1 of 4: the fundamentals to check first",
        "part.specifics": "Part 2 of 4: the B2B specifics of your customers",
        "part.design": "Part 3 of 4: what the programme should be",
        "part.success": "Part 4 of 4: the key success factors",
        "resuming": "Resuming {path} at loyalty question {n} of {total}",
        "offer": "This company is B2B or hybrid and rates loyalty important: assess its B2B loyalty-programme "
        "readiness now ({n} questions; the answers raise the matching CRM needs)?",
    },
    "fr": {
        "company": "Nom de l'entreprise ?",
        "part.fundamentals": "Partie 1 sur 4 : les fondamentaux à vérifier d'abord",
        "part.specifics": "Partie 2 sur 4 : les spécificités B2B de vos clients",
        "part.design": "Partie 3 sur 4 : ce que doit être le programme",
        "part.success": "Partie 4 sur 4 : les facteurs clés de succès",
        "resuming": "Reprise de {path} à la question fidélité {n} sur {total}",
        "offer": "Cette entreprise est B2B ou hybride et juge la fidélisation importante : évaluer maintenant "
        "sa préparation à un programme de fidélité B2B ({n} questions ; les réponses augmentent les besoins CRM "
        "correspondants) ?",
    },
}


def run(
    catalog: Catalog,
    *,
    resume: Path | None,
    save: Path | None,
    lang: str | None,
    today: dt.date,
    again: Sequence[str] = (),
) -> Answers:
    """Ask every unanswered loyalty question, saving the answers file after each answer.

    `again` holds the options (`--criteria DIR`) the printed resume command must repeat.
    """
    loyalty = catalog.loyalty
    assert loyalty is not None  # the command refuses criteria without a loyalty file
    answers, path = open_answers(
        catalog,
        resume=resume,
        save=save,
        lang=lang,
        today=today,
        default=DEFAULT_FILE,
        command=resume_command,
        again=again,
        start={"loyalty": {}},
    )
    ui = _UI[answers.lang] | _LOYALTY_UI[answers.lang]
    questionary.print(ui["saving"].format(path=path), style="italic")
    try:
        if not answers.company:
            message = _question(ui["company"])
            company = questionary.text(message, validate=lambda t: bool(t.strip())).unsafe_ask().strip()
            answers = answers.model_copy(update={"company": company})
            write_answers(path, answers)
        index = first_unanswered(loyalty, answers)
        if resume is not None and index:
            total = len(loyalty.questions)
            questionary.print(ui["resuming"].format(path=path, n=index + 1, total=total), style="italic")
        return ask_questions(loyalty, answers, path, index, ui)
    except (KeyboardInterrupt, EOFError):  # Ctrl-C, or Ctrl-D / input closed: stop, the answers are on disk
        raise Interrupted(ui["interrupted"].format(path=path, command=resume_command(path, again))) from None


def after_assess(catalog: Catalog) -> Callable[[Answers, Path], Answers]:
    """What the interactive `assess` asks after its summary: the loyalty questions, when they apply.

    They apply to a B2B or hybrid company that rates loyalty important or critical (the loyalty
    file's `applies_when`). The consultant is asked first; a section begun earlier is continued.
    """

    def ask_loyalty(answers: Answers, path: Path) -> Answers:
        loyalty = catalog.loyalty
        if loyalty is None:
            return answers
        orientation = profile_from(answers, catalog.traits).orientation
        if not applies(loyalty, orientation, answers.importance):
            return answers
        ui = _UI[answers.lang] | _LOYALTY_UI[answers.lang]
        index = first_unanswered(loyalty, answers)
        if index == len(loyalty.questions):
            return answers
        if answers.loyalty is None:
            offer = _question(ui["offer"].format(n=len(loyalty.questions)))
            if not questionary.confirm(offer, default=True).unsafe_ask():
                return answers
            answers = answers.model_copy(update={"loyalty": {}})
            write_answers(path, answers)
        return ask_questions(loyalty, answers, path, index, ui)

    return ask_loyalty


def resume_command(path: Path, again: Sequence[str] = ()) -> str:
    """The exact command that continues this answers file, quoted for a POSIX shell."""
    return shlex.join(["crmadvisor", "loyalty", "--resume", str(path), *again])


def first_unanswered(loyalty: LoyaltyFile, answers: Answers) -> int:
    given = answers.loyalty or {}
    return next((i for i, q in enumerate(loyalty.questions) if q.id not in given), len(loyalty.questions))


def ask_questions(loyalty: LoyaltyFile, answers: Answers, path: Path, index: int, ui: dict[str, Any]) -> Answers:
    shown_part: str | None = None
    reached = index  # going forward past here, a question answered in the file (by hand) is not asked again
    while index < len(loyalty.questions):
        question = loyalty.questions[index]
        if index >= reached and question.id in (answers.loyalty or {}):
            index = reached = index + 1
            continue
        if question.part.value != shown_part:
            questionary.print(f"\n{ui['part.' + question.part.value]}", style="bold")
            shown_part = question.part.value
        value = ask(question, answers, back=index > 0, ui=ui)
        if value == BACK:
            index -= 1
            continue
        answers = answers.model_copy(update={"loyalty": {**(answers.loyalty or {}), question.id: value}})
        write_answers(path, answers)
        index += 1
        reached = max(reached, index)
    return answers


def ask(question: LoyaltyQuestion, answers: Answers, *, back: bool, ui: dict[str, Any]) -> Any:
    lang = answers.lang
    _help(question.question(lang), question.help(lang))
    choices = [Choice(o.label(lang), value=o.id) for o in question.options]
    current = (answers.loyalty or {}).get(question.id)
    return _select(question.question(lang), choices, current, back, ui)
