"""Find near-duplicate articles (syndicated copies, reprints, pages embedding another article)."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable

# Word 5-grams: long enough that two independent reports of one event rarely share many, short enough
# that light copy-editing of a reprint leaves most intact.
SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+")


def shingles(text: str) -> frozenset[int]:
    """Hashes of the word 5-grams of ``text``, case-folded."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return frozenset({zlib.crc32(" ".join(words).encode("utf-8"))}) if words else frozenset()
    grams = (" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))
    return frozenset(zlib.crc32(g.encode("utf-8")) for g in grams)


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """Containment of the smaller set in the larger: 1.0 when one text is a copy inside the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


class NearDuplicateIndex:
    """An index of article shingles that answers: which known article is this one a copy of?"""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._items: dict[str, frozenset[int]] = {}

    def add(self, article_id: str, text: str) -> None:
        self._items[article_id] = shingles(text)

    def add_many(self, items: Iterable[tuple[str, str]]) -> None:
        for article_id, text in items:
            self.add(article_id, text)

    def find(self, text: str, exclude: str | None = None) -> tuple[str, float] | None:
        """The best-matching known article at or above the threshold, with its overlap score."""
        probe = shingles(text)
        best: tuple[str, float] | None = None
        for article_id, known in self._items.items():
            if article_id == exclude:
                continue
            score = overlap(probe, known)
            if score >= self.threshold and (best is None or score > best[1]):
                best = (article_id, score)
        return best
