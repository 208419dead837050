"""`crmadvisor rfp`: the requirements workbook and demo scripts; `crmadvisor rfp import`: the answers back."""

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from crmadvisor.cli.options import (
    CriteriaOption,
    Lang,
    NoShippedOption,
    TodayOption,
    VendorsOption,
    catalogue_choice,
    day,
    reports_errors,
    show,
)
from crmadvisor.errors import UsageError

rfp_app = typer.Typer(
    short_help="RFP workbook and demo scripts; vendors' answers read back.",
    invoke_without_command=True,
)


@rfp_app.callback()
@reports_errors
def rfp(
    ctx: typer.Context,
    answers: Annotated[
        Path | None, typer.Option("--answers", help="A complete answers file.", show_default=False)
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The workbook (.xlsx) or demo scripts (.md, .html).", show_default=False),
    ] = None,
    vendor: Annotated[
        list[str] | None,
        typer.Option(
            "--vendor", metavar="ID", help="A vendor to ask (repeatable; default: the shortlist).", show_default=False
        ),
    ] = None,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help="Language (default: the answers file's).", show_default=False)
    ] = None,
    criteria: CriteriaOption = None,
    vendors: VendorsOption = None,
    no_shipped_vendors: NoShippedOption = False,
    rfp_date: Annotated[
        dt.datetime | None,
        typer.Option("--date", formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", help="The RFP's date.", show_default=False),
    ] = None,
    today: TodayOption = None,
) -> None:
    """Write the RFP workbook for the shortlisted vendors (requirements from the gaps), or their demo
    scripts; `rfp import` reads the vendors' answers back as evidence.

    \b
    Example: crmadvisor rfp --answers client.yaml -o rfp.xlsx --vendor hubspot --vendor pipedrive
    """
    if ctx.invoked_subcommand is not None:
        return
    if answers is None or output is None:
        raise UsageError("rfp needs --answers FILE and --output FILE.xlsx|.md|.html (or: rfp import FILE.xlsx)")
    from crmadvisor.workflow.rfp import RfpRequest, rfp

    request = RfpRequest(
        answers=answers,
        output=output,
        vendors=tuple(vendor or ()),
        lang=lang.value if lang else None,
        catalogue=catalogue_choice(criteria, vendors, no_shipped_vendors),
        date=day(rfp_date),
        today=day(today),
    )
    show(rfp(request))


@rfp_app.command("import", short_help="Read a returned workbook into a vendors folder.")
@reports_errors
def rfp_import(
    workbook: Annotated[Path, typer.Argument(metavar="FILE.xlsx", help="A returned RFP workbook.")],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", metavar="DIR", help="The vendors folder to write (default: FILE-vendors).", show_default=False
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option("--answers", help="Also say how the ranking changes against desk research.", show_default=False),
    ] = None,
    criteria: CriteriaOption = None,
    vendors: VendorsOption = None,
    no_shipped_vendors: NoShippedOption = False,
    today: TodayOption = None,
) -> None:
    """Read a returned workbook (vendor answers, demo scores) into a vendors folder for `assess --vendors DIR`.

    \b
    Example: crmadvisor rfp import returned.xlsx --out rfp-vendors
    then:    crmadvisor assess --answers client.yaml --vendors rfp-vendors
    """
    from crmadvisor.workflow.rfp import ImportRequest, rfp_import

    catalogue = catalogue_choice(criteria, vendors, no_shipped_vendors)
    show(rfp_import(ImportRequest(workbook, out, answers, catalogue, day(today))))
