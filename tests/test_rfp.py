"""`crmadvisor rfp` and `rfp import`: the workbook a vendor fills in, read back as evidence that re-ranks."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, TODAY, run, shipped_catalog
from openpyxl import load_workbook

from crmadvisor.load.answers import read_answers
from crmadvisor.model.assessment import assess

ANSWERS = EXAMPLES / "industrial-supplier.yaml"


def two_vendors_missing_one_must_have() -> tuple[str, str, str]:
    """A must-have, and two vendors in the race whose only blocking gap it is (chosen from the catalogue
    as it is today, so that a re-rated vendor file does not void the test)."""
    catalog = shipped_catalog()
    answers, _ = read_answers(ANSWERS, catalog)
    missing: dict[str, list[str]] = {}
    for fit in assess(catalog, answers, draws=0).fits:
        blocking = [g.capability for g in fit.gaps if g.severity == "blocking"]
        if not fit.excluded and len(blocking) == 1:
            missing.setdefault(blocking[0], []).append(fit.vendor)
    must, vendors = next((cap, found) for cap, found in missing.items() if len(found) >= 2)
    return must, vendors[0], vendors[1]


MUST, NATIVE, ROADMAP = two_vendors_missing_one_must_have()
NAMES = {v.id: v.name for v in shipped_catalog().vendors}
DESK = shipped_catalog().vendors[[v.id for v in shipped_catalog().vendors].index(NATIVE)].ratings[MUST].at()


def export(tmp_path: Path, *vendors: str, name: str = "rfp.xlsx", lang: str = "en") -> Path:
    out = tmp_path / name
    flags = [a for v in vendors for a in ("--vendor", v)]
    done = run("rfp", "--answers", ANSWERS, "-o", out, "--lang", lang, "--today", TODAY, *flags)
    assert done.code == 0, done.stderr
    return out


def vendor_sheet_row(sheet: object, capability: str) -> int:
    for row in sheet.iter_rows(min_row=5):  # type: ignore[attr-defined]
        if row[0].value == capability:
            return int(row[0].row)
    raise AssertionError(f"no row for {capability}")


def answer(book_path: Path, sheet: str, capability: str, response: str, out: Path | None = None) -> Path:
    book = load_workbook(book_path)
    ws = book[sheet]
    row = vendor_sheet_row(ws, capability)
    ws[f"I{row}"] = response
    ws["C2"] = "2026-12-01"
    target = out or book_path
    book.save(target)
    return target


def ranks(tmp_path: Path, *extra: object) -> dict[str, int]:
    report = tmp_path / "report.json"
    done = run("assess", "--answers", ANSWERS, "--draws", "0", "-o", report, "--today", TODAY, *extra)
    assert done.code == 0, done.stderr
    rows = json.loads(report.read_text(encoding="utf-8"))["ranking"]
    return {r["vendor"]: i for i, r in enumerate(rows)}


def test_a_vendor_answering_native_to_its_missing_must_have_moves_up_one_answering_roadmap_does_not(
    tmp_path: Path,
) -> None:
    before = ranks(tmp_path)
    book = export(tmp_path, NATIVE, ROADMAP)
    answer(book, NAMES[NATIVE], MUST, "native")
    answer(book, NAMES[ROADMAP], MUST, "roadmap")
    overlay = tmp_path / "overlay"
    done = run("rfp", "import", book, "--out", overlay, "--answers", ANSWERS, "--today", TODAY)
    assert done.code == 0, done.stderr
    after = ranks(tmp_path, "--vendors", overlay)
    assert after[NATIVE] < before[NATIVE]
    assert after[ROADMAP] >= before[ROADMAP]
    # the import says what changed against the desk research, and on whose word
    moved = re.search(rf"^{re.escape(NAMES[NATIVE])}: rank (\d+) -> (\d+)$", done.stdout, re.MULTILINE)
    assert moved is not None and int(moved[2]) < int(moved[1]), done.stdout
    assert f": {DESK} -> 3 (declared by the vendor, 2026-12-01)" in done.stdout
    written = yaml.safe_load((overlay / f"{NATIVE}.yaml").read_text(encoding="utf-8"))
    rating = written["ratings"][MUST]
    assert rating["rating"] == 3  # a vendor's own "native" is credited as solid, no more
    assert rating["provenance"] == {
        "kind": "vendor_declared",
        "date": "2026-12-01",
        "workbook": "rfp.xlsx",
        "desk_rating": DESK,
    }
    checked = run("validate", overlay, "--today", TODAY)
    assert checked.code == 0 and f"ratings.{MUST}: no `source`" not in checked.stdout  # it cites its workbook


def demo_scored(tmp_path: Path) -> Path:
    """The overlay of a workbook where the consultant scored NATIVE's must-have 4 in a demo on 1 Dec 2026."""
    book = export(tmp_path, NATIVE)
    wb = load_workbook(book)
    ws = wb["Demo scripts"]
    row = next(r[0].row for r in ws.iter_rows(min_row=5) if r[1].value == MUST)
    ws[f"J{row}"], ws[f"K{row}"], ws[f"L{row}"] = 4, "2026-12-01", "C. Martin"
    wb.save(book)
    overlay = tmp_path / "overlay"
    assert run("rfp", "import", book, "--out", overlay, "--today", TODAY).code == 0
    return overlay


