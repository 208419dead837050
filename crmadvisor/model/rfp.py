"""From the fit analysis to the proof: what to ask each shortlisted vendor, what to see in its demo, and
how the vendor's answers and the demo scores become ratings with their provenance.

Rules (docs/methodology.md, "RFP and demos"): a vendor's own answer can lower a rating to what it
declares, but raise it no higher than "solid" (3): a self-declared strength is a claim, not evidence.
A score observed in a demo replaces the rating, up or down.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from crmadvisor.model.fit import MUST_HAVE_MET, SEVERITIES, Fit
from crmadvisor.model.needs import Need
from crmadvisor.model.schema import AddOn, CapabilityRating, ListPrice, Provenance, Vendor

ResponseKind = Literal["native", "configuration", "add_on", "partner", "roadmap", "not_available"]
RESPONSES: tuple[ResponseKind, ...] = ("native", "configuration", "add_on", "partner", "roadmap", "not_available")
PARTNER_RATING = 1  # the rubric: a third-party app never rates higher than 1

# the workbook's contract, shared by its writer (present/rfp_workbook.py) and reader (load/rfp_workbook.py)
WORKBOOK_KIND = "crmadvisor-rfp"
WORKBOOK_VERSION = 1
META_SHEET = "crmadvisor"  # hidden: what the workbook holds, and the drop-down lists
HEADER_ROW = 4
FIRST_ROW = HEADER_ROW + 1
ANSWERED_ON = "C2"  # a vendor sheet's date of the answers

ScenarioWhy = Literal["must_have", "gap", "unverified"]
ANSWERED_ADD_ON = "rfp_add_on_"  # the id prefix of an add-on a vendor declared in its RFP answers


def requirements(needs: Sequence[Need]) -> tuple[Need, ...]:
    """The needed capabilities, must-haves first, then by need, else in catalogue order."""
    order = {n.capability: i for i, n in enumerate(needs)}
    return tuple(
        sorted((n for n in needs if n.level > 0), key=lambda n: (not n.must_have, -n.level, order[n.capability]))
    )


@dataclass(frozen=True, slots=True)
class Scenario:
    """One scenario of a vendor's demo: the capability to see, and why it is on the script."""

    capability: str
    why: ScenarioWhy
    need: int
    rating: int | None  # the catalogue's rating, None when the vendor is not rated on it


def demo_script(needs: Sequence[Need], vendor: Vendor, fit: Fit | None) -> tuple[Scenario, ...]:
    """What to see live, in order: the must-haves, then this vendor's open gaps (worst first), then the
    needed capabilities whose rating no source backs; gaps and unverified ratings only where the need is
    at least "solid" (3), so that a demo shows what decides, not everything."""
    needed = requirements(needs)
    by_cap = {n.capability: n for n in needed}
    seen: set[str] = set()
    script: list[Scenario] = []

    def add(capability: str, why: ScenarioWhy) -> None:
        if capability in seen or capability not in by_cap:
            return
        if why != "must_have" and by_cap[capability].level < MUST_HAVE_MET:
            return
        seen.add(capability)
        held = vendor.ratings.get(capability)
        script.append(Scenario(capability, why, by_cap[capability].level, held.at() if held else None))

    for need in needed:
        if need.must_have:
            add(need.capability, "must_have")
    gaps = sorted(fit.gaps, key=lambda g: (SEVERITIES.index(g.severity), -g.size)) if fit else []
    for gap in gaps:
        add(gap.capability, "gap")
    for need in needed:
        held = vendor.ratings.get(need.capability)
        if held is None or held.unverified:
            add(need.capability, "unverified")
    return tuple(script)


@dataclass(frozen=True, slots=True)
class Answer:
    """What came back for one capability of one vendor: its answer to the RFP and/or the demo score."""

    capability: str
    response: ResponseKind | None = None
    edition: str | None = None  # the edition the vendor says it comes in (an edition id)
    demo_score: int | None = None  # 0-5, observed by the consultant
    comment: str | None = None
    link: str | None = None  # the vendor's evidence
    demo_on: dt.date | None = None
    demo_by: str | None = None  # who observed the demo
    extra_cost: float | None = None  # per user per month, in the vendor's price currency (an add-on's price)


