"""Counts of people: digits, words, qualifiers and ACLED's conservative values."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitroom.events.figures import add_figures, parse_count, parse_number
from sitroom.model import Figure, Provenance


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


def _killed(low: int, best: int, high: int, toll: bool = False) -> Figure:
    return Figure("killed", low, best, high, None, str(best), Provenance("a", 0, 1), toll=toll)


def _together(first: Figure | None, second: Figure) -> int:
    total = add_figures(first, second)
    assert total is not None
    return total.best


def test_figures_of_one_account_add_up_unless_they_restate_or_update() -> None:
    assert _together(_killed(3, 3, 3), _killed(1, 1, 1)) == 4
    assert _together(_killed(11, 11, 11), _killed(11, 11, 11)) == 11
    assert _together(_killed(12, 12, 99), _killed(20, 20, 20)) == 12  # "dozens", then a count within them
    assert _together(_killed(11, 11, 11), _killed(12, 12, 12, toll=True)) == 12
    assert _together(None, _killed(2, 2, 2)) == 2
