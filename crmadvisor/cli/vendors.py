"""`crmadvisor vendors ...`: browse the vendor catalogue, audit it, scaffold new profiles."""

from pathlib import Path
from typing import Annotated

import typer

from crmadvisor.cli.options import (
    ClientAnswersOption,
    CriteriaOption,
    LabelsLangOption,
    Lang,
    NoShippedOption,
    ProblemFormat,
    RatesOption,
    TodayOption,
    VendorsOption,
    catalogue_choice,
    day,
    reports_errors,
    show,
)

vendors_app = typer.Typer(
    help=(
        "Browse the vendor catalogue, audit how it is sourced, scaffold new profiles.\n\n"
        "\b\nExample: crmadvisor vendors show hubspot --answers examples/answers/industrial-supplier.yaml"
    ),
    short_help="Browse the vendor catalogue and scaffold new profiles.",
    no_args_is_help=True,
)


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

    \b
    Example: crmadvisor vendors list --vendors ./my-vendors
    """
    from crmadvisor.workflow.vendors import VendorsRequest, vendor_list

    catalogue = catalogue_choice(criteria, vendors, no_shipped_vendors)
    show(vendor_list(VendorsRequest((), lang.value, catalogue, day(today))))


@vendors_app.command("show", short_help="One profile: editions, prices, ratings with their evidence.")
@reports_errors
def vendors_show(
    vendor_id: Annotated[str, typer.Argument(metavar="ID", help="Vendor id (see `crmadvisor vendors list`).")],
    answers: ClientAnswersOption = None,
    lang: LabelsLangOption = Lang.en,
    criteria: CriteriaOption = None,
    vendors: VendorsOption = None,
    no_shipped_vendors: NoShippedOption = False,
    rates: RatesOption = None,
    today: TodayOption = None,
) -> None:
    """Show one vendor profile: editions and add-ons with their list prices, every rating (per edition
    where it differs) with its evidence note and source.

    \b
    Example: crmadvisor vendors show salesforce-sales-cloud --answers examples/answers/industrial-supplier.yaml
    """
    from crmadvisor.workflow.vendors import VendorsRequest, vendor_profile

    catalogue = catalogue_choice(criteria, vendors, no_shipped_vendors, rates)
    show(vendor_profile(VendorsRequest((vendor_id,), lang.value, catalogue, day(today), answers)))


@vendors_app.command("compare", short_help="Vendors side by side: editions, prices and ratings.")
@reports_errors
def vendors_compare(
    vendor_ids: Annotated[list[str], typer.Argument(metavar="ID", help="Two vendor ids or more.", show_default=False)],
    answers: ClientAnswersOption = None,
    lang: LabelsLangOption = Lang.en,
    criteria: CriteriaOption = None,
    vendors: VendorsOption = None,
    no_shipped_vendors: NoShippedOption = False,
    rates: RatesOption = None,
    today: TodayOption = None,
) -> None:
    """Show vendors side by side: editions and prices, every capability's rating (with two vendors, the
    evidence too).

    \b
    Example: crmadvisor vendors compare sellsy axonaut hubspot --answers examples/answers/industrial-supplier.yaml
    """
    from crmadvisor.workflow.vendors import VendorsRequest, vendor_comparison

    catalogue = catalogue_choice(criteria, vendors, no_shipped_vendors, rates)
    show(vendor_comparison(VendorsRequest(tuple(vendor_ids), lang.value, catalogue, day(today), answers)))


@vendors_app.command("new", short_help="Write a new vendor profile to fill in.")
@reports_errors
def vendors_new(
    vendor_id: Annotated[str, typer.Argument(metavar="ID", help="New vendor id: lowercase letters, digits, '-'.")],
    folder: Annotated[Path, typer.Option("--dir", help="Folder to write ID.yaml in.")] = Path("."),
    criteria: CriteriaOption = None,
    today: TodayOption = None,
) -> None:
    """Write a new vendor profile with every capability listed, to be filled in.

    \b
    Example: crmadvisor vendors new acme-crm --dir my-vendors/
    """
    from crmadvisor.workflow.vendors import new_vendor

    show(new_vendor(vendor_id, folder, criteria, day(today)))


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
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the text and annotations.")] = Lang.en,
    criteria: CriteriaOption = None,
    today: TodayOption = None,
) -> None:
    """How well each profile is sourced: sourced and unverified ratings, sources by kind (the
    vendor's own or third party), stale reviews, prices without a date.

    \b
    Example: crmadvisor vendors audit --vendors my-vendors/ --max-unverified 0.1 --format github
    """
    from crmadvisor.workflow.audit import AuditRequest, audit

    show(audit(AuditRequest(vendors, criteria, max_unverified, fmt.value, day(today), lang.value)))


@vendors_app.command("rubric")
@reports_errors
def vendors_rubric(
    lang: Annotated[Lang, typer.Option("--lang", help="Language.")] = Lang.en,
    criteria: CriteriaOption = None,
) -> None:
    """Print the 0-5 rating rubric that every capability rating follows.

    \b
    Example: crmadvisor vendors rubric --lang fr
    """
    from crmadvisor.workflow.vendors import rubric

    show(rubric(criteria, lang.value))
