"""What the CLI writes never harms what sits at the path: links written through, devices, FIFOs and
folders refused, and a report with its chart folder written as one unit (both new or both old)."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from crmadvisor import workflow
from crmadvisor.cli import app
from crmadvisor.errors import OutputError
from crmadvisor.files import atomic_write_unit
from crmadvisor.words import words

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "examples" / "answers" / "online-retailer.yaml"
UNSET_ENV = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES", "NO_COLOR")
FAST = ("--draws", "0", "--today", "2026-12-02")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False, env=dict.fromkeys(UNSET_ENV))
    return result.exit_code, result.stdout, result.stderr


def report(output: Path, *extra: str) -> tuple[int, str, str]:
    return run("assess", "--answers", str(ANSWERS), "--output", str(output), *FAST, *extra)


def listing(folder: Path) -> dict[str, bytes | str]:
    """Every entry under folder: a file's bytes, a link's target, a folder or other kind by name."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        mode = path.lstat().st_mode
        key = str(path.relative_to(folder))
        if stat.S_ISLNK(mode):
            found[key] = f"-> {os.readlink(path)}"
        elif stat.S_ISREG(mode):
            found[key] = path.read_bytes()
        else:
            found[key] = "folder" if stat.S_ISDIR(mode) else f"mode {stat.S_IFMT(mode):o}"
    return found


# ------------------------------------------------------------------ what sits at the path


def make_device(path: Path) -> None:
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a copy of /dev/null
    except PermissionError:
        pytest.skip("making a device node needs root (CAP_MKNOD)")


def make_loop(path: Path) -> None:
    other = path.with_name("other.md")
    other.symlink_to(path.name)
    path.symlink_to(other.name)


@pytest.mark.parametrize(
    ("make", "what"),
    [
        (make_device, "a character device is there, not a file"),
        (os.mkfifo, "a named pipe (FIFO) is there, not a file"),
        (os.mkdir, "a folder is there, not a file"),
        (make_loop, "cannot write: Too many levels of symbolic links"),
    ],
    ids=["device", "fifo", "folder", "link-loop"],
)
@pytest.mark.parametrize("charts", [True, False], ids=["charts", "no-charts"])
def test_a_report_never_replaces_a_device_fifo_folder_or_link_loop(
    tmp_path: Path, make: Callable[[Path], None], what: str, charts: bool
) -> None:
    target = tmp_path / "r.md"
    make(target)
    before = listing(tmp_path)
    code, stdout, stderr = report(target, *(() if charts else ("--no-charts",)))
    assert (code, stdout) == (1, "")
    assert stderr.startswith(f"{target}: ") and what in stderr
    assert listing(tmp_path) == before  # the node is still there, and no temporary file is left


def test_through_a_link_pointing_at_a_device_the_device_is_kept(tmp_path: Path) -> None:
    link = tmp_path / "r.md"
    link.symlink_to("/dev/null")
    code, _, stderr = report(link, "--no-charts")
    assert code == 1
    assert stderr == f"{link}: a character device is there, not a file: nothing was written\n"
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("fmt", [(), ("--format", "md")], ids=["no-format", "format-md"])
def test_a_folder_or_device_without_an_extension_is_said_to_be_there_not_that_the_extension_is_empty(
    tmp_path: Path, fmt: tuple[str, ...]
) -> None:
    """`-o out/adir`, `-o /dev/null`: no extension to read, and the same refusal with --format or without."""
    (tmp_path / "adir").mkdir()
    before = listing(tmp_path)
    for target, what in ((tmp_path / "adir", "a folder"), (Path("/dev/null"), "a character device")):
        code, stdout, stderr = report(target, *fmt)
        assert (code, stdout) == (1, "")
        assert stderr == f"{target}: {what} is there, not a file: nothing was written\n"
    code, _, stderr = run("rfp", "--answers", str(ANSWERS), "--output", str(tmp_path / "adir"))
    assert (code, stderr) == (1, f"{tmp_path / 'adir'}: a folder is there, not a file: nothing was written\n")
    assert listing(tmp_path) == before


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_new_file_without_an_extension_is_said_to_have_none(tmp_path: Path, lang: str) -> None:
    code, _, stderr = report(tmp_path / "report", "--lang", lang)
    assert code == 2
    assert stderr == words(lang)("workflow.no_extension", path=tmp_path / "report") + "\n"
    assert "``" not in stderr and list(tmp_path.iterdir()) == []


