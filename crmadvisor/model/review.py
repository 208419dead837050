"""How old a vendor profile's evidence may be before a report warns that it may be stale, and the mark of a
value a new profile still has to be given."""

from __future__ import annotations

import datetime as dt

STALE_AFTER_DAYS = 365
PLACEHOLDER = "TODO"  # in a value `vendors new` wrote and nobody has replaced yet: `validate` warns


def stale(review_date: dt.date, on: dt.date) -> bool:
    """Whether a profile reviewed on `review_date` is stale on `on` (more than 365 days before it)."""
    return (on - review_date).days > STALE_AFTER_DAYS
