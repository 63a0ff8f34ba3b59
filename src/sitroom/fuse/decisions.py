"""A user's decisions on fusion, `sitroom split` and `sitroom merge`, as constraints on the clustering.

Decisions name mentions, not events: mention ids are stable across re-runs and later ingests (an event's
id follows its mentions), so a decision holds whatever else is ingested. Later decisions override earlier
ones on the same mentions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Decision:
    """``merge``: ``mentions`` are one event. ``split``: ``mentions`` (one) is no part of an event with any of
    ``others``."""

    kind: str  # "merge" or "split"
    mentions: tuple[str, ...]
    others: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Constraints:
    """Must-link groups and cannot-link pairs of mention ids, from decisions applied in order."""

    groups: tuple[frozenset[str], ...] = ()
    apart: frozenset[frozenset[str]] = field(default_factory=frozenset)

    @classmethod
    def of(cls, decisions: Iterable[Decision]) -> Constraints:
        together: set[frozenset[str]] = set()
        apart: set[frozenset[str]] = set()
        for decision in decisions:
            if decision.kind == "merge":
                pairs = {frozenset((a, b)) for a in decision.mentions for b in decision.mentions if a < b}
                together |= pairs
                apart -= pairs
            elif decision.kind == "split":
                (mention,) = decision.mentions
                together = {pair for pair in together if mention not in pair}
                apart |= {frozenset((mention, other)) for other in decision.others if other != mention}
        return cls(_groups(together), frozenset(apart))

    def kept_apart(self, a: str, b: str) -> bool:
        return frozenset((a, b)) in self.apart

    def group_of(self) -> dict[str, frozenset[str]]:
        """Each must-linked mention id and its whole group."""
        return {member: group for group in self.groups for member in group}


NO_CONSTRAINTS = Constraints()


def _groups(pairs: set[frozenset[str]]) -> tuple[frozenset[str], ...]:
    """Connected groups of must-linked ids (union-find), in a stable order."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in pairs:
        a, b = sorted(pair)
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, set[str]] = {}
    for x in parent:
        members.setdefault(root(x), set()).add(x)
    return tuple(frozenset(m) for _, m in sorted(members.items()))
