"""Pages shaped for a million articles give the rows the plain queries give, on a small real database.

Each question that a large archive made slow was reshaped (queries.py): bounded full-text ranking, counts
from the ingest's summary, keys read in an index's order. These tests build a database of a few dozen
articles through the store (a real file, its summary refreshed as an ingest leaves it), ask Datasette's
own test client for the page, and compare its rows with the straightforward SQL the question used to run.
"""
import asyncio
import sqlite3

import pytest

from test_serve import Builder

from tracker.serve import make_datasette, queries, summary
from tracker.serve.plugin import prepare_connection
from tracker.store import Store

ARTICLES = 24


def harbour_report(i):
    """An article of our own: a councillor's quote naming the harbour 1-4 times, a figure, a comparison."""
    said = " ".join(["The harbour must stay open."] * (1 + i % 4))
    text = (f"Harbour report number {i}\n\n"
            f'Councillor Ada Brook said: "{said} We will buy {i + 2} cranes."\n\n'
            f"The port moved {100 + i} containers past the harbour wall this week.\n\n"
            f"It was the busiest harbour season since {1950 + i}.\n\n"
            "Dozens of cranes stood idle, and 1,00 cranes were listed for sale.\n")
    b = Builder(text, f"Harbour report number {i}", source=f"harbour-{i}.txt",
                published=f"2024-{1 + i % 12:02d}-{1 + i % 27:02d}")
    brook = b.speaker("Ada Brook", role="councillor")
    q = b.quote("direct", f"{said} We will buy {i + 2} cranes.", "Councillor Ada Brook", "said", brook)
    b.ex.quotes[q].confidence = 0.9 if i % 3 else 0.5
    b.claim("quantity", f"{i + 2} cranes", quote=q, raw_number=str(i + 2), value=float(i + 2), low=float(i + 2),
            high=float(i + 2), unit="cranes", qualifier="exact", measure="harbour cranes")
    # one group across the articles (measure, subject, unit), its figure made by the article or by the
    # councillor (one article in two): a figure that changed, repeated by two speakers
    b.claim("quantity", f"{100 + i} containers", quote=q if i % 2 else None, raw_number=str(100 + i),
            value=float(100 + i), low=float(100 + i), high=float(100 + i), unit="containers", qualifier="exact",
            measure="containers past the harbour wall", subject="the port")
    b.claim("comparison", f"the busiest harbour season since {1950 + i}", reference=str(1950 + i))
    if i % 4 == 0:          # a vague figure (bounds, no value)
        b.claim("quantity", "Dozens of cranes", raw_number="Dozens", low=24.0, high=99.0 + i, unit="cranes",
                qualifier="vague")
    if i % 6 == 1:          # a figure that cannot be read (nothing but its unit)
        b.claim("quantity", "1,00 cranes", raw_number="1,00", unit="cranes", qualifier="exact",
                flags=["malformed_number"])
    return b.ex


@pytest.fixture(scope="module")
def harbours(tmp_path_factory):
    path = tmp_path_factory.mktemp("scale") / "news.db"
    store = Store(str(path))
    for i in range(ARTICLES):
        store.add(harbour_report(i))
    store.close()                          # the summary, as an ingest leaves it
    return path


def rows(ds, path):
    response = asyncio.run(ds.client.get(path + ("&" if "?" in path else "?") + "_shape=array"))
    assert response.status_code == 200, (path, response.text[:500])
    return response.json()


