"""Are two tracker databases the same output? For refactors that must change nothing.

    python scripts/diffdb.py A.db B.db [--show 10]

Rows are compared by what they say, not by their ids (which depend on the order
articles were ingested in): an article by its text's hash, a sentence by its
article and index, a speaker by its cross-article key, a quote or claim by its
article and every column, with the ids it links to replaced by those keys.
Prints, per table, the rows only in A, only in B, and exits 1 if any differ.

    python scripts/same_output.py --base main     # builds both databases and runs this
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
from collections import Counter

IGNORED = {"id", "ingested_at", "article_id", "sentence_id", "speaker_id", "quote_id", "group_id",
           "duplicate_of", "duplicate_similarity", "confidence_rank"}


def _rows(db: sqlite3.Connection, table: str) -> list[dict]:
    cur = db.execute(f"select * from [{table}]")
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur]


def _tables(db: sqlite3.Connection) -> set[str]:
    return {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}


def signatures(path: str, tables: list[str] | None = None) -> dict[str, Counter]:
    """Each table as a multiset of rows, ids replaced by the content keys of what they point at."""
    db = sqlite3.connect(path)
    have = _tables(db)
    articles = {r["id"]: r["content_hash"] for r in _rows(db, "articles")}
    speakers = {r["id"]: r.get("key") or r["name"] for r in _rows(db, "speakers")} if "speakers" in have else {}
    sentences = {r["id"]: (articles.get(r["article_id"]), r["idx"]) for r in _rows(db, "sentences")}
    quotes = {}
    if "quotes" in have:
        quotes = {r["id"]: (articles.get(r["article_id"]), r["start"], r["end"], r["kind"])
                  for r in _rows(db, "quotes")}
    links = {"article_id": articles, "sentence_id": sentences, "speaker_id": speakers, "quote_id": quotes}
    out = {}
    for table in tables or ["articles", "sentences", "speakers", "quotes", "claims"]:
        if table not in have:
            continue
        sig = Counter()
        for r in _rows(db, table):
            # (a null counts as absent: a column the schema added since, still empty, is no difference)
            row = tuple(sorted((k, v) for k, v in r.items() if k not in IGNORED and v is not None))
            row += tuple((k, links[k].get(r[k])) for k in sorted(links) if k in r)
            sig[row] += 1
        out[table] = sig
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--show", type=int, default=5, help="rows to print per table and side")
    ap.add_argument("--tables", nargs="*", help="only these tables")
    args = ap.parse_args(argv)
    a, b = signatures(args.a, args.tables), signatures(args.b, args.tables)
    changed = 0
    for table in sorted(set(a) | set(b)):
        only_a, only_b = a.get(table, Counter()) - b.get(table, Counter()), b.get(table, Counter()) - a.get(table, Counter())
        n_a, n_b = sum(only_a.values()), sum(only_b.values())
        total = sum(a.get(table, Counter()).values())
        print(f"{table}: {total} rows in A; {n_a} only in A, {n_b} only in B")
        changed += n_a + n_b
        for label, side in (("A", only_a), ("B", only_b)):
            for row in list(side)[: args.show]:
                print(f"  only in {label}: {dict(row)}")
    print("same output" if not changed else f"{changed} rows differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
