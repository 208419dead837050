"""`crmadvisor validate`: exit codes, located messages and hostile input.

Bad inputs are files: `tests/data/invalid/<case>.yaml`, each with the exact output it must give
beside it (`<case>.expected`), checked against the small criteria set of `tests/data/criteria`;
`tests/data/valid/` holds files that must pass. Add a case by adding the two files; after a
deliberate change of wording, `pytest tests/test_validate.py --update-expected` rewrites the
expected outputs (review the diff like code). Cases that need a folder, a second file, an option
or a file made at test time (too large to commit, a FIFO, permissions) are tests below.

The tests that edit a copy of a real vendor profile (tests/data/validate/sellsy.yaml) compute
expected lines and columns from the edited text.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import DATA, ROOT, TODAY, Ran, run, validate_unprivileged_each

REPO = ROOT
VALID = sorted((DATA / "valid").glob("*.yaml"))
INVALID = sorted((DATA / "invalid").glob("*.yaml"))
CASE_CRITERIA = DATA / "criteria"
SUMMARY = re.compile(r"^(\d+) files? checked: (\d+) error\(s\), (\d+) warning\(s\)$")
LOCATED = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): (?P<rest>.*)$")


# ---------------------------------------------------------------- helpers


def validate(*args: object, today: bool = True) -> Ran:
    return run("validate", *args, *(["--today", TODAY] if today else []))


def summary(result: Ran) -> tuple[int, int, int]:
    """(files, errors, warnings) from the last stdout line, which must be the summary."""
    last = result.stdout.splitlines()[-1]
    match = SUMMARY.match(last)
    assert match, f"last line is not the summary: {last!r}"
    return int(match[1]), int(match[2]), int(match[3])


def problem_lines(result: Ran) -> list[str]:
    lines = result.stdout.splitlines()
    assert lines, "no output"
    assert SUMMARY.match(lines[-1])
    for line in lines[:-1]:
        assert LOCATED.match(line), f"not a `path:line:col: severity: ...` line: {line!r}"
    return lines[:-1]


def invalid(result: Ran, path: Path | str) -> list[str]:
    """Exit 1, nothing on stderr, every line located, at least one about `path`; the lines."""
    assert result.code == 1, result.stdout + result.stderr
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

    def write(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.text, encoding="utf-8")
        return path

    # -- places in a vendor profile
    def ratings_line(self) -> int:
        return self.lineno(r"ratings:")

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
    return (DATA / "validate" / "sellsy.yaml").read_text(encoding="utf-8")


@pytest.fixture
def vendor(vendor_source: str) -> Doc:
    """A real vendor profile (id `sellsy`): write it as `sellsy.yaml` to keep the id valid."""
    return Doc(vendor_source)


# ------------------------------------------------------------ shipped data


@pytest.mark.parametrize("folder", ["criteria", "vendors", "examples/answers"])
def test_shipped_data_is_valid(folder: str) -> None:
    result = validate(REPO / folder)
    assert result.code == 0, result.stdout
    assert result.stderr == ""
    count = len([p for p in (REPO / folder).rglob("*") if p.suffix in (".yaml", ".yml")])
    assert count > 0
    # until the catalogue has moved to format 2, its format 1 files warn, and nothing else may
    lines = [line for line in result.stdout.splitlines() if ": warning: format: format 1:" not in line]
    warned = len(result.stdout.splitlines()) - len(lines)
    assert lines == [f"{count} file{'s' if count > 1 else ''} checked: 0 error(s), {warned} warning(s)"]


def test_unchanged_copy_of_a_vendor_is_valid(vendor: Doc, tmp_path: Path) -> None:
    """The control for every edited copy below: the copy alone has no problem."""
    path = vendor.write(tmp_path / "sellsy.yaml")
    result = validate(path)
    assert result.code == 0, result.stdout
    assert result.stdout == "1 file checked: 0 error(s), 0 warning(s)\n"
    assert result.stderr == ""


# -------------------------------------------------------- one file, one problem


def validate_case(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Ran, float]:
    """`validate CASE.yaml` on a copy, from its folder (so that paths print as the bare name), timed."""
    copy = tmp_path / case.name
    shutil.copyfile(case, copy)
    monkeypatch.chdir(tmp_path)
    start = time.monotonic()
    result = validate(case.name, "--criteria", CASE_CRITERIA)
    return result, time.monotonic() - start


@pytest.mark.parametrize("case", VALID, ids=lambda p: p.stem)
def test_valid_case(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result, _ = validate_case(case, tmp_path, monkeypatch)
    assert (result.code, result.stderr) == (0, ""), result.stdout
    assert result.stdout == "1 file checked: 0 error(s), 0 warning(s)\n"


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.stem)
def test_invalid_case(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """Exit 1, the exact lines of `<case>.expected`, nothing else, quickly, and nothing run:
    a file that tries to run a command (`touch MARKER`) leaves no file behind."""
    result, elapsed = validate_case(case, tmp_path, monkeypatch)
    expected = case.with_suffix(".expected")
    if request.config.getoption("--update-expected"):
        expected.write_text(result.stdout, encoding="utf-8")
    assert (result.code, result.stderr) == (1, ""), result.stdout
    assert result.stdout == expected.read_text(encoding="utf-8")
    problem_lines(result)  # each line located, the summary last
    assert elapsed < 10  # about 0.5 s for the worst (the billion laughs) on an idle machine
    assert [p.name for p in tmp_path.iterdir()] == [case.name]


def test_every_expected_output_has_its_case() -> None:
    orphans = {p.stem for p in (DATA / "invalid").glob("*.expected")} - {p.stem for p in INVALID}
    assert not orphans
    assert len(INVALID) >= 40 and len(VALID) >= 3  # the walk found the folders


def test_duplicate_vendor_id_across_folders(vendor: Doc, tmp_path: Path) -> None:
    first = vendor.write(tmp_path / "team-a" / "sellsy.yaml")
    second = vendor.write(tmp_path / "team-b" / "sellsy.yaml")
    result = validate(tmp_path / "team-a", tmp_path / "team-b")
    lines = invalid(result, second)
    number = vendor.lineno(r"id: sellsy")
    line = one_line(lines, f"{second}:{number}:5: error: id: ")
    assert f"duplicate vendor id `sellsy`: also in {first}" in line
    assert len(lines) == 1
    assert summary(result) == (2, 1, 0)


def test_50_mb_file_is_refused_by_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as out:  # 50 MB of which none is written: the size is all that may be read
        out.write(b"kind: vendor\nsummary: ")
        out.seek(50_000_000, os.SEEK_CUR)
        out.write(b"\n")
    start = time.monotonic()
    result = validate(path)
    assert time.monotonic() - start < 10
    lines = invalid(result, path)
    line = one_line(lines, f"{path}:1:1: error: ")
    assert "50.0 MB" in line and "the limit is 2 MiB" in line
    assert len(lines) == 1


def test_folder_without_yaml(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "readme.txt").write_text("kind: vendor\n")
    result = validate(folder)
    lines = invalid(result, folder)
    assert "no YAML files" in one_line(lines, f"{folder}:1:1: error: ")
    assert summary(result) == (0, 1, 0)


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    result = validate(missing)
    assert result.code == 2
    assert result.stdout == ""
    assert f"{missing}: no such file or folder" in result.stderr


def test_missing_criteria_folder_is_a_usage_error(vendor: Doc, tmp_path: Path) -> None:
    path = vendor.write(tmp_path / "sellsy.yaml")
    result = validate(path, "--criteria", tmp_path / "no-criteria")
    assert result.code == 2
    assert result.stdout == ""
    assert "no-criteria" in result.stderr


def test_bad_format_is_a_usage_error() -> None:
    result = validate(REPO / "criteria", "--format", "xml")
    assert result.code == 2
    assert result.stdout == ""
    assert "--format" in result.stderr and "xml" in result.stderr


def test_bad_today_is_a_usage_error() -> None:
    result = run("validate", REPO / "criteria", "--today", "2026-13-01")
    assert result.code == 2
    assert result.stdout == ""
    assert "--today" in result.stderr


TOO_DEEP = "error: nested too deeply (more than 64 levels of lists and mappings)"


def nested(levels: int, style: str) -> str:
    """A vendor-looking file whose `x` holds lists nested so that the file has `levels` levels."""
    inner = levels - 1  # the top mapping is the first level
    if style == "flow":
        return "kind: vendor\nx: " + "[" * inner + "]" * inner + "\n"
    return "kind: vendor\nx:\n" + "".join(" " * i + "-\n" for i in range(1, inner + 1))


@pytest.mark.parametrize("style", ["flow", "block"])
@pytest.mark.parametrize("loader", ["libyaml", "pure-python"])
def test_depth_limit_is_exact_and_the_same_with_either_parser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, style: str, loader: str
) -> None:
    """64 levels pass; the 65th is reported where it opens, whichever parser PyYAML uses."""
    import yaml

    from crmadvisor.load import yamlsource

    if loader == "pure-python":
        monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
    path = tmp_path / "deep.yaml"
    path.write_text(nested(64, style), encoding="utf-8")
    small = ("--criteria", CASE_CRITERIA)  # the shipped criteria took the pure-Python parser half a second
    result = validate(path, *small)
    assert "nested too deeply" not in result.stdout
    assert f"{path}:2:1: error: x: unknown key `x`" in result.stdout  # parsed, then checked as usual

    path.write_text(nested(65, style), encoding="utf-8")
    lines = invalid(validate(path, *small), path)
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


def test_stale_review_is_a_warning_unless_strict(vendor: Doc, tmp_path: Path) -> None:
    bad, number, key, column = vendor.with_review("2024-01-01")
    path = bad.write(tmp_path / "sellsy.yaml")

    lenient = validate(path)
    assert lenient.code == 0, lenient.stdout
    assert lenient.stderr == ""
    line = one_line(problem_lines(lenient), f"{path}:{number}:{column}: warning: {key}: ")
    assert "stale" in line
    assert summary(lenient) == (1, 0, 1)

    strict = validate(path, "--strict")
    lines = invalid(strict, path)
    assert "stale" in one_line(lines, f"{path}:{number}:{column}: error: {key}: ")
    assert summary(strict) == (1, 1, 0)


# ----------------------------------------------------------------- formats


def test_json_format(vendor: Doc, tmp_path: Path) -> None:
    bad, number, key, _ = vendor.with_review("2024-01-01")
    path = bad.write(tmp_path / "sellsy-crm.yaml")
    result = validate(path, "--format", "json")
    assert result.code == 1
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


def test_json_format_when_valid() -> None:
    result = validate(REPO / "criteria", "--format", "json")
    assert result.code == 0
    doc = json.loads(result.stdout)
    assert (
        doc["problems"] == [] and doc["errors"] == 0 and doc["files"] == 5
    )  # traits, feature areas, rubric, loyalty, rfp


def test_github_format_escapes_paths(vendor: Doc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad, number, key, column = vendor.with_review("2024-01-01")
    bad.write(tmp_path / "x:y" / "a,b.yaml")
    monkeypatch.chdir(tmp_path)
    result = validate("x:y/a,b.yaml", "--format", "github")
    assert result.code == 1
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


def test_line_breaks_in_a_key_keep_each_problem_on_one_line(tmp_path: Path) -> None:
    """A quoted key may hold anything: text output escapes it; GitHub's escapes `%`, CR and LF."""
    path = tmp_path / "odd.yaml"
    path.write_text('kind: vendor\n"co%l\\nour": blue\n"id\\u2028x": 1\n', encoding="utf-8")
    text = invalid(validate(path), path)
    assert f"{path}:2:1: error: co%l\\nour: unknown key `co%l\\nour`: expected one of: " in "\n".join(text)
    assert f"{path}:3:1: error: id\\u2028x: unknown key `id\\u2028x`: did you mean `id`?" in text

    result = validate(path, "--format", "github")
    assert result.code == 1
    out = result.stdout.split("\n")
    line = one_line(out, f"::error file={path},line=2,col=1,title=extra_forbidden::")
    assert line.split("::")[2].startswith("co%25l%0Aour: unknown key `co%25l%0Aour`: expected one of: ")
    assert all(row.startswith("::") for row in out[:-2]) and out[-1] == ""


