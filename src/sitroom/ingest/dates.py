"""Parse publication dates given in metadata (ISO or common English formats)."""

from __future__ import annotations

import datetime as dt
import re

from sitroom.model import TimePrecision

_FORMATS: tuple[tuple[str, TimePrecision], ...] = (
    ("%Y-%m-%d", TimePrecision.DAY),
    ("%Y/%m/%d", TimePrecision.DAY),
    ("%d %B %Y", TimePrecision.DAY),
    ("%d %b %Y", TimePrecision.DAY),
    ("%B %d, %Y", TimePrecision.DAY),
    ("%b %d, %Y", TimePrecision.DAY),
    ("%B %d %Y", TimePrecision.DAY),
    ("%Y-%m", TimePrecision.MONTH),
    ("%B %Y", TimePrecision.MONTH),
)
_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")
EARLIEST_YEAR = 1900


def parse_published(value: str, today: dt.date | None = None) -> tuple[dt.date, TimePrecision]:
    """Parse a publication date; raise ValueError with the reason when it is not a plausible date."""
    text = value.strip()
    match = _ISO_DATETIME.match(text)
    if match:
        text = match.group(1)
    for fmt, precision in _FORMATS:
        try:
            parsed = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        _check_plausible(parsed, today or dt.date.today())
        return parsed, precision
    raise ValueError(f"invalid date {value!r}; use YYYY-MM-DD")


def parse_precision(value: str | None, default: TimePrecision) -> TimePrecision:
    """Map a metadata precision word (day, week, month) to a TimePrecision."""
    if not value:
        return default
    names = {"day": TimePrecision.DAY, "week": TimePrecision.WEEK, "month": TimePrecision.MONTH}
    try:
        return names[value.strip().lower()]
    except KeyError:
        raise ValueError(f"invalid date precision {value!r}; use day, week or month") from None


def _check_plausible(date: dt.date, today: dt.date) -> None:
    if date.year < EARLIEST_YEAR or date > today + dt.timedelta(days=1):
        raise ValueError(f"implausible date {date.isoformat()} (before {EARLIEST_YEAR} or in the future)")
