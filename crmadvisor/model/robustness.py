"""How sure the ranking is: seeded Monte Carlo, the smallest importance change that flips the
winner, and TOPSIS as a second method. Bounds and thresholds: docs/methodology.md, "Robustness".

numpy is imported here only, and this module only by the commands that rank.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from crmadvisor.model import configurations
from crmadvisor.model.choice import choose, undominated
from crmadvisor.model.fit import MAJOR_FROM, MUST_HAVE_MET, WEIGHT_POWER, Fit, market_gaps
from crmadvisor.model.needs import Need
from crmadvisor.model.schema import DONT_KNOW, Answers, Constraints, FeatureAreasFile, RatesFile, Vendor

DRAWS = 2000
SEED = 20261122
WEIGHT_SPREAD = 0.25  # each need's weight is multiplied by a factor drawn in [0.75, 1.25]
RATING_SLIP = 0.15  # each rating moves one level down, or up, with this probability each
CLEAR_SHARE = 0.6  # the leader must come first in at least this share of draws...
CLOSE_MARGIN = 0.02  # ...and lead the second by at least this much fit, or there is no clear winner
MAX_FLIP_STEPS = 2  # the flip search tries changes of one or two importance levels: plausible second thoughts

if TYPE_CHECKING:
    from crmadvisor.model.choice import Space

Matrix = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class VendorOdds:
    vendor: str
    first_share: float  # share of draws in which it ranks first
    rank_low: int  # 5th percentile of its rank (1 = first)
    rank_high: int  # 95th percentile


@dataclass(frozen=True, slots=True)
class Flip:
    area: str
    from_level: str
    to_level: str
    steps: int  # how many importance levels away
    winner: str  # who would lead then


@dataclass(frozen=True, slots=True)
class Robustness:
    draws: int
    seed: int
    odds: tuple[VendorOdds, ...]  # in base-ranking order, vendors in the race only
    leader: str | None
    runner_up: str | None
    margin: float  # leader's fit minus the runner-up's
    clear_winner: bool
    flip: Flip | None  # the smallest change of one area's importance that changes the winner

    def odds_of(self, vendor: str) -> VendorOdds | None:
        return next((o for o in self.odds if o.vendor == vendor), None)


def _in_race(fits: Sequence[Fit]) -> list[Fit]:
    return [f for f in fits if not f.excluded]


def monte_carlo(
    needs: Sequence[Need], fits: Sequence[Fit], vendors: Sequence[Vendor], *, draws: int = DRAWS, seed: int = SEED
) -> tuple[VendorOdds, ...]:
    """Per vendor in the race: share of perturbed draws it ranks first, and its 5-95 % rank range."""
    race = _in_race(fits)
    if not race:
        return ()
    by_id = {v.id: v for v in vendors}
    active = [n for n in needs if n.level > 0]
    if not active:  # nothing is needed: every vendor ties
        return tuple(VendorOdds(f.vendor, 1 / len(race), 1, len(race)) for f in race)
    level = np.array([n.level for n in active], dtype=float)
    must = np.array([n.must_have for n in active], dtype=bool)
    ratings = np.array(
        [
            [
                by_id[f.vendor].ratings[n.capability].at() if n.capability in by_id[f.vendor].ratings else 0
                for n in active
            ]
            for f in race
        ],
        dtype=float,
    )
    rng = np.random.default_rng(seed)
    weights = level**WEIGHT_POWER * rng.uniform(1 - WEIGHT_SPREAD, 1 + WEIGHT_SPREAD, size=(draws, len(active)))
    slip = rng.choice(
        np.array([-1.0, 0.0, 1.0]), size=(draws, *ratings.shape), p=[RATING_SLIP, 1 - 2 * RATING_SLIP, RATING_SLIP]
    )
    drawn = np.clip(ratings[None, :, :] + slip, 0, 5)
    coverage = np.minimum(drawn, level) / level
    scores = (coverage * weights[:, None, :]).sum(axis=2) / weights.sum(axis=1)[:, None]
    short = drawn < np.minimum(level, MUST_HAVE_MET)
    # as in rank(): a must-have no vendor of the draw meets blocks nobody in that draw
    met_somewhere = (~short).any(axis=1)
    blocking = (short & (must[None, :] & met_somewhere)[:, None, :]).sum(axis=2)
    # fewer blocking gaps first, then higher fit; exact ties within a draw go either way at random,
    # so that vendors tied on every draw share the first places instead of the alphabet deciding
    key = blocking * 10.0 + (1.0 - np.round(scores, 9)) + rng.random(scores.shape) * 1e-12
    order = np.argsort(key, axis=1, kind="stable")
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(len(race))[None, :].repeat(draws, axis=0), axis=1)
    first = (ranks == 0).mean(axis=0)
    low = np.percentile(ranks, 5, axis=0, method="lower") + 1
    high = np.percentile(ranks, 95, axis=0, method="higher") + 1
    return tuple(VendorOdds(f.vendor, float(first[i]), int(low[i]), int(high[i])) for i, f in enumerate(race))


def importance_flip(
    needs_for: Callable[[Answers], Sequence[Need]],
    leaders_for: Callable[[Sequence[Sequence[Need]]], Sequence[str | None]],
    answers: Answers,
    areas: FeatureAreasFile,
    fits: Sequence[Fit],
) -> Flip | None:
    """The one-area importance change of one or two levels, fewest first, that puts another vendor first.

    `needs_for` derives the needs from changed answers exactly as the assessment did (loyalty
    raises included), and `leaders_for` ranks under each set of them as the assessment does, each
    vendor's configuration chosen again (`rerun_leader`): a flip reported is the winner a rerun
    with that change would give. A change of three levels (critical to not needed) is not a second
    thought but another company: not tried. An area the client did not know how to rate counts from
    the level the profile suggested.
    """
    race = _in_race(fits)
    if len(race) < 2:
        return None
    base = race[0].vendor
    level_ids = [lvl.id for lvl in areas.importance_levels]
    applied = {n.area: n.importance for n in needs_for(answers)}
    tried: list[Flip] = []  # winner: not known yet
    needs: list[Sequence[Need]] = []
    for area in areas.areas:
        current = answers.importance.get(area.id, DONT_KNOW)
        here = level_ids.index(applied[area.id]) if applied.get(area.id) in level_ids else None
        for index, other in enumerate(level_ids):
            steps = abs(index - here) if here is not None else 1
            if other == current or steps == 0 or steps > MAX_FLIP_STEPS:
                continue
            changed = answers.model_copy(update={"importance": {**answers.importance, area.id: other}})
            tried.append(Flip(area.id, current, other, steps, ""))
            needs.append(needs_for(changed))
    candidates = [
        dataclasses.replace(flip, winner=leader)
        for flip, leader in zip(tried, leaders_for(needs), strict=True)
        if leader is not None and leader != base
    ]
    if not candidates:
        return None
    order = {a.id: i for i, a in enumerate(areas.areas)}
    return min(candidates, key=lambda f: (f.steps, order[f.area], level_ids.index(f.to_level)))


def leader_index(needs: Sequence[Need], ratings: Matrix, names: Sequence[tuple[str, str]]) -> int:
    """Who ranks first under these needs: the fit and tie-break of `crmadvisor.model.fit.rank`, vectorised.

    `ratings` has a row per vendor and a column per need; `names` the vendors' (folded name, id)."""
    level = np.array([n.level for n in needs], dtype=float)
    must = np.array([n.must_have for n in needs], dtype=bool)
    total = (level**WEIGHT_POWER).sum()
    scores = (
        (level ** (WEIGHT_POWER - 1) * np.minimum(ratings, level)).sum(axis=1) / total if total else np.ones(len(names))
    )
    short = ratings < level
    below = ratings < np.minimum(level, MUST_HAVE_MET)
    # as in rank(): a must-have no vendor in the race meets blocks nobody
    blocking = short & must & ~below.all(axis=0) & below
    major = (short & ~blocking & (level - ratings >= MAJOR_FROM)).sum(axis=1)
    minor = (short & ~blocking & (level - ratings < MAJOR_FROM)).sum(axis=1)
    n_blocking = blocking.sum(axis=1)
    keys = [
        (int(n_blocking[i]), -round(float(scores[i]), 9), int(major[i]), int(minor[i]), *names[i], i)
        for i in range(len(names))
    ]
    return min(keys)[-1]


