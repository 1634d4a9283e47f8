"""The database's shape: what it should be, what differs, and the DDL that makes it so, in one transaction.

    problems(conn, tables, fts, indexes) -> list[Step]   # what a database lacks (``tracker check``)
    ensure(conn, tables, fts, indexes)                   # create or upgrade it (every ``Store`` does)

The schema is data (``tracker.tables.TABLES``, ``FTS``, ``INDEXES``): adding a
column, a table, an index or a full-text column there upgrades every database
the next time it is opened. The steps run inside one ``BEGIN IMMEDIATE``
transaction (SQLite's DDL is transactional), so a process killed at any point
leaves the database as it was or complete, never half-made: no table without
its full-text index, no full-text index without its triggers.

The text of each statement is the one sqlite-utils writes (``create``,
``enable_fts(create_triggers=True)``, ``create_index``), so databases made by
earlier versions of the tracker, which used sqlite-utils for this, compare
equal statement by statement.

``PRAGMA user_version`` holds ``VERSION``; ``MIGRATIONS`` are the changes of
data (not of shape) from one version to the next, run in the same transaction
(SQL, or a function of the connection for what SQL cannot say).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

# the speakers of a claim group (tracker.store keeps it): an article's own claims count as one speaker
GROUP_SPEAKERS = """(select count(distinct coalesce('speaker ' || speaker_id, 'article ' || article_id)) from claims
              where claims.group_id = {group})"""


def _link_near_duplicates(conn: sqlite3.Connection) -> None:
    from . import neardup
    neardup.link_stored(conn)


# 1: ingest_errors gained stage and record, and one row per error (duplicates of older runs folded)
# 2: a claim given to another speaker after ingest (tracker correct: merge, split, set) recounts its group's
#    speakers, by a trigger (claim_groups and claims.group_id are made by then: shape steps run first)
# 3: articles gained duplicate_of and duplicate_similarity, and article_bands: the articles stored before are
#    linked to their near-duplicates (tracker.neardup) as an ingest would have
VERSION = 3
MIGRATIONS: dict[int, list] = {     # SQL statements, or functions of the connection
    1: ["DELETE FROM ingest_errors WHERE id NOT IN "
        "(SELECT max(id) FROM ingest_errors GROUP BY source, error)"],
    2: ["CREATE TRIGGER IF NOT EXISTS claims_group_speakers AFTER UPDATE OF speaker_id ON claims "
        "WHEN new.group_id IS NOT NULL BEGIN "
        f"UPDATE claim_groups SET speakers = {GROUP_SPEAKERS.format(group='new.group_id')} WHERE id = new.group_id; "
        "END"],
    3: [_link_near_duplicates],
}

_TYPES = {int: "INTEGER", str: "TEXT", float: "REAL", bytes: "BLOB"}


def q(name: str) -> str:
    """An SQL identifier, quoted."""
    return '"' + name.replace('"', '""') + '"'


@dataclass
class Step:
    """Something the database lacks, and the statements that add it."""
    problem: str
    sql: list[str] = field(default_factory=list)
    rebuild: str | None = None      # a full-text table to fill from its content table afterwards


def create_table_sql(name: str, spec: dict) -> str:
    fks = {col: (table, other) for col, table, other in spec.get("foreign_keys", [])}
    lines = []
    for column, type_ in spec["columns"].items():
        line = f"   {q(column)} {_TYPES[type_]}"
        if column == spec["pk"]:
            line += " PRIMARY KEY"
        if column in spec.get("not_null", ()):
            line += " NOT NULL"
        if column in fks:
            line += f" REFERENCES {q(fks[column][0])}({q(fks[column][1])})"
        lines.append(line)
    return f"CREATE TABLE {q(name)} (\n" + ",\n".join(lines) + "\n)"


def fts_sql(table: str, columns: list[str]) -> str:
    return (f"CREATE VIRTUAL TABLE {q(table + '_fts')} USING FTS5 (\n"
            f"    {', '.join(map(q, columns))},\n    tokenize='porter',\n    content={q(table)}\n)")


def trigger_sql(table: str, columns: list[str], every_update: bool = False) -> dict[str, str]:
    """The three triggers that keep ``table``'s full-text index in step with its rows, by name.

    The update trigger fires on an update of the indexed columns or of the key (the rowid) only: an update of
    another column (an article's ``duplicate_of``, set again when two clusters of near-duplicates join) left
    the index as it was but made FTS5 delete and index the whole text again, half a millisecond of CPU an
    article, 0.4 s of a batch of 200 written at 14,000 distinct articles (``scripts/write_cost.py --distinct``).
    ``every_update``: the trigger as sqlite-utils writes it (and databases made before this have), firing on
    every update.
    """
    fts, cols = q(table + "_fts"), ", ".join(map(q, columns))
    old = ", ".join(f"old.{q(c)}" for c in columns)
    new = ", ".join(f"new.{q(c)}" for c in columns)
    insert = f"  INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new});\n"
    delete = f"  INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES('delete', old.rowid, {old});\n"
    of = "" if every_update else f" OF {', '.join(map(q, dict.fromkeys(['id', *columns])))}"
    return {
        f"{table}_ai": f"CREATE TRIGGER {q(table + '_ai')} AFTER INSERT ON {q(table)} BEGIN\n{insert}END",
        f"{table}_ad": f"CREATE TRIGGER {q(table + '_ad')} AFTER DELETE ON {q(table)} BEGIN\n{delete}END",
        f"{table}_au": f"CREATE TRIGGER {q(table + '_au')} AFTER UPDATE{of} ON {q(table)} BEGIN\n{delete}{insert}END",
    }


def all_indexes(tables: dict[str, dict], indexes: list[tuple[str, list[str], bool]]):
    """(name, table, columns, unique): the indexes asked for, then one on every foreign key column."""
    out = [(f"idx_{t}_{'_'.join(cols)}", t, cols, unique) for t, cols, unique in indexes]
    have = {(t, tuple(cols)) for _, t, cols, _ in out}
    for t, spec in tables.items():
        for col, _, _ in spec.get("foreign_keys", []):
            if (t, (col,)) not in have:
                out.append((f"idx_{t}_{col}", t, [col], False))
    return out


def _normal(sql: str | None) -> str:
    return " ".join((sql or "").replace("IF NOT EXISTS ", "").split()).rstrip(";")


def problems(conn: sqlite3.Connection, tables: dict[str, dict], fts: dict[str, list[str]],
             indexes: list[tuple[str, list[str], bool]]) -> list[Step]:
    """What the database lacks of the schema, each with the statements that add it, in the order to run them."""
    master = {name: (type_, sql) for type_, name, sql in conn.execute("SELECT type, name, sql FROM sqlite_master")}
    steps: list[Step] = []
    for name, spec in tables.items():
        if name not in master:
            steps.append(Step(f"table {name} is missing", [create_table_sql(name, spec)]))
            continue
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({q(name)})")}
        for column, type_ in spec["columns"].items():
            if column not in have:
                steps.append(Step(f"column {name}.{column} is missing",
                                  [f"ALTER TABLE {q(name)} ADD COLUMN {q(column)} {_TYPES[type_]}"]))
    for table, columns in fts.items():
        name = f"{table}_fts"
        want = trigger_sql(table, columns)
        if name not in master or _normal(master[name][1]) != _normal(fts_sql(table, columns)):
            what = "is missing" if name not in master else f"does not index {', '.join(columns)}"
            sql = [f"DROP TABLE IF EXISTS {q(name)}"] + [f"DROP TRIGGER IF EXISTS {q(t)}" for t in want]
            steps.append(Step(f"full-text table {name} {what}",
                              sql + [fts_sql(table, columns), *want.values()], rebuild=table))
            continue
        for trigger, sql in want.items():
            if trigger not in master:
                # rows written without it were never indexed: the index is rebuilt too
                steps.append(Step(f"trigger {trigger} is missing", [sql], rebuild=table))
            elif _normal(master[trigger][1]) == _normal(trigger_sql(table, columns, every_update=True)[trigger]) \
                    and trigger.endswith("_au"):
                # the update trigger of before, firing on every update: it kept the index whole, none to rebuild
                steps.append(Step(f"trigger {trigger} fires on every update", [f"DROP TRIGGER {q(trigger)}", sql]))
            elif _normal(master[trigger][1]) != _normal(sql):
                steps.append(Step(f"trigger {trigger} does not match the schema",
                                  [f"DROP TRIGGER {q(trigger)}", sql], rebuild=table))
    for name, table, columns, unique in all_indexes(tables, indexes):
        if name not in master and not _has_index(conn, table, columns, unique, master):
            steps.append(Step(f"index {name} is missing",
                              [f"CREATE {'UNIQUE ' if unique else ''}INDEX {q(name)}\n"
                               f"    ON {q(table)} ({', '.join(map(q, columns))})"]))
    return steps


def _has_index(conn, table: str, columns: list[str], unique: bool, master: dict) -> bool:
    """An index of another name on the same columns counts (sqlite-utils names clashes idx_..._2)."""
    if table not in master:
        return False
    for row in conn.execute(f"PRAGMA index_list({q(table)})"):
        cols = [r[2] for r in conn.execute(f"PRAGMA index_info({q(row[1])})")]
        if cols == columns and bool(row[2]) >= unique:
            return True
    return False


def version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def apply(conn: sqlite3.Connection, steps: list[Step]) -> None:
    """Run the steps (inside the caller's transaction), then fill the full-text tables they (re)made."""
    for step in steps:
        for sql in step.sql:
            conn.execute(sql)
    for table in dict.fromkeys(s.rebuild for s in steps if s.rebuild):
        conn.execute(f"INSERT INTO {q(table + '_fts')}({q(table + '_fts')}) VALUES('rebuild')")


def ensure(conn: sqlite3.Connection, tables: dict[str, dict], fts: dict[str, list[str]],
           indexes: list[tuple[str, list[str], bool]], begin=None) -> list[Step]:
    """Make the database match the schema, in one transaction; returns what was done (nothing: no write).

    ``begin`` opens the write transaction (default ``BEGIN IMMEDIATE``; the store passes one that waits
    for another writer). What is missing is looked for again inside it: another process may have just
    made it.
    """
    if not problems(conn, tables, fts, indexes) and version(conn) >= VERSION:
        return []
    (begin or (lambda: conn.execute("BEGIN IMMEDIATE")))()
    try:
        steps = problems(conn, tables, fts, indexes)
        apply(conn, steps)
        old = version(conn)
        for v in range(old + 1, VERSION + 1):
            for sql in MIGRATIONS.get(v, []):
                sql(conn) if callable(sql) else conn.execute(sql)
        if old < VERSION:
            conn.execute(f"PRAGMA user_version = {VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return steps
