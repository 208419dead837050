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


@dataclass(frozen=True, slots=True)
class CatalogueChoice:
    """The criteria and vendor folders a command reads (`--criteria`, `--vendors`, `--no-shipped-vendors`)."""

    criteria: Path | None = None
    vendors: tuple[Path, ...] = ()
    shipped_vendors: bool = True

    def options(self) -> tuple[str, ...]:
        """The options that chose this catalogue, so that a resumed questionnaire ranks the same vendors."""
        options = ["--criteria", str(self.criteria)] if self.criteria is not None else []
        options += [arg for folder in self.vendors for arg in ("--vendors", str(folder))]
        return tuple(options if self.shipped_vendors else [*options, "--no-shipped-vendors"])


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


def chosen_catalog(chosen: CatalogueChoice, today: dt.date) -> Catalog:
    return catalog(chosen.criteria, chosen.vendors, shipped_vendors=chosen.shipped_vendors, today=today)


def complete_answers(path: Path, catalog: Catalog) -> Answers:
    if not path.is_file():
        raise UsageError(f"{path}: no such answers file")
    answers, loaded = read_answers(path, catalog)
    require_complete(answers, loaded, catalog)
    return answers


def has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def no_terminal(what: str) -> UsageError:
    """Why a questionnaire cannot run with no terminal, and the flag that does without one."""
    return UsageError(
        f"no terminal to ask the questions on: pass {what} with --answers FILE "
        "(see `crmadvisor questions` for the questions and option ids)"
    )
