"""What each page of a tracker database shows, read in a few queries per page (never one per row).

``home`` and ``row_vars`` give what the plugin's own pages show (``routes.py``),
``page_vars`` what a table page adds to Datasette's (the plugin's
``extra_template_vars``); the templates in ``templates/`` render them
(``tracker_*`` variables). All SQL comes from ``queries.py``.
"""
from __future__ import annotations

import json
from urllib.parse import urlencode

from datasette.utils import to_css_class
from markupsafe import Markup, escape

from . import cache, charts, summary
from .common import MAX_SIZE, _arg, columns_of, public, without_path
from .article import CHECKWORTHY, claim_title, quote_title, readable_number, render_text
from .columns import Columns
from .queries import QUESTIONS, WALK_SHARE, speaker_figures_sql
from .query_parts import (CONFIDENT, PAGE, SPEAKER_FIGURES, SPEAKER_FILTER, SPEAKER_MONTHS, SPEAKER_ROWS, confident_first,
                          home_counts, items_sql, original, speaker_keys_walked, speaker_months_sql)

ITEMS = 20                 # quotes or claims on one page of a speaker's page
# a speaker's quotes are found by walking the newest articles (query_parts.speaker_keys_walked) on the first
# WALKED_PAGES pages of a speaker quoted in at least one article in WALK_SHARE (queries', as its questions')
WALKED_PAGES = 5
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
# the tables the home page links, in this order (a database page lists any other after them)
TABLE_ORDER = ("articles", "quotes", "claims", "speakers", "sentences", "ingest_errors")


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

async def home(datasette, database: str) -> dict:
    """Counts, recent articles, questions: kept until the database changes (``cache.py``)."""
    cols = await columns_of(datasette, database)
    return await cache.cached(datasette, database, "home", lambda: _home(datasette, database, cols))


async def _home(datasette, database: str, cols: Columns) -> dict:
    db = datasette.get_database(database)
    orig = original(cols)
    hidden = set(await db.hidden_table_names())
    names = [t for t in TABLE_ORDER if cols.has(t)] + sorted(
        t for t in cols.columns if t not in TABLE_ORDER and t not in hidden and not t.startswith("sqlite_"))
    # what the summary does not hold (all of it while stale; tables it does not watch) is counted here
    counts = await summary.named_counts(datasette, database) or {}
    missing = [f"({sql}) as [{name}]" for name, sql in home_counts(cols).items() if name not in counts] + [
        f"(select count(*) from [{t}]) as [table {t}]" for t in names if f"table {t}" not in counts]
    if missing:
        counts.update(dict((await db.execute("select " + ", ".join(missing))).first()))
    # the newest dated articles, then the undated ones, newest added first: each part in an index's order
    recent = await _dicts(db, f"""select * from (select id, title, outlet, published from articles
        where published is not null and {orig} order by published desc, id desc limit {RECENT})
        union all select * from (select id, title, outlet, published from articles
        where published is null and {orig} order by id desc limit {RECENT}) limit {RECENT}""", [])
    for a in recent:
        a["url"] = datasette.urls.row(database, "articles", str(a["id"]))
    questions = [dict(name=q.name, title=q.title, description=q.description, home=q.home,
                      url=datasette.urls.database(database) + "/" + q.name) for q in QUESTIONS]
    return dict(database=database, recent=recent, questions=questions,
                counts=dict(articles=counts["articles"], quotes=counts.get("quotes", counts["table quotes"]),
                            claims=counts.get("claims", counts["table claims"]),
                            speakers=counts["speakers"], checkworthy=counts["checkworthy"],
                            duplicates=counts.get("duplicates")),
                search_url=datasette.urls.database(database) + "/search",
                tables=[dict(name=t, url=datasette.urls.table(database, t)) for t in TABLE_ORDER if cols.has(t)],
                all_tables=[dict(name=t, url=datasette.urls.table(database, t), count=counts[f"table {t}"])
                            for t in names])


# --- table and query pages ----------------------------------------------------------------------------------

def table_vars(table: str, request, cols: Columns) -> dict:
    hidden = HIDDEN.get(table, set()) & cols.columns.get(table, set())
    show_all = request is not None and request.args.get(ALL_COLUMNS)
    args = request_args(request, ALL_COLUMNS)
    toggle = "?" + urlencode(args + ([] if show_all else [(ALL_COLUMNS, "1")]))
    return {"tracker_table": dict(hidden=set() if show_all else hidden, n_hidden=len(hidden),
                                  show_all=bool(show_all), toggle_url=toggle if toggle != "?" else "?")}


