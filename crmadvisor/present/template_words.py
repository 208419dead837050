"""The flat table of words a report template reads as `w` (`w.ranking`, `w['summary.top']`).

Templates, the shipped ones and a consultancy's own (`--template`), name words without their section:
the sections below are laid side by side with the section name dropped, and the domain values
(orientation, severity, size, reason) keep their full key. No two sections may give the same name
(a test checks), so no merge order decides a word.
"""

from __future__ import annotations

from functools import cache

from crmadvisor.words import Lang, lang_of, words

FLAT_SECTIONS = ("common", "answers", "assessment", "report")
WHOLE_SECTIONS = ("orientation", "severity", "size", "reason")


def template_words(lang: str) -> dict[str, str]:
    return dict(_flat(lang_of(lang)))  # a copy: the tables are read-only, what a caller gets is its own


@cache
def _flat(lang: Lang) -> dict[str, str]:
    """Laid flat once a process for each language (a few milliseconds, six times a report)."""
    w = words(lang)
    flat: dict[str, str] = {}
    for section in FLAT_SECTIONS:
        flat.update(w.section(section))
    flat.update((key, text) for key, text in w.items() if key.split(".", 1)[0] in WHOLE_SECTIONS)
    return flat
