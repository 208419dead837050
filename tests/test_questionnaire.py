"""The interactive questionnaire, driven in process through prompt_toolkit's pipe input.

The keys are the ones a consultant presses (arrows, Space, Enter, Ctrl-C); questionary's real prompts
read them. Only `workflow.has_terminal` is patched: with piped stdin, `assess` refuses to ask (exit 2).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import shlex
import shutil
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.plain_text import PlainTextOutput
from typer.testing import CliRunner

from crmadvisor import workflow
from crmadvisor.ask import terminal
from crmadvisor.ask.assessment import assessment_steps, must_haves_step
from crmadvisor.ask.budget import budget_from
from crmadvisor.ask.checklist import echoed
from crmadvisor.ask.steps import SomeOf
from crmadvisor.cli import app
from crmadvisor.load import answers as answers_module
from crmadvisor.model.schema import Catalog, CompanySize, HostingRegion
from crmadvisor.words import words

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-12-02"
DOWN, UP, ENTER, SPACE, CTRL_C = "\x1b[B", "\x1b[A", "\r", " ", "\x03"
BACK = UP + ENTER  # "back" is the last choice of a select; the pointer wraps from the first one to it
# no robustness draws: no test here asserts on the robustness, the flip search or the confidence (test_model.py does)
RUN = ("--today", TODAY, "--draws", "0", "--width", "120")
# for a run whose ranking no test reads: the executive summary alone is drawn (a tenth of a second less)
UNREAD = "--summary"
UNSET_ENV = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES", "NO_COLOR")


@cache
def catalog() -> Catalog:
    return workflow.catalog(None, [], shipped_vendors=True, today=dt.date.fromisoformat(TODAY))


def languages() -> list[str]:
    """The languages the questionnaire offers, in its order."""
    return sorted({code for v in catalog().vendors for code in v.languages})


def pick(index: int) -> str:
    return DOWN * index + ENTER


def tick(*indexes: int) -> str:
    """Tick checkbox items (0-based, in list order) with Space, then Enter."""
    keys, at = "", 0
    for index in sorted(indexes):
        keys += DOWN * (index - at) + SPACE
        at = index
    return keys + ENTER


@dataclass
class Interview:
    """One consultant's answers, as the keys that type them and the ids they must save."""

    company: str = "Ferronnerie Dauphinoise"
    consultant: str = "Claire Martin"
    declared: int = 0
    traits: list[int] = field(default_factory=lambda: [0, 2, 0, 1, 1, 0, 0, 0, 0])
    # loyalty (7th) only "useful": "important" would add the loyalty questions (test_loyalty_offer_…)
    importance: list[int] = field(default_factory=lambda: [3, 1, 1, 3, 2, 1, 1, 0, 3])
    languages: tuple[str, ...] = ("fr",)
    hosting: tuple[str, ...] = ("eu",)
    size: str | None = "medium"
    users: str = ""
    budget: str = ""
    must_haves: tuple[int, ...] = ()  # ticked in the must-haves step (none: the default must-haves)

    def steps(self) -> list[str]:
        """The keys of each question, in questionnaire order (the summary not included)."""
        sizes = [None, *(s.value for s in CompanySize)]
        regions = [r.value for r in HostingRegion]
        return [
            self.company + ENTER,
            self.consultant + ENTER,
            pick(self.declared),
            *(pick(i) for i in self.traits),
            *(pick(i) for i in self.importance),
            tick(*self.must_haves),
            tick(*(languages().index(code) for code in self.languages)),
            tick(*(regions.index(code) for code in self.hosting)),
            pick(sizes.index(self.size)),
            self.users + ENTER,
            self.budget + ENTER,
        ]

    def saved(self) -> dict[str, Any]:
        """What the answers file must hold once these answers are typed."""
        traits = catalog().traits
        levels = [lvl.id for lvl in catalog().feature_areas.importance_levels]
        return {
            "company": self.company,
            "consultant": self.consultant,
            "declared_model": traits.declared_model.options[self.declared].id,
            "traits": {t.id: t.options[i].id for t, i in zip(traits.traits, self.traits, strict=True)},
            "importance": {
                a.id: levels[i] for a, i in zip(catalog().feature_areas.areas, self.importance, strict=True)
            },
        }


