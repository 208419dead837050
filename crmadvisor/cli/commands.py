"""The command line: parse, build the request, call the workflow, print, exit.

Heavy modules (pydantic models, rich, questionary, numpy) are imported inside the
commands that use them, so `--help` and `--version` start fast. The modules of cli/ keep their
annotations as objects (no `from __future__ import annotations`): typer reads every command's
parameters at each start, and strings it would evaluate one by one (about 20 ms a start).
"""

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from crmadvisor import __version__
from crmadvisor.cli.options import (
    ConsultantOption,
    CriteriaOption,
    DataFormat,
    Lang,
    Method,
    NoShippedOption,
    ProblemFormat,
    RatesOption,
    ReportFormat,
    SchemaKind,
    TodayOption,
    VendorsOption,
    WidthOption,
    catalogue_choice,
    day,
    reports_errors,
    show,
)
from crmadvisor.cli.rfp import rfp_app
from crmadvisor.cli.vendors import vendors_app
from crmadvisor.errors import ExitCode

app = typer.Typer(
    name="crmadvisor",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
)
app.add_typer(vendors_app, name="vendors")
app.add_typer(rfp_app, name="rfp")


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
    """Choose a CRM from a company's B2B/B2C profile, with every gap explained.

    \b
    Example: crmadvisor assess
    """


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
    strict: Annotated[
        bool, typer.Option("--strict", help="Treat warnings (stale reviews, `TODO` placeholders) as errors.")
    ] = False,
    criteria: CriteriaOption = None,
    today: TodayOption = None,
) -> None:
    """Check data files, for CI and pre-commit. Exit 0 if valid, 1 if not, 2 on a usage error.

    \b
    Example: crmadvisor validate vendors/ --format github
    """
    from crmadvisor.workflow.validate import ValidateRequest, validate

    request = ValidateRequest(tuple(paths or ()), fmt.value, strict, criteria, day(today))
    show(validate(request))


@app.command(short_help="JSON Schema of vendor, answers or report files.")
@reports_errors
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which file's schema.")] = SchemaKind.vendor,
) -> None:
    """Print the JSON Schema of vendor or answers files (for editors), or of JSON reports (for other tools).

    \b
    Example: crmadvisor schema vendor > vendor.schema.json
    """
    from crmadvisor.workflow.reference import schema

    show(schema(kind.value))


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
    consultant: ConsultantOption = None,
    method: Annotated[Method, typer.Option("--method", help="Also rank with TOPSIS as a cross-check.")] = Method.fit,
    draws: Annotated[
        int, typer.Option("--draws", min=0, max=100_000, help="Monte Carlo draws (0 skips the robustness analysis).")
    ] = 2000,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the robustness analysis.")] = 20261122,
    width: WidthOption = None,
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
    top: Annotated[
        int | None,
        typer.Option(
            "--top",
            min=1,
            metavar="N",
            help="Show only the first N vendors in the ranking and the gap matrix.",
            show_default=False,
        ),
    ] = None,
    summary_only: Annotated[
        bool, typer.Option("--summary", help="Print only the executive summary (terminal output).")
    ] = False,
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
    rates: RatesOption = None,
    today: TodayOption = None,
) -> None:
    """Profile the company, derive its needs, rank the vendors, flag every gap; optionally write a report.

    \b
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
        consultant=consultant,
        method=method.value,
        draws=draws,
        seed=seed,
        width=width,
        catalogue=catalogue_choice(criteria, vendors, no_shipped_vendors, rates),
        report=report if written else None,
        date=day(report_date),
        today=day(today),
        terminal=workflow.has_terminal(),
        top=top,
        summary_only=summary_only,
    )
    show(assess(request))


@app.command(short_help="Every question and its options, as JSON or YAML.")
@reports_errors
def questions(
    fmt: Annotated[DataFormat, typer.Option("--format", help="Output format.")] = DataFormat.json,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the texts.")] = Lang.en,
    criteria: CriteriaOption = None,
) -> None:
    """Print every question, its options and help text, for forms, spreadsheets and answers files.

    \b
    Example: crmadvisor questions --format yaml --lang fr
    """
    from crmadvisor.workflow.reference import questions

    show(questions(fmt.value, lang.value, criteria))


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
    consultant: ConsultantOption = None,
    width: WidthOption = None,
    criteria: CriteriaOption = None,
    today: TodayOption = None,
) -> None:
    """B2B loyalty programme: fundamentals gate, B2B specifics, mix of mechanics, success factors, CRM needs.

    \b
    Example: crmadvisor loyalty --answers examples/answers/industrial-supplier-loyalty.yaml

    To add the loyalty section to an `assess` answers file, then assess with it:

    \b
      crmadvisor loyalty --resume FILE
      crmadvisor assess --answers FILE
    """
    from crmadvisor import workflow
    from crmadvisor.workflow.loyalty import LoyaltyRequest, loyalty

    ask_in = lang.value if lang else None
    request = LoyaltyRequest(
        answers, resume, save, ask_in, width, criteria, day(today), workflow.has_terminal(), consultant
    )
    show(loyalty(request))


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
