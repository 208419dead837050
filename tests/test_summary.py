"""The executive summary as a reader meets it (issue 15): first on the terminal, alone with --summary, the
ranking cut with --top, the recommendation in its configuration and cost, French numbers, dates and plurals."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, TODAY, AnswersFile, run

WIDE = "200"  # wide enough for table rows not to wrap
NNBSP = "\u202f"  # the narrow no-break space French puts between thousands
NO_DRAWS = ("--draws", "0")  # for the tests of what the robustness analysis does not touch


def assess(answers: Path, *extra: str) -> tuple[int, str, str]:
    return run("assess", "--answers", str(answers), "--today", TODAY, *extra)


def section(markdown: str, heading: str) -> str:
    """A level-2 section of a Markdown report, up to the next one."""
    start = markdown.index(f"\n## {heading}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end >= 0 else None]


def json_report(answers: Path, tmp_path: Path, *extra: str) -> dict[str, Any]:
    code, out, err = assess(answers, "--format", "json", *extra)
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def test_the_terminal_starts_with_the_summary_and_the_recommendation() -> None:
    code, out, _ = assess(EXAMPLES / "online-retailer.yaml")
    assert code == 0
    lines = out.splitlines()
    first = {
        name: next(i for i, line in enumerate(lines) if name in line)
        for name in ("Executive summary", "─ Recommendation", "Company profile", "Ranking", "How sure is this ranking?")
    }
    assert first["Executive summary"] < 3  # right under the title rule
    assert first["Executive summary"] < first["─ Recommendation"] < first["Company profile"] < first["Ranking"]
    summary = "\n".join(lines[: first["─ Recommendation"]])
    for heading in ("Blocking findings", "What could not be checked", "How sure", "Next steps"):
        assert heading in summary
    assert "draws" not in summary and "seed" not in summary  # a manager reads words; the numbers are further down


def test_summary_prints_the_summary_alone_on_one_screen() -> None:
    code, out, _ = assess(EXAMPLES / "online-retailer.yaml", "--summary")
    assert code == 0
    assert "Executive summary" in out and "Next steps" in out
    for later in ("Company profile", "Needs", "Ranking", "Gap matrix", "How sure is this ranking?"):
        assert later not in out
    assert len(out.splitlines()) < 70  # a page, not the 500 lines of the whole assessment


def test_summary_is_for_the_terminal_only(tmp_path: Path) -> None:
    code, _, err = assess(EXAMPLES / "online-retailer.yaml", "--summary", "--output", str(tmp_path / "r.md"), *NO_DRAWS)
    assert code == 2
    assert "--summary prints the executive summary on the terminal" in err
    assert not (tmp_path / "r.md").exists()


def test_top_n_shows_n_vendors_in_the_ranking_and_the_gap_matrix() -> None:
    code, out, _ = assess(EXAMPLES / "online-retailer.yaml", "--top", "3", "--width", WIDE, *NO_DRAWS)
    assert code == 0
    lines = out.splitlines()

    def rows_after(title: str) -> list[str]:
        start = next(i for i, line in enumerate(lines) if line.strip().startswith(title))
        table = []
        for line in lines[start + 1 :]:
            if line.startswith("└"):
                break
            if line.startswith("│") and line.split("│")[1].strip():
                table.append(line)
        return table

    assert [row.split("│")[1].strip() for row in rows_after("Ranking")] == ["1", "2", "3"]
    assert len(rows_after("Gap matrix")) == 3
    assert re.search(r"\d+ more vendors not shown \(--top\)", out)
    code, out, _ = assess(EXAMPLES / "online-retailer.yaml", "--top", "0", *NO_DRAWS)
    assert code == 2  # at least one vendor


def test_the_summary_names_each_recommended_configuration_and_its_yearly_cost(
    tmp_path: Path, answers_file: AnswersFile
) -> None:
    answers = answers_file(constraints={"languages": ["fr"], "company_size": "medium", "users": 15})
    out = tmp_path / "r.md"
    code, _, err = assess(answers, "--output", str(out), "--no-charts")
    assert code == 0, err
    report = out.read_text(encoding="utf-8")
    summary = section(report, "Executive summary")
    data = json_report(answers, tmp_path)
    ranking = {row["vendor"]: row for row in data["ranking"]}
    picks = data["summary"]["picks"]
    assert len(picks) == 3
    for pick in picks:
        configuration = ranking[pick["vendor"]]["configuration"]
        assert f"**{pick['name']}**" in summary
        if configuration["yearly_cost"] is not None:  # the same cost as the ranking's, for 15 users
            assert pick["configuration"] == configuration["name"]
            name = configuration["name"].replace("+", "\\+")  # Markdown escapes the plus between parts
            assert f"*{name}*, {configuration['yearly']} a year for 15 users" in summary
        else:
            assert "price on quote" in summary
    assert "list price, licences only" in summary


def test_the_french_report_writes_numbers_amounts_dates_and_plurals_the_french_way(
    tmp_path: Path, answers_file: AnswersFile
) -> None:
    answers = answers_file(base="hybrid-b2b2c", constraints={"languages": ["fr"], "users": 1})
    out = tmp_path / "r.md"
    code, _, err = assess(answers, "--output", str(out), "--no-charts")
    assert code == 0, err
    report = out.read_text(encoding="utf-8")
    assert f"2{NNBSP}000 tirages perturbés" in report  # not "2000"
    assert not re.search(r"\b\d{4} tirages", report)
    assert "- **Date\xa0:** 2 décembre 2026" in report
    assert re.search(r"\d+(,\d\d)?\xa0€ par an", report)  # "35 €": the amount, a no-break space, the sign
    assert not re.search(r"\d (EUR|USD) (par|/)", report)  # codes only in the rates: "1 USD = 0,8951 EUR"
    assert "(BCE, 30 octobre 2026)" in report
    assert "1 utilisateurs" not in report
    summary = section(report, "Synthèse")
    assert "Orientation\xa0: hybride" in summary  # no capital after a French colon
    assert not re.search(r"\s: (Le|La|Important|Utile|Critique)\b", report)
    # one user, in the singular, where a recommended configuration is priced
    single = answers_file(
        "single.yaml", base="industrial-supplier", lang="fr", constraints={"languages": ["fr"], "users": 1}
    )
    assert assess(single, "--output", str(out), "--no-charts")[0] == 0
    assert "pour 1 utilisateur " in out.read_text(encoding="utf-8")


def test_the_english_report_groups_thousands_with_a_comma(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    code, _, _ = assess(EXAMPLES / "industrial-supplier.yaml", "--output", str(out), "--no-charts")
    assert code == 0
    report = out.read_text(encoding="utf-8")
    methodology = section(report, "Methodology")
    assert "2,000 random draws from seed 20261122" in methodology
    assert "- **Date:** 2 December 2026" in report


def test_needs_reasons_are_short_phrases() -> None:
    code, out, _ = assess(EXAMPLES / "industrial-supplier.yaml", "--width", WIDE, *NO_DRAWS)
    assert code == 0
    assert "(ceiling" not in out and "importance Critical (must-have)" not in out
    account = next(line for line in out.splitlines() if line.startswith("│ Account hierarchy"))
    why = account.split("│")[3].strip()
    assert why.startswith("Critical area, up to 5; raised by ")
    assert len(why) < 110


@pytest.mark.parametrize("example", ["industrial-supplier", "online-retailer", "hybrid-b2b2c"])
def test_the_flip_rule_is_worded_as_it_is_computed(tmp_path: Path, example: str) -> None:
    answers = EXAMPLES / f"{example}.yaml"
    assert assess(answers, "--output", str(tmp_path / "r.md"), "--no-charts", "--lang", "en")[0] == 0
    assert assess(answers, "--output", str(tmp_path / "r.json"), "--no-charts", "--lang", "en")[0] == 0
    report = (tmp_path / "r.md").read_text(encoding="utf-8")
    robustness = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["robustness"]
    assert "No change of a single feature area's importance" not in report
    if robustness["flip_winner"] is None:
        assert "no change of one or two importance levels" in report
    else:  # the summary names the change and the winner it would make
        summary = report.split("\n## ")[1]  # the executive summary, its sub-headings included
        assert f"would put {robustness['flip_winner']} first" in summary
        assert robustness["flip_to"].casefold() in summary


def test_a_yearly_budget_is_shown_as_given_in_the_answers_appendix(tmp_path: Path, answers_file: AnswersFile) -> None:
    answers = answers_file(constraints={"users": 40, "budget_per_year": 60000, "budget_currency": "EUR"})
    out = tmp_path / "r.md"
    assert assess(answers, "--output", str(out), "--no-charts", "--lang", "en", *NO_DRAWS)[0] == 0
    report = out.read_text(encoding="utf-8")
    assert "| Budget per year, all licences | €60,000" in report
    assert "Budget per user per month" not in report
