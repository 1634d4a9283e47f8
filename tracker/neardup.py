"""Near-duplicate articles: the same story stored twice with small edits, found at ingest and linked.

    sketch(text) -> Sketch                      # the article's word shingles and its LSH band keys
    similarity(a, b) -> float                   # the share of the shorter text's shingles the other holds
    Linker(conn).link(rows, sketches)           # sets duplicate_of / duplicate_similarity, returns band rows

An article is read as its lower-cased words, in overlapping runs of ``SHINGLE``
words (its *shingles*). Two articles are near-duplicates when the shorter one
shares at least ``THRESHOLD`` of its shingles with the other (containment, not
Jaccard: a copy cut to its first half, or one with paragraphs added, shares all
of the shorter text's shingles but only half of their union), and the shorter
is at least ``MIN_RATIO`` of the longer's length (a short brief quoted whole
inside a long round-up is not the round-up's duplicate). A changed headline, a
corrected figure or a dropped paragraph each change a few shingles only.

Finding the candidates without comparing a new article with every stored one is
MinHash with locality-sensitive hashing: ``PERMUTATIONS`` minimum hashes of the
shingles, cut into ``BANDS`` bands of ``ROWS`` values; each band is hashed to
one integer key, and the keys are stored in the ``article_bands`` table (indexed),
so a later ingest finds the stored articles that share a band with one index
lookup a band. Two articles whose shingles have Jaccard similarity J share a
band with probability 1 - (1 - J^ROWS)^BANDS: 0.68 at J = 0.3, 0.99 at
J = 0.5, 0.0004 at J = 0.02 (two stories that share a stock phrase or two). The candidates
are then compared exactly on their texts. The write cost of an article is
``BANDS`` index lookups and inserts: flat in the size of the database, but for
the candidates, which are its real near-duplicates and the rare pair of
different stories that share a band.

The duplicates of an article form a cluster (the connected pairs above
``THRESHOLD``), and every article of a cluster but the earliest stored points at
that earliest one in ``articles.duplicate_of``. When a new article joins two
clusters, the later one is re-pointed to the earlier: so the clusters, and which
article of each is the original, do not depend on the order of ingest.

Written here rather than with ``datasketch``: its MinHash is a few lines
of numpy, but importing it imports scipy.integrate (for LSH parameter tuning
this module does not need), measured at 1.9 s of its 2.0 s import on this
project's machines, at every ``tracker ingest``; and its LSH indexes live in
memory, Redis or Cassandra, not in the SQLite database that has to hold them.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
import zlib
from dataclasses import dataclass

import numpy as np

SHINGLE = 5             # words a shingle
PERMUTATIONS = 126      # minimum hashes an article (BANDS * ROWS)
BANDS, ROWS = 42, 3
THRESHOLD = 0.7         # containment of the shorter text's shingles in the other's
MIN_RATIO = 0.3         # the shorter text's shingles, at least this share of the longer's

_WORD = re.compile(r"\w+")
_MULT = np.uint64(1_000_003)


def _constant(name: str, i: int) -> int:
    return int.from_bytes(hashlib.blake2b(f"{name}{i}".encode(), digest_size=8).digest(), "little")


# the permutations (a * h + b): fixed numbers derived from their index, so that every process, version of numpy
# and version of the tracker computes the same band keys for a text
_A = np.array([_constant("a", i) | 1 for i in range(PERMUTATIONS)], dtype=np.uint64)
_B = np.array([_constant("b", i) for i in range(PERMUTATIONS)], dtype=np.uint64)


@dataclass(frozen=True)
class Sketch:
    shingles: np.ndarray        # the distinct 32-bit hashes of the text's shingles, sorted
    keys: tuple[int, ...]       # one key a band (signed 64-bit, as SQLite stores integers)


def shingles(text: str) -> np.ndarray:
    """The sorted distinct 32-bit hashes of ``text``'s runs of ``SHINGLE`` lower-cased words (a text of fewer
    words: one shingle of all of them; no word: none).

    Each word is hashed once (CRC-32, in C; the words are encoded to UTF-8 in one call and split at a NUL, which
    no word holds: half the time of encoding them one by one), and a run's hash is computed from its words' in
    numpy, in place: hashing each run's string (blake2b a shingle) took 2.5 times as long over the BBC corpus.
    """
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    encoded = "\x00".join(words).encode("utf-8", "surrogatepass").split(b"\x00")
    ids = np.fromiter(map(zlib.crc32, encoded), dtype=np.uint64, count=len(words))
    n = max(1, len(ids) - SHINGLE + 1)
    with np.errstate(over="ignore"):
        h = ids[:n].copy()
        for j in range(1, min(SHINGLE, len(ids))):
            h *= _MULT
            h += ids[j:j + n]
    return np.unique(_mix(h) >> np.uint64(32))


def _signature(hashes: np.ndarray) -> np.ndarray:
    """``PERMUTATIONS`` minimum hashes, each permutation a multiply-shift hash ((a * h + b) mod 2^64) >> 32 with
    a odd (Dietzfelbinger's universal family; no modulo, which took a third of the time). The shift is taken
    after the minimum (it keeps order, so the minimum is the same) and the sum in place: a quarter less time."""
    with np.errstate(over="ignore"):
        m = np.multiply.outer(hashes, _A)
        m += _B
        return m.min(axis=0) >> np.uint64(32)


def _band_keys(signature: np.ndarray) -> tuple[int, ...]:
    """One signed 64-bit key a band: its ``ROWS`` minimum hashes and its index, mixed (splitmix64's finaliser)."""
    rows = signature.reshape(BANDS, ROWS)
    with np.errstate(over="ignore"):
        h = np.arange(1, BANDS + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        for j in range(ROWS):
            h = _mix((h ^ rows[:, j]) * _MULT)
    return tuple(h.view(np.int64).tolist())


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: every bit of the result depends on every bit of ``h``."""
    with np.errstate(over="ignore"):
        h = h ^ (h >> np.uint64(30))
        h = h * np.uint64(0xBF58476D1CE4E5B9)
        h = h ^ (h >> np.uint64(27))
        h = h * np.uint64(0x94D049BB133111EB)
        return h ^ (h >> np.uint64(31))


def sketch(text: str) -> Sketch:
    hashes = shingles(text)
    return Sketch(hashes, _band_keys(_signature(hashes)) if len(hashes) else ())


def compact(hashes: np.ndarray) -> np.ndarray:
    """The same shingle hashes in half the memory (each is under 2^32), for keeping many."""
    return hashes.astype(np.uint32)


STORED = np.dtype("<u4")        # shingle hashes as bytes in the database (article_shingles): the same on any machine


def stored(hashes: np.ndarray) -> bytes:
    """Shingle hashes as the ``article_shingles`` table keeps them."""
    return hashes.astype(STORED).tobytes()


def similarity(a: Sketch | np.ndarray, b: Sketch | np.ndarray) -> float:
    """The share of the smaller shingle set found in the other (1.0: one text's shingles are all in the other),
    or 0.0 when the smaller set is under ``MIN_RATIO`` of the larger's size."""
    a = a.shingles if isinstance(a, Sketch) else a
    b = b.shingles if isinstance(b, Sketch) else b
    small, large = sorted((len(a), len(b)))
    if not small or small < MIN_RATIO * large:
        return 0.0
    return round(len(np.intersect1d(a, b, assume_unique=True)) / small, 4)


class Linker:
    """Links the articles of one batch to the stored ones and to each other, inside the store's transaction.

    ``known``: the shingles of stored articles by id, kept by the caller from batch to batch (the store keeps
    those of the articles it wrote or compared last): a near-duplicate of one of them is compared without
    reading and shingling its text again. Those read here are added, and those used move to its end.
    ``link(rows, sketches)``: ``rows`` are the batch's new ``articles`` rows (dicts with ``id`` and ``text``, in
    id order), ``sketches`` theirs; sets each row's ``duplicate_of`` and ``duplicate_similarity``, re-points
    stored articles when two clusters join, and returns the batch's ``article_bands`` rows.
    """

    def __init__(self, conn: sqlite3.Connection, known: dict[int, np.ndarray] | None = None):
        self.conn = conn
        self.known = {} if known is None else known
        self.shingles_kept = conn.execute(
            "select 1 from sqlite_master where type = 'table' and name = 'article_shingles'").fetchone() is not None

    def link(self, rows: list[dict], sketches: list[Sketch]) -> list[dict]:
        self.batch = {r["id"]: r for r in rows}
        self.sketches = {r["id"]: s for r, s in zip(rows, sketches)}
        self.by_key: dict[int, list[int]] = {}
        out = []
        for row, sk in zip(rows, sketches):
            row["duplicate_of"], row["duplicate_similarity"] = None, None
            matched = self._matches(sk)
            if matched:
                root = min(matched)
                for other in sorted(matched)[1:]:
                    self._repoint(other, root)
                row["duplicate_of"] = root
                row["duplicate_similarity"] = matched[root] if matched[root] is not None else \
                    similarity(sk, self._sketch(root))
            for key in sk.keys:
                self.by_key.setdefault(key, []).append(row["id"])
            out.extend(dict(key=key, article_id=row["id"]) for key in sk.keys)
        return out

    def _matches(self, sk: Sketch) -> dict[int, float | None]:
        """The clusters ``sk`` joins: their originals, each with ``sk``'s similarity to it (None when an article
        of the cluster other than the original matched). One match a cluster is enough, so a story stored many
        times costs about one comparison, not one per copy."""
        clusters: dict[int, list[int]] = {}
        for c, root in self._candidates(sk.keys).items():
            clusters.setdefault(root, []).append(c)
        out = {}
        for root, members in clusters.items():
            for c in sorted(members, key=lambda c: (c != root, c)):
                s = similarity(sk, self._sketch(c))
                if s >= THRESHOLD:
                    out[root] = s if c == root else None
                    break
        return out

    def _candidates(self, keys: tuple[int, ...]) -> dict[int, int]:
        """The articles that share a band key with ``keys``, each with the original of its cluster."""
        out = {i: self._root(i) for k in keys for i in self.by_key.get(k, ())}
        if keys:
            marks = ", ".join("?" * len(keys))
            out.update(self.conn.execute(
                f"select id, coalesce(duplicate_of, id) from articles where id in "
                f"(select article_id from article_bands where key in ({marks}))", list(keys)))
        return out

    def _sketch(self, article_id: int) -> Sketch:
        if article_id not in self.sketches:
            if article_id in self.known:            # (and now the most recently used)
                hashes = self.known[article_id] = self.known.pop(article_id)
            else:
                hashes = self.known[article_id] = self._stored(article_id)
            self.sketches[article_id] = Sketch(hashes, ())
        return self.sketches[article_id]

    def _stored(self, article_id: int) -> np.ndarray:
        """A stored article's shingles: as the store kept them (``article_shingles``), else from its text."""
        row = self.conn.execute("select shingles from article_shingles where id = ?", [article_id]).fetchone() \
            if self.shingles_kept else None
        if row is not None:
            return np.frombuffer(row[0], dtype=STORED).astype(np.uint32)
        text = self.conn.execute("select text from articles where id = ?", [article_id]).fetchone()[0]
        return compact(shingles(text))

    def _root(self, article_id: int) -> int:
        """The original of a batch article's cluster."""
        return self.batch[article_id]["duplicate_of"] or article_id

    def _repoint(self, old: int, root: int) -> None:
        """The cluster whose original is ``old`` joins the one of ``root`` (stored earlier): each of its articles
        now points at ``root``, with its similarity to it."""
        members = [i for i, r in self.batch.items() if i == old or r.get("duplicate_of") == old]
        stored = [r[0] for r in self.conn.execute("select id from articles where id = ? or duplicate_of = ?",
                                                  [old, old])]
        for i in members:
            self.batch[i]["duplicate_of"] = root
            self.batch[i]["duplicate_similarity"] = similarity(self._sketch(i), self._sketch(root))
        for i in stored:
            self.conn.execute("update articles set duplicate_of = ?, duplicate_similarity = ? where id = ?",
                              [root, similarity(self._sketch(i), self._sketch(root)), i])


def link_stored(conn: sqlite3.Connection, batch: int = 500) -> int:
    """Link the articles of a database made before near-duplicates were detected (the schema's migration to
    version 2), in the order they were stored, as an ingest would have: returns how many are duplicates. Links
    made before are made again (a database whose version was set back is linked anew, not twice)."""
    conn.execute("delete from article_bands")
    conn.execute("update articles set duplicate_of = null, duplicate_similarity = null where duplicate_of is not null")
    last, linked = 0, 0
    while True:
        rows = [dict(id=i, text=t) for i, t in conn.execute(
            "select id, text from articles where id > ? order by id limit ?", [last, batch])]
        if not rows:
            return linked
        bands = Linker(conn).link(rows, [sketch(r["text"]) for r in rows])
        for r in rows:
            if r["duplicate_of"] is not None:
                linked += 1
                conn.execute("update articles set duplicate_of = ?, duplicate_similarity = ? where id = ?",
                             [r["duplicate_of"], r["duplicate_similarity"], r["id"]])
        conn.executemany("insert into article_bands (key, article_id) values (?, ?)",
                         [(b["key"], b["article_id"]) for b in bands])
        last = rows[-1]["id"]
