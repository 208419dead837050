"""Every command's `--help` on an 80-column terminal: its example whole on one line, to copy and paste,
and the command lists' one-line descriptions not cut short."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import typer.core
import typer.main
from conftest import ROOT, run

from crmadvisor.cli import app

ROOT_COMMAND = typer.main.get_command(app)


def _paths(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    """Each command's words after `crmadvisor` ("vendors show") and its command object, the root first."""
    yield " ".join(path), command
    if isinstance(command, typer.core.TyperGroup):
        for name, sub in command.commands.items():
            yield from _paths(sub, (*path, name))


COMMANDS = dict(_paths(ROOT_COMMAND))
GROUPS = [path for path, command in COMMANDS.items() if isinstance(command, typer.core.TyperGroup)]


def help_at_80(path: str) -> str:
    code, out, err = run(*path.split(), "--help", env={"COLUMNS": "80"})
    assert (code, err) == (0, "")
    return out


def kept_lines(help_text: str) -> list[str]:
    """The lines of the paragraphs a help text keeps as written (after click's `\\b` marker)."""
    lines: list[str] = []
    for paragraph in help_text.split("\n\n"):
        first, _, rest = paragraph.strip("\n").partition("\n")
        if first.strip() == "\b":
            lines += [line.strip() for line in rest.splitlines() if line.strip()]
    return lines


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: p or "crmadvisor")
def test_help_gives_an_example_command_line_whole_at_80_columns(path: str) -> None:
    help_text = COMMANDS[path].help or ""
    examples = [line.strip() for line in help_text.splitlines() if line.strip().startswith("Example: ")]
    assert examples, f"`crmadvisor {path}` --help has no example"
    assert all(e.removeprefix("Example: ").startswith(f"crmadvisor {path}".strip()) for e in examples)
    shown = [line.strip() for line in help_at_80(path).splitlines()]
    assert [line for line in {*examples, *kept_lines(help_text)} if line not in shown] == []


@pytest.mark.parametrize("path", GROUPS, ids=lambda p: p or "crmadvisor")
def test_the_command_list_describes_each_command_in_full_at_80_columns(path: str) -> None:
    listing = help_at_80(path).split("\nCommands:\n", 1)[1]
    assert [line for line in listing.splitlines() if line.rstrip().endswith("...")] == []
    assert max(len(line) for line in listing.splitlines()) <= 80


def test_the_readme_command_table_names_every_command() -> None:
    """Each command a user can run (a group that runs itself, as `rfp` does, included) has a row."""
    rows = [line for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines() if line.startswith("| `")]
    runnable = [
        path
        for path, command in COMMANDS.items()
        if path and (not isinstance(command, typer.core.TyperGroup) or command.invoke_without_command)
    ]
    named = {path for path in runnable for row in rows if re.match(rf"\| `crmadvisor {path}( |`)", row)}
    assert sorted(set(runnable) - named) == []
