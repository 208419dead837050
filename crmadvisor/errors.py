"""Exit codes, located problems and the one exception tree the CLI catches."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Literal


class ExitCode(IntEnum):
    OK = 0
    INVALID = 1  # an input file or answer is wrong
    USAGE = 2  # a flag, a path or the terminal is wrong
    INTERNAL = 3  # a bug: rerun with CRMADVISOR_DEBUG=1
    INTERRUPTED = 130  # Ctrl-C; the answers typed so far are saved


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong in one file, at a 1-based line and column."""

    path: str
    line: int
    column: int
    field: str  # "ratings.quotes.rating"; "" for a YAML syntax error
    message: str  # says what was expected
    code: str  # stable: "extra_forbidden", "yaml", "duplicate-id", ...
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        field = f"{self.field}: " if self.field else ""
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {field}{self.message}"


class CrmAdvisorError(Exception):
    exit_code: ExitCode = ExitCode.INVALID


class InputError(CrmAdvisorError):
    """One or more located problems in the user's files."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(sorted(problems))
        super().__init__("\n".join(map(str, self.problems)))


class UsageError(CrmAdvisorError):
    exit_code = ExitCode.USAGE


class OutputError(CrmAdvisorError):
    """A file could not be written; nothing was half-written."""


class Interrupted(CrmAdvisorError):
    exit_code = ExitCode.INTERRUPTED
