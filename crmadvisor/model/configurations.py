"""Each vendor's configurations (an edition plus the add-ons that raise a needed capability) and the
one recommended: the cheapest that meets every must-have, else the best fit; within the budget when
there is one. Rules: docs/vendor-format.md, "How the advisor uses editions".

The choice is computed by one vectorised function over draws x vendors x editions x add-on sets
(`choose`), so that the ranking (one draw, ratings as written) and the robustness draws (ratings
perturbed per edition and per add-on) choose by the same rule. numpy is imported only here and in
robustness: only by the commands that rank.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from crmadvisor.model.fit import MUST_HAVE_MET, Fit, Reason
from crmadvisor.model.money import Cost, convert, cost_of
from crmadvisor.model.needs import Need
from crmadvisor.model.schema import AddOn, CapabilityRating, Constraints, Edition, RatesFile, Vendor, one_edition

IMPORTANT = 4  # a need of 4 or 5 (an area answered important or critical) justifies its cost; the tool's own threshold
MAX_ADD_ONS = 6  # add-ons considered per vendor (those raising the most needed capabilities); 2**6 sets
DEFAULT_CURRENCY = "EUR"

Floats = npt.NDArray[np.float64]
Reals = npt.NDArray[np.floating[Any]]  # float64, or float32 in the draws
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


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


@dataclass(frozen=True, slots=True)
class Space:
    """Every vendor's configurations as arrays: V vendors, E editions, A add-on slots, C needed capabilities."""

    vendors: tuple[Vendor, ...]
    capabilities: tuple[str, ...]
    level: Floats  # C
    floor: Floats  # C; -1 where not a must-have
    editions: Floats  # V x E x C ratings; -1 rows for missing editions
    raises: Floats  # V x A x C ratings with the add-on (0: does not raise)
    slots: tuple[tuple[AddOn, ...], ...]  # per vendor, the add-ons in its slots
    bits: Bools  # S x A: which add-ons each set holds (S = 2**A)
    valid: Bools  # V x E x S: an existing edition with add-ons it may take and that raise something
    cost: Floats  # V x E x S yearly cost in `currency` of the priced parts (a floor when a part is on quote)
    quoted: Bools  # V x E x S: a part is sold on quote (or priced in a currency the rates lack)
    pool: Bools  # V x E x S: configurations the choice may make (within the budget where it can)
    cost_rank: Floats  # V x E x S: the cost's dense rank within the vendor (0 = cheapest; on quote last)
    currency: str
    users: int


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


def choose(
    sp: Space, editions: Reals, raises: Reals, weights: Reals, pool: Bools, *, exact: bool = True
) -> tuple[Ints, Reals, Ints]:
    """Per draw and vendor: the configuration chosen (flat index e * S + s), its fit and blocking gaps.

    `editions` D x V x E x C and `raises` D x V x A x C are the (perturbed) ratings, `weights` D x C.
    A capability's rating in a configuration is the highest of its edition's and its add-ons'.
    `exact` rounds the fits before comparing them, as rank() does (the draws, with random weights, skip it).

    The rule: among the configurations in the pool that meet every must-have, those that cover the
    important needs (need IMPORTANT or more) best, and of these the cheapest, then the better fit;
    when none meets every must-have, the fewest blocking gaps, then the better fit, then the cheaper.
    """
    n_d, n_v = editions.shape[:2]
    score, block = _coverage(sp, editions, raises, weights)
    kind = editions.dtype
    cost_rank = sp.cost_rank.astype(kind)
    # The important needs decide before the cost: paying for an edition or add-on that serves a
    # need of 4 or 5 is part of the recommendation, not an upgrade left to the reader.
    barred = np.where(pool, 0.0, math.inf).astype(kind)  # V x E x S
    high = sp.level >= IMPORTANT
    if high.any():
        important = score if high.all() else _coverage(sp, editions, raises, np.where(high, weights, 0).astype(kind))[0]
        met = pool & (block == 0)
        best = np.where(met, np.round(important, 6), -1.0).max(axis=(2, 3), keepdims=True)
        barred = np.where(met & (np.round(important, 6) < best), math.inf, barred).astype(kind)
    fit = np.round(score, 9) if exact else score
    key = np.where(
        block == 0,
        (cost_rank * 2 + 1 + barred) - fit,
        block.astype(kind) * 1e4 + (2 + cost_rank * kind.type(1e-7) + barred) - 2 * fit,
    ).reshape(n_d, n_v, -1)
    chosen = key.argmin(axis=2)  # D x V
    at = chosen[..., None]
    return (
        chosen,
        np.take_along_axis(score.reshape(n_d, n_v, -1), at, axis=2)[..., 0],
        np.take_along_axis(block.reshape(n_d, n_v, -1), at, axis=2)[..., 0],
    )


