"""The one questionnaire engine: asks a list of steps with back, saving after every answer.

The answers file is created before the first question (or resumed), written atomically after every
answer, and a Ctrl-C or closed input anywhere stops with `Interrupted` (exit 130) naming the command
that resumes it at the first unanswered step.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import questionary
from questionary import Choice

from crmadvisor.ask.steps import Step, answered, first_unanswered, set_answer, shown
from crmadvisor.ask.terminal import BACK, ask, banner, fresh_input, say, width, wrapped_question
from crmadvisor.errors import Interrupted, UsageError
from crmadvisor.load.answers import read_answers, write_answers
from crmadvisor.model.schema import Answers, Catalog
from crmadvisor.resume import resume_command
from crmadvisor.words import words

CONFIRM = "__confirm__"


@dataclass(frozen=True, slots=True)
class Session:
    """One questionnaire run: the file it saves to and how to resume it."""

    path: Path
    command: str  # "assess" or "loyalty": the command that resumes it
    again: tuple[str, ...]
    resumed: bool

    def resume_command(self) -> str:
        return resume_command(self.command, self.path, self.again)


@dataclass(frozen=True, slots=True)
class Interview:
    """What an interview is asked for: a file to resume or to save to, a language, the day, and the
    options (catalogue folders) the printed resume command must repeat to ask and rank the same way."""

    resume: Path | None = None
    save: Path | None = None
    lang: str | None = None  # None: the resumed file's, else English
    today: dt.date = dt.date.min
    again: tuple[str, ...] = ()
    consultant: str | None = None  # --consultant: kept in the answers file, and not asked


def open_answers(
    catalog: Catalog, asked: Interview, *, command: str, default: Path, start: Mapping[str, Any] | None = None
) -> tuple[Answers, Session]:
    """The answers file a questionnaire writes to: the resumed one, or a new one created at once.

    A new file is never written over an existing one; `start` holds extra fields of a new file.
    """
    resume, save, lang, again = asked.resume, asked.save, asked.lang, asked.again
    w = words(lang)
    if resume is not None:
        if save is not None:
            raise UsageError(w("ask.resume_saves", path=resume))
        if not resume.is_file():
            raise UsageError(w("ask.no_file", path=resume))
        answers, _ = read_answers(resume, catalog)
        if lang is not None and lang != answers.lang:
            answers = answers.model_copy(update={"lang": lang})
        if asked.consultant and asked.consultant != answers.consultant:
            answers = set_answer(answers, "consultant", asked.consultant)
            write_answers(resume, answers)
        say(words(answers.lang)("ask.saving", path=resume))
        return answers, Session(resume, command, tuple(again), resumed=True)
    if save is not None and save.exists():
        raise UsageError(w("ask.exists", path=save, command=resume_command(command, save, again)))
    path = save if save is not None else free_name(default)
    given = {"consultant": asked.consultant} if asked.consultant else {}
    answers = Answers.model_validate(
        {"kind": "answers", "lang": "fr" if lang == "fr" else "en", "date": asked.today, **given, **(start or {})}
    )
    write_answers(path, answers)  # from now on, "your answers are saved in PATH" is true
    say(words(answers.lang)("ask.saving", path=path))
    return answers, Session(path, command, tuple(again), resumed=False)


def free_name(path: Path) -> Path:
    """crmadvisor-answers.yaml, or -2, -3 ... : never overwrite an earlier client's answers."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


@contextmanager
def stopped_safely(session: Session, lang: str) -> Iterator[None]:
    """Ctrl-C, or Ctrl-D / input closed: stop; the answers are on disk, and the message says how to go on."""
    try:
        yield
    except (KeyboardInterrupt, EOFError):
        message = words(lang)("ask.interrupted", path=session.path, command=session.resume_command())
        raise Interrupted(message) from None


def ask_steps(steps: Sequence[Step], answers: Answers, session: Session, *, resuming: str = "ask.resuming") -> Answers:
    """Ask every unanswered step in order, saving after each answer; "back" goes to the previous step.

    Going forward again, a step answered in the file (by hand, or before a Ctrl-C) is not asked again
    unless "back" reached it. `resuming` names the words that say where a resumed file starts.
    """
    w = words(answers.lang)
    index = reached = first_unanswered(list(steps), answers)
    if session.resumed and 0 < index < len(steps):
        say(w(resuming, path=session.path, n=index + 1, total=len(steps)))
    shown_section: str | None = None
    while index < len(steps):
        step = steps[index]
        if index >= reached and answered(answers, step.field):
            index = reached = index + 1
            continue
        if step.section and step.section != shown_section:
            banner(step.section)
            shown_section = step.section
        value = ask(step, answers, back=index > 0, w=w)
        if value == BACK:
            index -= 1
            continue
        answers = set_answer(answers, step.field, value)
        write_answers(session.path, answers)
        index += 1
        reached = max(reached, index)
    return answers


def review(steps: Sequence[Step], answers: Answers, session: Session) -> Answers:
    """The summary: confirm, or pick any answer to change, until confirmed."""
    w = words(answers.lang)
    while True:
        banner(w["ask.summary"])
        for step in steps:
            line = w("ask.summary_line", question=step.label, answer=shown(step, answers))
            questionary.print(textwrap.fill(line, width=width(), initial_indent="  ", subsequent_indent="    "))
        choices = [Choice(w["ask.confirm"], value=CONFIRM)]
        choices += [Choice(w("ask.edit", question=s.label), value=str(i)) for i, s in enumerate(steps)]
        message = wrapped_question(w["ask.what_next"], w["ask.keys"])
        fresh_input()
        picked = questionary.select(message, choices=choices, instruction=w["ask.keys"]).unsafe_ask()
        if picked == CONFIRM:
            answers = answers.model_copy(update={"confirmed": True})
            write_answers(session.path, answers)
            return answers
        step = steps[int(picked)]
        value = ask(step, answers, back=False, w=w)
        answers = set_answer(answers, step.field, value).model_copy(update={"confirmed": False})
        write_answers(session.path, answers)
