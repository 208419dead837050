"""What the commands share: option types and choices, and the one place errors are printed."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec

import typer

from crmadvisor.errors import CrmAdvisorError

if TYPE_CHECKING:
    from crmadvisor.workflow.inputs import CatalogueChoice
    from crmadvisor.workflow.printout import Printout

P = ParamSpec("P")


class ProblemFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class Lang(StrEnum):
    en = "en"
    fr = "fr"


class Method(StrEnum):
    fit = "fit"
    topsis = "topsis"


class DataFormat(StrEnum):
    json = "json"
    yaml = "yaml"


class SchemaKind(StrEnum):
    vendor = "vendor"
    answers = "answers"
    report = "report"


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"
    pdf = "pdf"


CriteriaOption = Annotated[
    Path | None,
    typer.Option(
        "--criteria", metavar="DIR", help="A criteria folder to use instead of the shipped one.", show_default=False
    ),
]
VendorsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--vendors",
        metavar="DIR",
        help="A vendors folder merged over the shipped catalogue (repeatable; a later id replaces an earlier one).",
        show_default=False,
    ),
]
NoShippedOption = Annotated[
    bool,
    typer.Option("--no-shipped-vendors", help="Use only the --vendors folders, not the shipped catalogue."),
]
WidthOption = Annotated[
    int | None,
    typer.Option("--width", min=40, max=400, help="Terminal width (default: the terminal's).", show_default=False),
]
RatesOption = Annotated[
    Path | None,
    typer.Option(
        "--rates",
        metavar="FILE",
        help="Exchange rates to convert prices and the budget (default: the shipped ECB reference rates).",
        show_default=False,
    ),
]
ClientAnswersOption = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        metavar="FILE",
        help="A client's complete answers file: its need beside each rating, and the configuration recommended.",
        show_default=False,
    ),
]
ConsultantOption = Annotated[
    str | None,
    typer.Option(
        "--consultant",
        metavar="NAME",
        help="The consultant's name on the report (kept in the answers file; not asked).",
        show_default=False,
    ),
]
LabelsLangOption = Annotated[Lang, typer.Option("--lang", help="Language of the criteria labels.")]
TodayOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--today", formats=["%Y-%m-%d"], help="Date to check review dates against (default: today).", hidden=True
    ),
]


def reports_errors(command: Callable[P, None]) -> Callable[P, None]:
    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            command(*args, **kwargs)
        except CrmAdvisorError as err:
            typer.echo(str(err), err=True)
            raise typer.Exit(err.exit_code) from None

    return wrapper


def day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


def catalogue_choice(
    criteria: Path | None, vendors: list[Path] | None, no_shipped: bool, rates: Path | None = None
) -> CatalogueChoice:
    from crmadvisor.workflow.inputs import CatalogueChoice

    return CatalogueChoice(criteria, tuple(vendors or ()), shipped_vendors=not no_shipped, rates=rates)


def show(printout: Printout) -> None:
    """Print what a command gives back (colours kept: they are there only for a terminal), exit with its code."""
    typer.echo(printout.text, nl=False, color=True)
    if printout.exit_code:
        raise typer.Exit(printout.exit_code)
