"""The only code that opens files: bounded reads and atomic writes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from crmadvisor.errors import OutputError

MAX_FILE_BYTES = 2 * 1024 * 1024  # a vendor profile is about 8 KB; 2 MiB is generous


class TooLarge(Exception):
    def __init__(self, size: int) -> None:
        self.size = size
        super().__init__(size)


def read_bounded(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read at most `limit` bytes; refuse a larger file before reading it whole."""
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(path.stat().st_size)
    return data


def atomic_write(target: Path, text: str) -> None:
    """Replace target in one step: readers see the old file or the new one, never half."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as err:
        raise OutputError(f"{target}: cannot write: {err.strerror or err}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException as err:  # Ctrl-C included: never leave a temporary file behind
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise OutputError(f"{target}: cannot write: {err.strerror or err}") from None
        raise
