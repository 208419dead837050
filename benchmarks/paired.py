#!/usr/bin/env python3
"""Time two whole commands in alternation (A B A B ...) and compare them.

usage: python benchmarks/paired.py [-n N] [--max-ratio R] [--max-a SECONDS] [--pycache DIR] 'COMMAND A' 'COMMAND B'

Each command is a shell-quoted string, split with shlex and run without a shell, with stdin,
stdout and stderr on /dev/null. One untimed warm-up run of each comes first. Prints the median,
min and max wall time of each, their exit codes, and the median of the pair-by-pair ratios A/B
(running the pair back to back cancels most of the drift of a shared machine), and the median CPU
time (user + system) of each, which a loaded machine inflates less than wall time, with the load
average before and after. With --max-ratio
or --max-a, also prints whether A met the target. With --pycache DIR, both commands run with
bytecode caching on and the caches under DIR (PYTHONPYCACHEPREFIX; PYTHONDONTWRITEBYTECODE removed),
so that an environment that forbids writing .pyc files does not add compile time to every run.
Standard library only.
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Pairs:
    a: list[float]
    b: list[float]
    a_exits: set[int]
    b_exits: set[int]
    a_cpu: list[float]
    b_cpu: list[float]

    @property
    def ratio(self) -> float:
        return statistics.median(x / y for x, y in zip(self.a, self.b, strict=True))


def pycache_env(folder: str | None) -> dict[str, str] | None:
    """The environment for the commands: bytecode cached under `folder`, or unchanged (None)."""
    if not folder:
        return None
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.path.abspath(folder)
    return env


def run_once(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, int, float]:
    """Wall time, exit code and CPU time (user + system, the process and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    code = subprocess.call(
        argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, code, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run_pairs(a: str, b: str, n: int, *, pycache: str | None = None) -> Pairs:
    argv_a, argv_b = shlex.split(a), shlex.split(b)
    env = pycache_env(pycache)
    run_once(argv_a, env)  # warm-up; with --pycache, also writes the caches
    run_once(argv_b, env)
    times_a: list[float] = []
    times_b: list[float] = []
    exits_a: set[int] = set()
    exits_b: set[int] = set()
    cpu_a: list[float] = []
    cpu_b: list[float] = []
    for _ in range(n):
        t, code, cpu = run_once(argv_a, env)
        times_a.append(t)
        exits_a.add(code)
        cpu_a.append(cpu)
        t, code, cpu = run_once(argv_b, env)
        times_b.append(t)
        exits_b.add(code)
        cpu_b.append(cpu)
    return Pairs(times_a, times_b, exits_a, exits_b, cpu_a, cpu_b)


def report(a: str, b: str, pairs: Pairs, *, max_ratio: float | None = None, max_a: float | None = None) -> bool:
    """Print the comparison; return whether every given target is met."""
    for tag, cmd, times, exits, cpu in (
        ("A", a, pairs.a, pairs.a_exits, pairs.a_cpu),
        ("B", b, pairs.b, pairs.b_exits, pairs.b_cpu),
    ):
        print(
            f"{tag}: median {statistics.median(times):.3f} s  min {min(times):.3f}  max {max(times):.3f}"
            f"  cpu {statistics.median(cpu):.3f} s  exit {sorted(exits)}  n={len(times)}  $ {cmd}"
        )
    for tag, exits in (("A", pairs.a_exits), ("B", pairs.b_exits)):
        if len(exits) > 1:
            print(f"WARNING: {tag} exited with different codes {sorted(exits)} across runs (files changing?)")
    print(f"A/B: median pair ratio {pairs.ratio:.3f}")
    ok = True
    if max_ratio is not None:
        met = pairs.ratio <= max_ratio
        ok &= met
        print(f"target A/B <= {max_ratio:g}: {'met' if met else 'MISSED'} ({pairs.ratio:.3f})")
    if max_a is not None:
        median = statistics.median(pairs.a)
        met = median < max_a
        ok &= met
        print(f"target A < {max_a:g} s: {'met' if met else 'MISSED'} ({median:.3f} s)")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", help="command A, shell-quoted")
    parser.add_argument("b", help="command B, shell-quoted")
    parser.add_argument("-n", type=int, default=5, help="number of A B pairs (default 5)")
    parser.add_argument("--max-ratio", type=float, help="target: median A/B ratio at most this")
    parser.add_argument("--max-a", type=float, help="target: median of A under this many seconds")
    parser.add_argument("--pycache", metavar="DIR", help="cache bytecode under DIR (see above)")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    pairs = run_pairs(args.a, args.b, args.n, pycache=args.pycache)
    print(f"load average (1 min): {load_before:.2f} before, {os.getloadavg()[0]:.2f} after, on {os.cpu_count()} CPUs")
    if args.pycache:
        print(f"bytecode cache: {args.pycache} (PYTHONPYCACHEPREFIX)")
    report(args.a, args.b, pairs, max_ratio=args.max_ratio, max_a=args.max_a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
