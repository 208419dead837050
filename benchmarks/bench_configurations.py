#!/usr/bin/env python3
"""Configurations (issue 13) beside today's model, in process.

usage: python benchmarks/bench_configurations.py [--repeat 5] [--vendors 50] [--editions 5] [--add-ons 4]

Generated vendors in format 2 (VENDORS x EDITIONS editions, ADD_ONS add-ons each raising one or two
capabilities, half of them limited to the upper editions, per-edition ratings rising with the
edition), needs from examples/answers/industrial-supplier.yaml (must-haves included) with 15 users
and a budget of 90 EUR per user per month, so that prices are converted and some configurations
are over it.

1. today: rank() + 2,000 Monte Carlo draws over the same vendors taken as one edition each
   (their lowest ratings), the model before configurations.
2. configurations: recommend() (every configuration of every vendor, chosen by the rule), rank()
   of the configured vendors and 2,000 draws choosing the configuration again in each draw.
Target for 2: < 0.5 s. Best of REPEAT; read against the load average printed.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import gen_vendors  # noqa: E402
from bench_model import best_of, load_average, verdict  # noqa: E402

from crmadvisor.load.answers import read_answers  # noqa: E402
from crmadvisor.load.catalog import load_catalog  # noqa: E402
from crmadvisor.model.configuration_draws import draw_odds  # noqa: E402
from crmadvisor.model.configurations import recommend, with_budget  # noqa: E402
from crmadvisor.model.fit import rank  # noqa: E402
from crmadvisor.model.needs import needs_from  # noqa: E402
from crmadvisor.model.profile import profile_from  # noqa: E402
from crmadvisor.model.robustness import monte_carlo  # noqa: E402
from crmadvisor.model.schema import Constraints, Vendor  # noqa: E402

ANSWERS = ROOT / "examples" / "answers" / "industrial-supplier.yaml"
TODAY = dt.date.today()
CURRENCIES = ["USD", "EUR", "GBP"]


def format_2(data: dict[str, Any], editions: int, add_ons: int, rng: random.Random) -> dict[str, Any]:
    """A generated format 1 vendor as format 2: editions with rising ratings, add-ons raising capabilities."""
    data = copy.deepcopy(data)
    data.pop("price_from", None)
    data.pop("pricing_note", None)
    data["format"] = 2
    ids = [f"e{i}" for i in range(editions)]
    currency = rng.choice(CURRENCIES)
    price = rng.choice([10, 15, 20, 25])
    data["editions"] = [
        {"id": e, "name": e.upper(), "price": {"amount": price * (i + 1) ** 1.5, "currency": currency}}
        for i, e in enumerate(ids)
    ]
    caps = list(data["ratings"])
    for rating in data["ratings"].values():
        top = rating.pop("rating")
        rating["by_edition"] = {e: max(0, top - (editions - 1 - i) // 2) for i, e in enumerate(ids)}
    data["add_ons"] = [
        {
            "id": f"a{j}",
            "name": f"Add-on {j}",
            "price": {
                "amount": rng.choice([5, 10, 20, 500]),
                "currency": currency,
                "per": rng.choice(["user_month", "org_month"]),
            },
            "requires": ids[editions // 2 :] if j % 2 else [],
            "raises": {c: rng.randint(3, 5) for c in rng.sample(caps, rng.choice([1, 2]))},
        }
        for j in range(add_ons)
    ]
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--vendors", type=int, default=50)
    parser.add_argument("--editions", type=int, default=5)
    parser.add_argument("--add-ons", type=int, default=4)
    args = parser.parse_args()
    print(f"load average before: {load_average()}")
    catalog = load_catalog(today=TODAY)
    answers, _ = read_answers(ANSWERS, catalog)
    needs = needs_from(profile_from(answers, catalog.traits), answers, catalog.feature_areas)
    constraints = Constraints(users=15, budget_per_user_month=90, budget_currency="EUR")
    rng = random.Random(7)
    dicts = gen_vendors.vendor_dicts(args.vendors, seed=3)
    for d in dicts:  # every vendor in the race: the worst case for the draws
        d["languages"], d["company_sizes"], d["hosting_regions"] = ["en", "fr"], ["small", "medium"], ["eu"]
    vendors = [Vendor.model_validate(format_2(d, args.editions, args.add_ons, rng)) for d in dicts]
    shape = f"{len(vendors)} vendors x {args.editions} editions x {args.add_ons} add-ons"
    print(f"{shape}; {sum(n.level > 0 for n in needs)} needs > 0, {sum(n.must_have for n in needs)} must-haves")

    def today() -> object:
        fits = rank(needs, vendors, None)
        return monte_carlo(needs, fits, vendors, draws=2000)

    best_today, times = best_of(args.repeat, today)
    verdict("today: rank() + 2,000 draws, one edition per vendor", best_today, 0.5, times)

    def configured() -> object:
        space, recommended = recommend(needs, vendors, constraints, catalog.rates)
        chosen = [r.configured for r in recommended]
        fits = with_budget(rank(needs, chosen, constraints), recommended)
        race = [f.vendor for f in fits if not f.excluded]
        return draw_odds(space, race, draws=2000, seed=1), space

    best_new, times = best_of(args.repeat, configured)
    odds, space = configured()  # type: ignore[misc]
    print(f"configurations considered: {int(space.valid.sum())}; vendors in the race: {len(odds)}")
    verdict("configurations: recommend() + rank() + 2,000 draws choosing per draw", best_new, 0.5, times)
    print(f"ratio configurations / today: {best_new / best_today:.1f}")
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
