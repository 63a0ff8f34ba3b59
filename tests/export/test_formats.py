"""Export: the ACLED CSV contract, GeoJSON features and JSONL round-trips."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from sitroom.export import ACLED_COLUMNS, SITROOM_COLUMNS, write_events
from sitroom.pipeline import Coder, ingest
from sitroom.settings import Settings
from sitroom.store import EventStore

CONTRACT = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
    "sources",
    "evidence",
    "fatalities_low",
    "fatalities_high",
    "injured",
    "certainty",
]


def test_exports(examples: Path, settings: Settings, coder: Coder, tmp_path: Path) -> None:
    ingest([examples], settings, coder=coder)
    with EventStore(settings.db_path, read_only=True) as store:
        events = store.events()
        outlets = store.outlets()
    assert [*ACLED_COLUMNS, *SITROOM_COLUMNS] == CONTRACT
    write_events(events, "acled-csv", tmp_path / "e.csv", outlets)
    with (tmp_path / "e.csv").open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == CONTRACT
        rows = list(reader)
    assert len(rows) == len(events) and not any(r["event_date"] == "" for r in rows)
    kirkuk = next(r for r in rows if r["location"] == "Kirkuk" and r["sub_event_type"] == "Air/drone strike")
    assert kirkuk["fatalities"] == "15" and kirkuk["fatalities_low"] == "15" and kirkuk["fatalities_high"] == "20"
    assert kirkuk["sources"] == "000_5a2efb6d2c4bef1a;002_f93fea5c4e1dda40" and "World Socialist" in kirkuk["source"]
    assert kirkuk["iso"] == "368" and kirkuk["region"] == "Middle East" and kirkuk["civilian_targeting"]

    write_events(events, "geojson", tmp_path / "e.geojson", outlets)
    collection = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))
    assert len(collection["features"]) == len(events)
    point = next(f for f in collection["features"] if f["geometry"])
    assert point["geometry"]["type"] == "Point" and set(CONTRACT) <= set(point["properties"])

    write_events(events, "jsonl", tmp_path / "e.jsonl", outlets)
    lines = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["id"] for line in lines} == {e.id for e in events}
