"""The one module that writes SQLite (with sqlite-utils).

The schema is data (``TABLES``, ``FTS``); ``ensure_db_shape`` makes a database
match it and is idempotent. ``Store`` writes articles and everything extracted
from them in transactions of whole articles, so a crash mid-run leaves whole
articles only, and a re-run (which skips articles already present by content
hash) completes the database.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import datetime, timezone

import sqlite_utils

from . import speakers as speaker_rules
from .claims.groups import group_key
from .model import Document, Extraction
from .read import ReadError

TABLES: dict[str, dict] = {
    "articles": dict(columns={"id": int, "source": str, "content_hash": str, "title": str, "url": str,
                              "outlet": str, "published": str, "text": str, "ingested_at": str},
                     pk="id", not_null={"content_hash", "text"}),
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
                            "speaker_id": int},
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
                            "statement": str, "statement_start": int, "statement_end": int, "repeats": int,
                            "group_id": int},
                   pk="id", foreign_keys=[("article_id", "articles", "id"), ("sentence_id", "sentences", "id"),
                                          ("quote_id", "quotes", "id"), ("speaker_id", "speakers", "id"),
                                          ("group_id", "claim_groups", "id")]),
    "ingest_errors": dict(columns={"id": int, "source": str, "error": str, "at": str}, pk="id"),
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
]


# the speakers of a claim group: an article's own claims count as one speaker
_GROUP_SPEAKERS = """(select count(distinct coalesce('speaker ' || speaker_id, 'article ' || article_id)) from claims
              where claims.group_id = {group})"""
# a claim given to another speaker after ingest (tracker correct: merge, split, set) recounts its group's speakers
GROUP_SPEAKERS_TRIGGER = f"""CREATE TRIGGER IF NOT EXISTS claims_group_speakers AFTER UPDATE OF speaker_id ON claims
WHEN new.group_id IS NOT NULL BEGIN
  UPDATE claim_groups SET speakers = {_GROUP_SPEAKERS.format(group="new.group_id")} WHERE id = new.group_id;
