"""Near-duplicate articles (tracker/neardup.py): linked at ingest, in any order, in old databases too.

Every article here is fiction written for these tests.
"""
import itertools
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner
from dbcheck import check_databases  # noqa: F401  (autouse: tracker check on every database built here)

from tracker import neardup, schema
from tracker.cli import cli
from tracker.extract import extract
from tracker.model import Document
from tracker.store import Store, content_hash

MAIN_SCHEMA = Path(__file__).resolve().parent / "data" / "schema-main-2026-12-05.sql"

# a fictional story, one paragraph an entry
FERRY = [
    "Harbour ferry fares to rise in spring",
    "Passengers on the Kelworth harbour ferry will pay 40% more from April, the operator announced on Tuesday.",
    "A single crossing will cost £3.50, up from £2.50, while the monthly pass rises to £61.",
    "\"We held fares for six winters, and fuel has doubled since then,\" said Maren Tolliver, who runs the line.",
    "The crossing carries about 4,200 people a day between the old quay and the new business district.",
    "Commuter groups said the rise would push drivers back onto the coast road, which is already jammed at dawn.",
    "Councillor Idris Penhallow said the authority would ask the operator to delay the rise until the bridge "
    "repairs are finished.",
    "The operator said two of its four boats are due for new engines next year, at a cost of £1.2m each.",
    "Season ticket holders will keep their current price until their passes run out, it added.",
    "A public meeting on the plans is to be held at the maritime museum on the first Thursday of March.",
]

# another story on the same topic and place, written apart: the same names and many of the same words
FERRY_OTHER = [
    "Ferry workers vote to strike over rotas",
    "Crew on the Kelworth harbour ferry have voted to walk out for two days later this month in a row over "
    "night shifts.",
    "The union said 88% of members backed the strike on a turnout of 71%, and that talks had broken down.",
    "\"Nobody signed up to sleep on the boats between the last run and the first,\" said deckhand Sol Arkwright.",
    "Maren Tolliver, who runs the line, said the operator was disappointed and would keep talking to the union.",
    "Councillor Idris Penhallow urged both sides to settle before the bridge repairs close the coast road.",
    "Commuters were told to allow extra time and to check the timetable online before travelling.",
]


def text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs) + "\n"


def ingest(*args):
    return CliRunner().invoke(cli, ["ingest", *map(str, args)], catch_exceptions=False)


def store_all(path: Path, texts: list[str], batch_size: int = 1) -> None:
    store = Store(path, batch_size=batch_size)
    for t in texts:
        store.add(extract(Document(text=t, source=f"{content_hash(t)[:8]}.txt")))
    store.close()


def links(path: Path) -> dict[str, tuple[str | None, float | None]]:
    """Each article's text hash -> (the hash of the article it repeats, the similarity)."""
    db = sqlite_utils.Database(path)
    hashes = {r["id"]: r["content_hash"] for r in db.query("select id, content_hash from articles")}
    return {r["content_hash"]: (hashes.get(r["duplicate_of"]), r["duplicate_similarity"])
            for r in db.query("select content_hash, duplicate_of, duplicate_similarity from articles")}


def clusters(path: Path) -> set[frozenset[str]]:
    db = sqlite_utils.Database(path)
    groups: dict[int, set[str]] = {}
    for r in db.query("select coalesce(duplicate_of, id) as root, content_hash from articles"):
        groups.setdefault(r["root"], set()).add(r["content_hash"])
    return {frozenset(g) for g in groups.values()}


def edited_copy() -> str:
    """Another outlet's copy: its own headline, a figure corrected, a paragraph dropped, one added."""
    paras = ["Ferry users face steep fare increase"] + FERRY[1:]
    paras[2] = paras[2].replace("£61", "£64")
    del paras[8]
    paras.insert(5, "The operator last raised fares when it replaced the ticket machines on the quay.")
    return text(paras)


def test_an_edited_copy_is_linked_to_the_original(tmp_path):
    db = tmp_path / "t.db"
    store_all(db, [text(FERRY), text(FERRY_OTHER), edited_copy()])
    got = links(db)
    assert got[content_hash(text(FERRY))] == (None, None)
    original, similarity = got[content_hash(edited_copy())]
    assert original == content_hash(text(FERRY)) and neardup.THRESHOLD <= similarity < 1
    rows = sqlite_utils.Database(db).query("select id, duplicate_of from articles order by id")
    assert [r["duplicate_of"] for r in rows] == [None, None, 1]


