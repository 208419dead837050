#!/usr/bin/env python3
"""The RFP workbook for 5 vendors x 30 capabilities: export (build + write the .xlsx) and import (read it
back with every check), each against the anchor of issue 16, the time to import openpyxl, side by side.

usage: python benchmarks/bench_rfp.py [-n N]

The catalogue has 23 capabilities: 7 more are copies of existing ones under new ids, in an extra area
rated critical, so that every vendor sheet has 30 rows. The anchor is `import openpyxl` timed inside N
fresh interpreters (what a first `crmadvisor rfp` pays before it writes anything); export and import are
timed in process, after one warm-up, median of N. Target: each under 2x the anchor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import load_workbook

from crmadvisor.load.answers import read_answers
from crmadvisor.load.catalog import load_catalog
from crmadvisor.load.rfp_workbook import read_returned
from crmadvisor.model.assessment import assess
from crmadvisor.model.schema import Catalog, FeatureArea
from crmadvisor.present.rfp import rfp_from
from crmadvisor.present.rfp_workbook import workbook_bytes

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 12, 2)
VENDORS = ("hubspot", "pipedrive", "zoho-crm", "salesforce-sales-cloud", "odoo-crm")
EXTRA = 7


def catalogue_of_30() -> Catalog:
    catalog = load_catalog(today=TODAY)
    areas = catalog.feature_areas.areas
    base = [c for a in areas for c in a.capabilities][:EXTRA]
    extra = tuple(c.model_copy(update={"id": f"extra_{i}"}) for i, c in enumerate(base))
    area = FeatureArea.model_construct(**{**areas[0].__dict__, "id": "extra", "capabilities": extra[:3]})
    area2 = FeatureArea.model_construct(**{**areas[0].__dict__, "id": "extra2", "capabilities": extra[3:]})
    feature_areas = catalog.feature_areas.model_copy(update={"areas": (*areas, area, area2)})
    vendors = []
    for v in catalog.vendors:
        ratings = dict(v.ratings)
        for cap, copy in zip(base, extra, strict=True):
            if cap.id in ratings:
                ratings[copy.id] = ratings[cap.id]
        vendors.append(v.model_copy(update={"ratings": ratings}))
    return catalog.model_copy(update={"feature_areas": feature_areas, "vendors": tuple(vendors)})


def anchor(n: int) -> list[float]:
    code = "import time; t = time.perf_counter(); import openpyxl; print(time.perf_counter() - t)"
    return [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(n)
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=11)
    n = parser.parse_args().n
    catalog = catalogue_of_30()
    answers, _ = read_answers(ROOT / "examples" / "answers" / "industrial-supplier.yaml", catalog)
    every = {a.id: "critical" for a in catalog.feature_areas.areas}  # every capability needed: 30 rows
    answers = answers.model_copy(update={"importance": every})
    result = assess(catalog, answers, draws=0)
    view = rfp_from(result, catalog, VENDORS, lang="en", date=TODAY, version="bench")
    rows = {len(part.rows) for part in view.vendors}
    assert rows == {30}, f"expected 30 rows per vendor sheet, got {rows}"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rfp.xlsx"
        path.write_bytes(workbook_bytes(view))
        book = load_workbook(path)  # fill every vendor's answers, as a vendor would
        for part in view.vendors:
            sheet = book[part.sheet]
            for r in range(5, 35):
                sheet[f"I{r}"] = "native"
                sheet[f"K{r}"] = 5
        book.save(path)
        assert len(read_returned(path, catalog, TODAY)) == len(VENDORS)

        def timed(job: object) -> list[float]:
            out = []
            for _ in range(n):
                start = time.perf_counter()
                job()  # type: ignore[operator]
                out.append(time.perf_counter() - start)
            return out

        export = timed(lambda: workbook_bytes(rfp_from(result, catalog, VENDORS, lang="en", date=TODAY, version="b")))
        imported = timed(lambda: read_returned(path, catalog, TODAY))
    base = anchor(n)
    a = statistics.median(base)
    for name, times in (("anchor: import openpyxl", base), ("export 5 x 30", export), ("import 5 x 30", imported)):
        m = statistics.median(times)
        print(
            f"{name:26} median {m * 1000:7.1f} ms  min {min(times) * 1000:7.1f}  max {max(times) * 1000:7.1f}"
            f"  ratio {m / a:5.2f}x"
        )
    print("target: export and import each <= 2.00x the anchor")


if __name__ == "__main__":
    main()
