"""Datasette plugin hooks for tracker databases (registered as an entry point)."""
from __future__ import annotations

import html

from datasette import hookimpl
from markupsafe import Markup


@hookimpl
def render_cell(value, column, table, database, datasette):
    """Search results from the canned queries: escape the text first, then mark the hits."""
    if isinstance(value, str) and column == "snippet" and "\x01" in value:
        escaped = html.escape(value)
        return Markup(escaped.replace("\x01", "<mark>").replace("\x02", "</mark>"))
    return None
