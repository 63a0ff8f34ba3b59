"""Store stage: the embedded DuckDB event database."""

from sitroom.store.database import EventFilter, EventStore

__all__ = ["EventFilter", "EventStore"]
