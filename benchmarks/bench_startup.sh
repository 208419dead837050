#!/usr/bin/env bash
# Start-up: crmadvisor --version / --help vs the smallest typer app (benchmarks/mini_typer.py).
# Target: median pair ratio <= 1.1 for both. Then the import profile of crmadvisor.cli and a check
# that it loads none of questionary, rich.console, numpy, jinja2, matplotlib.
# usage: bash benchmarks/bench_startup.sh [N_PAIRS]   (env: VENV=/path/to/venv, PYCACHE=)
set -uo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-$PWD/.venv}  # the README's venv at the repository root
# Cache bytecode under benchmarks/_data/pycache, as an installed package would have .pyc files;
# PYCACHE= (empty) measures with the environment as it is (e.g. PYTHONDONTWRITEBYTECODE=1).
PYCACHE=${PYCACHE-benchmarks/_data/pycache}
if [ -n "$PYCACHE" ]; then
  unset PYTHONDONTWRITEBYTECODE
  export PYTHONPYCACHEPREFIX="$PWD/$PYCACHE"
fi
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
