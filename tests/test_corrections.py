"""Corrections of speakers: recorded by `tracker correct`, kept beside the database, applied again at every ingest,
kept through a rebuild; and the review of likely duplicate speakers. Articles written for these tests."""
import json
import sqlite3

from click.testing import CliRunner

from tracker.cli import cli
from tracker.corrections import corrections_path

ARTICLES = {
    "a.txt": ("Council row deepens\n\nRobert Kilroy-Silk said the council had failed. Dana Howard said the vote "
              "was lost. Analysts said the row would go on."),
    "b.txt": ("Council vote tonight\n\nRobert Kilroy Silk said the vote would be close. Zenco said it would keep "
              "its offices in the town."),
    "c.txt": "Budget passes\n\nDana Howard said the budget was fair.",
}


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def ingest(tmp_path, db, names):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLES[name])
    run("ingest", *(folder / n for n in names), "--db", db, "-q")


def one(db, sql, *args):
    return sqlite3.connect(db).execute(sql, args).fetchone()


def quote_of(db, mention, source="a.txt"):
    return one(db, "select q.id from quotes q join articles a on a.id = q.article_id "
                   "where q.speaker_mention = ? and a.source like ?", mention, "%" + source)[0]


def speaker_of(db, mention, source="a.txt"):
    return one(db, "select s.name from quotes q join articles a on a.id = q.article_id "
                   "left join speakers s on s.id = q.speaker_id where q.speaker_mention = ? and a.source like ?",
               mention, "%" + source)[0]


def test_a_quotes_speaker_set_and_cleared_survive_a_rebuild(tmp_path):
    db = tmp_path / "news.db"
    ingest(tmp_path, db, ["a.txt"])
    run("correct", "speaker", quote_of(db, "Dana Howard"), "--name", "Dana Howard-Lee", "--why",
        "her full name, in the council's minutes", "--who", "ed", "--db", db)
    run("correct", "speaker", quote_of(db, "Analysts"), "--clear", "--why", "no source given", "--db", db)
    assert speaker_of(db, "Dana Howard") == "Dana Howard-Lee" and speaker_of(db, "Analysts") is None
    row = one(db, "select who, why, action, status, quote_id from corrections where name = 'Dana Howard-Lee'")
    assert row == ("ed", "her full name, in the council's minutes", "speaker", "applied", quote_of(db, "Dana Howard"))
    lines = [json.loads(line) for line in corrections_path(db).read_text().splitlines()]
    assert [c["action"] for c in lines] == ["speaker", "speaker"] and "quote_id" not in lines[0]
    # the database deleted and built again, in another order with another article first: the corrections come back
    db.unlink()
    ingest(tmp_path, db, ["c.txt", "a.txt"])
    assert speaker_of(db, "Dana Howard") == "Dana Howard-Lee" and speaker_of(db, "Analysts") is None
    assert speaker_of(db, "Dana Howard", "c.txt") == "Dana Howard"       # the other article's quote is untouched
    assert one(db, "select count(*) from corrections where status = 'applied'") == (2,)


def test_a_merge_is_applied_again_to_articles_ingested_later(tmp_path):
    db = tmp_path / "news.db"
    ingest(tmp_path, db, ["a.txt", "b.txt"])
    keep = one(db, "select id from speakers where name = 'Robert Kilroy-Silk'")[0]
    other = one(db, "select id from speakers where name = 'Robert Kilroy Silk'")[0]
    # the review lists the pair, for a person to confirm
    pairs = sqlite3.connect(db).execute("select name_a, name_b from speaker_pairs").fetchall()
    assert {frozenset(p) for p in pairs} == {frozenset(("Robert Kilroy-Silk", "Robert Kilroy Silk"))}
    run("correct", "merge", keep, other, "--why", "one man, hyphen or not", "--db", db)
    assert one(db, "select count(*) from speakers where name like 'Robert Kilroy%'") == (1,)
    assert speaker_of(db, "Robert Kilroy Silk", "b.txt") == "Robert Kilroy-Silk"
    assert one(db, "select count(*) from speaker_pairs") == (0,)
    # a rebuild: the merged row comes back from the articles, and the merge again
    db.unlink()
    ingest(tmp_path, db, ["b.txt"])
    assert one(db, "select status from corrections") == ("waiting: no speaker with the kept key in this database",)
    ingest(tmp_path, db, ["a.txt"])
    assert one(db, "select count(*) from speakers where name like 'Robert Kilroy%'") == (1,)
    assert one(db, "select status from corrections") == ("applied",)


def test_a_split_and_a_distinct_pair(tmp_path):
    db = tmp_path / "news.db"
    ingest(tmp_path, db, ["a.txt", "c.txt"])
    howard = one(db, "select id from speakers where name = 'Dana Howard'")[0]
    article_c = one(db, "select id from articles where source like '%c.txt'")[0]
    run("correct", "split", howard, "--article", article_c, "--name", "Dana Howard (treasurer)",
        "--why", "another Dana Howard, the treasurer", "--db", db)
    names = sqlite3.connect(db).execute("select a.source, s.name from quotes q join articles a on a.id = q.article_id "
                                        "join speakers s on s.id = q.speaker_id where q.speaker_mention = "
                                        "'Dana Howard' order by a.source").fetchall()
    assert [n for _, n in names] == ["Dana Howard", "Dana Howard (treasurer)"]
    # two alike names a person has told apart are listed no more
    ingest(tmp_path, db, ["b.txt"])
    a = one(db, "select id from speakers where name = 'Robert Kilroy-Silk'")[0]
    b = one(db, "select id from speakers where name = 'Robert Kilroy Silk'")[0]
    assert one(db, "select count(*) from speaker_pairs") == (1,)
    run("correct", "distinct", a, b, "--why", "father and son", "--db", db)
    assert one(db, "select count(*) from speaker_pairs") == (0,)


