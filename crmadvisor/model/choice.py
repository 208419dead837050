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

from crmadvisor.model.schema import AddOn, Vendor

IMPORTANT = 4  # a need of 4 or 5 (an area answered important or critical) justifies its cost; the tool's own threshold

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
    cost_rank: Floats  # V x E x S: the cost's dense rank within the vendor (0 = cheapest; on quote last)
    currency: str
    users: int


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
    pair_lifts: Ints  # P x J: where the ratings of the set's add-ons that raise it are in the raises array,
    # flattened per draw; padded with one past the end (a column of zeros)
    lifted: Ints  # the configurations with at least one pair
    first_pair: Ints  # per such configuration, its first pair


def _flat(sp: Space) -> _Flat:
    vendor, edition, subset = (a.astype(np.int64) for a in np.nonzero(sp.valid))
    starts = np.searchsorted(vendor, np.arange(len(sp.vendors))).astype(np.int64)
    raising = (sp.raises[vendor] > 0) & sp.bits[subset][:, :, None]  # K x A x C
    pair_config, pair_cap = (a.astype(np.int64) for a in np.nonzero(raising.any(axis=1)))
    _, n_e, n_c = sp.editions.shape
    n_a = sp.raises.shape[1]
    pv = vendor[pair_config]
    pair_rating = (pv * n_e + edition[pair_config]) * n_c + pair_cap
    held = raising[pair_config, :, pair_cap]  # P x A
    slot = np.argsort(~held, axis=1, kind="stable")[:, : int(held.sum(axis=1).max(initial=0))]  # held first
    beyond = sp.raises.size  # the column of zeros appended after the flattened raises
    pair_lifts = np.where(
        np.take_along_axis(held, slot, axis=1), (pv[:, None] * n_a + slot) * n_c + pair_cap[:, None], beyond
    )
    lifted, first_pair = np.unique(pair_config, return_index=True)
    return _Flat(
        vendor,
        edition,
        subset,
        starts,
        pair_config,
        pair_cap,
        pair_rating,
        pair_lifts.astype(np.int64),
        lifted.astype(np.int64),
        first_pair.astype(np.int64),
    )


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
    if n_v == 0:
        empty = np.zeros((n_d, 0), dtype=np.int64)
        return empty, np.zeros((n_d, 0), dtype=editions.dtype), empty
    flat = _flat(sp)
    kind = editions.dtype  # float32 in the draws: half the memory traffic
    high = sp.level >= IMPORTANT
    score, block, important = _coverage(sp, flat, editions, raises, weights, high)
    # The important needs decide before the cost: paying for an edition or add-on that serves a
    # need of 4 or 5 is part of the recommendation, not an upgrade left to the reader.
    in_pool = pool[flat.vendor, flat.edition, flat.subset]  # K
    barred = np.where(in_pool, 0.0, math.inf).astype(kind)[None, :]  # 1 x K
    if important is not None:
        met = in_pool[None, :] & (block == 0)
        rounded = np.round(important, 6)
        best = np.maximum.reduceat(np.where(met, rounded, -1.0), flat.starts, axis=1)  # D x V
        barred = np.where(met & (rounded < best[:, flat.vendor]), math.inf, barred).astype(kind)
    cost_rank = sp.cost_rank[flat.vendor, flat.edition, flat.subset].astype(kind)[None, :]
    fit = np.round(score, 9) if exact else score
    key = np.where(
        block == 0,
        (cost_rank * 2 + 1 + barred) - fit,
        block.astype(kind) * 1e4 + (2 + cost_rank * kind.type(1e-7) + barred) - 2 * fit,
    )  # D x K, lowest chosen
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
    sp: Space, flat: _Flat, editions: Reals, raises: Reals, weights: Reals, high: Bools
) -> tuple[Reals, Ints, Reals | None]:
    """Per draw and configuration (D x K): the weighted coverage of the needs (0..1, capped at each
    need), the number of must-haves below their floor, and the coverage of the important needs alone
    (None when no need, or every need, is important: then it ranks as the coverage does)."""
    kind = editions.dtype
    level, floors = sp.level.astype(kind), sp.floor.astype(kind)
    must = sp.floor >= 0
    total = weights.sum(axis=1)  # D
    unit = weights / np.where(level > 0, level, 1.0)  # D x C: weight of one level of coverage
    # each edition once (D x V x E), then gathered per configuration (D x K)
    n_d, n_v, n_e, n_c = editions.shape
    capped = np.minimum(editions, level).reshape(n_d, n_v * n_e, n_c)
    at = flat.vendor * n_e + flat.edition
    score = (capped @ unit[:, :, None])[:, at, 0]
    block = ((editions < floors) & must).sum(axis=3).reshape(n_d, -1)[:, at]
    partial = 0 < high.sum() < high.size
    important = None
    if partial:
        important = (capped @ np.where(high, unit, 0)[:, :, None])[:, at, 0]
    if flat.pair_config.size:
        # what the set's add-ons lift, pair by pair, summed per configuration
        pc = flat.pair_cap
        n_d = editions.shape[0]
        was = editions.reshape(n_d, -1).take(flat.pair_rating, axis=1)  # D x P
        lifts = np.concatenate([raises.reshape(n_d, -1), np.zeros((n_d, 1), dtype=kind)], axis=1)
        now = was
        for j in range(flat.pair_lifts.shape[1]):
            now = np.maximum(now, lifts.take(flat.pair_lifts[:, j], axis=1))
        gain = np.minimum(now, level[pc]) - np.minimum(was, level[pc])  # D x P
        score[:, flat.lifted] += _per_configuration(gain * unit[:, pc], flat)
        if important is not None:
            important[:, flat.lifted] += _per_configuration(gain * np.where(high, unit, 0)[:, pc], flat)
        fixes = must[pc] & (was < floors[pc]) & (now >= floors[pc])
        block[:, flat.lifted] -= _per_configuration(fixes.astype(kind), flat).astype(block.dtype)
    result = score / np.where(total > 0, total, 1)[:, None]
    if (total <= 0).any():  # nothing needed: every configuration fits fully
        result[total <= 0] = 1.0
    return result, block.astype(np.int64), important


def _per_configuration(values: Reals, flat: _Flat) -> Reals:
    """D x P values summed per configuration with pairs (D x K')."""
    summed: Reals = np.add.reduceat(values, flat.first_pair, axis=1)
    return summed
