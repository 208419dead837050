"""One staleness rule for every command: a profile is stale more than 365 days after its review."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from crmadvisor.model.review import stale

REVIEWED = dt.date(2025, 3, 1)


def test_a_profile_is_stale_the_day_after_a_year_of_365_days() -> None:
    assert not stale(REVIEWED, REVIEWED + dt.timedelta(days=365))
    assert stale(REVIEWED, REVIEWED + dt.timedelta(days=366))
    assert not stale(REVIEWED, REVIEWED - dt.timedelta(days=400))  # a future review is another problem


@given(st.dates(), st.integers(0, 5000), st.integers(0, 5000))
def test_once_stale_a_profile_stays_stale(reviewed: dt.date, days: int, more: int) -> None:
    try:
        on, later = reviewed + dt.timedelta(days=days), reviewed + dt.timedelta(days=days + more)
    except OverflowError:
        return
    assert not stale(reviewed, on) or stale(reviewed, later)
