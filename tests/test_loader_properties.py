"""Property tests: whatever a file holds, `validate` answers with located problems, never a traceback."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer.main
import typer.testing
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from crmadvisor.cli import app
from crmadvisor.errors import InputError
from crmadvisor.load import yamlsource

# Each example runs `validate` through the CLI, against the small criteria of tests/data/criteria (the
# shipped ones took 40 ms a run to read, for nothing these properties check): 60 by default keeps the
# suite under two minutes; CRMADVISOR_CLI_EXAMPLES=1000 for a deeper run (the in-process parser
# properties below run hundreds each way).
PROPERTY = settings(
    max_examples=int(os.environ.get("CRMADVISOR_CLI_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

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
CRITERIA = Path(__file__).resolve().parent / "data" / "criteria"


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
    argv = ["validate", str(path), "--criteria", str(CRITERIA), "--today", "2026-11-22"]
    result = runner.invoke(app, argv, catch_exceptions=False)
    # no generated file can be a valid vendor profile (it would rate every capability): exit 1, except
    # an answers file in progress (the questionnaire saves one after every answer: `kind: answers` alone)
    if result.exit_code == 0:
        assert _answers_in_progress(path), result.stdout
        return
    assert result.exit_code == 1, result.stdout + result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"1 file checked: [1-9]\d* error\(s\), \d+ warning\(s\)", lines[-1])
    located = [line for line in lines if re.match(rf"{re.escape(str(path))}:[1-9]\d*:[1-9]\d*: error: ", line)]
    assert located, result.stdout
    assert len(lines) < 100, "a handful of problems, not one per alias expansion"


def _answers_in_progress(path: Path) -> bool:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return False
    return isinstance(data, dict) and data.get("kind") == "answers"


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


# ------------------------------------------------------------------ nesting depth

# Pieces that open, close and indent levels, and hide brackets in quotes and comments. A line break
# and its indent are one piece drawn of the 65 (a third of the draws): one choice, not a tuple of two
# mapped, which took a quarter of the depth-bound test's 1,000 examples.
NESTING_PIECES = st.one_of(
    st.sampled_from([brk + " " * indent for brk in ["\n", "\r\n", "\r", "\x85", "\u2028"] for indent in range(13)]),
    st.sampled_from(["[", "]", "{", "}", "a: ", "a:", "- ", "-", "? ", ": ", "x", ", ", "'", '"', "# ", "|"]),
    st.sampled_from(["&a ", "*a", "!!seq ", "!!map ", "\t", "--- "]),
)
nesting = st.lists(NESTING_PIECES, max_size=300).map("".join)


def deepest(text: str) -> int:
    """How many lists and mappings PyYAML's own parser opens at once before the end or an error."""
    loader = yaml.SafeLoader(text)
    depth = most = 0
    try:
        while not isinstance(event := loader.get_event(), yaml.StreamEndEvent):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                most = max(most, depth)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass
    return most


@settings(max_examples=1000, deadline=None)
@given(text=nesting)
@example(text="a:\n" + "".join(" " * i + "-\n" + " " * i + " b:\n" for i in range(40)))
@example(text="- - - [{'[': [x]}] # [[[\n")
def test_depth_bound_is_never_below_the_real_depth(text: str) -> None:
    """The text-only bound lets a file skip the exact check: it must never under-count."""
    assert yamlsource._depth_bound(text) >= min(deepest(text), yamlsource.MAX_DEPTH + 1)


def outcome(text: str) -> tuple[object, ...]:
    try:
        src = yamlsource.parse(text, "f.yaml")
    except InputError as err:
        return ("problems", [(p.line, p.column, p.code) for p in err.problems])
    return ("data", src.data, src.keys, src.values)


def nested_text(block: list[str], flow: list[str], noises: list[int]) -> tuple[str, int]:
    """YAML with these block openers, then these flow ones, around `x`; and its depth.

    `noises[i]` puts stray brackets after the i-th block opener: 0 none, 1 in a comment on its line,
    2 in a comment on a line of its own.
    """
    closing = "".join("]" if opener.startswith("[") else "}" for opener in reversed(flow))
    text = " " * len(block) + "".join(flow) + "x" + closing + "\n"
    for indent, opener in reversed(list(enumerate(block))):
        noise = ["", " # [[{", "\n" + " " * indent + "# ]]"][noises[indent]]
        if opener == "? ":  # an explicit key holding the rest, then its (empty) value
            text = " " * indent + "?" + noise + "\n" + text + " " * indent + ":\n"
        else:
            text = " " * indent + opener + noise + "\n" + text
    return text, len(block) + len(flow)


@st.composite
def nested_yaml(draw: st.DrawFn) -> tuple[str, int]:
    """Valid YAML nested 50 to 160 levels deep: block levels, then flow ones; and its depth.

    Comments and quoted text hold stray brackets, which must count for nothing.
    """
    block = draw(st.lists(st.sampled_from(["-", "key:", "? "]), max_size=80))
    flow = draw(st.lists(st.sampled_from(["[", "{a: ", "['[', "]), min_size=max(0, 50 - len(block)), max_size=80))
    noises = draw(st.lists(st.integers(0, 2), min_size=len(block), max_size=len(block)))
    return nested_text(block, flow, noises)


# The limit and one past it, every run, with every kind of opener and noise: the examples drawn (150,
# from 50 to 160 levels) land around the limit too, but not always on it.
BLOCK_MIX = ["-", "key:", "? "] * 10
FLOW_MIX = ["[", "{a: ", "['[', "] * 11 + ["["]  # 30 + 34 levels


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=nested_yaml())
@example(case=nested_text(["-", "key:"] * 15, FLOW_MIX, [0, 1, 2] * 10))  # 64 levels: parsed
@example(case=nested_text(BLOCK_MIX, [*FLOW_MIX, "{a: "], [2, 1, 0] * 10))  # 65: one too deep
@example(case=nested_text(["-"] * 65, [], [1] * 65))  # 65 block levels
def test_too_deep_is_exact_and_the_same_with_libyaml_or_pure_python(
    monkeypatch: pytest.MonkeyPatch, case: tuple[str, int]
) -> None:
    text, depth = case
    with_libyaml = outcome(text)
    monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
    with_python = outcome(text)
    monkeypatch.undo()
    assert with_libyaml == with_python
    too_deep = with_libyaml[0] == "problems" and ("too-deep" in str(with_libyaml[1]))
    assert too_deep == (depth > yamlsource.MAX_DEPTH), with_libyaml[:2]
    if not too_deep:  # parsed (a `? ` key that is a list is refused by the builder, for its own reason)
        assert with_libyaml[0] == "data" or {code for *_, code in with_libyaml[1]} == {"bad-key"}
