"""Names from users and vendor files reach every output as written (issue 11, item 2).

A company typed as `Acme [/] Ltd`, a vendor named `Salesforce [/x] Sales Cloud` or carrying a
terminal escape sequence: rich read them as markup (exit 3 "MarkupError", `[bold red]` and
`[link=...]` took effect). Every command that prints now shows them literally, through the real CLI
on the files in tests/data/hostile/names/.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import DATA, TODAY, Ran, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

NAMES = DATA / "hostile" / "names"
VENDORS = NAMES / "vendors"
ANSWERS = NAMES / "answers-markup.yaml"
COMPANY = "Acme [/] Ltd [bold red]alarm[/bold red] [link=https://evil.invalid]here[/link] :fire:"
MARKUP_VENDOR = "Salesforce [/x] Sales Cloud [bold red]loud[/bold red]"
ESCAPE_VENDOR_SHOWN = "Escape \\x1b[31mRed\\x1b[0m CRM"  # the escape sequence, printed as text
CATALOGUE = ("--vendors", str(VENDORS), "--today", TODAY)
WIDE = ("--width", "400")
COLUMNS: dict[str, str | None] = {"COLUMNS": "400"}  # the vendor commands take the terminal's width


def flat(text: str) -> str:
    """Terminal text with the table and panel borders gone and the white space folded."""
    return " ".join(re.sub(r"[│┃║─━═╭╮╰╯┏┓┗┛┌┐└┘├┤┬┴┼]", " ", text).split())


def test_a_company_and_vendors_in_markup_print_as_written_on_the_terminal() -> None:
    code, out, err = run("assess", "--answers", ANSWERS, *CATALOGUE, "--no-shipped-vendors", "--draws", "20", *WIDE)
    assert (code, err) == (0, "")
    shown = flat(out)
    assert f"CRM assessment: {COMPANY}" in shown
    assert MARKUP_VENDOR in shown and ESCAPE_VENDOR_SHOWN in shown
    assert "[link=https://evil.invalid]click[/link] :fire: [/]" in shown  # a vendor's evidence
    assert f"B2B loyalty programme: {COMPANY}" in shown  # the loyalty section, under the same company
    assert "\x1b" not in out  # no escape sequence reaches the terminal, the vendor's least of all


def test_names_in_markup_survive_every_written_report(tmp_path: Path) -> None:
    for fmt in ("md", "html", "json"):
        target = tmp_path / f"r.{fmt}"
        code, _, err = run("assess", "--answers", ANSWERS, *CATALOGUE, "--draws", "0", "--no-charts", "-o", target)
        assert (code, err) == (0, ""), fmt
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["company"] == COMPANY and report["consultant"] == "[/consultant] Claire"
    assert {r["name"] for r in report["ranking"]} >= {MARKUP_VENDOR, "Escape \x1b[31mRed\x1b[0m CRM"}
    assert COMPANY in html.unescape((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert COMPANY in rendered_markdown((tmp_path / "r.md").read_text(encoding="utf-8"))


def test_the_vendor_commands_print_names_in_markup_as_written() -> None:
    listed = run("vendors", "list", *CATALOGUE, "--no-shipped-vendors", "--lang", "fr", env=COLUMNS)
    assert listed.code == 0 and MARKUP_VENDOR in listed.stdout and ESCAPE_VENDOR_SHOWN in listed.stdout
    shown = run("vendors", "show", "markup-crm", *CATALOGUE, env=COLUMNS)
    assert shown.code == 0
    assert f"{MARKUP_VENDOR} (markup-crm) by Acme [/] Ltd" in shown.stdout
    assert "[link=https://evil.invalid]click[/link] :fire: [/]" in flat(shown.stdout)
    compared = run("vendors", "compare", "markup-crm", "escape-crm", *CATALOGUE, env=COLUMNS)
    assert compared.code == 0
    assert f"{MARKUP_VENDOR} vs {ESCAPE_VENDOR_SHOWN}" in compared.stdout
    assert "\x1b" not in listed.stdout + shown.stdout + compared.stdout


def test_the_loyalty_command_prints_a_company_in_markup_as_written() -> None:
    code, out, err = run("loyalty", "--answers", ANSWERS, *WIDE)
    assert (code, err) == (0, "")
    assert f"B2B loyalty programme: {COMPANY}" in flat(out)


def test_validate_prints_a_file_name_in_markup_as_written(tmp_path: Path) -> None:
    bad = tmp_path / "[bold red]x[dim] :fire:.yaml"
    bad.write_text((VENDORS / "markup-crm.yaml").read_text(encoding="utf-8") + "colour: red\n", encoding="utf-8")
    code, out, err = run("validate", bad)
    assert code == 1 and err == ""
    assert f"{bad}:" in out and "colour" in out
    assert run("validate", VENDORS).code == 0  # the hostile names themselves are valid data


def rendered_markdown(text: str) -> str:
    """The text a reader sees in a Markdown report: rendered, tags dropped, entities read, spaces folded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", MarkdownIt().render(text))).split())


