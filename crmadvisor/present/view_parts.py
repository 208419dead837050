"""The parts of the report view that stand on their own: a vendor's configuration and section (points,
evidence, sources by site), the loyalty section, and what the vendors' RFP answers changed; and the
`view` decorator every part of the view is made with (`crmadvisor.present.view` assembles them)."""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal, TypeVar, dataclass_transform

from pydantic import ConfigDict

T = TypeVar("T")


_CONFIGS: list[ConfigDict] = []  # every view class's pydantic configuration


@dataclass_transform(frozen_default=True, kw_only_default=True)
def view(cls: type[T]) -> type[T]:
    """A frozen part of the view, whose JSON Schema says what its docstrings say."""
    config = ConfigDict(extra="forbid", use_attribute_docstrings=False)  # on only for the schema: described()
    if cls.__doc__:
        config["json_schema_extra"] = {"description": inspect.cleandoc(cls.__doc__)}
    cls.__pydantic_config__ = config  # type: ignore[attr-defined]  # read by pydantic's TypeAdapter
    _CONFIGS.append(config)
    # eq=False: nothing compares two views; it halves what building these ~40 classes costs at start-up
    return dataclass(frozen=True, slots=True, kw_only=True, eq=False)(cls)


@contextmanager
def described() -> Iterator[None]:
    """While pydantic reads the views for their JSON Schema: each field described by its docstring.

    Reading them is three quarters of what building a view's adapter costs (the source of each class
    is found and parsed), and only the schema says them: writing or reading a JSON report does without.
    """
    for config in _CONFIGS:
        config["use_attribute_docstrings"] = True
    try:
        yield
    finally:
        for config in _CONFIGS:
            config["use_attribute_docstrings"] = False


@view
class ConfigurationView:
    """The configuration a vendor is ranked in: among those within the budget that meet every must-have,
    the one covering the important needs best once its cost is weighed (docs/vendor-format.md, "How the
    advisor uses editions")."""

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
