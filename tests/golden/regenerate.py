"""Rewrite golden/mosul-2016.jsonl from the current code; review every changed line by eye before committing.

Run: .venv/bin/python -m tests.golden.regenerate
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from sitroom.pipeline import ingest
from sitroom.settings import Settings
from sitroom.store import EventFilter, EventStore
from tests.golden.golden import sort_key, summarise

HERE = Path(__file__).parent
EXAMPLES = HERE.parents[1] / "examples" / "mosul-2016"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db_path=Path(tmp) / "golden.duckdb")
        ingest([EXAMPLES], settings)
        with EventStore(settings.db_path, read_only=True) as store:
            rows = sorted((summarise(e) for e in store.events(EventFilter(include_history=True))), key=sort_key)
    reviews = _existing_reviews()
    with (HERE / "mosul-2016.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            row["review"] = reviews.get(json.dumps(sort_key(row)), "UNREVIEWED")
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def _existing_reviews() -> dict[str, str]:
    path = HERE / "mosul-2016.jsonl"
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {json.dumps(sort_key(r)): r.get("review", "UNREVIEWED") for r in rows}


if __name__ == "__main__":
    main()
