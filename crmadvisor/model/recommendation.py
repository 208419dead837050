"""The assessment's last word: the vendors to shortlist and why, what each leaves open, what to
verify in a demo, and how sure the ranking is. Codes and values only: the presenters word them.

Rules and bounds: docs/methodology.md, "Recommendation".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from crmadvisor.model.fit import MUST_HAVE_MET, Fit, Gap, MarketGap
from crmadvisor.model.needs import Need
from crmadvisor.model.schema import Vendor

if TYPE_CHECKING:
    from crmadvisor.model.robustness import Flip, Robustness

SHORTLIST = 3  # vendors recommended for demos
WHY = 3  # needs cited for a vendor: those earning it most of its fit, the rarest among the others first
OPEN = 4  # gaps listed as left open: must-haves missed first, then the largest shortfalls
VERIFY = 3  # demo checks per vendor
VERIFY_FROM = 4  # a need this high is worth checking in a demo when its rating is unverified or only just meets it

Confidence = Literal["clear", "sensitive", "close", "alone", "none", "unmeasured"]


@dataclass(frozen=True, slots=True)
class Point:
    """One capability of one vendor, as the recommendation cites it."""

    capability: str
    need: int
    rating: int
    unverified: bool = False  # the rating rests on no source: the demo must show it


@dataclass(frozen=True, slots=True)
class Pick:
    vendor: str
    position: int  # 1 = first of the race
    fit: float
    meets_must_haves: bool
    why: tuple[Point, ...]  # the needs it meets in full, highest first
    open: tuple[Gap, ...]  # what it leaves open, the most serious first
    more_open: int  # further gaps not listed
    verify: tuple[Point, ...]  # what to see in a demo


@dataclass(frozen=True, slots=True)
class Advice:
    shortlist: tuple[Pick, ...]
    market_gaps: tuple[MarketGap, ...]  # must-haves no vendor in the race meets: plan them elsewhere
    named: tuple[str, ...]  # must-haves the consultant named
    defaulted: tuple[str, ...]  # must-haves by default (the core of each critical area)
    suggested: tuple[str, ...]  # feature areas whose importance the profile suggested
    confidence: Confidence
    leader_share: float | None  # share of the robustness draws the leader comes first in
    margin: float | None  # the leader's fit minus the runner-up's
    flip: Flip | None  # a change of one or two importance levels that would put another vendor first


def _rated(vendor: Vendor, capability: str) -> tuple[int, bool]:
    held = vendor.ratings.get(capability)
    if held is None:
        return 0, True
    return held.at(), held.unverified or held.source is None


def _why(vendor: Vendor, needs: Sequence[Need], others: Sequence[Vendor]) -> tuple[Point, ...]:
    """The needs that earn the vendor most of its fit (covered weight), solidly met; rarer ones first on a tie."""
    met = []
    for order, need in enumerate(needs):
        rating, unverified = _rated(vendor, need.capability)
        covered = min(rating, need.level)
        if need.level and covered >= min(need.level, MUST_HAVE_MET):
            shared = sum(min(_rated(o, need.capability)[0], need.level) >= covered for o in others)
            key = (-need.level * covered, shared, order)
            met.append((key, Point(need.capability, need.level, rating, unverified)))
    return tuple(point for _, point in sorted(met)[:WHY])


def _open(item: Fit) -> tuple[tuple[Gap, ...], int]:
    rank = {"blocking": 0, "major": 1, "minor": 2}
    gaps = sorted(item.gaps, key=lambda g: (rank[g.severity], -g.need, -g.size))
    return tuple(gaps[:OPEN]), max(0, len(gaps) - OPEN)


def _verify(vendor: Vendor, needs: Sequence[Need]) -> tuple[Point, ...]:
    """High needs the vendor meets on an unverified rating, or only just: a demo must show them."""
    found = []
    for order, need in enumerate(needs):
        rating, unverified = _rated(vendor, need.capability)
        high = need.level >= VERIFY_FROM or need.must_have
        if high and rating >= need.level - 1 and (unverified or rating <= need.level):
            found.append(((not unverified, -need.level, order), Point(need.capability, need.level, rating, unverified)))
    return tuple(point for _, point in sorted(found)[:VERIFY])


def _confidence(race: Sequence[Fit], robust: Robustness | None) -> Confidence:
    if not race:
        return "none"
    if len(race) == 1:
        return "alone"
    if robust is None:
        return "unmeasured"
    if not robust.clear_winner:
        return "close"
    return "sensitive" if robust.flip is not None else "clear"


def recommend(
    needs: Sequence[Need],
    fits: Sequence[Fit],
    vendors: Sequence[Vendor],
    market_gaps: Sequence[MarketGap],
    robust: Robustness | None,
) -> Advice:
    """The shortlist: the first SHORTLIST vendors of the race (those meeting every must-have rank first).

    `vendors` are the vendors as ranked (each in its recommended configuration).
    """
    by_id = {v.id: v for v in vendors}
    race = [f for f in fits if not f.excluded]
    chosen = race[:SHORTLIST]
    picks = []
    for position, item in enumerate(chosen, 1):
        vendor = by_id[item.vendor]
        others = [by_id[f.vendor] for f in race if f.vendor != item.vendor]
        gaps, more = _open(item)
        picks.append(
            Pick(
                vendor=item.vendor,
                position=position,
                fit=item.score,
                meets_must_haves=not item.blocked,
                why=_why(vendor, needs, others),
                open=gaps,
                more_open=more,
                verify=_verify(vendor, needs),
            )
        )
    return Advice(
        shortlist=tuple(picks),
        market_gaps=tuple(market_gaps),
        named=tuple(n.capability for n in needs if n.must_have and n.named),
        defaulted=tuple(n.capability for n in needs if n.must_have and not n.named),
        suggested=tuple(dict.fromkeys(n.area for n in needs if n.suggested)),
        confidence=_confidence(race, robust),
        leader_share=robust.odds[0].first_share if robust is not None and robust.odds else None,
        margin=robust.margin if robust is not None and len(race) > 1 else None,
        flip=robust.flip if robust is not None else None,
    )
