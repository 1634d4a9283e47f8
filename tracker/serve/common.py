"""What the serve modules share: which databases are tracker databases and their columns, the public switch,
the paging of canned queries, and how a cell is shown.

``plugin.py`` (the hooks), ``pages.py``, ``routes.py``, ``summary.py`` and ``facets.py`` import these from here,
and this module imports none of them: the serve modules' imports form no cycle.
"""
from __future__ import annotations

import json
import sqlite3
import time
from pathlib import PurePath

from markupsafe import Markup, escape

from .article import readable_number
from .columns import Columns, read_columns
from .query_parts import MAX_SIZE, PAGE

# the type of the facets metadata.yml names (``facets.KeptFacet``; ``meta.py`` gives it to them)
FACET_TYPE = "tracker"
TRACKER_TABLES = frozenset({"articles", "sentences", "quotes", "claims", "speakers"})
# ids in the results of canned queries (and any SQL): linked to their row pages
ID_COLUMNS = {"quote_id": "quotes", "claim_id": "claims", "speaker_id": "speakers", "article_id": "articles",
              "sentence_id": "sentences", "group_id": "claim_groups"}
# search snippets are made with snippet(..., char(1), char(2), ...): these bytes mark the hit
HIT_START, HIT_END = "\x01", "\x02"
ARTICLE_PREVIEW = 240      # characters of an article's text shown in the articles table
FIGURES = {"value", "low", "high"}
RECHECK = 10.0             # seconds before a database that was not a tracker database is looked at again


class _Known:
    """Which databases of one Datasette instance are tracker databases, and their columns."""

    def __init__(self):
        self.tracker: set[str] = set()
        self.checked: dict[str, float] = {}           # name -> when it was found not to be one
        self.columns: dict[str, tuple[int, Columns, float]] = {}
        self.folders: list[str] = []                  # public mode: never shown (asgi_wrapper)
        self.block: dict | None = None                # metadata.yml's database block (get_metadata)
        self.table_urls: dict[tuple[str, str], str] = {}  # (database, table) -> the table page's address
        self.pages = None                             # the pages kept until the database changes (responses.py)


def known(datasette) -> _Known:
    """The plugin's state for one Datasette instance, kept on it (asked for on every cell of a page)."""
    try:
        return datasette._tracker_known
    except AttributeError:
        datasette._tracker_known = _Known()
        return datasette._tracker_known


def public(datasette) -> bool:
    """Public (published) mode: ``plugins: tracker: public: true`` in metadata or datasette.yaml."""
    return bool((datasette.plugin_config("tracker") or {}).get("public"))


def _sync_is_tracker(db) -> bool:
    """For the synchronous ``get_metadata`` hook: open the file read-only and look at its tables."""
    path = getattr(db, "path", None)
    if not path or getattr(db, "is_memory", False):
        return False
    try:
        mode = "immutable=1" if not db.is_mutable else "mode=ro"
        conn = sqlite3.connect(f"file:{path}?{mode}", uri=True)
        try:
            names = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return TRACKER_TABLES <= names


def tracker_names(datasette) -> set[str]:
    k = known(datasette)
    for name, db in list(datasette.databases.items()):
        if name in k.tracker or name.startswith("_") or time.monotonic() - k.checked.get(name, -RECHECK) < RECHECK:
            continue
        if _sync_is_tracker(db):
            k.tracker.add(name)
        else:
            k.checked[name] = time.monotonic()
    return k.tracker


async def is_tracker(datasette, database: str | None) -> bool:
    if not database:
        return False
    k = known(datasette)
    if database in k.tracker:
        return True
    if time.monotonic() - k.checked.get(database, -RECHECK) < RECHECK:
        return False
    try:
        names = set(await datasette.get_database(database).table_names())
    except KeyError:
        return False
    if TRACKER_TABLES <= names:
        k.tracker.add(database)     # tables are only ever added: a positive answer stays true
        return True
    k.checked[database] = time.monotonic()
    return False


SCHEMA_CHECK = 2.0         # seconds between looks at a mutable database's schema version


async def columns_of(datasette, database: str) -> Columns:
    """The database's columns, read again only when its schema changed (an immutable one's never)."""
    db = datasette.get_database(database)
    k = known(datasette)
    cached = k.columns.get(database)
    now = time.monotonic()
    if cached is not None and (not db.is_mutable or now - cached[2] < SCHEMA_CHECK):
        return cached[1]
    version = (await db.execute("pragma schema_version")).first()[0]
    if cached is None or cached[0] != version:
        cached = (version, await read_columns(db), now)
    k.columns[database] = (cached[0], cached[1], now)
    return cached[1]


def _arg(request, name: str, default: int, top: int) -> int:
    try:
        n = int((request.args.get(name) if request is not None else None) or default)
    except ValueError:
        n = default
    return min(max(n, 1), top)


def _paging(key: str, request) -> int:
    """``:_tracker_limit`` (``?size=``, default PAGE) and ``:_tracker_offset`` (the rows before ``?page=``)."""
    size = _arg(request, "size", PAGE, MAX_SIZE)
    if key == "limit":
        return size
    if key == "offset":
        return (_arg(request, "page", 1, 100_000) - 1) * size
    raise KeyError(key)


