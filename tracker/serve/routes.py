"""The plugin's own routes: the home page (``/``), a tracker database's page (``/news``),
its canned questions (``/news/most_quoted``) and the pages of its articles,
speakers, quotes, claims and sentences (``/news/quotes/7``), as HTML.

Datasette's own views for these two pages look at every table of every
database (counts, hidden tables, full-text indexes, views, canned queries): 100
to 130 queries one after another, each waiting its turn in the SQL thread pool,
about 9 s a page under 20 clients. These routes answer both pages from the
home's counts (``pages.home``, kept until the database changes) and no other
query. A row page is read in four to six queries (``pages.row_vars``) where
Datasette's row view ran about 45 (its introspection of the table, the rows
that link to this one) before the plugin's own. A question runs its one
statement (Datasette ran ``explain`` on it first, and passed each of its cells
through the ``render_cell`` hooks of every plugin); its JSON and CSV stay
Datasette's. The two Atom feeds are written here too (``feed_page``). Whatever these routes do not
serve goes to Datasette's own view unchanged: a database that is not a tracker
database, ``?sql=`` (0.65 runs SQL from the database page), any argument on the
database page, another table's rows, every ``.json``.

Permissions are checked as Datasette checks them for the same pages
(``view-instance``, ``view-database``), with the API of whichever Datasette is
installed (0.65, or the 1.0 alphas).
"""
from __future__ import annotations

import hashlib
import sqlite3

from datasette.database import QueryInterrupted
from datasette.utils import is_url, tilde_decode, truncate_url
from datasette.utils.asgi import Forbidden, Response
from markupsafe import Markup

from . import pages
from .common import _cell, _paging, columns_of, is_tracker
from .queries import QUESTIONS
from .query_parts import HIDDEN, parameters

QUESTIONS_BY_NAME = {q.name: q for q in QUESTIONS}

DATABASE_ROUTE = r"^/(?P<database>[^/.]+)$"
ROW_ROUTE = r"^/(?P<database>[^/.]+)/(?P<table>articles|speakers|quotes|claims|sentences)/(?P<pks>[0-9]+)$"
QUERY_ROUTE = r"^/(?P<database>[^/.]+)/(?P<table>" + "|".join(q.name for q in QUESTIONS) + r")$"
QUERY_ERROR = "SQL query took too long. The time limit is controlled by the sql_time_limit_ms setting."


async def _datasette_view(datasette, name: str, request, send):
    """Datasette's own view (``IndexView``, ``DatabaseView``, ``RowView``, ``TableView``) answers the request."""
    from datasette.app import wrap_view
    from datasette.views import database, index, row, table

    cls = getattr({"IndexView": index, "DatabaseView": database, "RowView": row, "TableView": table}[name], name)
    request.scope["url_route"]["kwargs"].setdefault("format", None)     # what Datasette's route captures
    return await wrap_view(cls.as_view(datasette) if hasattr(cls, "as_view") else cls, datasette)(request, send)


async def allowed(datasette, actor, action: str, database: str | None = None, child: str | None = None) -> bool:
    """Whether ``actor`` may do ``action`` (on ``database``, and a table or query of it), on Datasette 0.65
    or a 1.0 alpha."""
    if hasattr(datasette, "permission_allowed"):                     # 0.65
        return await datasette.permission_allowed(actor, action, (database, child) if child else database,
                                                  default=True)
    from datasette.resources import DatabaseResource, QueryResource, TableResource   # 1.0 alphas

    if child:
        resource = (QueryResource if action == "view-query" else TableResource)(database, child)
    else:
        resource = DatabaseResource(database=database) if database else None
    return await datasette.allowed(action=action, resource=resource, actor=actor)


async def _ensure(datasette, request, database: str | None = None, table: str | None = None,
                  action: str = "view-table") -> None:
    if not await allowed(datasette, request.actor, "view-instance"):
        raise Forbidden("view-instance")
    if database and not await allowed(datasette, request.actor, "view-database", database):
        raise Forbidden("view-database")
    if table and not await allowed(datasette, request.actor, action, database, table):
        raise Forbidden(action)


