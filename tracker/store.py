"""The one module that writes SQLite.

The schema is data (``TABLES``, ``FTS``, ``INDEXES`` in ``tracker.tables``); ``ensure_db_shape``
makes a database match it, in one transaction (``tracker.schema``). ``Store``
writes articles and everything extracted from them in one ``BEGIN IMMEDIATE``
transaction per batch of articles, so a crash leaves whole batches only, and a
re-run (which skips articles already present by content hash) completes the
database.

Several ``tracker ingest`` runs may write into one database at once: each
batch waits for the write lock (WAL mode, a busy timeout, and a line on stderr
when another writer keeps it long), then reads what it depends on inside its
transaction (which texts are stored, the next ids, the speakers its articles
link to), so the rows are the same as if the runs had been one after another.
Rows are written with explicit SQL over prepared rows (``_insert``): faster
than sqlite-utils' ``insert_all``, and with no upsert probe whose fallback
under lock contention (``INSERT OR IGNORE``) once dropped new speakers
silently.
"""
from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from . import corrections, neardup, schema
from . import speakers as speaker_rules
from .claims.groups import group_key
from .model import Document, Extraction, Speaker
from .read import ReadError
from .tables import FTS, INDEXES, TABLES  # noqa: F401  (the schema as data; read from here by check.py and the tests)

if TYPE_CHECKING:       # imported when a caller asks for ``Store.db``: a fifth of a second of every ingest's start
    import numpy as np
    import sqlite_utils

_KIND_ORDER = ["person", "organization", "group", "generic", "unknown"]
_IDS = ("articles", "sentences", "quotes", "claims", "speakers", "claim_groups")
_ROWS = ("claim_groups", "articles", "sentences", "quotes", "claims")
ROWS = 256              # rows an INSERT statement (see Store._insert)
RECENT = 8192           # articles whose shingles a store keeps (32-bit: about 1.6 kB each on the BBC corpus)
_VARS = 500             # keys per "in (...)" query (SQLite's limit is 32766 from 3.32 on, 999 before)
WAIT_NOTE = 2.0         # seconds of waiting for the write lock before saying so
T = TypeVar("T")


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection for writing: transactions are the store's own (no implicit BEGIN), WAL, a busy timeout.

    The busy timeout is short: ``Store`` waits for the lock in a loop of its own, so that it can say it is
    waiting and give up after ``lock_timeout``.
    """
    conn = sqlite3.connect(path, isolation_level=None, timeout=1.0)
    conn.execute("PRAGMA journal_mode = WAL")
    # in WAL mode NORMAL never corrupts and never loses a commit to a killed process (only, on a power cut,
    # the last commits before it): one sync a checkpoint instead of one a transaction
    conn.execute("PRAGMA synchronous = NORMAL")
    # 32 MB of page cache (SQLite's default is 2 MB): the pages of the indexes on random keys (content hash,
    # near-duplicate bands, check-worthiness) stay in memory as the database grows. A batch of 200 articles
    # written at 8,400 articles against one into an empty database (scripts/write_cost.py, one run each):
    # 2.87 times the CPU with 2 MB, 2.41 with 32 MB, 2.26 with 64 MB
    conn.execute("PRAGMA cache_size = -32768")
    return conn


def all_tables() -> tuple[dict[str, dict], list[tuple[str, list[str], bool]]]:
    """The tables and indexes of the whole schema: the extraction's (``TABLES``, ``INDEXES``), then those of the
    journalist's corrections (``tracker.corrections.TABLES``)."""
    return {**TABLES, **corrections.TABLES}, INDEXES + corrections.INDEXES


def ensure_db_shape(db: sqlite_utils.Database | sqlite3.Connection, begin: Callable[[], object] | None = None):
    """Create or upgrade the database to the schema (tables, full-text search with triggers, indexes), in one
    transaction. Idempotent; returns the steps taken."""
    conn = db if isinstance(db, sqlite3.Connection) else db.conn
    tables, indexes = all_tables()
    return schema.ensure(conn, tables, FTS, indexes, begin=begin)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@functools.lru_cache(maxsize=1 << 16)
def _key(name: str, kind: str, role: str | None, affiliation: str | None, anonymous: bool) -> str | None:
    """``speakers.key`` of a speaker of these fields (it reads no other: aliases play no part), remembered: a
    store asks it of the same names again and again (every alias of a speaker, at each article naming them),
    about a tenth of the store's CPU over the BBC corpus before."""
    return speaker_rules.key(Speaker(name=name, kind=kind, role=role, affiliation=affiliation, anonymous=anonymous))


