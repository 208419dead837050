"""The assessment's large tables (needs, ranking, gap matrix) drawn as rich draws a table, at a fraction of its cost.

rich's `Table` measures and renders every cell through its whole renderable machinery: about 0.15 ms a
cell here, 60-90 ms of an `assess` for the few hundred cells of these tables, more than any other step
of the terminal. The layout these tables need is rich's simplest: each column as wide as its longest line and, when that
is too wide for the terminal, the widest wrapping columns narrowed first (rich's own `_collapse_widths`).
So the table is composed here as lines of text (wrapping cells wrapped by rich's `Text.wrap`) and printed
at once, in rich's box (a heavy head), one space of padding, the title above and the header in
bold: the same characters as rich's `Table`, wherever rich's layout leaves each wrapping column NARROWEST
characters. On a narrower terminal rich would shrink the wrapping column (the vendor's name) to nothing, so
the columns that do not wrap ("81 %", "0/11/0") keep only their widest cell, their headers wrapped above
it ("Gaps" over "B/M/m"), and the wrapping ones get the rest. When even that leaves a wrapping column fewer
than READABLE characters, or with a rich without that helper, rich's `Table` lays the table out itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, JustifyMethod
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

NARROWEST = 12  # a wrapping column narrower than this in rich's layout: a narrow terminal's layout (`_layout`)
READABLE = 6  # a wrapping column narrower than this even then: rich lays the table out itself
HEADER_STYLE = "bold"  # rich's "table.header"
# rich's HEAVY_HEAD box: left, between, right edges and the horizontal of each kind of line
TOP = ("┏", "┳", "┓", "━")
HEAD = ("┃", "┃", "┃")
HEAD_FOOT = ("┡", "╇", "┩", "━")
ROW = ("│", "│", "│")
BETWEEN = ("├", "┼", "┤", "─")
BOTTOM = ("└", "┴", "┘", "─")


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its header, how its cells sit, whether its lines wrap (else they are never cut), or a fixed
    `width` (the gap matrix's names and symbols), longer lines cut short with "…"."""

    header: Text
    justify: JustifyMethod = "left"
    wraps: bool = False
    width: int | None = None
    padding: int = 1  # blank columns on each side of its cells


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Text, ...]
    style: str = ""


def print_table(
    console: Console, columns: Sequence[Column], rows: Sequence[Row], *, title: Text | None = None, lines: bool = False
) -> None:
    """Print the table (`lines`: a rule between rows), laid out by rich when the terminal is too narrow."""
    layout = _layout(columns, rows, console.width)
    if layout is None:
        console.print(_rich_table(columns, rows, title=title, lines=lines))
        return
    widths, pads = layout.widths, layout.paddings
    # on a narrow terminal the header of a column that does not wrap wraps over its cells
    headers = [replace(col, wraps=True) if layout.narrow and col.width is None else col for col in columns]
    drawn: list[Segment] = []
    if title:  # an empty title is none, as rich has it; a long one wraps, at the table's width
        table_width = sum(widths) + 2 * sum(pads) + len(widths) + 1
        drawn += console.render(title, console.options.update(width=table_width, justify="left"))
    drawn.append(Segment(_rule(TOP, widths, pads)))
    header_style = Style.parse(HEADER_STYLE)
    drawn += _row(console, HEAD, headers, [c.header for c in columns], layout, header_style, bottom=True)
    drawn.append(Segment(_rule(HEAD_FOOT, widths, pads)))
    for i, row in enumerate(rows):
        if lines and i:
            drawn.append(Segment(_rule(BETWEEN, widths, pads)))
        drawn += _row(console, ROW, columns, row.cells, layout, Style.parse(row.style) if row.style else None)
    drawn.append(Segment(_rule(BOTTOM, widths, pads)))
    console.print(_Segments(drawn), crop=False)


class _Segments:
    """Lines already laid out, as rich prints them."""

    def __init__(self, segments: list[Segment]) -> None:
        self.segments = segments

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        yield from self.segments


def _longest_line(text: Text) -> int:
    return max((cell_len(line) for line in text.plain.split("\n")), default=0)


def _longest_word(text: Text) -> int:
    return max((cell_len(word) for word in text.plain.split()), default=0)


@dataclass(frozen=True, slots=True)
class Layout:
    """Each column's width without its padding, and whether the headers of the columns that do not wrap
    wrap too (a narrow terminal's layout, see `_layout`)."""

    widths: list[int]
    paddings: list[int]  # blank columns on each side of a column's cells
    narrow: bool = False


def _widths(columns: Sequence[Column], rows: Sequence[Row], width: int) -> list[int] | None:
    """Each column's width without its padding (see `_layout`), or None to let rich lay the table out."""
    layout = _layout(columns, rows, width)
    return None if layout is None else layout.widths