@pytest.mark.parametrize("edit", ["figure", "headline", "truncated", "paragraph added"])
def test_each_small_edit_is_linked(tmp_path, edit):
    paras = list(FERRY)
    if edit == "figure":
        paras[4] = paras[4].replace("4,200", "4,800")
    elif edit == "headline":
        paras[0] = "Kelworth ferry: fares up 40%"
    elif edit == "truncated":
        paras = paras[:7]
    else:
        paras.append("The operator's accounts show it made a small loss in each of the last three years.")
    db = tmp_path / "t.db"
    store_all(db, [text(FERRY), text(paras)])
    assert links(db)[content_hash(text(paras))][0] == content_hash(text(FERRY))


def test_a_different_story_on_the_same_topic_is_not_linked(tmp_path):
    db = tmp_path / "t.db"
    store_all(db, [text(FERRY), text(FERRY_OTHER)])
    assert set(links(db).values()) == {(None, None)}
    assert neardup.similarity(neardup.sketch(text(FERRY)), neardup.sketch(text(FERRY_OTHER))) < 0.2


def test_a_short_brief_quoted_whole_in_a_long_article_is_not_its_duplicate(tmp_path):
    brief = text(FERRY[:3])                        # a third of the story's words, all of them inside it
    db = tmp_path / "t.db"
    store_all(db, [brief, text(FERRY)])
    assert set(links(db).values()) == {(None, None)}


def chain() -> list[str]:
    """Three versions of a developing story: the first and the last too far apart to be linked, each close
    to the middle one."""
    a, b, c = text(FERRY[:6]), text(FERRY[1:8]), text(FERRY[3:9])
    sk = [neardup.sketch(t) for t in (a, b, c)]
    assert neardup.similarity(sk[0], sk[1]) >= neardup.THRESHOLD
    assert neardup.similarity(sk[1], sk[2]) >= neardup.THRESHOLD
    assert neardup.similarity(sk[0], sk[2]) < neardup.THRESHOLD
    return [a, b, c]


@pytest.mark.parametrize("batch_size", [1, 10])
def test_ingesting_in_another_order_gives_the_same_clusters(tmp_path, batch_size):
    texts = chain() + [text(FERRY_OTHER), edited_copy()]
    want = None
    for n, order in enumerate(itertools.permutations(range(4))):
        if n % 3 and batch_size == 1:
            continue        # every third order is enough to meet each pair first
        db = tmp_path / f"{n}.db"
        store_all(db, [texts[i] for i in order] + [texts[4]], batch_size)
        got = clusters(db)
        want = want or got
        assert got == want
        # the original of each cluster is its earliest stored article, and every other article points at it
        for r in sqlite_utils.Database(db).query(
                "select a.id, a.duplicate_of, (select min(id) from articles b where coalesce(b.duplicate_of, b.id) "
                "= coalesce(a.duplicate_of, a.id)) as first from articles a"):
            assert r["duplicate_of"] in (None, r["first"]) and (r["duplicate_of"] is None) == (r["id"] == r["first"])
    assert frozenset(content_hash(t) for t in chain() + [edited_copy()]) in want
    assert frozenset([content_hash(texts[3])]) in want


def test_the_link_joining_two_stored_clusters_repoints_the_later_one(tmp_path):
    a, b, c = chain()
    db = tmp_path / "t.db"
    store_all(db, [a, c])
    assert len(clusters(db)) == 2
    store_all(db, [b])
    rows = {r["id"]: r for r in sqlite_utils.Database(db).query("select * from articles")}
    assert [rows[i]["duplicate_of"] for i in (1, 2, 3)] == [None, 1, 1]
    # each similarity is to the original, the one the row points at: below the threshold for the far end
    assert rows[2]["duplicate_similarity"] == neardup.similarity(neardup.sketch(c), neardup.sketch(a))
    assert rows[2]["duplicate_similarity"] < neardup.THRESHOLD <= rows[3]["duplicate_similarity"]


