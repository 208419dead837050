"""Reference exchange rates: the shipped table (rates/ecb.yaml) or the file given with `--rates`."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from crmadvisor.errors import Problem
from crmadvisor.load import yamlsource
from crmadvisor.load.discover import Loaded, load_file, shipped_dir
from crmadvisor.load.located import validate
from crmadvisor.load.yamlsource import Sourced
from crmadvisor.model.schema import RatesFile, Vendor


def rates_path() -> Path:
    return shipped_dir("rates") / "ecb.yaml"


@functools.cache
def shipped_rates() -> RatesFile:
    model = validate(RatesFile, yamlsource.read(rates_path()))
    return model


def load_rates(path: Path | None = None) -> RatesFile:
    """The rates in `path`, else the shipped table; an invalid file is an `InputError`."""
    if path is None:
        return shipped_rates()
    model = load_file(path, "rates").model
    assert isinstance(model, RatesFile)
    return model


def currencies(rates: RatesFile) -> frozenset[str]:
    return frozenset({rates.base, *rates.rates})


def rates_problems(loaded: Loaded, vendors: Sequence[Vendor]) -> list[Problem]:
    """A currency some vendor's price is in that the rates file has no rate for: located at its `rates:`."""
    rates = loaded.model
    assert isinstance(rates, RatesFile)
    known = currencies(rates)
    missing: dict[str, list[str]] = {}
    for vendor in vendors:
        prices = [e.price for e in vendor.editions] + [a.price for a in vendor.add_ons]
        for price in prices:
            if price is not None and price.currency not in known:
                users = missing.setdefault(price.currency, [])
                if vendor.id not in users:
                    users.append(vendor.id)
    line, col = loaded.src.mark(("rates",))
    return [
        Problem(
            loaded.src.path,
            line,
            col,
            "rates",
            f"no rate for {currency}, the currency of {', '.join(ids)}'s prices: add `{currency}: <rate>`",
            "missing-rate",
        )
        for currency, ids in sorted(missing.items())
    ]


def budget_currency_problems(src: Sourced, rates: RatesFile | None) -> list[Problem]:
    """An answers file's budget currency the rates table cannot convert."""
    data = src.data if isinstance(src.data, dict) else {}
    constraints = data.get("constraints")
    currency = constraints.get("budget_currency") if isinstance(constraints, dict) else None
    if rates is None or not isinstance(currency, str) or currency in currencies(rates):
        return []
    loc = ("constraints", "budget_currency")
    line, col = src.mark(loc, of_value=True)
    known = ", ".join(sorted(currencies(rates)))
    msg = f"no rate for `{currency}` in the rates table of {rates.date} (it has {known})"
    return [Problem(src.path, line, col, ".".join(loc), msg, "missing-rate")]
