"""Print an HTML report to PDF with a headless Chromium or Chrome found on the machine."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from crmadvisor.errors import OutputError
from crmadvisor.files import atomic_write, read_bounded

BROWSER_NAMES = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "msedge",
)
APPLICATIONS = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
)
# Headless, no sandbox (CI runs as root), and none of the browser's own background traffic.
HEADLESS_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
PRINT_TIMEOUT = 120.0
MAX_PDF_BYTES = 100 * 1024 * 1024
INSTALL_HINT = (
    "no Chromium or Chrome found to print the PDF: install one (Debian/Ubuntu: `apt-get install chromium`; "
    "Fedora: `dnf install chromium`; macOS: Google Chrome) or pass --browser PATH; "
    "`--format html` writes the same report without a browser"
)


def find_browser(explicit: Path | None = None) -> Path:
    """The browser given with --browser, else the first Chromium-family browser on PATH."""
    if explicit is not None:
        if explicit.is_file() and os.access(explicit, os.X_OK):
            return explicit
        found = shutil.which(str(explicit))
        if found is None:
            raise OutputError(f"--browser {explicit}: no such executable")
        return Path(found)
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found is not None:
            return Path(found)
    for path in map(Path, APPLICATIONS):
        if path.is_file():
            return path
    raise OutputError(INSTALL_HINT)


def headless_command(browser: Path, profile: Path) -> list[str]:
    """The browser with the headless flags and a fresh, throw-away profile folder."""
    return [str(browser), *HEADLESS_FLAGS, f"--user-data-dir={profile}"]


# A table of contents' page number to fill in: `<span class="toc-page" data-for="ranking"></span>`, the
# entry of the element with id "ranking", linked from the same entry (a link makes it a PDF destination).
TOC_PAGE = re.compile(r'(<span class="toc-page" data-for="([A-Za-z][\w-]*)">)(</span>)')


def html_to_pdf(html: str, browser: Path, timeout: float = PRINT_TIMEOUT) -> bytes:
    """The PDF the browser prints from this HTML (A4; the page numbers are the report's print CSS).

    With a table of contents, printed twice: the first print says on which page each linked section
    starts, the second has those pages in the contents (its space is kept in the first, so the pages
    do not move). A browser whose PDF names no destinations leaves the contents without pages.
    """
    data = _print(html, browser, timeout)
    if TOC_PAGE.search(html) is None:
        return data
    pages = destination_pages(data)
    if not pages:
        return data
    filled = TOC_PAGE.sub(lambda m: f"{m[1]}{pages.get(m[2], '')}{m[3]}", html)
    return _print(filled, browser, timeout)


def destination_pages(pdf: bytes) -> dict[str, int]:
    """The page (from 1) of each named destination of a PDF as Chromium (Skia) writes it: the catalogue's
    /Dests dictionary of `/name [page 0 R /XYZ x y z]` and a /Pages tree; {} for anything else."""
    objects: dict[int, bytes] = {}

    def body(number: int) -> bytes:
        if number not in objects:
            found = re.search(rb"(?:^|\s)%d 0 obj\s*(<<.*?>>)\s*endobj" % number, pdf, re.S)
            objects[number] = found[1] if found else b""
        return objects[number]

    catalog = re.search(rb"<<\s*/Type\s*/Catalog\b(.*?)>>\s*endobj", pdf, re.S)
    if catalog is None:
        return {}
    dests = re.search(rb"/Dests\s+(\d+)\s+0\s+R", catalog[1])
    root = re.search(rb"/Pages\s+(\d+)\s+0\s+R", catalog[1])
    if dests is None or root is None:
        return {}
    order: dict[int, int] = {}

    def walk(number: int, depth: int = 0) -> None:
        node = body(number)
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", node)
        if kids is None or depth > 32:
            order[number] = len(order) + 1
            return
        for kid in re.findall(rb"(\d+)\s+0\s+R", kids[1]):
            walk(int(kid), depth + 1)

    walk(int(root[1]))
    pages = {}
    for name, page in re.findall(rb"/([^\s/\[\]<>()]+)\s*\[\s*(\d+)\s+0\s+R", body(int(dests[1]))):
        key = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m[1], 16)]), name).decode("utf-8", "replace")
        if int(page) in order:
            pages[key] = order[int(page)]
    return pages


def _print(html: str, browser: Path, timeout: float) -> bytes:
    with tempfile.TemporaryDirectory(prefix="crmadvisor-pdf-") as folder:
        work = Path(folder)
        page = work / "report.html"
        atomic_write(page, html)
        pdf = work / "report.pdf"
        command = [
            *headless_command(browser, work / "profile"),
            f"--print-to-pdf={pdf}",
            "--no-pdf-header-footer",
            "--print-to-pdf-no-header",  # the same, for Chrome before version 120
            "--generate-pdf-document-outline",  # the headings as the PDF's bookmarks
            page.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise OutputError(f"{browser}: no PDF after {timeout:.0f} s; the report was not written") from None
        except OSError as err:
            raise OutputError(f"{browser}: cannot run: {err.strerror or err}") from None
        data = read_bounded(pdf, MAX_PDF_BYTES) if pdf.is_file() else b""
        if not data.startswith(b"%PDF"):
            last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
            raise OutputError(
                f"{browser} did not print the PDF (exit code {done.returncode}: {last}); the report was not written"
            )
        return data
