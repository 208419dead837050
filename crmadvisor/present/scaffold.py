"""The new vendor profile `crmadvisor vendors new` writes: format 2, every capability listed.

It validates as written, so that it can be checked while it is being filled in: every value still to
write holds a `TODO` placeholder, which `validate` warns about (an error with `--strict`), and every
rating starts at 0 and `unverified` until a source backs it (docs/vendor-format.md).
"""

from __future__ import annotations

import datetime as dt

from crmadvisor.model.review import PLACEHOLDER
from crmadvisor.model.schema import Catalog


def scaffold(vendor_id: str, catalog: Catalog, today: dt.date) -> str:
    day = today.isoformat()
    first = catalog.capability_ids()[0]
    lines = [
        f"# {vendor_id}: a new vendor profile, format 2 (docs/vendor-format.md). It validates as written, with a",
        f"# warning for each `{PLACEHOLDER}` left: replace them, rate every capability from the vendor's public",
        "# documentation (the rubric: `crmadvisor vendors rubric`), then run",
        f"# `crmadvisor validate {vendor_id}.yaml` until it reports nothing.",
        "kind: vendor",
        "format: 2",
        f"id: {vendor_id}",
        f'name: "{PLACEHOLDER}: product name"',
        f'publisher: "{PLACEHOLDER}: company that sells it"',
        f"website: https://{PLACEHOLDER}.example  # the vendor's site",
        f'summary: "{PLACEHOLDER}: one or two sentences: what it is, for whom"',
        "orientation: both  # check: b2b | b2c | both",
        "company_sizes: [micro, small, medium, large]  # keep those served: micro (1-9), small (10-49),",
        "  # medium (50-249), large (250+)",
        "languages: [en]  # interface languages, ISO 639-1 codes: [en, fr]",
        "hosting_regions: []  # fr, de, eu, uk, ch, us, ca, au, apac; leave empty if not published",
        "editions:  # every edition sold, cheapest first",
        "  - id: standard",
        f'    name: "{PLACEHOLDER}: edition name"',
        f'    price_note: "{PLACEHOLDER}: give the `price`, or say why there is none (sold on quote)"',
        "    # price: {amount: 25, currency: EUR, per: user_month, billing: annual}",
        "    #   per: user_month (per licensed user) | org_month (per organisation); billing: annual | monthly",
        "    # min_users: 3  # the fewest licences sold",
        "    # source: https://...  # where the price was read",
        f"    # as_of: {day}",
        "  # - id: pro",
        "  #   name: Pro",
        "  #   price: {amount: 60, currency: EUR, per: user_month, billing: annual}",
        "  #   source: https://...",
        f"  #   as_of: {day}",
        "add_ons: []  # separately licensed products or options; a capability only they provide is theirs,",
        "  # never a native rating. For example:",
        "  # - id: insights",
        "  #   name: Insights",
        "  #   price: {amount: 50, currency: EUR, per: user_month, billing: annual}",
        "  #   requires: [pro]  # the editions it can be added to; absent: every edition",
        f"  #   raises: {{{first}: 4}}  # capability -> its rating with the add-on",
        "  #   evidence: What the add-on adds.",
        "  #   source: https://...",
        f"  #   as_of: {day}",
        f"review_date: {day}",
        f'reviewer: "{PLACEHOLDER}: who reviewed the evidence"',
        "sources: []  # the pages the profile was reviewed on",
        "ratings:  # every capability: `rating` (0-5, every edition), or `by_edition` (one per edition:",
        "  # by_edition: {standard: 2, pro: 4}), with its evidence and its source",
    ]
    for area in catalog.feature_areas.areas:
        lines.append(f"  # {area.heading('en')}")
        for cap in area.capabilities:
            lines += [
                f"  {cap.id}:  # {cap.name('en')}",
                "    rating: 0",
                f'    evidence: "{PLACEHOLDER}: what the product offers for this (module, edition, add-on)"',
                "    unverified: true  # until a source backs the rating; then `source: https://...` instead",
            ]
    return "\n".join(lines) + "\n"
