"""Property tests: whatever a file holds, `validate` answers with located problems, never a traceback."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer.main
import typer.testing
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from crmadvisor.cli import app
from crmadvisor.errors import InputError
from crmadvisor.load import yamlsource

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Pieces of YAML, so that generated text reaches past the parser into kinds, keys and models.
YAML_PIECES = st.sampled_from(
    [
        "kind: ",
        "vendor",
        "answers",
        "traits",
        "id: ",
        "ratings:",
        "rating: ",
        "name: ",
        "\n",
        "\n  ",
        "\n    ",
        " ",
        "- ",
        "[",
        "]",
        "{",
        "}",
        ", ",
        ": ",
        "&a ",
        "*a",
        "!!str ",
        "!!python/name:os.system ",
        "<<: ",
        "? ",
        "'",
        '"',
        "# c",
        "---\n",
        "...\n",
        "0",
        "5",
        "-1",
        "1e9",
        "null",
        "~",
        "true",
        "2026-11-22",
        "é",
        "\t",
        "|\n  x",
        ">-\n  y",
        "\\",
        "%YAML 1.1\n",
        "\ufeff",
        "\x85",
        "\u2028",
    ]
)
yaml_like = st.lists(YAML_PIECES, max_size=40).map("".join)


@pytest.fixture(scope="module")
def runner() -> Iterator[CliRunner]:
    """typer's CliRunner rebuilds the click command at each invoke (about 30 ms): build it once."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(typer.testing, "_get_command", functools.cache(typer.main.get_command))
        yield CliRunner()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("props")


def check_cli(runner: CliRunner, path: Path) -> None:
    result = runner.invoke(app, ["validate", str(path), "--today", "2026-11-22"], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.stdout + result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"1 file checked: \d+ error\(s\), \d+ warning\(s\)", lines[-1])
    if result.exit_code == 1:
        located = [line for line in lines if re.match(rf"{re.escape(str(path))}:[1-9]\d*:[1-9]\d*: error: ", line)]
        assert located, result.stdout


@PROPERTY
@given(text=st.text())
def test_validate_any_text(runner: CliRunner, folder: Path, text: str) -> None:
    path = folder / "text.yaml"
    path.write_text(text, encoding="utf-8")
    check_cli(runner, path)


@PROPERTY
@given(text=yaml_like)
def test_validate_yaml_like_text(runner: CliRunner, folder: Path, text: str) -> None:
    path = folder / "yamlish.yaml"
    path.write_text(text, encoding="utf-8")
    check_cli(runner, path)


@PROPERTY
@given(raw=st.binary())
@example(raw=b"\xff")
@example(raw=b"kind: vendor\nname: \xc3")
def test_validate_any_bytes(runner: CliRunner, folder: Path, raw: bytes) -> None:
    path = folder / "bytes.yaml"
    path.write_bytes(raw)
    check_cli(runner, path)


def check_parse(text: str) -> None:
    try:
        src = yamlsource.parse(text, "f.yaml")
    except InputError as err:
        assert err.problems
        for problem in err.problems:
            assert problem.path == "f.yaml"
            assert problem.line >= 1 and problem.column >= 1, problem
            assert problem.message
    else:
        assert src.path == "f.yaml"
        assert all(line >= 1 and column >= 1 for line, column in [*src.keys.values(), *src.values.values()])


@settings(max_examples=200, deadline=None)
@given(text=st.text())
@example(text="")
@example(text="a: \x07")
@example(text="a: &x [*x]")
def test_parse_any_text(text: str) -> None:
    check_parse(text)


@settings(max_examples=200, deadline=None)
@given(text=yaml_like)
def test_parse_yaml_like_text(text: str) -> None:
    check_parse(text)
