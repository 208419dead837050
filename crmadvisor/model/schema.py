"""Frozen input models: the criteria catalogue, vendor profiles and answers files.

Every model forbids unknown keys and hides input values from error messages: pydantic's
error text would otherwise expand YAML aliases (see docs/methodology.md, "Safe loading").
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
VendorId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+$", max_length=2000)]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
_LABEL = r"[a-z0-9]([a-z0-9-]*[a-z0-9])?"
DomainName = Annotated[str, StringConstraints(pattern=rf"^{_LABEL}(\.{_LABEL})+$", max_length=253)]
Position = Annotated[float, Field(ge=0.0, le=1.0)]
Rating = Annotated[int, Field(ge=0, le=5, strict=True)]

DONT_KNOW = "dont_know"


class Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)


class Text(Strict):
    """A label or help text in both languages the tool speaks."""

    en: NonEmpty
    fr: NonEmpty

    def __call__(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


class Orientation(StrEnum):
    b2b = "b2b"
    b2c = "b2c"
    both = "both"


class CompanySize(StrEnum):
    """EU size classes by headcount."""

    micro = "micro"  # 1-9
    small = "small"  # 10-49
    medium = "medium"  # 50-249
    large = "large"  # 250 and more


class HostingRegion(StrEnum):
    fr = "fr"
    de = "de"
    eu = "eu"
    uk = "uk"
    ch = "ch"
    us = "us"
    ca = "ca"
    au = "au"
    apac = "apac"


class SourceRef(Strict):
    """Where a criterion comes from in the source articles, or that it is the tool's own."""

    document: NonEmpty
    section: NonEmpty
    passage: NonEmpty | None = None


# ---------------------------------------------------------------- criteria


class TraitOption(Strict):
    id: Identifier
    label: Text
    position: Position  # 0 = typical B2B, 1 = typical B2C


class Trait(Strict):
    id: Identifier
    heading: Text
    short: Text | None = None  # a few words for the needs' reasons ("sales cycle"); else the heading
    question: Text
    help: Text
    options: tuple[TraitOption, ...] = Field(min_length=3, max_length=5)
    dont_know: bool = True
    source: SourceRef


class DeclaredModelQuestion(Strict):
    question: Text
    help: Text
    options: tuple[TraitOption, ...] = Field(min_length=2, max_length=4)
    source: SourceRef


class TraitsFile(Strict):
    kind: Literal["traits"]
    version: Literal[1] = 1
    declared_model: DeclaredModelQuestion
    traits: tuple[Trait, ...] = Field(min_length=1)


class Toward(StrEnum):
    b2b = "b2b"
    b2c = "b2c"


class Driver(Strict):
    trait: Identifier
    toward: Toward  # the need rises as the trait's answer is typical of this side
    weight: Annotated[int, Field(ge=1, le=3)] = 1
    source: SourceRef


class Capability(Strict):
    id: Identifier
    name: Text
    description: Text
    form: Orientation  # the side of the market the article ties this form to
    drivers: tuple[Driver, ...] = Field(min_length=1)


class ImportanceLevel(Strict):
    id: Identifier
    label: Text
    ceiling: Annotated[int, Field(ge=0, le=5)]
    must_have: bool = False


class FeatureArea(Strict):
    id: Identifier
    heading: Text
    short: Text | None = None  # a word or two, for the gap matrix's columns ("Loyalty"); else the heading
    question: Text
    help: Text
    capabilities: tuple[Capability, ...] = Field(min_length=2, max_length=3)
    source: SourceRef


class FeatureAreasFile(Strict):
    kind: Literal["feature_areas"]
    version: Literal[1] = 1
    importance_levels: tuple[ImportanceLevel, ...] = Field(min_length=2)
    areas: tuple[FeatureArea, ...] = Field(min_length=1)


class RubricLevel(Strict):
    level: Rating
    label: Text
    meaning: Text


class RubricFile(Strict):
    kind: Literal["rubric"]
    version: Literal[1] = 1
    levels: tuple[RubricLevel, ...] = Field(min_length=6, max_length=6)

    @model_validator(mode="after")
    def _levels_are_0_to_5(self) -> RubricFile:
        if [lvl.level for lvl in self.levels] != list(range(6)):
            raise ValueError("levels must be 0, 1, 2, 3, 4, 5 in that order")
        return self


