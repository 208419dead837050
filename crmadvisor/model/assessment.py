"""The whole decision, from answers to a ranked, explained and stress-tested shortlist."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from crmadvisor.model.fit import Fit, MarketGap, market_gaps, rank, rank_key
from crmadvisor.model.loyalty import LoyaltyAssessment, advises_against, applies, loyalty_from, raise_needs
from crmadvisor.model.needs import Need, Scores, needs_from
from crmadvisor.model.profile import CompanyProfile, profile_from
from crmadvisor.model.recommendation import Advice, recommend
from crmadvisor.model.rfp import Change, answered, changes, desk_research
from crmadvisor.model.schema import Answers, Catalog

if TYPE_CHECKING:  # numpy stays out of start-up: robustness is imported only when it runs
    from crmadvisor.model.configurations import Recommendation
    from crmadvisor.model.robustness import Robustness, TopsisResult


@dataclass(frozen=True, slots=True)
class Assessment:
    answers: Answers
    profile: CompanyProfile
    needs: tuple[Need, ...]
    fits: tuple[Fit, ...]  # every vendor, best first
    robustness: Robustness | None
    topsis: TopsisResult | None  # when asked for
    loyalty: LoyaltyAssessment | None = None  # when the answers have a loyalty section
    configurations: tuple[Recommendation, ...] = ()  # each vendor's recommended configuration, catalogue order
    market_gaps: tuple[MarketGap, ...] = ()  # must-haves no vendor in the race meets, in any configuration
    advice: Advice | None = None  # the recommendation: shortlist, why, open points, demo checks, confidence
    # with vendors' RFP answers or demo scores read back (`rfp import`): each vendor's rank on the
    # catalogue's desk research alone (None: out of the race), and what moved it
    desk_ranks: tuple[tuple[str, int | None], ...] = ()
    changes: tuple[Change, ...] = ()

    @property
    def loyalty_raised(self) -> bool:
        """Whether the loyalty answers raised any need (see `needs_for` in `assess`)."""
        return any(need.raises for need in self.needs)


def assess(
    catalog: Catalog, answers: Answers, *, draws: int = 2000, seed: int = 20261122, topsis: bool = False
) -> Assessment:
    profile = profile_from(answers, catalog.traits)
    loyalty: LoyaltyAssessment | None = None
    if answers.loyalty is not None and catalog.loyalty is not None:
        loyalty = loyalty_from(answers.loyalty, catalog.loyalty)

    scores: Scores = {}  # the traits' reading of each area, the same for every importance tried

    def needs_for(given: Answers) -> tuple[Need, ...]:
        """The needs from these answers: traits and importance, then the loyalty raises where they apply."""
        derived = needs_from(profile, given, catalog.feature_areas, scores)
        if loyalty is None or catalog.loyalty is None or advises_against(loyalty):
            return derived
        if applies(catalog.loyalty, profile.orientation, {n.area: n.importance for n in derived}):
            derived = raise_needs(derived, loyalty)
        return derived

    needs = needs_for(answers)
    from crmadvisor.model import configurations

    # a must-have no configuration of any vendor in the race meets is a finding about the market:
    # the configurations are chosen, and the vendors ranked, on the must-haves the market meets
    gaps = market_gaps(needs, catalog.vendors, answers.constraints)
    uncovered = {g.capability for g in gaps}
    met = tuple(replace(n, must_have=False) if n.capability in uncovered else n for n in needs)
    space, recommended = configurations.recommend(met, catalog.vendors, answers.constraints, catalog.rates)
    vendors = tuple(r.configured for r in recommended)  # each vendor as its recommended configuration
    names = {v.id: v.name for v in vendors}
    fits = tuple(
        sorted(
            configurations.with_budget(rank(needs, vendors, answers.constraints), recommended),
            key=lambda f: rank_key(f, names),
        )
    )
    robust: Robustness | None = None
    cross: TopsisResult | None = None
    if draws > 0 or topsis:
        from crmadvisor.model import robustness

        if draws > 0:
            # the flip search ranks the vendors the constraints leave in (the budget is applied again)
            eligible = [v for v in catalog.vendors if v.id in _eligible(fits)]
            leaders = robustness.rerun_leader(eligible, answers.constraints, catalog.rates)

            def leader_ids(tried: Sequence[Sequence[Need]]) -> list[str | None]:
                return [None if found is None else eligible[found].id for found in leaders(tried)]

            robust = robustness.robustness(
                needs_for,
                answers,
                catalog.feature_areas,
                needs,
                fits,
                vendors,
                leader_ids,
                draws=draws,
                seed=seed,
                space=space,
            )
        if topsis:
            cross = robustness.topsis_cross_check(needs, fits, vendors)
    advice = recommend(needs, fits, vendors, gaps, robust)
    desk_ranks: tuple[tuple[str, int | None], ...] = ()
    changed: tuple[Change, ...] = ()
    rerated = [v for v in catalog.vendors if answered(v)]
    if rerated:  # the same answers on the catalogue's desk research alone: what the vendors' answers changed
        desk_catalog = catalog.model_copy(update={"vendors": tuple(desk_research(v) for v in catalog.vendors)})
        desk = assess(desk_catalog, answers, draws=0).fits
        changed = changes(desk, fits, rerated)
        race = [f.vendor for f in desk if not f.excluded]
        desk_ranks = tuple((f.vendor, race.index(f.vendor) + 1 if f.vendor in race else None) for f in desk)
    return Assessment(
        answers, profile, needs, fits, robust, cross, loyalty, recommended, gaps, advice, desk_ranks, changed
    )


def _eligible(fits: Sequence[Fit]) -> set[str]:
    """The vendors no constraint but the budget excludes (the budget depends on the needs)."""
    return {f.vendor for f in fits if all(r.code == "over_budget" for r in f.exclusions)}
