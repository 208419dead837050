"""`crmadvisor vendors list|show|compare|new|rubric`: browsing and scaffolding the catalogue, as a user runs them."""

from __future__ import annotations

import os
import re
from pathlib import Path

import conftest
import pytest
import yaml
from conftest import EXAMPLES, TODAY, AnswersFile, Ran, shipped_catalog

from crmadvisor.load.answers import read_answers
from crmadvisor.model.assessment import assess
from crmadvisor.model.schema import Vendor
from crmadvisor.model.vendor_schema import AddOn, Edition, ListPrice

CATALOG = shipped_catalog()
INDUSTRIAL = EXAMPLES / "industrial-supplier.yaml"


def vendor(vendor_id: str) -> Vendor:
    return next(v for v in CATALOG.vendors if v.id == vendor_id)


def flat(text: str) -> str:
    """The output with the table borders and line breaks of its cells taken out, to find a phrase in."""
    return " ".join(text.replace("│", " ").replace("┃", " ").split())


def recommended(answers: Path, vendor_id: str) -> str:
    """The configuration `assess` recommends the vendor in for these answers, by name ("Pro + Insights")."""
    loaded, _ = read_answers(answers, CATALOG)
    found = next(r for r in assess(CATALOG, loaded, draws=0).configurations if r.vendor == vendor_id)
    return " + ".join(p.name for p in found.configuration.parts)


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


def test_new_writes_a_format_2_profile_that_validates_with_a_warning_for_each_placeholder_until_filled(
    tmp_path: Path,
) -> None:
    code, out, err = run("vendors", "new", "acme-crm", "--dir", str(tmp_path), "--today", TODAY)
    assert (code, err) == (0, "")
    assert "replace every `TODO`" in out
    path = tmp_path / "acme-crm.yaml"
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["format"] == 2 and data["add_ons"] == []
    assert [e["id"] for e in data["editions"]] == ["standard"]
    assert "#   price: {amount: 60, currency: EUR, per: user_month, billing: annual}" in text  # commented examples
    assert "#   requires: [pro]" in text and "#   raises: {" in text and "by_edition: {standard: 2, pro: 4}" in text
    assert set(data["ratings"]) == set(CATALOG.capability_ids())
    assert all(r["unverified"] is True and r["rating"] == 0 for r in data["ratings"].values())
    # as written: valid, with a warning for each placeholder, the ratings in one
    code, out, _ = run("validate", str(path), "--today", TODAY)
    assert code == 0, out
    assert f"{path}:8:7: warning: name: still the `TODO` of `crmadvisor vendors new`" in out
    assert f"{path}:19:11: warning: editions.0.name: still the `TODO`" in out
    assert "warning: ratings: 23 capabilities still have the `TODO` of `crmadvisor vendors new`" in out
    assert "0 error(s), 8 warning(s)" in out
    code, out, _ = run("validate", str(path), "--today", TODAY, "--strict")
    assert code == 1 and "8 error(s)" in out
    # filled in, it validates without a word
    for field, value in {
        "name": "Acme CRM",
        "publisher": "Acme",
        "summary": "A test CRM.",
        "reviewer": "tests",
    }.items():
        text = text.replace(f'{field}: "TODO: ', f'{field}: "{value} # ', 1)
    text = text.replace("https://TODO.example", "https://acme.example")
    text = text.replace('name: "TODO: edition name"', "name: Standard")
    text = text.replace('price_note: "TODO: ', 'price_note: "Sold on quote. ')
    text = text.replace('evidence: "TODO: ', 'evidence: "Checked in tests: ')
    path.write_text(text, encoding="utf-8")
    code, out, _ = run("validate", str(path), "--today", TODAY)
    assert (code, out.splitlines()[-1]) == (0, "1 file checked: 0 error(s), 0 warning(s)"), out


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


def test_show_gives_every_edition_and_add_on_with_its_list_price() -> None:
    code, out, err = run("vendors", "show", "salesforce-sales-cloud", "--today", TODAY)
    assert (code, err) == (0, "")
    text = flat(out)
    assert "Editions (cheapest first)" in text and "Add-ons (licensed separately)" in text
    assert "Starter Suite │ US$25 per user per month, billed annually" in out
    assert "Unlimited     │ US$350 per user per month, billed annually" in out
    # an add-on: its price per organisation, the editions it needs, the capability it raises and to what
    assert "US$20,000 per organisation per month, billed annually" in text
    assert "Loyalty programme to 4" in text
    assert "Enterprise, Unlimited" in text  # Service Cloud's `requires`, by edition name
    assert "on quote: Sold on quote" in text  # no price: the note says why