def rows_html(display_rows, hidden, columns=None) -> Markup:
    """The ``<tr>`` rows of a table page (``display_rows``: Datasette's cells) or, with ``columns``, of a
    question's page (rows of values), written here instead of in the templates: their loop over every cell
    took 5 of a quotes table page's 18 ms of CPU (Datasette renders templates asynchronously, an await per
    cell); this takes 0.5."""
    classes: dict[str, str] = {}
    out = []
    for row in display_rows:
        cells = (((c["column"], c["value"], f' type-{c["value_type"]}') for c in row) if columns is None
                 else ((c, v, "") for c, v in zip(columns, row)))
        tds = []
        for column, value, kind in cells:
            if column not in hidden:
                css = classes.get(column) or classes.setdefault(column, to_css_class(column))
                tds.append(f'<td class="col-{css}{kind}">{escape(value)}</td>')
        out.append("<tr>" + "".join(tds) + "</tr>")
    return Markup("\n".join(out))


def query_vars(request) -> dict:
    """Paging links of a canned query: ``?page=`` kept with every other argument."""
    from .queries import RANKED
    from .query_parts import HIDDEN as QUERY_HIDDEN

    page, size = _arg(request, "page", 1, 100_000), _arg(request, "size", PAGE, MAX_SIZE)
    args = request_args(request, "page")

    def url(n):
        return "?" + urlencode(args + ([("page", str(n))] if n > 1 else []))
    return {"tracker_query": dict(page=page, size=size, first=(page - 1) * size + 1, prev_url=url(page - 1),
                                  next_url=url(page + 1), hidden=QUERY_HIDDEN, ranked=RANKED,
                                  params=[(k, v) for k, v in args if not k.startswith("_")])}


# --- row pages ------------------------------------------------------------------------------------------------

# what a reader of a corrected row is shown of each correction (tracker/corrections.py writes more: the stable
# names of what it changed, which say nothing to a reader)
CORRECTION_SHOWN = ("at", "action", "name", "kind", "who", "why", "status")
# the rows a correction names, by the page it is shown on: column of corrections -> the row's value of it
CORRECTED = {"quotes": {"quote_id": "id"}, "claims": {"quote_id": "quote_id"},
             "speakers": {"speaker_id": "id", "other_speaker_id": "id"}}


