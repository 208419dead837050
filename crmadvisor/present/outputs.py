"""Every output of an assessment, one registry: each renders the same view (`Report`) to a string.

A renderer's heavy library is imported only when it runs: a JSON report imports neither rich nor jinja2.
The PDF is the HTML report printed by a browser (crmadvisor.browser), so its renderer is the HTML one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from crmadvisor.present.view import Report, as_json


def _terminal(report: Report) -> str:
    from crmadvisor.present.terminal import as_text

    return as_text(report)


def _markdown(report: Report) -> str:
    from crmadvisor.present.documents import render_markdown

    return render_markdown(report)


def _html(report: Report) -> str:
    from crmadvisor.present.documents import render_html

    return render_html(report)


RENDERERS: Mapping[str, Callable[[Report], str]] = MappingProxyType(
    {"terminal": _terminal, "md": _markdown, "html": _html, "pdf": _html, "json": as_json}
)
"""Output name -> renderer; the names of `assess --format` are these but the terminal (the default)."""

FORMAT_BY_SUFFIX: Mapping[str, str] = MappingProxyType(
    {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json", ".pdf": "pdf"}
)
