"""`vendors list | show | compare | rubric | new`: the catalogue, browsed and extended."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from crmadvisor.errors import UsageError
from crmadvisor.files import atomic_write
from crmadvisor.load.criteria import load_criteria
from crmadvisor.model.schema import Catalog, Vendor
from crmadvisor.words import words
from crmadvisor.workflow.inputs import CatalogueChoice, chosen_catalog, complete_answers
from crmadvisor.workflow.printout import Printout, drawn

if TYPE_CHECKING:
    from crmadvisor.present.vendors import Client


@dataclass(frozen=True, slots=True)
class VendorsRequest:
    """`ids`: none for `list`, one for `show`, two or more for `compare`; `answers`: a client's complete
    answers file, for its needs beside the ratings and each vendor's recommended configuration."""

    ids: tuple[str, ...] = ()
    lang: str = "en"
    catalogue: CatalogueChoice = field(default_factory=CatalogueChoice)
    today: dt.date | None = None
    answers: Path | None = None


def vendor_list(request: VendorsRequest) -> Printout:
    from crmadvisor.present.vendors import render_list

    today = request.today or dt.date.today()
    catalog = chosen_catalog(request.catalogue, today, request.lang)
    return Printout(drawn(lambda c: render_list(c, catalog.vendors, today, request.lang)))


def vendor_profile(request: VendorsRequest) -> Printout:
    from crmadvisor.present.vendors import render_vendor

    today = request.today or dt.date.today()
    catalog = chosen_catalog(request.catalogue, today, request.lang)
    vendor = _vendor(catalog, request.ids[0], request.lang)
    client = _client(request, catalog)
    return Printout(drawn(lambda c: render_vendor(c, vendor, catalog, today, request.lang, client)))


def vendor_comparison(request: VendorsRequest) -> Printout:
    from crmadvisor.present.vendors import render_compare

    w = words(request.lang)
    if len(request.ids) < 2:
        raise UsageError(w("workflow.compare_two", count=len(request.ids)))
    twice = sorted({i for i in request.ids if request.ids.count(i) > 1})
    if twice:
        raise UsageError(w("workflow.compare_twice", ids=", ".join(f"`{i}`" for i in twice)))
    catalog = chosen_catalog(request.catalogue, request.today or dt.date.today(), request.lang)
    vendors = _vendors(catalog, request.ids, request.lang)
    client = _client(request, catalog)
    return Printout(drawn(lambda c: render_compare(c, vendors, catalog, request.lang, client)))


def _client(request: VendorsRequest, catalog: Catalog) -> Client | None:
    """The client's assessment from its answers file (no robustness draws: the configurations only)."""
    if request.answers is None:
        return None
    from crmadvisor.model.assessment import assess
    from crmadvisor.present.vendors import Client

    answers = complete_answers(request.answers, catalog, request.lang)
    return Client(assess(catalog, answers, draws=0), str(request.answers))


def rubric(criteria_dir: Path | None, lang: str) -> Printout:
    from crmadvisor.present.vendors import render_rubric

    criteria = load_criteria(criteria_dir)
    return Printout(drawn(lambda c: render_rubric(c, criteria, lang)))


def new_vendor(vendor_id: str, folder: Path, criteria_dir: Path | None, today: dt.date | None) -> Printout:
    """A new profile with every capability listed, to be filled in; never over an existing file."""
    from crmadvisor.present.scaffold import scaffold

    w = words("en")  # `vendors new` writes an English template
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", vendor_id):
        raise UsageError(w("workflow.bad_vendor_id", id=vendor_id))
    target = folder / f"{vendor_id}.yaml"
    if target.exists():
        raise UsageError(w("workflow.not_overwritten", path=target))
    atomic_write(target, scaffold(vendor_id, load_criteria(criteria_dir), today or dt.date.today()))
    text = w("workflow.scaffolded", path=target) + "\n"
    return Printout(text, (target,))


def _vendor(catalog: Catalog, vendor_id: str, lang: str) -> Vendor:
    return _vendors(catalog, (vendor_id,), lang)[0]


def _vendors(catalog: Catalog, vendor_ids: Sequence[str], lang: str) -> tuple[Vendor, ...]:
    """The vendors named, in that order; every unknown id in one usage error, each with its suggestion."""
    w = words(lang)
    by_id = {v.id: v for v in catalog.vendors}
    unknown = []
    for vendor_id in vendor_ids:
        if vendor_id not in by_id:
            close = difflib.get_close_matches(vendor_id, list(by_id), n=1)
            hint = w("workflow.did_you_mean", id=close[0]) if close else w["workflow.see_list"]
            unknown.append(w("workflow.no_vendor", id=vendor_id, hint=hint))
    if unknown:
        raise UsageError("\n".join(unknown))
    return tuple(by_id[v] for v in vendor_ids)