async def corrections(db, cols: Columns, table: str, row: dict) -> list[dict]:
    """A journalist's corrections that changed this row (a quote's speaker set, a speaker merged or split; a
    claim's speaker follows its quote's), or, on a sentence's page, its quotes."""
    if not cols.has("corrections"):
        return []
    shown = ", ".join(f"[{c}]" for c in CORRECTION_SHOWN if cols.has("corrections", c)) or "*"
    if table == "sentences":
        if not cols.has("corrections", "quote_id"):
            return []
        return await _dicts(db, f"select {shown} from corrections where quote_id in "
                                "(select id from quotes where sentence_id = ?) order by rowid", [row["id"]])
    named = [(col, row.get(key)) for col, key in CORRECTED.get(table, {}).items()
             if cols.has("corrections", col) and row.get(key) is not None]
    if not named:
        return []
    where = " or ".join(f"[{col}] = ?" for col, _ in named)
    return await _dicts(db, f"select {shown} from corrections where {where} order by rowid", [v for _, v in named])


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
    if article.get("source") and public(datasette):
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
    counted = await summary.speaker(datasette, database, speaker["id"])
    lists = {}
    for table, field, arg in (("quotes", "quotes.content", "page"), ("claims", "claims.text", "cpage")):
        page = _page(request, arg)
        _, conf_order, _ = confident_first(cols, table) if table == "quotes" else ("", "", "")
        # a near-duplicate article's rows are the original's again: listed and counted once
        where = (SPEAKER_FILTER if filters["q"] else SPEAKER_ROWS).format(t=table, field=field)
        # a much-quoted speaker's first pages, unfiltered: walked from the newest articles, the total counted
        # (claims: while the summary counts them, a speaker with as many claims as that many articles)
        rows_counted = counted and counted["quotes" if table == "quotes" else "claims"]
        walk = (rows_counted is not None and counted is not None and not any(filters.values())
                and page <= WALKED_PAGES
                and counted["articles" if table == "quotes" else "claims"] * WALK_SHARE >= counted["all_articles"])
        sql = items_sql(cols, table, f"{where}\n  and {original(cols)}",
                        f"{conf_order}articles.published is null, articles.published desc, "
                        f"{table}.article_id, {table}.start, {table}.id", "limit :limit offset :offset", page=True,
                        keys=speaker_keys_walked(cols, table) if walk else "",
                        total=str(rows_counted) if walk else "")
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
    outlets = sorted(o for o in (counted["outlets"] or "").split(",") if o)[:50] if counted else [r[0] for r in (
        await db.execute("select distinct articles.outlet from quotes join articles on articles.id = "
                         "quotes.article_id where quotes.speaker_id = ? and articles.outlet is not null and "
                         f"{original(cols)} order by 1 limit 50", [speaker["id"]])).rows]
    if await summary.kept(datasette, database, SPEAKER_MONTHS):
        months = await _dicts(db, f"select month, n from {SPEAKER_MONTHS} where speaker_id = ? order by month",
                              [speaker["id"]])
    else:
        months = await _dicts(db, speaker_months_sql(cols), [speaker["id"]])
    kept = await summary.kept(datasette, database, SPEAKER_FIGURES)
    figures = await _dicts(db, speaker_figures_sql(kept), [speaker["id"]])
    for f in figures:
        f["url"] = datasette.urls.row(database, "claims", str(f["id"]))
    return {"tracker_speaker": dict(
        speaker=speaker, quotes=lists["quotes"], claims=lists["claims"], filters=filters, outlets=outlets,
        export=dict(quotes_csv=f"{base}/speaker_quotes.csv?{export}", quotes_json=f"{base}/speaker_quotes.json?{export}",
                    claims_csv=f"{base}/speaker_claims.csv?{export}", claims_json=f"{base}/speaker_claims.json?{export}"),
        feed=f"{base}/speaker_feed.atom?speaker={speaker['id']}",
        timeline=charts.timeline(months), figures_chart=charts.figures(figures),
        corrections=await corrections(db, cols, "speakers", speaker),
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
        own = list(item)
        first = last = item["idx"]
        quotes = await _dicts(db, items_sql(cols, "quotes", "quotes.sentence_id = ?", "quotes.start", ""), [pk])
        claims = await _dicts(db, items_sql(cols, "claims", "claims.sentence_id = ?", "claims.start", ""), [pk])
    else:
        rows = await _dicts(db, items_sql(cols, table, f"{table}.id = ?", f"{table}.id", ""), [pk])
        if not rows:
            return {}
        item = rows[0]
        own = [k for k in item if k in cols.columns.get(table, ())]      # before _decorate adds links
        _decorate(rows, table, datasette, database)
        quotes, claims = (rows, []) if table == "quotes" else ([], rows)
        first = last = item.get("sentence_idx") or 0
        if table == "claims" and not cols.has("claims", "confidence") and cols.has("quotes", "confidence") \
                and item.get("quote_id") is not None:        # a claim in a quote: as sure as its quote
            item["confidence"] = (await db.execute("select confidence from quotes where id = ?",
                                                   [item["quote_id"]])).first()[0]
            item["confidence_of"] = "its quote's"
        if item.get("confidence") is not None:
            item["confidence_note"] = "confident" if item["confidence"] >= CONFIDENT else "held back for review"
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
        table=table, kind=table[:-1], item=item, article=article, columns=own,
        window=render_text(text, sentences, quotes, claims, urls, article["url"], item.get("idx", first)),
        sentence_idx=item.get("idx", item.get("sentence_idx")),
        quotes=quotes if table == "sentences" else [], claims=claims if table == "sentences" else [],
        corrections=await corrections(db, cols, table, item),
        **extra)}


async def row_vars(datasette, database: str, table: str, pk: str, request, cols: Columns) -> dict:
    """What the page of one article, speaker, quote, claim or sentence shows (``routes.row_page``)."""
    if table == "articles":
        return await article_vars(datasette, database, pk, cols)
    if table == "speakers":
        return await speaker_vars(datasette, database, pk, request, cols)
    return await item_vars(datasette, database, table, pk, cols)


async def page_vars(datasette, database, table, view_name, request, template, cols: Columns) -> dict:
    """A table page's extra variables (Datasette renders those pages)."""
    if view_name == "table" and table:
        return table_vars(table, request, cols)
    return {}


__all__ = ["Markup", "page_vars", "row_vars", "home", "without_path"]
