"""Builds the one view of an assessment (`Report`), in one language, from the model's results.

Every ordering, symbol, range and flag the outputs show is decided here, once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from crmadvisor.model.assessment import Assessment
from crmadvisor.model.audit import host_of, vendor_domains
from crmadvisor.model.fit import SEVERITIES, Fit, Severity
from crmadvisor.model.needs import Need
from crmadvisor.model.review import stale
from crmadvisor.model.schema import DONT_KNOW, Catalog, Vendor
from crmadvisor.present.advice import recommendation_view
from crmadvisor.present.appendix import answer_rows
from crmadvisor.present.changes import changes_view, rank_words
from crmadvisor.present.confidence import robustness_view, topsis_view
from crmadvisor.present.configurations import configuration_views, rates_source
from crmadvisor.present.evidence import evidence_view, provenance_label, unverified
from crmadvisor.present.labels import Labels, gauge, need_reason, unchecked_constraints
from crmadvisor.present.loyalty import loyalty_hint, loyalty_section
from crmadvisor.present.method import method_parts
from crmadvisor.present.reasons import reason_text
from crmadvisor.present.sources import source_sites
from crmadvisor.present.summary import summary_view
from crmadvisor.present.typography import after_colon
from crmadvisor.present.view import (
    AreaHeading,
    AreaNeeds,
    BlockingGap,
    ConfigurationView,
    DriverView,
    MatrixCell,
    MatrixRow,
    NeedRow,
    Orientation,
    Point,
    Radar,
    RadarSeries,
    RankRow,
    Report,
    TraitRow,
    VendorRating,
    VendorSection,
)
from crmadvisor.words import words

SHORTLIST = 3
MATRIX_ROWS = 10


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


def rank_range(low: int, high: int) -> str:
    """The 5-95 % range of ranks in the Monte Carlo draws: "2-4", or "1" when it is one rank."""
    return str(low) if low == high else f"{low}-{high}"


def _rank_rows(result: Assessment, labels: Labels, configs: Mapping[str, ConfigurationView]) -> tuple[RankRow, ...]:
    rows = []
    position = 0
    desk = dict(result.desk_ranks)
    for f in result.fits:
        odds = result.robustness.odds_of(f.vendor) if result.robustness else None
        rank: int | None = None
        if not f.excluded:
            position += 1
            rank = position
        span = rank_range(odds.rank_low, odds.rank_high) if odds is not None else None
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
                configuration=configs.get(f.vendor),
                desk_rank=desk.get(f.vendor),
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
                importance_label=after_colon(labels.level(importance), labels.lang),
                ceiling=first.ceiling if first else 0,
                needs=rows,
            )
        )
    return tuple(areas)


def _point(need: Need, vendor: Vendor, labels: Labels, severity: Severity | None) -> Point:
    rating = vendor.ratings.get(need.capability)
    why = rating.provenance if rating else None
    return Point(
        capability=need.capability,
        name=labels.capability(need.capability),
        area=need.area,
        need=need.level,
        rating=rating.at() if rating else 0,
        severity=severity,
        severity_label=labels.w[f"severity.{severity}"] if severity else None,
        evidence=rating.evidence if rating else labels.w["not_given"],
        source=rating.source if rating else None,
        source_site=host_of(rating.source) if rating and rating.source else None,
        unverified=unverified(rating, vendor),
        provenance=why.kind if why else "desk_research",
        provenance_label=provenance_label(why, words(labels.lang)),
    )


def _shortlist(
    result: Assessment, labels: Labels, date: dt.date, configs: Mapping[str, ConfigurationView]
) -> tuple[VendorSection, ...]:
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
        used = [n.capability for n in result.needs if n.level > 0]
        cited = list(dict.fromkeys([*vendor.sources, *(s for c in used if (s := _source(vendor, c)))]))
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
                stale=stale(vendor.review_date, date),
                strengths=tuple(_point(n, vendor, labels, None) for n in met),
                gaps=tuple(_point(needs[g.capability], vendor, labels, g.severity) for g in gaps),
                notes=tuple(reason_text(r, labels.lang) for r in f.notes),
                sources=tuple(cited),
                configuration=configs.get(f.vendor),
                evidence=evidence_view(vendor, used, words(labels.lang)),
                source_sites=source_sites(cited, vendor_domains(vendor), words(labels.lang)),
            )
        )
    return tuple(sections)


def _source(vendor: Vendor, capability: str) -> str | None:
    rating = vendor.ratings.get(capability)
    return rating.source if rating else None


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


def _first(ranking: tuple[RankRow, ...], top: int) -> tuple[RankRow, ...]:
    """The first `top` vendors of the race (--top): the others, excluded ones included, are counted, not shown."""
    return tuple(r for r in ranking if r.rank is not None and r.rank <= top)


def _matrix(fits: Sequence[Fit], labels: Labels, rows_shown: int) -> tuple[MatrixRow, ...]:
    rows = []
    for f in [f for f in fits if not f.excluded][:rows_shown]:
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


def report_from(
    result: Assessment,
    catalog: Catalog,
    *,
    lang: str,
    date: dt.date,
    version: str,
    method: str = "fit",
    answers_file: Path | None = None,
    top: int | None = None,
) -> Report:
    """The whole view in one language, every figure taken from the assessment.

    `date` is the report's (staleness is judged on it); `answers_file`, where the answers are, for the
    terminal's hint at the loyalty questionnaire; `top`, how many vendors of the race the ranking and the
    gap matrix show (all, and the matrix's first MATRIX_ROWS, by default).
    """
    if result.configurations:  # each vendor as its recommended configuration: its ratings and evidence
        catalog = catalog.model_copy(update={"vendors": tuple(r.configured for r in result.configurations)})
    labels = Labels(catalog, lang)
    w = labels.w
    source = rates_source(catalog.rates.source, lang) if catalog.rates is not None else ""
    users_given = result.answers.constraints is not None and result.answers.constraints.users is not None
    configs = configuration_views(result.configurations, labels, source, users_given=users_given)
    profile = result.profile
    declared = labels.declared[profile.declared].label(lang) if profile.declared is not None else None
    declared = after_colon(declared, lang) if declared is not None else None  # "Modèle déclaré : les deux"
    note = None
    if declared is not None and not profile.consistent:
        traits = ", ".join(labels.trait(t) for t in profile.disagreeing_traits)
        note = w["inconsistent"].format(declared=declared, percent=profile.b2c_percent, traits=traits)
    ranking = _rank_rows(result, labels, configs)
    robustness = robustness_view(result, labels)
    company = result.answers.company or "?"
    recommendation = recommendation_view(result, labels)
    blocking = _blocking(result, labels)
    summary = summary_view(
        result,
        labels,
        ranking=ranking,
        blocking=blocking,
        verdict=robustness.verdict if robustness else (),
        configs=configs,
        market=recommendation.market if recommendation else (),
        headline=recommendation.headline if recommendation else "",
        users_given=users_given,
        top=SHORTLIST,
    )
    used = [n.capability for n in result.needs if n.level > 0]
    said = words(lang)
    desk = dict(result.desk_ranks)

    def evidence(vendor: str) -> str:
        short = evidence_view(labels.vendors[vendor], used, said).short
        if vendor in desk:  # the ranking uses vendors' answers: where this one stood without them
            desk_rank = said("report.evidence.desk_rank", desk=rank_words(desk[vendor], said))
            short += said["common.sep"] + desk_rank
        return short

    picks = tuple(replace(p, evidence=evidence(p.vendor)) if p.vendor in labels.vendors else p for p in summary.picks)
    summary = replace(summary, picks=picks)
    shown = ranking if top is None else _first(ranking, top)
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
            label=after_colon(labels.orientation(profile.orientation), lang),
            b2c_percent=profile.b2c_percent,
            declared=declared,
            consistency_note=note,
        ),
        summary=summary,
        recommendation=recommendation,
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
        ranking=shown,
        hidden=len(ranking) - len(shown),
        unchecked=unchecked_constraints(result.fits, lang),
        matrix_areas=tuple(
            AreaHeading(area=a, number=i, heading=labels.area(a), short=labels.short_area(a))
            for i, a in enumerate(labels.areas, start=1)
        ),
        matrix=_matrix(result.fits, labels, MATRIX_ROWS if top is None else top),
        shortlist=_shortlist(result, labels, date, configs),
        robustness=robustness,
        topsis=topsis_view(result, labels),
        radar=_radar(result, labels),
        method_steps=method_parts(labels, robustness),
        answers=answer_rows(result, catalog, labels),
        loyalty=loyalty_section(result, catalog, lang),
        changes=changes_view(result, labels),
        loyalty_hint=loyalty_hint(result, catalog, lang, answers_file),
    )
