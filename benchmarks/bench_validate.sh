#!/usr/bin/env bash
# Validation throughput: `crmadvisor validate` vs `yamllint -d relaxed` on 1,000 generated vendor files.
# Targets: crmadvisor <= 0.15x yamllint (median pair ratio) and median under 1.0 s.
# usage: bash benchmarks/bench_validate.sh [N_PAIRS]   (env: VENV=/path/to/venv, PYCACHE=)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-$PWD/.venv}  # the README's venv at the repository root
# Cache bytecode under benchmarks/_data/pycache, as an installed package would have .pyc files;
# PYCACHE= (empty) measures with the environment as it is (e.g. PYTHONDONTWRITEBYTECODE=1).
PYCACHE=${PYCACHE-benchmarks/_data/pycache}
if [ -n "$PYCACHE" ]; then
  unset PYTHONDONTWRITEBYTECODE
  export PYTHONPYCACHEPREFIX="$PWD/$PYCACHE"
fi
N=${1:-5}
DATA=benchmarks/_data/vendors

"$VENV/bin/python" benchmarks/gen_vendors.py "$DATA" 1000
# the data must be valid, or the benchmark would time the error path
"$VENV/bin/crmadvisor" validate "$DATA" --today 2026-11-22 | tail -n 1

"$VENV/bin/python" benchmarks/paired.py -n "$N" --max-ratio 0.15 --max-a 1.0 \
  "$VENV/bin/crmadvisor validate $DATA --today 2026-11-22" \
  "$VENV/bin/yamllint -d relaxed $DATA"
