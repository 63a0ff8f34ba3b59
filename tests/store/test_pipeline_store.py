"""Store and pipeline: idempotent re-runs, duplicates kept as sources, atomic batches, kill -9 and resume."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from sitroom.errors import StoreError
from sitroom.model import Article
from sitroom.pipeline import Coder, ingest, near_duplicate_index_path
from sitroom.settings import Settings
from sitroom.store import EventFilter, EventStore
from tests.stored_events import stored_events


def _event_ids(db: Path) -> list[str]:
    with EventStore(db, read_only=True) as store:
        return sorted(e.id for e in store.events(EventFilter(include_history=True)))


def test_reingest_adds_nothing(examples: Path, settings: Settings, coder: Coder) -> None:
    first = ingest([examples], settings, coder=coder)
    before = _event_ids(settings.db_path)
    second = ingest([examples], settings, coder=coder)
    assert first.read == 5 and first.coded == 5 and len(before) >= 15
    assert second.unchanged == 5 and second.coded == 0
    assert _event_ids(settings.db_path) == before


def test_articles_coded_by_another_version_are_coded_again(
    examples: Path, settings: Settings, coder: Coder, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest([examples], settings, coder=coder)
    before = _event_ids(settings.db_path)
    upgraded = Coder(settings, coder.gazetteer)
    monkeypatch.setattr(Coder, "fingerprint", "a-newer-sitroom")  # as after an upgrade of code, data or model
    again = ingest([examples], settings, coder=upgraded)
    assert again.unchanged == 0 and again.coded == 5
    assert _event_ids(settings.db_path) == before  # same code, same events: nothing doubled
    assert ingest([examples], settings, coder=upgraded).unchanged == 5


def test_syndicated_copy_is_linked_not_coded(examples: Path, tmp_path: Path, settings: Settings, coder: Coder) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(examples / "001_e13b050aafb0a1da.txt", folder / "original.txt")
    text = (examples / "001_e13b050aafb0a1da.txt").read_text(encoding="utf-8")
    (folder / "reprint.txt").write_text(
        "Reprinted from WSWS\n\n" + text.replace("Tuesday", "Tuesday,"), encoding="utf-8"
    )
    report = ingest([folder], settings, coder=coder)
    assert report.duplicates == 1 and report.coded == 1
    with EventStore(settings.db_path, read_only=True) as store:
        assert store.article("reprint")["duplicate_of"] == "original"  # type: ignore[index]
        events = store.events(EventFilter(include_history=True))
    assert events and all(e.sources == ("original",) and e.copies == ("reprint",) for e in events)


@pytest.mark.parametrize("index_lost", [False, True])
def test_a_copy_ingested_in_a_later_run_is_found(
    examples: Path, tmp_path: Path, settings: Settings, coder: Coder, index_lost: bool
) -> None:
    original = tmp_path / "original.txt"
    shutil.copy(examples / "001_e13b050aafb0a1da.txt", original)
    ingest([original], settings, coder=coder)
    index = near_duplicate_index_path(settings.db_path)
    assert index.exists()  # the index is kept beside the database, not rebuilt in memory each run
    if index_lost:
        index.unlink()  # rebuilt from the stored articles
    reprint = tmp_path / "reprint.txt"
    reprint.write_text("Reprinted from WSWS\n\n" + original.read_text(encoding="utf-8"), encoding="utf-8")
    report = ingest([reprint], settings, coder=coder)
    assert report.duplicates == 1 and report.coded == 0
    with EventStore(settings.db_path, read_only=True) as store:
        assert store.article("reprint")["duplicate_of"] == "original"  # type: ignore[index]


def test_which_copy_is_coded_does_not_depend_on_ingest_order(examples: Path, tmp_path: Path, coder: Coder) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = (examples / "001_e13b050aafb0a1da.txt").read_text(encoding="utf-8")
    (folder / "a-wire.txt").write_text(text, encoding="utf-8")
    (folder / "b-reprint.txt").write_text(
        "Reprinted from WSWS\n\n" + text.replace("Tuesday", "Tuesday,"), encoding="utf-8"
    )
    outcomes = []
    for order in (["a-wire.txt", "b-reprint.txt"], ["b-reprint.txt", "a-wire.txt"]):
        settings = Settings(db_path=tmp_path / f"{order[0]}.duckdb", batch_size=1)
        for name in order:
            ingest([folder / name], settings, coder=coder)
        with EventStore(settings.db_path, read_only=True) as store:
            events = store.events(EventFilter(include_history=True))
            outcomes.append((
                store.article("a-wire")["duplicate_of"], store.article("b-reprint")["duplicate_of"],  # type: ignore[index]
                sorted((e.id, e.sources, e.copies) for e in events), store.counts()["mentions"],
            ))  # fmt: skip
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][:2] == (None, "a-wire") and outcomes[0][3] > 0
    assert all(sources == ("a-wire",) and copies == ("b-reprint",) for _, sources, copies in outcomes[0][2])


def test_article_glued_onto_a_page_is_a_duplicate_of_its_original(
    examples: Path, tmp_path: Path, settings: Settings, coder: Coder
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("000_5a2efb6d2c4bef1a.txt", "001_e13b050aafb0a1da.txt", "manifest.jsonl"):
        shutil.copy(examples / name, folder / name)
    host = folder / "000_5a2efb6d2c4bef1a.txt"
    host.write_text(
        host.read_text(encoding="utf-8") + "\n\n" + (folder / "001_e13b050aafb0a1da.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    report = ingest([folder], settings, coder=coder)
    assert report.duplicates == 1
    with EventStore(settings.db_path, read_only=True) as store:
        copy = store.article("000_5a2efb6d2c4bef1a~appended")
        assert copy is not None and copy["duplicate_of"] == "001_e13b050aafb0a1da" and copy["published"] is None
        host_text = str(store.article("000_5a2efb6d2c4bef1a")["text"])  # type: ignore[index]
        assert "Falah Mustafa Bakir" not in host_text
        events = store.events(EventFilter(include_history=True))
    assert not any("~appended" in source for e in events for source in e.sources)
    assert any(e.sources == ("001_e13b050aafb0a1da",) for e in events)


def test_a_page_given_twice_in_one_input_stores_its_glued_copy_once(
    examples: Path, tmp_path: Path, settings: Settings, coder: Coder
) -> None:
    host = (examples / "000_5a2efb6d2c4bef1a.txt").read_text(encoding="utf-8")
    glued = (examples / "001_e13b050aafb0a1da.txt").read_text(encoding="utf-8")
    page = {"id": "page", "text": f"{host}\n\n{glued}", "published": "2016-10-17"}
    source = tmp_path / "pages.jsonl"
    source.write_text(json.dumps(page) + "\n" + json.dumps(page) + "\n", encoding="utf-8")
    report = ingest([source], settings, coder=coder)
    assert report.read == 2 and report.unchanged == 2  # the page's two parts, read again
    with EventStore(settings.db_path, read_only=True) as store:
        assert store.article("page~appended") is not None and store.counts()["articles"] == 2


def test_failed_batch_leaves_database_unchanged(examples: Path, settings: Settings, coder: Coder) -> None:
    ingest([examples / "000_5a2efb6d2c4bef1a.txt"], settings, coder=coder)
    before = _event_ids(settings.db_path)

    class Broken(Coder):
        def code(self, articles):  # type: ignore[no-untyped-def]
            for coded in super().code(articles):
                broken = (*coded.mentions, dataclasses.replace(coded.mentions[0], id=None))
                yield dataclasses.replace(coded, mentions=broken)  # type: ignore[arg-type]

    broken = Broken(settings)
    broken.__dict__.update({k: v for k, v in coder.__dict__.items() if k != "settings"})
    with pytest.raises(StoreError, match="cannot write batch"):
        ingest([examples / "002_f93fea5c4e1dda40.txt"], settings, coder=broken)
    assert _event_ids(settings.db_path) == before


def test_parse_batches_are_stored_together_up_to_the_commit_size(
    examples: Path, tmp_path: Path, coder: Coder, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored: list[int] = []
    write_batch = EventStore.write_batch

    def counted(self: EventStore, articles, *args, **kwargs):  # type: ignore[no-untyped-def]
        stored.append(len(articles))
        write_batch(self, articles, *args, **kwargs)

    monkeypatch.setattr(EventStore, "write_batch", counted)
    settings = Settings(db_path=tmp_path / "events.duckdb", batch_size=1, commit_size=3)
    report = ingest([examples], settings, coder=coder)
    assert stored == [3, 1, 1] and report.coded == 5  # the batches left at the end stored as each is coded
    assert _event_ids(settings.db_path) == _event_ids_of_a_run(examples, tmp_path, coder, commit_size=1)


def _event_ids_of_a_run(examples: Path, tmp_path: Path, coder: Coder, commit_size: int) -> list[str]:
    settings = Settings(db_path=tmp_path / f"commit-{commit_size}.duckdb", batch_size=1, commit_size=commit_size)
    ingest([examples], settings, coder=coder)
    return _event_ids(settings.db_path)


def test_an_id_given_twice_in_one_input_is_stored_once(examples: Path, tmp_path: Path, coder: Coder) -> None:
    text = (examples / "001_e13b050aafb0a1da.txt").read_text(encoding="utf-8")
    source = tmp_path / "in.jsonl"
    rows = [{"id": "a", "text": text}, {"id": "a", "text": text}, {"id": "a", "text": text + "\n\nA new paragraph."}]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    settings = Settings(db_path=tmp_path / "events.duckdb", batch_size=2)
    report = ingest([source], settings, coder=coder)
    assert (report.read, report.coded, report.unchanged, report.skipped) == (3, 1, 1, 1)
    assert any("second article with id 'a'" in w and "in.jsonl" in w for w in report.warnings)
    with EventStore(settings.db_path, read_only=True) as store:
        assert store.counts()["articles"] == 1
        assert "A new paragraph" not in store.texts_of(["a"])[0][1]  # the first keeps the id


def test_killed_ingest_resumes_to_the_same_events(examples: Path, tmp_path: Path, coder: Coder) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for copy in range(4):  # 20 distinct articles, so the kill lands mid-run
        for source in sorted(examples.glob("*.txt")):
            text = source.read_text(encoding="utf-8")
            (corpus / f"{copy}-{source.name}").write_text(f"Edition {copy}: {text}", encoding="utf-8")
    reference = Settings(db_path=tmp_path / "reference.duckdb", batch_size=1, duplicate_threshold=1.1)
    ingest([corpus], reference, coder=coder)

    db = tmp_path / "killed.duckdb"
    env = {**os.environ, "SITROOM_BATCH_SIZE": "1", "SITROOM_COMMIT_SIZE": "1", "SITROOM_DUPLICATE_THRESHOLD": "1.1"}
    cmd = [sys.executable, "-m", "sitroom", "ingest", str(corpus), "--db", str(db), "--quiet"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for_some_articles(db, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with EventStore(db, read_only=True) as store:
        partial = store.counts()["articles"]
    assert 0 < partial < 20

    settings = Settings(db_path=db, batch_size=1, duplicate_threshold=1.1)
    report = ingest([corpus], settings, coder=coder)
    assert report.unchanged == partial and report.coded == 20 - partial
    assert _event_ids(db) == _event_ids(reference.db_path)


def _wait_for_some_articles(db: Path, proc: subprocess.Popen[bytes]) -> None:
    """Poll the WAL size: DuckDB's lock keeps readers out while the writer runs."""
    deadline = time.monotonic() + 120
    wal = db.with_name(db.name + ".wal")
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists() and ((wal.exists() and wal.stat().st_size > 200_000) or db.stat().st_size > 1_500_000):
            return
        time.sleep(0.05)
    raise AssertionError("ingest finished or stalled before it could be killed")


