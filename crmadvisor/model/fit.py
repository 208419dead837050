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
    "language", "hosting", "size", "budget", "over_budget", "hosting_unpublished", "no_price", "currency"
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


def weight(need: Need) -> int:
    """A need's weight in the fit: its level squared, so that one critical need outweighs many small ones."""
    return need.level * need.level


def must_have_floor(need: Need) -> int:
    return min(need.level, MUST_HAVE_MET)


def severity_of(need: Need, rating: int) -> Severity:
    if need.must_have and rating < must_have_floor(need):
        return "blocking"
    return "major" if need.level - rating >= MAJOR_FROM else "minor"


def fit(needs: Sequence[Need], vendor: Vendor, constraints: Constraints | None = None) -> Fit:
    """How much of the company's weighted need one vendor covers, its gaps and knock-outs."""
    return _fit(_weighed(needs), vendor, constraints)


@dataclass(frozen=True, slots=True)
class _Weighed:
    """What fit() reads of the needs, computed once for a whole catalogue."""

    items: tuple[tuple[str, int, int, int, int], ...]  # capability, area index, level, weight, blocking floor
    areas: tuple[str, ...]  # feature areas with a need, in catalogue order
    wants: tuple[int, ...]  # each area's total weight
    total: int


def _weighed(needs: Sequence[Need]) -> _Weighed:
    counted = [n for n in needs if n.level]
    areas = tuple(dict.fromkeys(n.area for n in counted))
    index = {area: i for i, area in enumerate(areas)}
    wants = [0] * len(areas)
    for n in counted:
        wants[index[n.area]] += weight(n)
    # a rating below the floor is a blocking gap; -1: not a must-have, never blocking
    items = tuple(
        (n.capability, index[n.area], n.level, weight(n), must_have_floor(n) if n.must_have else -1) for n in counted
    )
    return _Weighed(items, areas, tuple(wants), sum(wants))


def _fit(needs: _Weighed, vendor: Vendor, constraints: Constraints | None) -> Fit:
    # one pass over the needs, severity inlined: rank() runs this for every vendor (benchmarks/bench_model.py)
    rated = vendor.ratings
    gaps: list[Gap] = []
    got = [0] * len(needs.areas)
    blocking = major = minor = 0
    for capability, area, level, _, floor in needs.items:
        held = rated.get(capability)
        rating = held.at() if held is not None else 0  # unrated counts as 0
        if rating < level:
            got[area] += level * rating
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
            got[area] += level * level  # weight x coverage, capped at the need
    coverage = tuple((area, g / w) for area, g, w in zip(needs.areas, got, needs.wants, strict=True))
    score = sum(got) / needs.total if needs.total else 1.0
    exclusions, notes = knock_outs(vendor, constraints) if constraints else ((), ())
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
    """Every vendor's fit, best first, in an order that does not depend on the catalogue's order."""
    names = {v.id: v.name for v in vendors}
    weighed = _weighed(needs)
    fits = [_fit(weighed, v, constraints) for v in vendors]
    return tuple(sorted(fits, key=lambda f: rank_key(f, names)))
