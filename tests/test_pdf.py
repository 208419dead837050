"""The HTML report in a real headless Chromium, and `--format pdf` (skipped only when no Chromium is installed)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import EXAMPLES, Ran, made_once, run

from crmadvisor.browser import TOC_PAGE, destination_pages, find_browser, headless_command, html_to_pdf
from crmadvisor.errors import OutputError
from crmadvisor.present.documents import css_string

EXAMPLE_NAMES = ("industrial-supplier", "online-retailer", "hybrid-b2b2c")


@cache
def browser() -> Path | None:
    try:
        return find_browser()
    except OutputError:
        return None


needs_browser = pytest.mark.skipif(browser() is None, reason="no Chromium or Chrome installed (.ci/run installs it)")


def load_in_browser(page: Path, work: Path) -> tuple[str, list[str], list[str]]:
    """Open a page headless: its DOM, the console messages, and the URLs the page itself requested.

    Console messages come from Chromium's log (`--enable-logging=stderr`, lines with `:CONSOLE`); the
    page's requests from its network log (`--log-net-log`): requests started for a file:// page, so the
    browser's own background traffic is left out.
    """
    browser_path = browser()
    assert browser_path is not None
    net_log = work / "net.json"
    command = [
        *headless_command(browser_path, work / "profile"),
        "--enable-logging=stderr",
        "--v=0",
        f"--log-net-log={net_log}",
        "--dump-dom",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    events = json.loads(net_log.read_text(encoding="utf-8"))["events"]
    requested = sorted(
        {
            e["params"]["url"]
            for e in events
            if "url" in e.get("params", {})
            and str(e["params"].get("network_isolation_key", "")).startswith("file://")
            and not e["params"]["url"].startswith(("file:", "data:"))
        }
    )
    return done.stdout, console, requested


PRINTED_BY_THE_CLI = "industrial-supplier-loyalty"


def printed(factory: pytest.TempPathFactory, html_folder: Path, name: str) -> tuple[Ran, Path]:
    """An example's report as a PDF, once per test run (pytest-xdist's workers share it).

    The loyalty example printed by `assess -o "out/client report.pdf"` itself, with what it said; the
    others' HTML (examples/make_reports.py's) printed by crmadvisor.browser, as that command prints the
    same report, without assessing it again. Default draws, so that the PDF is the report of the HTML.
    """

    def make(folder: Path) -> None:
        if name == PRINTED_BY_THE_CLI:
            said = run("assess", "--answers", str(EXAMPLES / f"{name}.yaml"), "-o", str(folder / "out" / PDF_NAME))
            (folder / "said.json").write_text(json.dumps(said._asdict()), encoding="utf-8")
        else:
            browser_path = browser()
            assert browser_path is not None
            html = (html_folder / f"{name}.html").read_text(encoding="utf-8")
            (folder / "out").mkdir()
            (folder / "out" / PDF_NAME).write_bytes(html_to_pdf(html, browser_path))
            (folder / "said.json").write_text(json.dumps(Ran(0, "", "")._asdict()), encoding="utf-8")

    folder = made_once(factory, f"pdf-{name}", make)
    return Ran(**json.loads((folder / "said.json").read_text(encoding="utf-8"))), folder / "out" / PDF_NAME


PDF_NAME = "client report.pdf"


@needs_browser
def test_the_page_check_sees_console_errors_and_requests(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body><h1>x</h1>'
        '<img src="http://example.invalid/logo.png"><script>console.error("boom")</script></body></html>',
        encoding="utf-8",
    )
    dom, console, requested = load_in_browser(page, tmp_path)
    assert "<h1>x</h1>" in dom
    assert any("boom" in line for line in console)
    assert requested == ["http://example.invalid/logo.png"]


@needs_browser
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_html_report_loads_in_chromium_with_no_console_message_and_no_request(
    tmp_path: Path, name: str, example_reports_folder: Path
) -> None:
    page = example_reports_folder / f"{name}.html"  # examples/make_reports.py's
    dom, console, requested = load_in_browser(page, tmp_path)
    assert console == []
    assert requested == []
    assert dom.count("<svg") == 3 and "<h2" in dom and "</html>" in dom  # radar, fit, fit against cost


@needs_browser
def test_pdf_report_holds_the_headings_and_tables(
    tmp_path_factory: pytest.TempPathFactory, example_reports_folder: Path
) -> None:
    """`assess -o "out/client report.pdf"` on the loyalty example: the industrial supplier's report and its
    loyalty section."""
    (code, stdout, stderr), target = printed(tmp_path_factory, example_reports_folder, PRINTED_BY_THE_CLI)
    assert code == 0, stderr
    assert stdout == f"wrote {target}\n"
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert sorted(p.name for p in target.parent.iterdir()) == ["client report.pdf"]  # no chart files, no temp
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.count("\f")
    assert pages >= 5
    for heading in (
        "Executive summary",
        "Company profile",
        "Needs",
        "Ranking",
        "Gap matrix",
        "Shortlisted vendors",
        "How sure is this ranking?",
        "B2B loyalty programme: Ferronnerie Dauphinoise SAS",
        "Methodology",
        "Appendix: every answer",
    ):
        assert heading in text, heading
    report = json.loads((example_reports_folder / "industrial-supplier-loyalty.json").read_text(encoding="utf-8"))
    first = report["ranking"][0]
    row = re.search(rf"1\s+{re.escape(first['name'])}\s+{round(first['fit'] * 100)} %", text)
    assert row is not None, "the ranking table's first row is not in the PDF text"
    assert "Ferronnerie Dauphinoise SAS" in text


class _Blocks(HTMLParser):
    """The texts a reader meets at the top of a page: headings, table header rows, paragraphs and items."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.table_heads: list[list[str]] = []
        self.blocks: list[str] = []
        self.items: list[str] = []
        self.paragraphs: list[str] = []
        self.lead_ins: list[str] = []  # paragraphs that introduce the list right after them ("Gaps (...)")
        self._last_p: str | None = None
        self.contents: list[tuple[str, str]] = []  # (target id, title) of the table of contents
        self.contents_title = ""
        self._open: list[tuple[str, list[str]]] = []
        self._href: str | None = None
        self._in_nav = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2", "h3", "p", "li", "td", "th", "figcaption"):
            self._open.append((tag, []))
        elif tag == "thead":
            self.table_heads.append([])
        elif tag == "a":
            self._href = dict(attrs).get("href")
        elif tag == "nav":
            self._in_nav = True
        if tag in ("ul", "ol") and self._last_p is not None:
            self.lead_ins.append(self._last_p)
        if tag in ("ul", "ol", "p", "table", "div", "h2", "h3", "section", "figure"):
            self._last_p = None

    def handle_data(self, data: str) -> None:
        for _, parts in self._open:
            parts.append(data)
        if self._href and self._href.startswith("#") and self._open and self._open[-1][0] == "li":
            self.contents.append((self._href[1:], data))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._href = None
        if tag == "nav":
            self._in_nav = False
        if not self._open or self._open[-1][0] != tag:
            return
        _, parts = self._open.pop()
        text = " ".join("".join(parts).split())
        if tag in ("h1", "h2", "h3"):
            self.headings.append(text)
            if self._in_nav:
                self.contents_title = text
        elif tag == "th" and self.table_heads and not any(t == "tbody" for t, _ in self._open):
            self.table_heads[-1].append(text)
        elif tag == "li":
            self.items.append(text)
        elif tag == "p":
            self.paragraphs.append(text)
        self.blocks.append(text)
        self._last_p = text if tag == "p" else None


