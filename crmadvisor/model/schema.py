"""Frozen input models: the criteria catalogue, vendor profiles and answers files.

Every model forbids unknown keys and hides input values from error messages: pydantic's
error text would otherwise expand YAML aliases (see docs/methodology.md, "Safe loading").
"""

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from crmadvisor.model.fields import (
    DONT_KNOW,
    CompanySize,
    DomainName,
    HostingRegion,
    Identifier,
    LanguageCode,
    NonEmpty,
    Orientation,
    Position,
    Rating,
    SourceRef,
    Strict,
    Text,
    Url,
    VendorId,
)
from crmadvisor.model.loyalty_schema import (
    Fundamental,
    LoyaltyAppliesWhen,
    LoyaltyFile,
    LoyaltyOption,
    LoyaltyPart,
    LoyaltyQuestion,
    LoyaltyVerdicts,
    Mechanic,
    MixNote,
    SuccessFactor,
    Survey,
    SurveyExpectations,
    SurveyFigure,
)
from crmadvisor.model.vendor_schema import (
    ONE_EDITION,
    AddOn,
    CapabilityRating,
    CurrencyCode,
    Edition,
    ListPrice,
    Money,
    Price,
    Provenance,
    RatesFile,
    Vendor,
    one_edition,
)

__all__ = [
    "DONT_KNOW",
    "ONE_EDITION",
    "AddOn",
    "CapabilityRating",
    "CompanySize",
    "CurrencyCode",
    "DomainName",
    "Edition",
    "Fundamental",
    "HostingRegion",
    "Identifier",
    "LanguageCode",
    "ListPrice",
    "LoyaltyAppliesWhen",
    "LoyaltyFile",
    "LoyaltyOption",
    "LoyaltyPart",
    "LoyaltyQuestion",
    "LoyaltyVerdicts",
    "Mechanic",
    "MixNote",
    "Money",
    "NonEmpty",
    "Orientation",
    "Position",
    "Price",
    "Provenance",
    "RatesFile",
    "Rating",
    "SourceRef",
    "Strict",
    "SuccessFactor",
    "Survey",
    "SurveyExpectations",
    "SurveyFigure",
    "Text",
    "Url",
    "Vendor",
    "VendorId",
    "one_edition",
]

# ---------------------------------------------------------------- criteria


class TraitOption(Strict):
    id: Identifier
    label: Text
    position: Position  # 0 = typical B2B, 1 = typical B2C


class Trait(Strict):
    id: Identifier
    heading: Text
    short: Text | None = None  # a few words for the needs' reasons ("sales cycle"); else the heading
    question: Text
    help: Text
    options: tuple[TraitOption, ...] = Field(min_length=3, max_length=5)
    dont_know: bool = True
    source: SourceRef


class DeclaredModelQuestion(Strict):
    question: Text
    help: Text
    options: tuple[TraitOption, ...] = Field(min_length=2, max_length=4)
    source: SourceRef


class TraitsFile(Strict):
    kind: Literal["traits"]
    version: Literal[1] = 1
    declared_model: DeclaredModelQuestion
    traits: tuple[Trait, ...] = Field(min_length=1)


class Toward(StrEnum):
    b2b = "b2b"
    b2c = "b2c"


class Driver(Strict):
    trait: Identifier
    toward: Toward  # the need rises as the trait's answer is typical of this side
    weight: Annotated[int, Field(ge=1, le=3)] = 1
    source: SourceRef


class Capability(Strict):
    id: Identifier
    name: Text
    description: Text
    form: Orientation  # the side of the market the article ties this form to
    drivers: tuple[Driver, ...] = Field(min_length=1)


class ImportanceLevel(Strict):
    id: Identifier
    label: Text
    ceiling: Annotated[int, Field(ge=0, le=5)]
    must_have: bool = False


class FeatureArea(Strict):
    id: Identifier
    heading: Text
    short: Text | None = None  # a word or two, for the gap matrix's columns ("Loyalty"); else the heading
    question: Text
    help: Text
    capabilities: tuple[Capability, ...] = Field(min_length=2, max_length=3)
    source: SourceRef


