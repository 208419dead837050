"""How well a vendor profile's facts are sourced: the evidence rules of vendors/README.md, counted.

A rating is *sourced* when it cites a source of an allowed kind and is not marked unverified.
A source is the vendor's own when its host is the vendor's website domain or one of the profile's
`vendor_domains` (or a subdomain of either); raw repository files, pull requests, diffs and
document-sharing copies are never allowed; anything else is third party.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal
from urllib.parse import urlsplit

from crmadvisor.model.review import stale
from crmadvisor.model.schema import CapabilityRating, Provenance, Vendor

MAX_UNVERIFIED = 0.1  # the catalogue's own limit (vendors/README.md)

# Hosts whose pages are repository files, transcriptions or copies, never a citable source.
DISALLOWED_HOSTS = (
    "github.com",
    "raw.githubusercontent.com",
    "gist.github.com",
    "gist.githubusercontent.com",
    "gitlab.com",
    "bitbucket.org",
    "scribd.com",
    "pastebin.com",
)
DISALLOWED_SUFFIXES = (".diff", ".patch")
DISALLOWED_PARTS = ("/pull/", "/merge_requests/")


class SourceKind(StrEnum):
    vendor = "vendor"
    third_party = "third_party"
    disallowed = "disallowed"


Key = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the audit reports about one profile, at a key of its file."""

    key: Key
    code: str  # "unverified", "unmarked", "disallowed-source", "stale", "undated-price"
    detail: str = ""  # the URL, the price or the date the finding is about
    severity: Literal["error", "warning"] = "warning"


@dataclass(frozen=True, slots=True)
class VendorAudit:
    vendor_id: str
    name: str
    ratings: int
    sourced: int
    unverified: tuple[str, ...]  # capability ids whose rating is not sourced
    sources: dict[str, tuple[str, ...]]  # SourceKind value -> distinct URLs
    review_date: dt.date
    stale: bool
    undated_prices: tuple[str, ...]  # "price_from", "edition lite", "add-on leadbooster"
    findings: tuple[Finding, ...]

    @property
    def share_sourced(self) -> float:
        return self.sourced / self.ratings if self.ratings else 1.0


@dataclass(frozen=True, slots=True)
class CatalogAudit:
    vendors: tuple[VendorAudit, ...]
    max_unverified: float | None

    @property
    def ratings(self) -> int:
        return sum(v.ratings for v in self.vendors)

    @property
    def unverified(self) -> int:
        return sum(len(v.unverified) for v in self.vendors)

    @property
    def share_unverified(self) -> float:
        return self.unverified / self.ratings if self.ratings else 0.0

    @property
    def passed(self) -> bool:
        return self.max_unverified is None or self.share_unverified <= self.max_unverified


def host_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def vendor_domains(vendor: Vendor) -> tuple[str, ...]:
    """The vendor's own domains: its website's, plus the ones the profile declares."""
    return (host_of(vendor.website), *(d.lower().removeprefix("www.") for d in vendor.vendor_domains))


