"""`vendors audit` output: a table in text, a document in JSON, annotations for GitHub Actions."""

from __future__ import annotations

import json
from collections.abc import Callable

from crmadvisor.errors import Problem
from crmadvisor.model.audit import CatalogAudit, Key, SourceKind, VendorAudit
from crmadvisor.present.problems import as_github as problems_as_github
from crmadvisor.words import Words

Locate = Callable[[str, Key], tuple[str, int, int]]  # vendor id, key -> file, line, column


def _percent(share: float) -> str:
    return f"{share * 100:.1f} %"


def summary(audit: CatalogAudit, w: Words) -> str:
    line = w(
        "audit.summary",
        count=len(audit.vendors),
        ratings=audit.ratings,
        unverified=audit.unverified,
        share=_percent(audit.share_unverified),
    )
    if audit.max_unverified is not None:
        line += w("audit.within" if audit.passed else "audit.above", limit=_percent(audit.max_unverified))
    return line + "\n"


def problems(audit: CatalogAudit, locate: Locate, w: Words) -> list[Problem]:
    """Every finding as a located problem, worded in the user's language."""
    found: list[Problem] = []
    for vendor in audit.vendors:
        for finding in vendor.findings:
            path, line, col = locate(vendor.vendor_id, finding.key)
            field = ".".join(str(part) for part in finding.key)
            message = w("audit.finding." + finding.code.replace("-", "_"), detail=finding.detail)
            found.append(Problem(path, line, col, field, message, finding.code, finding.severity))
    return found


def _row(v: VendorAudit, w: Words) -> str:
    kinds = "/".join(str(len(v.sources[k.value])) for k in SourceKind)
    stale = w["audit.stale"] if v.stale else ""
    return (
        f"{v.vendor_id:<32} {v.sourced:>3}/{v.ratings:<3} {_percent(v.share_sourced):>8}"
        f" {len(v.unverified):>10}  {kinds:>18}  {v.review_date}{stale}  {len(v.undated_prices):>9}\n"
    )


def as_text(audit: CatalogAudit, locate: Locate, w: Words) -> str:
    t = w.section("audit.col")
    header = (
        f"{t['vendor']:<32} {t['sourced']:>7} {t['share']:>8} {t['unverified']:>10}  {t['kinds']:>18}"
        f"  {t['review']:<10}  {t['undated']:>9}\n"
    )
    lines = [header, *(_row(v, w) for v in audit.vendors), "\n"]
    details: list[str] = []
    for v in audit.vendors:
        if v.unverified:
            details.append(w("audit.list.unverified", vendor=v.vendor_id, capabilities=", ".join(v.unverified)))
        details += [w("audit.list.disallowed", vendor=v.vendor_id, url=u) for u in v.sources[SourceKind.disallowed]]
        if v.undated_prices:
            details.append(w("audit.list.undated", vendor=v.vendor_id, prices=", ".join(v.undated_prices)))
    if details:
        lines += [d + "\n" for d in details] + ["\n"]
    lines.append(summary(audit, w))
    return "".join(lines)


def _vendor_doc(v: VendorAudit) -> dict[str, object]:
    return {
        "id": v.vendor_id,
        "name": v.name,
        "ratings": v.ratings,
        "sourced": v.sourced,
        "share_sourced": round(v.share_sourced, 4),
        "unverified": list(v.unverified),
        "sources": {kind: list(urls) for kind, urls in v.sources.items()},
        "review_date": v.review_date.isoformat(),
        "stale": v.stale,
        "undated_prices": list(v.undated_prices),
    }


def as_json(audit: CatalogAudit, locate: Locate, w: Words) -> str:
    doc = {
        "version": 1,
        "vendors": [_vendor_doc(v) for v in audit.vendors],
        "ratings": audit.ratings,
        "unverified": audit.unverified,
        "share_unverified": round(audit.share_unverified, 4),
        "max_unverified": audit.max_unverified,
        "passed": audit.passed,
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def as_github(audit: CatalogAudit, locate: Locate, w: Words) -> str:
    """One annotation per finding, at its line; the share, and an error above the limit."""
    text = problems_as_github(problems(audit, locate, w), len(audit.vendors)).splitlines(keepends=True)
    annotations = [line for line in text if line.startswith("::")]
    if not audit.passed:
        annotations.append(f"::error title={w['audit.share_title']}::{summary(audit, w).strip()}\n")
    return "".join(annotations) + summary(audit, w)


FORMATS: dict[str, Callable[[CatalogAudit, Locate, Words], str]] = {
    "text": as_text,
    "json": as_json,
    "github": as_github,
}