class Consultant:
    """Types keys ahead into the questionnaire of one `assess` run; its screen goes to `screen` or nowhere."""

    def types(self, keys: str, *args: str, screen: io.StringIO | None = None) -> tuple[int, str, str]:
        output = PlainTextOutput(screen) if screen is not None else DummyOutput()
        with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
            pipe.send_text(keys)
            pipe.close()  # when the keys run out: end of input (exit 130), not a test that hangs
            return assess(*args)


@pytest.fixture
def consultant(monkeypatch: pytest.MonkeyPatch) -> Consultant:
    monkeypatch.setattr(workflow, "has_terminal", lambda: True)  # CliRunner's stdin is no terminal
    return Consultant()


def assess(*args: str) -> tuple[int, str, str]:
    env: dict[str, str | None] = dict.fromkeys(UNSET_ENV)
    result = CliRunner().invoke(app, ["assess", *args, *RUN], catch_exceptions=False, env=env)
    return result.exit_code, result.stdout, result.stderr


LOYALTY_IMPORTANT = (3, 1, 1, 3, 2, 1, 2, 0, 3)  # Interview().importance with loyalty (7th) important


class Typed(NamedTuple):
    """One interview typed through to the summary, then Ctrl-C: what the run did and wrote."""

    texts: tuple[str, ...]  # the answers file after each write: item n has the first n questions answered
    code: int
    err: str
    screen: str
    path: Path  # where it was saved (a folder since removed)


@cache
def typed_once(importance: tuple[int, ...]) -> Typed:
    """The interview with these importance answers typed through to the summary, then Ctrl-C.

    Its file after n answers is what a consultant who pressed Ctrl-C at question n+1 resumes. Typed
    once per test process, shared by the tests about what comes after (`paused_at`) and by the test
    of a Ctrl-C at the summary; the tests of the typing itself type it all.
    """
    interview = Interview(importance=list(importance))
    texts: list[str] = []
    screen = io.StringIO()
    real_write = answers_module.atomic_write

    def keep(target: Path, text: str) -> None:
        real_write(target, text)
        texts.append(text)

    with pytest.MonkeyPatch.context() as patch, tempfile.TemporaryDirectory() as folder:
        patch.setattr(workflow, "has_terminal", lambda: True)
        patch.setattr(answers_module, "atomic_write", keep)
        file = Path(folder) / "client.yaml"
        code, _, err = Consultant().types("".join(interview.steps()) + CTRL_C, "--save", str(file), screen=screen)
        assert texts[-1] == file.read_text(encoding="utf-8")
    assert len(texts) == len(interview.steps()) + 1  # created, then one write per answer
    return Typed(tuple(texts), code, err, screen.getvalue(), file)


def paused_at(tmp_path: Path, answered: int, importance: tuple[int, ...] = tuple(Interview().importance)) -> Path:
    """tmp_path/client.yaml: the interview typed up to its `answered`-th question, then Ctrl-C (len(steps): at
    the summary). `--resume` it to go on from there."""
    file = tmp_path / "client.yaml"
    file.write_text(typed_once(importance).texts[answered], encoding="utf-8")
    return file


