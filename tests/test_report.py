"""`crmadvisor assess --output`: Markdown, HTML and JSON reports, their charts, templates, escaping and writing."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import matplotlib
import pytest
import yaml
from conftest import EXAMPLES, ROOT, run
from markdown_it import MarkdownIt

from crmadvisor.model.robustness import DRAWS
from crmadvisor.present.documents import md_text, render_html, render_markdown
from crmadvisor.present.template_words import template_words
from crmadvisor.present.view import report_of

EXAMPLE_NAMES = ("industrial-supplier", "online-retailer", "hybrid-b2b2c", "industrial-supplier-loyalty")
HOSTILE = "Evil | `tick` <script>alert(1)</script> **bold** [x](http://e.invalid) # h\n- item &amp; <b>"


def assess(answers: Path, output: Path, *extra: str) -> tuple[int, str, str]:
    return run("assess", "--answers", str(answers), "--output", str(output), "--draws", "300", *extra)


def example_reports(name: str, folder: Path) -> dict[str, Path]:
    """The three formats of one example, as examples/make_reports.py writes them (once per test process)."""
    return {fmt: folder / f"{name}.{fmt}" for fmt in ("md", "html", "json")}


# ------------------------------------------------------------------ structure checks


def split_row(line: str) -> list[str]:
    """The cells of a Markdown table row, splitting on bars that are not backslash-escaped."""
    assert line.startswith("|") and line.endswith("|"), line
    return re.split(r"(?<!\\)\|", line[1:-1])


def markdown_tables(text: str) -> list[list[str]]:
    """Every block of consecutive lines starting with a bar."""
    tables: list[list[str]] = []
    current: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


def check_markdown(text: str) -> str:
    """Parse with markdown-it (CommonMark, raw HTML allowed, GFM tables); every row has the header's cells."""
    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    tokens = parser.parse(text)
    tables = markdown_tables(text)
    assert tables
    parsed_bodies = [t for t in tokens if t.type == "table_open"]
    assert len(parsed_bodies) == len(tables), "a table did not parse as a table"
    body_rows = []
    inside = False
    count = 0
    for token in tokens:
        if token.type == "tbody_open":
            inside, count = True, 0
        elif token.type == "tbody_close":
            inside = False
            body_rows.append(count)
        elif token.type == "tr_open" and inside:
            count += 1
    for table, rows in zip(tables, body_rows, strict=True):
        width = len(split_row(table[0]))
        assert all(len(split_row(line)) == width for line in table), table
        assert re.fullmatch(r"\|(:?-+:?\|)+", table[1]), table[1]
        assert rows == len(table) - 2, table
    return parser.render(text)


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check_html(text: str) -> Collect:
    page = Collect()
    page.feed(text)
    page.close()
    names = [t for t, _ in page.tags]
    assert names[:2] == ["html", "head"]
    assert "script" not in names and "<script" not in text.lower()
    assert not [t for t, a in page.tags if t in ("link", "img", "iframe", "object", "embed") or "src" in a]
    assert not [a for _, a in page.tags for k, v in a.items() if k.startswith("on")]
    csp = [a for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in (csp[0]["content"] or "")
    return page


def check_svg(text: str) -> ET.Element:
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "<script" not in text
    return root


@cache
def report_schema() -> dict[str, Any]:
    code, stdout, _ = run("schema", "report")
    assert code == 0
    schema: dict[str, Any] = json.loads(stdout)
    return schema


# ------------------------------------------------------------------ each format, each example


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_markdown_report_parses_with_full_tables_and_links_valid_svg_charts(
    name: str, example_reports_folder: Path
) -> None:
    path = example_reports(name, example_reports_folder)["md"]
    text = path.read_text(encoding="utf-8")
    lang = yaml.safe_load((EXAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))["lang"]
    w = template_words(lang)
    check_markdown(text)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    for key in ("summary", "profile", "needs", "ranking", "shortlist", "robustness", "methodology", "appendix"):
        assert any(line.startswith("## ") and line.endswith(w[key]) for line in headings), key
    assert sum(line.startswith("### ") for line in headings) >= 9 + 3  # feature areas, shortlisted vendors
    links = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", text)
    assert links == [f"{name}_files/radar.svg", f"{name}_files/fit.svg", f"{name}_files/value.svg"]
    for link in links:
        check_svg((path.parent / link).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_html_report_is_one_self_contained_file_without_script(name: str, example_reports_folder: Path) -> None:
    path = example_reports(name, example_reports_folder)["html"]
    text = path.read_text(encoding="utf-8")
    page = check_html(text)
    assert [t for t, _ in page.tags].count("svg") == 3  # radar, fit, fit against cost
    charts = path.parent / f"{name}_files"
    assert not charts.exists() or not list(charts.glob("*.html"))
    data = json.loads(example_reports(name, example_reports_folder)["json"].read_text(encoding="utf-8"))
    visible = " ".join(page.text)
    assert data["company"] in visible
    assert all(row["name"] in visible for row in data["ranking"])


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_json_report_validates_against_its_schema_and_holds_every_figure(
    name: str, example_reports_folder: Path
) -> None:
    data = json.loads(example_reports(name, example_reports_folder)["json"].read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(report_schema()).validate(data)
    assert data["report_schema_version"] == 2
    assert len(data["profile"]) == 9
    assert sum(len(a["needs"]) for a in data["needs"]) == 23
    assert all(n["drivers"] for a in data["needs"] for n in a["needs"])
    ranked = [r for r in data["ranking"] if r["rank"] is not None]
    assert [r["rank"] for r in ranked] == list(range(1, len(ranked) + 1))
    assert all(0 <= r["fit"] <= 1 for r in data["ranking"])
    assert data["robustness"]["draws"] == DRAWS  # make_reports.py asks for none: the default
    assert len(data["shortlist"]) == 3
    assert "charts" in data and data["charts"] == []  # JSON carries the figures themselves, not pictures
    # each vendor in the race is ranked as a configuration, priced at list price (or said to be on quote)
    assert all(r["configuration"]["name"] and r["configuration"]["currency"] for r in ranked)
    for row in ranked:
        cost = row["configuration"]["cost"]
        assert ("list price" in cost or "prix catalogue" in cost) or row["configuration"]["yearly_cost"] is None
    assert all(v["configuration"]["edition"] for v in data["shortlist"])


def test_the_schema_rejects_a_report_missing_a_figure(example_reports_folder: Path) -> None:
    data = json.loads(example_reports(EXAMPLE_NAMES[0], example_reports_folder)["json"].read_text(encoding="utf-8"))
    del data["ranking"][0]["fit"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(report_schema()).validate(data)


def test_format_option_writes_to_stdout_without_charts() -> None:
    code, stdout, stderr = run(
        "assess", "--answers", str(EXAMPLES / "online-retailer.yaml"), "--draws", "0", "--format", "md"
    )
    assert code == 0, stderr
    assert stdout.startswith("# CRM selection report: ")
    assert "![" not in stdout
    check_markdown(stdout)


# ------------------------------------------------------------------ language


def line_kinds(text: str) -> list[str]:
    kinds = []
    for line in text.splitlines():
        if line.startswith("#"):
            kinds.append(line.split(" ")[0])
        elif line.startswith("|"):
            kinds.append(f"row{len(split_row(line))}")
        elif line.startswith("- "):
            kinds.append("item")
        else:
            kinds.append("text" if line else "blank")
    return kinds


ID_KEYS = {"vendor", "trait", "capability", "area", "option", "importance", "severity", "id", "value", "toward", "key"}


def language_free(node: Any, key: str = "") -> Any:
    """The JSON report with every worded string blanked: numbers, booleans, dates and ids remain."""
    if isinstance(node, dict):
        return {k: language_free(v, k) for k, v in node.items() if k != "lang"}
    if isinstance(node, list):
        return [language_free(v, key) for v in node]
    if isinstance(node, str) and key not in ID_KEYS and key not in {"date", "review_date", "catalogue_date"}:
        return ""
    return node


def test_french_and_english_reports_differ_only_in_language(tmp_path: Path) -> None:
    answers = EXAMPLES / "industrial-supplier.yaml"
    texts = {}
    docs = {}
    for lang in ("en", "fr"):
        for fmt in ("md", "json"):
            code, _, stderr = assess(answers, tmp_path / lang / f"r.{fmt}", "--lang", lang)
            assert code == 0, stderr
        texts[lang] = (tmp_path / lang / "r.md").read_text(encoding="utf-8")
        docs[lang] = json.loads((tmp_path / lang / "r.json").read_text(encoding="utf-8"))
    assert line_kinds(texts["en"]) == line_kinds(texts["fr"])
    assert language_free(docs["en"]) == language_free(docs["fr"])
    assert docs["en"]["lang"] == "en" and docs["fr"]["lang"] == "fr"
    assert "## Executive summary" in texts["en"] and "## Synthèse" in texts["fr"]
    assert "## Synthèse" not in texts["en"] and "## Executive summary" not in texts["fr"]


# ------------------------------------------------------------------ hostile data


def hostile_vendors(folder: Path) -> Path:
    """A vendor rated 5 everywhere (so it is shortlisted first) whose name and notes hold every hostile string."""
    base = yaml.safe_load((ROOT / "vendors" / "hubspot.yaml").read_text(encoding="utf-8"))
    base["id"] = "evil-crm"
    base["name"] = HOSTILE
    base["publisher"] = HOSTILE
    base["summary"] = HOSTILE
    for rating in base["ratings"].values():
        rating.pop("by_edition", None)  # one rating for every edition: the profile's may be per edition
        rating["rating"] = 5
        rating["evidence"] = HOSTILE
        rating["source"] = "https://e.invalid/a|b`c)(d<script>"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "evil-crm.yaml").write_text(yaml.safe_dump(base, allow_unicode=True), encoding="utf-8")
    # its twin misses a must-have the first one meets: a blocking gap, for the executive summary
    base["id"] = "evil-crm-twin"
    base["ratings"]["account_hierarchy"]["rating"] = 0
    (folder / "evil-crm-twin.yaml").write_text(yaml.safe_dump(base, allow_unicode=True), encoding="utf-8")
    return folder


def test_hostile_vendor_names_and_notes_cannot_break_tables_or_inject_html(tmp_path: Path) -> None:
    vendors = hostile_vendors(tmp_path / "vendors")
    answers = EXAMPLES / "industrial-supplier.yaml"
    for fmt in ("md", "html", "json"):
        code, _, stderr = assess(answers, tmp_path / f"r.{fmt}", "--vendors", str(vendors), "--no-shipped-vendors")
        assert code == 0, stderr
    markdown = (tmp_path / "r.md").read_text(encoding="utf-8")
    rendered = check_markdown(markdown)
    assert "<script" not in rendered and "<b>" not in rendered and "<strong>bold" not in rendered
    assert 'href="http://e.invalid"' not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered  # shown, as text
    assert "\\|" in markdown and "\\`tick\\`" in markdown
    assert not [line for line in markdown.splitlines() if line.startswith("- item")]  # the newline is gone
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    check_html(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for chart in (tmp_path / "r_files").glob("*.svg"):
        check_svg(chart.read_text(encoding="utf-8"))
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["shortlist"][0]["name"] == HOSTILE.strip()
    assert data["summary"]["blocking"][0]["vendors"][0]["vendor"] == HOSTILE.strip()


def test_md_text_escapes_everything_markdown_would_interpret() -> None:
    assert md_text("a|b") == "a\\|b"
    assert md_text("x\ny\r\nz") == "x y z"
    assert md_text("<i>&amp;") == "&lt;i&gt;&amp;amp;"
    assert md_text("AT&T") == "AT&T"
    assert md_text("*_`[]#!~$^@\\") == "\\*\\_\\`\\[\\]\\#\\!\\~\\$\\^\\@\\\\"


# ------------------------------------------------------------------ options


def test_no_charts_writes_no_chart_and_links_none(tmp_path: Path) -> None:
    code, stdout, _ = assess(EXAMPLES / "online-retailer.yaml", tmp_path / "r.md", "--no-charts")
    assert code == 0
    assert stdout == f"wrote {tmp_path / 'r.md'}\n"
    assert "![" not in (tmp_path / "r.md").read_text(encoding="utf-8")
    assert not (tmp_path / "r_files").exists()


def test_png_writes_png_charts_next_to_the_report(tmp_path: Path) -> None:
    code, stdout, _ = assess(EXAMPLES / "online-retailer.yaml", tmp_path / "out" / "client.html", "--png")
    assert code == 0
    for chart in ("radar", "fit"):
        png = tmp_path / "out" / "client_files" / f"{chart}.png"
        assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        assert f"wrote {png}" in stdout
    assert not list((tmp_path / "out" / "client_files").glob("*.svg"))  # HTML inlines them


def test_format_option_overrides_the_extension_and_unknown_extension_is_a_usage_error(tmp_path: Path) -> None:
    code, _, _ = assess(EXAMPLES / "online-retailer.yaml", tmp_path / "r.txt", "--format", "json", "--no-charts")
    assert code == 0
    json.loads((tmp_path / "r.txt").read_text(encoding="utf-8"))
    code, _, stderr = assess(EXAMPLES / "online-retailer.yaml", tmp_path / "r.docx")
    assert code == 2
    assert "r.docx: cannot tell the report format from the extension `.docx`" in stderr
    assert not (tmp_path / "r.docx").exists()


def test_report_date_flags_stale_vendor_profiles(tmp_path: Path) -> None:
    quick = ("--draws", "0", "--no-charts")  # the warnings are on the shortlisted vendors' sections
    code, _, _ = assess(EXAMPLES / "industrial-supplier.yaml", tmp_path / "r.md", "--date", "2029-01-15", *quick)
    assert code == 0
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "- **Date:** 15 January 2029" in text
    assert text.count("reviewed more than 12 months before the report date") == 3
    code, _, _ = assess(EXAMPLES / "industrial-supplier.yaml", tmp_path / "s.md", *quick)
    text = (tmp_path / "s.md").read_text(encoding="utf-8")
    assert "- **Date:** 2 December 2026" in text  # the answers file's date
    assert "more than 12 months" not in text


def test_method_topsis_adds_the_cross_check_section(tmp_path: Path) -> None:
    code, _, _ = assess(EXAMPLES / "online-retailer.yaml", tmp_path / "r.md", "--method", "topsis", "--no-charts")
    assert code == 0
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "### TOPSIS cross-check" in text
    check_markdown(text)


# ------------------------------------------------------------------ templates

# what these tests check is the template's own rendering: no robustness draws, no charts to draw first
# (tests/test_hostile_templates.py checks that a failing template leaves no chart folder)
TEMPLATE_ONLY = ("--draws", "0", "--no-charts")


def test_own_template_renders_in_the_sandbox_with_autoescape_for_html(tmp_path: Path) -> None:
    template = tmp_path / "mine.html"
    template.write_text(
        "<h1>{{ report.company }}</h1>{% for r in report.ranking[:2] %}<p>{{ r.name }} {{ r.fit|pct }}</p>{% endfor %}"
        "<p>{{ '<b>' }}</p>\n",
        encoding="utf-8",
    )
    code, _, stderr = assess(
        EXAMPLES / "online-retailer.yaml", tmp_path / "r.html", "--template", str(template), *TEMPLATE_ONLY
    )
    assert code == 0, stderr
    text = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert text.startswith("<h1>") and text.count("<p>") == 3 and "&lt;b&gt;" in text


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        ("ok\n{{ report.__class__.__mro__ }}\n", 2, "unsafe"),
        ("ok\n\n{{ ''.__class__.__subclasses__() }}\n", 3, "unsafe"),
        ("{{ report.no_such_field }}\n", 1, "no_such_field"),
        ("a\n{% for x in %}\n", 2, "Expected an expression"),
    ],
)
def test_template_that_escapes_the_sandbox_or_is_wrong_is_a_located_error(
    tmp_path: Path, source: str, line: int, message: str
) -> None:
    template = tmp_path / "bad.md"
    template.write_text(source, encoding="utf-8")
    code, _, stderr = assess(
        EXAMPLES / "online-retailer.yaml", tmp_path / "r.md", "--template", str(template), *TEMPLATE_ONLY
    )
    assert code == 1
    assert stderr.startswith(f"{template}:{line}:1: error: ")
    assert message in stderr
    assert not (tmp_path / "r.md").exists()


def test_missing_template_is_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = assess(
        EXAMPLES / "online-retailer.yaml", tmp_path / "r.md", "--template", str(tmp_path / "no"), *TEMPLATE_ONLY
    )
    assert code == 2
    assert "no such template file" in stderr


def test_loyalty_section_renders_when_the_loyalty_assessment_fills_it(example_reports_folder: Path) -> None:
    data = json.loads(example_reports(EXAMPLE_NAMES[0], example_reports_folder)["json"].read_text(encoding="utf-8"))
    report = report_of(data)
    assert report.loyalty is None
    assert "Loyal | ty" not in render_markdown(report)
    table = {"title": "Gate", "columns": ["a|b", "c"], "rows": [["x|y", "1\n<b>2</b>"]], "notes": ["n`ote"]}
    loyalty = {
        "heading": "Loyal | ty",
        "summary": "Ready",
        "verdict": "design",
        "verdict_title": "Verdict",
        "primary": None,
        "secondary": None,
        "applied": False,
        "context_title": "Survey",
        "context": ["71 %"],
        "gate": table,
        "tables": [table],
    }
    filled = report_of({**dataclasses.asdict(report), "loyalty": loyalty})
    markdown = render_markdown(filled)
    assert "## Loyal \\| ty" in markdown
    check_markdown(markdown)
    assert "<h2>Loyal | ty</h2>" in render_html(filled)
    assert "| x\\|y | 1<br>&lt;b&gt;2&lt;/b&gt; |" in markdown
    assert "<td>1<br>&lt;b&gt;2&lt;/b&gt;</td>" in render_html(filled)


# ------------------------------------------------------------------ writing


def test_parent_folders_are_created(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "report.json"
    code, _, _ = assess(EXAMPLES / "online-retailer.yaml", target)
    assert code == 0 and target.is_file()


def test_unwritable_path_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, stdout, stderr = assess(EXAMPLES / "online-retailer.yaml", blocker / "report.md")
    assert code == 1
    assert stderr == f"{blocker}/report.md: cannot write: Not a directory\n"
    assert stdout == ""
    assert blocker.read_text(encoding="utf-8") == "x"


def test_a_failed_write_keeps_the_old_report_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_text("old report\n", encoding="utf-8")
    real_replace = os.replace

    def failing_replace(src: str, dst: str) -> None:
        if str(dst) == str(target):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    code, _, stderr = assess(EXAMPLES / "online-retailer.yaml", target)
    assert code == 1
    assert stderr == f"{target}: cannot write: No space left on device\n"
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]  # no chart folder without its report


def test_importing_the_cli_loads_neither_jinja2_nor_matplotlib() -> None:
    code = "import json, sys; import crmadvisor.cli; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=True)
    loaded = set(json.loads(done.stdout))
    assert not {"jinja2", "matplotlib", "crmadvisor.present.view"} & loaded


# ------------------------------------------------------------------ the shipped examples


def _files(folder: Path) -> Iterator[Path]:
    return (p.relative_to(folder) for p in sorted(folder.rglob("*")) if p.is_file())


SVG_BLOCK = re.compile(r"<svg.*?</svg>", re.S)


def test_example_reports_are_current(example_reports_folder: Path) -> None:
    """Regenerate with `python examples/make_reports.py` when this fails (and review the diff)."""
    shipped = ROOT / "examples" / "reports"
    fresh_reports = example_reports_folder
    assert list(_files(fresh_reports)) == list(_files(shipped))
    same_matplotlib = f"matplotlib {matplotlib.__version__}." in (shipped / "README.md").read_text(encoding="utf-8")
    for relative in _files(shipped):
        fresh = (fresh_reports / relative).read_text(encoding="utf-8")
        kept = (shipped / relative).read_text(encoding="utf-8")
        if not same_matplotlib and relative.suffix in (".svg", ".html"):
            fresh, kept = SVG_BLOCK.sub("<svg/>", fresh), SVG_BLOCK.sub("<svg/>", kept)  # another matplotlib
        if relative.name == "README.md":
            continue
        assert fresh == kept, f"examples/reports/{relative} is not current: run python examples/make_reports.py"


def test_a_report_with_every_vendor_excluded_still_reads_well(tmp_path: Path) -> None:
    answers = yaml.safe_load((EXAMPLES / "industrial-supplier.yaml").read_text(encoding="utf-8"))
    answers["constraints"]["languages"] = ["zz"]  # no vendor offers it
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(answers, allow_unicode=True), encoding="utf-8")
    for fmt in ("md", "html"):
        code, _, stderr = assess(path, tmp_path / f"r.{fmt}")
        assert code == 0, stderr
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    check_markdown(text)
    assert "No vendor is left in the race: every one is excluded by a constraint." in text
    assert "### The three best-fitting vendors" not in text and "![" not in text
    check_html((tmp_path / "r.html").read_text(encoding="utf-8"))


def test_a_new_report_is_readable_as_the_umask_allows_and_a_replaced_one_keeps_its_mode(tmp_path: Path) -> None:
    old_mask = os.umask(0o022)
    try:
        target = tmp_path / "r.json"
        assert assess(EXAMPLES / "online-retailer.yaml", target, "--draws", "0")[0] == 0
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o600)
        assert assess(EXAMPLES / "online-retailer.yaml", target, "--draws", "0")[0] == 0
        assert target.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old_mask)


