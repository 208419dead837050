"""Needs x vendor ratings -> fit, gaps, knock-outs and the ranking.

Formulas and the tie-break: docs/methodology.md, "Fit and gaps" and "Ranking".
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from crmadvisor.model.needs import Need
from crmadvisor.model.schema import Constraints, HostingRegion, Vendor

Severity = Literal["minor", "major", "blocking"]
SEVERITIES: tuple[Severity, ...] = ("blocking", "major", "minor")
MAJOR_FROM = 2  # a shortfall of two levels or more is major
MUST_HAVE_MET = 3  # a must-have is met by a "solid" native rating (or the need, if lower)
LOPSIDED_SPREAD = 0.25  # standard deviation of per-area coverage above which a fit may be lopsided
LOPSIDED_WEAK = 0.5  # ...when at least two needed areas are covered below this share
EU_MEMBERS = {HostingRegion.fr, HostingRegion.de}  # regions that also satisfy "eu"


class Gap(NamedTuple):
    """A need the vendor's rating does not cover. A named tuple, not a dataclass: rank() makes
    about ten per vendor, and a tuple is built several times faster (benchmarks/bench_model.py)."""

    capability: str
    need: int
    rating: int
    severity: Severity

    @property
    def size(self) -> int:
        return self.need - self.rating


ReasonCode = Literal[
    "language",
    "hosting",
    "size",
    "budget",
    "over_budget",
    "hosting_unpublished",
    "no_price",
    "part_on_quote",
    "currency",
    "seat_limit",
]


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a vendor is excluded, or a constraint check that could not be made.

    A code and its values, not a sentence: the wording, in the report's language, is the
    presenter's (`crmadvisor.present.reasons.reason_text`).
    """

    code: ReasonCode
    values: tuple[tuple[str, str], ...] = ()  # name -> value, for the wording's placeholders


@dataclass(frozen=True, slots=True)
class Fit:
    vendor: str
    score: float  # 0..1: need-weighted coverage, capped at the need
    gaps: tuple[Gap, ...]
    area_coverage: tuple[tuple[str, float], ...]  # per feature area with a need, in catalogue order
    exclusions: tuple[Reason, ...]  # knock-out reasons (constraints); empty if the vendor is in the race
    notes: tuple[Reason, ...]  # constraint checks that could not be made (e.g. price in another currency)
    counts: tuple[int, int, int]  # how many blocking, major and minor gaps

    @property
    def excluded(self) -> bool:
        return bool(self.exclusions)

    @property
    def blocked(self) -> bool:
        return any(g.severity == "blocking" for g in self.gaps)

    def count(self, severity: Severity) -> int:
        return self.counts[SEVERITIES.index(severity)]

    @property
    def balance(self) -> float:
        """Standard deviation of per-area coverage: 0 is perfectly even."""
        values = [c for _, c in self.area_coverage]
        return statistics.pstdev(values) if len(values) > 1 else 0.0

    @property
    def lopsided(self) -> bool:
        """Strong on a few areas, weak on several: the total hides an uneven fit."""
        weak = sum(c < LOPSIDED_WEAK for _, c in self.area_coverage)
        return len(self.area_coverage) >= 3 and weak >= 2 and self.balance > LOPSIDED_SPREAD


WEIGHT_POWER = 3  # a need's weight is its level cubed: the tool's own choice (docs/methodology.md, "Fit")


def weight(need: Need) -> int:
    """A need's weight in the fit: its level cubed, so that a critical need outweighs several small ones
    and a vendor strong on the critical needs beats one middling everywhere."""
    return int(need.level**WEIGHT_POWER)


def must_have_floor(need: Need) -> int:
    return min(need.level, MUST_HAVE_MET)


def severity_of(need: Need, rating: int) -> Severity:
    if need.must_have and rating < must_have_floor(need):
        return "blocking"
    return "major" if need.level - rating >= MAJOR_FROM else "minor"


def fit(needs: Sequence[Need], vendor: Vendor, constraints: Constraints | None = None) -> Fit:
    """How much of the company's weighted need one vendor covers, its gaps and knock-outs."""
    checks = knock_outs(vendor, constraints) if constraints else ((), ())
    return _fit(_weighed(needs), vendor, checks)


@dataclass(frozen=True, slots=True)
class MarketGap:
    """A must-have that no vendor in the race meets: a finding about the market, not about one vendor."""

    capability: str
    need: int
    best: int  # the best rating among the vendors in the race
    elsewhere: tuple[str, ...]  # vendors that would meet it but are excluded by a constraint


@dataclass(frozen=True, slots=True)
class _Weighed:
    """What fit() reads of the needs, computed once for a whole catalogue."""

    items: tuple[tuple[str, int, int, int, int], ...]  # capability, area index, level, weight, blocking floor
    areas: tuple[str, ...]  # feature areas with a need, in catalogue order
    wants: tuple[int, ...]  # each area's total weight
    total: int


def _weighed(needs: Sequence[Need], uncovered: frozenset[str] = frozenset()) -> _Weighed:
    """`uncovered`: must-haves the market does not meet, which block nobody."""
    counted = [n for n in needs if n.level]
    areas = tuple(dict.fromkeys(n.area for n in counted))
    index = {area: i for i, area in enumerate(areas)}
    wants = [0] * len(areas)
    for n in counted:
        wants[index[n.area]] += weight(n)
    # a rating below the floor is a blocking gap; -1: not a must-have, never blocking
    items = tuple(
        (
            n.capability,
            index[n.area],
            n.level,
            weight(n),
            must_have_floor(n) if n.must_have and n.capability not in uncovered else -1,
        )
        for n in counted
    )
    return _Weighed(items, areas, tuple(wants), sum(wants))