def rerun_leader(
    vendors: Sequence[Vendor], constraints: Constraints | None, rates: RatesFile | None
) -> Callable[[Sequence[Sequence[Need]]], list[int | None]]:
    """Who would rank first under each of several sets of needs: each vendor's configuration chosen
    again by the rule, the budget applied again, then the ranking's order (`leader_index`). Returns,
    per set, the index in `vendors` (the race, in any order), None when the budget excludes them all.

    The flip search calls it once with every importance change it tries: the sets of needs that
    share their capabilities are chosen in one call of `choose`, a set to a draw (only the need levels
    and must-haves differ), and the configurations of a set of capabilities are built once and kept."""
    budget = configurations.has_budget(constraints)
    names = [(v.name.casefold(), v.id) for v in vendors]
    # One space for every capability: a capability the needs do not call for has level 0 and weighs
    # nothing, so the choice is the one a space of the needed capabilities makes, as long as no
    # vendor has more add-ons than are considered (else one space per needed set).
    whole = all(len(v.add_ons) <= configurations.MAX_ADD_ONS for v in vendors)
    built: dict[tuple[str, ...], Space] = {}

    def leaders(tried: Sequence[Sequence[Need]]) -> list[int | None]:
        found: list[int | None] = [None] * len(tried)
        groups: dict[tuple[str, ...], list[tuple[int, list[Need]]]] = {}
        for i, needs in enumerate(tried):
            gaps = {g.capability for g in market_gaps(needs, vendors, constraints)}
            met = [dataclasses.replace(n, must_have=False) if n.capability in gaps else n for n in needs]
            if whole:
                key = tuple(n.capability for n in met)
                if key not in built:
                    every = [dataclasses.replace(n, level=max(n.level, 1)) for n in met]
                    built[key] = configurations.space(every, vendors, constraints, rates)
            else:
                met = [n for n in met if n.level > 0]
                key = tuple(n.capability for n in met)
                if key not in built:
                    built[key] = configurations.space(met, vendors, constraints, rates)
            groups.setdefault(key, []).append((i, met))
        for key, members in groups.items():
            level = np.array([[n.level for n in met] for _, met in members], dtype=float).reshape(len(members), -1)
            floor = np.array(
                [[min(n.level, MUST_HAVE_MET) if n.must_have else -1 for n in met] for _, met in members], dtype=float
            ).reshape(len(members), -1)
            sp = dataclasses.replace(built[key], valid=undominated(built[key], level, floor))  # the same choices
            pools, over = configurations.budget_pools(sp, budget, level, floor)
            weights = level**WEIGHT_POWER
            chosen, _, _ = choose(sp, sp.editions[None], sp.raises[None], weights, pools, level=level, floor=floor)
            for d, (i, met) in enumerate(members):
                keep = np.flatnonzero(~over[d])
                if not keep.size:
                    continue
                e, s = np.divmod(chosen[d, keep], sp.bits.shape[0])
                lifted = (sp.raises[keep] * sp.bits[s][:, :, None]).max(axis=1, initial=0)  # vendors x capabilities
                ratings = np.maximum(sp.editions[keep, e], lifted)
                found[i] = int(keep[leader_index(met, ratings, [names[v] for v in keep])])
        return found

    return leaders


