"""The archive-size benchmark: ingest N synthetic articles, then time every Datasette page at that size.

    python -m tracker.bench_scale --shared ../shared --size 10k [--jobs 1] [--work DIR] [--json FILE]

1. makes N distinct articles from ../shared/corpus/bbc (``tracker.bench_corpus``, JSON Lines shards);
2. runs ``tracker ingest`` on them in a process of its own, as a user does, and reports wall and CPU time,
   articles/s, articles per CPU-second against bare nltk Punkt's over the same articles in this run (a
   ratio: the machine is shared), the peak resident memory of the ingest process (``wait4``'s
   ``ru_maxrss``: the largest of the ingest and its workers) and its resident memory as the articles came
   in (sampled from /proc), the database's size per article and its rows;
3. times every page in Datasette's own test client, in this process (server time, no network): home,
   database, each table with its facets (and which facets timed out), each facet's query alone, full-text
   search on each table, a row page of each kind (the most quoted speaker's among them), every canned
   query. Each page once cold, then the median of three warm.

``--pages DB`` times the pages of a database already made; ``--replicate DB --times 10 --out BIG`` first
makes BIG, a replica of DB ten times as large for page timing (``replicate``: rows copied in SQL with new
ids, not an ingest), then times its pages.

``--work DIR`` keeps the corpus and the database there and reuses a corpus already made with the same size
and seed; by default both go to a temporary folder, deleted afterwards.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from . import bench_corpus

TABLES = ("articles", "sentences", "speakers", "quotes", "claims")


def make_corpus(shared: Path, n: int, seed: int, folder: Path) -> tuple[float, bool]:
    """The synthetic corpus in ``folder`` (made unless a complete one is there); (seconds, made)."""
    done = folder / ".complete"
    if done.is_file() and done.read_text() == f"{n} {seed}":
        return 0.0, False
    shutil.rmtree(folder, ignore_errors=True)
    t0 = time.perf_counter()
    bench_corpus.write(bench_corpus.Generator(bench_corpus.Source(shared / "corpus" / "bbc"), seed), n, str(folder),
                       jobs=os.cpu_count() or 1)
    done.write_text(f"{n} {seed}")
    return time.perf_counter() - t0, True


def _rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def ingest(corpus: Path, db: Path, jobs: int) -> dict:
    """``tracker ingest`` in a child process: time, CPU, peak memory, and memory as the articles come in."""
    samples: list[tuple[float, int, float]] = []        # (seconds, articles stored, RSS MB of the ingest)
    log = db.with_suffix(".log")
    curve = open(db.with_suffix(".rss"), "w")           # the samples as they come: a stopped run keeps them
    t0 = time.perf_counter()
    with open(log, "w") as err:
        p = subprocess.Popen([sys.executable, "-m", "tracker.cli", "ingest", str(corpus), "--db", str(db), "-q",
                              "--jobs", str(jobs)], stderr=err, stdout=subprocess.DEVNULL)
    stop = threading.Event()

    def sample() -> None:
        conn = None
        while not stop.wait(1.0):
            rss = _rss_mb(p.pid)
            if rss is None:
                break
            try:
                if conn is None and db.exists():
                    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
                stored = conn.execute("select max(id) from articles").fetchone()[0] or 0 if conn else 0
            except sqlite3.Error:
                stored = samples[-1][1] if samples else 0
            samples.append((time.perf_counter() - t0, stored, rss))
            curve.write("%.0f %d %.1f\n" % samples[-1])
            curve.flush()
        if conn is not None:
            conn.close()
        curve.close()

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    watcher.join()
    lines = log.read_text(errors="replace").strip().splitlines()
    return dict(wall_s=wall, cpu_s=usage.ru_utime + usage.ru_stime, peak_rss_mb=usage.ru_maxrss / 1024,
                exit=p.returncode, summary=lines[-1] if lines else "", samples=samples)


def punkt_rate(corpus: Path, limit: int = 2000) -> float:
    """Articles per CPU-second of bare nltk Punkt (default parameters) on the first ``limit`` articles."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    texts = []
    for f in sorted(corpus.glob("*.jsonl")):
        with open(f, encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh)
        if len(texts) >= limit:
            break
    texts = texts[:limit]
    tok = PunktSentenceTokenizer()
    tok.tokenize(texts[0])
    c0 = time.process_time()
    for t in texts:
        tok.tokenize(t)
    return len(texts) / (time.process_time() - c0)