def _coverage(sp: Space, editions: Reals, raises: Reals, weights: Reals) -> tuple[Reals, Ints]:
    """Per draw, vendor, edition and add-on set (D x V x E x S): the weighted coverage of the needs
    (0..1, capped at each need) and the number of must-haves below their floor."""
    n_v = editions.shape[1]
    n_s = sp.bits.shape[0]
    kind = editions.dtype  # float32 in the draws: half the memory traffic
    level, floors = sp.level.astype(kind), sp.floor.astype(kind)
    total = weights.sum(axis=1)[:, None, None]  # D x 1 x 1
    unit = weights / np.where(level > 0, level, 1.0)  # D x C: weight of one level of coverage
    must = sp.floor >= 0
    base_score = np.einsum("dvec,dc->dve", np.minimum(editions, level), unit)
    base_block = ((editions < floors) & must).sum(axis=3)  # D x V x E
    score = np.broadcast_to(base_score[..., None], (*base_score.shape, n_s)).copy()  # D x V x E x S
    block = np.broadcast_to(base_block[..., None], score.shape).astype(np.int64)
    single, single_ok, multi, multi_ok = _raised_columns(sp.raises)
    ed_t = editions.transpose(1, 3, 0, 2)  # V x C x D x E
    unit_t = unit.T  # C x D
    if single.size:
        # a capability one add-on alone raises: its lift adds up, set by set (a product with the sets' bits)
        vi, ai = np.arange(n_v)[:, None, None], np.arange(single.shape[1])[None, :, None]
        base = ed_t[vi, single]  # V x A x K x D x E
        lifted = raises.transpose(1, 2, 3, 0)[vi, ai, single][..., None]  # V x A x K x D x 1
        cap, floor = level[single][..., None, None], floors[single][..., None, None]
        ok = single_ok[..., None, None]
        gain = ok * unit_t[single][..., None] * (np.minimum(np.maximum(base, lifted), cap) - np.minimum(base, cap))
        fixes = ok & must[single][..., None, None] & (base < floor) & (lifted >= floor)
        bits = sp.bits.T.astype(kind)  # A x S
        score += gain.sum(axis=2).transpose(2, 0, 3, 1) @ bits  # D x V x E x A @ A x S
        block -= (fixes.sum(axis=2).transpose(2, 0, 3, 1) @ bits).astype(np.int64)
    some = np.flatnonzero(multi_ok.any(axis=1))  # the vendors with such capabilities
    if some.size:
        # a capability several add-ons raise: the highest of those in the set
        multi, multi_ok, vm = multi[some], multi_ok[some], some[:, None]
        base = ed_t[vm, multi][..., None]  # V' x M x D x E x 1
        lifted = raises.transpose(1, 3, 0, 2)[vm, multi]  # V' x M x D x A
        best = np.zeros((*lifted.shape[:3], n_s), dtype=kind)
        for a in range(lifted.shape[3]):
            best = np.where(sp.bits[:, a], np.maximum(best, lifted[..., a, None]), best)
        with_add_ons = np.maximum(base, best[:, :, :, None, :])  # V x M x D x E x S
        cap, floor = level[multi][..., None, None, None], floors[multi][..., None, None, None]
        ok = multi_ok[..., None, None, None]
        lift = ok * (np.minimum(with_add_ons, cap) - np.minimum(base, cap)) * unit_t[multi][..., None, None]
        fixes = ok & must[multi][..., None, None, None] & (base < floor) & (with_add_ons >= floor)
        score[:, some] += lift.sum(axis=1).transpose(1, 0, 2, 3)
        block[:, some] -= fixes.sum(axis=1).transpose(1, 0, 2, 3)
    score /= np.where(total > 0, total, 1)[..., None]
    if (total <= 0).any():  # nothing needed: every configuration fits fully
        score[(total <= 0)[:, 0, 0]] = 1.0
    return score, block


def _raised_columns(raises: Floats) -> tuple[Ints, Bools, Ints, Bools]:
    """Which capabilities each vendor's add-ons raise: per add-on those it alone raises (V x A x K),
    and per vendor those several raise (V x M), each padded with a mask of the real entries."""
    raisers = (raises > 0).sum(axis=1)  # V x C
    alone = (raises > 0) & (raisers[:, None, :] == 1)  # V x A x C
    multi_mask = raisers > 1  # V x C
    n_k = int(alone.sum(axis=2).max(initial=0))
    n_m = int(multi_mask.sum(axis=1).max(initial=0))
    # stable argsort puts the True columns first, in capability order
    single = np.argsort(~alone, axis=2, kind="stable")[..., :n_k]
    single_ok = np.take_along_axis(alone, single, axis=2)
    multi = np.argsort(~multi_mask, axis=1, kind="stable")[:, :n_m]
    multi_ok = np.take_along_axis(multi_mask, multi, axis=1)
    return single, single_ok, multi, multi_ok


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
    weights = (sp.level**2)[None]
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
