"""What `assess` does, step by step, wiring load -> model -> present (the CLI stays a parser)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from crmadvisor.errors import UsageError
from crmadvisor.load.answers import read_answers, require_complete
from crmadvisor.load.catalog import load_catalog
from crmadvisor.model.assessment import Assessment
from crmadvisor.model.assessment import assess as assess_model
from crmadvisor.model.schema import Answers, Catalog


def catalog(
    criteria_dir: Path | None, vendor_dirs: Sequence[Path], *, shipped_vendors: bool, today: dt.date
) -> Catalog:
    for folder in vendor_dirs:
        if not folder.is_dir():
            raise UsageError(f"{folder}: no such vendors folder")
    loaded = load_catalog(criteria_dir, vendor_dirs, shipped_vendors=shipped_vendors, today=today)
    if not loaded.vendors:
        raise UsageError("no vendor profiles to rank: pass --vendors DIR")
    return loaded


def complete_answers(path: Path, catalog: Catalog) -> Answers:
    if not path.is_file():
        raise UsageError(f"{path}: no such answers file")
    answers, loaded = read_answers(path, catalog)
    require_complete(answers, loaded, catalog)
    return answers


def interview(catalog: Catalog, *, resume: Path | None, save: Path | None, lang: str | None, today: dt.date) -> Answers:
    """Run the questionnaire on a terminal; refuse, naming --answers, when there is none."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            "no terminal to ask the questions on: pass a complete answers file with --answers FILE "
            "(see `crmadvisor questions` for the questions and option ids)"
        )
    from crmadvisor import prompts  # questionary: only for the interactive questionnaire

    return prompts.run(catalog, resume=resume, save=save, lang=lang, today=today)


def assess(catalog: Catalog, answers: Answers, *, draws: int, seed: int, topsis: bool) -> Assessment:
    return assess_model(catalog, answers, draws=draws, seed=seed, topsis=topsis)


def print_assessment(result: Assessment, catalog: Catalog, lang: str, today: dt.date, width: int | None) -> None:
    from rich.console import Console

    from crmadvisor.present.terminal import render_assessment

    console = Console(width=width, highlight=False, soft_wrap=False)
    render_assessment(console, result, catalog, lang, today)
