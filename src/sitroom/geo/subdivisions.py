"""First-level subdivisions (admin1): states, provinces, governorates and departments, by name.

Names come from ISO 3166-2 through pycountry, folded with :func:`name_key` ("Kandahār" is "kandahar"), from
Natural Earth's outlines (their own and English names: "Anhui" for Anhui Sheng, "West Java" for Jawa
Barat), and from ``data/subdivision_names.yaml`` where neither gives the name news uses ("Nineveh" for
Nīnawá). The areas are ISO's top-level ones, the lower ones Natural Earth draws as first-level areas
(England's counties, Indonesia's provinces), with their rank on Natural Earth's maps, and the regions
``data/regions.yaml`` makes of several (Darfur).
An area's point is the centroid of its outline on the web map (Natural Earth, :mod:`sitroom.geo.outlines`);
for one the map lacks, the mean of the gazetteer's towns in it, where GeoNames codes the country's admin1
areas with the ISO 3166-2 letters (the United States, Switzerland, ...) or an imported
``admin1CodesASCII.txt`` names them; else none is invented.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pycountry

from sitroom.datafiles import data_yaml
from sitroom.geo.gazetteer import name_key
from sitroom.geo.outlines import subdivision_names, subdivision_points, subdivision_ranks

# Share of a country's towns whose GeoNames admin1 code must be one of its ISO 3166-2 codes before the two are
# taken to be the same coding.
SAME_CODING_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class Subdivision:
    """A country's first-level subdivision."""

    name: str
    country: str  # ISO 3166-1 alpha-2
    code: str  # ISO 3166-2, e.g. "NG-BO"
    kind: str  # "State", "Province", "Governorate", ...
    latitude: float | None = None
    longitude: float | None = None
    rank: int | None = None  # Natural Earth's scalerank: 2 for the most prominent (:mod:`sitroom.geo.outlines`)
    parent: str | None = None  # ISO 3166-2 code of the top-level area it lies in: Suffolk's is GB-ENG
    # a lower area (a county, a department) found because Natural Earth draws it: named alone, it tells
    # nothing of the article's country ("Dublin" in an Ohio paper)
    lower: bool = False

    @property
    def top_code(self) -> str:
        """The ISO 3166-2 suffix of the top-level area it is or lies in ("ENG" for Suffolk), which GeoNames
        admin1 codes match where they are ISO's letters."""
        return (self.parent or self.code).partition("-")[2]


class SubdivisionTable:
    """Look first-level subdivisions up by name."""

    def __init__(self, by_key: dict[str, tuple[Subdivision, ...]]) -> None:
        self._by_key = by_key

    def named(self, text: str) -> tuple[Subdivision, ...]:
        """The subdivisions called ``text`` ("Borno", "Punjab": one in Pakistan, one in India)."""
        return self._by_key.get(name_key(text), ())

    def has_key(self, key: str) -> bool:
        """Whether some subdivision's name has the :func:`~sitroom.geo.gazetteer.name_key` ``key``."""
        return key in self._by_key


# (country, GeoNames admin1 code, mean latitude, mean longitude, towns) of the gazetteer's towns
AreaMean = tuple[str, str, float, float, int]


