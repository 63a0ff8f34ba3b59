"""Ingest stage: read files, folders, collections (JSONL, CSV, WARC, plain or gzipped) and HTML pages into
raw Articles."""

from sitroom.ingest.readers import Ingested, Skipped, article_from_record, input_files, read_inputs
from sitroom.ingest.streams import ReadMeter

__all__ = ["Ingested", "ReadMeter", "Skipped", "article_from_record", "input_files", "read_inputs"]
