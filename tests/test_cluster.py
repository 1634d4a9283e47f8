"""The Dask path: ``tracker extract-cluster`` on a LocalCluster of 2 worker processes, then ``tracker load``,
gives the database a plain ``tracker ingest`` of the same inputs gives; bad inputs become the same error rows."""
import json
import sqlite3
import sys
import threading
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from dbcheck import check_databases  # noqa: F401  (autouse: tracker check on every database built here)

from tracker.cli import cli

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from diffdb import signatures  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"

MAYORS = ["Ana Torres", "Tom Baker", "Priya Nair", "Jonas Berg"]
PLACES = ["Riverton", "Eastmoor", "Kelby", "Harwick", "Lowfield"]


def article(n: int) -> str:
    """An article of our own: a headline, quotes with named speakers (who recur across articles, so that the
    store links them), figures, and a pronoun to resolve."""
    mayor, rival, place = MAYORS[n % 4], MAYORS[(n + 1) % 4], PLACES[n % 5]
    return (f"{place} council approves plan number {n}\n\n"
            f"The {place} council approved a new library on Tuesday after a vote of {n + 7} to {n % 3}. "
            f"\"This is a great day for readers,\" said Mayor {mayor}.\n\n"
            f"The building will cost ${n + 2}.5 million and hold more than {1000 * (n + 1)} books, "
            f"{mayor.split()[1]} said. She added that about {n + 40} percent of the money came from donors.\n\n"
            f"Opposition leader {rival} said the plan was rushed. \"We need {200 + n} new homes first,\" "
            f"he told reporters.\n")


