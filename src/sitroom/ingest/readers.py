"""Find the articles behind input paths: single files, folders with a manifest, and collections (JSONL, CSV
and WARC, plain or gzipped, read as streams by :mod:`sitroom.ingest.streams`)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitroom.errors import InputError
from sitroom.ingest.dates import parse_precision, parse_published
from sitroom.ingest.decode import decode_text
from sitroom.ingest.html import extract_html, looks_like_html
from sitroom.ingest.streams import ReadMeter, collection_kind, read_collection
from sitroom.model import Article, TimePrecision

MANIFEST_NAME = "manifest.jsonl"
_METADATA_FIELDS = ("title", "url", "outlet", "published", "published_precision")


@dataclass(frozen=True, slots=True)
class Ingested:
    """An article read from its source, with any warnings about its metadata."""

    article: Article
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read, with the one-line reason."""

    source: str
    reason: str


IngestResult = Ingested | Skipped


def read_inputs(paths: Iterable[Path], meter: ReadMeter | None = None) -> Iterator[IngestResult]:
    """Yield an Ingested or Skipped result for every article found under ``paths``, in a stable order;
    ``meter`` counts the bytes read, for a progress bar."""
    for path in paths:
        if path.is_dir():
            yield from _read_folder(path, meter)
        elif path.exists():
            yield from _read_single(path, meter)
        else:
            yield Skipped(str(path), "no such file or folder")


def input_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files :func:`read_inputs` reads under ``paths`` (for the size of a run)."""
    for path in paths:
        if path.is_dir():
            yield from (p for p in sorted(path.rglob("*")) if _is_input(p))
        elif path.is_file():
            yield path


def _is_input(path: Path) -> bool:
    return path.is_file() and path.name != MANIFEST_NAME and not path.name.startswith(".")


def content_id(text: str) -> str:
    """An id derived from an article's text, for records that name none."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _read_single(path: Path, meter: ReadMeter | None) -> Iterator[IngestResult]:
    """One file; a manifest beside it still gives its outlet and publication date."""
    manifest_path = path.parent / MANIFEST_NAME
    if path.name == MANIFEST_NAME or not manifest_path.exists():
        yield from _read_path(path, {}, meter)
        return
    manifest, problems = _read_manifest(manifest_path)
    for problem in problems:
        yield Skipped(str(manifest_path), problem)
    yield from _read_path(path, manifest.get(path.name, {}), meter)


def _read_folder(folder: Path, meter: ReadMeter | None) -> Iterator[IngestResult]:
    manifest, problems = _read_manifest(folder / MANIFEST_NAME)
    for problem in problems:
        yield Skipped(str(folder / MANIFEST_NAME), problem)
    for path in sorted(folder.rglob("*")):
        if _is_input(path):
            yield from _read_path(path, manifest.get(path.relative_to(folder).as_posix(), {}), meter)


def _read_manifest(path: Path) -> tuple[dict[str, dict[str, Any]], list[str]]:
    if not path.exists():
        return {}, []
    entries: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            entries[str(entry["file"])] = entry
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            problems.append(f"line {number}: not a manifest entry with a 'file' field ({exc})")
    return entries, problems


def _read_path(path: Path, meta: Mapping[str, Any], meter: ReadMeter | None) -> Iterator[IngestResult]:
    kind = collection_kind(path)
    if kind is not None:
        yield from _read_collection(path, kind, meter)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Skipped(str(path), f"cannot read file ({exc.strerror or exc})")
        return
    if meter is not None:
        meter.finished(len(data))
    try:
        text = decode_text(data, str(path))
    except InputError as exc:
        yield Skipped(exc.source, exc.problem)
        return
    yield _build(str(path), text, {"id": path.stem, **meta}, source_path=str(path))


def _read_collection(path: Path, kind: str, meter: ReadMeter | None) -> Iterator[IngestResult]:
    try:
        for source, record in read_collection(path, kind, meter):
            if isinstance(record, str):
                yield Skipped(source, record)
                continue
            yield article_from_record(source, record, source_path=str(path))
    except OSError as exc:
        yield Skipped(str(path), f"cannot read file ({exc.strerror or exc})")


def article_from_record(source: str, record: Mapping[str, Any], source_path: str | None = None) -> IngestResult:
    """An article from one JSONL or CSV record ("text" or "html", and metadata fields such as "id",
    "published" and "outlet"); ``source`` names it in messages ("file.jsonl:12")."""
    body = record.get("text") or record.get("html") or ""
    if not isinstance(body, str) or not body.strip():
        return Skipped(source, "record has no 'text' or 'html'")
    return _build(source, body, record, source_path=source_path or source)


def _build(source: str, body: str, record: Mapping[str, Any], source_path: str) -> IngestResult:
    warnings: list[str] = []
    meta = {k: record.get(k) or None for k in _METADATA_FIELDS}
    if looks_like_html(body) or ("html" in record and not record.get("text")):
        try:
            page = extract_html(body, source)
        except InputError as exc:
            return Skipped(exc.source, exc.problem)
        body = page.text
        meta["title"] = meta["title"] or page.title
        meta["url"] = meta["url"] or page.url
        meta["published"] = meta["published"] or page.published
    published, precision = _published(meta, source, warnings)
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    article = Article(
        id=str(record.get("id") or content_id(text)),
        text=text,
        title=meta["title"],
        url=meta["url"],
        outlet=meta["outlet"],
        published=published,
        published_precision=precision,
        source_path=source_path,
        content_hash=hashlib.sha1(text.encode("utf-8")).hexdigest(),
    )
    return Ingested(article, tuple(warnings))


def _published(meta: Mapping[str, Any], source: str, warnings: list[str]) -> tuple[dt.date | None, TimePrecision]:
    raw = meta.get("published")
    if not raw:
        return None, TimePrecision.DAY
    try:
        date, precision = parse_published(str(raw))
        return date, parse_precision(meta.get("published_precision"), precision)
    except ValueError as exc:
        warnings.append(f"{source}: {exc}; the article is kept without a publication date")
        return None, TimePrecision.DAY
