"""Company profile + importance answers -> a need 0-5 for every capability, with its reasons.

Formulas: docs/methodology.md, "Needs".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from crmadvisor.model.profile import CompanyProfile
from crmadvisor.model.schema import DONT_KNOW, Answers, FeatureAreasFile, Toward

NEUTRAL = 0.5  # the trait relevance of a capability none of whose drivers was answered
FLOOR = 0.25  # share of the importance ceiling a capability gets even when no trait calls for it
DONT_KNOW_CEILING = 3  # an importance answered "don't know" counts as "useful"
MUST_HAVE_FROM = 4  # in a must-have area, needs at this level or above are must-haves


@dataclass(frozen=True, slots=True)
class DriverEffect:
    trait: str
    option: str | None
    toward: Toward
    weight: int
    pull: float | None  # 0..1, how typical of `toward` the answer is; None if unanswered


@dataclass(frozen=True, slots=True)
class NeedRaise:
    """A need raised by an answer outside the traits: a question of the loyalty questionnaire."""

    question: str
    option: str
    by: int


@dataclass(frozen=True, slots=True)
class Need:
    capability: str
    area: str
    level: int  # 0-5
    must_have: bool
    relevance: float  # 0..1 from the traits
    importance: str  # the importance level id, or "dont_know"
    ceiling: int
    drivers: tuple[DriverEffect, ...]
    raises: tuple[NeedRaise, ...] = ()  # loyalty answers that raised it (docs/methodology.md)


def round_half_up(value: float) -> int:
    return int(Decimal(str(round(value, 9))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def needs_from(profile: CompanyProfile, answers: Answers, areas: FeatureAreasFile) -> tuple[Need, ...]:
    """One need per capability of the catalogue, in catalogue order."""
    levels = {lvl.id: lvl for lvl in areas.importance_levels}
    needs: list[Need] = []
    for area in areas.areas:
        importance = answers.importance.get(area.id, DONT_KNOW)
        level = levels.get(importance)
        ceiling = level.ceiling if level is not None else DONT_KNOW_CEILING
        area_needs: list[tuple[str, int, float, tuple[DriverEffect, ...]]] = []
        for cap in area.capabilities:
            effects: list[DriverEffect] = []
            for driver in cap.drivers:
                position = profile.position_of(driver.trait)
                pull = None if position is None else (position if driver.toward == Toward.b2c else 1 - position)
                option = next((t.option for t in profile.traits if t.trait == driver.trait), None)
                effects.append(DriverEffect(driver.trait, option, driver.toward, driver.weight, pull))
            known = [(e.weight, e.pull) for e in effects if e.pull is not None]
            weight = sum(w for w, _ in known)
            relevance = sum(w * p for w, p in known) / weight if weight else NEUTRAL
            value = round_half_up(ceiling * (FLOOR + (1 - FLOOR) * relevance)) if ceiling else 0
            area_needs.append((cap.id, value, relevance, tuple(effects)))
        top = max((value for _, value, _, _ in area_needs), default=0)
        must_area = level is not None and level.must_have
        for cap_id, value, relevance, drivers in area_needs:
            must = must_area and value > 0 and (value >= MUST_HAVE_FROM or value == top)
            needs.append(Need(cap_id, area.id, value, must, relevance, importance, ceiling, drivers))
    return tuple(needs)
