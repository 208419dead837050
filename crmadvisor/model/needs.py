"""Company profile + importance answers -> a need 0-5 for every capability, with its reasons.

The client's word leads: an area's importance sets the level of its most relevant capability;
the traits only decide which of its capabilities matter less. Formulas: docs/methodology.md, "Needs".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from crmadvisor.model.profile import CompanyProfile
from crmadvisor.model.schema import DONT_KNOW, Answers, FeatureArea, FeatureAreasFile, ImportanceLevel, Toward

NEUTRAL = 0.5  # the trait relevance of a capability none of whose drivers was answered
FLOOR = 0.25  # share of the area's level a capability keeps when the traits pull fully against it
# "don't know": the area's top relevance suggests the importance (the tool's own thresholds)
SUGGEST_HIGH_FROM = 0.8  # the profile strongly calls for the area: suggested "important" (ceiling 4)
SUGGEST_LOW_BELOW = 0.2  # the profile calls for none of it: suggested "not needed" (ceiling 0)
SUGGESTED_CEILINGS = (0, 3, 4)  # low, otherwise, high; a suggestion is never a must-have level
# the default must-have of a critical area: its most relevant capability, where capabilities this
# close to the top count as tied and the first in catalogue order (the area's core form) wins
MUST_HAVE_TIE = 0.1


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
    importance: str  # the importance level id that applies: answered, or suggested from the profile
    ceiling: int  # that level's value: the area's most relevant capability gets it
    drivers: tuple[DriverEffect, ...]
    raises: tuple[NeedRaise, ...] = ()  # loyalty answers that raised it (docs/methodology.md)
    suggested: bool = False  # the client did not know the area's importance: the profile suggested it
    suggested_by: tuple[str, ...] = ()  # the traits whose answers suggested it (the area's top capability's)
    named: bool = False  # a must-have the consultant named (else a default must-have, if it is one)

    @property
    def called_for(self) -> bool:
        """Whether the traits call for this capability (or say nothing about it)."""
        return self.relevance >= NEUTRAL


def round_half_up(value: float) -> int:
    return int(Decimal(str(round(value, 9))).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True, slots=True)
class _Scored:
    capability: str
    relevance: float
    drivers: tuple[DriverEffect, ...]


Scores = dict[str, list[_Scored]]  # what the traits make of each area's capabilities, by area


def _score(profile: CompanyProfile, area: FeatureArea) -> list[_Scored]:
    options = {t.trait: t.option for t in profile.traits}
    positions = {t.trait: t.position for t in reversed(profile.traits)}  # the first answer of a trait, as position_of
    scored = []
    for cap in area.capabilities:
        effects: list[DriverEffect] = []
        for driver in cap.drivers:
            position = positions.get(driver.trait)
            pull = None if position is None else (position if driver.toward == Toward.b2c else 1 - position)
            effects.append(DriverEffect(driver.trait, options.get(driver.trait), driver.toward, driver.weight, pull))
        known = [(e.weight, e.pull) for e in effects if e.pull is not None]
        weight = sum(w for w, _ in known)
        relevance = sum(w * p for w, p in known) / weight if weight else NEUTRAL
        scored.append(_Scored(cap.id, relevance, tuple(effects)))
    return scored


def suggest(levels: Sequence[ImportanceLevel], top_relevance: float) -> ImportanceLevel:
    """The importance the profile suggests for an area the client does not know how to rate."""
    low, middle, high = SUGGESTED_CEILINGS
    wanted = high if top_relevance >= SUGGEST_HIGH_FROM else low if top_relevance < SUGGEST_LOW_BELOW else middle
    candidates = [lvl for lvl in levels if not lvl.must_have]
    fitting = [lvl for lvl in candidates if lvl.ceiling <= wanted] or candidates or list(levels)
    return max(fitting, key=lambda lvl: lvl.ceiling)


def level_of(ceiling: int, relevance: float, top: float) -> int:
    """A capability's need: the area's level for its most relevant capability, less for the others.

    The further a capability's relevance falls below the area's top, the lower its need, down to
    FLOOR of the area's level; one the traits pull against (below neutral) and that is not the
    area's most relevant stays at least one level below the area's.
    """
    if ceiling <= 0:
        return 0
    level = round_half_up(ceiling * (1 - (1 - FLOOR) * (top - relevance)))
    if relevance < top and relevance < NEUTRAL:
        level = min(level, ceiling - 1)
    return max(level, 0)


def needs_from(
    profile: CompanyProfile,
    answers: Answers,
    areas: FeatureAreasFile,
    scores: Scores | None = None,
) -> tuple[Need, ...]:
    """One need per capability of the catalogue, in catalogue order.

    Must-haves: the consultant's named ones (`answers.must_haves`), each at its area's level;
    when none are named (absent or an empty list), one per area answered with a must-have level (critical): of its
    capabilities at the area's level and within MUST_HAVE_TIE of its top relevance, the first in
    catalogue order (the area's core form).

    `scores`, when given, keeps what the traits make of each area's capabilities (keyed by area), for
    the next call with the same profile: the flip search derives needs for two dozen importances.
    """
    levels = {lvl.id: lvl for lvl in areas.importance_levels}
    named = set(answers.must_haves) if answers.must_haves else None  # none named: the default
    needs: list[Need] = []
    for area in areas.areas:
        scored = scores.get(area.id) if scores is not None else None
        if scored is None:
            scored = _score(profile, area)
            if scores is not None:
                scores[area.id] = scored
        top = max(s.relevance for s in scored)
        answered = levels.get(answers.importance.get(area.id, DONT_KNOW))
        suggested_by: tuple[str, ...] = ()
        if answered is None:
            level = suggest(areas.importance_levels, top)
            if named and level.ceiling == 0 and any(s.capability in named for s in scored):
                level = suggest(areas.importance_levels, NEUTRAL)  # a named must-have is needed at least somewhat
            leading = next(s for s in scored if s.relevance == top)
            suggested_by = tuple(d.trait for d in leading.drivers if d.pull is not None)
        else:
            level = answered
        ceiling = level.ceiling
        values = [level_of(ceiling, s.relevance, top) for s in scored]
        default_must = (
            next(
                s.capability
                for s, value in zip(scored, values, strict=True)
                if value == ceiling and s.relevance >= top - MUST_HAVE_TIE - 1e-9
            )
            if level.must_have
            else None
        )
        for s, value in zip(scored, values, strict=True):
            is_named = named is not None and s.capability in named and ceiling > 0
            if is_named:
                value = ceiling  # the consultant named it a deal-breaker: it matters as much as its area
            must = is_named if named is not None else (s.capability == default_must and value > 0)
            needs.append(
                Need(
                    capability=s.capability,
                    area=area.id,
                    level=value,
                    must_have=must,
                    relevance=s.relevance,
                    importance=level.id,
                    ceiling=ceiling,
                    drivers=s.drivers,
                    suggested=answered is None,
                    suggested_by=suggested_by,
                    named=is_named,
                )
            )
    return tuple(needs)