def _squash(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def _pdf_pages(pdf: Path) -> list[list[str]]:
    """Each page's lines of text (pdftotext -layout), white space squashed, empty lines dropped."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [[_squash(line) for line in page.splitlines() if line.strip()] for page in pages]


@needs_browser
@pytest.mark.parametrize(
    ("name", "page_of"), [("online-retailer", "of"), ("hybrid-b2b2c", "sur"), ("industrial-supplier-loyalty", "of")]
)
def test_pdf_pages_are_numbered_listed_in_contents_and_each_opens_on_a_heading_or_a_continuation(
    tmp_path_factory: pytest.TempPathFactory, example_reports_folder: Path, name: str, page_of: str
) -> None:
    """What a reader sees page by page (issue 15): "page 3 of 12" at the foot of every page; a table of
    contents whose page numbers are where its sections start; every page opening on a heading, a table's
    repeated header, a list's next item or the rest or next paragraph of the section the page before
    (never a chart, whose text is no paragraph); no heading or list lead-in left at the foot of a page; the
    charts on the page of their heading; no almost empty page."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    (code, _, stderr), pdf = printed(tmp_path_factory, example_reports_folder, name)
    assert code == 0, stderr
    html = example_reports_folder / f"{name}.html"  # the report printed
    parsed = _Blocks()
    parsed.feed(html.read_text(encoding="utf-8"))
    pages = _pdf_pages(pdf)
    count = len(pages)
    assert 8 <= count <= 20
    for number, lines in enumerate(pages, start=1):
        assert lines[-1].startswith(_squash(parsed.headings[0])), (number, lines[-1])  # the title, on the left
        assert lines[-1].endswith(f" page {number} {page_of} {count}"), (number, lines[-1])
        assert len(lines) >= 12, f"page {number} is almost empty: {lines}"
    # The contents: on page 2, each entry with the page its section starts on.
    assert parsed.contents and parsed.contents[0][0] == "summary"
    contents_page = next(i for i, lines in enumerate(pages) if parsed.contents_title in lines)
    assert contents_page == 1  # after the one-page summary
    listed = {_squash(line) for line in pages[contents_page]}
    for _, title in parsed.contents:
        entry = next((line for line in listed if line.startswith(_squash(title) + " ")), None)
        assert entry is not None and entry.rsplit(" ", 1)[1].isdigit(), (title, sorted(listed))
        page = int(entry.rsplit(" ", 1)[1])
        assert any(line.startswith(_squash(title)) for line in pages[page - 1][: len(pages[page - 1]) - 1]), (
            f"{title} is listed on page {page} but is not there"
        )
    headings = {_squash(h) for h in parsed.headings}
    heads = [_squash(f"{row[0]} {row[1].split()[0]}") for row in parsed.table_heads if len(row) > 1]
    items = [_squash(i) for i in parsed.items]
    lead_ins = {_squash(p) for p in parsed.lead_ins}
    paragraphs = [_squash(p) for p in parsed.paragraphs]
    blocks = [_squash(b) for b in parsed.blocks]
    for number, lines in enumerate(pages, start=1):
        first, body = lines[0], lines[:-1]
        before = pages[number - 2][-2] if number > 1 else ""  # the last line above the previous page's foot
        opens = (
            any(first.startswith(h[:40]) for h in headings)
            or any(first.startswith(h) for h in heads)  # a table's header, repeated
            or any(f"{before} {first}" in b or f"{before}{first}" in b for b in blocks)  # the rest of a paragraph
            or (any(i.startswith(first) for i in items) and any(before in i for i in items))  # a list's next item
            or first in lead_ins  # a list's lead-in ("To verify in a demo:"), with its list
            or any(p.startswith(first) for p in paragraphs)  # the next paragraph of the section the page before
        )
        assert opens, f"page {number} opens on neither a heading nor a continuation: {first!r} after {before!r}"
        assert body[-1] not in headings, f"page {number} ends on the heading {body[-1]!r}"
        assert body[-1] not in lead_ins, f"page {number} ends on a lead-in {body[-1]!r}"
    charts = next(
        i
        for i, lines in enumerate(pages)
        if any(line in headings and line.startswith(("Charts", "Graph")) for line in lines)
    )
    captions = [b for b in blocks if b and any(b == _squash(c) for c in _figcaptions(html))]
    text = " ".join(pages[charts])
    assert captions and all(c[:25] in text for c in captions), "a chart is not on the page of the charts' heading"


def _figcaptions(html: Path) -> list[str]:
    return re.findall(r"<figcaption>(.*?)</figcaption>", html.read_text(encoding="utf-8"), re.S)


def test_pdf_without_a_browser_says_what_to_install_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    code, stdout, stderr = run(
        "assess",
        "--answers",
        str(EXAMPLES / "online-retailer.yaml"),
        "-o",
        str(target),
        env={"PATH": str(tmp_path / "empty")},
    )
    assert code == 1
    assert stdout == ""
    assert stderr.startswith("no Chromium or Chrome found to print the PDF: install one (Debian/Ubuntu: ")
    assert "--browser PATH" in stderr
    assert list(tmp_path.iterdir()) == []


def test_pdf_with_a_browser_that_is_not_there_or_fails_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    answers = str(EXAMPLES / "online-retailer.yaml")
    code, _, stderr = run("assess", "--answers", answers, "-o", str(target), "--browser", str(tmp_path / "nope"))
    assert code == 1
    assert stderr == f"--browser {tmp_path / 'nope'}: no such executable\n"
    fake = tmp_path / "fake-chrome"
    fake.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 7\n", encoding="utf-8")
    fake.chmod(0o755)
    code, _, stderr = run("assess", "--answers", answers, "--draws", "0", "-o", str(target), "--browser", str(fake))
    assert code == 1
    assert stderr == f"{fake} did not print the PDF (exit code 7: cannot open display); the report was not written\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fake-chrome"]


