"""What every command reads first: the catalogue it ranks, a complete answers file, the terminal."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from crmadvisor.errors import UsageError
from crmadvisor.load.answers import read_answers, require_complete
from crmadvisor.load.catalog import load_catalog
from crmadvisor.model.schema import Answers, Catalog
from crmadvisor.words import words


@dataclass(frozen=True, slots=True)
class CatalogueChoice:
    """The criteria and vendor folders a command reads (`--criteria`, `--vendors`, `--no-shipped-vendors`)."""

    criteria: Path | None = None
    vendors: tuple[Path, ...] = ()
    shipped_vendors: bool = True
    rates: Path | None = None  # `--rates FILE`: exchange rates instead of the shipped ECB table

    def options(self) -> tuple[str, ...]:
        """The options that chose this catalogue, so that a resumed questionnaire ranks the same vendors."""
        options = ["--criteria", str(self.criteria)] if self.criteria is not None else []
        options += [arg for folder in self.vendors for arg in ("--vendors", str(folder))]
        options += ["--rates", str(self.rates)] if self.rates is not None else []
        return tuple(options if self.shipped_vendors else [*options, "--no-shipped-vendors"])


def catalog(
    criteria_dir: Path | None,
    vendor_dirs: Sequence[Path],
    *,
    shipped_vendors: bool,
    today: dt.date,
    lang: str | None = None,
    rates: Path | None = None,
) -> Catalog:
    w = words(lang)
    for folder in vendor_dirs:
        if not folder.is_dir():
            raise UsageError(w("workflow.no_vendors_folder", folder=folder))
    if rates is not None and not rates.is_file():
        raise UsageError(w("workflow.no_rates_file", path=rates))
    loaded = load_catalog(criteria_dir, vendor_dirs, shipped_vendors=shipped_vendors, today=today, rates_file=rates)
    if not loaded.vendors:
        raise UsageError(w["workflow.no_vendors"])
    return loaded


def chosen_catalog(chosen: CatalogueChoice, today: dt.date, lang: str | None = None) -> Catalog:
    return catalog(
        chosen.criteria,
        chosen.vendors,
        shipped_vendors=chosen.shipped_vendors,
        today=today,
        lang=lang,
        rates=chosen.rates,
    )


def complete_answers(path: Path, catalog: Catalog, lang: str | None = None) -> Answers:
    if not path.is_file():
        raise UsageError(words(lang)("workflow.no_answers_file", path=path))
    answers, loaded = read_answers(path, catalog)
    require_complete(answers, loaded, catalog)
    return answers


def has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def no_terminal(command: str, lang: str | None) -> UsageError:
    """Why a questionnaire cannot run with no terminal, and the flag that does without one."""
    return UsageError(words(lang)[f"workflow.no_terminal.{command}"])
