"""Write events as ACLED-compatible CSV, GeoJSON or JSONL; the column contract is in docs/formats.md."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

import pycountry

from sitroom.model import Actor, Event
from sitroom.store.codec import to_plain

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
SITROOM_COLUMNS = ("sources", "evidence", "fatalities_low", "fatalities_high", "injured", "certainty")
_CIVILIANS = 7


def event_row(event: Event, outlets: dict[str, str] | None = None) -> dict[str, Any]:
    """One event as a row of ACLED's columns followed by sitroom's."""
    place = event.place
    outlets = outlets or {}
    row: dict[str, Any] = {
        "event_id_cnty": event.id,
        "event_date": event.date.isoformat() if event.date else "",
        "year": event.date.year if event.date else "",
        "time_precision": int(event.time_precision) if event.time_precision else "",
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        **_actor_columns(event.actor1, "1"),
        **_actor_columns(event.actor2, "2"),
        "interaction": _interaction(event.actor1, event.actor2),
        "civilian_targeting": "Civilian targeting" if event.actor2 and event.actor2.inter == _CIVILIANS else "",
        "iso": _iso_numeric(place.iso3) if place else "",
        "region": place.region or "" if place else "",
        "country": place.country if place else "",
        "admin1": place.admin1 or "" if place else "",
        "admin2": place.admin2 or "" if place else "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": place.latitude if place and place.latitude is not None else "",
        "longitude": place.longitude if place and place.longitude is not None else "",
        "geo_precision": int(place.precision) if place else "",
        "source": "; ".join(dict.fromkeys(outlets.get(s, s) for s in (*event.sources, *event.copies))),
        "source_scale": "",
        "notes": _notes(event),
        "fatalities": event.fatalities if event.fatalities is not None else 0,
        "tags": "",
        "timestamp": int(dt.datetime.now(dt.UTC).timestamp()),
        "sources": ";".join(event.sources),
        "evidence": " | ".join(event.evidence),
        "fatalities_low": event.fatalities_low if event.fatalities_low is not None else "",
        "fatalities_high": event.fatalities_high if event.fatalities_high is not None else "",
        "injured": event.injured if event.injured is not None else "",
        "certainty": event.certainty,
    }
    return row


def _actor_columns(actor: Actor | None, n: str) -> dict[str, Any]:
    if actor is None:
        return {f"actor{n}": "", f"assoc_actor_{n}": "", f"inter{n}": ""}
    return {f"actor{n}": actor.name, f"assoc_actor_{n}": actor.parent or "", f"inter{n}": actor.inter or ""}


def _interaction(a: Actor | None, b: Actor | None) -> str:
    codes = sorted(x.inter for x in (a, b) if x is not None and x.inter is not None)
    if not codes:
        return ""
    return f"{codes[0]}{codes[1]}" if len(codes) == 2 else f"{codes[0]}0"


def _iso_numeric(iso3: str) -> int | str:
    country = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    return int(country.numeric) if country else ""


def _notes(event: Event) -> str:
    lead = event.mentions[0]
    parts = [lead.sentence.strip()]
    if event.place and event.place.note:
        parts.append(f"[location: {event.place.note}]")
    if lead.date_note:
        parts.append(f"[date: {lead.date_note}]")
    if lead.source_actor:
        parts.append(f"[according to: {lead.source_actor}]")
    return " ".join(parts)


def _write_csv(events: Sequence[Event], handle: IO[str], outlets: dict[str, str]) -> None:
    writer = csv.DictWriter(handle, fieldnames=[*ACLED_COLUMNS, *SITROOM_COLUMNS], lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(event_row(event, outlets))


def feature_collection(events: Sequence[Event], outlets: dict[str, str]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection: one Point feature per event (geometry null when only the country is
    known), the ACLED row as its properties."""
    features = []
    for event in events:
        place = event.place
        has_point = place is not None and place.latitude is not None and place.longitude is not None
        geometry = {"type": "Point", "coordinates": [place.longitude, place.latitude]} if has_point and place else None
        features.append(
            {"type": "Feature", "id": event.id, "geometry": geometry, "properties": event_row(event, outlets)}
        )
    return {"type": "FeatureCollection", "features": features}


def _write_geojson(events: Sequence[Event], handle: IO[str], outlets: dict[str, str]) -> None:
    json.dump(feature_collection(events, outlets), handle, ensure_ascii=False, indent=1)


def _write_jsonl(events: Sequence[Event], handle: IO[str], outlets: dict[str, str]) -> None:
    for event in events:
        handle.write(json.dumps(to_plain(event), ensure_ascii=False) + "\n")


Writer = Callable[[Sequence[Event], IO[str], dict[str, str]], None]
FORMATS: dict[str, Writer] = {"acled-csv": _write_csv, "geojson": _write_geojson, "jsonl": _write_jsonl}


def write_events(events: Sequence[Event], fmt: str, path: Path, outlets: dict[str, str] | None = None) -> None:
    """Write ``events`` to ``path`` atomically (a partial file never replaces a good one)."""
    writer = FORMATS[fmt]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer(events, handle, outlets or {})
    os.replace(tmp, path)
