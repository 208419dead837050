"""The questionnaire engine on its own: a list of declared steps, asked through prompt_toolkit's pipe input.

What a helper adding a question relies on: declaring a `Step` is enough for it to be asked, saved at
once, skipped on resume, reached by "back", and stopped by Ctrl-C with the resume command.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from crmadvisor.ask.engine import Session, ask_steps, stopped_safely
from crmadvisor.ask.steps import OneOf, Option, SomeOf, Step, Text
from crmadvisor.errors import ExitCode, Interrupted
from crmadvisor.load.answers import write_answers
from crmadvisor.model.schema import Answers
from crmadvisor.resume import resume_command

DOWN, UP, ENTER, SPACE, CTRL_C = "\x1b[B", "\x1b[A", "\r", " ", "\x03"


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def languages_for(answers: Answers) -> SomeOf:
    """Options that depend on an earlier answer: a Swiss company is also offered Italian."""
    codes = ("de", "fr", "it") if answers.company and "AG" in answers.company else ("de", "fr")
    return SomeOf(tuple(Option(code, code) for code in codes), none="none")


STEPS = [
    Step("company", "Company?", Text()),
    Step("consultant", "Consultant?", Text()),
    Step("constraints.languages", "Languages?", languages_for),
    Step("declared_model", "Model?", OneOf((Option("b2b", "B2B"), Option("b2c", "B2C")))),
]


def started(tmp_path: Path) -> tuple[Answers, Session]:
    path = tmp_path / "answers.yaml"
    answers = Answers.model_validate({"kind": "answers", "date": dt.date(2026, 12, 2)})
    write_answers(path, answers)
    return answers, Session(path, "assess", ("--criteria", "my criteria"), resumed=False)


def on_disk(session: Session) -> dict[str, object]:
    data = yaml.safe_load(session.path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_declared_steps_are_asked_in_order_with_back_and_saved(keys: PipeInput, tmp_path: Path) -> None:
    answers, session = started(tmp_path)
    back_from_languages = DOWN * 3 + ENTER  # the choice after the three languages: not an item to tick
    keys.send_text("Acme AG" + ENTER + "Jo" + ENTER + back_from_languages + " M" + ENTER)
    keys.send_text(DOWN * 2 + SPACE + ENTER + DOWN + ENTER)  # tick "it" (offered to an AG), then B2C
    done = ask_steps(STEPS, answers, session)
    assert (done.company, done.consultant, done.declared_model) == ("Acme AG", "Jo M", "b2c")
    assert done.constraints is not None and done.constraints.languages == ("it",)
    assert on_disk(session)["consultant"] == "Jo M"


def test_a_resumed_file_is_asked_only_what_is_missing(keys: PipeInput, tmp_path: Path) -> None:
    answers, session = started(tmp_path)
    answers = answers.model_copy(update={"company": "Acme SA", "consultant": "Jo"})
    keys.send_text(ENTER + ENTER)  # languages: none ticked (an answer); model: the first option
    done = ask_steps(STEPS, answers, session)
    assert done.constraints is not None and done.constraints.languages == ()
    assert done.declared_model == "b2b" and done.company == "Acme SA"


def test_ctrl_c_stops_with_the_answers_saved_and_the_command_that_resumes(keys: PipeInput, tmp_path: Path) -> None:
    answers, session = started(tmp_path)
    keys.send_text("Acme" + ENTER + CTRL_C)
    with pytest.raises(Interrupted) as stopped, stopped_safely(session, "en"):
        ask_steps(STEPS, answers, session)
    assert stopped.value.exit_code == ExitCode.INTERRUPTED
    command = resume_command("assess", session.path, ("--criteria", "my criteria"))
    assert command == f"crmadvisor assess --resume {session.path} --criteria 'my criteria'"
    assert str(stopped.value).endswith(command)
    assert on_disk(session)["company"] == "Acme"
