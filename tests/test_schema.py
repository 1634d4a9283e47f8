"""Schema setup and upgrades: one transaction, old databases upgraded in place, a kill at any point harmless."""
import json
import random
from collections import Counter
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlite_utils
from dbcheck import assert_whole, check_databases, problems, unchecked  # noqa: F401

import tracker.store
from tracker import schema
from tracker.extract import extract
from tracker.model import Document
from tracker.store import FTS, INDEXES, TABLES, Store, all_tables, ensure_db_shape

HERE = Path(__file__).resolve().parent
MAIN_SCHEMA = HERE / "data" / "schema-main-2026-12-05.sql"
sys.path.insert(0, str(HERE.parent / "scripts"))
import diffdb  # noqa: E402

SOAK = __import__("os").environ.get("TRACKER_SOAK") == "1"


def doc(n: int) -> Document:
    return Document(text=f"Council story {n}.\n\n\"Plan {n} is ready,\" Jane Doe said on Monday. "
                         f"The plan costs £{n}m.", source=f"{n}.txt")


def old_database(path: Path, docs: list[Document]) -> None:
    """A database as tracker ingest on main made it: its schema, rows written with sqlite-utils as it did."""
    conn = sqlite3.connect(path)
    conn.executescript(MAIN_SCHEMA.read_text())
    conn.close()
    db = sqlite_utils.Database(path)
    speakers: dict[str, int] = {}
    for a, d in enumerate(docs, 1):
        ex = extract(d)
        db["articles"].insert(dict(id=a, source=d.source, content_hash=tracker.store.content_hash(d.text),
                                   title=d.title, text=d.text, ingested_at="2026-12-01T00:00:00+00:00"))
        first = (db.execute("select max(id) from sentences").fetchone()[0] or 0) + 1
        db["sentences"].insert_all(dict(id=first + i, article_id=a, idx=s.idx, start=s.start, end=s.end,
                                        text=s.text, boilerplate=0, checkworthiness=s.checkworthiness,
                                        paragraph=s.paragraph) for i, s in enumerate(ex.sentences))
        ids = []
        for sp in ex.speakers:
            key = tracker.speakers.key(sp)
            if key not in speakers:
                speakers[key] = len(speakers) + 1
                db["speakers"].insert(dict(id=speakers[key], name=sp.name, kind=sp.kind, aliases=json.dumps([sp.name]),
                                           anonymous=0, roles="{}", key=key))
            ids.append(speakers[key])
        for q in ex.quotes:
            db["quotes"].insert(dict(article_id=a, sentence_id=first + q.sentence_idx, kind=q.kind, content=q.content,
                                     start=q.start, end=q.end, cue=q.cue, speaker_mention=q.speaker_mention,
                                     speaker_id=ids[q.speaker]))
        for c in ex.claims:
            db["claims"].insert(dict(article_id=a, sentence_id=first + c.sentence_idx, kind=c.kind, text=c.text,
                                     start=c.start, end=c.end, raw_number=c.raw_number, value=c.value,
                                     unit=c.unit, qualifier=c.qualifier, flags="[]"))
    for at in ("2026-12-01", "2026-12-02"):     # main recorded an error again on every run
        db["ingest_errors"].insert(dict(source="bad.txt", error="empty file: no article text", at=at))
    db.close()


def main_columns(table: str) -> set[str]:
    """The columns ``table`` had in main's schema (a database made then has these)."""
    conn = sqlite3.connect(":memory:")
    conn.executescript(MAIN_SCHEMA.read_text())
    return {r[1] for r in conn.execute(f"pragma table_info({table})")}


