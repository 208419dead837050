"""Every hostile template of tests/data/hostile/templates/ as a whole `assess` process: wall time, peak
memory, and the ratio of its time to the anchor's (the same command with a one-line template), run in
turn so that the load of a shared machine weighs on both. Target (issue 11): no case above 2 s.

usage: python benchmarks/bench_hostile.py [--repeat N]   (from the repository root, venv active)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "data" / "hostile" / "templates"
ANSWERS = ROOT / "examples" / "answers" / "online-retailer.yaml"
TARGET_SECONDS = 2.0


def run(template: Path, folder: Path) -> tuple[float, float, int]:
    """Wall seconds, peak resident MB and exit code of one `assess` with this template."""
    output = folder / "r.md"
    command = [sys.executable, "-m", "crmadvisor", "assess", "--answers", str(ANSWERS), "--draws", "0"]
    start = time.perf_counter()
    process = subprocess.Popen(
        [*command, "-o", str(output), "--template", str(template)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    output.unlink(missing_ok=True)
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each case (median kept)")
    repeat = parser.parse_args().repeat
    print(f"load before: {Path('/proc/loadavg').read_text().strip()}")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        anchor = folder / "anchor.md"
        anchor.write_text("{{ report.company }}\n", encoding="utf-8")
        run(anchor, folder)  # warm-up: bytecode and file caches
        print(f"{'case':34} {'median s':>9} {'max s':>7} {'x anchor':>9} {'peak MB':>8} {'exit':>5}")
        worst = 0.0
        for template in [anchor, *sorted(CASES.glob("*.md"))]:
            times, ratios, peaks, codes = [], [], [], set()
            for _ in range(repeat):
                base, _, _ = run(anchor, folder)
                seconds, peak, code = run(template, folder)
                times.append(seconds)
                ratios.append(seconds / base)
                peaks.append(peak)
                codes.add(code)
            if template != anchor:
                worst = max(worst, max(times))
            print(
                f"{template.stem:34} {statistics.median(times):9.2f} {max(times):7.2f} "
                f"{statistics.median(ratios):9.2f} {max(peaks):8.0f} {','.join(map(str, sorted(codes))):>5}"
            )
    print(f"load after: {Path('/proc/loadavg').read_text().strip()}")
    print(f"slowest hostile case: {worst:.2f} s (target < {TARGET_SECONDS:g} s): {'met' if worst < 2 else 'NOT met'}")
    return 0 if worst < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
