"""Anchor raw temporal expressions and give them TimeML values, types, modifiers and precision.

Relative expressions resolve against the publication date ("Monday", "last week"); anaphoric ones
("the next day", "a year earlier") against the reference date, the last day the text itself named
before them. The tense of the clause an expression governs picks the direction for bare names: in past
narration "Friday" is the latest Friday on or before publication, in future narration the next one.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from sitroom.model import Provenance, TimeExpression, TimePrecision
from sitroom.time import calendar as cal
from sitroom.time.calendar import ONE_DAY, Period
from sitroom.time.expressions import RawTimex
from sitroom.time.lexicon import (
    DAY_PARTS,
    ORDINALS,
    POSITION_MODS,
    modifier,
    month_number,
    parse_number,
    season_code,
    season_start_month,
    unit_code,
    weekday_number,
)

PAST, FUTURE = "past", "future"


@dataclass(frozen=True, slots=True)
class Anchor:
    """What relative expressions resolve against: publication date, clause tense, and the narrated day."""

    date: dt.date
    tense: str | None = None
    reference: dt.date | None = None
    period: str | None = None  # the value of the last calendar period the text named ("1989-Q3")

    @property
    def base(self) -> dt.date:
        return self.reference or self.date


@dataclass(frozen=True, slots=True)
class _Resolved:
    period: Period
    type: str = "DATE"
    mod: str = ""


def normalise(raw: RawTimex, anchor: Anchor, article_id: str) -> TimeExpression | None:
    """Resolve ``raw`` against ``anchor``; None for an expression that names no real date (31 February)."""
    try:
        resolved = _RESOLVERS[raw.kind](raw, anchor)
    except (ValueError, KeyError, OverflowError):
        return None
    if resolved is None:
        return None
    period = resolved.period
    return TimeExpression(
        raw.text, Provenance(article_id, raw.start, raw.end), period.value, period.first, period.last,
        _precision(period), resolved.type, resolved.mod, relative=not raw.self_anchored,
    )  # fmt: skip


def _precision(period: Period) -> TimePrecision | None:
    """ACLED's time_precision for the days a value covers: 1 day, 2 up to a week, else 3."""
    if period.first is None or period.last is None:
        return None
    span = (period.last - period.first).days
    return TimePrecision.DAY if span == 0 else TimePrecision.WEEK if span <= 6 else TimePrecision.MONTH


def _position(raw: RawTimex, name: str = "pos") -> str:
    word = (raw.part(name) or "").lower().replace("the ", "").split()
    for w in word:
        key = w.rstrip("-")
        if key in POSITION_MODS:
            return POSITION_MODS[key]
        if key in ("earlier", "later"):
            return "START" if key == "earlier" else "END"
    return ""


def _direction(rel: str | None) -> int | None:
    """-1 for 'last', 'past', 'previous'; 0 for 'this', 'current'; +1 for 'next', 'coming'; None if absent."""
    if not rel:
        return None
    words = rel.lower().split()
    if any(w in ("last", "past", "previous", "preceding", "prior", "before") for w in words):
        return -1
    if any(w in ("next", "coming", "following", "after") for w in words):
        return 1
    return 0


def _anaphoric(rel: str | None) -> bool:
    """'the following', 'the same', 'that' and 'the previous' count from the narrated day, not publication."""
    return bool(rel) and any(w in (rel or "").lower().split() for w in ("following", "same", "that", "preceding",
                                                                          "prior", "previous"))  # fmt: skip


# -- days -------------------------------------------------------------------------------------------------


def _year_for(month_: int, day_: int, anchor: Anchor) -> int:
    """The year of a day-and-month: past tense looks back, future forward, otherwise the nearest one."""
    base = anchor.date
    candidates = [base.year - 1, base.year, base.year + 1]
    days = [(dt.date(y, month_, min(day_, 28 if month_ == 2 else day_)) - base).days for y in candidates]
    if anchor.tense == PAST:
        # Past narration names a day that has happened, but "has set Nov. 10 as the deadline" names one to
        # come: a month of slack keeps such days in the publication year rather than a year back.
        return max(y for y, d in zip(candidates, days, strict=True) if d <= 31)
    if anchor.tense == FUTURE:
        return min(y for y, d in zip(candidates, days, strict=True) if d >= -7)
    return min(zip(candidates, days, strict=True), key=lambda p: abs(p[1]))[0]


