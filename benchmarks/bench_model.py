#!/usr/bin/env python3
"""The decision model's speed, in process, and `assess` as a whole process.

usage: python benchmarks/bench_model.py [--pairs 11] [--repeat 5] [--skip-process] [--pycache DIR]

1. rank(): 10,000 generated vendors (built in memory with Vendor.model_validate), needs from
   examples/answers/industrial-supplier.yaml. Best of REPEAT. Target < 0.5 s.
2. robustness(): 2,000 Monte Carlo draws over 100 generated vendors (plus the importance-flip
   search it runs). Best of REPEAT. Target < 0.5 s.
3. paired whole process: `crmadvisor assess --answers ... --today TODAY` vs the anchor
   `python benchmarks/anchor_imports.py` (typer, PyYAML, rich, questionary and one pydantic model,
   the issue's anchor). Target assess median < 0.6 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import gen_vendors  # noqa: E402
import paired  # noqa: E402

from crmadvisor.load.answers import read_answers  # noqa: E402
from crmadvisor.load.catalog import load_catalog  # noqa: E402
from crmadvisor.model.fit import rank  # noqa: E402
from crmadvisor.model.needs import Need, needs_from  # noqa: E402
from crmadvisor.model.profile import profile_from  # noqa: E402
from crmadvisor.model.robustness import robustness  # noqa: E402
from crmadvisor.model.schema import Answers, Vendor  # noqa: E402

ANSWERS = ROOT / "examples" / "answers" / "industrial-supplier.yaml"
TODAY = dt.date.today()  # a fixed date would call the catalogue's newer review dates "in the future"


def best_of(repeat: int, func: Callable[[], object]) -> tuple[float, list[float]]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times), times


def verdict(label: str, best: float, target: float, times: list[float]) -> None:
    state = "met" if best < target else "MISSED"
    runs = " ".join(f"{t:.3f}" for t in times)
    print(f"{label}: best {best:.3f} s (runs: {runs}); target < {target:g} s: {state}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=11, help="A B pairs for the whole-process timing")
    parser.add_argument("--repeat", type=int, default=5, help="in-process runs; the best is kept")
    parser.add_argument("--skip-process", action="store_true", help="only the in-process timings")
    parser.add_argument(
        "--pycache",
        default=str(HERE / "_data" / "pycache"),
        help="bytecode cache folder for the whole-process runs ('' to leave the environment as it is)",
    )
    args = parser.parse_args()

    print(f"load average before: {load_average()} ({os.cpu_count()} CPUs)")
    catalog = load_catalog(today=TODAY)
    answers, _ = read_answers(ANSWERS, catalog)
    profile = profile_from(answers, catalog.traits)
    needs = needs_from(profile, answers, catalog.feature_areas)
    constraints = answers.constraints
    print(f"needs: {len(needs)} capabilities, {sum(n.level > 0 for n in needs)} with a need > 0")

    start = time.perf_counter()
    vendors = [Vendor.model_validate(d) for d in gen_vendors.vendor_dicts(10_000, seed=1)]
    print(f"built 10,000 Vendor objects (generate + model_validate) in {time.perf_counter() - start:.2f} s (untimed)")

    best, times = best_of(args.repeat, lambda: rank(needs, vendors, constraints))
    fits = rank(needs, vendors, constraints)
    in_race = sum(not f.excluded for f in fits)
    verdict(f"rank(), 10,000 vendors ({in_race} in the race)", best, 0.5, times)

    # the worst case: 100 vendors that all pass the constraints, so all 100 enter the Monte Carlo
    by_id = {v.id: v for v in vendors}
    hundred = [by_id[f.vendor] for f in fits if not f.excluded][:100]
    fits100 = rank(needs, hundred, constraints)

    def needs_for(given: Answers) -> tuple[Need, ...]:
        return needs_from(profile, given, catalog.feature_areas)

    def run_robustness() -> object:
        return robustness(needs_for, answers, catalog.feature_areas, needs, fits100, hundred, draws=2000)

    best, times = best_of(args.repeat, run_robustness)
    result = robustness(needs_for, answers, catalog.feature_areas, needs, fits100, hundred, draws=2000)
    label = f"robustness(), 2,000 draws, 100 vendors ({len(result.odds)} in the race)"
    verdict(label, best, 0.5, times)

    if args.skip_process:
        print(f"load average after: {load_average()}")
        return 0
    print(f"\n== assess, whole process (n={args.pairs} pairs)")
    bin_dir = Path(sys.executable).parent
    a = f"{bin_dir / 'crmadvisor'} assess --answers {ANSWERS.relative_to(ROOT)} --today {TODAY}"
    b = f"{sys.executable} {HERE / 'anchor_imports.py'}"
    os.chdir(ROOT)
    paired.report(a, b, paired.run_pairs(a, b, args.pairs, pycache=args.pycache or None), max_a=0.6)
    print(f"load average after: {load_average()}")
    return 0


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: on a shared machine, read every figure against them."""
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # not available on this platform
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
