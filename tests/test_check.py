"""tracker check: dangling references, full-text indexes out of step, schema drift; --repair."""
import sqlite3

from click.testing import CliRunner
from dbcheck import check_databases, problems, unchecked  # noqa: F401

from tracker.cli import cli
from tracker.extract import extract
from tracker.model import Document
from tracker.store import Store


def build(path):
    store = Store(path, batch_size=10)
    for n in range(3):
        store.add(extract(Document(text=f"Budget story {n}.\n\n\"We will spend £{n + 2}m,\" Jane Doe said. "
                                        f"John Roe said the plan was late.", source=f"{n}.txt")))
    store.close()


def check(path, *args):
    return CliRunner().invoke(cli, ["check", "--db", str(path), *args])


def break_it(path, *sql):
    conn = sqlite3.connect(path, isolation_level=None)
    for s in sql:
        conn.execute(s)
    conn.close()


def test_a_whole_database_passes(tmp_path):
    build(tmp_path / "t.db")
    result = check(tmp_path / "t.db")
    assert result.exit_code == 0 and result.stderr.strip().endswith(": ok")


def test_dangling_and_mislinked_references_are_reported_and_not_repaired(tmp_path, unchecked):
    path = tmp_path / "t.db"
    build(path)
    break_it(path, "delete from speakers where name = 'Jane Doe'",
             "update claims set quote_id = 999 where id = 1",
             "update quotes set sentence_id = (select min(id) from sentences where article_id = 3) "
             "where article_id = 1")
    result = check(path)
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("problem:")]
    assert any("rows of quotes point at speakers that do not exist (quotes.speaker_id)" in line for line in lines)
    assert any("1 row of claims points at quotes that do not exist (claims.quote_id) (id 1)" in line for line in lines)
    assert any("of quotes point at sentences of another article (quotes.sentence_id)" in line for line in lines)
    assert not any("--repair" in line for line in lines)
    assert check(path, "--repair").exit_code == 1         # nothing to rebuild them from


def test_search_out_of_step_is_reported_and_rebuilt(tmp_path, unchecked):
    path = tmp_path / "t.db"
    build(path)
    break_it(path, "drop trigger sentences_au", "update sentences set text = 'Replaced words here.' where id = 1",
             "create trigger sentences_au after update on sentences begin select 1; end",
             "delete from quotes_fts_docsize where id = 1")
    found = problems(path)
    assert "schema: trigger sentences_au does not match the schema" in found
    assert "search: quotes_fts does not match quotes: 1 rows not indexed" in found
    assert any(p.startswith("search: sentences_fts does not match the text of sentences") for p in found)
    result = check(path, "--repair")
    assert result.exit_code == 0, result.stderr
    assert "repaired: quotes_fts: rebuilt from quotes" in result.stderr
    conn = sqlite3.connect(path)
    assert conn.execute("select rowid from sentences_fts where sentences_fts match 'replaced'").fetchall() == [(1,)]


def test_schema_drift_is_reported_and_repaired(tmp_path, unchecked):
    path = tmp_path / "t.db"
    build(path)
    break_it(path, "drop index idx_quotes_speaker_id", "drop trigger claims_ai", "pragma user_version = 0")
    result = check(path)
    assert result.exit_code == 1
    assert "problem: schema: index idx_quotes_speaker_id is missing (tracker check --repair rebuilds it)" \
        in result.stderr
    assert "problem: schema: trigger claims_ai is missing" in result.stderr
    assert "problem: schema: schema version 0, older than this tracker's" in result.stderr
    assert check(path, "--repair").exit_code == 0
    assert problems(path) == []


def test_a_check_leaves_the_journal_mode_alone(tmp_path):
    path = tmp_path / "t.db"
    build(path)
    conn = sqlite3.connect(path)
    conn.execute("pragma journal_mode = delete")       # as a published copy is served: WAL off
    conn.close()
    assert check(path).exit_code == 0
    assert sqlite3.connect(path).execute("pragma journal_mode").fetchone() == ("delete",)
