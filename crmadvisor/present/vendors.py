"""Rich views of the vendor catalogue: list, one profile, several side by side (each optionally beside a
client's needs); the rating rubric."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from crmadvisor.model.review import stale
from crmadvisor.model.schema import Catalog, CompanySize, Vendor, one_edition
from crmadvisor.present.console import plain
from crmadvisor.present.editions import (
    add_ons_summary,
    add_ons_table,
    editions_summary,
    editions_table,
    lift_notes,
    rating_lines,
)
from crmadvisor.present.labels import Labels, percent
from crmadvisor.present.reasons import reasons_text
from crmadvisor.words import Words, words

if TYPE_CHECKING:  # numpy (the configurations) is imported only when a client's answers are read
    from crmadvisor.model.assessment import Assessment
    from crmadvisor.model.configurations import Configuration
    from crmadvisor.model.fit import Fit
    from crmadvisor.model.needs import Need


def render_list(console: Console, vendors: Sequence[Vendor], today: dt.date, lang: str = "en") -> None:
    w = words(lang)
    table = Table(title=plain(w("vendors.list.title", count=len(vendors))), title_justify="left")
    table.add_column(plain(w["vendors.list.name"]))  # the id under the name: both readable at 80 columns
    table.add_column(plain(w["vendors.list.orientation"]), no_wrap=True)
    table.add_column(plain(w["vendors.list.sizes"]), no_wrap=True)
    table.add_column(plain(w["vendors.list.reviewed"]), no_wrap=True)
    for vendor in vendors:
        old = stale(vendor.review_date, today)
        reviewed = plain(str(vendor.review_date) + (w["vendors.list.stale"] if old else ""), "yellow" if old else "")
        name = plain(vendor.name)
        name.append_text(plain(f"\n{vendor.id}", "dim"))
        orientation = w[f"vendors.orientation.{vendor.orientation.value}"]
        table.add_row(name, plain(orientation), plain(_sizes(vendor)), reviewed)
    console.print(table)


def _sizes(vendor: Vendor) -> str:
    """The company sizes served, as a range when they follow each other (micro-medium)."""
    order = list(CompanySize)
    served = sorted(vendor.company_sizes, key=order.index)
    first, last = order.index(served[0]), order.index(served[-1])
    if len(served) > 1 and last - first + 1 == len(served):
        return f"{served[0].value}-{served[-1].value}"
    return ", ".join(size.value for size in served)


@dataclass(frozen=True, slots=True)
class Client:
    """A client's assessment, for the need beside each rating and each vendor's recommended configuration."""

    assessment: Assessment
    source: str  # the answers file, as the user gave it

    @property
    def company(self) -> str:
        return self.assessment.answers.company or self.source

    def need(self, capability: str) -> Need | None:
        return next((n for n in self.assessment.needs if n.capability == capability and n.level > 0), None)

    def fit(self, vendor_id: str) -> Fit:
        return next(f for f in self.assessment.fits if f.vendor == vendor_id)

    def configuration(self, vendor_id: str) -> Configuration:
        return next(r.configuration for r in self.assessment.configurations if r.vendor == vendor_id)


def render_vendor(
    console: Console, vendor: Vendor, catalog: Catalog, today: dt.date, lang: str = "en", client: Client | None = None
) -> None:
    """One profile: facts, editions and add-ons with their list prices, every capability's rating (per
    edition where it differs) with its evidence; with a client, the need beside each rating and the
    configuration the advisor recommends, with its yearly cost."""
    w = words(lang)
    t = w.section("vendors.show")
    vendor = one_edition(vendor)
    console.print(plain(vendor.name, "bold"), plain(t["by"].format(id=vendor.id, publisher=vendor.publisher)))
    console.print(plain(vendor.summary))
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column(overflow="fold")
    old = t["stale"] if stale(vendor.review_date, today) else ""
    rows = [
        (t["orientation"], w[f"vendors.orientation.{vendor.orientation.value}"]),
        (t["sizes"], _sizes(vendor)),
        (t["languages"], ", ".join(vendor.languages)),
        (t["hosting"], ", ".join(vendor.hosting_regions) or t["unpublished"]),
        (t["website"], vendor.website),
        (t["reviewed"], t["reviewed_by"].format(date=vendor.review_date, who=vendor.reviewer) + old),
        *((t["source"], source) for source in vendor.sources),
    ]
    for label, value in rows:
        facts.add_row(plain(label), plain(value))
    console.print(facts)
    capability = {c.id: c.name(lang) for a in catalog.feature_areas.areas for c in a.capabilities}
    console.print(editions_table(vendor, w))
    if vendor.add_ons:
        console.print(add_ons_table(vendor, capability, w))
    config = client.configuration(vendor.id) if client is not None else None
    fit = client.fit(vendor.id) if client is not None else None
    rubric = {lvl.level: lvl.label(lang) for lvl in catalog.rubric.levels}
    table = Table(show_lines=True, expand=True)  # expand: the ratios share the width
    table.add_column(plain(t["capability"]), ratio=3)
    table.add_column(plain(t["rating"]), max_width=18, overflow="fold")  # "enterprise 5 ◂"
    if client is not None:
        table.add_column(plain(t["need"]))
    table.add_column(plain(t["evidence"]), ratio=5, overflow="fold")  # fold, not cut: a source URL stays whole
    blank = [""] * (3 if client is None else 4)
    for area in catalog.feature_areas.areas:
        table.add_row(plain(area.heading(lang), "bold"), *blank[1:])
        for cap in area.capabilities:
            rating = vendor.ratings.get(cap.id)
            need = _need_cell(client, fit, cap.id, w) if client is not None else None
            if rating is None:
                cells = [plain(cap.name(lang)), plain("-"), plain(t["not_rated"])]
            else:
                lines = rating_lines(vendor, cap.id, config, w)
                if rating.by_edition is None and config is None:
                    lines = [f"{rating.at()} {rubric[rating.at()]}"]
                note = "\n".join(
                    [rating.evidence, *lift_notes(vendor, cap.id, w), *([rating.source] if rating.source else [])]
                )
                cells = [plain(cap.name(lang)), plain("\n".join(lines)), plain(note)]
            if need is not None:
                cells.insert(2, need)
            table.add_row(*cells)
    console.print(table)
    if client is not None:
        console.print(plain(w("vendors.show.chosen_legend", company=client.company), "dim"))
        console.print(_recommendation(vendor, client, catalog, lang))


def _need_cell(client: Client, fit: Fit | None, capability: str, w: Words) -> Text:
    """The client's need (0-5), whether it is a must-have, and the gap the recommended configuration leaves."""
    need = client.need(capability)
    if need is None:
        return plain("-", "dim")
    cell = plain(str(need.level), "bold")
    if need.must_have:
        cell.append_text(plain(f"\n{w['vendors.show.must_have']}", "bold"))
    gap = next((g for g in fit.gaps if g.capability == capability), None) if fit is not None else None
    if gap is not None:
        style = "red" if gap.severity == "blocking" else "yellow"
        cell.append_text(plain("\n" + w("vendors.show.gap", severity=w[f"severity.{gap.severity}"]), style))
    return cell


