"""Vendor files' editions, add-ons and prices (format 2), checked against each other and the criteria.

Read from the parsed data, not the model, so that a file with a type error elsewhere still gets
these checks in the same run. Format 1 files load as one edition (`model.schema.one_edition`), with a warning.
The format: docs/vendor-format.md.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Sequence
from typing import Any

from crmadvisor.errors import Problem
from crmadvisor.load.yamlsource import Key, Sourced

FORMAT_1_KEYS = ("price_from", "pricing_note")
FORMAT_2_KEYS = ("editions", "add_ons")


def _hint(value: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    return f": did you mean `{close[0]}`?" if close else f" (defined: {', '.join(known) or 'none'})"


def _problem(src: Sourced, loc: Key, message: str, code: str, *, of_value: bool = True, warn: bool = False) -> Problem:
    line, col = src.mark(loc, of_value=of_value)
    return Problem(src.path, line, col, ".".join(map(str, loc)), message, code, "warning" if warn else "error")


def _items(value: Any) -> list[tuple[int, dict[str, Any]]]:
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)] if isinstance(value, list) else []


def _ids(entries: list[tuple[int, dict[str, Any]]]) -> list[str]:
    return [e["id"] for _, e in entries if isinstance(e.get("id"), str)]


def edition_problems(
    src: Sourced, data: dict[str, Any], capabilities: Sequence[str], currencies: Collection[str]
) -> list[Problem]:
    """Every edition and add-on named is defined once, add-ons raise known capabilities, prices are
    believable (not negative, zero or absent only with a note, in a currency the rates table knows)."""
    fmt = data.get("format", 1)
    if fmt == 2:
        return _format_2_problems(src, data, capabilities, currencies)
    if fmt != 1:
        return []  # the model says which formats exist
    problems = [
        _problem(src, (key,), f"`{key}` needs `format: 2` (docs/vendor-format.md)", "format", of_value=False)
        for key in FORMAT_2_KEYS
        if key in data
    ]
    for cap, rating in data["ratings"].items() if isinstance(data.get("ratings"), dict) else ():
        if isinstance(rating, dict) and "by_edition" in rating:
            msg = "`by_edition` needs `format: 2` and `editions:` (docs/vendor-format.md)"
            problems.append(_problem(src, ("ratings", cap, "by_edition"), msg, "format", of_value=False))
    line, col = src.mark(("kind",))
    msg = "format 1: loads as a single edition without add-ons; move to `format: 2` (docs/vendor-format.md)"
    problems.append(Problem(src.path, line, col, "format", msg, "format-1", "warning"))
    return problems


def _format_2_problems(
    src: Sourced, data: dict[str, Any], capabilities: Sequence[str], currencies: Collection[str]
) -> list[Problem]:
    problems = [
        _problem(src, (key,), f"`{key}` is format 1: give each edition its `price` instead", "format", of_value=False)
        for key in FORMAT_1_KEYS
        if key in data
    ]
    editions = _items(data.get("editions"))
    add_ons = _items(data.get("add_ons"))
    edition_ids = _ids(editions)
    if "editions" not in data:
        problems.append(
            _problem(src, ("kind",), "format 2 needs `editions:` (at least one)", "missing", of_value=False)
        )
    problems += _unique(src, "editions", editions)
    problems += _unique(src, "add_ons", add_ons)
    for section, entries in (("editions", editions), ("add_ons", add_ons)):
        for i, entry in entries:
            problems += _price_problems(src, (section, i), entry, currencies)
    for i, add_on in add_ons:
        requires = add_on.get("requires")
        for j, edition in enumerate(requires if isinstance(requires, list) else ()):
            if isinstance(edition, str) and edition not in edition_ids:
                msg = f"no edition `{edition}` in this file's editions{_hint(edition, edition_ids)}"
                problems.append(_problem(src, ("add_ons", i, "requires", j), msg, "unknown-edition"))
        raises = add_on.get("raises")
        for cap in raises if isinstance(raises, dict) else ():
            if cap not in capabilities:
                msg = f"no capability `{cap}` in the criteria{_hint(str(cap), capabilities)}"
                problems.append(_problem(src, ("add_ons", i, "raises", cap), msg, "unknown-capability", of_value=False))
    ratings = data.get("ratings")
    for cap, rating in ratings.items() if isinstance(ratings, dict) else ():
        if not isinstance(rating, dict):
            continue
        by_edition = rating.get("by_edition")
        if isinstance(by_edition, dict) and by_edition:
            for edition in by_edition:
                if edition not in edition_ids:
                    msg = f"no edition `{edition}` in this file's editions{_hint(str(edition), edition_ids)}"
                    loc: Key = ("ratings", cap, "by_edition", edition)
                    problems.append(_problem(src, loc, msg, "unknown-edition", of_value=False))
            unrated = [e for e in edition_ids if e not in by_edition]
            if unrated:
                msg = f"no rating for edition {', '.join(unrated)}: rate every edition"
                problems.append(_problem(src, ("ratings", cap, "by_edition"), msg, "missing-edition", of_value=False))
        # a rating read back from an RFP cites its workbook in `provenance` (docs/vendor-format.md)
        if not rating.get("source") and rating.get("unverified") is not True and not rating.get("provenance"):
            msg = "no `source`: cite the vendor's own page, or say `unverified: true`"
            problems.append(_problem(src, ("ratings", cap), msg, "no-source", of_value=False, warn=True))
    return problems


def _unique(src: Sourced, section: str, entries: list[tuple[int, dict[str, Any]]]) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[str, int] = {}
    for i, entry in entries:
        value = entry.get("id")
        if not isinstance(value, str):
            continue
        if value in first:
            msg = f"duplicate id `{value}` (first at line {src.mark((section, first[value], 'id'), of_value=True)[0]})"
            problems.append(_problem(src, (section, i, "id"), msg, "duplicate-id"))
        else:
            first[value] = i
    return problems


def _price_problems(src: Sourced, at: Key, entry: dict[str, Any], currencies: Collection[str]) -> list[Problem]:
    price = entry.get("price")
    has_note = bool(entry.get("price_note"))
    if price is None:
        if has_note:
            return []
        msg = "no `price`: give the list price, or a `price_note` saying it is sold on quote"
        return [_problem(src, at, msg, "no-price", of_value=False)]
    if not isinstance(price, dict):
        return []  # the model says what a price is
    problems: list[Problem] = []
    amount = price.get("amount")
    if isinstance(amount, int | float) and not isinstance(amount, bool) and amount == 0 and not has_note:
        msg = "price 0 needs a `price_note` (free tier limits, or what the price excludes)"
        problems.append(_problem(src, (*at, "price", "amount"), msg, "zero-price"))
    currency = price.get("currency")
    if isinstance(currency, str) and currency.isupper() and len(currency) == 3 and currency not in currencies:
        msg = f"unknown currency `{currency}`{_hint(currency, sorted(currencies))} (ISO 4217 codes of the rates table)"
        problems.append(_problem(src, (*at, "price", "currency"), msg, "unknown-currency"))
    return problems