class FeatureAreasFile(Strict):
    kind: Literal["feature_areas"]
    version: Literal[1] = 1
    importance_levels: tuple[ImportanceLevel, ...] = Field(min_length=2)
    areas: tuple[FeatureArea, ...] = Field(min_length=1)


class RubricLevel(Strict):
    level: Rating
    label: Text
    meaning: Text


class RubricFile(Strict):
    kind: Literal["rubric"]
    version: Literal[1] = 1
    levels: tuple[RubricLevel, ...] = Field(min_length=6, max_length=6)

    @model_validator(mode="after")
    def _levels_are_0_to_5(self) -> "RubricFile":
        if [lvl.level for lvl in self.levels] != list(range(6)):
            raise ValueError("levels must be 0, 1, 2, 3, 4, 5 in that order")
        return self


class RfpCapability(Strict):
    """How one capability is asked of a vendor (`requirement`) and shown in a demo (`scenario`, `look_for`)."""

    requirement: Text
    scenario: Text
    look_for: Text
    source: SourceRef


class RfpFile(Strict):
    kind: Literal["rfp"]
    version: Literal[1] = 1
    capabilities: dict[Identifier, RfpCapability] = Field(min_length=1)


# ----------------------------------------------------------------- answers


class Constraints(Strict):
    """Knock-out constraints; an empty list or a null means no constraint of that kind."""

    languages: tuple[LanguageCode, ...] | None = None
    hosting_regions: tuple[HostingRegion, ...] | None = None
    company_size: CompanySize | None = None
    users: Annotated[int, Field(ge=1, le=1_000_000)] | None = None  # licences to price
    budget_per_user_month: Annotated[float, Field(gt=0, allow_inf_nan=False)] | None = None
    budget_per_year: Annotated[float, Field(gt=0, allow_inf_nan=False)] | None = None  # in total, all licences
    budget_currency: CurrencyCode = "EUR"
    asked: tuple[Literal["languages", "hosting_regions", "company_size", "users", "budget"], ...] = ()

    @field_validator("budget_per_user_month", "budget_per_year", mode="before")
    @classmethod
    def _currency_is_its_own_field(cls, value: object) -> object:
        if isinstance(value, str) and _MONEY.fullmatch(value.strip()):
            raise ValueError("write the amount alone and its currency in `budget_currency` (e.g. 35 and EUR)")
        return value


_MONEY = re.compile(r"[€$£]\s*\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)?\s*(?:[A-Za-z]{3}|[€$£])")  # 35 EUR, 35 €, $35


class Answers(Strict):
    """A questionnaire's answers; any part may be missing while it is being filled in."""

    kind: Literal["answers"]
    version: Literal[1] = 1
    company: NonEmpty | None = None
    consultant: NonEmpty | None = None
    date: dt.date | None = None
    lang: Literal["en", "fr"] = "en"
    declared_model: Identifier | None = None
    traits: dict[Identifier, Identifier] = {}
    importance: dict[Identifier, Identifier] = {}
    must_haves: tuple[Identifier, ...] | None = None  # capability ids named as deal-breakers; None: the default
    constraints: Constraints | None = None
    loyalty: dict[Identifier, Identifier] | None = None  # question id -> option id
    confirmed: bool = False

    @field_validator("loyalty", mode="before")
    @classmethod
    def _yes_no_are_option_ids(cls, value: object) -> object:
        # YAML 1.1 reads an unquoted `yes` or `no` as a boolean; in this section they are option ids
        if isinstance(value, dict):
            return {k: ("yes" if v else "no") if isinstance(v, bool) else v for k, v in value.items()}
        return value


# ---------------------------------------------------------------- catalog


class Catalog(Strict):
    """Everything the decision model reads: criteria, rubric and vendors, validated together."""

    traits: TraitsFile
    feature_areas: FeatureAreasFile
    rubric: RubricFile
    vendors: tuple[Vendor, ...] = ()
    loyalty: LoyaltyFile | None = None  # optional: a criteria folder may have no loyalty file
    rates: RatesFile | None = None  # reference exchange rates (the shipped table, or --rates)
    rfp: RfpFile | None = None  # how each capability is asked of vendors (optional, like loyalty)

    def capability_ids(self) -> tuple[str, ...]:
        return tuple(c.id for a in self.feature_areas.areas for c in a.capabilities)