def test_a_database_made_on_main_is_upgraded_in_place_without_loss(tmp_path):
    path = tmp_path / "old.db"
    old_database(path, [doc(1), doc(2)])
    before = diffdb.signatures(str(path))
    assert schema.version(sqlite3.connect(path)) == 0 and problems(path)
    Store(path).close()
    after = diffdb.signatures(str(path))
    gained = set(TABLES["claims"]["columns"]) - main_columns("claims")
    assert gained and all(v is None for row in after["claims"] for k, v in row if k in gained)   # nothing invented
    after["claims"] = Counter({tuple(kv for kv in row if kv[0] not in gained): n for row, n in after["claims"].items()})
    assert after == before
    db = sqlite_utils.Database(path)
    assert db["claim_groups"].exists() and db["claims_fts"].columns_dict.keys() >= {"measure", "statement"}
    assert db.execute("pragma user_version").fetchone()[0] == schema.VERSION
    assert list(db.query("select source, stage, record from ingest_errors")) == [
        dict(source="bad.txt", stage=None, record=None)]            # the repeats folded into one
    assert [r["content"] for r in db.query("select content from quotes_fts where quotes_fts match 'ready'")] == \
        ["Plan 1 is ready", "Plan 2 is ready"]
    store = Store(path)
    store.add(extract(doc(3)))
    store.close()
    assert db.execute("select count(*), max(id) from speakers").fetchone() == (1, 1)   # linked to the old row
    assert db.execute("select count(distinct speaker_id) from quotes").fetchone()[0] == 1


def test_what_the_schema_gains_reaches_old_databases(tmp_path, monkeypatch, unchecked):
    """The next issues add columns to quotes and claims, tables, searchable columns and indexes: each is
    added to a database made before, without loss, by the next ingest."""
    path = tmp_path / "old.db"
    old_database(path, [doc(1), doc(2)])
    Store(path).close()
    before = diffdb.signatures(str(path))
    monkeypatch.setitem(TABLES["quotes"]["columns"], "confidence", float)
    monkeypatch.setitem(TABLES["claims"]["columns"], "checked_by", str)
    monkeypatch.setitem(TABLES, "notes", dict(
        columns={"id": int, "quote_id": int, "speaker_id": int, "why": str}, pk="id",
        foreign_keys=[("quote_id", "quotes", "id"), ("speaker_id", "speakers", "id")]))
    monkeypatch.setitem(FTS, "claims", FTS["claims"] + ["checked_by"])
    monkeypatch.setitem(FTS, "notes", ["why"])
    more = INDEXES + [("quotes", ["confidence"], False)]
    monkeypatch.setattr(tracker.store, "INDEXES", more)
    assert {p.split(":")[0] for p in problems(path)} == {"schema"}
    store = Store(path)
    store.add(extract(doc(3)))
    store.close()
    assert problems(path) == []
    db = sqlite_utils.Database(path)
    assert {"confidence"} <= set(db["quotes"].columns_dict) and {"checked_by"} <= set(db["claims"].columns_dict)
    assert db["notes"].exists() and db["notes_fts"].exists()
    assert db.execute("select count(*) from claims_fts where claims_fts match 'GBP'").fetchone()[0] == 3
    after = diffdb.signatures(str(path))
    for table, rows in before.items():
        assert set(rows) <= set(after[table]) or table in ("quotes", "claims")     # (those gained a column)
    assert after["quotes"].total() == before["quotes"].total() + 1


