"""The loyalty section of the view on the terminal: context, gate and verdict, then one table a part."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from crmadvisor.present.console import plain
from crmadvisor.present.view import LoyaltySection, LoyaltyTable

STATUS_STYLE = {
    "✓": "green",
    "✗": "bold red",
    "?": "yellow",
}
VERDICT_STYLE = {"fix_fundamentals": "red", "design": "green", "incomplete": "yellow"}


def render_loyalty(console: Console, view: LoyaltySection) -> None:
    console.print(Rule(plain(view.heading)))
    # the title inside the panel, not on its border, where rich cuts a long one at the terminal's width
    context = plain(view.context_title + "\n", "bold")
    context.append_text(plain("\n".join(view.context)))
    console.print(Panel(context))
    console.print()
    _render_table(console, view.gate)
    style = VERDICT_STYLE[view.verdict]
    console.print(Panel(plain(view.summary), title=plain(view.verdict_title), title_align="left", style=style))
    console.print()
    for table in view.tables:
        _render_table(console, table)
        for note in table.notes:
            console.print(plain(note))
        console.print()
    if view.unanswered:
        console.print(plain(view.unanswered, "yellow"))
        console.print()


def _render_table(console: Console, table: LoyaltyTable) -> None:
    out = Table(title=plain(table.title), title_justify="left", show_lines=True)
    last = len(table.columns) - 1
    for i, column in enumerate(table.columns):
        if i == last:
            out.add_column(plain(column), ratio=5)
        elif i == 0:
            out.add_column(plain(column), ratio=2)
        else:
            numbers = all(row[i].lstrip("+").isdigit() for row in table.rows)
            out.add_column(plain(column), no_wrap=True, justify="right" if numbers else "left")
    for row in table.rows:
        cells: list[Text] = [plain(cell, STATUS_STYLE.get(cell[:1], "")) for cell in row]
        out.add_row(*cells)
    console.print(out)