def _under(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def source_kind(url: str, own: Sequence[str]) -> SourceKind:
    parts = urlsplit(url)
    host = host_of(url)
    path = parts.path.lower()
    if (
        any(_under(host, bad) for bad in DISALLOWED_HOSTS)
        or path.endswith(DISALLOWED_SUFFIXES)
        or any(part in path for part in DISALLOWED_PARTS)
    ):
        return SourceKind.disallowed
    if any(_under(host, domain) for domain in own):
        return SourceKind.vendor
    return SourceKind.third_party


def sourced_kind(rating: CapabilityRating, own: Sequence[str]) -> SourceKind | None:
    """The kind of source a rating rests on (vendor or third party); None when it is not sourced:
    marked unverified, citing nothing, or citing a source that is not allowed."""
    if rating.unverified or rating.source is None:
        return None
    kind = source_kind(rating.source, own)
    return None if kind is SourceKind.disallowed else kind


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the ratings of one vendor that a client's ranking uses rest on (a report's evidence line).

    Every rating used falls in exactly one group: read back from the vendor's RFP answers or a demo
    (its provenance), else sourced on the vendor's own pages or a third party's, else unverified.
    """

    used: int
    own: int  # desk research sourced on the vendor's own pages
    third_party: int
    unverified: tuple[str, ...]  # capability ids
    answered: tuple[tuple[str, Provenance], ...]  # capability id, where the rating comes from

    @property
    def sourced(self) -> int:
        return self.own + self.third_party


def evidence_of(vendor: Vendor, capabilities: Iterable[str]) -> Evidence:
    """How the vendor's ratings of these capabilities (those a ranking uses) are sourced; a capability
    the vendor does not rate is not a rating, and is not counted."""
    own = vendor_domains(vendor)
    counts = {SourceKind.vendor: 0, SourceKind.third_party: 0}
    unverified: list[str] = []
    answered: list[tuple[str, Provenance]] = []
    used = 0
    for capability in capabilities:
        rating = vendor.ratings.get(capability)
        if rating is None:
            continue
        used += 1
        if rating.provenance is not None:
            answered.append((capability, rating.provenance))
        elif (kind := sourced_kind(rating, own)) is not None:
            counts[kind] += 1
        else:
            unverified.append(capability)
    return Evidence(used, counts[SourceKind.vendor], counts[SourceKind.third_party], tuple(unverified), tuple(answered))


def _cited(vendor: Vendor) -> Iterable[tuple[Key, str]]:
    """Every URL the profile cites, with the key it sits at."""
    for index, url in enumerate(vendor.sources):
        yield ("sources", index), url
    for capability, rating in vendor.ratings.items():
        if rating.source:
            yield ("ratings", capability, "source"), rating.source
    if vendor.price_from and vendor.price_from.source:
        yield ("price_from", "source"), vendor.price_from.source
    for index, edition in enumerate(vendor.editions):
        if edition.source:
            yield ("editions", index, "source"), edition.source
    for index, add_on in enumerate(vendor.add_ons):
        if add_on.source:
            yield ("add_ons", index, "source"), add_on.source


def _undated_prices(vendor: Vendor) -> list[tuple[Key, str]]:
    undated: list[tuple[Key, str]] = []
    if vendor.price_from is not None:  # format 1 has no date for its price
        undated.append((("price_from",), "price_from"))
    for index, edition in enumerate(vendor.editions):
        if edition.price is not None and edition.as_of is None:
            undated.append((("editions", index, "price"), f"edition {edition.id}"))
    for index, add_on in enumerate(vendor.add_ons):
        if add_on.price is not None and add_on.as_of is None:
            undated.append((("add_ons", index, "price"), f"add-on {add_on.id}"))
    return undated


def audit_vendor(vendor: Vendor, today: dt.date) -> VendorAudit:
    own = vendor_domains(vendor)
    findings: list[Finding] = []
    by_kind: dict[str, list[str]] = {kind.value: [] for kind in SourceKind}
    for key, url in _cited(vendor):
        kind = source_kind(url, own)
        if url not in by_kind[kind.value]:
            by_kind[kind.value].append(url)
        if kind is SourceKind.disallowed:
            findings.append(Finding(key, "disallowed-source", url, "error"))
    unverified: list[str] = []
    for capability, rating in vendor.ratings.items():
        if sourced_kind(rating, own) is not None:
            continue
        unverified.append(capability)
        if rating.unverified:
            findings.append(Finding(("ratings", capability), "unverified"))
        elif rating.source is None:
            findings.append(Finding(("ratings", capability), "unmarked"))
    old = stale(vendor.review_date, today)
    if old:
        findings.append(Finding(("review_date",), "stale", str(vendor.review_date)))
    undated = _undated_prices(vendor)
    findings += [Finding(key, "undated-price", label) for key, label in undated]
    return VendorAudit(
        vendor_id=vendor.id,
        name=vendor.name,
        ratings=len(vendor.ratings),
        sourced=len(vendor.ratings) - len(unverified),
        unverified=tuple(unverified),
        sources={kind: tuple(urls) for kind, urls in by_kind.items()},
        review_date=vendor.review_date,
        stale=old,
        undated_prices=tuple(label for _, label in undated),
        findings=tuple(findings),
    )


def audit_catalog(vendors: Iterable[Vendor], today: dt.date, max_unverified: float | None) -> CatalogAudit:
    audits = tuple(audit_vendor(v, today) for v in sorted(vendors, key=lambda v: v.id))
    return CatalogAudit(audits, max_unverified)
