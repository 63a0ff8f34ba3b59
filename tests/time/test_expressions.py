"""Time: which words a temporal expression spans, following the TimeML TIMEX3 extent conventions."""

from __future__ import annotations

import datetime as dt

import pytest

from sitroom.model import TimePrecision
from sitroom.time import Anchor, find_timexes, normalise


def _texts(text: str) -> list[str]:
    return [t.text for t in find_timexes(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # prepositions stay outside; determiners and modifiers stay inside
        ("Troops entered the city on Monday.", ["Monday"]),
        ("Prices rose in the past two months.", ["the past two months"]),
        ("The war began nearly four years ago.", ["nearly four years ago"]),
        ("Fighting has gone on since 2014.", ["2014"]),
        # an adjectival duration leaves its determiner out
        ("They signed a two-year deal and a 24-hour curfew.", ["two-year", "24-hour"]),
        ("Profit rose in the third-quarter results.", ["third-quarter"]),
        # a sentence-final period is not part of "a.m."
        ("The blast came at 6 a.m. Police arrived later.", ["6 a.m"]),
        ("The blast came at 6 a.m. Monday.", ["6 a.m. Monday"]),
        # the longest expression wins where rules overlap
        ("It happened on Friday, Oct. 13, 1989.", ["Friday, Oct. 13, 1989"]),
        ("The curfew ends at noon Saturday.", ["noon Saturday"]),
        ("He was killed late last week.", ["late last week"]),
        # ages and amounts are not times
        ("A 6-year-old boy and 2000 people were hurt.", []),
        ("Three-quarters of the city was destroyed.", []),
    ],
)
def test_extents(sentence: str, expected: list[str]) -> None:
    assert _texts(sentence) == expected


def test_offsets_point_into_the_text() -> None:
    text = "Clashes on Sunday and on 17 October 2016 killed 12."
    for timex in find_timexes(text, offset=100):
        assert text[timex.start - 100 : timex.end - 100] == timex.text


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("on the night of 16-17 October", dt.date(2016, 10, 16), dt.date(2016, 10, 17), TimePrecision.WEEK),
        ("on 17/10/2016", dt.date(2016, 10, 17), dt.date(2016, 10, 17), TimePrecision.DAY),
        ("on 10/17/2016", dt.date(2016, 10, 17), dt.date(2016, 10, 17), TimePrecision.DAY),
        ("at 0600 GMT", dt.date(2016, 10, 24), dt.date(2016, 10, 24), TimePrecision.DAY),
    ],
)
def test_spans_and_numeric_forms(text: str, first: dt.date, last: dt.date, precision: TimePrecision) -> None:
    (raw,) = find_timexes(text)
    timex = normalise(raw, Anchor(dt.date(2016, 10, 24), "past"), "a")
    assert timex is not None and (timex.first_day, timex.last_day, timex.precision) == (first, last, precision)
