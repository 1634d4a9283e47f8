"""The Dask path: ``tracker extract-cluster`` on a LocalCluster of 2 worker processes, then ``tracker load``,
gives the database a plain ``tracker ingest`` of the same inputs gives; bad inputs become the same error rows."""
import json
import shutil
import sqlite3
import sys
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


@pytest.fixture(scope="module")
def built(corpus) -> dict:
    root = corpus["root"]
    out = root / "out"
    extracted = run("extract-cluster", *corpus["inputs"], corpus["manifest"], "--out", out, "--workers", 2,
                    "--partition-size", 4, "-q")
    loaded = run("load", out, "--db", root / "cluster.db", "-q")
    plain = run("ingest", *corpus["inputs"], corpus["same"], "--db", root / "plain.db", "-q")
    return dict(out=out, extracted=extracted, loaded=loaded, plain=plain, cluster_db=root / "cluster.db",
                plain_db=root / "plain.db")


def test_a_local_cluster_gives_the_database_of_a_plain_ingest(built):
    assert built["plain"].exit_code == 1 and built["extracted"].exit_code == 1 and built["loaded"].exit_code == 1
    a, b = signatures(str(built["plain_db"])), signatures(str(built["cluster_db"]))
    assert set(a) == {"articles", "sentences", "speakers", "quotes", "claims"}
    for table in a:
        assert a[table] == b[table], table
    with sqlite3.connect(built["cluster_db"]) as conn:
        # the 5 sample articles, 9 stories (one of them twice), 8 of the 10 wire lines, 5 of the 6 manifest rows
        assert conn.execute("select count(*) from articles").fetchone()[0] == 5 + 9 + 8 + 5
        # speakers linked across articles at load: one row for the mayor quoted in many of them
        assert conn.execute("select count(distinct article_id) from quotes join speakers s on s.id = speaker_id "
                            "where s.name = 'Ana Torres'").fetchone()[0] >= 3
    # load counts what an ingest counts
    assert "27 articles added, 1 already present, 6 errors" in built["loaded"].stderr
    assert "27 articles added, 1 already present, 6 errors" in built["plain"].stderr


def test_bad_inputs_are_reported_and_recorded_as_an_ingest_records_them(built, corpus):
    plain, mine = errors(built["plain_db"]), errors(built["cluster_db"])
    assert len(mine) == len(plain) == 6
    # the manifest's row and the JSON Lines record stand for the same bad record
    assert [e for e in plain if "manifest" not in e[0]] == [e for e in mine if "manifest" not in e[0]]
    wire = [e for e in mine if e[0].endswith("wire.jsonl")]
    assert [(e[1], e[2]) for e in wire] == [("line 6", "parse"), ("line 8", "record")]
    assert {e[2] for e in mine if e[0].endswith(("binary.txt", "broken.json", "empty.md"))} == \
        {"decode", "parse", "read"}
    bad_row = [e for e in mine if e[0].endswith("manifest.parquet")]
    assert [(e[1], e[2]) for e in bad_row] == [("row 3", "record")]
    for name in ("binary.txt", "broken.json", "empty.md", "wire.jsonl, line 6", "manifest.parquet, row 3"):
        assert name in built["extracted"].stderr
    assert "1 file in folders skipped" in built["extracted"].stderr


def test_the_outputs_are_partitioned_parquet_tables(built):
    out = built["out"]
    run_meta = json.loads((out / "_run.json").read_text())
    for table in ("articles", "sentences", "quotes", "claims", "article_speakers", "errors"):
        files = sorted((out / table).glob("part-*.parquet"))
        assert len(files) == run_meta["parts"] > 5
    quotes = pq.read_table(out / "quotes").to_pylist()
    articles = {(a["part"], a["pos"]): a for a in pq.read_table(out / "articles").to_pylist()}
    for q in quotes:
        text = articles[q["part"], q["pos"]]["text"]
        assert text[q["start"]:q["end"]] == q["content"] or q["content"] in text[q["start"]:q["end"]]


def test_an_unfinished_run_is_not_loaded_and_another_run_is_not_mixed_in(built, corpus, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(built["out"], out)
    (out / "_done" / "part-00002.json").unlink()
    result = CliRunner().invoke(cli, ["load", str(out), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1 and "1 of" in result.stderr and "part 2" in result.stderr
    assert not (tmp_path / "t.db").exists()
    result = CliRunner().invoke(cli, ["extract-cluster", *corpus["inputs"], "--out", str(out),
                                      "--partition-size", "5"])
    assert result.exit_code == 1 and "another run" in result.stderr
    # the same plan over a finished run: nothing to do, no cluster started
    result = run("extract-cluster", *corpus["inputs"], corpus["manifest"], "--out", built["out"],
                 "--partition-size", 4, "-q")
    assert f"of {json.loads((built['out'] / '_run.json').read_text())['parts']} parts done before" in result.stderr


def test_an_article_over_the_time_limit_is_an_error_record_on_a_worker_too(tmp_path):
    """The time limit is a signal timer, which a Dask task's thread cannot set: the worker's own process keeps
    it. A megabyte of our sentences takes far longer than 10 ms; a short article is left alone (no limit)."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "long.txt").write_text(article(1) * 2000, encoding="utf-8")
    out = tmp_path / "out"
    result = run("extract-cluster", tmp_path / "in", "--out", out, "--workers", 1, "--timeout", 0.01, "-q")
    assert result.exit_code == 1 and "long.txt: took longer than the time limit" in result.stderr
    assert "without a time limit" not in result.stderr
    result = run("load", out, "--db", tmp_path / "t.db", "-q")
    assert result.exit_code == 1
    assert errors(tmp_path / "t.db") == [(str(tmp_path / "in" / "long.txt"), None, "timeout",
                                          "took longer than the time limit of 0.01 s (--timeout); skipped")]
