"""Knock-out reasons and constraint notes (model `Reason` values) in words."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from crmadvisor.model.fit import Reason
from crmadvisor.present.typography import day, money
from crmadvisor.words import Words, language_name, words


def reason_text(reason: Reason, lang: str, capability: Callable[[str], str] | None = None) -> str:
    """A knock-out reason or constraint note, worded in `lang` (numbers with a decimal comma in French)."""
    w = words(lang)
    values = dict(reason.values)
    if reason.code == "over_budget":
        return _over_budget(values, w, capability or str)
    if "size" in values:
        values["size"] = w.get(f"size.{values['size']}", values["size"])
    if reason.code == "language":  # "fr, de" -> "French or German", "français ni en allemand"
        names = [language_name(code, w.lang, in_sentence=True) for code in _codes(values["languages"])]
        values["languages"] = w["reason.language.or"].join(names)
    if reason.code == "hosting":  # "eu" -> "in the European Union"; "us, ca" -> "United States, Canada"
        wanted = [w.get(f"region.in.{code}", code) for code in _codes(values["wanted"])]
        values["wanted"] = w["reason.hosting.or"].join(wanted)
        values["offered"] = ", ".join(w.get(f"region.{code}", code) for code in _codes(values["offered"]))
    if w.lang == "fr":
        values = {
            k: v.replace(".", ",") if k in ("price", "budget") and v[:1].isdigit() else v for k, v in values.items()
        }
    return w(f"reason.{reason.code}", **values)


def _codes(joined: str) -> list[str]:
    """The codes a reason's value lists ("fr, de"), in the model's order."""
    return [code for code in joined.split(", ") if code]


def reasons_text(reasons: Iterable[Reason], lang: str, capability: Callable[[str], str] | None = None) -> str:
    return "; ".join(reason_text(r, lang, capability) for r in reasons)


def _over_budget(values: dict[str, str], w: Words, capability: Callable[[str], str]) -> str:
    """ "Enterprise, needed for forecasts, costs 175 USD (≈ 157 EUR at the ECB rate of 2026-10-30) per user
    per month, over the budget of 40 EUR": the issue's wording, with the rate used and its date."""

    def amount_of(text: str) -> str:
        """ "161.2 EUR" as the language writes an amount: "161,20 €", "€161.20"."""
        value, _, currency = text.partition(" ")
        try:
            return money(float(value), currency, w.lang)
        except ValueError:
            return text

    caps = [c for c in values["needed_for"].split(", ") if c]
    needed = w("reason.over_budget.needed", capabilities=", ".join(map(capability, caps))) if caps else ""
    amount = amount_of(f"{values['price']} {values['currency']}")
    if values["original"]:
        source = "ECB " if "ecb.europa.eu" in values["rates_source"] else ""
        if w.lang == "fr":
            source = "BCE " if source else ""
        amount = w(
            "reason.over_budget.converted",
            original=amount_of(values["original"]),
            price=amount,
            source=source,
            date=day(values["rates_date"], w.lang),
        )
    below = values.get("at_least")  # sold on quote: it costs at least the edition below it
    return w(
        "reason.over_budget.at_least" if below else "reason.over_budget",
        below=below or "",
        configuration=values["configuration"],
        needed=needed,
        amount=amount,
        per=w(f"reason.over_budget.per.{values['per']}"),
        budget=amount_of(values["budget"]),
    )
