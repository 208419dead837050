"""Problems located in a parsed file: a model's errors at their keys, duplicate ids, did you mean."""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Sequence
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from crmadvisor.errors import InputError, Problem
from crmadvisor.load.yamlsource import Key, Sourced

M = TypeVar("M", bound=BaseModel)


def did_you_mean(value: str, known: Sequence[str], otherwise: str = "") -> str:
    """ ": did you mean `x`?" for the closest known value, else `otherwise`."""
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    return f": did you mean `{close[0]}`?" if close else otherwise


def one_of(value: str, known: Sequence[str]) -> str:
    """A did-you-mean, or the list of what is expected when nothing is close."""
    return did_you_mean(value, known, f": expected one of {', '.join(known)}")


def problem_at(
    src: Sourced,
    loc: Key,
    message: str,
    code: str,
    *,
    of_value: bool = True,
    severity: Literal["error", "warning"] = "error",
) -> Problem:
    """A problem at `loc` (its value, or its key), its field written `a.0.b`."""
    line, col = src.mark(loc, of_value=of_value)
    return Problem(src.path, line, col, ".".join(map(str, loc)), message, code, severity)


def duplicate_ids(src: Sourced, entries: Sequence[tuple[Key, str]]) -> list[Problem]:
    """Each id given again after its first place, located at the repeat, naming the first line."""
    problems = []
    first: dict[str, int] = {}
    for loc, value in entries:
        line, _ = src.mark(loc, of_value=True)
        if value in first:
            msg = f"duplicate id `{value}` (first at line {first[value]})"
            problems.append(problem_at(src, loc, msg, "duplicate-id"))
        else:
            first[value] = line
    return problems


def validate(model: type[M], src: Sourced) -> M:
    """Validate parsed data against a model; every error located at its key or value."""
    try:
        return model.model_validate(src.data)
    except ValidationError as exc:
        errors = exc.errors(include_input=False, include_url=False)
        raise InputError([located(err, src, model) for err in errors]) from None


def located(err: ErrorDetails, src: Sourced, model: type[BaseModel]) -> Problem:
    loc = _data_loc(err["loc"], src.data)
    kind = err["type"]
    message = _message(err, loc, model)
    line, column = src.mark(loc, of_value=kind not in {"extra_forbidden", "missing"})
    return Problem(src.path, line, column, ".".join(map(str, loc)), message, kind)


def _data_loc(loc: tuple[int | str, ...], data: Any) -> Key:
    """pydantic's loc as a path in the data: without the union member or validator names that
    pydantic adds ("function-after[...]", "list[str]"), but keeping a key that looks like one
    (`"tags[0]": 1`), since it is in the data."""
    path: list[str | int] = []
    for part in loc:
        found = _in(data, part)
        if found is _ABSENT and isinstance(part, str) and ("[" in part or part.startswith("function-")):
            continue
        data = None if found is _ABSENT else found  # absent: a missing field, named, with nothing below it
        path.append(part)
    return tuple(path)


_ABSENT = object()


def _in(data: Any, part: int | str) -> Any:
    if isinstance(data, dict):
        return data.get(part, _ABSENT)
    if isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
        return data[part]
    return _ABSENT


def _message(err: ErrorDetails, loc: Key, model: type[BaseModel]) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else ""
        allowed = sorted(allowed_keys(model, loc[:-1]))
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        hint = f"did you mean `{close[0]}`?" if close else f"expected one of: {', '.join(allowed)}"
        return f"unknown key `{name}`: {hint}"
    if kind == "missing":
        return "required field is missing"
    if kind == "literal_error":
        return f"{err['msg']}"
    if kind == "string_pattern_mismatch":
        pattern = (err.get("ctx") or {}).get("pattern", "")
        return f"wrong format: expected text matching {pattern}"
    return str(err["msg"]).removeprefix("Value error, ")


def allowed_keys(model: type[BaseModel], loc: Key) -> set[str]:
    """The keys a mapping at `loc` inside `model` accepts (empty if it is not a model)."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            if not isinstance(part, str) or part not in current.model_fields:
                return set()
            current = current.model_fields[part].annotation
            continue
        args = typing.get_args(current)
        origin = typing.get_origin(current)
        if origin in (tuple, list) and args:
            current = args[0]
        elif origin is dict and len(args) == 2:
            current = args[1]
        else:
            return set()
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return set(current.model_fields)
    return set()


def _unwrap(annotation: Any) -> Any:
    """Optional[X] and Annotated[X, ...] to X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation
