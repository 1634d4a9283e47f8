"""Values worth keeping between requests (counts, facets), kept until the database changes.

A database's *version* is read without SQL: the size and modification time of
its file and of its write-ahead log (any commit changes one of them); an
immutable database never changes. A value is computed again only when the
version moved, and at most every ``REFRESH`` seconds while it keeps moving (an
ingest running next to the server): until then the last value is served.
Requests that arrive while a value is being computed wait for that one
computation instead of starting their own (20 clients on a cold page ran the
same counts 20 times at once).
"""
from __future__ import annotations

import asyncio
import os
import time
import weakref

REFRESH = 10.0          # seconds a value is kept while its database keeps changing


def version(db) -> tuple:
    """A fingerprint of a Datasette ``Database``'s contents that costs two ``stat`` calls and no query."""
    if not db.is_mutable or not getattr(db, "path", None):
        return (0,)
    out: list[int] = []
    for path in (db.path, db.path + "-wal"):
        try:
            st = os.stat(path)
            out += [st.st_mtime_ns, st.st_size]
        except OSError:
            out += [0, 0]
    return tuple(out)


class _Entry:
    __slots__ = ("version", "at", "value", "pending")

    def __init__(self):
        self.version = None
        self.at = 0.0
        self.value = None
        self.pending: asyncio.Future | None = None


_caches: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()   # datasette -> {key: _Entry}


def _entries(datasette) -> dict:
    entries = _caches.get(datasette)
    if entries is None:
        entries = _caches[datasette] = {}
    return entries


async def cached(datasette, database: str, key, compute, refresh: float = REFRESH):
    """``await compute()``, or the value it gave last time for ``(database, key)`` if the database has not
    changed since (or changed less than ``refresh`` seconds ago)."""
    db = datasette.get_database(database)
    entry = _entries(datasette).setdefault((database, key), _Entry())
    now_version, now = version(db), time.monotonic()
    if entry.version is not None and (entry.version == now_version or now - entry.at < refresh):
        return entry.value
    if entry.pending is not None:
        if entry.version is not None:
            return entry.value              # being computed again: the last value meanwhile
        return await asyncio.shield(entry.pending)
    entry.pending = asyncio.get_running_loop().create_future()
    try:
        value = await compute()
    except Exception as e:
        entry.pending.set_exception(e)
        entry.pending.exception()           # retrieved: no "exception never retrieved" warning
        raise
    except BaseException:                   # cancelled: whoever waits on it is cancelled too
        entry.pending.cancel()
        raise
    else:
        entry.version, entry.at, entry.value = now_version, now, value
        entry.pending.set_result(value)
        return value
    finally:
        entry.pending = None


def forget(datasette) -> None:
    """Drop every kept value (tests)."""
    _caches.pop(datasette, None)
