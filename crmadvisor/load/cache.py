"""A catalogue already checked, kept between runs: parsing and validating 35 vendor files is a
tenth of a second of every command, and the files rarely change. The criteria alone are kept too,
for the commands that read only them (`validate`, `loyalty`, `questions`).

The key is a hash of everything the catalogue is made of: the bytes of every criteria, vendor and
rates file read, the `today` the staleness is judged at, and the source of the code that reads
and models them. A changed, added or removed file gives another key, so an entry is never used
for files it was not built from. Only catalogues that loaded without error are kept; problems are
always found by reading the files. The cache lives in `$CRMADVISOR_CACHE_DIR`, else
`$XDG_CACHE_HOME/crmadvisor` or `~/.cache/crmadvisor`; `CRMADVISOR_CACHE=0` turns it off. A cache
that cannot be read or written is ignored: it never makes a command fail.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_CODE = Path(__file__).resolve().parents[1]  # the package: its loaders and models shape what is kept
KEEP = 8  # entries kept; the oldest go first


def folder() -> Path | None:
    if os.environ.get("CRMADVISOR_CACHE", "1") == "0":
        return None
    given = os.environ.get("CRMADVISOR_CACHE_DIR")
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "crmadvisor"


def key(files: Iterable[Path], *extra: str) -> str | None:
    """The hash of these files' names and bytes, the code's and `extra`; None when a file cannot be read."""
    from crmadvisor.files import NotRegular, TooLarge, read_bounded

    code = _code_digest()
    if code is None:
        return None
    digest = hashlib.sha256(code)
    try:
        for path in files:
            digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
            digest.update(read_bounded(path) + b"\0")  # a FIFO or a huge file: no key, the loader says why
    except (OSError, NotRegular, TooLarge):
        return None
    for item in extra:
        digest.update(item.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


@functools.cache
def _code_digest() -> bytes | None:
    """The hash of what reads, checks and models the files (crmadvisor/load, crmadvisor/model), None when a
    module cannot be read; computed once a process (tests run many commands in one)."""
    digest = hashlib.sha256()
    try:
        for path in sorted([*_CODE.glob("load/*.py"), *_CODE.glob("model/*.py")]):
            digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.digest()


def cached(name: str | None, build: Callable[[], T], kind: str = "catalog") -> T:
    """What `build` returns, read from the cache entry `name` when it holds it, else built and kept.

    `kind` names the entries (a catalogue, criteria alone): the last KEEP of each are kept."""
    where = folder()
    if name is None or where is None:
        return build()
    entry = where / f"{kind}-{name}.pickle"
    try:
        with entry.open("rb") as handle:
            found: T = pickle.load(handle)  # our own file, written below from our own objects
        return found
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    value = build()
    _keep(where, entry, value, kind)
    return value


def _keep(where: Path, entry: Path, value: object, kind: str) -> None:
    """Write the entry whole or not at all (a temporary file renamed over it), then trim the folder."""
    temporary: Path | None = None
    try:
        where.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=where, prefix=".tmp-", delete=False) as handle:
            temporary = Path(handle.name)
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
        olds = sorted(where.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in olds[KEEP:]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