@pytest.mark.parametrize(("kind", "folder"), [("vendor", "vendors"), ("answers", "examples/answers")])
def test_schema_accepts_the_shipped_files_and_refuses_mistakes(kind: str, folder: str) -> None:
    """`crmadvisor schema KIND` is what editors check files with: it must agree with `validate`."""
    import jsonschema
    import yaml

    safe_loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    result = run("schema", kind)
    assert result.code == 0 and result.stderr == ""
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    checker = jsonschema.Draft202012Validator(schema)
    files = sorted((REPO / folder).glob("*.yaml"))
    assert files
    for path in files:
        # as an editor's language server sees it: dates are text
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=safe_loader)  # libyaml's: 15 times faster
        doc = json.loads(json.dumps(data, default=str))
        assert not list(checker.iter_errors(doc)), path
    doc["colour"] = "blue"
    (error,) = checker.iter_errors(doc)
    assert "colour" in error.message


# ------------------------------------------------------- many problems, one run


# ------------------------------------------------------------ aliases


# ------------------------------------------------------- paths and odd files


def test_same_file_twice_is_not_a_duplicate(vendor: Doc, tmp_path: Path) -> None:
    path = vendor.write(tmp_path / "vendors" / "sellsy.yaml")
    result = validate(tmp_path / "vendors", tmp_path / "vendors" / ".." / "vendors" / "sellsy.yaml")
    assert result.code == 0, result.stdout
    assert summary(result) == (1, 0, 0)
    assert path.exists()


