"""The catalogue as a whole: criteria and vendors for `assess`, any set of files for `validate`.

Checks come in two rounds, like a compiler's: each file alone (syntax, types, unknown keys),
then the set (ids unique, every capability rated once, drivers naming real traits...).
Every problem is collected, so one run reports them all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from crmadvisor.errors import InputError, Problem
from crmadvisor.load.answers import answers_problems
from crmadvisor.load.criteria import (
    ALL_CRITERIA_KINDS,
    CRITERIA_KINDS,
    catalog_from,
    criteria_set_problems,
    load_criteria,
)
from crmadvisor.load.discover import Check, Loaded, check_files, shipped_dir, yaml_files
from crmadvisor.load.loyalty import loyalty_areas_problems
from crmadvisor.load.vendors import vendor_identity_problems, vendor_set_problems
from crmadvisor.model.schema import Catalog, LoyaltyFile, RatesFile, Vendor, one_edition


def check_paths(
    paths: Sequence[Path],
    *,
    today: dt.date,
    criteria_dir: Path | None = None,
    strict: bool = False,
) -> Check:
    """What `validate` does: each file, then the set, against the catalogue's criteria."""
    files, problems = yaml_files(paths)
    result = check_files(files)
    result.problems.extend(problems)
    criteria = [item for item in result.loaded if item.kind in ALL_CRITERIA_KINDS]
    if criteria:
        result.problems.extend(criteria_set_problems(criteria))
    alone = [i for i in criteria if i.kind == "loyalty" and "feature_areas" not in {c.kind for c in criteria}]
    reference = _reference_criteria([], criteria_dir, result) if alone else None
    for item in alone if reference is not None else ():  # a loyalty file without feature areas: the catalogue's
        assert isinstance(item.model, LoyaltyFile) and reference is not None
        result.problems.extend(loyalty_areas_problems(item.src, item.model, reference.feature_areas))
    others = [item for item in result.loaded if item.kind not in ALL_CRITERIA_KINDS]
    if others or result.invalid:
        reference = _reference_criteria(criteria, criteria_dir, result)
        if reference is not None:
            vendors = [item for item in others if item.kind == "vendor"]
            result.problems.extend(vendor_set_problems(vendors, reference, today=today, strict=strict))
            for src in result.invalid:  # still say what the set checks can see in a broken file
                if isinstance(src.data, dict) and src.data.get("kind") == "vendor":
                    result.problems.extend(vendor_identity_problems(src, src.data, reference, {}))
            for item in others:
                if item.kind == "answers":
                    result.problems.extend(answers_problems(item.src, reference))
            for src in result.invalid:
                if isinstance(src.data, dict) and src.data.get("kind") == "answers":
                    result.problems.extend(answers_problems(src, reference))
    result.problems.sort()
    return result


def _reference_criteria(criteria: list[Loaded], criteria_dir: Path | None, result: Check) -> Catalog | None:
    """The criteria vendor and answers files are checked against: those given, else the catalogue's."""
    kinds = {item.kind for item in criteria}
    if set(CRITERIA_KINDS) <= kinds:
        return catalog_from(criteria, ())
    try:
        return load_criteria(criteria_dir)
    except InputError as err:
        result.problems.extend(err.problems)
        return None


def load_catalog(
    criteria_dir: Path | None = None,
    vendor_dirs: Sequence[Path] = (),
    *,
    shipped_vendors: bool = True,
    today: dt.date,
) -> Catalog:
    """Criteria plus vendors: the shipped ones, then each `--vendors` folder, a later id replacing an earlier one."""
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
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise InputError(errors)
    vendors = tuple(sorted(by_id.values(), key=lambda v: v.id))
    return Catalog.model_construct(
        traits=catalog.traits,
        feature_areas=catalog.feature_areas,
        rubric=catalog.rubric,
        vendors=vendors,
        loyalty=catalog.loyalty,
        rates=_rates(),
    )


def _rates() -> RatesFile:
    from crmadvisor.load.rates import shipped_rates

    return shipped_rates()
