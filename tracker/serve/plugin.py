"""Datasette plugin hooks for tracker databases.

Registered as the ``datasette`` entry point ``tracker.serve`` (the package, so
that ``datasette plugins`` reports its ``templates/``); plain ``datasette DB``
gets everything ``tracker serve`` shows, whatever the file is called:

- ``startup`` / ``get_metadata`` / ``canned_queries``: metadata.yml's database
  block (descriptions, facets, label columns) and the canned queries
  (``queries.py``) for every tracker database (one that has the contract's
  tables), under the name Datasette gives it. On Datasette 1.0 alphas, which
  have neither hook, ``startup`` writes the same through ``add_query`` and the
  metadata setters.
- ``register_facet_classes``: the facets metadata.yml names, counted once per change
  of the database, from the ingest's summary when it can (``facets.py``).
- ``register_magic_parameters``: ``:_tracker_offset``, a canned query's page
  (``?page=2``) as an offset, so that the page number is no form field.
- ``render_cell``: search hits marked (escaped first), ids and titles linked to
  their pages, figures read as a newsroom writes them (£35bn, 4.7%), JSON
  lists and objects as text, the articles table's text previewed. No cell
  runs a query: what a link needs comes in the row.
- ``extra_template_vars``: what a table page adds to Datasette's (``pages.py``).
- ``register_routes``: the pages the plugin writes itself, in a handful of
  queries each (``routes.py``): the home page, a tracker database's page, its
  questions and their feeds, the pages of its articles, speakers, quotes,
  claims and sentences; in public mode, ``/-/databases`` without file paths.

Every hook first checks that the database is a tracker database, so other
databases served alongside are left alone. No hook writes to the database.
"""
from __future__ import annotations

import copy
import json
import re

from datasette import hookimpl
from datasette.utils.asgi import Response

from ..claims.groups import search_synonyms
from . import pages, responses, routes
from .common import (HIT_END, HIT_START, _arg, _cell, _paging, columns_of, is_tracker, known,  # noqa: F401
                     mark_hits, public, readable_json, shorten, tracker_names)
from .facets import KeptFacet, keep_counts
from .meta import database_block
from .queries import canned_queries as build_queries

# --- metadata and canned queries, for a database of any name --------------------------------------------------

@hookimpl
def get_metadata(datasette, key, database, table):
    names = tracker_names(datasette)
    if not names:
        return None
    # one copy per instance (Datasette asks 40 times a table page): it merges the instance's own
    # metadata into it, the same each time
    k = known(datasette)
    if k.block is None:
        k.block = database_block()
    return {"databases": {name: k.block for name in names}}


@hookimpl
def canned_queries(datasette, database, actor):
    async def inner():
        if not await is_tracker(datasette, database):
            return None
        return build_queries(await columns_of(datasette, database))
    return inner


async def _register_for_datasette_1(datasette) -> None:
    """Datasette 1.0 alphas dropped ``get_metadata`` and ``canned_queries``: write the same at startup."""
    if not hasattr(datasette, "add_query"):
        return
    block = database_block()
    config = datasette.config if isinstance(getattr(datasette, "config", None), dict) else None
    for name in list(datasette.databases):
        if not await is_tracker(datasette, name):
            continue
        for qname, q in build_queries(await columns_of(datasette, name)).items():
            # trusted: a published copy (no arbitrary SQL) still runs the canned questions, as on 0.65
            await datasette.add_query(name, qname, q["sql"], title=q["title"], description=q["description"],
                                      hide_sql=q["hide_sql"], is_trusted=True, source="plugin")
        await datasette.set_database_metadata(name, "description", block.get("description", ""))
        for table, spec in block.get("tables", {}).items():
            for key in ("description", "label_column"):
                if spec.get(key):
                    await datasette.set_resource_metadata(name, table, key, spec[key])
            for column, text in spec.get("columns", {}).items():
                await datasette.set_column_metadata(name, table, column, "description", text)
            if config is not None:
                tables = config.setdefault("databases", {}).setdefault(name, {}).setdefault("tables", {})
                settings = {k: spec[k] for k in ("facets", "sort", "sort_desc", "label_column", "size", "hidden")
                            if k in spec}
                tables[table] = {**settings, **tables.get(table, {})}


# what Datasette asks a database about its tables on every table page, one statement each (about 20 a page
# on 0.65, 85 to 130 on 1.0a41, each waiting its turn in the SQL thread pool): the answers only change with
# the schema
INTROSPECTION = ("table_exists", "view_exists", "table_names", "table_columns", "table_column_details",
                 "primary_keys", "fts_table", "label_column_for_table", "foreign_keys_for_table",
                 "get_all_foreign_keys", "hidden_table_names", "view_names", "get_table_definition",
                 "get_view_definition")


