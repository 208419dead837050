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
import json
from functools import cache
from typing import Annotated, Any, Literal, TypeVar

from pydantic import Field, TypeAdapter

from crmadvisor.present.view_parts import (
    BlockingGap,
    ChangesView,
    ConfigurationView,
    EvidenceView,
    LoyaltySection,
    LoyaltyTable,
    Point,
    RankChange,
    RatingChange,
    SourceLink,
    SourceSite,
    VendorRating,
    VendorSection,
    described,
    view,
)

__all__ = [
    "BlockingGap",
    "ChangesView",
    "ConfigurationView",
    "EvidenceView",
    "LoyaltySection",
    "LoyaltyTable",
    "Point",
    "RankChange",
    "RatingChange",
    "SourceLink",
    "SourceSite",
    "VendorRating",
    "VendorSection",
    "view",
]

REPORT_SCHEMA_VERSION: Literal[2] = 2  # 2: the recommendation; configurations (edition, add-ons, yearly cost)
T = TypeVar("T")


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
    """Writes and reads JSON reports (without the fields' descriptions: the schema's alone)."""
    return TypeAdapter(Report)


@cache
def _described() -> TypeAdapter[Report]:
    """The adapter the JSON Schema comes from: each field described by its docstring."""
    with described():
        return TypeAdapter(Report)


def as_json(report: Report) -> str:
    """The JSON report: the view itself."""
    return _adapter().dump_json(report, indent=2).decode() + "\n"


def report_of(data: object) -> Report:
    """A view read back from a JSON report's data (a tool may render a JSON report again)."""
    return _adapter().validate_python(data)


def report_schema() -> dict[str, Any]:
    doc = _described().json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"crmadvisor report, report_schema_version {REPORT_SCHEMA_VERSION}",
        **doc,
    }


def report_schema_text() -> str:
    return json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n"
