"""Datasette plugin hooks for tracker databases (registered as an entry point).

- ``render_cell``: search hits marked (the text escaped first, then ``<mark>``);
  a quote's or claim's ``sentence_id`` becomes a link to that sentence in the
  article page; ids in query results and foreign keys on row pages link to
  their rows; speakers' aliases
  and claims' flags read as lists, not JSON; the articles table shows the
  beginning of each text with a link to the article page, and a sentence's
  idx links to it there.
- ``prepare_connection``: ``tracker_fts(text)``, the canned searches' way of
  turning what a user types into a full-text query that cannot be a syntax
  error (``fts_query``).
- ``extra_template_vars``: what the article page (``templates/row.html`` on an
  ``articles`` row) and the speaker page need: the highlighted text, the
  quotes and claims with the articles they come from.

Every hook first checks that the database is a tracker database (it has the
contract's tables), so other databases served alongside are left alone. No
hook writes to the database.
"""
from __future__ import annotations

import json
import re
import weakref

from datasette import hookimpl
from datasette.utils import urlsafe_components
from markupsafe import Markup, escape

from .article import CHECKWORTHY, claim_title, quote_title, render_text

TRACKER_TABLES = frozenset({"articles", "sentences", "quotes", "claims", "speakers"})
# ids in the results of canned queries (and any SQL): linked to their row pages
ID_COLUMNS = {"quote_id": "quotes", "claim_id": "claims", "speaker_id": "speakers", "article_id": "articles"}
# search snippets are made with snippet(..., char(1), char(2), ...): these bytes mark the hit
HIT_START, HIT_END = "\x01", "\x02"
SENTENCE_LABEL = 90        # characters of a sentence shown as the text of a link to it
ARTICLE_PREVIEW = 240      # characters of an article's text shown in the articles table
LIST_LIMIT = 500           # quotes or claims listed on one speaker's page

# database names known to be tracker databases, per Datasette instance
_tracker_dbs: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


async def is_tracker(datasette, database: str | None) -> bool:
    if not database:
        return False
    known = _tracker_dbs.setdefault(datasette, set())
    if database in known:
        return True
    try:
        names = set(await datasette.get_database(database).table_names())
    except KeyError:
        return False
    if TRACKER_TABLES <= names:
        known.add(database)     # tables are only ever added: a positive answer stays true
        return True
    return False


_FTS_TERM = re.compile(r'"([^"]*)"?|([^\s"]+)')
_FTS_OPERATORS = frozenset(("OR", "AND", "NOT"))


def fts_query(text: str | None) -> str:
    """What a user types -> an SQLite FTS5 query that is never a syntax error.

    "Quoted phrases", OR, AND and NOT and a trailing ``*`` (prefix search) keep
    their meaning; every other word is quoted, so that its punctuation (O'Neil,
    nurses-pay, £1.2, said:) is text to match, not query syntax. An operator
    with nothing on one side is dropped; no words at all give ``""``, which
    matches nothing (the form of a canned search opened without a query).
    Datasette's ``escape_fts`` quotes every word, operators included: the
    canned searches promise OR and phrases, hence this.
    """
    parts: list[str] = []
    for m in _FTS_TERM.finditer(text or ""):
        phrase, word = m.groups()
        if phrase is not None:
            if phrase.strip():
                parts.append('"' + phrase + '"')
        elif word in _FTS_OPERATORS:
            if parts and parts[-1] not in _FTS_OPERATORS:
                parts.append(word)
        elif word.strip("*"):
            parts.append('"' + word.rstrip("*") + '"' + ("*" if word.endswith("*") else ""))
    while parts and parts[-1] in _FTS_OPERATORS:
        parts.pop()
    return " ".join(parts) or '""'


@hookimpl
def prepare_connection(conn):
    conn.create_function("tracker_fts", 1, fts_query, deterministic=True)


def mark_hits(snippet: str) -> Markup:
    """Escape, then turn the hit markers into ``<mark>``: markup in the text stays text."""
    return Markup(str(escape(snippet)).replace(HIT_START, "<mark>").replace(HIT_END, "</mark>"))


def sentence_url(datasette, database: str, article_id: int, idx: int) -> str:
    return f'{datasette.urls.row(database, "articles", str(article_id))}#s{idx}'


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


async def sentence_link(datasette, database: str, sentence_id: int, short: bool) -> Markup | None:
    """A link to the sentence in its article page: labelled with the sentence's
    beginning, or (``short``, where the row shows the text already) its number."""
    db = datasette.get_database(database)
    row = (await db.execute("select article_id, idx, text from sentences where id = ?", [sentence_id])).first()
    if row is None:
        return None
    text = row["text"] or ""
    label = f'sentence {row["idx"]} ↗' if short else shorten(text, SENTENCE_LABEL)
    return Markup('<a href="{}" title="{}">{}</a>').format(
        sentence_url(datasette, database, row["article_id"], row["idx"]), shorten(text, 300), label)


