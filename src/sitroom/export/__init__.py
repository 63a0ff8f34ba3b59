"""Export stage: ACLED-compatible CSV, GeoJSON and JSONL."""

from sitroom.export.formats import (
    ACLED_COLUMNS,
    FORMATS,
    SITROOM_COLUMNS,
    event_row,
    feature_collection,
    write_events,
)

__all__ = ["ACLED_COLUMNS", "FORMATS", "SITROOM_COLUMNS", "event_row", "feature_collection", "write_events"]
