"""Find the places an article names and resolve each to a gazetteer entry or a country, in context."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from sitroom.geo.countries import Country, CountryTable
from sitroom.geo.gazetteer import Gazetteer, GazetteerEntry, name_key
from sitroom.model import GeoPrecision, Place

MAX_TOPONYM_TOKENS = 4
# How many of an article's most-named countries frame it: names with no place label must be in the first
# two (the Mosul articles name Iraq and Syria most; the US and Turkey come next as actors, not settings).
MAIN_COUNTRIES = 2
CONTEXT_COUNTRIES = 3
SMALL_TOWN_POPULATION = 1_000
# A city this large is a place even when the parser gives it no place label and the article never names
# its country ("Aleppo" tagged NORP).
LANDMARK_POPULATION = 1_000_000
# A place-labelled name found only outside the article's countries must be at least a sizeable town;
# otherwise it is more likely a neighbourhood or village missing from the gazetteer ("Karama" in Mosul).
FOREIGN_TOWN_POPULATION = 100_000
# Weight of the document's countries against population when ranking candidates: a village in a country
# the article is about outranks a mid-size town elsewhere (log10 population differences of 1-3).
CONTEXT_COUNTRY_WEIGHT = 4.0
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Words that make the name after them a place whatever label the parser gave it: "the town of Monguno"
# (tagged ORG), "in the city of Azaz" (tagged PRODUCT).
_PLACE_NOUNS = {
    "city", "town", "village", "district", "province", "region", "county", "municipality", "suburb", "capital",
    "outskirts", "neighbourhood", "neighborhood", "governorate", "prefecture", "state", "township", "port",
    "area", "vicinity",
}  # fmt: skip
_BUILDINGS = {
    "mosque", "church", "school", "hospital", "hotel", "market", "bazaar", "university", "stadium", "airport",
    "temple", "shrine", "restaurant", "cafe", "club", "mall", "bank", "station", "prison", "camp", "base",
}  # fmt: skip
_LOCATIVE_PREPS = {"in", "near", "outside", "at"}
_NOT_PLACE_LABELS = {"PERSON", "NORP"}
_JOINERS = {"-", "'s", "’s"}
# Lower-case words inside a place name: "Pol-e Alam", "Deir ez-Zor", "Ras al Ain", "Puerto de la Cruz".
_PARTICLES = {
    "-", "'s", "’s", "al", "el", "e", "i", "ez", "es", "ed", "ad", "ar", "as", "ash", "at", "az", "ul", "ur", "de",
    "del", "la", "le", "les", "du", "des", "da", "do", "dos", "di", "bin", "ibn", "abu", "bani", "sur", "am", "an",
}  # fmt: skip
# Direction words between a locative preposition and a name: "in central Tunis", "in northern Aleppo".
_DIRECTIONS = {
    "central", "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern",
    "southwestern", "north-eastern", "north-western", "south-eastern", "south-western", "downtown", "rural",
    "greater", "old", "east", "west", "north", "south",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place named in an article, at character offsets of the article's text."""

    text: str
    start: int
    end: int
    place: Place


@dataclass(frozen=True, slots=True)
class DocumentGeography:
    """The toponyms of one article and the countries that frame it."""

    toponyms: tuple[Toponym, ...]
    countries: tuple[str, ...]

    def within(self, start: int, end: int) -> tuple[Toponym, ...]:
        return tuple(t for t in self.toponyms if start <= t.start and t.end <= end)


@cache
def _not_places() -> frozenset[str]:
    data = yaml.safe_load(resources.files("sitroom.data").joinpath("countries.yaml").read_text("utf-8"))
    return frozenset(name_key(w) for w in data["not_places"])


def resolve_document(doc: Doc, gazetteer: Gazetteer, countries: CountryTable) -> DocumentGeography:
    """Find and resolve every toponym in ``doc``, using the countries it names as context."""
    context = _context_countries(doc, countries)
    toponyms = tuple(find_toponyms(doc, gazetteer, countries, context))
    return DocumentGeography(toponyms, _main_countries(context, toponyms, countries))


