"""Geo stage: the gazetteer and toponym resolution."""

from sitroom.geo.countries import CountryTable, load_countries
from sitroom.geo.distance import haversine_km
from sitroom.geo.gazetteer import Gazetteer, GazetteerEntry, name_key
from sitroom.geo.geonames_store import GeonamesStore
from sitroom.geo.toponyms import (
    DocumentGeography,
    Framing,
    Toponym,
    find_toponyms,
    rank_candidates,
    resolve_document,
    resolve_name,
)

__all__ = [
    "CountryTable",
    "DocumentGeography",
    "Framing",
    "Gazetteer",
    "GazetteerEntry",
    "GeonamesStore",
    "Toponym",
    "find_toponyms",
    "haversine_km",
    "load_countries",
    "name_key",
    "rank_candidates",
    "resolve_document",
    "resolve_name",
]
