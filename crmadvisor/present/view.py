"""One language-resolved view of an assessment: every output (terminal, Markdown, HTML, JSON, PDF) renders it.

Built once by `crmadvisor.present.build.report_from`; nothing here decides again what the build
decided (order of gaps, coverage symbols, rank ranges, staleness). The JSON report is this view
itself: frozen dataclasses that pydantic serialises (`as_json`) and describes (`crmadvisor schema
report`), docstrings included; nothing validates them again, the build makes them right.

Where the next sections go: the recommendation (what a consultant signs) is a field of `Report`
read first by every renderer (`recommendation`, after `summary`); a shortlisted vendor's edition,
add-ons and cost are fields of `VendorSection` (`configuration`, `cost`). Add the field here, fill
it in build.py, show it in terminal.py and both templates; JSON and its schema follow.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Literal, TypeVar, dataclass_transform

from pydantic import ConfigDict, Field, TypeAdapter

REPORT_SCHEMA_VERSION: Literal[2] = 2  # 2: the recommendation; configurations (edition, add-ons, yearly cost)
T = TypeVar("T")


@dataclass_transform(frozen_default=True, kw_only_default=True)
def view(cls: type[T]) -> type[T]:
    """A frozen part of the view, whose JSON Schema says what its docstrings say."""
    config = ConfigDict(extra="forbid", use_attribute_docstrings=True)
    if cls.__doc__:
        config["json_schema_extra"] = {"description": inspect.cleandoc(cls.__doc__)}
    cls.__pydantic_config__ = config  # type: ignore[attr-defined]  # read by pydantic's TypeAdapter
    return dataclass(frozen=True, slots=True, kw_only=True)(cls)


@view
class Orientation:
    id: Literal["b2b", "b2c", "hybrid"]
    label: str
    b2c_percent: int
    """0 = typical B2B, 100 = typical B2C (mean of the answered traits' positions)."""
    declared: str | None
    """The business model the company declared, as worded in the report."""
    consistency_note: str | None
    """Set when the declared model and the answers disagree."""


@view
class TraitRow:
    trait: str
    heading: str
    option: str | None
    """The option id answered; null for "don't know" or no answer."""
    answer: str
    position: float | None
    """0 = typical B2B, 1 = typical B2C; null when unknown."""
    gauge: str


@view
class DriverView:
    trait: str
    heading: str
    answer: str
    toward: Literal["b2b", "b2c"]
    weight: int
    pull: float | None
    """How typical of `toward` the answer is (0..1); above 0.5 raises the need, below lowers it."""


@view
class NeedRow:
    capability: str
    name: str
    level: int
    """Need on the 0-5 scale."""
    must_have: bool
    relevance: float
    why: str
    drivers: tuple[DriverView, ...]


@view
class AreaNeeds:
    area: str
    number: int
    heading: str
    importance: str
    importance_label: str
    ceiling: int
    needs: tuple[NeedRow, ...]


@view
class ConfigurationView:
    """The configuration a vendor is ranked in: its cheapest edition and add-ons that meet every must-have,
    else its best fit; within the budget when there is one (docs/vendor-format.md, "How the advisor uses editions")."""

    edition: str
    add_ons: tuple[str, ...]
    name: str
    """The edition and add-ons by name: "Pro + Insights"."""
    yearly_cost: float | None
    """Yearly list-price licence cost in `currency` for `users` users; null when a part is sold on quote."""
    currency: str
    users: int
    yearly: str
    """The yearly cost as the reports show it ("18,000 EUR"), or that it is on quote."""
    cost: str
    """The cost in words, labelled as a list price for licences only."""
    rates: str
    """The exchange rates the cost was converted at, and their date; empty when nothing was converted."""
    meets_must_haves: bool
    considered: int
    """How many configurations of the vendor were compared."""
    upgrades: tuple[str, ...]
    """What the next edition up, or one more add-on, would close, at what extra yearly cost."""


@view
class RankRow:
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
    configuration: ConfigurationView | None = None
    desk_rank: int | None = None
    """With vendors' RFP answers or demo scores read back: the rank on the catalogue's desk research alone
    (null there too when the vendor was out of the race, or without answers read back)."""


@view
class MatrixCell:
    area: str
    coverage: float | None
    """Share of the area's weighted need covered; null when the area has no need."""
    symbol: str


@view
class MatrixRow:
    vendor: str
    name: str
    cells: tuple[MatrixCell, ...]


@view
class AreaHeading:
    area: str
    number: int
    heading: str
    short: str
    """A word or two: the gap matrix's column head."""


@view
class Point:
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
    source_site: str | None = None
    """The source's site ("developer.salesforce.com"), the link's text in the reports."""
    unverified: bool = False
    """No allowed public source backs the rating (marked "unverified" in the reports)."""
    provenance: Literal["desk_research", "vendor_declared", "demo"] = "desk_research"
    """Where the rating comes from: the catalogue's desk research, the vendor's RFP answers, or a demo."""
    provenance_label: str | None = None
    """The provenance in words, with its date (and who observed a demo); null for desk research."""


@view
class SourceLink:
    url: str
    title: str
    """A short title read from the address (no page is fetched)."""


@view
class SourceSite:
    """The pages of one site a vendor section cites."""

    host: str
    kind: Literal["vendor", "third_party", "disallowed"]
    """The vendor's own site, or a third party's (crmadvisor vendors audit's rule)."""
    kind_label: str
    links: tuple[SourceLink, ...]


@view
class EvidenceView:
    """How much of the evidence for a vendor's ratings that this ranking uses is sourced, and how recent."""

    used: int
    """Ratings of the capabilities the client needs."""
    sourced: int
    """Desk-research ratings with an allowed public source."""
    own: int
    """Of which on the vendor's own pages."""
    third_party: int
    unverified: int
    vendor_declared: int
    """Ratings read back from the vendor's RFP answers."""
    demo: int
    """Ratings observed in a demo."""
    review_date: dt.date
    line: str
    """The evidence line of the vendor's section, after its title ("Evidence: ")."""
    short: str
    """The compact form, for the executive summary."""


@view
class VendorSection:
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
    """Every source the section rests on (the profile's, and those of the ratings used), in full."""
    configuration: ConfigurationView | None = None
    evidence: EvidenceView | None = None
    source_sites: tuple[SourceSite, ...] = ()
    """The same sources grouped by site, the vendor's own first, each with a readable title."""


@view
class VendorRating:
    vendor: str
    rating: int
    evidence: str


@view
class BlockingGap:
    """A must-have that at least one of the top three vendors misses."""

    capability: str
    name: str
    need: int
    vendors: tuple[VendorRating, ...]


@view
class SummaryPick:
    """A vendor the executive summary recommends, in its recommended configuration."""

    position: int
    vendor: str
    name: str
    fit: float
    meets_must_haves: bool
    configuration: str | None
    """The edition and add-ons by name ("Pro + Insights"), for a vendor sold in editions."""
    yearly_cost: float | None
    """Yearly list-price licence cost in `currency`; null when on quote or without a number of users."""
    currency: str | None
    cost: str
    """The cost as the summary words it: a yearly list price, a price per user and month, or on quote."""
    why: str
    """One sentence: what earns the vendor its place."""
    left_open: str
    """One sentence: what it leaves open."""
    evidence: str = ""
    """How much of its evidence is sourced and how recent, in a few words."""


@view
class Summary:
    """The executive summary, one page: what to do, what blocks, what was not checked, how sure, what next."""

    orientation: str = ""
    headline: str = ""
    """The recommendation in one sentence."""
    picks: tuple[SummaryPick, ...] = ()
    findings: tuple[str, ...] = ()
    """Blocking findings: must-haves the market or the shortlisted vendors miss."""
    unchecked: tuple[str, ...] = ()
    """What could not be checked (a budget not comparable, prices on quote, ratings without a source)."""
    confidence: str = ""
    """How sure the ranking is, in words (the draws and the seed are in the methodology)."""
    next_steps: tuple[str, ...] = ()
    """Demo scenarios from the open gaps, and what to confirm or ask for."""
    top: tuple[RankRow, ...]
    """The three first vendors of the ranking (kept for templates that show them)."""
    blocking: tuple[BlockingGap, ...]
    verdict: tuple[str, ...]
    """The robustness verdict, with its numbers (as in the robustness section)."""


@view
class PickView:
    """A shortlisted vendor: why, what it leaves open, what to see in a demo."""

    vendor: str
    name: str
    position: int
    """1 = first of the race."""
    fit: float
    meets_must_haves: bool
    configuration: str | None
    """The edition and add-ons the fit is computed for, when the vendor has editions."""
    why: str
    open: tuple[str, ...]
    verify: tuple[str, ...]


@view
class RecommendationView:
    """The advice a consultant signs, read first: the shortlist, what the market does not cover, how sure it is."""

    title: str
    headline: str
    confidence: Literal["clear", "sensitive", "close", "alone", "none", "unmeasured"]
    confidence_text: str
    picks: tuple[PickView, ...]
    market: tuple[str, ...]
    """Must-haves no vendor in the race meets: plan them elsewhere."""
    must_haves: str
    """Which must-haves the consultant named and which are the default."""
    suggested: tuple[str, ...]
    """Feature areas whose importance the profile suggested, and from which answers."""


@view
class TopsisRow:
    vendor: str
    name: str
    closeness: float
    fit_rank: int
    topsis_rank: int


@view
class TopsisView:
    same_winner: bool
    lines: tuple[str, ...]
    rows: tuple[TopsisRow, ...]


@view
class RobustnessView:
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


@view
class MethodPart:
    """One step of the method, in the methodology appendix: what it does, its formulas, what follows."""

    title: str
    text: str
    formulas: tuple[str, ...] = ()
    notes: str = ""


@view
class AnswerRow:
    section: str
    key: str
    question: str
    answer: str
    value: str | None
    """The id or raw value stored in the answers file."""


@view
class RadarSeries:
    label: str
    values: tuple[float, ...]


@view
class Radar:
    """Per feature area, in catalogue order: the mean need and the top vendors' mean rating (0-5)."""

    areas: tuple[str, ...]
    need: tuple[float, ...]
    vendors: tuple[RadarSeries, ...]


@view
class Chart:
    id: str
    title: str
    alt: str
    file: str | None
    """Path of the SVG next to the report, relative to it; null when inlined or not written."""
    svg: Annotated[str, Field(exclude=True)] = ""


@view
class LoyaltyTable:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    """Cells in column order; a cell may hold several lines."""
    notes: tuple[str, ...] = ()
    """Lines shown after the table (the recommended mix, when the raises apply...)."""


@view
class LoyaltySection:
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


@view
class RatingChange:
    """A rating that a vendor's RFP answer or a demo replaced."""

    capability: str
    name: str
    desk: int | None
    """The catalogue's desk-research rating; null when it did not rate the capability."""
    rating: int
    provenance: Literal["vendor_declared", "demo"]
    provenance_label: str
    line: str


@view
class RankChange:
    vendor: str
    name: str
    rank: int | None
    """The rank in this report; null when out of the race."""
    desk_rank: int | None
    """The rank on the catalogue's desk research alone; null when out of the race there."""
    line: str
    ratings: tuple[RatingChange, ...]


@view
class ChangesView:
    """What the vendors' RFP answers and demo scores changed against the ranking on desk research alone."""

    title: str
    intro: str
    vendors: tuple[RankChange, ...]
    """The vendors whose ratings were read back, in this report's order."""
    others: str
    """The other vendors whose rank moved, in a sentence; empty when none did."""


@view
class Report:
    """Everything a crmadvisor report shows, in one language, ready to render."""

    report_schema_version: Literal[2] = REPORT_SCHEMA_VERSION
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
    recommendation: RecommendationView | None
    """Null when the assessment made none."""
    profile: tuple[TraitRow, ...]
    needs: tuple[AreaNeeds, ...]
    ranking: tuple[RankRow, ...]
    hidden: int = 0
    """Vendors the ranking leaves out (--top N): counted, not shown."""
    matrix_areas: tuple[AreaHeading, ...]
    matrix: tuple[MatrixRow, ...]
    shortlist: tuple[VendorSection, ...]
    robustness: RobustnessView | None
    topsis: TopsisView | None
    radar: Radar
    method_steps: tuple[MethodPart, ...]
    """The methodology appendix: each step with its formulas and this report's draws and seed."""
    answers: tuple[AnswerRow, ...]
    charts: tuple[Chart, ...] = ()
    loyalty: LoyaltySection | None = None
    changes: ChangesView | None = None
    """Set when the ranking uses vendors' RFP answers or demo scores (`rfp import`)."""
    unchecked: str = ""
    """Constraint checks that could not be made, with how many vendors in the race each concerns."""
    loyalty_hint: Annotated[str | None, Field(exclude=True)] = None
    """On the terminal only: how to run the loyalty questionnaire, when it applies and is not answered."""


@cache
def _adapter() -> TypeAdapter[Report]:
    return TypeAdapter(Report)


def as_json(report: Report) -> str:
    """The JSON report: the view itself."""
    return _adapter().dump_json(report, indent=2).decode() + "\n"


def report_of(data: object) -> Report:
    """A view read back from a JSON report's data (a tool may render a JSON report again)."""
    return _adapter().validate_python(data)


def report_schema() -> dict[str, Any]:
    doc = _adapter().json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"crmadvisor report, report_schema_version {REPORT_SCHEMA_VERSION}",
        **doc,
    }


def report_schema_text() -> str:
    return json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n"
