"""The evidence rules of vendors/README.md, held by the shipped catalogue."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crmadvisor.cli import app
from crmadvisor.load.catalog import load_catalog
from crmadvisor.model.audit import SourceKind, source_kind, vendor_domains
from crmadvisor.model.schema import CapabilityRating, Vendor

ROOT = Path(__file__).resolve().parents[1]
CATALOG = load_catalog(today=dt.date(2026, 12, 2))
COMPANIES = sorted((ROOT / "examples" / "answers").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "data" / "companies").glob("*.yaml")
)


def _best(rating: CapabilityRating) -> int:
    return rating.rating if rating.rating is not None else max((rating.by_edition or {}).values())


def _sourced(vendor: Vendor, rating: CapabilityRating) -> bool:
    if rating.source is None or rating.unverified:
        return False
    return source_kind(rating.source, vendor_domains(vendor)) is not SourceKind.disallowed


@pytest.mark.parametrize("vendor", CATALOG.vendors, ids=lambda v: v.id)
def test_every_rating_cites_an_allowed_source_or_is_marked_unverified(vendor: Vendor) -> None:
    for capability, rating in vendor.ratings.items():
        where = f"{vendor.id}.{capability}"
        if rating.source is None:
            assert rating.unverified, f"{where}: no source and not marked `unverified: true`"
            continue
        assert rating.source.startswith(("https://", "http://")), where
        assert source_kind(rating.source, vendor_domains(vendor)) is not SourceKind.disallowed, (where, rating.source)
        assert "general knowledge" not in rating.evidence, f"{where}: say it with `unverified`, not in the note"


def test_no_profile_cites_a_raw_repository_file_a_diff_or_a_document_copy() -> None:
    for vendor in CATALOG.vendors:
        cited = [*vendor.sources, *(e.source for e in vendor.editions), *(a.source for a in vendor.add_ons)]
        if vendor.price_from is not None:
            cited.append(vendor.price_from.source)
        banned = [u for u in cited if u and source_kind(u, vendor_domains(vendor)) is SourceKind.disallowed]
        assert banned == [], vendor.id


def _top_three(answers: Path) -> list[str]:
    args = ["assess", "--answers", str(answers), "--format", "json", "--draws", "0", "--no-charts"]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return [row["vendor"] for row in json.loads(result.stdout)["ranking"][:3]]


@pytest.mark.parametrize("answers", COMPANIES, ids=lambda p: p.stem)
def test_the_top_three_rest_on_sourced_must_have_grade_ratings(answers: Path) -> None:
    """A vendor a consultant shortlists must not owe a rating of 4 or 5 to an unsourced judgement."""
    by_id = {v.id: v for v in CATALOG.vendors}
    for vendor_id in _top_three(answers):
        vendor = by_id[vendor_id]
        unsourced = [c for c, r in vendor.ratings.items() if _best(r) >= 4 and not _sourced(vendor, r)]
        assert unsourced == [], f"{answers.stem}: {vendor_id} ranks top three on unsourced ratings {unsourced}"


def test_the_rule_would_catch_an_unverified_must_have_grade_rating() -> None:
    vendor = next(v for v in CATALOG.vendors if v.id == "hubspot")
    rating = vendor.ratings["open_api"].model_copy(update={"unverified": True})
    assert _best(rating) >= 4 and not _sourced(vendor, rating)


def test_at_most_a_tenth_of_the_shipped_ratings_are_unverified() -> None:
    """The evidence rules' limit, held by the shipped catalogue itself (vendors/README.md, rule 6)."""
    ratings = [rating for vendor in CATALOG.vendors for rating in vendor.ratings.values()]
    unverified = [rating for rating in ratings if rating.unverified]
    assert len(unverified) <= 0.1 * len(ratings), f"{len(unverified)} of {len(ratings)} ratings unverified"
    result = CliRunner().invoke(app, ["vendors", "audit", "--max-unverified", "0.1"], catch_exceptions=False)
    assert result.exit_code == 0, result.stdout