@pytest.mark.parametrize(
    ("name", "extra", "says"),
    [
        ("r.md", ("--format", "json"), "does not match the extension"),
        ("r.md", ("--no-charts", "--png"), "--png"),
        ("r.json", ("--png",), "--png"),
    ],
)
def test_contradictory_report_options_are_a_usage_error_and_write_nothing(
    tmp_path: Path, name: str, extra: tuple[str, ...], says: str
) -> None:
    code, _, stderr = assess(EXAMPLES / "online-retailer.yaml", tmp_path / name, *extra)
    assert code == 2
    assert says in stderr
    assert list(tmp_path.iterdir()) == []


def test_gap_matrix_names_its_areas_and_cuts_a_long_vendor_name_with_an_ellipsis() -> None:
    """Issue 15: columns named by area, not numbered 1-9; "SugarCRM (Sugar Sell,…", never "SugarCRM (Sugar Sell,"."""
    code, out, _ = run("assess", "--answers", str(EXAMPLES / "hybrid-b2b2c.yaml"), "--draws", "0")
    assert code == 0
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Matrice des écarts"))
    block = lines[start : start + 26]
    for area in ("Contacts", "Fidélisation", "Facturation"):
        assert any(line.rstrip().endswith(area) for line in block), area
    sugar = next(line for line in block if "SugarCRM" in line)
    assert "SugarCRM (Sugar Sell, Serve…" in sugar
    assert not any(re.search(r"┃ 1 ┃ 2 ┃", line) for line in block)
    md = render_markdown(report_of(json.loads((ROOT / "examples/reports/online-retailer.json").read_text("utf-8"))))
    assert "| Vendor | Contacts | Marketing automation | Lead nurturing |" in md
    html = render_html(report_of(json.loads((ROOT / "examples/reports/online-retailer.json").read_text("utf-8"))))
    assert '<th class="cov-head" title="Managing customer loyalty"><span>Loyalty</span></th>' in html


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("online-retailer", ("fit = Σ (weight × coverage) ÷ Σ weight", "2,000 random draws from seed 20261122")),
        ("hybrid-b2b2c", ("adéquation = Σ (poids × couverture) ÷ Σ poids", "2\u202f000 tirages au hasard")),
    ],
)
def test_the_methodology_appendix_holds_its_formulas_and_points_to_no_repository(
    name: str, expected: tuple[str, ...]
) -> None:
    """Issue 15: need, fit with need-cubed weights, must-haves, the configuration value, the draws and the seed,
    and the flip rule, in the client's language; no "docs/methodology.md in the crmadvisor repository"."""
    data = json.loads((ROOT / f"examples/reports/{name}.json").read_text("utf-8"))
    report = report_of(data)
    html = render_html(report)
    start = html.index('<section id="methodology">')
    appendix = html[start : html.index("</section>", start)]
    for text in expected:
        assert text in appendix, text
    assert "log₂" in appendix and "³" in appendix and "20261122" in appendix
    assert len(report.method_steps) >= 8
    assert "docs/" not in appendix and "repository" not in appendix and "dépôt" not in appendix
    if report.lang == "fr":  # no-break spaces before the high punctuation, as the rest of the report
        assert not re.search(r"\w [:;?!]", appendix)
        assert not re.search(r"\d %", appendix)
    md = render_markdown(report)
    assert "docs/methodology.md" not in md and expected[0].split(" = ")[0] in md


