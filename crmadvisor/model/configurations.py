"""Each vendor's configurations (an edition plus the add-ons that raise a needed capability), their
yearly cost, and the one recommended, with what more would close. The rule that chooses is
`crmadvisor.model.choice.choose` (docs/vendor-format.md, "How the advisor uses editions"): the
important needs covered best, then the cheapest, among the configurations within the budget that
meet every must-have; else the best fit. numpy is imported only by the modules that rank.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from crmadvisor.model.choice import Bools, Floats, Space, choose
from crmadvisor.model.fit import MUST_HAVE_MET, WEIGHT_POWER, Fit, Reason
from crmadvisor.model.money import Cost, convert, cost_of
from crmadvisor.model.needs import Need
from crmadvisor.model.schema import AddOn, CapabilityRating, Constraints, Edition, RatesFile, Vendor, one_edition

MAX_ADD_ONS = 6  # add-ons considered per vendor (those raising the most needed capabilities); 2**6 sets
DEFAULT_CURRENCY = "EUR"


@dataclass(frozen=True, slots=True)
class Configuration:
    vendor: str
    edition: Edition
    add_ons: tuple[AddOn, ...]
    cost: Cost

    @property
    def parts(self) -> tuple[Edition | AddOn, ...]:
        return (self.edition, *self.add_ons)


@dataclass(frozen=True, slots=True)
class Upgrade:
    """What a next edition up or one more add-on would close, and for how much more a year."""

    kind: str  # "edition" or "add_on"
    id: str
    name: str
    closes: tuple[str, ...]  # capabilities whose gap it closes or narrows
    extra_yearly: float | None  # None: the part is sold on quote
    currency: str


@dataclass(frozen=True, slots=True)
class Recommendation:
    vendor: str
    configuration: Configuration
    meets_must_haves: bool
    considered: int  # configurations compared
    upgrades: tuple[Upgrade, ...]
    exclusion: Reason | None  # over the budget in every configuration
    note: Reason | None  # the budget could not be compared (price on quote)
    configured: Vendor  # the vendor with the ratings of this configuration, as fit() reads them


def _useful(add_on: AddOn, edition: Edition, vendor: Vendor, needed: set[str]) -> bool:
    allowed = not add_on.requires or edition.id in add_on.requires
    return allowed and any(
        cap in needed and rating > _rating(vendor, cap, edition.id) for cap, rating in add_on.raises.items()
    )


def _rating(vendor: Vendor, capability: str, edition: str) -> int:
    held = vendor.ratings.get(capability)
    return held.at(edition) if held is not None else 0


def space(
    needs: Sequence[Need], vendors: Sequence[Vendor], constraints: Constraints | None, rates: RatesFile | None
) -> Space:
    """The configurations of every vendor, their costs and which the budget allows."""
    vendors = [one_edition(v) for v in vendors]  # a format 1 vendor is one edition
    active = [n for n in needs if n.level > 0]
    caps = tuple(n.capability for n in active)
    needed = set(caps)
    users = (constraints.users if constraints else None) or 1
    currency = constraints.budget_currency if constraints else DEFAULT_CURRENCY
    n_e = max((len(v.editions) for v in vendors), default=1)
    slots = tuple(_slots(v, needed) for v in vendors)
    n_a = max((len(s) for s in slots), default=0)
    n_s = 2**n_a
    bits = np.array([[(s >> a) & 1 == 1 for a in range(n_a)] for s in range(n_s)], dtype=bool).reshape(n_s, n_a)
    editions = np.full((len(vendors), n_e, len(caps)), -1.0)
    raises = np.zeros((len(vendors), n_a, len(caps)))
    valid = np.zeros((len(vendors), n_e, n_s), dtype=bool)
    cost = np.full((len(vendors), n_e, n_s), math.inf)
    quoted = np.zeros((len(vendors), n_e, n_s), dtype=bool)
    for v, vendor in enumerate(vendors):
        for a, add_on in enumerate(slots[v]):
            raises[v, a] = [add_on.raises.get(c, 0) for c in caps]
        for e, edition in enumerate(vendor.editions):
            editions[v, e] = [_rating(vendor, c, edition.id) for c in caps]
            useful = [_useful(add_on, edition, vendor, needed) for add_on in slots[v]]
            for s in range(n_s):
                held = [a for a in range(len(slots[v])) if bits[s, a]]
                if any(bits[s, len(slots[v]) :]) or not all(useful[a] for a in held):
                    continue
                valid[v, e, s] = True
                parts: list[Edition | AddOn] = [edition, *(slots[v][a] for a in held)]
                found = cost_of(parts, users, currency, rates)
                cost[v, e, s] = found.known
                quoted[v, e, s] = bool(found.unpriced)
    pool = valid & _within_budget(cost, constraints, users)
    level = np.array([n.level for n in active], dtype=float)
    floor = np.array([min(n.level, MUST_HAVE_MET) if n.must_have else -1 for n in active], dtype=float)
    return Space(
        tuple(vendors),
        caps,
        level,
        floor,
        editions,
        raises,
        slots,
        bits,
        valid,
        cost,
        quoted,
        pool,
        _cost_rank(cost, quoted),
        currency,
        users,
    )


def _slots(vendor: Vendor, needed: set[str]) -> tuple[AddOn, ...]:
    """The add-ons that raise a needed capability in some edition, the most useful first if there are too many."""
    found = [a for a in vendor.add_ons if any(_useful(a, e, vendor, needed) for e in vendor.editions)]
    if len(found) > MAX_ADD_ONS:
        found = sorted(found, key=lambda a: -sum(c in needed for c in a.raises))[:MAX_ADD_ONS]
    return tuple(found)


def _within_budget(cost: Floats, constraints: Constraints | None, users: int) -> Bools:
    """Priced configurations within the budget; every configuration when there is no budget."""
    if constraints is None:
        return np.ones(cost.shape, dtype=bool)
    limit = math.inf
    if constraints.budget_per_user_month is not None:
        limit = constraints.budget_per_user_month * users * 12
    if constraints.budget_per_year is not None:
        limit = min(limit, constraints.budget_per_year)
    if limit == math.inf:
        return np.ones(cost.shape, dtype=bool)
    return cost <= limit * (1 + 1e-9)


def _cost_rank(cost: Floats, quoted: Bools) -> Floats:
    """Each configuration's cost as a dense rank within its vendor (0 = cheapest): a configuration with
    a part on quote comes after every fully priced one, and among those by the cost of its priced parts."""
    flat = np.where(quoted, cost + np.nanmax(np.where(np.isfinite(cost), cost, 0), initial=0) + 1, cost)
    flat = flat.reshape(cost.shape[0], -1)
    ranks = np.empty_like(flat)
    for v in range(flat.shape[0]):
        _, inverse = np.unique(flat[v], return_inverse=True)
        ranks[v] = inverse.reshape(-1)
    result: Floats = ranks.reshape(cost.shape)
    return result


# ------------------------------------------------------------ the recommendation


def recommend(
    needs: Sequence[Need], vendors: Sequence[Vendor], constraints: Constraints | None, rates: RatesFile | None
) -> tuple[Space, tuple[Recommendation, ...]]:
    """Every vendor's recommended configuration, what would close more of its gaps, and the space of choices."""
    sp = space(needs, vendors, constraints, rates)
    budget = constraints is not None and (
        constraints.budget_per_user_month is not None or constraints.budget_per_year is not None
    )
    weights = (sp.level**WEIGHT_POWER)[None]
    _, _, free_block = choose(sp, sp.editions[None], sp.raises[None], weights, sp.valid)
    in_pool: Bools = np.asarray(sp.pool.reshape(len(vendors), -1).any(axis=1))
    pool: Bools = np.where(in_pool[:, None, None], sp.pool, sp.valid)
    _, _, pool_block = choose(sp, sp.editions[None], sp.raises[None], weights, pool)
    over = [False] * len(vendors)
    for v in range(len(vendors) if budget else 0):
        if in_pool[v] and pool_block[0, v] == 0:
            continue  # the must-haves are met within the budget
        if not in_pool[v] or free_block[0, v] == 0:
            # over the budget in every configuration, or in every one that meets the must-haves
            over[v] = True
            pool[v] = sp.valid[v]
    sp = dataclasses.replace(sp, pool=pool)
    chosen, _, block = choose(sp, sp.editions[None], sp.raises[None], weights, pool)
    n_s = sp.bits.shape[0]
    result = []
    for v, vendor in enumerate(vendors):
        e, s = divmod(int(chosen[0, v]), n_s)
        config = _configuration(sp, v, e, s, rates)
        exclusion = _over_budget(sp, v, config, constraints, rates) if over[v] else None
        note = _quote_note(config) if budget and config.cost.unpriced and not over[v] else None
        considered = int(sp.valid[v].sum())
        upgrades = _upgrades(sp, v, e, s, config, rates)
        configured = configured_vendor(vendor, config)
        result.append(
            Recommendation(vendor.id, config, int(block[0, v]) == 0, considered, upgrades, exclusion, note, configured)
        )
    return sp, tuple(result)


