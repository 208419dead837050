"""The configurations of every vendor as arrays, and the rule that chooses one per vendor.

One vectorised function (`choose`) serves the ranking (one draw, ratings as written) and the
robustness draws (ratings perturbed per edition and per add-on), so both choose by the same rule
(docs/vendor-format.md, "How the advisor uses editions").

The arrays are padded (V vendors x E editions x S add-on sets), but most cells are not real
configurations: a catalogue vendor has one to five editions and zero to six add-ons. The rule
therefore works on the flat list of the K real configurations, and on the P (configuration,
capability) pairs where an add-on of the set raises the capability: a configuration's coverage is its
edition's, plus what its add-ons lift.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from crmadvisor.model.fit import WEIGHT_POWER
from crmadvisor.model.schema import AddOn, Vendor

# The price of coverage, the tool's own judgement (docs/vendor-format.md, "How the advisor uses
# editions"). What an edition or add-on adds is counted in levels of the important needs: one level
# of a need of 4 counts 1, of a need of 5 (4/5)**-(WEIGHT_POWER - 1) = 1.56, as the fit weighs them.
# A dearer configuration must add LEVELS_PER_DOUBLING levels for each doubling of the licence cost:
# two levels (one important capability from 2/5 to 4/5) to double it, 6.6 levels for ten times it.
LEVELS_PER_DOUBLING = 2.0
# Costs are compared as (cost + a nominal licence): a free edition against a paid one is then a
# finite ratio. 10 EUR per user per month, the order of an entry-level paid CRM seat.
NOMINAL_PER_USER_MONTH_EUR = 10.0
# A part sold on quote weighs as if it doubled the configuration's cost: it must earn its place
# (two levels) before the tool recommends asking for it.
QUOTE_FACTOR = 2.0
IMPORTANT = 4  # the needs that pay for an edition or an add-on: 4 or 5 (areas answered important or critical)
TIE = 1e-3  # the whole fit, weighed lightly, decides between configurations the important needs value alike

Floats = npt.NDArray[np.float64]
Reals = npt.NDArray[np.floating[Any]]  # float64, or float32 in the draws
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]


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
    price: Floats  # V x E x S: what the cost weighs against fit (`price_weight`)
    currency: str
    users: int


def price_weight(known: Floats, unpriced: Floats, nominal: float) -> Floats:
    """What a configuration's cost weighs, in levels of the important needs: LEVELS_PER_DOUBLING x
    log2(cost + nominal), each part on quote counted as doubling the cost. `known` is the yearly cost
    of the priced parts, `unpriced` the number of parts on quote, `nominal` the nominal licence for
    the users, a year."""
    doublings = np.log2((known + nominal) / nominal) + unpriced * math.log2(QUOTE_FACTOR)
    weight: Floats = LEVELS_PER_DOUBLING * doublings
    return weight


@dataclass(frozen=True, slots=True)
class _Flat:
    """The real configurations (K, in vendor, edition, set order) and the pairs where an add-on lifts."""

    vendor: Ints  # K
    edition: Ints  # K
    subset: Ints  # K
    starts: Ints  # V: each vendor's first configuration
    pair_config: Ints  # P, in configuration order
    pair_cap: Ints  # P
    pair_rating: Ints  # P: where the pair's edition rating is in the editions array, flattened per draw
    lifts: tuple[tuple[Ints, Ints], ...]  # per j-th add-on of a pair's set that raises it: the pairs
    # that have a j-th (rows) and where its rating is in the raises array, flattened per draw
    lifted: Ints  # the configurations that have pairs, and where their first pair is (np.add.reduceat)
    first_pair: Ints


_FLATS: list[tuple[Bools, Floats, _Flat]] = []  # the last few spaces' flat lists, by array identity
_KEEP = 4


def _flat(sp: Space) -> _Flat:
    """The flat list of `sp`'s configurations; kept for the same arrays, as the flip search chooses
    again and again on one space with other need levels."""
    for valid, raises, found in _FLATS:
        if valid is sp.valid and raises is sp.raises:
            return found
    found = _flatten(sp)
    _FLATS.insert(0, (sp.valid, sp.raises, found))
    del _FLATS[_KEEP:]
    return found


def _flatten(sp: Space) -> _Flat:
    vendor, edition, subset = (a.astype(np.int64) for a in np.nonzero(sp.valid))
    starts = np.searchsorted(vendor, np.arange(len(sp.vendors))).astype(np.int64)
    raising = (sp.raises[vendor] > 0) & sp.bits[subset][:, :, None]  # K x A x C
    pair_config, pair_cap = (a.astype(np.int64) for a in np.nonzero(raising.any(axis=1)))
    _, n_e, n_c = sp.editions.shape
    n_a = sp.raises.shape[1]
    pv = vendor[pair_config]
    pair_rating = (pv * n_e + edition[pair_config]) * n_c + pair_cap
    held = raising[pair_config, :, pair_cap]  # P x A
    slot = np.argsort(~held, axis=1, kind="stable")  # the held add-ons first
    lifts = []
    for j in range(int(held.sum(axis=1).max(initial=0))):
        rows = np.flatnonzero(held[np.arange(held.shape[0]), slot[:, j]])
        lifts.append(
            (rows.astype(np.int64), ((pv[rows] * n_a + slot[rows, j]) * n_c + pair_cap[rows]).astype(np.int64))
        )
    lifted, first_pair = (a.astype(np.int64) for a in np.unique(pair_config, return_index=True))
    return _Flat(vendor, edition, subset, starts, pair_config, pair_cap, pair_rating, tuple(lifts), lifted, first_pair)


def undominated(sp: Space, level: Floats, floor: Floats) -> Bools:
    """The valid configurations (V x E x S) less those the rule never chooses, whatever the draw.

    A set with an add-on that raises no important need and no must-have (in any row of `level` and
    `floor`, D x C or C) has the blocking gaps and the important levels of the same set without it,
    at a higher price: when the difference is more than the whole fit's tie-break can make up (TIE,
    doubled for float32), the smaller set always comes first, within the pool wherever the larger
    one is. Dropping such sets changes no choice; the draws and the flip search go 2 to 4 times
    fewer configurations (the catalogue's add-ons are mostly bought for one area).
    """
    counts = ((np.atleast_2d(level) >= IMPORTANT) | (np.atleast_2d(floor) >= 0)).any(axis=0)  # C
    idle: Bools = np.logical_not((sp.raises[:, :, counts] > 0).any(axis=2))  # V x A: raises nothing that pays
    keep: Bools = sp.valid.copy()
    for a in range(sp.bits.shape[1]):
        with_a = np.flatnonzero(sp.bits[:, a])
        without = with_a ^ (1 << a)
        dominated = (
            idle[:, a, None, None]
            & sp.valid[:, :, without]
            & (sp.pool[:, :, without] >= sp.pool[:, :, with_a])
            & (sp.price[:, :, with_a] - sp.price[:, :, without] > 2 * TIE)
        )
        keep[:, :, with_a] &= ~dominated
    return keep


def choose(
    sp: Space,
    editions: Reals,
    raises: Reals,
    weights: Reals,
    pool: Bools,
    *,
    exact: bool = True,
    level: Floats | None = None,
    floor: Floats | None = None,
) -> tuple[Ints, Reals, Ints]:
    """Per draw and vendor: the configuration chosen (flat index e * S + s), its fit and blocking gaps.

    `editions` D x V x E x C and `raises` D x V x A x C are the (perturbed) ratings, `weights` D x C;
    `editions` and `raises` may have one row for every draw (the ratings as written). A capability's
    rating in a configuration is the highest of its edition's and its add-ons'. `level` and `floor`
    (D x C) are the need levels and must-have floors of each draw when they differ from the space's
    (the flip search tries other importances at once), and then `pool` may be D x V x E x S.
    `exact` rounds the fits before comparing them, as rank() does (the draws, with random weights, skip it).

    The rule: the fewest blocking gaps (none when a configuration of the pool meets every
    must-have), then the highest coverage of the important needs once the cost is weighed
    (`price_weight`): a dearer configuration is chosen only when what it adds on the important
    needs is worth its extra cost; the whole fit then separates near ties.
    """
    n_d, n_v = weights.shape[0], editions.shape[1]
    if n_v == 0:
        empty = np.zeros((n_d, 0), dtype=np.int64)
        return empty, np.zeros((n_d, 0), dtype=editions.dtype), empty
    flat = _flat(sp)
    kind = editions.dtype  # float32 in the draws: half the memory traffic
    levels = np.atleast_2d(sp.level if level is None else level).astype(kind)  # 1 or D x C
    floors = np.atleast_2d(sp.floor if floor is None else floor).astype(kind)
    score, important, block = _coverage(flat, editions, raises, weights, levels, floors)
    important = important / kind.type(IMPORTANT ** (WEIGHT_POWER - 1))  # in levels of a need of 4
    in_pool = pool[..., flat.vendor, flat.edition, flat.subset]  # K, or D x K
    barred = np.where(in_pool, 0.0, math.inf)
    price = np.atleast_2d(sp.price[flat.vendor, flat.edition, flat.subset] + barred).astype(kind)  # 1 or D x K
    if exact:
        score, important = np.round(score, 9), np.round(important, 9)
    # Fewer blocking gaps always come first; then what the important needs gain, once the cost is
    # weighed (the needs of 1-3 do not pay for an edition or an add-on); then the whole fit.
    key = block.astype(kind) * 1e4 + price - important - kind.type(TIE) * score  # D x K, lowest chosen
    lowest = np.minimum.reduceat(key, flat.starts, axis=1)  # D x V
    index = np.arange(key.shape[1])
    at = np.minimum.reduceat(np.where(key == lowest[:, flat.vendor], index, key.shape[1]), flat.starts, axis=1)
    n_s = sp.bits.shape[0]
    return (
        flat.edition[at] * n_s + flat.subset[at],
        np.take_along_axis(score, at, axis=1),
        np.take_along_axis(block, at, axis=1),
    )


def _coverage(
    flat: _Flat, editions: Reals, raises: Reals, weights: Reals, level: Reals, floor: Reals
) -> tuple[Reals, Reals, Ints]:
    """Per draw and configuration (D x K): the weighted coverage of the needs (0..1, capped at each
    need), the weighted levels of the important needs (IMPORTANT or more) it covers, and the number
    of must-haves below their floor. `level` and `floor` are 1 x C (every draw's) or D x C; a floor
    of -1 is no must-have."""
    kind = editions.dtype
    n_d = weights.shape[0]
    _, n_v, n_e, n_c = editions.shape
    high = level >= IMPORTANT  # 1 or D x C
    total = weights.sum(axis=1)  # D
    unit = weights / np.where(level > 0, level, 1.0)  # D x C: weight of one level of coverage
    # each edition once (D x V x E), then gathered per configuration (D x K)
    capped = np.minimum(editions, level[:, None, None, :]).reshape(n_d, n_v * n_e, n_c)
    per_edition = capped @ np.stack([unit, unit * high], axis=2)  # D x VE x 2: all needs, important ones
    at = flat.vendor * n_e + flat.edition
    score, important = per_edition[:, at, 0], per_edition[:, at, 1]
    must = np.flatnonzero((floor >= 0).any(axis=0))  # a must-have in some draw (below -1: none)
    below = editions[..., must] < floor[:, None, None, must]
    block = np.broadcast_to(below.sum(axis=3), (n_d, n_v, n_e)).reshape(n_d, -1)[:, at]
    if flat.pair_config.size:
        # what the set's add-ons lift, pair by pair, summed per configuration
        pc = flat.pair_cap
        was = np.broadcast_to(editions, (n_d, n_v, n_e, n_c)).reshape(n_d, -1).take(flat.pair_rating, axis=1)
        drawn = np.broadcast_to(raises, (n_d, *raises.shape[1:])).reshape(n_d, -1)
        now = was
        for rows, where in flat.lifts:
            if rows.size == was.shape[1]:  # every pair has a first add-on: no indexing
                now = np.maximum(now, drawn.take(where, axis=1))
            else:
                now[:, rows] = np.maximum(now[:, rows], drawn.take(where, axis=1))
        cap = level[:, pc]
        gained = (np.minimum(now, cap) - np.minimum(was, cap)) * unit.take(pc, axis=1)  # D x P
        # each pair counts once in the coverage, and in the important levels when its need is important;
        # the pairs on a must-have may meet it
        lifted = flat.lifted
        score[:, lifted] += np.add.reduceat(gained, flat.first_pair, axis=1)
        important[:, lifted] += np.add.reduceat(gained * high[:, pc], flat.first_pair, axis=1)
        held = np.flatnonzero((floor[:, pc] >= 0).any(axis=0))
        if held.size:
            wanted = floor[:, pc[held]]
            met = (was[:, held] < wanted) & (now[:, held] >= wanted)
            counted, summed = _summed(met.astype(kind), flat.pair_config[held])
            block[:, counted] -= np.rint(summed).astype(block.dtype)
    score = score / np.where(total > 0, total, 1)[:, None]
    if (total <= 0).any():  # nothing needed: every configuration fits fully
        score[total <= 0] = 1.0
    return score, important, block.astype(np.int64)


def _summed(values: Reals, configs: Ints) -> tuple[Ints, Reals]:
    """D x N values of pairs (in configuration order) summed per configuration: which, and the sums."""
    lifted, first = np.unique(configs, return_index=True)
    summed: Reals = np.add.reduceat(values, first, axis=1)
    return lifted, summed