# any printable text (no control characters, no lone surrogates): what a user may type or a vendor file hold
any_name = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=24)


NAMES_PROPERTY = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def with_names(factory: pytest.TempPathFactory, company: str, vendor: str) -> tuple[Path, tuple[str, ...]]:
    """A folder with answers for `company` and a catalogue where the vendor `markup-crm` is named `vendor`;
    and the catalogue's options."""
    folder = factory.mktemp("names")
    vendors = folder / "vendors"
    vendors.mkdir()
    profile = yaml.safe_load((VENDORS / "markup-crm.yaml").read_text(encoding="utf-8"))
    (vendors / "markup-crm.yaml").write_text(yaml.safe_dump({**profile, "name": vendor}), encoding="utf-8")
    shutil.copy(VENDORS / "escape-crm.yaml", vendors)
    answers = yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))
    (folder / "a.yaml").write_text(yaml.safe_dump({**answers, "company": company}), encoding="utf-8")
    return folder, ("--vendors", str(vendors), "--no-shipped-vendors", "--today", TODAY)


def exit_codes_hold(results: dict[str, Ran], company: str, vendor: str) -> bool:
    """Never exit 3; exit 0 but for a blank name, refused as a located mistake (exit 1): whether both are named."""
    assert all(r.code in (0, 1) for r in results.values()), {k: r.stderr for k, r in results.items()}
    if not company.strip() or not vendor.strip():
        return False
    assert all(r.code == 0 for r in results.values()), {k: r.stdout + r.stderr for k, r in results.items()}
    return True


# The written reports and the terminal are two properties (each its own names), so that pytest-xdist can
# run them side by side: together they were the longest test of the suite.
@NAMES_PROPERTY
@given(company=any_name, vendor=any_name)
def test_any_company_or_vendor_name_survives_every_written_report_and_never_exits_3(
    tmp_path_factory: pytest.TempPathFactory, company: str, vendor: str
) -> None:
    folder, catalogue = with_names(tmp_path_factory, company, vendor)
    common = ("assess", "--answers", str(folder / "a.yaml"), *catalogue, "--draws", "0", "--no-charts")
    results = {fmt: run(*common, "-o", folder / f"r.{fmt}") for fmt in ("md", "html", "json")}
    if not exit_codes_hold(results, company, vendor):
        return
    name, shown_vendor = company.strip(), vendor.strip()
    report = json.loads((folder / "r.json").read_text(encoding="utf-8"))
    assert report["company"] == name and shown_vendor in {r["name"] for r in report["ranking"]}
    assert name in html.unescape((folder / "r.html").read_text(encoding="utf-8"))
    assert " ".join(name.split()) in rendered_markdown((folder / "r.md").read_text(encoding="utf-8"))


@NAMES_PROPERTY
@given(company=any_name, vendor=any_name)
def test_any_company_or_vendor_name_survives_the_terminal_and_never_exits_3(
    tmp_path_factory: pytest.TempPathFactory, company: str, vendor: str
) -> None:
    folder, catalogue = with_names(tmp_path_factory, company, vendor)
    results = {
        "terminal": run("assess", "--answers", str(folder / "a.yaml"), *catalogue, "--draws", "0", *WIDE),
        "show": run("vendors", "show", "markup-crm", *catalogue, env=COLUMNS),
    }
    if not exit_codes_hold(results, company, vendor):
        return
    assert flat(company.strip()) in flat(results["terminal"].stdout)
    assert flat(vendor.strip()) in flat(results["show"].stdout)
