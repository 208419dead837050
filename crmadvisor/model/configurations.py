"""Each vendor's configurations (an edition plus the add-ons that raise a needed capability), their
yearly cost, and the one recommended, with what more would close. The rule that chooses is
`crmadvisor.model.choice.choose` (docs/vendor-format.md, "How the advisor uses editions"): among
the configurations within the budget, those meeting every must-have (else the fewest blocking
gaps), and of these the best cover of the important needs once its cost is weighed. numpy is
imported only by the modules that rank.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from crmadvisor.model.choice import NOMINAL_PER_USER_MONTH_EUR, Bools, Floats, Space, choose, price_weight
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
    unpriced = np.zeros((len(vendors), n_e, n_s))
    for v, vendor in enumerate(vendors):
        held_by = [[a for a in range(len(slots[v])) if bits[s, a]] for s in range(2 ** len(slots[v]))]
        add_on_costs = [cost_of([add_on], users, currency, rates) for add_on in slots[v]]
        for a, add_on in enumerate(slots[v]):
            raises[v, a] = [add_on.raises.get(c, 0) for c in caps]
        floors = _edition_floors(vendor, users, currency, rates)
        seated = _seated(vendor, users)
        for e, edition in enumerate(vendor.editions):
            if not seated[e]:
                continue  # sold for fewer users than the team
            editions[v, e] = [_rating(vendor, c, edition.id) for c in caps]
            useful = [_useful(add_on, edition, vendor, needed) for add_on in slots[v]]
            base = cost_of([edition], users, currency, rates)
            base = dataclasses.replace(base, known=base.known + floors[e][0])
            for s, held in enumerate(held_by):  # the sets of this vendor's add-ons only
                if not all(useful[a] for a in held):
                    continue
                valid[v, e, s] = True
                # each part's cost is its own (seats and conversion per part): the set's is their sum
                cost[v, e, s] = base.known + sum(add_on_costs[a].known for a in held)
                unpriced[v, e, s] = len(base.unpriced) + sum(len(add_on_costs[a].unpriced) for a in held)
                quoted[v, e, s] = unpriced[v, e, s] > 0
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
        price_weight(np.where(valid, cost, 0.0), unpriced, _nominal(users, currency, rates)),
        currency,
        users,
    )


def _seated(vendor: Vendor, users: int) -> list[bool]:
    """Per edition, whether it is sold for this many users; every edition when none is (the vendor
    is then excluded by `seat_limit`, shown in the configuration the rule would choose)."""
    fits = [e.max_users is None or users <= e.max_users for e in vendor.editions]
    return fits if any(fits) else [True] * len(fits)


def seat_limit(vendor: Vendor, users: int | None) -> Reason | None:
    """Why no edition of the vendor can serve the team: each is sold for fewer users."""
    limits = [e.max_users for e in vendor.editions]
    if users is None or not limits or any(m is None or users <= m for m in limits):
        return None
    return Reason("seat_limit", (("max", str(max(m for m in limits if m is not None))), ("users", str(users))))


def _edition_floors(
    vendor: Vendor, users: int, currency: str, rates: RatesFile | None
) -> list[tuple[float, Edition | None]]:
    """Per edition, what it costs at least: an edition sold on quote costs at least the edition listed
    before it (editions are listed cheapest first), the dearest priced one below it; 0 for the others."""
    found: list[tuple[float, Edition | None]] = []
    below: tuple[float, Edition | None] = (0.0, None)
    for edition in vendor.editions:
        cost = cost_of([edition], users, currency, rates)
        if cost.yearly is not None:
            below = max(below, (cost.yearly, edition), key=lambda pair: pair[0])
            found.append((0.0, None))
        else:
            found.append(below)
    return found


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


def _nominal(users: int, currency: str, rates: RatesFile | None) -> float:
    """The nominal licence for `users` a year, in `currency` (the EUR figure when the rates lack it)."""
    found = convert(NOMINAL_PER_USER_MONTH_EUR, "EUR", currency, rates)
    return (found[0] if found is not None else NOMINAL_PER_USER_MONTH_EUR) * users * 12


# ------------------------------------------------------------ the recommendation


def recommend(
    needs: Sequence[Need], vendors: Sequence[Vendor], constraints: Constraints | None, rates: RatesFile | None
) -> tuple[Space, tuple[Recommendation, ...]]:
    """Every vendor's recommended configuration, what would close more of its gaps, and the space of choices."""
    sp = space(needs, vendors, constraints, rates)
    budget = has_budget(constraints)
    sp, over = budget_pool(sp, budget)
    weights = (sp.level**WEIGHT_POWER)[None]
    pool = sp.pool
    chosen, _, block = choose(sp, sp.editions[None], sp.raises[None], weights, pool)
    n_s = sp.bits.shape[0]
    result = []
    for v, vendor in enumerate(vendors):
        e, s = divmod(int(chosen[0, v]), n_s)
        config = _configuration(sp, v, e, s, rates)
        exclusion = seat_limit(vendor, constraints.users if constraints else None)
        if exclusion is None and over[v]:
            exclusion = _over_budget(sp, v, config, constraints, rates)
        note = _quote_note(config) if budget and config.cost.unpriced and not over[v] else None
        considered = int(sp.valid[v].sum())
        upgrades = _upgrades(sp, v, e, s, config, rates)
        configured = configured_vendor(vendor, config)
        result.append(
            Recommendation(vendor.id, config, int(block[0, v]) == 0, considered, upgrades, exclusion, note, configured)
        )
    return sp, tuple(result)