END"""

_KIND_ORDER = ["person", "organization", "group", "generic", "unknown"]


def ensure_db_shape(db: sqlite_utils.Database) -> None:
    """Create what is missing: tables, full-text search with triggers, indexes. Idempotent."""
    for name, spec in TABLES.items():
        db[name].create(spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"),
                        not_null=spec.get("not_null"), if_not_exists=True)
        have = set(db[name].columns_dict)
        for column, type_ in spec["columns"].items():      # columns added since the database was made
            if column not in have:
                db[name].add_column(column, type_)
    for name, columns in FTS.items():
        fts = db[name].detect_fts()
        if fts and list(db[fts].columns_dict) != columns:     # columns added to the index since: made anew
            db[name].disable_fts()
            fts = None
        if not fts:
            db[name].enable_fts(columns, create_triggers=True, tokenize="porter")
    for table, columns, unique in INDEXES:
        db[table].create_index(columns, unique=unique, if_not_exists=True)
    db.index_foreign_keys()
    db.execute(GROUP_SPEAKERS_TRIGGER)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """Writes extractions into a database; one instance per ingest run (single writer).

    ``add`` queues an article; every ``batch_size`` articles (and on ``flush``)
    the queue is written in one transaction, so a crash leaves whole articles
    only. An article whose rows cannot be written is rolled back alone and
    listed in ``failures`` (extraction, exception); the others are kept.
    """

    def __init__(self, db: sqlite_utils.Database | str, batch_size: int = 1):
        self.db = db if isinstance(db, sqlite_utils.Database) else sqlite_utils.Database(db)
        self.batch_size = batch_size
        self.pending: dict[str, Extraction] = {}
        self.failures: list[tuple[Extraction, Exception]] = []
        ensure_db_shape(self.db)
        self._load()

    def _load(self) -> None:
        """In-memory state mirrored from the database (re-read after a failed write)."""
        self.hashes = {r[0] for r in self.db.execute("select content_hash from articles")}
        self.next_id = {t: (self.db.execute(f"select max(id) from [{t}]").fetchone()[0] or 0) + 1
                        for t in ("articles", "sentences", "quotes", "claims", "speakers", "claim_groups")}
        self.groups = {r[0]: r[1] for r in self.db.execute("select key, id from claim_groups")}
        self.touched_groups: set[int] = set()
        # speakers by key, kept in memory: linking never has to query per mention
        self.speakers = {r["key"]: r for r in self.db.query("select * from speakers")}
        # rows of the articles being written, inserted table by table at the end of the
        # transaction: one insert_all per table and batch instead of one per article
        self.rows: dict[str, list[dict]] = {t: [] for t in ("claim_groups", "articles", "sentences", "quotes",
                                                            "claims")}
        self.changed_speakers: dict[int, dict] = {}

    def _insert_rows(self) -> None:
        if self.changed_speakers:
            self.db["speakers"].upsert_all(self.changed_speakers.values(), pk="id")
        for table, rows in self.rows.items():
            self.db[table].insert_all(rows, batch_size=1000)
        self._update_groups()
        self.changed_speakers = {}
        self.rows = {t: [] for t in self.rows}

    def has(self, text: str) -> bool:
        h = content_hash(text)
        return h in self.hashes or h in self.pending

    def earlier_versions(self, doc: Document) -> list[int]:
        """Stored articles from the same source as ``doc`` with another text (an article edited since)."""
        if not doc.source or doc.source == "-":
            return []
        return [r[0] for r in self.db.execute("select id from articles where source = ? and content_hash != ?",
                                              [doc.source, content_hash(doc.text)])]

    def _ids(self, table: str, n: int) -> range:
        first = self.next_id[table]
        self.next_id[table] = first + n
        return range(first, first + n)

    def add(self, ex: Extraction) -> bool:
        """Queue one article and its extraction; False if the same text is already stored or queued."""
        if self.has(ex.document.text):
            return False
        self.pending[content_hash(ex.document.text)] = ex
        if len(self.pending) >= self.batch_size:
            self.flush()
        return True

    def flush(self) -> None:
        """Write the queued articles: in one transaction, or one by one if that fails."""
        pending, self.pending = self.pending, {}
        if not pending:
            return
        try:
            with self.db.atomic():
                for h, ex in pending.items():
                    self._write(ex, h)
                self._insert_rows()
            return
        except Exception:  # noqa: BLE001 - retried one article at a time below
            self._load()    # the transaction rolled back: forget what it had added
        for h, ex in pending.items():
            try:
                with self.db.atomic():
                    self._write(ex, h)
                    self._insert_rows()
            except Exception as e:  # noqa: BLE001 - reported to the caller, the rest is kept
                self._load()
                self.failures.append((ex, e))

    def close(self) -> None:
        self.flush()
        ensure_db_shape(self.db)

    def _write(self, ex: Extraction, h: str) -> int:
        """The rows of one article, inside the caller's transaction."""
        doc = ex.document
        article_id = self._ids("articles", 1)[0]
        self.rows["articles"].append(dict(id=article_id, source=doc.source, content_hash=h, title=doc.title,
                                          url=doc.url, outlet=doc.outlet, published=doc.published,
                                          text=doc.text, ingested_at=now()))
        sent_ids = self._ids("sentences", len(ex.sentences))
        self.rows["sentences"].extend(
            dict(id=sid, article_id=article_id, idx=s.idx, start=s.start, end=s.end, text=s.text,
                  boilerplate=int(s.boilerplate), checkworthiness=round(s.checkworthiness, 4),
                  paragraph=s.paragraph) for sid, s in zip(sent_ids, ex.sentences))
        speaker_ids = [self._link_speaker(sp, h) for sp in ex.speakers]
        quote_ids = self._ids("quotes", len(ex.quotes))
        self.rows["quotes"].extend(
            dict(id=qid, article_id=article_id, sentence_id=sent_ids[q.sentence_idx], kind=q.kind,
                  content=q.content, start=q.start, end=q.end, cue=q.cue, cue_start=q.cue_start,
                  cue_end=q.cue_end, speaker_mention=q.speaker_mention, speaker_start=q.speaker_start,
                  speaker_end=q.speaker_end,
                  speaker_id=None if q.speaker is None else speaker_ids[q.speaker])
             for qid, q in zip(quote_ids, ex.quotes))
        claim_ids = self._ids("claims", len(ex.claims))
        self.rows["claims"].extend(
            dict(id=cid, article_id=article_id, sentence_id=sent_ids[c.sentence_idx], kind=c.kind,
                  text=c.text, start=c.start, end=c.end,
                  quote_id=None if c.quote is None else quote_ids[c.quote],
                  speaker_id=None if c.speaker is None else speaker_ids[c.speaker],
                  raw_number=c.raw_number, value=c.value, low=c.low, high=c.high, unit=c.unit,
                  qualifier=c.qualifier, reference=c.reference, flags=json.dumps(c.flags),
                  measure=c.measure, subject=c.subject, period=c.period,
                  statement=None if c.statement_start is None else doc.text[c.statement_start:c.statement_end],
                  statement_start=c.statement_start, statement_end=c.statement_end,
                  repeats=None if c.repeats is None else claim_ids[c.repeats], group_id=self._group(c))
             for cid, c in zip(claim_ids, ex.claims))
        self.hashes.add(h)
        return article_id

    def _group(self, claim) -> int | None:
        """The id of the group of the same claim across articles (found by key, or new), or None."""
        key = group_key(claim)
        if key is None:
            return None
        gid = self.groups.get(key)
        if gid is None:
            gid = self.groups[key] = self._ids("claim_groups", 1)[0]
            measure, subject, period, unit = key.split("|")
            self.rows["claim_groups"].append(dict(id=gid, key=key, measure=measure, subject=subject,
                                                  period=period or None, unit=unit or None))
        self.touched_groups.add(gid)
        return gid

    def _update_groups(self) -> None:
        """The counts of the groups that claims joined in this transaction: claims (a repeat counted once),
        articles, speakers (an article's own claims count as one speaker), distinct values, the lowest and
        highest figure, and the first claim (the earliest published, then by source and position, so that the
        order of ingest changes nothing)."""
        if not self.touched_groups:
            return
        ids = sorted(self.touched_groups)
        self.touched_groups = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            self.db.execute(f"""update claim_groups set
  claims = (select count(*) from claims where claims.group_id = claim_groups.id and claims.repeats is null),
  articles = (select count(distinct article_id) from claims where claims.group_id = claim_groups.id),
  speakers = {_GROUP_SPEAKERS.format(group="claim_groups.id")},
  distinct_values = (select count(distinct coalesce(value, low || '-' || high)) from claims
                     where claims.group_id = claim_groups.id),
  low = (select min(coalesce(value, low, high)) from claims where claims.group_id = claim_groups.id),
  high = (select max(coalesce(value, high, low)) from claims where claims.group_id = claim_groups.id),
  first_claim_id = (select claims.id from claims join articles on articles.id = claims.article_id
                    where claims.group_id = claim_groups.id
                    order by articles.published is null, articles.published, articles.source,
                             articles.content_hash, claims.start limit 1),
  first_published = (select min(articles.published) from claims join articles on articles.id = claims.article_id
                     where claims.group_id = claim_groups.id),
  last_published = (select max(articles.published) from claims join articles on articles.id = claims.article_id
                    where claims.group_id = claim_groups.id)
where id in ({", ".join("?" * len(chunk))})""", chunk)

    def _link_speaker(self, sp, article_hash: str) -> int:
        """The speakers row for an article's speaker: found by key, or new; aliases and roles merged.

        Every merged field is a function of the set of articles linked (a union of aliases, summed role
        counts, a fixed order of kinds), so ingesting articles in any order gives the same rows.
        """
        key = speaker_rules.key(sp)
        if key is None:         # a bare surname or an unaffiliated source: this article's own row
            key = f"article {article_hash[:16]}: {sp.kind} {sp.name}"
        row = self.speakers.get(key)
        old = row or dict(aliases="[]", roles="{}", kind="unknown", affiliation=None, name=sp.name)
        aliases = set(sp.aliases) | {sp.name} | set(json.loads(old["aliases"]))
        roles = json.loads(old["roles"] or "{}")
        if sp.role:
            roles[sp.role] = roles.get(sp.role, 0) + 1
        # the canonical name: of the forms seen that have this key, the shortest ("Vladimir Putin" over
        # "Vladimir V. Putin"), then the first in alphabetical order
        names = [a for a in aliases if a == sp.name or speaker_rules.key(
            replace(sp, name=a)) == key]
        fields = dict(
            name=min(names, key=lambda n: (len(n.split()), n)),
            kind=min(old["kind"], sp.kind, key=_KIND_ORDER.index),
            role=min(roles, key=lambda r: (-roles[r], r)) if roles else None,
            aliases=json.dumps(sorted(aliases), ensure_ascii=False),
            affiliation=min(filter(None, (old["affiliation"], sp.affiliation)), default=None),
            anonymous=int(sp.anonymous),
            roles=json.dumps(dict(sorted(roles.items())), ensure_ascii=False))
        if row is None:
            row = dict(id=self._ids("speakers", 1)[0], key=key, **fields)
            self.speakers[key] = row
            self.changed_speakers[row["id"]] = row
        elif any(row[k] != v for k, v in fields.items()):
            row.update(fields)
            self.changed_speakers[row["id"]] = row
        return row["id"]

    def record_error(self, err: ReadError) -> None:
        with self.db.atomic():
            self.db["ingest_errors"].insert(dict(source=err.source, error=err.error, at=now()))
