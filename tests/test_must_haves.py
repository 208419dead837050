"""Must-haves the consultant names: in the answers file, checked by `validate`, and in the advice."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from crmadvisor.cli import app

ROOT = Path(__file__).resolve().parents[1]
COMPANIES = ROOT / "tests" / "data" / "companies"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_validate_locates_an_unknown_or_contradictory_must_have_with_did_you_mean(tmp_path: Path) -> None:
    text = (COMPANIES / "industrial-maker.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "must_haves: [account_hierarchy, business_connectors]", "must_haves:\n  - acount_hierarchy\n  - quotes"
    )
    text = text.replace("  invoicing: useful", "  invoicing: not_needed")
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    typo = next(i for i, line in enumerate(lines, 1) if "acount_hierarchy" in line)
    code, out, _ = run("validate", str(path))
    assert code == 1
    assert (
        f"{path}:{typo}:5: error: must_haves.0: no capability `acount_hierarchy`: did you mean `account_hierarchy`?"
        in out
    )
    assert (
        f"{path}:{typo + 1}:5: error: must_haves.1: `quotes` is a capability of `invoicing`, answered `not_needed`"
        in out
    )
    code, _, err = run("assess", "--answers", str(path), "--draws", "0")
    assert code == 1 and "did you mean `account_hierarchy`?" in err and "Traceback" not in err


def test_every_company_of_the_check_is_valid() -> None:
    code, out, _ = run("validate", *map(str, sorted(COMPANIES.glob("*.yaml"))))
    assert code == 0, out
