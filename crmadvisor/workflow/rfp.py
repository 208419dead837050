"""`rfp`: answers -> the requirements workbook and demo scripts; `rfp import`: a returned workbook ->
a vendors folder whose ratings carry their provenance, for `assess --vendors DIR`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from crmadvisor.errors import UsageError
from crmadvisor.files import atomic_write_bytes, writable_file
from crmadvisor.load.located import did_you_mean
from crmadvisor.model.assessment import assess as assess_model
from crmadvisor.model.rfp import with_answers
from crmadvisor.workflow.inputs import CatalogueChoice, chosen_catalog, complete_answers
from crmadvisor.workflow.printout import Printout

FORMATS = {".xlsx": "xlsx", ".md": "md", ".html": "html", ".htm": "html"}


@dataclass(frozen=True, slots=True)
class RfpRequest:
    answers: Path
    output: Path
    vendors: tuple[str, ...] = ()  # vendor ids; none: the shortlist
    lang: str | None = None  # None: the answers file's
    catalogue: CatalogueChoice = field(default_factory=CatalogueChoice)
    date: dt.date | None = None
    today: dt.date | None = None


def rfp(request: RfpRequest) -> Printout:
    writable_file(request.output)  # a folder or device there is refused before any work (and its extension)
    kind = FORMATS.get(request.output.suffix.lower())
    if kind is None:
        raise UsageError(f"{request.output}: write the RFP to a .xlsx, .md or .html file")
    today = request.today or dt.date.today()
    catalog = chosen_catalog(request.catalogue, today)
    answers = complete_answers(request.answers, catalog)
    known = [v.id for v in catalog.vendors]
    for vendor in request.vendors:
        if vendor not in known:
            raise UsageError(f"--vendor {vendor}: no such vendor in the catalogue{did_you_mean(vendor, known)}")
    result = assess_model(catalog, answers, draws=0)
    recommended = tuple(p.vendor for p in result.advice.shortlist) if result.advice else ()
    chosen = tuple(dict.fromkeys(request.vendors)) or recommended  # the recommendation's shortlist
    if not chosen:
        raise UsageError("no vendor in the race to send the RFP to: name them with --vendor ID")
    from crmadvisor import __version__
    from crmadvisor.present.rfp import rfp_from

    lang = request.lang or answers.lang
    date = request.date or answers.date or today
    view = rfp_from(result, catalog, chosen, lang=lang, date=date, version=__version__)
    if kind == "xlsx":
        from crmadvisor.present.rfp_workbook import workbook_bytes

        data = workbook_bytes(view)
    else:
        from crmadvisor.present.rfp_text import rfp_html, rfp_markdown

        data = (rfp_markdown(view) if kind == "md" else rfp_html(view)).encode("utf-8")
    atomic_write_bytes(request.output, data)
    return Printout(view.w("rfp.wrote", path=request.output) + "\n", (request.output,))


@dataclass(frozen=True, slots=True)
class ImportRequest:
    workbook: Path
    out: Path | None = None  # None: `<workbook stem>-vendors` beside it
    answers: Path | None = None  # given: also say how the ranking changed against desk research
    catalogue: CatalogueChoice = field(default_factory=CatalogueChoice)
    today: dt.date | None = None


def rfp_import(request: ImportRequest) -> Printout:
    """Check the whole workbook first; write the overlay only when nothing is wrong."""
    import yaml

    from crmadvisor.load.rfp_workbook import read_returned

    today = request.today or dt.date.today()
    catalog = chosen_catalog(request.catalogue, today)
    returned = read_returned(request.workbook, catalog, today)
    out = request.out or request.workbook.with_name(f"{request.workbook.stem}-vendors")
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: a file is there, not a folder: nothing was written")
    answers = complete_answers(request.answers, catalog) if request.answers is not None else None
    vendors = {v.id: v for v in catalog.vendors}
    files: dict[Path, bytes] = {}
    ratings = 0
    rerated = []
    for answered in returned:
        vendor = with_answers(vendors[answered.vendor], answered)
        rerated.append(vendor)
        ratings += len(answered.answers)
        dumped = {"kind": "vendor", **vendor.model_dump(mode="json", exclude_defaults=True)}
        if vendor.format == 1:
            dumped.pop("editions", None)  # the one edition the loader made of `price_from`
        header = f"# {vendor.name}: the catalogue's profile with the answers of {request.workbook.name}\n"
        text = header + yaml.safe_dump(dumped, sort_keys=False, allow_unicode=True, width=100)
        files[out / f"{vendor.id}.yaml"] = text.encode("utf-8")
    for path in files:
        writable_file(path)
    for path, data in files.items():
        atomic_write_bytes(path, data)
    lines = f"wrote {out} ({len(files)} vendor files, {ratings} ratings from {request.workbook.name})\n"
    if answers is not None:
        from crmadvisor.present.labels import Labels
        from crmadvisor.present.rfp_text import changes_text

        by_id = {**vendors, **{v.id: v for v in rerated}}
        now = catalog.model_copy(update={"vendors": tuple(by_id[v.id] for v in catalog.vendors)})
        found = assess_model(now, answers, draws=0).changes  # against the same catalogue on desk research alone
        lines += changes_text(found, Labels(now, answers.lang), answers.company or "?")
    return Printout(lines, tuple(files))
