"""Knock-out reasons and constraint notes (model `Reason` values) in words."""

from __future__ import annotations

from collections.abc import Iterable

from crmadvisor.model.fit import Reason
from crmadvisor.words import words


def reason_text(reason: Reason, lang: str) -> str:
    """A knock-out reason or constraint note, worded in `lang` (numbers with a decimal comma in French)."""
    w = words(lang)
    values = dict(reason.values)
    if "size" in values:
        values["size"] = w.get(f"size.{values['size']}", values["size"])
    if w.lang == "fr":
        values = {
            k: v.replace(".", ",") if k in ("price", "budget") and v[:1].isdigit() else v for k, v in values.items()
        }
    return w(f"reason.{reason.code}", **values)


def reasons_text(reasons: Iterable[Reason], lang: str) -> str:
    return "; ".join(reason_text(r, lang) for r in reasons)
