"""The HTML report in a real headless Chromium, and `--format pdf` (skipped only when no Chromium is installed)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

import pytest
from conftest import EXAMPLES, run

from crmadvisor.browser import find_browser, headless_command
from crmadvisor.errors import OutputError

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
def test_html_report_loads_in_chromium_with_no_console_message_and_no_request(tmp_path: Path, name: str) -> None:
    page = tmp_path / "report.html"
    code, _, stderr = run("assess", "--answers", str(EXAMPLES / f"{name}.yaml"), "--draws", "200", "-o", str(page))
    assert code == 0, stderr
    dom, console, requested = load_in_browser(page, tmp_path)
    assert console == []
    assert requested == []
    assert dom.count("<svg") == 3 and "<h2" in dom and "</html>" in dom  # radar, fit, fit against cost


@needs_browser
def test_pdf_report_holds_the_headings_and_tables(tmp_path: Path) -> None:
    target = tmp_path / "out" / "client report.pdf"
    code, stdout, stderr = run(
        "assess", "--answers", str(EXAMPLES / "industrial-supplier.yaml"), "--draws", "200", "-o", str(target)
    )
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
        "Methodology",
        "Appendix: every answer",
    ):
        assert heading in text, heading
    report = json.loads(
        run("assess", "--answers", str(EXAMPLES / "industrial-supplier.yaml"), "--draws", "200", "--format", "json")[1]
    )
    first = report["ranking"][0]
    row = re.search(rf"1\s+{re.escape(first['name'])}\s+{round(first['fit'] * 100)} %", text)
    assert row is not None, "the ranking table's first row is not in the PDF text"
    assert "Ferronnerie Dauphinoise SAS" in text


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


def test_pdf_to_standard_output_is_a_usage_error() -> None:
    code, _, stderr = run("assess", "--answers", str(EXAMPLES / "online-retailer.yaml"), "--format", "pdf")
    assert code == 2
    assert "a PDF report needs --output FILE.pdf" in stderr