def test_a_report_through_a_link_updates_the_target_keeps_the_link_and_the_permissions(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "r.md"
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "r.md"
    link.symlink_to("real/r.md")
    code, stdout, stderr = report(link, "--no-charts")
    assert code == 0, stderr
    assert stdout == f"wrote {link}\n"
    assert link.is_symlink() and os.readlink(link) == "real/r.md"
    assert real.read_text(encoding="utf-8").startswith("# CRM selection report")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md", "real"]
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["r.md"]


def test_a_report_rewritten_by_root_keeps_its_owner(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("giving a file to another user needs root")
    target = tmp_path / "r.md"
    target.write_text("old\n", encoding="utf-8")
    os.chown(target, 4321, 4321)
    code, _, stderr = report(target, "--no-charts")
    assert code == 0, stderr
    assert (target.stat().st_uid, target.stat().st_gid) == (4321, 4321)


def test_a_dangling_link_gets_its_target_made(tmp_path: Path) -> None:
    link = tmp_path / "r.json"
    link.symlink_to("later/r.json")
    code, _, stderr = report(link)
    assert code == 0, stderr
    assert link.is_symlink() and (tmp_path / "later" / "r.json").is_file()


def test_charts_go_beside_the_link_and_a_linked_chart_folder_is_written_through(tmp_path: Path) -> None:
    elsewhere = tmp_path / "shared"
    elsewhere.mkdir()
    (elsewhere / "notes.txt").write_text("mine\n", encoding="utf-8")
    (tmp_path / "r_files").symlink_to("shared")
    code, _, stderr = report(tmp_path / "r.md")
    assert code == 0, stderr
    assert (tmp_path / "r_files").is_symlink()
    assert sorted(p.name for p in elsewhere.iterdir()) == ["fit.svg", "notes.txt", "radar.svg", "value.svg"]


def test_a_file_where_the_chart_folder_goes_is_refused(tmp_path: Path) -> None:
    (tmp_path / "r_files").write_text("not a folder\n", encoding="utf-8")
    before = listing(tmp_path)
    code, _, stderr = report(tmp_path / "r.md")
    assert code == 1
    assert stderr == f"{tmp_path / 'r_files'}: a regular file is there, not a folder: nothing was written\n"
    assert listing(tmp_path) == before


def test_dev_stdout_prints_the_report_and_replaces_nothing(tmp_path: Path) -> None:
    """`-o /dev/stdout --format md` means standard output, as `--format md` without --output does; without
    --format there is no extension to tell the format (README: Reports)."""
    before = os.readlink("/dev/stdout") if os.path.islink("/dev/stdout") else None
    command = [sys.executable, "-m", "crmadvisor", "assess", "--answers", str(ANSWERS), *FAST, "--no-charts"]
    done = subprocess.run(
        [*command, "-o", "/dev/stdout", "--format", "md"], capture_output=True, cwd=tmp_path, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"# CRM selection report") and b"wrote" not in done.stdout
    assert (os.readlink("/dev/stdout") if os.path.islink("/dev/stdout") else None) == before
    assert list(tmp_path.iterdir()) == []  # no chart folder named after "stdout"
    code, _, stderr = run("assess", "--answers", str(ANSWERS), *FAST, "--no-charts", "-o", "/dev/stdout")  # no write
    assert code == 2
    assert stderr == "--format is needed when the report goes to standard output\n"


def test_vendors_new_writes_through_a_dangling_link(tmp_path: Path) -> None:
    (tmp_path / "acme.yaml").symlink_to("drafts/acme.yaml")
    code, _, stderr = run("vendors", "new", "acme", "--dir", str(tmp_path))
    assert code == 0, stderr
    assert (tmp_path / "acme.yaml").is_symlink()
    assert yaml.safe_load((tmp_path / "drafts" / "acme.yaml").read_text(encoding="utf-8"))["id"] == "acme"


# ------------------------------------------------------------------ answers files (--save, --resume)


def type_into_assess(monkeypatch: pytest.MonkeyPatch, keys: str, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(workflow, "has_terminal", lambda: True)  # CliRunner's stdin is no terminal
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        pipe.close()
        return run("assess", *args, *FAST)


def test_resume_through_a_link_saves_in_the_real_file_and_keeps_the_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "clients").mkdir()
    real = tmp_path / "clients" / "acme.yaml"
    real.write_text("kind: answers\n", encoding="utf-8")
    real.chmod(0o600)
    link = tmp_path / "acme.yaml"
    link.symlink_to(real)
    code, _, _ = type_into_assess(monkeypatch, "Acme SA\r\x03", "--resume", str(link))
    assert code == 130
    assert link.is_symlink() and link.resolve() == real
    assert yaml.safe_load(real.read_text(encoding="utf-8"))["company"] == "Acme SA"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600


def test_save_through_a_dangling_link_makes_its_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    link = tmp_path / "acme.yaml"
    link.symlink_to("clients/acme.yaml")
    code, _, _ = type_into_assess(monkeypatch, "Acme SA\r\x03", "--save", str(link))
    assert code == 130
    assert link.is_symlink()
    assert yaml.safe_load((tmp_path / "clients" / "acme.yaml").read_text(encoding="utf-8"))["company"] == "Acme SA"


# ------------------------------------------------------------------ a report and its charts: one unit


class DiskFull:
    """Counts the steps that write under one folder and fails the n-th with ENOSPC (0: never)."""

    OPERATIONS = ("open", "mkdir", "rename", "replace", "chmod", "fsync")
    WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT

    def __init__(self, folder: Path, fail_at: int) -> None:
        self.folder, self.fail_at, self.steps = str(folder), fail_at, 0

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        for name in self.OPERATIONS:
            monkeypatch.setattr(os, name, self.wrap(name, getattr(os, name)))

    def wrap(self, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def step(*args: Any, **kwargs: Any) -> Any:
            first = args[0] if args else None
            reading = name == "open" and not args[1] & self.WRITING
            if not reading and (isinstance(first, int) or str(first).startswith(self.folder)):
                self.steps += 1  # fsync takes a descriptor: only the writer syncs
                if self.steps == self.fail_at:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real(*args, **kwargs)

        return step


def old_pair(folder: Path) -> None:
    """A report and its charts from an earlier run, and a note of the consultant's in the chart folder."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "r_files").mkdir(parents=True)
    (folder / "r.md").write_text("old report\n", encoding="utf-8")
    for name in ("radar.svg", "fit.svg", "notes.txt"):
        (folder / "r_files" / name).write_text(f"old {name}\n", encoding="utf-8")


NEW_CHARTS = {"radar.svg": b"new radar", "fit.svg": b"new fit", "radar.png": b"new png"}


def write_pair(folder: Path) -> list[Path]:
    return atomic_write_unit(folder / "r.md", b"new report", folder / "r_files", NEW_CHARTS)


def steps_of_a_write(folder: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many writing steps the pair takes (on a copy: the folder itself stays as it was)."""
    copy = folder.with_name("copy")
    shutil.copytree(folder, copy)
    counter = DiskFull(copy, 0)
    with monkeypatch.context() as patch:
        counter.install(patch)
        write_pair(copy)
    shutil.rmtree(copy)
    return counter.steps


def test_a_failure_at_any_step_keeps_the_old_report_and_charts_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    old_pair(folder)
    before = listing(folder)
    steps = steps_of_a_write(folder, monkeypatch)
    assert steps > 10
    unnoticed = []
    for fail_at in range(1, steps + 1):
        old_pair(folder)
        with monkeypatch.context() as patch:
            DiskFull(folder, fail_at).install(patch)
            try:
                write_pair(folder)
            except OutputError as err:
                assert str(err).endswith(": cannot write: No space left on device"), f"step {fail_at}: {err}"
                assert listing(folder) == before, f"step {fail_at}"
                continue
        unnoticed.append(fail_at)
        after = listing(folder)
        assert after == {**before, "r.md": b"new report", **{f"r_files/{k}": v for k, v in NEW_CHARTS.items()}}
    # harmless, so unnoticed: making the parent folder that exists; syncing the folders after the swap
    assert unnoticed == [1, steps - 1, steps]


def test_a_failure_at_any_step_of_a_first_report_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    steps = steps_of_a_write(folder, monkeypatch)
    for fail_at in range(2, steps - 1):
        with monkeypatch.context() as patch:
            DiskFull(folder, fail_at).install(patch)
            with pytest.raises(OutputError):
                write_pair(folder)
        assert listing(folder) == {}, f"step {fail_at}"


def test_a_failed_write_through_the_cli_keeps_the_old_pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old_pair(tmp_path)
    before = listing(tmp_path)
    real_replace = os.replace

    def full_disk(source: Any, destination: Any) -> None:
        if str(destination).endswith("r.md"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", full_disk)
    code, stdout, stderr = report(tmp_path / "r.md", "--png")
    assert (code, stdout) == (1, "")
    assert stderr == f"{tmp_path / 'r.md'}: cannot write: No space left on device\n"
    assert listing(tmp_path) == before


def test_a_new_report_replaces_the_charts_and_keeps_the_consultants_own_files(tmp_path: Path) -> None:
    old_pair(tmp_path)
    (tmp_path / "r_files").chmod(0o750)
    code, stdout, stderr = report(tmp_path / "r.md")
    assert code == 0, stderr
    charts = tmp_path / "r_files"
    written = (charts / "radar.svg", charts / "fit.svg", charts / "value.svg", tmp_path / "r.md")
    assert stdout == "".join(f"wrote {p}\n" for p in written)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md", "r_files"]
    assert sorted(p.name for p in charts.iterdir()) == ["fit.svg", "notes.txt", "radar.svg", "value.svg"]
    assert (charts / "radar.svg").read_text(encoding="utf-8").startswith("<?xml")
    assert (charts / "notes.txt").read_text(encoding="utf-8") == "old notes.txt\n"
    assert stat.S_IMODE(charts.stat().st_mode) == 0o750


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 256 KiB tmpfs: a real full disk (root only)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_on_a_full_disk_the_old_report_and_charts_stay_whole(tiny_disk: Path) -> None:
    code, _, stderr = report(tiny_disk / "r.md")
    assert code == 0, stderr
    before = listing(tiny_disk)
    filler = tiny_disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 512):
            pass
    except OSError as err:
        assert err.errno == errno.ENOSPC
    finally:
        os.close(fd)
    before["filler"] = filler.read_bytes()
    code, _, stderr = report(tiny_disk / "r.md", "--png")
    assert code == 1
    assert stderr.endswith(": cannot write: No space left on device\n")
    assert listing(tiny_disk) == before
