"""Fusion in the store: incremental, independent of ingest order, explained, and open to the user's
split and merge decisions, which survive re-runs and later ingests."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from sitroom.errors import StoreError
from sitroom.model import Event
from sitroom.pipeline import Coded, Coder, ingest
from sitroom.settings import Settings
from sitroom.store import EventFilter, EventStore


def _coded(examples: Path, coder: Coder) -> list[Coded]:
    from sitroom.clean import clean_article
    from sitroom.ingest import Ingested, read_inputs

    articles = [a for r in read_inputs([examples]) if isinstance(r, Ingested) for a in clean_article(r.article)]
    return list(coder.code(articles))


def _snapshot(db: Path) -> list[tuple[str, tuple[str, ...], tuple[object, ...]]]:
    with EventStore(db, read_only=True) as store:
        events = store.events(EventFilter(include_history=True))
    return sorted(
        (e.id, tuple(sorted(m.id for m in e.mentions)), (e.fatalities_low, e.fatalities, e.fatalities_high))
        for e in events
    )


def _all(db: Path) -> list[Event]:
    with EventStore(db, read_only=True) as store:
        return store.events(EventFilter(include_history=True))


def _kirkuk_strike(db: Path) -> Event:
    (event,) = [e for e in _all(db) if e.sub_event_type == "Air/drone strike" and e.place and e.place.name == "Kirkuk"]
    return event


@pytest.fixture(scope="module")
def coded(examples: Path, coder: Coder) -> list[Coded]:
    return _coded(examples, coder)


def test_ingest_order_does_not_change_the_events(coded: list[Coded], tmp_path: Path) -> None:
    whole = tmp_path / "whole.duckdb"
    with EventStore(whole) as store:
        store.write_batch([c.article for c in coded], [m for c in coded for m in c.mentions])
    expected = _snapshot(whole)
    assert len(expected) >= 15
    for seed in range(4):
        order = list(coded)
        random.Random(seed).shuffle(order)
        db = tmp_path / f"order-{seed}.duckdb"
        with EventStore(db) as store:
            for article in order:  # one article a batch: each fuses with the events already stored
                store.write_batch([article.article], article.mentions)
        assert _snapshot(db) == expected, [c.article.id for c in order]


def test_the_kirkuk_strike_is_one_event_with_both_reports_and_reasons(coded: list[Coded], tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    with EventStore(db) as store:
        for article in reversed(coded):
            store.write_batch([article.article], article.mentions)
    event = _kirkuk_strike(db)
    assert event.sources == ("000_5a2efb6d2c4bef1a", "002_f93fea5c4e1dda40")
    assert (event.fatalities_low, event.fatalities_high) == (15, 20)
    links = {link.mention_id: link for link in event.links}
    assert {m.id for m in event.mentions} == set(links)
    joined = [link for link in links.values() if link.joined is not None]
    assert len(joined) == 1 and 0.5 < joined[0].score <= 1
    assert any(r.startswith("places agree: Kirkuk") for r in joined[0].reasons)
    assert any(r.startswith("dates agree") for r in joined[0].reasons)


def test_a_split_and_a_merge_survive_re_runs_and_later_ingests(
    examples: Path, settings: Settings, coder: Coder, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = [examples / f"{stem}.txt" for stem in ("000_5a2efb6d2c4bef1a", "002_f93fea5c4e1dda40")]
    ingest(first, settings, coder=coder)
    strike = _kirkuk_strike(settings.db_path)
    taken = next(m for m in strike.mentions if m.article_id == "000_5a2efb6d2c4bef1a")
    with EventStore(settings.db_path) as store:
        parts = store.split(strike.id, taken.id)
    assert sorted(len(e.mentions) for e in parts) == [1, 1]

    def kirkuk_strikes() -> list[Event]:
        return [e for e in _all(settings.db_path) if e.sub_event_type == "Air/drone strike" and e.place
                and e.place.name == "Kirkuk"]  # fmt: skip

    ingest(first, settings, coder=coder)  # a re-run
    ingest([examples], settings, coder=coder)  # later articles
    monkeypatch.setattr(Coder, "fingerprint", "a-newer-sitroom")
    ingest([examples], settings, coder=Coder(settings, coder.gazetteer))  # everything coded again
    assert sorted(len(e.sources) for e in kirkuk_strikes()) == [1, 1]

    ids = [e.id for e in kirkuk_strikes()]
    with EventStore(settings.db_path) as store:
        (merged,) = store.merge(ids)
    assert merged.sources == ("000_5a2efb6d2c4bef1a", "002_f93fea5c4e1dda40")
    assert any(link.by_user for link in merged.links)
    ingest([examples], settings, coder=Coder(settings, coder.gazetteer))
    assert [e.sources for e in kirkuk_strikes()] == [("000_5a2efb6d2c4bef1a", "002_f93fea5c4e1dda40")]


def test_decisions_on_what_is_not_there_are_refused(examples: Path, settings: Settings, coder: Coder) -> None:
    ingest([examples / "002_f93fea5c4e1dda40.txt"], settings, coder=coder)
    some = _all(settings.db_path)[0]
    with EventStore(settings.db_path) as store:
        with pytest.raises(StoreError, match="no event 'IRQ00000000'"):
            store.split("IRQ00000000", "m-0")
        with pytest.raises(StoreError, match="has no mention 'm-0'"):
            store.split(some.id, "m-0")
        with pytest.raises(StoreError, match="two different event ids"):
            store.merge([some.id, some.id])
        assert store.decisions() == []


def test_a_database_from_before_explained_fusion_is_fused_anew(coded: list[Coded], tmp_path: Path) -> None:
    import duckdb

    db = tmp_path / "old.duckdb"
    with EventStore(db) as store:
        store.write_batch([c.article for c in coded], [m for c in coded for m in c.mentions])
    expected = _snapshot(db)
    with duckdb.connect(str(db)) as raw:  # as schema 4 left it: no blocking columns, events without reasons
        raw.execute("UPDATE mentions SET event_type = NULL, country = NULL, mention_date = NULL, historical = NULL")
        raw.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
        raw.execute("DELETE FROM events")
    with EventStore(db) as store:
        assert store.counts()["events"] == len(expected)
    assert _snapshot(db) == expected
    assert all(len(e.links) == len(e.mentions) for e in _all(db))
    with duckdb.connect(str(db), read_only=True) as raw:
        unfilled = raw.execute(
            "SELECT count(*) FROM mentions WHERE event_type IS NULL OR historical IS NULL"
        ).fetchone()
        dated = raw.execute("SELECT count(*) FROM mentions WHERE mention_date IS NOT NULL").fetchone()
    assert unfilled == (0,) and dated is not None and dated[0] > 0


def test_ingesting_the_files_in_another_order_gives_the_same_events(
    examples: Path, tmp_path: Path, coder: Coder
) -> None:
    files = sorted(examples.glob("*.txt"))
    snapshots = []
    for seed in (0, 1):
        order = list(files)
        random.Random(seed).shuffle(order)
        settings = Settings(db_path=tmp_path / f"ingest-{seed}.duckdb", batch_size=1)
        for path in order:  # one `sitroom ingest FILE` after another
            ingest([path], settings, coder=coder)
        snapshots.append(_snapshot(settings.db_path))
    whole = Settings(db_path=tmp_path / "whole.duckdb")
    ingest([examples], whole, coder=coder)
    assert snapshots[0] == snapshots[1] == _snapshot(whole.db_path)


def test_an_article_coded_again_leaves_no_event_of_a_mention_it_lost(coded: list[Coded], tmp_path: Path) -> None:
    db = tmp_path / "events.duckdb"
    article = next(c for c in coded if c.article.id == "002_f93fea5c4e1dda40")
    other = next(c for c in coded if c.article.id == "000_5a2efb6d2c4bef1a")
    with EventStore(db) as store:
        store.write_batch([other.article], other.mentions)
        store.write_batch([article.article], article.mentions)
        store.write_batch([article.article], article.mentions[:2])  # as a newer coder might read it
        kept = {m.id for m in store.mentions()}
    events = _all(db)
    assert {m.id for e in events for m in e.mentions} == kept
    assert len(kept) == len(other.mentions) + 2
