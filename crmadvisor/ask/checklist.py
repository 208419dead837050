"""The list prompts of the questionnaire: tick any items, or pick one choice; "back" is a choice apart.

questionary's checkbox can only offer "back" as one more tickable item (ticked with others, it was
still "back"). This prompt, built on prompt_toolkit as questionary's are and in its style, lists the
items to tick and, apart from them, the choices that end the question at once (Enter on "back"); with
no item to tick, it is a single choice. Long labels wrap between words under themselves, the list
scrolls within the terminal's height (the question stays on screen), and once answered the question
is echoed with its whole answer, on the next line when it does not fit after the question.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from prompt_toolkit.application import Application
from prompt_toolkit.application.current import AppSession, get_app_session
from prompt_toolkit.filters import is_done
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import ConditionalContainer, HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from questionary.constants import DEFAULT_SELECTED_POINTER, INDICATOR_SELECTED, INDICATOR_UNSELECTED
from questionary.styles import merge_styles_default

T = TypeVar("T")


def checklist(
    message: str,
    items: Sequence[tuple[Any, str]],
    *,
    ticked: Sequence[Any] = (),
    actions: Sequence[tuple[Any, str]] = (),
    instruction: str = "",
    start: int = 0,
    width: int = 79,
) -> Any:
    """The tuple of the ticked items' values, in list order; or the value of the action chosen.

    `items` and `actions` are (value, label) pairs. Space ticks the item under the pointer; Enter on an
    item confirms what is ticked (nothing ticked is an answer), Enter on an action returns its value.
    With no items, a single choice among the actions. The pointer starts on row `start`; `message` is
    wrapped to `width` already. Ctrl-C raises KeyboardInterrupt; closed input, EOFError.
    """
    rows = len(items) + len(actions)
    labels = [_wrap(label, width, 5) for _, label in items] + [_wrap(label, width, 3) for _, label in actions]
    chosen = [value for value, _ in items if value in ticked]
    asked = _Asked(message, tuple(items), tuple(actions), instruction, width, labels, chosen, start % rows)
    return _prompt().ask(asked)


@dataclass(slots=True)
class _Asked:
    """The list question on screen: what it shows, and where the consultant is in it."""

    message: str
    items: tuple[tuple[Any, str], ...]
    actions: tuple[tuple[Any, str], ...]
    instruction: str
    width: int
    labels: list[str]  # wrapped, items' then actions'
    chosen: list[Any]  # the ticked items' values, in the order ticked
    at: int  # the row under the pointer
    done: str = ""  # the answer as shown once given

    def prompt(self) -> StyleAndTextTuples:
        if self.done:  # the whole answer after the question, or under it when it does not fit
            return [("class:qmark", "?"), ("class:question", f" {self.message.rstrip()}"), ("class:answer", self.done)]
        return [("class:qmark", "?"), ("class:question", f" {self.message} "), ("class:instruction", self.instruction)]

    def lines(self) -> StyleAndTextTuples:
        tokens: StyleAndTextTuples = []
        values = [value for value, _ in [*self.items, *self.actions]]
        for row, (value, label) in enumerate(zip(values, self.labels, strict=True)):
            here = row == self.at
            tokens.append(("class:pointer", f" {DEFAULT_SELECTED_POINTER} ") if here else ("", "   "))
            if here:
                tokens.append(("[SetCursorPosition]", ""))
            on = value in self.chosen and row < len(self.items)
            if row < len(self.items):
                tokens.append(
                    ("class:selected" if on else "", f"{INDICATOR_SELECTED if on else INDICATOR_UNSELECTED} ")
                )
            tokens.append(("class:selected" if on else "class:highlighted" if here else "", label))
            tokens.append(("", "\n"))
        return tokens[:-1]

    def move(self, by: int) -> None:
        self.at = (self.at + by) % len(self.labels)

    def tick(self) -> None:
        if self.at < len(self.items):
            value = self.items[self.at][0]
            if value in self.chosen:
                self.chosen.remove(value)
            else:
                self.chosen.append(value)

    def answer(self) -> Any:
        """Enter: the action under the pointer, or what is ticked; `done` says it after the question."""
        if self.at >= len(self.items):
            value, label = self.actions[self.at - len(self.items)]
            self.done = echoed(self.message, label, self.width)
            return value
        ticked = [(value, label) for value, label in self.items if value in self.chosen]
        self.done = echoed(self.message, ", ".join(label for _, label in ticked) or "-", self.width)
        return tuple(value for value, _ in ticked)


class _ListPrompt:
    """The prompt_toolkit application that asks the list questions of one terminal, one after another.

    Built once, not once a question: an application loads prompt_toolkit's whole set of default key
    bindings and merges its styles when it is made, and learns which bindings each key matches as it
    runs (a quarter of an interview's time went to that). Each run shows the question it is given;
    prompt_toolkit resets the screen, the keys and the layout between runs, as for a PromptSession.
    """

    def __init__(self) -> None:
        self.asked = _Asked("", (), (("", ""),), "", 79, [""], [], 0)  # replaced by each question asked
        keys = KeyBindings()

        @keys.add(Keys.ControlC, eager=True)
        @keys.add(Keys.ControlQ, eager=True)
        def _abort(event: KeyPressEvent) -> None:
            event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

        @keys.add(Keys.Down, eager=True)
        @keys.add(Keys.ControlN, eager=True)
        def _down(event: KeyPressEvent) -> None:
            self.asked.move(1)

        @keys.add(Keys.Up, eager=True)
        @keys.add(Keys.ControlP, eager=True)
        def _up(event: KeyPressEvent) -> None:
            self.asked.move(-1)

        @keys.add(" ", eager=True)
        def _tick(event: KeyPressEvent) -> None:
            self.asked.tick()

        @keys.add(Keys.ControlM, eager=True)
        def _enter(event: KeyPressEvent) -> None:
            event.app.exit(result=self.asked.answer())

        @keys.add(Keys.Any)
        def _other(event: KeyPressEvent) -> None:
            """Typed text has no meaning here."""

        listed = FormattedTextControl(lambda: self.asked.lines(), focusable=True, show_cursor=False)
        shown = Window(listed, dont_extend_height=True)  # prompt_toolkit scrolls it to the pointer, under the question
        question = Window(FormattedTextControl(lambda: self.asked.prompt()), wrap_lines=True, dont_extend_height=True)
        layout = Layout(HSplit([question, ConditionalContainer(shown, filter=~is_done)]), focused_element=shown)
        self.app: Application[Any] = Application(layout=layout, key_bindings=keys, style=merge_styles_default([]))

    def ask(self, asked: _Asked) -> Any:
        self.asked = asked
        return self.app.run()


def for_terminal(make: Callable[[], T]) -> Callable[[], T]:
    """`make()` once per terminal: per prompt_toolkit app session, whose input and output an application
    keeps from when it is made. Only the last session's is kept: a command has one, tests open one a run
    (and an application holds its session, through the context it ran in, so a cache by session would
    keep every one of them)."""
    made: list[tuple[AppSession, T]] = []

    def get() -> T:
        session = get_app_session()
        if not made or made[0][0] is not session:
            made[:] = [(session, make())]
        return made[0][1]

    return get


_prompt = for_terminal(_ListPrompt)


def _wrap(label: str, width: int, indent: int) -> str:
    """A label on as many lines as it needs, cut between words, aligned under its first word."""
    return textwrap.fill(label, width=max(20, width - indent), subsequent_indent=" " * indent)


def echoed(message: str, answer: str, width: int) -> str:
    """The answer as written after the question once given: on the question's last line when it fits
    there whole, else from the next line, wrapped; never past `width`."""
    last = message.rstrip().rsplit("\n", 1)
    used = len(last[-1]) + (2 if len(last) == 1 else 0)  # "? " before the first line
    if "\n" not in answer and used + 1 + len(answer) <= width:
        return f" {answer}"
    flat = " ".join(answer.split())
    return "\n" + textwrap.fill(flat, width=width, initial_indent="  ", subsequent_indent="  ")
