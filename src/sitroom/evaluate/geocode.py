"""Score toponym resolution against LGL / TR-News and GeoVirus gold sets.

Each gold toponym is resolved in its article's context: the toponym sitroom found at the same offsets, or,
where sitroom did not take those words for a place, the gold phrase resolved through :func:`resolve_name` with
the article's framing and the places sitroom found in it. A toponym naming a country is scored at the
country's centroid. One sitroom cannot resolve at all scores the largest error on Earth, as in Gritta et al.
(2019), "A pragmatic guide to geoparsing evaluation", whose measures these are: accuracy within 161 km
(100 miles), mean and median error, and the area under the curve of log errors (0 is perfect, 1 is every
toponym at the antipodes).

``per_second`` counts toponyms resolved per second of resolution alone, after loading: finding and
resolving an article's places and scoring its gold toponyms, without the spaCy parse and the actor
dictionary's scan for armed groups, which other stages pay once for all.
"""

from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from sitroom.errors import InputError
from sitroom.geo import CountryTable, DocumentGeography, Gazetteer, haversine_km, resolve_document, resolve_name
from sitroom.model import Place

ACCURACY_KM = 161.0
# Half the Earth's circumference: the error of a toponym left unresolved.
MAX_ERROR_KM = 20_039.0


@dataclass(frozen=True, slots=True)
class GoldToponym:
    name: str
    start: int
    end: int
    latitude: float
    longitude: float


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(slots=True)
class GeocodeScores:
    """Each gold toponym's error in kilometres, and the seconds spent resolving them."""

    errors: list[float] = field(default_factory=list)
    seconds: float = 0.0

    def figures(self) -> dict[str, float | int]:
        n = len(self.errors)
        if n == 0:
            return {"toponyms": 0, "acc161": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 0.0, "per_second": 0.0}
        auc = sum(math.log(1 + e) for e in self.errors) / (n * math.log(1 + MAX_ERROR_KM))
        return {
            "toponyms": n,
            "acc161": round(sum(e <= ACCURACY_KM for e in self.errors) / n, 4),
            "mean_km": round(statistics.fmean(self.errors), 1),
            "median_km": round(statistics.median(self.errors), 1),
            "auc": round(auc, 4),
            "per_second": round(n / self.seconds) if self.seconds > 0 else 0.0,
        }


def read_geocode_gold(path: Path) -> list[GoldArticle]:
    """Articles and their coordinate-tagged toponyms from an LGL / TR-News (``<toponym>`` with a ``<gaztag>``)
    or GeoVirus (``<location>``) XML file; toponyms without coordinates are skipped."""
    try:
        root = ET.parse(path).getroot()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the file: {exc.strerror or exc}") from exc
    except ET.ParseError as exc:
        raise InputError(str(path), f"not well-formed XML: {exc}") from exc
    articles = [_article(element) for element in root.iter("article")]
    if not articles:
        raise InputError(str(path), "no <article> elements: expected the LGL, TR-News or GeoVirus XML format")
    return [a for a in articles if a.toponyms]


def _article(element: ET.Element) -> GoldArticle:
    text = element.findtext("text") or ""
    toponyms: list[GoldToponym] = []
    for item in [*element.iter("toponym"), *element.iter("location")]:
        gaztag = item.find("gaztag")
        coords = gaztag if gaztag is not None else item
        lat, lon = coords.findtext("lat"), coords.findtext("lon")
        start, end = item.findtext("start"), item.findtext("end")
        if not (lat and lon and start and end):
            continue  # LGL leaves toponyms it could not ground without a gaztag
        name = item.findtext("phrase") or item.findtext("name") or text[int(start) : int(end)]
        toponyms.append(GoldToponym(name.strip(), int(start), int(end), float(lat), float(lon)))
    return GoldArticle(text, tuple(toponyms))


def score_geocoding(
    articles: Iterable[GoldArticle],
    nlp: Language,
    gazetteer: Gazetteer,
    countries: CountryTable,
    homes: Callable[[str], list[str]] = lambda text: [],
    batch_size: int = 32,
) -> GeocodeScores:
    """Resolve every gold toponym in its article's context; ``homes`` gives the home countries of the armed
    groups a text names, as the pipeline passes them to the geo stage."""
    scores = GeocodeScores()
    listed = list(articles)
    # the speed asked for is after loading: build the lazily loaded tables before the clock runs
    gazetteer.subdivisions("")
    gazetteer.candidates("")
    homes("")
    for article, doc in zip(listed, nlp.pipe((a.text for a in listed), batch_size=batch_size), strict=True):
        armed_groups = homes(article.text)  # the events stage's actor lookup, not toponym resolution
        began = time.perf_counter()
        geography = resolve_document(doc, gazetteer, countries, armed_groups)
        for gold in article.toponyms:
            place = _found_at(geography, gold) or resolve_name(gold.name, geography, gazetteer, countries)
            scores.errors.append(_error(place, gold, countries))
        scores.seconds += time.perf_counter() - began
    return scores


def _found_at(geography: DocumentGeography, gold: GoldToponym) -> Place | None:
    """The place sitroom found over the gold toponym's words, if it found one there."""
    overlapping = [t for t in geography.toponyms if t.start < gold.end and gold.start < t.end]
    return overlapping[0].place if overlapping else None


def _error(place: Place | None, gold: GoldToponym, countries: CountryTable) -> float:
    if place is None:
        return MAX_ERROR_KM
    latitude, longitude = place.latitude, place.longitude
    if latitude is None or longitude is None:
        country = countries.by_name(place.country)
        if country is None or country.latitude is None or country.longitude is None:
            return MAX_ERROR_KM
        latitude, longitude = country.latitude, country.longitude
    return haversine_km(latitude, longitude, gold.latitude, gold.longitude)
