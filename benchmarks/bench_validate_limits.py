#!/usr/bin/env python3
"""Time and peak memory of `crmadvisor validate` on files made to hurt it, against an anchor.

usage: python benchmarks/bench_validate_limits.py [-n N] [--vendors N] [--pycache DIR] [--crmadvisor CMD]

Cases (generated into benchmarks/_data/validate_limits, which git ignores):
  flow-list-1M   a 2 MB flow list of 1,048,573 scalars, under the 2 MiB file limit: refused
                 (targets: under 1 s, under 100 MB peak)
  vendors-10k    10,000 valid vendor files in format 2 (target: under 300 MB peak)
The anchor is `crmadvisor validate` on one valid vendor file: start-up plus one file. Each case
and the anchor run in turn N times after a warm-up; the script prints the median wall time, the
median of the pair-by-pair ratios case/anchor, the median peak resident memory of each (the
child's own ru_maxrss, from wait4) and the load average before and after.
`--crmadvisor 'env PYTHONPATH=OLD python -m crmadvisor'` measures another checkout (before/after).
Standard library only.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "_data" / "validate_limits"
TEMPLATE = ROOT / "tests" / "data" / "validate" / "sellsy.yaml"  # a real profile in format 2
TODAY = "2026-11-22"
CRMADVISOR = shutil.which("crmadvisor", path=str(Path(sys.executable).parent)) or "crmadvisor"

sys.path.insert(0, str(HERE))
from paired import pycache_env  # noqa: E402


def run_once(argv: list[str], env: dict[str, str] | None) -> tuple[float, int, float]:
    """Wall time (s), exit code and peak resident memory (MB) of one run of argv."""
    start = time.perf_counter()
    quiet = subprocess.DEVNULL
    proc = subprocess.Popen(argv, stdin=quiet, stdout=quiet, stderr=quiet, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, proc.returncode, usage.ru_maxrss / 1024  # Linux: kilobytes


def generate(folder: Path, count: int) -> None:
    """Vendor files, written by another process: a child's ru_maxrss includes its parent's memory
    at the fork (Linux carries it across exec), so this process stays small."""
    command = [sys.executable, str(HERE / "gen_vendors.py"), str(folder), str(count), "--template", str(TEMPLATE)]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def make_data(vendors: int, crmadvisor: list[str]) -> dict[str, list[str]]:
    DATA.mkdir(parents=True, exist_ok=True)
    flow = DATA / "flow-list-1M.yaml"
    if not flow.exists():
        flow.write_text("[" + ",".join(["1"] * 1_048_573) + "]", encoding="utf-8")
    folder = DATA / f"vendors-{vendors}"
    if not folder.is_dir() or len(list(folder.glob("*.yaml"))) != vendors:
        shutil.rmtree(folder, ignore_errors=True)
        generate(folder, vendors)
    anchor = DATA / "anchor"
    anchor.mkdir(exist_ok=True)
    generate(anchor, 1)
    validate = [*crmadvisor, "validate", "--today", TODAY]
    return {
        "anchor (1 vendor file)": [*validate, str(anchor)],
        "flow-list-1M": [*validate, str(flow)],
        f"vendors-{vendors // 1000}k": [*validate, str(folder)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5, help="pairs per case (default 5)")
    parser.add_argument("--vendors", type=int, default=10_000, help="vendor files in the large case")
    parser.add_argument("--pycache", default=str(HERE / "_data" / "pycache"), help="'' to leave bytecode as is")
    parser.add_argument("--crmadvisor", default=CRMADVISOR, help="the command to measure (shell-quoted)")
    args = parser.parse_args()
    env = pycache_env(args.pycache)
    commands = make_data(args.vendors, shlex.split(args.crmadvisor))
    (anchor_name, anchor), *cases = commands.items()
    print(f"load average before: {os.getloadavg()}")
    anchor_runs = [run_once(anchor, env) for _ in range(2)][-1:]  # a warm-up first
    print(f"{'case':24} {'exit':>4} {'median s':>9} {'ratio':>7} {'peak MB':>8}")
    for name, argv in cases:
        run_once(argv, env)  # warm-up
        walls, ratios, peaks, exits = [], [], [], set()
        for _ in range(args.n):
            wall, code, peak = run_once(argv, env)
            base = run_once(anchor, env)
            anchor_runs.append(base)
            walls.append(wall)
            ratios.append(wall / base[0])
            peaks.append(peak)
            exits.add(code)
        print(
            f"{name:24} {','.join(map(str, sorted(exits))):>4} {statistics.median(walls):9.3f} "
            f"{statistics.median(ratios):6.2f}x {statistics.median(peaks):8.1f}"
        )
    walls = [r[0] for r in anchor_runs]
    print(
        f"{anchor_name:24} {anchor_runs[0][1]:>4} {statistics.median(walls):9.3f} {'1.00x':>7} "
        f"{statistics.median(r[2] for r in anchor_runs):8.1f}"
    )
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
