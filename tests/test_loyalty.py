"""`crmadvisor loyalty` and the loyalty section of `assess`: gate, mechanics, success factors, needs, errors."""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLES, ROOT, TODAY, run
from hypothesis import given, settings
from hypothesis import strategies as st
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from crmadvisor import workflow
from crmadvisor.cli import app
from crmadvisor.load.criteria import load_criteria
from crmadvisor.model.loyalty import MAX_RAISE, loyalty_from, raise_needs
from crmadvisor.model.needs import needs_from
from crmadvisor.model.profile import profile_from
from crmadvisor.model.schema import Catalog, LoyaltyFile

EXAMPLE = EXAMPLES / "industrial-supplier-loyalty.yaml"
ARTICLE = ROOT.parent / "shared" / "seeds" / "002_ead71232a8a67b53.txt"
WIDE = "200"
DOWN, UP, ENTER, CTRL_C = "\x1b[B", "\x1b[A", "\r", "\x03"


@cache
def loyalty() -> LoyaltyFile:
    found = load_criteria().loyalty
    assert found is not None
    return found


@cache
def catalog() -> Catalog:
    return workflow.catalog(None, [], shipped_vendors=True, today=dt.date.fromisoformat(TODAY))


def passing() -> dict[str, str]:
    """Every loyalty question answered with its first option that fails no fundamental."""
    return {q.id: next(o.id for o in q.options if o.blocks is None) for q in loyalty().questions}


def write(tmp_path: Path, section: dict[str, str], name: str = "answers.yaml", **top: Any) -> Path:
    path = tmp_path / name
    data = {"kind": "answers", "company": "Acme Industrie", "lang": "en", **top, "loyalty": section}
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def loyalty_cli(path: Path, *extra: str) -> tuple[int, str, str]:
    return run("loyalty", "--answers", str(path), "--width", WIDE, *extra)


def name_of(fundamental: str, lang: str = "en") -> str:
    return next(f.name(lang) for f in loyalty().fundamentals if f.id == fundamental)


BLOCKING = [(q.id, o.id, o.blocks) for q in loyalty().questions for o in q.options if o.blocks is not None]


# ------------------------------------------------------------------ the fundamentals gate


@pytest.mark.parametrize(("question", "option", "fundamental"), BLOCKING, ids=[f"{q}={o}" for q, o, _ in BLOCKING])
def test_each_single_no_says_fix_that_fundamental_first(
    tmp_path: Path, question: str, option: str, fundamental: str
) -> None:
    code, out, err = loyalty_cli(write(tmp_path, {**passing(), question: option}))
    assert code == 0, err
    verdict = out[out.index("Verdict") :]
    assert "Fix the fundamentals before any loyalty programme: " + name_of(fundamental) + "." in " ".join(
        verdict.split()
    )
    others = {f.id for f in loyalty().fundamentals} - {fundamental}
    failed_line = " ".join(verdict.split()).split(".")[0]
    assert not any(name_of(other) in failed_line for other in others)
    action = next(o.action for q in loyalty().questions for o in q.options if q.id == question and o.id == option)
    assert action is not None
    assert action.en[:40] in " ".join(out.split())
    assert "design the programme" not in out
    assert "Programme design, for when the fundamentals are in place" in out


def test_all_fundamentals_in_place_proceed_to_design(tmp_path: Path) -> None:
    code, out, err = loyalty_cli(write(tmp_path, passing()))
    assert code == 0, err
    assert "The fundamentals are in place: design the programme." in out
    assert "Fix the fundamentals" not in out
    assert out.count("✓ in place") == len(loyalty().fundamentals)


def test_two_failed_fundamentals_are_both_named_with_their_actions(tmp_path: Path) -> None:
    section = {**passing(), "qualification": "no", "field_ready": "no"}
    code, out, _ = loyalty_cli(write(tmp_path, section))
    assert code == 0
    flat = " ".join(out.split())
    assert "Fix the fundamentals before any loyalty programme: Data quality, Control of the sales force." in flat
    assert "Make the sales history of each account reliable" in flat
    assert "Get the field on board first" in flat