def _date(raw: RawTimex, anchor: Anchor) -> _Resolved:
    month_ = month_number(raw.part("month") or "")
    day_ = int(re.sub(r"\D", "", raw.part("day") or ""))
    year_ = raw.part("year")
    relyear = (raw.part("relyear") or "").lower()
    if relyear:
        year_ = str(anchor.date.year + {"this": 0, "last": -1, "next": 1}[relyear])
    if year_ is None and raw.part("weekday"):
        return _Resolved(cal.day(_date_with_weekday(month_, day_, weekday_number(raw.part("weekday") or ""), anchor)))
    return _Resolved(cal.day(dt.date(int(year_) if year_ else _year_for(month_, day_, anchor), month_, day_)))


def _date_with_weekday(month_: int, day_: int, weekday: int, anchor: Anchor) -> dt.date:
    """'Friday, Oct. 13' without a year: the year near publication in which that day is a Friday."""
    for year_ in (anchor.date.year, anchor.date.year - 1, anchor.date.year + 1):
        candidate = dt.date(year_, month_, day_)
        if candidate.weekday() == weekday:
            return candidate
    return dt.date(_year_for(month_, day_, anchor), month_, day_)


def _weekday_day_of_month(raw: RawTimex, anchor: Anchor) -> _Resolved:
    """'Friday the 13th': the nearest such day that falls on that weekday."""
    day_ = int(re.sub(r"\D", "", raw.part("day") or ""))
    weekday = weekday_number(raw.part("weekday") or "")
    for offset in (0, -1, 1, -2, 2, -3, 3):
        candidate = cal.add_months(anchor.date.replace(day=1), offset)
        try:
            day_date = candidate.replace(day=day_)
        except ValueError:
            continue
        if day_date.weekday() == weekday:
            return _Resolved(cal.day(day_date))
    raise ValueError("no such weekday and day near the anchor")


def _numeric_date(raw: RawTimex, anchor: Anchor) -> _Resolved:
    """10/27/1989 is month first, as in American news; 27/10/1989 can only be day first."""
    year_ = int(raw.part("y") or 0)
    if year_ < 100:
        year_ += 1900 if year_ > (anchor.date.year % 100) + 10 else 2000
    month_, day_ = int(raw.part("m") or 0), int(raw.part("d") or 0)
    if month_ > 12 >= day_:
        month_, day_ = day_, month_
    return _Resolved(cal.day(dt.date(year_, month_, day_)))


def _date_range(raw: RawTimex, anchor: Anchor) -> _Resolved:
    """'16-17 October': TimeML has no value for a span, so the value is its first day; the span is kept."""
    month_ = month_number(raw.part("month") or "")
    first_day, last_day = (int(re.sub(r"\D", "", raw.part(name) or "")) for name in ("day", "day2"))
    if not first_day < last_day:
        raise ValueError("not a span of days")
    year_ = int(raw.part("year") or 0) or _year_for(month_, first_day, anchor)
    first, last = dt.date(year_, month_, first_day), dt.date(year_, month_, last_day)
    return _Resolved(Period(first.isoformat(), first, last))


def _nearest_weekday(weekday: int, base: dt.date, direction: int, inclusive: bool) -> dt.date:
    if direction < 0:
        back = (base.weekday() - weekday) % 7
        return base - dt.timedelta(days=back if back or inclusive else 7)
    ahead = (weekday - base.weekday()) % 7
    return base + dt.timedelta(days=ahead if ahead or inclusive else 7)


def _weekday(raw: RawTimex, anchor: Anchor) -> _Resolved:
    target = weekday_number(raw.part("weekday") or "")
    rel = (raw.part("rel") or "").lower()
    base = anchor.base if _anaphoric(rel) else anchor.date
    if rel.endswith(("day before", "day after")):
        named = _nearest_weekday(target, anchor.date, 1 if anchor.tense == FUTURE else -1, True)
        date = named + (ONE_DAY if rel.endswith("after") else -ONE_DAY)
    elif _direction(rel) in (-1, 1) and not rel.startswith("this"):
        date = _nearest_weekday(target, base, _direction(rel) or -1, inclusive=False)
    elif rel in ("this past", "this coming"):
        date = _nearest_weekday(target, base, -1 if rel == "this past" else 1, inclusive=False)
    else:
        date = _nearest_weekday(target, base, 1 if anchor.tense == FUTURE else -1, inclusive=True)
    return _with_part(cal.day(date), raw.part("part"), _position(raw, "rel"))


