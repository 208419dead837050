"""The command line: parse, delegate, render, exit. The one place errors are printed.

Heavy modules (pydantic models, rich, questionary, numpy) are imported inside the
commands that use them, so `--help` and `--version` start fast.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec

import typer

from crmadvisor import __version__
from crmadvisor.errors import CrmAdvisorError, ExitCode

if TYPE_CHECKING:
    from crmadvisor.workflow.inputs import CatalogueChoice
    from crmadvisor.workflow.printout import Printout

P = ParamSpec("P")

app = typer.Typer(
    name="crmadvisor",
    help="Choose a CRM from a company's B2B/B2C profile, with every gap explained.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
)
vendors_app = typer.Typer(help="Browse the vendor catalogue and scaffold new profiles.", no_args_is_help=True)
app.add_typer(vendors_app, name="vendors")


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


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value is not None else None


def _catalogue(criteria: Path | None, vendors: list[Path] | None, no_shipped: bool) -> CatalogueChoice:
    from crmadvisor.workflow.inputs import CatalogueChoice

    return CatalogueChoice(criteria, tuple(vendors or ()), shipped_vendors=not no_shipped)


def _show(printout: Printout) -> None:
    """Print what a command gives back (colours kept: they are there only for a terminal), exit with its code."""
    typer.echo(printout.text, nl=False, color=True)
    if printout.exit_code:
        raise typer.Exit(printout.exit_code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"crmadvisor {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Choose a CRM from a company's B2B/B2C profile, with every gap explained."""


@app.command()
@reports_errors
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Vendor, criteria or answers files, or folders of them (default: the shipped catalogue).",
            show_default=False,
            readable=False,  # an unreadable file is a located problem (exit 1), as inside a folder
        ),
    ] = None,
    fmt: Annotated[ProblemFormat, typer.Option("--format", help="Output format.")] = ProblemFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings (stale reviews) as errors.")] = False,
    criteria: CriteriaOption = None,
    today: TodayOption = None,
) -> None:
    """Check data files, for CI and pre-commit. Exit 0 if valid, 1 if not, 2 on a usage error.

    Example: crmadvisor validate vendors/ --format github
    """
    from crmadvisor.workflow.validate import ValidateRequest, validate

    request = ValidateRequest(tuple(paths or ()), fmt.value, strict, criteria, _day(today))
    _show(validate(request))


@app.command(short_help="JSON Schema of vendor, answers or report files.")
@reports_errors
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which file's schema.")] = SchemaKind.vendor,
) -> None:
    """Print the JSON Schema of vendor or answers files (for editors), or of JSON reports (for other tools).

    Example: crmadvisor schema vendor > vendor.schema.json
    """
    from crmadvisor.workflow.reference import schema

    _show(schema(kind.value))


@app.command(short_help="Profile, needs, ranking, gaps, robustness; reports.")
@reports_errors
def assess(
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers", help="Run from a complete answers file, with no prompt (CI, re-runs).", show_default=False
        ),
    ] = None,
    resume: Annotated[
        Path | None,
        typer.Option("--resume", help="Continue an interrupted questionnaire saved in this file.", show_default=False),
    ] = None,
    save: Annotated[
        Path | None,
        typer.Option(
            "--save",
            help="Where the questionnaire saves answers (default: ./crmadvisor-answers.yaml).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            help="Language of questions and report (default: the answers file's, else en).",
            show_default=False,
        ),
    ] = None,
    method: Annotated[Method, typer.Option("--method", help="Also rank with TOPSIS as a cross-check.")] = Method.fit,
    draws: Annotated[
        int, typer.Option("--draws", min=0, max=100_000, help="Monte Carlo draws (0 skips the robustness analysis).")
    ] = 2000,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the robustness analysis.")] = 20261122,
    width: Annotated[
        int | None,
        typer.Option("--width", min=40, max=400, help="Terminal width (default: the terminal's).", show_default=False),
    ] = None,
    criteria: CriteriaOption = None,
    vendors: VendorsOption = None,
    no_shipped_vendors: NoShippedOption = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write a client report to this file (.md, .html, .json or .pdf).", show_default=False
        ),
    ] = None,
    report_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            help="Report format (default: from the --output extension; without --output, to stdout).",
            show_default=False,
        ),
    ] = None,
    no_charts: Annotated[bool, typer.Option("--no-charts", help="Leave the charts out of the report.")] = False,
    png: Annotated[bool, typer.Option("--png", help="Also write the charts as PNG next to the report.")] = False,
    template: Annotated[
        Path | None,
        typer.Option("--template", help="Your own Jinja2 template for a Markdown or HTML report.", show_default=False),
    ] = None,
    browser: Annotated[
        Path | None,
        typer.Option("--browser", help="Chromium or Chrome to print --format pdf with.", show_default=False),
    ] = None,
    report_date: Annotated[
        dt.datetime | None,
        typer.Option(
            "--date",
            formats=["%Y-%m-%d"],
            metavar="YYYY-MM-DD",
            help="Report date (default: the answers file's, else today).",
            show_default=False,
        ),
    ] = None,
    today: TodayOption = None,
) -> None:
    """Profile the company, derive its needs, rank the vendors, flag every gap; optionally write a report.

    Example: crmadvisor assess --answers examples/answers/industrial-supplier.yaml --output report.md
    """
    from crmadvisor import workflow
    from crmadvisor.workflow.assessment import AssessRequest, ReportRequest, assess

    written = output is not None or report_format is not None
    report = ReportRequest(
        output, report_format.value if report_format else None, not no_charts, png, template, browser
    )
    request = AssessRequest(
        answers=answers,
        resume=resume,
        save=save,
        lang=lang.value if lang else None,
        method=method.value,
        draws=draws,
        seed=seed,
        width=width,
        catalogue=_catalogue(criteria, vendors, no_shipped_vendors),
        report=report if written else None,
        date=_day(report_date),
        today=_day(today),
        terminal=workflow.has_terminal(),
    )
    _show(assess(request))


