"""Collections read as streams, one record at a time, so that memory does not grow with the file: JSONL and
CSV, plain or gzipped, and web archives (WARC, plain or gzipped, through warcio), of which the HTML and
plain-text responses are articles.

Each record comes out as ``(source, record)``, ``source`` naming it in messages ("file.jsonl.gz:12"), or as
``(source, problem)`` where it cannot be read; a problem with the file itself (not gzip, truncated, binary)
ends it with one such line.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from sitroom.ingest.decode import looks_binary

COLLECTION_SUFFIXES = {
    ".jsonl": "jsonl", ".jsonl.gz": "jsonl", ".csv": "csv", ".csv.gz": "csv", ".warc": "warc", ".warc.gz": "warc",
}  # fmt: skip
# A CSV cell may hold a whole article; the csv module's default limit is 128 KB.
CSV_FIELD_LIMIT = 64 * 1024 * 1024
_SNIFF_BYTES = 8192
_WARC_TEXT_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text"}

Record = tuple[str, dict[str, Any] | str]


class ReadMeter:
    """Bytes of input read so far, across files: what a progress bar estimates the time left from."""

    def __init__(self) -> None:
        self._done = 0
        self._current: IO[bytes] | None = None

    @property
    def bytes_read(self) -> int:
        current = self._current
        if current is None or current.closed:
            return self._done
        return self._done + current.tell()

    def started(self, raw: IO[bytes]) -> None:
        self._current = raw

    def finished(self, size: int) -> None:
        self._done += size
        self._current = None


def collection_kind(path: Path) -> str | None:
    """'jsonl', 'csv' or 'warc' where the file's name says it is a collection, else None."""
    name = path.name.lower()
    return next((kind for suffix, kind in COLLECTION_SUFFIXES.items() if name.endswith(suffix)), None)


def read_collection(path: Path, kind: str, meter: ReadMeter | None = None) -> Iterator[Record]:
    """The records of one collection file, streamed."""
    size = path.stat().st_size
    with _opened(path, meter) as stream:
        try:
            head = stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]  # type: ignore[attr-defined]
            if not head.strip():
                yield str(path), "file is empty"
                return
            if kind != "warc" and looks_binary(head):
                yield str(path), "file holds binary data, not JSONL or CSV text"
                return
            if kind == "jsonl":
                yield from _jsonl(path, stream)
            elif kind == "csv":
                yield from _csv(path, stream)
            else:
                yield from _warc(path, stream)
        except (gzip.BadGzipFile, zlib.error) as exc:
            yield str(path), f"not a readable gzip file ({exc}); check that it is whole"
        except EOFError:
            yield str(path), "the gzip stream ends early: the file is truncated"
    if meter is not None:
        meter.finished(size)


@contextmanager
def _opened(path: Path, meter: ReadMeter | None) -> Iterator[IO[bytes]]:
    with path.open("rb") as raw:
        if meter is not None:
            meter.started(raw)
        if path.name.lower().endswith(".gz"):
            with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                yield unzipped  # type: ignore[misc]
        else:
            yield raw


def _jsonl(path: Path, stream: IO[bytes]) -> Iterator[Record]:
    for number, raw in enumerate(stream, start=1):
        source = f"{path}:{number}"
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield source, f"cannot decode as UTF-8 at byte {exc.start} of the line; re-save the file as UTF-8"
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield source, f"invalid JSON ({exc.msg})"
            continue
        if not isinstance(record, dict):
            yield source, "line is not a JSON object"
            continue
        yield source, record


def _csv(path: Path, stream: IO[bytes]) -> Iterator[Record]:
    csv.field_size_limit(CSV_FIELD_LIMIT)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.DictReader(text)
    try:
        if not reader.fieldnames or not {"text", "html"} & set(reader.fieldnames):
            yield str(path), "CSV has no 'text' or 'html' column"
            return
        for row in reader:
            yield f"{path}:{reader.line_num}", {k: v for k, v in row.items() if k is not None}
    except UnicodeDecodeError as exc:
        yield f"{path}:{reader.line_num + 1}", f"cannot decode as UTF-8 (byte {exc.start}); re-save the file as UTF-8"
    except csv.Error as exc:
        yield f"{path}:{reader.line_num}", f"malformed CSV ({exc})"
    finally:
        text.detach()  # the stream is closed by its owner


def _warc(path: Path, stream: IO[bytes]) -> Iterator[Record]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            field = _WARC_TEXT_TYPES.get(content_type.split(";")[0].strip())
            status = record.http_headers.get_statuscode()
            if field is None or not str(status).startswith("2"):
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI")
            record_id = record.rec_headers.get_header("WARC-Record-ID") or uri or ""
            body = record.content_stream().read()
            source = f"{path}:{uri or record_id}"
            yield (
                source,
                {
                    field: body.decode(_charset(content_type), errors="replace"),
                    "url": uri,
                    "id": "warc-" + hashlib.sha1(record_id.encode("utf-8")).hexdigest()[:16],
                },
            )
    except ArchiveLoadFailed as exc:
        yield str(path), f"not a readable WARC file ({str(exc).splitlines()[0]})"


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key == "charset" and value:
            name = value.strip("\"'")
            try:
                "".encode(name)
            except LookupError:
                break
            return name
    return "utf-8"