def test_a_demo_score_replaces_the_rating_with_who_observed_it_and_when(tmp_path: Path) -> None:
    overlay = demo_scored(tmp_path)
    rating = yaml.safe_load((overlay / f"{NATIVE}.yaml").read_text(encoding="utf-8"))["ratings"][MUST]
    assert rating["rating"] == 4
    assert rating["provenance"]["kind"] == "demo" and rating["provenance"]["by"] == "C. Martin"


def test_the_workbook_lists_must_haves_first_with_drop_downs_and_frozen_headers(tmp_path: Path) -> None:
    book = load_workbook(export(tmp_path, NATIVE))
    ws = book[NAMES[NATIVE]]
    assert ws.freeze_panes == "C5"
    must = [r[3].value for r in ws.iter_rows(min_row=5) if r[0].value]
    assert must == sorted(must, key=lambda v: v != "yes") and must[0] == "yes"
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert any("I5" in str(dv.sqref) for dv in lists)
    assert book["crmadvisor"].sheet_state == "hidden"


def test_french_workbook_and_demo_script(tmp_path: Path) -> None:
    book = load_workbook(export(tmp_path, NATIVE, lang="fr"))
    assert {"Exigences", "Scénarios de démo", "Contraintes", "Tarifs"} <= set(book.sheetnames)
    md = tmp_path / "demo.md"
    assert run("rfp", "--answers", ANSWERS, "-o", md, "--lang", "fr", "--vendor", NATIVE, "--today", TODAY).code == 0
    text = md.read_text(encoding="utf-8")
    assert f"Scénario de démo : {NAMES[NATIVE]}" in text and "Grille de notation (0-5)" in text


def test_an_unknown_vendor_is_a_usage_error_naming_the_closest(tmp_path: Path) -> None:
    done = run("rfp", "--answers", ANSWERS, "-o", tmp_path / "r.xlsx", "--vendor", "pipedrvie", "--today", TODAY)
    assert done.code == 2 and "pipedrive" in done.stderr
    assert not (tmp_path / "r.xlsx").exists()


# ------------------------------------------------------------------ hostile workbooks


def import_fails(tmp_path: Path, book: Path) -> list[str]:
    overlay = tmp_path / "never"
    done = run("rfp", "import", book, "--out", overlay, "--today", TODAY)
    assert done.code == 1, done.stdout + done.stderr
    assert not overlay.exists(), "nothing is written when the workbook has a problem"
    assert "Traceback" not in done.stderr
    return done.stderr.splitlines()


def test_every_problem_of_a_workbook_is_located_in_one_run(tmp_path: Path) -> None:
    book = export(tmp_path, NATIVE)
    wb = load_workbook(book)
    ws = wb[NAMES[NATIVE]]
    sheet = NAMES[NATIVE]
    row = vendor_sheet_row(ws, MUST)
    ws[f"I{row}"] = "yes we can"  # outside the drop-down
    ws[f"K{row}"] = "twelve euros"  # text in a number cell
    ws[f"I{row + 1}"] = "=A1"  # a formula where a value is expected
    ws.merge_cells(f"L{row + 2}:M{row + 2}")
    wb.save(book)
    lines = import_fails(tmp_path, book)
    assert any(line.startswith(f"rfp.xlsx:{sheet}!I{row}: error: `yes we can`") for line in lines)
    assert any(line.startswith(f"rfp.xlsx:{sheet}!K{row}: error: a number") for line in lines)
    assert any(line.startswith(f"rfp.xlsx:{sheet}!I{row + 1}: error: a formula") for line in lines)
    assert any(line.startswith(f"rfp.xlsx:{sheet}!L{row + 2}:M{row + 2}: error: merged") for line in lines)


