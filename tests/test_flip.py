"""The winner-flip search re-ranks with a vectorised fit: it must agree with `rank()` exactly."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmadvisor.load.criteria import load_criteria
from crmadvisor.model.fit import rank
from crmadvisor.model.needs import needs_from
from crmadvisor.model.profile import profile_from
from crmadvisor.model.robustness import importance_flip, leader_index, rerun_leader
from crmadvisor.model.schema import Answers, Vendor

CRITERIA = load_criteria()
CAPABILITIES = CRITERIA.capability_ids()
LEVELS = [lvl.id for lvl in CRITERIA.feature_areas.importance_levels] + ["dont_know"]


def vendor(index: int, ratings: list[int], name: str) -> Vendor:
    return Vendor.model_validate(
        {
            "kind": "vendor",
            "id": f"v{index}",
            "name": name,
            "publisher": "p",
            "website": "https://example.com",
            "summary": "s",
            "orientation": "both",
            "company_sizes": ["small"],
            "languages": ["en"],
            "review_date": "2026-11-01",
            "reviewer": "r",
            "ratings": {c: {"rating": r, "evidence": "e"} for c, r in zip(CAPABILITIES, ratings, strict=True)},
        }
    )


answers_strategy = st.builds(
    lambda traits, importance: Answers(kind="answers", traits=traits, importance=importance),
    st.fixed_dictionaries(
        {t.id: st.sampled_from([o.id for o in t.options] + ["dont_know"]) for t in CRITERIA.traits.traits}
    ),
    st.fixed_dictionaries({a.id: st.sampled_from(LEVELS) for a in CRITERIA.feature_areas.areas}),
)
vendors_strategy = st.lists(
    st.tuples(
        st.lists(st.integers(0, 5), min_size=len(CAPABILITIES), max_size=len(CAPABILITIES)),
        st.sampled_from(["Alpha", "beta", "Gamma", "alpha"]),
    ),
    min_size=2,
    max_size=6,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers_strategy, vendors_strategy)
def test_vectorised_leader_is_the_leader_of_rank(answers: Answers, rows: list[tuple[list[int], str]]) -> None:
    vendors = [vendor(i, ratings, name) for i, (ratings, name) in enumerate(rows)]
    needs = needs_from(profile_from(answers, CRITERIA.traits), answers, CRITERIA.feature_areas)
    fits = rank(needs, vendors)
    matrix = np.array([[v.ratings[c].rating for c in CAPABILITIES] for v in vendors], dtype=float)
    names = [(v.name.casefold(), v.id) for v in vendors]
    assert vendors[leader_index(needs, matrix, names)].id == fits[0].vendor


@settings(max_examples=60, deadline=None)
@given(answers_strategy, vendors_strategy)
def test_a_reported_flip_really_changes_the_winner(answers: Answers, rows: list[tuple[list[int], str]]) -> None:
    vendors = [vendor(i, ratings, name) for i, (ratings, name) in enumerate(rows)]
    profile = profile_from(answers, CRITERIA.traits)
    fits = rank(needs_from(profile, answers, CRITERIA.feature_areas), vendors)
    leaders = rerun_leader(vendors, None, None)

    def leader_ids(tried):  # type: ignore[no-untyped-def]
        return [None if found is None else vendors[found].id for found in leaders(tried)]

    flip = importance_flip(
        lambda a: needs_from(profile, a, CRITERIA.feature_areas), leader_ids, answers, CRITERIA.feature_areas, fits
    )
    if flip is None:
        return
    changed = answers.model_copy(update={"importance": {**answers.importance, flip.area: flip.to_level}})
    new_leader = rank(needs_from(profile, changed, CRITERIA.feature_areas), vendors)[0].vendor
    assert new_leader == flip.winner != fits[0].vendor


@settings(max_examples=40, deadline=None)
@given(answers_strategy, vendors_strategy, st.lists(st.tuples(st.integers(0, 8), st.sampled_from(LEVELS)), max_size=4))
def test_the_leaders_of_several_sets_of_needs_at_once_are_each_sets_own(
    answers: Answers, rows: list[tuple[list[int], str]], changes: list[tuple[int, str]]
) -> None:
    """The flip search ranks every change it tries in one call: each set of needs gets the leader it
    would get alone (no draw borrows another's levels or must-haves)."""
    vendors = [vendor(i, ratings, name) for i, (ratings, name) in enumerate(rows)]
    profile = profile_from(answers, CRITERIA.traits)
    areas = CRITERIA.feature_areas
    tried = [needs_from(profile, answers, areas)]
    for index, level in changes:
        changed = {**answers.importance, areas.areas[index % len(areas.areas)].id: level}
        tried.append(needs_from(profile, answers.model_copy(update={"importance": changed}), areas))
    together = rerun_leader(vendors, None, None)(tried)
    assert together == [rerun_leader(vendors, None, None)([needs])[0] for needs in tried]
    assert together[0] is not None and vendors[together[0]].id == rank(tried[0], vendors)[0].vendor


def test_the_flip_reported_with_a_loyalty_section_changes_the_winner_of_a_rerun_with_that_change() -> None:
    """The flip search derives needs as the ranking does, loyalty raises included; it tries changes of
    one or two importance levels only."""
    import datetime as dt

    from crmadvisor import workflow
    from crmadvisor.model.assessment import assess
    from crmadvisor.model.robustness import MAX_FLIP_STEPS

    catalog = workflow.catalog(None, [], shipped_vendors=True, today=dt.date(2026, 12, 2))
    example = Path(__file__).resolve().parents[1] / "examples" / "answers" / "industrial-supplier-loyalty.yaml"
    base = workflow.complete_answers(example, catalog)
    levels = [lvl.id for lvl in catalog.feature_areas.importance_levels]
    flips = 0
    seen: list[dict[str, str]] = []
    for area in catalog.feature_areas.areas:
        for level in levels:
            answers = base.model_copy(update={"importance": {**base.importance, area.id: level}})
            if answers.importance in seen:  # an area set to the level it has: the base answers again
                continue
            seen.append(answers.importance)
            result = assess(catalog, answers, draws=1)
            assert result.loyalty is not None and result.robustness is not None
            flip = result.robustness.flip
            if flip is None:
                continue
            flips += 1
            assert 1 <= flip.steps <= MAX_FLIP_STEPS
            assert abs(levels.index(flip.to_level) - levels.index(flip.from_level)) == flip.steps
            changed = answers.model_copy(update={"importance": {**answers.importance, flip.area: flip.to_level}})
            rerun = assess(catalog, changed, draws=0)
            leader = next(f.vendor for f in rerun.fits if not f.excluded)
            assert leader == flip.winner != result.robustness.leader
    assert flips > 0
