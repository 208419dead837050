"""Criteria, vendor and answers files, given or shipped: parsed, typed and cross-checked.

Checks come in two rounds, like a compiler's: each file alone (syntax, types, unknown keys),
then the set (ids unique, every capability rated once, drivers naming real traits...).
Every problem is collected, so one run reports them all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import gc
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from crmadvisor.errors import InputError, Problem, UsageError
from crmadvisor.load import yamlsource
from crmadvisor.load.editions import edition_problems, one_edition
from crmadvisor.load.loyalty import loyalty_answers_problems, loyalty_areas_problems, loyalty_file_problems
from crmadvisor.load.yamlsource import Sourced
from crmadvisor.model.schema import (
    DONT_KNOW,
    Answers,
    Catalog,
    FeatureAreasFile,
    LoyaltyFile,
    RatesFile,
    RubricFile,
    TraitsFile,
    Vendor,
)

KINDS: dict[str, type[BaseModel]] = {
    "vendor": Vendor,
    "answers": Answers,
    "traits": TraitsFile,
    "feature_areas": FeatureAreasFile,
    "rubric": RubricFile,
    "loyalty": LoyaltyFile,
    "rates": RatesFile,
}
CRITERIA_KINDS = ("traits", "feature_areas", "rubric")
OPTIONAL_CRITERIA_KINDS = ("loyalty",)  # a criteria folder without them still works
ALL_CRITERIA_KINDS = CRITERIA_KINDS + OPTIONAL_CRITERIA_KINDS
YAML_SUFFIXES = (".yaml", ".yml")
STALE_AFTER_DAYS = 365


def shipped_dir(name: str) -> Path:
    """The criteria/ or vendors/ folder installed with the package (or the source checkout's)."""
    packaged = Path(str(resources.files("crmadvisor"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name


@dataclass(frozen=True, slots=True)
class Loaded:
    """One file that passed its own checks: the model, and where its values are."""

    kind: str
    model: BaseModel
    src: Sourced


@dataclass
class Check:
    """The result of checking a set of files."""

    loaded: list[Loaded] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    invalid: list[Sourced] = field(default_factory=list)  # parsed, but not a valid model


# ------------------------------------------------------------------ files


def yaml_files(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """Expand folders into their YAML files (recursively, sorted); a missing path is a usage error."""
    missing = [p for p in paths if _is_dir(p) is None]
    if missing:
        raise UsageError("\n".join(f"{p}: no such file or folder" for p in missing))
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if _is_dir(path):
            # not only regular files: a broken link or a FIFO named *.yaml is reported, not skipped
            found = sorted(
                p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES and not _is_dir(p) and not _hidden(p, path)
            )
            if not found:
                msg = "no YAML files (*.yaml, *.yml) in this folder"
                problems.append(Problem(str(path), 1, 1, "", msg, "no-files"))
            files.extend(found)
        else:
            files.append(path)
    # one file named twice (`x.yaml` and `./x.yaml`, or a folder and a file in it) is checked once
    unique: dict[tuple[int, int] | str, Path] = {}
    for file in files:
        unique.setdefault(_identity(file), file)
    return list(unique.values()), problems


def _identity(path: Path) -> tuple[int, int] | str:
    """The file, however it is named: its device and inode (one stat, where realpath takes one per
    folder on the way); a file that cannot be reached, by its path resolved as far as it goes."""
    try:
        status = path.stat()
    except OSError:
        return os.path.realpath(path)
    return (status.st_dev, status.st_ino)


def _is_dir(path: Path) -> bool | None:
    """A folder, something else (even a broken link, or a file we may not read), or nothing (None)."""
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return False if os.path.lexists(path) else None
    except OSError:  # a link loop, a folder we may not enter: reading the file says which
        return False


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def load_file(path: Path, expected: str | None = None) -> Loaded:
    """Parse, detect the kind and validate one file; raise `InputError` with all its problems."""
    src = yamlsource.read(path)
    kind = _kind_of(src, expected)
    model = yamlsource.validate(KINDS[kind], src)
    return Loaded(kind, model, src)


class _Invalid(InputError):
    def __init__(self, src: Sourced, err: InputError) -> None:
        self.src = src
        super().__init__(err.problems)


def _load_keeping_source(path: Path) -> Loaded:
    src = yamlsource.read(path)
    kind = _kind_of(src, None)
    try:
        model = yamlsource.validate(KINDS[kind], src)
    except InputError as err:
        raise _Invalid(src, err) from None
    return Loaded(kind, model, src)


def _kind_of(src: Sourced, expected: str | None) -> str:
    if not isinstance(src.data, dict):
        msg = f"expected a mapping of keys (starting with `kind:`), found {_what(src.data)}"
        raise InputError([Problem(src.path, 1, 1, "", msg, "not-a-mapping")])
    kinds = ", ".join(KINDS)
    kind = src.data.get("kind")
    if kind is None:
        guess = _guess_kind(src.data)
        hint = f" (this looks like a {guess} file: add `kind: {guess}`)" if guess else ""
        raise InputError([Problem(src.path, 1, 1, "kind", f"missing `kind`: one of {kinds}{hint}", "missing")])
    if not isinstance(kind, str):
        line, col = src.mark(("kind",), of_value=True)
        msg = f"`kind` must be one word, one of {kinds}; found {_what(kind)}"
        raise InputError([Problem(src.path, line, col, "kind", msg, "kind")])
    if kind not in KINDS:
        line, col = src.mark(("kind",), of_value=True)
        close = difflib.get_close_matches(str(kind), KINDS, n=1)
        hint = f"did you mean `{close[0]}`?" if close else f"expected one of {kinds}"
        raise InputError([Problem(src.path, line, col, "kind", f"unknown kind `{kind}`: {hint}", "kind")])
    if expected is not None and kind != expected:
        line, col = src.mark(("kind",), of_value=True)
        msg = f"this is a `{kind}` file; expected `{expected}` here"
        raise InputError([Problem(src.path, line, col, "kind", msg, "kind")])
    return str(kind)


def _what(value: Any) -> str:
    """A YAML value's kind in a user's words, for "expected ..., found ..." messages."""
    if isinstance(value, dict | list):
        return "a mapping" if isinstance(value, dict) else "a list"
    return "nothing" if value is None else f"a single value (`{str(value)[:40]}`)"


def _guess_kind(data: dict[str, Any]) -> str | None:
    for key, kind in (("ratings", "vendor"), ("areas", "feature_areas"), ("levels", "rubric")):
        if key in data:
            return kind
    if "traits" in data and isinstance(data["traits"], list):
        return "traits"
    if "importance" in data or "company" in data:
        return "answers"
    return None


def check_files(files: Iterable[Path]) -> Check:
    """Round one: every file alone."""
    result = Check()
    with _collector_paused():
        for path in files:
            result.files += 1
            try:
                result.loaded.append(_load_keeping_source(path))
            except _Invalid as err:
                result.problems.extend(err.problems)
                result.invalid.append(err.src)
            except InputError as err:
                result.problems.extend(err.problems)
    return result


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while files load, then back as it was.

    Every file kept for the set checks adds a few thousand objects, and each full collection
    walks them all again, to find no garbage (parsed data has no reference cycles): loading
    1,000 vendor files took 1.3-1.8 s with it, 0.8-0.9 s without (benchmarks/README.md).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# ------------------------------------------------------------ the set


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
        result.problems.extend(_criteria_set_problems(criteria))
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
                    result.problems.extend(_identity_problems(src, src.data, reference, {}))
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
        return _catalog_from(criteria, ())
    try:
        return load_criteria(criteria_dir)
    except InputError as err:
        result.problems.extend(err.problems)
        return None


def _catalog_from(criteria: Sequence[Loaded], vendors: Sequence[Vendor]) -> Catalog:
    by_kind = {item.kind: item.model for item in criteria}
    traits, areas, rubric = by_kind["traits"], by_kind["feature_areas"], by_kind["rubric"]
    assert isinstance(traits, TraitsFile) and isinstance(areas, FeatureAreasFile) and isinstance(rubric, RubricFile)
    loyalty = by_kind.get("loyalty")
    assert loyalty is None or isinstance(loyalty, LoyaltyFile)
    return Catalog.model_construct(
        traits=traits, feature_areas=areas, rubric=rubric, vendors=tuple(vendors), loyalty=loyalty
    )


def _criteria_set_problems(criteria: list[Loaded]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, Loaded] = {}
    for item in criteria:
        if item.kind in seen:
            line, col = item.src.mark(("kind",), of_value=True)
            msg = f"a second `{item.kind}` file (the first is {seen[item.kind].src.path}): keep one"
            problems.append(Problem(item.src.path, line, col, "kind", msg, "duplicate-kind"))
        else:
            seen[item.kind] = item
    traits = seen.get("traits")
    areas = seen.get("feature_areas")
    if traits is not None:
        assert isinstance(traits.model, TraitsFile)
        problems += _unique(traits.src, [(("traits", i, "id"), t.id) for i, t in enumerate(traits.model.traits)])
        for i, trait in enumerate(traits.model.traits):
            options = [(("traits", i, "options", j, "id"), o.id) for j, o in enumerate(trait.options)]
            problems += _unique(traits.src, options)
            problems += _ordered_positions(traits.src, ("traits", i), [o.position for o in trait.options])
    if areas is not None:
        assert isinstance(areas.model, FeatureAreasFile)
        model = areas.model
        problems += _unique(areas.src, [(("areas", i, "id"), a.id) for i, a in enumerate(model.areas)])
        caps = [
            (("areas", i, "capabilities", j, "id"), c.id)
            for i, a in enumerate(model.areas)
            for j, c in enumerate(a.capabilities)
        ]
        problems += _unique(areas.src, caps)
        levels = [(("importance_levels", i, "id"), lvl.id) for i, lvl in enumerate(model.importance_levels)]
        problems += _unique(areas.src, levels)
        if any(lvl.id == DONT_KNOW for lvl in model.importance_levels):
            line, col = areas.src.mark(("importance_levels",))
            msg = f"`{DONT_KNOW}` is reserved for the questionnaire's own answer"
            problems.append(Problem(areas.src.path, line, col, "importance_levels", msg, "reserved"))
        if traits is not None:
            assert isinstance(traits.model, TraitsFile)
            known = [t.id for t in traits.model.traits]
            for i, area in enumerate(model.areas):
                for j, cap in enumerate(area.capabilities):
                    for k, driver in enumerate(cap.drivers):
                        if driver.trait not in known:
                            loc = ("areas", i, "capabilities", j, "drivers", k, "trait")
                            msg = f"no trait `{driver.trait}` in {traits.src.path}{_did_you_mean(driver.trait, known)}"
                            line, col = areas.src.mark(loc, of_value=True)
                            problems.append(
                                Problem(areas.src.path, line, col, ".".join(map(str, loc)), msg, "unknown-trait")
                            )
    loyalty = seen.get("loyalty")
    if loyalty is not None:
        assert isinstance(loyalty.model, LoyaltyFile)
        areas_model = areas.model if areas is not None and isinstance(areas.model, FeatureAreasFile) else None
        problems += loyalty_file_problems(loyalty.src, loyalty.model, areas_model)
    return problems


def _unique(src: Sourced, entries: Sequence[tuple[tuple[str | int, ...], str]]) -> list[Problem]:
    problems = []
    first: dict[str, tuple[int, int]] = {}
    for loc, value in entries:
        line, col = src.mark(loc, of_value=True)
        if value in first:
            msg = f"duplicate id `{value}` (first at line {first[value][0]})"
            problems.append(Problem(src.path, line, col, ".".join(map(str, loc)), msg, "duplicate-id"))
        else:
            first[value] = (line, col)
    return problems


def _ordered_positions(src: Sourced, at: tuple[str | int, ...], positions: list[float]) -> list[Problem]:
    if positions == sorted(positions):
        return []
    line, col = src.mark((*at, "options"))
    msg = "options must go from typical B2B (position 0) to typical B2C (position 1), positions not decreasing"
    return [Problem(src.path, line, col, ".".join(map(str, (*at, "options"))), msg, "order")]


def _did_you_mean(value: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    return f": did you mean `{close[0]}`?" if close else ""


def vendor_set_problems(
    vendors: Sequence[Loaded], catalog: Catalog, *, today: dt.date, strict: bool = False
) -> list[Problem]:
    """Ids unique and matching file names, every capability rated once, dates believable."""
    problems: list[Problem] = []
    first_file: dict[str, str] = {}
    for item in vendors:
        vendor = item.model
        assert isinstance(vendor, Vendor)
        src = item.src
        problems += _identity_problems(src, src.data, catalog, first_file)
        line, col = src.mark(("review_date",), of_value=True)
        if vendor.review_date > today:
            msg = f"review date {vendor.review_date} is in the future (today is {today})"
            problems.append(Problem(src.path, line, col, "review_date", msg, "future-date"))
        elif (today - vendor.review_date).days > STALE_AFTER_DAYS:
            months = (today - vendor.review_date).days * 12 // 365
            msg = f"reviewed {vendor.review_date}, {months} months ago: evidence may be stale, review the profile"
            problems.append(Problem(src.path, line, col, "review_date", msg, "stale", "error" if strict else "warning"))
    return problems


def _identity_problems(src: Sourced, data: Any, catalog: Catalog, first_file: dict[str, str]) -> list[Problem]:
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
            msg = f"no capability `{cap_id}` in the criteria{_did_you_mean(cap_id, capabilities)}"
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


def load_answers(path: Path, catalog: Catalog) -> Loaded:
    """An answers file valid against the model and the criteria; every problem of both in one error."""
    src = yamlsource.read(path)
    _kind_of(src, "answers")
    try:
        model = yamlsource.validate(Answers, src)
    except InputError as err:  # also what the criteria checks can see in the parts that are well formed
        raise InputError([*err.problems, *answers_problems(src, catalog)]) from None
    problems = answers_problems(src, catalog)
    if problems:
        raise InputError(problems)
    return Loaded("answers", model, src)


def _text_pairs(value: Any) -> dict[str, str]:
    """The key: value pairs of a mapping where both are text (a malformed section yields what it can)."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


def answers_problems(src: Sourced, catalog: Catalog) -> list[Problem]:
    """Answers naming traits, options, areas or levels that the criteria do not define.

    Read from the parsed data, not the model, so that a file with a type error elsewhere still
    gets these checks in the same run.
    """
    data = src.data if isinstance(src.data, dict) else {}
    problems: list[Problem] = []

    def bad(loc: tuple[str, ...], message: str, code: str) -> None:
        line, col = src.mark(loc, of_value=code == "unknown-option")
        problems.append(Problem(src.path, line, col, ".".join(loc), message, code))

    traits = {t.id: t for t in catalog.traits.traits}
    for trait_id, option in _text_pairs(data.get("traits")).items():
        if trait_id not in traits:
            bad(("traits", trait_id), f"no trait `{trait_id}`{_did_you_mean(trait_id, list(traits))}", "unknown-trait")
            continue
        options = [o.id for o in traits[trait_id].options] + [DONT_KNOW]
        if option not in options:
            msg = f"`{option}` is not an option: expected one of {', '.join(options)}"
            bad(("traits", trait_id), msg, "unknown-option")
    areas = [a.id for a in catalog.feature_areas.areas]
    levels = [lvl.id for lvl in catalog.feature_areas.importance_levels] + [DONT_KNOW]
    for area_id, level in _text_pairs(data.get("importance")).items():
        if area_id not in areas:
            bad(("importance", area_id), f"no feature area `{area_id}`{_did_you_mean(area_id, areas)}", "unknown-area")
        elif level not in levels:
            msg = f"`{level}` is not an importance level: expected one of {', '.join(levels)}"
            bad(("importance", area_id), msg, "unknown-option")
    declared = [o.id for o in catalog.traits.declared_model.options] + [DONT_KNOW]
    given = data.get("declared_model")
    if isinstance(given, str) and given not in declared:
        msg = f"`{given}` is not an option: expected one of {', '.join(declared)}"
        bad(("declared_model",), msg, "unknown-option")
    if isinstance(data.get("loyalty"), dict):
        problems += loyalty_answers_problems(src, _loyalty_pairs(data["loyalty"]), catalog.loyalty)
    return problems


def _loyalty_pairs(value: dict[Any, Any]) -> dict[str, str]:
    # yes/no answers may be written unquoted: YAML reads them as booleans, the model as "yes"/"no"
    pairs: dict[str, str] = {}
    for key, answer in value.items():
        if isinstance(key, str) and isinstance(answer, bool):
            pairs[key] = "yes" if answer else "no"
        elif isinstance(key, str) and isinstance(answer, str):
            pairs[key] = answer
    return pairs


# ------------------------------------------------------------ catalogue


def load_criteria(criteria_dir: Path | None = None) -> Catalog:
    """The three criteria files of a folder (the shipped one by default), checked as a set."""
    folder = criteria_dir if criteria_dir is not None else shipped_dir("criteria")
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such criteria folder")
    files, problems = yaml_files([folder])
    result = check_files(files)
    problems += result.problems
    criteria = [item for item in result.loaded if item.kind in ALL_CRITERIA_KINDS]
    problems += _criteria_set_problems(criteria)
    missing = [k for k in CRITERIA_KINDS if k not in {item.kind for item in criteria}]
    for kind in missing:
        problems.append(
            Problem(str(folder), 1, 1, "", f"no `kind: {kind}` file in the criteria folder", "missing-file")
        )
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise InputError(errors)
    return _catalog_from(criteria, ())


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
    )
