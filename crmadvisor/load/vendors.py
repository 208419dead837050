"""Vendor files checked as a set against the criteria: ids unique and matching file names, every
capability rated once, editions consistent, review dates believable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from crmadvisor.errors import Problem
from crmadvisor.load.discover import Loaded
from crmadvisor.load.editions import edition_problems
from crmadvisor.load.located import did_you_mean
from crmadvisor.load.yamlsource import Key, Sourced
from crmadvisor.model.review import PLACEHOLDER, stale
from crmadvisor.model.schema import Catalog, Vendor


def vendor_set_problems(
    vendors: Sequence[Loaded], catalog: Catalog, *, today: dt.date, strict: bool = False
) -> list[Problem]:
    """Ids unique and matching file names, every capability rated once, dates believable."""
    first_file: dict[str, str] = {}
    return [p for item in vendors for p in vendor_problems(item, catalog, first_file, today=today, strict=strict)]


def vendor_problems(
    item: Loaded, catalog: Catalog, first_file: dict[str, str], *, today: dt.date, strict: bool = False
) -> list[Problem]:
    """One vendor file against the criteria and the files before it (`first_file`: id -> path, filled)."""
    vendor = item.model
    assert isinstance(vendor, Vendor)
    src = item.src
    problems = vendor_identity_problems(src, src.data, catalog, first_file)
    line, col = src.mark(("review_date",), of_value=True)
    if vendor.review_date > today:
        msg = f"review date {vendor.review_date} is in the future (today is {today})"
        problems.append(Problem(src.path, line, col, "review_date", msg, "future-date"))
    elif stale(vendor.review_date, today):
        months = (today - vendor.review_date).days * 12 // 365
        msg = f"reviewed {vendor.review_date}, {months} months ago: evidence may be stale, review the profile"
        problems.append(Problem(src.path, line, col, "review_date", msg, "stale", "error" if strict else "warning"))
    return problems + placeholder_problems(src, strict=strict)


def placeholder_problems(src: Sourced, *, strict: bool = False) -> list[Problem]:
    """A value that still holds the `TODO` of `crmadvisor vendors new`: a warning each (an error with
    `--strict`), the ratings in one, so that a profile being filled in validates but says what is left."""
    severity: Literal["error", "warning"] = "error" if strict else "warning"
    found: list[Problem] = []
    unrated: list[Key] = []
    for loc in _placeholders(src.data, ()):
        if loc[0] == "ratings" and len(loc) > 1:
            if not unrated or unrated[-1][1] != loc[1]:
                unrated.append(loc)
            continue
        line, col = src.mark(loc, of_value=True)
        msg = f"still the `{PLACEHOLDER}` of `crmadvisor vendors new`: write the value"
        found.append(Problem(src.path, line, col, ".".join(map(str, loc)), msg, "placeholder", severity))
    if unrated:
        line, col = src.mark(unrated[0], of_value=True)
        what = "capability still has" if len(unrated) == 1 else "capabilities still have"
        msg = (
            f"{len(unrated)} {what} the `{PLACEHOLDER}` of `crmadvisor vendors new` (first: {unrated[0][1]}):"
            " rate each from the vendor's documentation, with its evidence and source"
        )
        found.append(Problem(src.path, line, col, "ratings", msg, "placeholder", severity))
    return found


def _placeholders(value: Any, at: Key) -> list[Key]:
    """Where strings holding the placeholder are, in file order."""
    if isinstance(value, str):
        return [at] if PLACEHOLDER in value else []
    if isinstance(value, dict):
        return [loc for key, item in value.items() for loc in _placeholders(item, (*at, str(key)))]
    if isinstance(value, list):
        return [loc for i, item in enumerate(value) for loc in _placeholders(item, (*at, i))]
    return []


def vendor_identity_problems(src: Sourced, data: Any, catalog: Catalog, first_file: dict[str, str]) -> list[Problem]:
    """Checks that need only the raw mapping, so that they run on a file with type errors too."""
    problems: list[Problem] = []
    capabilities = catalog.capability_ids()
    vendor_id = data.get("id")
    if isinstance(vendor_id, str):
        id_line, id_col = src.mark(("id",), of_value=True)
        stem = Path(src.path).stem
        if vendor_id != stem:
            msg = f"id `{vendor_id}` must match the file name `{stem}` (rename one of them)"
            problems.append(Problem(src.path, id_line, id_col, "id", msg, "id-file-name"))
        if vendor_id in first_file:
            msg = f"duplicate vendor id `{vendor_id}`: also in {first_file[vendor_id]}"
            problems.append(Problem(src.path, id_line, id_col, "id", msg, "duplicate-id"))
        else:
            first_file[vendor_id] = src.path
    problems += edition_problems(src, data, capabilities, _currencies())
    ratings = data.get("ratings")
    if not isinstance(ratings, dict):
        return problems
    for cap_id in ratings:
        if cap_id not in capabilities:
            line, col = src.mark(("ratings", cap_id))
            msg = f"no capability `{cap_id}` in the criteria{did_you_mean(cap_id, capabilities)}"
            problems.append(Problem(src.path, line, col, f"ratings.{cap_id}", msg, "unknown-capability"))
    missing = [c for c in capabilities if c not in ratings]
    if missing:
        line, col = src.mark(("ratings",))
        what = "capability not rated" if len(missing) == 1 else "capabilities not rated"
        msg = f"{len(missing)} {what}: {', '.join(missing)} (rate each 0-5 with evidence)"
        problems.append(Problem(src.path, line, col, "ratings", msg, "missing-rating"))
    return problems


def _currencies() -> frozenset[str]:
    from crmadvisor.load.rates import currencies, shipped_rates

    return currencies(shipped_rates())