def _with_part(period: Period, part: str | None, mod: str = "") -> _Resolved:
    if not part:
        return _Resolved(period, "DATE", mod)
    code = DAY_PARTS[part.lower()]
    return _Resolved(Period(f"{period.value}T{code}", period.first, period.last), "TIME", mod)


def _dayword(raw: RawTimex, anchor: Anchor) -> _Resolved:
    word = (raw.part("word") or "").lower()
    offsets = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "overnight": -1, "this": 0}
    if "before yesterday" in word:
        offset = -2
    elif "after tomorrow" in word:
        offset = 2
    elif word == "last":
        offset = -1 if (raw.part("part") or "").lower() in ("night", "evening") else 0
    else:
        offset = offsets[word]
    part = raw.part("part") or ("night" if word in ("tonight", "overnight") else None)
    return _with_part(cal.day(anchor.date + dt.timedelta(days=offset)), part, _position(raw))


def _anaphoric_unit(raw: RawTimex, anchor: Anchor) -> _Resolved:
    rel = (raw.part("rel") or "").lower()
    unit = (raw.part("unit") or "day").lower()
    step = _direction(rel) or 0
    base = anchor.base
    mod = _position(raw)
    if unit in ("day", "morning", "night", "evening", "afternoon"):
        part = None if unit == "day" else unit
        return _with_part(cal.day(base + dt.timedelta(days=step)), part, mod)
    if unit == "week":
        return _Resolved(cal.week(base + dt.timedelta(weeks=step)), "DATE", mod)
    if unit == "month":
        return _Resolved(cal.month(base.year, base.month + step), "DATE", mod)
    return _Resolved(cal.year(base.year + step), "DATE", mod)


def _set_weekday(raw: RawTimex, anchor: Anchor) -> _Resolved:
    value = f"XXXX-WXX-{weekday_number(raw.part('weekday') or '') + 1}"
    part = raw.part("part")
    if part:
        value += "T" + DAY_PARTS[part.lower().rstrip("s")]
    return _Resolved(Period(value, None, None), "SET")


def _clock(raw: RawTimex, anchor: Anchor) -> _Resolved:
    named = (raw.part("named") or "").lower()
    if named:
        hour, minute = (24, 0) if named == "midnight" else (12, 0)
    elif raw.part("hourword"):
        hour, minute = int(parse_number(raw.part("hourword") or "") or -1), 0
        if (raw.part("part") or "").lower() in ("afternoon", "evening") and hour < 12:
            hour += 12
    else:
        hour, minute = int(raw.part("hour") or -1), int(raw.part("minute") or 0)
        ampm = (raw.part("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    if not 0 <= hour <= 24 or not 0 <= minute < 60:
        raise ValueError("no such time of day")
    date = _clock_date(raw, anchor)
    return _Resolved(Period(f"{date.isoformat()}T{hour:02d}:{minute:02d}", date, date), "TIME",
                     modifier(raw.part("mod")))  # fmt: skip


def _clock_date(raw: RawTimex, anchor: Anchor) -> dt.date:
    if raw.part("dweekday"):
        return _nearest_weekday(weekday_number(raw.part("dweekday") or ""), anchor.date,
                                1 if anchor.tense == FUTURE else -1, inclusive=True)  # fmt: skip
    if raw.part("dword"):
        offsets = {"yesterday": -1, "today": 0, "tomorrow": 1}
        return anchor.date + dt.timedelta(days=offsets[(raw.part("dword") or "").lower()])
    if raw.part("dmonth"):
        month_ = month_number(raw.part("dmonth") or "")
        day_ = int(re.sub(r"\D", "", raw.part("dday") or ""))
        return dt.date(_year_for(month_, day_, anchor), month_, day_)
    return anchor.base


def _holiday(raw: RawTimex, anchor: Anchor) -> _Resolved:
    name = re.sub(r"\s+", " ", (raw.part("holiday") or "").lower())
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4)}  # fmt: skip

    def on(year_: int) -> dt.date:
        if name in fixed:
            return dt.date(year_, *fixed[name])
        if name.startswith("thanksgiving"):
            return cal.nth_weekday(year_, 11, 3, 4)
        return cal.easter(year_)

    if raw.part("year"):
        return _Resolved(cal.day(on(int(raw.part("year") or 0))))
    candidates = [on(y) for y in (anchor.date.year - 1, anchor.date.year, anchor.date.year + 1)]
    return _Resolved(cal.day(_pick(candidates, anchor)))


