"""The report's charts as SVG (and PNG on request), drawn with matplotlib from the view (`Report`).

matplotlib is imported here only, and this module only when charts are made. The SVG output is
reproducible byte for byte for a given matplotlib version: no date in the metadata, a fixed hash salt
for element ids, text kept as text (`svg.fonttype: none`, escaped by matplotlib).
"""

from __future__ import annotations

import io
import math
import textwrap
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from crmadvisor.present.template_words import template_words
from crmadvisor.present.view import Chart, Report

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.projections.polar import PolarAxes

FIT_CHART_ROWS = 12
COLOURS = ("#1f5fa8", "#d1495b", "#2a9d8f")
NEED_COLOUR = "#7a7a7a"
BLOCKED_COLOUR = "#b3261e"
RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "crmadvisor",
    "font.family": "DejaVu Sans",
    "font.size": 9.0,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


@dataclass(frozen=True, slots=True)
class ChartImage:
    id: str
    svg: str
    png: bytes | None


@dataclass(frozen=True, slots=True)
class _Bar:
    name: str
    fit: float
    first_share: float | None
    blocked: bool
    rank_range: str | None


@dataclass(frozen=True, slots=True)
class ChartData:
    """What the charts show of a report, and nothing else: equal data, the same charts (byte for byte)."""

    lang: str
    areas: tuple[str, ...]  # the radar: needs against the top vendors
    need: tuple[float, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]
    bars: tuple[_Bar, ...]  # the fit chart: the vendors in the race, best first
    points: tuple[tuple[str, float, float, bool], ...]  # fit against cost: name, yearly cost, fit %, must-haves met
    currency: str | None

    @classmethod
    def of(cls, report: Report) -> ChartData:
        radar = report.radar
        ranked = [r for r in report.ranking if r.rank is not None][:FIT_CHART_ROWS]
        return cls(
            lang=report.lang,
            areas=radar.areas,
            need=radar.need,
            series=tuple((s.label, s.values) for s in radar.vendors),
            bars=tuple(_Bar(r.name, r.fit, r.first_share, r.blocked, r.rank_range) for r in ranked),
            points=tuple(_priced(report)),
            currency=next((r.configuration.currency for r in report.ranking if r.configuration is not None), None),
        )


def _label(text: str, width: int = 18) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _name(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def radar_figure(data: ChartData) -> Figure:
    from matplotlib.figure import Figure

    w = template_words(data.lang)
    count = len(data.areas)
    angles = [2 * math.pi * i / count for i in range(count)]
    figure = Figure(figsize=(7.4, 6.6))
    axes = cast("PolarAxes", figure.add_subplot(projection="polar"))
    axes.set_theta_offset(math.pi / 2)
    axes.set_theta_direction(-1)
    closed = [*angles, angles[0]]
    axes.fill(closed, [*data.need, data.need[0]], color=NEED_COLOUR, alpha=0.25, label=w["chart.need"])
    axes.plot(closed, [*data.need, data.need[0]], color=NEED_COLOUR, linewidth=1.5, linestyle="--")
    for (label, series), colour, marker in zip(data.series, COLOURS, ("o", "s", "^"), strict=False):
        values = [*series, series[0]]
        axes.plot(closed, values, color=colour, linewidth=1.8, marker=marker, markersize=4, label=_name(label))
    axes.set_xticks(angles)
    axes.set_xticklabels([_label(a) for a in data.areas], fontsize=8)
    for tick, angle in zip(axes.get_xticklabels(), angles, strict=True):
        side = math.sin(angle)  # clockwise from the top: labels on the right start at the circle, on the left end there
        tick.set_horizontalalignment("left" if side > 0.1 else "right" if side < -0.1 else "center")
    axes.set_ylim(0, 5)
    axes.set_yticks([1, 2, 3, 4, 5])
    axes.set_yticklabels(["1", "2", "3", "4", "5"], fontsize=7, color="#666666")
    axes.tick_params(axis="x", pad=14)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=2, frameon=False, fontsize=8)
    figure.subplots_adjust(left=0.2, right=0.8, top=0.86, bottom=0.22)
    return figure


