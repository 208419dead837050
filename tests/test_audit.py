"""`crmadvisor vendors audit`: how well a folder of profiles is sourced, as a consultancy's CI runs it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from typer.testing import CliRunner

from crmadvisor.cli import app

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-12-02"
ENV = {"COLUMNS": "200", "NO_COLOR": "1"}
OWN = "https://support.pipedrive.com/en/article/pipelines"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["vendors", "audit", "--today", TODAY, *args], catch_exceptions=False, env=ENV)
    return result.exit_code, result.stdout, result.stderr


def _folder(tmp_path: Path, edit: dict[str, dict[str, object]], extra: dict[str, object] | None = None) -> Path:
    """A one-vendor folder: Pipedrive with every rating sourced from its own site, then `edit` applied."""
    data = yaml.safe_load((ROOT / "vendors" / "pipedrive.yaml").read_text(encoding="utf-8"))
    own = OWN
    data["sources"] = [own]
    data["vendor_domains"] = []
    data["editions"] = [{"id": "lite", "name": "Lite", "price_note": "On quote."}]
    data.pop("add_ons", None)
    for rating in data["ratings"].values():
        rating.pop("unverified", None)
        if "by_edition" in rating:  # one edition here: one rating
            rating["rating"] = max(rating.pop("by_edition").values())
        rating["source"] = own
    for capability, change in edit.items():
        data["ratings"][capability].update(change)
        if change.get("source"):
            data["sources"].append(change["source"])
        if "source" in change and change["source"] is None:
            del data["ratings"][capability]["source"]
    data.update(extra or {})
    folder = tmp_path / "vendors"
    folder.mkdir()
    (folder / "pipedrive.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder


def test_counts_sourced_and_unverified_ratings_and_sources_by_kind(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {
            "lead_scoring": {"source": None, "unverified": True},
            "quotes": {"source": "https://www.g2.com/products/pipedrive/reviews"},
            "open_api": {"source": "https://raw.githubusercontent.com/someone/pipedrive/main/plans.yml"},
        },
    )
    code, out, err = run("--vendors", str(folder), "--format", "json")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    [vendor] = doc["vendors"]
    assert vendor["id"] == "pipedrive" and vendor["ratings"] == 23
    # a third-party source counts as sourced; a raw repository file does not
    assert sorted(vendor["unverified"]) == ["lead_scoring", "open_api"]
    assert vendor["sourced"] == 21 and doc["unverified"] == 2
    assert vendor["sources"]["vendor"] == ["https://support.pipedrive.com/en/article/pipelines"]
    assert vendor["sources"]["third_party"] == ["https://www.g2.com/products/pipedrive/reviews"]
    assert vendor["sources"]["disallowed"] == ["https://raw.githubusercontent.com/someone/pipedrive/main/plans.yml"]
    assert vendor["undated_prices"] == []


def test_max_unverified_fails_ci_above_the_share_and_passes_at_or_below_it(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"lead_scoring": {"source": None, "unverified": True}})  # 1 of 23 = 4.3 %
    code, out, _ = run("--vendors", str(folder), "--max-unverified", "0.04")
    assert code == 1
    assert "1 unverified (4.3 %); ABOVE the limit of 4.0 %" in out
    code, out, _ = run("--vendors", str(folder), "--max-unverified", "0.1")
    assert code == 0
    assert "within the limit of 10.0 %" in out
    code, _, err = run("--vendors", str(folder), "--max-unverified", "1.5")
    assert code == 2 and "--max-unverified" in err


def test_text_names_each_unverified_rating_and_each_banned_source(tmp_path: Path) -> None:
    bad = "https://github.com/odoo/documentation/pull/4474.diff"
    folder = _folder(tmp_path, {"quotes": {"source": None, "unverified": True}, "open_api": {"source": bad}})
    code, out, err = run("--vendors", str(folder))
    assert (code, err) == (0, "")
    assert "pipedrive: unverified: open_api, quotes" in out
    assert f"pipedrive: not a citable source: {bad}" in out
    row = next(line for line in out.splitlines() if line.startswith("pipedrive "))
    assert "21/23" in row and "91.3 %" in row


def test_github_annotations_point_at_the_rating_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"quotes": {"source": None}})  # no source and not marked either
    code, out, _ = run("--vendors", str(folder), "--format", "github", "--max-unverified", "0")
    assert code == 1
    lines = (folder / "pipedrive.yaml").read_text(encoding="utf-8").splitlines()
    quotes_line = next(i for i, line in enumerate(lines, 1) if line.startswith("  quotes:"))
    assert f"::warning file={folder / 'pipedrive.yaml'},line={quotes_line}," in out
    assert "title=unmarked::ratings.quotes: rating has no source and is not marked `unverified: true`" in out
    assert "::error title=unverified share::" in out


def test_a_docs_domain_the_vendor_declares_counts_as_its_own(tmp_path: Path) -> None:
    docs = "https://pipedrive.readme.io/docs/campaigns-in-pipedrive-api"
    folder = _folder(tmp_path, {"drip_campaigns": {"source": docs}})
    _, out, _ = run("--vendors", str(folder), "--format", "json")
    assert docs in json.loads(out)["vendors"][0]["sources"]["third_party"]
    shutil.rmtree(folder)
    folder = _folder(tmp_path, {"drip_campaigns": {"source": docs}}, {"vendor_domains": ["pipedrive.readme.io"]})
    _, out, _ = run("--vendors", str(folder), "--format", "json")
    assert docs in json.loads(out)["vendors"][0]["sources"]["vendor"]


def test_a_stale_review_and_an_undated_price_are_reported(tmp_path: Path) -> None:
    edition = {"id": "lite", "name": "Lite", "price": {"amount": 14, "currency": "USD"}, "source": OWN}
    folder = _folder(tmp_path, {}, {"review_date": "2025-11-01", "editions": [edition]})
    code, out, _ = run("--vendors", str(folder), "--format", "json")
    assert code == 0
    vendor = json.loads(out)["vendors"][0]
    assert vendor["stale"] is True
    assert vendor["undated_prices"] == ["edition lite"]  # a price without `as_of`
    _, out, _ = run("--vendors", str(folder))
    assert "2025-11-01 (stale)" in out


def test_an_invalid_profile_is_a_located_error_not_a_traceback(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"quotes": {"rating": 9}})
    code, out, err = run("--vendors", str(folder))
    assert code == 1 and out == ""
    assert "pipedrive.yaml:" in err and "ratings.quotes.rating" in err
    code, _, err = run("--vendors", str(tmp_path / "nowhere"))
    assert code == 2 and "no such vendors folder" in err


def test_the_shipped_catalogue_audit_adds_up() -> None:
    code, out, err = run("--format", "json")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    shipped = sorted(p.stem for p in (ROOT / "vendors").glob("*.yaml"))
    assert [v["id"] for v in doc["vendors"]] == shipped
    for vendor in doc["vendors"]:
        assert vendor["sourced"] + len(vendor["unverified"]) == vendor["ratings"] == 23
    assert doc["unverified"] == sum(len(v["unverified"]) for v in doc["vendors"])


def test_the_text_speaks_french_on_request(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"quotes": {"source": None, "unverified": True}})
    code, out, _ = run("--vendors", str(folder), "--lang", "fr", "--max-unverified", "0.1")
    assert code == 0
    assert "pipedrive : non vérifiées : quotes" in out
    assert "23 notes : 1 non vérifiées (4.3 %) ; dans la limite de 10.0 %" in out
