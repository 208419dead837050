"""A returned RFP workbook -> each vendor's answers and demo scores, every problem located as
`file.xlsx:Sheet!C12` and all of them reported in one run.

An .xlsx is a zip: its size, its number of entries and their declared uncompressed size are bounded
before openpyxl reads anything (Python's zip reader never returns more than an entry declares).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from crmadvisor.errors import CrmAdvisorError, UsageError
from crmadvisor.files import TooLarge, read_bounded
from crmadvisor.load.located import did_you_mean
from crmadvisor.model.rfp import (
    ANSWERED_ON,
    FIRST_ROW,
    HEADER_ROW,
    RESPONSES,
    WORKBOOK_KIND,
    WORKBOOK_VERSION,
    Answer,
    ResponseKind,
    Returned,
)
from crmadvisor.model.rfp import META_SHEET as META
from crmadvisor.model.schema import Catalog, Vendor, one_edition
from crmadvisor.words import words

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell, MergedCell
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

MAX_XLSX_BYTES = 20 * 1024 * 1024  # a returned RFP of 10 vendors is about 100 KB
MAX_UNCOMPRESSED = 100 * 1024 * 1024  # sum of the entries' declared sizes
MAX_ENTRIES = 500  # parts in the zip (sheets, styles, relations...)
MAX_DATA_ROWS = 2000  # rows read below a sheet's headers
MAX_EXTRA_COST = 1_000_000  # per user per month: above it, a typo
T = TypeVar("T", bound=str)
_URL = re.compile(r"^https?://\S+$")


class WorkbookProblems(CrmAdvisorError):
    """Every problem of a returned workbook, one a line: `file.xlsx:Sheet!C12: error: message`."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(problems))


@dataclass
class _Reader:
    name: str  # the file's name, as problems locate it
    problems: list[str] = field(default_factory=list)

    def at(self, sheet: str, where: str, message: str) -> None:
        place = f"{self.name}:{sheet}!{where}" if sheet else self.name
        self.problems.append(f"{place}: error: {message}")

    def value(self, sheet: Worksheet, cell: Cell | MergedCell) -> Any:
        """A cell's value; a formula is a problem (a value was expected), and reads as empty."""
        if cell.data_type == "f":
            self.at(sheet.title, cell.coordinate, "a formula where a value is expected: paste the value")
            return None
        value = cell.value
        return value.strip() or None if isinstance(value, str) else value


def read_returned(path: Path, catalog: Catalog, today: dt.date) -> tuple[Returned, ...]:
    """Each vendor's answers in a workbook `crmadvisor rfp` wrote and a vendor or consultant filled in."""
    if not path.is_file():
        raise UsageError(f"{path}: no such workbook")
    reader = _Reader(path.name)
    book = _open(path, reader)
    returned = _read(book, reader, catalog, today)
    if reader.problems:
        raise WorkbookProblems(reader.problems)
    return returned


def _open(path: Path, reader: _Reader) -> Workbook:
    def refuse(message: str) -> WorkbookProblems:
        return WorkbookProblems([f"{reader.name}: error: {message}"])

    try:
        data = read_bounded(path, MAX_XLSX_BYTES)
    except TooLarge:
        raise refuse(f"over {MAX_XLSX_BYTES // (1024 * 1024)} MB: not a returned RFP workbook") from None
    except OSError as err:
        raise refuse(f"cannot read: {err.strerror}") from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise refuse("not an .xlsx workbook (not a zip file)") from None
    if len(entries) > MAX_ENTRIES:
        raise refuse(f"{len(entries)} parts in the file, over {MAX_ENTRIES}: not a returned RFP workbook")
    if sum(e.file_size for e in entries) > MAX_UNCOMPRESSED:
        raise refuse(f"unpacks to over {MAX_UNCOMPRESSED // (1024 * 1024)} MB: refused before reading")
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), data_only=False)
    except Exception as err:  # openpyxl raises many kinds on a damaged file
        raise refuse(f"not a readable .xlsx workbook ({type(err).__name__})") from None