def database_figures(db: Path) -> dict:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = {t: conn.execute(f"select count(*) from [{t}]").fetchone()[0] for t in TABLES}
    conn.close()
    size = sum(os.path.getsize(p) for p in (db, Path(f"{db}-wal")) if p.exists())
    return dict(rows=rows, bytes=size)


def _facet_sql(table: str, column: str, size: int = 30) -> str:
    """The query Datasette's column facet runs on an unfiltered table page."""
    return (f"select [{column}] as value, count(*) as count from (select * from [{table}]) "
            f"where [{column}] is not null group by [{column}] order by count desc, value limit {size + 1}")


def _ms(f, repeat: int = 3) -> tuple[float, float, object]:
    """(cold ms, median warm ms, last result) of ``f()``."""
    t0 = time.perf_counter()
    out = f()
    cold = (time.perf_counter() - t0) * 1000
    warm = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = f()
        warm.append((time.perf_counter() - t0) * 1000)
    return cold, statistics.median(warm), out


def pages(db: Path) -> list[tuple[str, str]]:
    """(what, path) of every page to time, with parameters read from the database."""
    from .serve.meta import METADATA_DB, metadata
    from .serve.columns import Columns
    from .serve.queries import QUESTIONS
    from .serve.query_parts import parameters

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    one = lambda sql: (conn.execute(sql).fetchone() or [None])[0]  # noqa: E731
    name = db.stem
    top = one("select speaker_id from quotes where speaker_id is not null group by 1 order by count(*) desc limit 1")
    top_name = one(f"select name from speakers where id = {int(top or 0)}") or "Smith"
    unit = one("select unit from claims where unit is not null group by 1 order by count(*) desc limit 1") or "GBP"
    outlet = one("select outlet from articles where outlet is not null limit 1") or ""
    values = dict(q="minister", name=top_name.split()[-1], speaker=top or 1, unit=unit, outlet=outlet,
                  **{"from": "2006-01-01", "to": "2012-12-31"})
    tables = metadata()["databases"][METADATA_DB]["tables"]
    out = [("home", "/"), ("database", f"/{name}")]
    for t in TABLES:
        out.append((f"table {t}", f"/{name}/{t}"))
        out.append((f"table {t}, no facets", f"/{name}/{t}?_nofacet=1"))
        out.append((f"search {t}", f"/{name}/{t}?_search=minister"))
    # the pages a facet links to: one value of a facet column (the commonest, or the most quoted speaker)
    kind = one("select kind from quotes group by 1 order by count(*) desc limit 1") or "direct"
    out += [("table quotes, kind facet", f"/{name}/quotes?{urlencode(dict(kind=kind))}"),
            ("table quotes, speaker facet", f"/{name}/quotes?speaker_id={top}"),
            ("table claims, unit facet", f"/{name}/claims?{urlencode(dict(unit=unit))}"),
            ("table sentences, boilerplate facet", f"/{name}/sentences?boilerplate=0")]
    for t in TABLES:
        middle = one(f"select max(id) / 2 from [{t}]")
        out.append((f"row {t}", f"/{name}/{t}/{middle}"))
    out.append(("row speakers (most quoted)", f"/{name}/speakers/{top}"))
    for q in QUESTIONS:
        params = parameters(q.build(Columns()))
        query = "?" + urlencode({p: values.get(p, "") for p in params}) if params else ""
        out.append((f"query {q.name}", f"/{name}/{q.name}{query}"))
    conn.close()
    return out + [(f"facet {t}.{c} (raw SQL)", f"sql:{_facet_sql(t, c)}")
                  for t in TABLES for c in tables.get(t, {}).get("facets", [])]


