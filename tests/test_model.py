"""Properties of the decision model (profile -> needs -> fit -> ranking -> robustness), on the shipped
criteria and vendors generated in memory, plus hand-computed examples of the formulas."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crmadvisor.load.criteria import load_criteria
from crmadvisor.model.assessment import assess
from crmadvisor.model.fit import SEVERITIES, Fit, Reason, fit, market_gaps, rank, severity_of
from crmadvisor.model.needs import Need, needs_from
from crmadvisor.model.profile import profile_from
from crmadvisor.model.schema import Answers, Catalog, Vendor

CRITERIA = load_criteria()
CAPS: tuple[str, ...] = CRITERIA.capability_ids()
TRAITS = CRITERIA.traits.traits
AREAS = CRITERIA.feature_areas.areas
LEVEL_IDS = [lvl.id for lvl in CRITERIA.feature_areas.importance_levels]
DECLARED_IDS = [o.id for o in CRITERIA.traits.declared_model.options]
FEW_DRAWS = 120

PROPS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW_PROPS = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ----------------------------------------------------------------- builders


def make_vendor(
    vendor_id: str,
    ratings: dict[str, int],
    *,
    name: str | None = None,
    languages: tuple[str, ...] = ("en", "fr"),
) -> Vendor:
    return Vendor.model_validate(
        {
            "kind": "vendor",
            "id": vendor_id,
            "name": name or vendor_id.upper(),
            "publisher": "Test Publisher",
            "website": "https://example.com",
            "summary": "A vendor made up for a test.",
            "orientation": "both",
            "company_sizes": ["small", "medium"],
            "languages": list(languages),
            "review_date": dt.date(2026, 11, 1),
            "reviewer": "tests",
            "ratings": {c: {"rating": r, "evidence": "test evidence"} for c, r in ratings.items()},
        }
    )


def make_answers(
    traits: dict[str, str] | None = None,
    importance: dict[str, str] | None = None,
    declared: str | None = None,
    constraints: dict[str, Any] | None = None,
) -> Answers:
    data: dict[str, Any] = {"kind": "answers", "traits": traits or {}, "importance": importance or {}}
    if declared is not None:
        data["declared_model"] = declared
    if constraints is not None:
        data["constraints"] = constraints
    return Answers.model_validate(data)


def catalog_with(vendors: list[Vendor]) -> Catalog:
    return CRITERIA.model_copy(update={"vendors": tuple(vendors)})


def needs_for(answers: Answers) -> tuple[Need, ...]:
    return needs_from(profile_from(answers, CRITERIA.traits), answers, CRITERIA.feature_areas)


def option_at(trait_id: str, index: int) -> str:
    trait = next(t for t in TRAITS if t.id == trait_id)
    return trait.options[index].id


# ---------------------------------------------------------------- strategies

ratings_st = st.fixed_dictionaries({c: st.integers(0, 5) for c in CAPS})


@st.composite
def answers_st(draw: st.DrawFn) -> Answers:
    traits: dict[str, str] = {}
    for trait in TRAITS:
        choice = draw(st.sampled_from([None, "dont_know", *[o.id for o in trait.options]]))
        if choice is not None:
            traits[trait.id] = choice
    importance: dict[str, str] = {}
    for area in AREAS:
        choice = draw(st.sampled_from([None, "dont_know", *LEVEL_IDS]))
        if choice is not None:
            importance[area.id] = choice
    declared = draw(st.sampled_from([None, "dont_know", *DECLARED_IDS]))
    return make_answers(traits, importance, declared)


@st.composite
def vendors_st(draw: st.DrawFn, min_size: int = 2, max_size: int = 6) -> list[Vendor]:
    count = draw(st.integers(min_size, max_size))
    # few distinct names, differing only in case: ties on the name must still give one order
    names = st.sampled_from(["Alpha", "alpha", "Beta", "Gamma CRM"])
    return [make_vendor(f"v{i}", draw(ratings_st), name=draw(names)) for i in range(count)]


# -------------------------------------------------------------- fit properties


@PROPS
@given(answers=answers_st(), ratings=ratings_st, cap=st.sampled_from(CAPS), data=st.data())
def test_raising_one_rating_never_lowers_the_fit(
    answers: Answers, ratings: dict[str, int], cap: str, data: st.DataObject
) -> None:
    needs = needs_for(answers)
    higher = data.draw(st.integers(ratings[cap], 5), label="raised rating")
    before = fit(needs, make_vendor("v", ratings)).score
    after = fit(needs, make_vendor("v", {**ratings, cap: higher})).score
    assert after >= before


@PROPS
@given(answers=answers_st(), ratings=ratings_st, data=st.data())
def test_a_rating_above_the_need_adds_nothing(answers: Answers, ratings: dict[str, int], data: st.DataObject) -> None:
    needs = needs_for(answers)
    need = data.draw(st.sampled_from(needs), label="need")
    at_need = {**ratings, need.capability: need.level}
    above = {**ratings, need.capability: data.draw(st.integers(need.level, 5), label="above")}
    base, over = fit(needs, make_vendor("v", at_need)), fit(needs, make_vendor("v", above))
    assert over.score == base.score
    assert over.gaps == base.gaps
    assert over.area_coverage == base.area_coverage


@PROPS
@given(answers=answers_st())
def test_a_vendor_rated_5_everywhere_fits_100_percent_with_no_gap(answers: Answers) -> None:
    result = fit(needs_for(answers), make_vendor("top", dict.fromkeys(CAPS, 5)))
    assert result.score == 1.0
    assert result.gaps == ()
    assert not result.blocked
    assert all(c == 1.0 for _, c in result.area_coverage)


@PROPS
@given(answers=answers_st(), ratings=ratings_st)
def test_fit_is_between_0_and_1(answers: Answers, ratings: dict[str, int]) -> None:
    result = fit(needs_for(answers), make_vendor("v", ratings))
    assert 0.0 <= result.score <= 1.0
    assert all(0.0 <= c <= 1.0 for _, c in result.area_coverage)


@PROPS
@given(answers=answers_st(), vendors=vendors_st(), data=st.data())
def test_the_ranking_does_not_depend_on_the_order_of_the_vendors(
    answers: Answers, vendors: list[Vendor], data: st.DataObject
) -> None:
    needs = needs_for(answers)
    shuffled = data.draw(st.permutations(vendors), label="shuffled")
    assert [f.vendor for f in rank(needs, shuffled)] == [f.vendor for f in rank(needs, vendors)]
    assert rank(needs, shuffled) == rank(needs, vendors)


@PROPS
@given(answers=answers_st(), vendors=vendors_st())
def test_every_gap_is_a_rating_below_the_need_and_only_must_haves_block(
    answers: Answers, vendors: list[Vendor]
) -> None:
    needs = {n.capability: n for n in needs_for(answers)}
    ratings = {v.id: {c: r.rating for c, r in v.ratings.items()} for v in vendors}
    uncovered = {g.capability for g in market_gaps(tuple(needs.values()), vendors)}
    for result in rank(tuple(needs.values()), vendors):
        gapped = {g.capability for g in result.gaps}
        for gap in result.gaps:
            need = needs[gap.capability]
            assert gap.rating == ratings[result.vendor][gap.capability]
            assert gap.need == need.level
            assert gap.rating < gap.need
            assert gap.size == gap.need - gap.rating > 0
            if gap.severity == "blocking":
                assert need.must_have
            # a must-have is met by a solid (3) native rating, or by the need itself when it is lower;
            # one that no vendor meets is a finding about the market and blocks nobody
            blocks = need.must_have and gap.capability not in uncovered and gap.rating < min(need.level, 3)
            assert (gap.severity == "blocking") == blocks
        # and every shortfall is a gap
        for cap, need in needs.items():
            assert (ratings[result.vendor][cap] < need.level) == (cap in gapped)


@PROPS
@given(answers=answers_st(), vendors=vendors_st())
def test_vendors_missing_fewer_must_haves_rank_first_and_fit_decreases_within_each_group(
    answers: Answers, vendors: list[Vendor]
) -> None:
    ranked = rank(needs_for(answers), vendors)
    blocking = [f.count("blocking") for f in ranked]
    assert blocking == sorted(blocking)
    for group in set(blocking):
        scores = [round(f.score, 9) for f in ranked if f.count("blocking") == group]
        assert scores == sorted(scores, reverse=True)


# ------------------------------------------------------------ degenerate inputs


@SLOW_PROPS
@given(vendors=vendors_st(min_size=1, max_size=4), traits=answers_st())
def test_nothing_needed_does_not_crash_rank_robustness_or_topsis(vendors: list[Vendor], traits: Answers) -> None:
    answers = traits.model_copy(update={"importance": dict.fromkeys((a.id for a in AREAS), "not_needed")})
    result = assess(catalog_with(vendors), answers, draws=FEW_DRAWS, seed=7, topsis=True)
    assert all(n.level == 0 for n in result.needs)
    assert sorted(f.vendor for f in result.fits) == sorted(v.id for v in vendors)
    assert all(f.score == 1.0 and f.gaps == () for f in result.fits)
    assert result.robustness is not None and result.topsis is not None
    shares = [o.first_share for o in result.robustness.odds]
    assert math.isclose(sum(shares), 1.0)
    assert all(0.0 <= c <= 1.0 and not math.isnan(c) for _, c in result.topsis.closeness)


@SLOW_PROPS
@given(
    answers=answers_st(),
    level=st.integers(0, 5),
    count=st.integers(1, 5),
    seed=st.integers(0, 2**32 - 1),
)
def test_vendors_rated_alike_everywhere_do_not_crash_any_method(
    answers: Answers, level: int, count: int, seed: int
) -> None:
    vendors = [make_vendor(f"same-{i}", dict.fromkeys(CAPS, level), name=f"Same {i}") for i in range(count)]
    result = assess(catalog_with(vendors), answers, draws=FEW_DRAWS, seed=seed, topsis=True)
    assert len({f.score for f in result.fits}) == 1
    assert [f.vendor for f in result.fits] == [v.id for v in vendors]  # tied: by name
    assert result.robustness is not None and result.topsis is not None
    odds = result.robustness.odds
    assert len(odds) == count
    assert math.isclose(sum(o.first_share for o in odds), 1.0)
    assert all(1 <= o.rank_low <= o.rank_high <= count for o in odds)
    closeness = [c for _, c in result.topsis.closeness]
    assert all(0.0 <= c <= 1.0 and not math.isnan(c) for c in closeness)


# ---------------------------------------------------------------- robustness


@SLOW_PROPS
@given(answers=answers_st(), vendors=vendors_st(max_size=4), seed=st.integers(0, 2**32 - 1))
def test_the_same_seed_gives_identical_robustness_figures(answers: Answers, vendors: list[Vendor], seed: int) -> None:
    catalog = catalog_with(vendors)
    first = assess(catalog, answers, draws=FEW_DRAWS, seed=seed).robustness
    second = assess(catalog, answers, draws=FEW_DRAWS, seed=seed).robustness
    assert first == second
    assert first is not None and first.seed == seed and first.draws == FEW_DRAWS


def test_a_different_seed_may_give_different_odds() -> None:
    ratings = dict.fromkeys(CAPS, 3)
    vendors = [make_vendor("twin-a", ratings), make_vendor("twin-b", ratings), make_vendor("twin-c", ratings)]
    answers = make_answers(importance=dict.fromkeys((a.id for a in AREAS), "important"))
    catalog = catalog_with(vendors)
    odds = set()
    for seed in range(5):
        robust = assess(catalog, answers, draws=400, seed=seed).robustness
        assert robust is not None
        odds.add(robust.odds)
    assert len(odds) > 1  # three twins: who comes first in the draws is up to the seed


def test_robustness_odds_follow_the_base_ranking_and_name_the_leader() -> None:
    strong = make_vendor("strong", dict.fromkeys(CAPS, 5))
    weak = make_vendor("weak", dict.fromkeys(CAPS, 1))
    answers = make_answers(importance=dict.fromkeys((a.id for a in AREAS), "critical"))
    result = assess(catalog_with([weak, strong]), answers, draws=300, seed=1)
    robust = result.robustness
    assert robust is not None
    assert robust.leader == "strong" and robust.runner_up == "weak"
    assert [o.vendor for o in robust.odds] == ["strong", "weak"]
    assert robust.odds[0].first_share == 1.0
    assert robust.clear_winner


# ---------------------------------------------------------------- knock-outs


@PROPS
@given(answers=answers_st(), vendors=vendors_st(), speaks=st.lists(st.booleans(), min_size=6, max_size=6))
def test_vendors_excluded_by_a_constraint_stay_listed_with_a_reason_and_rank_last(
    answers: Answers, vendors: list[Vendor], speaks: list[bool]
) -> None:
    vendors = [
        make_vendor(v.id, {c: r.rating for c, r in v.ratings.items()}, name=v.name, languages=("de",) if s else ("en",))
        for v, s in zip(vendors, speaks, strict=False)
    ]
    constrained = answers.model_copy(
        update={"constraints": make_answers(constraints={"languages": ["de"]}).constraints}
    )
    ranked = rank(needs_for(constrained), vendors, constrained.constraints)
    assert sorted(f.vendor for f in ranked) == sorted(v.id for v in vendors)
    excluded = [f.excluded for f in ranked]
    assert excluded == sorted(excluded)  # every excluded vendor after every vendor in the race
    for result, vendor in ((f, next(v for v in vendors if v.id == f.vendor)) for f in ranked):
        assert result.excluded == ("de" not in vendor.languages)
        if result.excluded:
            assert result.exclusions == (Reason("language", (("languages", "de"),)),)


@SLOW_PROPS
@given(answers=answers_st(), vendors=vendors_st(max_size=4))
def test_a_language_nobody_has_excludes_everyone_without_crashing(answers: Answers, vendors: list[Vendor]) -> None:
    constrained = answers.model_copy(
        update={"constraints": make_answers(constraints={"languages": ["zz"]}).constraints}
    )
    result = assess(catalog_with(vendors), constrained, draws=FEW_DRAWS, seed=3, topsis=True)
    assert sorted(f.vendor for f in result.fits) == sorted(v.id for v in vendors)
    assert all(f.exclusions == (Reason("language", (("languages", "zz"),)),) for f in result.fits)
    assert result.robustness is not None
    assert result.robustness.leader is None and result.robustness.odds == ()
    assert result.topsis is not None and result.topsis.closeness == ()


def test_an_excluded_perfect_vendor_still_ranks_after_a_weak_vendor_in_the_race() -> None:
    perfect = make_vendor("perfect", dict.fromkeys(CAPS, 5), languages=("en",))
    weak = make_vendor("weak", dict.fromkeys(CAPS, 0), languages=("fr",))
    answers = make_answers(
        importance=dict.fromkeys((a.id for a in AREAS), "important"), constraints={"languages": ["fr"]}
    )
    ranked = rank(needs_for(answers), [perfect, weak], answers.constraints)
    assert [f.vendor for f in ranked] == ["weak", "perfect"]
    assert ranked[1].score == 1.0 and ranked[1].exclusions == (Reason("language", (("languages", "fr"),)),)


# ------------------------------------------------------- hand-computed examples


def _need(capability: str, area: str, level: int, must_have: bool) -> Need:
    return Need(capability, area, level, must_have, 0.5, "critical" if must_have else "useful", 5, ())


def test_fit_of_one_vendor_by_hand() -> None:
    needs = (
        _need("account_hierarchy", "contacts", 5, True),
        _need("contact_roles", "contacts", 3, True),
        _need("quotes", "invoicing", 2, False),
    )
    vendor = make_vendor("hand", {"account_hierarchy": 4, "contact_roles": 1, "quotes": 5})
    result = fit(needs, vendor)
    # weights = need cubed: 125, 27, 8 -> total 160
    # coverage = min(rating, need) / need: 4/5, 1/3, min(5, 2)/2 = 1
    # fit = (125 * 4/5 + 27 * 1/3 + 8 * 1) / 160 = (100 + 9 + 8) / 160 = 117/160
    assert result.score == pytest.approx(117 / 160)
    # area coverage: contacts (100 + 9) / (125 + 27) = 109/152; invoicing 8/8 = 1
    assert dict(result.area_coverage) == pytest.approx({"contacts": 109 / 152, "invoicing": 1.0})
    # gaps: account_hierarchy 4 < 5, one level short and 4 >= 3 meets the must-have: minor;
    # contact_roles 1 < 3, two levels short and under the must-have floor min(3, 3) = 3: blocking
    severities = {g.capability: (g.need, g.rating, g.severity) for g in result.gaps}
    assert severities == {"account_hierarchy": (5, 4, "minor"), "contact_roles": (3, 1, "blocking")}
    assert result.blocked
    assert isinstance(result, Fit) and not result.excluded


def test_fit_with_no_need_at_all_is_100_percent() -> None:
    needs = (_need("quotes", "invoicing", 0, False),)
    assert fit(needs, make_vendor("none", {"quotes": 0})).score == 1.0


# ---------------------------------------------------------------- profile


def _all_traits(index: int) -> dict[str, str]:
    return {t.id: t.options[index].id for t in TRAITS}


def test_all_b2b_answers_give_a_b2b_profile() -> None:
    profile = profile_from(make_answers(_all_traits(0)), CRITERIA.traits)
    assert profile.orientation == "b2b"
    assert profile.b2c_percent == 0


def test_all_b2c_answers_give_a_b2c_profile() -> None:
    profile = profile_from(make_answers(_all_traits(-1)), CRITERIA.traits)
    assert profile.orientation == "b2c"
    assert profile.b2c_percent == 100


def test_mixed_answers_give_a_hybrid_profile_in_between() -> None:
    traits = {t.id: t.options[0 if i % 2 else -1].id for i, t in enumerate(TRAITS)}  # 5 x B2C, 4 x B2B
    profile = profile_from(make_answers(traits), CRITERIA.traits)
    assert profile.orientation == "hybrid"
    assert 0 < profile.b2c_percent < 100
    assert profile.b2c_percent == round(100 * 5 / 9)


def test_declared_b2b_with_b2c_answers_gets_a_consistency_note() -> None:
    profile = profile_from(make_answers(_all_traits(-1), declared="b2b"), CRITERIA.traits)
    assert profile.declared == "b2b"
    assert not profile.consistent
    assert profile.disagreeing_traits
    assert set(profile.disagreeing_traits) == {t.id for t in TRAITS}


def test_declared_b2b_with_b2b_answers_is_consistent() -> None:
    profile = profile_from(make_answers(_all_traits(0), declared="b2b"), CRITERIA.traits)
    assert profile.consistent and profile.disagreeing_traits == ()


def test_no_known_trait_puts_the_profile_in_the_middle() -> None:
    profile = profile_from(make_answers(dict.fromkeys((t.id for t in TRAITS), "dont_know")), CRITERIA.traits)
    assert profile.position == 0.5 and profile.orientation == "hybrid"


@PROPS
@given(answers=answers_st())
def test_profile_orientation_follows_the_position(answers: Answers) -> None:
    profile = profile_from(answers, CRITERIA.traits)
    assert 0.0 <= profile.position <= 1.0
    assert 0 <= profile.b2c_percent <= 100
    expected = "b2b" if profile.position < 1 / 3 else "b2c" if profile.position > 2 / 3 else "hybrid"
    assert profile.orientation == expected
    if profile.declared is None:
        assert profile.consistent


# ------------------------------------------------- the same properties, as the ranking shows them


@PROPS
@given(answers=answers_st(), vendors=vendors_st(), data=st.data())
def test_raising_one_rating_never_moves_the_vendor_down_the_ranking(
    answers: Answers, vendors: list[Vendor], data: st.DataObject
) -> None:
    needs = needs_for(answers)
    vendor = data.draw(st.sampled_from(vendors), label="vendor")
    cap = data.draw(st.sampled_from(CAPS), label="capability")
    ratings = {c: r.rating for c, r in vendor.ratings.items()}
    raised = make_vendor(vendor.id, {**ratings, cap: data.draw(st.integers(ratings[cap], 5))}, name=vendor.name)
    before = [f.vendor for f in rank(needs, vendors)].index(vendor.id)
    after = [f.vendor for f in rank(needs, [raised if v is vendor else v for v in vendors])].index(vendor.id)
    assert after <= before


@PROPS
@given(answers=answers_st(), vendors=vendors_st(max_size=4))
def test_a_vendor_rated_5_everywhere_ranks_first_or_ties_the_first_at_100_percent(
    answers: Answers, vendors: list[Vendor]
) -> None:
    top = make_vendor("top", dict.fromkeys(CAPS, 5), name="Zeta")  # last by name: wins no tie-break
    first = rank(needs_for(answers), [*vendors, top])[0]
    assert first.score == 1.0 and first.gaps == ()


@SLOW_PROPS
@given(answers=answers_st(), vendors=vendors_st(max_size=4), data=st.data(), seed=st.integers(0, 2**32 - 1))
def test_catalogue_order_changes_nothing_in_the_assessment_not_even_the_robustness(
    answers: Answers, vendors: list[Vendor], data: st.DataObject, seed: int
) -> None:
    shuffled = data.draw(st.permutations(vendors), label="shuffled")
    first = assess(catalog_with(vendors), answers, draws=FEW_DRAWS, seed=seed, topsis=True)
    second = assess(catalog_with(list(shuffled)), answers, draws=FEW_DRAWS, seed=seed, topsis=True)
    assert second.fits == first.fits
    assert second.robustness == first.robustness
    assert second.topsis == first.topsis


@PROPS
@given(answers=answers_st(), vendors=vendors_st())
def test_every_gap_has_the_documented_severity_and_the_counts_match(answers: Answers, vendors: list[Vendor]) -> None:
    needs = {n.capability: n for n in needs_for(answers)}
    uncovered = {g.capability for g in market_gaps(list(needs.values()), vendors)}
    for result in rank(list(needs.values()), vendors):
        for gap in result.gaps:
            need = needs[gap.capability]
            as_ranked = replace(need, must_have=need.must_have and gap.capability not in uncovered)
            assert gap.severity == severity_of(as_ranked, gap.rating)
        assert result.counts == tuple(sum(g.severity == s for g in result.gaps) for s in SEVERITIES)
