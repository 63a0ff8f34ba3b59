"""Ingest stage: read files, folders, JSONL/CSV collections and HTML pages into raw Articles."""

from sitroom.ingest.readers import Ingested, Skipped, article_from_record, read_inputs

__all__ = ["Ingested", "Skipped", "article_from_record", "read_inputs"]
