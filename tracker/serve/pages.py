"""What each page of a tracker database shows, read in a few queries per page (never one per row).

``page_vars`` is called by the plugin's ``extra_template_vars``; the templates in
``templates/`` render what it returns (``tracker_*`` variables). All SQL comes
from ``queries.py``.
"""
from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import urlencode

from markupsafe import Markup

from . import charts
from .article import CHECKWORTHY, claim_title, quote_title, readable_number, render_text
from .queries import (CONFIDENT, PAGE, QUESTIONS, SPEAKER_FILTER, Columns, confident_first, items_sql, not_generic,
                      original)

ITEMS = 20                 # quotes or claims on one page of a speaker's page
RECENT = 10                # recent articles on the home page
# columns a table page hides until "all columns" is clicked: offsets, hashes, internal keys
HIDDEN = {
    "articles": {"content_hash", "ingested_at"},
    "sentences": {"start", "end", "paragraph"},
    "quotes": {"start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end"},
    "claims": {"start", "end", "statement_start", "statement_end", "low", "high", "quote_id", "raw_number"},
    "speakers": {"key", "roles"},
}
ALL_COLUMNS = "_all_columns"


def without_path(source: str) -> str:
    """A file path as its name only (public mode never shows where files lived); URLs stay."""
    if "://" in source:
        return source
    return PurePath(source.replace("\\", "/")).name or source


def request_args(request, *leave_out: str) -> list[tuple[str, str]]:
    """The query string's arguments, in order, less ``leave_out`` (for links to other pages of the same view)."""
    if request is None:
        return []
    return [(k, v) for k in request.args.keys() if k not in leave_out for v in request.args.getlist(k)]


async def _dicts(db, sql: str, params) -> list[dict]:
    return [dict(r) for r in (await db.execute(sql, params)).rows]


def _urls(datasette, database):
    return {t: (lambda i, t=t: datasette.urls.row(database, t, str(i))) for t in ("quotes", "claims", "speakers")}


# --- home --------------------------------------------------------------------------------------------------------

HOME_TTL = 30.0            # seconds the home page's counts and recent articles are kept (immutable: for good)


async def home(datasette, database: str, cols: Columns) -> dict:
    """Counts, recent articles, questions: about 80 ms of SQL on the BBC database, so kept a while."""
    import time

    from .plugin import known

    db = datasette.get_database(database)
    cached = known(datasette).homes.get(database)
    if cached and (not db.is_mutable or time.monotonic() - cached[0] < HOME_TTL):
        return cached[1]
    value = await _home(datasette, database, cols)
    known(datasette).homes[database] = (time.monotonic(), value)
    return value


async def _home(datasette, database: str, cols: Columns) -> dict:
    db = datasette.get_database(database)
    orig = original(cols)

    def dup_join(table: str) -> str:       # a near-duplicate article's rows counted once, in the original
        return (f" join articles on articles.id = {table}.article_id where {orig}"
                if cols.has("articles", "duplicate_of") else "")
    counts = dict((await db.execute(f"""select
        (select count(*) from articles where {orig}) as articles,
        (select count(*) from quotes{dup_join("quotes")}) as quotes,
        (select count(*) from claims{dup_join("claims")}) as claims,
        (select count(*) from speakers where {not_generic(cols)}) as speakers,
        (select count(*) from sentences where checkworthiness >= {CHECKWORTHY} and not boilerplate)
            as checkworthy""")).first())
    if cols.has("articles", "duplicate_of"):
        counts["duplicates"] = (await db.execute(
            "select count(*) from articles where duplicate_of is not null")).first()[0]
    recent = await _dicts(db, f"""select id, title, outlet, published from articles where {orig}
        order by published is null, published desc, id desc limit {RECENT}""", [])
    for a in recent:
        a["url"] = datasette.urls.row(database, "articles", str(a["id"]))
    questions = [dict(name=q.name, title=q.title, description=q.description, home=q.home,
                      url=datasette.urls.database(database) + "/" + q.name) for q in QUESTIONS]
    return dict(database=database, counts=counts, recent=recent, questions=questions,
                search_url=datasette.urls.database(database) + "/search",
                tables=[dict(name=t, url=datasette.urls.table(database, t))
                        for t in ("articles", "quotes", "claims", "speakers", "sentences", "ingest_errors")
                        if cols.has(t)])


