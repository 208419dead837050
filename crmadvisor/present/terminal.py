"""The assessment on the terminal: the view (`Report`) drawn with rich, 80 columns and NO_COLOR friendly."""

from __future__ import annotations

import io
from collections.abc import Iterable

from rich.console import Console, Group
from rich.panel import Panel
from rich.rule import Rule
from rich.text import Text

from crmadvisor.present.console import plain, safe_console
from crmadvisor.present.labels import percent
from crmadvisor.present.template_words import template_words
from crmadvisor.present.terminal_loyalty import render_loyalty
from crmadvisor.present.terminal_summary import render_summary
from crmadvisor.present.terminal_table import Column, Row, print_table
from crmadvisor.present.typography import plural
from crmadvisor.present.view import Point, Report, VendorSection

SEVERITY_STYLE = {"blocking": "bold red", "major": "yellow", "minor": "cyan"}
COVERAGE_STYLE = {"·": "dim", "■": "green", "▣": "green", "▢": "yellow", "✗": "bold red"}


def bar(level: int) -> str:
    return "■" * level + "□" * (5 - level)


def as_text(report: Report, width: int = 80, *, summary_only: bool = False) -> str:
    """The terminal rendering as plain text."""
    out = io.StringIO()
    render_assessment(safe_console(width=width, file=out), report, summary_only=summary_only)
    return out.getvalue()


def render_assessment(console: Console, report: Report, *, summary_only: bool = False) -> None:
    """The summary and the recommendation first, where a reader starts; the evidence after them."""
    w = template_words(report.lang)
    console.print(Rule(plain(f"{w['assessment']}{w['colon']} {report.company}")))
    render_summary(console, report, w)
    if summary_only:
        return
    render_recommendation(console, report, w)
    console.print()
    render_profile(console, report, w)
    render_needs(console, report, w)
    render_ranking(console, report, w)
    render_changes(console, report)
    render_matrix(console, report, w)
    for section in report.shortlist:
        render_vendor(console, section, w)
    console.print()
    render_robustness(console, report, w)
    if report.loyalty is not None:
        render_loyalty(console, report.loyalty)
    elif report.loyalty_hint is not None:
        console.print(plain(report.loyalty_hint, "italic"))


def render_changes(console: Console, report: Report) -> None:
    """What the vendors' RFP answers and demo scores changed against the desk-research ranking."""
    found = report.changes
    if found is None:
        return
    lines = [plain(found.intro)]
    for vendor in found.vendors:
        lines.append(plain(vendor.line, "bold"))
        lines += [plain(f"  {rating.line}") for rating in vendor.ratings]
    if found.others:
        lines.append(plain(found.others, "dim"))
    console.print(Panel(Group(*lines), title=plain(found.title), title_align="left"))


def render_profile(console: Console, report: Report, w: dict[str, str]) -> None:
    columns = [Column(plain(w["trait"]), wraps=True), Column(plain(w["answer"]), wraps=True)]
    columns.append(Column(plain(w["position"])))
    rows = [Row((plain(r.heading), plain(r.answer), plain(f"B2B {r.gauge} B2C"))) for r in report.profile]
    print_table(console, columns, rows, title=plain(w["profile"]))
    orientation = report.orientation
    console.print(plain(w["overall"].format(orientation=orientation.label, percent=orientation.b2c_percent)))
    if orientation.declared is not None:
        console.print(plain(w["declared"].format(declared=orientation.declared)))
        if orientation.consistency_note is not None:
            console.print(Panel(plain(orientation.consistency_note), style="yellow"))
    console.print()


def render_needs(console: Console, report: Report, w: dict[str, str]) -> None:
    columns = [Column(plain(w["capability"]), wraps=True), Column(plain(w["need"]))]
    columns.append(Column(plain(w["why"]), wraps=True))
    rows = []
    for area in report.needs:
        if not area.needs:
            continue
        rows.append(Row((plain(area.heading, "bold"), Text(), Text())))
        for need in area.needs:
            must = " !" if need.must_have else ""
            rows.append(Row((plain(need.name), plain(f"{bar(need.level)}{must}"), plain(need.why))))
    print_table(console, columns, rows, title=plain(w["needs"]), lines=True)
    console.print(plain(w["must_legend"]))
    console.print()