def test_incomplete_company_data_is_a_segmentation_action_not_a_failed_fundamental(tmp_path: Path) -> None:
    """The article lists a half-filled SIRET, wrong activity codes and obsolete financial data under
    segmentation, as problems B2B data often has; its data-quality fundamental is identifying
    customers and qualifying them reliably."""
    section = {**passing(), "company_ids": "no", "activity_codes": "no", "financial_data": "no"}
    result = loyalty_from(section, loyalty())
    assert result.verdict == "design"
    assert result.failed == ()
    target = next(f for f in result.factors if f.factor == "target_customers")
    assert target.status == "gap"
    assert {c.question for c in target.gaps} == {"company_ids", "activity_codes", "financial_data"}
    code, out, _ = loyalty_cli(write(tmp_path, section))
    assert code == 0
    flat = " ".join(out.split())
    assert "The fundamentals are in place: design the programme." in flat
    assert "Refresh the financial data of active accounts" in flat
    for question in ("identification", "qualification"):
        failing = {**passing(), question: "no"}
        assert loyalty_from(failing, loyalty()).failed == ("data_quality",)


# ------------------------------------------------------------------ the mix of mechanics

CONTRASTS = {
    "relational": {
        "target_role": "decider",
        "relationship_length": "a_few_years",
        "commitment": "no",
        "catalogue_breadth": "most",
        "programme_goal": "deepen_relationship",
        "privileged_offer": "several",
        "order_frequency": "rare",
    },
    "transactional": {
        "target_role": "user",
        "relationship_length": "occasional",
        "commitment": "no",
        "catalogue_breadth": "small_part",
        "programme_goal": "grow_basket",
        "privileged_offer": "none",
        "order_frequency": "frequent",
    },
    "contractual": {
        "target_role": "buyer",
        "relationship_length": "many_years",
        "commitment": "yes",
        "catalogue_breadth": "most",
        "programme_goal": "secure_renewal",
        "privileged_offer": "none",
        "order_frequency": "rare",
    },
}
EXPECTED_REASON = {
    "relational": "deepening the relationship is what a club with events",
    "transactional": "growing the basket and widening the range is what transactional rewards aim at",
    "contractual": "long relationships where tenure matters call for conditions",
}


@pytest.mark.parametrize("mechanic", list(CONTRASTS))
def test_contrasting_answers_give_each_mechanic_as_primary_with_its_reason(tmp_path: Path, mechanic: str) -> None:
    code, out, err = loyalty_cli(write(tmp_path, {**passing(), **CONTRASTS[mechanic]}))
    assert code == 0, err
    assert f"Recommended: {mechanic} mechanics first" in out
    table = out[out.index("3. Programme design") : out.index("Recommended:")]
    row = next(line for line in table.splitlines() if "primary" in line)
    assert row.split("│")[1].strip() == mechanic.capitalize()
    assert EXPECTED_REASON[mechanic] in " ".join(table.replace("│", " ").split())


def test_the_three_contrasts_differ_in_the_model_too() -> None:
    primaries = {name: loyalty_from({**passing(), **answers}, loyalty()).primary for name, answers in CONTRASTS.items()}
    assert {name: p.mechanic if p else None for name, p in primaries.items()} == {m: m for m in CONTRASTS}
    for primary in primaries.values():
        assert primary is not None and primary.reasons
        assert primary.score == sum(c.points for c in primary.reasons)


def test_a_close_second_mechanic_is_recommended_as_secondary(tmp_path: Path) -> None:
    section = {**passing(), **CONTRASTS["contractual"], "privileged_offer": "several", "target_role": "decider"}
    code, out, _ = loyalty_cli(write(tmp_path, section))
    assert code == 0
    assert "Recommended: contractual mechanics first, with relational mechanics as a complement." in out


