"""`vendors audit`: how well each profile of one folder is sourced; fails a consultancy's CI above a share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from crmadvisor.errors import ExitCode, InputError, UsageError
from crmadvisor.model.schema import Vendor
from crmadvisor.words import words
from crmadvisor.workflow.printout import Printout


@dataclass(frozen=True, slots=True)
class AuditRequest:
    folder: Path | None = None  # None: the shipped catalogue
    criteria: Path | None = None
    max_unverified: float | None = None
    fmt: str = "text"
    today: dt.date | None = None
    lang: str = "en"


def audit(request: AuditRequest) -> Printout:
    """The audit in the format asked for; exit 1 when the share of unverified ratings is over the limit."""
    from crmadvisor.load.criteria import load_criteria
    from crmadvisor.load.discover import check_files, shipped_dir, yaml_files
    from crmadvisor.load.vendors import vendor_set_problems
    from crmadvisor.model.audit import Key, audit_catalog
    from crmadvisor.present.audit import FORMATS

    today = request.today or dt.date.today()
    target = request.folder if request.folder is not None else shipped_dir("vendors")
    if not target.is_dir():
        raise UsageError(words(request.lang)("workflow.no_vendors_folder", folder=target))
    files, missing = yaml_files([target])
    checked = check_files(files)
    vendors = [item for item in checked.loaded if isinstance(item.model, Vendor)]
    found = missing + checked.problems + vendor_set_problems(vendors, load_criteria(request.criteria), today=today)
    errors = [p for p in found if p.severity == "error"]
    if errors:
        raise InputError(errors)
    loaded = {item.model.id: item for item in vendors if isinstance(item.model, Vendor)}
    result = audit_catalog(
        (item.model for item in loaded.values() if isinstance(item.model, Vendor)), today, request.max_unverified
    )

    def locate(vendor_id: str, key: Key) -> tuple[str, int, int]:
        src = loaded[vendor_id].src
        return (src.path, *src.mark(key))

    text = FORMATS[request.fmt](result, locate, words(request.lang))
    return Printout(text, exit_code=0 if result.passed else ExitCode.INVALID)
