"""Anchor raw temporal expressions on the publication date and give them TimeML values and precision."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sitroom.model import Provenance, TimeExpression, TimePrecision
from sitroom.time.expressions import WEEKDAYS, RawTimex, month_number

_ONE_DAY = dt.timedelta(days=1)


def normalise(raw: RawTimex, anchor: dt.date, article_id: str, future: bool = False) -> TimeExpression | None:
    """Resolve ``raw`` against ``anchor``; ``future`` is the tense of the clause it governs.

    Returns None for an expression that names no date (an impossible day such as 31 February).
    """
    resolver = _RESOLVERS[raw.kind]
    try:
        resolved = resolver(raw, anchor, future)
    except ValueError:
        return None
    if resolved is None:
        return None
    value, first, last, precision = resolved
    return TimeExpression(raw.text, Provenance(article_id, raw.start, raw.end), value, first, last, precision)


Resolved = tuple[str, dt.date, dt.date, TimePrecision] | None


def _day(date: dt.date) -> Resolved:
    return date.isoformat(), date, date, TimePrecision.DAY


def _resolve_date(raw: RawTimex, anchor: dt.date, future: bool) -> Resolved:
    month = month_number(raw.part("month") or "")
    day = int(raw.part("day") or 0)
    year = raw.part("year")
    if year:
        return _day(dt.date(int(year), month, day))
    candidate = dt.date(anchor.year, month, day)
    if future and candidate < anchor:
        candidate = dt.date(anchor.year + 1, month, day)
    elif not future and candidate > anchor + dt.timedelta(days=7):
        # Past narration names a date that has happened; a week of slack allows scheduled events.
        candidate = dt.date(anchor.year - 1, month, day)
    return _day(candidate)


def _resolve_month_year(raw: RawTimex, anchor: dt.date, future: bool) -> Resolved:
    return _month(int(raw.part("year") or 0), month_number(raw.part("month") or ""))


def _month(year: int, month: int) -> Resolved:
    first = dt.date(year, month, 1)
    last = (dt.date(year + month // 12, month % 12 + 1, 1)) - _ONE_DAY
    return f"{year:04d}-{month:02d}", first, last, TimePrecision.MONTH


def _weekday_index(raw: RawTimex) -> int:
    return WEEKDAYS.index((raw.part("weekday") or "").lower())


def _resolve_weekday(raw: RawTimex, anchor: dt.date, future: bool) -> Resolved:
    target = _weekday_index(raw)
    if future and raw.part("since") is None:
        days = (target - anchor.weekday()) % 7
        return _day(anchor + dt.timedelta(days=days))
    days = (anchor.weekday() - target) % 7
    return _day(anchor - dt.timedelta(days=days))


def _resolve_relative_weekday(raw: RawTimex, anchor: dt.date, future: bool) -> Resolved:
    target = _weekday_index(raw)
    rel = (raw.part("rel") or "").lower()
    if rel == "next":
        return _day(anchor + dt.timedelta(days=(target - anchor.weekday() - 1) % 7 + 1))
    if rel == "this":
        return _resolve_weekday(raw, anchor, future)
    # "last Wednesday" is the most recent Wednesday strictly before the anchor.
    return _day(anchor - dt.timedelta(days=(anchor.weekday() - target - 1) % 7 + 1))


def _resolve_day_word(raw: RawTimex, anchor: dt.date, future: bool) -> Resolved:
    word = (raw.part("word") or "").lower()
    offsets = {"yesterday": -1, "today": 0, "tonight": 0, "the day before yesterday": -2}
    return _day(anchor + dt.timedelta(days=offsets[word]))


def _resolve_weekend(raw: RawTimex, anchor: dt.date, future: bool) -> Resolved:
    if future:
        saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7)
    else:
        saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
    year, week, _ = saturday.isocalendar()
    return f"{year}-W{week:02d}-WE", saturday, saturday + _ONE_DAY, TimePrecision.WEEK


def _resolve_relative_unit(raw: RawTimex, anchor: dt.date, future: bool) -> Resolved:
    rel = (raw.part("rel") or "").lower()
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[rel]
    unit = raw.part("unit")
    if unit == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
        year, week, _ = monday.isocalendar()
        return f"{year}-W{week:02d}", monday, monday + dt.timedelta(days=6), TimePrecision.WEEK
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + step
        return _month(index // 12, index % 12 + 1)
    year = anchor.year + step
    return str(year), dt.date(year, 1, 1), dt.date(year, 12, 31), TimePrecision.MONTH


def _resolve_this_month(raw: RawTimex, anchor: dt.date, future: bool) -> Resolved:
    this = RawTimex(raw.kind, raw.start, raw.end, raw.text, (("rel", "this"), ("unit", raw.part("unit") or "")))
    resolved = _resolve_relative_unit(this, anchor, future)
    if resolved is None:
        return None
    value, first, last, precision = resolved
    earlier = (raw.part("rel") or "").lower() == "earlier"
    return (value, first, anchor, precision) if earlier else (value, anchor, last, precision)


def _resolve_relative_month(raw: RawTimex, anchor: dt.date, future: bool) -> Resolved:
    month = month_number(raw.part("month") or "")
    rel = (raw.part("rel") or "").lower()
    if rel == "next" or (future and rel != "last"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif rel == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
    else:
        year = anchor.year if month <= anchor.month else anchor.year - 1
    return _month(year, month)


def _resolve_year(raw: RawTimex, anchor: dt.date, future: bool) -> Resolved:
    year = int(raw.part("year") or 0)
    return str(year), dt.date(year, 1, 1), dt.date(year, 12, 31), TimePrecision.MONTH


def _resolve_year_span(raw: RawTimex, anchor: dt.date, future: bool) -> Resolved:
    first, last = int(raw.part("year") or 0), int(raw.part("year2") or 0)
    return f"{first}/{last}", dt.date(first, 1, 1), dt.date(last, 12, 31), TimePrecision.MONTH


_RESOLVERS: dict[str, Callable[[RawTimex, dt.date, bool], Resolved]] = {
    "date": _resolve_date,
    "month_year": _resolve_month_year,
    "weekday": _resolve_weekday,
    "relative_weekday": _resolve_relative_weekday,
    "day_word": _resolve_day_word,
    "weekend": _resolve_weekend,
    "relative_unit": _resolve_relative_unit,
    "this_month": _resolve_this_month,
    "relative_month": _resolve_relative_month,
    "year": _resolve_year,
    "year_span": _resolve_year_span,
}
