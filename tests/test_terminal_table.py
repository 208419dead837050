"""The assessment's tables on the terminal: drawn without rich's Table, character for character as it draws them
wherever rich leaves every wrapping column room; on a narrow terminal, laid out so that every column shows."""

from __future__ import annotations

import io
import itertools
import json
import re

from conftest import run
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from crmadvisor.present.terminal_table import (
    NARROWEST,
    READABLE,
    Column,
    Row,
    _layout,
    _longest_line,
    _rich_table,
    _widths,
    print_table,
)

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


def _richs_layout_is_roomy(columns: list[Column], rows: list[Row], width: int) -> bool:
    """Whether rich's `Table` gives every column that does not wrap its longest line and every wrapping one
    NARROWEST characters (or its longest line, when shorter)."""
    console = Console(width=width)
    widths = _rich_table(columns, rows, title=None, lines=False)._calculate_column_widths(console, console.options)
    for i, (col, padded) in enumerate(zip(columns, widths, strict=True)):
        longest = col.width or max(_longest_line(t) for t in (col.header, *(r.cells[i] for r in rows)))
        if padded - 2 < (min(NARROWEST, longest) if col.wraps and col.width is None else longest):
            return False
    return sum(widths) + len(columns) + 1 <= width


@settings(max_examples=40, deadline=None)
@given(tables(), st.integers(10, 160))
def test_a_table_reads_as_richs_table_wherever_rich_leaves_room(table: Drawn, width: int) -> None:
    """Where rich's own layout leaves every column room (and where no layout of ours fits), the same characters."""
    columns, rows, lines, title = table
    heading = Text(title) if title is not None else None
    ours = _printed(lambda c: print_table(c, columns, rows, title=heading, lines=lines), width)
    richs = _printed(lambda c: c.print(_rich_table(columns, rows, title=heading, lines=lines)), width)
    layout = _layout(columns, rows, width)
    if layout is None or not layout.narrow:
        assert ours == richs
    else:  # a narrow terminal's layout, ours: only where rich's starves a column
        assert not _richs_layout_is_roomy(columns, rows, width)


@settings(max_examples=100, deadline=None)
@given(tables(), st.integers(10, 70))
def test_a_table_on_a_narrow_terminal_shows_every_column(table: Drawn, width: int) -> None:
    """Where rich would starve a column, ours keeps every line within the width, its borders whole, each cell's
    start in sight (a wrapped word READABLE - 1 characters at least) and every short cell whole."""
    columns, rows, lines, title = table
    layout = _layout(columns, rows, width)
    if layout is None or not layout.narrow:
        return
    ours = _printed(lambda c: print_table(c, columns, rows, title=Text(title or ""), lines=lines), width)
    drawn = ours.splitlines()
    top = next(i for i, line in enumerate(drawn) if line.startswith("┏"))
    assert all(cell_len(line) <= width for line in drawn)
    assert drawn[-1].startswith("└") and drawn[-1].endswith("┘")
    for line in drawn[top + 1 : -1]:
        assert line[0] in "┃┡│├" and line[-1] in "┃┩│┤" and cell_len(line) == cell_len(drawn[top])
    for row in rows:
        for col, cell in zip(columns, row.cells, strict=True):
            words = cell.plain.split()
            if not words or col.width is not None:
                continue
            if col.wraps:
                assert _start(words[0]) in ours
            else:  # a column that does not wrap is as wide as its widest cell: every line whole
                assert all(line in ours for line in cell.plain.split("\n"))


def _start(word: str) -> str:
    """A word's first characters a column READABLE wide shows before its "…" (a wide one may leave a blank)."""
    start = ""
    for char in word:
        if cell_len(start + char) > READABLE - 2:
            break
        start += char
    return start


def test_a_table_on_a_narrow_terminal_wraps_the_headers_over_short_cells() -> None:
    """The ranking at 50 columns: the headers of the short columns wrap, the vendor keeps its room."""
    columns = [Column(Text("#"), justify="right"), Column(Text("Vendor"), wraps=True)]
    columns += [Column(Text("Fit"), justify="right"), Column(Text("Gaps B/M/m"), justify="center")]
    columns += [Column(Text("1st in"), justify="right"), Column(Text("Rank 5-95 %"), justify="center")]
    rows = [Row((Text("1"), Text("Salesforce Sales Cloud"), Text("81 %"), Text("0/4/5"), Text("73 %"), Text("1-3")))]
    richs = _printed(lambda c: c.print(_rich_table(columns, rows, title=None, lines=False)), 50)
    assert "Salesfo" not in richs  # rich gives the vendor no room
    ours = _printed(lambda c: print_table(c, columns, rows), 50)
    assert "│ 1 │ Salesforce" in ours and "Gaps" in ours and "B/M/m" in ours and "Rank" in ours
    assert all(len(line) <= 50 for line in ours.splitlines())


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


def _sections(text: str, width: int) -> tuple[list[str], list[str]]:
    """The ranking table's lines and the gap matrix's rows (from the table's header to its bottom)."""
    lines = text.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("Ranking")))
    top = start + 1 if lines[start + 1].startswith("┏") else start + 2
    bottom = next(i for i in range(top, len(lines)) if lines[i].startswith("└"))
    ranking = lines[top : bottom + 1]
    matrix_top = next(i for i in range(bottom, len(lines)) if lines[i].startswith("┏"))
    matrix_bottom = next(i for i in range(matrix_top, len(lines)) if lines[i].startswith("└"))
    return ranking, lines[matrix_top + 3 : matrix_bottom]


def test_a_narrow_terminal_shows_every_vendor_and_every_matrix_symbol() -> None:
    """At 50 and 60 columns and --width 40 (the narrowest) the ranking shows each vendor's name, the gap matrix
    each symbol."""
    answers = "examples/answers/industrial-supplier.yaml"
    report = json.loads(run("assess", "--answers", answers, "--format", "json").stdout)
    names = [row["name"] for row in report["ranking"]]
    symbols = [[cell["symbol"] for cell in row["cells"]] for row in report["matrix"]]
    for width, how in ((50, {"env": {"COLUMNS": "50"}}), (60, {"env": {"COLUMNS": "60"}}), (40, {})):
        extra = () if how else ("--width", str(width))
        done = run("assess", "--answers", answers, *extra, **how)  # type: ignore[arg-type]
        assert done.code == 0
        assert all(len(line) <= width for line in done.stdout.splitlines())
        ranking, matrix = _sections(done.stdout, width)
        assert all(line[0] in "┏┃┡│└" and line[-1] in "┓┃┩│┘" and len(line) == len(ranking[0]) for line in ranking)
        vendor_column = "\n".join(line.split("│")[2] if line.startswith("│") else "" for line in ranking)
        for name in names:
            assert _start(name.split()[0]) in vendor_column, (width, name)
        assert len(matrix) == len(symbols)
        for line, row in zip(matrix, symbols, strict=True):
            assert re.split(r"\s*│\s*", line.strip("│ "))[1:] == row, (width, line)


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


def test_french_colour_output_has_its_no_break_spaces_and_no_placeholder() -> None:
    answers = "examples/answers/industrial-supplier.yaml"
    out = run("assess", "--answers", answers, "--lang", "fr", "--width", 60, env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" in out and "\u202f" in out and "\u00a0" in out
    assert not any(ord(char) >= 0xF0000 for char in out)