def _best_rating(vendor: Vendor, capability: str) -> int:
    """The best any configuration of the vendor offers: its best edition, or an add-on above it."""
    held = vendor.ratings.get(capability)
    native = 0 if held is None else max((held.at(e.id) for e in vendor.editions), default=held.at())
    return max([native, *(a.raises.get(capability, 0) for a in vendor.add_ons)])


def market_gaps(
    needs: Sequence[Need], vendors: Sequence[Vendor], constraints: Constraints | None = None
) -> tuple[MarketGap, ...]:
    """The must-haves no vendor in the race meets in any of its configurations (all of them, when no
    vendor is in the race). The race: the vendors no language, hosting or size constraint excludes."""
    out_of_race = frozenset(v.id for v in vendors if constraints is not None and knock_outs(v, constraints)[0])
    return _market_gaps(needs, vendors, out_of_race)


def _market_gaps(
    needs: Sequence[Need], vendors: Sequence[Vendor], out_of_race: frozenset[str]
) -> tuple[MarketGap, ...]:
    race = [v for v in vendors if v.id not in out_of_race]
    gaps = []
    for need in needs:
        if not need.must_have or need.level == 0:
            continue
        floor = must_have_floor(need)
        if any(_best_rating(v, need.capability) >= floor for v in race):
            continue
        best = max((_best_rating(v, need.capability) for v in race), default=0)
        elsewhere = tuple(
            sorted(v.id for v in vendors if v.id in out_of_race and _best_rating(v, need.capability) >= floor)
        )
        gaps.append(MarketGap(need.capability, need.level, best, elsewhere))
    return tuple(gaps)


def _fit(needs: _Weighed, vendor: Vendor, checks: tuple[tuple[Reason, ...], tuple[Reason, ...]]) -> Fit:
    # one pass over the needs, severity inlined: rank() runs this for every vendor (benchmarks/bench_model.py)
    rated = vendor.ratings
    gaps: list[Gap] = []
    got = [0] * len(needs.areas)
    blocking = major = minor = 0
    for capability, area, level, _, floor in needs.items:
        held = rated.get(capability)
        rating = held.at() if held is not None else 0  # unrated counts as 0
        if rating < level:
            got[area] += level ** (WEIGHT_POWER - 1) * rating  # weight x coverage (rating / need)
            if rating < floor:
                gaps.append(Gap(capability, level, rating, "blocking"))
                blocking += 1
            elif level - rating >= MAJOR_FROM:
                gaps.append(Gap(capability, level, rating, "major"))
                major += 1
            else:
                gaps.append(Gap(capability, level, rating, "minor"))
                minor += 1
        else:
            got[area] += level**WEIGHT_POWER  # weight x coverage, capped at the need
    coverage = tuple((area, g / w) for area, g, w in zip(needs.areas, got, needs.wants, strict=True))
    score = sum(got) / needs.total if needs.total else 1.0
    exclusions, notes = checks
    return Fit(vendor.id, score, tuple(gaps), coverage, exclusions, notes, (blocking, major, minor))


def knock_outs(vendor: Vendor, constraints: Constraints) -> tuple[tuple[Reason, ...], tuple[Reason, ...]]:
    """Constraint failures (the vendor is excluded) and constraint checks that could not be made."""
    reasons: list[Reason] = []
    notes: list[Reason] = []
    missing_languages = [lang for lang in constraints.languages or () if lang not in vendor.languages]
    if missing_languages:
        reasons.append(Reason("language", (("languages", ", ".join(missing_languages)),)))
    if constraints.hosting_regions and not vendor.hosting_regions:
        notes.append(Reason("hosting_unpublished"))
    elif constraints.hosting_regions:
        offered = set(vendor.hosting_regions)
        if offered & EU_MEMBERS:
            offered.add(HostingRegion.eu)
        if not offered & set(constraints.hosting_regions):
            wanted = ", ".join(constraints.hosting_regions)
            reasons.append(Reason("hosting", (("wanted", wanted), ("offered", ", ".join(vendor.hosting_regions)))))
    if constraints.company_size is not None and constraints.company_size not in vendor.company_sizes:
        reasons.append(Reason("size", (("size", constraints.company_size.value),)))
    # the budget is checked on each vendor's configurations: crmadvisor.model.configurations
    return tuple(reasons), tuple(notes)


def rank_key(item: Fit, names: Mapping[str, str]) -> tuple[bool, int, float, int, int, str, str]:
    """Excluded last; then fewer blocking gaps; higher fit first; then fewer major, fewer minor gaps; then name.

    Counting blocking gaps (not only "has one") keeps order among vendors that all miss a must-have:
    missing one must-have is better than missing two, whatever the totals say.
    """
    blocking, major, minor = item.counts
    return (
        item.excluded,
        blocking,
        -round(item.score, 9),
        major,
        minor,
        names.get(item.vendor, item.vendor).casefold(),
        item.vendor,
    )


def rank(needs: Sequence[Need], vendors: Sequence[Vendor], constraints: Constraints | None = None) -> tuple[Fit, ...]:
    """Every vendor's fit, best first, in an order that does not depend on the catalogue's order.

    A must-have that no vendor in the race meets (`market_gaps`) blocks nobody: the vendors are
    ranked on the must-haves the market does meet.
    """
    names = {v.id: v.name for v in vendors}
    checks = {v.id: knock_outs(v, constraints) if constraints else ((), ()) for v in vendors}
    out_of_race = frozenset(v for v, (exclusions, _) in checks.items() if exclusions)
    uncovered = frozenset(g.capability for g in _market_gaps(needs, vendors, out_of_race))
    weighed = _weighed(needs, uncovered)
    fits = [_fit(weighed, v, checks[v.id]) for v in vendors]
    return tuple(sorted(fits, key=lambda f: rank_key(f, names)))