def _layout(columns: Sequence[Column], rows: Sequence[Row], width: int) -> Layout | None:
    """The columns' widths: rich's `Table`'s own wherever it leaves every wrapping column NARROWEST characters
    or more; on a narrower terminal, each column that does not wrap only as wide as its widest cell (its
    header wrapped above it: "Gaps" over "B/M/m") so the wrapping ones keep room, READABLE characters at
    least; narrower still, None: rich lays the table out."""
    collapse = getattr(Table, "_collapse_widths", None)
    room = width - (len(columns) + 1)
    cells = [max((_longest_line(r.cells[i]) for r in rows), default=0) for i in range(len(columns))]
    longest = [
        col.width if col.width is not None else max(_longest_line(col.header), cell)
        for col, cell in zip(columns, cells, strict=True)
    ]
    shrinks = [col.wraps and col.width is None for col in columns]
    pads = [col.padding for col in columns]
    fits = _fitted(longest, pads, shrinks, room, collapse)
    if fits is not None and _roomy(fits, longest, shrinks, NARROWEST):
        return Layout(fits, pads)
    if collapse is None:
        return None
    # the columns that do not wrap: their header's words kept whole first, then only their cells (the
    # wrapping ones NARROWEST wide if they can, else READABLE), last without their padding too (a fixed
    # column keeps its own: the gap matrix places its areas' names by it)
    steps = [(NARROWEST, True, True), (NARROWEST, False, True), (READABLE, True, True), (READABLE, False, True)]
    for narrowest, header_words, padded in [*steps, (READABLE, False, False)]:
        least = [
            wide if wraps or col.width is not None else max(cell, _longest_word(col.header) if header_words else 1)
            for col, wide, cell, wraps in zip(columns, longest, cells, shrinks, strict=True)
        ]
        pads = [
            col.padding if padded or wraps or col.width is not None else 0
            for col, wraps in zip(columns, shrinks, strict=True)
        ]
        fits = _fitted(least, pads, shrinks, room, collapse)
        if fits is not None and _roomy(fits, least, shrinks, narrowest):
            return Layout(fits, pads, narrow=True)
    return None


def _roomy(widths: list[int], longest: list[int], shrinks: list[bool], least: int) -> bool:
    """Whether every wrapping column keeps `least` characters (or its whole longest line, when shorter)."""
    return all(w >= min(least, wide) for w, wide, wraps in zip(widths, longest, shrinks, strict=True) if wraps)


def _fitted(longest: list[int], pads: list[int], shrinks: list[bool], room: int, collapse: object) -> list[int] | None:
    """The widths (without padding) rich gives columns this long, the wrapping ones narrowed first (rich's
    `_collapse_widths`), or None when they do not fit in `room`."""
    padded = [min(room, 2 * p + w) for w, p in zip(longest, pads, strict=True)]  # measured up to the room there is
    if sum(padded) > room:
        if not callable(collapse):
            return None
        padded = collapse(padded, shrinks, room)
        if sum(padded) > room:
            return None
    return [w - 2 * p for w, p in zip(padded, pads, strict=True)]


def _rule(box: tuple[str, str, str, str], widths: Sequence[int], pads: Sequence[int]) -> str:
    """A border line of the box, with its line break."""
    left, between, right, line = box
    return left + between.join(line * (w + 2 * p) for w, p in zip(widths, pads, strict=True)) + right + "\n"


def _row(
    console: Console,
    edges: tuple[str, str, str],
    columns: Sequence[Column],
    cells: Sequence[Text],
    layout: Layout,
    style: Style | None,
    *,
    bottom: bool = False,
) -> list[Segment]:
    """A row's lines: each cell's lines side by side, padded, the shorter cells filled with blank lines below
    (above them in the header, which rich aligns at the bottom)."""
    widths = layout.widths
    blocks = [_cell_lines(console, cell, col, w) for cell, col, w in zip(cells, columns, widths, strict=True)]
    height = max(len(b) for b in blocks)
    if bottom:
        blocks = [[[Segment(" " * w)]] * (height - len(b)) + b for b, w in zip(blocks, widths, strict=True)]
    left, between, right = edges
    pads = [[Segment(" " * p, style)] if p else [] for p in layout.paddings]
    out: list[Segment] = []
    for n in range(height):
        out.append(Segment(left))
        for i, (block, w, pad) in enumerate(zip(blocks, widths, pads, strict=True)):
            if i:
                out.append(Segment(between))
            out += pad
            if n < len(block):
                out += block[n] if style is None else Segment.apply_style(block[n], style)
            else:
                out.append(Segment(" " * w, style))
            out += pad
        out.append(Segment(right + "\n"))
    return out


def _cell_lines(console: Console, cell: Text, column: Column, width: int) -> list[list[Segment]]:
    """The cell's lines as segments, each exactly `width` wide: wrapped in a wrapping column, cut with "…" in
    a fixed one, placed as the column justifies."""
    if column.wraps or "\n" in cell.plain:
        wrapped = list(cell.wrap(console, width, justify=column.justify, overflow="ellipsis", no_wrap=not column.wraps))
    else:
        wrapped = [cell]
    shown = []
    for line in wrapped:
        size = cell_len(line.plain)
        if size > width:
            line = line.copy()
            line.truncate(width, overflow="ellipsis")
            size = cell_len(line.plain)
        gap = width - size
        before = {"right": gap, "center": gap // 2}.get(column.justify, 0)
        segments = [Segment(" " * before)] if before else []
        segments += [s for s in line.render(console) if s.text]
        if gap - before:
            segments.append(Segment(" " * (gap - before)))
        shown.append(segments)
    return shown or [[Segment(" " * width)]]


def _rich_table(columns: Sequence[Column], rows: Sequence[Row], *, title: Text | None, lines: bool) -> Table:
    table = Table(title=title, title_justify="left", show_lines=lines, min_width=0)
    for col in columns:
        table.add_column(
            col.header,
            justify=col.justify,
            no_wrap=not col.wraps,
            width=col.width,
            overflow="ellipsis",
        )
    for row in rows:
        table.add_row(*row.cells, style=row.style or None)
    return table
