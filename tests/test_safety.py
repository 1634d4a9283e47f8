"""The audit as tests: real `tracker ingest` processes killed at random points, and two of them at once.

After a kill -9, a re-run must give the database a clean run gives (``scripts/diffdb.py``: rows compared by
what they say, not by id); two concurrent ingests into one file must give the database one ingest of
everything gives; ``tracker check`` must pass on each (the autouse check). ``TRACKER_SOAK=1`` (make soak)
runs more kills.
"""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner
from dbcheck import assert_whole, check_databases  # noqa: F401  (autouse: tracker check on every database)

from tracker.cli import cli

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import diffdb  # noqa: E402

SOAK = os.environ.get("TRACKER_SOAK") == "1"
PEOPLE = [("Jane Doe", "the council leader"), ("John Roe", "the health minister"), ("Priya Shah", "a local GP"),
          ("Tom Okafor", "the mayor"), ("Ana Lima", "the union's regional secretary")]


def article(n: int) -> str:
    """An article of our own, distinct for each n, whose speakers recur across articles."""
    (a, role), (b, _) = PEOPLE[n % 5], PEOPLE[(3 * n + 1) % 5]
    return (f"Ward {n} budget agreed\n\n{a}, {role}, said the plan for ward {n} would cost £{n + 2}m. "
            f"\"We have waited {n % 9 + 2} years for this,\" {a} said.\n\n"
            f"{b} told reporters that about {10 * n + 5} homes would be affected. \"It is not enough, and "
            f"the council knows it,\" {b.split()[0]} added.\n")


def corpus(folder: Path, numbers) -> Path:
    folder.mkdir()
    for n in numbers:
        (folder / f"ward-{n:03d}.txt").write_text(article(n))
    return folder


def ingest_here(*args) -> None:
    result = CliRunner().invoke(cli, ["ingest", *map(str, args)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr


def ingest_process(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tracker.cli", "ingest", *map(str, args), "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def same(a: Path, b: Path) -> bool:
    return diffdb.signatures(str(a)) == diffdb.signatures(str(b))


def stored(db: Path) -> int:
    """Articles in ``db`` as another reader sees them (0 while it is being made)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return conn.execute("select count(*) from articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def writing(proc: subprocess.Popen, db: Path) -> float:
    """Wait until ``proc`` has stored its first articles; the time that took."""
    started = time.monotonic()
    while not stored(db) and proc.poll() is None:
        time.sleep(0.01)
    return time.monotonic() - started


def test_a_kill_at_any_point_of_an_ingest_then_a_rerun_gives_the_clean_database(tmp_path):
    folder = corpus(tmp_path / "in", range(150))
    clean = tmp_path / "clean.db"
    ingest_here(folder, "--db", clean)
    whole = ingest_process(folder, "--db", tmp_path / "whole.db", "--batch-size", "5")
    writing(whole, tmp_path / "whole.db")
    started = time.monotonic()                  # how long the writing takes: the kills fall inside it
    assert whole.wait() == 0
    took = time.monotonic() - started
    assert same(tmp_path / "whole.db", clean)
    rng = random.Random(3)
    left = []
    for k in range(20 if SOAK else 3):
        db = tmp_path / f"killed-{k}.db"
        for _ in range(2 if k % 2 else 1):         # every other database is killed twice before its re-run
            proc = ingest_process(folder, "--db", db, "--batch-size", "5")
            writing(proc, db)
            time.sleep(rng.uniform(0, took))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        assert_whole(db)                            # what the kill left is whole, if not complete
        left.append(stored(db))
        ingest_here(folder, "--db", db)
        assert same(db, clean), f"kill {k}"
    print(f"articles stored when killed: {left} of 150")


def test_two_ingests_at_once_into_one_database_give_what_one_ingest_gives(tmp_path):
    folder = corpus(tmp_path / "in", range(135))
    files = sorted(str(f) for f in folder.iterdir())
    first, second = files[:90], files[45:]           # a third of the articles in both
    together = tmp_path / "together.db"
    sequential = tmp_path / "sequential.db"
    ingest_here(folder, "--db", sequential)
    for round_ in range(5 if SOAK else 1):
        together.unlink(missing_ok=True)
        procs = [ingest_process(*first, "--db", together, "--batch-size", "3"),
                 ingest_process(*second, "--db", together, "--batch-size", "4", "--jobs", "2")]
        outs = [p.communicate(timeout=300) for p in procs]
        assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
        assert same(together, sequential), f"round {round_}"
        summaries = [err.splitlines()[-1] for _, err in outs]
        added = sum(int(s.split()[0]) for s in summaries)
        assert added == 135, summaries       # each article stored once, by one or the other