def test_survey_figures_and_ranking_of_expectations_are_shown_and_attributed(tmp_path: Path) -> None:
    code, out, _ = loyalty_cli(write(tmp_path, passing()))
    assert code == 0
    flat = " ".join(out.replace("│", " ").split())
    for figure in ("71 %", "15 %", "12 %", "91 %"):
        assert figure in flat
    ranked = ["1. privileged treatment and a quality relationship", "2. commercial conditions", "3. rewards"]
    positions = [flat.index(item) for item in ranked]
    assert positions == sorted(positions)
    assert "Source: « Programmes de fidélité en B2B – Partie 1 »" in flat


def test_french_output_uses_the_french_texts(tmp_path: Path) -> None:
    code, out, _ = loyalty_cli(write(tmp_path, {**passing(), "identification": "no"}), "--lang", "fr")
    assert code == 0
    flat = " ".join(out.split())
    assert "Corrigez les fondamentaux avant tout programme de fidélité : La qualité des données." in flat
    assert "traitement privilégié" in flat


# ------------------------------------------------------------------ success factors


def test_success_factor_gaps_are_flagged_with_what_to_do(tmp_path: Path) -> None:
    section = {**passing(), "potential": "unknown", "roi_measure": "no"}
    result = loyalty_from(section, loyalty())
    status = {f.factor: f.status for f in result.factors}
    assert status == {
        "target_customers": "gap",
        "benefits_rewards": "met",
        "sales_force_links": "met",
        "reward_attribution": "met",
        "roi": "gap",
    }
    code, out, _ = loyalty_cli(write(tmp_path, section))
    assert code == 0
    flat = " ".join(out.replace("│", " ").split())
    assert "Target customers ✗ gap → Estimate each account's potential" in flat
    assert "ROI ✗ gap → Before launch, record each member account's baseline sales" in flat
    assert flat.count("✓ met") == 3


# ------------------------------------------------------------------ tie to the CRM choice


def ranking(out: str) -> list[str]:
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "Ranking")
    names = []
    for line in lines[start + 1 :]:
        if line.startswith("└"):
            break
        cells = [c.strip() for c in line.split("│")[1:-1]] if line.startswith("│") else []
        if cells and cells[0]:
            names.append(cells[1])
    return names


def without_loyalty(tmp_path: Path) -> Path:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    del data["loyalty"]
    path = tmp_path / "no-loyalty.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def assess_cli(path: Path) -> tuple[int, str, str]:
    return run("assess", "--answers", str(path), "--today", TODAY, "--draws", "0", "--width", WIDE)


def test_loyalty_needs_raise_capabilities_and_change_the_ranking(tmp_path: Path) -> None:
    code, with_loyalty, err = assess_cli(EXAMPLE)
    assert code == 0, err
    code, plain, err = assess_cli(without_loyalty(tmp_path))
    assert code == 0, err
    assert ranking(with_loyalty) != ranking(plain)
    assert sorted(ranking(with_loyalty)) == sorted(ranking(plain))
    row = next(line for line in with_loyalty.splitlines() if line.startswith("│ Loyalty programme "))
    assert "■■■■□" in row  # raised from 2 to 4, the ceiling of an important area
    plain_row = next(line for line in plain.splitlines() if line.startswith("│ Loyalty programme "))
    assert "■■□□□" in plain_row
    needs = with_loyalty[with_loyalty.index("Needs") : with_loyalty.index("Ranking")]
    flat = " ".join(needs.replace("│", " ").split())
    reason = "rewards cannot be attributed from the data yet: the CRM has to manage the programme's rules"
    assert f"raised by the loyalty programme: {reason} (+2)" in flat
    assert "raised by the loyalty programme" not in plain
    assert "B2B loyalty programme: Ferronnerie Dauphinoise SAS" in with_loyalty
    assert "applied to the vendor ranking above" in with_loyalty


def test_the_needs_are_not_raised_when_loyalty_is_only_useful(tmp_path: Path) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["importance"]["loyalty"] = "useful"
    path = tmp_path / "useful.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    code, out, _ = assess_cli(path)
    assert code == 0
    needs = out[out.index("Needs") : out.index("Ranking")]
    assert "raised by the loyalty programme" not in needs
    assert "These raises apply in `crmadvisor assess` when the company is" in " ".join(out.split())