def _pick(candidates: list[dt.date], anchor: Anchor) -> dt.date:
    """Of candidate days a year apart, the one the tense points to (past by default in news)."""
    if anchor.tense == FUTURE:
        return min(c for c in candidates if c >= anchor.date)
    past = [c for c in candidates if c <= anchor.date + dt.timedelta(days=7)]
    if anchor.tense == PAST or not past:
        return max(past) if past else min(candidates)
    return min(candidates, key=lambda c: abs((c - anchor.date).days))


# -- months, seasons, quarters, years ---------------------------------------------------------------------


def _month(raw: RawTimex, anchor: Anchor) -> _Resolved:
    month_ = month_number(raw.part("month") or "")
    mod = _position(raw) or _position(raw, "rel")
    if raw.part("year"):
        return _Resolved(cal.month(int(raw.part("year") or 0), month_), "DATE", mod)
    relyear = (raw.part("relyear") or "").lower()
    if relyear:
        year_ = anchor.date.year + {"this": 0, "last": -1, "next": 1}[relyear]
        return _Resolved(cal.month(year_, month_))
    step = _direction(raw.part("rel"))
    this_year = anchor.date.year
    if step == -1:
        year_ = this_year if month_ < anchor.date.month else this_year - 1
    elif step == 1 or (step is None and anchor.tense == FUTURE):
        later = month_ > anchor.date.month or (step is None and month_ == anchor.date.month)
        year_ = this_year if later else this_year + 1
    elif step == 0:
        year_ = this_year
    elif anchor.tense == PAST:
        year_ = this_year if month_ <= anchor.date.month else this_year - 1
    else:
        year_ = min((this_year - 1, this_year, this_year + 1),
                    key=lambda y: abs((y * 12 + month_) - (this_year * 12 + anchor.date.month)))  # fmt: skip
    return _Resolved(cal.month(year_, month_), "DATE", mod)


def _season(raw: RawTimex, anchor: Anchor) -> _Resolved:
    code = season_code(raw.part("season") or "")
    start = season_start_month(code)
    rel = (raw.part("rel") or "").lower()
    mod = _position(raw, "rel")
    if raw.part("year"):
        return _Resolved(cal.season(int(raw.part("year") or 0), code, start), "DATE", mod)
    candidates = [cal.season(y, code, start) for y in (anchor.date.year - 1, anchor.date.year, anchor.date.year + 1)]
    step = _direction(rel)
    if step == -1 or (step is None and anchor.tense != FUTURE):
        chosen = [c for c in candidates if c.first and c.first <= anchor.date]
        if step == -1:
            chosen = [c for c in chosen if c.last and c.last < anchor.date] or chosen
        return _Resolved(chosen[-1], "DATE", mod)
    if step == 1 or anchor.tense == FUTURE:
        return _Resolved(next(c for c in candidates if c.last and c.last >= anchor.date), "DATE", mod)
    return _Resolved(next(c for c in candidates if c.last and c.last >= anchor.date), "DATE", mod)


def _quarter(raw: RawTimex, anchor: Anchor) -> _Resolved:
    unit = (raw.part("qunit") or "quarter").lower()
    rel = (raw.part("rel") or "").lower()
    det = (raw.part("det") or "").lower()
    current = cal.quarter_of(anchor.date)
    explicit = raw.part("year") or raw.part("qyear")
    if raw.part("ord"):
        number = ORDINALS[(raw.part("ord") or "").lower()]
        if explicit:
            year_ = int(explicit)
        elif det.startswith(("last year", "next year")):
            year_ = anchor.date.year + (-1 if det.startswith("last") else 1)
        else:
            units_now = current if unit == "quarter" else (anchor.date.month - 1) // 6 + 1
            year_ = anchor.date.year - (1 if number > units_now and anchor.tense != FUTURE else 0)
        if rel in ("year-ago", "year-earlier") or rel.startswith("comparable"):
            year_ -= 1
        return _Resolved(cal.quarter(year_, number) if unit == "quarter" else cal.half(year_, number))
    # The latest, year-ago, current quarter: news about results means the last quarter that has ended.
    latest = current - 1 if rel != "current" else current
    if rel in ("year-ago", "year-earlier") or rel.startswith("comparable"):
        latest -= 4
    if unit == "half":
        half_now = (anchor.date.month - 1) // 6 + 1
        number = half_now if rel == "current" else half_now - 1
        return _Resolved(cal.half(anchor.date.year, number) if number else cal.half(anchor.date.year - 1, 2))
    return _Resolved(cal.quarter(anchor.date.year, latest))


