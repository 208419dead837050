"""`crmadvisor assess` in a real pseudo-terminal, 80 columns wide, answered with arrow keys and Enter."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from crmadvisor import workflow
from crmadvisor.cli import app
from crmadvisor.model.schema import Catalog
from crmadvisor.words import words

pexpect = pytest.importorskip("pexpect")

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-12-02"
DOWN, UP, ENTER, SPACE = "\x1b[B", "\x1b[A", "\r", " "
BACK_CHOICE = "back to the previous question"  # the last choice of every question after the first
CSI = re.compile(r"\x1b\[([0-9;?<=>]*)[ -/]*([@-~])")
OTHER_ESCAPE = re.compile(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def catalog() -> Catalog:
    return workflow.catalog(None, [], shipped_vendors=True, today=dt.date.fromisoformat(TODAY))


def spawn(answers: Path, *how: str) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "CRMADVISOR_DEBUG")}
    # pexpect does not answer prompt_toolkit's cursor-position request as a terminal would
    env.update(COLUMNS="80", LINES="40", TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1")
    if not hasattr(pexpect, "spawn"):  # Windows: pexpect has no pseudo-terminal there
        pytest.skip("pexpect cannot spawn a pseudo-terminal on this platform")
    args = ["-m", "crmadvisor", "assess", *(how or ("--save",)), answers.name, "--today", TODAY, "--draws", "200"]
    try:
        child = pexpect.spawn(
            sys.executable, args, env=env, cwd=str(answers.parent), dimensions=(40, 80), encoding="utf-8", timeout=20
        )
    except (OSError, pexpect.ExceptionPexpect) as err:  # no pty on this machine
        pytest.skip(f"pexpect cannot spawn a pseudo-terminal: {err}")
    # no fixed 50 ms before each send: every key is sent once the prompt that reads it is drawn (its
    # choices, or the end of its question), which the program does after dropping earlier keys
    child.delaybeforesend = None
    return child


def plain(raw: str) -> str:
    return OTHER_ESCAPE.sub("", CSI.sub("", raw))


def beyond(raw: str, width: int) -> list[str]:
    """The text written past the last column: the terminal would wrap or cut it.

    Follows the cursor's column through what the program wrote: characters, carriage returns and the
    horizontal moves prompt_toolkit uses (CSI C, D, G and H). Vertical moves do not change the column.
    """
    column, over = 0, []
    for token in re.finditer(r"\x1b\[([0-9;?<=>]*)[ -/]*([@-~])|\x1b[^\[]|.", OTHER_ESCAPE.sub("", raw), re.S):
        text, params, command = token.group(0), token.group(1), token.group(2)
        if command is not None:
            numbers = [int(n) for n in params.split(";") if n.isdigit()]
            step = numbers[0] if numbers else 1
            if command == "C":
                column += step
            elif command == "D":
                column = max(0, column - step)
            elif command == "G":
                column = step - 1
            elif command == "H":
                column = numbers[1] - 1 if len(numbers) > 1 else 0
        elif text == "\r":
            column = 0
        elif text.isprintable() and not text.startswith("\x1b"):
            if column >= width:
                over.append(raw[max(0, token.start() - 100) : token.start() + 1])
            column += 1
    return over


def test_a_consultant_answers_with_arrow_keys_and_reads_the_report_at_80_columns(tmp_path: Path) -> None:
    started = time.monotonic()
    answers = tmp_path / "client.yaml"
    child = spawn(answers)
    shown: list[str] = []
    child.logfile_read = type("Log", (), {"write": lambda _, s: shown.append(s), "flush": lambda _: None})()

    def answer(shown_first: str, keys: str, last_choice: str = BACK_CHOICE) -> None:
        child.expect_exact(shown_first)
        child.expect_exact(last_choice)  # the choices are on screen
        child.send(keys)

    traits = catalog().traits
    areas = catalog().feature_areas.areas
    child.expect_exact("Company name?")
    child.send("Ferronnerie Dauphinoise" + ENTER)
    child.expect_exact("consultant's name")
    child.expect_exact("= back)?")  # the end of the question: the prompt is drawn
    child.send("Claire Martin" + ENTER)
    answer(traits.declared_model.question("en"), ENTER)  # B2B
    for trait, down in zip(traits.traits, [0, 2, 0, 1, 1, 0, 0, 0, 0], strict=True):
        answer(trait.heading("en"), DOWN * down + ENTER)
    for area, down in zip(areas, [3, 1, 1, 3, 2, 1, 2, 0, 3], strict=True):
        answer(area.heading("en"), DOWN * down + ENTER)
    # the must-haves: the capabilities of the critical and important areas; Account hierarchy is the first
    answer("Which of these capabilities are deal-breakers", SPACE + ENTER)
    languages = sorted({code for v in catalog().vendors for code in v.languages})
    answer("interface languages", DOWN * languages.index("fr") + SPACE + ENTER)
    assert plain(child.before).splitlines()[-1].strip() == "←", "in a multiple choice, back is no item to tick"
    answer("where may customer data be hosted", DOWN * 2 + SPACE + ENTER)  # eu
    answer("company size", DOWN * 3 + ENTER)  # medium
    child.expect_exact("Number of CRM users")
    child.expect_exact("= back)?")
    child.send("12" + ENTER)
    child.expect_exact("budget per user per month")
    child.expect_exact("= back)?")
    child.send(ENTER)
    child.expect_exact("Summary of the answers")
    child.expect_exact("Constraints: Interface languages: French (fr); ")  # the last part of the summary, one line each
    summary = plain(child.before)
    assert summary.count("\n") + 1 <= 24, summary  # banner, question, confirm and the parts fit 24 rows
    assert "Company: Ferronnerie Dauphinoise; Claire Martin; B2B" in summary
    child.send(DOWN * 2 + ENTER)  # the relationship traits, one answer a line
    answer("Which answer to change?", UP + ENTER, last_choice="back to the summary")  # back, unchanged
    answer("Summary of the answers", ENTER, last_choice="Constraints:")  # confirm
    child.expect_exact("loyalty-programme")  # B2B, loyalty important: the loyalty questions are offered
    child.expect_exact("(Y/n)")
    child.send("n" + ENTER)  # not now (tests/test_questionnaire.py answers them)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, "".join(shown)[-2000:]
    assert time.monotonic() - started < 60

    raw = "".join(shown)
    assert beyond(raw, 80) == [], "\n---\n".join(repr(b[-90:]) for b in beyond(raw, 80))
    saved = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert saved["confirmed"] is True
    assert saved["importance"]["pipeline"] == "critical"
    assert saved["must_haves"] == ["account_hierarchy"]
    assert (saved["consultant"], saved["constraints"]["users"]) == ("Claire Martin", 12)
    # the ranking the terminal showed is the one the saved file gives
    env = dict.fromkeys(("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES"))
    report = CliRunner().invoke(
        app,
        ["assess", "--answers", str(answers), "--today", TODAY, "--draws", "200", "--width", "80"],
        catch_exceptions=False,
        env=env,
    )
    assert report.exit_code == 0
    ranking = report.stdout.splitlines()
    start = ranking.index(next(line for line in ranking if line.strip() == words("en")["assessment.ranking"]))
    rows = [line for line in ranking[start:] if line.startswith("│")]
    first_two = [row for row in rows if row.split("│")[1].strip()][:2]  # continuation rows have no rank
    assert [row.split("│")[1].strip() for row in first_two] == ["1", "2"]
    assert all(row in plain(raw) for row in first_two), first_two


def test_keys_typed_ahead_never_answer_the_next_question(tmp_path: Path) -> None:
    """`y` then Enter at the loyalty offer, or Enter twice at a question: the extra Enter is dropped."""
    answers = tmp_path / "client.yaml"
    data = yaml.safe_load((ROOT / "examples" / "answers" / "industrial-supplier.yaml").read_text(encoding="utf-8"))
    data["constraints"]["asked"] = ["languages", "hosting_regions", "company_size", "users", "budget"]
    data.update(must_haves=[], confirmed=False)  # all answered, not confirmed; B2B, loyalty important
    answers.write_text(yaml.safe_dump(data), encoding="utf-8")
    loyalty = catalog().loyalty
    assert loyalty is not None
    first, second, third = loyalty.questions[:3]
    reused = {"relationship_length": "many_years", "order_frequency": "rare"}  # from the traits: not asked
    assert not {first.id, second.id, third.id} & set(reused)
    child = spawn(answers, "--resume")

    def loyalty_answers() -> dict[str, str]:
        return dict(yaml.safe_load(answers.read_text(encoding="utf-8")).get("loyalty") or {})

    child.expect_exact("Confirm and rank the vendors")
    child.send(ENTER)
    child.expect_exact("(Y/n)")
    child.send("y" + ENTER)  # typed fast: both keys arrive together
    child.expect_exact(first.options[-1].label("en"))  # the first loyalty question is on screen
    child.send(ENTER + ENTER)  # twice: the first answers, the second is dropped
    shown = child.expect_exact([second.options[-1].label("en"), third.options[-1].label("en")])
    assert shown == 0, "a key typed ahead answered the second question unseen"
    child.expect_exact(BACK_CHOICE)  # the second question is on screen, with its choices
    # its second option: had the Enter after the `y`, or the second Enter, answered a question, this
    # answers the third one instead, and the second is saved with its first option
    child.send(DOWN + ENTER)
    child.expect_exact(third.options[-1].label("en"))
    child.expect_exact(BACK_CHOICE)  # the third question is on screen: the second answer is saved
    assert loyalty_answers() == {**reused, first.id: first.options[0].id, second.id: second.options[1].id}
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
