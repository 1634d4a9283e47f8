"""A bounded local load on a served tracker database: every kind of page, timed.

``python -m tracker.serve.load http://127.0.0.1:8001 DB --clients 20 --requests 2000``
asks for the home, database, table, row (article, speaker, quote, claim,
sentence) and canned-query pages in turn, ``clients`` at a time, and prints the
p50, p95 and longest time of each kind of page and of all of them, and how
many answered with anything but 200. ``--pid`` (the server's process id) adds
the server's CPU time per request, which other work on a shared machine
disturbs less than wall time. Only loopback addresses are accepted.
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
    errors: list[tuple[int | str, str]] = []
    queue = [targets[i % len(targets)] for i in range(requests)]

    async def worker(client):
        while queue:
            kind, path = queue.pop()
            start = time.perf_counter()
            try:
                status = (await client.get(base + path)).status_code
            except httpx.HTTPError as e:        # a timeout (60 s) or a dropped connection: an error, timed
                status = type(e).__name__
            times.setdefault(kind, []).append(time.perf_counter() - start)
            if status != 200:
                errors.append((status, path))
    async with httpx.AsyncClient(timeout=60) as client:
        await asyncio.gather(*(worker(client) for _ in range(clients)))
    print(f"{len(errors)} errors" + (f", e.g. {errors[:3]}" if errors else ""))
    return times


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))] * 1000


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and all its threads, from /proc."""
    import os

    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base")
    ap.add_argument("db")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--pid", type=int, help="the server's process id: report its CPU time per request")
    args = ap.parse_args(argv)
    if urlparse(args.base).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("loopback addresses only")
    targets = paths(args.db)
    asyncio.run(run(args.base, targets, 1, len(targets)))          # warm
    cpu = cpu_seconds(args.pid) if args.pid else None
    start = time.perf_counter()
    times = asyncio.run(run(args.base, targets, args.clients, args.requests))
    wall = time.perf_counter() - start
    print(f"{'page':32} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind, xs in sorted(times.items(), key=lambda kv: -pct(kv[1], 0.95)):
        print(f"{kind:32} {len(xs):5} {pct(xs, .5):8.0f} {pct(xs, .95):8.0f} {max(xs) * 1000:8.0f}")
    every = [x for xs in times.values() for x in xs]
    print(f"{'all':32} {len(every):5} {pct(every, .5):8.0f} {pct(every, .95):8.0f} {max(every) * 1000:8.0f}"
          f"  mean {statistics.mean(every)*1000:.0f}, {len(every) / wall:.0f} requests/s")
    if cpu is not None:
        print(f"server CPU: {(cpu_seconds(args.pid) - cpu) / len(every) * 1000:.1f} ms per request")


if __name__ == "__main__":
    main()
