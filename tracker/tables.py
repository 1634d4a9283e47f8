"""The schema as data: the tables the extraction fills, their full-text indexes and their indexes.

``tracker.store`` makes a database match them (``ensure_db_shape``, through ``tracker.schema``'s migrations);
the journalist's corrections add their own tables (``tracker.corrections.TABLES``).
"""
from __future__ import annotations

TABLES: dict[str, dict] = {
    # duplicate_of: the earliest stored article of this one's near-duplicate cluster (tracker.neardup), null
    # for an original; duplicate_similarity: the share of the shorter text's shingles the other holds
    "articles": dict(columns={"id": int, "source": str, "content_hash": str, "title": str, "url": str,
                              "outlet": str, "published": str, "text": str, "ingested_at": str,
                              "duplicate_of": int, "duplicate_similarity": float},
                     pk="id", not_null={"content_hash", "text"}, foreign_keys=[("duplicate_of", "articles", "id")]),
    "sentences": dict(columns={"id": int, "article_id": int, "idx": int, "start": int, "end": int, "text": str,
                               "boilerplate": int, "checkworthiness": float, "paragraph": int},
                      pk="id", foreign_keys=[("article_id", "articles", "id")]),
    # affiliation: the body an anonymous source speaks for; anonymous: 1 for spokespeople and unnamed sources;
    # roles: JSON object role -> number of articles giving it (``role`` is the most frequent); key: the
    # cross-article identity (speakers.key), article-scoped for bare surnames and unaffiliated sources
    "speakers": dict(columns={"id": int, "name": str, "kind": str, "role": str, "aliases": str,
                              "affiliation": str, "anonymous": int, "roles": str, "key": str},
                     pk="id", not_null={"name", "key"}),
    "quotes": dict(columns={"id": int, "article_id": int, "sentence_id": int, "kind": str, "content": str,
                            "start": int, "end": int, "cue": str, "cue_start": int, "cue_end": int,
                            "speaker_mention": str, "speaker_start": int, "speaker_end": int,
                            "speaker_id": int, "confidence": float},
                   pk="id", foreign_keys=[("article_id", "articles", "id"), ("sentence_id", "sentences", "id"),
                                          ("speaker_id", "speakers", "id")]),
    # the same claim across articles (tracker/claims/groups.py): one row per group key, its counts kept by
    # the store as claims join it (``_update_groups``)
    "claim_groups": dict(columns={"id": int, "key": str, "measure": str, "subject": str, "period": str, "unit": str,
                                  "claims": int, "articles": int, "speakers": int, "distinct_values": int,
                                  "low": float, "high": float, "first_claim_id": int, "first_published": str,
                                  "last_published": str},
                         pk="id", not_null={"key"}),
    "claims": dict(columns={"id": int, "article_id": int, "sentence_id": int, "kind": str, "text": str,
                            "start": int, "end": int, "quote_id": int, "speaker_id": int, "raw_number": str,
                            "value": float, "low": float, "high": float, "unit": str, "qualifier": str,
                            "reference": str, "flags": str, "measure": str, "subject": str, "period": str,
                            "period_start": str, "period_end": str, "statement": str, "statement_start": int, "statement_end": int, "repeats": int,
                            "group_id": int},
                   pk="id", foreign_keys=[("article_id", "articles", "id"), ("sentence_id", "sentences", "id"),
                                          ("quote_id", "quotes", "id"), ("speaker_id", "speakers", "id"),
                                          ("group_id", "claim_groups", "id")]),
    # stage: where it failed (read, decode, parse, record, segment, quotes, ..., timeout, store); record: which
    # record of a JSON or JSON Lines file ("line 3", "record 2"); one row per distinct error (a re-run updates at)
    "ingest_errors": dict(columns={"id": int, "source": str, "error": str, "at": str, "stage": str, "record": str},
                          pk="id"),
    # the LSH band keys of each article's MinHash (tracker.neardup): how a later ingest finds its near-duplicates
    # (with rowid, as every table: the serve layer's summary reads max(rowid); without it, it was a fifth cheaper
    # to write and 2.4 times smaller, 10% of the BBC corpus's database with it)
    "article_bands": dict(columns={"id": int, "key": int, "article_id": int}, pk="id"),
    # each article's shingle hashes (tracker.neardup: 32-bit, little-endian, sorted), id the article's: a later
    # near-duplicate is compared with it without reading and shingling its text again (an article stored
    # before this table has no row: its text is read). At 14,000 distinct articles (scripts/write_cost.py
    # --distinct), shingling stored texts again took 0.43 CPU s of a 200-article batch's 1.4 (profiled)
    "article_shingles": dict(columns={"id": int, "shingles": bytes}, pk="id"),
}

FTS: dict[str, list[str]] = {
    "articles": ["title", "text"],
    "sentences": ["text"],
    "speakers": ["name", "aliases", "role"],
    "quotes": ["content", "speaker_mention", "cue"],
    "claims": ["text", "unit", "reference", "measure", "statement", "subject"],
}

INDEXES: list[tuple[str, list[str], bool]] = [
    ("articles", ["content_hash"], True),
    ("articles", ["source"], False),
    ("speakers", ["key"], True),
    ("sentences", ["article_id", "idx"], True),
    ("quotes", ["kind"], False),
    ("quotes", ["cue"], False),
    ("claims", ["kind"], False),
    ("claims", ["unit"], False),
    ("claims", ["qualifier"], False),
    ("claims", ["value"], False),
    ("claim_groups", ["key"], True),
    ("sentences", ["checkworthiness"], False),
    ("ingest_errors", ["source"], False),
    ("article_bands", ["key", "article_id"], False),
    # for the served pages (tracker/serve): "what to check first", the newest articles, doubtful figures
    ("sentences", ["boilerplate", "checkworthiness"], False),
    ("articles", ["published"], False),
    ("claims", ["flags"], False),
    # a speaker's page: their quotes' articles and order without reading the quotes (the top speaker of 51,000
    # articles: the months of their quotes 182 to 83 ms)
    ("quotes", ["speaker_id", "article_id", "start"], False),
    # "figures by unit": a unit's claims largest first, read in this index's order (valued ones by value, vague
    # ones by their upper bound) and stopped at the page's end (100,000 articles, "percent": 262 to 35 ms)
    ("claims", ["unit", "value", "high"], False),
    # "figures to double-check": the vague figures in article order, read from here to the page's end
    ("claims", ["qualifier", "article_id", "start"], False),
]
