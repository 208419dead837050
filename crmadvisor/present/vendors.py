"""Rich views of the vendor catalogue: list, one profile, two side by side; the new-profile scaffold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from crmadvisor.model.review import stale
from crmadvisor.model.schema import Catalog, CompanySize, Vendor
from crmadvisor.present.console import plain
from crmadvisor.words import words


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


def _price(vendor: Vendor, lang: str) -> str:
    w = words(lang)
    price = vendor.price_from
    if price is None:
        return vendor.pricing_note or w["vendors.price.none"]
    per = w[f"vendors.price.{price.per}"]
    text = w("vendors.price.from", amount=f"{price.amount:g}", currency=price.currency, per=per)
    text += f" ({price.plan})" if price.plan else ""
    return text + (f"; {vendor.pricing_note}" if vendor.pricing_note else "")


def render_vendor(console: Console, vendor: Vendor, catalog: Catalog, today: dt.date, lang: str = "en") -> None:
    t = words(lang).section("vendors.show")
    console.print(plain(vendor.name, "bold"), plain(t["by"].format(id=vendor.id, publisher=vendor.publisher)))
    console.print(plain(vendor.summary))
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column()
    old = t["stale"] if stale(vendor.review_date, today) else ""
    rows = [
        (t["orientation"], words(lang)[f"vendors.orientation.{vendor.orientation.value}"]),
        (t["sizes"], _sizes(vendor)),
        (t["languages"], ", ".join(vendor.languages)),
        (t["hosting"], ", ".join(vendor.hosting_regions) or t["unpublished"]),
        (t["price"], _price(vendor, lang)),
        (t["website"], vendor.website),
        (t["reviewed"], t["reviewed_by"].format(date=vendor.review_date, who=vendor.reviewer) + old),
        *((t["source"], source) for source in vendor.sources),
    ]
    for label, value in rows:
        facts.add_row(plain(label), plain(value))
    console.print(facts)
    rubric = {lvl.level: lvl.label(lang) for lvl in catalog.rubric.levels}
    table = Table(show_lines=True)
    table.add_column(plain(t["capability"]))
    table.add_column(plain(t["rating"]), no_wrap=True)
    table.add_column(plain(t["evidence"]), ratio=3, overflow="fold")  # fold, not cut: a source URL stays whole
    for area in catalog.feature_areas.areas:
        table.add_row(plain(area.heading(lang), "bold"), "", "")
        for cap in area.capabilities:
            rating = vendor.ratings.get(cap.id)
            if rating is None:
                table.add_row(plain(cap.name(lang)), plain("-"), plain(t["not_rated"]))
                continue
            note = rating.evidence + (f"\n{rating.source}" if rating.source else "")
            if rating.by_edition is not None:  # one rating per edition
                shown = ", ".join(f"{e} {r}" for e, r in rating.by_edition.items())
            else:
                shown = f"{rating.at()} {rubric[rating.at()]}"
            table.add_row(plain(cap.name(lang)), plain(shown), plain(note))
    console.print(table)


def render_compare(console: Console, first: Vendor, second: Vendor, catalog: Catalog, lang: str = "en") -> None:
    w = words(lang)
    title = w("vendors.compare.title", first=first.name, second=second.name)
    table = Table(title=plain(title), title_justify="left", show_lines=True)
    table.add_column(plain(w["vendors.show.capability"]))
    table.add_column(plain(first.name), ratio=2)
    table.add_column(plain(second.name), ratio=2)
    for area in catalog.feature_areas.areas:
        table.add_row(plain(area.heading(lang), "bold"), "", "")
        for cap in area.capabilities:
            cells = []
            a, b = first.ratings.get(cap.id), second.ratings.get(cap.id)
            for mine, theirs in ((a, b), (b, a)):
                if mine is None:
                    cells.append(plain("-"))
                    continue
                ahead = theirs is not None and mine.at() > theirs.at()
                cell = plain(f"{mine.at()}/5", "bold green" if ahead else "bold")
                cell.append_text(plain(f" {mine.evidence}"))
                cells.append(cell)
            table.add_row(plain(cap.name(lang)), *cells)
    console.print(table)
    total_a = sum(r.at() for r in first.ratings.values())
    total_b = sum(r.at() for r in second.ratings.values())
    console.print(plain(w("vendors.compare.sum", first=first.name, a=total_a, second=second.name, b=total_b), "dim"))


def scaffold(vendor_id: str, catalog: Catalog, today: dt.date) -> str:
    """A new vendor profile with every capability listed, to be filled in; it fails validation until it is."""
    lines = [
        f"# {vendor_id}: new vendor profile. Fill in every `null` and `TODO`, then run",
        f"# `crmadvisor validate {vendor_id}.yaml`. Ratings follow the rubric (`crmadvisor vendors rubric`).",
        "kind: vendor",
        f"id: {vendor_id}",
        "name: null  # TODO: product name",
        "publisher: null  # TODO: company that sells it",
        "website: null  # TODO: https://...",
        "summary: null  # TODO: one or two sentences: what it is, for whom",
        "orientation: null  # b2b | b2c | both",
        "company_sizes: []  # micro (1-9), small (10-49), medium (50-249), large (250+)",
        "languages: []  # interface languages, ISO 639-1 codes: [en, fr]",
        "hosting_regions: []  # fr, de, eu, uk, ch, us, ca, au, apac; leave empty if not published",
        "# price_from: {amount: 25, currency: EUR, per: user_month, plan: Starter, source: https://...}",
        f"review_date: {today.isoformat()}",
        "reviewer: null  # TODO: who reviewed the evidence",
        "sources: []",
        "ratings:",
    ]
    for area in catalog.feature_areas.areas:
        lines.append(f"  # {area.heading('en')}")
        for cap in area.capabilities:
            lines.append(f"  {cap.id}:  # {cap.name('en')}")
            lines.append("    rating: null  # 0-5")
            lines.append("    evidence: null  # TODO: what the product offers for this (module, plan, add-on)")
            lines.append("    # source: https://...")
    return "\n".join(lines) + "\n"


def render_rubric(console: Console, catalog: Catalog, lang: str = "en") -> None:
    t = words(lang).section("vendors.rubric")
    table = Table(title=plain(t["title"]), title_justify="left", show_lines=True)
    table.add_column(plain(t["level"]), no_wrap=True)
    table.add_column(plain(t["meaning"]))
    for level in catalog.rubric.levels:
        table.add_row(plain(f"{level.level} {level.label(lang)}"), plain(level.meaning(lang)))
    console.print(table)