def test_show_gives_the_minimum_seats_and_the_ratings_edition_by_edition() -> None:
    code, out, _ = run("vendors", "show", "creatio", "--today", TODAY)
    assert code == 0
    row = next(line for line in out.splitlines() if "│ Growth " in line)
    assert row.rstrip(" │").endswith("5")  # min. users
    code, out, _ = run("vendors", "show", "salesforce-sales-cloud", "--today", TODAY)
    forecasts = vendor("salesforce-sales-cloud").ratings["sales_automation"].by_edition
    assert forecasts is not None
    row = next(i for i, line in enumerate(out.splitlines()) if "│ Sales automation" in line)
    cells = [line.split("│")[2].strip() for line in out.splitlines()[row : row + len(forecasts)]]
    assert cells == [f"{e} {r}" for e, r in forecasts.items()]


def test_price_notes_speak_to_a_reader_not_in_the_vendor_format_s_field_names() -> None:
    """A note is shown as it is (`vendors show`, the report): "the limit this catalogue uses", not
    "which max_users follows"."""
    fields = {name for model in (Vendor, Edition, AddOn, ListPrice) for name in model.model_fields if "_" in name}
    named = re.compile(rf"\b({'|'.join(sorted(fields))})\b")
    for vendor_id in ("hubspot", "brevo"):
        code, out, err = run("vendors", "show", vendor_id, "--today", TODAY)
        assert (code, err) == (0, "")
        assert not named.search(flat(out)), vendor_id
    notes = [(v.id, n) for v in CATALOG.vendors for part in (*v.editions, *v.add_ons) if (n := part.price_note)]
    assert [(vendor_id, named.findall(note)) for vendor_id, note in notes if named.search(note)] == []


@pytest.mark.parametrize("vendor_id", ["salesforce-sales-cloud", "hubspot", "creatio"])
def test_show_is_readable_at_80_columns(vendor_id: str) -> None:
    code, out, _ = run("vendors", "show", vendor_id, "--today", TODAY, "--answers", str(INDUSTRIAL), columns="80")
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80
    text = flat(out)
    for edition in vendor(vendor_id).editions:
        assert all(word in text for word in edition.name.split()), edition.name  # names are not cut


def test_show_with_answers_puts_the_need_beside_each_rating_and_the_recommended_configuration(
    answers_file: AnswersFile,
) -> None:
    constraints = {"languages": ["fr"], "users": 15}
    answers = answers_file(constraints=constraints)
    code, out, err = run("vendors", "show", "pipedrive", "--answers", str(answers), "--today", TODAY)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    header = next(line for line in lines if "capability" in line)
    assert "need" in header.split("┃")[3]
    row = next(line for line in lines if "│ Account hierarchy" in line)
    cells = [c.strip() for c in row.split("│")]
    assert cells[3] == "5"  # the need, beside the rating
    assert "must-have" in out
    text = flat(out)
    assert "For Ferronnerie Dauphinoise SAS" in text
    assert f"recommended {recommended(answers, 'pipedrive')}" in text
    assert "a year at list price, licences only, for 15 users" in text
    assert "converted at 1 USD = 0.8951 EUR (ECB, 30 October 2026)" in text


def test_compare_three_vendors_with_their_editions_and_prices() -> None:
    code, out, err = run("vendors", "compare", "sellsy", "axonaut", "pipedrive", "--today", TODAY, columns="80")
    assert (code, err) == (0, "")
    assert max(len(line) for line in out.splitlines()) <= 80
    header = next(line for line in out.splitlines() if "capability" in line)
    assert all(name in header for name in ("Sellsy", "Axonaut", "Pipedrive"))
    text = flat(out)
    assert "Sellsy vs Axonaut vs Pipedrive" in text
    for edition in vendor("pipedrive").editions:
        assert edition.name in text
    assert "Lite: US$14/user/month" in text
    assert "`crmadvisor vendors show ID`" in text  # three columns have no room for the evidence
    assert "Sum of ratings in the cheapest edition: Sellsy" in text


