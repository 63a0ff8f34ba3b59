"""The DuckDB event database: articles, mentions and fused events, written in atomic batches."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from sitroom.errors import StoreError
from sitroom.fuse import Constraints, Decision, component_of, fuse_mentions
from sitroom.fuse.matching import MAX_DATE_SLACK_DAYS, block_key
from sitroom.model import Article, Event, EventMention, Figure, Place, Statement, TimePrecision
from sitroom.store.codec import (
    event_from_plain,
    figure_from_plain,
    mention_from_plain,
    statement_from_plain,
    to_plain,
)

if importlib.util.find_spec("pandas") is None:
    # DuckDB's client tries `import pandas` for every bound parameter; without pandas each try searches the
    # whole import path again (a third of an ingest's time). Marking it absent makes each try fail at once.
    sys.modules["pandas"] = None  # type: ignore[assignment]

SCHEMA_VERSION = 5
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
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS event_type VARCHAR;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS country VARCHAR;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS mention_date DATE;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS historical BOOLEAN;
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
CREATE TABLE IF NOT EXISTS decisions (
    seq INTEGER PRIMARY KEY, kind VARCHAR, mentions JSON, others JSON, made_at TIMESTAMP
);
"""
# Stored mentions of the given blocks (type, historical flag, country) in each one's date window, or without a
# date where the key has none: the keys come as five lists, one a column.
_CANDIDATES = """
WITH block AS (
    SELECT unnest(?::VARCHAR[]) AS event_type, unnest(?::BOOLEAN[]) AS historical, unnest(?::VARCHAR[]) AS country,
        unnest(?::DATE[]) AS earliest, unnest(?::DATE[]) AS latest
)
SELECT m.event_type, m.historical, m.country, m.mention_date, m.payload FROM mentions m
WHERE EXISTS (
    SELECT 1 FROM block b
    WHERE b.event_type = m.event_type AND b.historical = m.historical AND b.country IS NOT DISTINCT FROM m.country
        AND ((b.earliest IS NULL AND m.mention_date IS NULL) OR m.mention_date BETWEEN b.earliest AND b.latest)
)
ORDER BY m.id
"""
_ARTICLE_FIELDS = (
    "id", "text", "title", "url", "outlet", "published", "published_inferred_from", "source_path", "content_hash",
    "embedded_in", "duplicate_of", "removed_lines",
)  # fmt: skip
# The blocking columns of mentions, filled from the payload in databases written before they existed.
_BACKFILL = """
UPDATE mentions SET event_type = json_extract_string(payload, '$.event_type'),
    country = json_extract_string(payload, '$.place.country'),
    mention_date = TRY_CAST(json_extract_string(payload, '$.date') AS DATE),
    historical = CAST(json_extract(payload, '$.historical') AS BOOLEAN)
WHERE event_type IS NULL
"""


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters for listing events; None means no filter."""

    country: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None  # an event type or a sub-event type
    actor: str | None = None  # part of actor1's or actor2's name
    include_history: bool = False
    limit: int | None = None
    offset: int = 0
    sub_event_type: str | None = None
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min longitude, min latitude, max longitude, max latitude
    min_fatalities: int | None = None
    text: str | None = None  # words in the evidence sentences


@dataclass(frozen=True, slots=True)
class ActorActivity:
    """An actor's part in the stored events: how many, on which side, and against whom."""

    name: str
    events: int
    as_actor1: int
    as_actor2: int
    adversaries: tuple[tuple[str, int], ...]  # the other side's actors, with their shared events, most first


# DuckDB's own default is 80% of the machine's memory; an ingest must stay small whatever the database holds
# (DuckDB spills to disk beyond this).
MEMORY_LIMIT = "512MB"


