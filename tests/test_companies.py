"""The check of issue 12 on six companies a consultant wrote before running the model
(tests/data/companies, expectations in each file's comments). Rules, not ranks."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crmadvisor import workflow
from crmadvisor.cli import app
from crmadvisor.model.assessment import Assessment, assess
from crmadvisor.model.schema import Catalog

COMPANIES = sorted((Path(__file__).resolve().parent / "data" / "companies").glob("*.yaml"))
# the vendors each file's comments say a consultant would shortlist, written before any run
CONSULTANT = {
    "industrial-maker": {"dynamics-365-sales", "salesforce-sales-cloud", "sap-sales-cloud", "sugarcrm", "zoho-crm"},
    "b2c-retailer": {"splio", "sap-emarsys", "actito", "salesforce-marketing-cloud", "adobe-campaign"},
    "b2b-distributor": {"odoo-crm", "sellsy", "dynamics-365-sales", "zoho-crm", "salesforce-sales-cloud"},
    "small-saas": {"hubspot", "zoho-crm", "brevo", "freshsales", "pipedrive"},
    "b2b2c-operator": {"salesforce-sales-cloud", "dynamics-365-sales", "oracle-sales", "sap-sales-cloud"},
    "declared-b2c-answers-b2b": {"sellsy", "hubspot", "pipedrive", "zoho-crm", "teamleader-focus"},
}


@cache
def catalog() -> Catalog:
    return workflow.catalog(None, [], shipped_vendors=True, today=dt.date(2026, 12, 2))


@cache
def result(name: str) -> Assessment:
    path = next(p for p in COMPANIES if p.stem == name)
    return assess(catalog(), workflow.complete_answers(path, catalog()), draws=200)


def test_the_six_companies_are_all_there() -> None:
    assert {p.stem for p in COMPANIES} == set(CONSULTANT)


@pytest.mark.parametrize("name", sorted(CONSULTANT))
def test_the_top_needs_include_every_area_answered_critical(name: str) -> None:
    found = result(name)
    top = max(n.level for n in found.needs)
    for area, importance in found.answers.importance.items():
        if importance == "critical":
            assert max(n.level for n in found.needs if n.area == area) == top == 5, area


@pytest.mark.parametrize("name", sorted(CONSULTANT))
def test_one_of_the_top_three_meets_every_must_have_the_market_meets(name: str) -> None:
    found = result(name)
    race = [f for f in found.fits if not f.excluded]
    if any(not f.blocked for f in race):
        assert any(not f.blocked for f in race[:3])
    uncovered = {g.capability for g in found.market_gaps}
    assert not any(g.severity == "blocking" and g.capability in uncovered for f in race for g in f.gaps)


@pytest.mark.parametrize("name", sorted(CONSULTANT))
def test_the_recommendation_names_vendors_a_consultant_would_shortlist(name: str) -> None:
    advice = result(name).advice
    assert advice is not None and len(advice.shortlist) == 3
    named = {p.vendor for p in advice.shortlist}
    assert named & CONSULTANT[name], named
    orientation = {v.id: v.orientation for v in catalog().vendors}
    side = result(name).profile.orientation
    # never a vendor built for the other side of the market than the company measured
    wrong = {"b2b": "b2c", "b2c": "b2b"}.get(side)
    assert not {v for v in named if orientation[v] == wrong}


def test_the_declared_model_that_contradicts_the_answers_is_flagged_and_the_answers_decide() -> None:
    found = result("declared-b2c-answers-b2b")
    assert found.profile.declared == "b2c" and found.profile.orientation == "b2b"
    assert not found.profile.consistent
    assert found.advice is not None and set(found.advice.suggested) == {"automation", "calls"}
    assert found.loyalty is not None and found.loyalty.verdict == "fix_fundamentals"
    assert not found.loyalty_raised


def test_the_recommendation_is_in_every_output(tmp_path: Path) -> None:
    path = next(p for p in COMPANIES if p.stem == "industrial-maker")
    runner = CliRunner()
    found = result("industrial-maker")
    assert found.advice is not None
    first = next(v.name for v in catalog().vendors if v.id == found.advice.shortlist[0].vendor)
    for fmt in ("md", "html", "json"):
        out = tmp_path / f"r.{fmt}"
        # no charts: they do not carry the recommendation (tests/test_report.py checks them)
        done = runner.invoke(app, ["assess", "--answers", str(path), "--draws", "200", "--no-charts", "-o", str(out)])
        assert done.exit_code == 0, done.stderr
        text = out.read_text(encoding="utf-8")
        if fmt == "json":
            data = json.loads(text)
            assert data["report_schema_version"] == 2
            assert data["recommendation"]["picks"][0]["vendor"] == found.advice.shortlist[0].vendor
            assert data["recommendation"]["picks"][0]["verify"] and first in data["recommendation"]["headline"]
        else:
            assert "Recommendation" in text and "Verify in a demo" in text and first in text
    done = runner.invoke(app, ["assess", "--answers", str(path), "--draws", "200", "--width", "100"])
    assert (
        done.exit_code == 0 and "Recommendation" in done.stdout and "Must-haves named by the consultant" in done.stdout
    )
