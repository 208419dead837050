"""What `assess` does, step by step, wiring load -> model -> present (the CLI stays a parser)."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from crmadvisor.errors import UsageError
from crmadvisor.files import (
    TooLarge,
    atomic_write,
    atomic_write_unit,
    is_standard_output,
    read_bounded,
    writable_file,
)
from crmadvisor.load.answers import read_answers, require_complete
from crmadvisor.load.catalog import load_catalog
from crmadvisor.load.criteria import load_criteria
from crmadvisor.model.assessment import Assessment
from crmadvisor.model.assessment import assess as assess_model
from crmadvisor.model.schema import Answers, Catalog, Vendor

if TYPE_CHECKING:
    from rich.console import Console

    from crmadvisor.present.charts import ChartImage


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


def has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def interview(
    catalog: Catalog,
    *,
    resume: Path | None,
    save: Path | None,
    lang: str | None,
    today: dt.date,
    again: Sequence[str] = (),
) -> Answers:
    """Run the questionnaire on a terminal; refuse, naming --answers, when there is none.

    `again`: the catalogue options the printed resume command repeats (see `resume_options`).
    """
    if not has_terminal():
        raise UsageError(
            "no terminal to ask the questions on: pass a complete answers file with --answers FILE "
            "(see `crmadvisor questions` for the questions and option ids)"
        )
    from crmadvisor.ask import assessment  # questionary: only for the interactive questionnaire
    from crmadvisor.ask.engine import Interview

    asked = Interview(resume=resume, save=save, lang=lang, today=today, again=tuple(again))
    return assessment.interview(catalog, asked)


def resume_options(criteria_dir: Path | None, vendor_dirs: Sequence[Path], *, shipped_vendors: bool) -> list[str]:
    """The options that chose the catalogue, so that a resumed questionnaire ranks the same vendors."""
    options = ["--criteria", str(criteria_dir)] if criteria_dir is not None else []
    options += [arg for folder in vendor_dirs for arg in ("--vendors", str(folder))]
    return options if shipped_vendors else [*options, "--no-shipped-vendors"]


def assess(catalog: Catalog, answers: Answers, *, draws: int, seed: int, topsis: bool) -> Assessment:
    return assess_model(catalog, answers, draws=draws, seed=seed, topsis=topsis)


def print_assessment(
    result: Assessment,
    catalog: Catalog,
    lang: str,
    today: dt.date,
    width: int | None,
    *,
    answers_file: Path | None = None,
) -> None:
    from rich.console import Console

    from crmadvisor.present.terminal import render_assessment

    console = Console(width=width, highlight=False, soft_wrap=False)
    render_assessment(console, result, catalog, lang, today, answers_file=answers_file)


def _console(width: int | None = None) -> Console:
    from rich.console import Console

    return Console(width=width, highlight=False)


def _vendor(catalog: Catalog, vendor_id: str) -> Vendor:
    found = next((v for v in catalog.vendors if v.id == vendor_id), None)
    if found is None:
        known = [v.id for v in catalog.vendors]
        close = difflib.get_close_matches(vendor_id, known, n=1)
        hint = f"did you mean `{close[0]}`?" if close else "see `crmadvisor vendors list`"
        raise UsageError(f"no vendor `{vendor_id}` in the catalogue: {hint}")
    return found


def show_vendor_list(catalog: Catalog, today: dt.date, lang: str) -> None:
    from crmadvisor.present.vendors import render_list

    render_list(_console(), catalog.vendors, today, lang)


def show_vendor(catalog: Catalog, vendor_id: str, today: dt.date, lang: str) -> None:
    from crmadvisor.present.vendors import render_vendor

    render_vendor(_console(), _vendor(catalog, vendor_id), catalog, today, lang)


def compare_vendors(catalog: Catalog, first: str, second: str, lang: str) -> None:
    from crmadvisor.present.vendors import render_compare

    render_compare(_console(), _vendor(catalog, first), _vendor(catalog, second), catalog, lang)


def show_rubric(criteria_dir: Path | None, lang: str) -> None:
    from crmadvisor.present.vendors import render_rubric

    render_rubric(_console(), load_criteria(criteria_dir), lang)


def new_vendor(vendor_id: str, folder: Path, criteria_dir: Path | None, today: dt.date) -> Path:
    from crmadvisor.present.vendors import scaffold

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", vendor_id):
        raise UsageError(f"`{vendor_id}` is not a valid vendor id: use lowercase letters, digits and '-'")
    target = folder / f"{vendor_id}.yaml"
    if target.exists():
        raise UsageError(f"{target} already exists: not overwritten")
    atomic_write(target, scaffold(vendor_id, load_criteria(criteria_dir), today))
    return target


def loyalty_catalog(criteria_dir: Path | None) -> Catalog:
    loaded = load_criteria(criteria_dir)
    if loaded.loyalty is None:
        raise UsageError(f"{criteria_dir}: no loyalty questionnaire (a `kind: loyalty` file) in this criteria folder")
    return loaded


def complete_loyalty_answers(path: Path, catalog: Catalog) -> Answers:
    """An answers file whose `loyalty:` section answers every loyalty question (other sections may be missing)."""
    from crmadvisor.errors import InputError
    from crmadvisor.load.loyalty import missing_loyalty_problems

    if not path.is_file():
        raise UsageError(f"{path}: no such answers file")
    answers, loaded = read_answers(path, catalog)
    assert catalog.loyalty is not None
    problems = missing_loyalty_problems(loaded.src, answers.loyalty, catalog.loyalty)
    if problems:
        raise InputError(problems)
    return answers


def loyalty_interview(
    catalog: Catalog,
    *,
    resume: Path | None,
    save: Path | None,
    lang: str | None,
    today: dt.date,
    criteria_dir: Path | None = None,
) -> Answers:
    if not has_terminal():
        raise UsageError(
            "no terminal to ask the questions on: pass an answers file with a complete `loyalty:` section "
            "with --answers FILE (see `crmadvisor questions` for the questions and option ids)"
        )
    from crmadvisor.ask import loyalty  # questionary: only for the interactive questionnaire
    from crmadvisor.ask.engine import Interview

    again = tuple(resume_options(criteria_dir, [], shipped_vendors=True))
    return loyalty.interview(catalog, Interview(resume=resume, save=save, lang=lang, today=today, again=again))


def print_loyalty(catalog: Catalog, answers: Answers, lang: str, width: int | None) -> None:
    from crmadvisor.model.loyalty import loyalty_from
    from crmadvisor.present.loyalty import render_loyalty

    assert catalog.loyalty is not None
    result = loyalty_from(answers.loyalty or {}, catalog.loyalty)
    console = _console(width)
    render_loyalty(console, result, catalog, lang, answers.company, applied=False)


def export_report(
    result: Assessment,
    catalog: Catalog,
    *,
    output: Path | None,
    fmt: str | None,
    lang: str,
    date: dt.date,
    method: str,
    charts: bool = True,
    png: bool = False,
    template: Path | None = None,
    browser: Path | None = None,
) -> tuple[str | None, list[Path]]:
    """Render the written report; write it with its chart folder as one unit, or return it for stdout."""
    from crmadvisor import __version__
    from crmadvisor.present import report as written

    if output is not None and is_standard_output(output):
        output = None  # `-o /dev/stdout` prints the report, as no --output does
    kind = written.report_format(output, fmt)
    if output is None and kind == "pdf":
        raise UsageError("a PDF report needs --output FILE.pdf")
    if template is not None and kind == "json":
        raise UsageError("--template applies to Markdown and HTML reports, not JSON")
    if png and (not charts or kind == "json"):
        raise UsageError("--png writes the charts as PNG: it needs a Markdown, HTML or PDF report with charts")
    if output is not None:
        writable_file(output)  # a device, FIFO or folder there is refused before any work
    printer = None
    if kind == "pdf":
        from crmadvisor.browser import find_browser

        printer = find_browser(browser)  # before any work: with no browser, nothing is written
    view = written.report_from(result, catalog, lang=lang, date=date, version=__version__, method=method)
    images: tuple[ChartImage, ...] = ()
    if charts and kind != "json":
        from crmadvisor.present.charts import chart_images, with_charts

        images = chart_images(view, png=png)
        linked = output is not None and kind == "md"
        view = with_charts(view, images, f"{output.stem}_files" if linked and output else None)
    if template is not None:
        source = read_template(template)
        from crmadvisor.present.jinja import Limits

        text = written.render_template(view, source, html=kind in ("html", "pdf"), name=str(template), limits=Limits())
    else:
        text = written.REPORT_FORMATS["html" if kind == "pdf" else kind](view)
    if output is None:
        return text, []
    files: dict[str, bytes] = {}
    for image in images:
        if kind == "md":
            files[f"{image.id}.svg"] = image.svg.encode("utf-8")
        if image.png is not None:
            files[f"{image.id}.png"] = image.png
    if printer is not None:
        from crmadvisor.browser import html_to_pdf

        data = html_to_pdf(text, printer)
    else:
        data = text.encode("utf-8")
    return None, atomic_write_unit(output, data, output.parent / f"{output.stem}_files", files)


def read_template(path: Path) -> str:
    if not path.is_file():
        raise UsageError(f"{path}: no such template file")
    try:
        return read_bounded(path).decode("utf-8")
    except (OSError, TooLarge, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) else "too large or not UTF-8"
        raise UsageError(f"{path}: cannot read the template: {reason}") from None


def audit_vendors(
    folder: Path | None, criteria_dir: Path | None, *, today: dt.date, max_unverified: float | None, fmt: str
) -> tuple[str, bool]:
    """`vendors audit`: how well each profile of one folder is sourced; the text, and whether it passed."""
    from crmadvisor.errors import InputError, Problem
    from crmadvisor.load.discover import check_files, shipped_dir, yaml_files
    from crmadvisor.load.vendors import vendor_set_problems
    from crmadvisor.model.audit import audit_catalog
    from crmadvisor.present.audit import FORMATS

    target = folder if folder is not None else shipped_dir("vendors")
    if not target.is_dir():
        raise UsageError(f"{target}: no such vendors folder")
    files, missing = yaml_files([target])
    checked = check_files(files)
    vendors = [item for item in checked.loaded if isinstance(item.model, Vendor)]
    found = missing + checked.problems + vendor_set_problems(vendors, load_criteria(criteria_dir), today=today)
    errors = [p for p in found if p.severity == "error"]
    if errors:
        raise InputError(errors)
    loaded = {item.model.id: item for item in vendors if isinstance(item.model, Vendor)}
    audit = audit_catalog(
        (item.model for item in loaded.values() if isinstance(item.model, Vendor)), today, max_unverified
    )
    problems: list[Problem] = []
    for vendor in audit.vendors:
        src = loaded[vendor.vendor_id].src
        for finding in vendor.findings:
            line, col = src.mark(finding.key)
            field = ".".join(str(part) for part in finding.key)
            problems.append(Problem(src.path, line, col, field, finding.message, finding.code, finding.severity))
    return FORMATS[fmt](audit, problems), audit.passed
