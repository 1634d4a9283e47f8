"""The pieces every served query is built from: the paging constants, the conditions the questions and the
pages share (confident quotes first, generic speakers and near-duplicate articles left out, one speaker's
rows), the quote and claim rows' columns and joins, one page of rows with its counts (``paged``,
``items_sql``), and the summary the ingest keeps (its tables and the test that it is fresh).

The questions themselves (the canned queries: walks of a speaker's rows, full-text searches ranked a block
at a time, claim groups ...) are built from these in ``queries.py``, which also re-exports every name here:
import them from either.
"""
from __future__ import annotations

import re

from .columns import Columns

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
# the first ``queries.FIGURES`` of a speaker's figures (the speaker page's other chart, ``speaker_figures_sql``)
SPEAKER_FIGURES = "tracker_speaker_figures"
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


CHECKWORTHY_WHERE = "sentences.checkworthiness >= 0.5 and sentences.boilerplate = 0"


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


def speaker_counts_sql(c: Columns) -> str:
    """Quotes, articles, first and latest dates and outlets of every quoted speaker (near-duplicate articles
    counted once)."""
    return _speaker_counts(c)


# --- one page of rows, and the quotes' and claims' columns -----------------------------------------------------

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


def parameters(sql: str) -> list[str]:
    """The parameters a user fills in (as Datasette finds them: outside quoted strings; magic ones left out)."""
    bare = re.sub(r"'(?:[^']|'')*'", "", sql)
    return sorted({p for p in re.findall(r":(\w+)", bare) if not p.startswith("_")})
