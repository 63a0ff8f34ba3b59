"""The DuckDB event database: articles, mentions and fused events, written in atomic batches."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import duckdb

from sitroom.errors import StoreError
from sitroom.fuse import fuse_mentions
from sitroom.model import Article, Event, EventMention, Figure, Place, Statement
from sitroom.store.codec import (
    event_from_plain,
    figure_from_plain,
    mention_from_plain,
    statement_from_plain,
    to_plain,
)

SCHEMA_VERSION = 4
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, title VARCHAR, url VARCHAR, outlet VARCHAR, published DATE,
    published_precision INTEGER, source_path VARCHAR, content_hash VARCHAR, text VARCHAR,
    embedded_in VARCHAR, duplicate_of VARCHAR, removed_lines INTEGER, ingested_at TIMESTAMP,
    published_inferred_from VARCHAR
);
ALTER TABLE articles ADD COLUMN IF NOT EXISTS published_inferred_from VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS coded_by VARCHAR;
CREATE TABLE IF NOT EXISTS mentions (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, sub_event_type VARCHAR, payload JSON
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, event_date DATE, event_type VARCHAR, sub_event_type VARCHAR, country VARCHAR,
    location VARCHAR, actor1 VARCHAR, actor2 VARCHAR, fatalities INTEGER, historical BOOLEAN, payload JSON
);
CREATE TABLE IF NOT EXISTS event_mentions (event_id VARCHAR, mention_id VARCHAR);
CREATE TABLE IF NOT EXISTS statements (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, kind VARCHAR, about VARCHAR, speaker VARCHAR, payload JSON
);
CREATE TABLE IF NOT EXISTS figures (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, kind VARCHAR, best INTEGER, payload JSON
);
CREATE TABLE IF NOT EXISTS skipped (source VARCHAR PRIMARY KEY, reason VARCHAR, skipped_at TIMESTAMP);
"""


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters for listing events; None means no filter."""

    country: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None
    actor: str | None = None
    include_history: bool = False
    limit: int | None = None


class EventStore:
    """A sitroom database file. Use as a context manager; every write is one transaction."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        try:
            if not read_only:
                path.parent.mkdir(parents=True, exist_ok=True)
            self._db = duckdb.connect(str(path), read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"{path}: cannot open the database ({exc})") from exc
        if not read_only:
            self._db.execute(_SCHEMA)
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def article_codings(self) -> dict[str, tuple[str, str | None]]:
        """Stored article ids with their content hashes and the fingerprint of the coder that coded them."""
        rows = self._db.execute("SELECT id, content_hash, coded_by FROM articles").fetchall()
        return {article_id: (content_hash, coded_by) for article_id, content_hash, coded_by in rows}

    def original_texts(self) -> Iterator[tuple[str, str]]:
        """(id, text) of stored articles that are not duplicates, for near-duplicate detection."""
        yield from self._db.execute("SELECT id, text FROM articles WHERE duplicate_of IS NULL").fetchall()

    def write_batch(
        self,
        articles: Sequence[Article],
        mentions: Sequence[EventMention],
        statements: Sequence[Statement] = (),
        figures: Sequence[Figure] = (),
        coded_by: str | None = None,
    ) -> None:
        """Store ``articles`` with their mentions, statements and figures and re-fuse events, in one transaction.
        ``coded_by``: the fingerprint of the coder (:mod:`sitroom.fingerprint`)."""
        try:
            self._db.execute("BEGIN TRANSACTION")
            self._replace_articles(articles, coded_by)
            self._insert_mentions(mentions)
            self._insert_statements(statements)
            self._insert_figures(figures)
            self._refuse()
            self._db.execute("COMMIT")
        except duckdb.Error as exc:
            self._db.execute("ROLLBACK")
            raise StoreError(f"{self.path}: cannot write batch ({exc})") from exc

    def record_skip(self, source: str, reason: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO skipped VALUES (?, ?, now())", [source, reason])

    def _replace_articles(self, articles: Sequence[Article], coded_by: str | None) -> None:
        ids = [a.id for a in articles]
        if not ids:
            return
        self._db.execute("DELETE FROM mentions WHERE list_contains(?, article_id)", [ids])
        self._db.execute("DELETE FROM statements WHERE list_contains(?, article_id)", [ids])
        self._db.execute("DELETE FROM figures WHERE list_contains(?, article_id)", [ids])
        self._db.execute("DELETE FROM articles WHERE list_contains(?, id)", [ids])
        rows = [
            (a.id, a.title, a.url, a.outlet, a.published, int(a.published_precision), a.source_path, a.content_hash,
             a.text, a.embedded_in, a.duplicate_of, a.removed_lines, a.published_inferred_from, coded_by)
            for a in articles
        ]  # fmt: skip
        self._db.executemany(
            "INSERT INTO articles (id, title, url, outlet, published, published_precision, source_path, content_hash, "
            "text, embedded_in, duplicate_of, removed_lines, ingested_at, published_inferred_from, coded_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, ?)",
            rows,
        )

    def _insert_mentions(self, mentions: Sequence[EventMention]) -> None:
        rows = [(m.id, m.article_id, m.sub_event_type, json.dumps(to_plain(m))) for m in mentions]
        if rows:
            self._db.executemany("INSERT OR REPLACE INTO mentions VALUES (?, ?, ?, ?)", rows)

    def _insert_statements(self, statements: Sequence[Statement]) -> None:
        rows = [(s.id, s.article_id, s.kind, s.about, s.speaker, json.dumps(to_plain(s))) for s in statements]
        if rows:
            self._db.executemany("INSERT OR REPLACE INTO statements VALUES (?, ?, ?, ?, ?, ?)", rows)

    def _insert_figures(self, figures: Sequence[Figure]) -> None:
        rows = [(_figure_id(f), f.provenance.article_id, f.kind, f.best, json.dumps(to_plain(f))) for f in figures]
        if rows:
            self._db.executemany("INSERT OR REPLACE INTO figures VALUES (?, ?, ?, ?, ?)", rows)

    def figures(self, kind: str | None = None, place: str | None = None) -> list[Figure]:
        """Stored figures that belong to no event (displaced, troops, cumulative tolls) as series: by kind, then
        place, then as-of date. ``place`` matches a town, admin1 or country name, case-insensitively."""
        where, params = ("WHERE kind = ?", [kind]) if kind else ("", [])
        rows = self._db.execute(f"SELECT payload FROM figures {where} ORDER BY id", params).fetchall()
        found = [f for f in (figure_from_plain(json.loads(r[0])) for r in rows) if f is not None]
        if place:
            wanted = place.casefold()
            found = [f for f in found if f.place is not None and wanted in _place_names(f.place)]
        return sorted(found, key=_series_order)

    def statements(self, article_id: str | None = None) -> list[Statement]:
        """Stored threats, plans, denials and other statements, of one article or all, in text order."""
        where, params = ("WHERE article_id = ?", [article_id]) if article_id else ("", [])
        rows = self._db.execute(
            f"SELECT payload FROM statements {where} ORDER BY article_id, json_extract(payload, '$.trigger_start')",
            params,
        ).fetchall()
        return [statement_from_plain(json.loads(r[0])) for r in rows]

    def mentions(self) -> list[EventMention]:
        rows = self._db.execute("SELECT payload FROM mentions ORDER BY id").fetchall()
        return [mention_from_plain(json.loads(r[0])) for r in rows]

    def _refuse(self) -> None:
        events = fuse_mentions(self.mentions())
        self._db.execute("DELETE FROM event_mentions")
        self._db.execute("DELETE FROM events")
        if not events:
            return
        self._db.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [_event_row(e) for e in events]
        )
        links = [(e.id, m.id) for e in events for m in e.mentions]
        self._db.executemany("INSERT INTO event_mentions VALUES (?, ?)", links)

    def events(self, where: EventFilter | None = None) -> list[Event]:
        """Stored events matching ``where``, newest first."""
        where = where or EventFilter()
        clauses, params = _filter_sql(where)
        sql = f"SELECT payload FROM events {clauses} ORDER BY event_date DESC NULLS LAST, id"
        if where.limit:
            sql += f" LIMIT {int(where.limit)}"
        return [event_from_plain(json.loads(r[0])) for r in self._db.execute(sql, params).fetchall()]

    def event(self, event_id: str) -> Event | None:
        row = self._db.execute("SELECT payload FROM events WHERE id = ?", [event_id]).fetchone()
        return event_from_plain(json.loads(row[0])) if row else None

    def article(self, article_id: str) -> dict[str, object] | None:
        cursor = self._db.execute("SELECT * FROM articles WHERE id = ?", [article_id])
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cursor.description], row, strict=True))

    def outlets(self) -> dict[str, str]:
        """Article id to outlet name, for the export's source column."""
        rows = self._db.execute("SELECT id, outlet FROM articles WHERE outlet IS NOT NULL").fetchall()
        return {str(i): str(o) for i, o in rows}

    def counts(self) -> dict[str, int]:
        tables = ("articles", "mentions", "statements", "figures", "events", "skipped")
        counts = {t: int(self._db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}  # type: ignore[index]
        counts["duplicates"] = int(
            self._db.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]  # type: ignore[index]
        )
        return counts


