"""The RFP as an Excel workbook (openpyxl, imported only here and by the reader of returned workbooks).

Layout (load/rfp_workbook.py reads it back; the hidden `crmadvisor` sheet says what was sent):
- Read me, Requirements, one sheet per vendor, Demo scripts, Constraints, Pricing;
- headers on row HEADER_ROW of every table sheet, frozen, printed on each page; white cells are the
  ones to fill in, with drop-downs where the answer is one of a list.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from crmadvisor.model.rfp import (
    ANSWERED_ON,
    FIRST_ROW,
    HEADER_ROW,
    META_SHEET,
    RESPONSES,
    WORKBOOK_KIND,
    WORKBOOK_VERSION,
)
from crmadvisor.present.rfp import Rfp

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

# a vendor sheet's columns: (word key, width, filled in by the vendor)
VENDOR_COLUMNS = (
    ("id", 18, False),
    ("capability", 20, False),
    ("requirement", 48, False),
    ("must_have", 10, False),
    ("need", 8, False),
    ("rating", 10, False),
    ("evidence", 48, False),
    ("source", 18, False),
    ("response", 16, True),
    ("edition", 15, True),
    ("extra_cost", 13, True),
    ("comment", 30, True),
    ("link", 22, True),
)
DEMO_COLUMNS = (
    ("vendor", 20, False),
    ("id", 22, False),
    ("order", 5, False),
    ("capability", 24, False),
    ("why", 18, False),
    ("scenario", 55, False),
    ("look_for", 45, False),
    ("need", 9, False),
    ("rating", 11, False),
    ("score", 10, True),
    ("demo_date", 13, True),
    ("demo_by", 18, True),
)
PRICING_COLUMNS = (
    ("vendor", 20, False),
    ("id", 16, False),
    ("edition_name", 26, False),
    ("list_price", 11, False),
    ("currency", 9, False),
    ("per", 18, False),
    ("billing", 10, False),
    ("note", 40, False),
    ("source", 30, False),
    ("as_of", 12, False),
    ("quoted", 18, True),
    ("comment", 36, True),
)
REQUIREMENT_COLUMNS = (
    ("id", 22, False),
    ("area", 22, False),
    ("capability", 26, False),
    ("need", 9, False),
    ("must_have", 11, False),
    ("reason", 55, False),
    ("requirement", 65, False),
)

_GIVEN = PatternFill("solid", fgColor="EDEFF2")
_HEAD = PatternFill("solid", fgColor="1F3A5F")
_MUST = PatternFill("solid", fgColor="FCE8D5")
_THIN = Side(style="thin", color="9AA3AE")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_DATE = "yyyy-mm-dd"
CellValue = str | int | float | dt.date | None
LINE_HEIGHT = 13  # points per line of wrapped text
WIDE = 160  # sheets wider than this (in characters) print on A3


def workbook_bytes(rfp: Rfp) -> bytes:
    """The .xlsx file's bytes."""
    book = Workbook()
    w = rfp.w
    readme = book.active
    assert readme is not None
    readme.title = w["rfp.sheet.readme"]
    _readme(readme, rfp)
    meta = book.create_sheet(META_SHEET)
    _meta(meta, rfp)
    responses = f"{META_SHEET}!$E$1:$E${len(RESPONSES)}"

    sheet = book.create_sheet(w["rfp.sheet.requirements"])
    _headers(sheet, rfp, REQUIREMENT_COLUMNS, rfp.title)
    for i, r in enumerate(rfp.requirements):
        values: tuple[CellValue, ...] = (
            r.capability,
            r.area,
            r.name,
            r.need,
            w["rfp.yes"] if r.must_have else "",
            r.reason,
            r.requirement,
        )
        _row(sheet, FIRST_ROW + i, values, REQUIREMENT_COLUMNS, must=r.must_have)
    _finish(sheet, REQUIREMENT_COLUMNS, FIRST_ROW + len(rfp.requirements) - 1)

    for v, part in enumerate(rfp.vendors):
        sheet = book.create_sheet(part.sheet)
        _headers(sheet, rfp, VENDOR_COLUMNS, w("rfp.vendor_sheet", vendor=part.name))
        sheet["A2"] = w["rfp.answered_on"]
        sheet["A2"].font = Font(bold=True)
        sheet[ANSWERED_ON].number_format = _DATE
        sheet[ANSWERED_ON].border = _BOX
        sheet["E2"] = part.configuration
        for i, vr in enumerate(part.rows):
            r = vr.requirement
            rating = vr.rating if vr.rating is not None else w["rfp.not_rated"]
            must = w["rfp.yes"] if r.must_have else ""
            values = (
                r.capability,
                r.name,
                r.requirement,
                must,
                r.need,
                rating,
                vr.evidence,
                vr.source,
            )
            _row(sheet, FIRST_ROW + i, values, VENDOR_COLUMNS, must=r.must_have)
        last = FIRST_ROW + max(len(part.rows), 1) - 1
        _validate(sheet, "list", "I", last, formula=responses)
        editions = (
            f"{META_SHEET}!${get_column_letter(6 + v)}$1:${get_column_letter(6 + v)}${max(len(part.editions), 1)}"
        )
        _validate(sheet, "list", "J", last, formula=editions)
        _validate(sheet, "decimal", "K", last, low="0", high="1000000")
        _validate(sheet, "date", ANSWERED_ON[0], 2, first=2, low="36526", high="73051")
        _finish(sheet, VENDOR_COLUMNS, last)

    sheet = book.create_sheet(w["rfp.sheet.demo"])
    _headers(sheet, rfp, DEMO_COLUMNS, w["rfp.sheet.demo"])
    row = FIRST_ROW
    for part in rfp.vendors:
        for d in part.demo:
            rating = d.rating if d.rating is not None else w["rfp.not_rated"]
            values = (
                part.sheet,
                d.capability,
                d.order,
                d.name,
                d.why,
                d.scenario,
                d.look_for,
                d.need,
                rating,
            )
            _row(sheet, row, values, DEMO_COLUMNS, must=d.why == w["rfp.why.must_have"])
            row += 1
    _validate(sheet, "whole", "J", row - 1, low="0", high="5")
    _validate(sheet, "date", "K", row - 1, low="36526", high="73051")
    _finish(sheet, DEMO_COLUMNS, row - 1)

    _constraints(book.create_sheet(w["rfp.sheet.constraints"]), rfp)

    sheet = book.create_sheet(w["rfp.sheet.pricing"])
    _headers(sheet, rfp, PRICING_COLUMNS, w["rfp.sheet.pricing"])
    row = FIRST_ROW
    for part in rfp.vendors:
        for p in part.prices:
            values = (
                part.sheet,
                p.id,
                p.name,
                p.amount,
                p.currency,
                p.per,
                p.billing,
                p.note,
                p.source,
                p.as_of,
            )
            _row(sheet, row, values, PRICING_COLUMNS)
            row += 1
    _validate(sheet, "decimal", "K", row - 1, low="0", high="1000000")
    _finish(sheet, PRICING_COLUMNS, row - 1)

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _meta(sheet: Worksheet, rfp: Rfp) -> None:
    sheet.sheet_state = "hidden"
    rows: list[Sequence[CellValue]] = [
        ("kind", WORKBOOK_KIND),
        ("version", WORKBOOK_VERSION),
        ("lang", rfp.lang),
        ("date", rfp.date.isoformat()),
        ("company", rfp.company),
    ]
    for part in rfp.vendors:
        rows.append(("vendor", part.id, part.sheet))
    for i, facts in enumerate(rows, start=1):
        for j, value in enumerate(facts, start=1):
            sheet.cell(i, j, value)
    for i, response in enumerate(RESPONSES, start=1):
        sheet.cell(i, 5, rfp.w[f"rfp.response.{response}"])
    for v, part in enumerate(rfp.vendors):
        for i, (_, name) in enumerate(part.editions, start=1):
            sheet.cell(i, 6 + v, name)


