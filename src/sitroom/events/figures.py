"""Read counts of people from text: digits or words, with qualifiers, as low, best and high values."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from sitroom.model import Figure, Provenance

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1, "a dozen": 12, "half a dozen": 6,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
# ACLED's conservative reading of vague plurals (Codebook: "dozens" is coded 12, "hundreds" 100); the
# high value is where the next word would take over.
_VAGUE = {
    "several": (3, 3, 9), "a few": (2, 3, 5), "scores": (40, 40, 99), "tens": (10, 10, 99),
    "dozens": (24, 12, 99), "hundreds": (200, 100, 999), "thousands": (2_000, 1_000, 9_999),
    "tens of thousands": (20_000, 10_000, 99_999), "hundreds of thousands": (200_000, 100_000, 999_999),
    "several hundred": (300, 300, 900), "several thousand": (3_000, 3_000, 9_000),
    "a few hundred": (200, 200, 500), "a handful": (2, 3, 5), "many": (2, 2, 99),
}  # fmt: skip

_NUMBER = r"(\d{1,3}(,\d{3})+|\d+(\.\d+)?)(\s+(million|thousand|hundred))?"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_BELOW_100 = rf"(?:(?:{_TENS})(?:[\s-]+(?:{_ONES}))?|{_TEENS}|{_ONES})"
_BELOW_1000 = rf"(?:{_BELOW_100}(?:\s+hundred(?:(?:\s+and)?\s+{_BELOW_100}(?!\s+hundred))?)?)"
# "thirty four", "one hundred and twenty", "two thousand five hundred", "a dozen"
_WORD_NUMBER = (
    rf"(half\s+a\s+dozen|a\s+dozen|{_BELOW_1000}(?:\s+(?:thousand|million)(?:(?:\s+and)?\s+{_BELOW_1000})?)?)"
)
_VAGUE_RE = "|".join(sorted((re.escape(w) for w in _VAGUE), key=len, reverse=True))
_QUANTITY = (
    rf"(?P<range>between\s+(?P<a>{_NUMBER}|{_WORD_NUMBER})\s+and\s+(?P<b>{_NUMBER}|{_WORD_NUMBER}))"
    rf"|(?P<qual>at least|more than|over|upwards of|up to|as many as|nearly|almost|about|around|some|roughly|"
    rf"approximately|an estimated|an additional|another|fewer than|less than|at most)?\s*"
    rf"(?P<n>{_NUMBER}|{_WORD_NUMBER}|{_VAGUE_RE})\b"
)
QUANTITY = re.compile(_QUANTITY, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Count:
    """A parsed count: ``best`` is ACLED's conservative value, within ``low``..``high``."""

    low: int
    best: int
    high: int
    qualifier: str | None
    text: str
    start: int
    end: int


def parse_number(text: str) -> int | None:
    """An exact number written in digits or words ("17,000", "1.3 million", "sixteen"), else None."""
    text = text.strip().lower()
    digits = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(hundred|thousand|million))?", text)
    if digits:
        return round(float(digits.group(1).replace(",", "")) * _SCALES.get(digits.group(2) or "", 1))
    if text in _UNITS:
        return _UNITS[text]
    total = current = 0
    for word in text.replace("-", " ").split():
        if word in _UNITS and word not in ("a", "an"):
            current += _UNITS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total, current = total + max(current, 1) * _SCALES[word], 0
        elif word != "and":
            return None
    return (total + current) or None


def parse_count(text: str) -> Count | None:
    """The first count in ``text`` with its qualifier ("at least 17", "between 15 and 20", "dozens")."""
    for match in QUANTITY.finditer(text):
        count = _from_match(match)
        if count is not None:
            return count
    return None


def _from_match(match: re.Match[str]) -> Count | None:
    start, end = match.span()
    if match.group("range"):
        low, high = parse_number(match.group("a")), parse_number(match.group("b"))
        if low is None or high is None:
            return None
        return Count(low, low, high, "between", match.group(0), start, end)
    raw = match.group("n")
    qualifier = (match.group("qual") or "").lower() or None
    if raw.lower() in _VAGUE:
        low, best, high = _VAGUE[raw.lower()]
        return Count(
            min(low, best), best, high, raw.lower(), match.group(0).strip(), start + _leading_space(match), end
        )
    value = parse_number(raw)
    if value is None:
        return None
    low, best, high = _qualified(value, qualifier)
    return Count(low, best, high, qualifier, match.group(0).strip(), start + _leading_space(match), end)


def _leading_space(match: re.Match[str]) -> int:
    return len(match.group(0)) - len(match.group(0).lstrip())


def _qualified(value: int, qualifier: str | None) -> tuple[int, int, int]:
    if qualifier in ("more than", "over", "upwards of", "at least"):
        return value, value, value  # a floor: the high value is unknown, so it stays at the floor
    if qualifier in ("up to", "as many as", "at most"):
        return 0, value, value
    if qualifier in ("fewer than", "less than"):
        return 0, max(value - 1, 0), max(value - 1, 0)
    if qualifier in ("nearly", "almost"):
        return round(value * 0.9), value, value
    if qualifier in ("about", "around", "some", "roughly", "approximately", "an estimated"):
        return round(value * 0.9), value, round(value * 1.1)
    return value, value, value


def add_figures(first: Figure | None, second: Figure | None) -> Figure | None:
    """What two figures of one event in one article come to together. A figure whose range holds the other's
    best value tells the same people again ("killed 11 people ... the 11 dead"), and the first is kept,
    unless the two count different sides ("killing two soldiers ... Two attackers were killed"); otherwise
    they count different people ("the gunman killed three soldiers ... the gunman was shot
    dead") and add up. A toll replaces what came before it."""
    if first is None or second is None:
        return first or second
    if second.toll or first.toll:
        return second if second.toll else first  # "... bringing the toll of the bombing to 12"
    apart = first.side is not None and second.side is not None and first.side != second.side
    if not apart and (first.low <= second.best <= first.high or second.low <= first.best <= second.high):
        return first
    return dataclasses.replace(
        first, low=first.low + second.low, best=first.best + second.best, high=first.high + second.high,
        text=f"{first.text} + {second.text}", side=first.side if first.side == second.side else None,
        provenance=Provenance(first.provenance.article_id, first.provenance.start, second.provenance.end),
    )  # fmt: skip