def _year(raw: RawTimex, anchor: Anchor) -> _Resolved:
    mod = _position(raw)
    open_end = (raw.part("open") or "").lower()
    if open_end:
        mod = "ON_OR_BEFORE" if "earlier" in open_end else "ON_OR_AFTER"
    return _Resolved(cal.year(int(raw.part("year") or 0)), "DATE", mod)


def _spelled_year(raw: RawTimex, anchor: Anchor) -> _Resolved:
    century = {"eighteen": 1800, "nineteen": 1900}.get((raw.part("century") or "").lower(), 2000)
    rest = parse_number(raw.part("rest") or "") if raw.part("rest") else 0
    return _Resolved(cal.year(century + int(rest or 0)), "DATE", _position(raw))


def _decade(raw: RawTimex, anchor: Anchor) -> _Resolved:
    if raw.part("decade"):
        first = int(raw.part("decade") or 0)
    else:
        short = int(raw.part("short") or 0)
        century = anchor.date.year // 100 * 100
        first = century + short if century + short <= anchor.date.year else century - 100 + short
    return _Resolved(cal.decade(first), "DATE", _position(raw))


def _century(raw: RawTimex, anchor: Anchor) -> _Resolved:
    number = int(raw.part("century") or 0)
    return _Resolved(cal.century((number - 1) * 100), "DATE", _position(raw))


