"""The facets of a tracker database's table pages, counted once per change of the database.

Datasette counts every facet of a table page on every request: a ``group by``
over the whole table (or over the rows the filters keep), three or four per
page, each waiting for a thread of the SQL pool. ``KeptFacet`` is Datasette's
column facet (same SQL, same links, same JSON) whose queries go through
``cache.cached``: the same facet over the same rows is counted again only when
the database changed, and a facet that ran out of time is not tried again
before then. The facets of a table page without filters come from the summary
the ingest keeps (``summary.py``) when it is up to date, so that even the
first request does not scan the table.

metadata.yml names the facets as Datasette users write them (``facets: [kind]``);
the plugin gives them this type when it applies the block (``meta.py``).

A filtered table page's facets are counted only when the filters keep at most
``FACET_ROWS`` rows: over more, a facet is a ``group by`` over millions of rows
(``quotes?kind=direct`` at a million articles), shown as timed out instead.

The row count a table page shows comes the same way (``keep_counts``): the
whole table's, and the rows of one value of a facet column (``?kind=direct``,
the link a facet gives), from the summary while it is fresh; any other count
(a search, several filters) is kept until the database changes, and given up
after ``COUNT_LIMIT_MS`` (the page then shows no count, as Datasette does for a
count that ran out of time).
"""
from __future__ import annotations

import re

from datasette.database import QueryInterrupted
from datasette.facets import ColumnFacet

from . import cache, summary
from .common import FACET_TYPE

TYPE = FACET_TYPE
# the facet query of Datasette's ColumnFacet (0.65 and the 1.0 alphas write the same):
# the column, and the number of values asked for (matched on the query stripped of its outer whitespace: a
# pattern that began with \s* took time quadratic in a run of spaces when searched)
_FACET_SQL = re.compile(r"select (?P<col>\[[^\]]+\]|\w+) as value, count\(\*\) as count from \(.*"
                        r"limit (?P<limit>\d+)$", re.S)
_TIMED_OUT = object()
FACET_ROWS = 100_000        # a filtered page's facets are counted over at most this many rows
COUNT_LIMIT_MS = 150        # a table page's row count not in the summary: given up after this
# the row count Datasette's table view asks for: the whole table's, or of rows with one value of a column
_COUNT_SQL = re.compile(r'select count\(\*\) from (?P<table>\w+|\[[^\]]+\])\s*'
                        r'(?:where "(?P<col>\w+)" = :p0\s*)?$')


class _Kept:
    """What a facet sees as ``self.ds``: Datasette, with its facet queries and labels kept (``cache.py``)."""

    def __init__(self, datasette, facet: "KeptFacet"):
        self._ds = datasette
        self._facet = facet

    def __getattr__(self, name):
        return getattr(self._ds, name)

    async def execute(self, database, sql, params=None, *args, **kwargs):
        facet = self._facet
        key = ("facet", sql, tuple(sorted(params.items())) if isinstance(params, dict) else tuple(params or ()))

        async def run():
            m = _FACET_SQL.match(sql.strip())
            if m and not facet.unfiltered() and (facet.row_count is None or facet.row_count > FACET_ROWS):
                return _TIMED_OUT
            if m and facet.unfiltered():
                counted = await summary.facet(self._ds, database, facet.table, m["col"].strip("[]"),
                                              int(m["limit"]))
                if counted is not None:
                    return counted
            try:
                return await self._ds.execute(database, sql, params, *args, **kwargs)
            except QueryInterrupted:
                return _TIMED_OUT
        result = await cache.cached(self._ds, database, key, run)
        if result is _TIMED_OUT:
            raise QueryInterrupted(None, sql, params)
        return result

    async def expand_foreign_keys(self, *args):
        database = args[-4]       # (database, table, column, values); 1.0 alphas put the actor first
        key = ("labels",) + tuple(a if not isinstance(a, list) else tuple(a) for a in args[-4:])
        if len(args) > 4 and args[0] is not None:
            key += (repr(args[0]),)
        return await cache.cached(self._ds, database, key, lambda: self._ds.expand_foreign_keys(*args))


class KeptFacet(ColumnFacet):
    """Datasette's column facet, counted once per change of the database."""

    type = TYPE

    def unfiltered(self) -> bool:
        """A table page without filters or search: Datasette's SQL is ``select <columns> from <table>``."""
        return bool(self.table) and not self.params and " where " not in self.sql.lower() and \
            re.fullmatch(r"select .+ from \[?" + re.escape(self.table) + r"\]?\s*", self.sql, re.S) is not None

    async def facet_results(self):
        real = self.ds
        self.ds = _Kept(real, self)
        try:
            return await super().facet_results()
        finally:
            self.ds = real

    async def suggest(self):
        return []       # ColumnFacet suggests; this one only counts what metadata names


def keep_counts(datasette, name: str) -> None:
    """Wrap the ``execute`` of a tracker database's ``Database`` so that a table page's row count is read from
    the summary when it can be, and is otherwise kept and limited in time (the module's docstring)."""
    db = datasette.databases[name]
    original = db.execute
    if getattr(original, "tracker_counts", False):
        return

    async def execute(sql, params=None, *args, **kwargs):
        if not (isinstance(sql, str) and sql.startswith("select count(*) from ")) or args:
            return await original(sql, params, *args, **kwargs)
        m = _COUNT_SQL.match(sql)
        if m:
            value = (params or {}).get("p0") if m["col"] else None
            counted = await summary.rows(datasette, name, m["table"].strip("[]"), m["col"] or "", value)
            if counted is not None:
                return counted
        key = ("count", sql, tuple(sorted(params.items())) if isinstance(params, dict) else tuple(params or ()))

        async def run():
            try:
                return await original(sql, params, **{"custom_time_limit": COUNT_LIMIT_MS, **kwargs})
            except QueryInterrupted:
                return _TIMED_OUT
        result = await cache.cached(datasette, name, key, run)
        if result is _TIMED_OUT:
            raise QueryInterrupted(None, sql, params)
        return result
    execute.tracker_counts = True
    db.execute = execute
