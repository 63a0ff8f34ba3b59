"""Fuse stage: merge mentions of one real-world event into one Event with every source."""

from sitroom.fuse.cluster import fuse_mentions

__all__ = ["fuse_mentions"]
