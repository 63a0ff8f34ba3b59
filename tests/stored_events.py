"""What a database holds, summarised for comparing two runs over the same input (engines, workers)."""

from __future__ import annotations

from pathlib import Path

from sitroom.store import EventFilter, EventStore


def stored_events(db: Path) -> list[tuple[object, ...]]:
    """Every stored event's id, type, sources, date, place, fatalities and number of mentions, sorted."""
    with EventStore(db, read_only=True) as store:
        return sorted(
            (e.id, e.sub_event_type, e.sources, e.date, e.place.name if e.place else None,
             e.fatalities_low, e.fatalities, e.fatalities_high, len(e.mentions))
            for e in store.events(EventFilter(include_history=True))
        )  # fmt: skip