def _main_countries(context: Counter[str], toponyms: tuple[Toponym, ...], countries: CountryTable) -> tuple[str, ...]:
    """The article's countries, most named first, counting its towns with the countries and demonyms:
    a report on Mosul that names Turkey four times is still about Iraq if it names Mosul and Erbil more."""
    counts = Counter(context)
    for toponym in toponyms:
        country = countries.by_name(toponym.place.country)
        if toponym.place.precision != GeoPrecision.REGION and country is not None:
            counts[country.iso2] += 1
    return tuple(code for code, _ in counts.most_common())


def find_toponyms(doc: Doc, gazetteer: Gazetteer, countries: CountryTable, context: Counter[str]) -> list[Toponym]:
    """Longest-match toponyms, left to right, whatever label the parser gave them."""
    found: list[Toponym] = []
    i = 0
    while i < len(doc):
        match = _match_at(doc, i, gazetteer, countries, context)
        if match is None:
            i += 1
            continue
        found.append(match[0])
        i = match[1]
    return found


def _context_countries(doc: Doc, countries: CountryTable) -> Counter[str]:
    counts: Counter[str] = Counter()
    inside_names = {i for e in doc.ents if len(e) > 1 and e.label_ in _PLACE_LABELS for i in range(e.start, e.end)}
    for token in doc:
        if (token.is_title or token.is_upper) and token.i not in inside_names:
            country = countries.by_name(token.text) or countries.by_demonym(token.text)
            if country:
                counts[country.iso2] += 1
    for ent in doc.ents:
        name = ent.text[4:] if ent[0].lower_ == "the" else ent.text  # "the Central African Republic"
        if len(ent) > 1 and ent.label_ in _PLACE_LABELS and (country := countries.by_name(name)):
            counts[country.iso2] += 1
    return counts


def _match_at(
    doc: Doc, i: int, gazetteer: Gazetteer, countries: CountryTable, context: Counter[str]
) -> tuple[Toponym, int] | None:
    if not _starts_name(doc[i]):
        return None
    for length in range(min(MAX_TOPONYM_TOKENS, len(doc) - i), 0, -1):
        span = doc[i : i + length]
        if not _is_name_span(span):
            continue
        place = _resolve_span(span, gazetteer, countries, context)
        if place is not None:
            return Toponym(span.text, span.start_char, span.end_char, place), i + length
    return None


def _starts_name(token: Token) -> bool:
    text = token.text
    if token.is_stop and not token.is_upper:
        return False
    letters = text.replace("'", "").replace("’", "").replace("‘", "")  # "Sana'a", "Ma'rib"
    return (bool(letters) and text[0].isupper() and letters.isalpha()) or text in ("U.S.", "U.K.")


def _is_name_span(span: Span) -> bool:
    last = span[-1]
    if last.text in _JOINERS or last.is_punct or span[0].sent != last.sent:
        return False
    after = span.doc[last.i + 1] if last.i + 1 < len(span.doc) else None
    if after is not None and after.text == "-" and not after.whitespace_:
        following = span.doc[after.i + 1] if after.i + 1 < len(span.doc) else None
        # "US-backed", "Shia-dominated": modifiers, not places; "the Bamenda-Ndop road" names two places
        return following is not None and following.text[:1].isupper()
    inner = span[1:-1] if len(span) > 2 else span[:0]
    if any(t.text[0].islower() and t.lower_ not in _PARTICLES for t in inner):
        return False
    return span[0].text[0].isupper() and (span[-1].text[0].isupper() or span[-1].lower_ in ("al", "el"))


def _resolve_span(span: Span, gazetteer: Gazetteer, countries: CountryTable, context: Counter[str]) -> Place | None:
    key = name_key(span.text)
    if key in _not_places() or _inside_longer_organisation(span):
        return None
    country = countries.by_name(span.text)
    if country is not None:
        return country_place(country, span.text)
    if span.text.isupper():
        return None  # acronyms: CIA, SDF, AQI
    if countries.by_demonym(span.text) is not None:
        return None  # "an American English teacher": a people or a language, not English, Arkansas
    candidates = gazetteer.candidates(span.text)
    if not candidates or not _accept(span, candidates, context):
        return None
    best = max(candidates, key=lambda c: _score(c, context))
    owner = countries.by_code(best.country)
    return _locality(best, owner, span.text)