class RfpCapability(Strict):
    """How one capability is asked of a vendor (`requirement`) and shown in a demo (`scenario`, `look_for`)."""

    requirement: Text
    scenario: Text
    look_for: Text
    source: SourceRef


class RfpFile(Strict):
    kind: Literal["rfp"]
    version: Literal[1] = 1
    capabilities: dict[Identifier, RfpCapability] = Field(min_length=1)


# ----------------------------------------------------------------- loyalty


class LoyaltyPart(StrEnum):
    fundamentals = "fundamentals"
    specifics = "specifics"
    design = "design"
    success = "success"


class LoyaltyOption(Strict):
    """One answer, and what it implies: a failed fundamental, mechanic points, an open success factor,
    raised capability needs. `action` says what to do about a block or a gap; `reason` says why it
    scores or raises."""

    id: Identifier
    label: Text
    blocks: Identifier | None = None  # a fundamental this answer fails
    gap: Identifier | None = None  # a success factor this answer leaves open
    action: Text | None = None
    mechanics: dict[Identifier, Annotated[int, Field(ge=1, le=3)]] = {}
    raises: dict[Identifier, Annotated[int, Field(ge=1, le=2)]] = {}
    reason: Text | None = None

    @model_validator(mode="after")
    def _explained(self) -> LoyaltyOption:
        if (self.blocks or self.gap) and self.action is None:
            raise ValueError("an option that blocks a fundamental or leaves a gap needs an `action`")
        if (self.mechanics or self.raises) and self.reason is None:
            raise ValueError("an option that scores a mechanic or raises a need needs a `reason`")
        return self


class LoyaltyQuestion(Strict):
    id: Identifier
    part: LoyaltyPart
    fundamental: Identifier | None = None  # the fundamental a `fundamentals` question checks
    question: Text
    help: Text
    options: tuple[LoyaltyOption, ...] = Field(min_length=2, max_length=6)
    source: SourceRef


class LoyaltyAppliesWhen(Strict):
    """When the loyalty answers raise capability needs in `assess`."""

    area: Identifier
    importance: tuple[Identifier, ...] = Field(min_length=1)
    orientations: tuple[Literal["b2b", "b2c", "hybrid"], ...] = Field(min_length=1)


class SurveyFigure(Strict):
    value: NonEmpty
    text: Text
    source: SourceRef


class SurveyExpectations(Strict):
    text: Text
    ranked: tuple[Text, ...] = Field(min_length=1)
    source: SourceRef


class Survey(Strict):
    heading: Text
    figures: tuple[SurveyFigure, ...]
    expectations: SurveyExpectations


class LoyaltyVerdicts(Strict):
    fix_fundamentals: Text  # with a {fundamentals} placeholder
    design: Text
    incomplete: Text
    source: SourceRef


class Fundamental(Strict):
    id: Identifier
    name: Text
    question: Text
    source: SourceRef


class Mechanic(Strict):
    id: Identifier
    name: Text
    description: Text
    source: SourceRef


class SuccessFactor(Strict):
    id: Identifier
    name: Text
    source: SourceRef


class MixNote(Text):
    source: SourceRef


class LoyaltyFile(Strict):
    kind: Literal["loyalty"]
    version: Literal[1] = 1
    applies_when: LoyaltyAppliesWhen
    survey: Survey
    verdicts: LoyaltyVerdicts
    fundamentals: tuple[Fundamental, ...] = Field(min_length=1)
    mechanics: tuple[Mechanic, ...] = Field(min_length=2)  # in tie-break order
    mix: MixNote
    success_factors: tuple[SuccessFactor, ...] = Field(min_length=1)
    questions: tuple[LoyaltyQuestion, ...] = Field(min_length=1)


# ----------------------------------------------------------------- vendors


class Provenance(Strict):
    """Where a rating other than the catalogue's desk research comes from: the vendor's answer to an RFP,
    or what the consultant observed in a demo (docs/vendor-format.md, "Provenance")."""

    kind: Literal["vendor_declared", "demo"]
    date: dt.date
    by: NonEmpty | None = None  # who observed the demo
    workbook: NonEmpty  # the returned workbook's file name
    desk_rating: Rating | None = None  # the catalogue's rating it replaces (None: not rated)