def test_a_b2c_company_gets_the_loyalty_section_but_no_raised_need() -> None:
    answers = workflow.complete_answers(ROOT / "examples" / "answers" / "online-retailer.yaml", catalog())
    answers = answers.model_copy(
        update={"loyalty": passing(), "importance": {**answers.importance, "loyalty": "critical"}}
    )
    result = workflow.assess(catalog(), answers, draws=0, seed=1, topsis=False)
    assert result.profile.orientation == "b2c"
    assert result.loyalty is not None
    assert not any(n.raises for n in result.needs)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_raised_needs_never_fall_never_pass_the_ceiling_and_rise_by_at_most_max_raise(data: st.DataObject) -> None:
    section = {q.id: data.draw(st.sampled_from([o.id for o in q.options])) for q in loyalty().questions}
    answers = workflow.complete_answers(EXAMPLE, catalog())
    result = loyalty_from(section, loyalty())
    before = needs_from(profile_from(answers, catalog().traits), answers, catalog().feature_areas)
    after = raise_needs(before, result)
    for old, new in zip(before, after, strict=True):
        assert old.level <= new.level <= max(old.level, old.ceiling)
        assert new.level - old.level <= MAX_RAISE
        assert old.must_have == new.must_have  # a programme's needs are never deal-breakers of their own
    blocked = any(o.blocks and section[q.id] == o.id for q in loyalty().questions for o in q.options)
    assert (result.verdict == "fix_fundamentals") == blocked
    if result.primary is not None:
        assert result.primary.score == max(m.score for m in result.mechanics) > 0


# ------------------------------------------------------------------ bad input


def test_an_unknown_option_is_located_and_exits_1(tmp_path: Path) -> None:
    path = write(tmp_path, {**passing(), "company_ids": "maybe"})
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "company_ids" in text)
    code, out, err = loyalty_cli(path)
    assert code == 1
    assert out == ""
    assert f"{path}:{line}:16: error: loyalty.company_ids: `maybe` is not an option: expected one of yes, no" in err
    code, out, _ = run("validate", str(path))
    assert code == 1
    assert f"{path}:{line}:16: error: loyalty.company_ids:" in out


def test_a_misspelt_question_gets_a_did_you_mean(tmp_path: Path) -> None:
    section = passing()
    section["compnay_ids"] = section.pop("company_ids")
    path = write(tmp_path, section)
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "compnay_ids" in text)
    code, _, err = loyalty_cli(path)
    assert code == 1
    assert f"{path}:{line}:3: error: loyalty.compnay_ids: no loyalty question `compnay_ids`: did you mean" in err
    assert "`company_ids`?" in err