def test_a_renamed_vendor_sheet_is_located(tmp_path: Path) -> None:
    book = export(tmp_path, NATIVE)
    wb = load_workbook(book)
    wb[NAMES[NATIVE]].title = "answers"
    wb.save(book)
    missing = f"rfp.xlsx:{NAMES[NATIVE]}!A1: error: the sheet is missing"
    assert any(missing in line for line in import_fails(tmp_path, book))


def test_a_workbook_not_written_by_crmadvisor_is_refused(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = tmp_path / "other.xlsx"
    Workbook().save(book)
    assert any("not an RFP workbook written by `crmadvisor rfp`" in line for line in import_fails(tmp_path, book))
    text = tmp_path / "notes.xlsx"
    text.write_text("hello", encoding="utf-8")
    assert import_fails(tmp_path, text) == ["notes.xlsx: error: not an .xlsx workbook (not a zip file)"]


def test_a_zip_bomb_and_an_oversized_file_are_refused_before_reading(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (120 * 1024 * 1024))  # 120 MB unpacked, ~120 KB packed
    assert bomb.stat().st_size < 1024 * 1024
    assert "refused before reading" in import_fails(tmp_path, bomb)[0]
    many = tmp_path / "many.xlsx"
    with zipfile.ZipFile(many, "w") as archive:
        for i in range(600):
            archive.writestr(f"part{i}.xml", b"")
    assert "600 parts" in import_fails(tmp_path, many)[0]
    big = tmp_path / "big.xlsx"
    with big.open("wb") as f:
        f.truncate(21 * 1024 * 1024)
    assert "over 20 MB" in import_fails(tmp_path, big)[0]


# ------------------------------------------------------------------ a second reader


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui)"
)
def test_libreoffice_reads_the_workbook(tmp_path: Path) -> None:
    book = export(tmp_path, NATIVE)
    profile = f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}"
    subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", "csv", "--outdir", str(tmp_path / "csv"), str(book)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = (tmp_path / "csv" / "rfp.csv").read_text(encoding="utf-8")
    assert "Requirements for a CRM" in text  # the first sheet, as LibreOffice read it


def answer_cells(book_path: Path, sheet: str, capability: str, cells: dict[str, object]) -> None:
    book = load_workbook(book_path)
    ws = book[sheet]
    row = vendor_sheet_row(ws, capability)
    for column, value in cells.items():
        ws[f"{column}{row}"] = value
    ws["C2"] = "2026-12-01"
    book.save(book_path)


def test_an_add_on_answer_becomes_a_priced_add_on_not_a_free_native_rating(tmp_path: Path) -> None:
    book = export(tmp_path, NATIVE)
    answer_cells(book, NAMES[NATIVE], MUST, {"I": "add-on", "K": 40, "L": "Acme Billing"})
    overlay = tmp_path / "overlay"
    done = run("rfp", "import", book, "--out", overlay, "--answers", ANSWERS, "--today", TODAY)
    assert done.code == 0, done.stderr
    written = yaml.safe_load((overlay / f"{NATIVE}.yaml").read_text(encoding="utf-8"))
    assert written["ratings"][MUST].get("rating", DESK) == DESK  # the product's own rating is unchanged
    (added,) = [a for a in written["add_ons"] if a["id"].startswith("rfp_add_on")]
    assert added["raises"] == {MUST: max(DESK, 3)} and added["price"]["amount"] == 40
    assert "Acme Billing" in added["name"]
    # the recommendation buys it for the must-have, and its cost counts
    report = tmp_path / "report.json"
    done = run("assess", "--answers", ANSWERS, "--draws", "0", "-o", report, "--today", TODAY, "--vendors", overlay)
    assert done.code == 0, done.stderr
    row = next(r for r in json.loads(report.read_text(encoding="utf-8"))["ranking"] if r["vendor"] == NATIVE)
    assert any(a.startswith("rfp_add_on") for a in row["configuration"]["add_ons"]), row["configuration"]
    # a report says the rating it brings is the vendor's word, not an unverified one
    alone = assessed(tmp_path, "alone.json", "--vendors", overlay, "--no-shipped-vendors")
    section = json.loads(alone.read_text(encoding="utf-8"))["shortlist"][0]
    point = next(p for p in section["strengths"] + section["gaps"] if p["capability"] == MUST)
    assert point["provenance"] == "vendor_declared" and not point["unverified"], point
    assert "Acme Billing" in point["evidence"] and "1 December 2026" in (point["provenance_label"] or "")