def _readme(sheet: Worksheet, rfp: Rfp) -> None:
    w = rfp.w
    sheet["A1"] = rfp.title
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = rfp.intro
    sheet["A2"].alignment = _WRAP
    sheet.row_dimensions[2].height = 60
    sheet["A4"] = w["rfp.md.rubric"]
    sheet["A4"].font = Font(bold=True)
    for j, key in enumerate(("level", "label", "meaning"), start=1):
        cell = sheet.cell(5, j, w[f"rfp.col.{key}"])
        cell.font, cell.fill = Font(bold=True, color="FFFFFF"), _HEAD
    for i, (level, label, meaning) in enumerate(rfp.rubric, start=6):
        sheet.cell(i, 1, level).alignment = _WRAP
        sheet.cell(i, 2, label).alignment = _WRAP
        sheet.cell(i, 3, meaning).alignment = _WRAP
        sheet.row_dimensions[i].height = LINE_HEIGHT * _lines(meaning, 90)
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 16
    sheet.column_dimensions["C"].width = 90
    sheet.merge_cells("A2:C2")  # the one merged range: the intro, on a sheet the reader does not read
    sheet.print_area = f"A1:C{5 + len(rfp.rubric)}"
    _landscape(sheet)


def _constraints(sheet: Worksheet, rfp: Rfp) -> None:
    w = rfp.w
    columns: list[tuple[str, int, bool]] = [("constraint", 26, False), ("wanted", 30, False)]
    for part in rfp.vendors:
        columns += [
            (w("rfp.col.catalogue", vendor=part.name), 28, False),
            (w("rfp.col.confirm", vendor=part.name), 28, True),
        ]
    _headers(sheet, rfp, tuple(columns), w["rfp.sheet.constraints"])
    for i, (label, wanted) in enumerate(rfp.constraints):
        cells: list[CellValue] = [label, wanted]
        for part in rfp.vendors:
            cells += [part.constraints[i], None]
        _row(sheet, FIRST_ROW + i, cells, tuple(columns))
    _finish(sheet, tuple(columns), FIRST_ROW + len(rfp.constraints) - 1)


