"""Time: temporal expressions anchored on the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitroom.model import TimePrecision
from sitroom.time import find_timexes, normalise

TUESDAY = dt.date(2016, 11, 1)


def _value(text: str, anchor: dt.date = TUESDAY, future: bool = False) -> tuple[str, TimePrecision]:
    (raw,) = find_timexes(text)
    timex = normalise(raw, anchor, "a", future=future)
    assert timex is not None
    return timex.value, timex.precision


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("troops entered Mosul Monday", "2016-10-31", TimePrecision.DAY),
        ("on Tuesday", "2016-11-01", TimePrecision.DAY),
        ("Last Wednesday, Obama called", "2016-10-26", TimePrecision.DAY),
        ("yesterday", "2016-10-31", TimePrecision.DAY),
        ("launched October 17", "2016-10-17", TimePrecision.DAY),
        ("an air strike last week", "2016-W43", TimePrecision.WEEK),
        ("over the weekend", "2016-W43-WE", TimePrecision.WEEK),
        ("in September 2005", "2005-09", TimePrecision.MONTH),
        ("in 2006", "2006", TimePrecision.MONTH),
        ("on 17 October 2016", "2016-10-17", TimePrecision.DAY),
    ],
)
def test_past_narration(text: str, value: str, precision: TimePrecision) -> None:
    assert _value(text) == (value, precision)


def test_weekday_in_future_narration_is_the_next_one() -> None:
    assert _value("will meet Friday", future=True) == ("2016-11-04", TimePrecision.DAY)


def test_last_weekday_on_that_weekday_goes_back_a_week() -> None:
    assert _value("last Tuesday") == ("2016-10-25", TimePrecision.DAY)


def test_last_month_name_is_the_most_recent_one_before_this_month() -> None:
    assert _value("began last October", anchor=dt.date(2017, 7, 4)) == ("2016-10", TimePrecision.MONTH)
    assert _value("since last October", anchor=dt.date(2016, 10, 20)) == ("2015-10", TimePrecision.MONTH)


def test_lower_case_month_words_are_not_dates() -> None:
    assert find_timexes("forces may march on the city") == []


@given(
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 1, 1)),
    st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
)
def test_past_weekday_is_within_the_week_before_the_anchor(anchor: dt.date, day: str) -> None:
    (raw,) = find_timexes(f"on {day}")
    timex = normalise(raw, anchor, "a")
    assert timex is not None
    assert 0 <= (anchor - timex.first_day).days < 7
    assert timex.first_day.strftime("%A") == day