async def _instance_metadata(datasette) -> dict:
    if hasattr(datasette, "get_instance_metadata"):                  # 1.0 alphas
        return await datasette.get_instance_metadata()
    return datasette.metadata()


async def _database_metadata(datasette, database: str) -> dict:
    if hasattr(datasette, "get_database_metadata"):                  # 1.0 alphas
        return await datasette.get_database_metadata(database)
    return datasette.metadata(database=database) or {}


def color(name: str) -> str:
    """The colour Datasette gives a database without a hash (its name's MD5)."""
    return hashlib.md5(name.encode("utf-8")).hexdigest()[:6]


async def _render(datasette, request, template: str, context: dict, view_name: str) -> Response:
    return Response.html(await datasette.render_template(template, context, request=request, view_name=view_name))


async def _tracker_database(datasette, request) -> str | None:
    """The name of the database the address names, if it is a tracker database (else Datasette answers)."""
    try:
        database = datasette.get_database(route=tilde_decode(request.url_vars["database"])).name
    except KeyError:
        return None
    return database if await is_tracker(datasette, database) else None


async def index_page(request, send, datasette):
    names = [n for n in datasette.databases if not n.startswith("_")]
    trackers = [n for n in names if await is_tracker(datasette, n)]
    if not trackers:
        return await _datasette_view(datasette, "IndexView", request, send)
    await _ensure(datasette, request)
    visible = [n for n in names if await allowed(datasette, request.actor, "view-database", n)]
    homes = [await pages.home(datasette, n) for n in trackers if n in visible]
    return await _render(datasette, request, "tracker_index.html", {
        "metadata": await _instance_metadata(datasette),
        "tracker_homes": homes,
        "other_databases": [n for n in visible if n not in trackers],
    }, "index")


async def database_page(request, send, datasette):
    database = await _tracker_database(datasette, request)
    if database is None or request.query_string:
        return await _datasette_view(datasette, "DatabaseView", request, send)
    await _ensure(datasette, request, database)
    return await _render(datasette, request, "tracker_database.html", {
        "database": database,
        "database_color": color(database),
        "metadata": await _database_metadata(datasette, database),
        "tracker_home": await pages.home(datasette, database),
        "allow_execute_sql": await allowed(datasette, request.actor, "execute-sql", database),
    }, "database")


async def row_page(request, send, datasette):
    database = await _tracker_database(datasette, request)
    table, pk = request.url_vars["table"], request.url_vars["pks"]
    if database is None:
        return await _datasette_view(datasette, "RowView", request, send)
    await _ensure(datasette, request, database, table)
    found = await pages.row_vars(datasette, database, table, pk, request, await columns_of(datasette, database))
    if not found:                       # no such row: Datasette's own page says so
        return await _datasette_view(datasette, "RowView", request, send)
    every = []              # a quote's, claim's or sentence's columns, as the table page shows them
    if "tracker_item" in found:
        row = found["tracker_item"]["item"]
        every = [(c, _cell(row, row[c], c, table, database, datasette) or ("" if row[c] is None else str(row[c])))
                 for c in found["tracker_item"]["columns"]]
    return await _render(datasette, request, "tracker_row.html", {
        "database": database, "table": table, "pk": pk,
        "database_color": color(database),
        "json_url": datasette.urls.row(database, table, pk) + ".json",
        "tracker_every_column": every,
        **found,
    }, "row")


def _display(row, column: str, value, database: str, datasette, truncate: int):
    """A cell of a question's result, as Datasette's query page shows it (``common._cell`` first)."""
    shown = _cell(row, value, column, None, database, datasette)
    if shown is not None:
        return shown
    if value is None or value == "":
        return ""
    text = str(value)
    if is_url(text.strip()):
        return Markup('<a href="{}">{}</a>').format(text.strip(), truncate_url(text.strip(), truncate))
    return text[:truncate] + "\u2026" if truncate and len(text) > truncate else text


