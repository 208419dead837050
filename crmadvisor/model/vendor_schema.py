"""Vendor profiles (format 1 and 2: editions, add-ons, ratings with their evidence) and the exchange
rates file."""

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from crmadvisor.model.fields import (
    CompanySize,
    DomainName,
    HostingRegion,
    Identifier,
    LanguageCode,
    NonEmpty,
    Orientation,
    Rating,
    Strict,
    Url,
    VendorId,
)


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
    def _one_rating(self) -> "CapabilityRating":
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
    def _seats_in_order(self) -> "Edition":
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