def _recommended(vendor_id: str, client: Client, catalog: Catalog, lang: str) -> list[tuple[str, str]]:
    """The configuration recommended for the client and what it costs, the fit, must-haves, exclusions."""
    from crmadvisor.present.configurations import configuration_views, rates_source

    w = words(lang)
    t = w.section("vendors.show")
    labels = Labels(catalog, lang)
    answers = client.assessment.answers
    source = rates_source(catalog.rates.source, lang) if catalog.rates is not None else ""
    users_given = answers.constraints is not None and answers.constraints.users is not None
    view = configuration_views(client.assessment.configurations, labels, source, users_given=users_given)[vendor_id]
    fit = client.fit(vendor_id)
    missed = [labels.capability(g.capability) for g in fit.gaps if g.severity == "blocking"]
    if missed:
        musts = t["must_haves.missed"].format(capabilities=", ".join(missed))
    elif any(n.must_have for n in client.assessment.needs):
        musts = t["must_haves.met"]
    else:
        musts = t["must_haves.none"]
    rows = [(t["configuration"], view.name), (t["cost"], view.cost)]
    rows += [(t["rates"], view.rates)] if view.rates else []
    rows += [(t["fit"], percent(fit.score)), (t["must_haves"], musts)]
    if fit.exclusions:
        rows.append((t["excluded"], reasons_text(fit.exclusions, lang, labels.capability)))
    rows += [(t["upgrades"], upgrade) for upgrade in view.upgrades]
    return rows


