import json

import sqlite_utils
from click.testing import CliRunner
from dbcheck import check_databases  # noqa: F401  (autouse: tracker check on every database built here)

from tracker.cli import cli


def run(*args, input=None):
    return CliRunner().invoke(cli, list(map(str, args)), input=input, catch_exceptions=False)


def test_extract_prints_one_json_object_per_article(tmp_path, seed_text):
    (tmp_path / "a.txt").write_text(seed_text)
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": "The mayor resigned.", "title": "Mayor"}) + "\n")
    result = run("extract", tmp_path)
    assert result.exit_code == 0
    objs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["document"]["source"] for o in objs] == [str(tmp_path / "a.txt"), f"{tmp_path / 'b.jsonl'}#1"]
    seed = objs[0]
    assert set(seed) == {"document", "sentences", "quotes", "claims", "speakers"}
    for s in seed["sentences"]:
        assert seed_text[s["start"]:s["end"]] == s["text"]


def test_extract_reads_stdin_and_fails_on_bad_input(tmp_path):
    result = run("extract", "-", input="\"We are ready,\" the chief said. She left.")
    assert result.exit_code == 0 and json.loads(result.stdout)["document"]["source"] == "-"
    (tmp_path / "bad.json").write_text("{not json")
    result = run("extract", tmp_path / "bad.json")
    assert result.exit_code == 1 and "bad.json" in result.stderr and result.stdout == ""


def test_ingest_from_stdin_and_summary(tmp_path):
    db = tmp_path / "t.db"
    result = run("ingest", "-", "--db", db, input="A short story about the council.\n")
    assert result.exit_code == 0
    assert "1 article added" in result.stderr
    assert sqlite_utils.Database(db)["articles"].count == 1


def test_version():
    assert run("--version").exit_code == 0


def test_ingest_notes_skipped_files_an_edited_article_and_a_bad_database(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text("The mayor said the bridge would open in May.")
    (folder / "notes.csv").write_text("a,b\n")
    db = tmp_path / "t.db"
    result = run("ingest", folder, "--db", db)
    assert result.exit_code == 0 and "1 file in folders skipped" in result.stderr and "notes.csv" in result.stderr
    (folder / "story.txt").write_text("The mayor said the bridge would open in June.")
    result = run("ingest", folder, "--db", db)
    assert result.exit_code == 0 and "has changed since it was stored as article 1" in result.stderr
    assert sqlite_utils.Database(db)["articles"].count == 2
    for bad in (tmp_path / "no" / "such" / "dir.db", folder / "notes.csv"):
        result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(bad)])
        assert result.exit_code == 1 and "cannot open database" in result.stderr
        assert isinstance(result.exception, SystemExit)          # a message, not a traceback