def _figure_id(figure: Figure) -> str:
    key = f"{figure.provenance.article_id}:{figure.provenance.start}:{figure.kind}"
    return "f-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _event_row(e: Event) -> tuple[object, ...]:
    return (
        e.id, e.date, e.event_type, e.sub_event_type, e.place.country if e.place else None,
        e.place.name if e.place else None, e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None,
        e.fatalities, e.historical, json.dumps(to_plain(e)),
    )  # fmt: skip


def _filter_sql(where: EventFilter) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if not where.include_history:
        clauses.append("NOT historical")
    if where.country:
        clauses.append("lower(country) = lower(?)")
        params.append(where.country)
    if where.since:
        clauses.append("event_date >= ?")
        params.append(where.since)
    if where.until:
        clauses.append("event_date <= ?")
        params.append(where.until)
    if where.event_type:
        clauses.append("(lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?))")
        params.extend([where.event_type, where.event_type])
    if where.actor:
        clauses.append("(actor1 ILIKE ? OR actor2 ILIKE ?)")
        params.extend([f"%{where.actor}%", f"%{where.actor}%"])
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _series_order(figure: Figure) -> tuple[str, str, dt.date, str, int]:
    place = figure.place.name if figure.place is not None else ""
    return figure.kind, place, figure.date or dt.date.min, figure.provenance.article_id, figure.provenance.start


def _place_names(place: Place) -> set[str]:
    return {n.casefold() for n in (place.name, place.admin1, place.country) if n}
