"""The only code that opens files: bounded reads, and atomic writes that go through symbolic links."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from crmadvisor.errors import OutputError

MAX_FILE_BYTES = 2 * 1024 * 1024  # a vendor profile is about 8 KB; 2 MiB is generous
# Names that mean "this command's standard output": a report given one of them is printed, not written.
STANDARD_OUTPUT = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})


class TooLarge(Exception):
    def __init__(self, size: int) -> None:
        self.size = size
        super().__init__(size)


class NotRegular(Exception):
    """A FIFO, socket or device: reading it could block forever or never end."""


def read_bounded(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read at most `limit` bytes of a regular file; refuse a larger file before reading it whole."""
    # O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever, before any check
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        status = os.fstat(fd)
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(status.st_mode):
            raise NotRegular(path)
        if status.st_size > limit:
            raise TooLarge(status.st_size)
        # os.read of the size fstat gave (+1 to see the end): a buffered read(limit + 1) would
        # allocate 2 MiB for every 8 KB file: 1,000 vendor files took 2 to 3 times as long
        chunks: list[bytes] = []
        size = 0
        while size <= limit and (chunk := os.read(fd, min(limit + 1 - size, status.st_size + 1))):
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > limit:  # grew since fstat
        raise TooLarge(size)
    return b"".join(chunks)


def is_standard_output(path: Path) -> bool:
    """Whether a path given for a report means standard output (`-o /dev/stdout`, `-o -`)."""
    return str(path) in STANDARD_OUTPUT


def atomic_write(target: Path, text: str) -> None:
    """Replace target in one step: readers see the old file or the new one, never half."""
    atomic_write_bytes(target, text.encode("utf-8"))


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """atomic_write for binary content (PNG charts, PDF reports); parent folders are created.

    A symbolic link is written through: its target gets the new content and keeps its permissions,
    the link stays. A device, FIFO, socket or folder at the path is refused, never replaced.
    """
    real = writable_file(target)
    with _failing_as(target):
        real.parent.mkdir(parents=True, exist_ok=True)
        with _staged_file(real, data) as staged:
            os.replace(staged, real)
        _sync_folder(real.parent)


