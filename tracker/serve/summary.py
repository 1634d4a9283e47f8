"""Counts kept by the ingest, so that no page counts millions of rows per request.

``refresh_in(conn)`` runs when a store that wrote anything closes (``Store.close``:
the end of an ingest, ``tracker correct``), or that finds the summary stale, in
one of the store's write transactions, and writes six small tables:

- ``tracker_summary (tbl, col, value, n)``: every table's rows (``col``
  empty); the rows of each value of every facet metadata.yml names (``col`` the
  column); the named counts of ``queries.summary_counts`` (``tbl`` empty,
  ``col`` the name: the home page's counts and the totals of the questions
  without parameters); and the *stamp* (``col`` "stamp"): where the tables
  ended when they were counted.
- ``tracker_speaker_counts (speaker_id, quotes, articles, first_published, last_published, outlets)``:
  "who is quoted most", counted as ``query_parts.speaker_counts_sql`` counts it.
- ``tracker_speaker_totals (speaker_id, quotes, held, claims, original_held, original_claims)``: every
  speaker's quotes (near-duplicate articles' too), those under ``query_parts.CONFIDENT``, and claims: the
  totals of "Quotes by a speaker" and "Claims by a speaker" (``queries._by_speaker``); and those held back
  and the claims of original articles, for "A speaker's quotes" and "... claims" (``queries._speaker_rows``).
- ``tracker_speaker_months (speaker_id, month, n)``: every speaker's quotes by month (the chart of their
  page), counted as ``query_parts.speaker_months_sql`` counts one speaker's.
- ``tracker_speaker_figures (speaker_id, claim_id)``: every speaker's first ``queries.FIGURES`` figures
  (the other chart of their page, ``queries.speaker_figures_sql``).
- ``tracker_group_figures (group_id, figures)``: the figures of the claim groups that "Figures that changed"
  and "Claims repeated by several speakers" list, in the order they were published.

The summary is *fresh* while every watched table still ends at the rowid it
had when counted (``query_parts.summary_fresh``, one index lookup a table): an
ingest that did not finish, or a tool that added rows without refreshing it,
makes the pages count for themselves again, as they did before this summary
existed. Rows changed in place (a correction moving quotes to another speaker)
are not seen: every tool of the tracker that changes rows does so through the
store, whose close counts again. (``Store(path).close()`` brings a stale
summary up to date, after an ingest that was stopped, say.)

Counting at the end of an ingest costs a scan of each facet's index and of the
speakers' quotes: 2.6 s on a 50,000-article database (BBC corpus copies).
"""
from __future__ import annotations

import sqlite3

from . import cache
from .common import columns_of
from .meta import facet_columns
from .columns import Columns
from .queries import CHANGED, GROUP_FIGURES, REPEATED, speaker_figures_sql, summary_counts
from .query_parts import (CONFIDENT, GROUP_FIGURES_KEPT, SPEAKER_COUNTS, SPEAKER_FIGURES, SPEAKER_MONTHS, SPEAKER_TOTALS,
                          SUMMARY, SUMMARY_WATCHED, not_generic, original, speaker_counts_sql, speaker_months_sql,
                          summary_fresh, summary_stamp, summary_tables)


def _columns(conn: sqlite3.Connection) -> Columns:
    out: dict[str, set[str]] = {}
    for t, c in conn.execute("select m.name, p.name from sqlite_master m join pragma_table_info(m.name) p "
                             "where m.type = 'table'"):
        out.setdefault(t, set()).add(c)
    return Columns(out)


# the tables written here
KEPT = (SUMMARY, SPEAKER_COUNTS, SPEAKER_TOTALS, GROUP_FIGURES_KEPT, SPEAKER_MONTHS, SPEAKER_FIGURES)


def counted_tables(conn: sqlite3.Connection) -> list[str]:
    """The tables whose changes the stamp sees (others, such as ``speaker_pairs``, written after the summary at
    the end of an ingest, are counted by the pages: they are small)."""
    return [t for (t,) in conn.execute("select name from sqlite_master where type = 'table'")
            if t in SUMMARY_WATCHED]


def fresh_in(conn: sqlite3.Connection) -> bool:
    """Whether the database has a summary that still counts what it holds."""
    cols = _columns(conn)
    return summary_tables(cols) and bool(conn.execute(f"select {summary_fresh(cols)}").fetchone()[0])


