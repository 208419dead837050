"""The shipped catalogue: criteria traceable to the article, vendors complete and distinct."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crmadvisor.cli import app
from crmadvisor.load.catalog import load_catalog
from crmadvisor.load.discover import shipped_dir

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
TODAY = dt.date(2026, 12, 2)
CATALOG = load_catalog(today=TODAY)


def test_the_catalogue_has_at_least_twenty_vendors_including_actito() -> None:
    ids = {v.id for v in CATALOG.vendors}
    assert len(ids) >= 20
    assert "actito" in ids  # the B2C platform the source article names


def test_no_two_vendors_have_identical_rating_vectors() -> None:
    # A vendor is its ratings and what its add-ons raise: two marketing platforms may rate alike
    # without their add-ons (Splio and Marigold Engage), and differ once Loyalty is added.
    vectors: dict[tuple[object, ...], str] = {}
    for vendor in CATALOG.vendors:
        raised = tuple(sorted((c, r) for a in vendor.add_ons for c, r in a.raises.items()))
        vector = (*(vendor.ratings[c].rating for c in CATALOG.capability_ids()), raised)
        assert vector not in vectors, f"{vendor.id} rates exactly like {vectors.get(vector)}"
        vectors[vector] = vendor.id


def test_every_rating_has_a_real_evidence_note() -> None:
    for vendor in CATALOG.vendors:
        for cap, rating in vendor.ratings.items():
            assert len(rating.evidence.strip()) >= 15, f"{vendor.id}.{cap}: evidence too thin"
            assert "\n" not in rating.evidence.strip(), f"{vendor.id}.{cap}: evidence must be one line"


def test_the_catalogue_spans_b2b_b2c_and_both() -> None:
    orientations = {v.orientation.value for v in CATALOG.vendors}
    assert orientations == {"b2b", "b2c", "both"}


def test_zendesk_sell_is_left_out_as_it_is_reported_retired() -> None:
    assert not any("zendesk" in v.id for v in CATALOG.vendors)


def test_every_criterion_cites_its_section_of_the_article() -> None:
    for trait in CATALOG.traits.traits:
        assert re.fullmatch(r"I\.[1-9]", trait.source.section), trait.id
    for area in CATALOG.feature_areas.areas:
        assert re.fullmatch(r"II\.[1-9]", area.source.section), area.id
        for cap in area.capabilities:
            for driver in cap.drivers:
                own = driver.source.document == "crmadvisor"
                assert own or re.fullmatch(r"II?\.[1-9]|intro", driver.source.section), (cap.id, driver.trait)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source articles live in ../shared/seeds")
def test_every_quoted_passage_is_verbatim_from_the_article() -> None:
    article = (SEEDS / "000_e47ce3ecf87b07e8.txt").read_text(encoding="utf-8")
    sources = [CATALOG.traits.declared_model.source] + [t.source for t in CATALOG.traits.traits]
    for area in CATALOG.feature_areas.areas:
        sources.append(area.source)
        sources += [d.source for c in area.capabilities for d in c.drivers]
    quoted = [s for s in sources if s.document == "000_e47ce3ecf87b07e8.txt"]
    assert len(quoted) > 50
    for source in quoted:
        assert source.passage and source.passage in article, source.passage


def test_nine_traits_and_nine_feature_areas_in_both_languages() -> None:
    assert len(CATALOG.traits.traits) == 9
    assert len(CATALOG.feature_areas.areas) == 9
    for area in CATALOG.feature_areas.areas:
        assert 2 <= len(area.capabilities) <= 3
        assert area.heading.fr != area.heading.en


def test_the_shipped_folders_are_found_from_the_package() -> None:
    assert (shipped_dir("criteria") / "traits.yaml").is_file()
    assert len(list(shipped_dir("vendors").glob("*.yaml"))) == len(CATALOG.vendors)


def test_every_price_has_a_source_listed_in_the_profile() -> None:
    """A list price, of a format 1 `price_from` or of a format 2 edition or add-on, says where it was read."""
    prices = [(v, v.price_from.source) for v in CATALOG.vendors if v.price_from is not None]
    prices += [(v, part.source) for v in CATALOG.vendors for part in (*v.editions, *v.add_ons) if part.price]
    assert len({v.id for v, _ in prices}) >= 10
    for vendor, source in prices:
        assert source, f"{vendor.id}: a price has no source"
        assert source in vendor.sources, f"{vendor.id}: price source missing from sources"


def test_every_rating_source_is_listed_in_the_profile_sources() -> None:
    for vendor in CATALOG.vendors:
        for cap, rating in vendor.ratings.items():
            if rating.source is not None:
                assert rating.source in vendor.sources, f"{vendor.id}.{cap}: {rating.source} not in sources"


def test_no_shipped_review_is_older_than_twelve_months_on_2026_12_02() -> None:
    for vendor in CATALOG.vendors:
        assert 0 <= (TODAY - vendor.review_date).days <= 365, f"{vendor.id} reviewed {vendor.review_date}"
    result = CliRunner().invoke(
        app, ["validate", str(shipped_dir("vendors")), "--strict", "--today", TODAY.isoformat()], catch_exceptions=False
    )
    assert result.exit_code == 0, result.stdout
    assert "stale" not in result.stdout
    old_format = result.stdout.count(": warning: format: format 1:")  # until the catalogue moves to format 2
    assert re.search(rf"\b\d+ files checked: 0 error\(s\), {old_format} warning\(s\)", result.stdout), result.stdout
