"""Whole pages of a tracker database kept until the database changes.

Under 20 clients on the BBC corpus database (2,000 requests; issue 19) the table pages took most of the
server's time: Datasette's table view spends 20-60 ms of CPU on each (a ``render_cell`` hook call per cell,
its templates), and every request waits for the ones before it. The same page asked again of a database that
has not changed is the same page: this keeps the last ``page_cache`` pages (default ``PAGES``) and answers
a request for one of them without running Datasette at all.

What is kept: a GET of the home page or of any page under a tracker database (``/news/quotes?kind=direct``,
``/news/most_quoted.json``), answered 200 without setting a cookie, of at most ``MAX_BYTES``, to a request
that carries no ``Authorization`` header and no ``ds_actor`` cookie (a signed-in user's pages may differ:
never kept, never served from here). A kept page is served while the database's version
(``cache.version``: its file's and its write-ahead log's size and time) is the one it was made at: one
commit and it is made again. Requests that arrive while the same page is being made wait for it instead of
making it again. ``plugins: tracker: page_cache: 0`` turns it off.
"""
from __future__ import annotations

import asyncio
from collections import OrderedDict

from datasette.utils import tilde_decode

from . import cache
from .common import known

PAGES = 300                # pages kept, the least recently asked for dropped first
MAX_BYTES = 1_000_000      # a larger page (a CSV export) is not kept


def _size(datasette) -> int:
    return int((datasette.plugin_config("tracker") or {}).get("page_cache", PAGES))


def _anonymous(scope) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"authorization" or (name == b"cookie" and b"ds_actor" in value):
            return False
    return True


def _databases(datasette, path: str) -> list[str] | None:
    """The tracker databases the page at ``path`` shows (all of them for the home page), or None."""
    tracker = known(datasette).tracker
    if path == "/":
        return sorted(tracker) or None
    first = path.split("/", 2)[1]
    name = tilde_decode(first.rsplit(".", 1)[0] if "." in first else first)
    return [name] if name in tracker and name in datasette.databases else None


def _versions(datasette, names: list[str]) -> tuple:
    return tuple(cache.version(datasette.databases[n]) for n in names)


class Pages:
    def __init__(self):
        self.kept: OrderedDict = OrderedDict()        # (path, query) -> (versions, start message, body)
        self.making: dict = {}                        # (path, query) -> an event set when it is made

    async def __call__(self, datasette, app, scope, receive, send):
        size = _size(datasette)
        path = scope.get("path", "")
        names = (_databases(datasette, path) if size and scope.get("type") == "http" and scope.get("method") == "GET"
                 and "_trace" not in scope.get("query_string", b"").decode("latin-1") and _anonymous(scope) else None)
        if not names:
            return await app(scope, receive, send)
        key = (path, scope.get("query_string", b""))
        versions = _versions(datasette, names)
        while key in self.making and not self._fresh(key, versions):
            await self.making[key].wait()
        hit = self._fresh(key, versions)
        if hit:
            self.kept.move_to_end(key)
            await send(hit[1])
            await send({"type": "http.response.body", "body": hit[2]})
            return
        self.making[key] = done = asyncio.Event()
        start, body, size_so_far, keep = None, [], 0, True

        async def copy(message):
            nonlocal start, size_so_far, keep
            if message["type"] == "http.response.start":
                start = message
                keep = message.get("status") == 200 and not any(
                    k.lower() == b"set-cookie" for k, _ in message.get("headers", []))
            elif message["type"] == "http.response.body" and keep:
                body.append(message.get("body", b""))
                size_so_far += len(body[-1])
                keep = size_so_far <= MAX_BYTES
            await send(message)
        try:
            await app(scope, receive, copy)
            if keep and start is not None and versions == _versions(datasette, names):
                data = b"".join(body)
                headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in
                           (b"content-length", b"transfer-encoding")]
                self.kept[key] = (versions, dict(start, headers=headers + [(b"content-length",
                                                                            str(len(data)).encode())]), data)
                self.kept.move_to_end(key)
                while len(self.kept) > size:
                    self.kept.popitem(last=False)
        finally:
            del self.making[key]
            done.set()

    def _fresh(self, key, versions):
        hit = self.kept.get(key)
        return hit if hit is not None and hit[0] == versions else None


def pages(datasette) -> Pages:
    """The kept pages of one Datasette instance."""
    k = known(datasette)
    if k.pages is None:
        k.pages = Pages()
    return k.pages
