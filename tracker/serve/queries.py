"""Every SQL query the served pages run, built in one place.

The canned queries (the questions on the home page) and the queries behind the
article, speaker, quote, claim and sentence pages are built here from the
columns a database really has: columns that newer versions of the tracker add
(``quotes.confidence``, ``speakers.kind = 'generic'``, ``articles.duplicate_of``,
``claims.measure`` ...) are used when present, and a database without them is
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
from dataclasses import dataclass, field

PAGE = 50               # rows on one page of a canned query
CONFIDENT = 0.8         # quotes.confidence at or above this: "confident" (CONTRACT.md)
# query result columns the HTML page does not show (links are built from them)
HIDDEN = frozenset({"total", "held_back", "article_id", "sentence_idx", "speaker_id", "atom_id", "atom_link",
                    "atom_updated", "atom_content_html"})
LIMIT = "limit :_tracker_limit offset :_tracker_offset"
MAX_SIZE = 1000        # ?size= at most (a CSV or JSON export page)


@dataclass
class Columns:
    """The tables and columns of one database (``columns[table]`` is a set)."""

    columns: dict[str, set[str]] = field(default_factory=dict)

    def has(self, table: str, column: str | None = None) -> bool:
        if column is None:
            return table in self.columns
        return column in self.columns.get(table, ())


async def read_columns(db) -> Columns:
    """The columns of every table of a Datasette ``Database``, in one query."""
    rows = (await db.execute(
        "select m.name as t, p.name as c from sqlite_master m join pragma_table_info(m.name) p "
        "where m.type = 'table'")).rows
    out: dict[str, set[str]] = {}
    for r in rows:
        out.setdefault(r["t"], set()).add(r["c"])
    return Columns(out)


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


# one speaker's rows ({t}: quotes or claims), filtered by text, outlet and date; empty filters match all
SPEAKER_FILTER = """{t}.speaker_id = cast(:speaker as integer)
  and (:q = '' or {field} like '%' || :q || '%')
  and (:outlet = '' or articles.outlet = :outlet)
  and (:from = '' or articles.published >= :from)
  and (:to = '' or articles.published < :to || 'z')"""

# the speakers first, then their rows by the speaker_id index (1.5 s against 0.26 s at 128,000 articles, issue 19)
SPEAKER_MATCH = """{t}.speaker_id in (select speakers.id from speakers where speakers.name like '%' || :name || '%'
   or exists (select 1 from json_each(speakers.aliases) where json_each.value like '%' || :name || '%'))"""


def items_sql(c: Columns, table: str, where: str, order: str, limit: str = "limit ?") -> str:
    """The quotes or the claims (``table``) matching ``where``, with speaker, article and sentence.

    One builder for the article page, the speaker page and the row pages
    (issue 13: the same SQL was written twice with the table name changed).
    """
    extra = ", sentences.text as sentence_text" if table == "quotes" else ""
    return f"""select {table}.*, speakers.name as speaker_name, sentences.idx as sentence_idx{extra},
       articles.title as article_title, articles.published, articles.outlet
from {table}
join articles on articles.id = {table}.article_id
left join speakers on speakers.id = {table}.speaker_id
left join sentences on sentences.id = {table}.sentence_id
where {where}
order by {order}
{limit}"""


# --- the canned queries ----------------------------------------------------------------------------------------

def paged(columns: str, source: str, where: str, order: str, held: str = "", count_from: str = "") -> str:
    """One page of rows, with ``total`` (and ``held_back``) counted by an uncorrelated subquery,
    which SQLite runs once. (``count(*) over ()`` would do it too, but a window function
    stops ``snippet()`` working: "unable to use function snippet in the requested context".)
    ``count_from``: the tables the count needs, when ``where`` names fewer than ``source`` joins
    (the joins only add columns: counting without them is 3-10x faster on the BBC database)."""
    counted = count_from or source
    held_back = f"(select {held} from {counted} where {where}) as held_back, " if held else ""
    return f"""select (select count(*) from {counted} where {where}) as total, {held_back}{columns}
