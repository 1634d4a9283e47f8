"""A bounded local load on a served tracker database: every kind of page, timed.

``python -m tracker.serve.load http://127.0.0.1:8001 DB --clients 20 --requests 2000``
asks for the home, database, table, row (article, speaker, quote, claim,
sentence) and canned-query pages in turn, ``clients`` at a time, and prints the
p50, p95 and longest time of each kind of page and of all of them, and how
many answered with anything but 200. ``--alone N`` first asks for each page N
times with nothing else asked at once: the server's time for it. ``--vs URL``
compares with another server of the same database, asked in turn (side by side). ``--pid`` (the server's process id) adds
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


# sample arguments of the questions' parameters (a question with others is asked with these)
ARGUMENTS = {"q": "minister", "name": "Blair", "outlet": "", "from": "", "to": ""}


def paths(db_file: str) -> list[tuple[str, str]]:
    """Every kind of page: home, database, each table, each kind of row, the top speaker's page (filtered and
    paged too), every question (and a later page of one), each feed, a CSV export and search."""
    from .queries import QUESTIONS
    from .query_parts import parameters
    from .summary import _columns

    conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    name = Path(db_file).stem
    top_speaker = one("select speaker_id from quotes where speaker_id is not null group by 1 order by count(*) desc limit 1")
    unit = one("select unit from claims where unit is not null group by 1 order by count(*) desc limit 1")
    ids = {t: [r[0] for r in conn.execute(f"select id from {t} order by random() limit 20")]
           for t in ("articles", "speakers", "quotes", "claims", "sentences")}
    out = [("home", "/"), ("database", f"/{name}")]
    out += [(f"table {t}", f"/{name}/{t}") for t in ("articles", "quotes", "claims", "speakers", "sentences")]
    out += [("table quotes faceted", f"/{name}/quotes?kind=direct"), ("table search", f"/{name}/quotes?_search=growth")]
    out += [(f"row {t}", f"/{name}/{t}/{i}") for t, xs in ids.items() for i in xs[:4]]
    out += [("speaker (top)", f"/{name}/speakers/{top_speaker}"),
            ("speaker (top) filtered", f"/{name}/speakers/{top_speaker}?q=the&from=2004&page=2")]
    args = dict(ARGUMENTS, speaker=top_speaker, unit=unit)
    cols = _columns(conn)
    for q in QUESTIONS:
        given = "&".join(f"{p}={args[p]}" for p in sorted(parameters(q.build(cols))))
        ext = ".atom" if q.name.endswith("_feed") else ""
        out.append((f"query {q.name}", f"/{name}/{q.name}{ext}" + (f"?{given}" if given else "")))
    out += [("query claims_by_unit page 3", f"/{name}/claims_by_unit?unit={unit}&page=3"),
            ("query speaker_quotes csv", f"/{name}/speaker_quotes.csv?speaker={top_speaker}&q=&outlet=&from=&to="
                                         "&size=1000")]
    return out


async def run(base: str, targets: list[tuple[str, str]], clients: int, requests: int,
              pid: int | None = None) -> dict[str, list[float]]:
    """Time ``requests`` requests for ``targets`` in turn, ``clients`` at a time; with one client and the
    server's ``pid``, each request's server CPU time too (in ``times["cpu " + kind]``)."""
    import httpx

    times: dict[str, list[float]] = {}
    errors: list[tuple[int | str, str]] = []
    queue = [targets[i % len(targets)] for i in range(requests)]

    async def worker(client):
        while queue:
            kind, path = queue.pop()
            start, cpu = time.perf_counter(), cpu_seconds(pid) if pid else 0.0
            try:
                status = (await client.get(base + path)).status_code
            except httpx.HTTPError as e:        # a timeout (60 s) or a dropped connection: an error, timed
                status = type(e).__name__
            times.setdefault(kind, []).append(time.perf_counter() - start)
            if pid:
                times.setdefault("cpu " + kind, []).append(cpu_seconds(pid) - cpu)
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


async def alone(servers: list[tuple[str, int | None]], targets: list[tuple[str, str]], n: int) -> list[dict]:
    """Each page ``n`` times, one request at a time, asked of each server in turn (side by side: the
    machine's load changes alike for all): per server, the times of each kind of page and, with a pid, its
    server CPU time (``"cpu " + kind``)."""
    import httpx

    times: list[dict[str, list[float]]] = [{} for _ in servers]
    async with httpx.AsyncClient(timeout=60) as client:
        for _ in range(n):
            for kind, path in targets:
                for (url, pid), mine in zip(servers, times):
                    start, cpu = time.perf_counter(), cpu_seconds(pid) if pid else 0.0
                    await client.get(url + path)
                    mine.setdefault(kind, []).append(time.perf_counter() - start)
                    if pid:
                        mine.setdefault("cpu " + kind, []).append(cpu_seconds(pid) - cpu)
    return times


def _summary(times: dict[str, list[float]], wall: float, cpu: float | None, own: float) -> str:
    every = [x for k, xs in times.items() for x in xs]
    return (f"{'all':32} {len(every):5} {pct(every, .5):8.0f} {pct(every, .95):8.0f} {pct(every, .99):8.0f} "
            f"{max(every) * 1000:8.0f}"
            f"  mean {statistics.mean(every) * 1000:.0f}, {len(every) / wall:.0f} requests/s"
            + (f"; server CPU {cpu / len(every) * 1000:.1f} ms per request" if cpu is not None else "")
            + f", this client's {own / len(every) * 1000:.1f}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base")
    ap.add_argument("db")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--alone", type=int, default=0, metavar="N",
                    help="first ask for every page N times, one request at a time, and print each page's time")
    ap.add_argument("--pid", type=int, help="the server's process id: report its CPU time per request")
    ap.add_argument("--vs", metavar="URL", help="another server of the same database: asked in turn with the "
                    "first (--alone: request by request; the load: in --rounds alternate runs), times compared")
    ap.add_argument("--vs-pid", type=int, help="the other server's process id")
    ap.add_argument("--rounds", type=int, default=4, help="with --vs: alternate runs of the load on each server")
    args = ap.parse_args(argv)
    servers = [(args.base, args.pid)] + ([(args.vs, args.vs_pid)] if args.vs else [])
    if any(urlparse(url).hostname not in ("127.0.0.1", "localhost", "::1") for url, _ in servers):
        raise SystemExit("loopback addresses only")
    targets = paths(args.db)
    for url, _ in servers:
        asyncio.run(run(url, targets, 1, len(targets)))          # warm
    names = ["this", "vs"] if args.vs else ["this"]
    if args.alone:
        # each page alone, one at a time: the server's time for it (wall time with nothing else asked)
        got = asyncio.run(alone(servers, targets, args.alone))
        cpu = any(pid for _, pid in servers)
        print(f"{'page, alone':32} {'n':>5} " + " ".join(f"{n + ' p50':>9} {n + ' max':>9}" for n in names)
              + (f" {'this/vs':>8}" if args.vs else "")
              + ("  server CPU ms " + " / ".join(names) if cpu else ""))
        for kind, xs in sorted(((k, v) for k, v in got[0].items() if not k.startswith("cpu ")),
                               key=lambda kv: -pct(kv[1], 0.5)):
            print(f"{kind:32} {len(xs):5} " + " ".join(f"{pct(g[kind], .5):9.0f} {max(g[kind]) * 1000:9.0f}"
                                                       for g in got)
                  + (f" {pct(got[0][kind], .5) / max(pct(got[1][kind], .5), 1e-9):8.2f}" if args.vs else "")
                  + ("  " + " / ".join(f"{statistics.mean(g.get('cpu ' + kind, [0])) * 1000:.1f}" for g in got)
                     if cpu else ""))
    runs = [{} for _ in servers]
    totals = [[0.0, 0.0, 0.0] for _ in servers]        # wall, server CPU, this client's CPU
    rounds = args.rounds if args.vs else 1
    for _ in range(rounds):
        for (url, pid), mine, total in zip(servers, runs, totals):
            cpu, own, start = cpu_seconds(pid) if pid else 0.0, time.process_time(), time.perf_counter()
            for kind, xs in asyncio.run(run(url, targets, args.clients, args.requests // rounds)).items():
                mine.setdefault(kind, []).extend(xs)
            total[0] += time.perf_counter() - start
            total[1] += (cpu_seconds(pid) - cpu) if pid else 0.0
            total[2] += time.process_time() - own
    print(f"{'page':32} {'n':>5} " + " ".join(f"{n + ' p50':>9} {n + ' p95':>9}" for n in names))
    for kind, xs in sorted(runs[0].items(), key=lambda kv: -pct(kv[1], 0.95)):
        print(f"{kind:32} {len(xs):5} " + " ".join(f"{pct(r[kind], .5):9.0f} {pct(r[kind], .95):9.0f}" for r in runs))
    print(f"{'':32} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for name, mine, (wall, cpu, own), (_, pid) in zip(names, runs, totals, servers):
        print(name + ": " + _summary(mine, wall, cpu if pid else None, own))


if __name__ == "__main__":
    main()
