"""What a step of a report template would cost, worked out before the step runs (no jinja2 here).

Python computes `'a' * n`, `'%0*d'`, `str.ljust(n)` or `s.replace(a, b)` in C, where neither a time
bound nor a check between steps can stop it: the size of the result is worked out from the operands
first. crmadvisor.present.jinja refuses a step whose size is over its limits.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from typing import Any

MAX_NUMBER_DIGITS = 30_000  # no report needs more, and 10**3000000 takes seconds


class TooCostly(Exception):
    """A template asked for more than its limits; raised inside the template, so its line is known."""


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")


def printf_size(template: str, values: Any = ()) -> int:
    """An upper bound of `template % values` from its widths and precisions (`*` counts as too much)."""
    size = len(template)
    for width, precision in _PRINTF.findall(template):
        for number in (width, precision):
            size += 10**12 if number == "*" else int(number or 0)
    items = values.values() if isinstance(values, Mapping) else values if isinstance(values, tuple) else (values,)
    return size + sum(len(v) for v in items if isinstance(v, str))  # others, checked after: str() may be huge


_SPEC = re.compile(r"^(?:.?[<>=^])?[-+ ]?z?#?0?(\d*)[,_]?(?:\.(\d+))?")


def format_size(template: str) -> int:
    """The widths and precisions `str.format` would pad to; a width taken from an argument is refused."""
    size = len(template)
    for _, _, spec, _ in string.Formatter().parse(template):
        if spec and "{" in spec:
            return 10**12
        found = _SPEC.match(spec or "")
        if found:
            size += int(found.group(1) or 0) + int(found.group(2) or 0)
    return size


def method_size(owner: str | bytes, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    first = args[0] if args else next(iter(kwargs.values()), 0)
    if name in ("ljust", "rjust", "center", "zfill") and isinstance(first, int):
        return first
    if name == "expandtabs":
        return len(owner) * (first if isinstance(first, int) and args else 8)  # as if every character were a tab
    if name in ("format", "format_map") and isinstance(owner, str):
        return format_size(owner)
    if name == "join":
        return _join_size(first, owner)
    if name == "replace" and len(args) >= 2:
        return _replace_size(owner, args[0], args[1])
    return len(owner)


def _join_size(items: Any, separator: Any = "", attribute: Any = None) -> int:
    if not isinstance(items, list | tuple):
        return 0  # a generator is checked after, its items being made one at a time
    return sum(len(item) if isinstance(item, str) else 0 for item in items) + len(items) * len(_text(separator))


def _replace_size(text: Any, old: Any, new: Any, count: Any = None) -> int:
    text, old, new = _text(text), _text(old), _text(new)
    hits = len(text) + 1 if old == "" else text.count(old)
    return len(text) + hits * max(len(new) - len(old), 0)


def _sum_size(items: Any, attribute: Any = None, start: Any = 0) -> int:
    if not isinstance(start, int | float) or isinstance(start, bool):
        raise TooCostly("`sum` adds numbers: join texts with `join`, and lists with `+`")
    return 0


def _slice_size(items: Any, slices: Any = 1, *args: Any) -> int:
    return int(slices) * 64 if isinstance(slices, int) else 0  # a list each: about 64 bytes, counted as characters


def _center_size(value: Any, width: Any = 80) -> int:
    return int(width) if isinstance(width, int) else 0


def _indent_size(value: Any, width: Any = 4, *args: Any, **kwargs: Any) -> int:
    step = len(width) if isinstance(width, str) else int(width) if isinstance(width, int) else 0
    text = _text(value)
    return len(text) + (text.count("\n") + 1) * step


def _format_filter_size(value: Any, *args: Any, **kwargs: Any) -> int:
    return printf_size(_text(value), kwargs or args)


def lipsum_size(n: Any = 5, html: Any = True, min: Any = 20, max: Any = 100) -> int:  # jinja's names
    return int(n) * int(max) * 15 if isinstance(n, int) and isinstance(max, int) else 0


FILTER_SIZES: dict[str, Callable[..., int]] = {
    "center": _center_size,
    "indent": _indent_size,
    "format": _format_filter_size,
    "replace": _replace_size,
    "join": _join_size,
    "sum": _sum_size,
    "slice": _slice_size,
}