def json_list(value: str) -> Markup | None:
    try:
        items = json.loads(value)
    except (TypeError, ValueError):
        return None
    if not isinstance(items, list):
        return None
    return Markup(", ").join(escape(str(i)) for i in items) if items else Markup("&nbsp;")


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if column == "snippet" and isinstance(value, str) and HIT_START in value:
        return mark_hits(value)
    labelled = isinstance(value, dict)
    if labelled:                                # a foreign key Datasette has labelled (table pages)
        value = value.get("value")
    linkable = (column == "sentence_id" and (table is None or table in ("quotes", "claims"))
                or table is None and column in ID_COLUMNS
                # a row page shows foreign keys as bare numbers: link them too
                or not labelled and table in ("quotes", "claims", "sentences") and column in ID_COLUMNS)
    lists = table == "speakers" and column == "aliases" or table == "claims" and column == "flags"
    preview = table == "articles" and column == "text" and isinstance(value, str) and len(value) > ARTICLE_PREVIEW
    position = table == "sentences" and column == "idx" and isinstance(value, int)
    if not (linkable and isinstance(value, int) or lists and isinstance(value, str) or preview or position):
        return None

    async def inner():
        if not await is_tracker(datasette, database):
            return None
        if lists:
            return json_list(value)
        if preview:             # the article page shows it all, highlighted
            return Markup('{} <a href="{}">read the article</a>').format(
                shorten(value, ARTICLE_PREVIEW), datasette.urls.row(database, "articles", str(row["id"])))
        if position:            # a sentence's number links to it in its article
            article_id = row["article_id"]
            if isinstance(article_id, dict):
                article_id = article_id.get("value")
            return Markup('<a href="{}" title="read it in the article">{}</a>').format(
                sentence_url(datasette, database, article_id, value), value)
        if column == "sentence_id":
            return await sentence_link(datasette, database, value, short=table is None)
        return Markup('<a href="{}">{}</a>').format(datasette.urls.row(database, ID_COLUMNS[column], str(value)),
                                                    value)
    return inner


async def _dicts(db, sql: str, params: list) -> list[dict]:
    return [dict(r) for r in (await db.execute(sql, params)).rows]


# the quotes or the claims of an article, with speaker and sentence ({t}: the table)
ITEMS_OF_ARTICLE = """
select {t}.*, speakers.name as speaker_name, sentences.idx as sentence_idx
from {t}
left join speakers on speakers.id = {t}.speaker_id
left join sentences on sentences.id = {t}.sentence_id
where {t}.article_id = ? order by {t}.start"""

# the quotes or the claims of a speaker, newest article first, with the article and sentence ({t}: the table)
ITEMS_OF_SPEAKER = """
select {t}.*, articles.title as article_title, articles.published, sentences.idx as sentence_idx
from {t}
join articles on articles.id = {t}.article_id
left join sentences on sentences.id = {t}.sentence_id
where {t}.speaker_id = ?
order by articles.published is null, articles.published desc, {t}.article_id, {t}.start
limit ?"""


async def article_vars(datasette, database: str, article_id: str) -> dict:
    db = datasette.get_database(database)
    article = (await db.execute("select * from articles where id = ?", [article_id])).first()
    if article is None:
        return {}
    article = dict(article)
    sentences = await _dicts(db, "select id, idx, start, [end], boilerplate, checkworthiness from sentences "
                                 "where article_id = ? order by start", [article["id"]])
    quotes = await _dicts(db, ITEMS_OF_ARTICLE.format(t="quotes"), [article["id"]])
    claims = await _dicts(db, ITEMS_OF_ARTICLE.format(t="claims"), [article["id"]])
    urls = {t: (lambda i, t=t: datasette.urls.row(database, t, str(i))) for t in ("quotes", "claims", "speakers")}
    for table, items, summary in (("quotes", quotes, quote_title), ("claims", claims, claim_title)):
        for item in items:
            item["anchor"] = f'#s{item["sentence_idx"]}' if item["sentence_idx"] is not None else None
            item["url"] = urls[table](item["id"])
            item["speaker_url"] = urls["speakers"](item["speaker_id"]) if item["speaker_id"] is not None else None
            item["summary"] = summary(item)
    text = article.pop("text") or ""
    return {"tracker_article": dict(
        article=article,
        body=render_text(text, sentences, quotes, claims, urls),
        quotes=quotes, claims=claims,
        n_sentences=len(sentences),
        n_checkworthy=sum(1 for s in sentences if (s["checkworthiness"] or 0) >= CHECKWORTHY
                          and not s["boilerplate"]),
    )}


async def speaker_vars(datasette, database: str, speaker_id: str) -> dict:
    db = datasette.get_database(database)
    speaker = (await db.execute("select * from speakers where id = ?", [speaker_id])).first()
    if speaker is None:
        return {}
    speaker = dict(speaker)
    try:
        speaker["aliases"] = json.loads(speaker.get("aliases") or "[]")
    except ValueError:
        speaker["aliases"] = []
    quotes = await _dicts(db, ITEMS_OF_SPEAKER.format(t="quotes"), [speaker["id"], LIST_LIMIT])
    claims = await _dicts(db, ITEMS_OF_SPEAKER.format(t="claims"), [speaker["id"], LIST_LIMIT])
    for table, items in (("quotes", quotes), ("claims", claims)):
        for item in items:
            item["article_url"] = datasette.urls.row(database, "articles", str(item["article_id"]))
            if item["sentence_idx"] is not None:
                item["article_url"] += f'#s{item["sentence_idx"]}'
            item["url"] = datasette.urls.row(database, table, str(item["id"]))
    for c in claims:
        c["summary"] = claim_title(c)
    return {"tracker_speaker": dict(speaker=speaker, quotes=quotes, claims=claims, limit=LIST_LIMIT)}


@hookimpl
def extra_template_vars(template, database, table, columns, view_name, request, datasette):
    if view_name != "row" or table not in ("articles", "speakers") or request is None:
        return None

    async def inner():
        if not await is_tracker(datasette, database):
            return {}
        pks = urlsafe_components(request.url_vars.get("pks", ""))
        if len(pks) != 1:
            return {}
        if table == "articles":
            return await article_vars(datasette, database, pks[0])
        return await speaker_vars(datasette, database, pks[0])
    return inner
