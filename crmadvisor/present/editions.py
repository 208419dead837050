"""A vendor's editions, add-ons and list prices in words, and its ratings edition by edition, for
`vendors show` and `vendors compare` (docs/vendor-format.md)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from crmadvisor.model.schema import AddOn, Edition, ListPrice, Vendor
from crmadvisor.present.console import plain
from crmadvisor.present.typography import money, number
from crmadvisor.words import Words

if TYPE_CHECKING:
    from crmadvisor.model.configurations import Configuration

CHOSEN = " ◂"  # marks the rating that holds in the configuration recommended for the client


def price_text(price: ListPrice | None, w: Words, *, short: bool = False) -> str:
    """ "US$25 per user per month, billed annually" (or "US$25/user/month" when `short`), "free", "on quote"."""
    if price is None:
        return w["vendors.price.on_quote"]
    if price.amount == 0:
        return w["vendors.price.free"]
    amount = money(price.amount, price.currency, w.lang)
    if short:
        text = w(f"vendors.price.short.{price.per}", amount=amount)
        return text if price.billing == "annual" else f"{text} ({w['vendors.price.billing.monthly']})"
    per = w[f"vendors.price.per.{price.per}"]
    return w("vendors.price.list", amount=amount, per=per, billing=w[f"vendors.price.billing.{price.billing}"])


def _part_price(part: Edition | AddOn, w: Words) -> str:
    """The price, and the note when there is no price to read (on quote, free): it says why."""
    text = price_text(part.price, w)
    if part.price_note and (part.price is None or part.price.amount == 0):
        text += f"{w['common.colon']} {part.price_note}"
    return text


def _name(part: Edition | AddOn) -> Text:
    """The name, and the id a rating or `requires` names it by, under it."""
    cell = plain(part.name)
    cell.append_text(plain(f"\n{part.id}", "dim"))
    return cell


def editions_table(vendor: Vendor, w: Words) -> Table:
    t = w.section("vendors.show")
    table = Table(title=plain(t["editions"]), title_justify="left")
    table.add_column(plain(t["edition"]), ratio=1, overflow="fold")
    table.add_column(plain(t["list_price"]), ratio=2, overflow="fold")
    table.add_column(plain(t["min_users"]), justify="right")
    for edition in vendor.editions:
        seats = number(edition.min_users, w.lang) if edition.min_users else "-"
        table.add_row(_name(edition), plain(_part_price(edition, w)), plain(seats))
    return table


def add_ons_table(vendor: Vendor, capability: Mapping[str, str], w: Words) -> Table:
    """Each add-on: its price, the editions it can be added to, the capabilities it raises and to what."""
    t = w.section("vendors.show")
    names = {e.id: e.name for e in vendor.editions}
    table = Table(title=plain(t["add_ons"]), title_justify="left", show_lines=True)
    table.add_column(plain(t["add_on"]), ratio=2, overflow="fold")
    table.add_column(plain(t["list_price"]), ratio=2, overflow="fold")
    table.add_column(plain(t["requires"]), ratio=1)
    table.add_column(plain(t["raises"]), ratio=2)
    for add_on in vendor.add_ons:
        requires = ", ".join(names.get(e, e) for e in add_on.requires) or t["every_edition"]
        raised = [t["raised"].format(capability=capability.get(c, c), rating=r) for c, r in add_on.raises.items()]
        raises = "\n".join(f"• {line}" for line in raised) if len(raised) > 1 else "".join(raised) or "-"
        table.add_row(_name(add_on), plain(_part_price(add_on, w)), plain(requires), plain(raises))
    return table


def editions_summary(vendor: Vendor, w: Words) -> Text:
    """Every edition with its price, one a line (for a comparison's cell)."""
    lines = [f"{e.name}{w['common.colon']} {price_text(e.price, w, short=True)}" for e in vendor.editions]
    return plain("\n".join(f"• {line}" for line in lines) if len(lines) > 1 else "".join(lines))


def add_ons_summary(vendor: Vendor, w: Words) -> Text:
    lines = [f"{a.name}{w['common.colon']} {price_text(a.price, w, short=True)}" for a in vendor.add_ons]
    return plain(
        "\n".join(f"• {line}" for line in lines) if len(lines) > 1 else "".join(lines) or w["vendors.compare.none"]
    )


def rating_lines(vendor: Vendor, capability: str, config: Configuration | None, w: Words) -> list[str]:
    """A capability's rating in each edition ("pro 3"), or one for all; with a recommended configuration,
    the rating that holds in it marked where editions or add-ons differ (an add-on of it that raises the
    capability on a line of its own)."""
    held = vendor.ratings.get(capability)
    if held is None:
        return ["-"]
    chosen = config.edition.id if config is not None else None
    if held.by_edition is not None:
        lines = [f"{e} {r}" + (CHOSEN if e == chosen else "") for e, r in held.by_edition.items()]
    else:
        lines = [str(held.at())]  # one rating for every edition: nothing to mark, unless an add-on lifts it
    if config is not None:
        native = held.at(config.edition.id)
        lifts = [a for a in config.add_ons if a.raises.get(capability, -1) > native]
        if lifts:
            top = max(lifts, key=lambda a: a.raises[capability])
            lines = [line.removesuffix(CHOSEN) for line in lines]  # the add-on's rating holds instead
            lines.append(w("vendors.show.with_add_on", rating=top.raises[capability]) + CHOSEN)  # named in the evidence
    return lines


def lift_notes(vendor: Vendor, capability: str, w: Words) -> list[str]:
    """The add-ons that raise a capability, and to what: "Loyalty Management raises it to 4"."""
    return [
        w("vendors.show.lift", name=a.name, rating=a.raises[capability])
        for a in vendor.add_ons
        if capability in a.raises
    ]
