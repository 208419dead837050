"""Exchange rates: the shipped ECB table, `--rates FILE`, budgets in any currency it knows (docs/vendor-format.md)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import DATA, TODAY, AnswersFile, run

ACME = DATA / "editions" / "good"
RATES = "kind: rates\nbase: EUR\ndate: 2026-11-30\nsource: https://www.ecb.europa.eu/\nrates:\n{rates}"


def rates_file(tmp_path: Path, **rates: float) -> Path:
    path = tmp_path / "rates.yaml"
    path.write_text(RATES.format(rates="".join(f"  {c}: {r}\n" for c, r in rates.items())), encoding="utf-8")
    return path


def assess(answers: Path, *extra: object) -> tuple[int, str, str]:
    code, out, err = run(
        "assess", "--answers", answers, "--vendors", ACME, "--no-shipped-vendors", "--draws", "0",
        "--width", 200, "--today", TODAY, *extra,
    )  # fmt: skip
    return code, " ".join(out.split()), err


def test_a_rates_file_without_a_currency_the_prices_use_is_located(tmp_path: Path, answers_file: AnswersFile) -> None:
    rates = rates_file(tmp_path, GBP=0.85)
    code, _, err = assess(answers_file(), "--rates", rates)
    assert code == 1
    (line,) = err.splitlines()
    assert line.startswith(f"{rates}:5:1: error: rates: no rate for USD, the currency of acme-crm's prices")


def test_a_non_positive_rate_is_located(tmp_path: Path, answers_file: AnswersFile) -> None:
    rates = rates_file(tmp_path, USD=1.1, GBP=0, CHF=-1)
    code, _, err = assess(answers_file(), "--rates", rates)
    assert code == 1
    assert [line.split(": error: ")[0] for line in err.splitlines()] == [f"{rates}:7:8", f"{rates}:8:8"]


def test_the_given_rates_convert_the_budget_and_the_report_says_which_rate_and_day(
    tmp_path: Path, answers_file: AnswersFile
) -> None:
    answers = answers_file(constraints={"users": 10, "budget_per_user_month": 20, "budget_currency": "EUR"})
    code, out, _ = assess(answers, "--rates", rates_file(tmp_path, USD=1.25))
    assert code == 0
    # every Acme configuration is over 20 EUR: the cheapest meeting the must-haves is named, at 1 EUR = 1.25 USD
    found = re.search(r"costs US\$(\d+) \(≈ €([\d.]+) at the ECB rate of 30 November 2026\) per user per month", out)
    assert found, out
    assert float(found[2]) == round(int(found[1]) / 1.25, 2)
    code, out, _ = assess(answers)  # the shipped table: another day
    assert "at the ECB rate of 30 October 2026" in out


def test_a_budget_currency_the_rates_lack_is_located_in_the_answers(tmp_path: Path, answers_file: AnswersFile) -> None:
    answers = answers_file(constraints={"budget_per_user_month": 20, "budget_currency": "CHF"})
    code, _, err = assess(answers, "--rates", rates_file(tmp_path, USD=1.1))
    assert code == 1
    assert re.match(rf"{re.escape(str(answers))}:\d+:\d+: error: constraints.budget_currency: no rate for `CHF`", err)


def test_a_budget_written_with_its_currency_points_to_budget_currency(answers_file: AnswersFile) -> None:
    for typed in ("35 EUR", "35 €", "$35"):
        answers = answers_file(constraints={"budget_per_user_month": typed})
        code, _, err = assess(answers)
        assert code == 1
        assert "constraints.budget_per_user_month:" in err and "`budget_currency`" in err, err
