"""The golden summary of a whole-corpus run: one line per event, in a stable order."""

from __future__ import annotations

from typing import Any

from sitroom.model import Event


def summarise(event: Event) -> dict[str, Any]:
    place = event.place
    return {
        "date": event.date.isoformat() if event.date else None,
        "time_precision": int(event.time_precision) if event.time_precision else None,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None,
        "location": place.name if place else None,
        "geo_precision": int(place.precision) if place else None,
        "fatalities": [event.fatalities_low, event.fatalities, event.fatalities_high],
        "sources": list(event.sources),
        "historical": event.historical,
        "trigger": event.mentions[0].trigger,
    }


def sort_key(row: dict[str, Any]) -> tuple[str, ...]:
    return (",".join(row["sources"]), row["date"] or "", row["sub_event_type"], row["trigger"], row["location"] or "")