async def home_vars(datasette, names: list[str]) -> dict:
    from .plugin import columns_of

    return {"tracker_homes": [await home(datasette, n, await columns_of(datasette, n)) for n in names]}


# --- table and query pages ----------------------------------------------------------------------------------

def table_vars(table: str, request, cols: Columns) -> dict:
    hidden = HIDDEN.get(table, set()) & cols.columns.get(table, set())
    show_all = request is not None and request.args.get(ALL_COLUMNS)
    args = request_args(request, ALL_COLUMNS)
    toggle = "?" + urlencode(args + ([] if show_all else [(ALL_COLUMNS, "1")]))
    return {"tracker_table": dict(hidden=set() if show_all else hidden, n_hidden=len(hidden),
                                  show_all=bool(show_all), toggle_url=toggle if toggle != "?" else "?")}


def query_vars(request) -> dict:
    """Paging links of a canned query: ``?page=`` kept with every other argument."""
    from .plugin import MAX_SIZE, _arg
    from .queries import HIDDEN as QUERY_HIDDEN

    page, size = _arg(request, "page", 1, 100_000), _arg(request, "size", PAGE, MAX_SIZE)
    args = request_args(request, "page")

    def url(n):
        return "?" + urlencode(args + ([("page", str(n))] if n > 1 else []))
    return {"tracker_query": dict(page=page, size=size, first=(page - 1) * size + 1, prev_url=url(page - 1),
                                  next_url=url(page + 1), hidden=QUERY_HIDDEN,
                                  params=[(k, v) for k, v in args if not k.startswith("_")])}


# --- row pages ------------------------------------------------------------------------------------------------

async def corrections(db, cols: Columns, column: str, value) -> list[dict]:
    """A journalist's corrections naming this row (when the ``corrections`` table has such a column)."""
    if not cols.has("corrections", column):
        return []
    return await _dicts(db, f"select * from corrections where [{column}] = ? order by rowid", [value])


def _decorate(items: list[dict], table: str, datasette, database: str) -> None:
    for item in items:
        item["url"] = datasette.urls.row(database, table, str(item["id"]))
        item["article_url"] = datasette.urls.row(database, "articles", str(item["article_id"]))
        item["anchor"] = f'#s{item["sentence_idx"]}' if item.get("sentence_idx") is not None else ""
        item["speaker_url"] = (datasette.urls.row(database, "speakers", str(item["speaker_id"]))
                               if item.get("speaker_id") is not None else None)
        item["summary"] = quote_title(item) if table == "quotes" else claim_title(item)
        if table == "claims":
            item["figure"] = readable_number(item.get("value"), item.get("unit"))
        if item.get("confidence") is not None:
            item["confident"] = item["confidence"] >= CONFIDENT


async def article_vars(datasette, database: str, article_id: str, cols: Columns) -> dict:
    db = datasette.get_database(database)
    article = (await db.execute("select * from articles where id = ?", [article_id])).first()
    if article is None:
        return {}
    article = dict(article)
    sentences = await _dicts(db, "select id, idx, start, [end], boilerplate, checkworthiness from sentences "
                                 "where article_id = ? order by start", [article["id"]])
    items = {}
    for table in ("quotes", "claims"):
        items[table] = await _dicts(db, items_sql(cols, table, f"{table}.article_id = ?", f"{table}.start", ""),
                                    [article["id"]])
        _decorate(items[table], table, datasette, database)
    text = article.pop("text") or ""
    if article.get("source") and _public(datasette):
        article["source"] = without_path(article["source"])
    if article.get("duplicate_of") is not None:
        article["duplicate_url"] = datasette.urls.row(database, "articles", str(article["duplicate_of"]))
    return {"tracker_article": dict(
        article=article,
        body=render_text(text, sentences, items["quotes"], items["claims"], _urls(datasette, database)),
        quotes=items["quotes"], claims=items["claims"],
        n_sentences=len(sentences),
        n_checkworthy=sum(1 for s in sentences if (s["checkworthiness"] or 0) >= CHECKWORTHY
                          and not s["boilerplate"]),
    )}


