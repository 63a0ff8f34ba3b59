"""Populations stated in passing ("a city with an estimated population of 1.3 million", "the northern Iraqi
city of 1.5 million people"): figures of kind "population", placed at their town, as of publication."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from spacy.tokens import Span

from sitroom.events.figures import parse_count
from sitroom.geo.toponyms import DocumentGeography
from sitroom.language.annotate import span_text
from sitroom.model import Article, Figure, GeoPrecision, Place, Provenance

# The words that announce a population; the count must follow them directly.
_ANCHOR = re.compile(
    r"\b(?:population\s+of|(?:city|town|village|capital|metropolis)\s+of|home\s+to|inhabited\s+by)\s+", re.IGNORECASE
)
# After "city of" or "home to" the count must be of people: "the city of 1.5 million people", "home to 600,000".
_PEOPLE = re.compile(r"\s*(?:people|residents|inhabitants|civilians|souls)\b|\s*million\b", re.IGNORECASE)
_LOOKAHEAD_CHARS = 60
_ESTIMATED = re.compile(r"\bestimated\s*$", re.IGNORECASE)


def population_figures(sent: Span, article: Article, geography: DocumentGeography) -> Iterator[Figure]:
    """The populations ``sent`` states, each at the town it names before the figure, else the article's main
    town; none where neither is known."""
    text = span_text(sent)
    for anchor in _ANCHOR.finditer(text):
        window = text[anchor.end() : anchor.end() + _LOOKAHEAD_CHARS]
        count = parse_count(window)
        if count is None or count.start != 0 or count.best < 100:
            continue
        if not anchor.group(0).lower().startswith("population") and not _people_follow(window, count.end, count.text):
            continue
        start, end, words = sent.start_char + anchor.end(), sent.start_char + anchor.end() + count.end, count.text
        if _ESTIMATED.search(text[max(0, anchor.start() - 20) : anchor.start()]) and count.qualifier is None:
            count = parse_count(f"an estimated {count.text}") or count  # "an estimated population of 1.3 million"
        place = _town_before(geography, sent.start_char, start) or main_town_place(geography)
        if place is None:
            continue
        yield Figure(
            kind="population", low=count.low, best=count.best, high=count.high, qualifier=count.qualifier,
            text=words, provenance=Provenance(article.id, start, end),
            place=place, date=article.published, time_precision=article.published_precision,
            sentence=text.rstrip(),
        )  # fmt: skip


def _people_follow(window: str, end: int, text: str) -> bool:
    return "million" in text.lower() or _PEOPLE.match(window, end) is not None


def _town_before(geography: DocumentGeography, start: int, end: int) -> Place | None:
    """The last town named in the sentence before the figure ("Mosul, a city of 1.5 million")."""
    towns = [t.place for t in geography.within(start, end) if t.place.precision == GeoPrecision.LOCALITY]
    return towns[-1] if towns else None


def main_town_place(geography: DocumentGeography) -> Place | None:
    """The article's main town, as the place of a figure whose sentence names none."""
    town = geography.main_town()
    if town is None:
        return None
    return dataclasses.replace(town, note=f"no town named in the sentence: {town.name}, the article's main town")