@dataclass(frozen=True, slots=True)
class Returned:
    """A returned workbook's answers for one vendor, and whose they are."""

    vendor: str
    answers: tuple[Answer, ...]
    workbook: str  # its file name
    answered_on: dt.date  # when the vendor answered


def declared_rating(response: ResponseKind, desk: int) -> int:
    """The rating a vendor's own answer supports, given the catalogue's."""
    if response in ("native", "configuration", "add_on"):
        return max(desk, MUST_HAVE_MET)  # claimed: credited up to "solid", never past what was observed
    if response == "partner":
        return PARTNER_RATING
    return 0  # roadmap, not available: not in the product today


def with_answers(vendor: Vendor, returned: Returned) -> Vendor:
    """The vendor with every answered capability re-rated, each new rating carrying its provenance.

    An "add-on" answer does not raise the product's own rating: it becomes an add-on of the vendor,
    priced at the extra cost the vendor gave (on quote without one), so that the recommended
    configuration buys it only where it serves the client, and the cost counts it.
    """
    ratings = dict(vendor.ratings)
    add_ons = _answered_add_ons(vendor, returned)
    for answer in returned.answers:
        if answer.response == "add_on" and answer.demo_score is None:
            continue  # its rating is the add-on's
        held = ratings.get(answer.capability)
        desk = held.at() if held is not None else 0
        if answer.demo_score is not None:
            rating = answer.demo_score
            why = Provenance(
                kind="demo",
                date=answer.demo_on or returned.answered_on,
                by=answer.demo_by,
                workbook=returned.workbook,
                desk_rating=held.at() if held else None,
            )
        elif answer.response is not None:
            rating = declared_rating(answer.response, desk)
            why = Provenance(
                kind="vendor_declared",
                date=returned.answered_on,
                workbook=returned.workbook,
                desk_rating=held.at() if held else None,
            )
        else:
            continue
        ratings[answer.capability] = _rerated(held, rating, answer, why, vendor)
    return vendor.model_copy(update={"ratings": ratings, "add_ons": (*vendor.add_ons, *add_ons)})


def _answered_add_ons(vendor: Vendor, returned: Returned) -> tuple[AddOn, ...]:
    """One add-on per product the vendor named in its comments (one per capability when it named none)."""
    grouped: dict[str, list[Answer]] = {}
    for answer in returned.answers:
        if answer.response == "add_on" and answer.demo_score is None:
            grouped.setdefault((answer.comment or answer.capability).strip().casefold(), []).append(answer)
    priced = [e.price for e in vendor.editions if e.price is not None]
    currency = priced[0].currency if priced else "EUR"
    made = []
    for number, answers in enumerate(grouped.values(), 1):
        costs = [a.extra_cost for a in answers if a.extra_cost is not None]
        cost = max(costs) if costs else None
        ids = [e.id for e in vendor.editions]
        named_editions = [ids.index(a.edition) for a in answers if a.edition in ids]
        desk = {
            a.capability: vendor.ratings[a.capability].at() if a.capability in vendor.ratings else 0 for a in answers
        }
        named = answers[0].comment or ", ".join(a.capability for a in answers)
        note = None
        if cost is None:
            note = "No extra cost given in the RFP answers: ask for a quote."
        elif cost == 0:
            note = "Included at no extra cost, per the RFP answers."
        made.append(
            AddOn(
                id=f"{ANSWERED_ADD_ON}{number}",
                name=f"{named} (add-on declared in the RFP answers)"[:200],
                price=ListPrice(amount=cost, currency=currency) if cost is not None else None,
                price_note=note,
                requires=tuple(ids[min(named_editions) :]) if named_editions else (),  # from the edition named up
                raises={cap: max(rating, MUST_HAVE_MET) for cap, rating in desk.items()},
                evidence=f"Declared by the vendor in its RFP answers of {returned.answered_on.isoformat()}: "
                f"available as an add-on ({returned.workbook})",
                source=next((a.link for a in answers if a.link), None),
                as_of=returned.answered_on,
                provenance=Provenance(kind="vendor_declared", date=returned.answered_on, workbook=returned.workbook),
            )
        )
    return tuple(made)


