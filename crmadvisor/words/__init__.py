"""Every word shown to a user, one table per language (`en.py`, `fr.py`, each merging its parts:
`*_report.py` the written report, `*_ask.py` the questionnaire and commands, `*_vendors.py` the
catalogue commands, `*_rfp.py` the RFP workbook), with namespaced keys.

Keys read `section.name` ("report.title", "vendors.list.name"); both tables have the same keys and
the same `{placeholders}` (a test checks). A table is read-only: look words up with `words(lang)`.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from crmadvisor.words import en, fr

Lang = Literal["en", "fr"]
LANGS: tuple[Lang, ...] = ("en", "fr")
_TABLES: Mapping[Lang, Mapping[str, str]] = MappingProxyType(
    {"en": MappingProxyType(en.WORDS), "fr": MappingProxyType(fr.WORDS)}
)


def lang_of(code: str | None) -> Lang:
    """The language a code names; English for anything but French."""
    return "fr" if code == "fr" else "en"


@dataclass(frozen=True, slots=True)
class Words(Mapping[str, str]):
    """One language's words: `w["report.title"]` is the text, `w("loyalty.title", company=...)` fills it in."""

    lang: Lang
    table: Mapping[str, str]

    def __getitem__(self, key: str) -> str:
        return self.table[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.table)

    def __len__(self) -> int:
        return len(self.table)

    def __call__(self, key: str, /, **values: object) -> str:
        return self.table[key].format(**values)

    def section(self, name: str) -> dict[str, str]:
        """The words of one section, keyed without the section's name ("report.title" -> "title")."""
        prefix = name + "."
        return {key.removeprefix(prefix): text for key, text in self.table.items() if key.startswith(prefix)}


def words(lang: str | None) -> Words:
    resolved = lang_of(lang)
    return Words(resolved, _TABLES[resolved])


def placeholders(text: str) -> frozenset[str]:
    """The names a text fills in (`{company}` -> "company")."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


def language_name(code: str, lang: str, *, in_sentence: bool = False) -> str:
    """A language in words, from CLDR; the code when it has no name.

    As a list item by default ("Danish", "Danois"); `in_sentence` keeps the language's own case
    in running text ("not available in Danish", "n'existe pas en danois").
    """
    from babel import Locale  # only when the names are shown: the questionnaire's choices, `questions`

    name = Locale.parse("fr_FR" if lang_of(lang) == "fr" else "en_GB").languages.get(code)
    if name is None:
        return code
    return str(name) if in_sentence else str(name)[:1].upper() + str(name)[1:]