def saved(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def answered(data: dict[str, Any]) -> dict[str, Any]:
    return {k: data[k] for k in ("company", "consultant", "declared_model", "traits", "importance") if k in data}


def test_back_then_ctrl_c_then_resume_ends_with_the_ranking_of_an_uninterrupted_run(
    consultant: Consultant, tmp_path: Path
) -> None:
    interview = Interview()
    steps = interview.steps()
    straight = tmp_path / "straight.yaml"
    confirm = ENTER  # the summary's first choice
    code, expected, err = consultant.types("".join(steps) + confirm, "--save", str(straight))
    assert (code, err) == (0, "")
    assert words("en")["assessment.ranking"] in expected
    data = saved(straight)
    assert answered(data) == interview.saved()
    assert data["constraints"]["languages"] == ["fr"]
    assert data["constraints"]["hosting_regions"] == ["eu"]
    assert data["constraints"]["company_size"] == "medium"
    assert "budget_per_user_month" not in data["constraints"]
    assert data["confirmed"] is True
    assert assess("--answers", str(straight)) == (0, expected, "")  # the saved file re-runs to the same report
    assert f"\ndate: {TODAY}\n" in straight.read_text(encoding="utf-8")  # a plain YAML date, easy to edit

    # second trait answered wrongly (4th option), "back" from the third, corrected: 4th -> 3rd option
    assert interview.traits[1] == 2
    file = tmp_path / "client.yaml"
    typed = [*steps[:4], pick(3), BACK, UP + ENTER, *steps[5:15]]
    code, out, err = consultant.types("".join(typed) + CTRL_C, "--save", str(file))
    assert code == 130
    assert out == ""
    command = f"crmadvisor assess --resume {file}"
    assert err.count("\n") == 1, err
    assert str(file) in err and err.rstrip().endswith(command), err

    data = saved(file)  # valid YAML with exactly what was typed: 3 + 9 traits + 3 importance answers
    want = interview.saved()
    assert data["traits"] == want["traits"]
    assert list(data["importance"].items()) == list(want["importance"].items())[:3]
    assert data["confirmed"] is False

    code, out, err = consultant.types("".join(steps[15:]) + ENTER, *shlex.split(command)[2:])
    assert (code, err) == (0, "")
    assert out == expected
    assert saved(file) == saved(straight)


def test_the_resume_command_repeats_the_vendor_folders(consultant: Consultant, tmp_path: Path) -> None:
    mine = tmp_path / "my vendors"  # a space: the printed command must quote it
    mine.mkdir()
    shutil.copy(ROOT / "vendors" / "axonaut.yaml", mine)
    file = tmp_path / "client.yaml"
    code, _, err = consultant.types("Acme" + ENTER + CTRL_C, "--save", str(file), "--vendors", str(mine))
    assert code == 130
    assert err.rstrip().endswith(shlex.join(["crmadvisor", "assess", "--resume", str(file), "--vendors", str(mine)]))


def test_ctrl_c_at_the_first_question_leaves_a_file_that_resumes_there(consultant: Consultant, tmp_path: Path) -> None:
    file = tmp_path / "client.yaml"
    assert consultant.types("Acm" + CTRL_C, "--save", str(file))[0] == 130
    assert saved(file)["kind"] == "answers"
    assert "company" not in saved(file)

    assert consultant.types("".join(Interview().steps()) + ENTER, "--resume", str(file), UNREAD)[0] == 0
    assert answered(saved(file)) == Interview().saved()


def test_ctrl_c_during_the_summary_then_resume_goes_straight_to_the_summary(
    consultant: Consultant, tmp_path: Path
) -> None:
    typed = typed_once(tuple(Interview().importance))  # every answer typed, then Ctrl-C at the summary
    assert typed.code == 130 and f"--resume {typed.path}" in typed.err
    assert "Summary of the answers" in typed.screen  # its lines: tests/test_pty.py, at 80x24
    file = paused_at(tmp_path, len(Interview().steps()))  # the file that run left
    assert answered(saved(file)) == Interview().saved()
    assert saved(file)["confirmed"] is False

    code, out, _ = consultant.types(ENTER, "--resume", str(file))  # only the confirmation is left
    assert code == 0 and words("en")["assessment.ranking"] in out
    assert saved(file)["confirmed"] is True


def test_the_summary_changes_an_answer_before_ranking(consultant: Consultant, tmp_path: Path) -> None:
    file = paused_at(tmp_path, len(Interview().steps()))  # at the summary
    # summary: "confirm", then one line per part: company, traits, ...; in a part, one line per answer, then back
    edit_first_trait = pick(2) + pick(0) + pick(4) + BACK
    code, out, _ = consultant.types(edit_first_trait + ENTER, "--resume", str(file))
    assert code == 0
    first = catalog().traits.traits[0]
    assert saved(file)["traits"][first.id] == first.options[4].id
    assert saved(file)["confirmed"] is True
    assert assess("--answers", str(file))[1] == out


def test_dont_know_is_offered_on_every_trait_question(consultant: Consultant, tmp_path: Path) -> None:
    file = tmp_path / "client.yaml"
    traits = catalog().traits.traits
    interview = Interview(traits=[len(t.options) for t in traits])  # the choice after the options
    assert consultant.types("".join(interview.steps()) + ENTER, "--save", str(file), UNREAD)[0] == 0
    assert saved(file)["traits"] == dict.fromkeys((t.id for t in traits), "dont_know")


def must_have_options(interview: Interview) -> int:
    """How many capabilities the must-haves step lists: those of the areas answered critical or important."""
    levels = [lvl.id for lvl in catalog().feature_areas.importance_levels]
    areas = catalog().feature_areas.areas
    chosen = [a for a, i in zip(areas, interview.importance, strict=True) if levels[i] in ("critical", "important")]
    return sum(len(a.capabilities) for a in chosen)


def test_back_from_the_first_constraint_returns_to_the_must_haves_then_the_last_importance_question(
    consultant: Consultant, tmp_path: Path
) -> None:
    interview = Interview()
    steps = interview.steps()
    file = paused_at(tmp_path, 21)  # at the must-haves
    back_from_languages = tick(len(languages()))  # tick "back", the item after the languages
    back_from_must_haves = tick(must_have_options(interview))
    useful = UP * 2 + ENTER  # the pointer starts on the current answer, critical
    keys = steps[21] + back_from_languages + back_from_must_haves + useful + "".join(steps[21:]) + ENTER
    assert consultant.types(keys, "--resume", str(file), UNREAD)[0] == 0
    last_area = catalog().feature_areas.areas[-1].id
    assert saved(file)["importance"][last_area] == "useful"
    assert saved(file)["constraints"]["languages"] == ["fr"]


def test_the_must_haves_step_lists_the_critical_and_important_areas_and_saves_the_ticked_ones(
    consultant: Consultant, tmp_path: Path
) -> None:
    file = paused_at(tmp_path, 21)  # at the must-haves
    interview = Interview(must_haves=(0, 4))  # contacts' first capability, and pipeline's second
    screen = io.StringIO()
    code, out, _ = consultant.types("".join(interview.steps()[21:]) + ENTER, "--resume", str(file), screen=screen)
    assert code == 0
    areas = {a.id: a for a in catalog().feature_areas.areas}
    assert saved(file)["must_haves"] == [areas["contacts"].capabilities[0].id, areas["pipeline"].capabilities[1].id]
    ticked = [
        f"{areas[a].heading('en')}: {areas[a].capabilities[i].name('en')}"
        for a, i in (("contacts", 0), ("pipeline", 1))
    ]
    assert f"critical) {', '.join(ticked)}" in " ".join(screen.getvalue().split())  # the answer, after the question
    # the list follows the importance answers: critical and important areas only
    listed = must_haves_step(catalog(), "en").kind_for(workflow.complete_answers(file, catalog()))
    assert isinstance(listed, SomeOf)
    high = {"contacts", "pipeline", "integration", "invoicing"}  # critical, critical, important, critical
    assert [o.value for o in listed.options] == [c.id for a in areas.values() if a.id in high for c in a.capabilities]
    assert "Must-haves named by the consultant" in out
    assert assess("--answers", str(file))[1] == out  # the saved file re-runs to the same report


def test_back_in_a_multiple_choice_is_a_choice_apart_that_space_cannot_tick(
    consultant: Consultant, tmp_path: Path
) -> None:
    interview = Interview()
    steps = interview.steps()
    file = paused_at(tmp_path, 21)  # at the must-haves
    on_back = DOWN * len(languages())  # the choice after the languages
    keys = steps[21] + on_back + SPACE + SPACE + ENTER  # twice Space: a tickable "back" ends unticked
    keys += tick(must_have_options(interview))  # and back again, from the must-haves
    useful = UP * 2 + ENTER
    code, _, _ = consultant.types(keys + useful + "".join(steps[21:]) + ENTER, "--resume", str(file), UNREAD)
    assert code == 0
    assert saved(file)["importance"][catalog().feature_areas.areas[-1].id] == "useful"
    assert saved(file)["constraints"]["languages"] == ["fr"]


def test_back_from_the_second_question_returns_to_the_company_name(consultant: Consultant, tmp_path: Path) -> None:
    file = tmp_path / "client.yaml"
    steps = Interview().steps()
    keys = "Acme" + ENTER + "<" + ENTER + " SA" + ENTER + steps[1] + CTRL_C  # back, amended, then on to the next
    assert consultant.types(keys, "--save", str(file))[0] == 130
    assert (saved(file)["company"], saved(file)["consultant"]) == ("Acme SA", "Claire Martin")


def test_each_typed_answer_starts_blank_with_nothing_earlier_to_paste(consultant: Consultant, tmp_path: Path) -> None:
    """The text prompt is made once per terminal: text cut in an earlier answer (Ctrl-K) is not pasted in the
    next one (Ctrl-Y), as when each question had a prompt of its own."""
    file = tmp_path / "client.yaml"
    home, cut, paste = "\x01", "\x0b", "\x19"  # Ctrl-A, Ctrl-K, Ctrl-Y
    keys = "Acme" + home + cut + "Acme" + ENTER + paste + "Claire Martin" + ENTER + CTRL_C
    assert consultant.types(keys, "--save", str(file))[0] == 130
    assert (saved(file)["company"], saved(file)["consultant"]) == ("Acme", "Claire Martin")


def test_the_text_prompt_keeps_no_history_of_earlier_answers() -> None:
    """Up recalls nothing typed at an earlier question. (Keys typed ahead cannot show it: prompt_toolkit
    loads the history in the background, maybe after the Up is read.)"""
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("Acme" + ENTER + "Claire Martin" + ENTER)
        prompt = terminal._text_prompt()
        assert (prompt.ask("Company name?", ""), prompt.ask("Consultant?", "")) == ("Acme", "Claire Martin")
        assert terminal._text_prompt() is prompt and prompt.session.history.get_strings() == []


def test_save_never_overwrites_an_existing_file(consultant: Consultant, tmp_path: Path) -> None:
    file = tmp_path / "earlier-client.yaml"
    file.write_text("# another client's answers\n", encoding="utf-8")
    code, _, err = consultant.types("".join(Interview().steps()) + ENTER, "--save", str(file))
    assert code == 2
    assert str(file) in err and f"crmadvisor assess --resume {file}" in err
    assert file.read_text(encoding="utf-8") == "# another client's answers\n"


def test_the_default_answers_file_gets_a_free_name(
    consultant: Consultant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "crmadvisor-answers.yaml").write_text("# earlier\n", encoding="utf-8")
    code, _, err = consultant.types("Acme" + ENTER + CTRL_C)
    assert code == 130
    assert err.rstrip().endswith("crmadvisor assess --resume crmadvisor-answers-2.yaml")
    assert saved(tmp_path / "crmadvisor-answers-2.yaml")["company"] == "Acme"
    assert (tmp_path / "crmadvisor-answers.yaml").read_text(encoding="utf-8") == "# earlier\n"


def test_every_answer_is_written_at_once_and_atomically(
    consultant: Consultant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "client.yaml"
    written: list[dict[str, Any]] = []
    real_write = answers_module.atomic_write

    def spy(target: Path, text: str) -> None:
        real_write(target, text)
        assert target == file
        written.append(saved(file))  # what a reader (or a killed process) finds after this write

    monkeypatch.setattr(answers_module, "atomic_write", spy)
    steps = Interview().steps()
    assert consultant.types("".join(steps[:8]) + CTRL_C, "--save", str(file))[0] == 130
    # one write to create the file, then one per answer: company, consultant, declared model, 5 traits
    counts = [
        len(answered(d).get("traits", {})) + len({"company", "consultant", "declared_model"} & set(d)) for d in written
    ]
    assert counts == list(range(9))
    assert [p.name for p in tmp_path.iterdir()] == [file.name]  # no temporary file left behind


def test_resuming_an_invalid_file_exits_1_at_the_line_of_the_problem(consultant: Consultant, tmp_path: Path) -> None:
    file = tmp_path / "client.yaml"
    file.write_text("kind: answers\ncompany: Acme\ntraits:\n  sales_volume: sometimes\n", encoding="utf-8")
    code, out, err = assess("--resume", str(file))
    assert code == 1
    assert f"{file}:4:" in err and "sales_volume" in err
    assert out == ""


def test_resume_with_save_is_a_usage_error_and_touches_no_file(consultant: Consultant, tmp_path: Path) -> None:
    file = tmp_path / "client.yaml"
    file.write_text("kind: answers\ncompany: Acme\n", encoding="utf-8")
    code, _, err = consultant.types(ENTER, "--resume", str(file), "--save", str(tmp_path / "copy.yaml"))
    assert code == 2
    assert f"--resume saves the answers in {file} itself: leave out --save" in err
    assert file.read_text(encoding="utf-8") == "kind: answers\ncompany: Acme\n"
    assert not (tmp_path / "copy.yaml").exists()


def test_resuming_a_missing_file_is_a_usage_error(consultant: Consultant, tmp_path: Path) -> None:
    code, _, err = assess("--resume", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "nope.yaml: no such answers file" in err


def test_resuming_a_hand_edited_file_keeps_the_edits_and_asks_only_what_is_missing(
    consultant: Consultant, tmp_path: Path
) -> None:
    interview = Interview()
    file = paused_at(tmp_path, 14)  # Ctrl-C at the third importance question
    # the consultant fixes the company and a trait by hand and sets a constraint, with no `asked` list
    data = saved(file)
    first = catalog().traits.traits[0]
    data["company"] = "Ferronnerie Dauphinoise SAS"
    data["traits"][first.id] = first.options[1].id
    data["constraints"] = {"company_size": "large"}
    file.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

    steps = interview.steps()
    size_already_set = "".join(steps[14:24]) + "".join(steps[25:]) + ENTER
    code, out, _ = consultant.types(size_already_set, "--resume", str(file))
    assert code == 0 and words("en")["assessment.ranking"] in out
    final = saved(file)
    assert final["company"] == "Ferronnerie Dauphinoise SAS"
    assert final["traits"][first.id] == first.options[1].id
    assert final["constraints"]["company_size"] == "large"
    assert final["constraints"]["languages"] == ["fr"]


def test_lang_fr_asks_in_french(consultant: Consultant, tmp_path: Path) -> None:
    screen = io.StringIO()
    file = tmp_path / "client.yaml"
    keys = "".join(Interview().steps()) + ENTER
    code, out, _ = consultant.types(keys, "--save", str(file), "--lang", "fr", screen=screen)
    assert code == 0
    shown = " ".join(screen.getvalue().split())  # questions are wrapped to the terminal width
    traits = catalog().traits
    assert "Nom de l'entreprise ?" in shown
    assert " ".join(traits.declared_model.question("fr").split()) in shown
    assert all(" ".join(t.question("fr").split()) in shown for t in traits.traits)
    assert "Company name?" not in shown
    assert words("fr")["assessment.ranking"] in out
    assert saved(file)["lang"] == "fr"
    # the no-break spaces the terminal holds while rich lays the text out (present/console) never show
    assert not any(ord(char) >= 0xF0000 for char in screen.getvalue() + out)


def test_the_budget_refuses_text_accepts_a_comma_goes_back_with_lt_and_keeps_its_value_in_the_summary(
    consultant: Consultant, tmp_path: Path
) -> None:
    file = paused_at(tmp_path, 26)  # at the budget, the last question
    rub_out = "\x7f" * 8  # Backspace
    budget = "abc" + ENTER + rub_out + "<" + ENTER  # refused, then "<": back to the number of users
    budget += "0" + ENTER + rub_out + "12" + ENTER  # 0 users refused, then 12
    budget += "25,5" + ENTER  # a budget with a decimal comma
    edit_budget = pick(5) + pick(4) + rub_out + "<" + ENTER + pick(1)  # in the summary, "<" cancels the edit
    assert consultant.types(budget + edit_budget + ENTER, "--resume", str(file), UNREAD)[0] == 0
    constraints = saved(file)["constraints"]
    assert constraints["budget_per_user_month"] == 25.5
    assert constraints["company_size"] == "medium"
    assert constraints["users"] == 12


def test_resume_with_another_lang_asks_the_rest_in_that_language(consultant: Consultant, tmp_path: Path) -> None:
    steps = Interview().steps()
    file = paused_at(tmp_path, 5)  # Ctrl-C at the third trait
    assert saved(file)["lang"] == "en"
    screen = io.StringIO()
    code, out, _ = consultant.types("".join(steps[5:]) + ENTER, "--resume", str(file), "--lang", "fr", screen=screen)
    assert code == 0
    shown = " ".join(screen.getvalue().split())
    assert " ".join(catalog().traits.traits[3].question("fr").split()) in shown
    assert "Reprise de" in shown
    assert words("fr")["assessment.ranking"] in out
    assert saved(file)["lang"] == "fr"


def test_loyalty_offer_after_the_summary_for_a_b2b_company_that_rates_loyalty_important_then_ctrl_c_and_resume(
    consultant: Consultant, tmp_path: Path
) -> None:
    """Accepted, the loyalty questions are asked into the same file and the report has its loyalty section."""
    loyalty = catalog().loyalty
    assert loyalty is not None
    file = paused_at(tmp_path, len(Interview().steps()), LOYALTY_IMPORTANT)  # at the summary, loyalty important
    accept = ENTER  # "yes" is the default
    first_two = pick(0) * 2
    code, _, err = consultant.types(ENTER + accept + first_two + CTRL_C, "--resume", str(file))
    assert code == 130
    assert f"crmadvisor assess --resume {file}" in err
    # the traits already answer two loyalty questions (a partnership over many years, a few purchases a year)
    reused = {"relationship_length": "many_years", "order_frequency": "rare"}
    assert saved(file)["loyalty"] == {**reused, **{q.id: "yes" for q in loyalty.questions[:2]}}
    # resume: the summary again, confirmed, then the remaining loyalty questions, first option each
    rest = pick(0) * (len(loyalty.questions) - 2 - len(reused))
    code, out, err = consultant.types(ENTER + rest, "--resume", str(file))
    assert (code, err) == (0, "")
    assert saved(file)["loyalty"] == {**{q.id: q.options[0].id for q in loyalty.questions}, **reused}
    assert "B2B loyalty programme: Ferronnerie Dauphinoise" in out
    assert assess("--answers", str(file))[1] == out


def test_loyalty_offer_declined_ranks_without_a_loyalty_section(consultant: Consultant, tmp_path: Path) -> None:
    file = paused_at(tmp_path, len(Interview().steps()), LOYALTY_IMPORTANT)  # at the summary, loyalty important
    code, out, err = consultant.types(ENTER + "n" + ENTER, "--resume", str(file))
    assert (code, err) == (0, "")
    assert "loyalty" not in saved(file)
    assert f"crmadvisor loyalty --resume {file}" in " ".join(out.replace("│", " ").split())  # this file, named


def test_a_budget_typed_with_its_currency_is_compared_with_prices_in_that_currency(
    consultant: Consultant, tmp_path: Path
) -> None:
    file = paused_at(tmp_path, 26)  # at the budget, the last question
    code, out, err = consultant.types("30 usd" + ENTER + ENTER, "--resume", str(file))
    assert (code, err) == (0, "")
    constraints = saved(file)["constraints"]
    assert (constraints["budget_per_user_month"], constraints["budget_currency"]) == (30, "USD")
    assert "over the budget of US$30" in " ".join(out.split())  # a USD price above 30 is now compared


def test_a_yearly_budget_in_total_is_saved_and_compared_a_year(consultant: Consultant, tmp_path: Path) -> None:
    file = paused_at(tmp_path, 26)  # at the budget, the last question
    code, out, err = consultant.types("6000 EUR a year" + ENTER + ENTER, "--resume", str(file))
    assert (code, err) == (0, "")
    constraints = saved(file)["constraints"]
    assert (constraints.get("budget_per_year"), constraints.get("budget_per_user_month")) == (6000, None)
    assert "a year, over the budget of €6,000" in " ".join(out.split())


@given(st.text(max_size=20))
def test_budget_from_any_text_is_none_a_positive_amount_in_a_known_currency_or_a_value_error(text: str) -> None:
    try:
        budget = budget_from(text)
    except ValueError:
        return
    if budget is None:
        assert not text.strip()
    else:
        amount, currency, per = budget
        assert amount > 0 and math.isfinite(amount) and currency in ("EUR", "USD", "GBP")
        assert per in ("user_month", "year")


def test_budget_from_reads_what_a_consultant_types() -> None:
    assert budget_from("40") == (40.0, "EUR", "user_month")
    assert budget_from(" 25,5 gbp ") == (25.5, "GBP", "user_month")
    assert budget_from("99USD") == (99.0, "USD", "user_month")
    assert budget_from("35 €") == budget_from("€35") == (35.0, "EUR", "user_month")
    assert budget_from("$35") == (35.0, "USD", "user_month") and budget_from("35 £")[:2] == (35.0, "GBP")
    assert budget_from("") is None
    assert budget_from("60000 EUR a year") == (60000.0, "EUR", "year")
    assert budget_from("60 000 € par an") == budget_from("60000 eur/an") == (60000.0, "EUR", "year")
    assert budget_from("35 EUR per user per month") == (35.0, "EUR", "user_month")
    for bad in ("abc", "0", "-3", "inf", "40 CHF", "a year", "60 000 EUR"):
        with pytest.raises(ValueError):
            budget_from(bad)


def test_consultant_option_is_kept_in_the_answers_file_and_not_asked(consultant: Consultant, tmp_path: Path) -> None:
    file = tmp_path / "client.yaml"
    steps = Interview().steps()
    keys = steps[0] + "".join(steps[2:]) + ENTER  # no consultant question
    code, _, err = consultant.types(keys, "--save", str(file), "--consultant", "Jean Dupont", UNREAD)
    assert (code, err) == (0, "")
    assert saved(file)["consultant"] == "Jean Dupont"
    assert saved(file)["constraints"]["asked"] == ["languages", "hosting_regions", "company_size", "users", "budget"]


def test_a_report_names_the_consultant_given_and_never_says_not_given(tmp_path: Path) -> None:
    file = tmp_path / "client.yaml"
    text = (ROOT / "examples" / "answers" / "industrial-supplier.yaml").read_text(encoding="utf-8")
    file.write_text("".join(line for line in text.splitlines(True) if not line.startswith("consultant:")), "utf-8")
    for fmt in ("md", "html"):  # no charts: they name no one (tests/test_report.py checks them)
        code, out, _ = assess("--answers", str(file), "--format", fmt, "--no-charts")
        assert code == 0
        assert "not given" not in out and "Consultant" not in out
        code, out, _ = assess("--answers", str(file), "--format", fmt, "--no-charts", "--consultant", "Jean Dupont")
        assert code == 0 and "Jean Dupont" in out


def test_with_every_area_not_needed_no_must_have_is_offered_and_back_skips_the_step(
    consultant: Consultant, tmp_path: Path
) -> None:
    file = tmp_path / "client.yaml"
    not_needed = [lvl.id for lvl in catalog().feature_areas.importance_levels].index("not_needed")
    interview = Interview(importance=[not_needed] * 9)
    steps = interview.steps()
    assert steps[21] == ENTER  # the must-haves: not asked, so these keys answer the languages
    back_from_languages = tick(len(languages()))  # back: over the must-haves, to the last importance
    keys = "".join(steps[:21]) + back_from_languages + pick(0) + "".join(steps[22:]) + ENTER
    code, _, err = consultant.types(keys, "--save", str(file), UNREAD)
    assert (code, err) == (0, ""), err
    data = saved(file)
    assert data["must_haves"] == [] and data["constraints"]["languages"] == ["fr"]
    last_area = catalog().feature_areas.areas[-1].id
    assert data["importance"][last_area] == "not_needed"  # asked again after back, kept
    assert workflow.complete_answers(file, catalog())  # the file loads again


def test_a_refused_answer_says_why_whole_and_wrapped_then_asks_again(consultant: Consultant, tmp_path: Path) -> None:
    file = paused_at(tmp_path, 26)  # at the budget, the last question
    screen = io.StringIO()
    keys = "abc" + ENTER + "\x7f" * 3 + "40" + ENTER + ENTER
    code, _, _ = consultant.types(keys, "--resume", str(file), "--lang", "fr", UNREAD, screen=screen)
    assert code == 0
    assert saved(file)["constraints"]["budget_per_user_month"] == 40
    lines = screen.getvalue().replace("\r", "").splitlines()
    assert " ".join(" ".join(lines).split()).count(words("fr")["ask.not_a_number"]) == 1
    at = next(i for i, line in enumerate(lines) if line.startswith("Tapez un nombre positif"))
    assert all(len(line) <= 80 for line in lines[at : at + 3]), lines[at : at + 3]


def test_an_answer_too_long_for_the_question_line_is_echoed_whole_under_it() -> None:
    question = "? " + "x" * 60
    assert echoed(question[2:], "short", 79) == " short"
    long = "Planned and budgeted in advance, justified by savings, efficiency gains or a return on investment"
    shown = echoed(question[2:], long, 79)
    assert shown.startswith("\n  ") and " ".join(shown.split()) == long
    assert all(len(line) <= 79 for line in shown.splitlines())


def test_area_questions_ask_how_important_and_choices_are_named_in_words() -> None:
    for area in catalog().feature_areas.areas:
        assert area.question("en").startswith(("How important is", "How important are")), area.id
        assert area.question("fr").startswith(("Quelle importance a pour vous", "Quelle importance ont pour vous"))
        assert ", or " not in area.question("en") and ", ou " not in area.question("fr"), area.id  # no either/or
    for lang, danish, apac in (
        ("en", "Danish (da)", "Asia-Pacific (apac)"),
        ("fr", "Danois (da)", "Asie-Pacifique (apac)"),
    ):
        steps = {s.field: s for s in assessment_steps(catalog(), lang)}
        kinds = [
            steps[f"constraints.{key}"].kind_for(
                workflow.complete_answers(ROOT / "examples" / "answers" / "industrial-supplier.yaml", catalog())
            )
            for key in ("languages", "hosting_regions")
        ]
        labels = [[o.label for o in kind.options] for kind in kinds if isinstance(kind, SomeOf)]
        assert danish in labels[0] and apac in labels[1]
