"""What a command gives back to print, and the rich console it draws the terminal's text on."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


@dataclass(frozen=True, slots=True)
class Printout:
    """The text for stdout (with the terminal's colours when it is one), the files written, the exit code."""

    text: str = ""
    paths: tuple[Path, ...] = ()
    exit_code: int = 0


def drawn(draw: Callable[[Console], None], width: int | None = None) -> str:
    """What `draw` prints on a console made for this process's stdout, as text.

    The console takes its width, colours and terminal-ness from stdout (and COLUMNS, NO_COLOR,
    FORCE_COLOR), as one printing there directly would. It reads no rich markup and no emoji codes:
    a company or vendor name such as `Acme [/] Ltd` or `:fire:` prints as written, and no line breaks at a
    no-break space (crmadvisor.present.console).
    """
    from rich.console import Console

    from crmadvisor.present.console import safe_console

    seen = Console(width=width)
    buffer = io.StringIO()
    console = safe_console(
        file=buffer,
        width=seen.width,
        force_terminal=seen.is_terminal,
        color_system=seen.color_system,
        no_color=seen.no_color,
        legacy_windows=False,
    )
    draw(console)
    return buffer.getvalue()
