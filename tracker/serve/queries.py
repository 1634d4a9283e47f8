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

The pieces they are built from (paging, the rows' columns and joins, the shared conditions, the summary's
tables and freshness test) are in ``query_parts.py``; other modules import them from there.
"""
from __future__ import annotations

from dataclasses import dataclass

from .feeds import feed_claims, feed_quotes
from .query_parts import (CHECKWORTHY_WHERE, CLAIM_JOINS, CONFIDENT, Columns, GROUP_FIGURES_KEPT, LIMIT, MATCHED,
                          QUOTE_COLUMNS, QUOTE_JOINS, SPEAKER_COUNTS, SPEAKER_FIGURES, SPEAKER_MATCH, SPEAKER_TOTALS,
                          SQL, SUMMARY, _claim_columns, _claim_rows, _gate, _quote_rows, _speaker_counts,
                          _speaker_where, confident_first, home_counts, not_generic, original, paged, parameters,
                          summary_fresh, summary_tables)


# --- counts and charts the summary keeps (summary.py) ----------------------------------------------------------

# a speaker's figures the chart of their page shows, and the summary keeps (``SPEAKER_FIGURES``)
FIGURES = 300


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


def canned_queries(c: Columns) -> dict[str, dict]:
    """The canned queries for a database with these columns, as Datasette takes them."""
    return {q.name: {"title": q.title, "description": q.description, "sql": q.build(c), "hide_sql": True}
            for q in QUESTIONS}
