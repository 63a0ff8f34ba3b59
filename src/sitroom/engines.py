"""Where the per-article stages (parse, date, geocode, code) run, behind one interface: ``code(batch)``
gives a future of the batch's coded articles.

- in this process, one batch at a time;
- in a pool of worker processes (``settings.workers`` above 1), each batch split among them;
- on Ray (``settings.engine == "ray"``, :mod:`sitroom.ray_engine`).

:func:`sitroom.pipeline.ingest` reads, finds near-duplicates and stores; it asks an engine only to code.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol

from sitroom.model import Article
from sitroom.settings import Settings

if TYPE_CHECKING:
    from sitroom.pipeline import Coded, Coder


class Engine(Protocol):
    @property
    def in_flight(self) -> int:
        """Batches the writer may leave with the engine before it waits for the oldest."""

    def code(self, batch: list[Article]) -> Future[list[Coded]]: ...


@contextmanager
def engine_for(settings: Settings, coder: Coder) -> Iterator[Engine]:
    """The engine ``settings`` ask for; ``coder`` codes in this process, or is the one workers inherit."""
    if settings.engine == "ray":
        from sitroom.ray_engine import ray_engine

        with ray_engine(settings) as engine:
            yield engine
        return
    with _young_collections_spaced():
        if settings.workers <= 1:
            yield InProcess(coder)
            return
        with _worker_pool(settings, coder) as pool:
            yield pool


# Allocations between two collections of the youngest generation while the stages run (Python's default: 700).
YOUNG_COLLECTION_ALLOCATIONS = 20_000


@contextmanager
def _young_collections_spaced() -> Iterator[None]:
    """Collect the youngest generation every ``YOUNG_COLLECTION_ALLOCATIONS`` allocations until the block
    ends, then as before. The stages make millions of short-lived objects (tokens, spans, matches, records)
    and few cycles, so at the default the collector ran about 500 times per 2,000 bench articles and walked
    objects that a moment later died by their reference counts (its time there 0.2 -> 0.08 s)."""
    before = _space_young_collections()
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _space_young_collections() -> tuple[int, int, int]:
    """Collect the youngest generation at most every ``YOUNG_COLLECTION_ALLOCATIONS`` allocations; the
    thresholds before."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], YOUNG_COLLECTION_ALLOCATIONS), *before[1:])
    return before


def _load_for_good(coder: Coder) -> None:
    """Load the coder's models and tables, then, once per process, take everything loaded out of the cyclic
    garbage collector's generations (``gc.freeze``): they live as long as the process, and each full
    collection would otherwise walk their millions of objects again (about 3% of an ingest's time). Before a
    fork this also keeps the collector from writing to the pages the workers share."""
    global _frozen
    coder.warm()
    if not _frozen:
        gc.collect()  # nothing unreachable is frozen with them
        gc.freeze()
        _frozen = True


_frozen = False


class InProcess:
    """The per-article stages run here, one batch at a time."""

    in_flight = 2

    def __init__(self, coder: Coder) -> None:
        _load_for_good(coder)
        self._coder = coder

    def code(self, batch: list[Article]) -> Future[list[Coded]]:
        done: Future[list[Coded]] = Future()
        done.set_result(list(self._coder.code(batch)))
        return done


# The coder of a worker process: built there (spawn), or the parent's, inherited loaded (fork).
_worker_coder: Coder | None = None


def _start_worker(settings: Settings) -> None:
    global _worker_coder
    _space_young_collections()  # a forked worker has its parent's setting already; a spawned one gets it here
    if _worker_coder is None:
        from sitroom.pipeline import Coder

        _worker_coder = Coder(settings)
        _load_for_good(_worker_coder)


def _ready() -> None:
    """A task that makes the pool start its workers now."""


def _code_in_worker(batch: list[Article]) -> list[Coded]:
    assert _worker_coder is not None, "worker not started"
    return list(_worker_coder.code(batch))


@contextmanager
def _worker_pool(settings: Settings, coder: Coder) -> Iterator[WorkerPool]:
    global _worker_coder
    if sys.platform == "linux":
        # Fork workers from a coder loaded here, before any database is open: they start at once and share
        # the models' memory. (Each opens its own gazetteer connection; see GeonamesStore._connection.)
        _load_for_good(coder)
        context = multiprocessing.get_context("fork")
        _worker_coder = coder
    else:
        context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(settings.workers, mp_context=context, initializer=_start_worker,
                                 initargs=(settings,)) as pool:  # fmt: skip
            for started in [pool.submit(_ready) for _ in range(settings.workers)]:
                started.result()
            yield WorkerPool(pool, settings.workers)
    finally:
        _worker_coder = None


class WorkerPool:
    """The per-article stages in worker processes; each batch is split among them."""

    def __init__(self, pool: ProcessPoolExecutor, workers: int) -> None:
        self._pool, self._workers = pool, workers
        self.in_flight = 2 * workers

    def code(self, batch: list[Article]) -> Future[list[Coded]]:
        size = max(1, -(-len(batch) // self._workers))  # one part per worker keeps them all busy to its end
        return _Joined([self._pool.submit(_code_in_worker, batch[i : i + size]) for i in range(0, len(batch), size)])


class _Joined(Future):  # type: ignore[type-arg]
    """The parts of a batch coded apart, as one batch again, in order."""

    def __init__(self, parts: list[Future[list[Coded]]]) -> None:
        super().__init__()
        self._parts = parts

    def result(self, timeout: float | None = None) -> list[Coded]:
        return [coded for part in self._parts for coded in part.result(timeout)]
