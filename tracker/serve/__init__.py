"""Serving the database with Datasette: the plugin, its templates, and ``tracker serve``.

This package is the Datasette plugin (the ``datasette`` entry point names it, so
``datasette plugins`` lists its ``templates/``); its hooks live in ``plugin.py``
and are re-exported here. Plain ``datasette news.db -m metadata.yml`` shows the
same pages and canned queries as ``tracker serve``: the plugin applies
metadata.yml's database block and the canned queries (``queries.py``) to every
tracker database, whatever its file is called.

``tracker serve`` runs Datasette in this process with metadata.yml and one of two
sets of settings: a local session, or ``--public`` (``--immutable``), a
published copy that is safe on the open web by default.
"""
from __future__ import annotations

from pathlib import Path

from .meta import METADATA, METADATA_DB, metadata
from .plugin import (asgi_wrapper, canned_queries, extra_template_vars, get_metadata, prepare_connection,  # noqa: F401
                     prepare_jinja2_environment, register_facet_classes, register_magic_parameters, register_routes, render_cell, startup)

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"

# A local session (ingesting and browsing on one's own machine). Facet suggestions
# are off everywhere: they cost a query per column on every table page (1.7 s of a
# 2.0 s quotes page at 128,000 articles, issue 19) and the metadata names the facets
# worth having.
LOCAL_SETTINGS = {"sql_time_limit_ms": 3000, "facet_time_limit_ms": 500, "suggest_facets": False}
# A published copy on the open web: no arbitrary SQL, a slow query cannot tie up the
# server, pages stay small, neither the file nor a whole table can be downloaded.
PUBLIC_SETTINGS = {"sql_time_limit_ms": 1000, "facet_time_limit_ms": 200, "max_returned_rows": 1000,
                   "allow_download": False, "allow_csv_stream": False, "default_allow_sql": False,
                   "suggest_facets": False}


def database_name(db_path: str) -> str:
    """The name Datasette gives a database file: its file name without the extension."""
    return Path(db_path).stem


def instance_metadata(public: bool = False) -> dict:
    """metadata.yml, plus the plugin's public switch (which hides file paths) when publishing."""
    meta = metadata()
    if public:
        meta.setdefault("plugins", {}).setdefault("tracker", {})["public"] = True
    return meta


def ensure_registered() -> None:
    """Register this package as a plugin when no entry point did (running from a source tree)."""
    import sys

    from datasette.plugins import pm

    module = sys.modules[__name__]
    if not pm.is_registered(module) and not any(getattr(p, "__name__", "") == __name__ for p in pm.get_plugins()):
        pm.register(module, name="tracker")


def make_datasette(db_path: str, public: bool = False, immutable: bool | None = None):
    """A Datasette instance over one tracker database.

    ``public`` (``immutable`` is its old name): the published mode; turn WAL off
    first (``prepare_immutable``).
    """
    from datasette.app import Datasette

    public = public or bool(immutable)
    ensure_registered()
    return Datasette([] if public else [db_path], immutables=[db_path] if public else [],
                     metadata=instance_metadata(public),
                     settings=dict(PUBLIC_SETTINGS if public else LOCAL_SETTINGS))


def prepare_immutable(db_path: str) -> None:
    """Make a database file safe to open immutable: checkpoint and turn WAL off.

    An immutable connection never reads the write-ahead log, so pages still in
    ``-wal`` would be missing from what it serves (NOTES.md).
    """
    import sqlite_utils

    db = sqlite_utils.Database(db_path)
    try:
        if db.journal_mode == "wal":
            db.disable_wal()
    finally:
        db.close()


def serve(db_path: str, host: str, port: int, public: bool = False, get: str | None = None) -> bool:
    """Serve ``db_path`` with Datasette until interrupted.

    ``get``: instead of serving, print the page at that path and return whether
    it answered 200 (what ``datasette --get`` does: a smoke test).
    """
    import asyncio

    import uvicorn
    from datasette.utils.testing import TestClient

    if public:
        prepare_immutable(db_path)
    ds = make_datasette(db_path, public)
    asyncio.run(ds.invoke_startup())
    if get:
        response = TestClient(ds).get(get)
        print(response.text)
        return response.status == 200
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on", workers=1)
    return True