def refresh_in(conn: sqlite3.Connection) -> None:
    """Count everything the summary holds, inside the caller's write transaction (``Store.close`` runs it in one
    of the store's), so that a page never reads a summary half written, and the counts and the stamp are of
    one state of the tables."""
    cols = _columns(conn)
    if not cols.has("articles"):
        return
    # what the pages count when there is no summary: the statements to run here
    cols = Columns({t: c for t, c in cols.columns.items() if t not in KEPT})
    rows: list[tuple] = [("", "stamp", conn.execute(f"select {summary_stamp(cols)}").fetchone()[0], 0)]
    for table in counted_tables(conn):
        n, top = conn.execute(f"select count(*), max(rowid) from [{table}]").fetchone()
        rows.append((table, "", top, n))
    counted: dict[str, int] = {}        # the same count asked twice (the home's and a question's) is run once
    for name, sql in summary_counts(cols).items():
        if name == "most_quoted total":   # counted below from the speakers' counts, not by grouping again
            continue
        if sql not in counted:
            counted[sql] = conn.execute(sql).fetchone()[0]
        rows.append(("", name, None, counted[sql]))
    for table, columns in facet_columns().items():
        for column in columns:
            if cols.has(table, column):
                rows += [(table, column, v, n) for v, n in conn.execute(
                    f"select [{column}], count(*) from [{table}] where [{column}] is not null group by 1")]
    speakers = conn.execute(speaker_counts_sql(cols)).fetchall() if cols.has("quotes", "speaker_id") else []
    held = f"coalesce(quotes.confidence, 0) < {CONFIDENT}" if cols.has("quotes", "confidence") else "0"
    totals = conn.execute(f"""select speaker_id, sum(quotes), sum(held), sum(claims), sum(original_held),
          sum(original_claims) from (
        select quotes.speaker_id, count(*) as quotes, total({held}) as held, 0 as claims,
               total({held} and {original(cols)}) as original_held, 0 as original_claims
        from quotes join articles on articles.id = quotes.article_id where quotes.speaker_id is not null
        group by quotes.speaker_id
        union all
        select claims.speaker_id, 0, 0, count(*), 0, total({original(cols)}) from claims
        join articles on articles.id = claims.article_id where claims.speaker_id is not null
        group by claims.speaker_id)
      group by speaker_id""").fetchall() if cols.has("quotes", "speaker_id") and cols.has("claims", "speaker_id") else []
    conn.execute(f"create table if not exists {SUMMARY} (tbl text not null, col text not null, value, "
                 "n integer not null)")
    conn.execute(f"create index if not exists idx_{SUMMARY}_tbl_col_n on {SUMMARY} (tbl, col, n)")
    conn.execute(f"drop table if exists {SPEAKER_COUNTS}")        # made anew: its columns may have changed
    conn.execute(f"create table {SPEAKER_COUNTS} (speaker_id integer primary key, quotes integer not null, "
                 "articles integer not null, first_published text, last_published text, outlets text)")
    conn.execute(f"create index if not exists idx_{SPEAKER_COUNTS}_quotes_articles on {SPEAKER_COUNTS} "
                 "(quotes, articles)")
    conn.execute(f"drop table if exists {SPEAKER_TOTALS}")
    conn.execute(f"create table {SPEAKER_TOTALS} (speaker_id integer primary key, quotes integer not null, "
                 "held integer not null, claims integer not null, original_held integer not null, "
                 "original_claims integer not null)")
    conn.execute(f"delete from {SUMMARY}")
    conn.executemany(f"insert into {SUMMARY} (tbl, col, value, n) values (?, ?, ?, ?)", rows)
    conn.executemany(f"insert into {SPEAKER_COUNTS} (speaker_id, quotes, articles, first_published, "
                     "last_published, outlets) values (?, ?, ?, ?, ?, ?)", speakers)
    conn.executemany(f"insert into {SPEAKER_TOTALS} (speaker_id, quotes, held, claims, original_held, "
                     "original_claims) values (?, ?, ?, ?, ?, ?)", totals)
    conn.execute(f"drop table if exists {SPEAKER_MONTHS}")
    if cols.has("quotes", "speaker_id"):
        conn.execute(f"create table {SPEAKER_MONTHS} (speaker_id integer not null, month text, n integer not null, "
                     "primary key (speaker_id, month))")
        conn.execute(f"insert into {SPEAKER_MONTHS} (speaker_id, month, n) {speaker_months_sql(cols, one=False)}")
    conn.execute(f"drop table if exists {SPEAKER_FIGURES}")
    if cols.has("claims", "speaker_id"):
        conn.execute(f"create table {SPEAKER_FIGURES} (speaker_id integer not null, claim_id integer not null, "
                     "primary key (speaker_id, claim_id))")
        conn.execute(f"insert into {SPEAKER_FIGURES} (speaker_id, claim_id) {speaker_figures_sql(every=True)}")
    conn.execute(f"drop table if exists {GROUP_FIGURES_KEPT}")
    if cols.has("claim_groups") and cols.has("claims", "group_id"):
        conn.execute(f"create table {GROUP_FIGURES_KEPT} (group_id integer primary key, figures text)")
        conn.execute(f"insert into {GROUP_FIGURES_KEPT} (group_id, figures) select claim_groups.id, "
                     f"{GROUP_FIGURES.format(group='claim_groups.id')} from claim_groups "
                     f"where ({CHANGED}) or ({REPEATED})")
    conn.execute(f"insert into {SUMMARY} (tbl, col, value, n) select '', 'most_quoted total', null, count(*) "
                 f"from {SPEAKER_COUNTS} as counts join speakers on speakers.id = counts.speaker_id "
                 f"where {not_generic(cols)}")


