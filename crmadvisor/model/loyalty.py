"""Loyalty answers -> B2B loyalty-programme readiness: the fundamentals gate, the recommended mix
of mechanics, the key success factors, and the capability needs the programme raises.

The rules are the article's (002_ead71232a8a67b53.txt); the scores and bounds are the tool's,
documented in docs/methodology.md, "Loyalty programme". Texts stay in the criteria: results
name question and option ids, which the presenters look up.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from crmadvisor.model.needs import Need, NeedRaise
from crmadvisor.model.schema import LoyaltyFile, LoyaltyPart

MAX_RAISE = 2  # a capability's need rises by at most this many levels from the loyalty answers
SECONDARY_SHARE = 0.5  # a mechanic is secondary when it scores at least this share of the primary

Verdict = Literal["fix_fundamentals", "design", "incomplete"]


@dataclass(frozen=True, slots=True)
class Chosen:
    """One answer: a question and the option picked."""

    question: str
    option: str


@dataclass(frozen=True, slots=True)
class Contribution:
    """An answer's points toward a mechanic, or levels added to a capability's need."""

    question: str
    option: str
    points: int


@dataclass(frozen=True, slots=True)
class FundamentalCheck:
    fundamental: str
    status: Literal["ok", "failed", "unanswered"]
    failing: tuple[Chosen, ...]  # the answers that failed it; their options carry the actions
    unanswered: tuple[str, ...]  # its questions not answered yet


@dataclass(frozen=True, slots=True)
class MechanicScore:
    mechanic: str
    score: int
    reasons: tuple[Contribution, ...]  # the answers that scored it, most points first
    role: Literal["primary", "secondary", "minor"]


@dataclass(frozen=True, slots=True)
class FactorCheck:
    factor: str
    status: Literal["met", "gap", "unanswered"]
    gaps: tuple[Chosen, ...]  # the answers that leave it open; their options carry the actions
    unanswered: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CapabilityRaise:
    capability: str
    by: int  # levels, at most MAX_RAISE
    because: tuple[Contribution, ...]


@dataclass(frozen=True, slots=True)
class LoyaltyAssessment:
    verdict: Verdict
    fundamentals: tuple[FundamentalCheck, ...]
    specifics: tuple[Chosen, ...]  # the B2B-specifics answers, in questionnaire order
    mechanics: tuple[MechanicScore, ...]  # best first
    factors: tuple[FactorCheck, ...]
    raises: tuple[CapabilityRaise, ...]
    unanswered: tuple[str, ...]  # question ids, in questionnaire order

    @property
    def failed(self) -> tuple[str, ...]:
        return tuple(f.fundamental for f in self.fundamentals if f.status == "failed")

    @property
    def primary(self) -> MechanicScore | None:
        return next((m for m in self.mechanics if m.role == "primary"), None)

    @property
    def secondary(self) -> MechanicScore | None:
        return next((m for m in self.mechanics if m.role == "secondary"), None)


def loyalty_from(answers: Mapping[str, str], loyalty: LoyaltyFile) -> LoyaltyAssessment:
    """Score every answer of the `loyalty:` section; unknown ids are the loader's job, ignored here."""
    chosen = []
    for question in loyalty.questions:
        option = next((o for o in question.options if o.id == answers.get(question.id)), None)
        if option is not None:
            chosen.append((question, option))
    answered = {q.id for q, _ in chosen}
    unanswered = tuple(q.id for q in loyalty.questions if q.id not in answered)

    fundamentals = []
    for fundamental in loyalty.fundamentals:
        asked = [q.id for q in loyalty.questions if q.fundamental == fundamental.id]
        failing = tuple(Chosen(q.id, o.id) for q, o in chosen if o.blocks == fundamental.id)
        missing = tuple(q for q in asked if q not in answered)
        status: Literal["ok", "failed", "unanswered"] = "failed" if failing else "unanswered" if missing else "ok"
        fundamentals.append(FundamentalCheck(fundamental.id, status, failing, missing))
    verdict: Verdict = "design"
    if any(f.status == "failed" for f in fundamentals):
        verdict = "fix_fundamentals"
    elif any(f.status == "unanswered" for f in fundamentals):
        verdict = "incomplete"

    factors = []
    for factor in loyalty.success_factors:
        asked = [q.id for q in loyalty.questions if any(o.gap == factor.id for o in q.options)]
        gaps = tuple(Chosen(q.id, o.id) for q, o in chosen if o.gap == factor.id)
        missing = tuple(q for q in asked if q not in answered)
        state: Literal["met", "gap", "unanswered"] = "gap" if gaps else "unanswered" if missing else "met"
        factors.append(FactorCheck(factor.id, state, gaps, missing))

    specifics = tuple(Chosen(q.id, o.id) for q, o in chosen if q.part is LoyaltyPart.specifics)
    return LoyaltyAssessment(
        verdict=verdict,
        fundamentals=tuple(fundamentals),
        specifics=specifics,
        mechanics=_mechanics(loyalty, [(q.id, o.id, o.mechanics) for q, o in chosen]),
        factors=tuple(factors),
        raises=_raises([(q.id, o.id, o.raises) for q, o in chosen]),
        unanswered=unanswered,
    )