def test_a_negative_extra_cost_is_located(tmp_path: Path) -> None:
    book = export(tmp_path, NATIVE)
    answer_cells(book, NAMES[NATIVE], MUST, {"I": "add-on", "K": -5})
    done = run("rfp", "import", book, "--out", tmp_path / "overlay", "--answers", ANSWERS, "--today", TODAY)
    assert done.code == 1 and "!K" in done.stdout + done.stderr and "extra cost" in done.stdout + done.stderr
    assert not (tmp_path / "overlay").exists()


def assessed(tmp_path: Path, name: str, *extra: object) -> Path:
    out = tmp_path / name
    done = run("assess", "--answers", ANSWERS, "--draws", "0", "--no-charts", "-o", out, "--today", TODAY, *extra)
    assert done.code == 0, done.stderr
    return out


def test_a_report_on_the_overlay_shows_each_ratings_provenance_and_the_desk_research_rank(tmp_path: Path) -> None:
    before = json.loads(assessed(tmp_path, "desk.json").read_text(encoding="utf-8"))
    assert before["changes"] is None and all(r["desk_rank"] is None for r in before["ranking"])
    desk = {r["vendor"]: r["rank"] for r in before["ranking"]}
    capability = next(n["name"] for a in before["needs"] for n in a["needs"] if n["capability"] == MUST)
    book = export(tmp_path, NATIVE)
    answer(book, NAMES[NATIVE], MUST, "native")
    overlay = tmp_path / "overlay"
    assert run("rfp", "import", book, "--out", overlay, "--today", TODAY).code == 0
    doc = json.loads(assessed(tmp_path, "r.json", "--vendors", overlay).read_text(encoding="utf-8"))
    row = next(r for r in doc["ranking"] if r["vendor"] == NATIVE)
    assert row["desk_rank"] == desk[NATIVE] and row["rank"] < desk[NATIVE]
    assert all(r["desk_rank"] == desk[r["vendor"]] for r in doc["ranking"])
    md = assessed(tmp_path, "r.md", "--vendors", overlay).read_text(encoding="utf-8")
    assert "### What the vendors' answers changed" in md
    assert f"- **{NAMES[NATIVE]}: rank {row['rank']} (rank {desk[NATIVE]} on desk research alone)**" in md
    assert f"  - {capability}: {DESK} → 3, vendor-declared, RFP of 1 December 2026" in md
    # in the vendor's own section: the rating's provenance beside it, counted in the evidence line
    alone = ("--vendors", overlay, "--no-shipped-vendors")
    section = json.loads(assessed(tmp_path, "alone.json", *alone).read_text(encoding="utf-8"))["shortlist"][0]
    point = next(p for p in section["strengths"] + section["gaps"] if p["capability"] == MUST)
    assert point["provenance"] == "vendor_declared" and not point["unverified"]
    assert section["evidence"]["vendor_declared"] == 1
    md = assessed(tmp_path, "alone.md", *alone).read_text(encoding="utf-8")
    assert re.search(
        rf"{re.escape(capability)} \(rated 3/5 for a need of \d; vendor-declared, RFP of 1 December 2026\)", md
    )
    assert "; 1 declared by the vendor in its RFP answers; reviewed " in md
    fr = assessed(tmp_path, "alone-fr.md", *alone, "--lang", "fr").read_text(encoding="utf-8")
    assert "déclarée par l’éditeur, appel d’offres du 1 décembre 2026" in fr


def test_a_demo_score_in_the_report_says_when_and_by_whom(tmp_path: Path) -> None:
    overlay = demo_scored(tmp_path)
    md = assessed(tmp_path, "r.md", "--vendors", overlay).read_text(encoding="utf-8")
    assert f": {DESK} → 4, observed in a demo on 1 December 2026 by C. Martin" in md