def render_ranking(console: Console, report: Report, w: dict[str, str]) -> None:
    odds = report.robustness is not None
    columns = [
        Column(plain(w["rank"]), justify="right"),
        Column(plain(w["vendor"]), wraps=True),
        Column(plain(w["fit"]), justify="right"),
        Column(plain(w["gaps"]), justify="center"),
    ]
    if odds:
        columns += [Column(plain(w["first"]), justify="right"), Column(plain(w["range"]), justify="center")]
    rows = []
    for row in report.ranking:
        name = plain(row.name)
        if row.rank is None:
            name.append_text(plain("\n" + w["excluded"].format(reasons="; ".join(row.exclusions)), "dim"))
        if row.rank is not None and row.blocked:
            name.append_text(plain("\n" + w["blocked"], "red"))
        if row.rank is not None and row.lopsided:
            name.append_text(plain("\n" + w["lopsided"], "yellow"))
        if row.rank is not None and row.configuration is not None:
            name.append_text(plain(f"\n{row.configuration.name} · {row.configuration.yearly}", "cyan"))
        cells = [plain("-" if row.rank is None else row.rank), name, plain(percent(row.fit))]
        cells.append(plain(f"{row.blocking}/{row.major}/{row.minor}"))
        if odds:
            first = "-" if row.first_share is None else percent(row.first_share)
            cells += [plain(first), plain(row.rank_range or "-")]
        rows.append(Row(tuple(cells), "dim" if row.rank is None else ""))
    print_table(console, columns, rows, title=plain(w["ranking"]))
    if report.hidden:
        console.print(plain(w[f"more_vendors.{plural(report.hidden, report.lang)}"].format(n=report.hidden), "dim"))
    console.print(plain(w["ranking.order"], "dim"))
    if report.unchecked:
        console.print(plain(report.unchecked, "yellow"))
    console.print()


MATRIX_NAME = 28  # the widest vendor name the gap matrix shows whole; longer ones end in "…"
MATRIX_LEAST = 4  # the narrowest name column, on a narrow terminal ("Sal…"): narrower, rich lays the table out
MATRIX_TIGHT = 12  # the name column of a very narrow terminal's matrix, without padding: the areas' names keep room


def render_matrix(console: Console, report: Report, w: dict[str, str]) -> None:
    """Vendors down, areas across: each area's name above its column, joined to it by a line."""
    names = [plain(row.name) for row in report.matrix]
    width = max([len(w["vendor"]), *(min(len(n), MATRIX_NAME) for n in names)])
    areas = len(report.matrix_areas)
    pad = 1  # blank columns each side of a cell
    if console.width - 4 - 4 * areas < min(width, MATRIX_LEAST + 4):  # a very narrow terminal: no padding
        pad, width = 0, min(width, MATRIX_TIGHT)
    left = console.width - 2 - 2 * pad - (2 + 2 * pad) * areas  # the room the area columns and the borders leave
    if MATRIX_LEAST <= left < width:  # a narrow terminal: the names cut shorter, every area's symbol shown
        width = left
    elif left < width:  # too narrow even so: rich lays the table out, as wide as the names
        pad, width = 1, max([len(w["vendor"]), *(min(len(n), MATRIX_NAME) for n in names)])
    console.print(plain(w["gap_matrix"], "italic"))
    indent = " " * (width + 2 + 2 * pad)  # the left border, the name column and the first area column's padding
    step = "│" + " " * (1 + 2 * pad)  # each area column is 2 + 2 * pad wide
    for i, area in enumerate(report.matrix_areas):
        console.print(Text.assemble(indent, (step * i), plain(area.short, "bold")), overflow="ellipsis", no_wrap=True)
    columns = [Column(plain(w["vendor"]), width=width, padding=pad)]
    columns += [Column(plain("│"), justify="center", width=1, padding=pad) for _ in report.matrix_areas]
    rows = [
        Row((name, *(plain(cell.symbol, COVERAGE_STYLE[cell.symbol]) for cell in row.cells)))
        for name, row in zip(names, report.matrix, strict=True)
    ]
    print_table(console, columns, rows)
    console.print(plain(w["legend"], "dim"))
    console.print()


