"""Answers to the 9 relationship-trait questions -> the company's position between B2B and B2C."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from crmadvisor.model.schema import DONT_KNOW, Answers, TraitsFile

B2B_BELOW = 1 / 3  # overall position under this is B2B
B2C_ABOVE = 2 / 3  # over this, B2C; between the two, hybrid
DISAGREEMENT = 0.35  # declared model vs measured traits: a gap this large gets a note

Orientation = Literal["b2b", "b2c", "hybrid"]


@dataclass(frozen=True, slots=True)
class TraitPosition:
    trait: str
    option: str | None  # None: not answered or "don't know"
    position: float | None  # 0 = typical B2B, 1 = typical B2C


@dataclass(frozen=True, slots=True)
class CompanyProfile:
    traits: tuple[TraitPosition, ...]
    position: float  # mean of the known trait positions; 0.5 when none is known
    orientation: Orientation
    declared: str | None  # the declared business model's option id
    declared_position: float | None
    disagreeing_traits: tuple[str, ...]  # traits far from the declared model, when it disagrees overall

    @property
    def b2c_percent(self) -> int:
        return round(self.position * 100)

    @property
    def consistent(self) -> bool:
        return not self.disagreeing_traits

    def position_of(self, trait: str) -> float | None:
        return next((t.position for t in self.traits if t.trait == trait), None)


def orientation_of(position: float) -> Orientation:
    if position < B2B_BELOW:
        return "b2b"
    if position > B2C_ABOVE:
        return "b2c"
    return "hybrid"


def profile_from(answers: Answers, traits: TraitsFile) -> CompanyProfile:
    """Each trait's position, the mean position, and whether the declared model agrees with it."""
    positions = []
    for trait in traits.traits:
        chosen = answers.traits.get(trait.id)
        option = next((o for o in trait.options if o.id == chosen), None)
        positions.append(TraitPosition(trait.id, option.id if option else None, option.position if option else None))
    known = [p.position for p in positions if p.position is not None]
    overall = sum(known) / len(known) if known else 0.5
    declared = answers.declared_model if answers.declared_model != DONT_KNOW else None
    declared_option = next((o for o in traits.declared_model.options if o.id == declared), None)
    declared_position = declared_option.position if declared_option else None
    disagreeing: tuple[str, ...] = ()
    if declared_position is not None and abs(overall - declared_position) >= DISAGREEMENT:
        disagreeing = tuple(
            p.trait for p in positions if p.position is not None and abs(p.position - declared_position) >= 0.5
        )
    return CompanyProfile(
        traits=tuple(positions),
        position=overall,
        orientation=orientation_of(overall),
        declared=declared_option.id if declared_option else None,
        declared_position=declared_position,
        disagreeing_traits=disagreeing,
    )
