"""Golden whole-corpus test: the example corpus must code to exactly the reviewed events.

Each line of mosul-2016.jsonl carries a hand review ("correct", or what is wrong). A change in the output
fails this test; regenerate with `python -m tests.golden.regenerate`, then review every changed line.
"""

from __future__ import annotations

import json
from pathlib import Path

from sitroom.pipeline import Coder, ingest
from sitroom.settings import Settings
from sitroom.store import EventFilter, EventStore
from tests.golden.golden import sort_key, summarise

GOLDEN = Path(__file__).with_name("mosul-2016.jsonl")


def _golden() -> list[dict[str, object]]:
    return [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_example_corpus_matches_reviewed_golden(examples: Path, settings: Settings, coder: Coder) -> None:
    ingest([examples], settings, coder=coder)
    with EventStore(settings.db_path, read_only=True) as store:
        rows = sorted((summarise(e) for e in store.events(EventFilter(include_history=True))), key=sort_key)
    expected = [{k: v for k, v in row.items() if k != "review"} for row in _golden()]
    assert rows == expected


def test_every_golden_line_is_reviewed() -> None:
    assert all(row.get("review") not in (None, "", "UNREVIEWED") for row in _golden())


def test_golden_meets_the_demo_contract() -> None:
    listed = [r for r in _golden() if not r["historical"]]
    located = [r for r in listed if r["geo_precision"] in (1, 2) and r["date"]]
    assert len(located) >= 15
