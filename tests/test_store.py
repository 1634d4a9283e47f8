import json
import sqlite3
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner
from dbcheck import check_databases  # noqa: F401  (autouse: tracker check on every database built here)

from tracker.cli import cli
from tracker.extract import extract
from tracker.model import Document
from tracker.read import ReadError
from tracker.store import FTS, LockTimeout, Store, ensure_db_shape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import diffdb  # noqa: E402


def ingest(*args):
    return CliRunner().invoke(cli, ["ingest", *map(str, args)], catch_exceptions=False)


def dump(path):
    db = sqlite_utils.Database(path)
    return {t: list(db.query(f"select * from [{t}] order by id")) for t in
            ("articles", "sentences", "quotes", "claims", "speakers")}


def test_reingesting_changes_nothing(tmp_path, seed_text):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "seed.txt").write_text(seed_text)
    db = tmp_path / "t.db"
    assert ingest(tmp_path / "in", "--db", db).exit_code == 0
    first = dump(db)
    assert len(first["articles"]) == 1 and first["articles"][0]["text"] == seed_text
    result = ingest(tmp_path / "in", "--db", db)
    assert result.exit_code == 0 and "0 articles added, 1 already present" in result.stderr
    assert dump(db) == first


def test_bad_file_is_recorded_and_the_rest_is_ingested(tmp_path):
    (tmp_path / "good.txt").write_text("The council met on Monday. It agreed a budget.")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa broken")
    db = tmp_path / "t.db"
    result = ingest(tmp_path, "--db", db)
    assert result.exit_code == 1
    assert result.stderr.count("bad.txt") == 1
    rows = dump(db)
    assert len(rows["articles"]) == 1
    errors = list(sqlite_utils.Database(db)["ingest_errors"].rows)
    assert [e["source"] for e in errors] == [str(tmp_path / "bad.txt")]


def test_rows_reference_their_article_and_offsets_slice_the_text(tmp_path, seed_text):
    db = sqlite_utils.Database(tmp_path / "t.db")
    store = Store(db)
    store.add(extract(Document(text=seed_text, source="seed.txt")))
    article = next(db["articles"].rows)
    text = article["text"]
    for table in ("sentences", "quotes", "claims"):
        for row in db[table].rows:
            assert row["article_id"] == article["id"]
            if table != "sentences":
                assert text[row["start"]:row["end"]] == (row["content"] if table == "quotes" else row["text"])
            else:
                assert text[row["start"]:row["end"]] == row["text"]
    conn = sqlite3.connect(tmp_path / "t.db")
    assert conn.execute("pragma foreign_key_check").fetchall() == []


def test_db_shape_is_idempotent_and_search_works(tmp_path, seed_text):
    db = sqlite_utils.Database(tmp_path / "t.db")
    Store(db).add(extract(Document(text=seed_text, source="seed.txt")))
    schema = db.schema
    ensure_db_shape(db)
    assert db.schema == schema
    for table in FTS:
        assert db[table].detect_fts() == f"{table}_fts"
    hits = list(db["sentences"].search("diplomatic"))
    assert hits and all("diplomatic" in h["text"].lower() for h in hits)


def test_speakers_are_shared_across_articles(tmp_path):
    db = sqlite_utils.Database(tmp_path / "t.db")
    store = Store(db)
    for n in range(2):
        store.add(extract(Document(text=f"Story {n} opens here.\n\n\"We will win,\" Jane Doe said on day {n}.",
                                   source=f"{n}.txt")))
    speakers = list(db["speakers"].rows)
    assert [s["name"] for s in speakers] == ["Jane Doe"]
    assert json.loads(speakers[0]["aliases"]) == ["Jane Doe"]
    assert {q["speaker_id"] for q in db["quotes"].rows} == {speakers[0]["id"]}


def test_a_failed_write_leaves_nothing_and_a_rerun_completes(tmp_path, seed_text):
    db = sqlite_utils.Database(tmp_path / "t.db")
    store = Store(db)
    good = extract(Document(text="Jane Doe said the plan worked.\n\n\"We won,\" Jane Doe said.", source="a.txt"))
    broken = extract(Document(text="\"It failed,\" John Roe said.", source="b.txt"))
    broken.quotes[0].sentence_idx = 99            # a bug in a stage: the row cannot be built
    assert store.add(broken)
    assert [(ex, type(e)) for ex, e in store.failures] == [(broken, IndexError)]
    store.failures.clear()
    assert db["articles"].count == 0 and db["speakers"].count == 0 and db["quotes"].count == 0
    store.add(good)
    broken.quotes[0].sentence_idx = 0
    store.add(broken)
    assert db["articles"].count == 2 and store.failures == []
    conn = sqlite3.connect(tmp_path / "t.db")
    assert conn.execute("pragma foreign_key_check").fetchall() == []
    assert {r[0] for r in conn.execute("select name from speakers")} >= {"John Roe"}


