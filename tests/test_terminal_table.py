"""The assessment's tables on the terminal: drawn without rich's Table, character for character as it draws them."""

from __future__ import annotations

import io
import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from crmadvisor.present.terminal_table import Column, Row, _rich_table, _widths, print_table
from tests.conftest import run

WORDS = st.sampled_from(
    ["a", "CRM", "pipeline", "Salesforce", "■■■□□ !", "75 %", "B2B ──●── B2C", "日本語の名前", "x" * 40, "é́", "—"]
)
# a cell is empty or has words (an assessment has no cell of blank lines)
CELL = st.lists(st.lists(WORDS, max_size=8).map(" ".join), min_size=1, max_size=3).map("\n".join)
CELL = CELL.filter(lambda text: text == "" or text.strip() != "")


Drawn = tuple[list[Column], list[Row], bool, str | None]  # columns, rows, a rule between rows, the title


@st.composite
def tables(draw: st.DrawFn) -> Drawn:
    n = draw(st.integers(1, 6))
    columns = [
        Column(
            Text(draw(CELL)),
            justify=draw(st.sampled_from(["left", "right", "center"])),
            wraps=(wraps := draw(st.booleans())),
            width=None if wraps else draw(st.none() | st.integers(1, 12)),
        )
        for _ in range(n)
    ]
    rows = [
        Row(tuple(Text(draw(CELL)) for _ in range(n)), draw(st.sampled_from(["", "dim"])))
        for _ in range(draw(st.integers(0, 6)))
    ]
    return columns, rows, draw(st.booleans()), draw(st.none() | CELL.map(lambda t: t.replace("\n", " ")))


def _printed(draw: object, width: int) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, markup=False, emoji=False, highlight=False, color_system=None)
    draw(console)  # type: ignore[operator]
    return out.getvalue()


@settings(max_examples=40, deadline=None)
@given(tables(), st.integers(10, 160))
def test_a_table_reads_as_richs_table_at_any_width(table: Drawn, width: int) -> None:
    columns, rows, lines, title = table
    heading = Text(title) if title is not None else None
    ours = _printed(lambda c: print_table(c, columns, rows, title=heading, lines=lines), width)
    richs = _printed(lambda c: c.print(_rich_table(columns, rows, title=heading, lines=lines)), width)
    assert ours == richs


def test_the_tables_of_an_assessment_are_drawn_without_richs_table_at_80_columns() -> None:
    """The layout is ours wherever a wrapped cell keeps room to be read; rich's only on a narrow terminal."""
    columns = [Column(Text("#"), justify="right"), Column(Text("Vendor"), wraps=True), Column(Text("Fit"))]
    rows = [Row((Text("1"), Text("Salesforce Sales Cloud\nEnterprise · €123,523 a year"), Text("89 %")))]
    assert _widths(columns, rows, 80) is not None
    assert _widths(columns, rows, 14) is None


def test_the_terminal_report_has_its_tables_whole_and_within_the_width() -> None:
    done = run("assess", "--answers", "examples/answers/industrial-supplier.yaml", env={"COLUMNS": "80"})
    assert done.code == 0
    lines = done.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    for title in ("Needs", "Ranking"):
        top = lines.index(next(line for line in lines if line.startswith(title))) + 1
        assert lines[top].startswith("┏") and lines[top].endswith("┓")
        bottom = next(i for i in range(top, len(lines)) if lines[i].startswith("└"))
        assert all(line[0] in "┃┡│├" and line[-1] in "┃┩│┤" for line in lines[top + 1 : bottom])


BROKEN = re.compile(r"(\d|«)$")  # a line's text ending in a digit (a number's group) or «
REST = re.compile(r"^(\d{3}(?!\d)|€)")  # and the next one starting with what followed it


def _texts(line: str) -> list[str]:
    """A line's texts: its table cells or panel's inside, or the line itself."""
    return [part.strip() for part in re.split(r"[│┃]", line)]


def test_french_text_never_breaks_at_a_no_break_space() -> None:
    """U+202F and U+00A0 (French thousands, "13 695 €", « ») hold their words together on the terminal:
    in tables, panels and plain lines alike, and they are still printed."""
    for width in (50, 60, 80, 100):
        out = run("assess", "--answers", "examples/answers/industrial-supplier.yaml", "--lang", "fr", "--width", width)
        assert out.code == 0
        assert "\u202f" in out.stdout and "\u00a0" in out.stdout
        assert not any(ord(char) >= 0xF0000 for char in out.stdout)  # no private-use character held back
        lines = out.stdout.splitlines()
        for line, below in itertools.pairwise(lines):
            ends, starts = _texts(line), _texts(below)
            if len(ends) != len(starts):
                continue
            for end, start in zip(ends, starts, strict=True):
                assert not (BROKEN.search(end) and (REST.search(start) or end.endswith("«"))), (width, line, below)
