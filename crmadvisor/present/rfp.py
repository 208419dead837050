"""One language-resolved view of an RFP: requirements, each vendor's sheet and demo script, constraints,
pricing. The workbook (rfp_workbook.py) and the Markdown/HTML script (rfp_text.py) render it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from crmadvisor.model.assessment import Assessment
from crmadvisor.model.configurations import Recommendation
from crmadvisor.model.rfp import Scenario, demo_script, requirements
from crmadvisor.model.schema import AddOn, Catalog, Constraints, Edition, Vendor, one_edition
from crmadvisor.present.labels import Labels, need_reason
from crmadvisor.words import Words, words

SHEET_NAME_MAX = 31  # Excel's limit
_NOT_IN_SHEET_NAMES = str.maketrans({c: " " for c in "[]:*?/\\'"})


@dataclass(frozen=True, slots=True)
class RequirementRow:
    capability: str
    area: str
    name: str
    need: int
    must_have: bool
    reason: str
    requirement: str


@dataclass(frozen=True, slots=True)
class VendorRow:
    requirement: RequirementRow
    rating: int | None  # the catalogue's (lowest edition), None: not rated
    evidence: str
    source: str


@dataclass(frozen=True, slots=True)
class DemoRow:
    order: int
    capability: str
    name: str
    why: str
    scenario: str
    look_for: str
    need: int
    rating: int | None


@dataclass(frozen=True, slots=True)
class PriceRow:
    id: str  # an edition's or add-on's id
    name: str
    amount: float | None
    currency: str
    per: str
    billing: str
    note: str
    source: str
    as_of: dt.date | None


@dataclass(frozen=True, slots=True)
class VendorPart:
    id: str
    name: str
    sheet: str  # its sheet's name in the workbook
    rows: tuple[VendorRow, ...]
    demo: tuple[DemoRow, ...]
    prices: tuple[PriceRow, ...]
    editions: tuple[tuple[str, str], ...]  # id, name: the edition drop-down
    configuration: str  # the configuration the ranking priced for the client, in words
    constraints: tuple[str, ...]  # what the catalogue says, one per constraint row


@dataclass(frozen=True, slots=True)
class Rfp:
    lang: str
    title: str
    intro: str
    company: str
    date: dt.date
    requirements: tuple[RequirementRow, ...]
    vendors: tuple[VendorPart, ...]
    constraints: tuple[tuple[str, str], ...]  # label, what the company requires
    rubric: tuple[tuple[int, str, str], ...]  # level, label, meaning

    @property
    def w(self) -> Words:
        return words(self.lang)


def rfp_from(
    result: Assessment, catalog: Catalog, vendor_ids: Sequence[str], *, lang: str, date: dt.date, version: str
) -> Rfp:
    labels = Labels(catalog, lang)
    w = words(lang)
    phrasing = catalog.rfp.capabilities if catalog.rfp is not None else {}
    rows = tuple(
        RequirementRow(
            capability=n.capability,
            area=labels.area(n.area),
            name=labels.capability(n.capability),
            need=n.level,
            must_have=n.must_have,
            reason=need_reason(n, labels),
            requirement=(
                phrasing[n.capability].requirement(lang)
                if n.capability in phrasing
                else labels.caps[n.capability].description(lang)
            ),
        )
        for n in requirements(result.needs)
    )
    fits = {f.vendor: f for f in result.fits}
    configured = {r.vendor: r for r in result.configurations}
    chosen = [labels.vendors[v] for v in vendor_ids]
    sheets = _sheet_names([v.name for v in chosen], reserved=[w[f"rfp.sheet.{s}"] for s in _SHEETS])
    parts = []
    for vendor, sheet in zip(chosen, sheets, strict=True):
        script = demo_script(result.needs, vendor, fits.get(vendor.id))
        parts.append(
            VendorPart(
                id=vendor.id,
                name=vendor.name,
                sheet=sheet,
                rows=tuple(_vendor_row(r, vendor, w) for r in rows),
                demo=tuple(_demo_row(i, s, labels, catalog, w) for i, s in enumerate(script, start=1)),
                prices=_prices(vendor, w),
                editions=tuple((e.id, e.name) for e in one_edition(vendor).editions),
                constraints=_vendor_constraints(vendor, labels, w),
                configuration=_configuration(configured.get(vendor.id), w),
            )
        )
    answers = result.answers
    return Rfp(
        lang=lang,
        title=w("rfp.title", company=answers.company or "?"),
        intro=w("rfp.intro", consultant=answers.consultant or "?", date=date.isoformat(), version=version),
        company=answers.company or "?",
        date=date,
        requirements=rows,
        vendors=tuple(parts),
        constraints=_wanted(answers.constraints, labels, w),
        rubric=tuple((lvl.level, lvl.label(lang), lvl.meaning(lang)) for lvl in catalog.rubric.levels),
    )


_SHEETS = ("readme", "requirements", "demo", "constraints", "pricing")
CONSTRAINTS = ("languages", "hosting", "size", "users", "budget")


def _sheet_names(names: Sequence[str], reserved: Sequence[str]) -> list[str]:
    """Each vendor's sheet name: its name as Excel allows one, unique (case-insensitive) in the workbook."""
    taken = {r.casefold() for r in reserved} | {"crmadvisor"}
    out = []
    for name in names:
        base = " ".join(name.translate(_NOT_IN_SHEET_NAMES).split())[:SHEET_NAME_MAX] or "vendor"
        candidate, n = base, 2
        while candidate.casefold() in taken:
            suffix = f" ({n})"
            candidate, n = base[: SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
        taken.add(candidate.casefold())
        out.append(candidate)
    return out


def _configuration(chosen: Recommendation | None, w: Words) -> str:
    if chosen is None:
        return ""
    config = chosen.configuration
    parts = " + ".join(p.name for p in config.parts)
    cost = config.cost
    if cost.yearly is None:
        price = w["rfp.on_quote"]
    else:
        price = w("rfp.yearly", amount=f"{cost.yearly:,.0f}", currency=cost.currency, users=cost.users)
    return w("rfp.configuration", parts=parts, price=price)


def _vendor_row(row: RequirementRow, vendor: Vendor, w: Words) -> VendorRow:
    held = vendor.ratings.get(row.capability)
    if held is None:
        return VendorRow(row, None, w["rfp.not_rated"], "")
    evidence = f"{held.evidence} {w['rfp.unverified']}" if held.unverified else held.evidence
    return VendorRow(row, held.at(), evidence, held.source or "")


def _demo_row(order: int, s: Scenario, labels: Labels, catalog: Catalog, w: Words) -> DemoRow:
    phrasing = catalog.rfp.capabilities.get(s.capability) if catalog.rfp is not None else None
    lang = labels.lang
    return DemoRow(
        order=order,
        capability=s.capability,
        name=labels.capability(s.capability),
        why=w[f"rfp.why.{s.why}"],
        scenario=phrasing.scenario(lang) if phrasing else labels.caps[s.capability].description(lang),
        look_for=phrasing.look_for(lang) if phrasing else "",
        need=s.need,
        rating=s.rating,
    )


def _price_row(part: Edition | AddOn, name: str, w: Words) -> PriceRow:
    price = part.price
    return PriceRow(
        id=part.id,
        name=name,
        amount=price.amount if price is not None else None,
        currency=price.currency if price is not None else "",
        per=w[f"rfp.per.{price.per}"] if price is not None else w["rfp.on_quote"],
        billing=price.billing if price is not None else "",
        note=part.price_note or "",
        source=part.source or "",
        as_of=part.as_of,
    )


def _prices(vendor: Vendor, w: Words) -> tuple[PriceRow, ...]:
    editions = [_price_row(e, e.name, w) for e in one_edition(vendor).editions]
    return (*editions, *(_price_row(a, w("rfp.add_on", name=a.name), w) for a in vendor.add_ons))


def _wanted(constraints: Constraints | None, labels: Labels, w: Words) -> tuple[tuple[str, str], ...]:
    c = constraints or Constraints()
    budget = []
    if c.budget_per_user_month is not None:
        budget.append(w("rfp.budget.user_month", amount=f"{c.budget_per_user_month:g}", currency=c.budget_currency))
    if c.budget_per_year is not None:
        budget.append(w("rfp.budget.year", amount=f"{c.budget_per_year:g}", currency=c.budget_currency))
    values = (
        ", ".join(c.languages or ()),
        ", ".join(c.hosting_regions or ()),
        labels.w[f"size.{c.company_size.value}"] if c.company_size else "",
        str(c.users) if c.users else "",
        "; ".join(budget),
    )
    return tuple((w[f"rfp.constraint.{k}"], v or w["rfp.any"]) for k, v in zip(CONSTRAINTS, values, strict=True))


def _vendor_constraints(vendor: Vendor, labels: Labels, w: Words) -> tuple[str, ...]:
    cheapest = next((e.price for e in one_edition(vendor).editions if e.price is not None), None)
    price = f"{cheapest.amount:g} {cheapest.currency} ({w[f'rfp.per.{cheapest.per}']})" if cheapest else ""
    return (
        ", ".join(vendor.languages),
        ", ".join(vendor.hosting_regions),
        ", ".join(labels.w[f"size.{s.value}"] for s in vendor.company_sizes),
        next((str(e.min_users) for e in vendor.editions if e.min_users), ""),
        price or w["rfp.on_quote"],
    )