def _public(datasette) -> bool:
    from .plugin import public

    return public(datasette)


def _filters(request) -> dict:
    args = request.args if request is not None else {}
    return {k: (args.get(k) or "").strip() for k in ("q", "outlet", "from", "to")}


def _page(request, name: str) -> int:
    try:
        return max(int((request.args.get(name) if request is not None else None) or 1), 1)
    except ValueError:
        return 1


async def speaker_vars(datasette, database: str, speaker_id: str, request, cols: Columns) -> dict:
    db = datasette.get_database(database)
    speaker = (await db.execute("select * from speakers where id = ?", [speaker_id])).first()
    if speaker is None:
        return {}
    speaker = dict(speaker)
    try:
        speaker["aliases"] = json.loads(speaker.get("aliases") or "[]")
    except ValueError:
        speaker["aliases"] = []
    filters = _filters(request)
    params = dict(filters, speaker=speaker["id"], limit=ITEMS)
    lists = {}
    for table, field, arg in (("quotes", "quotes.content", "page"), ("claims", "claims.text", "cpage")):
        page = _page(request, arg)
        _, conf_order, _ = confident_first(cols, table) if table == "quotes" else ("", "", "")
        sql = items_sql(cols, table, SPEAKER_FILTER.format(t=table, field=field),
                        f"{conf_order}articles.published is null, articles.published desc, "
                        f"{table}.article_id, {table}.start",
                        "limit :limit offset :offset").replace("select ", "select count(*) over () as total, ", 1)
        rows = await _dicts(db, sql, dict(params, offset=(page - 1) * ITEMS))
        _decorate(rows, table, datasette, database)
        total = rows[0]["total"] if rows else 0
        args = request_args(request, arg)
        lists[table] = dict(rows=rows, total=total, page=page, first=(page - 1) * ITEMS + 1,
                            prev_url="?" + urlencode(args + [(arg, page - 1)]) if page > 1 else None,
                            next_url="?" + urlencode(args + [(arg, page + 1)]) if page * ITEMS < total else None,
                            held_back=sum(1 for r in rows if r.get("confident") is False))
    # the export links: the same filters as a canned query (CSV and JSON, up to 1,000 rows a page)
    export = urlencode(dict(filters, speaker=speaker["id"], size=1000))
    base = datasette.urls.database(database)
    outlets = [r[0] for r in (await db.execute(
        "select distinct articles.outlet from quotes join articles on articles.id = quotes.article_id "
        "where quotes.speaker_id = ? and articles.outlet is not null order by 1 limit 50", [speaker["id"]])).rows]
    months = await _dicts(db, "select substr(articles.published, 1, 7) as month, count(*) as n from quotes "
                              "join articles on articles.id = quotes.article_id where quotes.speaker_id = ? "
                              "and articles.published is not null group by month order by month", [speaker["id"]])
    figures = await _dicts(db, "select claims.id, claims.value, claims.unit, claims.text, articles.published "
                               "from claims join articles on articles.id = claims.article_id "
                               "where claims.speaker_id = ? and claims.value is not null "
                               "order by articles.published, claims.id limit 300", [speaker["id"]])
    for f in figures:
        f["url"] = datasette.urls.row(database, "claims", str(f["id"]))
    return {"tracker_speaker": dict(
        speaker=speaker, quotes=lists["quotes"], claims=lists["claims"], filters=filters, outlets=outlets,
        export=dict(quotes_csv=f"{base}/speaker_quotes.csv?{export}", quotes_json=f"{base}/speaker_quotes.json?{export}",
                    claims_csv=f"{base}/speaker_claims.csv?{export}", claims_json=f"{base}/speaker_claims.json?{export}"),
        feed=f"{base}/speaker_feed.atom?speaker={speaker['id']}",
        timeline=charts.timeline(months), figures_chart=charts.figures(figures),
        corrections=await corrections(db, cols, "speaker_id", speaker["id"]),
        generic=speaker.get("kind") == "generic" or bool(speaker.get("anonymous")),
    )}