def atomic_write_unit(target: Path, data: bytes, folder: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write a file and its companion folder (`r.md` and `r_files/`) as one unit: both new, or both as before.

    The folder is made whole under a temporary name beside it, then swapped in with the file; a failure
    at any step puts the previous folder back. Files of the previous folder that the new one does not
    replace (a consultant's own notes) are kept in the new one. Returns the paths written.
    """
    if not files:
        atomic_write_bytes(target, data)
        return [target]
    real = writable_file(target)
    real_folder = _writable_folder(folder)
    with _failing_as(folder):
        real_folder.parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(dir=real_folder.parent, prefix=f".{real_folder.name}.", suffix=".tmp"))
    failed = True
    try:
        new = stage / "new"
        with _failing_as(folder):
            new.mkdir()
            os.chmod(new, _mode_for(real_folder, 0o777))
            for name, content in files.items():
                with _staged_file(new / name, content, like=real_folder / name) as staged:
                    os.rename(staged, new / name)
            _keep_others(real_folder, new)
        with _failing_as(target), _staged_file(real, data) as staged_report:
            _swap_in(new, real_folder, stage / "old", staged_report, real)
        failed = False
        _sync_folder(real_folder.parent)
        _sync_folder(real.parent)
    finally:
        if not (failed and (stage / "old").exists()):  # else it holds the previous folder: never deleted
            shutil.rmtree(stage, ignore_errors=True)
    return [*(folder / name for name in files), target]


def writable_file(target: Path) -> Path:
    """The regular file a write to `target` lands in, through symbolic links; anything else is refused."""
    return _writable(target, stat.S_ISREG, "a file")


def _writable_folder(folder: Path) -> Path:
    return _writable(folder, stat.S_ISDIR, "a folder")


def _writable(path: Path, fits: Callable[[int], bool], wanted: str) -> Path:
    try:
        mode: int | None = path.stat().st_mode  # follows links, /proc's magic ones included
    except FileNotFoundError:
        mode = None  # a new file, or a link to one not made yet
    except OSError as err:
        raise OutputError(f"{path}: cannot write: {_reason(err)}") from None
    if mode is not None and not fits(mode):
        raise OutputError(f"{path}: {_what(mode)} is there, not {wanted}: nothing was written")
    real = Path(os.path.realpath(path))
    if os.path.islink(real):  # realpath leaves a loop of links unresolved
        raise OutputError(f"{path}: a loop of symbolic links is there, not {wanted}: nothing was written")
    return real


def _keep_others(old: Path, new: Path) -> None:
    """What the old folder holds that the new one does not replace, linked (else copied) into the new one."""
    if not old.is_dir():
        return
    for entry in old.iterdir():
        if not os.path.lexists(new / entry.name):
            if entry.is_dir() and not entry.is_symlink():
                shutil.copytree(entry, new / entry.name, symlinks=True, copy_function=_link_or_copy)
            else:
                _link_or_copy(entry, new / entry.name)


def _link_or_copy(source: str | Path, destination: str | Path) -> None:
    try:
        os.link(source, destination, follow_symlinks=False)
    except OSError:  # a file system without hard links
        shutil.copy2(source, destination, follow_symlinks=False)


def _swap_in(new: Path, folder: Path, old: Path, staged_report: Path, report: Path) -> None:
    """Put the new folder and report in place, or put the previous folder back."""
    had_old = folder.exists()
    if had_old:
        os.rename(folder, old)
    try:
        os.rename(new, folder)
        try:
            os.replace(staged_report, report)
        except BaseException:
            os.rename(folder, new)
            raise
    except BaseException as err:
        if had_old:
            try:
                os.rename(old, folder)
            except OSError:
                raise OutputError(
                    f"{report}: cannot write: {_reason(err)}; the previous {folder.name} is kept in {old}"
                ) from None
        raise


@contextmanager
def _staged_file(real: Path, data: bytes, like: Path | None = None) -> Iterator[Path]:
    """A temporary file beside `real` holding `data`, synced, with the permissions `real` (or `like`) has."""
    fd, name = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            _keep_owner(tmp, like or real)
            os.chmod(tmp, _mode_for(like or real))
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        yield tmp
    finally:  # Ctrl-C included: never leave a temporary file behind (after a rename there is none)
        tmp.unlink(missing_ok=True)


@contextmanager
def _failing_as(path: Path) -> Iterator[None]:
    """An OSError while writing `path` becomes the one-line message the CLI prints (exit 1)."""
    try:
        yield
    except OSError as err:
        raise OutputError(f"{path}: cannot write: {_reason(err)}") from None


def _reason(err: BaseException) -> str:
    return (err.strerror if isinstance(err, OSError) else None) or str(err) or type(err).__name__


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable; some systems cannot open a folder to sync it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _what(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a regular file" if stat.S_ISREG(mode) else "something other than a file"


def _keep_owner(tmp: Path, original: Path) -> None:
    """Root rewriting a consultant's file leaves it theirs; anyone else cannot give a file away, nor needs to."""
    try:
        status = original.stat()
        if (status.st_uid, status.st_gid) != (os.geteuid(), os.getegid()):
            os.chown(tmp, status.st_uid, status.st_gid)
    except (OSError, AttributeError):  # no such file yet; not permitted; no owners (Windows)
        pass


def _mode_for(target: Path, default: int = 0o666) -> int:
    """The permissions of what is replaced, else those a plain open() or mkdir() gives (mkstemp makes 0600)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0)  # reading the umask means setting it; restored at once (the CLI is single-threaded)
        os.umask(mask)
        return default & ~mask
