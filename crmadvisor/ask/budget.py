"""What a consultant types for the constraints: the budget (an amount per user per month, or a year in
total, optionally with its currency) and the number of CRM users."""

from __future__ import annotations

import math
from typing import Literal, NamedTuple

CURRENCIES = ("EUR", "USD", "GBP")
SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP"}  # typed before or after the amount: "35 €", "$35"


# what may follow the amount, as the consultant says it (upper case, spaces squeezed)
PER_YEAR = ("A YEAR", "PER YEAR", "/YEAR", "/ YEAR", "/YR", "YEARLY", "PAR AN", "/AN", "/ AN", "PER ANNUM")
PER_MONTH = ("PER USER PER MONTH", "PAR UTILISATEUR ET PAR MOIS", "/USER/MONTH", "/UTILISATEUR/MOIS")


class Budget(NamedTuple):
    amount: float
    currency: str
    per: Literal["user_month", "year"] = "user_month"  # per user per month, or a year in total


def budget_from(text: str) -> Budget | None:
    """ "40", "40,5", "40 usd", "40USD", "40 €", "$40" -> 40 (EUR when no currency is typed) per user per
    month; "40000 EUR a year", "40 000 € par an" -> a year in total; "" -> None.

    Raises ValueError for anything else, or an amount that is not positive.
    """
    value = " ".join(text.strip().upper().split())
    if not value:
        return None
    per: Literal["user_month", "year"] = "user_month"
    for words, meaning in ((PER_YEAR, "year"), (PER_MONTH, "user_month")):
        said = next((w for w in words if value.endswith(w)), None)
        if said is not None:
            value, per = value.removesuffix(said).strip(), "year" if meaning == "year" else "user_month"
            break
    value = value.replace(",", ".")
    if per == "year":
        value = value.replace(" ", "").replace("\u202f", "").replace("\xa0", "")  # "40 000 €": thousands apart
    for symbol, code in SYMBOLS.items():
        if value.startswith(symbol) or value.endswith(symbol):
            value = value.strip(symbol).strip() + code
            break
    currency = next((c for c in CURRENCIES if value.endswith(c)), "EUR")
    amount = float(value.removesuffix(currency).strip())
    if not (amount > 0 and math.isfinite(amount)):
        raise ValueError(text)
    return Budget(amount, currency, per)


def budget_shown(budget: Budget, lang: str = "en") -> str:
    """A budget as the consultant would type it again: "40 EUR", "25.5 GBP", "40000 EUR a year"."""
    per_year = {"en": " a year", "fr": " par an"}.get(lang, " a year")
    return f"{budget.amount:.15g} {budget.currency}" + (per_year if budget.per == "year" else "")


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