# --- reading it, from Datasette ------------------------------------------------------------------------------

async def fresh(datasette, database: str) -> bool:
    """Whether the database has a summary that still counts what it holds (checked once per change)."""
    cols = await columns_of(datasette, database)
    if not summary_tables(cols):
        return False

    async def check():
        db = datasette.get_database(database)
        return bool((await db.execute(f"select {summary_fresh(cols)}")).first()[0])
    return await cache.cached(datasette, database, "summary fresh", check)


async def named_counts(datasette, database: str) -> dict | None:
    """The named counts and every table's rows (``{"table quotes": 21621, "checkworthy": ...}``), if fresh."""
    if not await fresh(datasette, database):
        return None
    db = datasette.get_database(database)
    rows = (await db.execute(f"select tbl, col, n from {SUMMARY} where tbl = '' or col = ''")).rows
    return {(f"table {r['tbl']}" if r["tbl"] else r["col"]): r["n"] for r in rows}


async def facet(datasette, database: str, table: str, column: str, limit: int):
    """A facet's values and rows, as Datasette's facet query returns them, if the summary holds it fresh."""
    if not await fresh(datasette, database):
        return None
    results = await datasette.get_database(database).execute(
        f"select value, n as count from {SUMMARY} where tbl = ? and col = ? order by n desc, value "
        f"limit {int(limit)}", [table, column])
    return results if results.rows else None      # none: a column the summary did not count (or all null)


async def rows(datasette, database: str, table: str, column: str = "", value=None):
    """A ``Results`` of one row, the count: of a whole table (``column`` empty), or of its rows whose ``column``
    is ``value`` (a column whose values the summary counts: 0 for a value it did not see); None if the
    summary is stale or does not count it."""
    if not await fresh(datasette, database):
        return None
    db = datasette.get_database(database)
    if not column:
        results = await db.execute(f"select n from {SUMMARY} where tbl = ? and col = ''", [table])
        return results if results.rows else None
    if value is None:
        return None
    # a value from the address is text; the summary keeps the column's own type (speaker_id 7, not '7'), and
    # an integer or real column matches the text only when it reads back the same ('07' and 'abc' match none)
    results = await db.execute(f"""select coalesce((select sum(n) from {SUMMARY} where tbl = :t and col = :c and (
          value = :v or (cast(cast(:v as integer) as text) = :v and value = cast(:v as integer))
          or (cast(cast(:v as real) as text) = :v and value = cast(:v as real)))), 0) as n,
        exists (select 1 from {SUMMARY} where tbl = :t and col = :c) as kept""", dict(t=table, c=column, v=value))
    return results if results.first()["kept"] else None


async def speaker(datasette, database: str, speaker_id: int) -> dict | None:
    """A quoted speaker's counts (``quotes``, ``articles``, ``outlets``, ``claims``: near-duplicate articles
    counted once; ``claims`` None in a summary without the speakers' totals) and the articles'
    (``all_articles``), if the summary is fresh; None otherwise (or for a speaker never quoted)."""
    if not await fresh(datasette, database):
        return None
    cols = await columns_of(datasette, database)
    claims = (f"(select original_claims from {SPEAKER_TOTALS} where speaker_id = counts.speaker_id)"
              if cols.has(SPEAKER_TOTALS, "original_claims") else "null")
    row = (await datasette.get_database(database).execute(
        f"select counts.quotes, counts.articles, counts.outlets, {claims} as claims, (select n from {SUMMARY} "
        f"where tbl = 'articles' and col = '') as all_articles from {SPEAKER_COUNTS} as counts "
        "where counts.speaker_id = ?", [speaker_id])).first()
    return dict(row) if row is not None and row["all_articles"] is not None else None


async def kept(datasette, database: str, table: str) -> bool:
    """Whether the summary has ``table`` (one of the speaker page's) and is fresh."""
    return (await columns_of(datasette, database)).has(table) and await fresh(datasette, database)
