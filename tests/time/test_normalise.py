"""Time: temporal expressions anchored on the publication date, one test per family of expressions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitroom.model import TimePrecision
from sitroom.time import Anchor, find_timexes, normalise

TUESDAY = dt.date(2016, 11, 1)
PAST, FUTURE = "past", "future"


def _resolve(text: str, anchor: dt.date = TUESDAY, tense: str | None = PAST, reference: dt.date | None = None):  # type: ignore[no-untyped-def]
    found = find_timexes(text)
    assert len(found) == 1, found
    timex = normalise(found[0], Anchor(anchor, tense, reference), "a")
    assert timex is not None
    return timex


def _value(text: str, **kwargs: object) -> tuple[str, TimePrecision | None]:
    timex = _resolve(text, **kwargs)  # type: ignore[arg-type]
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
        ("earlier this month", "2016-11", TimePrecision.MONTH),
        ("in September 2005", "2005-09", TimePrecision.MONTH),
        ("in 2006", "2006", TimePrecision.MONTH),
        ("on 17 October 2016", "2016-10-17", TimePrecision.DAY),
        ("on October 17, 2016", "2016-10-17", TimePrecision.DAY),
        ("on Oct. 17", "2016-10-17", TimePrecision.DAY),
        ("dated 10/17/2016", "2016-10-17", TimePrecision.DAY),
        ("dated 2016-10-17", "2016-10-17", TimePrecision.DAY),
        ("dated 2016/10/17", "2016-10-17", TimePrecision.DAY),
        ("dated 17.10.2016", "2016-10-17", TimePrecision.DAY),
        ("dated 17-Oct-2016", "2016-10-17", TimePrecision.DAY),
        ("on the 17th of October, 2016", "2016-10-17", TimePrecision.DAY),
        ("on 17 October last year", "2015-10-17", TimePrecision.DAY),
        ("the day before yesterday", "2016-10-30", TimePrecision.DAY),
        ("began last October", "2016-10", TimePrecision.MONTH),
        ("fell in late September", "2016-09", TimePrecision.MONTH),
        ("two weeks ago", "2016-W42", TimePrecision.WEEK),
        ("three days ago", "2016-10-29", TimePrecision.DAY),
        ("a year ago", "2015", TimePrecision.MONTH),
        ("in the 1990s", "199", TimePrecision.MONTH),
        ("the third quarter", "2016-Q3", TimePrecision.MONTH),
        ("last summer", "2016-SU", TimePrecision.MONTH),
        ("on Christmas Day 2015", "2015-12-25", TimePrecision.DAY),
        ("nineteen ninety-six", "1996", TimePrecision.MONTH),
    ],
)
def test_dates_in_past_narration(text: str, value: str, precision: TimePrecision) -> None:
    assert _value(text) == (value, precision)


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("this morning", "2016-11-01TMO", "TIME"),
        ("last night", "2016-10-31TNI", "TIME"),
        ("at 10:35 a.m. Monday", "2016-10-31T10:35", "TIME"),
        ("at noon", "2016-11-01T12:00", "TIME"),
        ("for two years", "P2Y", "DURATION"),
        ("the past five days", "P5D", "DURATION"),
        ("for 2 1/2 hours", "PT2H30M", "DURATION"),
        ("a two-year deal", "P2Y", "DURATION"),
        ("for several months", "PXM", "DURATION"),
        ("in recent weeks", "PXW", "DURATION"),
        ("daily", "P1D", "SET"),
        ("every week", "P1W", "SET"),
        ("each Thursday", "XXXX-WXX-4", "SET"),
        ("now", "PRESENT_REF", "DATE"),
        ("recently", "PAST_REF", "DATE"),
        ("in the near future", "FUTURE_REF", "DATE"),
    ],
)
def test_times_durations_sets_and_references(text: str, value: str, kind: str) -> None:
    timex = _resolve(text)
    assert (timex.value, timex.type) == (value, kind)
    assert timex.anchored == (kind in ("DATE", "TIME") and not value.endswith("_REF"))


@pytest.mark.parametrize(
    ("text", "mod"),
    [("nearly four years ago", "LESS_THAN"), ("at least 30 days", "EQUAL_OR_MORE"), ("early next year", "START"),
     ("the end of 1990", "END"), ("mid-October", "MID")],
)  # fmt: skip
def test_modifiers_stay_inside_the_expression(text: str, mod: str) -> None:
    timex = _resolve(text)
    assert timex.text == text.split(" ", 1)[1] if text.startswith(("in ", "on ")) else timex.text == text
    assert timex.mod == mod


def test_weekday_in_future_narration_is_the_next_one() -> None:
    assert _value("will meet Friday", tense=FUTURE) == ("2016-11-04", TimePrecision.DAY)


def test_weekday_with_no_tense_reads_as_past() -> None:
    assert _value("Friday", tense=None) == ("2016-10-28", TimePrecision.DAY)


def test_last_weekday_on_that_weekday_goes_back_a_week() -> None:
    assert _value("last Tuesday") == ("2016-10-25", TimePrecision.DAY)


def test_last_month_name_is_the_most_recent_one_before_this_month() -> None:
    assert _value("began last October", anchor=dt.date(2017, 7, 4)) == ("2016-10", TimePrecision.MONTH)
    assert _value("since last October", anchor=dt.date(2016, 10, 20)) == ("2015-10", TimePrecision.MONTH)


def test_month_without_year_takes_its_year_from_tense() -> None:
    assert _value("in December", tense=PAST) == ("2015-12", TimePrecision.MONTH)
    assert _value("in December", tense=FUTURE) == ("2016-12", TimePrecision.MONTH)
    assert _value("in January", tense=FUTURE) == ("2017-01", TimePrecision.MONTH)
    # With no tense, the nearest one: January after a November publication is next year's.
    assert _value("in January", tense=None) == ("2017-01", TimePrecision.MONTH)


def test_day_and_month_without_year_in_past_narration_is_not_in_the_future() -> None:
    assert _value("on 20 December", tense=PAST) == ("2015-12-20", TimePrecision.DAY)
    assert _value("on 20 December", tense=FUTURE) == ("2016-12-20", TimePrecision.DAY)


def test_since_sunday_is_the_last_sunday() -> None:
    assert _value("since Sunday", anchor=dt.date(2014, 6, 16)) == ("2014-06-15", TimePrecision.DAY)


def test_anaphoric_expressions_count_from_the_narrated_day() -> None:
    assert _value("the next day", reference=dt.date(2016, 10, 17)) == ("2016-10-18", TimePrecision.DAY)
    assert _value("the following week", reference=dt.date(2016, 10, 17)) == ("2016-W43", TimePrecision.WEEK)


def test_lower_case_month_words_are_not_dates() -> None:
    assert find_timexes("forces may march on the city") == []
    assert find_timexes("the leaves fall in the garden") == []


def test_amounts_and_ages_are_not_times() -> None:
    assert find_timexes("a 6-year-old boy and 2000 people") == []
    assert find_timexes("it costs $5 a year") != [] and find_timexes("$1990 was paid") == []


def test_impossible_dates_are_dropped() -> None:
    (raw,) = find_timexes("on February 31, 2016")
    assert normalise(raw, Anchor(TUESDAY), "a") is None


@given(
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 1, 1)),
    st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
)
def test_past_weekday_is_within_the_week_before_the_anchor(anchor: dt.date, day: str) -> None:
    (raw,) = find_timexes(f"on {day}")
    timex = normalise(raw, Anchor(anchor, PAST), "a")
    assert timex is not None and timex.first_day is not None
    assert 0 <= (anchor - timex.first_day).days < 7
    assert timex.first_day.strftime("%A") == day


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 1, 1)))
def test_weekend_in_past_narration_has_begun_by_the_anchor(anchor: dt.date) -> None:
    (raw,) = find_timexes("over the weekend")
    timex = normalise(raw, Anchor(anchor, PAST), "a")
    assert timex is not None and timex.first_day is not None and timex.last_day is not None
    assert timex.first_day.weekday() == 5 and 0 <= (anchor - timex.first_day).days < 7
