"""The executive summary on the terminal: the first thing printed, and all that `assess --summary` prints."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table

from crmadvisor.present.console import plain
from crmadvisor.present.labels import percent
from crmadvisor.present.view import Report


def _items(lines: Sequence[str], numbered: bool = False) -> Table:
    """Bullets with a hanging indent: a wrapped line starts under the text, not under the mark."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for i, line in enumerate(lines, start=1):
        grid.add_row(plain(f"{i}." if numbered else "-"), plain(line))
    return grid


def render_summary(console: Console, report: Report, w: dict[str, str]) -> None:
    summary = report.summary
    parts: list[RenderableType] = [plain(summary.orientation)]
    if report.orientation.consistency_note is not None:
        parts.append(plain(report.orientation.consistency_note, "yellow"))
    if summary.headline:
        parts += [plain(""), plain(w["exec.recommendation"], "bold underline"), plain(summary.headline, "bold")]
    picks = Table.grid(padding=(0, 1))
    picks.add_column(no_wrap=True)
    picks.add_column()
    for pick in summary.picks:
        name = plain(pick.name, "bold")
        name.append_text(plain(" · " + w["exec.fit"].format(fit=percent(pick.fit))))
        picks.add_row(plain(f"{pick.position}."), name)
        offer = f"{pick.configuration}{w['colon']} {pick.cost}" if pick.configuration else pick.cost
        picks.add_row(plain(""), plain(offer, "cyan"))
        picks.add_row(plain(""), plain(pick.why))
        picks.add_row(plain(""), plain(pick.left_open, "yellow" if pick.meets_must_haves else "red"))
        if pick.evidence:
            picks.add_row(plain(""), plain(f"{w['evidence.title']}{w['colon']} {pick.evidence}", "dim"))
    if summary.picks:
        parts.append(picks)
    for title, lines, numbered in (
        (w["exec.findings"], summary.findings, False),
        (w["exec.unchecked"], summary.unchecked, False),
    ):
        if lines:
            parts += [plain(""), plain(title, "bold underline"), _items(lines, numbered)]
    if summary.confidence:
        parts += [plain(""), plain(w["exec.confidence"], "bold underline"), plain(summary.confidence)]
    if summary.next_steps:
        parts += [plain(""), plain(w["exec.next"], "bold underline"), _items(summary.next_steps, numbered=True)]
    console.print(Panel(Group(*parts), title=plain(w["summary"]), title_align="left"))