# --- cells ----------------------------------------------------------------------------------------------------

def without_path(source: str) -> str:
    """A file path as its name only (public mode never shows where files lived); URLs stay."""
    if "://" in source:
        return source
    return PurePath(source.replace("\\", "/")).name or source


def mark_hits(snippet: str) -> Markup:
    """Escape, then turn the hit markers into ``<mark>``: markup in the text stays text."""
    return Markup(str(escape(snippet)).replace(HIT_START, "<mark>").replace(HIT_END, "</mark>"))


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _plain(value):
    """A foreign key Datasette has labelled (table pages) -> its value."""
    return value.get("value") if isinstance(value, dict) else value


def readable_json(value: str) -> Markup | None:
    """A JSON list or object as text: ``["a", "b"]`` -> a, b; ``{"chair": 2}`` -> chair (2)."""
    if not (isinstance(value, str) and value[:1] in "[{"):
        return None
    try:
        items = json.loads(value)
    except ValueError:
        return None
    if isinstance(items, dict):
        items = [f"{k} ({v})" if isinstance(v, (int, float)) else f"{k}: {v}" for k, v in items.items()]
    if not isinstance(items, list):
        return None
    return Markup(", ").join(escape(str(i)) for i in items) if items else Markup('<span class="none">none</span>')


def _row_get(row, key):
    try:
        return _plain(row[key])
    except (KeyError, IndexError):
        return None


def _row_url(datasette, database: str, table: str, pk) -> str:
    """A row page's address (its table's address is built once per database: this runs for every cell)."""
    prefixes = known(datasette).table_urls
    prefix = prefixes.get((database, table))
    if prefix is None:
        prefix = prefixes[(database, table)] = datasette.urls.table(database, table)
    return f"{prefix}/{pk}"


def _a(href: str, text, title: str = "") -> Markup:
    """A link, escaped (Markup.format is five times slower, and this runs for most cells of a page)."""
    title = f' title="{escape(title)}"' if title else ""
    return Markup(f'<a href="{escape(href)}"{title}>{escape(text)}</a>')


def _cell(row, value, column, table, database, datasette):
    """The cell as HTML, or None to let Datasette render it. Never runs a query."""
    if column == "snippet" and isinstance(value, str) and HIT_START in value:
        return mark_hits(value)
    labelled = isinstance(value, dict)
    value = _plain(value)
    if column in FIGURES and isinstance(value, (int, float)) and (table in (None, "claims")):
        return Markup(f'<span class="figure" title="{escape(value)}">'
                      f'{escape(readable_number(value, _row_get(row, "unit")))}</span>')
    if table is None:                       # the result of a canned query (or any SQL)
        article_id, idx = _row_get(row, "article_id"), _row_get(row, "sentence_idx")
        if column == "article" and isinstance(article_id, int) and value is not None:
            anchor = f"#s{idx}" if isinstance(idx, int) else ""
            return _a(_row_url(datasette, database, "articles", article_id) + anchor, value)
        if column in ("speaker", "made_by", "who") and isinstance(_row_get(row, "speaker_id"), int) and value:
            return _a(_row_url(datasette, database, "speakers", _row_get(row, "speaker_id")), value)
        if column == "id" and _row_get(row, "found") in ("quote", "claim", "speaker") and isinstance(value, int):
            found = _row_get(row, "found")
            return _a(_row_url(datasette, database, found + "s", value), f"{found} {value}")
        if column == "sentence_id" and isinstance(value, int) and isinstance(article_id, int) and isinstance(idx, int):
            return _a(_row_url(datasette, database, "articles", article_id) + f"#s{idx}", f"sentence {idx} ↗",
                      "read it in the article")
        if column in ID_COLUMNS and isinstance(value, int):
            return _a(_row_url(datasette, database, ID_COLUMNS[column], value), value)
        if column == "flags":
            return readable_json(value)
        return None
    if table in ("quotes", "claims", "sentences") and column in ID_COLUMNS and isinstance(value, int) \
            and not labelled and not (table == "sentences" and column == "sentence_id"):
        # foreign keys Datasette shows as bare numbers (row pages; sentence ids, which have no label)
        return _a(_row_url(datasette, database, ID_COLUMNS[column], value), value)
    if table == "sentences" and column == "idx" and isinstance(value, int):
        return _a(_row_url(datasette, database, "articles", _row_get(row, "article_id")) + f"#s{value}", value,
                  "read it in the article")
    if table == "articles" and column == "text" and isinstance(value, str) and len(value) > ARTICLE_PREVIEW:
        return Markup(f'{escape(shorten(value, ARTICLE_PREVIEW))} '
                      f'<a href="{escape(_row_url(datasette, database, "articles", _row_get(row, "id")))}">'
                      'read the article</a>')
    if table == "articles" and column == "source" and isinstance(value, str) and public(datasette):
        return without_path(value)
    if column == "confidence" and isinstance(value, float):
        return Markup(f'<span class="confidence">{value:.2f}</span>')
    return readable_json(value)
