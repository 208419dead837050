"""`crmadvisor validate`: exit codes, located messages and hostile input.

Most bad inputs are a copy of a real vendor profile with one change, written in tmp_path, so that
only that problem shows. Expected lines and columns are computed from the edited text, so that
the tests follow edits of the shipped vendor file.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crmadvisor.cli import app

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data" / "validate"
TODAY = "2026-12-02"  # the hidden --today option: review dates are checked against this day
SUMMARY = re.compile(r"^(\d+) files? checked: (\d+) error\(s\), (\d+) warning\(s\)$")
LOCATED = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): (?P<rest>.*)$")


# ---------------------------------------------------------------- helpers


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: object, today: bool = True):
    argv = ["validate", *map(str, args)]
    if today:
        argv += ["--today", TODAY]
    return runner.invoke(app, argv, catch_exceptions=False)


def summary(result) -> tuple[int, int, int]:
    """(files, errors, warnings) from the last stdout line, which must be the summary."""
    last = result.stdout.splitlines()[-1]
    match = SUMMARY.match(last)
    assert match, f"last line is not the summary: {last!r}"
    return int(match[1]), int(match[2]), int(match[3])


def problem_lines(result) -> list[str]:
    lines = result.stdout.splitlines()
    assert lines, "no output"
    assert SUMMARY.match(lines[-1])
    for line in lines[:-1]:
        assert LOCATED.match(line), f"not a `path:line:col: severity: ...` line: {line!r}"
    return lines[:-1]


def invalid(result, path: Path | str) -> list[str]:
    """Exit 1, nothing on stderr, every line located, at least one about `path`; the lines."""
    assert result.exit_code == 1, result.stdout + result.stderr
    assert result.stderr == ""
    lines = problem_lines(result)
    assert any(line.startswith(f"{path}:") for line in lines), result.stdout
    _, errors, _ = summary(result)
    assert errors >= 1
    return lines


def one_line(lines: list[str], prefix: str) -> str:
    found = [line for line in lines if line.startswith(prefix)]
    assert len(found) == 1, f"expected one line starting {prefix!r} in:\n" + "\n".join(lines)
    return found[0]


@dataclass
class Doc:
    """A vendor profile's text, edited line by line, remembering where the edit is."""

    text: str

    def lines(self) -> list[str]:
        return self.text.split("\n")

    def lineno(self, pattern: str, start: int = 1) -> int:
        """1-based number of the first line matching `pattern` (a regex) at or after `start`."""
        for number, line in enumerate(self.lines(), 1):
            if number >= start and re.fullmatch(pattern, line):
                return number
        raise AssertionError(f"no line matching {pattern!r}")

    def line(self, number: int) -> str:
        return self.lines()[number - 1]

    def replace(self, number: int, new: str) -> Doc:
        lines = self.lines()
        lines[number - 1 : number] = new.split("\n")
        return Doc("\n".join(lines))

    def delete(self, first: int, last: int) -> Doc:
        lines = self.lines()
        del lines[first - 1 : last]
        return Doc("\n".join(lines))

    def write(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.text, encoding="utf-8")
        return path

    # -- places in a vendor profile
    def ratings_line(self) -> int:
        return self.lineno(r"ratings:")

    def first_capability(self) -> tuple[int, str]:
        """The line and id of the first rated capability."""
        number = self.lineno(r"  [a-z][a-z0-9_]*:", self.ratings_line())
        return number, self.line(number).strip().rstrip(":")

    def first_rating(self) -> int:
        return self.lineno(r"    rating: \d", self.ratings_line())

    def review(self) -> tuple[int, str]:
        """The line of the review date and its key (`review_date`, formerly `reviewed`)."""
        number = self.lineno(r"review(?:ed|_date): \d{4}-\d\d-\d\d")
        return number, self.line(number).split(":")[0]

    def with_review(self, day: str) -> tuple[Doc, int, str, int]:
        """This profile reviewed on `day`: the text, and the line, key and column of the date."""
        number, key = self.review()
        return self.replace(number, f"{key}: {day}"), number, key, len(key) + 3


@pytest.fixture(scope="session")
def vendor_source() -> str:
    # Sellsy's real profile in format 2, frozen: the shipped files move to format 2 one by one
    return (DATA / "sellsy.yaml").read_text(encoding="utf-8")


@pytest.fixture
def vendor(vendor_source: str) -> Doc:
    """A real vendor profile (id `sellsy`): write it as `sellsy.yaml` to keep the id valid."""
    return Doc(vendor_source)


# ------------------------------------------------------------ shipped data


@pytest.mark.parametrize("folder", ["criteria", "vendors", "examples/answers"])
def test_shipped_data_is_valid(runner: CliRunner, folder: str) -> None:
    result = run(runner, REPO / folder)
    assert result.exit_code == 0, result.stdout
    assert result.stderr == ""
    count = len([p for p in (REPO / folder).rglob("*") if p.suffix in (".yaml", ".yml")])
    assert count > 0
    # until the catalogue has moved to format 2, its format 1 files warn, and nothing else may
    lines = [line for line in result.stdout.splitlines() if ": warning: format: format 1:" not in line]
    warned = len(result.stdout.splitlines()) - len(lines)
    assert lines == [f"{count} file{'s' if count > 1 else ''} checked: 0 error(s), {warned} warning(s)"]