def _read(book: Workbook, reader: _Reader, catalog: Catalog, today: dt.date) -> tuple[Returned, ...]:
    meta = _worksheet(book, META, reader) if META in book.sheetnames else None
    if meta is None:
        reader.at("", "", "not an RFP workbook written by `crmadvisor rfp` (no `crmadvisor` sheet)")
        return ()
    facts = {str(r[0].value): r for r in meta.iter_rows(min_row=1, max_row=5, max_col=3)}
    kind, version = (facts[k][1].value if k in facts else None for k in ("kind", "version"))
    if kind != WORKBOOK_KIND or version != WORKBOOK_VERSION or "lang" not in facts:
        expected = f"`{WORKBOOK_KIND}` version {WORKBOOK_VERSION}"
        reader.at(META, "B1", f"not an RFP workbook written by `crmadvisor rfp` (expected {expected})")
        return ()
    lang = str(facts["lang"][1].value)
    vendors = {v.id: v for v in catalog.vendors}
    by_sheet: dict[str, Vendor] = {}
    for number, row in enumerate(meta.iter_rows(min_row=6, max_row=106, max_col=3), start=6):
        if row[0].value != "vendor":
            continue
        vendor_id, name = str(row[1].value), str(row[2].value)
        if vendor_id not in vendors:
            hint = did_you_mean(vendor_id, list(vendors), ": pass its folder with --vendors DIR")
            reader.at(META, f"B{number}", f"vendor `{vendor_id}` is not in the catalogue{hint}")
        elif name not in book.sheetnames:
            reader.at(name, "A1", "the sheet is missing (renamed or deleted?): give it back its name")
        else:
            by_sheet[name] = vendors[vendor_id]
    caps = set(catalog.capability_ids())
    answers: dict[str, dict[str, Answer]] = {v.id: {} for v in by_sheet.values()}
    answered_on: dict[str, dt.date] = {v.id: today for v in by_sheet.values()}
    for name, vendor in by_sheet.items():
        ws = _worksheet(book, name, reader)
        if ws is not None:
            answered_on[vendor.id] = _date(reader, ws, ws[ANSWERED_ON]) or today
            answers[vendor.id] = _vendor_answers(reader, ws, vendor, caps, _response_labels(lang))
    w = words(lang)
    demo = _worksheet(book, w["rfp.sheet.demo"], reader, required=True)
    if demo is not None:
        _demo_scores(reader, demo, by_sheet, caps, answers)
    pricing = _worksheet(book, w["rfp.sheet.pricing"], reader, required=True)
    if pricing is not None:
        for row in _data_rows(pricing):
            _number(reader, pricing, row[10])
    return tuple(
        Returned(v.id, tuple(answers[v.id].values()), reader.name, answered_on[v.id])
        for v in by_sheet.values()
        if answers[v.id]
    )


def _response_labels(lang: str) -> dict[str, ResponseKind]:
    """Drop-down text -> response id, in the workbook's language (the other language's and the ids too)."""
    found: dict[str, ResponseKind] = {}
    for code in ("en", "fr", lang):
        w = words(code)
        found.update({w[f"rfp.response.{r}"].casefold(): r for r in RESPONSES})
    found.update({r: r for r in RESPONSES})
    return found


def _data_rows(sheet: Worksheet) -> list[tuple[Cell | MergedCell, ...]]:
    rows = []
    last = min(sheet.max_row, FIRST_ROW + MAX_DATA_ROWS)  # rows past the last written one are not made
    for number, row in enumerate(sheet.iter_rows(min_row=FIRST_ROW, max_row=last, max_col=13), start=FIRST_ROW):
        if all(c.value is None for c in row):
            continue
        rows.append(tuple(row) + tuple(sheet.cell(number, j) for j in range(len(row) + 1, 14)))
    return rows


def _worksheet(book: Workbook, name: str, reader: _Reader, *, required: bool = False) -> Worksheet | None:
    """A sheet the reader reads, with no merged cell; None (a problem when required) if it is missing."""
    from openpyxl.worksheet.worksheet import Worksheet

    if name not in book.sheetnames:
        if required:
            reader.at(name, "A1", "the sheet is missing (renamed or deleted?): give it back its name")
        return None
    sheet = book[name]
    if not isinstance(sheet, Worksheet):
        reader.at(name, "A1", "a chart where a sheet of answers is expected")
        return None
    _no_merged(sheet, reader)
    return sheet


def _no_merged(sheet: Worksheet, reader: _Reader) -> None:
    for merged in sheet.merged_cells.ranges:
        reader.at(sheet.title, str(merged.coord), "merged cells: unmerge them, each answer in its own cell")


