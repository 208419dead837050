"""The written report: a view-model built once from an assessment, and pure renderers (Report -> str).

Markdown and HTML come from Jinja2 templates in `crmadvisor/templates/` (or the consultancy's own,
`--template FILE`), always rendered in Jinja2's sandbox with undefined names as errors. JSON is the
view-model itself; `crmadvisor schema report` prints its JSON Schema. jinja2 is imported only when a
template is rendered.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field

from crmadvisor.errors import UsageError
from crmadvisor.model.assessment import Assessment
from crmadvisor.model.fit import SEVERITIES, Fit, Severity
from crmadvisor.model.needs import Need
from crmadvisor.model.schema import DONT_KNOW, Catalog, Vendor
from crmadvisor.present.loyalty import LoyaltyTable as LoyaltyTableView
from crmadvisor.present.loyalty import loyalty_view
from crmadvisor.present.reasons import reason_text
from crmadvisor.present.template_words import template_words
from crmadvisor.present.terminal import (
    MATRIX_ROWS,
    SHORTLIST,
    Labels,
    gauge,
    need_reason,
    percent,
    topsis_lines,
    unchecked_constraints,
    verdict_lines,
)
from crmadvisor.words import words

if TYPE_CHECKING:
    from markupsafe import Markup

    from crmadvisor.present.jinja import Limits

REPORT_SCHEMA_VERSION: Literal[1] = 1
STALE_AFTER_DAYS = 365
FIT_CHART_ROWS = 12
FORMAT_BY_SUFFIX = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json", ".pdf": "pdf"}
ReportFormat = Literal["md", "html", "json", "pdf"]


class View(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class Orientation(View):
    id: Literal["b2b", "b2c", "hybrid"]
    label: str
    b2c_percent: int
    """0 = typical B2B, 100 = typical B2C (mean of the answered traits' positions)."""
    declared: str | None
    """The business model the company declared, as worded in the report."""
    consistency_note: str | None
    """Set when the declared model and the answers disagree."""


class TraitRow(View):
    trait: str
    heading: str
    option: str | None
    """The option id answered; null for "don't know" or no answer."""
    answer: str
    position: float | None
    """0 = typical B2B, 1 = typical B2C; null when unknown."""
    gauge: str


class DriverView(View):
    trait: str
    heading: str
    answer: str
    toward: Literal["b2b", "b2c"]
    weight: int
    pull: float | None
    """How typical of `toward` the answer is (0..1); above 0.5 raises the need, below lowers it."""


class NeedRow(View):
    capability: str
    name: str
    level: int
    """Need on the 0-5 scale."""
    must_have: bool
    relevance: float
    why: str
    drivers: tuple[DriverView, ...]


class AreaNeeds(View):
    area: str
    number: int
    heading: str
    importance: str
    importance_label: str
    ceiling: int
    needs: tuple[NeedRow, ...]


class RankRow(View):
    rank: int | None
    """1-based rank among the vendors in the race; null when excluded."""
    vendor: str
    name: str
    fit: float
    """Share of the weighted need covered, 0..1."""
    blocking: int
    major: int
    minor: int
    blocked: bool
    lopsided: bool
    first_share: float | None
    """Share of Monte Carlo draws in which the vendor ranks first; null without robustness analysis."""
    rank_low: int | None
    rank_high: int | None
    rank_range: str | None
    exclusions: tuple[str, ...]
    notes: tuple[str, ...]


class MatrixCell(View):
    area: str
    coverage: float | None
    """Share of the area's weighted need covered; null when the area has no need."""
    symbol: str


class MatrixRow(View):
    vendor: str
    name: str
    cells: tuple[MatrixCell, ...]


class AreaHeading(View):
    area: str
    number: int
    heading: str


class Point(View):
    """A capability where a vendor meets or misses the need, with the vendor's evidence."""

    capability: str
    name: str
    area: str
    need: int
    rating: int
    severity: Literal["blocking", "major", "minor"] | None
    """Null for a strength."""
    severity_label: str | None
    evidence: str
    source: str | None


class VendorSection(View):
    vendor: str
    name: str
    rank: int
    publisher: str
    website: str
    summary: str
    fit: float
    review_date: dt.date
    stale: bool
    """Reviewed more than 12 months before the report date."""
    strengths: tuple[Point, ...]
    gaps: tuple[Point, ...]
    notes: tuple[str, ...]
    sources: tuple[str, ...]


class VendorRating(View):
    vendor: str
    rating: int
    evidence: str


class BlockingGap(View):
    """A must-have that at least one of the top three vendors misses."""

    capability: str
    name: str
    need: int
    vendors: tuple[VendorRating, ...]


class Summary(View):
    top: tuple[RankRow, ...]
    blocking: tuple[BlockingGap, ...]
    verdict: tuple[str, ...]


class TopsisRow(View):
    vendor: str
    name: str
    closeness: float
    fit_rank: int
    topsis_rank: int


class TopsisView(View):
    same_winner: bool
    lines: tuple[str, ...]
    rows: tuple[TopsisRow, ...]


class RobustnessView(View):
    draws: int
    seed: int
    clear_winner: bool
    leader: str | None
    runner_up: str | None
    margin: float
    verdict: tuple[str, ...]
    flip_area: str | None
    flip_to: str | None
    flip_winner: str | None


class AnswerRow(View):
    section: str
    key: str
    question: str
    answer: str
    value: str | None
    """The id or raw value stored in the answers file."""


class RadarSeries(View):
    label: str
    values: tuple[float, ...]


class Radar(View):
    """Per feature area, in catalogue order: the mean need and the top vendors' mean rating (0-5)."""

    areas: tuple[str, ...]
    need: tuple[float, ...]
    vendors: tuple[RadarSeries, ...]


class Chart(View):
    id: str
    title: str
    alt: str
    file: str | None
    """Path of the SVG next to the report, relative to it; null when inlined or not written."""
    svg: str = Field(default="", exclude=True)


class LoyaltyTable(View):
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    """Cells in column order; a cell may hold several lines."""
    notes: tuple[str, ...] = ()
    """Lines shown after the table (the recommended mix, when the raises apply...)."""


class LoyaltySection(View):
    """The B2B loyalty-programme assessment (criteria/loyalty.yaml), when the answers file has a loyalty section."""

    heading: str
    summary: str
    """The verdict of the fundamentals gate, in words."""
    verdict: Literal["fix_fundamentals", "design", "incomplete"]
    verdict_title: str
    primary: str | None
    """The primary mechanic's id (relational, contractual, transactional), when one scores."""
    secondary: str | None
    applied: bool
    """Whether the loyalty answers raised the capability needs this report ranks on."""
    context_title: str
    context: tuple[str, ...]
    """The article's survey figures and ranking of expectations, with their source."""
    gate: LoyaltyTable
    tables: tuple[LoyaltyTable, ...]
    """B2B specifics (when answered), mechanics, key success factors, CRM needs raised."""
    unanswered: str | None = None


class Report(View):
    """Everything a crmadvisor report shows, in one language, ready to render."""

    report_schema_version: Literal[1] = REPORT_SCHEMA_VERSION
    tool: Literal["crmadvisor"] = "crmadvisor"
    tool_version: str
    lang: Literal["en", "fr"]
    title: str
    company: str
    consultant: str | None
    date: dt.date
    """The report date: --date, else the answers file's date, else the day it was made."""
    catalogue_date: dt.date | None
    """The latest review date among the vendor profiles used."""
    method: Literal["fit", "topsis"]
    orientation: Orientation
    summary: Summary
    profile: tuple[TraitRow, ...]
    needs: tuple[AreaNeeds, ...]
    ranking: tuple[RankRow, ...]
    matrix_areas: tuple[AreaHeading, ...]
    matrix: tuple[MatrixRow, ...]
    shortlist: tuple[VendorSection, ...]
    robustness: RobustnessView | None
    topsis: TopsisView | None
    radar: Radar
    answers: tuple[AnswerRow, ...]
    charts: tuple[Chart, ...] = ()
    loyalty: LoyaltySection | None = None
    unchecked: str = ""
    """Constraint checks that could not be made, with how many vendors in the race each concerns."""


# ------------------------------------------------------------------ building


def coverage_symbol(value: float | None) -> str:
    """The gap-matrix mark, the same as on the terminal."""
    if value is None:
        return "·"
    if value >= 0.999:
        return "■"
    if value >= 0.75:
        return "▣"
    if value >= 0.5:
        return "▢"
    return "✗"


def _rank_rows(result: Assessment, labels: Labels) -> tuple[RankRow, ...]:
    rows = []
    position = 0
    for f in result.fits:
        odds = result.robustness.odds_of(f.vendor) if result.robustness else None
        rank: int | None = None
        if not f.excluded:
            position += 1
            rank = position
        span = None
        if odds is not None:
            span = str(odds.rank_low) if odds.rank_low == odds.rank_high else f"{odds.rank_low}-{odds.rank_high}"
        rows.append(
            RankRow(
                rank=rank,
                vendor=f.vendor,
                name=labels.vendor(f.vendor),
                fit=round(f.score, 4),
                blocking=f.count("blocking"),
                major=f.count("major"),
                minor=f.count("minor"),
                blocked=f.blocked,
                lopsided=f.lopsided,
                first_share=round(odds.first_share, 4) if odds else None,
                rank_low=odds.rank_low if odds else None,
                rank_high=odds.rank_high if odds else None,
                rank_range=span,
                exclusions=tuple(reason_text(r, labels.lang, labels.capability) for r in f.exclusions),
                notes=tuple(reason_text(r, labels.lang) for r in f.notes),
            )
        )
    return tuple(rows)


def _needs(result: Assessment, labels: Labels) -> tuple[AreaNeeds, ...]:
    areas = []
    for number, area in enumerate(labels.areas.values(), start=1):
        needs = [n for n in result.needs if n.area == area.id]
        first = needs[0] if needs else None
        rows = tuple(
            NeedRow(
                capability=n.capability,
                name=labels.capability(n.capability),
                level=n.level,
                must_have=n.must_have,
                relevance=round(n.relevance, 4),
                why=need_reason(n, labels),
                drivers=tuple(
                    DriverView(
                        trait=d.trait,
                        heading=labels.trait(d.trait),
                        answer=labels.option(d.trait, d.option),
                        toward=d.toward.value,
                        weight=d.weight,
                        pull=None if d.pull is None else round(d.pull, 4),
                    )
                    for d in n.drivers
                ),
            )
            for n in needs
        )
        importance = first.importance if first else DONT_KNOW
        areas.append(
            AreaNeeds(
                area=area.id,
                number=number,
                heading=labels.area(area.id),
                importance=importance,
                importance_label=labels.level(importance),
                ceiling=first.ceiling if first else 0,
                needs=rows,
            )
        )
    return tuple(areas)


def _point(need: Need, vendor: Vendor, labels: Labels, severity: Severity | None) -> Point:
    rating = vendor.ratings.get(need.capability)
    return Point(
        capability=need.capability,
        name=labels.capability(need.capability),
        area=need.area,
        need=need.level,
        rating=rating.rating if rating else 0,
        severity=severity,
        severity_label=labels.w[f"severity.{severity}"] if severity else None,
        evidence=rating.evidence if rating else labels.w["not_given"],
        source=rating.source if rating else None,
    )


def _shortlist(result: Assessment, labels: Labels, date: dt.date) -> tuple[VendorSection, ...]:
    needs = {n.capability: n for n in result.needs}
    sections = []
    for rank, f in enumerate([f for f in result.fits if not f.excluded][:SHORTLIST], start=1):
        vendor = labels.vendors[f.vendor]
        met = sorted(
            (
                n
                for n in result.needs
                if n.level >= 3 and n.capability in vendor.ratings and vendor.ratings[n.capability].at() >= n.level
            ),
            key=lambda n: (-n.level, -vendor.ratings[n.capability].at(), n.capability),
        )[:4]
        gaps = sorted(f.gaps, key=lambda g: (SEVERITIES.index(g.severity), -g.size, g.capability))
        sections.append(
            VendorSection(
                vendor=vendor.id,
                name=vendor.name,
                rank=rank,
                publisher=vendor.publisher,
                website=vendor.website,
                summary=vendor.summary,
                fit=round(f.score, 4),
                review_date=vendor.review_date,
                stale=(date - vendor.review_date).days > STALE_AFTER_DAYS,
                strengths=tuple(_point(n, vendor, labels, None) for n in met),
                gaps=tuple(_point(needs[g.capability], vendor, labels, g.severity) for g in gaps),
                notes=tuple(reason_text(r, labels.lang) for r in f.notes),
                sources=vendor.sources,
            )
        )
    return tuple(sections)


def _blocking(result: Assessment, labels: Labels) -> tuple[BlockingGap, ...]:
    top = [f for f in result.fits if not f.excluded][:SHORTLIST]
    needs = {n.capability: n for n in result.needs}
    order = list(needs)
    missed = sorted({g.capability for f in top for g in f.gaps if g.severity == "blocking"}, key=order.index)
    gaps = []
    for capability in missed:
        vendors = []
        for f in top:
            gap = next((g for g in f.gaps if g.capability == capability and g.severity == "blocking"), None)
            if gap is not None:
                rating = labels.vendors[f.vendor].ratings.get(capability)
                evidence = rating.evidence if rating else labels.w["not_given"]
                vendors.append(VendorRating(vendor=labels.vendor(f.vendor), rating=gap.rating, evidence=evidence))
        gaps.append(
            BlockingGap(
                capability=capability,
                name=labels.capability(capability),
                need=needs[capability].level,
                vendors=tuple(vendors),
            )
        )
    return tuple(gaps)


def _matrix(fits: Sequence[Fit], labels: Labels) -> tuple[MatrixRow, ...]:
    rows = []
    for f in [f for f in fits if not f.excluded][:MATRIX_ROWS]:
        coverage = dict(f.area_coverage)
        cells = tuple(
            MatrixCell(
                area=a,
                coverage=None if coverage.get(a) is None else round(coverage[a], 4),
                symbol=coverage_symbol(coverage.get(a)),
            )
            for a in labels.areas
        )
        rows.append(MatrixRow(vendor=f.vendor, name=labels.vendor(f.vendor), cells=cells))
    return tuple(rows)


def _radar(result: Assessment, labels: Labels) -> Radar:
    areas = list(labels.areas.values())

    def mean(values: Sequence[float]) -> float:
        return round(sum(values) / len(values), 3) if values else 0.0

    need = tuple(mean([n.level for n in result.needs if n.area == a.id]) for a in areas)
    series = []
    for f in [f for f in result.fits if not f.excluded][:SHORTLIST]:
        vendor = labels.vendors[f.vendor]
        values = tuple(
            mean([vendor.ratings[c.id].at() if c.id in vendor.ratings else 0 for c in a.capabilities]) for a in areas
        )
        series.append(RadarSeries(label=vendor.name, values=values))
    return Radar(areas=tuple(labels.area(a.id) for a in areas), need=need, vendors=tuple(series))


def _robustness(result: Assessment, labels: Labels) -> RobustnessView | None:
    robust = result.robustness
    if robust is None:
        return None
    flip = robust.flip
    return RobustnessView(
        draws=robust.draws,
        seed=robust.seed,
        clear_winner=robust.clear_winner,
        leader=labels.vendor(robust.leader) if robust.leader else None,
        runner_up=labels.vendor(robust.runner_up) if robust.runner_up else None,
        margin=round(robust.margin, 4),
        verdict=tuple(verdict_lines(result, labels)),
        flip_area=labels.area(flip.area) if flip else None,
        flip_to=labels.level(flip.to_level) if flip else None,
        flip_winner=labels.vendor(flip.winner) if flip else None,
    )


def _topsis(result: Assessment, labels: Labels) -> TopsisView | None:
    cross = result.topsis
    if cross is None:
        return None
    fit_rank = {f.vendor: i for i, f in enumerate([f for f in result.fits if not f.excluded], start=1)}
    rows = tuple(
        TopsisRow(
            vendor=v,
            name=labels.vendor(v),
            closeness=round(c, 4),
            fit_rank=fit_rank[v],
            topsis_rank=i,
        )
        for i, (v, c) in enumerate(cross.closeness, start=1)
    )
    return TopsisView(same_winner=cross.same_winner, lines=tuple(topsis_lines(result, labels)), rows=rows)


def _answers(result: Assessment, catalog: Catalog, labels: Labels) -> tuple[AnswerRow, ...]:
    w = labels.w
    given = result.answers
    lang = labels.lang
    rows = [
        AnswerRow(
            section=w["section.company"],
            key="company",
            question=w["company"],
            answer=given.company or "?",
            value=given.company,
        ),
        AnswerRow(
            section=w["section.company"],
            key="consultant",
            question=w["consultant"],
            answer=given.consultant or w["not_given"],
            value=given.consultant,
        ),
    ]
    declared = catalog.traits.declared_model
    chosen = given.declared_model
    option = labels.declared.get(chosen or "")
    rows.append(
        AnswerRow(
            section=w["section.company"],
            key="declared_model",
            question=declared.question(lang),
            answer=option.label(lang) if option else (w["dont_know"] if chosen == DONT_KNOW else w["not_answered"]),
            value=chosen,
        )
    )
    for trait in catalog.traits.traits:
        value = given.traits.get(trait.id)
        rows.append(
            AnswerRow(
                section=w["section.traits"],
                key=trait.id,
                question=trait.question(lang),
                answer=labels.option(trait.id, value),
                value=value,
            )
        )
    for area in catalog.feature_areas.areas:
        value = given.importance.get(area.id)
        answer = labels.level(value) if value else w["not_answered"]
        rows.append(
            AnswerRow(
                section=w["section.importance"], key=area.id, question=area.question(lang), answer=answer, value=value
            )
        )
    rows += _constraint_rows(result, labels)
    return tuple(rows)


def _constraint_rows(result: Assessment, labels: Labels) -> list[AnswerRow]:
    w = labels.w
    c = result.answers.constraints
    section = w["section.constraints"]
    none = w["no_constraint"]

    def row(key: str, value: str | None) -> AnswerRow:
        return AnswerRow(section=section, key=key, question=w[f"constraint.{key}"], answer=value or none, value=value)

    if c is None:
        return [row(k, None) for k in ("languages", "hosting_regions", "company_size", "budget")]
    budget = f"{c.budget_per_user_month:g} {c.budget_currency}" if c.budget_per_user_month is not None else None
    return [
        row("languages", ", ".join(c.languages) if c.languages else None),
        row("hosting_regions", ", ".join(c.hosting_regions) if c.hosting_regions else None),
        row("company_size", c.company_size.value if c.company_size else None),
        row("budget", budget),
    ]


def report_from(
    result: Assessment, catalog: Catalog, *, lang: str, date: dt.date, version: str, method: str = "fit"
) -> Report:
    """The whole report in one language, every figure taken from the assessment."""
    labels = Labels(catalog, lang)
    w = labels.w
    profile = result.profile
    declared = labels.declared[profile.declared].label(lang) if profile.declared is not None else None
    note = None
    if declared is not None and not profile.consistent:
        traits = ", ".join(labels.trait(t) for t in profile.disagreeing_traits)
        note = w["inconsistent"].format(declared=declared, percent=profile.b2c_percent, traits=traits)
    ranking = _rank_rows(result, labels)
    robustness = _robustness(result, labels)
    company = result.answers.company or "?"
    return Report(
        tool_version=version,
        lang="fr" if lang == "fr" else "en",
        title=f"{w['report_title']}{w['colon']} {company}",
        company=company,
        consultant=result.answers.consultant,
        date=date,
        catalogue_date=max((v.review_date for v in catalog.vendors), default=None),
        method="topsis" if method == "topsis" else "fit",
        orientation=Orientation(
            id=profile.orientation,
            label=labels.orientation(profile.orientation),
            b2c_percent=profile.b2c_percent,
            declared=declared,
            consistency_note=note,
        ),
        summary=Summary(
            top=tuple(r for r in ranking if r.rank is not None)[:SHORTLIST],
            blocking=_blocking(result, labels),
            verdict=robustness.verdict if robustness else (),
        ),
        profile=tuple(
            TraitRow(
                trait=t.trait,
                heading=labels.trait(t.trait),
                option=t.option,
                answer=labels.option(t.trait, result.answers.traits.get(t.trait)),
                position=None if t.position is None else round(t.position, 4),
                gauge=gauge(t.position),
            )
            for t in profile.traits
        ),
        needs=_needs(result, labels),
        ranking=ranking,
        unchecked=unchecked_constraints(result.fits, lang),
        matrix_areas=tuple(
            AreaHeading(area=a, number=i, heading=labels.area(a)) for i, a in enumerate(labels.areas, start=1)
        ),
        matrix=_matrix(result.fits, labels),
        shortlist=_shortlist(result, labels, date),
        robustness=robustness,
        topsis=_topsis(result, labels),
        radar=_radar(result, labels),
        answers=_answers(result, catalog, labels),
        loyalty=_loyalty(result, catalog, lang),
    )


def _loyalty(result: Assessment, catalog: Catalog, lang: str) -> LoyaltySection | None:
    if result.loyalty is None:
        return None
    applied = any(need.raises for need in result.needs)
    view = loyalty_view(result.loyalty, catalog, lang, result.answers.company, applied=applied)

    def table(t: LoyaltyTableView) -> LoyaltyTable:
        return LoyaltyTable(title=t.title, columns=t.columns, rows=t.rows, notes=t.notes)

    primary, secondary = result.loyalty.primary, result.loyalty.secondary
    return LoyaltySection(
        heading=view.heading,
        summary=view.verdict,
        verdict=view.verdict_kind,
        verdict_title=words(lang)["loyalty.verdict"],
        primary=primary.mechanic if primary else None,
        secondary=secondary.mechanic if secondary else None,
        applied=applied,
        context_title=view.context_title,
        context=view.context,
        gate=table(view.gate),
        tables=tuple(table(t) for t in view.tables),
        unanswered=view.unanswered,
    )


# ------------------------------------------------------------------ escaping

_MD_PUNCTUATION = re.compile(r"([\\`*_\[\]{}#+!|~$^@])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def md_text(value: object) -> str:
    """Text safe anywhere inline in Markdown, table cells included: one line, no markup, no HTML."""
    text = " ".join(str(value).split())
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


# ------------------------------------------------------------------ rendering


def shipped_template(name: str) -> str:
    return (resources.files("crmadvisor") / "templates" / name).read_text(encoding="utf-8")


def render_template(
    report: Report, source: str, *, html: bool, name: str = "<template>", limits: Limits | None = None
) -> str:
    """Render a template in the sandbox (bounded by `limits`: a consultancy's own); its mistakes located in it."""
    from crmadvisor.present.jinja import render

    filters: dict[str, Callable[..., object]] = {"md": md_text, "md_url": md_url, "pct": pct, "inline_svg": inline_svg}
    context = {"report": report, "w": template_words(report.lang)}
    return render(source, context, autoescape=html, name=name, filters=filters, limits=limits)


def render_markdown(report: Report) -> str:
    return render_template(report, shipped_template("report.md.j2"), html=False, name="report.md.j2")


def render_html(report: Report) -> str:
    return render_template(report, shipped_template("report.html.j2"), html=True, name="report.html.j2")


def render_json(report: Report) -> str:
    return report.model_dump_json(indent=2) + "\n"


REPORT_FORMATS: dict[str, Callable[[Report], str]] = {
    "md": render_markdown,
    "html": render_html,
    "json": render_json,
}


def report_schema() -> dict[str, Any]:
    doc = Report.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"crmadvisor report, report_schema_version {REPORT_SCHEMA_VERSION}",
        **doc,
    }


def report_schema_text() -> str:
    return json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n"


def report_format(output: Path | None, given: str | None) -> ReportFormat:
    """The format asked for, else the one the output file's extension names."""
    named = FORMAT_BY_SUFFIX.get(output.suffix.lower()) if output is not None else None
    if given is not None:
        if named is not None and named != given:  # e.g. JSON written into report.md: surely a slip
            raise UsageError(f"--format {given} does not match the extension of {output}: use a .{given} file name")
        return given  # type: ignore[return-value]  # the CLI's choices are the four formats
    if output is None:
        raise UsageError("--format is needed when the report goes to standard output")
    found = FORMAT_BY_SUFFIX.get(output.suffix.lower())
    if found is None:
        raise UsageError(
            f"{output}: cannot tell the report format from the extension `{output.suffix}`: "
            "use .md, .html, .json or .pdf, or pass --format md|html|json|pdf"
        )
    return found  # type: ignore[return-value]