def _recommendation(vendor: Vendor, client: Client, catalog: Catalog, lang: str) -> Table:
    w = words(lang)
    table = Table.grid(padding=(0, 2))
    table.title = plain(w("vendors.show.for_client", company=client.company, path=client.source), "bold")
    table.title_justify = "left"
    table.add_column(style="dim", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in _recommended(vendor.id, client, catalog, lang):
        table.add_row(plain(label), plain(value))
    return table


def render_compare(
    console: Console, vendors: Sequence[Vendor], catalog: Catalog, lang: str = "en", client: Client | None = None
) -> None:
    """Vendors side by side: their editions and add-ons with list prices, then every capability's rating
    (per edition where it differs; with two vendors, the evidence too). With a client, each vendor's
    recommended configuration, its yearly cost and fit, and the need column. The highest rating of a row
    is in bold green."""
    w = words(lang)
    t = w.section("vendors.compare")
    vendors = [one_edition(v) for v in vendors]
    console.print(plain(w["vendors.compare.vs"].join(v.name for v in vendors), "bold"))
    console.print(_offers(vendors, w))
    configs: list[Configuration | None] = [None] * len(vendors)
    if client is not None:
        configs = [client.configuration(v.id) for v in vendors]
        console.print(_recommendations(vendors, client, catalog, lang))
    evidence = len(vendors) == 2  # with more, the columns are too narrow for it: `vendors show` has it
    table = Table(show_lines=True, expand=True)
    table.add_column(plain(w["vendors.show.capability"]), ratio=3 if evidence else 2)
    if client is not None:
        table.add_column(plain(w["vendors.show.need"]), no_wrap=True)
    for vendor in vendors:
        table.add_column(plain(vendor.name), ratio=3 if evidence else 2, overflow="fold")
    lead = [] if client is None else [plain("")]
    for area in catalog.feature_areas.areas:
        table.add_row(plain(area.heading(lang), "bold"), *lead, *([""] * len(vendors)))
        for cap in area.capabilities:
            held = [_compared(v, cap.id, c) for v, c in zip(vendors, configs, strict=True)]
            top = max(held)
            cells = []
            for vendor, config, value in zip(vendors, configs, held, strict=True):
                rating = vendor.ratings.get(cap.id)
                ahead = value == top and held.count(top) < len(held)
                cell = plain("\n".join(rating_lines(vendor, cap.id, config, w)), "bold green" if ahead else "bold")
                if evidence and rating is not None:
                    cell.append_text(plain(f"\n{rating.evidence}"))
                cells.append(cell)
            need = [] if client is None else [_need_mark(client.need(cap.id))]
            table.add_row(plain(cap.name(lang)), *need, *cells)
    console.print(table)
    if client is not None:
        console.print(plain(w("vendors.compare.legend", company=client.company), "dim"))
    if not evidence:
        console.print(plain(t["evidence_hint"], "dim"))
    sums = ", ".join(f"{v.name} {sum(r.at() for r in v.ratings.values())}" for v in vendors)
    console.print(plain(w("vendors.compare.sum", sums=sums), "dim"))


def _need_mark(need: Need | None) -> Text:
    """A need in a narrow column: "5 !" for a must-have (the legend says so), "-" for none."""
    if need is None:
        return plain("-", "dim")
    return plain(f"{need.level} !" if need.must_have else str(need.level), "bold")


def _offers(vendors: Sequence[Vendor], w: Words) -> Table:
    """A row per vendor: its editions and its add-ons, each with its list price."""
    t = w.section("vendors.compare")
    table = Table(title=plain(t["offers"]), title_justify="left", show_lines=True, expand=True)
    table.add_column(plain(t["vendor"]), ratio=2)
    table.add_column(plain(t["editions"]), ratio=4, overflow="fold")
    table.add_column(plain(t["add_ons"]), ratio=4, overflow="fold")
    for vendor in vendors:
        table.add_row(plain(vendor.name), editions_summary(vendor, w), add_ons_summary(vendor, w))
    return table


def _recommendations(vendors: Sequence[Vendor], client: Client, catalog: Catalog, lang: str) -> Table:
    """A row per vendor: the configuration recommended for the client, its yearly cost, fit and must-haves."""
    w = words(lang)
    s = w.section("vendors.show")
    table = Table(title=plain(w("vendors.show.for_client", company=client.company, path=client.source)))
    table.title_justify = "left"
    table.show_lines = True
    table.expand = True
    table.add_column(plain(w["vendors.compare.vendor"]), ratio=2)
    found = [dict(_recommended(v.id, client, catalog, lang)) for v in vendors]
    keys = ["configuration", "cost", "fit", "must_haves"] + (
        ["excluded"] if any(s["excluded"] in f for f in found) else []
    )
    for key in keys:
        ratio = None if key == "fit" else 4 if key == "cost" else 3  # the fit, "87 %", keeps its width
        table.add_column(plain(s[key]), ratio=ratio, overflow="fold")
    for vendor, rows in zip(vendors, found, strict=True):
        table.add_row(plain(vendor.name), *(plain(rows.get(s[key], "-")) for key in keys))
    return table


def _compared(vendor: Vendor, capability: str, config: Configuration | None) -> int:
    """The rating a comparison weighs: in the recommended configuration, else in the cheapest edition."""
    held = vendor.ratings.get(capability)
    if held is None:
        return -1
    if config is None:
        return held.at()
    lifted = [a.raises[capability] for a in config.add_ons if capability in a.raises]
    return max([held.at(config.edition.id), *lifted])


def render_rubric(console: Console, catalog: Catalog, lang: str = "en") -> None:
    t = words(lang).section("vendors.rubric")
    table = Table(title=plain(t["title"]), title_justify="left", show_lines=True)
    table.add_column(plain(t["level"]), no_wrap=True)
    table.add_column(plain(t["meaning"]))
    for level in catalog.rubric.levels:
        table.add_row(plain(f"{level.level} {level.label(lang)}"), plain(level.meaning(lang)))
    console.print(table)
