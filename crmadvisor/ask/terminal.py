"""How one step is asked on the terminal (questionary), wrapped to its width."""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Mapping
from typing import Any

import questionary
from questionary import Choice

from crmadvisor.ask.checklist import checklist
from crmadvisor.ask.steps import OneOf, SomeOf, Step, Text, value_at
from crmadvisor.model.schema import Answers

BACK = "__back__"


def fresh_input() -> None:
    """Forget the keys typed before a question is on screen: they were meant for the previous one.

    A `y` then Enter at a yes/no question, or an Enter pressed twice, must not answer the next
    question unseen. Drops what the terminal holds (termios) and what prompt_toolkit read ahead;
    with no terminal (tests' pipes, scripts), typed-ahead keys are kept.
    """
    if not sys.stdin.isatty():
        return
    try:
        import termios
    except ImportError:  # Windows: no termios, nothing held to drop
        return
    from prompt_toolkit.application.current import get_app_session
    from prompt_toolkit.input.typeahead import clear_typeahead

    try:
        termios.tcflush(sys.stdin.fileno(), termios.TCIFLUSH)
    except (OSError, termios.error):
        return
    clear_typeahead(get_app_session().input)


def width() -> int:
    return max(40, min(100, shutil.get_terminal_size((80, 24)).columns - 1))


def say(text: str, style: str = "italic") -> None:
    questionary.print(text, style=style)


def banner(text: str) -> None:
    questionary.print(f"\n{text}", style="bold")


def explain(heading: str, text: str) -> None:
    banner(heading)
    for paragraph in text.splitlines():
        say(textwrap.fill(paragraph, width=width()))


def wrapped_question(message: str, instruction: str = "") -> str:
    """The question wrapped at word boundaries after questionary's "? " mark, not cut mid-word by the terminal.

    The instruction questionary prints after it goes to the next line when it would not fit on the last one.
    """
    room = width() - 2
    text = textwrap.fill(message, width=room, subsequent_indent="  ")
    if instruction and len(text.rsplit("\n", 1)[-1]) + len(instruction) + 2 > room:
        text += "\n"
    return text


def clipped(text: str) -> str:
    """One line of a list that fits after questionary's " » " pointer, cut with an ellipsis when it does not."""
    room = width() - 3
    return text if len(text) <= room else text[: room - 1].rstrip() + "…"


def _wrapped(label: str) -> str:
    """A long option label on several lines, cut between words, aligned after questionary's " » " pointer."""
    return textwrap.fill(label, width=width() - 3, subsequent_indent="   ")


def select(message: str, choices: list[tuple[Any, str]], current: Any, w: Mapping[str, str]) -> Any:
    """One of `choices` ((value, label) pairs); the pointer starts on `current` when it is one of them."""
    options = [Choice(_wrapped(label), value=value) for value, label in choices]
    chosen = current if current in {value for value, _ in choices} else None
    question = wrapped_question(message, w["ask.keys"])
    fresh_input()
    return questionary.select(question, choices=options, default=chosen, instruction=w["ask.keys"]).unsafe_ask()


def ask(step: Step, answers: Answers, *, back: bool, w: Mapping[str, str]) -> Any:
    """The consultant's answer to one step, or BACK (offered when `back`)."""
    if step.help is not None:
        explain(*step.help)
    current = value_at(answers, step.field)
    kind = step.kind_for(answers)
    if isinstance(kind, Text):
        return _ask_text(step.question, kind, current, back=back)
    backs = [(BACK, w["ask.back"])] if back else []
    if isinstance(kind, SomeOf):
        items = [(o.value, o.label) for o in kind.options]
        question = wrapped_question(step.question, w["ask.checkbox_keys"])
        fresh_input()
        return checklist(question, items, ticked=current or (), actions=backs, instruction=w["ask.checkbox_keys"])
    assert isinstance(kind, OneOf)
    index = next((i for i, o in enumerate(kind.options) if o.value == current), None)
    picked = select(step.question, [(i, o.label) for i, o in enumerate(kind.options)] + backs, index, w)
    return BACK if picked == BACK else kind.options[picked].value


def _ask_text(message: str, kind: Text, current: Any, *, back: bool) -> Any:
    def valid(typed: str) -> bool | str:
        if kind.back_key is not None and typed.strip() == kind.back_key:
            return True
        try:
            kind.read(typed)
        except ValueError:
            return False if kind.refused is None else kind.refused
        return True

    default = "" if current is None else kind.shown(current)
    fresh_input()
    typed = questionary.text(wrapped_question(message), default=default, validate=valid).unsafe_ask()
    if kind.back_key is not None and typed.strip() == kind.back_key:
        return BACK if back else current  # in the summary, the back key leaves the answer as it was
    return kind.read(typed)