def test_compare_with_answers_adds_the_need_and_each_vendors_configuration_and_cost(answers_file: AnswersFile) -> None:
    answers = answers_file(constraints={"users": 15})
    ids = ("salesforce-sales-cloud", "hubspot", "pipedrive")
    code, out, err = run("vendors", "compare", *ids, "--answers", str(answers), "--today", TODAY, columns="400")
    assert (code, err) == (0, "")
    header = next(line for line in out.splitlines() if "capability" in line)
    assert header.split("┃")[2].strip() == "need"
    row = next(line for line in out.splitlines() if "│ Account hierarchy" in line)
    assert row.split("│")[2].strip() == "5 !"  # a must-have
    text = flat(out)
    for vendor_id in ids:
        rows = [line for line in out.splitlines() if line.startswith(f"│ {vendor(vendor_id).name} ")]
        assert any(f"│ {recommended(answers, vendor_id)} " in row for row in rows)  # the offers, then this
    assert text.count("a year at list price") >= 2


def test_compare_an_unknown_id_is_a_usage_error_naming_each_with_a_suggestion() -> None:
    code, out, err = run("vendors", "compare", "sellsy", "hubspt", "pipdrive")
    assert (code, out) == (2, "")
    assert "no vendor `hubspt` in the catalogue: did you mean `hubspot`?" in err
    assert "no vendor `pipdrive` in the catalogue: did you mean `pipedrive`?" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("ids", [("sellsy",), ("sellsy", "sellsy")])
def test_compare_needs_two_different_vendors(ids: tuple[str, ...]) -> None:
    code, out, err = run("vendors", "compare", *ids)
    assert (code, out) == (2, "")
    assert ("needs two vendor ids or more (got 1)" if len(ids) == 1 else "`sellsy` named more than once") in err


def test_show_with_a_missing_answers_file_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = run("vendors", "show", "sellsy", "--answers", str(tmp_path / "none.yaml"))
    assert (code, out) == (2, "")
    assert "none.yaml" in err


def test_show_and_compare_with_answers_speak_french() -> None:
    code, out, _ = run("vendors", "show", "salesforce-sales-cloud", "--answers", str(INDUSTRIAL), "--lang", "fr")
    assert code == 0
    text = flat(out)
    for word in ("Éditions (la moins chère d'abord)", "prix catalogue", "besoin", "indispensable", "Pour Ferronnerie"):
        assert word in text, word
    assert "facturé à l'année" in text and "par utilisateur et par mois" in text
    for word in ("cheapest first", "billed annually", "min. users", "yearly cost", "upgrades"):
        assert word not in text, word
    code, out, _ = run(
        "vendors", "compare", "sellsy", "axonaut", "hubspot", "--answers", str(INDUSTRIAL), "--lang", "fr"
    )
    assert code == 0
    text = flat(out)
    assert "Éditions et modules, au prix catalogue" in text and "un indispensable" in text
    assert "Editions and add-ons" not in text


def test_schema_vendor_describes_format_2_and_accepts_the_scaffold(tmp_path: Path) -> None:
    import json

    import jsonschema

    code, out, _ = run("schema", "vendor")
    assert code == 0
    schema = json.loads(out)
    assert "Format 2" in schema["description"] and "docs/vendor-format.md" in schema["description"]
    assert 2 in schema["properties"]["format"]["enum"]
    assert "every edition rated" in schema["$defs"]["CapabilityRating"]["properties"]["by_edition"]["description"]
    checker = jsonschema.Draft202012Validator(schema)
    run("vendors", "new", "acme-crm", "--dir", str(tmp_path), "--today", TODAY)
    doc = json.loads(json.dumps(yaml.safe_load((tmp_path / "acme-crm.yaml").read_text(encoding="utf-8")), default=str))
    assert list(checker.iter_errors(doc)) == []

    def refused(change: dict[str, object], rating: dict[str, object] | None = None) -> bool:
        changed = {**doc, **change}
        if rating is not None:
            changed["ratings"] = {**doc["ratings"], "account_hierarchy": rating}
        return bool(list(checker.iter_errors(changed)))

    assert refused({}, {"rating": 2, "by_edition": {"standard": 2}, "evidence": "both"})
    assert refused({}, {"evidence": "neither"})
    assert not refused({}, {"by_edition": {"standard": 2}, "evidence": "per edition"})
    assert refused({"price_from": {"amount": 25, "currency": "EUR"}})  # a format 1 key in format 2
    assert refused({"editions": None})
    assert refused({"format": 1})  # format 1 has no editions