def _quote_note(config: Configuration) -> Reason:
    """The budget could be checked only on the priced parts, or not at all."""
    if len(config.cost.unpriced) == len(config.parts):
        return Reason("no_price")
    return Reason("part_on_quote", (("parts", ", ".join(config.cost.unpriced)),))


def _configuration(sp: Space, v: int, e: int, s: int, rates: RatesFile | None) -> Configuration:
    vendor = sp.vendors[v]
    add_ons = tuple(a for i, a in enumerate(sp.slots[v]) if sp.bits[s, i])
    edition = vendor.editions[e]
    return Configuration(vendor.id, edition, add_ons, cost_of([edition, *add_ons], sp.users, sp.currency, rates))


def configured_vendor(vendor: Vendor, config: Configuration) -> Vendor:
    """The vendor as this configuration makes it: each capability at its edition's rating, or an add-on's above it."""
    ratings: dict[str, CapabilityRating] = {}
    for cap, held in vendor.ratings.items():
        native = held.at(config.edition.id)
        lifts = [a for a in config.add_ons if a.raises.get(cap, -1) > native]
        if lifts:
            top = max(lifts, key=lambda a: a.raises[cap])
            evidence = f"{top.name}: {top.evidence}" if top.evidence else top.name
            ratings[cap] = CapabilityRating(
                rating=top.raises[cap], evidence=evidence, source=top.source, unverified=top.unverified
            )
        elif held.by_edition is not None:
            ratings[cap] = held.model_copy(update={"rating": native, "by_edition": None})
        else:
            ratings[cap] = held
    return vendor.model_copy(update={"ratings": ratings, "editions": (config.edition,), "add_ons": config.add_ons})


