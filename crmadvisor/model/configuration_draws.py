"""Robustness over configurations: ratings perturbed per edition and per add-on, the configuration
chosen again inside each draw by the rule of `crmadvisor.model.configurations.choose`.

Bounds and distributions: those of `crmadvisor.model.robustness` (docs/methodology.md, "Robustness").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from crmadvisor.model.choice import Space, choose, undominated
from crmadvisor.model.fit import WEIGHT_POWER
from crmadvisor.model.robustness import RATING_SLIP, WEIGHT_SPREAD, VendorOdds

CHUNK = 250  # draws computed at once: bounds memory at about 50 MB for 50 vendors x 5 editions x 4 add-ons


def draw_odds(sp: Space, race: Sequence[str], *, draws: int, seed: int) -> tuple[VendorOdds, ...]:
    """Per vendor in the race (in that order): share of draws it ranks first, and its 5-95 % rank range."""
    if not race:
        return ()
    index = {v.id: i for i, v in enumerate(sp.vendors)}
    rows = np.array([index[r] for r in race])
    n = len(race)
    if not sp.capabilities:  # nothing is needed: every vendor ties
        return tuple(VendorOdds(r, 1 / n, 1, n) for r in race)
    sp = dataclasses.replace(
        sp,
        vendors=tuple(sp.vendors[i] for i in rows),
        editions=sp.editions[rows],
        raises=sp.raises[rows],
        slots=tuple(sp.slots[i] for i in rows),
        valid=sp.valid[rows],
        cost=sp.cost[rows],
        pool=sp.pool[rows],
        price=sp.price[rows],
    )
    sp = dataclasses.replace(sp, valid=undominated(sp, sp.level, sp.floor))  # the same choices, fewer to compare
    editions, raises, pool = sp.editions.astype(np.float32), sp.raises.astype(np.float32), sp.pool
    # only the real cells are perturbed: the editions a vendor has, the capabilities an add-on raises
    real_v, real_e = np.nonzero(editions[..., 0] >= 0)
    real_editions = editions[real_v, real_e]  # R x C
    real = real_v * editions.shape[1] + real_e  # where they are among the V x E editions
    lift_v, lift_a, lift_c = np.nonzero(raises > 0)
    lifts = raises[lift_v, lift_a, lift_c]  # Q
    rng = np.random.default_rng(seed)
    ranks = np.empty((draws, n), dtype=np.int64)
    for start in range(0, draws, CHUNK):
        d = min(CHUNK, draws - start)
        spread = rng.uniform(1 - WEIGHT_SPREAD, 1 + WEIGHT_SPREAD, size=(d, sp.level.size))
        weights = (sp.level**WEIGHT_POWER * spread).astype(np.float32)
        drawn = np.full((d, editions.shape[0] * editions.shape[1], editions.shape[2]), -1, dtype=np.float32)
        drawn[:, real] = np.clip(real_editions + _slips(rng, (d, *real_editions.shape)), 0, 5)
        drawn = drawn.reshape(d, *editions.shape)
        drawn_raises = np.zeros((d, *raises.shape), dtype=np.float32)
        drawn_raises[:, lift_v, lift_a, lift_c] = np.clip(lifts + _slips(rng, (d, lifts.size)), 0, 5)
        _, score, block = choose(sp, drawn, drawn_raises, weights, pool, exact=False)
        # fewer blocking gaps first, then higher fit; exact ties go either way at random (robustness.py)
        key = block * 10.0 + (1.0 - np.round(score, 9)) + rng.random(score.shape) * 1e-12
        order = np.argsort(key, axis=1, kind="stable")
        chunk = np.empty_like(order)
        np.put_along_axis(chunk, order, np.arange(n)[None, :].repeat(d, axis=0), axis=1)
        ranks[start : start + d] = chunk
    first = (ranks == 0).mean(axis=0)
    low = np.percentile(ranks, 5, axis=0, method="lower") + 1
    high = np.percentile(ranks, 95, axis=0, method="higher") + 1
    return tuple(VendorOdds(r, float(first[i]), int(low[i]), int(high[i])) for i, r in enumerate(race))


def _slips(rng: np.random.Generator, shape: tuple[int, ...]) -> npt.NDArray[np.float32]:
    """-1, 0 or +1 levels, down and up each with probability RATING_SLIP."""
    u = rng.random(shape, dtype=np.float32)
    result: npt.NDArray[np.float32] = (u > 1 - RATING_SLIP).astype(np.float32) - (u < RATING_SLIP)
    return result