def time_pages(db: Path, raw: bool = True) -> list[dict]:
    """Every page of ``pages`` in Datasette's test client (server time, warm and cold); facet queries in
    SQLite directly."""
    import asyncio

    from datasette.utils.testing import TestClient

    from .serve import make_datasette, responses
    from .serve.meta import METADATA_DB, metadata

    # each page made by Datasette every time, not the copy the server keeps of a page asked again
    responses.PAGES = 0

    facets = metadata()["databases"][METADATA_DB]["tables"]
    ds = make_datasette(str(db))
    asyncio.run(ds.invoke_startup())
    client = TestClient(ds)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    results = []
    for what, path in pages(db):
        if path.startswith("sql:") and not raw:
            continue
        if path.startswith("sql:"):
            cold, warm, _ = _ms(lambda: conn.execute(path[4:]).fetchall())
            results.append(dict(page=what, path=path[4:], status=200, cold_ms=cold, warm_ms=warm))
            continue
        cold, warm, r = _ms(lambda: client.get(path))
        row = dict(page=what, path=path, status=r.status, cold_ms=cold, warm_ms=warm)
        if what.startswith("table ") and "?" not in path:
            # a facet over facet_time_limit_ms is left off the page without a word: missing from the JSON
            table = what.split()[1]
            shown = client.get(f"{path}.json").json.get("facet_results", {})
            row["facets_timed_out"] = [c for c in facets.get(table, {}).get("facets", []) if c not in shown]
        results.append(row)
    conn.close()
    return results


# --- a replica for page timing ----------------------------------------------------------------------------------

# what each replicated table's id columns point at (a column not named here is copied as it is: speakers,
# claim groups and units stay shared, so a speaker of the source is quoted ``times`` as often in the replica)
REPLICATED = {
    "articles": {"id": "articles", "duplicate_of": "articles"},
    "sentences": {"id": "sentences", "article_id": "articles"},
    "quotes": {"id": "quotes", "article_id": "articles", "sentence_id": "sentences"},
    "claims": {"id": "claims", "article_id": "articles", "sentence_id": "sentences", "quote_id": "quotes",
               "repeats": "claims"},
}
# not copied: article_bands (an ingest's near-duplicate keys, about 40 rows an article: the largest table of a
# million articles, and no page reads it), speakers, claim groups, corrections, speaker pairs, ingest errors
# unique columns of a copy made distinct with the copy's number
DISTINCT = {"articles": ("content_hash", "source", "url")}


