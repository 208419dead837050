#!/usr/bin/env python3
"""What importing a module costs, and which heavy modules it pulls in.

usage: python benchmarks/importtime.py [--module crmadvisor.cli] [--top 15] [--runs 5]

Runs `python -X importtime -c "import MODULE"` RUNS times (with the same interpreter as this
script) and prints the TOP entries by median cumulative microseconds. Then imports MODULE in a
fresh process and prints which of the modules that must stay off the start-up path are in
sys.modules. Exit 1 if any of them is.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

MUST_NOT_IMPORT = ("questionary", "rich.console", "numpy", "jinja2", "matplotlib")


def importtime(module: str) -> dict[str, tuple[int, int]]:
    """module -> (self us, cumulative us) from one `-X importtime` run."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
    )
    out: dict[str, tuple[int, int]] = {}
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cum_us, name = line[len("import time:") :].split("|", 2)
        out.setdefault(name.strip(), (int(self_us), int(cum_us)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", default="crmadvisor.cli")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    runs = [importtime(args.module) for _ in range(args.runs)]
    names = set().union(*runs)
    rows = []
    for name in names:
        seen = [r[name] for r in runs if name in r]
        rows.append((statistics.median(c for _, c in seen), statistics.median(s for s, _ in seen), name))
    rows.sort(reverse=True)
    print(f"python -X importtime -c 'import {args.module}': top {args.top} by cumulative time, median of {args.runs}")
    print(f"{'cumulative ms':>14} {'self ms':>8}  module")
    for cum, self_, name in rows[: args.top]:
        print(f"{cum / 1000:14.1f} {self_ / 1000:8.1f}  {name}")
    print(f"{len(names)} modules imported")

    probe = (
        f"import sys, {args.module}\n"
        f"print(' '.join(m for m in {MUST_NOT_IMPORT!r} if m in sys.modules))\n"
        "print(' '.join(m for m in ('pydantic', 'pydantic_core', 'yaml', 'rich') if m in sys.modules))"
    )
    heavy, light = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split("\n")[:2]
    print(f"after `import {args.module}`, of {', '.join(MUST_NOT_IMPORT)}: {heavy or 'none'} in sys.modules")
    print(f"(for information, also loaded: {light or 'none of pydantic, pydantic_core, yaml, rich'})")
    return 1 if heavy else 0


if __name__ == "__main__":
    sys.exit(main())