def has_budget(constraints: Constraints | None) -> bool:
    return constraints is not None and (
        constraints.budget_per_user_month is not None or constraints.budget_per_year is not None
    )


def budget_pool(sp: Space, budget: bool) -> tuple[Space, list[bool]]:
    """The space with the pool the choice may use, and which vendors the budget excludes: those over
    it in every configuration, or in every one that meets the must-haves (they are then shown in
    the configuration they would need)."""
    pools, over = budget_pools(sp, budget)
    return dataclasses.replace(sp, pool=pools[0]), [bool(o) for o in over[0]]


def budget_pools(
    sp: Space, budget: bool, level: Floats | None = None, floor: Floats | None = None
) -> tuple[Bools, Bools]:
    """`budget_pool` for several sets of need levels and must-have floors at once (D x C; by default the
    space's own): the pools (D x V x E x S) and the vendors the budget excludes (D x V)."""
    levels = np.atleast_2d(sp.level if level is None else level)
    floors = np.atleast_2d(sp.floor if floor is None else floor)
    n_d, n_v = levels.shape[0], len(sp.vendors)
    if not budget:
        return np.broadcast_to(sp.pool, (n_d, *sp.pool.shape)), np.zeros((n_d, n_v), dtype=bool)
    weights = levels**WEIGHT_POWER
    ratings, raises = sp.editions[None], sp.raises[None]
    _, _, free_block = choose(sp, ratings, raises, weights, sp.valid, level=levels, floor=floors)
    in_pool: Bools = np.asarray(sp.pool.any(axis=(1, 2)))  # per vendor; not reshape(n_v, -1): no vendor at all
    pool: Bools = np.where(in_pool[:, None, None], sp.pool, sp.valid)
    _, _, pool_block = choose(sp, ratings, raises, weights, pool, level=levels, floor=floors)
    # over: not within the budget with every must-have met, and either no configuration within it at
    # all or one outside it that meets them; such a vendor is shown in the configuration it would need
    over: Bools = ~(in_pool & (pool_block == 0)) & (~in_pool | (free_block == 0))
    pools: Bools = np.where(over[:, :, None, None], sp.valid, pool)
    return pools, over


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
            declared = top.provenance  # an add-on declared in RFP answers: the rating is the vendor's word
            ratings[cap] = CapabilityRating(
                rating=top.raises[cap],
                evidence=evidence,
                source=top.source,
                unverified=top.unverified,
                provenance=declared.model_copy(update={"desk_rating": native}) if declared else None,
            )
        elif held.by_edition is not None:
            ratings[cap] = held.model_copy(update={"rating": native, "by_edition": None})
        else:
            ratings[cap] = held
    return vendor.model_copy(update={"ratings": ratings, "editions": (config.edition,), "add_ons": config.add_ons})


def _needs_of(sp: Space) -> tuple[tuple[str, float, float], ...]:
    return tuple(zip(sp.capabilities, sp.level.tolist(), sp.floor.tolist(), strict=True))


def _rating_in(vendor: Vendor, config: Configuration, capability: str) -> int:
    """A capability's rating in a configuration, as `configured_vendor` makes it (without building it)."""
    held = vendor.ratings.get(capability)
    if held is None:
        return 0
    return max([held.at(config.edition.id), *(a.raises.get(capability, 0) for a in config.add_ons)])


def _closes(sp: Space, vendor: Vendor, before: Configuration, after: Configuration) -> tuple[str, ...]:
    """Needed capabilities whose gap `after` closes or narrows."""
    found = []
    for cap, level, _ in _needs_of(sp):
        was, now = _rating_in(vendor, before, cap), _rating_in(vendor, after, cap)
        if was < level and now > was:
            found.append(cap)
    return tuple(found)


def _upgrades(sp: Space, v: int, e: int, s: int, config: Configuration, rates: RatesFile | None) -> tuple[Upgrade, ...]:
    vendor = sp.vendors[v]
    found: list[Upgrade] = []
    if e + 1 < len(vendor.editions):
        up = vendor.editions[e + 1]
        keep = tuple(a for a in config.add_ons if _useful(a, up, vendor, set(sp.capabilities)))
        upper = Configuration(vendor.id, up, keep, cost_of([up, *keep], sp.users, sp.currency, rates))
        closes = _closes(sp, vendor, config, upper)
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
        closes = _closes(sp, vendor, config, more)
        if closes:
            found.append(Upgrade("add_on", add_on.id, add_on.name, closes, _extra(more.cost, config.cost), sp.currency))
    return tuple(found)


def _extra(more: Cost, base: Cost) -> float | None:
    """How much more a year; None when what the upgrade adds is itself on quote. A part on quote in
    both (an add-on kept) does not make the difference unknown: it is the same part."""
    if set(more.unpriced) - set(base.unpriced) or set(base.unpriced) - set(more.unpriced):
        return None
    return more.known - base.known


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
    floor, below = _edition_floors(vendor, sp.users, sp.currency, rates)[vendor.editions.index(config.edition)]
    yearly = config.cost.yearly if config.cost.yearly is not None else config.cost.known + floor
    if per_user:
        amount: float | None = yearly / config.cost.users / 12
        budget = f"{constraints.budget_per_user_month:g} {constraints.budget_currency}"
    else:
        amount = yearly
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
        ("at_least", below.name if config.cost.yearly is None and below is not None else ""),
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
