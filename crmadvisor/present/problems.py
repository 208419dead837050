"""Problem renderers for `validate`: plain text, JSON and GitHub Actions annotations."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict

from crmadvisor.errors import Problem


def as_text(problems: Sequence[Problem], files: int) -> str:
    lines = [f"{p}\n" for p in problems]
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    noun = "file" if files == 1 else "files"
    lines.append(f"{files} {noun} checked: {errors} error(s), {warnings} warning(s)\n")
    return "".join(lines)


def as_json(problems: Sequence[Problem], files: int) -> str:
    errors = sum(p.severity == "error" for p in problems)
    doc = {
        "version": 1,
        "files": files,
        "errors": errors,
        "warnings": len(problems) - errors,
        "problems": [asdict(p) for p in problems],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def as_github(problems: Sequence[Problem], files: int) -> str:
    lines = [
        f"::{p.severity} file={_prop(p.path)},line={p.line},col={p.column},title={_prop(p.code)}::"
        f"{_data((p.field + ': ' if p.field else '') + p.message)}\n"
        for p in problems
    ]
    return "".join(lines) + as_text([], files).replace("0 error(s), 0 warning(s)", _counts(problems))


def _counts(problems: Sequence[Problem]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    return f"{errors} error(s), {len(problems) - errors} warning(s)"


def _data(text: str) -> str:
    """Workflow-command escaping of a message; '%' first."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    """Property values also escape ':' and ','."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


FORMATS: dict[str, Callable[[Sequence[Problem], int], str]] = {
    "text": as_text,
    "json": as_json,
    "github": as_github,
}
