"""Babel's locale data kept between runs in part: the figures of its whole data, and enough for every output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

FIGURES = """
import datetime as dt, json, random
from crmadvisor.present.typography import day, money, number, plural
rng = random.Random(7)
values = [0, 1, 1.5, 2, 35, 999.5, 1000, 2000.25, 18000, 123523.75, -42.5, 10**9 + 0.5]
values += [round(rng.uniform(-1e6, 1e7), rng.choice([0, 1, 2])) for _ in range(150)]
out = []
for lang in ("en", "fr"):
    for v in values:
        out.append(number(v, lang, decimals=rng.choice([0, 1, 2])))
        out.append(money(v, rng.choice(["EUR", "USD", "GBP", "CHF", "JPY", "CAD"]), lang))
        out.append(plural(abs(v), lang))
    out += [day(dt.date(2026, 1, 1) + dt.timedelta(days=d), lang) for d in range(0, 800, 7)]
print(json.dumps(out))
"""

MISSING = """
import io, sys, contextlib, json
from crmadvisor.present import typography
asked = []
whole = typography.KeptLocaleData.__missing__
typography.KeptLocaleData.__missing__ = lambda self, part: asked.append(part) or whole(self, part)
from crmadvisor.cli import commands
out = sys.argv[1]
runs = [
    *(["assess", "--answers", "examples/answers/industrial-supplier-loyalty.yaml", "--lang", k] for k in ("en", "fr")),
    *(["assess", "--answers", "examples/answers/hybrid-b2b2c.yaml", "-o", f"{out}/r.md", "--lang", k]
      for k in ("en", "fr")),
    ["rfp", "--answers", "examples/answers/industrial-supplier.yaml", "-o", f"{out}/rfp.xlsx", "--lang", "fr"],
]
for argv in runs:
    sys.argv = ["crmadvisor", *argv]
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            commands.main()
    except SystemExit as done:
        assert not done.code, (argv, done.code)
print(json.dumps(asked))
"""


def _python(script: str, cache: Path, *args: str, kept: bool = True) -> str:
    env = {**os.environ, "CRMADVISOR_CACHE_DIR": str(cache), "CRMADVISOR_CACHE": "1" if kept else "0"}
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_kept_locale_data_gives_the_figures_of_babels_whole_data(tmp_path: Path) -> None:
    whole = json.loads(_python(FIGURES, tmp_path, kept=False))
    _python(FIGURES, tmp_path)  # reads the whole data, keeps its parts
    assert list(tmp_path.glob("locale-*.pickle"))
    assert json.loads(_python(FIGURES, tmp_path)) == whole  # from the kept parts


KEEP = "from crmadvisor.present.typography import number; number(1, 'en'); number(1, 'fr')"


def test_every_output_in_both_languages_reads_only_the_kept_parts(tmp_path: Path) -> None:
    _python(KEEP, tmp_path)  # reads the whole data, keeps its parts
    assert json.loads(_python(MISSING, tmp_path, str(tmp_path))) == []
