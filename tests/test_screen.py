"""The questionnaire as a person sees it on an 80x24 terminal: tmux draws it, `capture-pane` reads it.

The pty tests (tests/test_pty.py) read what the program writes; these read the screen it leaves,
after prompt_toolkit's redraws: what stays on screen, what scrolled away. Skipped without tmux.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, TODAY

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None or os.name != "posix", reason="needs tmux")

ROWS, COLUMNS = 24, 80


class Screen:
    """One tmux server of its own (its own socket), one 80x24 window running a command."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20)
        return done.stdout

    def start(self, cwd: Path, *args: str) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")}
        command = shlex.join([sys.executable, "-m", "crmadvisor", *args]) + "; sleep 60"
        subprocess.run(
            [
                "tmux",
                "-L",
                self.socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                str(COLUMNS),
                "-y",
                str(ROWS),
                "-c",
                str(cwd),
                command,
            ],
            env={**env, "TERM": "xterm-256color"},
            check=True,
            timeout=20,
        )

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "0", *keys)

    def shows(self, text: str, timeout: float = 30) -> list[str]:
        """The screen's rows once `text` is on it (the test fails if it never is)."""
        deadline = time.monotonic() + timeout
        before: list[str] = []
        while True:
            rows = self.tmux("capture-pane", "-p", "-t", "0").splitlines()
            if rows == before and any(text in row for row in rows):
                return rows  # on screen, and the screen did not change since the last look: the prompt is drawn
            assert time.monotonic() < deadline, f"never shown: {text!r}\n" + "\n".join(rows)
            before = rows
            time.sleep(0.05)


@pytest.fixture
def screen() -> Iterator[Screen]:
    shown = Screen(f"crmadvisor-test-{os.getpid()}-{time.monotonic_ns()}")
    yield shown
    socket = shown.tmux("display-message", "-p", "#{socket_path}").strip()
    shown.tmux("kill-server")
    if socket:
        Path(socket).unlink(missing_ok=True)  # the server's socket file is left behind otherwise


def prepared(tmp_path: Path, *, must_haves: bool) -> Path:
    """An answers file with every question answered but the must-haves (or all, unconfirmed)."""
    data = yaml.safe_load((EXAMPLES / "industrial-supplier.yaml").read_text(encoding="utf-8"))
    data["importance"] = dict.fromkeys(data["importance"], "critical")  # every capability is a must-have to offer
    data["constraints"]["asked"] = ["languages", "hosting_regions", "company_size", "users", "budget"]
    data["confirmed"] = False
    if must_haves:
        data["must_haves"] = []
    path = tmp_path / "client.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_long_multiple_choice_scrolls_under_its_question_on_80x24(screen: Screen, tmp_path: Path) -> None:
    path = prepared(tmp_path, must_haves=False)
    screen.start(tmp_path, "assess", "--resume", path.name, "--today", TODAY, "--draws", "0")
    rows = screen.shows("Which of these capabilities are deal-breakers")
    assert len(rows) <= ROWS
    question = next(i for i, row in enumerate(rows) if row.startswith("? Which of these capabilities"))
    assert rows[question + 2].endswith("(arrows to move, Space to tick, Enter to confirm)")  # the whole question
    assert rows[question + 3] == " » ○ Contact management: Account hierarchy"  # the first item, under the pointer
    screen.keys("Up")  # the pointer wraps to "back", the list scrolls to it: the question stays on screen
    rows = screen.shows("← back to the previous question")
    assert any(row.startswith("? Which of these capabilities") for row in rows), "\n".join(rows)
    assert any("» ← back to the previous question" in row for row in rows)
    assert all(len(row) <= COLUMNS for row in rows)
    screen.keys("Down", "Down", "Down", "Space", "Down", "Space", "Enter")  # tick the third and fourth items
    rows = screen.shows("Summary of the answers")
    asked = next(i for i, row in enumerate(rows) if row.startswith("? Which of these capabilities"))
    echo = " ".join(" ".join(rows[asked:]).split())  # the question, first line included, and the answer
    ticked = "Contact management: Mass contact base, Marketing automation: Sales automation"
    assert f"answered critical) {ticked}" in echo  # the answer, whole, under the question: no word cut
    assert all(len(row) <= COLUMNS for row in rows)


def test_the_summary_and_a_part_of_it_fit_80x24(screen: Screen, tmp_path: Path) -> None:
    path = prepared(tmp_path, must_haves=True)
    screen.start(tmp_path, "assess", "--resume", path.name, "--today", TODAY, "--draws", "0", "--lang", "fr")
    rows = screen.shows("Contraintes :")
    start = next(i for i, row in enumerate(rows) if row == "Récapitulatif des réponses")
    summary = rows[start:]
    assert len(summary) <= ROWS and "» Valider et classer les éditeurs" in summary[3]
    assert summary[4].strip().startswith("Entreprise : Ferronnerie Dauphinoise SAS ; Claire Martin")
    assert summary[6].strip() == "Domaines fonctionnels : 9 × Indispensable"
    assert all(len(row) <= COLUMNS for row in rows)
    screen.keys("Down", "Down", "Enter")  # the relationship traits, one answer a line
    rows = screen.shows("← revenir au récapitulatif")
    listed = rows[rows.index("Différences de relation") + 2 :]
    assert listed[0] == " » La taille des fichiers client : Moins de 500"  # 9 answers, one a line, then back
    assert listed[9] == "   ← revenir au récapitulatif" and all(len(row) <= COLUMNS for row in listed)