def render_vendor(console: Console, section: VendorSection, w: dict[str, str]) -> None:
    """One shortlisted vendor: fit and review date, strengths, gaps (worst first), notes."""
    lines = Text()
    review = w["review_date"].format(date=section.review_date) + (f" ({w['stale']})" if section.stale else "")
    lines.append_text(plain(f"{w['fit']} {percent(section.fit)} · {review}\n", "dim"))
    if section.evidence is not None:
        lines.append_text(plain(f"{w['evidence.title']}{w['colon']} {section.evidence.line}\n", "dim"))
    lines.append_text(plain(f"{w['strengths']}:\n", "bold green"))
    for point in section.strengths:
        lines.append_text(plain(f"  + {point.name}{_marks(point, w)}: {point.evidence}\n"))
    if not section.strengths:
        lines.append_text(plain(f"  {w['none']}\n"))
    lines.append_text(plain(f"{w['gap_list']}:\n", "bold"))
    for gap in section.gaps:
        lines.append_text(plain(f"  - [{gap.severity_label}] ", SEVERITY_STYLE[gap.severity or "minor"]))
        detail = w["rated"].format(rating=gap.rating, need=gap.need)
        lines.append_text(plain(f"{gap.name} ({detail}){_marks(gap, w)}: {gap.evidence}\n"))
    if not section.gaps:
        lines.append_text(plain(f"  {w['none']}\n"))
    if section.notes:
        lines.append_text(plain(w["notes"].format(notes="; ".join(section.notes)) + "\n", "dim"))
    config = section.configuration
    if config is not None:
        lines.append_text(plain(w["configuration.line"].format(name=config.name, cost=config.cost) + "\n", "cyan"))
        if config.rates:
            lines.append_text(plain(w["configuration.rates"].format(rates=config.rates) + "\n", "dim"))
        for upgrade in config.upgrades:
            lines.append_text(plain(f"  → {upgrade}\n", "dim"))
    console.print(Panel(lines, title=plain(section.name), title_align="left"))


def _marks(point: Point, w: dict[str, str]) -> str:
    """ " (unverified)", " (vendor-declared, RFP of 1 December 2026)": what a rating rests on, when not sourced."""
    marks = [w["unverified_mark"]] if point.unverified else []
    marks += [point.provenance_label] if point.provenance_label else []
    return "".join(f" ({mark})" for mark in marks)


def render_robustness(console: Console, report: Report, w: dict[str, str]) -> None:
    if report.robustness is not None and report.robustness.verdict:
        _panel(console, report.robustness.verdict, w["robustness"])
    if report.topsis is not None and report.topsis.lines:
        _panel(console, report.topsis.lines, w["topsis"])


def render_recommendation(console: Console, report: Report, w: dict[str, str]) -> None:
    """The advice in full, right after the summary: why each vendor, what it leaves open, what to verify."""
    rec = report.recommendation
    if rec is None:
        return
    lines: list[Text] = [plain(rec.headline, "bold")]
    for pick in rec.picks:
        lines += [plain(""), plain(f"{pick.position}. {pick.name}", "bold")]
        lines.append(plain(pick.why))
        if pick.configuration:
            lines.append(plain(f"{w['recommendation.configuration']}{w['colon']} {pick.configuration}"))
        lines.append(plain(f"{w['recommendation.open_title']}{w['colon']}", "italic"))
        lines += [plain(f"  - {line}") for line in pick.open]
        if pick.verify:
            lines.append(plain(f"{w['recommendation.verify_title']}{w['colon']}", "italic"))
            lines += [plain(f"  - {line}") for line in pick.verify]
    if rec.market:
        lines += [plain(""), plain(f"{w['recommendation.market_title']}{w['colon']}", "bold")]
        lines += [plain(f"  - {line}") for line in rec.market]
    lines += [plain(""), plain(rec.confidence_text), plain(rec.must_haves)]
    lines += [plain(line, "italic") for line in rec.suggested]
    console.print(Panel(Group(*lines), title=plain(rec.title), title_align="left"))


def _panel(console: Console, lines: Iterable[str], title: str) -> None:
    console.print(Panel(Group(*[plain(line) for line in lines]), title=plain(title), title_align="left"))