@app.command(short_help="Every question and its options, as JSON or YAML.")
@reports_errors
def questions(
    fmt: Annotated[DataFormat, typer.Option("--format", help="Output format.")] = DataFormat.json,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the texts.")] = Lang.en,
    criteria: CriteriaOption = None,
) -> None:
    """Print every question, its options and help text, for forms, spreadsheets and answers files.

    Example: crmadvisor questions --format yaml --lang fr
    """
    from crmadvisor.workflow.reference import questions

    _show(questions(fmt.value, lang.value, criteria))


@app.command(short_help="B2B loyalty-programme readiness and design.")
@reports_errors
def loyalty(
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Run from an answers file with a complete `loyalty:` section, with no prompt.",
            show_default=False,
        ),
    ] = None,
    resume: Annotated[
        Path | None,
        typer.Option(
            "--resume", help="Continue an interrupted loyalty questionnaire in this file.", show_default=False
        ),
    ] = None,
    save: Annotated[
        Path | None,
        typer.Option(
            "--save",
            help="Where the questionnaire saves answers (default: ./crmadvisor-loyalty.yaml).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", help="Language (default: the answers file's, else en).", show_default=False),
    ] = None,
    width: Annotated[
        int | None,
        typer.Option("--width", min=40, max=400, help="Terminal width (default: the terminal's).", show_default=False),
    ] = None,
    criteria: CriteriaOption = None,
    today: TodayOption = None,
) -> None:
    """B2B loyalty programme: fundamentals gate, B2B specifics, mix of mechanics, success factors, CRM needs.

    Example: crmadvisor loyalty --answers examples/answers/industrial-supplier-loyalty.yaml

    To add the loyalty section to an `assess` answers file: crmadvisor loyalty --resume FILE,
    then crmadvisor assess --answers FILE.
    """
    from crmadvisor import workflow
    from crmadvisor.workflow.loyalty import LoyaltyRequest, loyalty

    ask_in = lang.value if lang else None
    request = LoyaltyRequest(answers, resume, save, ask_in, width, criteria, _day(today), workflow.has_terminal())
    _show(loyalty(request))


@vendors_app.command("list")
@reports_errors
def vendors_list(
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the list.")] = Lang.en,
    criteria: CriteriaOption = None,
    vendors: VendorsOption = None,
    no_shipped_vendors: NoShippedOption = False,
    today: TodayOption = None,
) -> None:
    """List every vendor profile with its orientation and review date.

    Example: crmadvisor vendors list --vendors ./my-vendors
    """
    from crmadvisor.workflow.vendors import VendorsRequest, vendor_list

    _show(vendor_list(VendorsRequest((), lang.value, _catalogue(criteria, vendors, no_shipped_vendors), _day(today))))


