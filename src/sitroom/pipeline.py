"""Run the stages over articles: ingest, clean, deduplicate, parse, date, geocode, code, store.

:class:`Coder` holds the loaded resources and codes one article at a time (pure: article in, mentions
out). :func:`ingest` is the I/O edge that reads inputs and writes the database in atomic batches.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from spacy.language import Language

from sitroom.clean import NearDuplicateIndex, clean_article
from sitroom.engines import Engine, engine_for
from sitroom.events import Coding, EventContext, extract_events, load_actor_dictionary, load_taxonomy
from sitroom.events.actors import ActorDictionary
from sitroom.events.taxonomy import Taxonomy
from sitroom.fingerprint import coder_fingerprint
from sitroom.geo import GeonamesStore, load_countries, resolve_document
from sitroom.geo.countries import CountryTable
from sitroom.geo.gazetteer import Gazetteer
from sitroom.ingest import Ingested, ReadMeter, Skipped, read_inputs
from sitroom.language import AnalyzedArticle, analyze, doc_text, load_model
from sitroom.model import Article, EventMention, Figure, Statement
from sitroom.settings import Settings
from sitroom.store import EventStore
from sitroom.time import tag_document
from sitroom.time.publication import infer_publication

# Rebel groups, political militias and identity militias: their home country frames the places near them.
NON_STATE_INTER = (2, 3, 4)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Coded:
    """One article with the events it asserts, the statements (threats, plans, denials) it reports, and the
    figures that belong to no event."""

    article: Article
    mentions: tuple[EventMention, ...]
    statements: tuple[Statement, ...]
    figures: tuple[Figure, ...] = ()  # counts that belong to no event: displaced, troops, cumulative tolls


class Coder:
    """The per-article stages with their resources, each loaded once on first use."""

    def __init__(self, settings: Settings, gazetteer: Gazetteer | None = None) -> None:
        self.settings = settings
        self._gazetteer = gazetteer

    @cached_property
    def fingerprint(self) -> str:
        """What this coder codes with; articles coded with anything else are coded again."""
        s = self.settings
        dictionaries = [(str(p), hashlib.sha1(p.read_bytes()).hexdigest() if p.is_file() else None)
                        for p in s.actor_dictionaries]  # fmt: skip
        gazetteer = getattr(self.gazetteer, "version", None)  # what the store holds: the default and imports
        return coder_fingerprint(s.model, dictionaries, s.min_city_population, s.history_days, gazetteer)

    @cached_property
    def nlp(self) -> Language:
        return load_model(self.settings.model)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is not None:
            return self._gazetteer
        return GeonamesStore.open(self.settings.gazetteer_path, self.settings.min_city_population)

    @cached_property
    def countries(self) -> CountryTable:
        return load_countries()

    @cached_property
    def actors(self) -> ActorDictionary:
        return load_actor_dictionary(self.countries, self.settings.actor_dictionaries)

    @cached_property
    def taxonomy(self) -> Taxonomy:
        return load_taxonomy()

    def warm(self) -> None:
        """Load every resource now (the pipeline, the gazetteer's tables, the actors) by coding a sentence."""
        self.code_text("Gunmen killed two soldiers in Mosul, Iraq, on Monday, the Iraqi army said.")

    def code(self, articles: Iterable[Article]) -> Iterator[Coded]:
        """Parse and code cleaned articles; duplicates are passed through uncoded."""
        originals = [a if a.duplicate_of else infer_publication(a) for a in articles]
        to_parse = [a for a in originals if a.duplicate_of is None]
        parsed = {p.article.id: p for p in analyze(self.nlp, to_parse, self.settings.batch_size)}
        for article in originals:
            analyzed = parsed.get(article.id)
            coding = self.code_parsed(analyzed) if analyzed else Coding((), ())
            yield Coded(article, coding.mentions, coding.statements, coding.figures)

    def code_parsed(self, analyzed: AnalyzedArticle) -> Coding:
        article, doc = analyzed.article, analyzed.doc
        context = EventContext(
            article=article,
            doc=doc,
            geography=resolve_document(doc, self.gazetteer, self.countries, self.armed_group_homes(doc_text(doc))),
            timexes=tag_document(doc, article.id, article.published),
            actors=self.actors,
            taxonomy=self.taxonomy,
            countries=self.countries,
            history_days=self.settings.history_days,
        )
        return extract_events(context)

    def armed_group_homes(self, text: str) -> list[str]:
        """The home countries of the non-state armed groups ``text`` names: context for its places."""
        return [a.country for a in self.actors.named_in(text) if a.country and a.inter in NON_STATE_INTER]

    def code_document(self, text: str, article_id: str = "text", **meta: object) -> Coded:
        """Code one text as an article (for the Python API and tests)."""
        article = clean_article(Article(id=article_id, text=text, **meta))[0]  # type: ignore[arg-type]
        return next(self.code([article]))

    def code_text(self, text: str, article_id: str = "text", **meta: object) -> tuple[EventMention, ...]:
        """The events one text asserts (see :meth:`code_document` for its statements too)."""
        return self.code_document(text, article_id, **meta).mentions


@dataclass
class IngestReport:
    """What an ingest run did."""

    read: int = 0
    skipped: int = 0
    duplicates: int = 0
    unchanged: int = 0
    coded: int = 0
    mentions: int = 0
    statements: int = 0
    warnings: list[str] = field(default_factory=list)

    def skip(self, source: str, reason: str) -> None:
        """Count an input skipped, with a warning naming it."""
        self.skipped += 1
        self.warnings.append(f"{source}: {reason}")
        log.warning("%s: %s", source, reason)


ProgressCallback = Callable[[int], None]


def ingest(
    paths: Iterable[Path],
    settings: Settings,
    on_progress: ProgressCallback | None = None,
    coder: Coder | None = None,
    meter: ReadMeter | None = None,
) -> IngestReport:
    """Read ``paths`` into the database at ``settings.db_path``; re-running the same input adds nothing.

    The per-article stages run on the engine ``settings`` ask for (:mod:`sitroom.engines`: here, in worker
    processes, or on Ray); reading, near-duplicates and storing stay in this process, and batches are stored
    in the order they were read, so the result is the same whatever the engine and the number of workers."""
    coder = coder or Coder(settings)
    report = IngestReport()
    with engine_for(settings, coder) as engine, EventStore(settings.db_path) as store, _index(settings) as index:
        index.sync(store.original_ids(), store.texts_of)
        writer = _Writer(store, engine, coder.fingerprint, report, on_progress, settings.commit_size)
        batch: list[Article] = []
        appended: dict[str, Article] = {}  # by id, in the order read
        for article, stored in _with_codings(_cleaned(read_inputs(paths, meter), report, store), store):
            if stored == (article.content_hash, coder.fingerprint):
                report.unchanged += 1
            elif (first := _taken(article.id, batch, appended, writer)) is not None:
                _repeated(article, first, report)
            elif article.embedded_in is not None:
                appended[article.id] = article  # after every standalone article, so the standalone copy is kept
            else:
                batch.append(_mark_duplicate(article, index, report, store, batch, writer))
                if len(batch) >= settings.batch_size:
                    writer.submit(batch)
                    index.commit()
                    batch = []
        for article in appended.values():
            batch.append(_mark_duplicate(article, index, report, store, batch, writer))
        writer.submit(batch)
        writer.drain()
    return report


def _taken(article_id: str, batch: list[Article], appended: dict[str, Article], writer: _Writer) -> str | None:
    """The content hash of the article this run has already read under ``article_id`` and not yet stored."""
    if article_id in appended:
        return appended[article_id].content_hash
    found = next((a.content_hash for a in batch if a.id == article_id), None)
    return found if found is not None else writer.held_hash(article_id)


def _repeated(article: Article, first: str, report: IngestReport) -> None:
    """An article whose id this run has already taken (``first``: that one's content hash) and not yet
    stored: the same one again is unchanged, another under the same id is skipped with a warning (the first
    keeps the id)."""
    if first == article.content_hash:
        report.unchanged += 1
        return
    reason = f"a second article with id {article.id!r}; skipped (ids must be unique)"
    report.skip(article.source_path or article.id, reason)


def _with_codings(
    articles: Iterable[Article], store: EventStore, chunk: int = 256
) -> Iterator[tuple[Article, tuple[str, str | None] | None]]:
    """Each article with its stored content hash and coder, looked up a chunk at a time (nothing of the
    whole database is held in memory)."""
    buffer: list[Article] = []
    for article in itertools.chain(articles, [None]):
        if article is not None:
            buffer.append(article)
        if buffer and (article is None or len(buffer) >= chunk):
            codings = store.article_codings([a.id for a in buffer])
            yield from ((a, codings.get(a.id)) for a in buffer)
            buffer = []


def near_duplicate_index_path(db_path: Path) -> Path:
    """Where the database's near-duplicate index lives: beside it (rebuilt from it when missing)."""
    return db_path.with_name(db_path.name + ".neardup")


@contextmanager
def _index(settings: Settings) -> Iterator[NearDuplicateIndex]:
    index = NearDuplicateIndex(settings.duplicate_threshold, near_duplicate_index_path(settings.db_path))
    try:
        yield index
    finally:
        index.close()


class _Writer:
    """Stores coded batches in the order they were read, keeping a few in flight to the engine and gathering
    the coded ones into transactions of ``commit_size`` articles or more (each transaction has a fixed cost
    of a score of statements, and fuses its mentions in one pass)."""

    def __init__(self, store: EventStore, engine: Engine, fingerprint: str, report: IngestReport,
                 on_progress: ProgressCallback | None, commit_size: int = 1) -> None:  # fmt: skip
        self._store, self._engine, self._fingerprint = store, engine, fingerprint
        self._report, self._on_progress, self._limit = report, on_progress, max(1, engine.in_flight)
        self._commit_size = commit_size
        self._pending: deque[tuple[list[Article], Future[list[Coded]]]] = deque()
        self._coded: list[Coded] = []  # coded, not yet stored
        self._held: dict[str, str] = {}  # id -> content hash of every article submitted and not yet stored

    def submit(self, batch: list[Article]) -> None:
        if not batch:
            return
        self._held.update((a.id, a.content_hash) for a in batch)
        self._pending.append((batch, self._engine.code(batch)))
        while len(self._pending) > self._limit:
            self._take_next()

    def holds(self, article_id: str) -> bool:
        """Whether an article was submitted and is not yet stored."""
        return article_id in self._held

    def held_hash(self, article_id: str) -> str | None:
        """The content hash of an article submitted and not yet stored."""
        return self._held.get(article_id)

    def drain(self) -> None:
        """Store everything submitted, each batch as soon as it is coded: the engine's workers code the
        batches after it meanwhile, and the last transaction, which nothing overlaps, is one batch."""
        while self._pending:
            self._take_next()
            self._store_coded()
        self._store_coded()

    def _take_next(self) -> None:
        _, future = self._pending.popleft()
        coded = future.result()
        self._coded.extend(coded)
        if self._on_progress:
            self._on_progress(len(coded))
        if len(self._coded) >= self._commit_size:
            self._store_coded()

    def _store_coded(self) -> None:
        coded, self._coded = self._coded, []
        if not coded:
            return
        mentions = [m for c in coded for m in c.mentions]
        statements = [s for c in coded for s in c.statements]
        figures = [f for c in coded for f in c.figures]
        self._store.write_batch([c.article for c in coded], mentions, statements, figures, coded_by=self._fingerprint)
        for c in coded:
            self._held.pop(c.article.id, None)
        report = self._report
        report.coded += sum(1 for c in coded if c.article.duplicate_of is None)
        report.mentions += len(mentions)
        report.statements += len(statements)
        log.debug("committed %d articles", len(coded))


def _cleaned(results: Iterable[Ingested | Skipped], report: IngestReport, store: EventStore) -> Iterator[Article]:
    for result in results:
        if isinstance(result, Skipped):
            report.skip(result.source, result.reason)
            store.record_skip(result.source, result.reason)
            continue
        report.read += 1
        for warning in result.warnings:
            report.warnings.append(warning)
            log.warning("%s", warning)
        yield from clean_article(result.article)


def _mark_duplicate(article: Article, index: NearDuplicateIndex, report: IngestReport, store: EventStore,
                    batch: list[Article], writer: _Writer) -> Article:  # fmt: skip
    """``article``, marked as a copy where the index knows its original. Which of two copies is the original
    does not depend on which came first: a standalone article before a part split off a page, then the one
    published first, then the smaller id. When the new one wins, the stored one becomes its copy (written
    again in this batch, without its mentions)."""
    found = index.find(article.text, exclude=article.id)
    if found is None:
        index.add(article.id, article.text)
        return article
    report.duplicates += 1
    if writer.holds(found[0]):
        writer.drain()  # its original is still being coded: store it first, to rank the two
    other = next((a for a in batch if a.id == found[0]), None) or store.stored_article(found[0])
    if other is not None and _original_rank(article) < _original_rank(other):
        log.info("%s is a near-duplicate of %s (overlap %.2f), which is kept", other.id, article.id, found[1])
        index.remove(other.id)
        index.add(article.id, article.text)
        demoted = dataclasses.replace(other, duplicate_of=article.id)
        batch[:] = [a for a in batch if a.id != other.id]
        batch.append(demoted)
        return article
    log.info("%s is a near-duplicate of %s (overlap %.2f)", article.id, found[0], found[1])
    return dataclasses.replace(article, duplicate_of=found[0])


def _original_rank(article: Article) -> tuple[bool, bool, dt.date, str]:
    published = article.published or dt.date.max
    return (article.embedded_in is not None, article.published is None, published, article.id)
