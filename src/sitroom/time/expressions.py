"""Find temporal expressions in English news text with patterns; normalise.py gives them values.

spaCy's DATE entities miss bare weekdays in headline-style prose and split "last week" inconsistently,
and dateparser's search is noisy (it reads "we" as Wednesday), so sitroom owns this small grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?P<year>(19|20)\d{2})"
_DAY = r"(?P<day>[0-3]?\d)(st|nd|rd|th)?"
_PART = r"(\s+(morning|afternoon|evening|night))?"

# Order matters: longer, more specific forms first; matches never overlap.
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("date", rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"),
    ("date", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    ("date", rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}\b(?!\s*(,\s*)?\d)"),
    ("date", rf"\b(?:{_WEEKDAY},?\s+)?{_DAY}\s+{_MONTH}\b"),
    ("month_year", rf"\b{_MONTH}\s+(of\s+)?{_YEAR}\b"),
    ("relative_weekday", rf"\b(?P<rel>last|this|next|past)\s+{_WEEKDAY}{_PART}\b"),
    ("weekday", rf"\b(?:(?P<since>since|until|by)\s+|on\s+)?{_WEEKDAY}{_PART}\b"),
    ("day_word", r"\b(?P<word>yesterday|today|tonight|the day before yesterday)\b"),
    ("weekend", r"\b(?P<rel>over the|last|this|past|the)\s+weekend\b"),
    ("relative_unit", r"\b(?P<rel>last|this|past|previous|next|coming)\s+(?P<unit>week|month|year)\b"),
    ("this_month", r"\b(?P<rel>earlier|later)\s+this\s+(?P<unit>week|month|year)\b"),
    ("relative_month", rf"\b(?P<rel>last|this|next|in|since|until|by|early|late|mid-?)\s+{_MONTH}\b"),
    ("year", rf"\b(?P<prep>in|since|during|until|by|of|from|before|after|the)\s+{_YEAR}\b(?![,.]?\d)"),
    ("year_span", rf"\bfrom\s+{_YEAR}\s+(to|until)\s+(?P<year2>(19|20)\d{{2}})\b"),
)
_COMPILED = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _PATTERNS)
_RELATIVE_MONTH_WORDS = re.compile(r"^(May|March)$")


@dataclass(frozen=True, slots=True)
class RawTimex:
    """A temporal expression found in text, before it is anchored: its kind, span and named parts."""

    kind: str
    start: int
    end: int
    text: str
    parts: tuple[tuple[str, str], ...]

    def part(self, name: str) -> str | None:
        return dict(self.parts).get(name)


def find_timexes(text: str, offset: int = 0) -> list[RawTimex]:
    """All temporal expressions in ``text``, in order; offsets are shifted by ``offset``."""
    found: list[RawTimex] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _COMPILED:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken) or _is_false_positive(kind, match):
                continue
            taken.append(span)
            parts = tuple((k, v) for k, v in match.groupdict().items() if v)
            found.append(RawTimex(kind, span[0] + offset, span[1] + offset, match.group(0), parts))
    return sorted(found, key=lambda t: t.start)


def month_number(name: str) -> int:
    """1 to 12 for a month name or abbreviation."""
    key = name.lower().rstrip(".")
    return MONTHS.index(key) + 1 if key in MONTHS else _MONTH_ABBR[key[:4] if key == "sept" else key[:3]]


def _is_false_positive(kind: str, match: re.Match[str]) -> bool:
    """Month and day names must be capitalised; 'May' and 'March' alone are a verb or a noun."""
    names = match.groupdict()
    if any(names.get(k) and not names[k][0].isupper() for k in ("month", "weekday")):
        return True
    if kind == "relative_month":
        return bool(_RELATIVE_MONTH_WORDS.match(match.group("month")))
    return False
