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
from collections.abc import Sequence
from typing import Any

from prompt_toolkit.application import Application
from prompt_toolkit.filters import is_done
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import ConditionalContainer, HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from questionary.constants import DEFAULT_SELECTED_POINTER, INDICATOR_SELECTED, INDICATOR_UNSELECTED
from questionary.styles import merge_styles_default


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
    chosen = [value for value, _ in items if value in ticked]
    at, done = start % rows, ""  # the row under the pointer; the answer as shown once given
    labels = [_wrap(label, width, 5) for _, label in items] + [_wrap(label, width, 3) for _, label in actions]

    def prompt() -> StyleAndTextTuples:
        if done:  # the whole answer after the question, or under it when it does not fit
            return [("class:qmark", "?"), ("class:question", f" {message.rstrip()}"), ("class:answer", done)]
        return [("class:qmark", "?"), ("class:question", f" {message} "), ("class:instruction", instruction)]

    def lines() -> StyleAndTextTuples:
        tokens: StyleAndTextTuples = []
        values = [value for value, _ in [*items, *actions]]
        for row, (value, label) in enumerate(zip(values, labels, strict=True)):
            here = row == at
            tokens.append(("class:pointer", f" {DEFAULT_SELECTED_POINTER} ") if here else ("", "   "))
            if here:
                tokens.append(("[SetCursorPosition]", ""))
            on = value in chosen and row < len(items)
            if row < len(items):
                tokens.append(
                    ("class:selected" if on else "", f"{INDICATOR_SELECTED if on else INDICATOR_UNSELECTED} ")
                )
            tokens.append(("class:selected" if on else "class:highlighted" if here else "", label))
            tokens.append(("", "\n"))
        return tokens[:-1]

    keys = KeyBindings()

    @keys.add(Keys.ControlC, eager=True)
    @keys.add(Keys.ControlQ, eager=True)
    def _abort(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @keys.add(Keys.Down, eager=True)
    @keys.add(Keys.ControlN, eager=True)
    def _down(event: KeyPressEvent) -> None:
        nonlocal at
        at = (at + 1) % rows

    @keys.add(Keys.Up, eager=True)
    @keys.add(Keys.ControlP, eager=True)
    def _up(event: KeyPressEvent) -> None:
        nonlocal at
        at = (at - 1) % rows

    @keys.add(" ", eager=True)
    def _tick(event: KeyPressEvent) -> None:
        if at < len(items):
            value = items[at][0]
            if value in chosen:
                chosen.remove(value)
            else:
                chosen.append(value)

    @keys.add(Keys.ControlM, eager=True)
    def _enter(event: KeyPressEvent) -> None:
        nonlocal done
        if at >= len(items):
            value, label = actions[at - len(items)]
            done = echoed(message, label, width)
            event.app.exit(result=value)
            return
        picked = tuple(value for value, _ in items if value in chosen)
        done = echoed(message, ", ".join(label for value, label in items if value in chosen) or "-", width)
        event.app.exit(result=picked)

    @keys.add(Keys.Any)
    def _other(event: KeyPressEvent) -> None:
        """Typed text has no meaning here."""

    listed = FormattedTextControl(lines, focusable=True, show_cursor=False)
    shown = Window(listed, dont_extend_height=True)  # prompt_toolkit scrolls it to the pointer, under the question
    layout = Layout(
        HSplit(
            [
                Window(FormattedTextControl(prompt), wrap_lines=True, dont_extend_height=True),
                ConditionalContainer(shown, filter=~is_done),
            ]
        ),
        focused_element=shown,
    )
    app: Application[Any] = Application(layout=layout, key_bindings=keys, style=merge_styles_default([]))
    return app.run()


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
