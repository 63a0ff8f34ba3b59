"""Geo stage: the gazetteer and toponym resolution."""

from sitroom.geo.countries import CountryTable, load_countries
from sitroom.geo.gazetteer import Gazetteer, GazetteerEntry, GeonamesCacheGazetteer, name_key
from sitroom.geo.toponyms import DocumentGeography, Toponym, find_toponyms, resolve_document

__all__ = [
    "CountryTable",
    "DocumentGeography",
    "Gazetteer",
    "GazetteerEntry",
    "GeonamesCacheGazetteer",
    "Toponym",
    "find_toponyms",
    "load_countries",
    "name_key",
    "resolve_document",
]