def test_a_database_copied_without_its_file_writes_the_file_again(tmp_path):
    db = tmp_path / "news.db"
    ingest(tmp_path, db, ["a.txt"])
    run("correct", "speaker", quote_of(db, "Analysts"), "--clear", "--why", "no source given", "--db", db)
    corrections_path(db).unlink()
    run("correct", "apply", "--db", db)
    assert json.loads(corrections_path(db).read_text())["why"] == "no source given"


def test_correcting_a_row_that_does_not_exist_is_a_clear_error(tmp_path):
    db = tmp_path / "news.db"
    ingest(tmp_path, db, ["a.txt"])
    result = CliRunner().invoke(cli, ["correct", "speaker", "999", "--clear", "--why", "x", "--db", str(db)])
    assert result.exit_code != 0 and "no quote 999" in result.output


# --- corrections written with the store's transactions ------------------------------------------------------

def merge_line(keep: str, other: str, uid: str) -> str:
    """A merge correction as ``tracker correct merge`` writes it to the file, for two people by name."""
    from tracker.model import Speaker
    from tracker.speakers import key

    return json.dumps(dict(uid=uid, at="2026-12-05T00:00:00+00:00", who="ed", why="one person", action="merge",
                           speaker_key=key(Speaker(name=keep, kind="person")),
                           other_key=key(Speaker(name=other, kind="person")))) + "\n"


def test_each_batch_is_committed_with_the_corrections_applied(tmp_path):
    """A reader never sees a new batch's rows uncorrected: the corrections are applied in its transaction."""
    from tracker.extract import extract
    from tracker.model import Document
    from tracker.store import Store

    db = tmp_path / "news.db"
    corrections_path(db).write_text(merge_line("Robert Kilroy-Silk", "Robert Kilroy Silk", "m1"))
    store = Store(db, batch_size=1)
    reader = sqlite3.connect(db)
    for name in ("a.txt", "b.txt"):
        store.add(extract(Document(text=ARTICLES[name], source=name)))     # committed: batches of one
        assert reader.execute("select count(*) from speakers where name = 'Robert Kilroy Silk'").fetchone() == (0,)
    assert reader.execute("select count(*) from quotes q join speakers s on s.id = q.speaker_id "
                          "where s.name = 'Robert Kilroy-Silk'").fetchone() == (2,)
    assert reader.execute("select status from corrections").fetchone() == ("applied",)
    store.close()


def test_a_corrections_file_that_cannot_be_read_loses_no_article(tmp_path):
    db = tmp_path / "news.db"
    corrections_path(db).write_text(merge_line("Robert Kilroy-Silk", "Robert Kilroy Silk", "m1") + "{not json\n")
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ARTICLES:
        (folder / name).write_text(ARTICLES[name])
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "-q", "--batch-size", "1"])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and "corrections.jsonl: could not apply the corrections: JSONDecodeError" in lines[0]
    assert one(db, "select count(*) from articles") == (3,)
    assert one(db, "select count(*), min(stage) from ingest_errors") == (1, "corrections")
    # none of the file applied (not the merge before the bad line either): all or none
    assert one(db, "select count(*) from speakers where name = 'Robert Kilroy Silk'") == (1,)


def test_two_ingests_at_once_apply_a_merge_everywhere(tmp_path):
    from test_safety import corpus, ingest_process, same

    folder = corpus(tmp_path / "in", range(60))
    files = sorted(str(f) for f in folder.iterdir())
    sequential, together = tmp_path / "sequential.db", tmp_path / "together.db"
    for db in (sequential, together):
        corrections_path(db).write_text(merge_line("Jane Doe", "John Roe", "m1"))
    run("ingest", folder, "--db", sequential, "-q")
    procs = [ingest_process(*files[:40], "--db", together, "--batch-size", "3"),
             ingest_process(*files[20:], "--db", together, "--batch-size", "2")]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    assert same(together, sequential)
    assert one(together, "select count(*) from speakers where name = 'John Roe'") == (0,)
    assert one(together, "select count(*) from quotes where speaker_mention like 'John%' and speaker_id = "
                         "(select id from speakers where name = 'Jane Doe')")[0] > 0


def test_alike_names_are_found_by_blocks_as_by_every_pair():
    # names alike are scored within blocks (a shared word, or the first letters run together) instead of every
    # name against every other, which took minutes at the end of an ingest into a large database
    from rapidfuzz import fuzz

    from tracker.corrections import _alike, _fold

    names = [_fold(n) for n in (
        "Time Warner", "TimeWarner", "David Davis", "David Davies", "Microsoft", "Microsfot", "Gordon Brown",
        "Gordon Brwn", "Brown Gordon", "Ofcom", "Ofcomm", "Ann Quill", "Anne Quill", "Mr Pell Rowe", "Pell Rowe",
        "Deutsche Boerse", "Deutsche Borse", "Yukos", "Sony", "Sonya Marsh")]
    every = {(i, j) for i in range(len(names)) for j in range(i + 1, len(names))
             if fuzz.token_sort_ratio(names[i], names[j]) >= 90}
    assert {(i, j) for i, j, _ in _alike(names, 90.0)} == every
    assert (0, 1) in every and (6, 8) in every          # run together; words in another order
