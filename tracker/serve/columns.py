"""The tables and columns of a served database, read once: the queries are built from what it really has."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Columns:
    """The tables and columns of one database (``columns[table]`` is a set)."""

    columns: dict[str, set[str]] = field(default_factory=dict)

    def has(self, table: str, column: str | None = None) -> bool:
        if column is None:
            return table in self.columns
        return column in self.columns.get(table, ())


async def read_columns(db) -> Columns:
    """The columns of every table of a Datasette ``Database``, in one query."""
    rows = (await db.execute(
        "select m.name as t, p.name as c from sqlite_master m join pragma_table_info(m.name) p "
        "where m.type = 'table'")).rows
    out: dict[str, set[str]] = {}
    for r in rows:
        out.setdefault(r["t"], set()).add(r["c"])
    return Columns(out)