def robustness(
    needs_for: Callable[[Answers], Sequence[Need]],
    answers: Answers,
    areas: FeatureAreasFile,
    needs: Sequence[Need],
    fits: Sequence[Fit],
    vendors: Sequence[Vendor],
    leaders_for: Callable[[Sequence[Sequence[Need]]], Sequence[str | None]],
    *,
    draws: int = DRAWS,
    seed: int = SEED,
    space: Space | None = None,
) -> Robustness:
    race = _in_race(fits)
    if space is not None:  # each draw chooses each vendor's configuration again (configuration_draws.py)
        from crmadvisor.model.configuration_draws import draw_odds

        odds = draw_odds(space, [f.vendor for f in race], draws=draws, seed=seed)
    else:
        odds = monte_carlo(needs, fits, vendors, draws=draws, seed=seed)
    leader = race[0].vendor if race else None
    runner_up = race[1].vendor if len(race) > 1 else None
    margin = race[0].score - race[1].score if len(race) > 1 else 1.0
    share = odds[0].first_share if odds else 0.0
    clear = leader is not None and (runner_up is None or (share >= CLEAR_SHARE and margin >= CLOSE_MARGIN))
    flip = importance_flip(needs_for, leaders_for, answers, areas, fits)
    return Robustness(draws, seed, odds, leader, runner_up, margin, clear, flip)