class LockTimeout(Exception):
    """Another process held the write lock for longer than the store would wait."""


def _locked(e: sqlite3.Error) -> bool:
    return getattr(e, "sqlite_errorcode", None) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or \
        "locked" in str(e) or "busy" in str(e)


class Store:
    """Writes extractions into a database; one instance per ingest run.

    ``add`` queues an article; every ``batch_size`` articles (and on ``flush``)
    the queue is written in one transaction, so a crash leaves whole articles
    only. An article whose rows cannot be written is rolled back alone and
    listed in ``failures`` (extraction, exception); the others are kept.
    Articles written are listed in ``added``, those another writer stored
    first in ``present``: the caller reads and clears the three lists.

    ``lock_timeout``: seconds to wait for the write lock before ``LockTimeout``;
    ``on_wait(seconds)`` is called once per wait longer than ``WAIT_NOTE``.
    """

    def __init__(self, db: sqlite_utils.Database | str | Path, batch_size: int = 1, lock_timeout: float = 60.0,
                 on_wait: Callable[[float], None] | None = None):
        self.owns_connection = isinstance(db, (str, Path))
        if self.owns_connection:
            self.conn, self._db = connect(db), None
        else:
            self._db, self.conn = db, db.conn
            self.conn.execute("PRAGMA busy_timeout = 1000")
        self.path = self.conn.execute("PRAGMA database_list").fetchone()[2]     # "" in memory
        # parameters a statement may take: 32766 from SQLite 3.32 on, 999 before
        self.max_variables = self.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) \
            if hasattr(self.conn, "getlimit") else 999
        self.batch_size = batch_size
        self.lock_timeout = lock_timeout
        self.on_wait = on_wait
        self.pending: dict[str, Extraction] = {}
        self.sketches: dict[str, neardup.Sketch] = {}      # of the pending articles, made outside the lock
        # the shingles of the RECENT articles written or compared with last, by id, least recently used first:
        # a near-duplicate of one of them (a story sent again, edited) is compared with it without reading and
        # shingling its text again, a tenth of a batch's CPU at 10,000 articles in scripts/write_cost.py (where
        # every batch copies earlier ones)
        self.recent: dict[int, np.ndarray] = {}
        self.errors: list[ReadError] = []
        self.added: list[Extraction] = []
        self.present: list[Extraction] = []
        self.failures: list[tuple[Extraction, Exception]] = []
        # the journalist's corrections beside the database (tracker/corrections.py), applied in every batch's
        # transaction; what could not be applied (a line of the file that is not JSON ...), for the caller
        self.corrections = corrections.corrections_path(self.path) if self.path else None
        self.correction_errors: list[ReadError] = []
        self._told: set[str] = set()
        self.wrote = False          # articles or errors written: close() counts the served pages' summary again
        ensure_db_shape(self.conn, begin=self._begin)

    @property
    def db(self) -> sqlite_utils.Database:
        """The connection as a sqlite-utils ``Database`` (the one given, or one made when first asked for)."""
        if self._db is None:
            import sqlite_utils
            self._db = sqlite_utils.Database(self.conn)
        return self._db

    # -- transactions ------------------------------------------------------------------------------------

    def _begin(self) -> None:
        """BEGIN IMMEDIATE: take the write lock now, waiting for another writer to let it go."""
        started, told = time.monotonic(), False
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as e:
                if not _locked(e):
                    raise
            waited = time.monotonic() - started
            if waited >= self.lock_timeout:
                raise LockTimeout(f"another process has held the write lock for more than {self.lock_timeout:g} s")
            if not told and waited >= WAIT_NOTE and self.on_wait:
                self.on_wait(waited)
                told = True

    def transaction(self, write: Callable[[], T]) -> T:
        """``write()`` inside one write transaction, run again from the start if the database was busy in the
        middle of it (it reads what it depends on inside the transaction, so a retry writes the same rows)."""
        started = time.monotonic()
        while True:
            self._begin()
            try:
                out = write()
                self.conn.execute("COMMIT")
                return out
            except sqlite3.OperationalError as e:
                self._rollback()
                if not _locked(e) or time.monotonic() - started >= self.lock_timeout:
                    raise
            except BaseException:
                self._rollback()
                raise

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    # -- reading -------------------------------------------------------------------------------------------

    def has(self, text: str) -> bool:
        """Whether the same text is stored or queued."""
        h = content_hash(text)
        return h in self.pending or self.conn.execute(
            "select 1 from articles where content_hash = ?", [h]).fetchone() is not None

    @contextmanager
    def reader(self) -> Iterator[Callable[[str], bool]]:
        """``stored(text)`` on a connection of its own, for another thread (the one that feeds a process
        pool): a connection serves the thread that made it only. The writer checks again in its transaction."""
        path = self.path
        if not path:            # an in-memory database: no other connection sees it
            yield lambda text: content_hash(text) in self.pending
            return
        conn = sqlite3.connect(path, timeout=self.lock_timeout)
        try:
            yield lambda text: conn.execute("select 1 from articles where content_hash = ?",
                                            [content_hash(text)]).fetchone() is not None
        finally:
            conn.close()

    def earlier_versions(self, doc: Document) -> list[int]:
        """Stored articles from the same source as ``doc`` with another text (an article edited since)."""
        if not doc.source or doc.source == "-":
            return []
        return [r[0] for r in self.conn.execute("select id from articles where source = ? and content_hash != ?",
                                                [doc.source, content_hash(doc.text)])]

    def _in(self, sql: str, values: list) -> list[tuple]:
        """``sql`` with its one ``in (%s)`` filled with ``values``, a chunk at a time."""
        out = []
        for i in range(0, len(values), _VARS):
            chunk = values[i:i + _VARS]
            out.extend(self.conn.execute(sql % ", ".join("?" * len(chunk)), chunk))
        return out

    # -- writing -------------------------------------------------------------------------------------------

    def add(self, ex: Extraction, sketch: neardup.Sketch | None = None) -> bool:
        """Queue one article and its extraction (``sketch``: its text's near-duplicate sketch, if made
        already); False if the same text is already stored or queued."""
        if self.has(ex.document.text):
            return False
        h = content_hash(ex.document.text)
        self.pending[h] = ex
        self.sketches[h] = neardup.sketch(ex.document.text) if sketch is None else sketch
        if len(self.pending) >= self.batch_size:
            self.flush()
        return True

    def record_error(self, err: ReadError) -> None:
        """Queue an error row (written with the next batch; an error already recorded gets a new time)."""
        self.errors.append(err)
        if len(self.errors) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        """Write the queued articles and errors: in one transaction, or one by one if that fails."""
        pending, self.pending = self.pending, {}
        errors, self.errors = self.errors, []
        if not pending and not errors:
            return
        try:
            self._commit(pending, errors)
            return
        except LockTimeout:
            raise
        except Exception:  # noqa: BLE001 - retried one article at a time below
            pass
        for h, ex in pending.items():
            try:
                self._commit({h: ex}, [])
            except LockTimeout:
                raise
            except Exception as e:  # noqa: BLE001 - reported to the caller, the rest is kept
                self.sketches.pop(h, None)
                self.failures.append((ex, e))
        if errors:
            self._commit({}, errors)

    def _commit(self, pending: dict[str, Extraction], errors: list[ReadError]) -> None:
        self.transaction(lambda: self._write(pending, errors))
        for row in self.rows["articles"] if pending else ():
            if row["content_hash"] in self.sketches:
                self.recent[row["id"]] = neardup.compact(self.sketches[row["content_hash"]].shingles)
        while len(self.recent) > RECENT:
            del self.recent[next(iter(self.recent))]
        for h in pending:
            self.sketches.pop(h, None)
        self.wrote = True
        added, present = self._done
        self.added.extend(added)
        self.present.extend(present)

    def close(self, corrections: bool = True) -> None:
        """Write what is queued, apply the corrections and refresh the review of likely duplicate speakers (one
        transaction); close the connection if the store opened it (which checkpoints the WAL into the database
        file, so that a copy of the file alone has everything)."""
        self.flush()
        ensure_db_shape(self.conn, begin=self._begin)
        if corrections and self.corrections:
            self.transaction(lambda: self._correct(pairs=True))
        # the counts the served pages show, after rows were written or when stale (a correction adds a row)
        summary = __import__("tracker.serve.summary", fromlist=["refresh_in"])
        if self.wrote or not summary.fresh_in(self.conn):
            self.transaction(lambda: summary.refresh_in(self.conn))
        if self.owns_connection:
            self.conn.close()

    def _write(self, pending: dict[str, Extraction], errors: list[ReadError]) -> None:
        """The rows of the queued articles and errors, inside the caller's transaction.

        Everything the rows depend on is read here, inside the transaction: another writer may have
        stored some of these texts, taken ids or linked speakers since this run last looked.
        """
        stored = {r[0] for r in self._in("select content_hash from articles where content_hash in (%s)",
                                         list(pending))}
        todo = {h: ex for h, ex in pending.items() if h not in stored}
        self.next_id = {t: (self.conn.execute(f"select max(id) from [{t}]").fetchone()[0] or 0) + 1 for t in _IDS}
        keys = {h: [self._speaker_key(sp, h) for sp in ex.speakers] for h, ex in todo.items()}
        wanted = sorted({k for ks in keys.values() for k in ks})
        cur = self.conn.execute("select * from speakers limit 0")
        names = [c[0] for c in cur.description]
        self.speakers = {r[names.index("key")]: dict(zip(names, r))
                         for r in self._in("select * from speakers where key in (%s)", wanted)}
        self.new_speakers: dict[int, dict] = {}
        self.changed_speakers: dict[int, dict] = {}
        self.rows: dict[str, list[dict]] = {t: [] for t in _ROWS}
        group_keys = {h: [group_key(c) for c in ex.claims] for h, ex in todo.items()}
        self.groups = dict(self._in("select key, id from claim_groups where key in (%s)",
                                    sorted({k for ks in group_keys.values() for k in ks if k})))
        self.touched_groups: set[int] = set()
        for h, ex in todo.items():
            self._article_rows(ex, h, keys[h], group_keys[h])
        sketches = [self.sketches.get(h) or neardup.sketch(ex.document.text) for h, ex in todo.items()]
        self.rows["article_bands"] = neardup.Linker(self.conn, self.recent).link(self.rows["articles"], sketches)
        self.rows["article_shingles"] = [dict(id=row["id"], shingles=neardup.stored(sk.shingles))
                                         for row, sk in zip(self.rows["articles"], sketches)]
        # new speakers and those whose aliases or roles grew, in one upsert by id
        self._insert("speakers", list(self.new_speakers.values()) +
                     [r for i, r in self.changed_speakers.items() if i not in self.new_speakers], upsert=True)
        for table, rows in self.rows.items():
            self._insert(table, rows)
        self._error_rows(errors)
        if todo and self.corrections:
            self._correct(pairs=False)
        self._update_groups()
        # (what the caller learns once the transaction commits; a retry makes them again)
        self._done = (list(todo.values()), [ex for h, ex in pending.items() if h in stored])

    def _error_rows(self, errors: list[ReadError]) -> None:
        at = now()
        for err in errors:
            key = [err.source, err.record, err.stage, err.error]
            if not self.conn.execute("update ingest_errors set at = ? where source is ? and record is ? and "
                                     "stage is ? and error is ?", [at, *key]).rowcount:
                self.conn.execute("insert into ingest_errors (source, record, stage, error, at) values (?, ?, ?, ?, ?)",
                                  [*key, at])

    def _correct(self, pairs: bool) -> None:
        """Apply the corrections inside the transaction, all or none. Corrections that cannot be applied (a
        line of the file that is not JSON ...) are an error row and an error for the caller
        (``correction_errors``), and the articles are stored uncorrected rather than lost."""
        self.conn.execute("SAVEPOINT corrections")
        try:
            corrections.apply_in(self.conn, self.corrections, pairs=pairs)
        except (ValueError, TypeError, KeyError, OSError, sqlite3.IntegrityError) as e:  # JSONDecodeError: ValueError
            self.conn.execute("ROLLBACK TO corrections")
            err = ReadError(str(self.corrections), f"could not apply the corrections: {type(e).__name__}: {e}",
                            None, "corrections")
            self._error_rows([err])
            if str(err) not in self._told:          # once a run, not once a batch
                self._told.add(str(err))
                self.correction_errors.append(err)
        self.conn.execute("RELEASE corrections")

    def _insert(self, table: str, rows: list[dict], upsert: bool = False) -> None:
        """Insert ``rows`` (dicts with the same keys), many in one statement.

        Not ``executemany``: each statement that writes to a table with a full-text trigger ends in a
        savepoint at which FTS5 flushes its pending terms to disk, so one row a statement made writing the
        BBC corpus's sentences 3.6x as costly as 1,000 rows a statement (2.8 s against 0.77 s of CPU).
        Statements of ``ROWS`` rows, then of powers of two for the rest: a few shapes of statement a table,
        so that sqlite3's statement cache holds them all (one shape a batch, each a compiled program of
        thousands of rows, once filled the cache with 100 MB).
        ``upsert``: a row whose id is already there replaces that row's other columns.
        """
        if not rows:
            return
        cols = list(rows[0])
        per = max(1, min(ROWS, self.max_variables // len(cols)))
        one = "(" + ", ".join("?" * len(cols)) + ")"
        head = f"insert into [{table}] ({', '.join(f'[{c}]' for c in cols)}) values "
        tail = (" on conflict(id) do update set " + ", ".join(f"[{c}] = excluded.[{c}]" for c in cols if c != "id")
                if upsert else "")
        i = 0
        while i < len(rows):
            n = per if len(rows) - i >= per else 1 << (len(rows) - i).bit_length() - 1
            chunk = rows[i:i + n]
            self.conn.execute(head + ", ".join([one] * n) + tail, [r[c] for r in chunk for c in cols])
            i += n

    def _ids(self, table: str, n: int) -> range:
        first = self.next_id[table]
        self.next_id[table] = first + n
        return range(first, first + n)

    def _article_rows(self, ex: Extraction, h: str, speaker_keys: list[str], group_keys: list[str | None]) -> int:
        """The rows of one article."""
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
        speaker_ids = [self._link_speaker(sp, key) for sp, key in zip(ex.speakers, speaker_keys)]
        quote_ids = self._ids("quotes", len(ex.quotes))
        self.rows["quotes"].extend(
            dict(id=qid, article_id=article_id, sentence_id=sent_ids[q.sentence_idx], kind=q.kind,
                  content=q.content, start=q.start, end=q.end, cue=q.cue, cue_start=q.cue_start,
                  cue_end=q.cue_end, speaker_mention=q.speaker_mention, speaker_start=q.speaker_start,
                  speaker_end=q.speaker_end,
                  speaker_id=None if q.speaker is None else speaker_ids[q.speaker], confidence=q.confidence)
             for qid, q in zip(quote_ids, ex.quotes))
        claim_ids = self._ids("claims", len(ex.claims))
        self.rows["claims"].extend(
            dict(id=cid, article_id=article_id, sentence_id=sent_ids[c.sentence_idx], kind=c.kind,
                  text=c.text, start=c.start, end=c.end,
                  quote_id=None if c.quote is None else quote_ids[c.quote],
                  speaker_id=None if c.speaker is None else speaker_ids[c.speaker],
                  raw_number=c.raw_number, value=c.value, low=c.low, high=c.high, unit=c.unit,
                  qualifier=c.qualifier, reference=c.reference, flags=json.dumps(c.flags),
                  measure=c.measure, subject=c.subject, period=c.period, period_start=c.period_start,
                  period_end=c.period_end,
                  statement=None if c.statement_start is None else doc.text[c.statement_start:c.statement_end],
                  statement_start=c.statement_start, statement_end=c.statement_end,
                  repeats=None if c.repeats is None else claim_ids[c.repeats], group_id=self._group(key))
             for cid, c, key in zip(claim_ids, ex.claims, group_keys))
        return article_id

    def _group(self, key: str | None) -> int | None:
        """The id of the group of the same claim across articles (found by key, or new), or None."""
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
        ids = sorted(self.touched_groups)
        for i in range(0, len(ids), _VARS):
            chunk = ids[i:i + _VARS]
            self.conn.execute(f"""update claim_groups set
  claims = (select count(*) from claims where claims.group_id = claim_groups.id and claims.repeats is null),
  articles = (select count(distinct article_id) from claims where claims.group_id = claim_groups.id),
  speakers = {schema.GROUP_SPEAKERS.format(group="claim_groups.id")},
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

    @staticmethod
    def _speaker_key(sp, article_hash: str) -> str:
        """The cross-article identity of an article's speaker; a bare surname or an unaffiliated source gets
        one of this article's own."""
        return _key(sp.name, sp.kind, sp.role, sp.affiliation, sp.anonymous) or \
            f"article {article_hash[:16]}: {sp.kind} {sp.name}"

    def _link_speaker(self, sp, key: str) -> int:
        """The speakers row for an article's speaker: found by key, or new; aliases and roles merged.

        Every merged field is a function of the set of articles linked (a union of aliases, summed role
        counts, a fixed order of kinds), so ingesting articles in any order gives the same rows.
        """
        row = self.speakers.get(key)
        old = row or dict(aliases="[]", roles="{}", kind="unknown", affiliation=None, name=sp.name)
        aliases = set(sp.aliases) | {sp.name} | set(json.loads(old["aliases"]))
        roles = json.loads(old["roles"] or "{}")
        if sp.role:
            roles[sp.role] = roles.get(sp.role, 0) + 1
        # the canonical name: of the forms seen that have this key, the shortest ("Vladimir Putin" over
        # "Vladimir V. Putin"), then the first in alphabetical order
        names = [a for a in aliases if a == sp.name or _key(a, sp.kind, sp.role, sp.affiliation, sp.anonymous) == key]
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
            self.new_speakers[row["id"]] = row
        elif any(row[k] != v for k, v in fields.items()):
            row.update(fields)
            self.changed_speakers[row["id"]] = row
        return row["id"]