class CapabilityRating(Strict):
    """A judgement of one capability: one rating for every edition, or one per edition."""

    rating: Rating | None = None
    by_edition: dict[Identifier, Rating] | None = None  # format 2: edition id -> rating
    evidence: NonEmpty
    source: Url | None = None
    unverified: bool = False  # no source found: said in the data, not in a phrase of the evidence
    provenance: Provenance | None = None  # None: the catalogue's desk research

    @model_validator(mode="after")
    def _one_rating(self) -> CapabilityRating:
        if (self.rating is None) == (self.by_edition is None):
            raise ValueError("give either `rating` (every edition) or `by_edition` (one per edition), not both")
        if self.by_edition is not None and not self.by_edition:
            raise ValueError("`by_edition` needs a rating for each edition")
        return self

    def at(self, edition: str | None = None) -> int:
        """The rating in one edition; without an edition (or one not rated), the lowest: never a
        credit for an edition the client may not buy."""
        if self.rating is not None:
            return self.rating
        assert self.by_edition
        found = self.by_edition.get(edition) if edition is not None else None
        return found if found is not None else min(self.by_edition.values())


class Price(Strict):
    """Format 1's `price_from`: the lowest published price, whatever the edition."""

    amount: Annotated[float, Field(ge=0)]
    currency: Literal["EUR", "USD", "GBP"]
    per: Literal["user_month", "month", "contacts_month"] = "user_month"
    plan: NonEmpty | None = None
    source: Url | None = None


CurrencyCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
Money = Annotated[float, Field(ge=0, allow_inf_nan=False)]


class ListPrice(Strict):
    """A list price: per user per month, or per organisation per month, in one currency."""

    amount: Money
    currency: CurrencyCode  # ISO 4217; must be in the rates table (docs/vendor-format.md)
    per: Literal["user_month", "org_month"] = "user_month"
    billing: Literal["annual", "monthly"] = "annual"  # how the list price is billed


class Edition(Strict):
    """One edition (plan, tier) of a product, cheapest first in the file."""

    id: Identifier
    name: NonEmpty
    price: ListPrice | None = None  # absent: sold on quote only (say so in `price_note`)
    min_users: Annotated[int, Field(ge=1, le=100_000)] | None = None
    max_users: Annotated[int, Field(ge=1, le=1_000_000)] | None = None  # the most users it is sold for
    price_note: NonEmpty | None = None  # required when the price is absent or 0
    source: Url | None = None
    as_of: dt.date | None = None  # when the price was read
    unverified: bool = False

    @model_validator(mode="after")
    def _seats_in_order(self) -> Edition:
        if self.max_users is not None and self.min_users is not None and self.max_users < self.min_users:
            raise ValueError(f"max_users ({self.max_users}) is below min_users ({self.min_users})")
        return self


class AddOn(Strict):
    """A separately licensed product or option that raises some capabilities' ratings."""

    id: Identifier
    name: NonEmpty
    price: ListPrice | None = None
    min_users: Annotated[int, Field(ge=1, le=100_000)] | None = None
    price_note: NonEmpty | None = None
    requires: tuple[Identifier, ...] = ()  # editions it can be added to; empty: every edition
    raises: dict[Identifier, Rating] = {}  # capability -> its rating with the add-on
    evidence: NonEmpty | None = None
    source: Url | None = None
    as_of: dt.date | None = None
    unverified: bool = False
    provenance: Provenance | None = None  # an add-on the vendor declared in its RFP answers (`rfp import`)


class Vendor(Strict):
    kind: Literal["vendor"]
    format: Literal[1, 2] = 1  # absent: format 1, loaded as one edition (docs/vendor-format.md)
    id: VendorId
    name: NonEmpty
    publisher: NonEmpty
    website: Url
    vendor_domains: tuple[DomainName, ...] = ()  # other hosts the vendor runs its docs on (vendors/README.md)
    summary: NonEmpty
    orientation: Orientation
    company_sizes: tuple[CompanySize, ...] = Field(min_length=1)
    languages: tuple[LanguageCode, ...] = Field(min_length=1)
    hosting_regions: tuple[HostingRegion, ...] = ()  # empty: not published
    editions: tuple[Edition, ...] = ()  # format 2: ordered, cheapest first
    add_ons: tuple[AddOn, ...] = ()  # format 2
    price_from: Price | None = None  # format 1
    pricing_note: NonEmpty | None = None
    review_date: dt.date
    reviewer: NonEmpty
    sources: tuple[Url, ...] = ()
    ratings: dict[Identifier, CapabilityRating]

    def edition(self, edition_id: str) -> Edition:
        return next(e for e in self.editions if e.id == edition_id)


