"""``tracker check``: is a database whole? What ``--repair`` can rebuild, it rebuilds.

    check(conn) -> list[Problem]        # nothing: the database is whole
    repair(conn) -> list[str]           # what was rebuilt

Three kinds of problem:

* reference: a row that points at a row that does not exist (a quote's
  speaker, a claim's quote ...), or at one of another article (a quote whose
  sentence belongs to another article). Not repairable: the rows it needs are
  gone; re-ingesting the article into a new database is the way back.
* search: a full-text index that does not match its table (rows never
  indexed, or indexed with an old text). Rebuilt from the table.
* schema: a table, column, index, full-text table or trigger the schema has
  and the database lacks, or an older schema version. Added, in one
  transaction (the same upgrade every ingest makes).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from . import schema
from .store import FTS, TABLES, all_tables

_EXAMPLES = 5


@dataclass
class Problem:
    kind: str           # reference, search, schema
    message: str
    repairable: bool

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({schema.q(table)})")}


def _ids(conn: sqlite3.Connection, sql: str) -> tuple[int, list[int]]:
    ids = [r[0] for r in conn.execute(sql)]
    return len(ids), ids[:_EXAMPLES]


def _say(n: int, table: str, ids: list[int], what: str) -> str:
    """"2 rows of quotes point at ... (id 4, 9)"."""
    verb = "points" if n == 1 else "point"
    return (f"{n} row{'s' if n != 1 else ''} of {table} {verb} at {what} "
            f"(id {', '.join(map(str, ids))}{', ...' if n > len(ids) else ''})")


def references(conn: sqlite3.Connection) -> list[Problem]:
    """Rows whose links lead nowhere, or to another article's rows."""
    have = _tables(conn)
    out = []
    for table, spec in TABLES.items():
        if table not in have:
            continue
        cols = _columns(conn, table)
        for col, parent, pcol in spec.get("foreign_keys", []):
            if col not in cols or parent not in have:
                continue
            n, ids = _ids(conn, f"select t.id from [{table}] t where t.[{col}] is not null and not exists "
                                f"(select 1 from [{parent}] p where p.[{pcol}] = t.[{col}]) order by t.id")
            if n:
                out.append(Problem("reference", _say(n, table, ids, f"{parent} that do not exist ({table}.{col})"), False))
    # links that exist but lead into another article
    same_article = [("quotes", "sentence_id", "sentences"), ("claims", "sentence_id", "sentences"),
                    ("claims", "quote_id", "quotes")]
    for table, col, parent in same_article:
        if {table, parent} <= have and {col, "article_id"} <= _columns(conn, table):
            n, ids = _ids(conn, f"select t.id from [{table}] t join [{parent}] p on p.id = t.[{col}] "
                                f"where p.article_id is not t.article_id order by t.id")
            if n:
                out.append(Problem("reference", _say(n, table, ids, f"{parent} of another article ({table}.{col})"), False))
    return out


def search(conn: sqlite3.Connection) -> list[Problem]:
    """Full-text indexes that disagree with their tables (those that exist: a missing one is a schema problem)."""
    have = _tables(conn)
    out = []
    for table in FTS:
        fts = f"{table}_fts"
        if table not in have or fts not in have:
            continue
        missing = conn.execute(f"select count(*) from [{table}] where rowid not in "
                               f"(select id from [{fts}_docsize])").fetchone()[0]
        extra = conn.execute(f"select count(*) from [{fts}_docsize] where id not in "
                             f"(select rowid from [{table}])").fetchone()[0]
        if missing or extra:
            parts = [f"{missing} rows not indexed" if missing else "", f"{extra} index entries for rows that do "
                     f"not exist" if extra else ""]
            out.append(Problem("search", f"{fts} does not match {table}: {'; '.join(p for p in parts if p)}", True))
            continue
        try:    # (rank 1: compare the index with the table's current text, not only with itself)
            conn.execute(f"insert into [{fts}]([{fts}], rank) values ('integrity-check', 1)")
        except sqlite3.DatabaseError as e:
            out.append(Problem("search", f"{fts} does not match the text of {table} ({e})", True))
    return out


def shape(conn: sqlite3.Connection) -> list[Problem]:
    tables, indexes = all_tables()
    out = [Problem("schema", step.problem, True) for step in schema.problems(conn, tables, FTS, indexes)]
    v = schema.version(conn)
    if v < schema.VERSION:
        out.append(Problem("schema", f"schema version {v}, older than this tracker's {schema.VERSION}", True))
    return out


def check(conn: sqlite3.Connection) -> list[Problem]:
    """Every problem found, schema first (the other checks read what the schema says is there)."""
    return shape(conn) + references(conn) + search(conn)


def repair(conn: sqlite3.Connection) -> list[str]:
    """Rebuild what can be rebuilt: the schema's missing parts (with their full-text indexes), then the
    full-text indexes that disagree with their tables. Each in one transaction; returns what was done."""
    tables, indexes = all_tables()
    done = [s.problem + ": added" for s in schema.ensure(conn, tables, FTS, indexes)]
    for problem in search(conn):
        fts = problem.message.split()[0]
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute(f"insert into [{fts}]([{fts}]) values ('rebuild')")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        done.append(f"{fts}: rebuilt from {fts[:-4]}")
    return done
