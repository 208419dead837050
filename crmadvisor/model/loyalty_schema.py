"""The loyalty-programme criteria file (the second source article): questions, fundamentals,
mechanics and success factors."""

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, model_validator

from crmadvisor.model.fields import (
    Identifier,
    NonEmpty,
    SourceRef,
    Strict,
    Text,
)


class LoyaltyPart(StrEnum):
    fundamentals = "fundamentals"
    specifics = "specifics"
    design = "design"
    success = "success"


class LoyaltyOption(Strict):
    """One answer, and what it implies: a failed fundamental, mechanic points, an open success factor,
    raised capability needs. `action` says what to do about a block or a gap; `reason` says why it
    scores or raises."""

    id: Identifier
    label: Text
    blocks: Identifier | None = None  # a fundamental this answer fails
    gap: Identifier | None = None  # a success factor this answer leaves open
    action: Text | None = None
    mechanics: dict[Identifier, Annotated[int, Field(ge=1, le=3)]] = {}
    raises: dict[Identifier, Annotated[int, Field(ge=1, le=2)]] = {}
    reason: Text | None = None

    @model_validator(mode="after")
    def _explained(self) -> "LoyaltyOption":
        if (self.blocks or self.gap) and self.action is None:
            raise ValueError("an option that blocks a fundamental or leaves a gap needs an `action`")
        if (self.mechanics or self.raises) and self.reason is None:
            raise ValueError("an option that scores a mechanic or raises a need needs a `reason`")
        return self


class LoyaltyQuestion(Strict):
    id: Identifier
    part: LoyaltyPart
    fundamental: Identifier | None = None  # the fundamental a `fundamentals` question checks
    question: Text
    help: Text
    options: tuple[LoyaltyOption, ...] = Field(min_length=2, max_length=6)
    source: SourceRef


class LoyaltyAppliesWhen(Strict):
    """When the loyalty answers raise capability needs in `assess`."""

    area: Identifier
    importance: tuple[Identifier, ...] = Field(min_length=1)
    orientations: tuple[Literal["b2b", "b2c", "hybrid"], ...] = Field(min_length=1)


class SurveyFigure(Strict):
    value: NonEmpty
    text: Text
    source: SourceRef


class SurveyExpectations(Strict):
    text: Text
    ranked: tuple[Text, ...] = Field(min_length=1)
    source: SourceRef


class Survey(Strict):
    heading: Text
    figures: tuple[SurveyFigure, ...]
    expectations: SurveyExpectations


class LoyaltyVerdicts(Strict):
    fix_fundamentals: Text  # with a {fundamentals} placeholder
    design: Text
    incomplete: Text
    source: SourceRef


class Fundamental(Strict):
    id: Identifier
    name: Text
    question: Text
    source: SourceRef


class Mechanic(Strict):
    id: Identifier
    name: Text
    description: Text
    source: SourceRef


class SuccessFactor(Strict):
    id: Identifier
    name: Text
    source: SourceRef


class MixNote(Text):
    source: SourceRef


class LoyaltyFile(Strict):
    kind: Literal["loyalty"]
    version: Literal[1] = 1
    applies_when: LoyaltyAppliesWhen
    survey: Survey
    verdicts: LoyaltyVerdicts
    fundamentals: tuple[Fundamental, ...] = Field(min_length=1)
    mechanics: tuple[Mechanic, ...] = Field(min_length=2)  # in tie-break order
    mix: MixNote
    success_factors: tuple[SuccessFactor, ...] = Field(min_length=1)
    questions: tuple[LoyaltyQuestion, ...] = Field(min_length=1)
