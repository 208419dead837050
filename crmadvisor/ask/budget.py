"""What a consultant types for the constraints: the budget (an amount per user per month, optionally with
its currency) and the number of CRM users."""

from __future__ import annotations

import math

CURRENCIES = ("EUR", "USD", "GBP")
SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP"}  # typed before or after the amount: "35 €", "$35"


def budget_from(text: str) -> tuple[float, str] | None:
    """ "40", "40,5", "40 usd", "40USD", "40 €", "$40" -> (amount, currency; EUR when none is typed); "" -> None.

    Raises ValueError for anything else, or an amount that is not positive.
    """
    value = text.strip().upper().replace(",", ".")
    if not value:
        return None
    for symbol, code in SYMBOLS.items():
        if value.startswith(symbol) or value.endswith(symbol):
            value = value.strip(symbol).strip() + code
            break
    currency = next((c for c in CURRENCIES if value.endswith(c)), "EUR")
    amount = float(value.removesuffix(currency).strip())
    if not (amount > 0 and math.isfinite(amount)):
        raise ValueError(text)
    return amount, currency


def budget_shown(budget: tuple[float, str]) -> str:
    """A budget as the consultant would type it again: "40 EUR", "25.5 GBP"."""
    amount, currency = budget
    return f"{amount:g} {currency}"


MAX_USERS = 1_000_000  # as many as an answers file accepts (constraints.users)


def users_from(text: str) -> int | None:
    """ "15", " 1 500 ", "1,500" -> the number of CRM users; "" -> None (not known).

    Raises ValueError for anything but a whole number from 1 to a million.
    """
    value = "".join(text.split()).replace(",", "").replace("_", "")
    if not value:
        return None
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= MAX_USERS:
        raise ValueError(text)
    return int(value)
