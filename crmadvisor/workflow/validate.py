"""`validate`: vendor, criteria and answers files checked, for CI and pre-commit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from crmadvisor.errors import ExitCode
from crmadvisor.workflow.printout import Printout


@dataclass(frozen=True, slots=True)
class ValidateRequest:
    paths: tuple[Path, ...] = ()  # none: the shipped criteria and vendors
    fmt: str = "text"
    strict: bool = False
    criteria: Path | None = None
    today: dt.date | None = None


def validate(request: ValidateRequest) -> Printout:
    """Every problem of the files, in the format asked for; exit 1 when one is an error."""
    from crmadvisor.load.catalog import check_paths
    from crmadvisor.load.discover import shipped_dir
    from crmadvisor.present.problems import FORMATS

    targets = list(request.paths) or [shipped_dir("criteria"), shipped_dir("vendors")]
    today = request.today or dt.date.today()
    result = check_paths(targets, today=today, criteria_dir=request.criteria, strict=request.strict)
    failed = any(p.severity == "error" for p in result.problems)
    return Printout(FORMATS[request.fmt](result.problems, result.files), exit_code=ExitCode.INVALID if failed else 0)
