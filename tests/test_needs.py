"""The client's words lead: importance answers, "don't know" suggestions and must-haves (issue 12).

Properties on the shipped criteria with answers drawn at random, then hand-computed examples of
the formulas in docs/methodology.md, "Needs".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmadvisor.load.catalog import load_criteria
from crmadvisor.model.assessment import assess
from crmadvisor.model.fit import market_gaps, rank
from crmadvisor.model.needs import (
    MUST_HAVE_TIE,
    NEUTRAL,
    SUGGEST_HIGH_FROM,
    SUGGEST_LOW_BELOW,
    Need,
    needs_from,
)
from crmadvisor.model.profile import profile_from
from crmadvisor.model.schema import Answers, Vendor

CRITERIA = load_criteria()
LOYALTY = CRITERIA.loyalty
AREAS = CRITERIA.feature_areas.areas
LEVELS = CRITERIA.feature_areas.importance_levels
LEVEL_IDS = [lvl.id for lvl in LEVELS]
CEILING = {lvl.id: lvl.ceiling for lvl in LEVELS}
CAPS = CRITERIA.capability_ids()
AREA_OF = {c.id: a.id for a in AREAS for c in a.capabilities}
PROPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def answers_of(
    traits: dict[str, str] | None = None,
    importance: dict[str, str] | None = None,
    must_haves: list[str] | None = None,
    loyalty: dict[str, str] | None = None,
) -> Answers:
    data: dict[str, Any] = {"kind": "answers", "traits": traits or {}, "importance": importance or {}}
    if must_haves is not None:
        data["must_haves"] = must_haves
    if loyalty is not None:
        data["loyalty"] = loyalty
    return Answers.model_validate(data)


def needs_of(answers: Answers) -> tuple[Need, ...]:
    return needs_from(profile_from(answers, CRITERIA.traits), answers, CRITERIA.feature_areas)


def by_area(needs: tuple[Need, ...]) -> dict[str, list[Need]]:
    grouped: dict[str, list[Need]] = {}
    for need in needs:
        grouped.setdefault(need.area, []).append(need)
    return grouped


traits_st = st.fixed_dictionaries(
    {},
    optional={t.id: st.sampled_from([o.id for o in t.options] + ["dont_know"]) for t in CRITERIA.traits.traits},
)
importance_st = st.fixed_dictionaries({a.id: st.sampled_from([*LEVEL_IDS, "dont_know"]) for a in AREAS})
named_st = st.one_of(st.none(), st.lists(st.sampled_from(CAPS), max_size=4, unique=True))


# ----------------------------------------------------------------- properties


@PROPS
@given(traits=traits_st, importance=importance_st, named=named_st)
def test_an_answered_importance_always_holds(
    traits: dict[str, str], importance: dict[str, str], named: list[str] | None
) -> None:
    """Critical: at least one need of 5; important 4; useful 3; not needed 0. Never more."""
    for area, needs in by_area(needs_of(answers_of(traits, importance, named))).items():
        if importance[area] == "dont_know":
            continue
        ceiling = CEILING[importance[area]]
        assert max(n.level for n in needs) == ceiling
        assert all(n.importance == importance[area] and not n.suggested for n in needs)


@PROPS
@given(traits=traits_st, importance=importance_st)
def test_a_capability_the_traits_do_not_call_for_gets_less_than_its_area(
    traits: dict[str, str], importance: dict[str, str]
) -> None:
    for needs in by_area(needs_of(answers_of(traits, importance))).values():
        top = max(n.relevance for n in needs)
        for need in needs:
            assert need.level <= need.ceiling
            if need.ceiling and need.relevance < top and not need.called_for:
                assert need.level < need.ceiling, need
            if need.relevance == top:
                assert need.level == need.ceiling


@PROPS
@given(traits=traits_st, importance=importance_st)
def test_dont_know_takes_the_importance_the_profile_suggests_and_says_so(
    traits: dict[str, str], importance: dict[str, str]
) -> None:
    answers = answers_of(traits, importance)
    profile = profile_from(answers, CRITERIA.traits)
    for area, needs in by_area(needs_of(answers)).items():
        if importance[area] != "dont_know":
            continue
        top = max(n.relevance for n in needs)
        expected = 4 if top >= SUGGEST_HIGH_FROM else 0 if top < SUGGEST_LOW_BELOW else 3
        assert all(n.suggested and n.ceiling == expected for n in needs)
        assert all(not next(lvl for lvl in LEVELS if lvl.id == n.importance).must_have for n in needs)
        # the answers that suggested it: answered traits driving the area's most relevant capability
        leading = next(n for n in needs if n.relevance == top)
        answered = {t.trait for t in profile.traits if t.position is not None}
        assert set(needs[0].suggested_by) == {d.trait for d in leading.drivers} & answered


@PROPS
@given(traits=traits_st, importance=importance_st, named=named_st, data=st.data())
def test_raising_an_area_importance_never_lowers_a_need(
    traits: dict[str, str], importance: dict[str, str], named: list[str] | None, data: st.DataObject
) -> None:
    """Through the whole assessment, loyalty answers included (their raises stay under the area's level)."""
    assert LOYALTY is not None
    section = data.draw(
        st.fixed_dictionaries({q.id: st.sampled_from([o.id for o in q.options]) for q in LOYALTY.questions}),
        label="loyalty",
    )
    area = data.draw(st.sampled_from([a.id for a in AREAS]), label="area")
    low, high = sorted(data.draw(st.lists(st.sampled_from(LEVEL_IDS), min_size=2, max_size=2), label="levels"))
    low, high = sorted((low, high), key=LEVEL_IDS.index)
    catalog = CRITERIA.model_copy(update={"vendors": (vendor(0, dict.fromkeys(CAPS, 3)),)})

    def levels_at(level: str) -> dict[str, int]:
        answers = answers_of(traits, {**importance, area: level}, named, section)
        return {n.capability: n.level for n in assess(catalog, answers, draws=0).needs}

    before, after = levels_at(low), levels_at(high)
    for capability, level in before.items():
        assert after[capability] >= level if AREA_OF[capability] == area else after[capability] == level


@PROPS
@given(traits=traits_st, importance=importance_st)
def test_by_default_one_must_have_per_critical_area_at_need_5(
    traits: dict[str, str], importance: dict[str, str]
) -> None:
    for needs in by_area(needs_of(answers_of(traits, importance))).values():
        musts = [n for n in needs if n.must_have]
        assert all(not n.named for n in needs)
        if needs[0].importance != "critical":
            assert musts == []
            continue
        assert len(musts) == 1 and musts[0].level == 5
        top = max(n.relevance for n in needs)
        assert musts[0].relevance >= top - MUST_HAVE_TIE - 1e-9
        # the first capability in catalogue order among those that count as tied
        assert musts[0] == next(n for n in needs if n.level == 5 and n.relevance >= top - MUST_HAVE_TIE - 1e-9)


@PROPS
@given(
    traits=traits_st,
    importance=importance_st,
    named=st.lists(st.sampled_from(CAPS), min_size=1, max_size=4, unique=True),
)
def test_named_must_haves_replace_the_default_and_count_as_much_as_their_area(
    traits: dict[str, str], importance: dict[str, str], named: list[str]
) -> None:
    for need in needs_of(answers_of(traits, importance, named)):
        assert need.must_have == need.named == (need.capability in named and need.ceiling > 0)
        if need.named:
            assert need.level == need.ceiling


ratings_st = st.fixed_dictionaries({c: st.integers(0, 5) for c in CAPS})


def vendor(index: int, ratings: dict[str, int]) -> Vendor:
    return Vendor.model_validate(
        {
            "kind": "vendor",
            "id": f"v{index}",
            "name": f"V{index}",
            "publisher": "p",
            "website": "https://example.com",
            "summary": "s",
            "orientation": "both",
            "company_sizes": ["small"],
            "languages": ["en"],
            "review_date": dt.date(2026, 11, 1),
            "reviewer": "r",
            "ratings": {c: {"rating": r, "evidence": "e"} for c, r in ratings.items()},
        }
    )


@PROPS
@given(traits=traits_st, importance=importance_st, named=named_st, table=st.lists(ratings_st, min_size=1, max_size=5))
def test_a_must_have_nobody_meets_is_a_market_gap_and_blocks_nobody(
    traits: dict[str, str], importance: dict[str, str], named: list[str] | None, table: list[dict[str, int]]
) -> None:
    vendors = [vendor(i, ratings) for i, ratings in enumerate(table)]
    needs = needs_of(answers_of(traits, importance, named))
    gaps = {g.capability: g for g in market_gaps(needs, vendors)}
    for need in needs:
        floor = min(need.level, 3)
        met = any(v.ratings[need.capability].at() >= floor for v in vendors)
        assert (need.capability in gaps) == (need.must_have and need.level > 0 and not met)
    fits = rank(needs, vendors)
    for result in fits:
        assert not any(g.severity == "blocking" and g.capability in gaps for g in result.gaps)
    # whenever some vendor meets every must-have the market meets, the leader is one of them
    assert not fits[0].blocked or all(f.blocked for f in fits)


# ------------------------------------------------------------ worked by hand


def test_the_most_relevant_capability_takes_the_area_level_and_the_others_less() -> None:
    # contacts "important" (4). Traits: several_people (position 0.2), from_500_to_5k (0.25).
    # contact_roles: purchase_decision only answered, toward b2b -> relevance 0.8: the area's top -> 4
    # account_hierarchy: (3 x 0.8 + 1 x 0.75) / 4 = 0.7875 -> round_half_up(4 x (1 - 0.75 x 0.0125)) = 4
    # mass_contact_base: customer_file_size toward b2c -> 0.25, below neutral and below the top:
    #   round_half_up(4 x (1 - 0.75 x 0.55)) = round_half_up(2.35) = 2
    answers = answers_of(
        {"purchase_decision": "several_people", "customer_file_size": "from_500_to_5k"}, {"contacts": "important"}
    )
    needs = {n.capability: n for n in needs_of(answers)}
    assert abs(needs["contact_roles"].relevance - 0.8) < 1e-9 and needs["contact_roles"].level == 4
    assert abs(needs["account_hierarchy"].relevance - 0.7875) < 1e-9 and needs["account_hierarchy"].level == 4
    assert needs["mass_contact_base"].relevance == 0.25 and needs["mass_contact_base"].level == 2
    assert not any(n.must_have for n in needs.values())  # important is not a must-have level


def test_levels_round_half_up_not_to_even() -> None:
    # contacts "important"; committee_and_management (0) and from_5k_to_50k (0.5):
    # contact_roles 1.0 (top); mass_contact_base 0.5 -> 4 x (1 - 0.75 x 0.5) = 2.5 -> 3 (round() would give 2)
    answers = answers_of(
        {"purchase_decision": "committee_and_management", "customer_file_size": "from_5k_to_50k"},
        {"contacts": "important"},
    )
    needs = {n.capability: n for n in needs_of(answers)}
    assert needs["mass_contact_base"].relevance == NEUTRAL
    assert needs["mass_contact_base"].level == 3


def test_the_default_must_have_is_the_area_core_on_a_tie() -> None:
    # contacts "critical", only purchase_decision answered (committee, position 0): account_hierarchy and
    # contact_roles both 1.0 -> both 5, the first in catalogue order is the must-have; mass_contact_base
    # has no answered driver: 0.5 -> round_half_up(5 x 0.625) = 3
    needs = {
        n.capability: n
        for n in needs_of(answers_of({"purchase_decision": "committee_and_management"}, {"contacts": "critical"}))
    }
    assert (needs["account_hierarchy"].level, needs["account_hierarchy"].must_have) == (5, True)
    assert (needs["contact_roles"].level, needs["contact_roles"].must_have) == (5, False)
    assert (needs["mass_contact_base"].level, needs["mass_contact_base"].must_have) == (3, False)


def test_dont_know_is_suggested_from_the_profile() -> None:
    b2b = {t.id: t.options[0].id for t in CRITERIA.traits.traits}
    b2c = {t.id: t.options[-1].id for t in CRITERIA.traits.traits}
    unknown = {a.id: "dont_know" for a in AREAS}
    typical_b2b = {n.capability: n for n in needs_of(answers_of(b2b, unknown))}
    typical_b2c = {n.capability: n for n in needs_of(answers_of(b2c, unknown))}
    # a typical B2B profile strongly calls for invoicing (II.9): suggested important; a typical B2C one, not needed
    assert (typical_b2b["quotes"].importance, typical_b2b["quotes"].level) == ("important", 4)
    assert (typical_b2c["quotes"].importance, typical_b2c["quotes"].level) == ("not_needed", 0)
    assert typical_b2b["quotes"].suggested and "product_customisation" in typical_b2b["quotes"].suggested_by
    # nothing answered: the neutral suggestion, useful
    nothing = {n.capability: n for n in needs_of(answers_of({}, {"calls": "dont_know"}))}
    assert (nothing["sales_telephony"].importance, nothing["sales_telephony"].level) == ("useful", 3)
    assert nothing["sales_telephony"].suggested_by == ()
