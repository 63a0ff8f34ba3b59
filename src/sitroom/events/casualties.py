"""Find killed and injured counts in a sentence and tie each to the nearest event trigger."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.events.figures import QUANTITY, Count, parse_count
from sitroom.model import Figure, Provenance

_Q = QUANTITY.pattern
_KILL_VERBS = r"(?:killing|killed|kills|kill|executed|executing|incinerated|massacred|slaughtered|left)"
_KILLED_PATTERNS = (
    rf"{_KILL_VERBS}\s+(?P<q>(?:{_Q}))",
    rf"(?:claimed|claiming|cost|costing|took|taking)\s+(?:the\s+)?(?:lives\s+of\s+)?(?P<q>(?:{_Q}))(?:\s+\w+)?(?:\s+lives)?",
    rf"(?P<q>(?:{_Q}))\s+(?:\w+\s+){{0,3}}(?:were|was|have been|had been)\s+(?:killed|executed|massacred)",
    rf"(?P<q>(?:{_Q}))\s+(?:people\s+)?(?:dead|deaths|fatalities|bodies)",
)
_INJURED_PATTERNS = (
    rf"(?:injuring|injured|wounding|wounded|injures)\s+(?P<q>(?:{_Q}))",
    rf"(?P<q>(?:{_Q}))\s+(?:\w+\s+){{0,2}}(?:were|was)?\s*(?:injured|wounded)",
)
_COMPILED = {
    "killed": tuple(re.compile(p, re.IGNORECASE) for p in _KILLED_PATTERNS),
    "injured": tuple(re.compile(p, re.IGNORECASE) for p in _INJURED_PATTERNS),
}
_CIVILIAN_VICTIMS = re.compile(
    r"\b(civilians?|women|children|residents|villagers|mourners|worshippers|families|people)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Casualty:
    """A casualty figure found in a sentence, and whether the victims are named as civilians."""

    figure: Figure
    civilian: bool


def find_casualties(sentence: str, offset: int, article_id: str) -> list[Casualty]:
    """Killed and injured figures in ``sentence``, whose text starts at ``offset`` in the article."""
    found: list[Casualty] = []
    for kind, patterns in _COMPILED.items():
        for pattern in patterns:
            for match in pattern.finditer(sentence):
                count = parse_count(match.group("q"))
                if count is None or _overlaps(found, offset + match.start(), offset + match.end()):
                    continue
                found.append(_casualty(kind, count, match, sentence, offset, article_id))
    return found


def _casualty(kind: str, count: Count, match: re.Match[str], sentence: str, offset: int, article_id: str) -> Casualty:
    start = offset + match.start("q") + count.start
    end = offset + match.start("q") + count.end
    tail = sentence[match.end("q") : match.end("q") + 40]
    figure = Figure(kind, count.low, count.best, count.high, count.qualifier, count.text,
                    Provenance(article_id, start, end))  # fmt: skip
    return Casualty(figure, bool(_CIVILIAN_VICTIMS.match(tail.strip())) or bool(_CIVILIAN_VICTIMS.search(tail[:25])))


def _overlaps(found: list[Casualty], start: int, end: int) -> bool:
    return any(c.figure.provenance.start < end and start < c.figure.provenance.end for c in found)