from {source}
where {where}
order by {order}
{LIMIT}"""


def _needs_articles(where: str) -> bool:
    return "articles." in where


def _quote_rows(c: Columns, where: str, order: str, *, search: bool = False) -> str:
    conf, conf_order, held = confident_first(c)
    snippet = "snippet(quotes_fts, -1, char(1), char(2), '…', 24) as snippet,\n       " if search else ""
    source = ("quotes_fts\njoin quotes on quotes.rowid = quotes_fts.rowid" if search else "quotes")
    return paged(f"""quotes.id as quote_id,
       {snippet}quotes.content, {conf}coalesce(speakers.name, quotes.speaker_mention) as speaker,
       quotes.speaker_mention, quotes.kind, quotes.cue, articles.title as article, articles.published,
       quotes.speaker_id, quotes.article_id, sentences.idx as sentence_idx""",
                 f"""{source}
join articles on articles.id = quotes.article_id
left join speakers on speakers.id = quotes.speaker_id
left join sentences on sentences.id = quotes.sentence_id""", where, conf_order + order, held,
                 count_from=None if _needs_articles(where) else source)


def _claim_rows(c: Columns, where: str, order: str, *, search: bool = False, first: str = "",
                snippet: bool = True) -> str:
    """Claims with who made them; ``search``: from the full-text index (``snippet``: the hits marked,
    which SQLite allows only when the rows come in ``rank`` order)."""
    snippet = ("snippet(claims_fts, -1, char(1), char(2), '…', 24) as snippet,\n       "
               if search and snippet else "")
    source = "claims_fts\njoin claims on claims.rowid = claims_fts.rowid" if search else "claims"
    measure = "claims.measure, " if c.has("claims", "measure") else ""
    return paged(f"""claims.id as claim_id, {first}
       {snippet}claims.text, {measure}claims.value, claims.unit, claims.qualifier,
       coalesce(speakers.name, 'the article') as made_by, articles.title as article, articles.published,
       claims.speaker_id, claims.article_id, sentences.idx as sentence_idx""",
                 f"""{source}
join articles on articles.id = claims.article_id
left join speakers on speakers.id = claims.speaker_id
left join sentences on sentences.id = claims.sentence_id""", where, order,
                 count_from=None if _needs_articles(where) else source)


def _search_all(c: Columns) -> str:
    """Quotes, claims and speakers matching one search, speakers first, then by relevance."""
    return f"""select count(*) over () as total, found, id, snippet, who, article, published,
       article_id, sentence_idx
