"""Each article is a unit of its own: what fails in one is that article's error, the rest goes on."""
import pytest

import tracker.claims
from tracker.extract import StageError, extract
from tracker.model import Document


def test_an_exception_in_a_stage_names_the_stage(monkeypatch):
    def broken(text, sentences):
        raise TypeError("'>' not supported between instances of 'NoneType' and 'int'")

    monkeypatch.setattr(tracker.claims, "find_claims", broken)
    with pytest.raises(StageError) as info:
        extract(Document(text="The cheapest option cost £5m, the mayor said."))
    assert info.value.stage == "claims" and isinstance(info.value.error, TypeError)
    assert str(info.value).startswith("claims: TypeError: '>' not supported")


# -- the command line: one error line and one row per failure, the rest stored ---------------------------------

import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import sqlite3  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402

import sqlite_utils  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from dbcheck import check_databases  # noqa: E402,F401  (autouse: tracker check on every database built here)

import tracker.pipeline  # noqa: E402
from tracker.cli import cli  # noqa: E402


def article(n: int, extra: str = "") -> str:
    return f"Council story {n}.\n\nJane Doe said the plan for ward {n} would cost £{n + 1}m. {extra}"


def ingest(*args):
    return CliRunner().invoke(cli, ["ingest", *map(str, args)], catch_exceptions=False)


def errors(db):
    return list(sqlite_utils.Database(db).query("select source, record, stage from ingest_errors order by id"))


