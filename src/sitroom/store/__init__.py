"""Store stage: the embedded DuckDB event database."""

from sitroom.store.database import ActorActivity, EventFilter, EventStore

__all__ = ["ActorActivity", "EventFilter", "EventStore"]
