"""Consoles that print names as they are written: every name a user or a vendor file supplies reaches the
terminal literally (no rich markup, no emoji codes, control characters and escape sequences shown as `\\xNN`).

rich breaks lines at any space Python's `re` knows, the no-break ones too (U+00A0, and U+202F: the French
thousands separator, the space before "€" and inside « »). So `plain` swaps them for private-use characters
as wide, which rich never breaks at, and the console made here (`NoBreakConsole`) swaps them back in every
text it writes: "13 695 €" stays on one line, "«" with its word.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from rich.console import Console
from rich.segment import Segment
from rich.text import Text

_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0))}
# a no-break space and the private-use character that stands for it while rich lays the text out
NO_BREAK = {"\u00a0": "\U000f00a0", "\u202f": "\U000f202f"}
_HELD = {ord(space): held for space, held in NO_BREAK.items()}
# a private-use character written as such (in a name) is shown as its code, like a control character
_HELD.update({ord(held): f"\\U{ord(held):08x}" for held in NO_BREAK.values()})
_TO_PLAIN = _CONTROL | _HELD
_RESTORED = {ord(held): space for space, held in NO_BREAK.items()}


def restored(text: str) -> str:
    """The text with its no-break spaces back in place of the characters that held them."""
    return text.translate(_RESTORED)


class NoBreakConsole(Console):
    """A rich console that writes the no-break spaces `plain` held back, in colour or not."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return restored(super()._render_buffer(buffer))


def safe_console(*, width: int | None = None, file: IO[str] | None = None, **options: Any) -> Console:
    """A console writing to `file` (standard output without one, with its width and colours) that reads no
    markup or emoji codes: a name such as `Acme [/] Ltd` or `:fire:` prints as written."""
    chosen = {"markup": False, "emoji": False, "highlight": False, "soft_wrap": False} | options
    return NoBreakConsole(file=file, width=width, **chosen)


def plain(value: object, style: str = "") -> Text:
    """Text shown as written: no markup, control characters (an escape sequence too) as `\\xNN`, the no-break
    spaces held (see above) so that no line breaks there."""
    return Text(str(value).translate(_TO_PLAIN), style=style)
