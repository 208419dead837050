"""The catalogue as a whole: criteria and vendors for `assess`, any set of files for `validate`.

Checks come in two rounds, like a compiler's: each file alone (syntax, types, unknown keys),
then the set (ids unique, every capability rated once, drivers naming real traits...).
Every problem is collected, so one run reports them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from crmadvisor.errors import CrmAdvisorError, InputError, Problem, UsageError
from crmadvisor.load.answers import answers_problems
from crmadvisor.load.criteria import (
    ALL_CRITERIA_KINDS,
    CRITERIA_KINDS,
    catalog_from,
    criteria_set_problems,
    load_criteria,
)
from crmadvisor.load.discover import (
    Check,
    Invalid,
    Loaded,
    check_files,
    collector_paused,
    load_file,
    load_keeping_source,
    shipped_dir,
    yaml_files,
)
from crmadvisor.load.loyalty import loyalty_areas_problems
from crmadvisor.load.vendors import vendor_identity_problems, vendor_problems, vendor_set_problems
from crmadvisor.model.schema import Catalog, LoyaltyFile, RatesFile, Vendor, one_edition


def check_paths(
    paths: Sequence[Path],
    *,
    today: dt.date,
    criteria_dir: Path | None = None,
    strict: bool = False,
) -> Check:
    """What `validate` does: each file, then the set, against the catalogue's criteria.

    Vendor and answers files are checked against the criteria as they are read, keeping only
    the vendor ids (10,000 vendor files took 803 MB when every model was kept for the end):
    against the catalogue's criteria, and once more in the rare run that gives its own.
    """
    files, walk_problems = yaml_files(paths)
    default, default_error = _catalogue_criteria(criteria_dir)
    result = Check(problems=walk_problems)
    later: list[Path] = []  # vendor and answers files, which the set checks concern
    later_problems: list[Problem] = []
    needs_criteria = False
    ids: dict[str, str] = {}
    with collector_paused():
        for path in files:
            result.files += 1
            checked = _check_one(path, default, ids, today=today, strict=strict)
            if checked.criteria is not None:
                result.loaded.append(checked.criteria)
            if checked.kind in ("vendor", "answers"):
                later.append(path)
                later_problems += checked.problems
            else:
                result.problems += checked.problems
            needs_criteria |= checked.needs_criteria
    criteria = result.loaded
    result.problems += criteria_set_problems(criteria)
    given = {item.kind for item in criteria}
    if set(CRITERIA_KINDS) <= given:  # the files' own criteria: what the others are checked against
        if later:
            own, ids = catalog_from(criteria, ()), {}
            later_problems = [
                p for path in later for p in _check_one(path, own, ids, today=today, strict=strict).problems
            ]
    elif needs_criteria or ("loyalty" in given and "feature_areas" not in given):
        result.problems += _unusable(default_error)
    for item in criteria if "feature_areas" not in given else ():
        if default is not None and isinstance(item.model, LoyaltyFile):  # checked against the catalogue's areas
            result.problems += loyalty_areas_problems(item.src, item.model, default.feature_areas)
    result.problems += later_problems
    result.problems.sort()
    return result


@dataclass(frozen=True, slots=True)
class _Checked:
    kind: str | None  # None: not read far enough to tell
    problems: list[Problem]
    criteria: Loaded | None  # a criteria file, kept for the set checks
    needs_criteria: bool  # parsed, and not a valid criteria file


def _check_one(path: Path, criteria: Catalog | None, ids: dict[str, str], *, today: dt.date, strict: bool) -> _Checked:
    """One file alone, then, for a vendor or answers file, against the criteria (if they loaded)."""
    try:
        item = load_keeping_source(path)
    except Invalid as err:  # still say what the set checks can see in a broken file
        data = err.src.data
        kind = data.get("kind") if isinstance(data, dict) else None
        problems = list(err.problems)
        if criteria is not None and kind == "vendor":
            problems += vendor_identity_problems(err.src, data, criteria, {})
        elif criteria is not None and kind == "answers":
            problems += answers_problems(err.src, criteria)
        return _Checked(kind if isinstance(kind, str) else None, problems, None, True)
    except InputError as err:
        return _Checked(None, list(err.problems), None, False)
    if item.kind in ALL_CRITERIA_KINDS:
        return _Checked(item.kind, [], item, False)
    problems = []
    if criteria is not None and item.kind == "vendor":
        problems = vendor_problems(item, criteria, ids, today=today, strict=strict)
    elif criteria is not None and item.kind == "answers":
        problems = answers_problems(item.src, criteria)
    return _Checked(item.kind, problems, None, True)


def _catalogue_criteria(criteria_dir: Path | None) -> tuple[Catalog | None, CrmAdvisorError | None]:
    """The criteria of `--criteria` or the shipped ones, or why they cannot be used."""
    try:
        return load_criteria(criteria_dir), None
    except (InputError, UsageError) as err:
        return None, err


def _unusable(error: CrmAdvisorError | None) -> list[Problem]:
    """The problems of criteria that files need and that did not load; a missing folder is a usage error."""
    if isinstance(error, InputError):
        return list(error.problems)
    if error is not None:
        raise error
    return []


def load_catalog(
    criteria_dir: Path | None = None,
    vendor_dirs: Sequence[Path] = (),
    *,
    shipped_vendors: bool = True,
    today: dt.date,
    rates_file: Path | None = None,
) -> Catalog:
    """Criteria plus vendors: the shipped ones, then each `--vendors` folder, a later id replacing an earlier one;
    the shipped exchange rates, or `rates_file`'s. Kept between runs while its files stay the same
    (`crmadvisor.load.cache`)."""
    from crmadvisor.load import cache
    from crmadvisor.load.rates import rates_path

    folders = ([shipped_dir("vendors")] if shipped_vendors else []) + list(vendor_dirs)
    criteria = criteria_dir if criteria_dir is not None else shipped_dir("criteria")
    try:
        files = [*yaml_files([criteria])[0], *(f for d in folders for f in yaml_files([d])[0]), rates_path()]
    except CrmAdvisorError:
        files = []  # a missing folder: loading says so
    extra = [today.isoformat(), str(criteria), *map(str, folders), str(rates_file)]
    name = cache.key([*files, *([rates_file] if rates_file is not None else [])], *extra) if files else None
    return cache.cached(
        name,
        lambda: _load_catalog(
            criteria_dir, vendor_dirs, shipped_vendors=shipped_vendors, today=today, rates_file=rates_file
        ),
    )


def _load_catalog(
    criteria_dir: Path | None,
    vendor_dirs: Sequence[Path],
    *,
    shipped_vendors: bool,
    today: dt.date,
    rates_file: Path | None,
) -> Catalog:
    from crmadvisor.load.rates import rates_problems, shipped_rates

    catalog = load_criteria(criteria_dir)
    folders = ([shipped_dir("vendors")] if shipped_vendors else []) + list(vendor_dirs)
    by_id: dict[str, Vendor] = {}
    problems: list[Problem] = []
    for folder in folders:
        files, missing = yaml_files([folder])
        result = check_files(files)
        problems += missing + result.problems
        loaded = [item for item in result.loaded if item.kind == "vendor"]
        for item in result.loaded:
            if item.kind != "vendor":
                line, col = item.src.mark(("kind",), of_value=True)
                msg = f"a `{item.kind}` file in a vendors folder"
                problems.append(Problem(item.src.path, line, col, "kind", msg, "kind"))
        problems += vendor_set_problems(loaded, catalog, today=today)
        for item in loaded:
            assert isinstance(item.model, Vendor)
            by_id[item.model.id] = one_edition(item.model)
    vendors = tuple(sorted(by_id.values(), key=lambda v: v.id))
    rates = shipped_rates()
    if rates_file is not None:
        try:
            given = load_file(rates_file, "rates")
        except InputError as err:
            problems += err.problems
        else:
            assert isinstance(given.model, RatesFile)
            rates = given.model
            problems += rates_problems(given, vendors)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise InputError(errors)
    return Catalog.model_construct(
        traits=catalog.traits,
        feature_areas=catalog.feature_areas,
        rubric=catalog.rubric,
        vendors=vendors,
        loyalty=catalog.loyalty,
        rates=rates,
        rfp=catalog.rfp,
    )
