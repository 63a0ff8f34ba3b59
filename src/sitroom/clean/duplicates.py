"""Find near-duplicate articles (syndicated copies, reprints, pages embedding another article).

Each article is reduced to its word 5-gram shingles and a MinHash signature of them (datasketch). A
MinHash LSH index finds, without comparing against every stored article, the ones whose shingles overlap
the new one's; the signatures then estimate how much of the shorter text the longer one contains.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from datasketch import MinHash, MinHashLSH

# Word 5-grams: long enough that two independent reports of one event rarely share many, short enough
# that light copy-editing of a reprint leaves most intact.
SHINGLE_WORDS = 5
# MinHash permutations: the estimate's standard error is about 0.04 at this size.
NUM_PERM = 128
# Jaccard similarity at which LSH proposes a candidate. A copy that fills a third of a longer page still
# reaches it; the containment estimate then decides.
CANDIDATE_JACCARD = 0.3
_WORD = re.compile(r"\w+")
_SEED = 1


def shingles(text: str) -> frozenset[int]:
    """Hashes of the word 5-grams of ``text``, case-folded."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return frozenset({zlib.crc32(" ".join(words).encode("utf-8"))}) if words else frozenset()
    grams = (" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))
    return frozenset(zlib.crc32(g.encode("utf-8")) for g in grams)


def overlap(a: frozenset[int], b: frozenset[int]) -> float:
    """Exact containment of the smaller set in the larger: 1.0 when one text is a copy inside the other."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass(frozen=True, slots=True)
class Signature:
    """An article's MinHash and its number of distinct shingles."""

    minhash: MinHash
    size: int

    @classmethod
    def of(cls, text: str) -> Signature:
        grams = shingles(text)
        permutations, scheme = _permutations()
        minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, hashfunc=_already_hashed, permutations=permutations,
                          scheme=scheme)  # fmt: skip
        minhash.update_batch(sorted(grams))
        return cls(minhash, len(grams))

    def containment(self, other: Signature) -> float:
        """Estimated share of the smaller shingle set found in the larger, from the Jaccard estimate:
        |A ∩ B| = J (|A| + |B|) / (1 + J)."""
        if not self.size or not other.size:
            return 0.0
        jaccard = float(self.minhash.jaccard(other.minhash))
        shared = jaccard * (self.size + other.size) / (1 + jaccard)
        return min(1.0, shared / min(self.size, other.size))


class NearDuplicateIndex:
    """An index of article signatures that answers: which known article is this one a copy of?"""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
        self._signatures: dict[str, Signature] = {}
        self._last: tuple[str, Signature] | None = None

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, article_id: str, text: str) -> None:
        self.add_signature(article_id, self._signature(text))

    def _signature(self, text: str) -> Signature:
        """The text's signature; the last one is kept, since an article is looked up and then added."""
        if self._last is not None and self._last[0] == text:
            return self._last[1]
        signature = Signature.of(text)
        self._last = (text, signature)
        return signature

    def add_signature(self, article_id: str, signature: Signature) -> None:
        if article_id in self._signatures or not signature.size:
            return
        self._signatures[article_id] = signature
        self._lsh.insert(article_id, signature.minhash)

    def remove(self, article_id: str) -> None:
        if self._signatures.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def add_many(self, items: Iterable[tuple[str, str]]) -> None:
        for article_id, text in items:
            self.add(article_id, text)

    def find(self, text: str, exclude: str | None = None) -> tuple[str, float] | None:
        """The best-matching known article at or above the threshold, with its estimated containment."""
        probe = self._signature(text)
        if not probe.size:
            return None
        scored = [
            (round(probe.containment(self._signatures[key]), 4), key)
            for key in self._lsh.query(probe.minhash)
            if key != exclude
        ]
        best = min(scored, key=lambda pair: (-pair[0], pair[1]), default=None)  # ties: the smallest id
        return (best[1], best[0]) if best is not None and best[0] >= self.threshold else None


@cache
def _permutations() -> tuple[Any, Any]:
    """MinHash's random permutations for the seed, and their scheme, drawn once rather than per signature."""
    drawn = MinHash(num_perm=NUM_PERM, seed=_SEED)
    return drawn.permutations, drawn.scheme


def _already_hashed(value: int) -> int:
    """Shingles are CRC-32 hashes already: MinHash permutes them as they are."""
    return value