def _headers(sheet: Worksheet, rfp: Rfp, columns: Sequence[tuple[str, int, bool]], title: str) -> None:
    sheet["A1"] = title
    sheet["A1"].font = Font(bold=True, size=13)
    for j, (key, width, _) in enumerate(columns, start=1):
        text = rfp.w.get(f"rfp.col.{key}", key)
        cell = sheet.cell(HEADER_ROW, j, text)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = _HEAD
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = _BOX
        sheet.column_dimensions[get_column_letter(j)].width = width
    sheet.row_dimensions[HEADER_ROW].height = 42


def _row(
    sheet: Worksheet,
    row: int,
    values: Sequence[CellValue],
    columns: Sequence[tuple[str, int, bool]],
    must: bool = False,
) -> None:
    lines = 1
    for j, (_, width, filled) in enumerate(columns, start=1):
        value = values[j - 1] if j <= len(values) else None
        lines = max(lines, _lines(value, width))
        cell = sheet.cell(row, j, value)
        cell.alignment = _WRAP
        cell.border = _BOX
        if not filled:
            cell.fill = _MUST if must else _GIVEN
        if hasattr(value, "isoformat"):
            cell.number_format = _DATE
    sheet.row_dimensions[row].height = LINE_HEIGHT * lines


def _lines(value: CellValue, width: int) -> int:
    """How many lines a wrapped text takes in a column `width` characters wide (spreadsheets do not
    grow a row to its text when they open a file: the writer sets the height)."""
    if not isinstance(value, str):
        return 1
    return max(1, -(-len(value) * 11 // (10 * max(width - 2, 1))))


def _validate(
    sheet: Worksheet,
    kind: Literal["list", "whole", "decimal", "date"],
    column: str,
    last: int,
    *,
    first: int = FIRST_ROW,
    **bounds: str,
) -> None:
    if last < first:
        return
    if kind == "list":
        rule = DataValidation(type="list", formula1=bounds["formula"], allow_blank=True)
    else:
        rule = DataValidation(type=kind, operator="between", formula1=bounds["low"], formula2=bounds["high"])
        rule.allow_blank = True
    rule.showErrorMessage = True
    sheet.add_data_validation(rule)
    rule.add(f"{column}{first}:{column}{last}")


def _finish(sheet: Worksheet, columns: Sequence[tuple[str, int, bool]], last: int) -> None:
    end = get_column_letter(len(columns))
    sheet.freeze_panes = f"C{FIRST_ROW}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{end}{max(last, HEADER_ROW)}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{end}{max(last, HEADER_ROW)}"
    _landscape(sheet, wide=sum(width for _, width, _ in columns) > WIDE)


def _landscape(sheet: Worksheet, *, wide: bool = False) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A3 if wide else sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    setup = sheet.sheet_properties.pageSetUpPr
    if setup is not None:
        setup.fitToPage = True