def error_lines(result):
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def hostile_folder(root):
    """Good articles beside one of each bad input of the audit."""
    folder = root / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"good{n}.txt").write_text(article(n))
    records = [json.dumps({"text": article(10)}), "[" * 50_000 + "]" * 50_000,
               '{"text": ' + json.dumps(article(11)) + ', "id": ' + "7" * 5000 + "}",
               '{"text": "Half a pair \\ud800 here."}',
               json.dumps({"text": article(12, "The mayor\u2028said\x85so.")}, ensure_ascii=False)]
    (folder / "feed.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    (folder / "empty.jsonl").write_text("")
    (folder / "none.json").write_text("[]")
    (folder / "binary.txt").write_bytes(article(13).encode() * 300 + b"\x00")
    (folder / "two\nlines.txt").write_bytes(b"caf\xe9")
    os.mkfifo(folder / "pipe.txt")
    return folder


def test_bad_inputs_are_one_error_line_and_one_row_each_and_the_rest_is_stored(tmp_path):
    folder = hostile_folder(tmp_path)
    db = tmp_path / "t.db"
    # a subprocess, so that a FIFO opened for reading would show as a timeout rather than hang the suite
    run = subprocess.run([sys.executable, "-m", "tracker.cli", "ingest", str(folder), "--db", str(db)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    lines = run.stderr.splitlines()
    assert sorted(line for line in lines if line.startswith("error:")) == sorted([
        f"error: {folder}/binary.txt: binary data, not text (a NUL byte at byte {len(article(13).encode()) * 300})",
        f"error: {folder}/feed.jsonl, line 2: invalid JSON: nested too deeply to read",
        f"error: {folder}/feed.jsonl, line 4: \"text\" is not valid Unicode: a lone surrogate escape (\\ud800) "
        f"at character 12",
        f"error: {folder}/two\\nlines.txt: cannot decode as UTF-8 text (byte 3); convert it to UTF-8"])
    assert f"note: {folder}/empty.jsonl: no records: nothing to read" in lines
    assert f"note: {folder}/none.json: no records: nothing to read" in lines
    assert f"note: {folder}/pipe.txt: not a regular file (a FIFO); skipped" in lines
    assert lines[-1].startswith("6 articles added, 0 already present, 4 errors;")
    texts = {r[0] for r in sqlite3.connect(db).execute("select text from articles")}
    assert {article(n) for n in (0, 1, 2, 10, 11)} <= texts and len(texts) == 6
    assert sorted((e["source"], e["record"], e["stage"]) for e in errors(db)) == sorted([
        (str(folder / "binary.txt"), None, "decode"), (str(folder / "feed.jsonl"), "line 2", "parse"),
        (str(folder / "feed.jsonl"), "line 4", "record"), (str(folder / "two\nlines.txt"), None, "decode")])
    again = subprocess.run([sys.executable, "-m", "tracker.cli", "ingest", str(folder), "--db", str(db)],
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 1 and "0 articles added, 6 already present, 4 errors" in again.stderr
    assert len(errors(db)) == 4                          # the same errors: their rows updated, not added


def test_an_unreadable_subfolder_is_an_error_and_the_rest_is_stored(tmp_path, monkeypatch):
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "story.txt").write_text(article(1))
    locked = str(tmp_path / "in" / "locked")
    real = os.scandir

    def scandir(path="."):          # (the suite may run as root, who may read any folder)
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = ingest(tmp_path / "in", "--db", tmp_path / "t.db")
    assert result.exit_code == 1
    assert error_lines(result) == [f"error: {locked}: cannot read folder: Permission denied"]
    assert "1 article added" in result.stderr


def slow_or_failing(real):
    """extract, except that an article saying SLOW never ends and one saying BROKEN fails in its claims."""
    def extract(doc):
        if "SLOW-PY" in doc.text:
            while True:
                pass
        if "SLOW-RE" in doc.text:           # catastrophic backtracking: the timer interrupts the regex engine too
            re.match(r"(a+)+$", "a" * 60 + "b")
        if "BROKEN" in doc.text:
            from tracker.extract import StageError
            raise StageError("claims", TypeError("'<' not supported between instances of 'NoneType' and 'int'"))
        return real(doc)
    return extract


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_article_over_the_time_limit_or_failing_in_a_stage_is_skipped_and_the_run_goes_on(tmp_path, monkeypatch,
                                                                                              jobs):
    monkeypatch.setattr(tracker.pipeline, "extract", slow_or_failing(tracker.pipeline.extract))
    folder = tmp_path / "in"
    folder.mkdir()
    for n, extra in enumerate(["", "SLOW-PY", "", "SLOW-RE", "BROKEN", ""]):
        (folder / f"{n}.txt").write_text(article(n, extra))
    db = tmp_path / "t.db"
    result = ingest(folder, "--db", db, "--timeout", "0.5", "--jobs", jobs)
    assert result.exit_code == 1
    assert error_lines(result) == [
        f"error: {folder}/1.txt: took longer than the time limit of 0.5 s (--timeout); skipped",
        f"error: {folder}/3.txt: took longer than the time limit of 0.5 s (--timeout); skipped",
        f"error: {folder}/4.txt: the claims stage failed: TypeError: '<' not supported between instances of "
        f"'NoneType' and 'int'"]
    assert [e["stage"] for e in errors(db)] == ["timeout", "timeout", "claims"]
    assert sorted(r[0] for r in sqlite3.connect(db).execute("select source from articles")) == [
        str(folder / f"{n}.txt") for n in (0, 2, 5)]


def test_a_write_lock_held_for_seconds_is_waited_for(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(article(n))
    db = tmp_path / "t.db"
    assert ingest(folder / "0.txt", "--db", db).exit_code == 0
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    threading.Timer(5.5, lambda: other.execute("ROLLBACK")).start()      # sqlite3's own default timeout is 5 s
    result = ingest(folder, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert f"note: {db}: another process is writing to it; waiting for its lock (up to 60 s, --lock-timeout)" \
        in result.stderr.splitlines()
    assert "2 articles added, 1 already present" in result.stderr


def test_a_lock_held_past_lock_timeout_stops_the_run_with_one_line_and_loses_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(5):
        (folder / f"{n}.txt").write_text(article(n))
    db = tmp_path / "t.db"
    assert ingest(folder / "0.txt", "--db", db).exit_code == 0
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    result = ingest(folder, "--db", db, "--lock-timeout", "1", "--batch-size", "2")
    other.execute("ROLLBACK")
    assert result.exit_code == 1
    assert error_lines(result) == [
        f"error: {db}: another process has held the write lock for more than 1 s; stopped, 2 articles of this "
        f"batch and the inputs after it not stored (run the same command again to add them)"]
    result = ingest(folder, "--db", db)
    assert result.exit_code == 0 and "4 articles added, 1 already present" in result.stderr


def test_jobs_read_ahead_a_bounded_number_of_articles_and_keep_their_order():
    pulled = []

    def tasks():
        for i in range(5000):
            pulled.append(i)
            yield (f"not a document {i}", f"in{i}.txt", None)       # passed through as it is, in order

    results = tracker.pipeline.extractions(tasks(), jobs=2)
    first = [next(results) for _ in range(3)]
    ahead = tracker.pipeline.CHUNK * (tracker.pipeline.window(2) + 1)
    assert [name for _, name, _ in first] == ["in0.txt", "in1.txt", "in2.txt"]
    assert len(pulled) <= ahead            # Pool.imap had read all 5000 before the first result
    rest = [name for _, name, _ in results]
    assert rest == [f"in{i}.txt" for i in range(3, 5000)]