def test_setup_is_one_transaction(tmp_path, monkeypatch):
    path = tmp_path / "t.db"
    calls = 0
    real = schema.apply

    def fail_midway(conn, steps):
        nonlocal calls
        calls += 1
        real(conn, steps[: len(steps) // 2])
        raise sqlite3.OperationalError("disk I/O error (simulated)")

    monkeypatch.setattr(schema, "apply", fail_midway)
    conn = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        ensure_db_shape(conn)
    assert calls == 1 and conn.execute("select count(*) from sqlite_master").fetchone()[0] == 0
    monkeypatch.setattr(schema, "apply", real)
    assert ensure_db_shape(conn) and ensure_db_shape(conn) == []      # made, then nothing left to do
    conn.close()


def test_a_missing_trigger_is_made_again_and_what_it_missed_indexed(tmp_path):
    path = tmp_path / "t.db"
    store = Store(path)
    store.conn.execute("drop trigger quotes_ai")       # as a kill during the old, step-by-step setup left it
    store.add(extract(doc(1)))
    assert {"schema: trigger quotes_ai is missing",
            "search: quotes_fts does not match quotes: 1 rows not indexed"} <= set(problems(path))
    store.close()
    assert_whole(path)
    assert sqlite3.connect(path).execute("select count(*) from quotes_fts where quotes_fts match 'ready'"
                                         ).fetchone()[0] == 1


def test_an_update_of_a_column_not_searched_leaves_the_search_index_alone(tmp_path):
    path = tmp_path / "t.db"
    old_database(path, [doc(1), doc(2)])                # its update triggers fire on every update
    swaps = [s for s in schema.problems(sqlite3.connect(path), *all_tables()[:1], FTS, all_tables()[1])
             if "fires on every update" in s.problem]
    # (claims_fts indexes more columns now: made again and filled, as before)
    assert {s.problem.split()[1] for s in swaps} == {f"{t}_au" for t in ("articles", "sentences", "speakers", "quotes")}
    assert all(s.rebuild is None for s in swaps)        # the old trigger kept the index whole: none to rebuild
    Store(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    before = conn.total_changes
    conn.execute("update articles set duplicate_similarity = 0.9 where id = 1")
    assert conn.total_changes - before == 1             # the row alone: no delete and insert into articles_fts
    conn.execute("update articles set title = 'Harbour story' where id = 1")
    assert conn.execute("select rowid from articles_fts where articles_fts match 'harbour'").fetchall() == [(1,)]
    conn.execute("update speakers set role = 'treasurer' where id = 1")
    assert conn.execute("select rowid from speakers_fts where speakers_fts match 'treasurer'").fetchall() == [(1,)]
    assert problems(path) == []


SETUP = """
import sqlite3, sys, time
from tracker.store import ensure_db_shape
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.set_trace_callback(lambda sql: time.sleep(0.002))     # every statement slower: a kill lands inside
print("ready", flush=True)
ensure_db_shape(conn)
print("done", flush=True)
"""


@pytest.mark.parametrize("start", ["empty", "main"])
def test_a_kill_during_setup_leaves_the_database_as_it_was_or_complete(tmp_path, start):
    template = tmp_path / "main.template"
    if start == "main":
        old_database(template, [doc(1)])

    def fresh(name: str) -> Path:
        path = tmp_path / f"{start}-{name}.db"
        if start == "main":
            path.write_bytes(template.read_bytes())
        return path

    def run(path: Path, kill_after: float | None) -> float:
        proc = subprocess.Popen([sys.executable, "-c", SETUP, str(path)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline() == "ready\n"
        started = time.monotonic()
        if kill_after is None:
            assert proc.stdout.readline() == "done\n"
        else:
            time.sleep(kill_after)
            proc.kill()
        proc.wait()
        return time.monotonic() - started

    took = run(fresh("whole"), None)        # how long setup takes: the kills fall inside that time
    rng = random.Random(17)
    outcomes = []
    for n in range(25 if SOAK else 4):
        path = fresh(str(n))
        before = sorted(sqlite3.connect(path).execute("select type, name, sql from sqlite_master"))
        run(path, rng.uniform(0, 1.2 * took))
        conn = sqlite3.connect(path)
        now = sorted(conn.execute("select type, name, sql from sqlite_master"))
        tables, indexes = all_tables()
        complete = not schema.problems(conn, tables, FTS, indexes) and schema.version(conn) == schema.VERSION
        assert complete or now == before, f"half made after a kill ({n})"
        conn.close()
        outcomes.append(complete)
        Store(path).close()          # the next run completes it (the autouse check then runs tracker check)
    print(f"{start}: setup {took:.2f} s; complete after {sum(outcomes)} of {len(outcomes)} kills")