def test_a_database_from_schema_1_gains_the_inferred_date_column(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as db:
        db.execute(
            "CREATE TABLE articles (id VARCHAR PRIMARY KEY, title VARCHAR, url VARCHAR, outlet VARCHAR, published DATE,"
            " published_precision INTEGER, source_path VARCHAR, content_hash VARCHAR, text VARCHAR,"
            " embedded_in VARCHAR, duplicate_of VARCHAR, removed_lines INTEGER, ingested_at TIMESTAMP)"
        )
        db.execute("INSERT INTO articles (id, text) VALUES ('kept', 'an article stored before the upgrade')")
    with EventStore(path) as store:
        store.write_batch([Article(id="new", text="text", published_inferred_from="29 October 2016")], [])
        assert store.article("kept") is not None
        assert (store.article("new") or {})["published_inferred_from"] == "29 October 2016"


def test_statements_are_stored_apart_from_events(examples: Path, settings: Settings, coder: Coder) -> None:
    ingest([examples / "004_9ac2e0fc0982371c.txt"], settings, coder=coder)
    ingest([examples / "004_9ac2e0fc0982371c.txt"], settings, coder=coder)  # a re-run stores nothing twice
    with EventStore(settings.db_path, read_only=True) as store:
        statements = store.statements("004_9ac2e0fc0982371c")
        threats = [s for s in statements if s.kind == "threat" and s.speaker == "Trump"]
        assert len(threats) == 1 and threats[0].sentence.startswith("Trump threatened to bomb regime targets")
        assert len({s.id for s in statements}) == len(statements) == store.counts()["statements"]
        (displaced,) = store.figures("displaced")  # "The 'liberation' has displaced hundreds of thousands"
        assert (displaced.best, displaced.qualifier) == (100_000, "hundreds of thousands")
        assert displaced.place is not None and displaced.date is not None
        mentions = store.mentions()
    assert not any(m.sentence.startswith("Trump threatened") for m in mentions)


def test_figures_are_listed_as_series_with_their_as_of_dates(examples: Path, settings: Settings, coder: Coder) -> None:
    ingest([examples / "000_5a2efb6d2c4bef1a.txt", examples / "002_f93fea5c4e1dda40.txt"], settings, coder=coder)
    with EventStore(settings.db_path, read_only=True) as store:
        in_mosul = store.figures("displaced", place="mosul")
        in_iraq = store.figures("displaced", place="Iraq")
    # "More than 5,600 have fled their homes since the advance began October 17": counted from 17 October,
    # given on 24 October, in an article about Mosul that names no town in the sentence; "has already forced
    # more than 17,000 civilians to flee": a total as of publication, 1 November
    assert [(f.best, f.qualifier, f.date, f.provenance.article_id) for f in in_mosul] == [
        (5_600, "more than", dt.date(2016, 10, 24), "002_f93fea5c4e1dda40"),
        (17_000, "more than", dt.date(2016, 11, 1), "000_5a2efb6d2c4bef1a"),
    ]
    assert in_mosul[0].place is not None and "main town" in (in_mosul[0].place.note or "")
    assert all(f in in_iraq for f in in_mosul)  # a town's figures are its country's too


def test_conflicting_populations_are_set_side_by_side(examples: Path, settings: Settings, coder: Coder) -> None:
    from sitroom.fuse.series import conflicts

    ingest([examples], settings, coder=coder)
    with EventStore(settings.db_path, read_only=True) as store:
        populations = store.figures("population", place="Mosul")
        displaced = store.figures("displaced", place="Mosul")
    # "a city with an estimated population of 1.3 million" (001) and "the northern Iraqi city of 1.5 million
    # people" (002): both Mosul, the town each article is about
    assert [(f.best, f.provenance.article_id) for f in populations] == [
        (1_300_000, "001_e13b050aafb0a1da"), (1_500_000, "002_f93fea5c4e1dda40"),
    ]  # fmt: skip
    assert [[o.best for o in others] for others in conflicts(populations)] == [[1_500_000], [1_300_000]]
    assert not any(conflicts(displaced))  # a series that grows contradicts nothing


def test_two_workers_store_the_same_events_as_one(examples: Path, tmp_path: Path, coder: Coder) -> None:
    one = Settings(db_path=tmp_path / "one.duckdb", batch_size=2)
    ingest([examples], one, coder=coder)
    two = Settings(db_path=tmp_path / "two.duckdb", batch_size=2, workers=2)
    report = ingest([examples], two)
    assert report.coded == 5 and stored_events(two.db_path) == stored_events(one.db_path)
    with EventStore(two.db_path, read_only=True) as store:
        assert len(store.statements()) > 20 and len(store.figures()) >= 5
