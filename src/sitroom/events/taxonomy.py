"""ACLED's event taxonomy: sub-event type to event type and disorder type."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sitroom.datafiles import data_yaml


@dataclass(frozen=True, slots=True)
class EventKind:
    """One ACLED sub-event type with its parents."""

    disorder_type: str
    event_type: str
    sub_event_type: str


class Taxonomy:
    """Look up ACLED's types by sub-event type."""

    def __init__(self, kinds: dict[str, EventKind]) -> None:
        self._kinds = kinds

    def __getitem__(self, sub_event_type: str) -> EventKind:
        return self._kinds[sub_event_type]

    def __contains__(self, sub_event_type: object) -> bool:
        return sub_event_type in self._kinds

    def __len__(self) -> int:
        return len(self._kinds)

    @property
    def sub_event_types(self) -> tuple[str, ...]:
        return tuple(self._kinds)

    @property
    def event_types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k.event_type for k in self._kinds.values()))


@cache
def load_taxonomy() -> Taxonomy:
    """The 25 sub-event types from ``data/acled_types.yaml``."""
    raw = data_yaml("acled_types.yaml")
    overrides = raw.pop("disorder_overrides")
    kinds = {}
    for event_type, spec in raw.items():
        for sub in spec["sub_event_types"]:
            kinds[sub] = EventKind(overrides.get(sub, spec["disorder_type"]), event_type, sub)
    return Taxonomy(kinds)
