"""`assess`: answers (a file, or the interview) -> the assessment -> the terminal or a written report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from crmadvisor.errors import UsageError
from crmadvisor.files import TooLarge, atomic_write_unit, is_standard_output, read_bounded, writable_file
from crmadvisor.model.assessment import Assessment
from crmadvisor.model.assessment import assess as assess_model
from crmadvisor.model.schema import Answers, Catalog
from crmadvisor.words import words
from crmadvisor.workflow.inputs import CatalogueChoice, chosen_catalog, complete_answers, no_terminal
from crmadvisor.workflow.printout import Printout, drawn

if TYPE_CHECKING:
    from crmadvisor.present.charts import ChartImage


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """A written report: where (None: stdout), which format (None: from the file's extension), how."""

    output: Path | None = None
    fmt: str | None = None
    charts: bool = True
    png: bool = False
    template: Path | None = None
    browser: Path | None = None


@dataclass(frozen=True, slots=True)
class AssessRequest:
    answers: Path | None = None  # a complete answers file; None: the interview
    resume: Path | None = None
    save: Path | None = None
    lang: str | None = None  # None: the answers file's
    consultant: str | None = None  # --consultant: on the report, and kept in the file a questionnaire saves
    method: str = "fit"
    draws: int = 2000
    seed: int = 20261122
    width: int | None = None
    catalogue: CatalogueChoice = field(default_factory=CatalogueChoice)
    report: ReportRequest | None = None  # None: the assessment on the terminal
    date: dt.date | None = None  # the report's; None: the answers file's, else today
    today: dt.date | None = None  # review dates are checked against it; None: today
    terminal: bool = False  # stdin and stdout are a terminal: the interview can run
    top: int | None = None  # vendors the ranking and the gap matrix show; None: all (the matrix, its first ten)
    summary_only: bool = False  # on the terminal, the executive summary alone


def assess(request: AssessRequest) -> Printout:
    today = request.today or dt.date.today()
    if request.summary_only and request.report is not None:
        raise UsageError(words(request.lang)["workflow.summary_terminal"])
    catalog = chosen_catalog(request.catalogue, today, request.lang)
    answers, answers_file = _answers(request, catalog, today)
    lang = request.lang or answers.lang
    topsis = request.method == "topsis"
    result = assess_model(catalog, answers, draws=request.draws, seed=request.seed, topsis=topsis)
    if request.report is None:
        from crmadvisor import __version__
        from crmadvisor.present.build import report_from
        from crmadvisor.present.terminal import render_assessment

        view = report_from(
            result, catalog, lang=lang, date=today, version=__version__, answers_file=answers_file, top=request.top
        )
        only = request.summary_only
        return Printout(drawn(lambda console: render_assessment(console, view, summary_only=only), request.width))
    date = request.date or answers.date or today
    report = request.report
    return export_report(
        result, catalog, report, lang=lang, date=date, method=request.method, said=request.lang, top=request.top
    )


def _answers(request: AssessRequest, catalog: Catalog, today: dt.date) -> tuple[Answers, Path]:
    """The complete answers file, or the interview on the terminal (refused, naming --answers, without one);
    and the file they are in."""
    consultant = (request.consultant or "").strip() or None
    if request.answers is not None:
        answers = complete_answers(request.answers, catalog, request.lang)
        return (answers.model_copy(update={"consultant": consultant}) if consultant else answers), request.answers
    if not request.terminal:
        raise no_terminal("assess", request.lang)
    from crmadvisor.ask import assessment  # questionary: only for the interactive questionnaire
    from crmadvisor.ask.engine import Interview

    again = request.catalogue.options()
    asked = Interview(request.resume, request.save, request.lang, today, again, consultant)
    return assessment.interview(catalog, asked)


def export_report(
    result: Assessment,
    catalog: Catalog,
    report: ReportRequest,
    *,
    lang: str,
    date: dt.date,
    method: str,
    said: str | None = None,
    top: int | None = None,
) -> Printout:
    """Render the written report; write it with its chart folder as one unit, or return it for stdout.

    `lang` is the report's language; `said`, the one of the command's own messages (its --lang: the
    "wrote PATH" lines scripts read stay English unless asked otherwise).
    """
    from crmadvisor import __version__
    from crmadvisor.present.build import report_from
    from crmadvisor.present.outputs import RENDERERS

    w = words(said)
    output, charts, png, template = report.output, report.charts, report.png, report.template
    if output is not None and is_standard_output(output):
        output = None  # `-o /dev/stdout` prints the report, as no --output does
    if output is not None:  # a device, FIFO or folder there is refused before any work, and said so before
        writable_file(output)  # its extension is read ("/dev/null", "out/": an extension of ``)
    kind = report_format(output, report.fmt, said)
    if output is None and kind == "pdf":
        raise UsageError(w["workflow.pdf_needs_output"])
    if template is not None and kind == "json":
        raise UsageError(w["workflow.template_not_json"])
    if png and (not charts or kind == "json"):
        raise UsageError(w["workflow.png_needs_charts"])
    printer = None
    if kind == "pdf":
        from crmadvisor.browser import find_browser

        printer = find_browser(report.browser)  # before any work: with no browser, nothing is written
    view = report_from(result, catalog, lang=lang, date=date, version=__version__, method=method, top=top)
    own = None
    if template is not None:  # compiled before the charts are drawn: its syntax mistakes are said at once
        from crmadvisor.present.documents import prepare_template
        from crmadvisor.present.template_bounds import Limits

        source = read_template(template, said)
        html = kind in ("html", "pdf")
        own = prepare_template(view.lang, source, html=html, name=str(template), limits=Limits())
    text = None
    if own is not None and own.fields is not None and "charts" not in own.fields:
        from crmadvisor.present.documents import render_prepared

        text = render_prepared(own, view)  # it reads no chart: rendered, or refused, before any is drawn
    images: tuple[ChartImage, ...] = ()
    if charts and kind != "json":
        from crmadvisor.present.charts import chart_images, with_charts

        images = chart_images(view, png=png)
        linked = output is not None and kind == "md"
        view = with_charts(view, images, f"{output.stem}_files" if linked and output else None)
    if text is None and own is not None:
        from crmadvisor.present.documents import render_prepared

        text = render_prepared(own, view)
    elif text is None:
        text = RENDERERS[kind](view)
    if output is None:
        return Printout(text)
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
    paths = atomic_write_unit(output, data, output.parent / f"{output.stem}_files", files)
    return Printout("".join(w("workflow.wrote", path=path) + "\n" for path in paths), tuple(paths))


def report_format(output: Path | None, given: str | None, lang: str | None = None) -> str:
    """The report format asked for, else the one the output file's extension names."""
    from crmadvisor.present.outputs import FORMAT_BY_SUFFIX

    w = words(lang)
    named = FORMAT_BY_SUFFIX.get(output.suffix.lower()) if output is not None else None
    if given is not None:
        if named is not None and named != given:  # e.g. JSON written into report.md: surely a slip
            raise UsageError(w("workflow.format_mismatch", fmt=given, path=output))
        return given
    if output is None:
        raise UsageError(w["workflow.format_for_stdout"])
    if named is None and not output.suffix:
        raise UsageError(w("workflow.no_extension", path=output))
    if named is None:
        raise UsageError(w("workflow.unknown_extension", path=output, suffix=output.suffix))
    return named


def read_template(path: Path, lang: str | None = None) -> str:
    w = words(lang)
    if not path.is_file():
        raise UsageError(w("workflow.no_template", path=path))
    try:
        return read_bounded(path).decode("utf-8")
    except (OSError, TooLarge, UnicodeDecodeError) as err:
        reason = err.strerror if isinstance(err, OSError) else w["workflow.too_large_or_not_utf8"]
        raise UsageError(w("workflow.unreadable_template", path=path, reason=reason)) from None
