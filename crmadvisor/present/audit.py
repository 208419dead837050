"""`vendors audit` output: a table in text, a document in JSON, annotations for GitHub Actions."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from crmadvisor.errors import Problem
from crmadvisor.model.audit import CatalogAudit, SourceKind, VendorAudit
from crmadvisor.present.problems import as_github as problems_as_github


def _percent(share: float) -> str:
    return f"{share * 100:.1f} %"


def summary(audit: CatalogAudit) -> str:
    noun = "profile" if len(audit.vendors) == 1 else "profiles"
    line = (
        f"{len(audit.vendors)} vendor {noun}, {audit.ratings} ratings: {audit.unverified} unverified"
        f" ({_percent(audit.share_unverified)})"
    )
    if audit.max_unverified is not None:
        verdict = "within" if audit.passed else "ABOVE"
        line += f"; {verdict} the limit of {_percent(audit.max_unverified)}"
    return line + "\n"


def _row(v: VendorAudit) -> str:
    kinds = "/".join(str(len(v.sources[k.value])) for k in SourceKind)
    stale = " (stale)" if v.stale else ""
    return (
        f"{v.vendor_id:<28} {v.sourced:>3}/{v.ratings:<3} {_percent(v.share_sourced):>8}"
        f" {len(v.unverified):>10}  {kinds:>14}  {v.review_date}{stale}  {len(v.undated_prices):>6}\n"
    )


def as_text(audit: CatalogAudit, problems: Sequence[Problem]) -> str:
    header = (
        f"{'vendor':<28} {'sourced':>7} {'share':>8} {'unverified':>10}  {'own/3rd/banned':>14}  review      undated\n"
    )
    lines = [header, *(_row(v) for v in audit.vendors), "\n"]
    for v in audit.vendors:
        if v.unverified:
            lines.append(f"{v.vendor_id}: unverified: {', '.join(v.unverified)}\n")
        for url in v.sources[SourceKind.disallowed.value]:
            lines.append(f"{v.vendor_id}: not a citable source: {url}\n")
        if v.undated_prices:
            lines.append(f"{v.vendor_id}: prices without a date: {', '.join(v.undated_prices)}\n")
    if any(v.unverified or v.undated_prices or v.sources[SourceKind.disallowed.value] for v in audit.vendors):
        lines.append("\n")
    lines.append(summary(audit))
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


def as_json(audit: CatalogAudit, problems: Sequence[Problem]) -> str:
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


def as_github(audit: CatalogAudit, problems: Sequence[Problem]) -> str:
    """One annotation per finding, at its line; the share, and an error above the limit."""
    text = problems_as_github(problems, len(audit.vendors)).splitlines(keepends=True)
    annotations = [line for line in text if line.startswith("::")]
    if not audit.passed:
        annotations.append(f"::error title=unverified share::{summary(audit).strip()}\n")
    return "".join(annotations) + summary(audit)


FORMATS: dict[str, Callable[[CatalogAudit, Sequence[Problem]], str]] = {
    "text": as_text,
    "json": as_json,
    "github": as_github,
}