def _needs_of(sp: Space) -> tuple[tuple[str, float, float], ...]:
    return tuple(zip(sp.capabilities, sp.level.tolist(), sp.floor.tolist(), strict=True))


def _closes(sp: Space, before: Vendor, after: Vendor) -> tuple[str, ...]:
    """Needed capabilities whose gap `after` closes or narrows."""
    found = []
    for cap, level, _ in _needs_of(sp):
        was, now = _rating(before, cap, ""), _rating(after, cap, "")
        if was < level and now > was:
            found.append(cap)
    return tuple(found)


def _upgrades(sp: Space, v: int, e: int, s: int, config: Configuration, rates: RatesFile | None) -> tuple[Upgrade, ...]:
    vendor = sp.vendors[v]
    now = configured_vendor(vendor, config)
    found: list[Upgrade] = []
    if e + 1 < len(vendor.editions):
        up = vendor.editions[e + 1]
        keep = tuple(a for a in config.add_ons if _useful(a, up, vendor, set(sp.capabilities)))
        upper = Configuration(vendor.id, up, keep, cost_of([up, *keep], sp.users, sp.currency, rates))
        closes = _closes(sp, now, configured_vendor(vendor, upper))
        if closes:
            found.append(Upgrade("edition", up.id, up.name, closes, _extra(upper.cost, config.cost), sp.currency))
    for add_on in vendor.add_ons:
        if add_on in config.add_ons or not _useful(add_on, config.edition, vendor, set(sp.capabilities)):
            continue
        more = Configuration(
            vendor.id,
            config.edition,
            (*config.add_ons, add_on),
            cost_of([config.edition, *config.add_ons, add_on], sp.users, sp.currency, rates),
        )
        closes = _closes(sp, now, configured_vendor(vendor, more))
        if closes:
            found.append(Upgrade("add_on", add_on.id, add_on.name, closes, _extra(more.cost, config.cost), sp.currency))
    return tuple(found)