def _inside_longer_organisation(span: Span) -> bool:
    """'Iraq' in 'Islamic State of Iraq and the Levant', 'Donald' in 'Donald Trump': parts of other names."""
    ent = next((e for e in span.doc.ents if e.start <= span.start and span.end <= e.end), None)
    if ent is None or len(ent) <= len(span):
        return False
    if ent.label_ in _PLACE_LABELS:
        return False  # "the Central African Republic", "the Pulwama District": a place inside a place
    return ent.label_ in ("ORG", "NORP", "PERSON") or ent.start < span.start


def _accept(span: Span, candidates: tuple[GazetteerEntry, ...], context: Counter[str]) -> bool:
    """Place labels are trusted more; others (Tal Afar as PERSON) need the article's main countries."""
    labels = {t.ent_type_ for t in span} - {""}
    ranked = [code for code, _ in context.most_common()]
    if labels & _PLACE_LABELS:
        if not ranked and "GPE" in labels and len({c.country for c in candidates}) == 1:
            return True  # "near Chibok": a town the gazetteer lists without a population
        return any(_plausible_place(c, ranked) for c in candidates)
    if _place_cue(span) and "PERSON" not in labels and not _names_a_building(span):  # "in central Tunis" (NORP)
        return any(c.population >= SMALL_TOWN_POPULATION for c in candidates)
    main = set(ranked[:MAIN_COUNTRIES])
    if any(c.country in main for c in candidates) and (labels or not span[0].is_sent_start):
        return True
    return any(c.population >= LANDMARK_POPULATION for c in candidates) and not span[0].is_sent_start


def _names_a_building(span: Span) -> bool:
    """'at Balili mosque', 'the Serena hotel': the name of a building, not of a town."""
    after = span.doc[span.end].lemma_.lower() if span.end < len(span.doc) else ""
    return after in _BUILDINGS


def _place_cue(span: Span) -> bool:
    """'the city of X', 'X district' or 'in X': the words around a name say it is a place."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(span.start - 2, 0) : span.start]]
    if len(before) == 2 and before[1] in _DIRECTIONS:  # "in central Tunis"
        before = [before[0]]
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if len(before) == 2 and before[1] == "of" and before[0] in _PLACE_NOUNS:
        return True
    return after in _PLACE_NOUNS - {"capital", "port", "state"} or (bool(before) and before[-1] in _LOCATIVE_PREPS)


def _plausible_place(entry: GazetteerEntry, ranked: list[str]) -> bool:
    if not ranked:  # a text that names no country: trust the place label for any real town
        return entry.population >= SMALL_TOWN_POPULATION
    if entry.population >= FOREIGN_TOWN_POPULATION or ranked[:1] == [entry.country]:
        return True
    return entry.country in ranked[:CONTEXT_COUNTRIES] and entry.population >= SMALL_TOWN_POPULATION


def _score(entry: GazetteerEntry, context: Counter[str]) -> float:
    total = sum(context.values()) or 1
    share = context.get(entry.country, 0) / total
    return CONTEXT_COUNTRY_WEIGHT * (share > 0) + share + math.log10(entry.population + 1) / 2


def country_place(country: Country, mention: str) -> Place:
    """A whole country: no coordinates are invented for it."""
    return Place(
        name=country.name,
        country=country.name,
        iso3=country.iso3,
        latitude=None,
        longitude=None,
        precision=GeoPrecision.REGION,
        region=country.region,
        mention=mention,
        note="country-level: no finer place given",
    )


def _locality(entry: GazetteerEntry, country: Country | None, mention: str) -> Place:
    name = mention if mention.isascii() and name_key(mention) != name_key(entry.name) else entry.name
    if not entry.name.isascii() and mention.isascii():
        name = mention
    return Place(
        name=name,
        country=country.name if country else entry.country,
        iso3=country.iso3 if country else "",
        latitude=entry.latitude,
        longitude=entry.longitude,
        precision=GeoPrecision.LOCALITY,
        geonameid=entry.geonameid,
        region=country.region if country else None,
        mention=mention,
    )
