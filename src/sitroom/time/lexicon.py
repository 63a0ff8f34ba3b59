"""Words of English time expressions: numbers, units, calendar names, modifiers, with their TimeML meaning."""

from __future__ import annotations

import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}

# TimeML season and part-of-day codes.
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI", "tonight": "NI"}

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "a single": 1,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12, "half a dozen": 6, "a hundred": 100,
    "a thousand": 1000,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_VAGUE = ("a few", "few", "several", "some", "many", "a number of", "dozens of", "hundreds of")
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip

# Units of duration and their TimeML designator; "T" marks units below a day.
UNITS = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "night": "D", "week": "W", "weekend": "WE",
    "fortnight": "2W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "millennium": "ML",
}  # fmt: skip

# Modifiers a TIMEX3 keeps inside its extent, with TimeML's mod value.
MODIFIERS = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN", "fewer than": "LESS_THAN",
    "more than": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "barely": "LESS_THAN",
}  # fmt: skip
POSITION_MODS = {"early": "START", "beginning": "START", "start": "START", "late": "END", "end": "END",
                 "mid": "MID", "middle": "MID"}  # fmt: skip


def _alternation(words: object) -> str:
    keys = sorted(words, key=len, reverse=True)  # type: ignore[call-overload]
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)


_TEENS_AND_UNITS = _alternation(k for k in _SMALL if " " not in k and k not in ("a", "an"))
NUMBER_WORDS = (
    rf"(?:(?:{_alternation(_TENS)})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    rf"(?:\s+hundred)?|(?:{_TEENS_AND_UNITS})(?:\s+(?:hundred|thousand))?)"
)
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+1/2|½)?"
NUMBER = (
    rf"(?:{DIGITS}|{NUMBER_WORDS}(?:\s+and\s+a\s+half)?|{_alternation(k for k in _SMALL if ' ' in k)}"
    rf"|an?|{_alternation(_VAGUE)})"
)


def parse_number(text: str) -> float | None:
    """The value of a number phrase ('twenty four', '2 1/2', 'a couple of'); None for vague ones ('several')."""
    words = re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()
    half = 0.0
    if words.endswith(" and a half") or words.endswith(" 1/2") or words.endswith("½"):
        half = 0.5
        words = re.sub(r"(\s+and a half|\s+1/2|½)$", "", words)
    if re.fullmatch(r"[\d,]+(\.\d+)?", words):
        return float(words.replace(",", "")) + half
    if words in _SMALL:
        return _SMALL[words] + half
    total = 0
    for word in words.split():
        if word in _TENS:
            total += _TENS[word]
        elif word in _SMALL:
            total += _SMALL[word]
        elif word == "hundred":
            total = max(total, 1) * 100
        elif word == "thousand":
            total = max(total, 1) * 1000
        else:
            return None
    return total + half if total else None


def month_number(name: str) -> int:
    """1 to 12 for a month name or abbreviation."""
    key = name.lower().rstrip(".")
    return MONTHS.index(key) + 1 if key in MONTHS else _MONTH_ABBR[key[:4] if key == "sept" else key[:3]]


def weekday_number(name: str) -> int:
    """0 (Monday) to 6 (Sunday) for a day name or abbreviation."""
    key = name.lower().rstrip(".")[:3]
    return next(i for i, d in enumerate(WEEKDAYS) if d.startswith(key))


def season_code(name: str) -> str:
    return SEASONS[name.lower()]


def season_start_month(code: str) -> int:
    return _SEASON_START_MONTH[code]


def unit_code(name: str) -> str:
    """TimeML designator for a unit word, singular or plural ('centuries' -> 'CE')."""
    key = name.lower().replace("-", " ").split()[-1]
    for singular in (key, key[:-1], key[:-2], key[:-3] + "y" if key.endswith("ies") else key):
        if singular in UNITS:
            return UNITS[singular]
    raise KeyError(name)


def modifier(text: str | None) -> str:
    """TimeML mod for an extent-initial modifier such as 'nearly' or 'at least'."""
    return MODIFIERS.get(re.sub(r"\s+", " ", (text or "").lower()), "")