async def query_page(request, send, datasette):
    database = await _tracker_database(datasette, request)
    name = request.url_vars["table"]
    if database is None:
        return await _datasette_view(datasette, "TableView", request, send)
    await _ensure(datasette, request, database, name, action="view-query")
    question = QUESTIONS_BY_NAME[name]
    sql = question.build(await columns_of(datasette, database))
    named = parameters(sql)
    values = {p: request.args.get(p) or "" for p in named}
    params = dict(values, _tracker_limit=_paging("limit", request), _tracker_offset=_paging("offset", request))
    error, rows, columns = None, [], []
    try:
        results = await datasette.get_database(database).execute(
            sql, {k: v for k, v in params.items() if f":{k}" in sql}, truncate=True)
        rows, columns = results.rows, [d[0] for d in results.description]
    except QueryInterrupted:
        error = QUERY_ERROR
    except sqlite3.DatabaseError as e:
        error = str(e)
    truncate = datasette.setting("truncate_cells_html")
    base = datasette.urls.database(database) + "/" + name
    qs = ("?" + request.query_string) if request.query_string else ""
    renderers = {"json": f"{base}.json{qs}"}
    if "atom_id" in columns:
        renderers["atom"] = f"{base}.atom{qs}"
    return await _render(datasette, request, "tracker_query.html", {
        "database": database, "database_color": color(database), "canned_query": name,
        "metadata": {"title": question.title, "description": question.description},
        "named_parameter_values": values, "error": error, "rows": rows, "columns": columns,
        "display_rows": [[_display(r, c, v, database, datasette, truncate) if c not in HIDDEN else ""
                          for c, v in zip(columns, r)] for r in rows],
        "renderers": renderers, "url_csv": f"{base}.csv{qs}",
        **pages.query_vars(request),
    }, "query")


FEED_ROUTE = r"^/(?P<database>[^/.]+)/(?P<table>speaker_feed|claims_feed)\.atom$"


async def feed_page(request, send, datasette):
    """A question's Atom feed (speaker_feed, claims_feed), written as datasette-atom writes one, with
    feedgen. datasette-atom 0.9 answers 500 on the 1.0 alphas (it calls ``datasette.metadata()``, gone
    there); this route answers on both."""
    from feedgen.feed import FeedGenerator

    database = await _tracker_database(datasette, request)
    name = request.url_vars["table"]
    if database is None:
        request.scope["url_route"]["kwargs"]["format"] = "atom"
        return await _datasette_view(datasette, "TableView", request, send)
    await _ensure(datasette, request, database, name, action="view-query")
    question = QUESTIONS_BY_NAME[name]
    sql = question.build(await columns_of(datasette, database))
    rows = (await datasette.get_database(database).execute(
        sql, {p: request.args.get(p) or "" for p in parameters(sql)})).rows
    fg = FeedGenerator()
    fg.generator(generator="Datasette", uri="https://github.com/simonw/datasette")
    fg.id(request.url)
    fg.link(href=request.url, rel="self")
    fg.title(question.title)
    fg.updated(max((r["atom_updated"] for r in rows), default="1970-01-01T00:00:00+00:00"))
    for row in reversed(rows):
        entry = fg.add_entry()
        entry.id(str(row["atom_id"]))
        entry.content(row["atom_content"], type="text")
        entry.updated(row["atom_updated"])
        entry.title(str(row["atom_title"]))
    return Response(fg.atom_str(pretty=True), content_type="application/xml; charset=utf-8")


def routes() -> list[tuple[str, object]]:
    return [(r"^/$", index_page), (DATABASE_ROUTE, database_page), (ROW_ROUTE, row_page),
            (QUERY_ROUTE, query_page), (FEED_ROUTE, feed_page)]
