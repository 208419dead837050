"""`crmadvisor validate` against inputs made to hurt it: too many values, folders it cannot read or
that loop, keys that look like paths, a catalogue of thousands of files.

The files are made at test time (too large to commit, or permissions and links git cannot hold).
Time and memory bounds here are loose, to hold on a loaded CI machine; the figures to reach are
measured in benchmarks/bench_validate_limits.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DATA, TODAY, run, validate_unprivileged_each

from crmadvisor.load import yamlsource

CASE_CRITERIA = DATA / "criteria"
ACME = (DATA / "valid" / "acme.yaml").read_text(encoding="utf-8")
VALUES_LIMIT = "more than 200,000 values: refusing to read further"


def validate_measured(*args: object) -> tuple[subprocess.CompletedProcess[str], float, float]:
    """`crmadvisor validate ARGS` in its own process: the result, wall seconds and peak memory (MB).

    The peak is the process's own high-water mark (VmHWM): ru_maxrss would include the memory of
    the pytest worker it was forked from, which Linux carries across exec.
    """
    code = (
        "import re, sys\n"
        "from crmadvisor.cli import main\n"
        "try:\n    main()\nfinally:\n"
        "    status = open('/proc/self/status', encoding='ascii').read()\n"
        "    print(re.search(r'VmHWM:\\s*(\\d+) kB', status)[1], file=sys.stderr)\n"
    )
    argv = [sys.executable, "-c", code, "validate", *map(str, args), "--today", TODAY]
    start = time.monotonic()
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=False)
    elapsed = time.monotonic() - start
    *messages, peak_kb = proc.stderr.splitlines()
    proc.stderr = "\n".join(messages)
    return proc, elapsed, int(peak_kb) / 1024


needs_proc = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory read from /proc (Linux)")


def acme(vendor_id: str) -> str:
    return ACME.replace("id: acme\n", f"id: {vendor_id}\n", 1)


# ------------------------------------------------------------------ the value cap, while parsing


@needs_proc
def test_a_flow_list_of_a_million_scalars_is_refused_while_parsing(tmp_path: Path) -> None:
    """2 MB, under the file size limit: refused at the 200,001st value, before any is built.

    Composing it first took 14 s and 639 MB, and blamed aliases in a file that has none.
    """
    path = tmp_path / "flow.yaml"
    path.write_text("[" + ",".join(["1"] * 1_048_573) + "]", encoding="utf-8")
    assert path.stat().st_size < 2 * 1024 * 1024
    proc, elapsed, peak = validate_measured(path)
    assert (proc.returncode, proc.stderr) == (1, "")
    # `[` is column 1, the first value; the 200,001st is the 200,000th scalar, two columns apart
    assert proc.stdout.splitlines() == [
        f"{path}:1:{2 + 2 * 199_999}: error: {VALUES_LIMIT}",
        "1 file checked: 1 error(s), 0 warning(s)",
    ]
    assert elapsed < 10  # about 0.5 s, and 60 MB, on an idle machine (benchmarks/bench_validate_limits.py)
    assert peak < 150


@pytest.mark.parametrize("style", ["flow", "block"])
def test_the_value_cap_is_exact(tmp_path: Path, style: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """As many values as the cap pass it (and are then checked as usual); one more is refused where it is.

    The values of `x: [1, 1, ...]`: the mapping, the key `x`, the list, and its items. Checked with a cap
    of 500 (the same code, counting the same values; 200,000 took 3 s a style to read): the real cap's
    number and place are the test of a million scalars' above.
    """
    cap = 500
    monkeypatch.setattr(yamlsource, "MAX_NODES", cap)
    limit = VALUES_LIMIT.replace("200,000", f"{cap:,}")
    path = tmp_path / "many.yaml"
    for items, refused in ((cap - 3, False), (cap - 2, True)):
        if style == "flow":
            path.write_text("x: [" + ",".join(["1"] * items) + "]\n", encoding="utf-8")
        else:
            path.write_text("x:\n" + "- 1\n" * items, encoding="utf-8")
        result = run("validate", path, "--today", TODAY)
        assert result.code == 1
        assert (limit in result.stdout) is refused, result.stdout[:500]
        if refused:  # the last item: `x: [` takes four columns, each item two; or one line each from line 2
            where = f"1:{5 + 2 * (items - 1)}" if style == "flow" else f"{items + 1}:3"
            assert result.stdout.startswith(f"{path}:{where}: error: {limit}\n")
        else:
            assert f"{path}:1:1: error: kind: missing `kind`" in result.stdout


# ------------------------------------------------------------------ folders


def test_a_subfolder_that_cannot_be_read_is_an_error_not_a_skip(open_tmp: Path) -> None:
    folder = open_tmp / "vendors"
    private = folder / "private"
    private.mkdir(parents=True)
    (private / "broken.yaml").write_text("kind: vendor\nid: [\n", encoding="utf-8")
    private.chmod(0)
    try:
        # given itself too, the folder is said to be unreadable, not empty
        expected = [
            f"{private}:1:1: error: cannot read this folder: Permission denied",
            "0 files checked: 1 error(s), 0 warning(s)",
        ]
        assert validate_unprivileged_each([folder, private], open_tmp) == [expected] * 2
    finally:
        private.chmod(0o755)


def test_a_linked_subfolder_is_followed(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "broken.yaml").write_text("kind: vendor\nid: [\n", encoding="utf-8")
    folder = tmp_path / "vendors"
    folder.mkdir()
    (folder / "acme.yaml").write_text(ACME, encoding="utf-8")
    (folder / "team").symlink_to(shared, target_is_directory=True)
    result = run("validate", folder, "--criteria", CASE_CRITERIA, "--today", TODAY)
    assert result.code == 1, result.stdout
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{folder / 'team' / 'broken.yaml'}:3:1: error: YAML syntax: ")
    assert lines[-1] == "2 files checked: 1 error(s), 0 warning(s)"


def test_a_link_back_up_the_tree_is_searched_once_and_said(tmp_path: Path) -> None:
    folder = tmp_path / "vendors"
    (folder / "sub").mkdir(parents=True)
    (folder / "acme.yaml").write_text(ACME, encoding="utf-8")
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)
    (folder / "gone").symlink_to(tmp_path / "nowhere")
    result = run("validate", folder, "--criteria", CASE_CRITERIA, "--today", TODAY)
    assert (result.code, result.stderr) == (0, ""), result.stdout
    assert result.stdout.splitlines() == [
        f"{folder / 'gone'}:1:1: warning: a symbolic link to nothing: not followed (check where it leads)",
        f"{folder / 'sub' / 'up'}:1:1: warning: a link to a folder searched already ({folder}): not followed",
        "1 file checked: 0 error(s), 2 warning(s)",
    ]


# ------------------------------------------------------------------ many files


@needs_proc
def test_memory_does_not_grow_with_the_number_of_vendor_files(tmp_path: Path) -> None:
    """The set checks keep ids, not models: 10,000 files took 803 MB when every model was kept.

    Two runs, 100 and 1,000 files: the 900 more may cost 10 MB, 11 KB a file (a kept file cost about
    70 KB; they cost half a KB). 1,000 files are enough to tell, in half the time of 2,000.
    """
    peaks = []
    for count in (100, 1_000):
        folder = tmp_path / f"v{count}"
        folder.mkdir()
        for i in range(count):
            (folder / f"v{i:05d}.yaml").write_text(acme(f"v{i:05d}"), encoding="utf-8")
        proc, _, peak = validate_measured(folder, "--criteria", CASE_CRITERIA)
        assert proc.returncode == 0, proc.stdout[-2000:]
        assert proc.stdout == f"{count} files checked: 0 error(s), 0 warning(s)\n"
        peaks.append(peak)
    assert peaks[1] - peaks[0] < 10, peaks


def test_duplicate_ids_are_still_found_among_many_files(tmp_path: Path) -> None:
    folder = tmp_path / "vendors"
    for team in ("a", "b"):
        (folder / team).mkdir(parents=True)
        for i in range(3):
            (folder / team / f"v{i}.yaml").write_text(acme(f"v{i}"), encoding="utf-8")
    result = run("validate", folder, "--criteria", CASE_CRITERIA, "--today", TODAY)
    assert result.code == 1
    assert [line.split(": error: ")[1] for line in result.stdout.splitlines()[:-1]] == [
        f"id: duplicate vendor id `v{i}`: also in {folder / 'a' / f'v{i}.yaml'}" for i in range(3)
    ]


def test_criteria_given_with_the_vendors_are_the_ones_they_are_checked_against(tmp_path: Path) -> None:
    """The vendors are read before the criteria that follow them on the command line."""
    (tmp_path / "acme.yaml").write_text(ACME, encoding="utf-8")  # rates the test criteria's capabilities
    result = run("validate", tmp_path / "acme.yaml", CASE_CRITERIA, "--today", TODAY)
    assert (result.code, result.stdout) == (0, "4 files checked: 0 error(s), 0 warning(s)\n")
    shipped = run("validate", tmp_path / "acme.yaml", "--today", TODAY)  # the shipped criteria have more
    assert shipped.code == 1 and "capabilities not rated" in shipped.stdout


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_nothing_is_left_unsaid_in_a_folder_of_odd_entries(tmp_path: Path) -> None:
    folder = tmp_path / "vendors"
    folder.mkdir()
    (folder / "acme.yaml").write_text(ACME, encoding="utf-8")
    (folder / "notes.txt").write_text("not YAML: not searched\n", encoding="utf-8")
    (folder / ".hidden.yaml").write_text("kind: [\n", encoding="utf-8")  # hidden: not searched, as .git
    result = run("validate", folder, "--criteria", CASE_CRITERIA, "--today", TODAY)
    assert (result.code, result.stdout) == (0, "1 file checked: 0 error(s), 0 warning(s)\n")