def build_subdivisions(
    areas: Iterable[AreaMean],
    excluded: frozenset[str] = frozenset(),
    admin1_names: Iterable[tuple[str, str, str]] = (),
) -> SubdivisionTable:
    """Every top-level ISO 3166-2 subdivision, every lower one that Natural Earth draws as a first-level area
    (England's counties, Indonesia's provinces, France's departments), and the regions of ``data/regions.yaml``.
    A subdivision's point is its outline's centroid, or else the mean of the gazetteer's towns, summed up by
    admin1 code in ``areas``, where they can be tied to it: by its coding
    where GeoNames uses the ISO letters, else by name through ``admin1_names`` (country, GeoNames admin1
    code, name), which an imported ``admin1CodesASCII.txt`` gives ("Kirkuk" is IQ.13).

    ``excluded`` holds name keys that are never looked up ("central", "northern": regions of many countries,
    and words far more often than places)."""
    listed = list(areas)
    outlined, ranks, drawn_names = subdivision_points(), subdivision_ranks(), subdivision_names()
    points = _points(listed)
    means = {(country, code): (latitude, longitude) for country, code, latitude, longitude, _ in listed}
    coded_by_name = {(country, name_key(name)): code for country, code, name in admin1_names}
    english = _english_names()
    # a name data/subdivision_names.yaml gives one area is not another's by Natural Earth ("Kashmir")
    english_keys = {name_key(n) for names in english.values() for n in names}
    drawn_as = _renamed_outlines(outlined, drawn_names, english)
    by_key: dict[str, list[Subdivision]] = defaultdict(list)
    for item in pycountry.subdivisions:
        code = str(item.code)
        drawn_code = drawn_as.get(code, code)
        if item.parent_code is not None and code not in english and drawn_code not in outlined:
            continue
        country, _, local = code.partition("-")
        point = outlined.get(drawn_code) or points.get((country, local))
        latitude, longitude = point if point is not None else (None, None)
        if latitude is None:
            geonames = next(
                (
                    c
                    for n in (str(item.name), *english.get(code, ()))
                    if (c := coded_by_name.get((country, name_key(n))))
                ),
                None,
            )
            latitude, longitude = means.get((country, geonames), (None, None)) if geonames else (None, None)
        names = iso_names(str(item.name))
        parent = str(item.parent_code) if item.parent_code is not None else None
        lower = parent is not None and code not in english
        subdivision = Subdivision(
            names[0], country, code, str(item.type), latitude, longitude, ranks.get(drawn_code), parent, lower
        )
        drawn = {k for k in map(name_key, drawn_names.get(drawn_code, ())) if k not in english_keys}
        for key in {name_key(name) for name in (*names, *english.get(code, ()))} | drawn:
            if key and key not in excluded:
                by_key[key].append(subdivision)
    for region, names in _regions(by_key):
        for key in {name_key(region.name), *map(name_key, names)}:
            by_key[key].append(region)
    return SubdivisionTable({k: tuple(v) for k, v in by_key.items()})


def _renamed_outlines(
    outlined: dict[str, tuple[float, float]],
    drawn_names: dict[str, tuple[str, ...]],
    english: dict[str, tuple[str, ...]],
) -> dict[str, str]:
    """ISO 3166-2 codes that Natural Earth draws under an older code of the same area, to that code, matched
    by name within the country: Gauteng (ZA-GP) is drawn as ZA-GT, KwaZulu-Natal (ZA-KZN) as ZA-NL, Kirkuk
    (IQ-KI) as IQ-TS, Odisha (IN-OD) as IN-OR. Areas ISO no longer lists (Kenya's former provinces) are left
    out: their names ("Central", "Coast") would be read as places."""
    current = {str(item.code) for item in pycountry.subdivisions}
    former: dict[tuple[str, str], str] = {}
    for code, names in drawn_names.items():
        if code not in current and code in outlined:
            for name in names:
                former.setdefault((code.partition("-")[0], name_key(name)), code)
    renamed: dict[str, str] = {}
    for item in pycountry.subdivisions:
        code = str(item.code)
        if code in outlined:
            continue
        country = code.partition("-")[0]
        for name in (*iso_names(str(item.name)), *english.get(code, ())):
            if (old := former.get((country, name_key(name)))) is not None:
                renamed[code] = old
                break
    return renamed


