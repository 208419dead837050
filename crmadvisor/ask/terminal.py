"""How one step is asked on the terminal (questionary), wrapped to its width."""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Mapping
from functools import cache
from typing import Any

from prompt_toolkit import PromptSession
from prompt_toolkit.application.current import get_app_session
from prompt_toolkit.clipboard import InMemoryClipboard
from prompt_toolkit.document import Document
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.history import DummyHistory
from prompt_toolkit.lexers import SimpleLexer
from prompt_toolkit.renderer import print_formatted_text
from prompt_toolkit.styles import BaseStyle, Style, default_pygments_style, default_ui_style, merge_styles
from questionary.constants import DEFAULT_QUESTION_PREFIX, DEFAULT_STYLE
from questionary.styles import merge_styles_default

from crmadvisor.ask.checklist import checklist, for_terminal
from crmadvisor.ask.steps import OneOf, SomeOf, Step, Text, value_at
from crmadvisor.model.schema import Answers

BACK = "__back__"
TYPING_ROOM = 30  # columns left after a question for what is typed; fewer: it is typed on the next line


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
    from prompt_toolkit.input.typeahead import clear_typeahead

    try:
        termios.tcflush(sys.stdin.fileno(), termios.TCIFLUSH)
    except (OSError, termios.error):
        return
    clear_typeahead(get_app_session().input)


def width() -> int:
    return max(40, min(100, shutil.get_terminal_size((80, 24)).columns - 1))


def show(text: str, style: str | None = None) -> None:
    """A line as `questionary.print` writes it, in `style`, without merging the styles again at every line."""
    output = get_app_session().output
    line: StyleAndTextTuples = [("class:text", text), ("", "\n")]
    print_formatted_text(output, line, _merged(style), color_depth=output.get_default_color_depth())


@cache
def _merged(style: str | None) -> BaseStyle:
    """prompt_toolkit's default styles and questionary's, or a style for the text alone (`questionary.print`'s)."""
    own = DEFAULT_STYLE if style is None else Style([("text", style)])
    return merge_styles([default_ui_style(), default_pygments_style(), own])


def say(text: str, style: str = "italic") -> None:
    show(text, style=style)


def banner(text: str) -> None:
    show(f"\n{text}", style="bold")


def explain(heading: str, text: str) -> None:
    """A heading and its help text, wrapped to the terminal's width; no heading when it is empty."""
    if heading:
        banner(textwrap.fill(heading, width=width()))
    else:
        show("")
    for paragraph in text.splitlines():
        say(textwrap.fill(paragraph, width=width()))


def refuse(text: str) -> None:
    """Why a typed answer is not accepted, wrapped to the terminal's width, before the question is asked again."""
    show(textwrap.fill(text, width=width()), style="fg:ansired")


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


def select(message: str, choices: list[tuple[Any, str]], current: Any, w: Mapping[str, str]) -> Any:
    """One of `choices` ((value, label) pairs); the pointer starts on `current` when it is one of them."""
    start = next((i for i, (value, _) in enumerate(choices) if value == current), 0)
    question = wrapped_question(message, w["ask.keys"])
    fresh_input()
    return checklist(question, [], actions=choices, instruction=w["ask.keys"], start=start, width=width())


def ask(step: Step, answers: Answers, *, back: bool, w: Mapping[str, str]) -> Any:
    """The consultant's answer to one step, or BACK (offered when `back`)."""
    if step.help is not None:
        heading, text = step.help
        explain("" if heading == step.question else heading, text)  # the question is not said twice
    current = value_at(answers, step.field)
    kind = step.kind_for(answers)
    if isinstance(kind, Text):
        return _ask_text(step.question, kind, current, back=back, w=w)
    backs = [(BACK, w["ask.back"])] if back else []
    if isinstance(kind, SomeOf):
        items = [(o.value, o.label) for o in kind.options]
        question = wrapped_question(step.question, w["ask.checkbox_keys"])
        fresh_input()
        keys = w["ask.checkbox_keys"]
        return checklist(question, items, ticked=current or (), actions=backs, instruction=keys, width=width())
    assert isinstance(kind, OneOf)
    index = next((i for i, o in enumerate(kind.options) if o.value == current), None)
    picked = select(step.question, [(i, o.label) for i, o in enumerate(kind.options)] + backs, index, w)
    return BACK if picked == BACK else kind.options[picked].value


class _TextPrompt:
    """questionary's text prompt, made once per terminal rather than once a question, as the list prompt is.

    Asked afresh each time: nothing in its history, nothing cut in an earlier answer to paste.
    """

    def __init__(self) -> None:
        self.message = ""
        self.session: PromptSession[str] = PromptSession(
            self._tokens, style=merge_styles_default([]), lexer=SimpleLexer("class:answer"), history=DummyHistory()
        )

    def _tokens(self) -> StyleAndTextTuples:
        return [("class:qmark", DEFAULT_QUESTION_PREFIX), ("class:question", f" {self.message} ")]

    def ask(self, message: str, default: str) -> str:
        self.message = message
        self.session.clipboard = InMemoryClipboard()
        self.session.default_buffer.reset(Document(default))
        return self.session.app.run()


_text_prompt = for_terminal(_TextPrompt)


def _ask_text(message: str, kind: Text, current: Any, *, back: bool, w: Mapping[str, str]) -> Any:
    """Typed text; refused, it is said why (wrapped, whole) and the question is asked again with the text typed."""
    default = "" if current is None else kind.shown(current)
    question = wrapped_question(message)
    last = question.rsplit("\n", 1)[-1]
    if width() - len(last) - (2 if last == question else 0) < TYPING_ROOM:  # typed on the next line, not cut
        question += "\n"
    while True:
        fresh_input()
        typed = _text_prompt().ask(question, default)
        if kind.back_key is not None and typed.strip() == kind.back_key:
            return BACK if back else current  # in the summary, the back key leaves the answer as it was
        try:
            return kind.read(typed)
        except ValueError:
            refuse(kind.refused or w["ask.required"])
            default = typed
