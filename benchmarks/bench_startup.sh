#!/usr/bin/env bash
# Start-up: crmadvisor --version / --help vs the smallest typer app (benchmarks/mini_typer.py).
# Target: median pair ratio <= 1.1 for both. Then the import profile of crmadvisor.cli and a check
# that it loads none of questionary, rich.console, numpy, jinja2, matplotlib.
# usage: bash benchmarks/bench_startup.sh [N_PAIRS]   (VENV=/path/to/venv to use another venv)
set -uo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-/work/venv}
N=${1:-21}
PY="$VENV/bin/python"

echo "== --version (n=$N pairs)"
"$PY" benchmarks/paired.py -n "$N" --max-ratio 1.1 "$VENV/bin/crmadvisor --version" "$PY benchmarks/mini_typer.py version"
echo
echo "== --help (n=$N pairs)"
"$PY" benchmarks/paired.py -n "$N" --max-ratio 1.1 "$VENV/bin/crmadvisor --help" "$PY benchmarks/mini_typer.py --help"
echo
echo "== imports"
"$PY" benchmarks/importtime.py --module crmadvisor.cli --top 15 --runs 5
