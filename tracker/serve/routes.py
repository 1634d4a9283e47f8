"""The plugin's own routes: the home page (``/``), a tracker database's page (``/news``)
and the pages of its articles, speakers, quotes, claims and sentences (``/news/quotes/7``).

Datasette's own views for these two pages look at every table of every
database (counts, hidden tables, full-text indexes, views, canned queries): 100
to 130 queries one after another, each waiting its turn in the SQL thread pool,
about 9 s a page under 20 clients. These routes answer both pages from the
home's counts (``pages.home``, kept until the database changes) and no other
query. A row page is read in four to six queries (``pages.row_vars``) where
Datasette's row view ran about 45 (its introspection of the table, the rows
that link to this one) before the plugin's own. Whatever these routes do not
serve goes to Datasette's own view unchanged: a database that is not a tracker
database, ``?sql=`` (0.65 runs SQL from the database page), any argument on the
database page, another table's rows, every ``.json``.

Permissions are checked as Datasette checks them for the same pages
(``view-instance``, ``view-database``), with the API of whichever Datasette is
installed (0.65, or the 1.0 alphas).
"""
from __future__ import annotations

import hashlib

from datasette.utils import tilde_decode
from datasette.utils.asgi import Forbidden, Response

from . import pages

DATABASE_ROUTE = r"^/(?P<database>[^/.]+)$"
ROW_ROUTE = r"^/(?P<database>[^/.]+)/(?P<table>articles|speakers|quotes|claims|sentences)/(?P<pks>[0-9]+)$"


async def _datasette_view(datasette, name: str, request, send):
    """Datasette's own view (``IndexView``, ``DatabaseView``, ``RowView``) answers the request."""
    from datasette.app import wrap_view
    from datasette.views import database, index, row

    cls = getattr({"IndexView": index, "DatabaseView": database, "RowView": row}[name], name)
    request.scope["url_route"]["kwargs"].setdefault("format", None)     # what Datasette's route captures
    return await wrap_view(cls.as_view(datasette) if hasattr(cls, "as_view") else cls, datasette)(request, send)


async def allowed(datasette, actor, action: str, database: str | None = None, table: str | None = None) -> bool:
    """Whether ``actor`` may do ``action`` (on ``database``, ``table``), on Datasette 0.65 or a 1.0 alpha."""
    if hasattr(datasette, "permission_allowed"):                     # 0.65
        return await datasette.permission_allowed(actor, action, (database, table) if table else database,
                                                  default=True)
    from datasette.resources import DatabaseResource, TableResource   # 1.0 alphas

    resource = (TableResource(database=database, table=table) if table
                else DatabaseResource(database=database) if database else None)
    return await datasette.allowed(action=action, resource=resource, actor=actor)


async def _ensure(datasette, request, database: str | None = None, table: str | None = None) -> None:
    if not await allowed(datasette, request.actor, "view-instance"):
        raise Forbidden("view-instance")
    if database and not await allowed(datasette, request.actor, "view-database", database):
        raise Forbidden("view-database")
    if table and not await allowed(datasette, request.actor, "view-table", database, table):
        raise Forbidden("view-table")


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


async def index_page(request, send, datasette):
    from .plugin import is_tracker

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
    from .plugin import is_tracker

    try:
        database = datasette.get_database(route=tilde_decode(request.url_vars["database"])).name
    except KeyError:
        database = None
    if database is None or request.query_string or not await is_tracker(datasette, database):
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
    from .plugin import _cell, columns_of, is_tracker

    try:
        database = datasette.get_database(route=tilde_decode(request.url_vars["database"])).name
    except KeyError:
        database = None
    table, pk = request.url_vars["table"], request.url_vars["pks"]
    if database is None or not await is_tracker(datasette, database):
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


def routes() -> list[tuple[str, object]]:
    return [(r"^/$", index_page), (DATABASE_ROUTE, database_page), (ROW_ROUTE, row_page)]
