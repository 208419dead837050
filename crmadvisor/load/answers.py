"""Answers files: read and check against the criteria, write atomically after every answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from crmadvisor.errors import InputError, Problem
from crmadvisor.files import atomic_write
from crmadvisor.load.catalog import Loaded, load_answers
from crmadvisor.model.schema import Answers, Catalog


def read_answers(path: Path, catalog: Catalog) -> tuple[Answers, Loaded]:
    """An answers file that is valid against the criteria (possibly incomplete)."""
    loaded = load_answers(path, catalog)
    assert isinstance(loaded.model, Answers)
    return loaded.model, loaded


def missing_answers(answers: Answers, catalog: Catalog) -> list[str]:
    """The questions not answered yet, as `section.id` fields, in questionnaire order."""
    missing = [] if answers.company else ["company"]
    if answers.declared_model is None:
        missing.append("declared_model")
    missing += [f"traits.{t.id}" for t in catalog.traits.traits if t.id not in answers.traits]
    missing += [f"importance.{a.id}" for a in catalog.feature_areas.areas if a.id not in answers.importance]
    return missing


def require_complete(answers: Answers, loaded: Loaded, catalog: Catalog) -> None:
    """Raise located problems for every unanswered question (what `assess --answers` needs)."""
    missing = missing_answers(answers, catalog)
    if not missing:
        return
    problems = []
    for field in missing:
        section = tuple(field.split("."))[:1]
        line, col = loaded.src.mark(section) if section[0] in ("traits", "importance") else (1, 1)
        message = "not answered: answer it (or `dont_know`), or run `crmadvisor assess --resume` on this file"
        problems.append(Problem(loaded.src.path, line, col, field, message, "missing"))
    raise InputError(problems)


HEADER = """\
# crmadvisor answers file (kind: answers, version 1). Human-editable: change an answer and
# re-run `crmadvisor assess --answers THIS_FILE`. Values are option ids from `crmadvisor questions`;
# `dont_know` is accepted for traits and importance. Comments you add here are not kept by --resume.
"""


def dump_answers(answers: Answers, comment: str | None = None) -> str:
    """The answers as YAML, in questionnaire order, with a header comment."""
    data: dict[str, Any] = answers.model_dump(mode="json", exclude_none=True, exclude_defaults=False)
    if answers.date is not None:
        data["date"] = answers.date  # a YAML date, as people write it, not the quoted string '2026-11-22'
    if answers.constraints is not None:
        data["constraints"] = answers.constraints.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    head = HEADER + "".join(f"# {line}\n" if line else "#\n" for line in (comment or "").splitlines())
    return head + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def write_answers(path: Path, answers: Answers, comment: str | None = None) -> None:
    atomic_write(path, dump_answers(answers, comment))