def test_exact_reingest_keeps_its_id_and_adds_no_row(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ferry.txt").write_text(text(FERRY))
    (tmp_path / "in" / "copy.txt").write_text(edited_copy())
    db = tmp_path / "t.db"
    assert ingest(tmp_path / "in", "--db", db).exit_code == 0
    before = list(sqlite_utils.Database(db).query("select * from articles order by id"))
    bands = sqlite_utils.Database(db).execute("select count(*) from article_bands").fetchone()[0]
    result = ingest(tmp_path / "in" / "ferry.txt", "--db", db)
    assert result.exit_code == 0 and "0 articles added, 1 already present" in result.stderr
    assert list(sqlite_utils.Database(db).query("select * from articles order by id")) == before
    assert sqlite_utils.Database(db).execute("select count(*) from article_bands").fetchone()[0] == bands
    assert bands == 2 * neardup.BANDS and before[1]["duplicate_of"] == before[0]["id"]


def test_the_migration_adds_the_columns_and_links_an_existing_database(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(MAIN_SCHEMA.read_text())
    for i, t in enumerate([text(FERRY), text(FERRY_OTHER), edited_copy()], 1):
        conn.execute("insert into articles (id, source, content_hash, text) values (?, ?, ?, ?)",
                     [i, f"{i}.txt", content_hash(t), t])
    conn.commit()
    assert "duplicate_of" not in {r[1] for r in conn.execute("pragma table_info(articles)")}
    conn.close()
    Store(path).close()
    db = sqlite_utils.Database(path)
    assert {"duplicate_of", "duplicate_similarity"} <= set(db["articles"].columns_dict)
    assert [r["duplicate_of"] for r in db.query("select duplicate_of from articles order by id")] == [None, None, 1]
    assert db.execute("pragma user_version").fetchone()[0] == schema.VERSION >= 2
    assert db.execute("select count(distinct article_id) from article_bands").fetchone()[0] == 3
    # and later ingests find the old articles' duplicates
    store_all(path, [text(FERRY[:9])])
    assert links(path)[content_hash(text(FERRY[:9]))][0] == content_hash(text(FERRY))
    # a version set back runs the migration again: the same links, each band once
    before, bands = links(path), db.execute("select count(*) from article_bands").fetchone()[0]
    db.execute("pragma user_version = 1")
    Store(path).close()
    assert links(path) == before and db.execute("select count(*) from article_bands").fetchone()[0] == bands


def test_quotes_of_a_repeated_story_count_once(tmp_path):
    """The condition the serve layer's totals filter on (``articles.duplicate_of is null``)."""
    db = tmp_path / "t.db"
    store_all(db, [text(FERRY), edited_copy(), text(FERRY_OTHER)])
    conn = sqlite3.connect(db)
    per_speaker = dict(conn.execute(
        "select speakers.name, count(*) from quotes join articles on articles.id = quotes.article_id "
        "join speakers on speakers.id = quotes.speaker_id where articles.duplicate_of is null group by 1"))
    everything = dict(conn.execute(
        "select speakers.name, count(*) from quotes join speakers on speakers.id = quotes.speaker_id group by 1"))
    assert per_speaker["Maren Tolliver"] == 2 and everything["Maren Tolliver"] == 3


def test_band_keys_do_not_change_between_versions():
    """Stored keys are compared with keys made by later versions: a change of the shingles, hashes or
    permutations needs a schema migration that makes every stored article's keys again."""
    sk = neardup.sketch("The lighthouse keeper counted nine gulls on the rail this morning.")
    assert len(sk.shingles) == 7 and len(sk.keys) == neardup.BANDS
    assert sk.keys[:2] == (8262606515109635213, 7928355161368215949)
    assert neardup.sketch("").keys == () and neardup.sketch("Two words").keys[0] == -5990923272850249283


def test_served_totals_count_a_repeated_story_once_and_its_page_links_the_original(tmp_path):
    import asyncio

    from tracker.serve import make_datasette

    db = tmp_path / "news.db"
    store_all(db, [text(FERRY), edited_copy(), text(FERRY_OTHER)])
    ds = make_datasette(str(db))

    def get(path):
        response = asyncio.run(ds.client.get(path))
        assert response.status_code == 200, (path, response.text[:300])
        return response

    top = {r["speaker"]: r for r in get("/news/most_quoted.json?_shape=array").json()}
    assert top["Maren Tolliver"]["quotes"] == 2 and top["Maren Tolliver"]["articles"] == 2
    page = get("/news/articles/2").text
    assert "Repeats" in page and 'href="/news/articles/1"' in page
    assert "Repeats" not in get("/news/articles/1").text
    home = get("/news").text
    assert "and 1 near-duplicates, counted once" in home
    # a speaker's page, its exports and its chart list the repeated story's quotes once
    speaker = top["Maren Tolliver"]["speaker_id"]
    listed = get(f"/news/speaker_quotes.json?_shape=array&speaker={speaker}&q=&outlet=&from=&to=&size=50").json()
    assert len(listed) == 2 and all(r["article_id"] != 2 for r in listed)
    assert f'href="/news/articles/2' not in get(f"/news/speakers/{speaker}").text
    conn = sqlite3.connect(db)
    once = conn.execute("select count(*) from quotes join articles on articles.id = quotes.article_id "
                        "where articles.duplicate_of is null").fetchone()[0]
    assert once < conn.execute("select count(*) from quotes").fetchone()[0]
    assert f">{once} quotes<" in home


def test_the_shingles_a_store_keeps_link_as_the_stored_texts_do(tmp_path, monkeypatch):
    """A store compares a near-duplicate with the shingles it kept of the articles it wrote or compared with
    (``Store.recent``), not with their texts read and shingled again: the links are those of stores that
    kept nothing."""
    texts = chain() + [text(FERRY_OTHER), edited_copy(), text(FERRY)]
    kept = tmp_path / "kept.db"
    store_all(kept, texts)                          # one store, a batch an article: it keeps the shingles
    fresh = tmp_path / "fresh.db"
    for t in texts:                                 # a store an article: each comparison reads the stored text
        store_all(fresh, [t])
    assert links(kept) == links(fresh)
    assert sum(original is not None for original, _ in links(kept).values()) == 4
    # the second version of the story is compared with the first without shingling any text again
    first, second = chain()[:2]
    made = [(extract(Document(text=t, source="x.txt")), neardup.sketch(t)) for t in (first, second)]
    shingled = []
    monkeypatch.setattr(neardup, "shingles", lambda t: shingled.append(t) or neardup.np.zeros(0, neardup.np.uint64))
    store = Store(tmp_path / "again.db", batch_size=1)
    for ex, sk in made:
        store.add(ex, sk)
    assert shingled == [] and sorted(store.recent) == [1, 2]
    assert all(v.dtype == neardup.np.uint32 for v in store.recent.values())
    store.close()
    assert links(tmp_path / "again.db")[content_hash(second)][0] == content_hash(first)


def test_a_later_store_compares_with_the_shingles_kept_in_the_database(tmp_path, monkeypatch):
    """A store that never saw the stored articles compares a near-duplicate with the shingles kept in
    ``article_shingles``, not with their texts shingled again; an article stored without them (a database made
    before the table) is read from its text, and the links are the same."""
    texts = [text(FERRY), text(FERRY_OTHER), edited_copy()]
    path = tmp_path / "t.db"
    store_all(path, texts[:2])
    conn = sqlite3.connect(path)
    kept = dict(conn.execute("select id, shingles from article_shingles"))
    assert sorted(kept) == [1, 2]
    assert list(neardup.np.frombuffer(kept[1], neardup.STORED)) == list(neardup.shingles(texts[0]))
    made = extract(Document(text=texts[2], source="copy.txt")), neardup.sketch(texts[2])
    shingled = []
    real = neardup.shingles
    monkeypatch.setattr(neardup, "shingles", lambda t: shingled.append(t) or real(t))
    store = Store(path, batch_size=1)
    store.add(*made)
    store.close()
    assert shingled == []
    with_table = links(path)
    assert with_table[content_hash(texts[2])][0] == content_hash(texts[0])
    old = tmp_path / "old.db"                   # the same, the first two articles' shingles not kept
    store_all(old, texts[:2])
    sqlite3.connect(old, isolation_level=None).execute("delete from article_shingles")
    store = Store(old, batch_size=1)
    store.add(*made)
    store.close()
    assert texts[0] in shingled and links(old) == with_table


def test_with_jobs_the_sketches_made_in_the_pool_link_as_one_process_does(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n, t in enumerate(chain() + [text(FERRY_OTHER), edited_copy()]):
        (folder / f"{n}.txt").write_text(t, encoding="utf-8")
    for jobs in (1, 2):
        assert ingest(folder, "--db", tmp_path / f"{jobs}.db", "-q", "--jobs", jobs).exit_code == 0
    assert links(tmp_path / "2.db") == links(tmp_path / "1.db")
    assert sum(original is not None for original, _ in links(tmp_path / "2.db").values()) == 3
