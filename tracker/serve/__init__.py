"""Serving the database with Datasette: metadata, plugin hooks, templates.

``tracker serve`` runs Datasette in this process with three additions:

- ``metadata.yml`` (titles, column descriptions, facets, canned queries), whose
  database block is filed under the name ``tracker`` and re-keyed here to the
  name Datasette gives the served file (its stem: ``demo.db`` -> ``demo``);
- the plugin hooks in ``plugin.py`` (registered as a ``datasette`` entry point,
  so plain ``datasette`` loads them too);
- the templates in ``templates/`` (the article reading page, the speaker page).
"""
from __future__ import annotations

from pathlib import Path

import yaml

from ..lexicon import DATA

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
# metadata.yml sits at the top of a checkout; a wheel carries a copy in its data folder
METADATA = next((p for p in (DATA / "metadata.yml", HERE.parent.parent / "metadata.yml") if p.is_file()),
                HERE.parent.parent / "metadata.yml")
# the name metadata.yml files its tables and queries under
METADATA_DB = "tracker"

# Settings for a local session (ingesting and browsing on one's own machine) and for a
# published copy on the open web (STYLE.md, "Publishing"): there, a slow query must not
# tie up the server, pages stay small and the file is not offered for download.
LOCAL_SETTINGS = {"sql_time_limit_ms": 3000, "facet_time_limit_ms": 500}
PUBLIC_SETTINGS = {"sql_time_limit_ms": 1000, "facet_time_limit_ms": 200, "max_returned_rows": 1000,
                   "allow_download": False}


def database_name(db_path: str) -> str:
    """The name Datasette gives a database file: its file name without the extension."""
    return Path(db_path).stem


def metadata_for(db_path: str) -> dict:
    """metadata.yml, with its database block under the name Datasette gives ``db_path``."""
    meta = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    name = database_name(db_path)
    dbs = meta.get("databases", {})
    if name != METADATA_DB and METADATA_DB in dbs:
        dbs[name] = dbs.pop(METADATA_DB)
    return meta


def make_datasette(db_path: str, immutable: bool = False):
    """A Datasette instance over one tracker database, with its metadata and templates.

    ``immutable``: the published mode; turn WAL off first (``prepare_immutable``).
    """
    from datasette.app import Datasette

    return Datasette([] if immutable else [db_path], immutables=[db_path] if immutable else [],
                     metadata=metadata_for(db_path), template_dir=str(TEMPLATES),
                     settings=dict(PUBLIC_SETTINGS if immutable else LOCAL_SETTINGS))


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


def serve(db_path: str, host: str, port: int, immutable: bool = False, get: str | None = None) -> bool:
    """Serve ``db_path`` with Datasette until interrupted.

    ``get``: instead of serving, print the page at that path and return whether
    it answered 200 (what ``datasette --get`` does: a smoke test).
    """
    import asyncio

    import uvicorn
    from datasette.utils.testing import TestClient

    if immutable:
        prepare_immutable(db_path)
    ds = make_datasette(db_path, immutable)
    asyncio.run(ds.invoke_startup())
    if get:
        response = TestClient(ds).get(get)
        print(response.text)
        return response.status == 200
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on", workers=1)
    return True
