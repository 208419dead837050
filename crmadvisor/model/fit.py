"""Needs x vendor ratings -> fit, gaps, knock-outs and the ranking.

Formulas and the tie-break: docs/methodology.md, "Fit and gaps" and "Ranking".
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from crmadvisor.model.needs import Need
from crmadvisor.model.schema import Constraints, HostingRegion, Vendor

Severity = Literal["minor", "major", "blocking"]
SEVERITIES: tuple[Severity, ...] = ("blocking", "major", "minor")
MAJOR_FROM = 2  # a shortfall of two levels or more is major
MUST_HAVE_MET = 3  # a must-have is met by a "solid" native rating (or the need, if lower)
LOPSIDED_SPREAD = 0.25  # standard deviation of per-area coverage above which a fit may be lopsided
LOPSIDED_WEAK = 0.5  # ...when at least two needed areas are covered below this share
EU_MEMBERS = {HostingRegion.fr, HostingRegion.de}  # regions that also satisfy "eu"


@dataclass(frozen=True, slots=True, order=True)
class Gap:
    capability: str
    need: int
    rating: int
    severity: Severity

    @property
    def size(self) -> int:
        return self.need - self.rating


ReasonCode = Literal["language", "hosting", "size", "budget", "hosting_unpublished", "no_price", "currency"]


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a vendor is excluded, or a constraint check that could not be made.

    A code and its values, not a sentence: the wording, in the report's language, is the
    presenter's (`crmadvisor.present.words.reason_text`).
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

    @property
    def excluded(self) -> bool:
        return bool(self.exclusions)

    @property
    def blocked(self) -> bool:
        return any(g.severity == "blocking" for g in self.gaps)

    def count(self, severity: Severity) -> int:
        return sum(g.severity == severity for g in self.gaps)

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


_Weighed = tuple[tuple[Need, str, str, int, int], ...]  # (need, capability, area, level, weight), level > 0


def _weighed(needs: Sequence[Need]) -> _Weighed:
    """The needs that count, with what fit() reads of each, computed once for a whole catalogue."""
    return tuple((n, n.capability, n.area, n.level, weight(n)) for n in needs if n.level)


def _fit(needs: _Weighed, vendor: Vendor, constraints: Constraints | None) -> Fit:
    # one pass over the needs: rank() runs this for every vendor (benchmarks/bench_model.py)
    rated = vendor.ratings
    total = covered = 0
    gaps: list[Gap] = []
    areas: dict[str, list[int]] = {}
    for need, capability, area, level, want in needs:
        held = rated.get(capability)
        rating = held.rating if held is not None else 0  # unrated counts as 0
        got = level * (rating if rating < level else level)  # weight x coverage, capped at the need
        total += want
        covered += got
        if rating < level:
            gaps.append(Gap(capability, level, rating, severity_of(need, rating)))
        pair = areas.get(area)
        if pair is None:
            areas[area] = [got, want]
        else:
            pair[0] += got
            pair[1] += want
    coverage = tuple((area, got / want) for area, (got, want) in areas.items())
    exclusions, notes = knock_outs(vendor, constraints) if constraints else ((), ())
    return Fit(vendor.id, covered / total if total else 1.0, tuple(gaps), coverage, exclusions, notes)


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
    budget = constraints.budget_per_user_month
    price = vendor.price_from
    if budget is not None:
        if price is None or price.per != "user_month":
            notes.append(Reason("no_price"))
        elif price.currency != constraints.budget_currency:
            notes.append(Reason("currency", (("price", price.currency), ("budget", constraints.budget_currency))))
        elif price.amount > budget:
            values = (("price", f"{price.amount:g}"), ("currency", price.currency), ("budget", f"{budget:g}"))
            reasons.append(Reason("budget", values))
    return tuple(reasons), tuple(notes)


def rank_key(item: Fit, names: Mapping[str, str]) -> tuple[bool, int, float, int, int, str, str]:
    """Excluded last; then fewer blocking gaps; higher fit first; then fewer major, fewer minor gaps; then name.

    Counting blocking gaps (not only "has one") keeps order among vendors that all miss a must-have:
    missing one must-have is better than missing two, whatever the totals say.
    """
    return (
        item.excluded,
        item.count("blocking"),
        -round(item.score, 9),
        item.count("major"),
        item.count("minor"),
        names.get(item.vendor, item.vendor).casefold(),
        item.vendor,
    )


def rank(needs: Sequence[Need], vendors: Sequence[Vendor], constraints: Constraints | None = None) -> tuple[Fit, ...]:
    """Every vendor's fit, best first, in an order that does not depend on the catalogue's order."""
    names = {v.id: v.name for v in vendors}
    weighed = _weighed(needs)
    fits = [_fit(weighed, v, constraints) for v in vendors]
    return tuple(sorted(fits, key=lambda f: rank_key(f, names)))