def test_same_file_spelt_two_ways_is_checked_once(vendor: Doc, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vendor.write(tmp_path / "sellsy.yaml")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "sellsy.yaml")  # the id matches the target's name
    monkeypatch.chdir(tmp_path)
    result = validate("./sellsy.yaml", "sellsy.yaml", "link.yaml")
    assert result.code == 0, result.stdout
    assert summary(result) == (1, 0, 0)


def test_symlink_loop_is_a_located_problem(tmp_path: Path) -> None:
    folder = tmp_path / "vendors"
    folder.mkdir()
    loop = folder / "loop.yaml"
    loop.symlink_to(loop)
    dangling = folder / "gone.yaml"
    dangling.symlink_to(folder / "nowhere.yaml")
    for given in ([folder], [loop, dangling]):
        result = validate(*given)
        lines = invalid(result, loop)
        link = "(a symbolic link: check where it leads)"
        assert lines == [
            f"{dangling}:1:1: error: cannot read: No such file or directory {link}",
            f"{loop}:1:1: error: cannot read: Too many levels of symbolic links {link}",
        ]
        assert summary(result) == (2, 2, 0)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    """Reading a FIFO that nobody writes to would block forever. Should `validate` open it, a writer
    comes after 30 s: the read ends with nothing read, and the test fails rather than hangs."""
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    for target in (fifo, tmp_path):
        writer = threading.Timer(30, _open_and_close, (fifo,))
        writer.start()
        started = time.monotonic()
        try:
            result = validate(target, today=False)
        finally:
            writer.cancel()
        assert time.monotonic() - started < 30
        assert result.code == 1, result.stdout + result.stderr
        assert result.stdout.splitlines() == [
            f"{fifo}:1:1: error: not a regular file (a pipe, socket or device): expected a YAML text file",
            "1 file checked: 1 error(s), 0 warning(s)",
        ]