def every_page(ds, path, size, key):
    """The keys of every row of a question, read ``size`` rows a page, and the rows of its first page."""
    first = rows(ds, f"{path}&size={size}")
    total = first[0]["total"] if first else 0
    keys = []
    for page in range(1, -(-total // size) + 1):
        keys += [r[key] for r in rows(ds, f"{path}&size={size}&page={page}")]
    return keys, first


def plain(db, sql, *params):
    conn = sqlite3.connect(db)
    prepare_connection(conn)
    return [r[0] for r in conn.execute(sql, params)]


# what the searches ran before they were ranked a block at a time: every match ranked
PLAIN = {
    "search_quotes": ("quote_id", "select quotes.id from quotes_fts join quotes on quotes.rowid = quotes_fts.rowid "
                      "where quotes_fts match tracker_fts(?) order by coalesce(quotes.confidence, 0) >= 0.8 desc, "
                      "rank, quotes.id"),
    "search_claims": ("claim_id", "select claims.id from claims_fts join claims on claims.rowid = claims_fts.rowid "
                      "where claims_fts match tracker_fts(?) order by rank, claims.id"),
    "figures_about": ("claim_id", "select claims.id from claims_fts join claims on claims.rowid = claims_fts.rowid "
                      "join articles on articles.id = claims.article_id where claims_fts match tracker_fts(?) and "
                      "claims.kind = 'quantity' order by claims.unit is null, claims.unit, articles.published, "
                      "claims.article_id, claims.start, claims.id"),
}


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_a_search_with_fewer_matches_than_a_block_is_ranked_as_a_whole(harbours, name):
    key, sql = PLAIN[name]
    want = plain(harbours, sql, "harbour")
    assert len(want) >= ARTICLES
    ds = make_datasette(str(harbours))
    keys, first = every_page(ds, f"/news/{name}.json?q=harbour", 7, key)
    assert keys == want
    assert first[0]["total"] == len(want) and first[0]["ranked"] == len(want)
    if name == "search_quotes":
        assert first[0]["held_back"] == plain(harbours, "select count(*) from quotes where confidence < 0.8")[0] > 0
        assert "\x01harbour\x02" in first[0]["snippet"]


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_a_search_ranks_its_matches_a_block_at_a_time_newest_first(harbours, monkeypatch, name):
    """With blocks of 5: the newest 5 matches in the question's order, then the next 5, ...; every match on
    exactly one page whatever the page size; each page counts every match and the matches it ranked."""
    monkeypatch.setattr(queries, "RANKED", 5)
    key, sql = PLAIN[name]
    order = plain(harbours, sql, "harbour")                    # the question's order over all matches
    newest = sorted(order, reverse=True)                       # the order they were added in, newest first
    want = [k for n in range(0, len(newest), 5) for k in sorted(newest[n:n + 5], key=order.index)]
    ds = make_datasette(str(harbours))
    for size in (1, 3, 5, 7):
        keys, first = every_page(ds, f"/news/{name}.json?q=harbour", size, key)
        assert keys == want, size
        assert first[0]["total"] == len(order) and first[0]["ranked"] == 5 * -(-size // 5)
    page = asyncio.run(ds.client.get(f"/news/{name}?q=harbour&size=5")).text
    assert "ranked 5 at a time" in page


def test_a_narrowed_search_counts_its_rows_up_to_a_bound(harbours, monkeypatch):
    monkeypatch.setattr(queries, "COUNTED", 10)
    ds = make_datasette(str(harbours))
    assert rows(ds, "/news/figures_about.json?q=harbour")[0]["total"] == 11
    assert "of more than 10" in asyncio.run(ds.client.get("/news/figures_about?q=harbour")).text
    assert rows(ds, "/news/search_claims.json?q=harbour")[0]["total"] == 3 * ARTICLES     # a bare match: all


def search_all_hits(db):
    """(found, id, tier, score) of every match of "Search everything", as it ranked them all before."""
    conn = sqlite3.connect(db)
    prepare_connection(conn)
    return [tuple(r) for r in conn.execute(
        "select 'speaker', rowid, 0, rank from speakers_fts where speakers_fts match tracker_fts(:q) union all "
        "select 'quote', rowid, 1, rank from quotes_fts where quotes_fts match tracker_fts(:q) union all "
        "select 'claim', rowid, 1, rank from claims_fts where claims_fts match tracker_fts(:q)",
        {"q": "harbour OR councillor"})]


@pytest.mark.parametrize("block", [None, 4])
def test_search_everything_ranks_each_tables_matches_a_block_at_a_time(harbours, monkeypatch, block):
    """Speakers first, then quotes and claims by relevance: all of them at once when they fit in a block (as it
    ranked them before); else the newest ``block`` of each table's matches, then the next ones."""
    hits = search_all_hits(harbours)
    assert {h[0] for h in hits} == {"speaker", "quote", "claim"}
    if block:
        monkeypatch.setattr(queries, "RANKED", block)
    size = block or queries.RANKED
    place = {}
    for found in ("speaker", "quote", "claim"):
        ids = sorted((h[1] for h in hits if h[0] == found), reverse=True)
        place.update({(found, i): n // size for n, i in enumerate(ids)})
    want = [h[:2] for h in sorted(hits, key=lambda h: (h[2], place[h[:2]], h[3], h[0], h[1]))]
    ds = make_datasette(str(harbours))
    for page_size in (1, 5, 50):
        first = rows(ds, f"/news/search.json?q=harbour%20OR%20councillor&size={page_size}")
        assert first[0]["total"] == len(hits)
        found = []
        for page in range(1, -(-len(hits) // page_size) + 1):
            found += [(r["found"], r["id"]) for r in
                      rows(ds, f"/news/search.json?q=harbour%20OR%20councillor&size={page_size}&page={page}")]
        assert found == want, page_size


ORIGINAL = "articles.duplicate_of is null"
CONFIDENT_FIRST = "coalesce(quotes.confidence, 0) >= 0.8 desc, "
# question -> (its key, its address, the plain SQL of its rows; {filters}: the filters given)
BY_SPEAKER = {
    "quotes_by_speaker": ("quote_id", "name=Brook", "select quotes.id from quotes join articles on articles.id = "
                          "quotes.article_id join speakers on speakers.id = quotes.speaker_id where speakers.name "
                          f"like '%Brook%' order by {CONFIDENT_FIRST}articles.published "
                          "is null, articles.published desc, quotes.article_id, quotes.start, quotes.id"),
    "claims_by_speaker": ("claim_id", "name=Brook", "select claims.id from claims join articles on articles.id = "
                          "claims.article_id join speakers on speakers.id = claims.speaker_id where speakers.name "
                          "like '%Brook%' order by articles.published is null, articles.published desc, "
                          "claims.article_id, claims.start, claims.id"),
    "speaker_quotes": ("quote_id", "speaker=1&outlet=", "select quotes.id from quotes join articles on articles.id = "
                       f"quotes.article_id where quotes.speaker_id = 1 and {ORIGINAL}{{filters}} order by "
                       f"{CONFIDENT_FIRST}articles.published is null, articles.published desc, quotes.id"),
    "speaker_claims": ("claim_id", "speaker=1&outlet=", "select claims.id from claims join articles on articles.id = "
                       f"claims.article_id where claims.speaker_id = 1 and {ORIGINAL}{{filters}} order by "
                       "articles.published is null, articles.published desc, claims.id"),
}
FILTERS = {"q=&from=&to=": "", "q=cranes&from=2024-03&to=": " and ({t}.content like '%cranes%' or {t}.text like "
           "'%cranes%') and articles.published >= '2024-03'"}


@pytest.mark.parametrize("name,filters", [(n, f) for n in sorted(BY_SPEAKER) for f in sorted(FILTERS)
                                          if "{filters}" in BY_SPEAKER[n][2] or not FILTERS[f]])
@pytest.mark.parametrize("how", ["walked", "sorted", "stale"])
def test_a_speakers_rows_walked_from_the_newest_articles_are_the_rows_sorted(harbours, tmp_path, monkeypatch,
                                                                              name, how, filters):
    """Walked (the speaker is in every article: far more than one in WALK_SHARE), sorted (WALK_SHARE 0: as if
    rarely quoted) or counted live (the summary stale), filtered or not, two articles near-duplicates of
    others: the same rows in the same order, and the totals (and quotes held back) the page's rows'."""
    key, args, sql = BY_SPEAKER[name]
    db = tmp_path / "news.db"
    with sqlite3.connect(harbours) as src, sqlite3.connect(db) as conn:
        src.backup(conn)
        conn.execute("update articles set duplicate_of = id - 1 where id in (3, 8)")
        summary.refresh_in(conn)
        if how == "stale":
            conn.execute("insert into ingest_errors (source, error, at) values ('late.txt', 'unreadable', 'now')")
    table = "quotes" if key == "quote_id" else "claims"
    sql = sql.format(filters=FILTERS[filters].format(t="quotes" if table == "quotes" else "claims")
                     .replace("claims.content like '%cranes%' or ", "").replace(" or quotes.text like '%cranes%'", ""))
    want = plain(db, sql)
    assert want
    monkeypatch.setattr(queries, "SORTED", 0)               # a few rows walked, as a million would be
    if how == "sorted":
        monkeypatch.setattr(queries, "WALK_SHARE", 0)
    ds = make_datasette(str(db))
    for size in (1, 5, 50):
        keys, first = every_page(ds, f"/news/{name}.json?{args}&{filters}", size, key)
        assert keys == want, (how, size)
        assert first[0]["total"] == len(want)
        if table == "quotes":
            held = plain(db, f"select count(*) from quotes where confidence < 0.8 and id in ({','.join(map(str, want))})")
            assert first[0]["held_back"] == held[0] > 0


@pytest.mark.parametrize("stale", [False, True])
def test_figures_by_unit_read_unit_by_unit_are_the_figures_sorted(harbours, tmp_path, stale):
    """Valued, vague and unreadable figures of every unit matched ("cranes" and a rate of it), largest first:
    the rows of one sort of them all, on every page, with the summary fresh or stale."""
    db = tmp_path / "news.db"
    with sqlite3.connect(harbours) as src, sqlite3.connect(db) as conn:
        src.backup(conn)
    with sqlite3.connect(db) as conn:       # a rate of the unit, matched too
        conn.execute("update claims set unit = 'cranes per week' where unit = 'cranes' and value = 7")
        summary.refresh_in(conn)
        if stale:
            conn.execute("insert into ingest_errors (source, error, at) values ('late.txt', 'unreadable', 'now')")
    want = plain(db, "select id from claims where unit in ('cranes', 'cranes per week') "
                     "order by coalesce(value, high, low) desc, id")
    assert len(plain(db, "select id from claims where unit like 'cranes%' and value is null and high is null")) > 1
    assert len(plain(db, "select id from claims where unit like 'cranes%' and value is null and high > 0")) > 1
    ds = make_datasette(str(db))
    for size in (1, 4, 50):
        keys, first = every_page(ds, "/news/claims_by_unit.json?unit=Cranes", size, "claim_id")
        assert keys == want, size
        assert first[0]["total"] == len(want)


@pytest.mark.parametrize("name", ["figures_changed", "repeated_claims"])
def test_claim_groups_figures_kept_by_the_ingest_are_the_figures_read_from_their_claims(harbours, tmp_path, name):
    """A group's figures from the summary (fresh), read from its claims (stale) and as the plain query wrote
    them: the same rows."""
    with sqlite3.connect(harbours) as conn:
        assert conn.execute("select count(*) from tracker_group_figures").fetchone()[0] >= 1
    stale = tmp_path / "news.db"
    with sqlite3.connect(harbours) as src, sqlite3.connect(stale) as conn:
        src.backup(conn)
        conn.execute("insert into ingest_errors (source, error, at) values ('late.txt', 'unreadable', 'now')")
    fresh, counted = (rows(make_datasette(str(db)), f"/news/{name}.json?size=5") for db in (harbours, stale))
    assert fresh == counted and fresh
    figures = plain(harbours, "select group_concat(t, ' → ') from (select claims.text as t from claims join articles "
                              "on articles.id = claims.article_id where claims.group_id = ? and claims.repeats is null "
                              "order by articles.published, articles.source, claims.start)", fresh[0]["group_id"])
    assert fresh[0]["figures"] == figures[0] and figures[0].count(" → ") == ARTICLES - 1


@pytest.mark.parametrize("name,args,table", [("speaker_feed", "speaker=1", "quotes"),
                                             ("claims_feed", "q=harbour", "claims")])
def test_a_feed_read_newest_id_first_lists_the_rows_latest_ingested_first(harbours, name, args, table):
    """The store numbers rows in the order it writes them and their articles' ingested_at: reading ids newest
    first gives the rows that sorting by ingested_at gave."""
    assert plain(harbours, "select count(*) from articles as a join articles as b on a.id < b.id "
                           "and a.ingested_at > b.ingested_at") == [0]
    match = ("quotes.speaker_id = 1" if table == "quotes" else
             "claims.rowid in (select rowid from claims_fts where claims_fts match 'harbour')")
    want = plain(harbours, f"select 'tag:tracker,{table[:-1]}:' || {table}.id from {table} join articles on "
                           f"articles.id = {table}.article_id where {match} order by articles.ingested_at desc, "
                           f"{table}.id desc limit 50")
    ds = make_datasette(str(harbours))
    assert [r["atom_id"] for r in rows(ds, f"/news/{name}.json?{args}")] == want and want


def test_a_speakers_page_from_the_summary_is_the_page_counted_live(harbours, tmp_path, monkeypatch):
    """The speaker page's quotes and claims walked from the newest articles, its charts (quotes by month, the
    first figures) and counts from the summary (fresh) are the page read from the rows themselves (stale),
    page after page."""
    from tracker.serve import pages, responses

    monkeypatch.setattr(pages, "ITEMS", 5)
    monkeypatch.setattr(responses, "PAGES", 0)
    monkeypatch.setattr(queries, "FIGURES", 7)       # the figures chart's first 7 (of 33)
    copies = []
    for name, late in (("fresh", False), ("stale", True)):
        (tmp_path / name).mkdir()
        db = tmp_path / name / "news.db"
        with sqlite3.connect(harbours) as src, sqlite3.connect(db) as conn:
            src.backup(conn)
            conn.execute("update articles set duplicate_of = id - 1 where id in (3, 8)")
            summary.refresh_in(conn)
            if late:
                conn.execute("insert into ingest_errors (source, error, at) values ('late.txt', 'unreadable', 'now')")
        copies.append(make_datasette(str(db)))
    with sqlite3.connect(tmp_path / "fresh" / "news.db") as conn:
        assert conn.execute("select count(*) from tracker_speaker_months where speaker_id = 1").fetchone()[0] > 1
        assert conn.execute("select count(*) from tracker_speaker_figures where speaker_id = 1").fetchone()[0] == 7
    for page in ("", "?page=2", "?cpage=3", "?page=4&cpage=2"):
        fresh, stale = (asyncio.run(ds.client.get(f"/news/speakers/1{page}")).text for ds in copies)
        assert fresh == stale, page
        assert "Harbour report number" in fresh


def test_figures_to_double_check_read_part_by_part_are_the_figures_sorted(harbours):
    """The unreadable figures (sorted), then the vague ones (read in index order): every page the rows of one
    sort of all the doubtful figures."""
    want = plain(harbours, "select id from claims where qualifier = 'vague' or exists (select 1 from "
                           "json_each(claims.flags) where json_each.value != 'change') "
                           "order by qualifier = 'vague', article_id, start, id")
    assert {"vague", "exact"} <= set(plain(harbours, f"select qualifier from claims where id in ({','.join(map(str, want))})"))
    ds = make_datasette(str(harbours))
    for size in (1, 4, 50):
        keys, first = every_page(ds, "/news/questionable_figures.json?_=", size, "claim_id")
        assert keys == want, size
        assert first[0]["total"] == len(want)
