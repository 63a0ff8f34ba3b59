"""The speed benchmark behind `make bench`: bare spaCy against the whole pipeline with 1 and 2 workers.

The corpus is the example articles plus the ``details`` of incident-list rows (each an article published
on its row's date), replicated with distinct ids and an edition line where it must grow, written to one
JSONL file. Over it, in one run:

(a) bare ``nlp.pipe`` of the pipeline sitroom loads, over the same texts;
(b) ``ingest`` with 1 worker, into a new database;
(c) ``ingest`` with 2 workers, into another.

The spaCy pipeline is loaded, and the modules imported (DuckDB's lazy import of pandas too, see
:func:`_import_lazy_modules`), before any clock starts, so that the three pay the same one-off costs; (b)
and (c) load sitroom's own tables (gazetteer, actors) inside theirs. (a), (b) and (c) are timed ``rounds``
times, in turn, and the medians are reported (`make bench`: 3), since a shared machine's speed changes from
one minute to the next. Replicas are told apart by their edition line and near-duplicate detection is switched
off, so that every article is parsed and coded in (b) and (c) as in (a).
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import statistics
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from sitroom.errors import InputError
from sitroom.evaluate.incidents import read_incidents
from sitroom.ingest import Ingested, read_inputs
from sitroom.language import load_model
from sitroom.pipeline import Coder, ingest
from sitroom.settings import Settings

NO_DUPLICATES = 1.1  # a containment no pair of articles reaches


@dataclass(frozen=True, slots=True)
class BenchResult:
    articles: int
    bare_articles_per_s: float
    full_articles_per_s: float
    full2_articles_per_s: float
    full_over_bare: float
    scaling_2_over_1: float
    peak_rss_mb: float


def build_corpus(examples: Path, incidents: Path | None, size: int, out: Path) -> int:
    """Write ``size`` articles as JSONL to ``out``; return how many were written."""
    base = list(_example_articles(examples)) + (list(_incident_articles(incidents)) if incidents else [])
    if not base:
        raise InputError(str(examples), "no articles to build the benchmark corpus from")
    with out.open("w", encoding="utf-8") as sink:
        for n in range(size):
            article = dict(base[n % len(base)])
            edition = n // len(base)
            if edition:
                article["id"] = f"{article['id']}-e{edition}"
                article["text"] = f"Edition {edition}.\n\n{article['text']}"
            sink.write(json.dumps(article, ensure_ascii=False) + "\n")
    return size


def _example_articles(folder: Path) -> Iterator[dict[str, str]]:
    for result in read_inputs([folder]):
        if isinstance(result, Ingested):
            a = result.article
            yield {"id": a.id, "text": a.text, "published": a.published.isoformat() if a.published else "",
                   "outlet": a.outlet or ""}  # fmt: skip


def _incident_articles(path: Path) -> Iterator[dict[str, str]]:
    for incident in read_incidents(path):
        if text := incident.details.strip():
            yield {"id": f"incident-{incident.number}", "text": text, "published": incident.date.isoformat()}


def run(corpus: Path, articles: int, settings: Settings, workdir: Path, rounds: int = 1) -> BenchResult:
    """Time (a), (b) and (c) over ``corpus`` (JSONL, ``articles`` lines), ``rounds`` times in turn. A shared
    machine changes speed from one minute to the next, so each ratio is taken between timings of one round,
    (a) over the (b) right after it and (b) over the (c) right after that, and the median of those ratios is
    reported (the speeds are the medians of their times)."""
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    _import_lazy_modules()
    nlp = load_model(settings.model)  # once, for all three (the coders get this one: load_model keeps it)

    def bare() -> float:
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
        return time.perf_counter() - started

    def full(workers: int, name: str) -> float:
        run_settings = Settings(
            **{**asdict(settings), "db_path": workdir / f"bench-{name}.duckdb", "workers": workers,
               "duplicate_threshold": NO_DUPLICATES},
        )  # fmt: skip
        began = time.perf_counter()
        report = ingest([corpus], run_settings, coder=Coder(run_settings))
        if report.coded != articles:
            raise RuntimeError(f"benchmark coded {report.coded} of {articles} articles")
        return time.perf_counter() - began

    timed = [(bare(), full(1, f"1-{n}"), full(2, f"2-{n}")) for n in range(max(1, rounds))]
    peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)  # fmt: skip
    return BenchResult(
        articles=articles,
        bare_articles_per_s=round(articles / statistics.median(b for b, _, _ in timed), 2),
        full_articles_per_s=round(articles / statistics.median(o for _, o, _ in timed), 2),
        full2_articles_per_s=round(articles / statistics.median(t for _, _, t in timed), 2),
        full_over_bare=round(statistics.median(b / o for b, o, _ in timed), 3),
        scaling_2_over_1=round(statistics.median(o / t for _, o, t in timed), 3),
        peak_rss_mb=round(peak_kb / 1024, 1),
    )


def _import_lazy_modules() -> None:
    """Import now what a module imports only when first used, so that no clock pays for an import. DuckDB
    imports pandas, where it is installed (the Ray extra brings it), at its first statement with parameters:
    half a second that (b) would pay and (c), in the same process, would not."""
    duckdb.connect(":memory:").execute("SELECT ?", [1]).fetchall()


def benchmark(examples: Path, incidents: Path | None, size: int, settings: Settings, rounds: int = 1) -> BenchResult:
    with tempfile.TemporaryDirectory(prefix="sitroom-bench-") as folder:
        workdir = Path(folder)
        corpus = workdir / "corpus.jsonl"
        articles = build_corpus(examples, incidents, size, corpus)
        return run(corpus, articles, settings, workdir, rounds)


def record(result: BenchResult, command: str, docs: Path) -> None:
    """Add the result as the last row of the speed table in ``docs`` (the table is made if missing)."""
    marker = "<!-- bench rows: `make bench` adds a row below -->"
    header = [
        "| date | command | articles | bare/s | full/s | full2/s | full_over_bare | scaling_2_over_1 | peak_rss_mb |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    row = (
        f"| {dt.date.today().isoformat()} | `{command}` | {result.articles} | {result.bare_articles_per_s} | "
        f"{result.full_articles_per_s} | {result.full2_articles_per_s} | {result.full_over_bare} | "
        f"{result.scaling_2_over_1} | {result.peak_rss_mb} |"
    )
    lines = docs.read_text(encoding="utf-8").splitlines() if docs.exists() else []
    if marker not in lines:
        lines += ["", "## Speed (issue 8)", "", marker, *header]
    at = lines.index(marker) + 1
    while at < len(lines) and lines[at].startswith("|"):
        at += 1
    lines.insert(at, row)
    docs.write_text("\n".join(lines) + "\n", encoding="utf-8")