@pytest.mark.skipif(not hasattr(os, "posix_spawnp"), reason="the browser is driven on a pipe where there are some")
def test_a_browser_that_never_answers_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    fake = tmp_path / "silent-chrome"
    fake.write_text(f"#!/bin/sh\necho $$ > {tmp_path / 'pid'}\nexec sleep 60\n", encoding="utf-8")
    fake.chmod(0o755)
    started = time.monotonic()
    with pytest.raises(OutputError) as raised:
        html_to_pdf("<!DOCTYPE html><title>t</title><p>x</p>", fake, timeout=1.0)
    assert time.monotonic() - started < 10
    assert str(raised.value) == f"{fake}: no PDF after 1 s; the report was not written"
    pid = int((tmp_path / "pid").read_text(encoding="utf-8"))
    with pytest.raises(ProcessLookupError):  # stopped and reaped
        os.kill(pid, 0)


def test_pdf_to_standard_output_is_a_usage_error() -> None:
    code, _, stderr = run("assess", "--answers", str(EXAMPLES / "online-retailer.yaml"), "--format", "pdf")
    assert code == 2
    assert "a PDF report needs --output FILE.pdf" in stderr


def test_destination_pages_reads_the_page_of_each_named_destination_through_a_nested_page_tree() -> None:
    pdf = (
        b"%PDF-1.4\n1 0 obj\n<</Type /Catalog\n/Pages 2 0 R\n/Dests 9 0 R>>\nendobj\n"
        b"2 0 obj\n<</Type /Pages\n/Count 3\n/Kids [3 0 R 4 0 R]>>\nendobj\n"
        b"3 0 obj\n<</Type /Page\n/Parent 2 0 R>>\nendobj\n"
        b"4 0 obj\n<</Type /Pages\n/Count 2\n/Kids [5 0 R 6 0 R]>>\nendobj\n"
        b"5 0 obj\n<</Type /Page\n/Parent 4 0 R>>\nendobj\n"
        b"6 0 obj\n<</Type /Page\n/Parent 4 0 R>>\nendobj\n"
        b"9 0 obj\n<</summary [3 0 R /XYZ 0 800 0]\n/ranking [6 0 R /XYZ 0 700 0]\n"
        b"/a#2Db [5 0 R /XYZ 0 1 0]>>\nendobj\n"
    )
    assert destination_pages(pdf) == {"summary": 1, "a-b": 2, "ranking": 3}
    assert destination_pages(b"%PDF-1.4\nnothing here") == {}
    html = '<li><a href="#ranking">Ranking</a><span class="toc-page" data-for="ranking"></span></li>'
    assert TOC_PAGE.sub(lambda m: f"{m[1]}7{m[3]}", html).endswith('data-for="ranking">7</span></li>')


def test_the_footer_title_cannot_end_its_css_string_or_the_style_element() -> None:
    escaped = str(css_string('Acme "Ltd"; } body { display: none } </style><script>x</script> \\ é 2'))
    assert re.fullmatch(r"(?:[A-Za-z0-9é]|\\[0-9a-f]{6})+", escaped)
    assert escaped.startswith("Acme\\000020\\000022Ltd") and escaped.endswith("\\000020é\\0000202")