def test_a_misspelt_section_key_is_located(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("kind: answers\nloyality:\n  company_ids: yes\n", encoding="utf-8")
    code, _, err = loyalty_cli(path)
    assert code == 1
    assert re.search(rf"{re.escape(str(path))}:2:1: error: loyality: .*did you mean `loyalty`", err), err


def test_unanswered_loyalty_questions_are_listed_and_exit_1(tmp_path: Path) -> None:
    section = passing()
    del section["roi_measure"], section["segmentation"]
    code, _, err = loyalty_cli(write(tmp_path, section))
    assert code == 1
    assert "loyalty.roi_measure: not answered" in err
    assert "loyalty.segmentation: not answered" in err
    assert "Traceback" not in err


def test_unquoted_yes_and_no_are_read_as_option_ids(tmp_path: Path) -> None:
    lines = "".join(f"  {q}: {o}\n" for q, o in passing().items())
    path = tmp_path / "hand-written.yaml"
    path.write_text(f"kind: answers\ncompany: Acme\nloyalty:\n{lines}", encoding="utf-8")
    assert "company_ids: yes\n" in path.read_text()
    code, out, err = loyalty_cli(path)
    assert code == 0, err
    assert "design the programme" in out


def test_no_terminal_and_no_answers_is_a_usage_error() -> None:
    code, out, err = run("loyalty")
    assert code == 2
    assert out == ""
    assert "--answers FILE" in err


# ------------------------------------------------------------------ validate and questions


def test_validate_accepts_the_loyalty_criteria_and_the_example() -> None:
    code, out, _ = run("validate", str(ROOT / "criteria"), str(EXAMPLE), "--today", TODAY)
    assert code == 0, out
    assert "0 error(s)" in out


def test_validate_locates_a_wrong_id_in_a_loyalty_criteria_file(tmp_path: Path) -> None:
    folder = tmp_path / "criteria"
    folder.mkdir()
    for name in ("traits.yaml", "feature_areas.yaml", "rubric.yaml"):
        (folder / name).write_text((ROOT / "criteria" / name).read_text(encoding="utf-8"), encoding="utf-8")
    text = (ROOT / "criteria" / "loyalty.yaml").read_text(encoding="utf-8")
    broken = text.replace("gap: roi\n", "gap: roii\n").replace(
        "raises: {loyalty_programme: 2}", "raises: {loyalty_program: 2}"
    )
    (folder / "loyalty.yaml").write_text(broken, encoding="utf-8")
    lines = broken.splitlines()
    gap_line = next(i for i, t in enumerate(lines, 1) if "gap: roii" in t)
    code, out, _ = run("validate", str(folder))
    assert code == 1
    assert f"loyalty.yaml:{gap_line}:14: error: questions." in out
    assert "no success factor `roii`: did you mean `roi`?" in out
    assert "no capability `loyalty_program` in the feature areas: did you mean `loyalty_programme`?" in out


def test_questions_include_the_loyalty_questionnaire() -> None:
    code, out, _ = run("questions", "--format", "yaml")
    assert code == 0
    items = yaml.load(out, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["questions"]  # libyaml: 10x faster
    fields = [q["field"] for q in items if q["field"].startswith("loyalty.")]
    assert fields == [f"loyalty.{q.id}" for q in loyalty().questions]
    gate = next(q for q in items if q["field"] == "loyalty.identification")
    assert gate["fundamental"] == "data_quality"
    assert gate["source"]["document"] == "002_ead71232a8a67b53.txt"


@pytest.mark.skipif(not ARTICLE.is_file(), reason="the source articles live in ../shared/seeds")
def test_every_loyalty_passage_is_verbatim_from_the_article_or_marked_as_the_tools_own() -> None:
    article = ARTICLE.read_text(encoding="utf-8")
    spec = loyalty()
    sources = [f.source for f in spec.survey.figures] + [spec.survey.expectations.source, spec.verdicts.source]
    sources += [f.source for f in spec.fundamentals] + [m.source for m in spec.mechanics] + [spec.mix.source]
    sources += [f.source for f in spec.success_factors] + [q.source for q in spec.questions]
    for source in sources:
        assert source.document in ("002_ead71232a8a67b53.txt", "crmadvisor"), source
        if source.document == "crmadvisor":
            assert source.section == "own addition"
        else:
            assert source.passage and source.passage in article, source.passage
            assert source.section in article, source.section


# ------------------------------------------------------------------ the interactive questionnaire


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[PipeInput]:
    monkeypatch.setattr(workflow, "has_terminal", lambda: True)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def pick(index: int) -> str:
    return DOWN * index + ENTER


def typed(section: dict[str, str], skip: tuple[str, ...] = ()) -> list[str]:
    """The keys that answer each loyalty question with the option of `section` (but the questions to `skip`)."""
    return [pick([o.id for o in q.options].index(section[q.id])) for q in loyalty().questions if q.id not in skip]


def test_the_interactive_questionnaire_saves_every_answer_and_prints_the_result(
    keys: PipeInput, tmp_path: Path
) -> None:
    file = tmp_path / "client.yaml"
    section = {**passing(), **CONTRASTS["transactional"]}
    keys.send_text("Acme Industrie" + ENTER + "".join(typed(section)))
    code, out, err = run("loyalty", "--save", str(file), "--width", WIDE)
    assert code == 0, err
    saved = yaml.safe_load(file.read_text(encoding="utf-8"))
    assert saved["company"] == "Acme Industrie"
    assert saved["loyalty"] == section
    assert "Recommended: transactional mechanics first" in out
    assert run("loyalty", "--answers", str(file), "--width", WIDE)[1] == out


def test_back_returns_to_the_previous_question(keys: PipeInput, tmp_path: Path) -> None:
    file = tmp_path / "client.yaml"
    section = passing()
    questions = loyalty().questions
    first, second = questions[0], questions[1]
    right = [o.id for o in second.options].index(section[second.id])
    wrong = 1 - right if len(second.options) > 1 else 0
    assert wrong != right
    # a question asked again shows its pointer on the answer given; "back" is the choice after the options
    keys.send_text(
        "Acme"
        + ENTER
        + pick([o.id for o in first.options].index(section[first.id]))
        + pick(wrong)
        + UP  # the third question, pointer on its first option: wraps to "back"
        + ENTER
        + DOWN * (len(second.options) - wrong)  # the second question again, from the wrong answer to "back"
        + ENTER
        + ENTER  # the first question again: its answer kept
        + (UP if right < wrong else DOWN) * abs(right - wrong)  # the second, corrected
        + ENTER
        + CTRL_C
    )
    code, _, err = run("loyalty", "--save", str(file), "--width", WIDE)
    assert code == 130, err
    assert yaml.safe_load(file.read_text(encoding="utf-8"))["loyalty"] == {
        first.id: section[first.id],
        second.id: section[second.id],
    }


def test_ctrl_c_exits_130_and_the_saved_file_resumes_where_it_stopped(keys: PipeInput, tmp_path: Path) -> None:
    file = tmp_path / "client.yaml"
    section = {**passing(), **CONTRASTS["relational"]}
    steps = typed(section)
    keys.send_text("Acme" + ENTER + "".join(steps[:5]) + CTRL_C)
    code, out, err = run("loyalty", "--save", str(file))
    assert code == 130
    assert out == ""
    command = f"crmadvisor loyalty --resume {file}"
    assert err.rstrip().endswith(command), err
    partial = yaml.safe_load(file.read_text(encoding="utf-8"))["loyalty"]
    assert list(partial) == [q.id for q in loyalty().questions][:5]

    keys.send_text("".join(steps[5:]))
    code, out, err = run(*shlex.split(command)[1:], "--width", WIDE)
    assert code == 0, err
    assert yaml.safe_load(file.read_text(encoding="utf-8"))["loyalty"] == section
    assert "Recommended: relational mechanics first" in out


def test_the_worked_example_of_the_methodology() -> None:
    answers = workflow.complete_answers(EXAMPLE, catalog())
    result = workflow.assess(catalog(), answers, draws=0, seed=1, topsis=False)
    plain = workflow.assess(catalog(), answers.model_copy(update={"loyalty": None}), draws=0, seed=1, topsis=False)
    assert result.loyalty is not None and result.loyalty.verdict == "design"
    assert [(m.mechanic, m.score, m.role) for m in result.loyalty.mechanics] == [
        ("contractual", 14, "primary"),
        ("relational", 2, "minor"),
        ("transactional", 0, "minor"),
    ]
    level = {n.capability: n.level for n in result.needs}
    assert {n.capability: n.level for n in plain.needs}["loyalty_programme"] == 2
    assert level["loyalty_programme"] == 4
    # a vendor rated 1 on the loyalty programme loses fit when the programme raises the need
    weak = [f.vendor for f in plain.fits if _rating(f.vendor, "loyalty_programme") == 1]
    score = {f.vendor: f.score for f in result.fits}
    assert weak and all(score[v] < next(f.score for f in plain.fits if f.vendor == v) for v in weak)
    methodology = (ROOT / "docs" / "methodology.md").read_text(encoding="utf-8")
    assert "= **14**" in methodology and "from 8 to 64 (need cubed)" in methodology


def _rating(vendor: str, capability: str) -> int:
    """The vendor's highest rating of the capability in any edition or add-on (-1 if an add-on raises it)."""
    found = next(v for v in catalog().vendors if v.id == vendor)
    if any(capability in a.raises for a in found.add_ons):
        return -1
    held = found.ratings[capability]
    return max(held.by_edition.values()) if held.by_edition else held.at()


def test_no_need_is_raised_for_a_programme_the_verdict_advises_against() -> None:
    answers = workflow.complete_answers(EXAMPLE, catalog())
    assert answers.loyalty is not None
    failing = answers.model_copy(update={"loyalty": {**answers.loyalty, "commitments": "no"}})
    result = workflow.assess(catalog(), failing, draws=0, seed=1, topsis=False)
    plain = workflow.assess(catalog(), answers.model_copy(update={"loyalty": None}), draws=0, seed=1, topsis=False)
    assert result.loyalty is not None and result.loyalty.verdict == "fix_fundamentals"
    assert result.loyalty.raises  # the answers would raise needs...
    assert result.needs == plain.needs  # ...but not for a programme the verdict advises against
    assert not result.loyalty_raised


def test_save_never_overwrites_and_resume_needs_a_file(keys: PipeInput, tmp_path: Path) -> None:
    existing = tmp_path / "client.yaml"
    existing.write_text("kind: answers\n", encoding="utf-8")
    code, _, err = run("loyalty", "--save", str(existing))
    assert code == 2
    assert "already exists and is not overwritten" in err and f"crmadvisor loyalty --resume {existing}" in err
    assert existing.read_text(encoding="utf-8") == "kind: answers\n"
    code, _, err = run("loyalty", "--resume", str(tmp_path / "missing.yaml"))
    assert code == 2
    assert "no such answers file to resume" in err


def test_the_resume_command_repeats_the_criteria_folder(keys: PipeInput, tmp_path: Path) -> None:
    file = tmp_path / "client.yaml"
    keys.send_text("Acme" + ENTER + CTRL_C)
    code, _, err = run("loyalty", "--save", str(file), "--criteria", str(ROOT / "criteria"))
    assert code == 130
    assert err.rstrip().endswith(
        shlex.join(["crmadvisor", "loyalty", "--resume", str(file), "--criteria", str(ROOT / "criteria")])
    )
    assert yaml.safe_load(file.read_text(encoding="utf-8"))["company"] == "Acme"


def test_closed_input_stops_like_ctrl_c(keys: PipeInput, tmp_path: Path) -> None:
    file = tmp_path / "client.yaml"
    keys.send_text("Acme" + ENTER + pick(0))
    keys.close()
    code, _, err = run("loyalty", "--save", str(file))
    assert code == 130
    assert f"crmadvisor loyalty --resume {file}" in err
    assert yaml.safe_load(file.read_text(encoding="utf-8"))["loyalty"] == {"identification": "yes"}


def test_the_loyalty_section_can_be_added_to_an_assess_answers_file(keys: PipeInput, tmp_path: Path) -> None:
    file = tmp_path / "client.yaml"
    file.write_text((ROOT / "examples" / "answers" / "industrial-supplier.yaml").read_text(encoding="utf-8"))
    section = {**passing(), **CONTRASTS["contractual"], "reward_rules": "no"}
    # the traits answer two of them (a partnership over many years; a few purchases a year): not asked
    assert (section["relationship_length"], section["order_frequency"]) == ("many_years", "rare")
    keys.send_text("".join(typed(section, skip=("relationship_length", "order_frequency"))))
    code, _, err = run("loyalty", "--resume", str(file), "--width", WIDE)
    assert code == 0, err
    saved = yaml.safe_load(file.read_text(encoding="utf-8"))
    assert saved["loyalty"] == section and saved["traits"]["sales_volume"] == "a_few_times_a_year"
    code, out, err = assess_cli(file)
    assert code == 0, err
    assert "B2B loyalty programme: Ferronnerie Dauphinoise SAS" in out
    assert "raised by the loyalty programme: rewards cannot be attributed from the data yet" in " ".join(
        out.replace("│", " ").split()
    )


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_every_report_format_carries_the_loyalty_section(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    args = ["assess", "--answers", str(EXAMPLE), "--today", TODAY, "--draws", "0", "--no-charts"]
    code, _, err = run(*args, "--output", str(out))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        section = json.loads(text)["loyalty"]  # not yaml.safe_load: 0.5 s for these 170 KB, json 2 ms
        assert (section["verdict"], section["primary"], section["secondary"], section["applied"]) == (
            "design",
            "contractual",
            None,
            True,
        )
        assert [row[0] for row in section["gate"]["rows"]] == [f.name.en for f in loyalty().fundamentals]
        return
    flat = " ".join(text.split())
    assert "B2B loyalty programme: Ferronnerie Dauphinoise SAS" in flat
    assert "The fundamentals are in place: design the programme." in flat
    assert "Recommended: contractual mechanics first." in flat
    assert "71 % say they are interested in a loyalty programme" in flat


def test_validate_checks_a_lone_loyalty_file_against_the_shipped_feature_areas(tmp_path: Path) -> None:
    text = (ROOT / "criteria" / "loyalty.yaml").read_text(encoding="utf-8")
    lone = tmp_path / "loyalty.yaml"
    lone.write_text(text.replace("raises: {loyalty_programme: 2}", "raises: {loyalty_program: 2}"), encoding="utf-8")
    line = next(i for i, t in enumerate(lone.read_text().splitlines(), 1) if "loyalty_program: 2" in t)
    code, out, _ = run("validate", str(lone))
    assert code == 1
    assert f"{lone}:{line}:18: error: questions." in out
    assert "no capability `loyalty_program` in the feature areas: did you mean `loyalty_programme`?" in out
    assert run("validate", str(ROOT / "criteria" / "loyalty.yaml"))[0] == 0


def test_assess_without_a_loyalty_section_says_how_to_add_one_only_when_it_applies() -> None:
    hint = "run `crmadvisor loyalty --resume"
    code, out, _ = assess_cli(ROOT / "examples" / "answers" / "industrial-supplier.yaml")
    assert code == 0
    assert hint in " ".join(out.split())
    code, out, _ = assess_cli(ROOT / "examples" / "answers" / "online-retailer.yaml")
    assert code == 0
    assert "crmadvisor loyalty" not in out
    code, out, _ = assess_cli(EXAMPLE)
    assert code == 0
    assert hint not in " ".join(out.split())


def test_loyalty_resume_with_save_is_a_usage_error_and_touches_no_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(workflow, "has_terminal", lambda: True)
    resumed = tmp_path / "client.yaml"
    resumed.write_text("kind: answers\ncompany: Acme\n", encoding="utf-8")
    other = tmp_path / "other.yaml"
    result = CliRunner().invoke(
        app, ["loyalty", "--resume", str(resumed), "--save", str(other)], catch_exceptions=False
    )
    assert result.exit_code == 2
    assert "--save" in result.stderr
    assert not other.exists() and resumed.read_text(encoding="utf-8") == "kind: answers\ncompany: Acme\n"


def test_loyalty_answers_from_a_file_without_a_loyalty_section_is_one_problem_naming_the_resume_command() -> None:
    path = ROOT / "examples" / "answers" / "industrial-supplier.yaml"
    result = CliRunner().invoke(app, ["loyalty", "--answers", str(path)], catch_exceptions=False)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert f"{path}:1:1: error: loyalty: no `loyalty:` section" in lines[0]
    assert f"crmadvisor loyalty --resume {path}" in lines[0]


def test_assess_without_a_loyalty_section_names_the_command_that_adds_it_to_that_file() -> None:
    path = ROOT / "examples" / "answers" / "industrial-supplier.yaml"
    args = ["assess", "--answers", str(path), "--draws", "0", "--width", "400", "--today", "2026-12-02"]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0
    assert f"`crmadvisor loyalty --resume {path}`" in result.stdout


def test_loyalty_consultant_option_is_kept_in_the_saved_file(keys: PipeInput, tmp_path: Path) -> None:
    file = tmp_path / "client.yaml"
    keys.send_text("Acme" + ENTER + CTRL_C)
    code, _, _ = run("loyalty", "--save", str(file), "--consultant", "Jean Dupont")
    assert code == 130
    assert yaml.safe_load(file.read_text(encoding="utf-8"))["consultant"] == "Jean Dupont"