# ------------------------------------------------------------------ TOPSIS


def topsis(matrix: Matrix, weights: Matrix) -> Matrix:
    """Closeness to the ideal (0..1) of each row; columns are benefit criteria.

    Vector normalisation, weighted; a column where every value is 0 contributes nothing, and
    when every row is equal (ideal = anti-ideal) every closeness is 1.
    """
    norms = np.sqrt((matrix**2).sum(axis=0))
    safe = np.where(norms > 0, norms, 1.0)
    weighted = matrix / safe * weights
    ideal = weighted.max(axis=0)
    worst = weighted.min(axis=0)
    to_ideal = np.sqrt(((weighted - ideal) ** 2).sum(axis=1))
    to_worst = np.sqrt(((weighted - worst) ** 2).sum(axis=1))
    total = to_ideal + to_worst
    result: Matrix = np.where(total > 0, to_worst / np.where(total > 0, total, 1.0), 1.0)
    return result


@dataclass(frozen=True, slots=True)
class TopsisResult:
    closeness: tuple[tuple[str, float], ...]  # best first
    disagreements: tuple[tuple[str, int, int], ...]  # vendor, fit rank, TOPSIS rank (top five only)
    same_winner: bool


def topsis_cross_check(needs: Sequence[Need], fits: Sequence[Fit], vendors: Sequence[Vendor]) -> TopsisResult:
    """TOPSIS on ratings capped at the need, weighted like the fit (need cubed), for the vendors in the race."""
    race = _in_race(fits)
    active = [n for n in needs if n.level > 0]
    if not race or not active:
        return TopsisResult(tuple((f.vendor, 1.0) for f in race), (), True)
    by_id = {v.id: v for v in vendors}
    level = np.array([n.level for n in active], dtype=float)
    matrix = np.array(
        [
            [
                min(by_id[f.vendor].ratings[n.capability].at(), n.level)
                if n.capability in by_id[f.vendor].ratings
                else 0
                for n in active
            ]
            for f in race
        ],
        dtype=float,
    )
    closeness = topsis(matrix, level**WEIGHT_POWER / (level**WEIGHT_POWER).sum())
    order = sorted(range(len(race)), key=lambda i: (-round(float(closeness[i]), 9), i))
    topsis_rank = {race[i].vendor: r + 1 for r, i in enumerate(order)}
    disagreements = tuple(
        (f.vendor, i + 1, topsis_rank[f.vendor])
        for i, f in enumerate(race)
        if (i < 5 or topsis_rank[f.vendor] <= 5) and topsis_rank[f.vendor] != i + 1
    )
    return TopsisResult(
        tuple((race[i].vendor, float(closeness[i])) for i in order),
        disagreements,
        race[order[0]].vendor == race[0].vendor,
    )
