"""Hostile and mistaken `--template` files (tests/data/hostile/templates/): each is refused at its line
with exit 1, in bounded time and memory, and no report is written. The expected message of `case.md`
is in `case.expected`; `python benchmarks/bench_hostile.py` times every case as a whole process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crmadvisor.cli import app

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "data" / "hostile" / "templates"
ANSWERS = ROOT / "examples" / "answers" / "online-retailer.yaml"  # company: Maison Lumen (12 characters)
# the address-space limit would bind the test runner's own threads too: run in a process of its own
OWN_PROCESS = {"join-a-gigabyte"}
# These cases, one for each way a template fails (memory, time, syntax), run with charts on and show that
# no chart folder is left behind: as they read no chart, they fail before any is drawn (tests/test_report.py
# has a template that reads them fail after); the others leave the charts out, as all write the report and
# its charts by the same final step.
WITH_CHARTS = {"join-a-gigabyte", "endless-loop", "syntax-error"}


def command(template: Path, output: Path, *, charts: bool = True) -> list[str]:
    args = ["assess", "--answers", str(ANSWERS), "--draws", "0", "-o", str(output), "--template", str(template)]
    return args if charts else [*args, "--no-charts"]


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.md")))
def test_a_hostile_template_is_a_located_problem_and_writes_nothing(case: str, tmp_path: Path) -> None:
    template = CASES / f"{case}.md"
    expected = (CASES / f"{case}.expected").read_text(encoding="utf-8")
    output = tmp_path / "r.md"
    args = command(template, output, charts=case in WITH_CHARTS)
    if case in OWN_PROCESS:
        if not sys.platform.startswith("linux"):
            pytest.skip("the address-space limit is Linux's")
        done = subprocess.run(
            [sys.executable, "-m", "crmadvisor", *args],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        code, stdout, stderr = done.returncode, done.stdout, done.stderr
    else:
        result = CliRunner().invoke(app, args, catch_exceptions=False)
        code, stdout, stderr = result.exit_code, result.stdout, result.stderr
    assert (code, stdout) == (1, "")
    assert stderr == f"{template}:{expected}"
    assert list(tmp_path.iterdir()) == []  # neither the report nor its chart folder


def test_every_case_has_its_expected_message() -> None:
    assert sorted(p.stem for p in CASES.glob("*.md")) == sorted(p.stem for p in CASES.glob("*.expected"))
    assert {p.stem for p in CASES.glob("*.md")} >= WITH_CHARTS


def test_a_template_within_its_bounds_renders(tmp_path: Path) -> None:
    """The checks refuse what is too large, not what is merely unusual."""
    template = tmp_path / "mine.md"
    template.write_text(
        "# {{ report.company|center(40) }}\n"
        "{{ '-' * 40 }}\n"
        "{% for row in report.ranking[:3] %}{{ '%-30s %5s' % (row.name, row.fit|pct) }}\n{% endfor %}"
        "{{ report.ranking|map(attribute='name')|join(', ')|replace(', ', '; ') }}\n"
        "{{ [1, 2, 3]|sum }} {{ 2 ** 10 }} {{ '{:>8}'.format('x') }} {{ range(100000)|list|length }}\n",
        encoding="utf-8",
    )
    output = tmp_path / "r.md"
    result = CliRunner().invoke(app, command(template, output, charts=False), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    lines = output.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# " + "Maison Lumen".center(40)
    assert lines[1] == "-" * 40
    assert "; " in lines[5] and lines[6] == "6 1024        x 100000"