def fit_figure(data: ChartData) -> Figure:
    from matplotlib.figure import Figure

    w = template_words(data.lang)
    rows = data.bars
    names = [_name(r.name) for r in reversed(rows)]
    fits = [r.fit * 100 for r in reversed(rows)]
    firsts = [(r.first_share or 0.0) * 100 for r in reversed(rows)]
    positions = list(range(len(rows)))
    with_odds = any(r.first_share is not None for r in rows)
    figure = Figure(figsize=(7.5, 0.42 * len(rows) + 1.3))
    grid = figure.add_gridspec(1, 2 if with_odds else 1, width_ratios=[3, 2] if with_odds else [1], wspace=0.08)
    left = figure.add_subplot(grid[0, 0])
    colours = [BLOCKED_COLOUR if r.blocked else COLOURS[0] for r in reversed(rows)]
    left.barh(positions, fits, color=colours, height=0.6)
    for y, value in zip(positions, fits, strict=True):
        left.text(value + 1, y, f"{value:.0f} %", va="center", fontsize=8)
    left.set_yticks(positions)
    left.set_yticklabels(names, fontsize=8)
    left.set_xlim(0, 110)
    blocked_note = f" · {w['chart.red_blocked']}" if any(r.blocked for r in rows) else ""
    left.set_xlabel(f"{w['fit']} (%){blocked_note}", fontsize=8)
    if with_odds:
        right = figure.add_subplot(grid[0, 1], sharey=left)
        right.barh(positions, firsts, color="#8fb3de", height=0.6)
        for y, value, row in zip(positions, firsts, list(reversed(rows)), strict=True):
            right.text(value + 1.5, y, f"{value:.0f} % · {row.rank_range}", va="center", fontsize=8)
        right.set_xlim(0, 130)
        right.set_xlabel(f"{w['first_share']} (%) · {w['rank_range']}", fontsize=8)
        right.tick_params(axis="y", left=False, labelleft=False)
    figure.subplots_adjust(left=0.3, right=0.97, top=0.97, bottom=0.8 / (0.42 * len(rows) + 1.3))
    return figure


def _priced(report: Report) -> list[tuple[str, float, float, bool]]:
    """The vendors in the race whose configuration has a list price: name, yearly cost, fit %, must-haves met."""
    return [
        (r.name, r.configuration.yearly_cost, r.fit * 100, r.configuration.meets_must_haves)
        for r in report.ranking
        if r.rank is not None and r.configuration is not None and r.configuration.yearly_cost is not None
    ][:FIT_CHART_ROWS]


def value_figure(data: ChartData) -> Figure:
    """Fit against the yearly list-price cost of each vendor's recommended configuration."""
    from matplotlib.figure import Figure

    w = template_words(data.lang)
    points = data.points
    currency = data.currency
    figure = Figure(figsize=(7.5, 4.8))
    axes = figure.add_subplot()
    for meets, marker, colour, label in (
        (True, "o", COLOURS[0], w["chart.value.meets"]),
        (False, "X", BLOCKED_COLOUR, w["chart.value.misses"]),
    ):
        chosen = [p for p in points if p[3] is meets]
        if chosen:
            axes.scatter([p[1] for p in chosen], [p[2] for p in chosen], marker=marker, color=colour, label=label)
    for name, cost, fit, _ in points:
        axes.annotate(_name(name, 22), (cost, fit), textcoords="offset points", xytext=(5, 4), fontsize=7)
    right = max(p[1] for p in points) * 1.25 or 1.0
    axes.set_xlim(left=-right * 0.03, right=right)
    axes.set_ylim(0, 105)
    axes.set_xlabel(w["chart.value.cost"].format(currency=currency), fontsize=8)
    axes.set_ylabel(f"{w['fit']} (%)", fontsize=8)
    axes.legend(loc="lower right", frameon=False, fontsize=8)
    figure.subplots_adjust(left=0.1, right=0.97, top=0.96, bottom=0.12)
    return figure


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, metadata={"Software": None})
    return buffer.getvalue()


def chart_images(report: Report, *, png: bool = False) -> tuple[ChartImage, ...]:
    """The radar of needs against the top three vendors, the fit chart with confidence, and fit against cost."""
    return _drawn(ChartData.of(report), png)


@lru_cache(maxsize=8)
def _drawn(data: ChartData, png: bool) -> tuple[ChartImage, ...]:
    """The charts of this data, drawn once a process (a third of a second): a report in another format,
    or written again, shows the same ones."""
    from matplotlib import rc_context

    images = []
    with rc_context(cast(Any, RC)):  # matplotlib types rc keys as a Literal of every name
        for chart_id, make in (("radar", radar_figure), ("fit", fit_figure), ("value", value_figure)):
            if chart_id == "radar" and not data.series:
                continue
            if chart_id == "fit" and not data.bars:
                continue
            if chart_id == "value" and len(data.points) < 2:
                continue
            figure = make(data)
            images.append(ChartImage(chart_id, _svg(figure), _png(figure) if png else None))
    return tuple(images)


def with_charts(report: Report, images: tuple[ChartImage, ...], folder: str | None) -> Report:
    """The report with its charts: linked as files in `folder` (relative to the report), else inline only."""
    w = template_words(report.lang)
    charts = tuple(
        Chart(
            id=image.id,
            title=w[f"chart.{image.id}"],
            alt=w[f"chart.{image.id}.alt"],
            file=f"{folder}/{image.id}.svg" if folder is not None else None,
            svg=image.svg,
        )
        for image in images
    )
    return replace(report, charts=charts)
