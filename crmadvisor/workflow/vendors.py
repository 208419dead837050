"""`vendors list | show | compare | rubric | new`: the catalogue, browsed and extended."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from crmadvisor.errors import UsageError
from crmadvisor.files import atomic_write
from crmadvisor.load.criteria import load_criteria
from crmadvisor.model.schema import Catalog, Vendor
from crmadvisor.words import words
from crmadvisor.workflow.inputs import CatalogueChoice, chosen_catalog
from crmadvisor.workflow.printout import Printout, drawn


@dataclass(frozen=True, slots=True)
class VendorsRequest:
    """`ids`: none for `list`, one for `show`, two for `compare`."""

    ids: tuple[str, ...] = ()
    lang: str = "en"
    catalogue: CatalogueChoice = field(default_factory=CatalogueChoice)
    today: dt.date | None = None


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
    return Printout(drawn(lambda c: render_vendor(c, vendor, catalog, today, request.lang)))


def vendor_comparison(request: VendorsRequest) -> Printout:
    from crmadvisor.present.vendors import render_compare

    catalog = chosen_catalog(request.catalogue, request.today or dt.date.today(), request.lang)
    first, second = (_vendor(catalog, vendor_id, request.lang) for vendor_id in request.ids)
    return Printout(drawn(lambda c: render_compare(c, first, second, catalog, request.lang)))


def rubric(criteria_dir: Path | None, lang: str) -> Printout:
    from crmadvisor.present.vendors import render_rubric

    criteria = load_criteria(criteria_dir)
    return Printout(drawn(lambda c: render_rubric(c, criteria, lang)))


def new_vendor(vendor_id: str, folder: Path, criteria_dir: Path | None, today: dt.date | None) -> Printout:
    """A new profile with every capability listed, to be filled in; never over an existing file."""
    from crmadvisor.present.vendors import scaffold

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
    found = next((v for v in catalog.vendors if v.id == vendor_id), None)
    if found is None:
        w = words(lang)
        known = [v.id for v in catalog.vendors]
        close = difflib.get_close_matches(vendor_id, known, n=1)
        hint = w("workflow.did_you_mean", id=close[0]) if close else w["workflow.see_list"]
        raise UsageError(w("workflow.no_vendor", id=vendor_id, hint=hint))
    return found
