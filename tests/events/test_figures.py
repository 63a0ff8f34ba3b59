"""Counts of people: digits, words, qualifiers and ACLED's conservative values."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitroom.events.figures import parse_count, parse_number


@pytest.mark.parametrize(
    ("text", "low", "best", "high", "qualifier"),
    [
        ("killing at least 17", 17, 17, 17, "at least"),
        ("between 15 and 20 civilians", 15, 15, 20, "between"),
        ("more than 17,000 civilians", 17_000, 17_000, 17_000, "more than"),
        ("an additional 16 lives", 16, 16, 16, "an additional"),
        ("the lives of dozens", 12, 12, 99, "dozens"),
        ("killing hundreds", 100, 100, 999, "hundreds"),
        ("some 30,000 ground force", 27_000, 30_000, 33_000, "some"),
        ("sixteen people", 16, 16, 16, None),
        ("twenty-five soldiers", 25, 25, 25, None),
        ("1.3 million", 1_300_000, 1_300_000, 1_300_000, None),
        ("Thirty four people were killed", 34, 34, 34, None),
        ("one hundred and twenty families", 120, 120, 120, None),
        ("two thousand five hundred troops", 2_500, 2_500, 2_500, None),
        ("twelve hundred residents", 1_200, 1_200, 1_200, None),
        ("two three-year-old children", 2, 2, 2, None),  # two children, not five
    ],
)
def test_qualified_counts(text: str, low: int, best: int, high: int, qualifier: str | None) -> None:
    count = parse_count(text)
    assert count is not None
    assert (count.low, count.best, count.high, count.qualifier) == (low, best, high, qualifier)


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_with_thousands_separators_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6))
def test_ranges_are_ordered(a: int, b: int) -> None:
    count = parse_count(f"between {min(a, b)} and {max(a, b)} people")
    assert count is not None and count.low <= count.best <= count.high
