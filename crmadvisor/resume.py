"""The command that continues an answers file, as the questionnaire and the loaders print it."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from pathlib import Path


def resume_command(command: str, path: Path | str, again: Sequence[str] = ()) -> str:
    """`crmadvisor COMMAND --resume PATH AGAIN...`, quoted for a POSIX shell.

    `again` holds the options (criteria and vendor folders) the command must repeat to ask and rank
    the same way.
    """
    return shlex.join(["crmadvisor", command, "--resume", str(path), *again])
