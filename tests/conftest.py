"""What several test files share: the CLI run in-process, the shipped catalogue, answers files.

Test modules import the plain helpers (`from conftest import run, ROOT`); fixtures are found by
pytest. Add your own below the others; keep each helper's signature, other files rely on it.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import typer.main
import typer.testing
import yaml
from typer.testing import CliRunner

from crmadvisor.cli import app
from crmadvisor.load.catalog import load_catalog
from crmadvisor.model.schema import Catalog

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
EXAMPLES = ROOT / "examples" / "answers"
SHIPPED_CRITERIA = ROOT / "criteria"
SHIPPED_VENDORS = ROOT / "vendors"
TODAY = "2026-12-02"  # every test's "today" (`--today`): review dates and staleness are checked against it
TODAY_DATE = dt.date.fromisoformat(TODAY)

# variables that would make rich colour or size the output whatever the test asks
UNSET_ENV = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES", "NO_COLOR")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-expected",
        action="store_true",
        help="rewrite the expected output beside each case of tests/data/invalid (review the diff)",
    )


class Ran(NamedTuple):
    """What a command did: its exit code and what it printed on each stream."""

    code: int
    stdout: str
    stderr: str


def run(*args: object, env: dict[str, str | None] | None = None) -> Ran:
    """`crmadvisor ARGS...` in this process, with a neutral terminal environment (`env` adds to it).

    An exception escaping the command fails the test with its traceback (`catch_exceptions=False`).
    """
    environment: dict[str, str | None] = {**dict.fromkeys(UNSET_ENV), **(env or {})}
    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False, env=environment)
    return Ran(result.exit_code, result.stdout, result.stderr)


@cache
def shipped_catalog() -> Catalog:
    """The shipped criteria and vendors, as of TODAY (loaded once per test process)."""
    return load_catalog(today=TODAY_DATE)


AnswersFile = Callable[..., Path]


@pytest.fixture
def answers_file(tmp_path: Path) -> AnswersFile:
    """Write an answers file in tmp_path, from an example (`base`) changed at the top level.

    `answers_file(company="Acme", lang="fr")` changes keys; a value of None removes the key;
    `base=None` starts from an empty file; `text=` writes that text as it is.
    """

    def write(
        name: str = "answers.yaml", *, base: str | None = "industrial-supplier", text: str | None = None, **changes: Any
    ) -> Path:
        path = tmp_path / name
        if text is not None:
            path.write_text(text, encoding="utf-8")
            return path
        data: dict[str, Any] = {}
        if base is not None:
            data = yaml.safe_load((EXAMPLES / f"{base}.yaml").read_text(encoding="utf-8"))
        for key, value in changes.items():
            if value is None:
                data.pop(key, None)
            else:
                data[key] = value
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        return path

    return write


@pytest.fixture
def open_tmp() -> Iterator[Path]:
    """A temporary folder that any user may enter (pytest's own are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="crmadvisor-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def validate_unprivileged(target: Path, cwd: Path) -> list[str]:
    """`crmadvisor validate target` in a process that permissions apply to: as `nobody` under root."""
    argv = [*_unprivileged(), sys.executable, "-m", "crmadvisor", "validate", str(target), "--today", TODAY]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=cwd)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stderr == ""
    return proc.stdout.splitlines()


def validate_unprivileged_each(targets: list[Path], cwd: Path) -> list[list[str]]:
    """What `validate_unprivileged` gives for each target, from one process (one start-up, not one a target):
    `crmadvisor validate TARGET` run in turn as the command line runs it (`crmadvisor.start.run`), each
    exiting 1 and writing nothing on stderr."""
    code = (
        "import sys\n"
        "from crmadvisor.start import run\n"
        "today, *targets = sys.argv[1:]\n"
        "for target in targets:\n"
        "    sys.argv = ['crmadvisor', 'validate', target, '--today', today]\n"
        "    exited = run()\n"
        "    sys.stdout.write(f'\\0{exited}\\n')\n"
        "    sys.stdout.flush()\n"
    )
    argv = [*_unprivileged(), sys.executable, "-c", code, TODAY, *map(str, targets)]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=cwd)
    assert (proc.returncode, proc.stderr) == (0, ""), proc.stdout + proc.stderr
    *outputs, rest = proc.stdout.split("\0")
    assert rest == "1\n" and all(o.startswith("1\n") for o in outputs[1:]), proc.stdout
    return [output.removeprefix("1\n").splitlines() for output in outputs]


def _unprivileged() -> list[str]:
    """What runs a command as `nobody` when the tests run as root (permissions do not apply to root)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv")
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.fixture(autouse=True, scope="session")
def _cli_built_once() -> Iterator[None]:
    """typer's CliRunner rebuilds the click command from the app at every invoke (about 25 ms): once a worker."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(typer.testing, "_get_command", cache(typer.main.get_command))
        yield


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]) -> Path:
    """A folder `make(folder)` fills, once per test run: pytest-xdist's workers share it, under a lock
    (the first that needs it makes it, a worker asking meanwhile waits). Read it, do not write in it."""
    if name in _made:
        return _made[name]
    if os.environ.get("PYTEST_XDIST_WORKER") is None or sys.platform == "win32":
        folder = factory.mktemp(name)
        make(folder)
        _made[name] = folder
        return folder
    import fcntl

    folder = factory.getbasetemp().parent / name  # this run's, shared by its workers
    with (folder.parent / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = folder.parent / f"{name}.done"
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    _made[name] = folder
    return folder


_made: dict[str, Path] = {}


@pytest.fixture(scope="session")
def example_reports_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `python examples/make_reports.py FOLDER` writes (every example, every format), once per test run.

    tests/test_report.py compares it with examples/reports/ file for file.
    """
    spec = importlib.util.spec_from_file_location("make_reports", ROOT / "examples" / "make_reports.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return made_once(tmp_path_factory, "example-reports", module.write_reports)
