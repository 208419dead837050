"""Consoles that print names as they are written: every name a user or a vendor file supplies reaches the
terminal literally (no rich markup, no emoji codes, control characters and escape sequences shown as `\\xNN`).
"""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.text import Text

_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0))}


def safe_console(*, width: int | None = None, file: IO[str] | None = None) -> Console:
    """A console writing to `file` (standard output without one, with its width and colours) that reads no
    markup or emoji codes: a name such as `Acme [/] Ltd` or `:fire:` prints as written."""
    return Console(file=file, width=width, markup=False, emoji=False, highlight=False, soft_wrap=False)


def plain(value: object, style: str = "") -> Text:
    """Text shown as written: no markup, control characters (an escape sequence too) as `\\xNN`."""
    return Text(str(value).translate(_CONTROL), style=style)
