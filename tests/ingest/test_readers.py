"""Ingest: folders with manifests, JSONL/CSV collections, HTML, and bad files that are skipped with a reason."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sitroom.ingest import Ingested, Skipped, read_inputs
from sitroom.ingest.readers import content_id
from sitroom.model import TimePrecision


def _results(*paths: Path) -> list[Ingested | Skipped]:
    return list(read_inputs(paths))


def test_folder_uses_manifest_metadata_and_file_stems(examples: Path) -> None:
    results = _results(examples)
    articles = {r.article.id: r.article for r in results if isinstance(r, Ingested)}
    assert len(articles) == 5
    first = articles["000_5a2efb6d2c4bef1a"]
    assert first.published == dt.date(2016, 11, 1)
    assert first.outlet == "Countercurrents (reprint of a WSWS article)"
    assert articles["004_9ac2e0fc0982371c"].published_precision == TimePrecision.WEEK


def test_single_file_takes_its_entry_from_the_manifest_beside_it(examples: Path, tmp_path: Path) -> None:
    (result,) = _results(examples / "003_0c45055026b81138.txt")
    assert isinstance(result, Ingested) and result.article.published == dt.date(2014, 6, 16)
    lonely = tmp_path / "lonely.txt"
    lonely.write_text("Fighting continued in Mosul.", encoding="utf-8")
    (result,) = _results(lonely)
    assert isinstance(result, Ingested) and result.article.published is None


def test_jsonl_records_keep_given_ids_and_hash_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    rows = [{"id": "a1", "text": "Clashes in Mosul.", "published": "2016-10-20"}, {"text": "No id here."}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8")
    results = _results(path)
    ids = [r.article.id for r in results if isinstance(r, Ingested)]
    assert ids == ["a1", content_id("No id here.")]
    skipped = [r for r in results if isinstance(r, Skipped)]
    assert len(skipped) == 1 and skipped[0].source.endswith("articles.jsonl:3")


def test_csv_collection(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_text('id,title,text,published\nx1,T,"Shelling hit Aleppo on Monday.",2016-10-24\n', encoding="utf-8")
    (result,) = _results(path)
    assert isinstance(result, Ingested)
    assert result.article.id == "x1" and result.article.published == dt.date(2016, 10, 24)


def test_html_page_is_extracted(tmp_path: Path) -> None:
    body = "<p>" + "Iraqi troops entered the eastern outskirts of Mosul on Monday after heavy fighting. " * 6 + "</p>"
    page = f"<!DOCTYPE html><html><head><title>Mosul</title></head><body><nav>Home | About</nav><article>{body}</article></body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    (result,) = _results(path)
    assert isinstance(result, Ingested)
    assert "eastern outskirts of Mosul" in result.article.text
    assert "<p>" not in result.article.text


def test_bad_files_are_skipped_with_one_line_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 bombing in Mosul".encode("latin-1"))
    (tmp_path / "good.txt").write_text("Air strikes hit Raqqa on Sunday.", encoding="utf-8")
    results = _results(tmp_path)
    reasons = {Path(r.source).name: r.reason for r in results if isinstance(r, Skipped)}
    assert set(reasons) == {"empty.txt", "binary.txt", "latin1.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert all("\n" not in reason for reason in reasons.values())
    assert [r.article.id for r in results if isinstance(r, Ingested)] == ["good"]


def test_invalid_date_warns_and_keeps_the_article_undated(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Fighting in Tal Afar.", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(json.dumps({"file": "a.txt", "published": "2016-13-45"}), encoding="utf-8")
    (result,) = _results(tmp_path)
    assert isinstance(result, Ingested)
    assert result.article.published is None
    assert "a.txt" in result.warnings[0] and "invalid date" in result.warnings[0]


def test_missing_path_is_reported(tmp_path: Path) -> None:
    (result,) = _results(tmp_path / "nope")
    assert isinstance(result, Skipped) and "no such file" in result.reason