class EventStore:
    """A sitroom database file. Use as a context manager; every write is one transaction."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        self._types: dict[str, dict[str, str]] = {}  # per table, its columns' types (see _column_types)
        try:
            if not read_only:
                path.parent.mkdir(parents=True, exist_ok=True)
            self._db = duckdb.connect(str(path), read_only=read_only, config={"memory_limit": MEMORY_LIMIT})
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"{path}: cannot open the database ({exc})") from exc
        if not read_only:
            self._upgrade()

    def _upgrade(self) -> None:
        """Create or upgrade the schema; a database from before explained fusion is fused anew, once."""
        self._db.execute(_SCHEMA)
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is not None and int(row[0]) < SCHEMA_VERSION:
            self._db.execute("BEGIN TRANSACTION")
            self._db.execute(_BACKFILL)
            self._refuse_all()
            self._db.execute("COMMIT")
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def article_codings(self, article_ids: Sequence[str]) -> dict[str, tuple[str, str | None]]:
        """Those of ``article_ids`` that are stored, with their content hashes and the fingerprint of the
        coder that coded them."""
        rows = self._db.execute(
            "SELECT id, content_hash, coded_by FROM articles WHERE list_contains(?, id)", [list(article_ids)]
        ).fetchall()
        return {article_id: (content_hash, coded_by) for article_id, content_hash, coded_by in rows}

    def original_ids(self) -> set[str]:
        """Ids of the stored articles that are not duplicates."""
        return {r[0] for r in self._db.execute("SELECT id FROM articles WHERE duplicate_of IS NULL").fetchall()}

    def texts_of(self, article_ids: list[str]) -> list[tuple[str, str]]:
        """(id, text) of the stored articles ``article_ids``."""
        rows = self._db.execute("SELECT id, text FROM articles WHERE list_contains(?, id) ORDER BY id", [article_ids])
        return [(str(i), str(t)) for i, t in rows.fetchall()]

    def write_batch(
        self,
        articles: Sequence[Article],
        mentions: Sequence[EventMention],
        statements: Sequence[Statement] = (),
        figures: Sequence[Figure] = (),
        coded_by: str | None = None,
    ) -> None:
        """Store ``articles`` with their mentions, statements and figures, and fuse the new mentions with the
        stored events they may report, in one transaction. Only the events the new mentions can reach are
        clustered again (:func:`sitroom.fuse.component_of`); the rest stay as they are.
        ``coded_by``: the fingerprint of the coder (:mod:`sitroom.fingerprint`)."""
        try:
            self._db.execute("BEGIN TRANSACTION")
            orphans = self._release_events_of([a.id for a in articles])
            self._replace_articles(articles, coded_by)
            written = self._insert_mentions(mentions)
            self._insert_statements(statements)
            self._insert_figures(figures)
            self._refuse([*mentions, *self._mentions_by_id(orphans)], written)
            self._db.execute("COMMIT")
        except duckdb.Error as exc:
            self._db.execute("ROLLBACK")
            raise StoreError(f"{self.path}: cannot write batch ({exc})") from exc

    def decisions(self) -> list[Decision]:
        """The user's split and merge decisions, oldest first."""
        rows = self._db.execute("SELECT kind, mentions, others FROM decisions ORDER BY seq").fetchall()
        return [Decision(kind, tuple(json.loads(m)), tuple(json.loads(o))) for kind, m, o in rows]

    def split(self, event_id: str, mention_id: str) -> tuple[Event, ...]:
        """Take ``mention_id`` out of event ``event_id`` for good; the events its mentions now form."""
        event = self._event_or_error(event_id)
        others = tuple(m.id for m in event.mentions if m.id != mention_id)
        if len(others) == len(event.mentions):
            listed = ", ".join(m.id for m in event.mentions)
            raise StoreError(f"event {event_id} has no mention {mention_id!r}; its mentions: {listed}")
        if not others:
            raise StoreError(f"event {event_id} has only mention {mention_id}: nothing to split it from")
        return self._decide(Decision("split", (mention_id,), others), event.mentions)

    def merge(self, event_ids: Sequence[str]) -> tuple[Event, ...]:
        """Make the events ``event_ids`` one event for good; the event they now form."""
        events = [self._event_or_error(i) for i in dict.fromkeys(event_ids)]
        if len(events) < 2:
            raise StoreError("merge needs two different event ids")
        mentions = [m for e in events for m in e.mentions]
        return self._decide(Decision("merge", tuple(sorted(m.id for m in mentions))), mentions)

    def _event_or_error(self, event_id: str) -> Event:
        event = self.event(event_id)
        if event is None:
            raise StoreError(f"no event {event_id!r} in {self.path}; list ids with `sitroom events`")
        return event

    def _decide(self, decision: Decision, mentions: Sequence[EventMention]) -> tuple[Event, ...]:
        try:
            self._db.execute("BEGIN TRANSACTION")
            self._db.execute(
                "INSERT INTO decisions SELECT coalesce(max(seq), 0) + 1, ?, ?, ?, now() FROM decisions",
                [decision.kind, json.dumps(decision.mentions), json.dumps(decision.others)],
            )
            events = self._refuse(mentions)
            self._db.execute("COMMIT")
        except duckdb.Error as exc:
            self._db.execute("ROLLBACK")
            raise StoreError(f"{self.path}: cannot record the {decision.kind} ({exc})") from exc
        wanted = {m.id for m in mentions}
        return tuple(e for e in events if any(m.id in wanted for m in e.mentions))

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
        now = dt.datetime.now()
        rows = [
            (a.id, a.title, a.url, a.outlet, a.published, int(a.published_precision), a.source_path, a.content_hash,
             a.text, a.embedded_in, a.duplicate_of, a.removed_lines, now, a.published_inferred_from, coded_by)
            for a in articles
        ]  # fmt: skip
        columns = (
            "id, title, url, outlet, published, published_precision, source_path, content_hash, text, embedded_in, "
            "duplicate_of, removed_lines, ingested_at, published_inferred_from, coded_by"
        )
        self._insert_rows("articles", columns, rows)

    def _insert_mentions(self, mentions: Sequence[EventMention]) -> _Plains:
        """Insert the mentions; their plain forms, for the payloads of the events they fuse into."""
        plains: _Plains = {id(m): (m, to_plain(m)) for m in mentions}
        rows = [
            (m.id, m.article_id, m.sub_event_type, json.dumps(plains[id(m)][1]), m.event_type,
             m.place.country if m.place else None, m.date, m.historical)
            for m in mentions
        ]  # fmt: skip
        columns = "id, article_id, sub_event_type, payload, event_type, country, mention_date, historical"
        self._insert_rows("mentions", columns, rows, replace=True)
        return plains

    def _insert_statements(self, statements: Sequence[Statement]) -> None:
        rows = [(s.id, s.article_id, s.kind, s.about, s.speaker, json.dumps(to_plain(s))) for s in statements]
        self._insert_rows("statements", "id, article_id, kind, about, speaker, payload", rows, replace=True)

    def _insert_figures(self, figures: Sequence[Figure]) -> None:
        rows = [(_figure_id(f), f.provenance.article_id, f.kind, f.best, json.dumps(to_plain(f))) for f in figures]
        self._insert_rows("figures", "id, article_id, kind, best, payload", rows, replace=True)

    def _insert_rows(self, table: str, columns: str, rows: Sequence[tuple[object, ...]], replace: bool = False) -> None:
        """Insert the rows into ``table`` in one statement that takes each column as one list and unnests them
        side by side: DuckDB binds a few lists several times faster than a parameter a value (about eight
        times, at a few thousand rows). Each list is typed as its column (JSON as the text it is written from),
        so every value is cast as it would be one by one. With ``replace`` (INSERT OR REPLACE), the last row
        of a key wins, as it would row by row."""
        if not rows:
            return
        if replace:
            rows = list({row[0]: row for row in rows}.values())
        insert = f"INSERT OR REPLACE INTO {table}" if replace else f"INSERT INTO {table}"
        types = self._column_types(table)
        names = [name.strip() for name in columns.split(",")]
        unnested = ", ".join(f"unnest(?::{types[name]}[])" for name in names)
        columns_of_rows = [list(values) for values in zip(*rows, strict=True)]
        self._db.execute(f"{insert} ({columns}) SELECT {unnested}", columns_of_rows)

    def _column_types(self, table: str) -> dict[str, str]:
        """The SQL type of each of ``table``'s columns (JSON as VARCHAR, the type its values are given in)."""
        if table not in self._types:
            found = self._db.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = ?",
                [table],
            ).fetchall()
            self._types[table] = {str(name): "VARCHAR" if kind == "JSON" else str(kind) for name, kind in found}
        return self._types[table]

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

    def _refuse(self, seeds: Sequence[EventMention], plains: _Plains | None = None) -> tuple[Event, ...]:
        """Cluster the seeds with every stored mention connected to them, and replace those mentions' events.
        ``plains``: mentions' plain forms already made (:meth:`_insert_mentions`)."""
        if not seeds:
            return ()
        constraints = Constraints.of(self.decisions())
        groups = constraints.group_of()

        # The store does not change meanwhile, so what is read once is kept: candidates by block and date,
        # every mention read, and the event-mates of all of them, read together at the first one asked for.
        blocks = self._candidates_of(seeds)
        known: dict[str, EventMention] = {m.id: m for m in seeds}
        known.update((m.id, m) for found in blocks.values() for m in found)
        members: dict[str, set[str]] = {}

        def candidates(mention: EventMention) -> list[EventMention]:
            key = (*block_key(mention), mention.date)
            if key not in blocks:
                blocks[key] = self._candidates(mention)
                known.update((m.id, m) for m in blocks[key])
            return blocks[key]

        def mates(mention: EventMention) -> list[EventMention]:
            if mention.id not in members:
                members.update(self._event_members([i for i in known if i not in members]))
            ids = (set(groups.get(mention.id, ())) | members[mention.id]) - {mention.id}
            missing = [i for i in ids if i not in known]
            if missing:
                known.update((m.id, m) for m in self._mentions_by_id(missing))
            return [known[i] for i in sorted(ids) if i in known]

        component = component_of(seeds, candidates, mates, constraints)
        stale = self._events_of([m.id for m in component])
        if stale:
            self._db.execute("DELETE FROM events WHERE list_contains(?, id)", [sorted(stale)])
            self._db.execute("DELETE FROM event_mentions WHERE list_contains(?, event_id)", [sorted(stale)])
        events = fuse_mentions(component, constraints)
        self._insert_events(events, plains)
        return events

    def _refuse_all(self) -> None:
        """Fuse every stored mention from scratch (after a schema upgrade)."""
        self._db.execute("DELETE FROM event_mentions")
        self._db.execute("DELETE FROM events")
        self._insert_events(fuse_mentions(self.mentions(), Constraints.of(self.decisions())))

    def _insert_events(self, events: Sequence[Event], plains: _Plains | None = None) -> None:
        if not events:
            return
        columns = (
            "id, event_date, event_type, sub_event_type, country, location, actor1, actor2, fatalities, historical, "
            "payload"
        )
        self._insert_rows("events", columns, [_event_row(e, plains or {}) for e in events])
        links = [(e.id, m.id) for e in events for m in e.mentions]
        self._insert_rows("event_mentions", "event_id, mention_id", links)

    def _candidates(self, mention: EventMention) -> list[EventMention]:
        """Stored mentions in ``mention``'s block (type, country, historical flag) and date window, itself too."""
        return self._candidates_of([mention])[(*block_key(mention), mention.date)]

    def _candidates_of(self, mentions: Sequence[EventMention]) -> dict[tuple[object, ...], list[EventMention]]:
        """The candidates of every block and date of ``mentions``, read in one query: keyed by block and date."""
        keys = sorted({(*block_key(m), m.date) for m in mentions}, key=repr)
        if not keys:
            return {}
        slack = dt.timedelta(days=MAX_DATE_SLACK_DAYS)
        # the keys as a table of one list a column, which the mentions are semi-joined with (a WHERE of one
        # clause a key takes DuckDB several times longer to plan at a hundred keys)
        params = [
            [event_type for _, event_type, _, _ in keys],
            [historical for historical, _, _, _ in keys],
            [country for _, _, country, _ in keys],
            [date - slack if date is not None else None for *_, date in keys],  # type: ignore[operator]
            [date + slack if date is not None else None for *_, date in keys],  # type: ignore[operator]
        ]
        rows = self._db.execute(_CANDIDATES, params).fetchall()
        found: dict[tuple[object, ...], list[EventMention]] = {key: [] for key in keys}
        by_block: dict[tuple[object, ...], list[tuple[object, ...]]] = {}  # each block's keys, in order
        for listed in keys:
            by_block.setdefault(listed[:3], []).append(listed)
        for event_type, historical, country, date, payload in rows:
            mention = mention_from_plain(json.loads(payload))
            for key in by_block.get((historical, event_type, country), ()):
                when = key[3]
                if (when is None and date is None) or (
                    when is not None and date is not None and when - slack <= date <= when + slack  # type: ignore[operator]
                ):
                    found[key].append(mention)
        return found

    def _events_of(self, mention_ids: Sequence[str]) -> set[str]:
        rows = self._db.execute(
            "SELECT DISTINCT event_id FROM event_mentions WHERE list_contains(?, mention_id)", [list(mention_ids)]
        ).fetchall()
        return {r[0] for r in rows}

    def _event_members(self, mention_ids: Sequence[str]) -> dict[str, set[str]]:
        """For each of ``mention_ids``, the mentions of the stored event it belongs to (none when it belongs
        to none yet), in one query."""
        found: dict[str, set[str]] = {i: set() for i in mention_ids}
        if not found:
            return found
        rows = self._db.execute(
            "SELECT own.mention_id, other.mention_id FROM event_mentions own "
            "JOIN event_mentions other ON other.event_id = own.event_id WHERE list_contains(?, own.mention_id)",
            [list(found)],
        ).fetchall()
        for own, other in rows:
            found[own].add(other)
        return found

    def _mentions_by_id(self, ids: Iterable[str]) -> list[EventMention]:
        wanted = sorted(set(ids))
        if not wanted:
            return []
        rows = self._db.execute("SELECT payload FROM mentions WHERE list_contains(?, id) ORDER BY id", [wanted])
        return [mention_from_plain(json.loads(r[0])) for r in rows.fetchall()]

    def _release_events_of(self, article_ids: Sequence[str]) -> set[str]:
        """Delete the stored events that hold a mention of ``article_ids`` (about to be coded again, or made a
        copy), and return their other articles' mentions, which must be clustered again without them."""
        if not article_ids:
            return set()
        stale = [
            r[0]
            for r in self._db.execute(
                "SELECT DISTINCT e.event_id FROM event_mentions e JOIN mentions m ON m.id = e.mention_id "
                "WHERE list_contains(?, m.article_id)",
                [list(article_ids)],
            ).fetchall()
        ]
        if not stale:
            return set()
        rows = self._db.execute(
            "SELECT DISTINCT e.mention_id FROM event_mentions e JOIN mentions m ON m.id = e.mention_id "
            "WHERE list_contains(?, e.event_id) AND NOT list_contains(?, m.article_id)",
            [stale, list(article_ids)],
        ).fetchall()
        self._db.execute("DELETE FROM events WHERE list_contains(?, id)", [stale])
        self._db.execute("DELETE FROM event_mentions WHERE list_contains(?, event_id)", [stale])
        return {r[0] for r in rows}

    def events(self, where: EventFilter | None = None) -> list[Event]:
        """Stored events matching ``where``, newest first."""
        where = where or EventFilter()
        clauses, params = _filter_sql(where)
        sql = f"SELECT payload FROM events {clauses} ORDER BY event_date DESC NULLS LAST, id"
        if where.limit:
            sql += f" LIMIT {int(where.limit)}"
        if where.offset:
            sql += f" OFFSET {int(where.offset)}"
        events = [event_from_plain(json.loads(r[0])) for r in self._db.execute(sql, params).fetchall()]
        return self._with_copies(events)

    def count_events(self, where: EventFilter | None = None) -> int:
        """How many stored events match ``where`` (its limit and offset aside)."""
        clauses, params = _filter_sql(where or EventFilter())
        row = self._db.execute(f"SELECT count(*) FROM events {clauses}", params).fetchone()
        return int(row[0]) if row else 0

    def event(self, event_id: str) -> Event | None:
        row = self._db.execute("SELECT payload FROM events WHERE id = ?", [event_id]).fetchone()
        return self._with_copies([event_from_plain(json.loads(row[0]))])[0] if row else None

    def _with_copies(self, events: list[Event]) -> list[Event]:
        """Each event with the near-duplicates of its sources, as they stand now: a reprint ingested after its
        original is linked to the original's events without coding or fusing anything again."""
        original_of = dict(
            self._db.execute("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL").fetchall()
        )
        copies: dict[str, list[str]] = {}
        for copy in sorted(original_of):
            root, seen = original_of[copy], {copy}
            while root in original_of and root not in seen:  # a copy of a copy: an original ingested later
                seen.add(root)
                root = original_of[root]
            copies.setdefault(root, []).append(copy)
        if not copies:
            return events
        return [dataclasses.replace(e, copies=tuple(c for s in e.sources for c in copies.get(s, ()))) for e in events]

    def article(self, article_id: str) -> dict[str, object] | None:
        cursor = self._db.execute("SELECT * FROM articles WHERE id = ?", [article_id])
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cursor.description], row, strict=True))

    def stored_article(self, article_id: str) -> Article | None:
        """The stored article as a record (for making it a copy of an article ingested later)."""
        row = self.article(article_id)
        if row is None:
            return None
        fields = {f: row[f] for f in _ARTICLE_FIELDS if row.get(f) is not None}
        precision = row["published_precision"]
        fields["published_precision"] = TimePrecision(precision if isinstance(precision, int) else TimePrecision.DAY)
        return Article(**fields)  # type: ignore[arg-type]

    def article_mentions(self, article_id: str) -> list[tuple[EventMention, str | None]]:
        """The article's event mentions in text order, each with the id of the event it is part of."""
        rows = self._db.execute(
            "SELECT m.payload, e.event_id FROM mentions m LEFT JOIN event_mentions e ON e.mention_id = m.id "
            "WHERE m.article_id = ? ORDER BY json_extract(m.payload, '$.trigger_start')",
            [article_id],
        ).fetchall()
        return [(mention_from_plain(json.loads(payload)), event_id) for payload, event_id in rows]

    def actors(self) -> list[ActorActivity]:
        """Each actor of the listed (not historical) events, with its event counts and the actors it met,
        most active first."""
        counts = self._db.execute(
            "SELECT name, count(*) FILTER (WHERE side = 1), count(*) FILTER (WHERE side = 2) FROM ("
            "SELECT actor1 AS name, 1 AS side FROM events WHERE NOT historical UNION ALL "
            "SELECT actor2, 2 FROM events WHERE NOT historical) WHERE name IS NOT NULL GROUP BY name"
        ).fetchall()
        pairs = self._db.execute(
            "SELECT actor1, actor2, count(*) FROM events WHERE NOT historical AND actor1 IS NOT NULL "
            "AND actor2 IS NOT NULL AND actor1 <> actor2 GROUP BY actor1, actor2"
        ).fetchall()
        met: dict[str, Counter[str]] = defaultdict(Counter)
        for a, b, n in pairs:
            met[a][b] += n
            met[b][a] += n
        found = [
            ActorActivity(name, first + second, first, second,
                          tuple(sorted(met[name].items(), key=lambda pair: (-pair[1], pair[0]))))
            for name, first, second in counts
        ]  # fmt: skip
        return sorted(found, key=lambda a: (-a.events, a.name))

    def countries(self) -> list[tuple[str, int]]:
        """Each country of the listed (not historical) events with its event count, most events first."""
        rows = self._db.execute(
            "SELECT country, count(*) AS n FROM events WHERE NOT historical AND country IS NOT NULL "
            "GROUP BY country ORDER BY n DESC, country"
        ).fetchall()
        return [(str(country), int(n)) for country, n in rows]

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