def replicate(source: Path, out: Path, times: int, log=print, fts: set[str] | None = None) -> dict:
    """A database ``times`` as large as ``source`` for timing pages, **not an ingest**: ``source`` copied, then
    its articles, sentences, quotes and claims added again ``times - 1`` times in SQL with new ids
    (every id column shifted by the copy's number times the table's highest id; hashes, sources and URLs of a
    copy suffixed ``#k``). Speakers, claim groups, corrections and speaker pairs stay as they are: a speaker of
    the source is quoted ``times`` as often (claim groups' counts are multiplied to match). Indexes and
    triggers are dropped while the rows go in and made again after; the full-text indexes are rebuilt and the
    served pages' summary (``tracker.serve.summary``) counted again, as the end of an ingest does.

    Building a million-article database by ingest takes hours on a shared 2-core machine; this takes minutes
    and gives the pages the row counts, value distributions and index shapes a larger archive has (its
    text repeats, so full-text hits and facet values are ``times`` as many of the same). ``fts``: the tables
    whose full-text indexes are rebuilt (default all; another's keeps the source's rows only, and a search of
    it finds those: at a million articles, rebuilding the articles' and the sentences' took most of an hour
    here)."""
    from .serve import summary

    t0 = time.perf_counter()
    for p in (out, Path(f"{out}-wal"), Path(f"{out}-shm")):
        if p.exists():
            p.unlink()
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    src.execute(f"vacuum into '{out}'")          # one consistent copy, without the source's write-ahead log
    src.close()
    conn = sqlite3.connect(out, isolation_level=None)
    conn.execute("pragma journal_mode = off")
    conn.execute("pragma synchronous = off")
    conn.execute("pragma cache_size = -400000")
    conn.execute("pragma temp_store = memory")
    conn.execute("pragma threads = 4")                  # sorter threads for CREATE INDEX
    schema = conn.execute("select type, name, sql from sqlite_master where type in ('index', 'trigger') "
                          "and sql is not null").fetchall()
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    conn.execute("begin")
    for kind, name, _ in schema:
        conn.execute(f"drop {kind} [{name}]")
    top = {t: conn.execute(f"select coalesce(max(id), 0) from [{t}]").fetchone()[0] for t in REPLICATED
           if t in tables}
    for table, refs in REPLICATED.items():
        if table not in tables:
            continue
        cols = [r[1] for r in conn.execute(f"pragma table_info([{table}])")]
        for k in range(1, times):
            exprs = []
            for c in cols:
                if c in refs and refs[c] in top:
                    exprs.append(f"[{c}] + {k * top[refs[c]]}")
                elif c in DISTINCT.get(table, ()):
                    exprs.append(f"[{c}] || '#{k}'")
                else:
                    exprs.append(f"[{c}]")
            conn.execute(f"insert into [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
                         f"select {', '.join(exprs)} from [{table}] where id <= {top[table]}")
        log(f"replica: {table} x{times} ({time.perf_counter() - t0:.0f} s)")
    if "claim_groups" in tables:
        conn.execute(f"update claim_groups set claims = claims * {times}, articles = articles * {times}")
    conn.execute("commit")
    for kind, name, sql in schema:
        if kind == "index":
            conn.execute(sql)
    log(f"replica: indexes made ({time.perf_counter() - t0:.0f} s)")
    for (name,) in conn.execute("select name from sqlite_master where type = 'table' and sql like '%using fts%'"
                                ).fetchall():
        if fts is not None and name.removesuffix("_fts") not in fts:
            continue
        conn.execute(f"insert into [{name}] ([{name}]) values ('rebuild')")
        log(f"replica: {name} rebuilt ({time.perf_counter() - t0:.0f} s)")
    for kind, name, sql in schema:
        if kind == "trigger":
            conn.execute(sql)
    conn.execute("begin")
    summary.refresh_in(conn)
    conn.execute("commit")
    conn.execute("pragma journal_mode = wal")          # as an ingest leaves it
    conn.close()
    figures = database_figures(out)
    log(f"replica: {out} in {time.perf_counter() - t0:.0f} s: {figures['bytes'] / 1e9:.2f} GB; rows: "
        + ", ".join(f"{t} {c:,}" for t, c in figures["rows"].items()))
    return figures


def print_pages(label: str, results: list[dict]) -> None:
    print(f"scale {label}: server time of each page (Datasette test client; median of 3 warm, first cold):")
    print(f"  {'page':44} {'status':>6} {'warm ms':>8} {'cold ms':>8}")
    for r in results:
        extra = f"  facets timed out: {', '.join(r['facets_timed_out'])}" if r.get("facets_timed_out") else ""
        print(f"  {r['page']:44} {r['status']:6} {r['warm_ms']:8.0f} {r['cold_ms']:8.0f}{extra}")
    # a facet's raw SQL is what Datasette would run for it: the pages read the summary instead while it is fresh
    raw = [r for r in results if r["page"].endswith("(raw SQL)")]
    results = [r for r in results if r not in raw]
    slow = [r for r in results if r["warm_ms"] >= 200 or r["status"] != 200]
    print(f"scale {label}: {len(results) - len(slow)} of {len(results)} pages answer 200 under 200 ms warm; "
          f"over or failing: {', '.join(r['page'] for r in slow) or 'none'}; facets' raw SQL, which the pages "
          f"do not run while the summary is fresh: {sum(r['warm_ms'] < 200 for r in raw)} of {len(raw)} under 200 ms",
          flush=True)
    top = sorted(results, key=lambda r: -r["warm_ms"])[:10]
    print(f"scale {label}: slowest ten warm: " + ", ".join(f"{r['page']} {r['warm_ms']:.0f}" for r in top), flush=True)


