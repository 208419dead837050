"""The flat table of words a report template reads as `w` (`w.ranking`, `w['summary.top']`).

Templates, the shipped ones and a consultancy's own (`--template`), name words without their section:
the sections below are laid side by side with the section name dropped, and the domain values
(orientation, severity, size, reason) keep their full key. No two sections may give the same name
(a test checks), so no merge order decides a word.
"""

from __future__ import annotations

from crmadvisor.words import words

FLAT_SECTIONS = ("common", "answers", "assessment", "report")
WHOLE_SECTIONS = ("orientation", "severity", "size", "reason")


def template_words(lang: str) -> dict[str, str]:
    w = words(lang)
    flat: dict[str, str] = {}
    for section in FLAT_SECTIONS:
        flat.update(w.section(section))
    flat.update((key, text) for key, text in w.items() if key.split(".", 1)[0] in WHOLE_SECTIONS)
    return flat