def _vendor_answers(
    reader: _Reader, sheet: Worksheet, vendor: Vendor, caps: set[str], labels: Mapping[str, ResponseKind]
) -> dict[str, Answer]:
    editions = {e.name.casefold(): e.id for e in one_edition(vendor).editions}
    editions.update({e.id: e.id for e in one_edition(vendor).editions})
    found: dict[str, Answer] = {}
    if sheet.cell(HEADER_ROW, 1).value is None:
        reader.at(sheet.title, f"A{HEADER_ROW}", "the header row is gone: the sheet was moved or rewritten")
        return found
    for row in _data_rows(sheet):
        cap = reader.value(sheet, row[0])
        if cap not in caps:
            reader.at(sheet.title, row[0].coordinate, f"`{cap}` is not a capability id: leave column A as sent")
            continue
        response = _choice(reader, sheet, row[8], labels, "an answer from the drop-down")
        edition = _choice(reader, sheet, row[9], editions, "an edition from the drop-down")
        extra_cost = _number(reader, sheet, row[10])
        if extra_cost is not None and not 0 <= extra_cost <= MAX_EXTRA_COST:
            reader.at(sheet.title, row[10].coordinate, f"an extra cost is between 0 and {MAX_EXTRA_COST:,.0f}")
            extra_cost = None
        comment = reader.value(sheet, row[11])
        link = reader.value(sheet, row[12])
        if link is not None and not (isinstance(link, str) and _URL.match(link)):
            reader.at(sheet.title, row[12].coordinate, "an evidence link must be a web address (http:// or https://)")
            link = None
        if response is not None:
            found[str(cap)] = Answer(
                str(cap),
                response,
                edition,
                comment=str(comment) if comment else None,
                link=link,
                extra_cost=extra_cost,
            )
    return found


def _demo_scores(
    reader: _Reader,
    sheet: Worksheet,
    by_sheet: Mapping[str, Vendor],
    caps: set[str],
    answers: dict[str, dict[str, Answer]],
) -> None:
    for row in _data_rows(sheet):
        vendor = by_sheet.get(str(reader.value(sheet, row[0])))
        cap = reader.value(sheet, row[1])
        score = reader.value(sheet, row[9])
        on, by = _date(reader, sheet, row[10]), reader.value(sheet, row[11])
        if score is None:
            continue
        if vendor is None or cap not in caps:
            reader.at(sheet.title, row[0].coordinate, "a score on a row whose vendor or capability was changed")
            continue
        if isinstance(score, bool) or not isinstance(score, int | float) or score != int(score) or not 0 <= score <= 5:
            reader.at(sheet.title, row[9].coordinate, f"a score must be a whole number from 0 to 5, found `{score}`")
            continue
        if on is None:
            reader.at(sheet.title, row[10].coordinate, "a demo score needs the date of the demo")
        if by is None:
            reader.at(sheet.title, row[11].coordinate, "a demo score needs who observed it")
        held = answers[vendor.id].get(str(cap), Answer(str(cap)))
        answers[vendor.id][str(cap)] = Answer(
            held.capability,
            held.response,
            held.edition,
            int(score),
            held.comment,
            held.link,
            on,
            str(by or ""),
            held.extra_cost,
        )


def _choice(
    reader: _Reader, sheet: Worksheet, cell: Cell | MergedCell, allowed: Mapping[str, T], what: str
) -> T | None:
    value = reader.value(sheet, cell)
    if value is None:
        return None
    found = allowed.get(str(value).casefold())
    if found is None:
        known = sorted({k for k in allowed if not k.isidentifier() or k not in allowed.values()})
        reader.at(sheet.title, cell.coordinate, f"`{value}` is not {what}{did_you_mean(str(value), known)}")
    return found


def _number(reader: _Reader, sheet: Worksheet, cell: Cell | MergedCell) -> float | None:
    value = reader.value(sheet, cell)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        reader.at(sheet.title, cell.coordinate, f"a number is expected here, found the text `{value}`")
        return None
    return float(value)


def _date(reader: _Reader, sheet: Worksheet, cell: Cell | MergedCell) -> dt.date | None:
    value = reader.value(sheet, cell)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    reader.at(sheet.title, cell.coordinate, f"a date is expected here (YYYY-MM-DD), found `{value}`")
    return None
