"""Numbers, amounts, dates and plurals as each language writes them, with Babel (CLDR data).

French groups thousands with a narrow no-break space ("2 000"), puts the currency after the amount
("35 €") and writes dates as "2 décembre 2026"; British English writes "2,000", "€35" and
"2 December 2026". Babel is imported here, only when a report is put into words (and by
`words.language_name`, for the questionnaire's language choices).

Babel reads a locale's CLDR data whole, merged from its parents (British English: root, en, en_001,
en_GB and the global table, 0.8 MB of pickles, 25-40 ms of every command that writes a report, more
than formatting every number of it). The few parts a report uses (`KEPT_LOCALE_DATA`) are kept
between runs in the cache folder (crmadvisor.load.cache, `CRMADVISOR_CACHE=0` turns it off), keyed by
Babel's version, and put before Babel's own loader; any other part asked for reads the whole data then,
as Babel would have, so what is kept decides only the speed, never a figure.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from babel import Locale

LOCALES = {"en": "en_GB", "fr": "fr_FR"}  # the reports' English is British ("personalisation", "licence")
# the parts of a locale's data that numbers, amounts, dates, plurals and language names read
KEPT_LOCALE_DATA = (
    "currency_formats", "currency_names", "currency_names_plural", "currency_symbols", "date_formats", "days",
    "decimal_formats", "default_numbering_system", "eras", "languages", "months", "number_symbols",
    "percent_formats", "plural_form",
)  # fmt: skip


@cache
def _locale(lang: str) -> Locale:
    from babel import Locale

    name = LOCALES.get(lang, "en_GB")
    _keep_locale_data(name)
    return Locale.parse(name)


class KeptLocaleData(dict[str, Any]):
    """The parts of a locale's data kept between runs; a part not kept reads the whole data, once."""

    def __init__(self, name: str, parts: dict[str, Any]) -> None:
        super().__init__(parts)
        self.name = name

    def __missing__(self, part: str) -> Any:
        from babel import localedata

        loaded = localedata._cache
        loaded.pop(self.name, None)
        try:
            self.update(localedata.load(self.name))
        finally:
            loaded[self.name] = self
        if part not in self:
            raise KeyError(part)
        return self[part]


def _keep_locale_data(name: str) -> None:
    """Put the kept parts of `name`'s data where Babel's loader looks first (read once, then kept)."""
    import babel
    from babel import localedata

    from crmadvisor.load.cache import cached, key

    loaded = getattr(localedata, "_cache", None)
    if not isinstance(loaded, dict) or name in loaded:
        return  # a Babel that keeps its data otherwise, or this locale already read

    def parts() -> dict[str, Any]:
        data = localedata.load(name)
        return {part: data[part] for part in KEPT_LOCALE_DATA if part in data}

    kept = cached(key([], babel.__version__, name, *KEPT_LOCALE_DATA), parts, kind="locale")
    loaded.setdefault(name, KeptLocaleData(name, kept))


def number(value: float, lang: str, *, decimals: int = 0) -> str:
    """2,000 or 2 000; up to `decimals` places, trailing zeros dropped (1.5, not 1.50)."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return format_decimal(round(value, decimals), format=pattern, locale=_locale(lang))


def money(value: float, currency: str, lang: str, *, decimals: int | None = None) -> str:
    """35 € or €35, 18 000 $US or US$18,000: whole amounts without decimals, others with the currency's."""
    from babel.numbers import format_currency

    locale = _locale(lang)
    pattern = locale.currency_formats["standard"].pattern.split(";")[0]
    places = decimals if decimals is not None else (0 if float(value).is_integer() else 2)
    if places == 0:
        pattern = pattern.replace("#,##0.00", "#,##0")
    amount = round(value, places)
    return format_currency(amount, currency, format=pattern, locale=locale, currency_digits=False)


def day(value: dt.date | str | None, lang: str) -> str:
    """2 December 2026, 2 décembre 2026 (from a date or an ISO date); empty for no date."""
    if not value:
        return ""
    from babel.dates import format_date

    if isinstance(value, str):
        value = dt.date.fromisoformat(value)

    return format_date(value, format="long", locale=_locale(lang))


def plural(count: float, lang: str) -> Literal["one", "other"]:
    """The plural category of a count: French says "1 utilisateur", "1,5 point", "2 points"."""
    return "one" if _locale(lang).plural_form(count) == "one" else "other"


def points(value: float, lang: str) -> str:
    """A margin in points of fit (`value` 0..1): "1.7 points", "1,3 point" (French: singular below 2)."""
    from crmadvisor.words import words

    amount = value * 100
    return words(lang)(f"common.points.{plural(round(amount, 1), lang)}", n=number(amount, lang, decimals=1))


def in_sentence(text: str) -> str:
    """A label inside a sentence: "Loyalty programme" -> "loyalty programme", "A private person" -> "a private
    person"; a first word in capitals ("CPQ", "B2C") stays as it is. Not for names: only generic labels."""
    first = text.split(" ", 1)[0]
    if not first[:1].isupper() or (len(first) > 1 and not first[1:2].islower()):
        return text
    return text[0].lower() + text[1:]


def after_colon(text: str, lang: str) -> str:
    """A label put after a colon: French writes it in lower case (unless a name or an acronym), English keeps it."""
    return in_sentence(text) if lang == "fr" else text
