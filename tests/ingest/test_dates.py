"""Publication dates in metadata."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitroom.ingest.dates import parse_published
from sitroom.model import TimePrecision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016-10-19", (dt.date(2016, 10, 19), TimePrecision.DAY)),
        ("2016-10-19T08:30:00Z", (dt.date(2016, 10, 19), TimePrecision.DAY)),
        ("19 October 2016", (dt.date(2016, 10, 19), TimePrecision.DAY)),
        ("October 19, 2016", (dt.date(2016, 10, 19), TimePrecision.DAY)),
        ("2016-10", (dt.date(2016, 10, 1), TimePrecision.MONTH)),
    ],
)
def test_common_formats(text: str, expected: tuple[dt.date, TimePrecision]) -> None:
    assert parse_published(text) == expected


@pytest.mark.parametrize("text", ["2016-13-45", "yesterday", "", "1850-01-01", "2999-01-01"])
def test_invalid_dates_raise_with_the_value(text: str) -> None:
    with pytest.raises(ValueError, match="date"):
        parse_published(text)


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2026, 1, 1)))
def test_iso_round_trip(date: dt.date) -> None:
    assert parse_published(date.isoformat()) == (date, TimePrecision.DAY)
