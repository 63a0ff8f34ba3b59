"""Calendar arithmetic and TimeML value strings for days, weeks, months, quarters, seasons and years."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Period:
    """A TimeML value with the first and last day it covers (None for values that name no days)."""

    value: str
    first: dt.date | None
    last: dt.date | None


def day(date: dt.date) -> Period:
    return Period(date.isoformat(), date, date)


def month(year: int, month_: int) -> Period:
    year, month_ = year + (month_ - 1) // 12, (month_ - 1) % 12 + 1
    first = dt.date(year, month_, 1)
    last = dt.date(year + month_ // 12, month_ % 12 + 1, 1) - ONE_DAY
    return Period(f"{year:04d}-{month_:02d}", first, last)


def year(year_: int) -> Period:
    return Period(f"{year_:04d}", dt.date(year_, 1, 1), dt.date(year_, 12, 31))


def week(date: dt.date) -> Period:
    """The ISO week holding ``date``."""
    monday = date - dt.timedelta(days=date.weekday())
    iso_year, iso_week, _ = monday.isocalendar()
    return Period(f"{iso_year}-W{iso_week:02d}", monday, monday + dt.timedelta(days=6))


def weekend(date: dt.date) -> Period:
    """The weekend of the ISO week holding ``date``."""
    saturday = date - dt.timedelta(days=date.weekday()) + dt.timedelta(days=5)
    iso_year, iso_week, _ = saturday.isocalendar()
    return Period(f"{iso_year}-W{iso_week:02d}-WE", saturday, saturday + ONE_DAY)


def quarter(year_: int, number: int) -> Period:
    year_, number = year_ + (number - 1) // 4, (number - 1) % 4 + 1
    first = month(year_, 3 * number - 2).first
    last = month(year_, 3 * number).last
    return Period(f"{year_:04d}-Q{number}", first, last)


def half(year_: int, number: int) -> Period:
    first = month(year_, 6 * number - 5).first
    last = month(year_, 6 * number).last
    return Period(f"{year_:04d}-H{number}", first, last)


def season(year_: int, code: str, start_month: int) -> Period:
    first = dt.date(year_, start_month, 1)
    last = month(year_, start_month + 2).last
    return Period(f"{year_:04d}-{code}", first, last)


def decade(first_year: int) -> Period:
    return Period(f"{first_year // 10:03d}", dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31))


def century(first_year: int) -> Period:
    return Period(f"{first_year // 100:02d}", dt.date(first_year, 1, 1), dt.date(first_year + 99, 12, 31))


def quarter_of(date: dt.date) -> int:
    return (date.month - 1) // 3 + 1


def add_months(date: dt.date, months: int) -> dt.date:
    index = date.year * 12 + date.month - 1 + months
    y, m = divmod(index, 12)
    last = month(y, m + 1).last
    assert last is not None
    return date.replace(year=y, month=m + 1, day=min(date.day, last.day))


def nth_weekday(year_: int, month_: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (0 = Monday) of a month: Thanksgiving is nth_weekday(y, 11, 3, 4)."""
    first = dt.date(year_, month_, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def easter(year_: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year_ % 19, year_ // 100, year_ % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month_, day_ = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year_, month_, day_ + 1)
