"""List prices to yearly licence costs, converted at a dated reference rate.

Costs are list prices for licences only: no discount, implementation, storage or usage charges.
Formulas: docs/vendor-format.md, "How the advisor uses editions: configurations and cost".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crmadvisor.model.schema import AddOn, Edition, ListPrice, RatesFile

MONTHS = 12


@dataclass(frozen=True, slots=True)
class Conversion:
    """A rate used: 1 `source` = `rate` `target`, from the table of `date`."""

    source: str
    target: str
    rate: float
    date: str  # ISO date of the rates table


def rate(rates: RatesFile | None, source: str, target: str) -> float | None:
    """How many `target` one `source` is worth; None when the table lacks either currency."""
    if source == target:
        return 1.0
    if rates is None:
        return None
    table = {rates.base: 1.0, **rates.rates}
    if source not in table or target not in table:
        return None
    return table[target] / table[source]


def convert(amount: float, source: str, target: str, rates: RatesFile | None) -> tuple[float, Conversion | None] | None:
    """`amount` in `target`, and the conversion made (None when no conversion was needed)."""
    if source == target:
        return amount, None
    found = rate(rates, source, target)
    if found is None or rates is None:
        return None
    return amount * found, Conversion(source, target, found, rates.date.isoformat())


def seats(part: Edition | AddOn, users: int) -> int:
    """The licences paid for: the users, or the part's minimum when it is more."""
    return max(users, part.min_users or 1)


def yearly(price: ListPrice, part: Edition | AddOn, users: int) -> float:
    """One part's yearly list price for `users` users, in the price's currency."""
    count = seats(part, users) if price.per == "user_month" else 1
    return price.amount * count * MONTHS


@dataclass(frozen=True, slots=True)
class Cost:
    """A configuration's yearly list-price licence cost, in one currency; None when a part is on quote.

    `known` is the sum of the priced parts: the whole cost when nothing is on quote, else a floor
    (the budget is checked against it: a configuration whose priced parts alone exceed the budget is over it).
    """

    yearly: float | None
    currency: str
    users: int
    conversions: tuple[Conversion, ...]  # the rates used, one per currency converted
    unpriced: tuple[str, ...]  # names of the parts sold on quote (no list price)
    known: float = 0.0

    def per_user_month(self) -> float | None:
        return None if self.yearly is None else self.yearly / self.users / MONTHS


def cost_of(parts: Sequence[Edition | AddOn], users: int, currency: str, rates: RatesFile | None) -> Cost:
    """The yearly cost of an edition and its add-ons for `users` users, in `currency`."""
    total = 0.0
    conversions: dict[str, Conversion] = {}
    unpriced: list[str] = []
    for part in parts:
        if part.price is None:
            unpriced.append(part.name)
            continue
        converted = convert(yearly(part.price, part, users), part.price.currency, currency, rates)
        if converted is None:
            unpriced.append(part.name)
            continue
        amount, used = converted
        total += amount
        if used is not None:
            conversions[used.source] = used
    return Cost(None if unpriced else total, currency, users, tuple(conversions.values()), tuple(unpriced), total)
