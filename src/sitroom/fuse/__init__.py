"""Fuse stage: merge mentions of one real-world event into one Event with every source, explain each merge,
and keep the user's split and merge decisions."""

from sitroom.fuse.cluster import cluster, component_of, fuse_mentions
from sitroom.fuse.decisions import Constraints, Decision
from sitroom.fuse.matching import Match, match

__all__ = ["Constraints", "Decision", "Match", "cluster", "component_of", "fuse_mentions", "match"]
