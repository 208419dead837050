"""Vendor files in format 2 (editions, add-ons, prices) and format 1 kept loading: docs/vendor-format.md."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from crmadvisor.cli import app
from crmadvisor.load.catalog import load_catalog
from crmadvisor.model.schema import CapabilityRating

DATA = Path(__file__).resolve().parent / "data" / "editions"
TODAY = dt.date(2026, 12, 2)


def validate(*paths: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(app, ["validate", *map(str, paths), "--today", TODAY.isoformat()])
    return result.exit_code, result.stdout.splitlines()


def line_of(path: Path, pattern: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if re.search(pattern, line))


def test_a_format_2_file_is_valid_without_warnings() -> None:
    code, out = validate(DATA / "good" / "acme-crm.yaml")
    assert code == 0
    assert out == ["1 file checked: 0 error(s), 0 warning(s)"]


def test_every_mistake_of_a_format_2_file_is_located_in_one_run() -> None:
    path = DATA / "bad" / "acme-crm.yaml"
    code, out = validate(path)
    assert code == 1
    expected = {
        # field -> (line pattern, what the message says)
        "editions.0.price.amount": (r"amount: 0,", "price 0 needs a `price_note`"),
        "editions.1.price.amount": (r"amount: -100,", "greater than or equal to 0"),
        "add_ons.0.requires.1": (r"requires: \[pro, entreprise\]", "no edition `entreprise`"),
        "add_ons.0.raises.lead_scorring": (r"raises: \{lead_scorring", "no capability `lead_scorring`"),
        "add_ons.1.price.currency": (r"currency: EUX", "unknown currency `EUX`"),
        "ratings.sales_forecasting.by_edition.ultimate": (r"ultimate: 4", "no edition `ultimate`"),
        "ratings.sales_forecasting.by_edition": (r"ultimate: 4", "no rating for edition enterprise"),
    }
    located = re.compile(rf"^{re.escape(str(path))}:(\d+):(\d+): error: ([^:]+): (.*)$")
    found = {m[3]: (int(m[1]), m[4]) for m in map(located.match, out[:-1]) if m}
    assert len(found) == len(out) - 1, out  # every line is located
    for field, (pattern, says) in expected.items():
        assert field in found, out
        line, message = found[field]
        assert line == line_of(path, pattern), (field, out)
        assert says in message
    assert out[-1] == f"1 file checked: {len(expected)} error(s), 0 warning(s)"


def test_misspelt_edition_and_currency_get_a_suggestion() -> None:
    _, out = validate(DATA / "bad" / "acme-crm.yaml")
    text = "\n".join(out)
    assert "did you mean `enterprise`?" in text
    assert "did you mean `lead_scoring`?" in text
    assert "did you mean `EUR`?" in text


def test_format_1_loads_as_one_edition_with_a_warning(tmp_path: Path) -> None:
    code, out = validate(DATA / "format1" / "acme-crm.yaml")
    assert code == 0
    assert "warning: format: format 1: loads as a single edition" in out[0]
    folder = tmp_path / "vendors"
    folder.mkdir()
    shutil.copy(DATA / "format1" / "acme-crm.yaml", folder)
    catalog = load_catalog(vendor_dirs=[folder], shipped_vendors=False, today=TODAY)
    (vendor,) = catalog.vendors
    (edition,) = vendor.editions
    assert edition.name == "Starter"
    assert edition.price is not None and (edition.price.amount, edition.price.currency) == (25, "USD")
    assert edition.price.per == "user_month"
    assert vendor.add_ons == ()


def test_format_2_loads_editions_add_ons_and_per_edition_ratings(tmp_path: Path) -> None:
    folder = tmp_path / "vendors"
    folder.mkdir()
    shutil.copy(DATA / "good" / "acme-crm.yaml", folder)
    (vendor,) = load_catalog(vendor_dirs=[folder], shipped_vendors=False, today=TODAY).vendors
    assert [e.id for e in vendor.editions] == ["starter", "pro", "enterprise"]
    assert [a.id for a in vendor.add_ons] == ["insights", "loyalty"]
    forecasts = vendor.ratings["sales_forecasting"]
    assert [forecasts.at(e.id) for e in vendor.editions] == [0, 2, 4]
    assert vendor.ratings["lead_scoring"].unverified


def good_file_without(text: str, folder: Path) -> Path:
    """The good format 2 file with `text` removed, written in `folder`."""
    path = folder / "acme-crm.yaml"
    path.write_text((DATA / "good" / "acme-crm.yaml").read_text().replace(text, ""))
    return path


def test_format_2_keys_in_a_format_1_file_are_refused(tmp_path: Path) -> None:
    code, out = validate(good_file_without("format: 2\n", tmp_path))
    assert code == 1
    assert any("error: editions: `editions` needs `format: 2`" in line for line in out)
    assert any("error: ratings.quotes.by_edition: `by_edition` needs `format: 2`" in line for line in out)


def test_an_unsourced_rating_in_format_2_warns_unless_marked_unverified(tmp_path: Path) -> None:
    code, out = validate(good_file_without("    unverified: true\n", tmp_path))
    assert code == 0
    (warning,) = [line for line in out if "warning" in line and ": ratings." in line]
    assert "ratings.lead_scoring: no `source`" in warning and "unverified: true" in warning


def test_a_rates_file_with_a_non_positive_rate_is_located() -> None:
    path = DATA / "bad-rates.yaml"
    code, out = validate(path)
    assert code == 1
    assert out[0].startswith(f"{path}:{line_of(path, 'GBP: 0')}:8: error: rates.GBP:")
    assert out[1].startswith(f"{path}:{line_of(path, 'CHF: -1')}:8: error: rates.CHF:")


def test_the_shipped_rates_are_dated_and_sourced() -> None:
    code, out = validate(Path(__file__).resolve().parents[1] / "rates" / "ecb.yaml")
    assert code == 0, out


def test_schema_vendor_describes_editions_add_ons_and_per_edition_ratings() -> None:
    result = CliRunner().invoke(app, ["schema", "vendor"])
    schema = json.loads(result.stdout)
    defs = schema["$defs"]
    assert {"editions", "add_ons", "format"} <= set(schema["properties"])
    assert {"by_edition", "unverified"} <= set(defs["CapabilityRating"]["properties"])
    assert {"amount", "currency", "per", "billing"} <= set(defs["ListPrice"]["properties"])
    assert {"requires", "raises", "price"} <= set(defs["AddOn"]["properties"])


@given(st.dictionaries(st.from_regex(r"[a-z]{1,8}", fullmatch=True), st.integers(0, 5), min_size=1))
def test_a_per_edition_rating_never_credits_an_edition_it_does_not_name(by_edition: dict[str, int]) -> None:
    rating = CapabilityRating(by_edition=by_edition, evidence="x", unverified=True)
    for edition, value in by_edition.items():
        assert rating.at(edition) == value
    assert rating.at(None) == rating.at("not_an_edition") == min(by_edition.values())
