"""What a shortlisted vendor's ratings rest on, in words: how many of those the ranking uses are sourced
(on the vendor's own pages or a third party's, the audit's rule), unverified, or read back from the
vendor's RFP answers or a demo; and each rating's provenance."""

from __future__ import annotations

from collections.abc import Sequence

from crmadvisor.model.audit import evidence_of, sourced_kind, vendor_domains
from crmadvisor.model.schema import CapabilityRating, Provenance, Vendor
from crmadvisor.present.typography import day, number, plural
from crmadvisor.present.view import EvidenceView
from crmadvisor.words import Words


def evidence_view(vendor: Vendor, used: Sequence[str], w: Words) -> EvidenceView:
    """The evidence line of a vendor's section and its compact form, over the ratings of `used`."""
    found = evidence_of(vendor, used)
    lang = w.lang
    declared = sum(1 for _, why in found.answered if why.kind == "vendor_declared")
    demo = len(found.answered) - declared

    def n(value: int) -> str:
        return number(value, lang)

    split = []
    if found.own:
        split.append(w("report.evidence.own", n=n(found.own)))
    if found.third_party:
        split.append(w("report.evidence.third_party", n=n(found.third_party)))
    rest = []
    if found.unverified:
        count = len(found.unverified)
        rest.append(w(f"report.evidence.unverified.{plural(count, lang)}", n=n(count)))
    if declared:
        rest.append(w(f"report.evidence.declared.{plural(declared, lang)}", n=n(declared)))
    if demo:
        rest.append(w(f"report.evidence.demo.{plural(demo, lang)}", n=n(demo)))
    reviewed = w("report.evidence.reviewed", date=day(vendor.review_date, lang))
    values = {"sourced": n(found.sourced), "used": n(found.used)}
    head = w(f"report.evidence.head.{plural(found.used, lang)}", **values)
    if split:
        head += f" ({w['report.recommendation.comma'].join(split)})"
    sep = w["common.sep"]
    line = sep.join([head, *rest, reviewed]) + "."
    short = sep.join([w(f"report.evidence.short.{plural(found.used, lang)}", **values), *rest, reviewed])
    return EvidenceView(
        used=found.used,
        sourced=found.sourced,
        own=found.own,
        third_party=found.third_party,
        unverified=len(found.unverified),
        vendor_declared=declared,
        demo=demo,
        review_date=vendor.review_date,
        line=line,
        short=short,
    )


def unverified(rating: CapabilityRating | None, vendor: Vendor) -> bool:
    """Whether a rating of the catalogue's desk research has no allowed public source."""
    return rating is not None and rating.provenance is None and sourced_kind(rating, vendor_domains(vendor)) is None


def provenance_label(why: Provenance | None, w: Words) -> str | None:
    """ "vendor-declared, RFP of 1 December 2026", "observed in a demo on 1 December 2026 by C. Martin";
    None for the catalogue's desk research."""
    if why is None:
        return None
    date = day(why.date, w.lang)
    if why.kind == "vendor_declared":
        return w("report.provenance.vendor_declared", date=date)
    if why.by:
        return w("report.provenance.demo", date=date, by=why.by)
    return w("report.provenance.demo_unnamed", date=date)