def _mechanics(loyalty: LoyaltyFile, scored: Sequence[tuple[str, str, Mapping[str, int]]]) -> tuple[MechanicScore, ...]:
    """Mechanics by score; ties keep the file's order, the survey's order of expectations."""
    totals = []
    for order, mechanic in enumerate(loyalty.mechanics):
        found = [Contribution(q, o, points[mechanic.id]) for q, o, points in scored if mechanic.id in points]
        found.sort(key=lambda c: -c.points)
        totals.append((sum(c.points for c in found), order, mechanic.id, tuple(found)))
    totals.sort(key=lambda t: (-t[0], t[1]))
    top = totals[0][0]
    ranked = []
    for i, (score, _, mechanic_id, reasons) in enumerate(totals):
        role: Literal["primary", "secondary", "minor"] = "minor"
        if i == 0 and score > 0:
            role = "primary"
        elif i == 1 and score > 0 and score >= SECONDARY_SHARE * top:
            role = "secondary"
        ranked.append(MechanicScore(mechanic_id, score, reasons, role))
    return tuple(ranked)


def _raises(raised: Sequence[tuple[str, str, Mapping[str, int]]]) -> tuple[CapabilityRaise, ...]:
    by_capability: dict[str, list[Contribution]] = {}
    for question, option, levels in raised:
        for capability, by in levels.items():
            by_capability.setdefault(capability, []).append(Contribution(question, option, by))
    return tuple(
        CapabilityRaise(cap, min(MAX_RAISE, sum(c.points for c in because)), tuple(because))
        for cap, because in by_capability.items()
    )


def applies(loyalty: LoyaltyFile, orientation: str, importance: Mapping[str, str]) -> bool:
    """Whether the loyalty answers raise needs: a B2B or hybrid company that rates the area high enough.

    `importance`: each area's level that applies (answered, or suggested from the profile). A verdict
    that advises against a programme for now raises nothing either (`advises_against`).
    """
    when = loyalty.applies_when
    return orientation in when.orientations and importance.get(when.area) in when.importance


def advises_against(result: LoyaltyAssessment) -> bool:
    """The verdict says to fix the fundamentals first: no CRM need is raised for that programme."""
    return result.verdict == "fix_fundamentals"


def raise_needs(needs: Sequence[Need], result: LoyaltyAssessment) -> tuple[Need, ...]:
    """Each raised capability's need, up by the loyalty answers, within its area's importance ceiling.

    Must-haves stay as they were: a programme's needs are never deal-breakers of their own.
    """
    raised = {r.capability: r for r in result.raises}
    out = []
    for need in needs:
        lift = raised.get(need.capability)
        if lift is None or need.ceiling == 0:
            out.append(need)
            continue
        level = min(need.ceiling, need.level + lift.by)
        why = tuple(NeedRaise(c.question, c.option, c.points) for c in lift.because)
        out.append(replace(need, level=level, raises=need.raises + why))
    return tuple(out)
