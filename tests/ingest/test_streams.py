"""Ingest: collections read as streams (JSONL, CSV and WARC, plain or gzipped), with one-line problems."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitroom.ingest import Ingested, Skipped, read_inputs
from sitroom.ingest.streams import ReadMeter

PAGE = """<html><head><title>Clashes near Mosul</title></head><body><article>
<h1>Clashes near Mosul</h1><p>Iraqi forces clashed with Islamic State fighters on the eastern outskirts of
Mosul on Monday, officials said. At least five soldiers were killed in the fighting near Bazwaya.</p>
<p>The offensive to retake the city began last week with the support of US-led air strikes.</p>
</article></body></html>"""


def _jsonl(records: list[object]) -> bytes:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records).encode("utf-8")


def test_gzipped_jsonl_is_read_line_by_line_with_bad_lines_named(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl.gz"
    path.write_bytes(gzip.compress(_jsonl([
        {"id": "a", "text": "Air strikes hit Raqqa on Sunday.", "published": "2017-06-25"},
        "{not json",
        {"id": "b", "text": "A car bomb exploded in Baghdad.", "outlet": "Reuters"},
    ])))  # fmt: skip
    results = list(read_inputs([path]))
    assert [r.article.id for r in results if isinstance(r, Ingested)] == ["a", "b"]
    (bad,) = [r for r in results if isinstance(r, Skipped)]
    assert bad.source == f"{path}:2" and "invalid JSON" in bad.reason


def test_gzipped_csv_with_a_long_article(tmp_path: Path) -> None:
    long_text = "Fighting continued in Mosul. " * 8000  # over the csv module's default field limit
    path = tmp_path / "articles.csv.gz"
    body = io.StringIO()
    body.write("id,text,published\r\n")
    body.write(f'long,"{long_text}",2016-10-20\r\nshort,"Clashes in ""Tal Afar"" on Monday.",2016-10-21\r\n')
    path.write_bytes(gzip.compress(body.getvalue().encode("utf-8")))
    articles = [r.article for r in read_inputs([path]) if isinstance(r, Ingested)]
    assert [a.id for a in articles] == ["long", "short"]
    assert len(articles[0].text) == len(long_text) and articles[1].text == 'Clashes in "Tal Afar" on Monday.'


def test_broken_gzip_files_get_one_line_each(tmp_path: Path) -> None:
    whole = gzip.compress(_jsonl([{"id": str(i), "text": f"Report {i} from Mosul."} for i in range(2000)]))
    (tmp_path / "truncated.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "plain.jsonl.gz").write_bytes(_jsonl([{"id": "x", "text": "Not compressed at all."}]))
    (tmp_path / "binary.jsonl").write_bytes(bytes(range(256)) * 4)
    results = list(read_inputs([tmp_path]))
    problems = {Path(r.source).name: r.reason for r in results if isinstance(r, Skipped)}
    assert set(problems) == {"truncated.jsonl.gz", "plain.jsonl.gz", "binary.jsonl"}
    assert "truncated" in problems["truncated.jsonl.gz"] and "gzip" in problems["plain.jsonl.gz"]
    assert "binary" in problems["binary.jsonl"]
    assert 0 < sum(isinstance(r, Ingested) for r in results) < 2000  # what came before the cut is kept


def test_warc_html_responses_are_articles(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for uri, content_type, body in (
            ("https://news.example/mosul", "text/html; charset=utf-8", PAGE.encode("utf-8")),
            ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))  # fmt: skip
        writer.write_record(writer.create_warc_record("https://news.example/mosul", "request",
                                                      payload=io.BytesIO(b"GET /mosul HTTP/1.1\r\n\r\n")))  # fmt: skip
    (result,) = list(read_inputs([path]))
    assert isinstance(result, Ingested)
    article = result.article
    assert article.url == "https://news.example/mosul" and article.id.startswith("warc-")
    assert "eastern outskirts of Mosul" in article.text and "<p>" not in article.text
    assert [r.article.id for r in read_inputs([path]) if isinstance(r, Ingested)] == [article.id]  # stable id


def test_a_collection_is_streamed_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl.gz"
    records = [{"id": str(i), "text": f"Report {i}: clashes in Mosul. " + "x" * 500} for i in range(5000)]
    path.write_bytes(gzip.compress(_jsonl(records), compresslevel=1))
    meter = ReadMeter()
    stream = read_inputs([path], meter)
    first = next(stream)
    assert isinstance(first, Ingested) and first.article.id == "0"
    assert meter.bytes_read < path.stat().st_size / 2  # only the start of the file has been read
    assert sum(1 for _ in stream) == 4999 and meter.bytes_read == path.stat().st_size