async def item_vars(datasette, database: str, table: str, pk: str, cols: Columns) -> dict:
    """A quote, a claim or a sentence: the sentence and its neighbours, the span highlighted."""
    db = datasette.get_database(database)
    urls = _urls(datasette, database)
    if table == "sentences":
        row = (await db.execute("select * from sentences where id = ?", [pk])).first()
        if row is None:
            return {}
        item = dict(row)
        first = last = item["idx"]
        quotes = await _dicts(db, items_sql(cols, "quotes", "quotes.sentence_id = ?", "quotes.start", ""), [pk])
        claims = await _dicts(db, items_sql(cols, "claims", "claims.sentence_id = ?", "claims.start", ""), [pk])
    else:
        rows = await _dicts(db, items_sql(cols, table, f"{table}.id = ?", f"{table}.id", ""), [pk])
        if not rows:
            return {}
        item = rows[0]
        _decorate(rows, table, datasette, database)
        quotes, claims = (rows, []) if table == "quotes" else ([], rows)
        first = last = item.get("sentence_idx") or 0
        if table == "quotes" and cols.has("quotes", "confidence"):
            item["confidence_note"] = ("confident" if (item.get("confidence") or 0) >= CONFIDENT
                                       else "held back for review")
    span_end = item.get("end") or 0
    sentences = await _dicts(db, """select id, idx, start, [end], boilerplate, checkworthiness from sentences
        where article_id = :a and idx between :first - 1 and
              max(:last, coalesce((select max(idx) from sentences where article_id = :a and start < :end), :last)) + 1
        order by idx""", dict(a=item["article_id"], first=first, last=last, end=span_end))
    article = dict((await db.execute("select id, title, outlet, published, text from articles where id = ?",
                                     [item["article_id"]])).first())
    text = article.pop("text") or ""
    _decorate(quotes, "quotes", datasette, database)
    _decorate(claims, "claims", datasette, database)
    article["url"] = datasette.urls.row(database, "articles", str(article["id"]))
    extra = {}
    if table == "quotes":
        extra["claims_inside"] = await _dicts(db, "select id, text from claims where quote_id = ? order by start",
                                              [pk])
        for c in extra["claims_inside"]:
            c["url"] = datasette.urls.row(database, "claims", str(c["id"]))
    return {"tracker_item": dict(
        table=table, kind=table[:-1], item=item, article=article,
        window=render_text(text, sentences, quotes, claims, urls, article["url"], item.get("idx", first)),
        sentence_idx=item.get("idx", item.get("sentence_idx")),
        quotes=quotes if table == "sentences" else [], claims=claims if table == "sentences" else [],
        corrections=await corrections(db, cols, {"quotes": "quote_id", "claims": "claim_id",
                                                  "sentences": "sentence_id"}[table], item["id"]),
        **extra)}


async def page_vars(datasette, database, table, view_name, request, template, cols: Columns) -> dict:
    from datasette.utils import urlsafe_components

    if view_name == "database":
        return {"tracker_home": await home(datasette, database, cols)}
    if view_name == "table" and table:
        return table_vars(table, request, cols)
    if request is not None and (view_name == "query" or "query" in str(template)):
        return query_vars(request)      # Datasette 0.65 gives a canned query's page no view name
    if view_name != "row" or request is None or table not in ("articles", "speakers", "quotes", "claims",
                                                               "sentences"):
        return {}
    pks = urlsafe_components(request.url_vars.get("pks", ""))
    if len(pks) != 1:
        return {}
    if table == "articles":
        return await article_vars(datasette, database, pks[0], cols)
    if table == "speakers":
        return await speaker_vars(datasette, database, pks[0], request, cols)
    return await item_vars(datasette, database, table, pks[0], cols)


__all__ = ["Markup", "page_vars", "home_vars", "without_path"]