# Mentions' plain forms made for the mentions table, by the id() of the mention (kept alive with it).
_Plains = dict[int, tuple[EventMention, Any]]
_EVENT_FIELDS = tuple(f.name for f in dataclasses.fields(Event))


def _event_row(e: Event, plains: _Plains) -> tuple[object, ...]:
    return (
        e.id, e.date, e.event_type, e.sub_event_type, e.place.country if e.place else None,
        e.place.name if e.place else None, e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None,
        e.fatalities, e.historical, json.dumps(_event_plain(e, plains)),
    )  # fmt: skip


def _event_plain(e: Event, plains: _Plains) -> dict[str, Any]:
    """``to_plain(e)``, taking each mention's plain form from ``plains`` where it was made already."""

    def mention(m: EventMention) -> Any:
        known = plains.get(id(m))
        return known[1] if known is not None and known[0] is m else to_plain(m)

    return {name: [mention(m) for m in e.mentions] if name == "mentions" else to_plain(getattr(e, name))
            for name in _EVENT_FIELDS}  # fmt: skip


_LATITUDE = "TRY_CAST(json_extract(payload, '$.place.latitude') AS DOUBLE)"
_LONGITUDE = "TRY_CAST(json_extract(payload, '$.place.longitude') AS DOUBLE)"


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
    if where.sub_event_type:
        clauses.append("lower(sub_event_type) = lower(?)")
        params.append(where.sub_event_type)
    if where.actor:
        clauses.append("(actor1 ILIKE ? OR actor2 ILIKE ?)")
        params.extend([f"%{where.actor}%", f"%{where.actor}%"])
    if where.admin1:
        clauses.append("lower(json_extract_string(payload, '$.place.admin1')) = lower(?)")
        params.append(where.admin1)
    if where.bbox:
        clauses.append(f"{_LONGITUDE} BETWEEN ? AND ? AND {_LATITUDE} BETWEEN ? AND ?")
        west, south, east, north = where.bbox
        params.extend([west, east, south, north])
    if where.min_fatalities is not None:
        clauses.append("coalesce(fatalities, 0) >= ?")
        params.append(where.min_fatalities)
    if where.text:
        clauses.append("array_to_string(json_extract_string(payload, '$.mentions[*].sentence'), ' ') ILIKE ?")
        params.append(f"%{where.text}%")
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def _series_order(figure: Figure) -> tuple[str, str, dt.date, str, int]:
    place = figure.place.name if figure.place is not None else ""
    return figure.kind, place, figure.date or dt.date.min, figure.provenance.article_id, figure.provenance.start


def _place_names(place: Place) -> set[str]:
    return {n.casefold() for n in (place.name, place.admin1, place.country) if n}
