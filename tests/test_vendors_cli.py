"""`crmadvisor vendors list|show|compare|new|rubric`: browsing and scaffolding the catalogue, as a user runs them."""

from __future__ import annotations

import os
from pathlib import Path

import conftest
import pytest
import yaml
from conftest import TODAY, Ran, shipped_catalog

CATALOG = shipped_catalog()


def run(*args: str, columns: str = "250") -> Ran:
    return conftest.run(*args, env={"COLUMNS": columns, "NO_COLOR": "1"})


def test_list_shows_every_shipped_profile_with_orientation_and_review_date_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the shipped catalogue is package data, not the working folder
    code, out, err = run("vendors", "list", "--today", TODAY)
    assert (code, err) == (0, "")
    assert f"{len(CATALOG.vendors)} vendor profiles" in out
    for vendor in CATALOG.vendors:
        line = next(line for line in out.splitlines() if f"│ {vendor.name} " in line)
        assert str(vendor.review_date) in line
        assert {"b2b": "B2B ", "b2c": "B2C ", "both": "B2B+B2C"}[vendor.orientation.value] in line
        assert vendor.id in out


def test_list_is_readable_at_80_columns() -> None:
    code, out, _ = run("vendors", "list", "--today", TODAY, columns="80")
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "Salesforce Marketing Cloud" in out  # names are not cut


def test_show_lists_every_capability_with_its_rating_evidence_and_source() -> None:
    vendor = next(v for v in CATALOG.vendors if v.id == "hubspot")
    code, out, err = run("vendors", "show", "hubspot", "--today", TODAY)
    assert (code, err) == (0, "")
    flat = " ".join(out.split())
    for capability, rating in vendor.ratings.items():
        assert " ".join(rating.evidence.split())[:60] in flat, capability
        if rating.source:
            assert rating.source in out.replace("\n", "") or rating.source[:40] in flat
    assert str(vendor.review_date) in out


def test_show_an_unknown_id_is_a_usage_error_with_a_suggestion() -> None:
    code, out, err = run("vendors", "show", "hubspt")
    assert code == 2
    assert out == ""
    assert "no vendor `hubspt`" in err and "did you mean `hubspot`?" in err


def test_compare_shows_both_vendors_ratings_side_by_side() -> None:
    code, out, err = run("vendors", "compare", "sellsy", "axonaut")
    assert (code, err) == (0, "")
    sellsy = next(v for v in CATALOG.vendors if v.id == "sellsy")
    axonaut = next(v for v in CATALOG.vendors if v.id == "axonaut")
    assert sellsy.name in out and axonaut.name in out
    capability_names = [c.name("en") for a in CATALOG.feature_areas.areas for c in a.capabilities]
    for name in capability_names:
        assert name in out, name


def test_new_writes_a_profile_listing_every_capability_that_validate_then_rejects_until_filled(tmp_path: Path) -> None:
    code, out, err = run("vendors", "new", "acme-crm", "--dir", str(tmp_path), "--today", TODAY)
    assert (code, err) == (0, "")
    path = tmp_path / "acme-crm.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data["ratings"]) == set(CATALOG.capability_ids())
    code, out, _ = run("validate", str(path), "--today", TODAY)
    assert code == 1
    assert f"{path}:5:7: error: name:" in out
    # filled in, it validates
    text = path.read_text(encoding="utf-8")
    for field, value in {
        "name": "Acme CRM",
        "publisher": "Acme",
        "website": "https://acme.example",
        "summary": "A test CRM.",
        "orientation": "b2b",
        "reviewer": "tests",
    }.items():
        text = text.replace(f"{field}: null", f"{field}: {value}", 1)
    text = text.replace("company_sizes: []", "company_sizes: [small]").replace("languages: []", "languages: [en]")
    text = text.replace("rating: null", "rating: 2").replace("evidence: null", "evidence: checked in tests")
    path.write_text(text, encoding="utf-8")
    code, out, _ = run("validate", str(path), "--today", TODAY)
    assert code == 0, out


def test_new_never_overwrites_and_refuses_a_bad_id(tmp_path: Path) -> None:
    existing = tmp_path / "acme.yaml"
    existing.write_text("keep me\n", encoding="utf-8")
    code, _, err = run("vendors", "new", "acme", "--dir", str(tmp_path))
    assert code == 2 and "already exists" in err
    assert existing.read_text(encoding="utf-8") == "keep me\n"
    code, _, err = run("vendors", "new", "Acme CRM", "--dir", str(tmp_path))
    assert code == 2 and "not a valid vendor id" in err
    assert sorted(os.listdir(tmp_path)) == ["acme.yaml"]


def test_rubric_has_six_levels_in_english_and_french() -> None:
    rubric = CATALOG.rubric
    for lang in ("en", "fr"):
        code, out, err = run("vendors", "rubric", "--lang", lang)
        assert (code, err) == (0, "")
        flat = " ".join(out.split())
        for level in rubric.levels:
            assert f"{level.level} {level.label(lang)}" in flat
            assert " ".join(level.meaning(lang).split())[:50] in flat


def test_show_and_compare_headings_follow_lang_fr() -> None:
    code, out, _ = run("vendors", "show", "sellsy", "--lang", "fr", "--today", TODAY)
    assert code == 0
    assert "preuve et source" in out and "evidence and source" not in out
    code, out, _ = run("vendors", "compare", "sellsy", "axonaut", "--lang", "fr")
    assert code == 0
    assert "Somme des notes" in out and "Sum of ratings" not in out
