"""Find near-duplicate articles (syndicated copies, reprints, pages embedding another article).

Each article is reduced to its word 5-gram shingles and a MinHash signature of them (datasketch). An
LSH index of the signatures' bands (kept in SQLite, so that it needs no memory per article) finds, without
comparing against every stored article, the ones whose shingles overlap the new one's; the signatures then
estimate how much of the shorter text the longer one contains.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
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
    """An article's MinHash values and its number of distinct shingles."""

    hashvalues: np.ndarray[Any, np.dtype[np.uint64]]
    size: int

    @classmethod
    def of(cls, text: str) -> Signature:
        grams = shingles(text)
        permutations, scheme = _permutations()
        minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, hashfunc=_already_hashed, permutations=permutations,
                          scheme=scheme)  # fmt: skip
        minhash.update_batch(sorted(grams))
        return cls(np.array(minhash.hashvalues, dtype=np.uint64), len(grams))

    def containment(self, other: Signature) -> float:
        """Estimated share of the smaller shingle set found in the larger, from the Jaccard estimate:
        |A ∩ B| = J (|A| + |B|) / (1 + J)."""
        if not self.size or not other.size:
            return 0.0
        jaccard = float(np.count_nonzero(self.hashvalues == other.hashvalues)) / NUM_PERM
        shared = jaccard * (self.size + other.size) / (1 + jaccard)
        return min(1.0, shared / min(self.size, other.size))

    def band_keys(self) -> list[int]:
        """The LSH keys of the signature's bands: articles sharing one are candidates of each other."""
        bands, rows = _banding()
        values = self.hashvalues.tobytes()
        width = rows * 8
        return [
            int.from_bytes(hashlib.blake2b(values[b * width : (b + 1) * width], digest_size=8,
                                           person=b.to_bytes(4, "little")).digest(), "little", signed=True)
            for b in range(bands)
        ]  # fmt: skip


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS signatures (article_id TEXT PRIMARY KEY, size INTEGER NOT NULL, hashvalues BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS bands (key INTEGER NOT NULL, article_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS bands_key ON bands (key);
CREATE INDEX IF NOT EXISTS bands_article ON bands (article_id);
"""


class NearDuplicateIndex:
    """An index of article signatures that answers: which known article is this one a copy of?

    The signatures and their LSH band keys live in SQLite: in memory by default, or in a file (``path``)
    that outlives the run, so that memory does not grow with the articles known and a new run does not
    read every stored article again. Writes become durable at :meth:`commit`."""

    def __init__(self, threshold: float, path: Path | None = None) -> None:
        self.threshold = threshold
        self.path = path
        self._db = sqlite3.connect(str(path) if path is not None else ":memory:", isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)
        if self._layout() != _layout():  # made with other shingles, permutations or bands: start afresh
            self._db.executescript("DELETE FROM signatures; DELETE FROM bands; DELETE FROM meta;")
            self._db.execute("INSERT INTO meta VALUES ('layout', ?)", [_layout()])
        self._db.execute("BEGIN")
        self._last: tuple[str, Signature] | None = None
        self._last_keys: tuple[Signature, list[int]] | None = None

    def _layout(self) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'layout'").fetchone()
        return str(row[0]) if row else None

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM signatures").fetchone()[0])

    def ids(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT article_id FROM signatures")}

    def add(self, article_id: str, text: str) -> None:
        self.add_signature(article_id, self._signature(text))

    def _signature(self, text: str) -> Signature:
        """The text's signature; the last one is kept, since an article is looked up and then added."""
        if self._last is not None and self._last[0] == text:
            return self._last[1]
        signature = Signature.of(text)
        self._last = (text, signature)
        return signature

    def _band_keys(self, signature: Signature) -> list[int]:
        """The signature's band keys; the last ones are kept, since an article is looked up and then added."""
        if self._last_keys is None or self._last_keys[0] is not signature:
            self._last_keys = (signature, signature.band_keys())
        return self._last_keys[1]

    def add_signature(self, article_id: str, signature: Signature) -> None:
        if not signature.size:
            return
        inserted = self._db.execute(
            "INSERT OR IGNORE INTO signatures VALUES (?, ?, ?)", [article_id, signature.size,
                                                                  signature.hashvalues.tobytes()]
        ).rowcount  # fmt: skip
        if inserted:
            rows = [(key, article_id) for key in self._band_keys(signature)]
            self._db.executemany("INSERT INTO bands VALUES (?, ?)", rows)

    def remove(self, article_id: str) -> None:
        self._db.execute("DELETE FROM signatures WHERE article_id = ?", [article_id])
        self._db.execute("DELETE FROM bands WHERE article_id = ?", [article_id])

    def add_many(self, items: Iterable[tuple[str, str]]) -> None:
        for article_id, text in items:
            self.add(article_id, text)

    def sync(self, stored: set[str], texts: Callable[[list[str]], Iterable[tuple[str, str]]]) -> None:
        """Make the index hold exactly the ``stored`` articles: drop the others, add the missing ones from
        ``texts(ids)`` (after a run killed between the database's commit and the index's, or a lost file)."""
        known = self.ids()
        for article_id in sorted(known - stored):
            self.remove(article_id)
        missing = sorted(stored - known)
        for at in range(0, len(missing), 500):
            self.add_many(texts(missing[at : at + 500]))
        self.commit()

    def commit(self) -> None:
        self._db.execute("COMMIT")
        self._db.execute("BEGIN")

    def close(self) -> None:
        self.commit()
        self._db.close()

    def find(self, text: str, exclude: str | None = None) -> tuple[str, float] | None:
        """The best-matching known article at or above the threshold, with its estimated containment."""
        probe = self._signature(text)
        if not probe.size:
            return None
        keys = self._band_keys(probe)
        rows = self._db.execute(
            "SELECT s.article_id, s.size, s.hashvalues FROM signatures s WHERE s.article_id IN "
            f"(SELECT DISTINCT article_id FROM bands WHERE key IN ({','.join('?' * len(keys))}))",
            keys,
        ).fetchall()
        scored = [
            (round(probe.containment(Signature(np.frombuffer(values, dtype=np.uint64), size)), 4), key)
            for key, size, values in rows
            if key != exclude
        ]
        best = min(scored, key=lambda pair: (-pair[0], pair[1]), default=None)  # ties: the smallest id
        return (best[1], best[0]) if best is not None and best[0] >= self.threshold else None


@cache
def _banding() -> tuple[int, int]:
    """Bands and rows per band for CANDIDATE_JACCARD, as datasketch's LSH chooses them."""
    lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


@cache
def _layout() -> str:
    bands, rows = _banding()
    return f"shingles={SHINGLE_WORDS} perm={NUM_PERM} seed={_SEED} bands={bands}x{rows} v1"


@cache
def _permutations() -> tuple[Any, Any]:
    """MinHash's random permutations for the seed, and their scheme, drawn once rather than per signature."""
    drawn = MinHash(num_perm=NUM_PERM, seed=_SEED)
    return drawn.permutations, drawn.scheme


def _already_hashed(value: int) -> int:
    """Shingles are CRC-32 hashes already: MinHash permutes them as they are."""
    return value
