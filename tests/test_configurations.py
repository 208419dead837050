"""Configurations: which edition and add-ons each vendor is recommended in, at what cost (docs/methodology.md)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmadvisor.load.catalog import load_catalog
from crmadvisor.model.choice import choose
from crmadvisor.model.configuration_draws import draw_odds
from crmadvisor.model.configurations import recommend
from crmadvisor.model.fit import WEIGHT_POWER
from crmadvisor.model.money import cost_of
from crmadvisor.model.needs import Need
from crmadvisor.model.schema import Catalog, Constraints, Vendor
from crmadvisor.present.reasons import reason_text

DATA = Path(__file__).resolve().parent / "data" / "editions"
TODAY = dt.date(2026, 12, 2)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    folder = tmp_path_factory.mktemp("vendors")
    shutil.copy(DATA / "good" / "acme-crm.yaml", folder)
    return load_catalog(vendor_dirs=[folder], shipped_vendors=False, today=TODAY)


@pytest.fixture(scope="module")
def acme(catalog: Catalog) -> Vendor:
    return catalog.vendors[0]


def need(capability: str, level: int, must: bool = False) -> Need:
    return Need(capability, "area", level, must, 0.5, "important", 5, ())


def chosen(catalog: Catalog, needs: list[Need], constraints: Constraints | None = None):  # type: ignore[no-untyped-def]
    _, (found,) = recommend(needs, catalog.vendors, constraints, catalog.rates)
    return found


def names(found) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.id for p in found.configuration.parts]


def test_the_cheapest_edition_meeting_every_must_have_is_recommended(catalog: Catalog) -> None:
    # forecasts rated 0 / 2 / 4 in Starter / Pro / Enterprise: a must-have of 4 needs Enterprise
    found = chosen(catalog, [need("sales_forecasting", 4, must=True), need("pipeline_stages", 3)])
    assert names(found) == ["enterprise"]
    assert found.meets_must_haves
    assert found.configured.ratings["sales_forecasting"].rating == 4


def test_an_add_on_is_taken_when_it_is_cheaper_than_the_edition_up(catalog: Catalog) -> None:
    # lead scoring comes only with the Insights add-on (Pro or Enterprise): Pro + Insights, not Enterprise + Insights
    found = chosen(catalog, [need("lead_scoring", 4, must=True)], Constraints(users=5))
    assert names(found) == ["pro", "insights"]
    scoring = found.configured.ratings["lead_scoring"]
    assert scoring.rating == 4 and scoring.evidence.startswith("Insights")


def test_without_must_haves_or_important_needs_the_cheapest_configuration_and_what_more_would_close(
    catalog: Catalog,
) -> None:
    found = chosen(catalog, [need("sales_forecasting", 3), need("quotes", 3)], Constraints(users=10))
    assert names(found) == ["starter"]
    (up,) = [u for u in found.upgrades if u.kind == "edition"]
    assert up.id == "pro" and set(up.closes) == {"sales_forecasting", "quotes"}
    assert catalog.rates is not None and up.currency == "EUR"  # the budget's currency, EUR by default
    assert up.extra_yearly == pytest.approx((100 - 25) * 10 * 12 / catalog.rates.rates["USD"])


def test_a_critical_need_pays_for_the_edition_that_covers_it_and_the_budget_caps_it(catalog: Catalog) -> None:
    # forecasts rated 0 / 2 / 4 in Starter / Pro / Enterprise: four levels of a need of 5 (6.25 levels
    # of an important need) are worth Enterprise at 7 times Starter's cost (5.6 levels needed)
    needs = [need("sales_forecasting", 5), need("quotes", 3)]
    assert names(chosen(catalog, needs, Constraints(users=10))) == ["enterprise"]
    # Enterprise is over 120 USD; Pro's two levels (3.1) are not worth three times the cost (3.2)
    within = chosen(catalog, needs, Constraints(users=10, budget_per_user_month=120, budget_currency="USD"))
    assert names(within) == ["starter"] and within.exclusion is None
    assert {u.id for u in within.upgrades} == {"pro"}


def test_an_important_need_does_not_pay_seven_times_the_cost_and_the_edition_is_offered(catalog: Catalog) -> None:
    # the same four levels on a need of 4 are worth less than 5.6 levels: Starter, with Enterprise offered
    found = chosen(catalog, [need("sales_forecasting", 4), need("quotes", 3)], Constraints(users=10))
    assert names(found) == ["starter"]
    (up,) = [u for u in found.upgrades if u.kind == "edition"]
    assert up.id == "pro" and "sales_forecasting" in up.closes and up.extra_yearly is not None


@pytest.mark.parametrize(("users", "bought"), [(5, False), (200, True)])
def test_an_add_on_is_bought_only_when_what_it_adds_is_worth_its_cost(
    catalog: Catalog, users: int, bought: bool
) -> None:
    # Acme Loyalty is 2,000 EUR a month for the organisation: it closes one of five important needs,
    # worth its price beside 200 users' licences, not beside five (docs/vendor-format.md)
    caps = ["loyalty_programme", "account_hierarchy", "contact_roles", "mass_contact_base", "segmentation_targeting"]
    found = chosen(catalog, [need(c, 4) for c in caps], Constraints(users=users))
    assert ("loyalty" in names(found)) is bought
    if not bought:
        (offer,) = [u for u in found.upgrades if u.id == "loyalty"]
        assert offer.closes == ("loyalty_programme",) and offer.extra_yearly == pytest.approx(24_000)


def test_an_edition_on_quote_costs_at_least_the_edition_below_it(tmp_path: Path) -> None:
    # Ultimate, on quote, rates as Enterprise: it is not the cheap choice, and over a budget that
    # Enterprise's price exceeds it excludes the vendor, saying it costs at least Enterprise's price
    text = (DATA / "good" / "acme-crm.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "add_ons:\n",
        "  - id: ultimate\n    name: Ultimate\n    price_note: Sold on quote.\n"
        "    source: https://acme.example.com/pricing\n    as_of: 2026-11-20\nadd_ons:\n",
        1,
    )
    text = re.sub(r"(by_edition: \{.*enterprise: (\d))\}", r"\1, ultimate: \2}", text)
    (tmp_path / "acme-crm.yaml").write_text(text, encoding="utf-8")
    catalog = load_catalog(vendor_dirs=[tmp_path], shipped_vendors=False, today=TODAY)
    needs = [need("sales_forecasting", 4, must=True)]
    assert names(chosen(catalog, needs, Constraints(users=5))) == ["enterprise"]
    over = chosen(catalog, needs, Constraints(users=5, budget_per_user_month=150, budget_currency="USD"))
    assert over.exclusion is not None
    values = dict(over.exclusion.values)
    assert float(values["price"]) >= 150 * 0.85  # Enterprise's 175 USD, converted to EUR
    assert values["configuration"] == "Enterprise"  # not Ultimate, which a missing price would make look free
    # forecasts only in Ultimate: the exclusion says it is on quote and costs at least Enterprise's price
    only = re.sub(
        r"by_edition: \{starter: 0, pro: 2, enterprise: 4, ultimate: 4\}",
        "by_edition: {starter: 0, pro: 2, enterprise: 2, ultimate: 4}",
        text,
    )
    assert only != text
    (tmp_path / "acme-crm.yaml").write_text(only, encoding="utf-8")
    catalog = load_catalog(vendor_dirs=[tmp_path], shipped_vendors=False, today=TODAY)
    over = chosen(catalog, needs, Constraints(users=5, budget_per_user_month=150, budget_currency="USD"))
    assert over.exclusion is not None and dict(over.exclusion.values)["configuration"] == "Ultimate"
    said = reason_text(over.exclusion, "en", str)
    assert said.startswith(
        "Ultimate, needed for sales_forecasting, is sold on quote and costs at least what Enterprise costs"
    )
    assert "over the budget of" in said and "150" in said


def test_an_edition_sold_for_fewer_users_than_the_team_is_not_considered(tmp_path: Path) -> None:
    text = (DATA / "good" / "acme-crm.yaml").read_text(encoding="utf-8")
    text = text.replace("    name: Starter\n", "    name: Starter\n    max_users: 3\n", 1)
    (tmp_path / "acme-crm.yaml").write_text(text, encoding="utf-8")
    catalog = load_catalog(vendor_dirs=[tmp_path], shipped_vendors=False, today=TODAY)
    needs = [need("quotes", 3)]
    assert names(chosen(catalog, needs, Constraints(users=3))) == ["starter"]
    assert names(chosen(catalog, needs, Constraints(users=4))) == ["pro"]  # Starter stops at 3 users
    # every edition capped below the team: excluded, saying so
    capped = text.replace("    name: Pro\n", "    name: Pro\n    max_users: 10\n", 1)
    capped = capped.replace("    name: Enterprise\n", "    name: Enterprise\n    max_users: 10\n", 1)
    (tmp_path / "acme-crm.yaml").write_text(capped, encoding="utf-8")
    catalog = load_catalog(vendor_dirs=[tmp_path], shipped_vendors=False, today=TODAY)
    found = chosen(catalog, needs, Constraints(users=11))
    assert found.exclusion is not None and found.exclusion.code == "seat_limit"
    assert dict(found.exclusion.values) == {"max": "10", "users": "11"}


def test_an_upgrade_is_priced_even_when_the_configuration_has_a_part_on_quote(acme: Vendor) -> None:
    # Insights on quote is kept in Pro + Insights; Acme Loyalty (2,000 EUR a month) is still priced
    quoted = acme.model_copy(
        update={
            "add_ons": (acme.add_ons[0].model_copy(update={"price": None, "price_note": "On quote."}), acme.add_ons[1])
        }
    )
    needs = [need("lead_scoring", 4, must=True), need("loyalty_programme", 3)]
    _, (found,) = recommend(needs, [quoted], Constraints(users=5), None)
    assert [p.id for p in found.configuration.parts] == ["pro", "insights"]
    (loyalty,) = [u for u in found.upgrades if u.id == "loyalty"]
    assert loyalty.extra_yearly == pytest.approx(24_000)


def test_a_must_have_met_only_over_the_budget_excludes_the_vendor(catalog: Catalog) -> None:
    needs = [need("sales_forecasting", 4, must=True), need("pipeline_stages", 3)]
    found = chosen(catalog, needs, Constraints(users=5, budget_per_user_month=120, budget_currency="USD"))
    assert names(found) == ["enterprise"]  # Pro (100) is within the budget but misses the must-have
    assert found.exclusion is not None and dict(found.exclusion.values)["needed_for"] == "sales_forecasting"


def test_when_no_configuration_can_meet_a_must_have_the_best_value_within_the_budget(acme: Vendor) -> None:
    without = acme.model_copy(update={"add_ons": ()})  # lead scoring stays at 1 in every edition
    needs = [need("lead_scoring", 4, must=True), need("sales_forecasting", 4)]
    limit = Constraints(users=5, budget_per_user_month=120, budget_currency="USD")
    _, (found,) = recommend(needs, [without], limit, None)
    # Enterprise is over 120 USD; Pro's two levels of forecasts are not worth three times Starter's cost
    assert [p.id for p in found.configuration.parts] == ["starter"]
    assert not found.meets_must_haves and found.exclusion is None


def test_over_the_budget_in_every_configuration_says_which_edition_is_needed_for_what(catalog: Catalog) -> None:
    needs = [need("sales_forecasting", 4, must=True)]
    found = chosen(catalog, needs, Constraints(users=5, budget_per_user_month=40, budget_currency="EUR"))
    assert names(found) == ["enterprise"]  # Starter is within the budget but has no forecasts
    assert found.exclusion is not None
    values = dict(found.exclusion.values)
    assert values["configuration"] == "Enterprise"
    assert values["needed_for"] == "sales_forecasting"
    assert values["original"] == "175 USD"
    assert values["currency"] == "EUR" and values["budget"] == "40 EUR"
    rate = catalog.rates.rates["USD"] if catalog.rates else 0
    assert float(values["price"]) == pytest.approx(175 / rate, abs=0.01)
    assert values["rates_date"] == "2026-10-30"


def test_a_yearly_budget_in_total(catalog: Catalog) -> None:
    needs = [need("sales_forecasting", 4, must=True)]
    yearly = 175 * 5 * 12
    assert chosen(catalog, needs, Constraints(users=5, budget_per_year=yearly, budget_currency="USD")).exclusion is None
    over = chosen(catalog, needs, Constraints(users=5, budget_per_year=yearly - 1, budget_currency="USD"))
    assert over.exclusion is not None and dict(over.exclusion.values)["per"] == "year"


def test_an_empty_race_of_configurations_recommends_nothing_and_does_not_crash(catalog: Catalog) -> None:
    # no vendor left to configure (every one filtered out before), with and without a budget nothing fits
    needs = [need("sales_forecasting", 4, must=True)]
    for constraints in (None, Constraints(users=5, budget_per_user_month=0.01, budget_currency="EUR")):
        space, found = recommend(needs, (), constraints, catalog.rates)
        assert found == () and space.vendors == ()
    # a vendor none of whose configurations is within the budget keeps one, flagged over the budget
    tiny = Constraints(users=5, budget_per_user_month=0.01, budget_currency="EUR")
    assert chosen(catalog, needs, tiny).exclusion is not None
    assert chosen(catalog, [], tiny).configuration.edition.id == "starter"


def test_yearly_cost_counts_users_minimum_seats_and_organisation_prices(acme: Vendor, catalog: Catalog) -> None:
    starter, pro, _ = acme.editions
    insights, loyalty = acme.add_ons
    assert cost_of([starter], 15, "USD", catalog.rates).yearly == 25 * 15 * 12
    assert cost_of([pro], 1, "USD", catalog.rates).yearly == 100 * 3 * 12  # at least 3 seats
    eur = cost_of([pro, loyalty], 10, "EUR", catalog.rates)
    assert catalog.rates is not None
    assert eur.yearly == pytest.approx(100 * 10 * 12 / catalog.rates.rates["USD"] + 2000 * 12)
    (used,) = eur.conversions
    assert (used.source, used.target, used.date) == ("USD", "EUR", "2026-10-30")
    assert cost_of([insights], 2, "XXX", catalog.rates).yearly is None  # no rate: not guessed


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(0, 5), min_size=4, max_size=4),
    st.lists(st.booleans(), min_size=4, max_size=4),
    st.sampled_from([None, 30.0, 120.0, 200.0]),
)
def test_the_draws_choose_by_the_rule_of_the_ranking(catalog: Catalog, levels, musts, budget) -> None:  # type: ignore[no-untyped-def]
    caps = ["sales_forecasting", "lead_scoring", "loyalty_programme", "quotes"]
    needs = [need(c, lvl, must and lvl > 0) for c, lvl, must in zip(caps, levels, musts, strict=True)]
    constraints = Constraints(users=5, budget_per_user_month=budget, budget_currency="USD")
    sp, (found,) = recommend(needs, catalog.vendors, constraints, catalog.rates)
    picked, _, _ = choose(sp, sp.editions[None], sp.raises[None], (sp.level**WEIGHT_POWER)[None], sp.pool)
    assert found.configuration.edition.id == catalog.vendors[0].editions[int(picked[0, 0]) // sp.bits.shape[0]].id

    # no other configuration of the pool meeting every must-have is worth more: what it would add
    # on the important needs (4-5, weighted as the fit weighs them) is below what its cost weighs
    def ratings_of(parts: list) -> dict[str, int]:  # type: ignore[type-arg]
        return {
            c: max(
                [
                    catalog.vendors[0].ratings[c].at(parts[0].id),
                    *(getattr(p, "raises", {}).get(c, 0) for p in parts[1:]),
                ]
            )
            for c in caps
        }

    def important_cover(ratings: dict[str, int]) -> float:  # in levels of a need of 4 (of 5: 25/16 a level)
        weighted = [min(ratings[n.capability], n.level) * (n.level / 4) ** (WEIGHT_POWER - 1) for n in needs]
        return sum(w for w, n in zip(weighted, needs, strict=True) if n.level >= 4)

    def misses(ratings: dict[str, int]) -> bool:
        return any(n.must_have and ratings[n.capability] < min(n.level, 3) for n in needs)

    e, s = divmod(int(picked[0, 0]), sp.bits.shape[0])
    mine = list(found.configuration.parts)
    if found.meets_must_haves:
        value = important_cover(ratings_of(mine)) - sp.price[0, e, s]
        for ee, ss in zip(*np.nonzero(sp.pool[0]), strict=True):
            parts = [catalog.vendors[0].editions[ee], *(a for i, a in enumerate(sp.slots[0]) if sp.bits[ss, i])]
            ratings = ratings_of(parts)
            assert misses(ratings) or important_cover(ratings) - sp.price[0, ee, ss] <= value + 1e-6


def test_robustness_draws_keep_a_vendor_whose_must_have_an_add_on_provides(catalog: Catalog) -> None:
    needs = [need("lead_scoring", 4, must=True), need("pipeline_stages", 3)]
    sp, _ = recommend(needs, catalog.vendors, None, catalog.rates)
    (odds,) = draw_odds(sp, ["acme-crm"], draws=50, seed=1)
    assert odds.first_share == 1.0


@st.composite
def vendors_with_overlapping_add_ons(draw: st.DrawFn) -> tuple[Vendor, list[Need]]:
    caps = ["sales_forecasting", "lead_scoring", "quotes", "loyalty_programme"]
    editions = ["a", "b", "c"]
    ratings = {
        c: {"by_edition": {e: draw(st.integers(0, 5)) for e in editions}, "evidence": "x", "unverified": True}
        for c in caps
    }
    add_ons = [
        {
            "id": f"x{i}",
            "name": f"X{i}",
            "price": {"amount": draw(st.sampled_from([0, 5, 50])), "currency": "EUR"},
            "price_note": "test",
            "requires": draw(st.sampled_from([[], ["b", "c"]])),
            "raises": draw(st.dictionaries(st.sampled_from(caps), st.integers(1, 5), min_size=1, max_size=3)),
        }
        for i in range(3)
    ]
    vendor = Vendor.model_validate(
        {
            "kind": "vendor",
            "format": 2,
            "id": "v",
            "name": "V",
            "publisher": "P",
            "website": "https://example.com",
            "summary": "S",
            "orientation": "b2b",
            "company_sizes": ["small"],
            "languages": ["en"],
            "editions": [
                {"id": e, "name": e, "price": {"amount": 10 * (i + 1), "currency": "EUR"}}
                for i, e in enumerate(editions)
            ],
            "add_ons": add_ons,
            "review_date": "2026-11-01",
            "reviewer": "t",
            "ratings": ratings,
        }
    )
    needs = [need(c, draw(st.integers(0, 5)), draw(st.booleans())) for c in caps]
    return vendor, [n for n in needs if n.level or not n.must_have]


@settings(max_examples=60, deadline=None)
@given(vendors_with_overlapping_add_ons())
def test_every_configuration_scores_as_fit_scores_the_vendor_it_makes(case: tuple[Vendor, list[Need]]) -> None:
    """The vectorised choice against fit(), one configuration at a time, overlapping add-ons included."""
    from crmadvisor.model.configurations import Configuration, configured_vendor
    from crmadvisor.model.fit import fit
    from crmadvisor.model.money import Cost

    vendor, needs = case
    sp, _ = recommend(needs, [vendor], None, None)
    n_s = sp.bits.shape[0]
    for e, s in zip(*np.nonzero(sp.valid[0]), strict=True):
        only = np.zeros_like(sp.valid)
        only[0, e, s] = True
        weights = (sp.level**WEIGHT_POWER)[None]
        picked, score, block = choose(sp, sp.editions[None], sp.raises[None], weights, only)
        assert int(picked[0, 0]) == e * n_s + s
        add_ons = tuple(a for i, a in enumerate(sp.slots[0]) if sp.bits[s, i])
        config = Configuration("v", vendor.editions[e], add_ons, Cost(0.0, "EUR", 1, (), ()))
        expected = fit(needs, configured_vendor(vendor, config))
        assert float(score[0, 0]) == pytest.approx(expected.score)
        assert int(block[0, 0]) == expected.count("blocking")


@settings(max_examples=60, deadline=None)
@given(vendors_with_overlapping_add_ons(), st.integers(0, 2**32 - 1))
def test_the_configurations_dropped_as_dominated_are_never_the_choice(
    case: tuple[Vendor, list[Need]], seed: int
) -> None:
    """The draws and the flip search compare only the undominated configurations: on perturbed ratings
    and weights, the choice, its fit and its blocking gaps are those of the whole set."""
    from crmadvisor.model.choice import undominated

    vendor, needs = case
    sp, _ = recommend(needs, [vendor], None, None)
    rng = np.random.default_rng(seed)
    d = 20
    weights = sp.level**WEIGHT_POWER * rng.uniform(0.7, 1.3, size=(d, sp.level.size))
    editions = np.where(sp.editions >= 0, np.clip(sp.editions + rng.integers(-1, 2, (d, *sp.editions.shape)), 0, 5), -1)
    raises = np.where(sp.raises > 0, np.clip(sp.raises + rng.integers(-1, 2, (d, *sp.raises.shape)), 0, 5), 0)
    kept = undominated(sp, sp.level, sp.floor)
    whole = choose(sp, editions, raises, weights, sp.pool, exact=False)
    fewer = choose(dataclasses.replace(sp, valid=kept), editions, raises, weights, sp.pool, exact=False)
    assert (whole[0] == fewer[0]).all()
    assert np.allclose(whole[1], fewer[1]) and (whole[2] == fewer[2]).all()
    assert kept[:, :, 0].sum() == sp.valid[:, :, 0].sum()  # every edition alone stays