from (
  select 'speaker' as found, speakers.id, snippet(speakers_fts, -1, char(1), char(2), '…', 12) as snippet,
         speakers.name as who, null as article, null as published, null as article_id, null as sentence_idx,
         0 as tier, speakers_fts.rank as score
  from speakers_fts join speakers on speakers.rowid = speakers_fts.rowid
  where speakers_fts match tracker_fts(:q)
  union all
  select 'quote', quotes.id, snippet(quotes_fts, -1, char(1), char(2), '…', 24),
         coalesce(speakers.name, quotes.speaker_mention), articles.title, articles.published,
         quotes.article_id, sentences.idx, 1, quotes_fts.rank
  from quotes_fts join quotes on quotes.rowid = quotes_fts.rowid
  join articles on articles.id = quotes.article_id
  left join speakers on speakers.id = quotes.speaker_id
  left join sentences on sentences.id = quotes.sentence_id
  where quotes_fts match tracker_fts(:q)
  union all
  select 'claim', claims.id, snippet(claims_fts, -1, char(1), char(2), '…', 24),
         coalesce(speakers.name, 'the article'), articles.title, articles.published,
         claims.article_id, sentences.idx, 1, claims_fts.rank
  from claims_fts join claims on claims.rowid = claims_fts.rowid
  join articles on articles.id = claims.article_id
  left join speakers on speakers.id = claims.speaker_id
  left join sentences on sentences.id = claims.sentence_id
  where claims_fts match tracker_fts(:q)
)
order by tier, score
{LIMIT}"""


def _most_quoted(c: Columns) -> str:
    dup = c.has("articles", "duplicate_of")
    return paged("speakers.id as speaker_id, speakers.name as speaker, speakers.role, counts.quotes, "
                 "counts.articles, counts.first_published, counts.last_published, counts.outlets",
                 f"""(
  select quotes.speaker_id, count(*) as quotes, count(distinct quotes.article_id) as articles,
         min(articles.published) as first_published, max(articles.published) as last_published,
         group_concat(distinct articles.outlet) as outlets
  from quotes join articles on articles.id = quotes.article_id
  where quotes.speaker_id is not null and {original(c) if dup else "1"}
  group by quotes.speaker_id
) as counts
join speakers on speakers.id = counts.speaker_id""", not_generic(c),
                 "counts.quotes desc, counts.articles desc, speakers.name")


def _likely_duplicates(c: Columns) -> str:
    """Pairs of speaker rows that may be one (``speaker_pairs``, written at every ingest by tracker/corrections.py)."""
    if not c.has("speaker_pairs"):
        return ("select 0 as total, null as name_a, null as name_b, null as kind, null as score, null as reason "
                "where 0 " + LIMIT)
    quoted = "(select count(*) from quotes where quotes.speaker_id = speaker_pairs.{})"
    return paged(f"""speaker_pairs.name_a, speaker_pairs.name_b, speaker_pairs.kind, speaker_pairs.score,
       speaker_pairs.reason, {quoted.format("speaker_a")} as quotes_a, {quoted.format("speaker_b")} as quotes_b,
       speaker_pairs.speaker_a, speaker_pairs.speaker_b""", "speaker_pairs", "1",
                 "speaker_pairs.score desc, speaker_pairs.name_a, speaker_pairs.name_b")


def _checkworthy(c: Columns) -> str:
    return paged("""sentences.checkworthiness, sentences.id as sentence_id,
       sentences.text, articles.title as article, articles.published,
       (select group_concat(claims.text, ' | ') from claims where claims.sentence_id = sentences.id) as claims,
       (select count(*) from quotes where quotes.sentence_id = sentences.id) as quotes,
       sentences.article_id, sentences.idx as sentence_idx""",
                 "sentences\njoin articles on articles.id = sentences.article_id",
                 f"sentences.checkworthiness >= 0.5 and not sentences.boilerplate and {original(c)}",
                 "sentences.checkworthiness desc, sentences.article_id, sentences.idx",
                 count_from=None if c.has("articles", "duplicate_of") else "sentences")


# Atom wants a time with a zone: a bare date is taken as midnight UTC
ATOM_UPDATED = """case when articles.published is null then articles.ingested_at
            when length(articles.published) = 10 then articles.published || 'T00:00:00+00:00'
            when substr(articles.published, 20) glob '*[+Z-]*' then articles.published
            else articles.published || '+00:00' end as atom_updated"""


def _feed_quotes(c: Columns) -> str:
    return f"""select 'tag:tracker,quote:' || quotes.id as atom_id,
       coalesce(speakers.name, quotes.speaker_mention, 'Unknown speaker') || ': ' || substr(quotes.content, 1, 120) as atom_title,
       {ATOM_UPDATED},
       quotes.content || ' (' || coalesce(articles.title, 'article ' || articles.id) || ')' as atom_content,
       quotes.id as quote_id, articles.title as article, quotes.article_id
from quotes
join articles on articles.id = quotes.article_id
left join speakers on speakers.id = quotes.speaker_id
where quotes.speaker_id = cast(:speaker as integer)
order by articles.ingested_at desc, quotes.id desc
limit 50"""


def _feed_claims(c: Columns) -> str:
    return f"""select 'tag:tracker,claim:' || claims.id as atom_id,
       coalesce(speakers.name, 'The article') || ': ' || claims.text as atom_title,
       {ATOM_UPDATED},
       claims.text || ' in ' || coalesce(articles.title, 'article ' || articles.id) as atom_content,
       claims.id as claim_id, articles.title as article, claims.article_id