def test_unchanged_copy_of_a_vendor_is_valid(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    """The control for every edited copy below: the copy alone has no problem."""
    path = vendor.write(tmp_path / "sellsy.yaml")
    result = run(runner, path)
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "1 file checked: 0 error(s), 0 warning(s)\n"
    assert result.stderr == ""


# -------------------------------------------------------- one file, one problem


def test_yaml_syntax_error(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    number = vendor.lineno(r"name: .*")
    bad = vendor.replace(number, "name: Sellsy: the CRM")
    path = bad.write(tmp_path / "sellsy.yaml")
    lines = invalid(run(runner, path), path)
    column = len("name: Sellsy:")  # the second colon
    line = one_line(lines, f"{path}:{number}:{column}: error: YAML syntax: ")
    assert "mapping values are not allowed" in line
    assert len(lines) == 1


def test_duplicate_key(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    first = vendor.lineno(r"name: .*")
    bad = vendor.replace(first, vendor.line(first) + "\nname: Sellsy again")
    path = bad.write(tmp_path / "sellsy.yaml")
    lines = invalid(run(runner, path), path)
    line = one_line(lines, f"{path}:{first + 1}:1: error: name: ")
    assert f"duplicate key `name` (first at line {first})" in line
    assert len(lines) == 1


def test_unknown_key_lists_the_allowed_keys(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    number = vendor.lineno(r"name: .*")
    bad = vendor.replace(number, vendor.line(number) + "\ncolour: blue")
    path = bad.write(tmp_path / "sellsy.yaml")
    lines = invalid(run(runner, path), path)
    line = one_line(lines, f"{path}:{number + 1}:1: error: colour: ")
    assert "unknown key `colour`" in line
    assert "expected one of:" in line and "reviewer" in line and "ratings" in line
    assert len(lines) == 1


def test_misspelt_key_suggests_the_right_one(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    number = vendor.lineno(r"reviewer: .*")
    bad = vendor.replace(number, vendor.line(number).replace("reviewer:", "reveiwer:"))
    path = bad.write(tmp_path / "sellsy.yaml")
    lines = invalid(run(runner, path), path)
    line = one_line(lines, f"{path}:{number}:1: error: reveiwer: ")
    assert "unknown key `reveiwer`: did you mean `reviewer`?" in line
    # the consequence, and nothing else: reviewer is now missing
    one_line(lines, f"{path}:1:1: error: reviewer: required field is missing")
    assert len(lines) == 2


def test_rating_of_the_wrong_type(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    number = vendor.first_rating()
    _, capability = vendor.first_capability()
    bad = vendor.replace(number, '    rating: "high"')
    path = bad.write(tmp_path / "sellsy.yaml")
    lines = invalid(run(runner, path), path)
    line = one_line(lines, f"{path}:{number}:13: error: ratings.{capability}.rating: ")
    assert "valid integer" in line
    assert len(lines) == 1


def test_rating_out_of_range(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    number = vendor.first_rating()
    _, capability = vendor.first_capability()
    bad = vendor.replace(number, "    rating: 7")
    path = bad.write(tmp_path / "sellsy.yaml")
    lines = invalid(run(runner, path), path)
    line = one_line(lines, f"{path}:{number}:13: error: ratings.{capability}.rating: ")
    assert "less than or equal to 5" in line
    assert len(lines) == 1


def test_missing_capability_rating_names_the_capability(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    first, capability = vendor.first_capability()
    following = vendor.lineno(r"  [a-z][a-z0-9_]*:", first + 1)
    bad = vendor.delete(first, following - 1)
    path = bad.write(tmp_path / "sellsy.yaml")
    lines = invalid(run(runner, path), path)
    line = one_line(lines, f"{path}:{bad.ratings_line()}:1: error: ratings: ")
    assert f"1 capability not rated: {capability} " in line
    assert len(lines) == 1


def test_rating_of_an_unknown_capability(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    number, capability = vendor.first_capability()
    misspelt = capability[0] + capability[2:]  # account_hierarchy -> acount_hierarchy
    bad = vendor.replace(number, f"  {misspelt}:")
    path = bad.write(tmp_path / "sellsy.yaml")
    lines = invalid(run(runner, path), path)
    line = one_line(lines, f"{path}:{number}:3: error: ratings.{misspelt}: ")
    assert f"no capability `{misspelt}` in the criteria: did you mean `{capability}`?" in line
    # renaming it also leaves the real capability unrated
    assert capability in one_line(lines, f"{path}:{bad.ratings_line()}:1: error: ratings: ")
    assert len(lines) == 2


def test_duplicate_vendor_id_across_folders(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    first = vendor.write(tmp_path / "team-a" / "sellsy.yaml")
    second = vendor.write(tmp_path / "team-b" / "sellsy.yaml")
    result = run(runner, tmp_path / "team-a", tmp_path / "team-b")
    lines = invalid(result, second)
    number = vendor.lineno(r"id: sellsy")
    line = one_line(lines, f"{second}:{number}:5: error: id: ")
    assert f"duplicate vendor id `sellsy`: also in {first}" in line
    assert len(lines) == 1
    assert summary(result) == (2, 1, 0)


def test_id_must_match_the_file_name(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    path = vendor.write(tmp_path / "sellsy-crm.yaml")
    lines = invalid(run(runner, path), path)
    number = vendor.lineno(r"id: sellsy")
    line = one_line(lines, f"{path}:{number}:5: error: id: ")
    assert "id `sellsy` must match the file name `sellsy-crm`" in line
    assert len(lines) == 1


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object:pathlib.Path",
        "!!python/object/new:os.system",
        "!<tag:yaml.org,2002:python/object/apply:os.system>",
    ],
)
def test_python_tag_is_refused_and_never_run(
    runner: CliRunner, vendor: Doc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tag: str
) -> None:
    marker = tmp_path / "MARKER"
    number = vendor.lineno(r"name: .*")
    payload = f'["touch {marker}"]' if "apply" in tag or "new" in tag else f"{{args: [{marker}]}}"
    bad = vendor.replace(number, f"name: {tag} {payload}")
    path = bad.write(tmp_path / "sellsy.yaml")
    monkeypatch.chdir(tmp_path)
    lines = invalid(run(runner, path), path)
    line = one_line(lines, f"{path}:{number}:7: error: name: ")
    full = tag.removeprefix("!<").removesuffix(">").replace("!!", "tag:yaml.org,2002:")
    assert line.endswith(f"tag `{full}` is not allowed: only plain YAML values")
    assert len(lines) == 1
    assert not marker.exists()


def test_billion_laughs_is_refused_quickly(runner: CliRunner, tmp_path: Path) -> None:
    """9 levels of 9 aliases: 9**9 = 387 million strings if expanded."""
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 9):
        refs = ", ".join([f"*lol{level - 1}"] * 9)
        lines.append(f"lol{level}: &lol{level} [{refs}]")
    path = tmp_path / "bomb.yaml"
    path.write_text("kind: vendor\n" + "\n".join(lines) + "\n", encoding="utf-8")
    start = time.monotonic()
    result = run(runner, path)
    elapsed = time.monotonic() - start
    assert elapsed < 10  # about 0.6 s here; expanding it would take minutes and gigabytes
    lines_out = invalid(result, path)
    # one problem, where expansion stopped (inside lol5, the 200,001st value)
    message = "more than 200,000 values, each use of an alias counting in full: refusing to read further"
    assert lines_out == [f"{path}:2:63: error: lol5.1.7: {message}"]
    assert len(result.stdout) < 1_000


def test_alias_bomb_under_the_value_limit_reaches_the_model_without_blowing_up(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Below the 200,000-value limit, expanded aliases reach pydantic, whose error text would
    repeat each wrong value in full (minutes and gigabytes): messages must not include inputs."""
    lines = ["kind: vendor", "x:", '  a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"  a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 8)}]" for i in range(1, 5)]  # 8**5 values
    fields = ["name", "summary", "pricing_note", "ratings"]
    lines += [f"{field}: *a4" for field in fields]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.monotonic()
    result = run(runner, path)
    assert time.monotonic() - start < 10
    out = invalid(result, path)
    assert len(result.stdout) < 5_000
    for number, field in enumerate(fields, 8):  # located at the key: an alias has no place of its own
        assert one_line(out, f"{path}:{number}:1: error: {field}: Input should be a valid ")


def test_50_mb_file_is_refused_by_size(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as out:
        out.write(b"kind: vendor\nsummary: ")
        out.write(b"x" * 50_000_000)
        out.write(b"\n")
    start = time.monotonic()
    result = run(runner, path)
    assert time.monotonic() - start < 10
    lines = invalid(result, path)
    line = one_line(lines, f"{path}:1:1: error: ")
    assert "50.0 MB" in line and "the limit is 2 MiB" in line
    assert len(lines) == 1


def test_invalid_utf8_is_located_at_the_byte(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    number = vendor.lineno(r"\s+No public .*")  # inside the price note
    line_text = vendor.line(number)
    at = line_text.index("price")
    assert line_text[:at].isascii()
    raw = vendor.text.encode("utf-8")
    offset = raw.index(line_text[:at].encode("utf-8")) + at
    path = tmp_path / "sellsy.yaml"
    path.write_bytes(raw[:offset] + b"\xff" + raw[offset:])
    lines = invalid(run(runner, path), path)
    line = one_line(lines, f"{path}:{number}:{at + 1}: error: ")
    assert "invalid UTF-8 (byte 0xff)" in line
    assert len(lines) == 1


def test_invalid_utf8_column_counts_characters(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    text_before = "summary: Hébergé à Paris "  # 4 two-byte characters before the bad byte
    path.write_bytes(b"kind: vendor\n" + text_before.encode("utf-8") + b"\xff\n")
    lines = invalid(run(runner, path), path)
    one_line(lines, f"{path}:2:{len(text_before) + 1}: error: ")


def test_control_character_position_after_non_ascii_text(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "ctrl.yaml"
    path.write_text("kind: vendor\nname: Sébastien Frère\nsummary: x\nid: a\x07\n", encoding="utf-8")
    lines = invalid(run(runner, path), path)
    # the BEL is line 4, column 6; reported further right (the two-byte é and è count twice)
    line = one_line(lines, f"{path}:")
    assert line.startswith(f"{path}:4:6: error: "), line


def test_empty_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "empty.yaml"
    path.write_bytes(b"")
    lines = invalid(run(runner, path), path)
    assert "empty file" in one_line(lines, f"{path}:1:1: error: ")
    assert len(lines) == 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_or_utf32_file_says_which_encoding(runner: CliRunner, vendor: Doc, tmp_path: Path, encoding: str) -> None:
    """Notepad's "Unicode" is UTF-16 with a byte order mark: say so, rather than "binary"."""
    path = tmp_path / "sellsy.yaml"
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")  # utf-16 and utf-32 write their own
    path.write_bytes(bom + vendor.text.encode(encoding))
    lines = invalid(run(runner, path), path)
    name = encoding.upper()[:6]
    assert lines == [
        f"{path}:1:1: error: {name} text (it starts with a {name} byte order mark): save the file as UTF-8"
    ]


def test_binary_file(runner: CliRunner, tmp_path: Path) -> None:
    rng = random.Random(20261122)
    path = tmp_path / "photo.yaml"
    path.write_bytes(bytes(rng.randrange(256) for _ in range(4096)) + b"\x00\x00")
    lines = invalid(run(runner, path), path)
    assert "binary file" in one_line(lines, f"{path}:1:1: error: ")
    assert len(lines) == 1


def test_folder_without_yaml(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "readme.txt").write_text("kind: vendor\n")
    result = run(runner, folder)
    lines = invalid(result, folder)
    assert "no YAML files" in one_line(lines, f"{folder}:1:1: error: ")
    assert summary(result) == (0, 1, 0)


def test_missing_path_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    result = run(runner, missing)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{missing}: no such file or folder" in result.stderr


def test_missing_criteria_folder_is_a_usage_error(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    path = vendor.write(tmp_path / "sellsy.yaml")
    result = run(runner, path, "--criteria", tmp_path / "no-criteria")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no-criteria" in result.stderr


def test_bad_format_is_a_usage_error(runner: CliRunner) -> None:
    result = run(runner, REPO / "criteria", "--format", "xml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--format" in result.stderr and "xml" in result.stderr


def test_bad_today_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", str(REPO / "criteria"), "--today", "2026-13-01"], catch_exceptions=False)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--today" in result.stderr


def test_deep_nesting_unclosed(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("[" * 10_000, encoding="utf-8")
    start = time.monotonic()
    lines = invalid(run(runner, path), path)
    assert time.monotonic() - start < 10
    assert len(lines) == 1


TOO_DEEP = "error: nested too deeply (more than 64 levels of lists and mappings)"


def test_deep_nesting_closed(runner: CliRunner, tmp_path: Path) -> None:
    """PyYAML 6.0.4's libyaml stops at 1,000 levels with its own words; the 65th bracket is ours."""
    path = tmp_path / "deep.yaml"
    path.write_text("[" * 10_000 + "]" * 10_000, encoding="utf-8")
    lines = invalid(run(runner, path), path)
    assert lines == [f"{path}:1:65: {TOO_DEEP}"]


def nested(levels: int, style: str) -> str:
    """A vendor-looking file whose `x` holds lists nested so that the file has `levels` levels."""
    inner = levels - 1  # the top mapping is the first level
    if style == "flow":
        return "kind: vendor\nx: " + "[" * inner + "]" * inner + "\n"
    return "kind: vendor\nx:\n" + "".join(" " * i + "-\n" for i in range(1, inner + 1))


@pytest.mark.parametrize("style", ["flow", "block"])
@pytest.mark.parametrize("loader", ["libyaml", "pure-python"])
def test_depth_limit_is_exact_and_the_same_with_either_parser(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, style: str, loader: str
) -> None:
    """64 levels pass; the 65th is reported where it opens, whichever parser PyYAML uses."""
    import yaml

    from crmadvisor.load import yamlsource

    if loader == "pure-python":
        monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
    path = tmp_path / "deep.yaml"
    path.write_text(nested(64, style), encoding="utf-8")
    result = run(runner, path)
    assert "nested too deeply" not in result.stdout
    assert f"{path}:2:1: error: x: unknown key `x`" in result.stdout  # parsed, then checked as usual

    path.write_text(nested(65, style), encoding="utf-8")
    lines = invalid(run(runner, path), path)
    # flow: the 64th `[` after `x: `; block: the `-` indented 64 spaces, on line 2 + 64
    where = "2:67" if style == "flow" else "66:65"
    assert lines == [f"{path}:{where}: {TOO_DEEP}"]


@pytest.mark.parametrize(
    ("text", "column"),
    [
        pytest.param("[" * 100_000 + "]" * 100_000, 65, id="flow-200KB"),
        pytest.param("- " * 100_000 + "x", 129, id="block-200KB"),
        pytest.param("{a: " * 100_000 + "}" * 100_000, 257, id="flow-mapping-600KB"),
    ],
)
def test_very_deep_nesting_under_the_size_limit_does_not_crash(tmp_path: Path, text: str, column: int) -> None:
    """Run in a subprocess: a C stack overflow in libyaml's composer would take pytest down with it.

    Depth is checked on parse events before composing, so no libyaml release composes this
    (PyYAML 6.0.4's would stop at 1,000 levels; older ones crashed with SIGSEGV).
    """
    path = tmp_path / "deeper.yaml"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size < 2 * 1024 * 1024
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "crmadvisor", "validate", str(path)], capture_output=True, text=True, timeout=60
    )
    assert time.monotonic() - start < 20
    assert proc.returncode == 1, f"exit {proc.returncode}"
    assert proc.stderr == ""
    assert proc.stdout.splitlines()[0] == f"{path}:1:{column}: {TOO_DEEP}"


def test_misspelt_kind(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    number = vendor.lineno(r"kind: vendor")
    bad = vendor.replace(number, "kind: vendr")
    path = bad.write(tmp_path / "sellsy.yaml")
    lines = invalid(run(runner, path), path)
    line = one_line(lines, f"{path}:{number}:7: error: kind: ")
    assert "unknown kind `vendr`: did you mean `vendor`?" in line
    assert len(lines) == 1


@pytest.mark.parametrize("kind", ["[vendor]", "{type: vendor}"])
def test_kind_that_is_not_text(runner: CliRunner, vendor: Doc, tmp_path: Path, kind: str) -> None:
    number = vendor.lineno(r"kind: vendor")
    bad = vendor.replace(number, f"kind: {kind}")
    path = bad.write(tmp_path / "sellsy.yaml")
    lines = invalid(run(runner, path), path)
    line = one_line(lines, f"{path}:{number}:7: error: kind: ")
    found = "a list" if kind.startswith("[") else "a mapping"
    assert line.endswith(
        f"`kind` must be one word, one of vendor, answers, traits, feature_areas, rubric, loyalty, rates; found {found}"
    )
    assert len(lines) == 1


def test_review_date_in_the_future(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    bad, number, key, column = vendor.with_review("2026-12-25")
    path = bad.write(tmp_path / "sellsy.yaml")
    lines = invalid(run(runner, path), path)
    line = one_line(lines, f"{path}:{number}:{column}: error: {key}: ")
    assert f"2026-12-25 is in the future (today is {TODAY})" in line
    assert len(lines) == 1


def test_stale_review_is_a_warning_unless_strict(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    bad, number, key, column = vendor.with_review("2024-01-01")
    path = bad.write(tmp_path / "sellsy.yaml")

    lenient = run(runner, path)
    assert lenient.exit_code == 0, lenient.stdout
    assert lenient.stderr == ""
    line = one_line(problem_lines(lenient), f"{path}:{number}:{column}: warning: {key}: ")
    assert "stale" in line
    assert summary(lenient) == (1, 0, 1)

    strict = run(runner, path, "--strict")
    lines = invalid(strict, path)
    assert "stale" in one_line(lines, f"{path}:{number}:{column}: error: {key}: ")
    assert summary(strict) == (1, 1, 0)


# ----------------------------------------------------------------- formats


def test_json_format(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    bad, number, key, _ = vendor.with_review("2024-01-01")
    path = bad.write(tmp_path / "sellsy-crm.yaml")
    result = run(runner, path, "--format", "json")
    assert result.exit_code == 1
    assert result.stderr == ""
    doc = json.loads(result.stdout)
    assert set(doc) >= {"version", "files", "errors", "warnings", "problems"}
    assert (doc["version"], doc["files"], doc["errors"], doc["warnings"]) == (1, 1, 1, 1)
    for problem in doc["problems"]:
        assert set(problem) == {"path", "line", "column", "field", "message", "code", "severity"}
        assert problem["path"] == str(path)
        assert problem["line"] >= 1 and problem["column"] >= 1
    by_field = {p["field"]: p for p in doc["problems"]}
    assert by_field[key]["severity"] == "warning"
    assert by_field[key]["line"] == number
    assert by_field[key]["code"] == "stale"
    assert by_field["id"]["severity"] == "error"
    assert by_field["id"]["code"] == "id-file-name"
    assert (by_field["id"]["line"], by_field["id"]["column"]) == (vendor.lineno(r"id: sellsy"), 5)


def test_json_format_when_valid(runner: CliRunner) -> None:
    result = run(runner, REPO / "criteria", "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["problems"] == [] and doc["errors"] == 0 and doc["files"] == 4  # traits, feature areas, rubric, loyalty


def test_github_format_escapes_paths(
    runner: CliRunner, vendor: Doc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad, number, key, column = vendor.with_review("2024-01-01")
    bad.write(tmp_path / "x:y" / "a,b.yaml")
    monkeypatch.chdir(tmp_path)
    result = run(runner, "x:y/a,b.yaml", "--format", "github")
    assert result.exit_code == 1
    assert result.stderr == ""
    out = result.stdout.splitlines()
    id_line = vendor.lineno(r"id: sellsy")
    assert (
        f"::error file=x%3Ay/a%2Cb.yaml,line={id_line},col=5,title=id-file-name::"
        "id: id `sellsy` must match the file name `a,b` (rename one of them)"
    ) in out
    warnings = [line for line in out if line.startswith("::warning ")]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"::warning file=x%3Ay/a%2Cb.yaml,line={number},col={column},title=stale::{key}: ")
    assert out[-1] == "1 file checked: 1 error(s), 1 warning(s)"


def test_line_breaks_in_a_key_keep_each_problem_on_one_line(runner: CliRunner, tmp_path: Path) -> None:
    """A quoted key may hold anything: text output escapes it; GitHub's escapes `%`, CR and LF."""
    path = tmp_path / "odd.yaml"
    path.write_text('kind: vendor\n"co%l\\nour": blue\n"id\\u2028x": 1\n', encoding="utf-8")
    text = invalid(run(runner, path), path)
    assert f"{path}:2:1: error: co%l\\nour: unknown key `co%l\\nour`: expected one of: " in "\n".join(text)
    assert f"{path}:3:1: error: id\\u2028x: unknown key `id\\u2028x`: did you mean `id`?" in text

    result = run(runner, path, "--format", "github")
    assert result.exit_code == 1
    out = result.stdout.split("\n")
    line = one_line(out, f"::error file={path},line=2,col=1,title=extra_forbidden::")
    assert line.split("::")[2].startswith("co%25l%0Aour: unknown key `co%25l%0Aour`: expected one of: ")
    assert all(row.startswith("::") for row in out[:-2]) and out[-1] == ""


@pytest.mark.parametrize(("kind", "folder"), [("vendor", "vendors"), ("answers", "examples/answers")])
def test_schema_accepts_the_shipped_files_and_refuses_mistakes(runner: CliRunner, kind: str, folder: str) -> None:
    """`crmadvisor schema KIND` is what editors check files with: it must agree with `validate`."""
    import jsonschema
    import yaml

    result = runner.invoke(app, ["schema", kind], catch_exceptions=False)
    assert result.exit_code == 0 and result.stderr == ""
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    checker = jsonschema.Draft202012Validator(schema)
    files = sorted((REPO / folder).glob("*.yaml"))
    assert files
    for path in files:
        # as an editor's language server sees it: dates are text
        doc = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        assert not list(checker.iter_errors(doc)), path
    doc["colour"] = "blue"
    (error,) = checker.iter_errors(doc)
    assert "colour" in error.message


# ------------------------------------------------------- many problems, one run


def test_three_mistakes_in_one_file_are_all_reported(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    orientation = vendor.lineno(r"orientation: .*")
    name = vendor.lineno(r"name: .*")
    rating = vendor.first_rating()
    _, capability = vendor.first_capability()
    assert name < orientation < rating
    bad = vendor.replace(orientation, "orientation: b2x").replace(rating, "    rating: 7")
    bad = bad.replace(name, bad.line(name) + "\ncolour: blue")  # shifts the two others down one line
    path = bad.write(tmp_path / "sellsy.yaml")
    result = run(runner, path)
    lines = invalid(result, path)
    assert summary(result) == (1, 3, 0)
    assert lines[0].startswith(f"{path}:{name + 1}:1: error: colour: unknown key `colour`")
    assert lines[1:] == [
        f"{path}:{orientation + 1}:14: error: orientation: Input should be 'b2b', 'b2c' or 'both'",
        f"{path}:{rating + 1}:13: error: ratings.{capability}.rating: Input should be less than or equal to 5",
    ]


def test_answers_file_with_unknown_option_and_area(runner: CliRunner, tmp_path: Path) -> None:
    answers = Doc((REPO / "examples" / "answers" / "online-retailer.yaml").read_text(encoding="utf-8"))
    traits_at = answers.lineno(r"traits:")
    option_line = answers.lineno(r"  [a-z_]+: [a-z_0-9]+", traits_at)
    trait, option = answers.line(option_line).strip().split(": ")
    answers = answers.replace(option_line, f"  {trait}: {option}x")
    area_line = answers.lineno(r"  [a-z_]+: [a-z_]+", answers.lineno(r"importance:"))
    area, level = answers.line(area_line).strip().split(": ")
    answers = answers.replace(area_line, f"  {area[:-1]}: {level}")
    path = answers.write(tmp_path / "client.yaml")
    result = run(runner, path)
    lines = invalid(result, path)
    assert summary(result) == (1, 2, 0)
    column = len(f"  {trait}: ") + 1
    line = one_line(lines, f"{path}:{option_line}:{column}: error: traits.{trait}: ")
    assert f"`{option}x` is not an option: expected one of" in line and option in line.split("expected one of")[1]
    line = one_line(lines, f"{path}:{area_line}:3: error: importance.{area[:-1]}: ")
    assert f"no feature area `{area[:-1]}`: did you mean `{area}`?" in line


# ------------------------------------------------------------ aliases


def test_recursive_alias_is_one_problem(runner: CliRunner) -> None:
    path = DATA / "recursive-alias.yaml"
    start = time.monotonic()
    result = run(runner, path)
    assert time.monotonic() - start < 10
    lines = invalid(result, path)
    assert lines == [f"{path}:3:5: error: id.0: an alias makes this list or mapping contain itself"]


def test_recursive_alias_in_a_mapping(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text("kind: vendor\nratings: &r\n  crm: {rating: 1, again: *r}\n", encoding="utf-8")
    lines = invalid(run(runner, path), path)
    # at the anchor (`&r`): the composer resolves an alias to its node, forgetting where the alias was
    cycle = [line for line in lines if "contain itself" in line]
    assert cycle == [f"{path}:2:10: error: ratings.crm.again: an alias makes this list or mapping contain itself"]


def test_a_refused_tag_repeated_through_aliases_is_one_problem(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "tags.yaml"
    lines = ["kind: vendor", "name: &n !!python/name:os.system x", "l0: &l0 [*n, *n, *n, *n, *n, *n, *n, *n]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 8)}]" for i in range(1, 5)]  # 8**5 copies
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = invalid(run(runner, path), path)
    refused = [line for line in out if "is not allowed" in line]
    assert refused == [
        f"{path}:2:7: error: name: tag `tag:yaml.org,2002:python/name:os.system` is not allowed: only plain YAML values"
    ]


# ------------------------------------------------------- paths and odd files


def test_same_file_twice_is_not_a_duplicate(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    path = vendor.write(tmp_path / "vendors" / "sellsy.yaml")
    result = run(runner, tmp_path / "vendors", tmp_path / "vendors" / ".." / "vendors" / "sellsy.yaml")
    assert result.exit_code == 0, result.stdout
    assert summary(result) == (1, 0, 0)
    assert path.exists()


def test_same_file_spelt_two_ways_is_checked_once(
    runner: CliRunner, vendor: Doc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vendor.write(tmp_path / "sellsy.yaml")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "sellsy.yaml")  # the id matches the target's name
    monkeypatch.chdir(tmp_path)
    result = run(runner, "./sellsy.yaml", "sellsy.yaml", "link.yaml")
    assert result.exit_code == 0, result.stdout
    assert summary(result) == (1, 0, 0)


def test_symlink_loop_is_a_located_problem(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "vendors"
    folder.mkdir()
    loop = folder / "loop.yaml"
    loop.symlink_to(loop)
    dangling = folder / "gone.yaml"
    dangling.symlink_to(folder / "nowhere.yaml")
    for given in ([folder], [loop, dangling]):
        result = run(runner, *given)
        lines = invalid(result, loop)
        link = "(a symbolic link: check where it leads)"
        assert lines == [
            f"{dangling}:1:1: error: cannot read: No such file or directory {link}",
            f"{loop}:1:1: error: cannot read: Too many levels of symbolic links {link}",
        ]
        assert summary(result) == (2, 2, 0)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    """A subprocess with a timeout: reading a FIFO that nobody writes to would block forever."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    for target in (fifo, tmp_path):
        proc = subprocess.run(
            [sys.executable, "-m", "crmadvisor", "validate", str(target)], capture_output=True, text=True, timeout=30
        )
        assert proc.returncode == 1, proc.stdout + proc.stderr
        assert proc.stdout.splitlines() == [
            f"{fifo}:1:1: error: not a regular file (a pipe, socket or device): expected a YAML text file",
            "1 file checked: 1 error(s), 0 warning(s)",
        ]


@pytest.fixture
def open_tmp() -> Iterator[Path]:
    """A temporary folder that any user may enter (pytest's own are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="crmadvisor-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def validate_unprivileged(target: Path, cwd: Path) -> list[str]:
    """`crmadvisor validate target` in a process that permissions apply to: as `nobody` under root."""
    drop = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv")
        drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    argv = [*drop, sys.executable, "-m", "crmadvisor", "validate", str(target), "--today", TODAY]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=cwd)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stderr == ""
    return proc.stdout.splitlines()


def test_unreadable_file_is_a_located_problem(vendor: Doc, open_tmp: Path) -> None:
    path = vendor.write(open_tmp / "vendors" / "sellsy.yaml")
    path.chmod(0)
    for target in (path, path.parent):  # given alone, and found in a folder
        assert validate_unprivileged(target, open_tmp) == [
            f"{path}:1:1: error: cannot read: Permission denied",
            "1 file checked: 1 error(s), 0 warning(s)",
        ]


def test_file_in_a_folder_that_cannot_be_entered(open_tmp: Path) -> None:
    """Even `stat` fails (EACCES), which pathlib raises: a located problem, not an internal error."""
    folder = open_tmp / "private"
    folder.mkdir()
    path = folder / "sellsy.yaml"
    path.write_text("kind: vendor\n", encoding="utf-8")
    folder.chmod(0o644)  # its names can be listed, its files not opened
    for target in (path, folder):
        assert validate_unprivileged(target, open_tmp) == [
            f"{path}:1:1: error: cannot read: Permission denied",
            "1 file checked: 1 error(s), 0 warning(s)",
        ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("just a sentence\n", "a single value (`just a sentence`)"),
        ("42\n", "a single value (`42`)"),
        ("- kind: vendor\n- id: sellsy\n", "a list"),
        ("# only a comment\n", "nothing"),
    ],
)
def test_file_that_is_not_a_mapping(runner: CliRunner, tmp_path: Path, text: str, found: str) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text(text, encoding="utf-8")
    lines = invalid(run(runner, path), path)
    if found == "nothing":
        assert lines == [f"{path}:1:1: error: empty file: expected a YAML mapping starting with `kind:`"]
    else:
        assert lines == [f"{path}:1:1: error: expected a mapping of keys (starting with `kind:`), found {found}"]


def test_crlf_line_endings_and_a_bom_are_read_like_plain_text(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    """Windows editors: CRLF and a UTF-8 BOM change neither validity nor lines and columns."""
    rating = vendor.first_rating()
    _, capability = vendor.first_capability()
    bad = vendor.replace(rating, "    rating: 7")
    expected = f":{rating}:13: error: ratings.{capability}.rating: Input should be less than or equal to 5"
    for name, encode in [
        ("crlf", lambda text: text.replace("\n", "\r\n").encode("utf-8")),
        ("bom", lambda text: b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("both", lambda text: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")),
    ]:
        good = tmp_path / name / "sellsy.yaml"
        good.parent.mkdir()
        good.write_bytes(encode(vendor.text))
        result = run(runner, good)
        assert result.exit_code == 0, (name, result.stdout)
        good.write_bytes(encode(bad.text))
        assert invalid(run(runner, good), good) == [f"{good}{expected}"], name


def test_a_folder_named_like_yaml_is_searched_not_read(runner: CliRunner, vendor: Doc, tmp_path: Path) -> None:
    path = vendor.write(tmp_path / "data" / "profiles.yaml" / "sellsy.yaml")
    result = run(runner, tmp_path / "data")
    assert result.exit_code == 0, result.stdout
    assert summary(result) == (1, 0, 0)
    assert path.exists()


# ------------------------------------------------------------- the process


def test_subprocess_bad_file_has_no_traceback(vendor: Doc, tmp_path: Path) -> None:
    number = vendor.first_rating()
    path = vendor.replace(number, "    rating: 7").write(tmp_path / "sellsy.yaml")
    proc = subprocess.run(
        [sys.executable, "-m", "crmadvisor", "validate", str(path), "--today", TODAY],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr == ""
    assert f"{path}:{number}:13: error: " in proc.stdout
    assert proc.stdout.splitlines()[-1] == "1 file checked: 1 error(s), 0 warning(s)"


# ------------------------------------------------------------- pre-commit


def test_pre_commit_hook_checks_the_catalogue_files_and_nothing_else(vendor: Doc, tmp_path: Path) -> None:
    """What pre-commit does with `.pre-commit-hooks.yaml`, in a consultancy's catalogue repository.

    pre-commit keeps the files its `types` tag (yaml: `*.yaml`, `*.yml`), that `files` matches and
    `exclude` does not, as paths relative to the repository root, and runs `entry` with them
    appended: once, with `require_serial`. Hidden files such as `.pre-commit-config.yaml` are
    YAML too, and not crmadvisor files.
    """
    import yaml

    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "crmadvisor-validate" and hook["language"] == "python"
    assert hook["types"] == ["yaml"] and hook["require_serial"] is True
    repo = tmp_path / "catalogue"
    vendor.write(repo / "vendors" / "sellsy.yaml")
    (repo / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (repo / ".github" / "workflows").mkdir(parents=True)
    (repo / ".github" / "workflows" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    (repo / "README.md").write_text("# our catalogue\n", encoding="utf-8")

    def pre_commit() -> subprocess.CompletedProcess[str]:
        files = sorted(p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file())
        chosen = [
            f
            for f in files
            if f.endswith((".yaml", ".yml"))
            and re.search(hook.get("files", ""), f)
            and not re.search(hook.get("exclude", "^$"), f)
        ]
        command, *args = hook["entry"].split()
        assert command == "crmadvisor"  # the console script; here, the same code through -m
        argv = [sys.executable, "-m", "crmadvisor", *args, *hook.get("args", []), *chosen]
        return subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=repo)

    proc = pre_commit()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == "1 file checked: 0 error(s), 0 warning(s)\n"

    number = vendor.first_rating()
    vendor.replace(number, "    rating: 7").write(repo / "vendors" / "sellsy.yaml")
    proc = pre_commit()
    assert proc.returncode == 1
    assert proc.stdout.startswith(f"vendors/sellsy.yaml:{number}:13: error: ")


@pytest.mark.parametrize("text", ["kind: vendor\nid: x\n\tname: y\n", "kind: vendor\nid: x\nname:\n\t- y\n"])
def test_a_tab_in_the_indentation_is_named_as_a_tab(runner: CliRunner, tmp_path: Path, text: str) -> None:
    path = tmp_path / "tab.yaml"
    path.write_text(text, encoding="utf-8")
    line = one_line(invalid(run(runner, path), path), f"{path}:")
    assert "a tab character here: YAML indents with spaces only" in line
