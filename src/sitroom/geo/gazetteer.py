"""The gazetteer interface: what toponym resolution asks of a gazetteer, and how names are folded."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Protocol

from sitroom.datafiles import data_yaml

if TYPE_CHECKING:
    from sitroom.geo.subdivisions import Subdivision

# Bump when name_key folds differently: stored names are then keyed anew.
NAME_KEY_FORMAT = 3
# A candidate whose own name matches outranks one that matches only through an alternate name, by about an
# order of magnitude of population: "Islamabad" is Pakistan's capital, not a historical name of Chattogram.
PRIMARY_NAME_BONUS = 0.6
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02be\u02bf`'\u00b4]")
_SEPARATORS = re.compile(r"[\s\-_.]+")
# Arabic place-name prefixes written with a hyphen in English ("al-Qaim", "el-Arish", "Tall Afar").
_ARTICLE = re.compile(r"^(al|el|ar|as|ad|an|at|az|ash|ath|adh) ")
_TALL = re.compile(r"^(tall|tell|tel) ")
# Arabic's final ta marbuta, written with or without an h: Basrah and Basra, Fallujah and Falluja, Karamah.
_TA_MARBUTA = re.compile(r"(?<=[a-z]{3})ah\b")


@lru_cache(maxsize=1 << 18)
def name_key(name: str) -> str:
    """A spelling-insensitive key: no diacritics, apostrophes, hyphens, case, Arabic article, final "ah" for
    "a", or French "ou".

    Cached: the toponym finder asks for the same words again and again."""
    if name.isascii():
        text = name.lower()  # no diacritics to strip: the common case, and much the cheapest
    else:
        text = unicodedata.normalize("NFKD", name)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _SEPARATORS.sub(" ", _APOSTROPHES.sub("", text)).strip()
    text = _TA_MARBUTA.sub("a", _ARTICLE.sub("", text))
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
    admin2_code: str | None = None
    feature_code: str | None = None  # GeoNames feature code (PPL, PPLA, PPLC, ...) where the source gives it
    admin1: str | None = None  # the admin1 area's name, where the store knows it
    admin2: str | None = None


class Gazetteer(Protocol):
    """What toponym resolution needs from a gazetteer."""

    def candidates(self, name: str) -> tuple[GazetteerEntry, ...]:
        """Entries whose name or alternate name has the same :func:`name_key` as ``name``."""
        ...

    def subdivisions(self, name: str) -> tuple[Subdivision, ...]:
        """First-level subdivisions (states, provinces, governorates) called ``name``."""
        ...

    def may_name(self, key: str) -> bool:
        """False only where no entry or subdivision has the :func:`name_key` ``key``: a cheap test that lets
        the toponym finder pass over the many capitalised words that name nothing."""
        ...


def prominence(entry: GazetteerEntry, key: str) -> float:
    """How likely a bare mention with :func:`name_key` ``key`` means ``entry``: log population, plus a bonus
    when ``key`` is the entry's own name rather than one of its alternate names."""
    primary = PRIMARY_NAME_BONUS * (name_key(entry.name) == key)
    return math.log10(entry.population + 1) / 2 + primary


@cache
def not_place_names() -> frozenset[str]:
    """Name keys of capitalised words that name some place somewhere but in news are almost never toponyms
    ("Mission", "Central", "North"), from ``data/countries.yaml``."""
    data = data_yaml("countries.yaml")
    return frozenset(name_key(w) for w in data["not_places"])


def is_latin(name: str) -> bool:
    """Written in the Latin script (with its diacritics): the names news in English uses."""
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)