def record(n: int) -> dict:
    return {"text": article(n), "title": f"Record {n}", "source": f"manifest://{n}",
            "published": f"2026-03-{n % 28 + 1:02d}", "outlet": "The Test Gazette"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    """The samples, articles of our own, a JSON Lines file split into blocks, a Parquet manifest, bad inputs."""
    root = tmp_path_factory.mktemp("cluster")
    mine = root / "mine"
    mine.mkdir()
    for n in range(9):
        (mine / f"story-{n}.txt").write_text(article(n), encoding="utf-8")
    (mine / "copy-of-story-3.txt").write_text(article(3), encoding="utf-8")      # the same text twice
    (mine / "binary.txt").write_bytes(b"a quote\x00 and a NUL")
    (mine / "empty.md").write_text("  \n")
    (mine / "broken.json").write_text("{not json")
    (mine / "notes.csv").write_text("a,b\n")                                    # skipped, not an article
    lines = [json.dumps({"text": article(20 + n), "id": f"w{n}"}) for n in range(10)]
    lines[5] = "{\"text\": unquoted"                                             # line 6: in the second block
    lines[7] = json.dumps({"title": "no text here"})                            # line 8
    (mine / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = [record(40 + n) for n in range(6)]
    rows[2]["text"] = ""                                                        # row 3: no text
    manifest = root / "manifest.parquet"
    pq.write_table(pa.Table.from_pylist(rows), manifest, row_group_size=4)
    # what a plain ingest reads in place of the manifest: the same records as JSON Lines
    same = root / "same" / "manifest.jsonl"
    same.parent.mkdir()
    same.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return dict(root=root, inputs=[str(SAMPLES), str(mine)], manifest=str(manifest), same=str(same))


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def errors(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("select source, record, stage, error from ingest_errors order by id").fetchall()


def test_a_local_cluster_of_2_workers_gives_the_database_and_the_errors_of_a_plain_ingest(corpus):
    """One test (one cluster started, whichever pytest worker runs it): the cluster's database, its error rows
    and its Parquet outputs."""
    root = corpus["root"]
    out = root / "out"
    extracted = run("extract-cluster", *corpus["inputs"], corpus["manifest"], "--out", out, "--workers", 2,
                    "--partition-size", 4, "-q")
    loaded = run("load", out, "--db", root / "cluster.db", "-q")
    plain = run("ingest", *corpus["inputs"], corpus["same"], "--db", root / "plain.db", "-q")
    assert plain.exit_code == 1 and extracted.exit_code == 1 and loaded.exit_code == 1
    assert "without a time limit" not in extracted.stderr       # (the workers could start their processes)
    same_database(root / "plain.db", root / "cluster.db")
    with sqlite3.connect(root / "cluster.db") as conn:
        # the 5 sample articles, 9 stories (one of them twice), 8 of the 10 wire lines, 5 of the 6 manifest rows
        assert conn.execute("select count(*) from articles").fetchone()[0] == 5 + 9 + 8 + 5
        # speakers linked across articles at load: one row for the mayor quoted in many of them
        assert conn.execute("select count(distinct article_id) from quotes join speakers s on s.id = speaker_id "
                            "where s.name = 'Ana Torres'").fetchone()[0] >= 3
    # load counts what an ingest counts
    assert "27 articles added, 1 already present, 6 errors" in loaded.stderr
    assert "27 articles added, 1 already present, 6 errors" in plain.stderr
    same_errors(root / "plain.db", root / "cluster.db", extracted.stderr)
    partitioned_parquet(out)


def same_database(a: Path, b: Path) -> None:
    sa, sb = signatures(str(a)), signatures(str(b))
    assert set(sa) == {"articles", "sentences", "speakers", "quotes", "claims"}
    for table in sa:
        assert sa[table] == sb[table], table


def same_errors(plain_db: Path, cluster_db: Path, stderr: str) -> None:
    """Bad inputs are reported on stderr and recorded as an ingest records them."""
    plain, mine = errors(plain_db), errors(cluster_db)
    assert len(mine) == len(plain) == 6
    # (the manifest's row and the JSON Lines record stand for the same bad record)
    assert [e for e in plain if "manifest" not in e[0]] == [e for e in mine if "manifest" not in e[0]]
    wire = [e for e in mine if e[0].endswith("wire.jsonl")]
    assert [(e[1], e[2]) for e in wire] == [("line 6", "parse"), ("line 8", "record")]
    assert {e[2] for e in mine if e[0].endswith(("binary.txt", "broken.json", "empty.md"))} == \
        {"decode", "parse", "read"}
    bad_row = [e for e in mine if e[0].endswith("manifest.parquet")]
    assert [(e[1], e[2]) for e in bad_row] == [("row 3", "record")]
    for name in ("binary.txt", "broken.json", "empty.md", "wire.jsonl, line 6", "manifest.parquet, row 3"):
        assert name in stderr
    assert "1 file in folders skipped" in stderr


def partitioned_parquet(out: Path) -> None:
    """A file a part and a table; the rows of a part link by (part, pos) and item, the spans slice the text."""
    run_meta = json.loads((out / "_run.json").read_text())
    for table in ("articles", "sentences", "quotes", "claims", "article_speakers", "errors"):
        files = sorted((out / table).glob("part-*.parquet"))
        assert len(files) == run_meta["parts"] > 5
    articles = {(a["part"], a["pos"]): a for a in pq.read_table(out / "articles").to_pylist()}
    sentences = pq.read_table(out / "sentences").to_pylist()
    assert {(s["part"], s["pos"]) for s in sentences} == set(articles)
    for s in sentences:
        assert articles[s["part"], s["pos"]]["text"][s["start"]:s["end"]] == s["text"]
    speakers = {(p["part"], p["pos"], p["item"]) for p in pq.read_table(out / "article_speakers").to_pylist()}
    quotes = pq.read_table(out / "quotes").to_pylist()
    assert any(q["speaker"] is not None for q in quotes)
    for q in quotes:
        assert q["speaker"] is None or (q["part"], q["pos"], q["speaker"]) in speakers


def test_outputs_written_part_by_part_load_as_an_ingest_and_an_unfinished_run_is_refused(tmp_path):
    """The parts written without a cluster (run_part in this process): loaded, the samples' database; a run
    with a part missing is not loaded; a folder of another plan is not reused; a finished one is not redone."""
    from tracker import cluster

    out = tmp_path / "out"
    parts, _ = cluster.plan([str(SAMPLES)], 2)
    assert len(parts) == 3
    cluster._prepare(out, parts, [str(SAMPLES)], 2)
    for i, pieces in enumerate(parts):
        cluster.run_part(i, pieces, str(out), None)
    assert run("load", out, "--db", tmp_path / "parts.db", "-q").exit_code == 0
    assert run("ingest", SAMPLES, "--db", tmp_path / "plain.db", "-q").exit_code == 0
    same_database(tmp_path / "plain.db", tmp_path / "parts.db")
    result = run("extract-cluster", SAMPLES, "--out", out, "--partition-size", 2, "-q")
    assert result.exit_code == 0 and "(3 of 3 parts done before)" in result.stderr
    result = CliRunner().invoke(cli, ["extract-cluster", str(SAMPLES), "--out", str(out), "--partition-size", "3"])
    assert result.exit_code == 1 and "another run" in result.stderr
    (out / "_done" / "part-00001.json").unlink()
    result = CliRunner().invoke(cli, ["load", str(out), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1 and "1 of 3 parts not extracted yet (e.g. part 1)" in result.stderr
    assert not (tmp_path / "t.db").exists()


def test_an_article_over_the_time_limit_is_an_error_record_though_the_task_runs_in_a_thread(tmp_path):
    """A Dask task runs in a worker's thread, where no signal timer can be set: the part goes to a process of
    the worker's own, whose main thread keeps --timeout. Here the task runs in a thread of this process (as
    on a worker, without starting a cluster); a megabyte of our sentences takes far longer than 10 ms."""
    from tracker import cluster

    long = tmp_path / "long.txt"
    long.write_text(article(1) * 2000, encoding="utf-8")
    out = tmp_path / "out"
    done = {}
    task = threading.Thread(target=lambda: done.update(cluster.on_worker(0, [("file", str(long))], str(out), 0.01)))
    try:
        task.start()
        task.join(120)
    finally:
        cluster._close_pool()
    assert done["limited"] and done["articles"] == 0
    assert done["errors"] == [f"{long}: took longer than the time limit of 0.01 s (--timeout); skipped"]
    assert [(r["stage"], r["source"]) for r in pq.read_table(out / "errors").to_pylist()] == [("timeout", str(long))]
