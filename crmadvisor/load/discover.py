"""Finding the YAML files under the paths given, reading each and telling its kind.

Each file is checked alone here (syntax, types, unknown keys); the checks across files (ids
unique, every capability rated) live with their kind: criteria.py, vendors.py, answers.py.
"""

from __future__ import annotations

import contextlib
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
from crmadvisor.load.located import did_you_mean, validate
from crmadvisor.load.yamlsource import Sourced
from crmadvisor.model.schema import (
    Answers,
    FeatureAreasFile,
    LoyaltyFile,
    RatesFile,
    RfpFile,
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
    "rfp": RfpFile,
}
YAML_SUFFIXES = (".yaml", ".yml")


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


def yaml_files(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """Expand folders into their YAML files (recursively, sorted); a missing path is a usage error.

    Every folder that cannot be read is a problem, so that no file is skipped unsaid."""
    missing = [p for p in paths if _is_dir(p) is None]
    if missing:
        raise UsageError("\n".join(f"{p}: no such file or folder" for p in missing))
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if _is_dir(path):
            found, unreadable = _folder_files(path)
            if not found and not unreadable:
                msg = "no YAML files (*.yaml, *.yml) in this folder"
                problems.append(Problem(str(path), 1, 1, "", msg, "no-files"))
            files.extend(found)
            problems.extend(unreadable)
        else:
            files.append(path)
    # one file named twice (`x.yaml` and `./x.yaml`, or a folder and a file in it) is checked once
    unique: dict[tuple[int, int] | str, Path] = {}
    for file in files:
        unique.setdefault(_identity(file), file)
    return list(unique.values()), problems


def _folder_files(root: Path) -> tuple[list[Path], list[Problem]]:
    """The YAML files under root, sorted, and a problem for each folder that cannot be listed.

    Not only regular files: a broken link or a FIFO named *.yaml is listed, for reading to report
    it. Hidden entries (`.git`, `.pre-commit-config.yaml`) are not searched. A link to a folder is
    followed, once: a link back to a folder searched already is a warning, not followed again.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    searched: set[tuple[int, int]] = set()
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            status = folder.stat()
            if (status.st_dev, status.st_ino) in searched:
                msg = f"a link to a folder searched already ({os.path.realpath(folder)}): not followed"
                problems.append(Problem(str(folder), 1, 1, "", msg, "link-loop", "warning"))
                continue
            searched.add((status.st_dev, status.st_ino))
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as err:
            msg = f"cannot read this folder: {err.strerror or err}"
            problems.append(Problem(str(folder), 1, 1, "", msg, "unreadable"))
            continue
        for entry in entries:
            path = folder / entry.name
            if entry.name.startswith("."):
                continue
            if _entry_is_dir(entry):
                folders.append(path)
            elif path.suffix in YAML_SUFFIXES:
                files.append(path)
            elif entry.is_symlink() and not os.path.exists(path):
                msg = "a symbolic link to nothing: not followed (check where it leads)"
                problems.append(Problem(str(path), 1, 1, "", msg, "broken-link", "warning"))
    return sorted(files), problems


def _entry_is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # through a link
    except OSError:  # a folder we may list but not enter: reading the file says so
        return False


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


def load_file(path: Path, expected: str | None = None) -> Loaded:
    """Parse, detect the kind and validate one file; raise `InputError` with all its problems."""
    src = yamlsource.read(path)
    kind = kind_of(src, expected)
    model = validate(KINDS[kind], src)
    return Loaded(kind, model, src)


class Invalid(InputError):
    """A file that parsed but is not a valid model: its problems, and what was parsed."""

    def __init__(self, src: Sourced, err: InputError) -> None:
        self.src = src
        super().__init__(err.problems)


def load_keeping_source(path: Path) -> Loaded:
    src = yamlsource.read(path)
    kind = kind_of(src, None)
    try:
        model = validate(KINDS[kind], src)
    except InputError as err:
        raise Invalid(src, err) from None
    return Loaded(kind, model, src)


def kind_of(src: Sourced, expected: str | None) -> str:
    if not isinstance(src.data, dict):
        msg = f"expected a mapping of keys (starting with `kind:`), found {_what(src.data)}"
        raise InputError([Problem(src.path, 1, 1, "", msg, "not-a-mapping")])
    kinds = ", ".join(KINDS)
    kind = src.data.get("kind")
    if kind is None:
        _refuse_misspelt_kind(src)
        guess = _guess_kind(src.data)
        hint = f" (this looks like a {guess} file: add `kind: {guess}`)" if guess else ""
        raise InputError([Problem(src.path, 1, 1, "kind", f"missing `kind`: one of {kinds}{hint}", "missing")])
    if not isinstance(kind, str):
        line, col = src.mark(("kind",), of_value=True)
        msg = f"`kind` must be one word, one of {kinds}; found {_what(kind)}"
        raise InputError([Problem(src.path, line, col, "kind", msg, "kind")])
    if kind not in KINDS:
        line, col = src.mark(("kind",), of_value=True)
        hint = did_you_mean(kind, list(KINDS), f": expected one of {kinds}")
        raise InputError([Problem(src.path, line, col, "kind", f"unknown kind `{kind}`{hint}", "kind")])
    if expected is not None and kind != expected:
        line, col = src.mark(("kind",), of_value=True)
        msg = f"this is a `{kind}` file; expected `{expected}` here"
        raise InputError([Problem(src.path, line, col, "kind", msg, "kind")])
    return str(kind)


def _refuse_misspelt_kind(src: Sourced) -> None:
    """`kidn: vendor` or `type: vendor`: name that key at its line, and check the rest as that kind."""
    keys = [k for k in src.data if isinstance(k, str)]
    named = [k for k in keys if isinstance(src.data[k], str) and src.data[k] in KINDS]
    close = difflib.get_close_matches("kind", keys, n=1, cutoff=0.75)
    key = named[0] if named else close[0] if close else None
    if key is None:
        return
    line, col = src.mark((key,))
    problems = [Problem(src.path, line, col, key, f"unknown key `{key}`: did you mean `kind`?", "extra_forbidden")]
    value = src.data[key]
    if isinstance(value, str) and value in KINDS:  # what else is wrong, as if the key were right
        try:
            validate(KINDS[value], Sourced(src.path, {**src.data, "kind": value}, src.keys, src.values))
        except InputError as err:
            problems += [p for p in err.problems if p.field != key]
    raise InputError(problems)


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
    with collector_paused():
        for path in files:
            result.files += 1
            try:
                result.loaded.append(load_keeping_source(path))
            except Invalid as err:
                result.problems.extend(err.problems)
                result.invalid.append(err.src)
            except InputError as err:
                result.problems.extend(err.problems)
    return result


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
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