def _open_and_close(fifo: Path) -> None:
    """A writer that comes and goes, which ends a read of the FIFO (opening it fails when no one reads it)."""
    with contextlib.suppress(OSError):
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def test_unreadable_file_is_a_located_problem(vendor: Doc, open_tmp: Path) -> None:
    path = vendor.write(open_tmp / "vendors" / "sellsy.yaml")
    path.chmod(0)
    expected = [f"{path}:1:1: error: cannot read: Permission denied", "1 file checked: 1 error(s), 0 warning(s)"]
    assert validate_unprivileged_each([path, path.parent], open_tmp) == [expected] * 2  # alone, and in a folder


def test_file_in_a_folder_that_cannot_be_entered(open_tmp: Path) -> None:
    """Even `stat` fails (EACCES), which pathlib raises: a located problem, not an internal error."""
    folder = open_tmp / "private"
    folder.mkdir()
    path = folder / "sellsy.yaml"
    path.write_text("kind: vendor\n", encoding="utf-8")
    folder.chmod(0o644)  # its names can be listed, its files not opened
    expected = [f"{path}:1:1: error: cannot read: Permission denied", "1 file checked: 1 error(s), 0 warning(s)"]
    assert validate_unprivileged_each([path, folder], open_tmp) == [expected] * 2


def test_a_folder_named_like_yaml_is_searched_not_read(vendor: Doc, tmp_path: Path) -> None:
    path = vendor.write(tmp_path / "data" / "profiles.yaml" / "sellsy.yaml")
    result = validate(tmp_path / "data")
    assert result.code == 0, result.stdout
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