def run(shared: Path, n: int, seed: int = 0, jobs: int = 1, work: Path | None = None,
        json_out: Path | None = None) -> dict:
    tmp = None
    if work is None:
        tmp = tempfile.TemporaryDirectory()
        work = Path(tmp.name)
    work.mkdir(parents=True, exist_ok=True)
    label = f"{n:,}"
    try:
        corpus = work / f"corpus-{n}-s{seed}"
        gen_s, made = make_corpus(shared, n, seed, corpus)
        corpus_mb = sum(f.stat().st_size for f in corpus.glob("*.jsonl")) / 1e6
        print(f"scale {label}: corpus {corpus_mb:.0f} MB of JSON Lines, "
              + (f"made in {gen_s:.0f} s ({n / gen_s:.0f} articles/s)" if made else "reused"), flush=True)
        db = work / f"scale-{n}.db"
        for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            if p.exists():
                p.unlink()
        ing = ingest(corpus, db, jobs)
        punkt = punkt_rate(corpus)
        figures = database_figures(db)
        rate, per_cpu = n / ing["wall_s"], n / ing["cpu_s"]
        print(f"scale {label}: ingest --jobs {jobs}: {ing['wall_s']:.0f} s wall, {ing['cpu_s']:.0f} s CPU, "
              f"{rate:.0f} articles/s, {per_cpu:.0f} articles per CPU-second = {per_cpu / punkt:.2f}x bare Punkt "
              f"({punkt:.0f}/CPU-s, same articles, this run); exit {ing['exit']}: {ing['summary']}", flush=True)
        samples = ing["samples"]
        curve = []
        for frac in (0.1, 0.25, 0.5, 0.75, 1.0):
            s = next((s for s in samples if s[1] >= frac * n), samples[-1] if samples else None)
            if s:
                curve.append(f"{s[2]:.0f} MB at {s[1]:,}")
        print(f"scale {label}: peak RSS {ing['peak_rss_mb']:.0f} MB (the ingest process or a worker, wait4); "
              f"RSS as the articles came in: {', '.join(curve) or 'not sampled'}", flush=True)
        rows = figures["rows"]
        print(f"scale {label}: database {figures['bytes'] / 1e9:.2f} GB, {figures['bytes'] / max(rows['articles'], 1) / 1e3:.1f}"
              f" kB per article; rows: " + ", ".join(f"{t} {c:,}" for t, c in rows.items()), flush=True)
        results = time_pages(db)
        print_pages(label, results)
        out = dict(size=n, seed=seed, jobs=jobs, generate_s=gen_s if made else None, corpus_mb=corpus_mb,
                   ingest={k: v for k, v in ing.items()}, punkt_per_cpu_s=punkt, database=figures, pages=results)
        if json_out:
            json_out.write_text(json.dumps(out, indent=1))
        return out
    finally:
        if tmp is not None:
            tmp.cleanup()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--size", type=bench_corpus.size, default=bench_corpus.size("10k"), help="10k, 100k, 1M, ...")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=1, help="tracker ingest --jobs")
    ap.add_argument("--work", type=Path, help="keep the corpus and database here (a corpus there is reused)")
    ap.add_argument("--json", type=Path, help="write the figures here as JSON")
    ap.add_argument("--pages", type=Path, metavar="DB", help="only time the pages of this database (no ingest)")
    ap.add_argument("--replicate", type=Path, metavar="DB", help="make a replica of this database --times as "
                    "large for page timing (not an ingest: replicate()) at --out, then time its pages")
    ap.add_argument("--times", type=int, default=10)
    ap.add_argument("--no-raw", action="store_true", help="with --pages or --replicate: leave out the facets' raw "
                    "SQL (what Datasette would run; a group by over every row)")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--fts", help="with --replicate: the tables whose full-text indexes are rebuilt, "
                    "comma-separated (default all)")
    a = ap.parse_args(argv)
    if a.replicate or a.pages:
        db = a.pages
        if a.replicate:
            db = a.out or a.replicate.with_name(f"{a.replicate.stem}-x{a.times}.db")
            replicate(a.replicate, db, a.times, fts=set(a.fts.split(",")) if a.fts else None)
        rows = database_figures(db)["rows"]["articles"]
        results = time_pages(db, raw=not a.no_raw)
        print_pages(f"{rows:,} articles ({db.name})", results)
        if a.json:
            a.json.write_text(json.dumps(dict(database=str(db), articles=rows, pages=results), indent=1))
        return
    if not (a.shared / "corpus" / "bbc").is_dir():
        print("scale: no corpus at", a.shared / "corpus" / "bbc")
        return
    run(a.shared, a.size, a.seed, a.jobs, a.work, a.json)


if __name__ == "__main__":
    main()
