"""Print an HTML report to PDF with a headless Chromium or Chrome found on the machine."""

from __future__ import annotations

import base64
import json
import os
import re
import select
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, NoReturn

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
    Where processes can be given pipes (POSIX), one browser loads the page once and prints it twice,
    the pages filled in between (the DevTools protocol on a pipe); elsewhere, one browser a print.
    """
    if not hasattr(os, "posix_spawnp"):
        return _print_twice(html, browser, timeout)
    deadline = time.monotonic() + timeout
    try:
        with tempfile.TemporaryDirectory(prefix="crmadvisor-pdf-") as folder:
            work = Path(folder)
            page = work / "report.html"
            atomic_write(page, html)
            with _DevTools.start(browser, work, deadline, timeout) as tools:
                session = tools.open(page.as_uri())
                data = tools.pdf(session)
                pages = destination_pages(data) if TOC_PAGE.search(html) is not None else {}
                if not pages:
                    return data
                tools.call("Runtime.evaluate", {"expression": _FILL_CONTENTS % json.dumps(pages)}, session)
                return tools.pdf(session)
    except _NoPipes:  # a system whose posix_spawn cannot start a session
        return _print_twice(html, browser, timeout)


class _NoPipes(Exception):
    """This system cannot start the browser as _DevTools does."""


# The same as TOC_PAGE.sub in _print_twice, on the loaded page: each entry's page, or nothing.
_FILL_CONTENTS = """(() => {
  const pages = %s;
  for (const span of document.querySelectorAll('span.toc-page[data-for]')) {
    const page = pages[span.dataset.for];
    if (page !== undefined && span.textContent === '') span.textContent = String(page);
  }
})()"""

# What `--print-to-pdf --no-pdf-header-footer --generate-pdf-document-outline` asks of the browser.
_PDF_OPTIONS = {
    "printBackground": True,
    "preferCSSPageSize": True,
    "displayHeaderFooter": False,
    "generateDocumentOutline": True,
}


class _DevTools:
    """A headless browser driven through the DevTools protocol on a pipe (`--remote-debugging-pipe`: it
    reads JSON messages ended by a NUL byte on its descriptor 3 and writes them on its descriptor 4)."""

    def __init__(
        self, browser: Path, pid: int, commands: int, replies: int, errors: Path, deadline: float, timeout: float
    ):
        self.browser, self.pid, self.commands, self.replies, self.errors = browser, pid, commands, replies, errors
        self.deadline, self.timeout = deadline, timeout
        self.buffer = b""
        self.waiting: list[dict[str, Any]] = []  # events read while waiting for a reply
        self.last_id = 0
        self.exit_code: int | None = None

    @classmethod
    @contextmanager
    def start(cls, browser: Path, work: Path, deadline: float, timeout: float) -> Iterator[_DevTools]:
        import fcntl

        errors = work / "browser.log"
        to_browser, from_browser = os.pipe(), os.pipe()
        # above the browser's 3 and 4, so that placing them there overwrites none of them
        ours = [fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in (*to_browser, *from_browser)]
        for fd in (*to_browser, *from_browser):
            os.close(fd)
        reads, commands, replies, writes = ours
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_OPEN, 2, str(errors), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
            (os.POSIX_SPAWN_DUP2, reads, 3),
            (os.POSIX_SPAWN_DUP2, writes, 4),
        ]
        argv = [*headless_command(browser, work / "profile"), "--remote-debugging-pipe", "about:blank"]
        try:
            try:
                pid = os.posix_spawnp(str(browser), argv, os.environ, file_actions=actions, setsid=True)
            except OSError as err:
                raise OutputError(f"{browser}: cannot run: {err.strerror or err}") from None
            except NotImplementedError:
                raise _NoPipes from None
            finally:
                os.close(reads)
                os.close(writes)
            tools = cls(browser, pid, commands, replies, errors, deadline, timeout)
            try:
                yield tools
            finally:
                tools.close()
        finally:
            os.close(commands)
            os.close(replies)

    def open(self, url: str) -> str:
        """A new tab with the page loaded (its fonts too): its session."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session: str = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", {}, session)
        self.call("Page.setLifecycleEventsEnabled", {"enabled": True}, session)
        loading = self.call("Page.navigate", {"url": url}, session)
        if loading.get("errorText"):
            self.fail(str(loading["errorText"]))
        loader = loading.get("loaderId")
        self.event(
            lambda e: (
                e.get("method") == "Page.lifecycleEvent"
                and e.get("sessionId") == session
                and e["params"].get("name") == "load"
                and (loader is None or e["params"].get("loaderId") == loader)
            )
        )
        self.call(
            "Runtime.evaluate", {"expression": "document.fonts.ready.then(() => true)", "awaitPromise": True}, session
        )
        return session

    def pdf(self, session: str) -> bytes:
        data = base64.b64decode(self.call("Page.printToPDF", _PDF_OPTIONS, session).get("data", ""))
        if not data.startswith(b"%PDF"):
            self.fail("no PDF data")
        return data

    def call(self, method: str, params: dict[str, Any], session: str | None = None) -> dict[str, Any]:
        self.last_id += 1
        message: dict[str, Any] = {"id": self.last_id, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        self._send(json.dumps(message).encode("utf-8") + b"\0")
        wanted = self.last_id
        reply = self.event(lambda m: m.get("id") == wanted, keep=True)
        if "error" in reply:
            self.fail(f"{method}: {reply['error'].get('message', reply['error'])}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    def event(self, wanted: Callable[[dict[str, Any]], bool], keep: bool = False) -> dict[str, Any]:
        """The first message (reply or event) `wanted`; the others read on the way kept for later."""
        for message in self.waiting:
            if wanted(message):
                self.waiting.remove(message)
                return message
        while True:
            message = self._receive()
            if wanted(message):
                return message
            if "id" not in message and len(self.waiting) < 10_000:
                self.waiting.append(message)

    def _send(self, data: bytes) -> None:
        while data:
            self._wait(self.commands, write=True)
            try:
                done = os.write(self.commands, data)
            except (BrokenPipeError, OSError):
                self.fail()
            data = data[done:]

    def _receive(self) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            if len(self.buffer) > 2 * MAX_PDF_BYTES:
                self.fail("a message too large")
            self._wait(self.replies)
            chunk = os.read(self.replies, 1 << 20)
            if not chunk:
                self.fail()
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        try:
            message = json.loads(raw)
        except ValueError:
            self.fail("a message that is not JSON")
        if not isinstance(message, dict):
            self.fail("a message that is not JSON")
        return message

    def _wait(self, fd: int, write: bool = False) -> None:
        """Until the descriptor is ready; a browser gone or out of time is a failure."""
        while True:
            left = self.deadline - time.monotonic()
            if left <= 0:
                self.close(wait=0.0)  # no answer in time: stopped at once
                raise OutputError(f"{self.browser}: no PDF after {self.timeout:.0f} s; the report was not written")
            ready = (
                select.select([], [fd], [], min(left, 0.2)) if write else select.select([fd], [], [], min(left, 0.2))
            )
            if ready[1] or ready[0]:
                return
            if self._exited() is not None:
                self.fail()

    def _exited(self) -> int | None:
        if self.exit_code is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.exit_code = os.waitstatus_to_exitcode(status)
        return self.exit_code

    def fail(self, why: str | None = None) -> NoReturn:
        """The browser printed no PDF: why, in its own last words when it said any."""
        if why is None:
            self.close(wait=1.0)
            log = read_bounded(self.errors, MAX_PDF_BYTES) if self.errors.is_file() else b""
            last = (log.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
            why = f"exit code {self.exit_code}: {last}"
        raise OutputError(f"{self.browser} did not print the PDF ({why}); the report was not written")

    def close(self, wait: float = 5.0) -> None:
        """Ask the browser to quit; stop it (and what it started) if it has not within `wait` seconds."""
        if self._exited() is not None:
            return
        try:
            self.last_id += 1
            os.write(self.commands, json.dumps({"id": self.last_id, "method": "Browser.close"}).encode() + b"\0")
        except OSError:
            pass
        end = time.monotonic() + wait
        while self._exited() is None and time.monotonic() < end:
            time.sleep(0.02)
        if self._exited() is None:
            with suppress(OSError):
                os.killpg(self.pid, signal.SIGKILL)
            _, status = os.waitpid(self.pid, 0)
            self.exit_code = os.waitstatus_to_exitcode(status)


def _print_twice(html: str, browser: Path, timeout: float) -> bytes:
    """html_to_pdf with one browser process a print (where pipes cannot be handed to a process)."""
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
