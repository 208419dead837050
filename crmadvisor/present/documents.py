"""Markdown and HTML reports: the view rendered by a Jinja2 template, the shipped ones in
`crmadvisor/templates/` or a consultancy's own (`--template FILE`, bounded: crmadvisor.present.jinja).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING
from urllib.parse import quote

from crmadvisor.present.labels import percent
from crmadvisor.present.template_words import template_words
from crmadvisor.present.view import Report

if TYPE_CHECKING:
    from markupsafe import Markup

    from crmadvisor.present.jinja import Compiled
    from crmadvisor.present.template_bounds import Limits


_MD_PUNCTUATION = re.compile(r"([\\`*_\[\]{}#+!|~$^@])")
_BREAKS = re.compile(r"[^\S\u00a0\u2007\u202f]+")  # runs of white space, but not the no-break spaces of "2 000 €"
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def md_text(value: object) -> str:
    """Text safe anywhere inline in Markdown, table cells included: one line, no markup, no HTML."""
    text = _BREAKS.sub(" ", str(value)).strip()
    text = _ENTITY.sub("&amp;", text)
    text = _MD_PUNCTUATION.sub(r"\\\1", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")


def md_url(value: object) -> str:
    """A URL safe as a Markdown link destination, even inside a table: no space, bracket, bar or quote."""
    return quote(str(value).strip(), safe=":/?#@!$&'*+,;=%~-._")


def pct(value: float | None) -> str:
    return "-" if value is None else percent(value)


def inline_svg(svg: str) -> Markup:
    """A chart made by crmadvisor.present.charts, ready to inline in HTML: the XML prolog dropped."""
    from markupsafe import Markup

    start = svg.find("<svg")
    return Markup(svg[start:] if start >= 0 else "")


def css_string(value: object) -> Markup:
    """Text for inside a double-quoted CSS string in a <style> element (a page's footer): every character but
    letters and digits as a CSS escape (a space too: one after an escape would be read as its end), so no
    quote, backslash or `</style>` can end it early."""
    from markupsafe import Markup

    text = " ".join(str(value).split())
    return Markup("".join(c if c.isalnum() else f"\\{ord(c):06x}" for c in text))


def shipped_template(name: str) -> str:
    return (resources.files("crmadvisor") / "templates" / name).read_text(encoding="utf-8")


def _filters(lang: str) -> dict[str, Callable[..., object]]:
    from crmadvisor.present.typography import after_colon, day, number

    return {
        "md": md_text,
        "md_url": md_url,
        "pct": pct,
        "inline_svg": inline_svg,
        "css_string": css_string,
        "day": lambda value: day(value, lang),  # 2 December 2026, 2 décembre 2026
        "num": lambda value: number(value, lang),  # 2,000, 2 000
        "after_colon": lambda value: after_colon(str(value), lang),  # French: "majeur : suivi des paiements"
    }


def prepare_template(
    lang: str, source: str, *, html: bool, name: str = "<template>", limits: Limits | None = None
) -> Compiled:
    """A template compiled in the sandbox (bounded by `limits`: a consultancy's own) for reports in `lang`:
    its syntax mistakes located in it before any chart is drawn."""
    from crmadvisor.present.jinja import compile_template

    return compile_template(source, autoescape=html, name=name, filters=_filters(lang), limits=limits)


def render_prepared(compiled: Compiled, report: Report) -> str:
    from crmadvisor.present.jinja import render_compiled

    return render_compiled(compiled, {"report": report, "w": template_words(report.lang)})


def render_template(
    report: Report, source: str, *, html: bool, name: str = "<template>", limits: Limits | None = None
) -> str:
    """Render a template in the sandbox (bounded by `limits`: a consultancy's own); its mistakes located in it."""
    return render_prepared(prepare_template(report.lang, source, html=html, name=name, limits=limits), report)


@cache
def _shipped(name: str, html: bool, lang: str) -> Compiled:
    """A shipped template, compiled once a process for each language (its code kept between runs)."""
    from crmadvisor.present.jinja import compile_shipped

    return compile_shipped(shipped_template(name), autoescape=html, name=name, filters=_filters(lang))


def render_markdown(report: Report) -> str:
    return render_prepared(_shipped("report.md.j2", False, report.lang), report)


def render_html(report: Report) -> str:
    return render_prepared(_shipped("report.html.j2", True, report.lang), report)
