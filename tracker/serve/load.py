"""A bounded local load on a served tracker database: every kind of page, timed.

``python -m tracker.serve.load http://127.0.0.1:8001 DB --clients 20 --requests 2000``
asks for the home, database, table, row (article, speaker, quote, claim,
sentence) and canned-query pages in turn, ``clients`` at a time, and prints the
p50 and p95 time of each kind of page and of all of them. Only loopback
addresses are accepted.
"""
from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import time
from pathlib import Path
from urllib.parse import urlparse


def paths(db_file: str) -> list[tuple[str, str]]:
    conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    name = Path(db_file).stem
    top_speaker = one("select speaker_id from quotes where speaker_id is not null group by 1 order by count(*) desc limit 1")
    unit = one("select unit from claims where unit is not null group by 1 order by count(*) desc limit 1")
    ids = {t: [r[0] for r in conn.execute(f"select id from {t} order by random() limit 20")]
           for t in ("articles", "speakers", "quotes", "claims", "sentences")}
    out = [("home", "/"), ("database", f"/{name}")]
    out += [(f"table {t}", f"/{name}/{t}") for t in ("articles", "quotes", "claims", "speakers", "sentences")]
    out += [(f"row {t}", f"/{name}/{t}/{i}") for t, xs in ids.items() for i in xs[:4]]
    out += [("speaker (top)", f"/{name}/speakers/{top_speaker}")]
    out += [(f"query {q.split()[0]}", f"/{name}/{q.split()[0]}{a}") for q, a in (
        ("search", "?q=minister"), ("search_quotes", "?q=growth"), ("search_claims", "?q=million"),
        ("figures_about", "?q=unemployment"), ("quotes_by_speaker", "?name=Blair"), ("most_quoted", ""),
        ("checkworthy_sentences", ""), ("questionable_figures", ""), ("unresolved_speakers", ""),
        ("claims_by_unit", f"?unit={unit}"), ("claims_by_speaker", "?name=Brown"),
        ("speaker_quotes", f"?speaker={top_speaker}"), ("claims_by_unit page 3", f"?unit={unit}&page=3"))]
    return out


async def run(base: str, targets: list[tuple[str, str]], clients: int, requests: int) -> dict[str, list[float]]:
    import httpx

    times: dict[str, list[float]] = {}
    errors = []
    queue = [targets[i % len(targets)] for i in range(requests)]

    async def worker(client):
        while queue:
            kind, path = queue.pop()
            start = time.perf_counter()
            r = await client.get(base + path)
            times.setdefault(kind, []).append(time.perf_counter() - start)
            if r.status_code != 200:
                errors.append((r.status_code, path))
    async with httpx.AsyncClient(timeout=60) as client:
        await asyncio.gather(*(worker(client) for _ in range(clients)))
    if errors:
        print(f"{len(errors)} errors, e.g. {errors[:3]}")
    return times


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))] * 1000


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base")
    ap.add_argument("db")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=2000)
    args = ap.parse_args(argv)
    if urlparse(args.base).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("loopback addresses only")
    targets = paths(args.db)
    asyncio.run(run(args.base, targets, 1, len(targets)))          # warm
    times = asyncio.run(run(args.base, targets, args.clients, args.requests))
    print(f"{'page':32} {'n':>5} {'p50 ms':>8} {'p95 ms':>8}")
    for kind, xs in sorted(times.items(), key=lambda kv: -pct(kv[1], 0.95)):
        print(f"{kind:32} {len(xs):5} {pct(xs, .5):8.0f} {pct(xs, .95):8.0f}")
    every = [x for xs in times.values() for x in xs]
    print(f"{'all':32} {len(every):5} {pct(every, .5):8.0f} {pct(every, .95):8.0f}  mean {statistics.mean(every)*1000:.0f}")


if __name__ == "__main__":
    main()
