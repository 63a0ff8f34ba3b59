"""Country points: countryinfo's centroids, corrected in countries.yaml, and outline centroids where it has none."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from sitroom.geo import load_countries
from sitroom.geo.distance import haversine_km
from sitroom.geo.outlines import centroid, compute_points


def _distance(iso2: str, latitude: float, longitude: float) -> float:
    country = load_countries().by_code(iso2)
    assert country is not None and country.latitude is not None and country.longitude is not None
    return haversine_km(country.latitude, country.longitude, latitude, longitude)


def test_the_united_states_sits_at_the_centre_of_the_contiguous_states() -> None:
    assert _distance("US", 39.83, -98.58) < 5  # Lebanon, Kansas, not countryinfo's rounded (38, -97)


def test_a_country_countryinfo_gives_no_point_takes_its_outline_centroid() -> None:
    assert _distance("PS", 31.9, 35.2) < 50  # the West Bank and Gaza, weighted by area


def test_countryinfo_points_are_kept_elsewhere() -> None:
    assert _distance("IQ", 33.0, 44.0) < 1


def test_centroid_weights_polygons_by_area_and_unwraps_the_antimeridian() -> None:
    square = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0], [0.0, 0.0]]
    small = [[10.0, 0.0], [10.2, 0.0], [10.2, 0.2], [10.0, 0.2], [10.0, 0.0]]
    latitude, longitude = centroid({"type": "MultiPolygon", "coordinates": [[square], [small]]}) or (0, 0)
    assert 0.98 < latitude < 1.0 and 1.0 < longitude < 1.1  # pulled a little toward the small island
    across = [[179.0, 0.0], [181.0, 0.0], [181.0, 2.0], [179.0, 2.0], [179.0, 0.0]]
    assert centroid({"type": "Polygon", "coordinates": [across]}) == (1.0, -180.0)
    assert centroid({"type": "Point", "coordinates": [1.0, 2.0]}) is None


def test_the_stored_points_are_the_basemaps_centroids() -> None:
    # `make assets` writes data/outline_points.json from the basemap; the two must not drift apart
    stored = json.loads(resources.files("sitroom.data").joinpath("outline_points.json").read_text("utf-8"))
    assert stored == compute_points()
    assert len(stored["subdivisions"]) > 4000 and len(stored["countries"]) > 170


@pytest.mark.parametrize(
    ("name", "country"),
    [("Czech Republic", "Czechia"), ("Burma", "Myanmar"), ("UAE", "United Arab Emirates"), ("Holland", "Netherlands")],
)
def test_the_names_news_uses_for_countries_geonames_names_otherwise(name: str, country: str) -> None:
    found = load_countries().by_name(name)
    assert found is not None and found.name == country