@vendors_app.command("show")
@reports_errors
def vendors_show(
    vendor_id: Annotated[str, typer.Argument(metavar="ID", help="Vendor id (see `crmadvisor vendors list`).")],
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the criteria labels.")] = Lang.en,
    criteria: CriteriaOption = None,
    vendors: VendorsOption = None,
    no_shipped_vendors: NoShippedOption = False,
    today: TodayOption = None,
) -> None:
    """Show one vendor profile with every rating, evidence note and source.

    Example: crmadvisor vendors show hubspot
    """
    from crmadvisor.workflow.vendors import VendorsRequest, vendor_profile

    catalogue = _catalogue(criteria, vendors, no_shipped_vendors)
    _show(vendor_profile(VendorsRequest((vendor_id,), lang.value, catalogue, _day(today))))


@vendors_app.command("compare")
@reports_errors
def vendors_compare(
    first: Annotated[str, typer.Argument(metavar="ID", help="First vendor id.")],
    second: Annotated[str, typer.Argument(metavar="ID", help="Second vendor id.")],
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the criteria labels.")] = Lang.en,
    criteria: CriteriaOption = None,
    vendors: VendorsOption = None,
    no_shipped_vendors: NoShippedOption = False,
    today: TodayOption = None,
) -> None:
    """Show two vendors side by side: every capability's rating and evidence.

    Example: crmadvisor vendors compare sellsy axonaut
    """
    from crmadvisor.workflow.vendors import VendorsRequest, vendor_comparison

    catalogue = _catalogue(criteria, vendors, no_shipped_vendors)
    _show(vendor_comparison(VendorsRequest((first, second), lang.value, catalogue, _day(today))))


@vendors_app.command("new")
@reports_errors
def vendors_new(
    vendor_id: Annotated[str, typer.Argument(metavar="ID", help="New vendor id: lowercase letters, digits, '-'.")],
    folder: Annotated[Path, typer.Option("--dir", help="Folder to write ID.yaml in.")] = Path("."),
    criteria: CriteriaOption = None,
    today: TodayOption = None,
) -> None:
    """Write a new vendor profile with every capability listed, to be filled in.

    Example: crmadvisor vendors new acme-crm --dir my-vendors/
    """
    from crmadvisor.workflow.vendors import new_vendor

    _show(new_vendor(vendor_id, folder, criteria, _day(today)))


@vendors_app.command("audit", short_help="How well each profile is sourced; fails CI above a share.")
@reports_errors
def vendors_audit(
    vendors: Annotated[
        Path | None,
        typer.Option(
            "--vendors",
            metavar="DIR",
            help="Vendors folder to audit (default: the shipped catalogue).",
            show_default=False,
        ),
    ] = None,
    max_unverified: Annotated[
        float | None,
        typer.Option(
            "--max-unverified",
            min=0.0,
            max=1.0,
            metavar="SHARE",
            help="Exit 1 when the share of unverified ratings is above SHARE (0.1 = 10 %).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[ProblemFormat, typer.Option("--format", help="Output format.")] = ProblemFormat.text,
    criteria: CriteriaOption = None,
    today: TodayOption = None,
) -> None:
    """How well each profile is sourced: sourced and unverified ratings, sources by kind (the
    vendor's own or third party), stale reviews, prices without a date.

    Example: crmadvisor vendors audit --vendors my-vendors/ --max-unverified 0.1 --format github
    """
    from crmadvisor.workflow.audit import AuditRequest, audit

    _show(audit(AuditRequest(vendors, criteria, max_unverified, fmt.value, _day(today))))


@vendors_app.command("rubric")
@reports_errors
def vendors_rubric(
    lang: Annotated[Lang, typer.Option("--lang", help="Language.")] = Lang.en,
    criteria: CriteriaOption = None,
) -> None:
    """Print the 0-5 rating rubric that every capability rating follows.

    Example: crmadvisor vendors rubric --lang fr
    """
    from crmadvisor.workflow.vendors import rubric

    _show(rubric(criteria, lang.value))


def main() -> None:
    """Console-script entry: a last guard so that no traceback reaches the user."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except SystemExit:
        raise
    except Exception as err:  # a bug: one line, and how to see more
        if os.environ.get("CRMADVISOR_DEBUG"):
            raise
        typer.echo(f"internal error: {type(err).__name__}: {err} (rerun with CRMADVISOR_DEBUG=1 for details)", err=True)
        sys.exit(ExitCode.INTERNAL)