def _rerated(
    held: CapabilityRating | None, rating: int, answer: Answer, why: Provenance, vendor: Vendor
) -> CapabilityRating:
    if why.kind == "demo":
        said = f"Observed in a demo on {why.date.isoformat()} by {why.by or '?'}: scored {rating}/5"
    else:
        answered = (answer.response or "").replace("_", " ")
        said = f"Declared by the vendor in its RFP answers of {why.date.isoformat()}: {answered}"
    evidence = f"{said}; {answer.comment} ({why.workbook})" if answer.comment else f"{said} ({why.workbook})"
    by_edition: Mapping[str, int] | None = None
    if answer.edition is not None and len(vendor.editions) > 1 and answer.demo_score is None:
        # from the edition named upwards; the editions below keep the catalogue's rating
        ids = [e.id for e in vendor.editions]
        start = ids.index(answer.edition) if answer.edition in ids else 0
        before = {e: (held.at(e) if held else 0) for e in ids[:start]}
        by_edition = {**before, **{e: rating for e in ids[start:]}}
    return CapabilityRating(
        rating=None if by_edition else rating,
        by_edition=dict(by_edition) if by_edition else None,
        evidence=evidence,
        source=answer.link,
        provenance=why,
    )


@dataclass(frozen=True, slots=True)
class Change:
    """A vendor whose rank moved once its answers were read, and the ratings that moved it."""

    vendor: str
    before: int | None  # 1-based rank on desk research; None: out of the race
    after: int | None
    ratings: tuple[tuple[str, int | None, int, Provenance], ...]  # capability, desk rating, new rating, why


def changes(desk: Sequence[Fit], now: Sequence[Fit], vendors: Sequence[Vendor]) -> tuple[Change, ...]:
    """What the answers changed against the desk-research ranking, vendor by vendor, in the new order."""

    def ranks(fits: Sequence[Fit]) -> dict[str, int | None]:
        race = [f.vendor for f in fits if not f.excluded]
        return {f.vendor: race.index(f.vendor) + 1 if f.vendor in race else None for f in fits}

    before, after = ranks(desk), ranks(now)
    out = []
    for v in sorted(vendors, key=lambda v: (after.get(v.id) or 10**9, v.id)):
        moved = tuple(
            (cap, held.provenance.desk_rating, _best(held), held.provenance)
            for cap, held in v.ratings.items()
            if held.provenance is not None
        )
        if moved:
            out.append(Change(v.id, before.get(v.id), after.get(v.id), moved))
    return tuple(out)


def _best(held: CapabilityRating) -> int:
    """The rating in the best edition: what an answer naming an edition raised."""
    return max(held.by_edition.values()) if held.by_edition else held.at()


def answered(vendor: Vendor) -> bool:
    """Whether the vendor's profile holds anything read back from its RFP answers or a demo."""
    return any(held.provenance is not None for held in vendor.ratings.values()) or any(
        a.id.startswith(ANSWERED_ADD_ON) for a in vendor.add_ons
    )


def desk_research(vendor: Vendor) -> Vendor:
    """The vendor as the catalogue rated it, before any RFP answer or demo (for what changed): the
    ratings it replaced, and without the add-ons it declared."""
    ratings = {}
    for cap, held in vendor.ratings.items():
        if held.provenance is None:
            ratings[cap] = held
        elif held.provenance.desk_rating is not None:
            ratings[cap] = CapabilityRating(rating=held.provenance.desk_rating, evidence="desk research")
    add_ons = tuple(a for a in vendor.add_ons if not a.id.startswith(ANSWERED_ADD_ON))
    return vendor.model_copy(update={"ratings": ratings, "add_ons": add_ons})