def keep_introspection(datasette, name: str) -> None:
    """Keep a tracker database's answers to ``INTROSPECTION`` until its schema changes.

    Each method of this ``Database`` object is wrapped; the schema version is the one ``columns_of``
    reads (at most every ``SCHEMA_CHECK`` seconds), so no statement is added. A method this Datasette
    does not have is left alone."""
    db = datasette.databases[name]
    kept: dict = {}
    for method in INTROSPECTION:
        original = getattr(db, method, None)
        if original is None or getattr(original, "tracker_kept", False):
            continue

        async def wrapper(*args, _method=method, _original=original, **kwargs):
            cached = known(datasette).columns.get(name)
            version = cached[0] if cached else None
            key = (_method, args, tuple(sorted(kwargs.items())))
            hit = kept.get(key)
            if version is None or hit is None or hit[0] != version:
                hit = kept[key] = (version, await _original(*args, **kwargs))
            return copy.deepcopy(hit[1]) if isinstance(hit[1], (list, dict)) else hit[1]
        wrapper.tracker_kept = True
        setattr(db, method, wrapper)


@hookimpl
def startup(datasette):
    async def inner():
        for name in list(datasette.databases):
            if await is_tracker(datasette, name):
                await columns_of(datasette, name)
                keep_introspection(datasette, name)
                keep_counts(datasette, name)
        await _register_for_datasette_1(datasette)
        if public(datasette):
            known(datasette).folders = await _folders(datasette)
    return inner


@hookimpl
def register_facet_classes():
    return [KeptFacet]


@hookimpl
def register_magic_parameters(datasette):
    return [("tracker", _paging)]


# --- full-text search -----------------------------------------------------------------------------------------

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
            # a word that names a measure finds its synonyms too: "jobless" finds "unemployment"
            same = [] if word.endswith("*") else search_synonyms(word)
            parts.append("(" + " OR ".join(f'"{w}"' for w in [word, *same]) + ")" if same else
                         '"' + word.rstrip("*") + '"' + ("*" if word.endswith("*") else ""))
    while parts and parts[-1] in _FTS_OPERATORS:
        parts.pop()
    return " ".join(parts) or '""'


@hookimpl
def prepare_connection(conn):
    conn.create_function("tracker_fts", 1, fts_query, deterministic=True)


# --- cells ----------------------------------------------------------------------------------------------------

@hookimpl
def prepare_jinja2_environment(env, datasette):
    env.globals["tracker_rows"] = pages.rows_html        # a table page's rows (_table.html)


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if database not in known(datasette).tracker:
        return None                     # startup (or get_metadata) found every tracker database
    return _cell(row, value, column, table, database, datasette)


# --- pages ----------------------------------------------------------------------------------------------------

@hookimpl
def extra_template_vars(template, database, table, columns, view_name, request, datasette):
    if view_name != "table" or not table:
        return None                     # the plugin's own pages (routes.py) come with their variables

    async def inner():
        if not await is_tracker(datasette, database):
            return {}
        return await pages.page_vars(datasette, database, table, view_name, request, template,
                                     await columns_of(datasette, database))
    return inner


async def _folders(datasette) -> list[str]:
    """The folders that articles were read from and that databases live in (public mode hides them)."""
    import os

    folders = set()
    for name in list(datasette.databases):
        db = datasette.databases[name]
        if getattr(db, "path", None):
            folders.add(os.path.dirname(os.path.abspath(db.path)) + os.sep)
        if await is_tracker(datasette, name):
            rows = (await db.execute("select distinct source from articles where source like '/%' "
                                     "or source like '_:\\%' limit 200000")).rows
            folders.update(os.path.dirname(r[0].replace("\\", "/")) + "/" for r in rows)
    return sorted(folders, key=len, reverse=True)


@hookimpl
def asgi_wrapper(datasette):
    """Pages of a tracker database kept until it changes (``responses.py``); in public mode, JSON and CSV
    show a file path as its name only, as the HTML pages do (``articles.source``).

    The folders are known at startup (``_folders``); each is cut out of the body as
    it is, and as JSON escapes it."""
    def wrap(app):
        kept = responses.pages(datasette)

        async def cached(scope, receive, send):
            return await kept(datasette, wrapped, scope, receive, send)

        async def wrapped(scope, receive, send):
            if scope.get("type") != "http" or not public(datasette) or not (
                    scope.get("path", "").endswith((".json", ".csv")) or "_format=" in
                    scope.get("query_string", b"").decode("latin-1")):
                return await app(scope, receive, send)
            start, body = None, []

            async def capture(message):
                nonlocal start
                if message["type"] == "http.response.start":
                    start = message
                    return
                body.append(message.get("body", b""))
                if not message.get("more_body"):
                    data = b"".join(body)
                    for folder in known(datasette).folders:
                        data = data.replace(folder.encode(), b"").replace(json.dumps(folder)[1:-1].encode(), b"")
                    headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
                    await send(dict(start, headers=headers + [(b"content-length", str(len(data)).encode())]))
                    await send({"type": "http.response.body", "body": data})
            await app(scope, receive, capture)
        return cached
    return wrap


@hookimpl
def register_routes(datasette):
    """The home page and a tracker database's page (``routes.py``); in public mode, ``/-/databases``
    without the files' paths (Datasette's lists them)."""
    if not public(datasette):
        return routes.routes()

    async def databases(request):
        info = [{k: v for k, v in d.items() if k != "path"} for d in datasette._connected_databases()]
        return Response.json(info)
    return routes.routes() + [(r"^/-/databases(\.json)?$", databases)]