def _extra(more: Cost, base: Cost) -> float | None:
    return None if more.yearly is None or base.yearly is None else more.yearly - base.yearly


def _over_budget(
    sp: Space, v: int, config: Configuration, constraints: Constraints | None, rates: RatesFile | None
) -> Reason:
    """Why every configuration is over the budget, with the one the rule would choose without it."""
    assert constraints is not None
    vendor = sp.vendors[v]
    cheapest = configured_vendor(vendor, _configuration(sp, v, 0, 0, rates))
    needed_for = [
        cap
        for cap, _, floor in _needs_of(sp)
        if floor >= 0 and _rating(cheapest, cap, "") < floor <= _rating(configured_vendor(vendor, config), cap, "")
    ]
    name = " + ".join(p.name for p in config.parts)
    per_user = constraints.budget_per_user_month is not None
    if per_user:
        amount = config.cost.per_user_month()
        budget = f"{constraints.budget_per_user_month:g} {constraints.budget_currency}"
    else:
        amount = config.cost.yearly
        budget = f"{constraints.budget_per_year:g} {constraints.budget_currency}"
    currencies = {p.price.currency for p in config.parts if p.price is not None}
    original = ""
    if len(currencies) == 1 and sp.currency not in currencies and amount is not None:
        (source,) = currencies
        back = convert(amount, sp.currency, source, rates)
        original = f"{back[0]:.2f}".rstrip("0").rstrip(".") + f" {source}" if back is not None else ""
    values = [
        ("configuration", name),
        ("original", original),
        ("needed_for", ", ".join(needed_for)),
        ("price", f"{amount:.2f}".rstrip("0").rstrip(".") if amount is not None else ""),
        ("currency", sp.currency),
        ("per", "user_month" if per_user else "year"),
        ("budget", budget),
        ("rates", "; ".join(f"1 {c.source} = {c.rate:.4g} {c.target}" for c in config.cost.conversions)),
        ("rates_date", rates.date.isoformat() if rates is not None and config.cost.conversions else ""),
        ("rates_source", rates.source if rates is not None else ""),
    ]
    return Reason("over_budget", tuple(values))


def with_budget(fits: Sequence[Fit], recommendations: Sequence[Recommendation]) -> list[Fit]:
    """The fits with the budget's exclusions and notes of each vendor's configurations."""
    by_vendor = {r.vendor: r for r in recommendations}
    result = []
    for item in fits:
        found = by_vendor.get(item.vendor)
        if found is not None and (found.exclusion or found.note):
            extra_out = (found.exclusion,) if found.exclusion else ()
            extra_note = (found.note,) if found.note else ()
            item = dataclasses.replace(item, exclusions=item.exclusions + extra_out, notes=item.notes + extra_note)
        result.append(item)
    return result
