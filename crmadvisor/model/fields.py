"""The field types and base models every input file shares: identifiers, texts in two languages,
enums of the catalogue, and the strict base model (unknown keys refused, input hidden in errors)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
VendorId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s]+$", max_length=2000)]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
_LABEL = r"[a-z0-9]([a-z0-9-]*[a-z0-9])?"
DomainName = Annotated[str, StringConstraints(pattern=rf"^{_LABEL}(\.{_LABEL})+$", max_length=253)]
Position = Annotated[float, Field(ge=0.0, le=1.0)]
Rating = Annotated[int, Field(ge=0, le=5, strict=True)]

DONT_KNOW = "dont_know"


class Strict(BaseModel):
    # defer_build: a model builds its validator when it first validates; the catalogue read back
    # from its cache (load/cache.py) never does, and `assess` does not pay for building it
    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True, defer_build=True)


class Text(Strict):
    """A label or help text in both languages the tool speaks."""

    en: NonEmpty
    fr: NonEmpty

    def __call__(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


class Orientation(StrEnum):
    b2b = "b2b"
    b2c = "b2c"
    both = "both"


class CompanySize(StrEnum):
    """EU size classes by headcount."""

    micro = "micro"  # 1-9
    small = "small"  # 10-49
    medium = "medium"  # 50-249
    large = "large"  # 250 and more


class HostingRegion(StrEnum):
    fr = "fr"
    de = "de"
    eu = "eu"
    uk = "uk"
    ch = "ch"
    us = "us"
    ca = "ca"
    au = "au"
    apac = "apac"


class SourceRef(Strict):
    """Where a criterion comes from in the source articles, or that it is the tool's own."""

    document: NonEmpty
    section: NonEmpty
    passage: NonEmpty | None = None