def _regions(by_key: dict[str, list[Subdivision]]) -> list[tuple[Subdivision, tuple[str, ...]]]:
    """The regions ``data/regions.yaml`` makes of subdivisions ("Darfur" of its five states), with their other
    names, at the mean of the points of those parts that have one; or, for one that no ISO area draws, at the
    point it gives (South Ossetia)."""
    by_code = {s.code: s for found in by_key.values() for s in found}
    regions = []
    for name, entry in data_yaml("regions.yaml").items():
        if "point" in entry:  # a region no ISO area draws: South Ossetia, at its main town
            at, country = [float(v) for v in entry["point"]], str(entry["country"])
            region = Subdivision(name, country, f"{country}-{name}", "Region", at[0], at[1])
            regions.append((region, tuple(entry.get("names", ()))))
            continue
        parts = [by_code[code] for code in entry["parts"]]
        countries = {part.country for part in parts}
        if len(countries) != 1:
            raise ValueError(f"data/regions.yaml: {name}: parts of more than one country")
        points = [(p.latitude, p.longitude) for p in parts if p.latitude is not None and p.longitude is not None]
        latitude, longitude = (None, None)
        if points:
            latitude = sum(lat for lat, _ in points) / len(points)
            longitude = sum(lon for _, lon in points) / len(points)
        code = "+".join(part.code for part in parts)
        region = Subdivision(name, countries.pop(), code, "Region", latitude, longitude)
        regions.append((region, tuple(entry.get("names", ()))))
    return regions


def iso_names(name: str) -> tuple[str, ...]:
    """The names an ISO 3166-2 name gives, its own first: "Barcelona [Barcelona]" is Barcelona; "A Coruña
    [La Coruña]" also La Coruña; "Isle of Anglesey [Sir Ynys Môn GB-YNM]" also Sir Ynys Môn; "Asturias,
    Principado de" and "Bristol, City of" also Asturias and Bristol."""
    main, _, bracketed = name.partition(" [")
    names = [main]
    if bracketed:
        other = bracketed.removesuffix("]").rsplit(" ", 1)
        names.append(other[0] if len(other) == 2 and "-" in other[1] and other[1].isupper() else " ".join(other))
    head, comma, _ = main.partition(", ")
    if comma:
        names.append(head)
    return tuple(dict.fromkeys(names))


@cache
def abbreviations() -> frozenset[str]:
    """Name keys of the upper-case abbreviations ``data/subdivision_names.yaml`` lists ("NSW", "NWFP"): the
    only upper-case words read as subdivisions."""
    return frozenset(name_key(n) for names in _english_names().values() for n in names if n.isupper())


@cache
def _english_names() -> dict[str, tuple[str, ...]]:
    """ISO 3166-2 code to the English names news uses for it (``data/subdivision_names.yaml``)."""
    return {code: tuple(names) for code, names in data_yaml("subdivision_names.yaml").items()}


def iso_coded_countries(areas: list[AreaMean]) -> frozenset[str]:
    """The countries whose GeoNames admin1 codes are their ISO 3166-2 letters (the United States, Switzerland,
    ...): at least SAME_CODING_SHARE of their towns carry one."""
    iso = iso_subdivision_codes()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for country, code, _, _, towns in areas:
        counts[country][0] += towns if code in iso[country] and code.isalpha() else 0
        counts[country][1] += towns
    return frozenset(c for c, (hits, total) in counts.items() if total and hits / total >= SAME_CODING_SHARE)


def _points(areas: list[AreaMean]) -> dict[tuple[str, str], tuple[float, float]]:
    """(country, ISO 3166-2 suffix) to the mean position of the towns GeoNames files under the same code, for
    the countries whose GeoNames admin1 codes are their ISO 3166-2 letters."""
    iso, same = iso_subdivision_codes(), iso_coded_countries(areas)
    return {
        (country, code): (latitude, longitude)
        for country, code, latitude, longitude, _ in areas
        if country in same and code in iso[country]
    }


@cache
def iso_subdivision_codes() -> dict[str, frozenset[str]]:
    """Country to the suffixes of its top-level ISO 3166-2 codes ("IQ" to "KI", "NI", ...)."""
    iso: dict[str, set[str]] = defaultdict(set)
    for item in pycountry.subdivisions:
        if item.parent_code is None:
            country, _, local = str(item.code).partition("-")
            iso[country].add(local)
    return defaultdict(frozenset, {c: frozenset(v) for c, v in iso.items()})
