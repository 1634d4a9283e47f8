"""Every SQL query the served pages run, built in one place.

The canned queries (the questions on the home page) and the queries behind the
article, speaker, quote, claim and sentence pages are built here from the
columns a database really has: columns that newer versions of the tracker add
(``quotes.confidence``, ``speakers.kind = 'generic'``, ``articles.duplicate_of``,
``claims.measure``, ``claim_groups`` ...) are used when present, and a database without them is
served as well. Datasette gets the canned queries through the plugin's
``canned_queries`` hook (0.65) or ``add_query`` at startup (1.0 alphas), so they
apply to a database of any file name.

Every canned query returns one page of ``PAGE`` rows in one SQL statement, with
``total`` (how many rows the question has in all, counted in the same statement) on every
row; ``:_tracker_limit`` and ``:_tracker_offset`` are magic parameters
(``plugin.py``) read from ``?size=`` (default ``PAGE``) and ``?page=``. Columns in ``HIDDEN`` carry what the page needs to link a row
(``article_id``, ``sentence_idx``) without a query per row; the query page shows
them in JSON and CSV only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .columns import Columns
from .feeds import feed_claims, feed_quotes

PAGE = 50               # rows on one page of a canned query
CONFIDENT = 0.8         # quotes.confidence at or above this: "confident" (CONTRACT.md)
# query result columns the HTML page does not show (links are built from them)
HIDDEN = frozenset({"total", "ranked", "counted_to", "held_back", "article_id", "sentence_idx", "speaker_id", "atom_id", "atom_link",
                    "atom_updated", "atom_content_html"})
LIMIT = "limit :_tracker_limit offset :_tracker_offset"
MAX_SIZE = 1000        # ?size= at most (a CSV or JSON export page)


# --- pieces shared by the queries ----------------------------------------------------------------------------

def confident_first(c: Columns, table: str = "quotes") -> tuple[str, str, str]:
    """(select columns, order-by prefix, held-back count) putting confident rows first, when the column exists."""
    if not c.has(table, "confidence"):
        return "", "", ""
    return (f"{table}.confidence, ",
            f"coalesce({table}.confidence, 0) >= {CONFIDENT} desc, ",
            f"total(coalesce({table}.confidence, 0) < {CONFIDENT})")


def not_generic(c: Columns, speakers: str = "speakers") -> str:
    """Conditions that keep anonymous and generic sources out ("who is quoted most")."""
    conds = []
    if c.has("speakers", "kind"):
        conds.append(f"coalesce({speakers}.kind, '') != 'generic'")
    if c.has("speakers", "anonymous"):
        conds.append(f"not coalesce({speakers}.anonymous, 0)")
    return " and ".join(conds) or "1"


def original(c: Columns, articles: str = "articles") -> str:
    """A condition that counts a near-duplicate article once (when ``duplicate_of`` exists)."""
    return f"{articles}.duplicate_of is null" if c.has("articles", "duplicate_of") else "1"


# one speaker's rows ({t}: quotes or claims), filtered by text, outlet and date; empty filters match all.
# Without the text filter (``SPEAKER_ROWS``: the speaker's page when no text is asked for) the quotes need not
# be read: their index on (speaker_id, article_id, start) holds all the rest of a page asks for (the top
# speaker of 51,000 articles, 5,177 quotes: the page's keys 2x as fast)
SPEAKER_ROWS = """{t}.speaker_id = cast(:speaker as integer)
  and (:outlet = '' or articles.outlet = :outlet)
  and (:from = '' or articles.published >= :from)
  and (:to = '' or articles.published < :to || 'z')"""
SPEAKER_FILTER = SPEAKER_ROWS + "\n  and (:q = '' or {field} like '%' || :q || '%')"


def speaker_keys_walked(c: Columns, table: str = "quotes") -> str:
    """A page of a much-quoted speaker's quotes (``:speaker``, ``:limit``, ``:offset``), newest first and the
    confident ones first, found by walking the articles from the newest (their published index) and looking
    up the speaker's quotes in each (their (speaker_id, article_id) index), the confident ones first, then the
    rest: each part stops at the page's end, and the second is read only when the first ran out (SQLite reads
    a UNION ALL in order). For a speaker in a few percent of the articles or more (the speaker's page asks
    ``summary``'s counts): the top speaker of 100,000 articles (9,780 quotes) 101 ms to 12 ms, a sort of all
    of them before; a rarely quoted speaker would walk every article (1.8 s), and is read as before.
    ``table`` claims: the speaker's claims, each article's read by their article_id index (one part)."""
    conf = f"coalesce(quotes.confidence, 0) >= {CONFIDENT}"
    plus = "" if table == "quotes" else "+"
    part = (f"select * from (select {table}.id as page_key from articles cross join {table} "
            f"on {table}.article_id = articles.id where {plus}{table}.speaker_id = cast(:speaker as integer) and "
            f"+{original(c)} and {{cond}} order by articles.published desc, {table}.article_id, {table}.start, "
            f"{table}.id limit :limit + :offset)")
    parts = ([part.format(cond=conf), part.format(cond=f"not ({conf})")]
             if table == "quotes" and c.has("quotes", "confidence") else [part.format(cond="1")])
    return f"select page_key from ({' union all '.join(parts)}) limit :limit offset :offset"


def _speaker_where(c: "Columns", table: str, field: str) -> str:
    """A speaker's rows as their page lists them: a near-duplicate article's rows are the original's again."""
    return SPEAKER_FILTER.format(t=table, field=field) + "\n  and " + original(c)

# the speakers first, then their rows by the speaker_id index (1.5 s against 0.26 s at 128,000 articles, issue 19);
# the speakers are found once for the count and the page (``MATCHED``); aliases is a JSON list: its text
# contains a name exactly when one of the names does, and LIKE on the text is 7x cheaper than json_each
MATCHED = """with matched as materialized (
  select speakers.id from speakers where speakers.name like '%' || :name || '%'
  or speakers.aliases like '%' || :name || '%')
"""
SPEAKER_MATCH = "{t}.speaker_id in matched"


def items_sql(c: Columns, table: str, where: str, order: str, limit: str = "limit ?", *, page: bool = False,
              keys: str = "", total: str = "") -> str:
    """The quotes or the claims (``table``) matching ``where``, with speaker, article and sentence.

    One builder for the article page, the speaker page and the row pages
    (issue 13: the same SQL was written twice with the table name changed).
    ``page``: one page of them (``limit``) with ``total``, the page's keys found first from the table and
    its articles, then only the page's rows joined to the rest (a speaker with 8,000 quotes on 50,000
    articles: 50 ms to 27 ms, when ``count(*) over ()`` joined every one to speakers and sentences).
    ``keys`` and ``total``: a statement giving the page's keys (``page_key``) and an expression giving the
    total, instead of those made from ``where`` (``SPEAKER_KEYS_WALKED``).
    """
    extra = ", sentences.text as sentence_text" if table == "quotes" else ""
    columns = f"""{table}.*, speakers.name as speaker_name, sentences.idx as sentence_idx{extra},
       articles.title as article_title, articles.published, articles.outlet"""
    joins = f"""join articles on articles.id = {table}.article_id
left join speakers on speakers.id = {table}.speaker_id
left join sentences on sentences.id = {table}.sentence_id"""
    if page:
        keyed = f"{table} join articles on articles.id = {table}.article_id where {where}"
        keys = keys or f"select {table}.id as page_key from {keyed} order by {order} {limit}"
        return f"""select {total or f"(select count(*) from {keyed})"} as total, {columns}
from ({keys}) as page
join {table} on {table}.id = page.page_key
{joins}
order by {order}"""
    return f"""select {columns}
from {table}
{joins}
where {where}
order by {order}
{limit}"""


# --- the summary the ingest keeps (summary.py) ------------------------------------------------------------------

SUMMARY = "tracker_summary"
SPEAKER_COUNTS = "tracker_speaker_counts"
# every speaker's quotes (all of them, near-duplicate articles' too), those held back, and claims
SPEAKER_TOTALS = "tracker_speaker_totals"
# the figures of the claim groups the questions list (``GROUP_FIGURES`` of each)
GROUP_FIGURES_KEPT = "tracker_group_figures"
# a speaker's quotes by month (the speaker page's chart, ``speaker_months_sql``)
SPEAKER_MONTHS = "tracker_speaker_months"
# the first FIGURES of a speaker's figures (the speaker page's other chart, ``speaker_figures_sql``)
SPEAKER_FIGURES = "tracker_speaker_figures"
FIGURES = 300
# the tables whose counts the summary holds; it is fresh while each still ends where it ended when counted
SUMMARY_WATCHED = ("articles", "sentences", "speakers", "quotes", "claims", "corrections", "ingest_errors")


def summary_tables(c: Columns) -> bool:
    # a summary written before the speakers' counts had outlets is not read (the pages count for themselves)
    return c.has(SUMMARY) and c.has(SPEAKER_COUNTS, "outlets")


def summary_stamp(c: Columns) -> str:
    """Where the watched tables end (their highest rowids, one index lookup each), as one text; a table not
    made yet ends at 0, as it does once made empty (the corrections table, made after the summary at the end of
    the first ingest, leaves it fresh)."""
    return " || ' ' || ".join(f"coalesce((select max(rowid) from [{t}]), 0)" if c.has(t) else "0"
                              for t in SUMMARY_WATCHED)


def summary_fresh(c: Columns) -> str:
    """A condition true while the summary counts what the tables hold: they end where they ended when counted."""
    return f"(select value from {SUMMARY} where tbl = '' and col = 'stamp') is ({summary_stamp(c)})"


def _gate(c: Columns, fresh: bool = False) -> str:
    """A one-row table while the summary is stale (none while fresh): ``from GATE cross join t`` reads ``t``
    only when the summary cannot answer (SQLite keeps a cross join's order, and a false WHERE alone would
    not spare the scan). ``fresh``: the other way round, for reading every row of a summary table (the test
    made once, not once a row: "Figures by unit" on the BBC corpus 13 ms to 2); where a page of rows is read
    in an index's order, as from the speakers' counts, the test in WHERE keeps that order and runs for the
    page's rows only."""
    if fresh:
        return f"(select 1 where {summary_fresh(c)}) as fresh cross join "
    return f"(select 1 where not ({summary_fresh(c)})) as stale cross join "


def home_counts(c: Columns) -> dict[str, str]:
    """The home page's counts: name -> a statement giving one number."""
    out = {"articles": f"select count(*) from articles where {original(c)}",
           "speakers": f"select count(*) from speakers where {not_generic(c)}",
           "checkworthy": "select count(*) from sentences "
                          + ("join articles on articles.id = sentences.article_id " if c.has("articles", "duplicate_of")
                             else "") + f"where {CHECKWORTHY_WHERE} and {original(c)}"}
    if c.has("articles", "duplicate_of"):
        out["duplicates"] = "select count(*) from articles where duplicate_of is not null"
        for t in ("quotes", "claims"):      # a near-duplicate article's rows counted once, in the original
            out[t] = f"select count(*) from {t} join articles on articles.id = {t}.article_id where {original(c)}"
    return out


def summary_counts(c: Columns) -> dict[str, str]:
    """Every named count the summary keeps: the home page's, and the totals of the questions without
    parameters ("most_quoted total", "unresolved_speakers held_back" ...)."""
    out = home_counts(c)
    for q in QUESTIONS:
        sql = q.build(c)
        for key, count in getattr(sql, "counts", {}).items():
            if getattr(sql, "summarised", False) and not parameters(count):
                out[f"{q.name} {key}"] = count
    return out


def _speaker_counts(c: Columns, gate: str = "") -> str:
    # per speaker and article first, then per speaker: 1.5 s against 2.5 s for count(distinct) on 50,000 articles
    return f"""select speaker_id, sum(n) as quotes, count(*) as articles, min(published) as first_published,
         max(published) as last_published, group_concat(distinct outlet) as outlets
  from (select quotes.speaker_id, count(*) as n, articles.published, articles.outlet
        from {gate}quotes join articles on articles.id = quotes.article_id
        where quotes.speaker_id is not null and {original(c)}
        group by quotes.speaker_id, quotes.article_id)
  group by speaker_id"""


def speaker_months_sql(c: Columns, one: bool = True) -> str:
    """A speaker's quotes by month of their articles' dates (``?``: the speaker; ``one`` false: every speaker's,
    with ``speaker_id`` first), near-duplicate articles counted once."""
    who = "quotes.speaker_id = ?" if one else "quotes.speaker_id is not null"
    return (f"select {'' if one else 'quotes.speaker_id, '}substr(articles.published, 1, 7) as month, count(*) as n "
            f"from quotes join articles on articles.id = quotes.article_id where {who} and articles.published is "
            f"not null and {original(c)} group by {'' if one else 'quotes.speaker_id, '}month order by month")


def speaker_figures_sql(kept: bool = False, every: bool = False) -> str:
    """A speaker's first FIGURES figures (claims with a value) in the order of their articles' dates (``?``:
    the speaker); ``kept``: those the summary keeps (SPEAKER_FIGURES); ``every``: every speaker's (speaker_id,
    claim_id), what the summary keeps."""
    if every:
        return ("select speaker_id, id from (select claims.speaker_id, claims.id, row_number() over (partition by "
                "claims.speaker_id order by articles.published, claims.id) as n from claims join articles on "
                "articles.id = claims.article_id where claims.speaker_id is not null and claims.value is not null) "
                f"where n <= {FIGURES}")
    return ("select claims.id, claims.value, claims.unit, claims.text, articles.published "
            + (f"from {SPEAKER_FIGURES} as kept join claims on claims.id = kept.claim_id " if kept else "from claims ")
            + "join articles on articles.id = claims.article_id "
            + ("where kept.speaker_id = ? " if kept else "where claims.speaker_id = ? and claims.value is not null ")
            + f"order by articles.published, claims.id limit {FIGURES}")


def speaker_counts_sql(c: Columns) -> str:
    """Quotes, articles, first and latest dates and outlets of every quoted speaker (near-duplicate articles
    counted once)."""
    return _speaker_counts(c)


# --- the canned queries ----------------------------------------------------------------------------------------

class SQL(str):
    """A canned query's SQL, with the statements that count its ``total`` (and ``held_back``) in ``counts``."""

    counts: dict[str, str] = {}
    summarised = False      # its counts are read from the summary while it is fresh (``paged``'s ``name``)


def paged(c: Columns, name: str | None, columns: str, source: str, where: str, order: str, *, held: str = "",
          count_from: str = "", late: tuple[str, str, str] | None = None, with_: str = "",
          first: str = "", rest: str = "", within: str = "") -> SQL:
    """One page of rows, with ``total`` (and ``held_back``) counted by an uncorrelated subquery,
    which SQLite runs once. (``count(*) over ()`` would do it too, but a window function
    stops ``snippet()`` working: "unable to use function snippet in the requested context".)

    ``count_from``: the tables the count needs, when ``where`` names fewer than ``source`` joins
    (the joins only add columns: counting without them is 3-10x faster on the BBC database).
    ``name``: a question without parameters takes its counts from the summary while it is fresh.
    ``late``: ``(key, table, tables)``: the page's keys are found first in ``tables`` (what ``where``
    and ``order`` need) and only the page's rows are joined to the rest, instead of every matching
    row being joined before the sort (``claims_by_unit`` on 50,000 articles: 313 ms before).
    ``with_``: common table expressions ``where`` uses (``MATCHED``).
    ``first``: with ``late``, when ``order`` is "the rows meeting ``first``, then the rest, each by ``key``":
    the page's keys are read from each part in the key's order (an index's, stopping at the page's end)
    instead of every matching row being sorted (unresolved speakers on 100,000 articles: 1.1 s to 25 ms, a
    sort of 318,000 rows). ``rest``: the condition of the second part, when it is more than "not ``first``"
    (one an index answers; ``first`` and ``rest`` are then each a part's whole condition, together
    ``where``'s); the first part is then taken to be few rows, found by its condition and sorted
    (its order's columns read with a unary plus, which keeps SQLite from walking an index in that order over
    every row). ``within``: each part's order, when it is not ``key`` alone (columns of an index that ends
    with ``key``).
    """
    counted = count_from or source
    counts = {"total": f"select count(*) from {counted} where {where}"}
    if held:
        counts["held_back"] = f"select {held} from {counted} where {where}"
    head = ""
    for key, count in counts.items():
        if name and summary_tables(c) and not parameters(count):
            head += (f"coalesce((select n from {SUMMARY} where tbl = '' and col = '{name} {key}' and "
                     f"{summary_fresh(c)}), ({count})) as {key}, ")
        else:
            head += f"({count}) as {key}, "
    if late:
        key, table, tables = late
        keys = f"select {key} as page_key from {tables} where {where} order by {order} {LIMIT}"
        if first:
            within = within or key
            named = ", ".join(f"{w} as w{i}" for i, w in enumerate(within.split(", ")))
            part = (f"select * from (select {key} as page_key, {{n}} as part, {named} from {tables} where {{cond}} "
                    f"order by {{within}} limit :_tracker_limit + :_tracker_offset)")
            few = ", ".join(f"+{w}" for w in within.split(", ")) if rest else within
            conds = (first, rest) if rest else (f"{where} and ({first})", f"{where} and not ({first})")
            keys = (f"select page_key from ({part.format(n=0, cond=conds[0], within=few)}\n  union all "
                    f"{part.format(n=1, cond=conds[1], within=within)}) order by part, "
                    f"{', '.join(f'w{i}' for i in range(len(within.split(', '))))} {LIMIT}")
        source = (f"({keys}) as page\n"
                  f"join {table} on {key} = page.page_key" + source[source.index("\n"):])
        sql = SQL(f"""{with_}select {head}{columns}
from {source}
order by {order}""")
    else:
        sql = SQL(f"""{with_}select {head}{columns}
from {source}
where {where}
order by {order}
{LIMIT}""")
    sql.counts = {k: with_ + v for k, v in counts.items()}
    sql.summarised = bool(name)
    return sql


def _needs_articles(where: str) -> bool:
    return "articles." in where


def _count_from(source: str, where: str, table: str) -> str:
    return source + (f"\njoin articles on articles.id = {table}.article_id" if _needs_articles(where) else "")


def _quote_rows(c: Columns, name: str, where: str, order: str, *, with_: str = "") -> str:
    conf, conf_order, held = confident_first(c)
    needs = "quotes join articles on articles.id = quotes.article_id" if _needs_articles(where + order) else "quotes"
    return paged(c, name, QUOTE_COLUMNS.format(snippet="", conf=conf), f"quotes\n{QUOTE_JOINS}", where,
                 conf_order + order + ("" if order.endswith("quotes.id") else ", quotes.id"), held=held,
                 count_from=_count_from("quotes", where, "quotes"),
                 late=("quotes.id", "quotes", needs), with_=with_,
                 first=f"coalesce(quotes.confidence, 0) >= {CONFIDENT}" if conf_order and order == "quotes.id" else "")


QUOTE_COLUMNS = """quotes.id as quote_id,
       {snippet}quotes.content, {conf}coalesce(speakers.name, quotes.speaker_mention) as speaker,
       quotes.speaker_mention, quotes.kind, quotes.cue, articles.title as article, articles.published,
       quotes.speaker_id, quotes.article_id, sentences.idx as sentence_idx"""
QUOTE_JOINS = """join articles on articles.id = quotes.article_id
left join speakers on speakers.id = quotes.speaker_id
left join sentences on sentences.id = quotes.sentence_id"""
CLAIM_JOINS = """join articles on articles.id = claims.article_id
left join speakers on speakers.id = claims.speaker_id
left join sentences on sentences.id = claims.sentence_id"""


def _claim_columns(c: Columns, first: str = "", snippet: str = "") -> str:
    measure = "claims.measure, " if c.has("claims", "measure") else ""
    return f"""claims.id as claim_id, {first}
       {snippet}claims.text, {measure}claims.value, claims.unit, claims.qualifier,
       coalesce(speakers.name, 'the article') as made_by, articles.title as article, articles.published,
       claims.speaker_id, claims.article_id, sentences.idx as sentence_idx"""


def _claim_rows(c: Columns, name: str, where: str, order: str, *, first: str = "", with_: str = "",
                parts: dict | None = None) -> str:
    """Claims with who made them (``first``: columns before the rest; ``parts``: ``paged``'s ``first``,
    ``rest`` and ``within``)."""
    needs = "claims join articles on articles.id = claims.article_id" if _needs_articles(where + order) else "claims"
    return paged(c, name, _claim_columns(c, first), f"claims\n{CLAIM_JOINS}", where, order + ", claims.id",
                 count_from=_count_from("claims", where, "claims"),
                 late=("claims.id", "claims", needs), with_=with_, **(parts or {}))


# --- the rows of the speakers a name matches ------------------------------------------------------------------

# the speakers' rows are walked from the newest articles (as a much-quoted speaker's page is) while they are
# more than SORTED (fewer are sorted in a few ms: "analyst"'s 4,180 claims on 100,000 articles sorted in
# about the time a walk takes) and in at least one article in WALK_SHARE, for the rows before WALKED_ROWS;
# else all of them are sorted
WALK_SHARE, WALKED_ROWS, SORTED = 50, 250, 5000


def _walked(c: Columns, table: str, plain: SQL, *, with_: str, where: str, walk_where: str, tail: str,
            totals: str) -> SQL:
    """``plain``'s rows (``table``'s rows meeting ``where``, newest first: the confident quotes first, then
    by the articles' dates, then ``tail``), with their page's keys found by walking the articles newest first
    and reading each one's rows that meet ``walk_where`` (their article_id index), the confident ones then
    the rest, each part stopping at the page's end, while ``totals`` (a one-row statement giving ``fresh``,
    ``walk``: the rows a walk would find, ``total`` and ``held``) says they are fresh (the summary's, and
    counting what is asked) and the rows are more than SORTED and in at least one article in WALK_SHARE, and
    the page starts before WALKED_ROWS; otherwise the rows are all sorted, as ``plain`` sorts them. ``total`` and
    ``held_back`` are ``totals``' while fresh, ``plain``'s counts otherwise."""
    conf, conf_order, held = confident_first(c, table) if table == "quotes" else ("", "", "")
    order = f"articles.published is null, articles.published desc, {tail}{table}.id"
    walk = (f"(select fresh and walk > {SORTED} and walk * {WALK_SHARE} >= (select n from {SUMMARY} where "
            f"tbl = 'articles' and col = '') and :_tracker_offset < {WALKED_ROWS} from totals)")
    part = (f"select * from (select {table}.id as page_key from articles cross join {table} on "
            f"{table}.article_id = articles.id where {walk_where} and {{cond}} order by "
            f"articles.published desc, {tail}{table}.id limit :_tracker_limit + :_tracker_offset)")
    first = f"coalesce(quotes.confidence, 0) >= {CONFIDENT}"
    parts = [part.format(cond=f"({first})"), part.format(cond=f"not ({first})")] if conf else [part.format(cond="1")]
    keys = f"""select page_key from (select 1 where {walk}) as walked cross join (
    select page_key from ({' union all '.join(parts)}) {LIMIT})
  union all
  select page_key from (select 1 where not {walk}) as sorted cross join (
    select {table}.id as page_key from {table} join articles on articles.id = {table}.article_id
    where {where} order by {conf_order}{order} {LIMIT})"""
    counts = (f"case when (select fresh from totals) then (select total from totals) else "
              f"({plain.counts['total'][len(with_):]}) end as total, ")
    if held:
        counts += (f"case when (select fresh from totals) then (select held from totals) else "
                   f"({plain.counts['held_back'][len(with_):]}) end as held_back, ")
    columns = (QUOTE_COLUMNS.format(snippet="", conf=conf) if table == "quotes"
               else _claim_columns(c, "speakers.name as speaker," if "matched" in where else ""))
    sql = SQL(f"""{with_ or "with "}{", " if with_ else ""}totals as materialized (
  {totals})
select {counts}{columns}
from ({keys}) as page
join {table} on {table}.id = page.page_key
{QUOTE_JOINS if table == "quotes" else CLAIM_JOINS}
order by {conf_order}{order}""")
    sql.counts = plain.counts
    return sql


def _by_speaker(c: Columns, table: str) -> str:
    """"Quotes by a speaker" (``table`` quotes) or "Claims by a speaker" (claims): the rows of every speaker
    ``:name`` matches, newest first (the confident quotes first).

    While the summary is fresh, the total (and the quotes held back) are the sums of the matched speakers'
    counts kept by the ingest (``SPEAKER_TOTALS``), and their rows are walked from the newest articles when
    they are many (``_walked``): "analyst" (91 speakers, 14,700 quotes) on 100,000 articles, the sort of
    every one of them, the count and the held back were 300 ms."""
    tail = f"{table}.article_id, {table}.start, "
    name = f"{table}_by_speaker"
    where = SPEAKER_MATCH.format(t=table)
    if table == "quotes":
        plain = _quote_rows(c, name, where, "articles.published is null, articles.published desc, " + tail[:-2],
                            with_=MATCHED)
    else:
        plain = _claim_rows(c, name, where, "articles.published is null, articles.published desc, " + tail[:-2],
                            first="speakers.name as speaker,", with_=MATCHED)
    if not (summary_tables(c) and c.has(SPEAKER_TOTALS, "original_claims")):
        return plain
    count = "quotes" if table == "quotes" else "claims"
    return _walked(c, table, plain, with_=MATCHED, where=where, walk_where=f"+{where}", tail=tail, totals=f"""select {summary_fresh(c)} as fresh, coalesce(sum({count}), 0) as walk, coalesce(sum({count}), 0) as total,
         coalesce(sum(held), 0) as held from {SPEAKER_TOTALS} where speaker_id in matched""")


def _speaker_rows(c: Columns, table: str) -> str:
    """"A speaker's quotes" or "A speaker's claims" (what the speaker page exports): one speaker's rows,
    filtered by text, outlet and dates, a near-duplicate article's once, newest first. Unfiltered, a
    much-quoted speaker's are walked from the newest articles (``_walked``) and counted by the summary (the
    top speaker of 100,000 articles, 6,890 quotes: every one sorted, 74 ms)."""
    field = "quotes.content" if table == "quotes" else "claims.text"
    name = f"speaker_{table}"
    where = _speaker_where(c, table, field)
    plain = (_quote_rows if table == "quotes" else _claim_rows)(
        c, name, where, "articles.published is null, articles.published desc")
    if not (summary_tables(c) and c.has(SPEAKER_TOTALS, "original_claims")):
        return plain
    one = f"speaker_id = cast(:speaker as integer)"
    total = (f"(select quotes from {SPEAKER_COUNTS} where {one})" if table == "quotes" else
             f"(select original_claims from {SPEAKER_TOTALS} where {one})")
    # the summary's counts are of every row of the speaker: no filter asked for
    return _walked(c, table, plain, with_="", where=where, walk_where=f"{table}.{one} and +{original(c)}", tail="",
                   totals=f"""select {summary_fresh(c)} and {total} is not null
         and :q = '' and :outlet = '' and :from = '' and :to = '' as fresh, {total} as walk, {total} as total,
         (select original_held from {SPEAKER_TOTALS} where {one}) as held""")


# --- full-text searches: ranked a block of matches at a time ----------------------------------------------------

# A search ranks its matches RANKED at a time, the most recently added first: the page's blocks of matches are
# read in rowid order from the full-text index (which gives that order without ranking anything), and only
# they are ranked (bm25 costs about 9 us a match: "minister" in the quotes of 100,000 articles, 24,000
# matches, 143 ms to rank them all, 475 ms for the page that did). A search with at most RANKED matches is
# ranked as a whole, as before; a larger one lists the best of its newest RANKED, then of the next RANKED ...
# Every page reads the blocks up to its last row only, and the order is the same whatever the page.
RANKED = 1000
# a search narrowed beyond its full-text match (figures about ...: quantities only) counts its rows up to this
COUNTED = 10_000


def _hits(fts: str, table: str = "", extra: str = "") -> str:
    """The matches of ``:q`` in ``fts`` that the page's blocks hold (``id``, ``score``: bm25, lower is better,
    ``block``: 0 for the newest RANKED); ``extra``: a condition on ``table``'s row the matches must meet."""
    if extra:
        source = f"{fts} join {table} on {table}.rowid = {fts}.rowid where {fts} match tracker_fts(:q) and {extra}"
    else:
        source = f"{fts} where {fts} match tracker_fts(:q)"
    return (f"select id, score, (row_number() over (order by id desc) - 1) / {RANKED} as block from ("
            f"select {fts}.rowid as id, {fts}.rank as score from {source} order by {fts}.rowid desc "
            f"limit ((:_tracker_offset + :_tracker_limit - 1) / {RANKED} + 1) * {RANKED})")


def _snippet(fts: str, size: int = 24, key: str = "page.id") -> str:
    """A match's text with the words found marked, read for one row of the page (``snippet`` works only where
    its full-text table is searched)."""
    return (f"(select snippet({fts}, -1, char(1), char(2), '…', {size}) from {fts} "
            f"where {fts} match tracker_fts(:q) and {fts}.rowid = {key})")


def _searched(table: str, columns: str, joins: str, order: str, *, held: str = "", extra: str = "",
              needs_articles: bool = False) -> SQL:
    """One page of the rows of ``table`` whose full-text index matches ``:q`` (and ``extra``), in blocks of
    RANKED (``_hits``), each in ``order`` (``{score}``: the match's rank), with ``total`` (every match),
    ``ranked`` (the matches the page's blocks hold) and, given ``held``, ``held_back`` among those.
    ``extra`` narrows the matches by their rows: the blocks are of the rows that meet it, and ``total`` is
    counted up to COUNTED + 1 (a common word's quantities on 100,000 articles: 100,000 rows, 160 ms)."""
    fts = f"{table}_fts"
    arts = f"\n  join articles on articles.id = {table}.article_id" if needs_articles else ""
    counts = f"{COUNTED} as counted_to, " if extra else ""
    if held:
        counts += f"(select {held} from hits join {table} on {table}.id = hits.id) as held_back, "
    if extra:       # counted up to COUNTED + 1 (``counted_to``: "more than COUNTED" past it)
        total = (f"select count(*) from (select 1 from {fts} join {table} on {table}.rowid = {fts}.rowid "
                 f"where {fts} match tracker_fts(:q) and {extra} limit {COUNTED + 1})")
    else:
        total = f"select count(*) from {fts}(tracker_fts(:q))"
    sql = SQL(f"""with hits as materialized (
  {_hits(fts, table, extra)}
), page as materialized (
  select hits.id, hits.block, hits.score from hits join {table} on {table}.id = hits.id{arts}
  order by hits.block, {order.format(score="hits.score")}, hits.id {LIMIT}
)
select ({total}) as total, (select count(*) from hits) as ranked, {counts}{columns}
from page
join {table} on {table}.id = page.id
{joins}
order by page.block, {order.format(score="page.score")}, page.id""")
    sql.counts = {"total": total}
    return sql


def _search_quotes(c: Columns) -> str:
    conf, conf_order, held = confident_first(c)
    return _searched("quotes", QUOTE_COLUMNS.format(snippet=f"{_snippet('quotes_fts')} as snippet,\n       ",
                                                    conf=conf),
                     QUOTE_JOINS, conf_order + "{score}", held=held)


def _search_claims(c: Columns) -> str:
    return _searched("claims", _claim_columns(c, "claims.kind,", f"{_snippet('claims_fts')} as snippet,\n       "),
                     CLAIM_JOINS, "{score}")


def _figures_about(c: Columns) -> str:
    return _searched("claims", _claim_columns(c), CLAIM_JOINS,
                     "claims.unit is null, claims.unit, articles.published, claims.article_id, claims.start",
                     extra="+claims.kind = 'quantity'", needs_articles=True)


def _search_all(c: Columns) -> str:
    """Quotes, claims and speakers matching one search, speakers first, then by relevance, each table's
    matches ranked RANKED at a time, the most recently added first (``_hits``: the quotes and claims of
    a block ranked together, block after block).

    The matches are ranked first (row ids and scores only); snippets, speakers and articles are
    read for the page's rows alone (all of them for every match took 210 ms on 50,000 articles)."""
    return f"""with hits as materialized (
  select 'speaker' as found, id, 0 as tier, block, score from ({_hits("speakers_fts")})
  union all
  select 'quote', id, 1, block, score from ({_hits("quotes_fts")})
  union all
  select 'claim', id, 1, block, score from ({_hits("claims_fts")})
), page as (
  select found, id, tier, block, score from hits order by tier, block, score, found, id {LIMIT}
)
select (select count(*) from speakers_fts(tracker_fts(:q))) + (select count(*) from quotes_fts(tracker_fts(:q)))
         + (select count(*) from claims_fts(tracker_fts(:q))) as total, (select count(*) from hits) as ranked,
       page.found, page.id,
       case page.found when 'speaker' then {_snippet("speakers_fts", 12)}
                       when 'quote' then {_snippet("quotes_fts")} else {_snippet("claims_fts")} end as snippet,
       case page.found when 'speaker' then speakers.name when 'quote' then coalesce(qs.name, quotes.speaker_mention)
                       else coalesce(cs.name, 'the article') end as who,
       articles.title as article, articles.published, articles.id as article_id, sentences.idx as sentence_idx
from page
left join speakers on page.found = 'speaker' and speakers.id = page.id
left join quotes on page.found = 'quote' and quotes.id = page.id
left join claims on page.found = 'claim' and claims.id = page.id
left join speakers as qs on qs.id = quotes.speaker_id
left join speakers as cs on cs.id = claims.speaker_id
left join articles on articles.id = coalesce(quotes.article_id, claims.article_id)
left join sentences on sentences.id = coalesce(quotes.sentence_id, claims.sentence_id)
order by page.tier, page.block, page.score, page.found, page.id"""


def _most_quoted(c: Columns) -> str:
    """Speakers by quotes: from the summary while it is fresh (in its index's order, so a page reads a page
    of speakers), else counted from every quote."""
    columns = ("speakers.id as speaker_id, speakers.name as speaker, speakers.role, counts.quotes, "
               "counts.articles, counts.first_published, counts.last_published, counts.outlets")
    order = "counts.quotes desc, counts.articles desc, speakers.name"
    live = paged(c, "most_quoted", columns,
                 f"(\n  {_speaker_counts(c, _gate(c) if summary_tables(c) else '')}\n) as counts\n"
                 "join speakers on speakers.id = counts.speaker_id", not_generic(c), order)
    if not summary_tables(c):
        return live
    kept = paged(c, "most_quoted", columns, f"{SPEAKER_COUNTS} as counts\njoin speakers on speakers.id = "
                 "counts.speaker_id", f"{not_generic(c)} and {summary_fresh(c)}", order)
    both = SQL(f"select * from (\n{kept}\n)\nunion all\nselect * from (\n{live}\n)")
    both.counts, both.summarised = live.counts, True
    return both


CHECKWORTHY_WHERE = "sentences.checkworthiness >= 0.5 and sentences.boilerplate = 0"


def _likely_duplicates(c: Columns) -> str:
    """Pairs of speaker rows that may be one (``speaker_pairs``, written at every ingest by tracker/corrections.py)."""
    if not c.has("speaker_pairs"):
        return ("select 0 as total, null as name_a, null as name_b, null as kind, null as score, null as reason "
                "where 0 " + LIMIT)
    quoted = "(select count(*) from quotes where quotes.speaker_id = speaker_pairs.{})"
    # not from the summary: the pairs are written after it, at the end of the ingest (a few dozen rows)
    return paged(c, None, f"""speaker_pairs.name_a, speaker_pairs.name_b, speaker_pairs.kind, speaker_pairs.score,
       speaker_pairs.reason, {quoted.format("speaker_a")} as quotes_a, {quoted.format("speaker_b")} as quotes_b,
       speaker_pairs.speaker_a, speaker_pairs.speaker_b""", "speaker_pairs", "1",
                 "speaker_pairs.score desc, speaker_pairs.name_a, speaker_pairs.name_b")


def _checkworthy(c: Columns) -> str:
    dup = c.has("articles", "duplicate_of")
    return paged(c, "checkworthy_sentences", """sentences.checkworthiness, sentences.id as sentence_id,
       sentences.text, articles.title as article, articles.published,
       (select group_concat(claims.text, ' | ') from claims where claims.sentence_id = sentences.id) as claims,
       (select count(*) from quotes where quotes.sentence_id = sentences.id) as quotes,
       sentences.article_id, sentences.idx as sentence_idx""",
                 "sentences\njoin articles on articles.id = sentences.article_id",
                 f"{CHECKWORTHY_WHERE} and {original(c)}",
                 "sentences.checkworthiness desc, sentences.article_id, sentences.idx",
                 count_from=None if dup else "sentences",
                 late=("sentences.id", "sentences",
                       "sentences join articles on articles.id = sentences.article_id" if dup else "sentences"))


UNIT = "(lower({u}) = lower(trim(:unit)) or lower({u}) like lower(trim(:unit)) || ' per %')"
# a claim's figure, as "Figures by unit" orders them
FIGURE = "coalesce(claims.value, claims.high, claims.low)"


def _unit_match(c: Columns) -> str:
    """Claims in the units that are the one given or a rate of it: the units found first (in the summary's
    list of units while it is fresh, else among the distinct units, by index), then their claims by index."""
    scan = ("select distinct claim_units.unit from {gate}claims as claim_units where "
            + UNIT.format(u="claim_units.unit"))
    if not summary_tables(c):
        return f"claims.unit in ({scan.format(gate='')})"
    return (f"claims.unit in (select value from {_gate(c, fresh=True)}{SUMMARY} where tbl = 'claims' and "
            f"col = 'unit' and {UNIT.format(u='value')}\n    union all {scan.format(gate=_gate(c))})")


def _claims_by_unit(c: Columns) -> str:
    """"Figures by unit": the claims in the units matched (``_unit_match``), largest figure first.

    While the summary is fresh, the units and their claims' total are the summary's, and the page's keys are
    read unit by unit from the claims' (unit, value, high) index, largest first, each unit's reading stopped
    at the page's end: its valued figures by value, then its vague ones (no value) by their upper bound, then
    those with neither (by lower bound: few); only those are sorted together. "percent" on 100,000 articles
    (99,000 claims): a sort of all of them and their count were 262 ms."""
    order = f"{FIGURE} desc, claims.id"
    if not summary_tables(c):
        return _claim_rows(c, "claims_by_unit", _unit_match(c), order)
    part = (f"select claims.id, {FIGURE} as figure from units cross join claims where claims.id in ("
            "select x.id from claims as x where x.unit = units.unit and {cond} order by {by} desc, x.id "
            "limit :_tracker_limit + :_tracker_offset)")
    parts = "\n    union all ".join(part.format(cond=cond, by=by) for cond, by in (
        ("x.value is not null", "x.value"), ("x.value is null and x.high is not null", "x.high"),
        ("x.value is null and x.high is null", "x.low")))
    sql = SQL(f"""with units as materialized (
  select value as unit, n from {_gate(c, fresh=True)}{SUMMARY} where tbl = 'claims' and col = 'unit' and
    {UNIT.format(u='value')}
  union all
  select distinct claim_units.unit, null from {_gate(c)}claims as claim_units where {UNIT.format(u='claim_units.unit')})
select case when {summary_fresh(c)} then (select coalesce(sum(n), 0) from units)
       else (select count(*) from claims where claims.unit in (select unit from units)) end as total,
       {_claim_columns(c)}
from (select id as page_key from (
    {parts})
  order by figure desc, id {LIMIT}) as page
join claims on claims.id = page.page_key
{CLAIM_JOINS}
order by {order}""")
    sql.counts = {"total": f"select count(*) from claims where {_unit_match(c)}"}
    return sql


# Figures to double-check: vague, or with a flag other than "change" (a figure that is a change is no reason
# to doubt it). The first part is one OR of ranges that SQLite answers from the qualifier and flags indexes
# (the flags as json.dumps writes them: every text but '[]' and '["change"]'); the json_each test settles
# the rest. 84 ms to 9 ms a page on 50,000 articles: a scan of every claim before.
DOUBTFUL = """(claims.qualifier = 'vague' or claims.flags < '["change"]'
       or (claims.flags > '["change"]' and claims.flags < '[]') or claims.flags > '[]')
  and (claims.qualifier = 'vague'
       or exists (select 1 from json_each(claims.flags) where json_each.value != 'change'))"""


# a group's figures in the order they were published (a figure repeated in one article once)
GROUP_FIGURES = """(select group_concat(t, ' → ') from (select claims.text as t from claims
          join articles on articles.id = claims.article_id
          where claims.group_id = {group} and claims.repeats is null
          order by articles.published is null, articles.published, articles.source, claims.start))"""
# the groups "Figures that changed" and "Claims repeated by several speakers" list
CHANGED = "claim_groups.distinct_values > 1 and claim_groups.articles > 1"
REPEATED = "claim_groups.speakers > 1"


# "Figures to double-check" reads the unreadable figures (a few: sorted), then the vague ones in the order of
# the claims' (qualifier, article_id, start) index, stopped at the page's end (16,000 vague figures in
# 100,000 articles: all sorted, 107 ms)
FLAGGED = """(claims.flags < '["change"]' or (claims.flags > '["change"]' and claims.flags < '[]')
       or claims.flags > '[]')"""
VAGUE_LAST = dict(first=f"coalesce(claims.qualifier, '') != 'vague' and {FLAGGED} and exists (select 1 from "
                        "json_each(claims.flags) where json_each.value != 'change')", rest="claims.qualifier = 'vague'",
                  within="claims.article_id, claims.start, claims.id")


def _claim_groups(c: Columns, where: str, order: str) -> str:
    """Groups of the same claim across articles (``claim_groups``), each with its figures in the order they were
    published and its first claim; a database made before groups existed answers with no rows.

    The page's groups are found first, then only they are joined to their figures and first claims; the
    figures are the summary's while it is fresh (``GROUP_FIGURES_KEPT``, written for the groups listed
    here): read from the claims of every group, they grew with the archive ("Figures that changed" on
    100,000 articles 145 ms, 128 of them its groups' figures)."""
    if not c.has("claim_groups"):
        return "select 0 as total, 'no claim groups in this database: ingest it again' as note where 0 " + LIMIT
    figures = GROUP_FIGURES.format(group="claim_groups.id")
    if summary_tables(c) and c.has(GROUP_FIGURES_KEPT):
        figures = (f"coalesce((select figures from {_gate(c, fresh=True)}{GROUP_FIGURES_KEPT} "
                   f"where group_id = claim_groups.id), {figures})")
    return paged(c, None, f"""claim_groups.id as group_id, claim_groups.measure, claim_groups.subject, claim_groups.period,
       claim_groups.unit, {figures} as figures,
       claim_groups.distinct_values, claim_groups.low, claim_groups.high, claim_groups.claims,
       claim_groups.articles, claim_groups.speakers, first.text as first_claim, first.id as claim_id,
       articles.title as first_article, articles.published as first_published, first.article_id,
       sentences.idx as sentence_idx""",
                 """claim_groups
left join claims as first on first.id = claim_groups.first_claim_id
left join articles on articles.id = first.article_id
left join sentences on sentences.id = first.sentence_id""", where, order, count_from="claim_groups",
                 late=("claim_groups.id", "claim_groups", "claim_groups"))


@dataclass(frozen=True)
class Question:
    name: str
    title: str
    description: str
    build: object          # Columns -> SQL
    home: bool = True      # listed on the home page


QUESTIONS = [
    Question("search", "Search everything",
             "Quotes, claims and speakers matching your words, speakers first, then the best matches.",
             _search_all),
    Question("quotes_by_speaker", "Quotes by a speaker",
             "Every quote by the speakers whose name or one of whose aliases contains the text you give "
             '("Shah" finds "Priya Shah" and "Ms Shah"), newest first. To find speakers by role, search '
             "the speakers table.",
             lambda c: _by_speaker(c, "quotes")),
    Question("search_quotes", "What did they say about ...",
             "Full-text search of what was said, the speaker as the article names them and the cue, best "
             "matches first (over 1,000 matches: the best of the newest 1,000, then of the next 1,000). Words are "
             'matched by stem (warn, warned, warning); use "quotes" for a phrase, OR between alternatives, a '
             "trailing * for a prefix.",
             _search_quotes),
    Question("figures_about", "Figures about ..., and did they change",
             "The figures claimed in claims matching your words, grouped by unit and in date order, with who "
             "claimed them: the same measure at different values stands out (over 1,000 figures: the newest "
             "1,000 so, then the next 1,000).",
             _figures_about),
    Question("search_claims", "Search claims",
             "Full-text search of claims (the figure, the statement that makes it, what it measures, whom it is "
             "about, unit, compared-with reference), best matches first (over 1,000 matches: the best of the "
             "newest 1,000, then of the next 1,000); "
             '"quotes" for a phrase, OR between alternatives.',
             _search_claims),
    Question("most_quoted", "Who is quoted most",
             "Named speakers by number of quotes, with the articles they are quoted in, when they were first and "
             "last quoted and by which outlets; anonymous and generic sources (\"a spokesman\", \"analysts\") "
             "are left out.", _most_quoted),
    Question("checkworthy_sentences", "What to check first",
             "Sentences scored highest for check-worthiness (0.5 or more), with the claims found in each "
             "(page furniture left out).", _checkworthy),
    Question("questionable_figures", "Figures to double-check",
             'Numbers the tracker could not read as written (flagged malformed_number, e.g. "100,00") first, '
             'then vague magnitudes ("dozens of", "tens of thousands"): the figures to ask the source about.',
             lambda c: _claim_rows(c, "questionable_figures", DOUBTFUL,
                                   "claims.qualifier = 'vague', claims.article_id, claims.start",
                                   first="claims.raw_number, claims.flags,", parts=VAGUE_LAST)),
    Question("unresolved_speakers", "Unresolved speaker mentions",
             'Quotes whose speaker is named in the text but could not be identified with confidence ("a '
             'spokesman", "officials", a pronoun): read them in the article to decide who spoke.',
             lambda c: _quote_rows(c, "unresolved_speakers",
                                   "quotes.speaker_mention is not null and quotes.speaker_id is null",
                                   "quotes.id")),
    Question("likely_duplicates", "Speakers that may be one",
             "Pairs of speakers with alike names (\"Robert Kilroy-Silk\", \"Robert Kilroy Silk\") or a name in "
             "common, best matches first, for you to confirm (tracker correct merge A B) or dismiss (tracker "
             "correct distinct A B); never merged by the tracker itself. Alike names may be different people "
             "(\"David Davis\", \"David Davies\"): read their quotes first.", _likely_duplicates),
    Question("claims_by_unit", "Figures by unit",
             'The quantities counted in a unit ("GBP", "percent", "troops"), largest first, with who claimed '
             'them; "GBP" also finds rates such as "GBP per year".',
             _claims_by_unit),
    Question("figures_changed", "Figures that changed",
             "The same claim (the same measure about the same subject, in the same period and unit) given with "
             "different figures in different articles: its figures in the order they were published, where it "
             "first appeared, how many articles and speakers gave it. Open a group for its claims.",
             lambda c: _claim_groups(c, CHANGED, "claim_groups.articles desc, claim_groups.distinct_values desc, "
                                     "claim_groups.id")),
    Question("repeated_claims", "Claims repeated by several speakers",
             "The same claim made by several speakers (an article's own claims count as one speaker), most "
             "repeated first: who said it first, and whether the figure stayed the same.",
             lambda c: _claim_groups(c, REPEATED, "claim_groups.speakers desc, claim_groups.claims desc, claim_groups.id")),
    Question("claims_by_speaker", "Claims by a speaker",
             "Figures and comparisons made by the speakers whose name or an alias contains the text you give.",
             lambda c: _by_speaker(c, "claims")),
    Question("speaker_quotes", "A speaker's quotes",
             "The quotes of one speaker (the id on their page), filtered by words in the quote, outlet and "
             "dates (from, to: YYYY-MM-DD), newest first; what the speaker page exports as CSV and JSON.",
             lambda c: _speaker_rows(c, "quotes"), home=False),
    Question("speaker_claims", "A speaker's claims",
             "The claims of one speaker (the id on their page), filtered like their quotes.",
             lambda c: _speaker_rows(c, "claims"), home=False),
    Question("speaker_feed", "New quotes by a speaker (Atom feed)",
             "The 50 quotes most recently added for one speaker (the speaker's id, as on their page); "
             "subscribe to the .atom link in a feed reader.", feed_quotes, home=False),
    Question("claims_feed", "New claims on a search (Atom feed)",
             "The 50 claims most recently added that match your words; subscribe to the .atom link.",
             feed_claims, home=False),
]


def parameters(sql: str) -> list[str]:
    """The parameters a user fills in (as Datasette finds them: outside quoted strings; magic ones left out)."""
    bare = re.sub(r"'(?:[^']|'')*'", "", sql)
    return sorted({p for p in re.findall(r":(\w+)", bare) if not p.startswith("_")})


def canned_queries(c: Columns) -> dict[str, dict]:
    """The canned queries for a database with these columns, as Datasette takes them."""
    return {q.name: {"title": q.title, "description": q.description, "sql": q.build(c), "hide_sql": True}
            for q in QUESTIONS}
