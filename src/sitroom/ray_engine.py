"""The per-article stages on a Ray cluster: `sitroom ingest --engine ray [--address ...]`.

Reading, cleaning and near-duplicates stay in the driver, as with the local engine. The articles read are
gathered in chunks; each chunk becomes a Ray Dataset whose ``map_batches`` runs on actors that each hold a
:class:`~sitroom.pipeline.Coder` (the models loaded once per actor). The coded records are written as
Parquet (one row per article: its article, mentions, statements and figures as JSON, with the batch and
position it was read in), read back in reading order, and fused and stored by the driver: the events are
the default engine's.

Ray is an optional extra (``pip install 'sitroom[ray]'``); without it, asking for this engine says so.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sitroom.errors import ConfigError
from sitroom.model import Article
from sitroom.settings import Settings
from sitroom.store.codec import (
    article_from_plain,
    figure_from_plain,
    mention_from_plain,
    statement_from_plain,
    to_plain,
)

# Articles gathered before a chunk is sent to the cluster: enough to keep every actor busy, few enough that
# the driver holds them easily.
CHUNK_ARTICLES = 2000


class CoderActor:
    """A Ray Data actor: codes batches of articles with a Coder it builds once."""

    def __init__(self, settings: Settings) -> None:
        from sitroom.pipeline import Coder

        self._coder = Coder(settings)
        self._coder.warm()

    def __call__(self, rows: dict[str, Any]) -> dict[str, list[Any]]:
        articles = [article_from_plain(json.loads(a)) for a in rows["article"]]
        coded = list(self._coder.code(articles))
        return {
            "batch": list(rows["batch"]),
            "seq": list(rows["seq"]),
            "article": [json.dumps(to_plain(c.article)) for c in coded],
            "mentions": [json.dumps(to_plain(c.mentions)) for c in coded],
            "statements": [json.dumps(to_plain(c.statements)) for c in coded],
            "figures": [json.dumps(to_plain(c.figures)) for c in coded],
        }


class _Deferred(Future):  # type: ignore[type-arg]
    """A batch's coding, done when the first of its chunk is asked for."""

    def __init__(self, engine: RayEngine) -> None:
        super().__init__()
        self._engine = engine

    def result(self, timeout: float | None = None) -> Any:
        if not self.done():
            self._engine.run()
        return super().result(timeout)


class RayEngine:
    """Gathers batches and codes them on Ray, a chunk at a time."""

    def __init__(self, settings: Settings, workdir: Path) -> None:
        self._settings = settings
        self._workdir = workdir
        self._pending: list[tuple[list[Article], _Deferred]] = []
        self._chunks = 0

    @property
    def in_flight(self) -> int:
        """A chunk's batches: the writer waits for the oldest, and so sends a whole chunk, once they are out."""
        return max(1, CHUNK_ARTICLES // max(1, self._settings.batch_size))

    def code(self, batch: list[Article]) -> Future[Any]:
        deferred = _Deferred(self)
        self._pending.append((batch, deferred))
        return deferred

    def run(self) -> None:
        """Code every gathered batch on the cluster and resolve their futures."""
        import pyarrow.parquet as pq
        import ray.data

        pending, self._pending = self._pending, []
        if not pending:
            return
        rows = [
            {"batch": b, "seq": i, "article": json.dumps(to_plain(article))}
            for b, (batch, _) in enumerate(pending)
            for i, article in enumerate(batch)
        ]
        out = self._workdir / f"coded-{self._chunks:05d}"
        self._chunks += 1
        dataset = ray.data.from_items(rows).map_batches(
            CoderActor,
            fn_constructor_kwargs={"settings": self._settings},
            batch_size=self._settings.batch_size,
            concurrency=self._settings.workers,
        )
        dataset.write_parquet(str(out))
        table = pq.read_table(str(out)).to_pylist()
        table.sort(key=lambda row: (row["batch"], row["seq"]))
        coded: dict[int, list[Any]] = {b: [] for b in range(len(pending))}
        for row in table:
            coded[row["batch"]].append(_coded_from_row(row))
        for b, (_, deferred) in enumerate(pending):
            deferred.set_result(coded[b])


def _coded_from_row(row: dict[str, Any]) -> Any:
    from sitroom.pipeline import Coded

    return Coded(
        article_from_plain(json.loads(row["article"])),
        tuple(mention_from_plain(m) for m in json.loads(row["mentions"])),
        tuple(statement_from_plain(s) for s in json.loads(row["statements"])),
        tuple(f for f in (figure_from_plain(f) for f in json.loads(row["figures"])) if f is not None),
    )


@contextmanager
def ray_engine(settings: Settings) -> Iterator[RayEngine]:
    """A RayEngine on the cluster at ``settings.ray_address`` (a local Ray instance when none is given)."""
    try:
        import ray
    except ImportError:
        raise ConfigError("the ray engine needs Ray: pip install 'sitroom[ray]'") from None
    started = not ray.is_initialized()
    if started:
        if settings.ray_address:
            ray.init(address=settings.ray_address, log_to_driver=False)
        else:
            ray.init(num_cpus=settings.workers, include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    try:
        with tempfile.TemporaryDirectory(prefix="sitroom-ray-") as folder:
            yield RayEngine(settings, Path(folder))
    finally:
        if started:
            ray.shutdown()
