"""Turn records into JSON-ready dicts and back, for the database and the JSONL export."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import IntEnum
from typing import Any

from sitroom.model import (
    Actor,
    Article,
    Event,
    EventMention,
    Figure,
    FusionLink,
    GeoPrecision,
    Place,
    Provenance,
    Statement,
    TimePrecision,
)

_PLAIN = frozenset({str, int, float, bool, type(None)})
# Each class's fields, read once (the store's hot path); None for a class that is no record.
_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def to_plain(value: Any) -> Any:
    """A JSON-ready copy of a record: dates as ISO strings, enums as their numbers."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is tuple or kind is list:
        return [to_plain(v) for v in value]
    try:
        names = _FIELD_NAMES[kind]
    except KeyError:
        fields = dataclasses.fields(kind) if dataclasses.is_dataclass(kind) else None
        names = _FIELD_NAMES[kind] = tuple(f.name for f in fields) if fields is not None else None
    if names is not None:
        return {name: to_plain(getattr(value, name)) for name in names}
    if isinstance(value, IntEnum):
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [to_plain(v) for v in value]
    return value


def article_from_plain(data: dict[str, Any]) -> Article:
    """The inverse of :func:`to_plain` for an Article."""
    values = dict(data)
    values["published"] = dt.date.fromisoformat(values["published"]) if values.get("published") else None
    values["published_precision"] = TimePrecision(values.get("published_precision", TimePrecision.DAY))
    return Article(**values)


def mention_from_plain(data: dict[str, Any]) -> EventMention:
    """The inverse of :func:`to_plain` for an EventMention."""
    values = _shared_fields(data)
    values["provenance"] = Provenance(**values["provenance"])
    values["fatalities"] = figure_from_plain(values["fatalities"])
    values["injured"] = figure_from_plain(values["injured"])
    values["figures"] = tuple(f for f in (figure_from_plain(v) for v in values.get("figures", ())) if f is not None)
    return EventMention(**values)


def statement_from_plain(data: dict[str, Any]) -> Statement:
    """The inverse of :func:`to_plain` for a Statement."""
    values = dict(data)
    values["provenance"] = Provenance(**values["provenance"])
    for key in ("speaker_actor", "target_actor"):
        values[key] = Actor(**values[key]) if values[key] else None
    return Statement(**values)


def _shared_fields(data: dict[str, Any]) -> dict[str, Any]:
    """Decode the date, precision, actors and place that mentions and events both carry."""
    values = dict(data)
    values["date"] = dt.date.fromisoformat(values["date"]) if values["date"] else None
    values["time_precision"] = TimePrecision(values["time_precision"]) if values["time_precision"] else None
    values["actor1"] = Actor(**values["actor1"]) if values["actor1"] else None
    values["actor2"] = Actor(**values["actor2"]) if values["actor2"] else None
    values["place"] = _place(values["place"])
    return values


def _place(data: dict[str, Any] | None) -> Place | None:
    if not data:
        return None
    return Place(**{**data, "precision": GeoPrecision(data["precision"])})


def figure_from_plain(data: dict[str, Any] | None) -> Figure | None:
    """The inverse of :func:`to_plain` for a Figure, standing alone or inside a mention."""
    if not data:
        return None
    values = {**data, "provenance": Provenance(**data["provenance"]), "place": _place(data.get("place"))}
    values["date"] = dt.date.fromisoformat(data["date"]) if data.get("date") else None
    values["time_precision"] = TimePrecision(data["time_precision"]) if data.get("time_precision") else None
    return Figure(**values)


def event_from_plain(data: dict[str, Any]) -> Event:
    """The inverse of :func:`to_plain` for an Event."""
    values = _shared_fields(data)
    values["mentions"] = tuple(mention_from_plain(m) for m in values["mentions"])
    values["sources"] = tuple(values["sources"])
    values["copies"] = tuple(values.get("copies", ()))
    values["links"] = tuple(
        FusionLink(**{**link, "reasons": tuple(link["reasons"])}) for link in values.get("links", ())
    )
    return Event(**values)
