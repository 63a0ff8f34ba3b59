"""Find the places an article names and resolve each to a gazetteer entry or a country, in context."""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy
from spacy.tokens import Doc, Span, Token

from sitroom.geo.countries import Continent, Country, CountryTable
from sitroom.geo.county_lists import ListedCounty, listed_counties
from sitroom.geo.distance import haversine_km
from sitroom.geo.gazetteer import Gazetteer, GazetteerEntry, name_key, not_place_names, prominence
from sitroom.geo.subdivisions import Subdivision, abbreviations, iso_subdivision_codes
from sitroom.language.annotate import doc_text, kept_with
from sitroom.model import GeoPrecision, Place
from sitroom.time.lexicon import MONTHS, WEEKDAYS

_MAX_JOINED = 5  # tokens of a name with 'and' in it: 'Saint Kitts and Nevis'
MAX_TOPONYM_TOKENS = 4
# How many of an article's most-named countries frame it: names with no place label must be in the first
# two (the Mosul articles name Iraq and Syria most; the US and Turkey come next as actors, not settings).
MAIN_COUNTRIES = 2
CONTEXT_COUNTRIES = 3
SMALL_TOWN_POPULATION = 1_000
# A name the parser took for a person is a place after "in" only if a town this large bears it as its own name.
TOWN_POPULATION = 10_000
# A city this large is a place even when the parser gives it no place label and the article never names
# its country ("Aleppo" tagged NORP).
LANDMARK_POPULATION = 1_000_000
# A place-labelled name found only outside the article's countries must be at least a sizeable town;
# otherwise it is more likely a neighbourhood or village missing from the gazetteer ("Karama" in Mosul).
FOREIGN_TOWN_POPULATION = 100_000
# A bare name shared by a state and a city this big names the city, whatever country the article names:
# "Palestinian officials in Jerusalem".
METROPOLIS_POPULATION = 500_000
# Natural Earth's scalerank of the most prominent subdivisions (US states, Canadian provinces, Indian states):
# only a metropolis elsewhere is meant by their bare names ("Virginia" is no town in South Africa).
PROMINENT_SUBDIVISION_RANK = 2
# The scalerank from which a subdivision is minor (a Liberian county, a Uruguayan department): a name shared by a
# prominent subdivision and only minor ones frames the prominent one's country ("Maryland" frames the US).
MINOR_SUBDIVISION_RANK = 6
# How often an article must name a town, and more than twice as often as any other, for it to be what the
# article is about (the place of a figure that names none: "More than 5,600 have fled their homes").
MAIN_TOWN_MENTIONS = 3
# Weight of the document's countries against population when ranking candidates: a village in a country
# the article is about outranks a mid-size town elsewhere (log10 population differences of 1-3).
CONTEXT_COUNTRY_WEIGHT = 4.0
# A country known only from its people ("killing an American") or as an armed group's home counts for less
# than one the article names: "Taliban fighters in Kabul ... including an American" is not Cabool, Missouri.
WEAK_CONTEXT_WEIGHT = 1.0
HOME_COUNTRY_WEIGHT = 2.0
# A candidate in a state or province the article names ("Dublin" in an article that names Ohio) outranks a
# namesake up to ten times its size elsewhere in the same country.
AREA_WEIGHT = 1.0
# A candidate beside the article's other places gains up to PROXIMITY_WEIGHT, by e less every PROXIMITY_KM
# further off: as much as a named state and a bit, so that a small town near the story's towns outranks a
# capital of that name an ocean away.
PROXIMITY_WEIGHT = 2.0
PROXIMITY_KM = 150.0
PROXIMITY_ROUNDS = 2
ALTERNATES = 8  # another name's candidates, besides its pick, that a candidate may lie near
LOCAL_KM = 40.0  # a town named as a country lies this near another of the article's places: "Palestine", Texas
# A town lies in a county the article names if this near the county's point (the mean of its towns):
# most US counties are under 50 km across.
COUNTY_KM = 50.0
_KM_PER_DEGREE = 111.195  # of latitude, on a sphere of 6,371 km
_MAX_ABBREVIATION = 6  # characters of an abbreviation with full stops that may start a name: "W.Va."
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Words that make the name after them a place whatever label the parser gave it: "the town of Monguno"
# (tagged ORG), "in the city of Azaz" (tagged PRODUCT).
_PLACE_NOUNS = {
    "city", "town", "village", "district", "province", "region", "county", "municipality", "suburb", "capital",
    "outskirts", "neighbourhood", "neighborhood", "governorate", "prefecture", "state", "township", "port",
    "area", "vicinity", "island", "lga",
}  # fmt: skip
_BUILDINGS = {
    "mosque", "church", "school", "hospital", "hotel", "market", "bazaar", "university", "stadium", "airport",
    "temple", "shrine", "restaurant", "cafe", "club", "mall", "bank", "station", "prison", "camp", "base",
}  # fmt: skip
# Buildings named for their town far more often than for a person or saint: "Kandahar Airport", "Gao market".
# How far from a province's centroid its namesake town may lie: Kandahar lies 100 km from its province's.
SEAT_KM = 250.0
_TOWN_BUILDINGS = {"market", "bazaar", "university", "stadium", "airport", "prison", "camp", "base"}
# Nouns for a part of a town, and how far from the town such a part may lie, in kilometres: a "district" of a
# town named like its province ("Muradiye district of Van") may lie well outside the town.
PART_OF_TOWN_KM = dict.fromkeys(("neighbourhood", "neighborhood", "quarter", "suburb", "square", "street"), 25.0)
PART_OF_TOWN_KM["district"] = 100.0
_LOCATIVE_PREPS = {"in", "near", "outside", "at"}
_COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
# Nouns a town's name modifies when it says where something happened: "the Peshawar attack".
INCIDENT_NOUNS = {
    "attack", "bombing", "shooting", "stabbing", "massacre", "siege", "crisis", "explosion", "blast", "ambush",
    "raid", "offensive", "battle", "clash", "killing", "hijacking", "kidnapping", "assault", "strike", "riot",
}  # fmt: skip
# Capitalised words after a place name that make it a longer name of a thing in that place, not another place:
# "Pulwama District", "Mosul Dam", "Sariab Road".
_DESIGNATORS = _PLACE_NOUNS | _BUILDINGS | {
    "road", "street", "avenue", "square", "bridge", "dam", "river", "lake", "valley", "gate", "highway", "border",
    "crossing", "checkpoint", "junction", "airbase", "barracks", "governor", "police", "army", "province", "city",
}  # fmt: skip
_CAMPUSES = {"university", "polytechnic", "college"}
# What follows a county's name: "Laurel County", "Rapides Parish" (GeoNames' ADM2 in the United States).
_COUNTY_NOUNS = {"county", "parish", "borough"}
_TOWN_NOUNS = {"city", "town", "village", "municipality", "township", "port"}
# Things a country's name or demonym marks as foreign to where they stand: "the Indian consulate in Jalalabad".
_FOREIGN_THINGS = {
    "consulate", "embassy", "mission", "restaurant", "tourist", "national", "citizen", "engineer", "contractor",
    "diplomat", "ambassador",
}  # fmt: skip
# Nouns after or before a name that make it a first-level subdivision: "Borno State", "the province of Kandahar".
_SUBDIVISION_NOUNS = {
    "state", "province", "governorate", "department", "region", "oblast", "prefecture", "emirate",
}  # fmt: skip
# "the financial capital", "the provincial capital": a capital, but not the country's.
_NOT_THE_CAPITAL = {
    "financial", "economic", "commercial", "cultural", "provincial", "regional", "state", "district", "former",
    "spiritual", "de", "facto", "self", "declared", "administrative", "winter", "summer", "religious", "county",
}  # fmt: skip
_NOT_PLACE_LABELS = {"PERSON", "NORP"}
_TIME_LABELS = {"DATE", "TIME"}
_CALENDAR_WORDS = frozenset(MONTHS + WEEKDAYS)
_INDEFINITE = {"a", "an"}
_PEOPLE_SUFFIXES = ("ans", "ns", "an", "n", "is", "i")  # Ohioans, Minnesotans, Texan, Dagestani
_JOINERS = {"-", "'s", "’s"}
_DATELINE_MARKS = {"—", "–", "--", "-", "(", ","}  # what follows a dateline: "BEIRUT —", "HAMMOND, Ind. (AP)"
# Lower-case words inside a place name: "Pol-e Alam", "Deir ez-Zor", "Ras al Ain", "Puerto de la Cruz".
_PARTICLES = {
    "-", "'s", "’s", "al", "el", "e", "i", "ez", "es", "ed", "ad", "ar", "as", "ash", "at", "az", "ul", "ur", "de",
    "del", "la", "le", "les", "du", "des", "da", "do", "dos", "di", "bin", "ibn", "abu", "bani", "sur", "am", "an",
    "of", "the",  # "Republic of the Congo", "Isle of Man", "Bay of Bengal"
}  # fmt: skip
_LINKS = {"of", "the"}  # English words inside a name, which the longest name may hold beyond MAX_TOPONYM_TOKENS
# Direction words between a locative preposition and a name: "in central Tunis", "in northern Aleppo".
_DIRECTIONS = {
    "central", "northern", "southern", "eastern", "western", "northeastern", "northwestern", "southeastern",
    "southwestern", "north-eastern", "north-western", "south-eastern", "south-western", "downtown", "rural",
    "greater", "old", "east", "west", "north", "south",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Framing:
    """What an article says of where it is: the countries it names by name or by demonym, with counts; those
    it names by name; and the home countries of the armed groups it names, which help a name no parser took
    for a place ("in Derry", tagged PERSON) but never rule a place-labelled name out."""

    named: Counter[str]
    by_name: frozenset[str] = frozenset()
    homes: frozenset[str] = frozenset()
    areas: frozenset[tuple[str, str]] = frozenset()  # (country, GeoNames admin1 code) of states it names
    spelled: frozenset[str] = frozenset()  # countries it names or whose people it names, not through a state


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place named in an article, at character offsets of the article's text."""

    text: str
    start: int
    end: int
    place: Place
    part_of_town: bool = False  # a neighbourhood or district told as part of a town named beside it


@dataclass(frozen=True, slots=True)
class DocumentGeography:
    """The toponyms of one article and the countries that frame it."""

    toponyms: tuple[Toponym, ...]
    countries: tuple[str, ...]
    framing: Framing = field(default_factory=lambda: Framing(Counter()))

    def within(self, start: int, end: int) -> tuple[Toponym, ...]:
        return tuple(t for t in self.toponyms if start <= t.start and t.end <= end)

    def main_town(self) -> Place | None:
        """The town the article is about: named at least MAIN_TOWN_MENTIONS times, and more than twice as
        often as any other town; None when no town stands out so."""
        counts = Counter(
            t.place.geonameid for t in self.toponyms
            if t.place.precision == GeoPrecision.LOCALITY and t.place.geonameid is not None
        )  # fmt: skip
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < MAIN_TOWN_MENTIONS or (len(ranked) > 1 and 2 * ranked[1][1] >= ranked[0][1]):
            return None
        return next(t.place for t in self.toponyms if t.place.geonameid == ranked[0][0])


def resolve_document(
    doc: Doc, gazetteer: Gazetteer, countries: CountryTable, actor_countries: Iterable[str] = ()
) -> DocumentGeography:
    """Find and resolve every toponym in ``doc``, using the countries it names as context.

    ``actor_countries`` are the home countries (ISO2) of the armed groups the article names, one per mention:
    "Boko Haram attacked the town of Rann" is about Nigeria's Rann, though it never names Nigeria.
    """
    context, by_name, areas, spelled = _context_countries(doc, countries, gazetteer)
    framing = Framing(context, by_name, frozenset(actor_countries), areas, spelled)
    found = _by_proximity(find_toponyms(doc, gazetteer, countries, framing), gazetteer, countries, framing)
    found = _countries_told_locally(found, gazetteer, countries, framing)
    found = _towns_of_named_counties(found, gazetteer, countries, framing)
    found = _states_of_their_towns(found, gazetteer, countries, framing)
    found = _states_in_lists(doc, found, gazetteer, countries, framing)
    toponyms = tuple(_parts_of_towns(doc, _with_capitals(doc, found, gazetteer, countries), gazetteer, countries))
    return DocumentGeography(toponyms, _main_countries(context, toponyms, countries), framing)


def resolve_name(
    text: str, geography: DocumentGeography, gazetteer: Gazetteer, countries: CountryTable
) -> Place | None:
    """The place ``text`` most likely names in a document whose places are ``geography``, for a name already
    known to be a place (a gold toponym): the country it names, or the gazetteer entry its score and its
    closeness to the document's other places rank first; None if neither."""
    framing = geography.framing
    name = text[4:] if text.lower().startswith("the ") else text
    country = countries.by_name(name) or countries.by_demonym(name)  # "Russian" tagged as a place
    if country is not None:
        return country_place(country, text)
    if (continent := countries.continent(name) or countries.continent_of_people(name)) is not None:
        return continent_place(continent, text)
    candidates = gazetteer.candidates(text)
    key = name_key(text)
    subdivisions = gazetteer.subdivisions(text) or (() if candidates else _subdivisions_of_people(text, gazetteer))
    if (local := _holding(subdivisions, [t.place for t in geography.toponyms], countries)) is not None:
        return _subdivision_place((local,), candidates, framing, countries, text)  # "Florida" beside its towns
    if subdivisions and not _namesake_town(key, candidates, subdivisions, framing):
        return _subdivision_place(subdivisions, candidates, framing, countries, text)
    if not candidates:
        return None
    best = max(candidates, key=lambda c: _score(c, key, framing))
    others = [
        (t.place.latitude, t.place.longitude, 0.0)
        for t in geography.toponyms
        if t.place.latitude is not None and t.place.longitude is not None and name_key(t.text) != key
    ]
    if others and len(candidates) > 1:
        best = _closest_best(_pool(candidates, best, framing), key, framing, others)
    return _locality(best, countries.by_code(best.country), text)


def _subdivisions_of_people(text: str, gazetteer: Gazetteer) -> tuple[Subdivision, ...]:
    """The subdivisions whose people ``text`` names by an English suffix on the whole name: "Ohioans",
    "Minnesotans", "Dagestani" (not "Ontarians", whose stem drops a letter). Asked only of a word the
    gazetteer holds as no place."""
    for suffix in _PEOPLE_SUFFIXES:
        stem = text.removesuffix(suffix)
        if len(stem) < len(text) and len(stem) > 2 and (found := gazetteer.subdivisions(stem)):
            return found
    return ()


def rank_candidates(
    name: str, gazetteer: Gazetteer, countries: Iterable[str] = ()
) -> list[tuple[GazetteerEntry, float]]:
    """The gazetteer's places called ``name``, best first, with the score resolution ranks them by, in an
    article that names ``countries`` (ISO2 codes): what ``sitroom gazetteer lookup`` shows."""
    named = frozenset(countries)
    framing = Framing(Counter(named), named)
    key = name_key(name)
    scored = [(entry, _score(entry, key, framing)) for entry in gazetteer.candidates(name)]
    return sorted(scored, key=lambda pair: -pair[1])


def _main_countries(context: Counter[str], toponyms: tuple[Toponym, ...], countries: CountryTable) -> tuple[str, ...]:
    """The article's countries, most named first, counting its towns with the countries and demonyms:
    a report on Mosul that names Turkey four times is still about Iraq if it names Mosul and Erbil more."""
    counts = Counter(context)
    for toponym in toponyms:
        country = countries.by_name(toponym.place.country)
        is_country = toponym.place.precision == GeoPrecision.REGION and toponym.place.admin1 is None
        if not is_country and country is not None:
            counts[country.iso2] += 1
    return tuple(code for code, _ in counts.most_common())


def find_toponyms(doc: Doc, gazetteer: Gazetteer, countries: CountryTable, framing: Framing) -> list[Toponym]:
    """Longest-match toponyms, left to right, whatever label the parser gave them."""
    found: list[Toponym] = []
    ands = frozenset(_indices_of(doc, "and"))
    counties = listed_counties(doc, gazetteer)
    after = 0
    for i in _capitalised(doc):  # most tokens start no name: only capitalised ones become Token objects
        if i < after or not _starts_name(token := doc[i]):
            continue
        match: tuple[Toponym | None, int] | None = None
        if i in counties:
            match = _listed_county(doc, counties[i], countries, framing)
        else:
            match = _match_at(token, ands, gazetteer, countries, framing)
        if match is not None:
            if match[0] is not None:
                found.append(match[0])
            after = match[1]
    return found


def _listed_county(doc: Doc, listed: ListedCounty, countries: CountryTable, framing: Framing) -> tuple[Toponym, int]:
    """ "Barrow" of "Barrow, Jackson and Madison counties": the county its list and the article rank first."""
    span = doc[listed.start : listed.end]
    key = name_key(span.text)
    best = max(listed.candidates, key=lambda c: _score(c, key, framing))
    place = dataclasses.replace(_locality(best, countries.by_code(best.country), span.text), name=best.name)
    return Toponym(span.text, span.start_char, span.end_char, place), listed.end


_CAPITALISED_SHAPES: dict[int, bool] = {}  # a word shape's hash: does it begin with a capital letter?


def _capitalised(doc: Doc) -> list[int]:
    """Indices of the tokens that begin with a capital letter, read from the word shapes ("Xxxxx") without
    making a Token object for every word (the finder's hot path); found once per Doc."""
    return kept_with(doc, ("sitroom.capitalised",), lambda: _capital_indices(doc))


def _capital_indices(doc: Doc) -> list[int]:
    strings, capitalised = doc.vocab.strings, _CAPITALISED_SHAPES
    found = []
    for i, shape in enumerate(doc.to_array("SHAPE").tolist()):  # a list: cheaper than numpy for short texts
        known = capitalised.get(shape)
        if known is None:
            known = capitalised[shape] = strings[shape].startswith("X")
        if known:
            found.append(i)
    return found


def _indices_of(doc: Doc, word: str) -> list[int]:
    """Indices of the tokens whose lower case is ``word``."""
    wanted = doc.vocab.strings.add(word)
    return [i for i, lower in enumerate(doc.to_array("LOWER").tolist()) if lower == wanted]


def _by_proximity(
    toponyms: list[Toponym], gazetteer: Gazetteer, countries: CountryTable, framing: Framing
) -> list[Toponym]:
    """Re-rank each town or county whose name several places share by its distance to the article's other
    places: "London" in a report that names Laurel County is London, Kentucky; "Athens" beside Henderson
    County and Tyler is Athens, Texas. Each of up to PROXIMITY_ROUNDS rounds scores every name's candidates
    against the places chosen so far for the article's other names, the choices of this round included, and
    against those names' close runners-up (:func:`_alternates`), so that two names can settle each other. A
    town of a country the article names by name keeps its country ("Paris" in a report on France)."""
    if len(toponyms) < 2:
        return toponyms
    keys = [name_key(t.text) for t in toponyms]
    chosen = list(toponyms)

    def placed() -> set[tuple[str, float, float]]:
        return {
            (key, t.place.latitude, t.place.longitude)
            for key, t in zip(keys, chosen, strict=True)
            if t.place.latitude is not None and t.place.longitude is not None
        }

    alternates = _alternates(chosen, keys, gazetteer, framing)
    for _ in range(PROXIMITY_ROUNDS):
        points = placed()
        picks: dict[tuple[str, float | None, float | None], GazetteerEntry | None] = {}
        changed = False
        for i, toponym in enumerate(chosen):
            place = toponym.place
            if place.precision == GeoPrecision.REGION or toponym.part_of_town:
                continue
            asked = (keys[i], place.latitude, place.longitude)
            if asked not in picks:  # a name told again is decided once a round
                others = [(lat, lon, 0.0) for key, lat, lon in points if key != keys[i]]
                others += [a for key, alts in alternates.items() if key != keys[i] for a in alts]
                picks[asked] = _nearer_pick(toponym, keys[i], others, gazetteer, framing) if others else None
            best = picks[asked]
            if best is not None:
                chosen[i] = dataclasses.replace(
                    toponym, place=_locality(best, countries.by_code(best.country), toponym.text)
                )
                points, changed = placed(), True  # the next names are weighed against this choice
        if not changed:
            break
    return chosen


def _countries_told_locally(
    toponyms: list[Toponym], gazetteer: Gazetteer, countries: CountryTable, framing: Framing
) -> list[Toponym]:
    """A country's name that is also a state or a town, in an article whose other places lie there and none
    in that country: "Georgia" beside Clarke and Oconee counties is the US state; "Palestine" beside Anderson
    County, Texas, the town in it (within LOCAL_KM of another of the article's places)."""
    keys = [name_key(t.text) for t in toponyms]
    placed = [
        (key, t.place) for key, t in zip(keys, toponyms, strict=True)
        if t.place.latitude is not None and t.place.longitude is not None and t.place.precision != GeoPrecision.REGION
    ]  # fmt: skip
    out = list(toponyms)
    decided: dict[str, Place | None] = {}  # a name told again is decided once
    for i, (key, toponym) in enumerate(zip(keys, toponyms, strict=True)):
        country = countries.by_name(toponym.text)
        if country is None or toponym.place.latitude is not None or toponym.place.admin1 is not None:
            continue  # not a country told by its name
        if key not in decided:
            others = [p for k, p in placed if k != key]
            decided[key] = (
                None
                if not others or any(p.country == country.name for p in others)
                else _local_state(toponym.text, country, others, gazetteer, countries, framing)
                or _local_town(toponym.text, key, country, others, gazetteer, countries)
            )
        if (local := decided[key]) is not None:
            out[i] = dataclasses.replace(toponym, place=local)
    return out


def _towns_of_named_counties(
    toponyms: list[Toponym], gazetteer: Gazetteer, countries: CountryTable, framing: Framing
) -> list[Toponym]:
    """A town whose name several places share is the one in a county the article names, where one of them
    lies within COUNTY_KM of that county's point: "Alexandria" beside Rapides Parish is Alexandria,
    Louisiana, not Egypt's city of four million; beside Douglas County, Minnesota, the Minnesota town. A
    town already placed in a state the article names stays there, unless the county is in that state."""
    placed = [t.place for t in toponyms if t.place.latitude is not None and t.place.longitude is not None]
    counties = [p for p in placed if _is_county(p)]
    if not counties:
        return toponyms
    out = list(toponyms)
    decided: dict[tuple[str, float | None, float | None], Place | None] = {}
    for i, toponym in enumerate(toponyms):
        place = toponym.place
        if place.precision != GeoPrecision.LOCALITY or toponym.part_of_town:
            continue
        asked = (name_key(toponym.text), place.latitude, place.longitude)
        if asked not in decided:
            decided[asked] = _town_in_county(toponym, asked[0], counties, gazetteer, countries, framing)
        if (town := decided[asked]) is not None:
            out[i] = dataclasses.replace(toponym, place=town)
    return out


def _states_of_their_towns(
    toponyms: list[Toponym], gazetteer: Gazetteer, countries: CountryTable, framing: Framing
) -> list[Toponym]:
    """A town called by the name of a state that holds two or more of the article's places, and that it does
    not lie in, is that state: "Florida" beside Tampa and Orlando is the state, not the village in New York;
    "Kandahar" beside towns of Kandahar province stays the city, which lies in it."""
    places = [t.place for t in toponyms]
    if sum(p.admin1 is not None for p in places) < 2:
        return toponyms
    out = list(toponyms)
    decided: dict[str, Place | None] = {}
    for i, toponym in enumerate(toponyms):
        place = toponym.place
        if place.precision != GeoPrecision.LOCALITY or toponym.part_of_town:
            continue
        key = name_key(toponym.text)
        if key not in decided:
            state = _holding(gazetteer.subdivisions(toponym.text), places, countries)
            decided[key] = (
                None
                if state is None
                else _subdivision_place((state,), gazetteer.candidates(toponym.text), framing, countries, toponym.text)
            )
        state_place = decided[key]
        if state_place is not None and (place.country, place.admin1) != (state_place.country, state_place.admin1):
            out[i] = dataclasses.replace(toponym, place=state_place)
    return out


_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s+")
_MAX_LIST_GAP = len(", and ")


def _states_in_lists(
    doc: Doc, toponyms: list[Toponym], gazetteer: Gazetteer, countries: CountryTable, framing: Framing
) -> list[Toponym]:
    """A town listed beside states of its country is the state of its name, if there is one that the town does
    not lie in: "Utah, Washington and Wisconsin" names Washington state, not the capital in its district; but
    "Texas and Washington, D.C." names the capital, as its district follows it."""
    out = list(toponyms)
    for i, toponym in enumerate(toponyms):
        place = toponym.place
        if place.precision != GeoPrecision.LOCALITY or toponym.part_of_town:
            continue
        gaps = [
            (min(other.end, toponym.end), max(other.start, toponym.start))
            for j in (i - 1, i + 1)
            if 0 <= j < len(toponyms)
            and (other := toponyms[j]).place.country == place.country
            and is_subdivision(other.place)
            and 0 < abs(other.start - toponym.start) - len(other.text if j < i else toponym.text) <= _MAX_LIST_GAP
        ]
        if not any(_LIST_GAP.fullmatch(doc_text(doc)[start:end]) for start, end in gaps):
            continue
        span = doc.char_span(toponym.start, toponym.end)
        if span is not None and any(s.name == place.admin1 for s in _subdivisions_after(span, gazetteer)):
            continue
        owner = countries.by_name(place.country)
        states = tuple(
            s for s in gazetteer.subdivisions(toponym.text)
            if owner is not None and s.country == owner.iso2 and s.name != place.admin1
        )  # fmt: skip
        if states:
            candidates = gazetteer.candidates(toponym.text)
            out[i] = dataclasses.replace(
                toponym, place=_subdivision_place(states, candidates, framing, countries, toponym.text)
            )
    return out


def _is_county(place: Place) -> bool:
    return place.precision == GeoPrecision.NEAR and place.admin2 is not None and place.admin2 == place.name


def _town_in_county(
    toponym: Toponym,
    key: str,
    counties: list[Place],
    gazetteer: Gazetteer,
    countries: CountryTable,
    framing: Framing,
) -> Place | None:
    """The town called ``toponym``'s name nearest the point of one of ``counties``, of the county's state and
    within COUNTY_KM of it; None where there is none, or where the town chosen already lies so, or lies in
    a state the article names that the county is not in ("Charleston" beside West Virginia stays there)."""
    place = toponym.place
    candidates = [c for c in gazetteer.candidates(toponym.text) if name_key(c.name) == key]
    current = _entry_at(candidates, place)
    if current is not None and any(_county_distance(current, county, countries) <= COUNTY_KM for county in counties):
        return None
    nearest = min(
        ((_county_distance(town, county, countries), town) for county in counties for town in candidates),
        key=lambda pair: pair[0],
        default=None,
    )
    if nearest is None or nearest[0] > COUNTY_KM:
        return None
    town = nearest[1]
    if (
        current is not None
        and (current.country, current.admin1_code) in framing.areas
        and current.admin1 != town.admin1
    ):
        return None
    return _locality(town, countries.by_code(town.country), toponym.text)


def _county_distance(town: GazetteerEntry, county: Place, countries: CountryTable) -> float:
    """Kilometres from ``town`` to ``county``'s point; infinite for a town of another state."""
    owner = countries.by_code(town.country)
    if town.admin1 != county.admin1 or owner is None or owner.name != county.country:
        return math.inf
    assert county.latitude is not None and county.longitude is not None
    return haversine_km(town.latitude, town.longitude, county.latitude, county.longitude)


def _local_state(
    text: str, country: Country, others: list[Place], gazetteer: Gazetteer, countries: CountryTable, framing: Framing
) -> Place | None:
    """The state of another country called ``text`` that two or more of the article's places lie in."""
    states = tuple(s for s in gazetteer.subdivisions(text) if s.country != country.iso2)
    state = _holding(states, others, countries)
    return None if state is None else _subdivision_place((state,), (), framing, countries, text)


def _holding(
    subdivisions: Sequence[Subdivision], places: Sequence[Place], countries: CountryTable
) -> Subdivision | None:
    """The first of ``subdivisions`` that two or more of ``places`` lie in."""
    for subdivision in subdivisions:
        owner = countries.by_code(subdivision.country)
        if owner is not None and sum(p.country == owner.name and p.admin1 == subdivision.name for p in places) >= 2:
            return subdivision
    return None


def _local_town(
    text: str, key: str, country: Country, others: list[Place], gazetteer: Gazetteer, countries: CountryTable
) -> Place | None:
    """The town of another country called ``text`` nearest another of the article's places, if within
    LOCAL_KM of one."""
    best: tuple[float, GazetteerEntry] | None = None
    for town in gazetteer.candidates(text):
        if town.country == country.iso2 or name_key(town.name) != key:
            continue
        distance = min(
            haversine_km(town.latitude, town.longitude, p.latitude, p.longitude)
            for p in others
            if p.latitude is not None and p.longitude is not None
        )
        if distance <= LOCAL_KM and (best is None or distance < best[0]):
            best = (distance, town)
    return None if best is None else _locality(best[1], countries.by_code(best[1].country), text)


def _alternates(
    toponyms: list[Toponym], keys: list[str], gazetteer: Gazetteer, framing: Framing
) -> dict[str, list[tuple[float, float, float]]]:
    """For each town's name, the points of up to ALTERNATES of its other candidates whose score is within
    PROXIMITY_WEIGHT of the best one's, each with that shortfall: "Henry County" has ten, all equal, so
    "Paris" beside it is Paris, Tennessee, which lies in one of them, and Henry County the one Paris is in."""
    out: dict[str, list[tuple[float, float, float]]] = {}
    for toponym, key in zip(toponyms, keys, strict=True):
        if key in out or toponym.place.precision == GeoPrecision.REGION or toponym.part_of_town:
            continue
        candidates = gazetteer.candidates(toponym.text)
        if len(candidates) < 2:
            out[key] = []
            continue
        scores = sorted(((_score(c, key, framing), c) for c in candidates), key=lambda p: -p[0])
        top = scores[0][0]
        tied = sum(score == top for score, _ in scores)  # all of them: "Madison County" is in 20 states
        out[key] = [
            (c.latitude, c.longitude, top - score)
            for score, c in scores[1 : max(tied, ALTERNATES + 1)]
            if score >= top - PROXIMITY_WEIGHT
        ]
    return out


def _nearer_pick(
    toponym: Toponym, key: str, others: list[tuple[float, float, float]], gazetteer: Gazetteer, framing: Framing
) -> GazetteerEntry | None:
    """The candidate for ``toponym`` that its score and its closeness to ``others`` rank first, where that
    is not the place it has; None where it is, or where its place was not a ranked pick (a capital, a town
    of the country named after it)."""
    candidates = gazetteer.candidates(toponym.text)
    if len(candidates) < 2:
        return None
    current = _entry_at(candidates, toponym.place)
    if current is None:
        return None
    best = _closest_best(_pool(candidates, current, framing), key, framing, others)
    return None if best is current else best


def _entry_at(candidates: Sequence[GazetteerEntry], place: Place) -> GazetteerEntry | None:
    """The candidate ``place`` was made from (the one at its point), if any."""
    return next((c for c in candidates if (c.latitude, c.longitude) == (place.latitude, place.longitude)), None)


def _pool(candidates: Sequence[GazetteerEntry], pick: GazetteerEntry, framing: Framing) -> Sequence[GazetteerEntry]:
    """The candidates closeness may choose among instead of ``pick``: all of them, or, where the article
    names ``pick``'s country by name, those of that country ("Paris" in a report on France stays French)."""
    return [c for c in candidates if c.country == pick.country] if pick.country in framing.by_name else candidates


def _closest_best(
    pool: Sequence[GazetteerEntry], key: str, framing: Framing, others: list[tuple[float, float, float]]
) -> GazetteerEntry:
    """The entry of ``pool`` that its score and its closeness to the points ``others`` rank first."""
    scores = [(_score(c, key, framing), c) for c in pool]
    floor = max(score for score, _ in scores) - PROXIMITY_WEIGHT  # closeness adds at most that much
    kept = [(score, c) for score, c in scores if score >= floor]
    closeness = _closeness([c for _, c in kept], others)
    ranked = [(score + near, c) for (score, c), near in zip(kept, closeness, strict=True)]
    return max(ranked, key=lambda pair: pair[0])[1]


def _closeness(entries: Sequence[GazetteerEntry], points: list[tuple[float, float, float]]) -> list[float]:
    """For each entry, PROXIMITY_WEIGHT for a place at another of the article's places, falling off with the
    distance (by e every PROXIMITY_KM), less that place's shortfall (0 for a place chosen, more for another
    name's lower candidate); the best over ``points`` (latitude, longitude, shortfall), and 0 at least.
    Distances are equirectangular, scaled at the entry's latitude: within a few hundred kilometres, where
    the weight matters, they are haversine's to a few per cent. One array operation for all the entries."""
    at = numpy.array([(e.latitude, e.longitude) for e in entries], dtype=float).reshape(-1, 2)
    to = numpy.array(points, dtype=float).reshape(-1, 3)
    north = to[:, 0] - at[:, :1]
    east = ((to[:, 1] - at[:, 1:] + 180.0) % 360.0 - 180.0) * numpy.cos(numpy.radians(at[:, :1]))
    weight = PROXIMITY_WEIGHT * numpy.exp(-numpy.hypot(north, east) * _KM_PER_DEGREE / PROXIMITY_KM) - to[:, 2]
    return numpy.maximum(weight.max(axis=1, initial=0.0), 0.0).tolist()  # type: ignore[no-any-return]


def _with_capitals(doc: Doc, toponyms: list[Toponym], gazetteer: Gazetteer, countries: CountryTable) -> list[Toponym]:
    """Add the capitals named by their country: "the Afghan capital", "Syria's capital", "the capital of
    Guatemala". Each replaces the country toponym inside it; "the Somali capital Mogadishu" names its city."""
    capitals = [c for i in _indices_of(doc, "capital") if (c := _capital(doc[i], gazetteer, countries))]
    if not capitals:
        return toponyms
    kept = [t for t in toponyms if not any(c.start <= t.start < c.end for c in capitals)]
    return sorted(kept + capitals, key=lambda t: t.start)


def _parts_of_towns(doc: Doc, toponyms: list[Toponym], gazetteer: Gazetteer, countries: CountryTable) -> list[Toponym]:
    """A neighbourhood or square the article places in a town ("the Karama neighborhood in Mosul's east",
    "Mosul's Karama district", "Rawda Square in Damascus") lies in that town: the gazetteer's entry of that
    name nearest the town, if one lies within PART_OF_TOWN_KM (a section GeoNames lists), never a namesake
    far away (Al Karama, Dubai). With none, the name is placed at the town, at the precision of a part of it,
    with a note."""
    by_start = {t.start: t for t in toponyms}
    marked: dict[int, Toponym] = {}
    for part in toponyms:
        found = _town_of_part(doc, part, by_start)
        if part.place.precision != GeoPrecision.LOCALITY or found is None:
            continue
        town, noun = found
        lat, lon = town.place.latitude, town.place.longitude
        if lat is None or lon is None:
            continue
        distance = {c: haversine_km(c.latitude, c.longitude, lat, lon) for c in gazetteer.candidates(part.text)}
        inside = [c for c, km in distance.items() if km <= PART_OF_TOWN_KM[noun]]
        if inside:
            section = min(inside, key=lambda c: distance[c])
            place = _locality(section, countries.by_code(section.country), part.text)
        else:
            note = f"{part.text} is a part of {town.place.name} the gazetteer does not list: placed at the town"
            place = dataclasses.replace(town.place, precision=GeoPrecision.NEAR, mention=part.text, note=note)
        marked[part.start] = dataclasses.replace(part, place=place, part_of_town=True)
    return [marked.get(t.start, t) for t in toponyms]


def _town_of_part(doc: Doc, part: Toponym, by_start: dict[int, Toponym]) -> tuple[Toponym, str] | None:
    """The town toponym that ``part`` is told as a neighbourhood of, if any, and the noun that tells it."""
    span = doc.char_span(part.start, part.end)
    if span is None or span.end >= len(doc) or doc[span.end].lower_ not in PART_OF_TOWN_KM:
        return None
    after = span.end + 1
    if after + 1 < len(doc) and doc[after].lower_ in ("in", "of"):  # "the Karama neighborhood in Mosul"
        town = by_start.get(doc[after + 1].idx)
    else:  # "Mosul's Karama district", "Mosul's eastern Karama district"
        k = span.start - 1
        while k >= 0 and (doc[k].pos_ == "ADJ" or doc[k].lower_ in _COMPASS):
            k -= 1
        if k < 1 or doc[k].text not in ("'s", "’s"):
            return None
        town = next((t for t in by_start.values() if t.end == doc[k].idx), None)
    if town is None or town.place.precision != GeoPrecision.LOCALITY:
        return None
    return town, doc[span.end].lower_


def _capital(token: Token, gazetteer: Gazetteer, countries: CountryTable) -> Toponym | None:
    if token.dep_ == "appos" or any(c.dep_ in ("appos", "compound") and c.i > token.i for c in token.children):
        return None  # "Bujumbura, the capital of Burundi", "the capital, Kabul", "the Somali capital Mogadishu"
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if nxt is not None and (nxt.pos_ == "PROPN" or nxt.lower_ == "city"):
        return None  # "the capital Kabul", "the Iraqi capital city of Baghdad"
    if any(c.lower_ in _NOT_THE_CAPITAL for c in token.children if c.dep_ in ("amod", "compound")):
        return None  # "India's financial capital", "the provincial capital"
    country, first, last = None, token, token
    for child in token.children:
        if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i < token.i:
            country = countries.by_name(child.text) or countries.by_demonym(child.text)
            first = child.left_edge
        elif child.dep_ == "prep" and child.lower_ == "of":
            objects = [o for o in child.children if o.dep_ == "pobj"]
            if objects:
                obj = objects[0]
                name = token.doc[obj.left_edge.i : obj.i + 1].text
                country = countries.by_name(name[4:] if name.lower().startswith("the ") else name)
                last = obj
        if country is not None:
            break
    if country is None or country.capital is None:
        return None
    found = [c for c in gazetteer.candidates(country.capital) if c.country == country.iso2]
    if not found:
        return None
    entry = max(found, key=lambda c: prominence(c, name_key(country.capital or "")))
    span = token.doc[first.i : last.i + 1]
    return Toponym(span.text, span.start_char, span.end_char, _locality(entry, country, country.capital))


def _context_countries(
    doc: Doc, countries: CountryTable, gazetteer: Gazetteer
) -> tuple[Counter[str], frozenset[str], frozenset[tuple[str, str]], frozenset[str]]:
    """How often ``doc`` names each country or its people, which countries it names by name, and the states
    or provinces it names (as country and GeoNames admin1 code, where GeoNames codes them with ISO letters:
    "Dublin ... Ohio" is Dublin, Ohio)."""
    counts: Counter[str] = Counter()
    by_name: set[str] = set()
    areas: set[tuple[str, str]] = set()
    spelled: set[str] = set()
    ents = doc.ents  # built by a pass over every token: ask once
    inside_names = {i for e in ents if len(e) > 1 and e.label_ in _PLACE_LABELS for i in range(e.start, e.end)}
    strings, orths = doc.vocab.strings, doc.to_array("ORTH")
    for i in _capitalised(doc):
        text = strings[orths[i]]  # a word's text without a Token object: few capitalised words name a country
        if (text.istitle() or text.isupper()) and i not in inside_names:
            named = countries.by_name(text)
            country = named or countries.by_demonym(text)
            if country is None:
                continue
            token = doc[i]
            first = token
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head  # "the Pakistani, Indian and Iranian consulates"
            if first.head.lemma_.lower() in _FOREIGN_THINGS and first.dep_ in ("amod", "compound", "nmod", "poss"):
                continue  # "the Italian consulate in Cairo", "the US Embassy in Manila": foreign, not framing
            counts[country.iso2] += 1
            spelled.add(country.iso2)
            if named:
                by_name.add(named.iso2)
    for ent in ents:
        placed = ent.label_ in _PLACE_LABELS
        if not placed and not _after_subdivision_noun(ent):
            continue  # most entities are people, dates and numbers
        text, first_word = ent.text, ent[0].lower_
        name = text[4:] if first_word == "the" else text  # "the Central African Republic"
        if first_word in _DIRECTIONS and not countries.by_name(name):
            name = ent[1:].text  # "Northern Ecuador", but "North Korea"
        if len(ent) > 1 and placed and (country := countries.by_name(name)):
            counts[country.iso2] += 1
            by_name.add(country.iso2)
            spelled.add(country.iso2)
        else:
            subdivisions = tuple(s for s in _subdivisions_named(ent, gazetteer) if not s.lower)
            if subdivisions and not _prominent(subdivisions) and _names_a_city_elsewhere(ent, subdivisions, gazetteer):
                continue  # "Alexandria": a city, and not only Egypt's, as often as the governorate
            subdivisions = _prominent_over_minor(subdivisions)
            owners = {s.country for s in subdivisions}
            if len(owners) == 1:
                owner = owners.pop()
                counts[owner] += 1  # "Borno State", "Cauca": a subdivision of one country names it
                by_name.add(owner)
                areas.update((s.country, s.top_code) for s in subdivisions)
    return counts, frozenset(by_name), frozenset(areas), frozenset(spelled)


def _prominent_over_minor(subdivisions: tuple[Subdivision, ...]) -> tuple[Subdivision, ...]:
    """The prominent ones of ``subdivisions`` where all the others are minor ("Maryland": the US state, not
    Liberia's county); else all of them."""
    prominent = tuple(s for s in subdivisions if s.rank is not None and s.rank <= PROMINENT_SUBDIVISION_RANK)
    minor = all(s in prominent or (s.rank or MINOR_SUBDIVISION_RANK) >= MINOR_SUBDIVISION_RANK for s in subdivisions)
    return prominent if prominent and minor else subdivisions


def _prominent(subdivisions: tuple[Subdivision, ...]) -> bool:
    return all(s.rank is not None and s.rank <= PROMINENT_SUBDIVISION_RANK for s in subdivisions)


def _names_a_city_elsewhere(ent: Span, subdivisions: tuple[Subdivision, ...], gazetteer: Gazetteer) -> bool:
    """Is a bare entity also the name of a city of FOREIGN_TOWN_POPULATION or more in another country than
    the subdivisions' ("Alexandria", Virginia; not "Kabul", whose namesake in Israel is a village)?"""
    if ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in _SUBDIVISION_NOUNS:
        return False  # "Alexandria governorate"
    key, homes = name_key(ent.text), {s.country for s in subdivisions}
    return any(
        name_key(c.name) == key and c.population >= FOREIGN_TOWN_POPULATION and c.country not in homes
        for c in gazetteer.candidates(ent.text)
    )


def _after_subdivision_noun(ent: Span) -> bool:
    """'the department of Norte de Santander' (tagged ORG)."""
    return _after_noun_of(ent, _SUBDIVISION_NOUNS)


def _after_noun_of(span: Span, nouns: set[str]) -> bool:
    """Whether one of ``nouns`` and "of" come just before ``span``: 'the city of Acre'."""
    doc, start = span.doc, span.start
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in nouns


def _subdivisions_named(ent: Span, gazetteer: Gazetteer) -> tuple[Subdivision, ...]:
    """The subdivisions an entity names: "the Borno State", "Ohio", "Ga."; not "LA", which is Los Angeles
    far more often than Louisiana ("La.")."""
    words = ent[1:] if ent[0].lower_ == "the" else ent
    text = words.text
    if not text or (text.isupper() and "." not in text):
        return ()
    if len(words) > 1 and words[-1].lower_ in _SUBDIVISION_NOUNS:
        text = words[:-1].text
    return gazetteer.subdivisions(text)


def _match_at(
    first: Token, ands: frozenset[int], gazetteer: Gazetteer, countries: CountryTable, framing: Framing
) -> tuple[Toponym | None, int] | None:
    """The toponym starting at ``first`` (which starts a name) and the index after it; (None, after) for a
    name that is known not to be a place ("Niger Delta"), so that no part of it is taken for one ("Niger").
    ``ands``: where the document says "and"."""
    doc, i = first.doc, first.i
    joined = _joined_name(doc, i, ands, gazetteer, countries, framing)
    if joined is not None:
        return joined
    run = [first]  # the run of tokens a name can span: capitalised words, particles and joiners
    limit = min(2 * MAX_TOPONYM_TOKENS, len(doc) - i)
    while len(run) < limit and _may_continue_name(following := doc[i + len(run)]):
        run.append(following)
    texts = [t.text_with_ws for t in run]
    for length in range(len(run), 0, -1):
        words = run[:length]
        text = "".join(texts[: length - 1]) + words[-1].text  # span.text, without a new Span
        key = name_key(text)
        unplaced = key in not_place_names()
        if not unplaced and not countries.has_key(key) and not gazetteer.may_name(key):
            continue  # most capitalised words name nothing: no need to look at them closer
        if (
            length > MAX_TOPONYM_TOKENS
            and sum(t.text != "-" and t.lower_ not in _LINKS for t in words) > MAX_TOPONYM_TOKENS
        ) or not _is_name(words, doc):
            continue  # "Saint-Quentin-Fallavier" is five tokens but three words, as "Republic of the Congo" is
        if length > 2 and words[1].lower_ == "of" and words[0].lower_ in _TOWN_NOUNS and words[0].lower_ != "port":
            continue  # "the City of Richmond" is Richmond (GeoNames' "City of Richmond" is in Minnesota)
        if length > 1 and unplaced:
            return None, i + length
        span = doc[i : i + length]
        place = _resolve_span(span, gazetteer, countries, framing, text)
        if place is not None:
            return Toponym(text, words[0].idx, words[-1].idx + len(words[-1]), place), i + length
    return None


def _joined_name(
    doc: Doc, i: int, ands: frozenset[int], gazetteer: Gazetteer, countries: CountryTable, framing: Framing
) -> tuple[Toponym, int] | None:
    """'Jammu and Kashmir', 'Bosnia and Herzegovina', 'Saint Kitts and Nevis': a country's or a province's
    name with 'and' in it, read whole before its parts are taken for places of their own."""
    end = min(i + _MAX_JOINED, len(doc))
    if not any(j in ands for j in range(i + 1, end - 1)):
        return None
    for length in range(end - i, 2, -1):
        span = doc[i : i + length]
        if (
            span[-1].text[:1].isupper()
            and any(j in ands for j in range(i + 1, i + length - 1))
            and _names_a_whole(span, gazetteer, countries)
        ):
            place = _resolve_span(span, gazetteer, countries, framing)
            if place is not None:
                return Toponym(span.text, span.start_char, span.end_char, place), i + length
    return None


def _names_a_whole(span: Span, gazetteer: Gazetteer, countries: CountryTable) -> bool:
    return countries.by_name(span.text) is not None or bool(gazetteer.subdivisions(span.text))


def _may_continue_name(token: Token) -> bool:
    if token.is_sent_start and not token.text[:1].islower():
        return False  # but a lower-case particle starts no sentence, whatever the parser says ("Qala i Naw")
    text = token.text
    return text[:1].isupper() or token.lower_ in _PARTICLES or text in _JOINERS or text.endswith(".") or _elided(text)


def _elided(text: str) -> bool:
    """A French word with an elided article or preposition before a name: "d'Ivoire", "d’Azur", "l'Oise"."""
    return len(text) > 2 and text[0] in "dlDL" and text[1] in "'’" and text[2].isupper()


def _starts_name(token: Token) -> bool:
    text = token.text
    if token.is_stop and not token.is_upper:
        return False
    letters = text.replace("'", "").replace("’", "").replace("‘", "")  # "Sana'a", "Ma'rib"
    if text.endswith(".") and len(text) <= _MAX_ABBREVIATION:
        letters = letters.replace(".", "")  # "Ga.", "W.Va.", "St. Louis": abbreviations the gazetteer knows
    return bool(letters) and text[0].isupper() and letters.isalpha()


def _is_name(words: list[Token], doc: Doc) -> bool:
    """Whether the run of ``words`` can be a whole name (token lists, not Spans: this is the hot path)."""
    first, last = words[0], words[-1]
    if last.text in _JOINERS or last.is_punct:
        return False
    if any(t.is_sent_start and not t.text[:1].islower() for t in words[1:]):
        return False
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None and after.text == "-" and not after.whitespace_:
        following = doc[after.i + 1] if after.i + 1 < len(doc) else None
        # "US-backed", "Shia-dominated": modifiers, not places; "the Bamenda-Ndop road" names two places
        return following is not None and following.text[:1].isupper()
    if any(t.text[0].islower() and t.lower_ not in _PARTICLES and not _elided(t.text) for t in words[1:-1]):
        return False
    return first.text[0].isupper() and (last.text[0].isupper() or last.lower_ in ("al", "el") or _elided(last.text))


def _resolve_span(
    span: Span, gazetteer: Gazetteer, countries: CountryTable, framing: Framing, text: str | None = None
) -> Place | None:
    """``text``: the span's text where the caller has it (Span.text is rebuilt from the tokens each time)."""
    text = span.text if text is None else text
    key = name_key(text)
    if key in not_place_names():
        return None
    country = countries.by_name(text)
    if country is None and (continent := countries.continent(text)) is not None:
        return continent_place(continent, text)  # "Africa" is no town in Tunisia
    candidates = gazetteer.candidates(text)
    subdivisions = gazetteer.subdivisions(text)
    if country is None and not candidates and not subdivisions:
        return None  # most capitalised words name nothing the gazetteer knows: no need to look closer
    if _before_county_noun(span) and not _counties_of_iso(subdivisions):
        return None  # "Walton" of "Walton County" is no town called Walton; "Mandera County" is Kenya's
    if _is_time_or_thing(span):
        return None
    if _inside_longer_organisation(span) and _place_cue(span) != "named":
        return None  # but "the town of Bosso" names a town, though the parser read "Bosso of Niger" as a person
    if country is not None and (city := _city_named_for(span, gazetteer)) is not None:
        return _locality(city, countries.by_code(city.country), text)  # "in Benin city of Edo State"
    if country is not None and (state := _state_of_the_story(text, country, gazetteer, framing)) is not None:
        return _subdivision_place((state,), candidates, framing, countries, text)  # "Georgia" in Atlanta news
    if country is not None:
        return country_place(country, text)
    if text.isupper() and key not in abbreviations() and not _is_dateline(span):
        return None  # acronyms: CIA, SDF, AQI; but NSW is New South Wales, and "BEIRUT —" a dateline
    if countries.by_demonym(text) is not None:
        return None  # "an American English teacher": a people or a language, not English, Arkansas
    owner = _country_after(span, countries)
    if owner is not None:
        states = tuple(s for s in subdivisions if s.country == owner.iso2)
        theirs = [c for c in candidates if c.country == owner.iso2]
        if states and not _namesake_town(key, tuple(theirs), states, framing):
            return _subdivision_place(states, candidates, framing, countries, text)  # "California, United States"
        if theirs:  # "Nara, Mali": the town of the country named after it, not Japan's prefecture
            return _locality(max(theirs, key=lambda c: _score(c, key, framing)), owner, text)
        if candidates and _place_cue(span) is not None:
            # "a farm near Gordon, Scotland": a place of that country the gazetteer lacks, not Gordon, Georgia
            return dataclasses.replace(country_place(owner, text), note=f"{text}: not in the gazetteer; country-level")
    elif candidates and (states := _subdivisions_after(span, gazetteer)):
        place = _in_the_subdivision_after(span, candidates, subdivisions, states, countries, framing)
        if place is not None:
            return place
    if subdivisions and _means_subdivision(span, candidates, subdivisions, framing):
        if not _accept_subdivision(span, subdivisions, framing):
            return None
        subdivisions = _of_the_kind_named(span, subdivisions)
        return _subdivision_place(subdivisions, candidates, framing, countries, text)
    if not candidates or not (
        _accept(span, candidates, framing, countries) or _country_follows(span, candidates, countries)
    ):
        return None
    best = max(candidates, key=lambda c: _score(c, key, framing))
    owner = countries.by_code(best.country)
    return _locality(best, owner, text)


def _before_county_noun(span: Span) -> bool:
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in _COUNTY_NOUNS and doc[span.end].is_title


def _counties_of_iso(subdivisions: tuple[Subdivision, ...]) -> tuple[Subdivision, ...]:
    """The subdivisions ISO 3166-2 calls counties and lists at the top level (Kenya's, Liberia's): "Mandera
    County" names one as "Borno State" names a state."""
    return tuple(s for s in subdivisions if s.kind == "County" and s.parent is None)


def _state_of_the_story(text: str, country: Country, gazetteer: Gazetteer, framing: Framing) -> Subdivision | None:
    """A country's name that is also a state of a country whose other states the article names: "Georgia"
    in a report that names Alabama too is the US state."""
    states = [s for s in gazetteer.subdivisions(text) if s.country != country.iso2]
    home = [
        s for s in states
        if any(c == s.country and code != s.top_code for c, code in framing.areas)
    ]  # fmt: skip
    return home[0] if len(home) == 1 else None


def _means_subdivision(
    span: Span, towns: tuple[GazetteerEntry, ...], subdivisions: tuple[Subdivision, ...], framing: Framing
) -> bool:
    """'Borno State', 'the province of Kandahar' and bare 'Cauca' name subdivisions; bare 'Kandahar' names the
    town of that name in the same country, as 'Kirkuk' and 'Gombe' do, and bare 'Jerusalem' the city."""
    doc = span.doc
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if after in _SUBDIVISION_NOUNS or _after_subdivision_noun(span):
        return True
    if _before_county_noun(span) and _counties_of_iso(subdivisions):
        return True  # "Mandera County", "Nimba County"
    if after in _TOWN_NOUNS or _after_noun_of(span, _TOWN_NOUNS):
        return False  # "the northern Israeli city of Acre", not the Brazilian state
    return not _namesake_town(name_key(span.text), towns, subdivisions, framing)


def _namesake_town(
    key: str, towns: tuple[GazetteerEntry, ...], subdivisions: tuple[Subdivision, ...], framing: Framing
) -> bool:
    """Is there a town of the name in the subdivision itself, or a city elsewhere ("Jerusalem") in a country
    the article does not leave out? "Kandahar" is the city; "California" is the state, not the town in
    Maryland; "Ontario" is the province, not the city in California, as a prominent subdivision is meant
    before any but a metropolis elsewhere; "Toledo" is the city in Ohio, not the district of Belize."""
    named = framing.spelled
    its_states = {(s.country, s.top_code) for s in subdivisions}  # they frame nothing here
    # "Florida" in a report that names Texas: Florida, Uruguay has its namesake town, but is not in question
    known = named | framing.homes | {country for country, code in framing.areas if (country, code) not in its_states}
    in_question = tuple(s for s in subdivisions if s.country in known)
    subdivisions = in_question or subdivisions
    homes = {s.country for s in subdivisions}
    foreign_ruled_out = bool(named & homes)
    prominent = _prominent(subdivisions)
    own = [t for t in towns if name_key(t.name) == key]
    if (
        known
        and not in_question
        and not prominent
        and any(t.country in known and t.population >= TOWN_POPULATION for t in own)
    ):
        return True  # "Hanover" in a report from Vermont: Hanover, New Hampshire, not Jamaica's parish

    def inside(town: GazetteerEntry) -> bool:  # where GeoNames codes admin1 with ISO letters, it can tell
        return _coded_in(town, subdivisions)

    def elsewhere(town: GazetteerEntry) -> bool:  # a metropolis, unless the article is about another country
        if town.population >= METROPOLIS_POPULATION:
            # "Victoria" in a report that names Australia is its state, not the city of Hong Kong
            return not (prominent and foreign_ruled_out and town.country not in known)
        if prominent or town.population < FOREIGN_TOWN_POPULATION:
            return False
        return not (foreign_ruled_out and town.country not in named)

    english = all(name_key(s.name) != key for s in subdivisions)  # a name from subdivision_names.yaml
    if english and any(inside(t) and t.population >= FOREIGN_TOWN_POPULATION for t in towns):
        return True  # a city known by this name too: "Raqqa" (Ar Raqqah), "Dohuk" (Duhok)
    return any((inside(t) and t.population >= TOWN_POPULATION) or elsewhere(t) for t in own)  # not "Oklahoma"


def _accept_subdivision(span: Span, subdivisions: tuple[Subdivision, ...], framing: Framing) -> bool:
    """A subdivision of a country the article is about, or, in an article that names none, any that the
    parser or the words around it take for a place: not Bolivia's Beni in a report from Congo."""
    known = set(framing.named) | framing.homes
    if known:
        return any(s.country in known for s in subdivisions)
    labels = {t.ent_type_ for t in span} - {""}
    return bool(labels & _PLACE_LABELS) or _place_cue(span) is not None


def _of_the_kind_named(span: Span, subdivisions: tuple[Subdivision, ...]) -> tuple[Subdivision, ...]:
    """'Plateau State' is Nigeria's state, not Benin's department, and 'the state of Washington' is not the
    District of Columbia: the subdivisions of the kind the next word, or the noun before 'of', names, where
    any is."""
    doc = span.doc
    kinds = {doc[span.end].lower_} if span.end < len(doc) else set()
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        kinds.add(doc[span.start - 2].lower_)
    named = tuple(s for s in subdivisions if s.kind.lower() in kinds)
    return named or subdivisions


def _best_subdivision(subdivisions: tuple[Subdivision, ...], framing: Framing) -> Subdivision:
    """Punjab in Pakistan or in India: the one the article's countries point to, else the most prominent."""
    return max(
        subdivisions,
        key=lambda s: (
            s.country in framing.by_name,
            framing.named.get(s.country, 0),
            s.country in framing.homes,
            -(s.rank or MINOR_SUBDIVISION_RANK),  # else the more prominent: Maryland, US before Maryland, Liberia
        ),
    )


def _subdivision_place(
    subdivisions: tuple[Subdivision, ...],
    towns: tuple[GazetteerEntry, ...],
    framing: Framing,
    countries: CountryTable,
    mention: str,
) -> Place:
    """A place for the subdivision ``mention`` most likely names, at region precision. As ACLED places
    region-level events, its point is that of its namesake town among ``towns`` where one lies in it
    ('Kunduz province' at Kunduz); else the subdivision's own point (its outline's centroid), where the
    gazetteer has one; else none."""
    subdivision = _best_subdivision(subdivisions, framing)
    key = name_key(mention)
    namesakes = [t for t in towns if name_key(t.name) == key and _lies_in(t, subdivision)]
    seat = max(namesakes, key=lambda t: t.population, default=None)
    country = countries.by_code(subdivision.country)
    kind = subdivision.kind.lower()
    latitude, longitude, note = subdivision.latitude, subdivision.longitude, f"{kind}-level: no finer place given"
    if seat is not None:
        latitude, longitude = seat.latitude, seat.longitude
        note = f"{kind}-level: no finer place given; placed at {seat.name}, its namesake town"
    return Place(
        name=subdivision.name,
        country=country.name if country else subdivision.country,
        iso3=country.iso3 if country else "",
        latitude=latitude,
        longitude=longitude,
        precision=GeoPrecision.REGION,
        admin1=subdivision.name,
        region=country.region if country else None,
        mention=mention,
        note=note,
    )


def _coded_in(town: GazetteerEntry, subdivisions: tuple[Subdivision, ...]) -> bool:
    """Can ``town`` lie in one of ``subdivisions``, as far as codes tell? Of its country, and of its admin1
    code where GeoNames codes admin1 with ISO letters."""
    code = town.admin1_code
    return any(
        town.country == s.country and (code is None or not code.isalpha() or code == s.top_code) for s in subdivisions
    )


def _lies_in(town: GazetteerEntry, subdivision: Subdivision) -> bool:
    """Can ``town`` lie in ``subdivision``? Its country's, with the same admin1 code where GeoNames codes them
    with ISO letters (not Washington, D.C. for Washington state), and near the subdivision's point where it
    has one (not the small Guerrero of Coahuila for the state of Guerrero)."""
    if town.country != subdivision.country:
        return False
    code, own = town.admin1_code, subdivision.top_code
    # only letters tell: Thailand's GeoNames and ISO codes are both numbers, and not the same ones
    if code is not None and code.isalpha() and code != own and code in iso_subdivision_codes()[town.country]:
        return False
    if subdivision.latitude is None or subdivision.longitude is None:
        return True
    return haversine_km(town.latitude, town.longitude, subdivision.latitude, subdivision.longitude) <= SEAT_KM


def _is_time_or_thing(span: Span) -> bool:
    """'in August 2007' (a date the parser labelled so, not August, California), 'a Hilton, which opened'
    (one of a kind of thing: a place's name heads no noun phrase with an indefinite article)."""
    if len(span) == 1 and span[0].lower_ in _CALENDAR_WORDS and span[0].ent_type_ in _TIME_LABELS:
        return True  # the parser's label alone is no proof: it tags "in Turbat" DATE at times
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in _INDEFINITE:
        return False
    if span.end >= len(doc):
        return True
    after = doc[span.end]
    if after.text in _JOINERS or (after.text == "," and span.end + 1 < len(doc) and doc[span.end + 1].is_title):
        return False  # "an Athens-Clarke officer", "a Kansas City, Kan., officer"
    # but "a Georgia man", "a Washington state farm": the name is the noun's modifier
    return after.pos_ in ("PUNCT", "VERB", "AUX", "ADP", "CCONJ", "PRON")


def _inside_longer_organisation(span: Span) -> bool:
    """'Iraq' in 'Islamic State of Iraq and the Levant', 'Donald' in 'Donald Trump': parts of other names."""
    ent = _entity_around(span)
    if ent is None or len(ent) <= len(span):
        return False
    if ent.label_ in _PLACE_LABELS:
        return False  # "the Central African Republic", "the Pulwama District": a place inside a place
    if ent.label_ == "ORG" and ent.start + (ent[0].lower_ == "the") == span.start:
        return False  # "the Peshawar Agriculture Directorate": a body named for its town, in that town
    if ent.label_ in ("ORG", "FAC") and span.start > ent.start and span.doc[span.start - 1].lower_ in ("in", "near"):
        return False  # "a Police Station in Bosaso": a description the parser took for a name
    if (
        ent.label_ in ("ORG", "FAC") and span.end == ent.end and span.start >= ent.start + 2
        and span.doc[span.start - 1].lower_ == "of" and span.doc[span.start - 2].lower_ in _CAMPUSES
    ):  # fmt: skip
        return False  # "the University of Maiduguri" stands in Maiduguri
    return ent.label_ in ("ORG", "NORP", "PERSON") or ent.start < span.start


def _entity_around(span: Span) -> Span | None:
    """The entity that holds all of ``span``, found from the tokens' IOB tags (``doc.ents`` builds every
    entity anew on each call)."""
    doc = span.doc
    first = span[0]
    if not first.ent_type_ or any(t.ent_type_ != first.ent_type_ for t in span):
        return None
    start = span.start
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = span.end
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if any(doc[k].ent_iob_ == "B" for k in range(start + 1, span.end)):
        return None  # two entities side by side
    return Span(doc, start, end, label=first.ent_type_)


def _accept(span: Span, candidates: tuple[GazetteerEntry, ...], framing: Framing, countries: CountryTable) -> bool:
    """Place labels are trusted more; others (Tal Afar as PERSON) need the article's main countries."""
    labels = {t.ent_type_ for t in span} - {""}
    ranked = [code for code, _ in framing.named.most_common()]
    known = set(ranked[:CONTEXT_COUNTRIES]) | framing.homes
    key = name_key(span.text)
    own = [c for c in candidates if name_key(c.name) == key]
    if span[-1].lower_ in _COUNTY_NOUNS and any(c.feature_code == "ADM2" for c in candidates):
        return True  # "Douglas County" also in "the Douglas County Sheriff's Office"
    if _continues_name(span, countries):  # "Bala" of "Bala Murghab", but a city in "the Jerusalem Light Rail"
        return any(c.country in known for c in candidates) or any(c.population >= FOREIGN_TOWN_POPULATION for c in own)
    if _ends_name(span):  # "Mill" of "Sariab Mill", "Hassan" of "Khawaja Izharul Hassan"
        return any(c.country in known for c in candidates) or any(c.population >= LANDMARK_POPULATION for c in own)
    if _names_a_building(span):  # "Saint Charles station" (Denver's alternate name), "the Charleston church"
        return any(c.country in known for c in candidates) or any(c.population >= FOREIGN_TOWN_POPULATION for c in own)
    if labels & _PLACE_LABELS:
        if any(c.country in framing.homes for c in candidates):
            return True  # "Taliban militants attacked ... Qala i Naw"
        if not ranked and "GPE" in labels and len({c.country for c in candidates}) == 1:
            return True  # "near Chibok": a town the gazetteer lists without a population
        if (
            "GPE" in labels and len({c.country for c in candidates}) == 1 and _place_cue(span) in ("located", "named")
            and any(c.population >= TOWN_POPULATION and name_key(c.name) == key for c in candidates)
        ):  # fmt: skip
            return True  # "stabbed four people in a bus stop in Ra'anana", in an article naming only Palestinians
        return any(
            _plausible_place(c, ranked, name_key(c.name) == key or c.country in framing.homes) for c in candidates
        )
    cue = _place_cue(span)
    # With a country named by name, a town elsewhere must be a city: not Bak, Azerbaijan in "Bak District,
    # Khost Province", nor a Venezuelan Carrizal "in the Colombian department of Norte de Santander".
    least = FOREIGN_TOWN_POPULATION if framing.by_name else SMALL_TOWN_POPULATION
    if cue == "named":
        return any(c.country in known for c in candidates) or any(c.population >= least for c in candidates)
    if cue in ("located", "incident"):  # "in central Tunis" (NORP), "with Abu Sayyaf in Patikul" (ORG)
        if any(c.country in known for c in candidates):
            return True
        if cue == "located" and "PERSON" not in labels:
            return any(c.population >= least for c in candidates)
        # "The attack occurred in Silvan" (PERSON), "the Jalalabad suicide bombing": a town of its own name,
        # and no one's possession; not "Twin bombings" (Thuin) or "the Taliban ambush" (Bozhüyük)
        owned = span.end < len(span.doc) and span.doc[span.end].text in _JOINERS
        return not owned and any(c.population >= TOWN_POPULATION and name_key(c.name) == key for c in candidates)
    main = set(ranked[:MAIN_COUNTRIES]) | framing.homes
    if any(c.country in main for c in candidates) and (labels or not span[0].is_sent_start):
        return True
    return any(c.population >= LANDMARK_POPULATION for c in candidates) and not span[0].is_sent_start


def _ends_name(span: Span) -> bool:
    """Is ``span`` only the last words of a longer proper name ("Mill" of "Sariab Mill", "Hassan" of "Khawaja
    Izharul Hassan", "Jardin" of "Le Jardin")?"""
    doc = span.doc
    if span.start == 0 or not doc[span.start - 1].whitespace_:
        return False
    before = doc[span.start - 1]
    if not before.is_title or before.is_sent_start or before.lower_ in _DIRECTIONS or before.is_stop:
        return False  # "in Central Kabul", "The Kabul attack"
    if before.text.endswith("."):
        return False  # "St. Petersburg", "Ft. Hood"
    return before.pos_ == "PROPN" and before.ent_type_ not in ("", "DATE", "TIME", "CARDINAL")


def _continues_name(span: Span, countries: CountryTable) -> bool:
    """Is ``span`` only the first words of a longer proper name that the gazetteer does not know?"""
    doc = span.doc
    if span.end >= len(doc) or not span[-1].whitespace_:
        return False
    after = doc[span.end]
    if not after.is_title or after.is_sent_start or after.ent_type_ in ("DATE", "TIME"):
        return False  # "in Pattani Saturday night"
    if (
        after.lower_ in _DESIGNATORS | _DIRECTIONS | {"international"}
        or _country_at(doc, span.end, countries) is not None
    ):
        return False  # "Mandera North Sub-County", "Kandahar International Airport", "at Yambio South Sudan"
    return bool(after.ent_type_) or after.pos_ == "PROPN"


def _country_at(doc: Doc, i: int, countries: CountryTable) -> Country | None:
    """The country named by the one to three words at token ``i``, if any."""
    words = doc[i : i + 3]
    return next((c for n in range(len(words), 0, -1) if (c := countries.by_name(words[:n].text))), None)


def _country_follows(span: Span, candidates: tuple[GazetteerEntry, ...], countries: CountryTable) -> bool:
    """'Bujanovac, Serbia': a name followed by its country is a place in that country, however small."""
    owner = _country_after(span, countries)
    return owner is not None and any(c.country == owner.iso2 for c in candidates)


def _in_the_subdivision_after(
    span: Span,
    candidates: tuple[GazetteerEntry, ...],
    subdivisions: tuple[Subdivision, ...],
    states: tuple[Subdivision, ...],
    countries: CountryTable,
    framing: Framing,
) -> Place | None:
    """A name followed by a comma and the subdivision it lies in: "Norfolk, England" is the county; "Dublin,
    Ohio" the town of that state; "a farm near Gordon, Scotland", which the gazetteer lacks, Scotland with a
    note, not Gordon, Georgia (unless a Gordon lies in a country the article names). None where the name is
    a subdivision of its own ("Colorado, California": a list) or nothing is told."""
    text, key = span.text, name_key(span.text)
    parts = tuple(s for s in subdivisions if s.parent in {state.code for state in states})
    if parts:
        return _subdivision_place(parts, candidates, framing, countries, text)
    if subdivisions:
        return None
    theirs = [c for c in candidates if _coded_in(c, states)]
    if theirs:
        best = max(theirs, key=lambda c: _score(c, key, framing))
        return _locality(best, countries.by_code(best.country), text)
    elsewhere = (framing.by_name | framing.spelled) - {state.country for state in states}
    if _place_cue(span) is None or any(c.country in elsewhere for c in candidates):
        return None
    state = _subdivision_place(states, (), framing, countries, text)
    return dataclasses.replace(state, note=f"{text}: not in the gazetteer; {state.note}")


def _subdivisions_after(span: Span, gazetteer: Gazetteer) -> tuple[Subdivision, ...]:
    """The subdivisions named by the one to three words after a comma after ``span``: "Dublin, Ohio"."""
    words = _after_comma(span)
    if words is None:
        return ()
    for n in range(len(words), 0, -1):
        if words[0].is_title and (named := _subdivisions_named(words[:n], gazetteer)):
            return named
    return ()


def _country_after(span: Span, countries: CountryTable) -> Country | None:
    words = _after_comma(span)
    return None if words is None else _country_at(span.doc, words.start, countries)


def _after_comma(span: Span) -> Span | None:
    """The one to three words after a comma right after ``span`` ("Dublin, Ohio"), or None."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    return doc[span.end + 1 : span.end + 4]


def _city_named_for(span: Span, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """'Benin city', 'Kuwait City': a country's name followed by "city" names a city (Benin City is Nigerian)."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ != "city":
        return None
    return max(gazetteer.candidates(f"{span.text} City"), key=lambda c: c.population, default=None)


def _names_a_building(span: Span) -> bool:
    """'at Balili mosque', 'the Serena hotel': the name of a building, not of a town."""
    after = span.doc[span.end].lemma_.lower() if span.end < len(span.doc) else ""
    return after in _BUILDINGS - _TOWN_BUILDINGS


def _place_cue(span: Span) -> str | None:
    """What the words around a name say of it: "named" a place ('the city of X', 'X district', even where the
    parser took X for a person), "located" ('in X', 'near X': a place or a building, rarely a person),
    "incident" ('the X bombing': a place, or a word such as "Twin" or "Taliban"), or None."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(span.start - 2, 0) : span.start]]
    if len(before) == 2 and before[1] in _DIRECTIONS:  # "in central Tunis"
        before = [before[0]]
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if len(before) == 2 and before[1] == "of" and before[0] in _PLACE_NOUNS:
        return "named"
    if _is_dateline(span):
        return "named"
    if after in _PLACE_NOUNS - {"capital", "port", "state"}:
        return "named"
    if len(span) > 1 and span[-1].lower_ in _COUNTY_NOUNS and span[-1].is_title:
        return "named"  # "Rapides Parish" of "Rapides Parish Fire District 2", which the parser took for a person
    if [t.lower_ for t in doc[span.end : span.end + 2]] == ["local", "government"]:
        return "named"  # "Barkin Ladi Local Government Area", Nigeria's districts
    if (before and before[-1] in _LOCATIVE_PREPS) or before in (["next", "to"], ["close", "to"]):
        return "located"
    if len(before) == 2 and before[1] == "of" and (before[0] in _LOCATIVE_PREPS or before[0] in _COMPASS):
        return "located"  # "outside of Misrata", "north of Baghdad"
    return "incident" if names_an_incident(span) else None


def _is_dateline(span: Span) -> bool:
    """An upper-case name that opens a sentence or line, before a dash, "(AP)" or ", State": "BEIRUT —",
    "HAMMOND, Ind. (AP)", "COLUMBUS -- A text message ...": where the report was filed."""
    doc, start, end = span.doc, span.start, span.end
    if end >= len(doc) or not span.text.isupper() or len(span.text) < 3 or doc[end].text not in _DATELINE_MARKS:
        return False
    if doc[end].text == "," and not (end + 1 < len(doc) and doc[end + 1].text[:1].isupper()):
        return False
    return start == 0 or doc[start - 1].is_punct or "\n" in doc[start - 1].text_with_ws or doc[start].is_sent_start


def names_an_incident(span: Span) -> bool:
    """Does the name modify an incident's noun, as places do in "the Jalalabad suicide bombing" or the
    headline "2017 Peshawar Agriculture Directorate attack:"?"""
    token = span.root
    while token.dep_ == "compound" and token.head is not token:
        token = token.head
        if token.lemma_.lower() in INCIDENT_NOUNS:
            return True
    return False


def _plausible_place(entry: GazetteerEntry, ranked: list[str], named_so: bool) -> bool:
    """``named_so``: the entry's own name is the one in the text, or it lies where the article's armed group
    is at home ("PKK militants ... in Aralik")."""
    if not ranked:  # a text that names no country: trust the place label for any real town of that name
        # but not a small town only called so ("Kashmir" is also Cashmere, Washington)
        return entry.population >= (SMALL_TOWN_POPULATION if named_so else FOREIGN_TOWN_POPULATION)
    if entry.population >= FOREIGN_TOWN_POPULATION or ranked[:1] == [entry.country]:
        return True
    return entry.country in ranked[:CONTEXT_COUNTRIES] and entry.population >= SMALL_TOWN_POPULATION


def _score(entry: GazetteerEntry, key: str, framing: Framing) -> float:
    total = sum(framing.named.values()) or 1
    share = framing.named.get(entry.country, 0) / total
    if entry.country in framing.by_name:
        context = CONTEXT_COUNTRY_WEIGHT
    elif entry.country in framing.homes:
        context = HOME_COUNTRY_WEIGHT
    elif share > 0:
        context = WEAK_CONTEXT_WEIGHT
    else:
        context = 0.0
    if (entry.country, entry.admin1_code) in framing.areas:
        context += AREA_WEIGHT  # in a state or province the article names
    return context + share + prominence(entry, key)


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


def is_subdivision(place: Place) -> bool:
    """A state or province (a town has an admin1 too, where the gazetteer knows it)."""
    return place.precision == GeoPrecision.REGION and place.admin1 is not None


def continent_place(continent: Continent, mention: str) -> Place:
    """A continent or a region of the world, at its point; no country, so no event is ever placed there."""
    return Place(
        name=continent.name,
        country="",
        iso3="",
        latitude=continent.latitude,
        longitude=continent.longitude,
        precision=GeoPrecision.REGION,
        mention=mention,
        note="continent",
    )


def _locality(entry: GazetteerEntry, country: Country | None, mention: str) -> Place:
    """A town, or a county (GeoNames' ADM2: part of a region, at precision 2, and with no GeoNames id where
    the embedded default made it)."""
    name = mention if mention.isascii() and name_key(mention) != name_key(entry.name) else entry.name
    if not entry.name.isascii() and mention.isascii():
        name = mention
    county = entry.feature_code == "ADM2"
    return Place(
        name=name,
        country=country.name if country else entry.country,
        iso3=country.iso3 if country else "",
        latitude=entry.latitude,
        longitude=entry.longitude,
        precision=GeoPrecision.NEAR if county else GeoPrecision.LOCALITY,
        geonameid=entry.geonameid if entry.geonameid > 0 else None,
        admin1=entry.admin1,
        admin2=entry.name if county else entry.admin2,
        region=country.region if country else None,
        mention=mention,
        note="county-level: no finer place given" if county else None,
    )