def _relative(raw: RawTimex, anchor: Anchor) -> _Resolved:
    rel = (raw.part("rel") or "").lower()
    unit = (raw.part("unit") or "").lower()
    step = _direction(rel) or 0
    base = anchor.base if _anaphoric(rel) else anchor.date
    mod = _position(raw)
    if unit == "week":
        period = cal.week(base + dt.timedelta(weeks=step))
    elif unit == "weekend":
        period = _weekend(rel, base, anchor.tense)
    elif unit == "month":
        period = cal.month(base.year, base.month + step)
    elif unit == "decade":
        period = cal.decade((base.year // 10 + step) * 10)
    elif unit == "century":
        period = cal.century((base.year // 100 + step) * 100)
    else:
        period = cal.year(base.year + step)
    return _Resolved(period, "DATE", mod)


def _amount(raw: RawTimex) -> float | None:
    """The number of units: 'two years' 2, 'year-earlier' 1, 'several months' or 'years' None (vague)."""
    if raw.part("num"):
        return parse_number(raw.part("num") or "")
    return None if (raw.part("unit") or "").lower().endswith("s") else 1.0


def _weekend(rel: str, base: dt.date, tense: str | None) -> Period:
    """'the weekend' in past narration is the latest one begun by ``base``; 'next weekend' the one after."""
    latest_saturday = base - dt.timedelta(days=(base.weekday() - 5) % 7)
    step = _direction(rel)
    if step == 1 or (step != -1 and tense == FUTURE and base.weekday() < 5):
        saturday = latest_saturday + dt.timedelta(weeks=1)
    elif step == -1 and base.weekday() >= 5 and not rel.endswith("past"):
        saturday = latest_saturday - dt.timedelta(weeks=1)
    else:
        saturday = latest_saturday
    return cal.weekend(saturday)


def _ago(raw: RawTimex, anchor: Anchor) -> _Resolved:
    amount = _amount(raw)
    code = unit_code(raw.part("unit") or "")
    direction = (raw.part("dir") or "ago").lower()
    sign = 1 if direction in ("later", "hence", "from now") else -1
    base = anchor.date if direction in ("ago", "hence", "from now") else anchor.base
    mod = modifier(raw.part("mod"))
    if amount is None:
        return _Resolved(Period("FUTURE_REF" if sign > 0 else "PAST_REF", None, None), "DATE", mod)
    n = sign * amount
    quarter = re.fullmatch(r"(\d{4})-Q([1-4])", anchor.period or "")
    if quarter and code == "Y" and float(n).is_integer():
        # "profit rose from $3 million a year earlier", after "the third quarter": the same quarter back then.
        return _Resolved(cal.quarter(int(quarter[1]) + int(n), int(quarter[2])), "DATE", mod)
    if code in ("TS", "TM", "TH"):
        hours = n / 3600 if code == "TS" else n / 60 if code == "TM" else n
        return _Resolved(cal.day(base + dt.timedelta(hours=hours)), "DATE", mod)
    if code == "D":
        return _Resolved(cal.day(base + dt.timedelta(days=round(n))), "DATE", mod)
    if code in ("W", "WE", "2W"):
        return _Resolved(cal.week(base + dt.timedelta(weeks=n * (2 if code == "2W" else 1))), "DATE", mod)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200, "ML": 12000}[code] * n
    shifted = cal.add_months(base, round(months))
    if code == "M" or (code == "Q"):
        return _Resolved(cal.month(shifted.year, shifted.month), "DATE", mod)
    return _Resolved(cal.year(shifted.year), "DATE", mod)


# -- durations, sets and references -------------------------------------------------------------------------

_SUBUNIT = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}


def duration_value(amount: float | None, code: str) -> str:
    """TimeML duration for ``amount`` units: P3Y, PT5H30M, P2Y6M, PXD for a vague amount."""
    if code == "DE":
        amount, code = (amount * 10 if amount is not None else None), "Y"
    elif code == "CE":
        amount, code = (amount * 100 if amount is not None else None), "Y"
    elif code == "ML":
        amount, code = (amount * 1000 if amount is not None else None), "Y"
    elif code == "2W":
        amount, code = (amount * 2 if amount is not None else None), "W"
    elif code == "WE":
        amount, code = (amount * 2 if amount is not None else None), "D"
    time = code.startswith("T")
    letter = code[-1]
    if amount is None:
        return f"P{'T' if time else ''}X{letter}"
    whole = math.floor(amount)
    value = f"P{'T' if time else ''}{_number(whole)}{letter}" if whole else ("PT" if time else "P")
    fraction = amount - whole
    if fraction and code in _SUBUNIT:
        sub, factor = _SUBUNIT[code]
        extra = round(fraction * factor)
        if sub.startswith("T") and "T" not in value:
            value += "T"
        value += f"{extra}{sub[-1]}"
    return value if value not in ("P", "PT") else f"P{'T' if time else ''}0{letter}"


def _number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _duration(raw: RawTimex, anchor: Anchor) -> _Resolved:
    code = unit_code(raw.part("unit") or "")
    amount = None if raw.part("num2") else _amount(raw)
    if "and a half" in raw.text.lower() and amount is not None and amount % 1 == 0:
        amount += 0.5
    return _Resolved(Period(duration_value(amount, code), None, None), "DURATION", modifier(raw.part("mod")))


def _vague_duration(raw: RawTimex, anchor: Anchor) -> _Resolved:
    if raw.part("unit"):
        return _Resolved(Period(duration_value(None, unit_code(raw.part("unit") or "")), None, None), "DURATION")
    return _Resolved(Period("PXX", None, None), "DURATION")


_SET_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
              "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H"}  # fmt: skip


def _set(raw: RawTimex, anchor: Anchor) -> _Resolved:
    word = (raw.part("word") or "").lower()
    if word:
        return _Resolved(Period(_SET_WORDS[word], None, None), "SET")
    if raw.part("month"):
        return _Resolved(Period(f"XXXX-{month_number(raw.part('month') or ''):02d}", None, None), "SET")
    num = (raw.part("num") or "").lower()
    amount = 2.0 if num == "other" else parse_number(num) if num else 1.0
    return _Resolved(Period(duration_value(amount, unit_code(raw.part("unit") or "")), None, None), "SET")


_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
         "the present": "PRESENT_REF", "recently": "PAST_REF", "the past": "PAST_REF"}  # fmt: skip


def _ref(raw: RawTimex, anchor: Anchor) -> _Resolved:
    word = re.sub(r"\s+", " ", (raw.part("word") or "").lower())
    return _Resolved(Period(_REFS.get(word, "FUTURE_REF"), None, None), "DATE")


_RESOLVERS: dict[str, Callable[[RawTimex, Anchor], _Resolved | None]] = {
    "date": _date,
    "weekday_date": _weekday_day_of_month,
    "numeric_date": _numeric_date,
    "date_range": _date_range,
    "month": _month,
    "year": _year,
    "spelled_year": _spelled_year,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "relative": _relative,
    "weekday": _weekday,
    "weekday_set": _set_weekday,
    "dayword": _dayword,
    "anaphoric": _anaphoric_unit,
    "ago": _ago,
    "duration": _duration,
    "vague_duration": _vague_duration,
    "set": _set,
    "set_amount": _set,
    "ref": _ref,
    "clock": _clock,
    "season": _season,
    "holiday": _holiday,
}
