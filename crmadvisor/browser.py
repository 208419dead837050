"""Print an HTML report to PDF with a headless Chromium or Chrome found on the machine."""

from __future__ import annotations

import os
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


def html_to_pdf(html: str, browser: Path, timeout: float = PRINT_TIMEOUT) -> bytes:
    """The PDF the browser prints from this HTML (A4, no header or footer, as the report's print CSS says)."""
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
