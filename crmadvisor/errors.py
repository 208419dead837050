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
        """One line, whatever the file held: line breaks and control characters escaped."""
        field = f"{self.field}: " if self.field else ""
        text = f"{self.path}:{self.line}:{self.column}: {self.severity}: {field}{self.message}"
        return text.translate(_ESCAPED)


# C0 and C1 controls and Unicode's own line and paragraph separators, as Python writes them
# in a string literal: a key such as "a\nb" must not split a problem over two lines.
_ESCAPED = {
    code: repr(chr(code))[1:-1]
    for code in (*range(0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029)
    if code != 0x09  # a tab stays a tab
}


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