def test_the_shipped_templates_code_is_kept_between_runs_and_a_broken_entry_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Jinja2's compile of a shipped template is kept in the cache folder: read back, it renders the same
    report; an entry that is not code is compiled again and replaced; CRMADVISOR_CACHE=0 keeps nothing."""
    from crmadvisor.present.documents import render_prepared, shipped_template
    from crmadvisor.present.jinja import compile_shipped

    report = report_of(json.loads((ROOT / "examples/reports/online-retailer.json").read_text("utf-8")))
    expected = render_html(report)
    source = shipped_template("report.html.j2")

    def rendered() -> str:
        from crmadvisor.present.documents import _filters

        compiled = compile_shipped(source, autoescape=True, name="report.html.j2", filters=_filters(report.lang))
        return render_prepared(compiled, report)

    cache = tmp_path / "cache"
    monkeypatch.setenv("CRMADVISOR_CACHE_DIR", str(cache))
    assert rendered() == expected  # compiled, and kept
    (entry,) = cache.glob("template-*.code")
    kept = entry.read_bytes()
    assert rendered() == expected  # read back
    assert entry.read_bytes() == kept
    entry.write_bytes(b"not code")
    assert rendered() == expected  # compiled again
    assert entry.read_bytes() == kept
    monkeypatch.setenv("CRMADVISOR_CACHE", "0")
    monkeypatch.setenv("CRMADVISOR_CACHE_DIR", str(tmp_path / "off"))
    assert rendered() == expected
    assert not (tmp_path / "off").exists()


@pytest.mark.parametrize(
    ("source", "fields"),
    [
        ("{{ report.company }} {% for r in report.ranking %}{{ r.name }}{% endfor %}", {"company", "ranking"}),
        ("{{ report['date']|day }}{% macro m() %}{{ report.charts|length }}{% endmacro %}", {"date", "charts"}),
        ("{{ w.ranking }} no report at all", set()),
        ("{{ report }}", None),  # printed whole: every field, the charts too
        ("{{ report|attr('charts') }}", None),
        ("{{ report['ch' ~ 'arts'] }}", None),
        ("{{ report[0] }}", None),
        ("{% set r = report %}{{ r.company }}", None),
        ("{% macro m(x) %}{{ x.charts }}{% endmacro %}{{ m(report) }}", None),
    ],
)
def test_the_fields_a_template_reads_of_the_report_are_known_when_it_names_each(
    source: str, fields: set[str] | None
) -> None:
    from crmadvisor.present.documents import prepare_template
    from crmadvisor.present.template_bounds import Limits

    compiled = prepare_template("en", source, html=False, limits=Limits())
    assert compiled.fields == (None if fields is None else frozenset(fields))


def test_a_template_that_reads_no_chart_is_rendered_before_any_is_drawn_and_writes_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A template that reads no chart renders (or fails) before the charts are drawn; what it writes, the
    report and its chart files, is what the same template writes when it reads them and they come first."""
    from crmadvisor.present import charts

    drawn: list[object] = []
    real = charts.chart_images

    def counted(*args: Any, **kwargs: Any) -> tuple[charts.ChartImage, ...]:
        drawn.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(charts, "chart_images", counted)
    answers = EXAMPLES / "online-retailer.yaml"
    failing = tmp_path / "failing.md"
    failing.write_text("# {{ report.company }}\n{{ report.ranking|length / 0 }}\n", encoding="utf-8")
    code, stdout, stderr = assess(answers, tmp_path / "out" / "r.md", "--template", str(failing))
    assert (code, stdout) == (1, "")
    assert stderr == f"{failing}:2:1: error: ZeroDivisionError: division by zero\n"
    assert drawn == [] and not (tmp_path / "out").exists()
    failing.write_text("{{ report.charts|length }}\n{{ report.ranking|length / 0 }}\n", encoding="utf-8")
    code, stdout, stderr = assess(answers, tmp_path / "out" / "r.md", "--template", str(failing))
    assert (code, stdout) == (1, "")
    assert stderr == f"{failing}:2:1: error: ZeroDivisionError: division by zero\n"
    assert len(drawn) == 1 and not (tmp_path / "out").exists()  # drawn, then neither report nor chart folder
    body = "# {{ report.company }}\n{% for r in report.ranking[:3] %}- {{ r.name }} {{ r.fit|pct }}\n{% endfor %}"
    early, late = tmp_path / "early.md", tmp_path / "late.md"
    early.write_text(body, encoding="utf-8")
    late.write_text(body + "{% if false %}{{ report.charts }}{% endif %}", encoding="utf-8")
    written = {}
    for template in (early, late):
        output = tmp_path / template.stem / "r.md"
        code, _, stderr = assess(answers, output, "--template", str(template))
        assert code == 0, stderr
        written[template.stem] = {p.relative_to(output.parent): p.read_bytes() for p in output.parent.rglob("*.*")}
    assert len(drawn) == 3
    assert written["early"] == written["late"]
    assert sorted(map(str, written["early"])) == ["r.md", "r_files/fit.svg", "r_files/radar.svg", "r_files/value.svg"]