from claims_fts
join claims on claims.rowid = claims_fts.rowid
join articles on articles.id = claims.article_id
left join speakers on speakers.id = claims.speaker_id
where claims_fts match tracker_fts(:q)
order by articles.ingested_at desc, claims.id desc
limit 50"""


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
             lambda c: _quote_rows(c, SPEAKER_MATCH.format(t="quotes"), "articles.published is null, articles.published desc, "
                                   "quotes.article_id, quotes.start")),
    Question("search_quotes", "What did they say about ...",
             "Full-text search of what was said, the speaker as the article names them and the cue, best "
             'matches first. Words are matched by stem (warn, warned, warning); use "quotes" for a phrase, '
             "OR between alternatives, a trailing * for a prefix.",
             lambda c: _quote_rows(c, "quotes_fts match tracker_fts(:q)", "rank", search=True)),
    Question("figures_about", "Figures about ..., and did they change",
             "The figures claimed in claims matching your words, grouped by unit and in date order, with who "
             "claimed them: the same measure at different values stands out.",
             lambda c: _claim_rows(c, "claims_fts match tracker_fts(:q) and claims.kind = 'quantity'",
                                   "claims.unit is null, claims.unit, articles.published, claims.article_id, "
                                   "claims.start", search=True, snippet=False)),
    Question("search_claims", "Search claims",
             "Full-text search of claims (text, unit, compared-with reference), best matches first; "
             '"quotes" for a phrase, OR between alternatives.',
             lambda c: _claim_rows(c, "claims_fts match tracker_fts(:q)", "rank", search=True,
                                   first="claims.kind,")),
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
             lambda c: _claim_rows(c, "claims.qualifier = 'vague' or exists (select 1 from json_each(claims.flags) "
                                   "where json_each.value != 'change')",
                                   "claims.qualifier = 'vague', claims.article_id, claims.start",
                                   first="claims.raw_number, claims.flags,")),
    Question("unresolved_speakers", "Unresolved speaker mentions",
             'Quotes whose speaker is named in the text but could not be identified with confidence ("a '
             'spokesman", "officials", a pronoun): read them in the article to decide who spoke.',
             lambda c: _quote_rows(c, "quotes.speaker_mention is not null and quotes.speaker_id is null",
                                   "quotes.article_id, quotes.start")),
    Question("likely_duplicates", "Speakers that may be one",
             "Pairs of speakers with alike names (\"Robert Kilroy-Silk\", \"Robert Kilroy Silk\") or a name in "
             "common, best matches first, for you to confirm (tracker correct merge A B) or dismiss (tracker "
             "correct distinct A B); never merged by the tracker itself. Alike names may be different people "
             "(\"David Davis\", \"David Davies\"): read their quotes first.", _likely_duplicates),
    Question("claims_by_unit", "Figures by unit",
             'The quantities counted in a unit ("GBP", "percent", "troops"), largest first, with who claimed '
             'them; "GBP" also finds rates such as "GBP per year".',
             lambda c: _claim_rows(c, "lower(claims.unit) = lower(trim(:unit)) "
                                   "or lower(claims.unit) like lower(trim(:unit)) || ' per %'",
                                   "coalesce(claims.value, claims.high, claims.low) desc, claims.id")),
    Question("claims_by_speaker", "Claims by a speaker",
             "Figures and comparisons made by the speakers whose name or an alias contains the text you give.",
             lambda c: _claim_rows(c, SPEAKER_MATCH.format(t="claims"), "articles.published is null, articles.published desc, "
                                   "claims.article_id, claims.start", first="speakers.name as speaker,")),
    Question("speaker_quotes", "A speaker's quotes",
             "The quotes of one speaker (the id on their page), filtered by words in the quote, outlet and "
             "dates (from, to: YYYY-MM-DD), newest first; what the speaker page exports as CSV and JSON.",
             lambda c: _quote_rows(c, SPEAKER_FILTER.format(t="quotes", field="quotes.content"),
                                   "articles.published is null, articles.published desc, quotes.id"), home=False),
    Question("speaker_claims", "A speaker's claims",
             "The claims of one speaker (the id on their page), filtered like their quotes.",
             lambda c: _claim_rows(c, SPEAKER_FILTER.format(t="claims", field="claims.text"),
                                   "articles.published is null, articles.published desc, claims.id"), home=False),
    Question("speaker_feed", "New quotes by a speaker (Atom feed)",
             "The 50 quotes most recently added for one speaker (the speaker's id, as on their page); "
             "subscribe to the .atom link in a feed reader.", _feed_quotes, home=False),
    Question("claims_feed", "New claims on a search (Atom feed)",
             "The 50 claims most recently added that match your words; subscribe to the .atom link.",
             _feed_claims, home=False),
]


def parameters(sql: str) -> list[str]:
    """The parameters a user fills in (as Datasette finds them: outside quoted strings; magic ones left out)."""
    bare = re.sub(r"'(?:[^']|'')*'", "", sql)
    return sorted({p for p in re.findall(r":(\w+)", bare) if not p.startswith("_")})


def canned_queries(c: Columns) -> dict[str, dict]:
    """The canned queries for a database with these columns, as Datasette takes them."""
    return {q.name: {"title": q.title, "description": q.description, "sql": q.build(c), "hide_sql": True}
            for q in QUESTIONS}
