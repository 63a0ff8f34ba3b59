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


_EVERY_KIND = (
    "On Friday, Oct. 13, 1989, and on 16-17 October, 10/27/1989 and Monday the 3rd; last fall and the winter of "
    "1994; Christmas Eve; late November, June last year; fiscal 1989, nineteen ninety-six, the 1980s, the 20th "
    "century; the third quarter and the year-ago period; earlier this month, the weekend; the year ended March 31; "
    "last Friday morning, every Sunday, Mondays; yesterday afternoon, tonight, later that week; three years "
    "ago, weeks ago, year-earlier; the past five days, a year and a half; recent years, for months, a while; "
    "daily, every two weeks, each April, $500 a month; now, the near future; 10:35 a.m. EDT Thursday, 14:00 GMT, "
    "midnight Friday, four in the morning, nine o'clock, 0600 hrs."
)


def test_every_expression_holds_a_word_of_its_kind() -> None:
    """A rule is skipped over a text without its kind's words (expressions._KIND_NEEDS); that is only safe
    while every expression of the kind holds one, which this checks on expressions of every kind."""
    from sitroom.time.expressions import _KIND_NEEDS

    found = find_timexes(_EVERY_KIND)
    kinds = {t.kind for t in found}
    assert kinds >= set(_KIND_NEEDS)  # every gated kind is exercised
    for timex in found:
        if timex.kind in _KIND_NEEDS:
            assert any(word in timex.text.lower() for word in _KIND_NEEDS[timex.kind]), timex


def test_a_rules_own_words_spare_only_texts_it_cannot_match(monkeypatch: pytest.MonkeyPatch) -> None:
    """Some rules name words of their own (a clock time's "o'clock" or ":", a decade's "0s"): skipping a text
    without them must find exactly what running every rule finds, on expressions of every rule."""
    from sitroom.time import expressions

    assert any(needs for _, _, needs in expressions._COMPILED)
    more = "10/27/1989, 2016-10-12, 12.10.2016, 12-Oct-2016, the '80s, 1430 hrs, noon, at 6 in the evening, 10:35 GMT"
    # each expression alone, so that no other expression's words let a wrongly skipped rule run
    texts = [part for text in (_EVERY_KIND, more) for chunk in text.split("; ") for part in chunk.split(", ")]
    gated = [find_timexes(text) for text in texts]
    monkeypatch.setattr(expressions, "_COMPILED", tuple((kind, rule, ()) for kind, rule, _ in expressions._COMPILED))
    assert [find_timexes(text) for text in texts] == gated
    assert {t.kind for found in gated for t in found} >= {"clock", "decade", "century", "numeric_date", "date"}
