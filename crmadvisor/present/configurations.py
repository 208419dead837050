"""Each vendor's recommended configuration (edition, add-ons, yearly list-price cost) in words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from crmadvisor.model.configurations import Recommendation, Upgrade
from crmadvisor.model.money import Cost
from crmadvisor.present.labels import Labels
from crmadvisor.present.typography import day, money, number, plural
from crmadvisor.present.view import ConfigurationView
from crmadvisor.words import Words, words


def cost_text(cost: Cost, w: Words, parts: int = 1, *, users_given: bool = True) -> str:
    """ "18,000 EUR a year at list price, licences only, for 15 users" or that it is on quote (and which of
    its `parts` are); without a number of users, the price of one user's licences."""
    if cost.yearly is None:
        if parts == 1 or len(cost.unpriced) == parts:
            return w("configuration.on_quote.all")
        return w(
            "configuration.on_quote",
            parts=", ".join(cost.unpriced),
            amount=money(cost.known, cost.currency, w.lang, decimals=0),
        )
    monthly = money(cost.yearly / cost.users / 12, cost.currency, w.lang)
    if not users_given:
        return w("configuration.cost.no_users", monthly=monthly)
    key = f"configuration.cost.{plural(cost.users, w.lang)}"
    amount = money(cost.yearly, cost.currency, w.lang, decimals=0)
    return w(key, amount=amount, users=number(cost.users, w.lang), monthly=monthly)


def rates_text(cost: Cost, w: Words, source: str) -> str:
    """The rates a cost was converted at, and their day: "1 USD = 0.8951 EUR (ECB, 2026-10-30)"."""
    if not cost.conversions:
        return ""
    rates = ", ".join(f"1 {c.source} = {number(c.rate, w.lang, decimals=4)} {c.target}" for c in cost.conversions)
    return w("configuration.rates", rates=rates, source=source, date=day(cost.conversions[0].date, w.lang))


def _upgrade_text(upgrade: Upgrade, labels: Labels, w: Words) -> str:
    closes = ", ".join(labels.capability(c) for c in upgrade.closes)
    if upgrade.extra_yearly is None:
        extra = w("configuration.upgrade.on_quote")
    else:
        extra = w(
            "configuration.upgrade.extra", amount=money(upgrade.extra_yearly, upgrade.currency, w.lang, decimals=0)
        )
    return w(f"configuration.upgrade.{upgrade.kind}", name=upgrade.name, closes=closes, extra=extra)


def configuration_views(
    recommendations: Sequence[Recommendation], labels: Labels, source: str, *, users_given: bool = True
) -> Mapping[str, ConfigurationView]:
    """Per vendor id, its recommended configuration as the report shows it."""
    w = words(labels.lang)
    views = {}
    for found in recommendations:
        config = found.configuration
        cost = config.cost
        views[found.vendor] = ConfigurationView(
            edition=config.edition.id,
            add_ons=tuple(a.id for a in config.add_ons),
            name=" + ".join(p.name for p in config.parts),
            yearly_cost=None if cost.yearly is None else round(cost.yearly, 2),
            currency=cost.currency,
            users=cost.users,
            yearly=_yearly(cost, w, users_given),
            cost=cost_text(cost, w, len(config.parts), users_given=users_given),
            rates=rates_text(cost, w, source),
            meets_must_haves=found.meets_must_haves,
            considered=found.considered,
            upgrades=tuple(_upgrade_text(u, labels, w) for u in found.upgrades),
        )
    return views


def _yearly(cost: Cost, w: Words, users_given: bool) -> str:
    if cost.yearly is None:
        return w("configuration.on_quote.all")
    if not users_given:
        per_user = cost.per_user_month() or 0.0
        return w("configuration.per_user", monthly=money(per_user, cost.currency, w.lang))
    return money(cost.yearly, cost.currency, w.lang, decimals=0)


def rates_source(source: str, lang: str = "en") -> str:
    """The rates' publisher as a report names it: the ECB (BCE in French) for the shipped table, else the file's
    source."""
    if "ecb.europa.eu" not in source:
        return source
    return "BCE" if lang == "fr" else "ECB"