def test_a_batch_keeps_all_but_the_article_that_fails(tmp_path):
    db = sqlite_utils.Database(tmp_path / "t.db")
    store = Store(db, batch_size=10)
    exs = [extract(Document(text=f"\"Plan {n} works,\" Jane Doe said.", source=f"{n}.txt")) for n in range(3)]
    exs[1].quotes[0].sentence_idx = 42
    assert all(store.add(ex) for ex in exs)
    assert not store.add(exs[0])                   # same text: already queued
    assert db["articles"].count == 0                # queued, not written yet
    store.close()
    assert [ex.document.source for ex, _ in store.failures] == ["1.txt"]
    assert [r["source"] for r in db["articles"].rows] == ["0.txt", "2.txt"]
    assert sqlite3.connect(tmp_path / "t.db").execute("pragma foreign_key_check").fetchall() == []


def story(n: int, *names: str) -> Document:
    """An article of our own in which each of ``names`` says something."""
    quotes = " ".join(f'"Plan {n} is ready," {name} said on day {n}.' for name in names)
    return Document(text=f"Council story {n}.\n\n{quotes}", source=f"{n}.txt")


def test_speakers_are_written_without_the_upsert_probe(tmp_path, monkeypatch):
    # sqlite-utils' upsert_all falls back to INSERT OR IGNORE when its one-time probe fails (it did under
    # lock contention) and then skipped every new speaker while quotes still pointed at them
    monkeypatch.setattr(sqlite_utils.Database, "supports_on_conflict", property(lambda self: False))
    db = sqlite_utils.Database(tmp_path / "t.db")
    store = Store(db, batch_size=10)
    for n in range(3):
        store.add(extract(story(n, "Jane Doe", "John Roe")))
    store.close()
    assert sorted(r["name"] for r in db["speakers"].rows) == ["Jane Doe", "John Roe"]
    assert {q["speaker_id"] for q in db["quotes"].rows} == {r["id"] for r in db["speakers"].rows}


def test_two_stores_on_one_file_read_each_others_rows_inside_their_transaction(tmp_path):
    path = tmp_path / "t.db"
    first, second = Store(path), Store(path)          # both opened before either wrote
    first.add(extract(story(1, "Jane Doe")))
    second.add(extract(story(2, "Jane Doe", "John Roe")))
    assert not second.add(extract(story(1, "Jane Doe")))           # stored by the other: seen at once
    first.add(extract(story(3, "John Roe")))
    first.close(), second.close()
    assert [len(s.added) for s in (first, second)] == [2, 1]
    alone = tmp_path / "alone.db"
    store = Store(alone)
    for n, names in ((1, ["Jane Doe"]), (2, ["Jane Doe", "John Roe"]), (3, ["John Roe"])):
        store.add(extract(story(n, *names)))
    store.close()
    assert diffdb.signatures(str(path)) == diffdb.signatures(str(alone))
    rows = list(sqlite_utils.Database(path)["speakers"].rows)
    assert sorted(r["name"] for r in rows) == ["Jane Doe", "John Roe"]


def test_a_text_stored_by_another_writer_while_queued_is_present_not_added(tmp_path):
    path = tmp_path / "t.db"
    slow, fast = Store(path, batch_size=10), Store(path)
    doc = story(1, "Jane Doe")
    assert slow.add(extract(doc))                    # queued, not written
    assert fast.add(extract(doc))                    # written at once
    slow.close(), fast.close()
    assert (len(slow.added), len(slow.present), len(fast.added)) == (0, 1, 1)
    assert sqlite_utils.Database(path)["articles"].count == 1


def test_a_writer_waits_for_the_lock_and_gives_up_after_lock_timeout(tmp_path):
    path = tmp_path / "t.db"
    store = Store(path, lock_timeout=30, on_wait=lambda s: waits.append(s))
    waits: list[float] = []
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(4.5, lambda: other.execute("ROLLBACK")).start()
    started = time.monotonic()
    store.add(extract(story(1, "Jane Doe")))        # waits about 4.5 s, says so once (after 2 s), then writes
    assert 4.0 < time.monotonic() - started < 20 and len(waits) == 1
    assert sqlite_utils.Database(path)["articles"].count == 1
    other.execute("BEGIN IMMEDIATE")
    store.lock_timeout = 1.0
    with pytest.raises(LockTimeout):
        store.add(extract(story(2, "Jane Doe")))
    other.execute("ROLLBACK")
    store.close()


def test_an_error_is_recorded_once_however_often_it_recurs(tmp_path):
    path = tmp_path / "t.db"
    for _ in range(2):
        store = Store(path)
        store.record_error(ReadError("feed.jsonl", "invalid JSON at column 2: Expecting value", "line 2", "parse"))
        store.record_error(ReadError("bad.txt", "binary data, not text (a NUL byte at byte 9)", stage="decode"))
        store.close()
    rows = list(sqlite_utils.Database(path).query("select source, record, stage from ingest_errors order by id"))
    assert rows == [dict(source="feed.jsonl", record="line 2", stage="parse"),
                    dict(source="bad.txt", record=None, stage="decode")]