ONE_EDITION = "all"  # the id of a format 1 file's one edition


def one_edition(vendor: Vendor) -> Vendor:
    """A format 1 vendor as format 2: one edition at its `price_from`, every rating holding for it."""
    if vendor.editions:
        return vendor
    price = vendor.price_from
    list_price = None
    if price is not None and price.per in ("user_month", "month"):
        per = "user_month" if price.per == "user_month" else "org_month"
        list_price = ListPrice(amount=price.amount, currency=price.currency, per=per)
    note = vendor.pricing_note
    if price is not None and list_price is None:
        note = note or f"priced per contacts: {price.amount:g} {price.currency} per month"
    edition = Edition(
        id=ONE_EDITION,
        name=price.plan if price is not None and price.plan else vendor.name,
        price=list_price,
        price_note=note,
        source=price.source if price is not None else None,
        as_of=vendor.review_date,
    )
    return vendor.model_copy(update={"editions": (edition,)})


class RatesFile(Strict):
    """Reference exchange rates of one day: 1 `base` = `rates[c]` units of currency c."""

    kind: Literal["rates"]
    base: CurrencyCode
    date: dt.date
    source: Url
    rates: dict[CurrencyCode, Annotated[float, Field(gt=0, allow_inf_nan=False)]] = Field(min_length=1)


# ----------------------------------------------------------------- answers


class Constraints(Strict):
    """Knock-out constraints; an empty list or a null means no constraint of that kind."""

    languages: tuple[LanguageCode, ...] | None = None
    hosting_regions: tuple[HostingRegion, ...] | None = None
    company_size: CompanySize | None = None
    users: Annotated[int, Field(ge=1, le=1_000_000)] | None = None  # licences to price
    budget_per_user_month: Annotated[float, Field(gt=0, allow_inf_nan=False)] | None = None
    budget_per_year: Annotated[float, Field(gt=0, allow_inf_nan=False)] | None = None  # in total, all licences
    budget_currency: CurrencyCode = "EUR"
    asked: tuple[Literal["languages", "hosting_regions", "company_size", "users", "budget"], ...] = ()

    @field_validator("budget_per_user_month", "budget_per_year", mode="before")
    @classmethod
    def _currency_is_its_own_field(cls, value: object) -> object:
        if isinstance(value, str) and _MONEY.fullmatch(value.strip()):
            raise ValueError("write the amount alone and its currency in `budget_currency` (e.g. 35 and EUR)")
        return value


_MONEY = re.compile(r"[€$£]\s*\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s*(?:[A-Za-z]{3}|[€$£])")  # 35 EUR, 35 €, $35


class Answers(Strict):
    """A questionnaire's answers; any part may be missing while it is being filled in."""

    kind: Literal["answers"]
    version: Literal[1] = 1
    company: NonEmpty | None = None
    consultant: NonEmpty | None = None
    date: dt.date | None = None
    lang: Literal["en", "fr"] = "en"
    declared_model: Identifier | None = None
    traits: dict[Identifier, Identifier] = {}
    importance: dict[Identifier, Identifier] = {}
    must_haves: tuple[Identifier, ...] | None = None  # capability ids named as deal-breakers; None: the default
    constraints: Constraints | None = None
    loyalty: dict[Identifier, Identifier] | None = None  # question id -> option id
    confirmed: bool = False

    @field_validator("loyalty", mode="before")
    @classmethod
    def _yes_no_are_option_ids(cls, value: object) -> object:
        # YAML 1.1 reads an unquoted `yes` or `no` as a boolean; in this section they are option ids
        if isinstance(value, dict):
            return {k: ("yes" if v else "no") if isinstance(v, bool) else v for k, v in value.items()}
        return value


# ---------------------------------------------------------------- catalog


class Catalog(Strict):
    """Everything the decision model reads: criteria, rubric and vendors, validated together."""

    traits: TraitsFile
    feature_areas: FeatureAreasFile
    rubric: RubricFile
    vendors: tuple[Vendor, ...] = ()
    loyalty: LoyaltyFile | None = None  # optional: a criteria folder may have no loyalty file
    rates: RatesFile | None = None  # reference exchange rates (the shipped table, or --rates)
    rfp: RfpFile | None = None  # how each capability is asked of vendors (optional, like loyalty)

    def capability_ids(self) -> tuple[str, ...]:
        return tuple(c.id for a in self.feature_areas.areas for c in a.capabilities)
