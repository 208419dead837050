"""Criteria files (traits, feature areas, rubric, loyalty): checked as a set, loaded as a catalogue."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from crmadvisor.errors import InputError, Problem, UsageError
from crmadvisor.load.discover import Loaded, check_files, shipped_dir, yaml_files
from crmadvisor.load.located import did_you_mean, duplicate_ids, problem_at
from crmadvisor.load.loyalty import loyalty_file_problems
from crmadvisor.load.yamlsource import Sourced
from crmadvisor.model.schema import (
    DONT_KNOW,
    Catalog,
    FeatureAreasFile,
    LoyaltyFile,
    RfpFile,
    RubricFile,
    TraitsFile,
    Vendor,
)

CRITERIA_KINDS = ("traits", "feature_areas", "rubric")
OPTIONAL_CRITERIA_KINDS = ("loyalty", "rfp")  # a criteria folder without them still works
ALL_CRITERIA_KINDS = CRITERIA_KINDS + OPTIONAL_CRITERIA_KINDS


def load_criteria(criteria_dir: Path | None = None) -> Catalog:
    """The three criteria files of a folder (the shipped one by default), checked as a set.

    Kept between runs while its files stay the same (`crmadvisor.load.cache`): every `validate`,
    `loyalty` or `questions` reads them, a thirtieth of a second each time for the shipped ones.
    """
    from crmadvisor.load import cache

    folder = criteria_dir if criteria_dir is not None else shipped_dir("criteria")
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such criteria folder")
    files, problems = yaml_files([folder])
    name = cache.key(files, str(folder)) if files and not problems else None
    return cache.cached(name, lambda: _load_criteria(folder, files, problems), kind="criteria")


def _load_criteria(folder: Path, files: list[Path], problems: list[Problem]) -> Catalog:
    result = check_files(files)
    problems += result.problems
    criteria = [item for item in result.loaded if item.kind in ALL_CRITERIA_KINDS]
    problems += criteria_set_problems(criteria)
    missing = [k for k in CRITERIA_KINDS if k not in {item.kind for item in criteria}]
    for kind in missing:
        problems.append(
            Problem(str(folder), 1, 1, "", f"no `kind: {kind}` file in the criteria folder", "missing-file")
        )
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise InputError(errors)
    return catalog_from(criteria, ())


def catalog_from(criteria: Sequence[Loaded], vendors: Sequence[Vendor]) -> Catalog:
    by_kind = {item.kind: item.model for item in criteria}
    traits, areas, rubric = by_kind["traits"], by_kind["feature_areas"], by_kind["rubric"]
    assert isinstance(traits, TraitsFile) and isinstance(areas, FeatureAreasFile) and isinstance(rubric, RubricFile)
    loyalty, rfp = by_kind.get("loyalty"), by_kind.get("rfp")
    assert loyalty is None or isinstance(loyalty, LoyaltyFile)
    assert rfp is None or isinstance(rfp, RfpFile)
    return Catalog.model_construct(
        traits=traits, feature_areas=areas, rubric=rubric, vendors=tuple(vendors), loyalty=loyalty, rfp=rfp
    )


def criteria_set_problems(criteria: list[Loaded]) -> list[Problem]:
    """One file of each kind, ids unique, options in order, every id named defined."""
    problems: list[Problem] = []
    seen: dict[str, Loaded] = {}
    for item in criteria:
        if item.kind in seen:
            msg = f"a second `{item.kind}` file (the first is {seen[item.kind].src.path}): keep one"
            problems.append(problem_at(item.src, ("kind",), msg, "duplicate-kind"))
        else:
            seen[item.kind] = item
    traits, areas, loyalty = seen.get("traits"), seen.get("feature_areas"), seen.get("loyalty")
    if traits is not None:
        assert isinstance(traits.model, TraitsFile)
        problems += _traits_problems(traits.src, traits.model)
    if areas is not None:
        assert isinstance(areas.model, FeatureAreasFile)
        problems += _areas_problems(areas.src, areas.model)
        if traits is not None:
            assert isinstance(traits.model, TraitsFile)
            problems += _driver_problems(areas.src, areas.model, traits.src.path, traits.model)
    if loyalty is not None:
        assert isinstance(loyalty.model, LoyaltyFile)
        areas_model = areas.model if areas is not None and isinstance(areas.model, FeatureAreasFile) else None
        problems += loyalty_file_problems(loyalty.src, loyalty.model, areas_model)
    rfp = seen.get("rfp")
    if rfp is not None and areas is not None:
        assert isinstance(rfp.model, RfpFile) and isinstance(areas.model, FeatureAreasFile)
        known = [c.id for a in areas.model.areas for c in a.capabilities]
        for cap in rfp.model.capabilities:
            if cap not in known:
                msg = f"no capability `{cap}` in {areas.src.path}{did_you_mean(cap, known)}"
                problems.append(problem_at(rfp.src, ("capabilities", cap), msg, "unknown-id", of_value=False))
    return problems


def _traits_problems(src: Sourced, model: TraitsFile) -> list[Problem]:
    problems = duplicate_ids(src, [(("traits", i, "id"), t.id) for i, t in enumerate(model.traits)])
    for i, trait in enumerate(model.traits):
        problems += duplicate_ids(src, [(("traits", i, "options", j, "id"), o.id) for j, o in enumerate(trait.options)])
        positions = [o.position for o in trait.options]
        if positions != sorted(positions):
            msg = "options must go from typical B2B (position 0) to typical B2C (position 1), positions not decreasing"
            problems.append(problem_at(src, ("traits", i, "options"), msg, "order", of_value=False))
    return problems


def _areas_problems(src: Sourced, model: FeatureAreasFile) -> list[Problem]:
    problems = duplicate_ids(src, [(("areas", i, "id"), a.id) for i, a in enumerate(model.areas)])
    capabilities = [(i, j, c.id) for i, a in enumerate(model.areas) for j, c in enumerate(a.capabilities)]
    problems += duplicate_ids(src, [(("areas", i, "capabilities", j, "id"), c) for i, j, c in capabilities])
    levels = [(("importance_levels", i, "id"), lvl.id) for i, lvl in enumerate(model.importance_levels)]
    problems += duplicate_ids(src, levels)
    if any(lvl.id == DONT_KNOW for lvl in model.importance_levels):
        msg = f"`{DONT_KNOW}` is reserved for the questionnaire's own answer"
        problems.append(problem_at(src, ("importance_levels",), msg, "reserved", of_value=False))
    return problems


def _driver_problems(src: Sourced, model: FeatureAreasFile, traits_path: str, traits: TraitsFile) -> list[Problem]:
    known = [t.id for t in traits.traits]
    problems = []
    for i, area in enumerate(model.areas):
        for j, cap in enumerate(area.capabilities):
            for k, driver in enumerate(cap.drivers):
                if driver.trait not in known:
                    loc = ("areas", i, "capabilities", j, "drivers", k, "trait")
                    msg = f"no trait `{driver.trait}` in {traits_path}{did_you_mean(driver.trait, known)}"
                    problems.append(problem_at(src, loc, msg, "unknown-trait"))
    return problems
