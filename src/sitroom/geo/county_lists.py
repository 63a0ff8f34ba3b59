"""Names listed before a plural county noun: "Barrow, Jackson and Madison counties", "Caddo and Bossier
parishes". Each name is a county, not the town or the far-off place it also names ("Barrow", Alaska), and the
counties of one list lie together: where a state holds two or more of them, the list is of the state or
states that hold the most."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from sitroom.geo.gazetteer import Gazetteer, GazetteerEntry

# the plural noun after the list, and the singular a county's name ends with in the gazetteer
_PLURALS = {"counties": "County", "parishes": "Parish", "boroughs": "Borough"}
_MAX_NAME_TOKENS = 3  # "Otter Tail", "St. Lucie"
_SEPARATORS = {",", "and", "or"}
_COUNTY = "ADM2"


@dataclass(frozen=True, slots=True)
class ListedCounty:
    """One name of a list, as token offsets of its Doc, and the counties it may be (best area first)."""

    start: int
    end: int
    candidates: tuple[GazetteerEntry, ...]


def listed_counties(doc: Doc, gazetteer: Gazetteer) -> dict[int, ListedCounty]:
    """The names of every county list in ``doc``, keyed by their first token's index."""
    found: dict[int, ListedCounty] = {}
    # lower case only: "Fairfax Counties" would be a name of its own. The plurals are found in the array of
    # word ids: a Token object for every word would cost more than the rest of the finder.
    plurals = {doc.vocab.strings.add(plural): noun for plural, noun in _PLURALS.items()}
    orths = doc.to_array("ORTH").tolist()
    for i in [k for k, orth in enumerate(orths) if orth in plurals]:
        noun = plurals[orths[i]]
        names = [named for span in _names_before(doc, i) if (named := _county_named(span, noun, gazetteer))]
        if len(names) < 2:
            continue  # "the two counties": no list
        areas = Counter(area for _, counties in names for area in dict.fromkeys(_area(c) for c in counties))
        most = max(areas.values())
        # every state that holds the most of them: Anderson and Cherokee counties lie together in several
        shared = {area for area, n in areas.items() if n == most} if most >= 2 else set()
        for span, counties in names:
            inside = tuple(c for c in counties if _area(c) in shared)
            found[span.start] = ListedCounty(span.start, span.end, inside or counties)
    return found


def _area(county: GazetteerEntry) -> tuple[str, str | None]:
    return county.country, county.admin1_code


def _names_before(doc: Doc, noun: int) -> list[Span]:
    """The capitalised names joined by commas, "and" and "or" that end just before token ``noun``."""
    names: list[Span] = []
    j = noun - 1
    while j >= 0:
        end = j + 1
        while j >= 0 and end - j <= _MAX_NAME_TOKENS and _capitalised(doc[j].text):
            j -= 1
        if j + 1 == end:
            break
        names.append(doc[j + 1 : end])
        separated = False
        while j >= 0 and doc[j].lower_ in _SEPARATORS:
            j, separated = j - 1, True
        if not separated:
            break
    return names


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and text.replace(".", "").isalpha()


def _county_named(span: Span, noun: str, gazetteer: Gazetteer) -> tuple[Span, tuple[GazetteerEntry, ...]] | None:
    """The longest end of ``span`` that names a county ("Small Hitchcock" at a sentence's start is Hitchcock)."""
    for start in range(span.start, span.end):
        words = span.doc[start : span.end]
        counties = tuple(c for c in gazetteer.candidates(f"{words.text} {noun}") if c.feature_code == _COUNTY)
        if counties:
            return words, counties
    return None
