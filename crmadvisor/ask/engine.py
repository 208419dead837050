"""The one questionnaire engine: asks a list of steps with back, saving after every answer.

The answers file is created before the first question (or resumed), written atomically after every
answer, and a Ctrl-C or closed input anywhere stops with `Interrupted` (exit 130) naming the command
that resumes it at the first unanswered step.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crmadvisor.ask.steps import OneOf, SomeOf, Step, Text, answered, first_unanswered, set_answer, shown, value_at
from crmadvisor.ask.terminal import BACK, ask, banner, clipped, say, select
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
    backwards = False
    while index < len(steps):
        step = steps[index]
        if index >= reached and answered(answers, step.field):
            index = reached = index + 1
            continue
        kind = step.kind_for(answers)
        if isinstance(kind, SomeOf) and not kind.options:  # nothing to choose from: nothing ticked, not asked
            if value_at(answers, step.field) != ():
                answers = set_answer(answers, step.field, ())
                write_answers(session.path, answers)
            index += -1 if backwards else 1
            reached = max(reached, index)
            continue
        if step.section and step.section != shown_section:
            banner(step.section)
            shown_section = step.section
        value = ask(step, answers, back=index > 0, w=w)
        backwards = value == BACK
        if backwards:
            index -= 1
            continue
        answers = set_answer(answers, step.field, value)
        write_answers(session.path, answers)
        index += 1
        reached = max(reached, index)
    return answers


def still_offered(steps: Sequence[Step], answers: Answers) -> Answers:
    """The answers without ticked options that a changed earlier answer no longer offers (a must-have of an
    area now answered not needed)."""
    for step in steps:
        kind = step.kind_for(answers)
        ticked = value_at(answers, step.field)
        if isinstance(kind, SomeOf) and ticked:
            offered = {option.value for option in kind.options}
            if any(value not in offered for value in ticked):
                answers = set_answer(answers, step.field, tuple(v for v in ticked if v in offered))
    return answers


def review(steps: Sequence[Step], answers: Answers, session: Session) -> Answers:
    """The summary, one line per part of the questionnaire: confirm, or open a part to change its answers.

    Each part's line shows its answers as far as the width allows; opening it lists them whole, one
    line each, to pick the one to change. Both screens fit a terminal of 80 columns and 24 rows.
    """
    w = words(answers.lang)
    parts: dict[str, list[Step]] = {}
    for step in steps:
        parts.setdefault(step.group or step.label, []).append(step)
    while True:
        banner(w["ask.summary"])
        lines = [(CONFIRM, w["ask.confirm"])]
        for name, part in parts.items():
            lines.append((name, clipped(w("ask.summary_line", question=name, answer=digest(part, answers, w)))))
        picked = select(w["ask.what_next"], lines, CONFIRM, w)
        if picked == CONFIRM:
            answers = answers.model_copy(update={"confirmed": True})
            write_answers(session.path, answers)
            return answers
        answers = review_part(picked, parts[picked], answers, session, steps)


def digest(part: Sequence[Step], answers: Answers, w: Mapping[str, str]) -> str:
    """A part's answers on one line: in order; when its questions share one scale, how many of each; when
    every one is optional (the constraints), only those given, each with its title."""
    given = [shown(step, answers) or "-" for step in part]
    kinds = [step.kind_for(answers) for step in part]
    first = kinds[0]
    if len(part) > 1 and isinstance(first, OneOf) and all(k == first for k in kinds):
        order = {option.label: i for i, option in enumerate(first.options)}
        counts = Counter(given)
        given = [f"{counts[label]} × {label}" for label in sorted(counts, key=lambda a: order.get(a, -1))]
    elif len(part) > 1 and all(_none_words(k) for k in kinds):
        colon = w["common.colon"]
        set_ = [(s.label, g) for s, g in zip(part, given, strict=True) if value_at(answers, s.field) not in (None, ())]
        given = [f"{label}{colon} {answer}" for label, answer in set_] or [_none_words(first)]
    return w["common.sep"].join(given)


def _none_words(kind: OneOf | SomeOf | Text) -> str:
    """How a question's summary says it was left without an answer ("" when it cannot be)."""
    if isinstance(kind, OneOf):
        return next((option.label for option in kind.options if option.value is None), "")
    return kind.none


def review_part(name: str, part: Sequence[Step], answers: Answers, session: Session, steps: Sequence[Step]) -> Answers:
    """One part's answers, whole, one per line: change any of them, then back to the summary."""
    w = words(answers.lang)
    at: int | str = 0
    while True:
        banner(name)
        lines: list[tuple[Any, str]] = [
            (i, clipped(w("ask.summary_line", question=s.label, answer=shown(s, answers) or "-")))
            for i, s in enumerate(part)
        ]
        at = select(w["ask.which_answer"], [*lines, (BACK, w["ask.back_to_summary"])], at, w)
        if at == BACK:
            return answers
        step = part[int(at)]
        kind = step.kind_for(answers)
        value = () if isinstance(kind, SomeOf) and not kind.options else ask(step, answers, back=False, w=w)
        answers = set_answer(answers, step.field, value).model_copy(update={"confirmed": False})
        answers = still_offered(steps, answers)
        write_answers(session.path, answers)
