"""The extractor on a Dask cluster, its outputs in partitioned Parquet, and back.

    tracker extract-cluster PATH... --out DIR [--scheduler ADDR] [--workers N]
    tracker load DIR... --db tracker.db

``extract_cluster`` cuts the inputs (files and folders as ``tracker ingest``
reads them; a long JSON Lines file into blocks of lines; a Parquet manifest,
one article a row, into blocks of rows) into parts of about
``partition_size`` articles, in input order, and runs each part as one task
on a ``dask.distributed`` cluster (a ``LocalCluster`` of ``workers``
processes, or the scheduler at ``scheduler``). A task reads its inputs
itself, runs the same pure extractor as an ingest
(``tracker.pipeline.extract_safely``: an input that cannot be read, an
exception in a stage, an article over the time limit each become an error
record) and writes one Parquet file a table for its part::

    DIR/_run.json                       the plan (written first: a run stopped half way resumes from it)
    DIR/articles/part-00007.parquet     the article and where it came from (input, record) and its hash
    DIR/sentences/part-00007.parquet    one row a sentence, quote, claim, ...
    DIR/quotes/  DIR/claims/            ... links inside an article are positions in its lists, as in
    DIR/article_speakers/               ``Extraction`` (a quote's ``speaker`` is an ``item`` of article_speakers)
    DIR/errors/part-00007.parquet       inputs and articles that failed, as ``ReadError`` fields
    DIR/_done/part-00007.json           the part's summary, written last: a part without it is done again

Every row carries ``part`` and ``pos`` (its input's place in the part), so
that articles and errors come back in the order an ingest of the same paths
meets them. ``article_speakers`` are the speakers of one article, before
linking: linking across articles is the store's, done once, at load.

``parts.load`` (tracker/parts.py) turns outputs back into the ``(Extraction | ReadError, input,
record)`` tasks that ``pipeline.extractions`` yields, in that order, and
``tracker load`` hands them to the same storing loop as ``tracker ingest``:
one writer, one set of rules, the same database.

The time limit is a signal timer, which only a process's main thread can set;
a Dask task runs in a worker's thread, so a task hands its part to a process
of its own (one per worker thread, kept for the worker's life). A daemonic
worker (``dask worker``'s default) may not start processes: there parts run in
the worker's thread, without a time limit, and the run says so.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields
from datetime import date, datetime
from pathlib import Path

import click

from .model import Extraction
from .parts import CHILDREN, TABLES, OutputError, build, schema
from .pipeline import Task, extract_safely
from .read import STDIN, Note, ReadError, decode, display_name, expand, from_json, from_records, read_one

PARTITION_SIZE = 200        # articles a task: enough tasks to share between workers, few enough files
LINES = {".jsonl", ".ndjson"}
def _values(obj) -> dict:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def _article_rows(part: int, pos: int, ex: Extraction, name: str, record: str | None) -> dict[str, list[dict]]:
    from .store import content_hash

    rows: dict[str, list[dict]] = {"articles": [dict(part=part, pos=pos, input=name, record=record,
                                                     content_hash=content_hash(ex.document.text),
                                                     **_values(ex.document))]}
    for table, (attr, _) in CHILDREN.items():
        rows[table] = [dict(part=part, pos=pos, item=i, **_values(x)) for i, x in enumerate(getattr(ex, attr))]
    return rows


def _error_row(part: int, pos: int, err: ReadError, name: str) -> dict:
    return dict(part=part, pos=pos, input=name, **_values(err))


# -- one part, in the process that extracts --------------------------------------------------------------

def _pieces_items(pieces: list[tuple]) -> Iterator[Task]:
    """The (Document | ReadError | Note, input, record) of a part's pieces, as ``read_items`` yields them."""
    for piece in pieces:
        kind = piece[0]
        if kind == "given":
            yield piece[1], piece[1].source, None
            continue
        path = piece[1]
        name = display_name(path)
        if kind == "file":
            for item, record in read_one(path):
                yield item, name, record
        elif kind == "lines":
            start, stop, first, last = piece[2:]
            try:
                with open(path, "rb") as f:
                    f.seek(start)
                    data = f.read(stop - start)
                text = decode(data)
            except (OSError, ValueError) as e:
                where = f"lines {first}-{last}"
                yield ReadError(name, getattr(e, "strerror", None) or str(e), where,
                                "read" if isinstance(e, OSError) else "decode"), name, where
                continue
            for item, record in from_json(text, name, lines=True, first_line=first):
                yield item, name, record
        elif kind == "rows":
            start, stop = piece[2:]
            try:
                rows = _manifest_rows(path, start, stop)
            except Exception as e:  # noqa: BLE001 - pyarrow raises many types on a damaged file
                where = f"rows {start + 1}-{stop}"
                yield ReadError(name, f"cannot read Parquet: {type(e).__name__}: {e}", where, "parse"), name, where
                continue
            records = ((f"{name}#{n}", f"row {n}", r) for n, r in enumerate(rows, start + 1))
            for item, record in from_records(records, name):
                yield item, name, record


def _manifest_rows(path: str, start: int, stop: int) -> list[dict]:
    """Rows ``start`` to ``stop`` of a Parquet manifest, as plain records (dates and times as ISO text)."""
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    rows, at = [], 0
    for g in range(pf.metadata.num_row_groups):
        n = pf.metadata.row_group(g).num_rows
        if at < stop and at + n > start:
            rows.extend(pf.read_row_group(g).slice(max(0, start - at), stop - max(start, at)).to_pylist())
        at += n
    return [{k: v.isoformat() if isinstance(v, (date, datetime)) else v for k, v in r.items()} for r in rows]


def run_part(part: int, pieces: list[tuple], out: str, limit: float | None) -> dict:
    """Read, extract and write one part; returns (and writes last, as its marker) the part's summary."""
    started, cpu, at = time.perf_counter(), time.process_time(), time.time()
    articles: list[tuple[int, Extraction, str, str | None]] = []
    errors: list[dict] = []
    notes: list[str] = []
    for pos, task in enumerate(_pieces_items(pieces)):
        if isinstance(task[0], Note):
            notes.append(str(task[0]))
            continue
        result, name, record = extract_safely(task, limit)
        if isinstance(result, ReadError):
            errors.append(_error_row(part, pos, result, name))
        else:
            articles.append((pos, result, name, record))
    return _write_part(out, part, articles, errors, notes, (started, cpu, at))


def _write_part(out: str, part: int, articles: list[tuple], errors: list[dict], notes: list[str],
                timing: tuple[float, float, float] | None = None) -> dict:
    import pyarrow as pa
    import pyarrow.parquet as pq

    def tables(rows: dict[str, list[dict]]) -> dict:
        return {t: pa.Table.from_pylist(rows[t], schema=schema(t)) for t in ("articles", *CHILDREN)}

    rows = {t: [] for t in TABLES}
    per = [_article_rows(part, pos, ex, name, record) for pos, ex, name, record in articles]
    for r in per:
        for t, v in r.items():
            rows[t].extend(v)
    try:
        out_tables = tables(rows)
    except (pa.ArrowException, OverflowError, TypeError, ValueError):
        # an article whose values Parquet cannot hold: that article becomes an error, the others are kept
        keep = {t: [] for t in TABLES}
        for (pos, ex, name, record), r in zip(articles, per):
            try:
                tables(r)
            except (pa.ArrowException, OverflowError, TypeError, ValueError) as e:
                errors.append(_error_row(part, pos, ReadError(name, f"could not write its extraction: "
                                                              f"{type(e).__name__}: {e}", record, "output"), name))
                continue
            for t, v in r.items():
                keep[t].extend(v)
        out_tables, rows = tables(keep), keep
    errors.sort(key=lambda e: e["pos"])
    out_tables["errors"] = pa.Table.from_pylist(errors, schema=schema("errors"))
    for t, table in out_tables.items():
        path = Path(out, t, f"part-{part:05d}.parquet")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    inputs = len({r["input"] for r in rows["articles"]} | {e["input"] for e in errors})
    summary = dict(part=part, inputs=inputs, articles=len(rows["articles"]), quotes=len(rows["quotes"]),
                   claims=len(rows["claims"]), errors=[str(build(ReadError, e)) for e in errors], notes=notes,
                   limited=True)
    if timing:      # the part's wall and CPU seconds in the process that did it (reading included), and when
        started, cpu, at = timing
        summary.update(seconds=round(time.perf_counter() - started, 3), cpu=round(time.process_time() - cpu, 3),
                       began=round(at, 3), ended=round(time.time(), 3), pid=os.getpid())
    _write_json(Path(out, "_done", f"part-{part:05d}.json"), summary)
    return summary


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False))
    os.replace(tmp, path)


# -- on a Dask worker --------------------------------------------------------------------------------------

_POOL = None


def _pool():
    """This worker's extraction processes (one per worker thread), or None where it may not start any."""
    global _POOL
    if multiprocessing.current_process().daemon:
        return None
    if _POOL is None:
        from concurrent.futures import ProcessPoolExecutor

        from distributed import get_worker

        try:
            worker = get_worker()
            threads = getattr(worker, "nthreads", None) or worker.state.nthreads
        except (ValueError, AttributeError):
            threads = 1
        # forkserver: a clean process to fork from (forking a worker, which runs threads, could copy a lock
        # some thread holds); it imports the extractor once
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["tracker.cluster"])
        _POOL = ProcessPoolExecutor(threads, mp_context=ctx, initializer=_watch, initargs=(os.getpid(),))
    return _POOL


def _watch(worker_pid: int) -> None:
    """In an extraction process: end when the worker that started it is gone (killed, not closed)."""
    import threading

    def watch():
        while True:
            time.sleep(1.0)
            try:
                os.kill(worker_pid, 0)
            except ProcessLookupError:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _close_pool() -> None:
    global _POOL
    if _POOL is not None:
        _POOL.shutdown(wait=True, cancel_futures=True)
        _POOL = None


def close_pool_plugin():
    """A worker plugin, registered by the client: a worker that closes stops its extraction processes first
    (else the worker's exit waits on them until its nanny kills it). Made here, not at import, so that
    ``tracker`` commands do not import distributed (half a second) to start."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class ClosePool(WorkerPlugin):
        name = "tracker-close-pool"

        def teardown(self, worker) -> None:
            _close_pool()

    return ClosePool()


def on_worker(part: int, pieces: list[tuple], out: str, limit: float | None) -> dict:
    """The Dask task of one part."""
    global _POOL
    from concurrent.futures.process import BrokenProcessPool

    pool = _pool()
    if pool is None:
        summary = run_part(part, pieces, out, None)
        summary["limited"] = False
        return summary
    try:
        return pool.submit(run_part, part, pieces, out, limit).result()
    except BrokenProcessPool as e:
        # the process died under this part (killed, out of memory): the part's inputs become errors
        _POOL = None
        pool.shutdown(wait=False)
        errors = [_error_row(part, pos, ReadError(display_name(p[1]) if isinstance(p[1], str) else p[1].source,
                                                  f"the process extracting this part died ({e}); its articles "
                                                  f"were not extracted", _piece_range(p), "extract"),
                             display_name(p[1]) if isinstance(p[1], str) else p[1].source)
                  for pos, p in enumerate(pieces)]
        return _write_part(out, part, [], errors, [])


def _piece_range(piece: tuple) -> str | None:
    if piece[0] == "lines":
        return f"lines {piece[4]}-{piece[5]}"
    if piece[0] == "rows":
        return f"rows {piece[2] + 1}-{piece[3]}"
    return None


# -- the plan, on the client --------------------------------------------------------------------------------

def _line_blocks(path: str, size: int) -> list[tuple[int, tuple]]:
    """A JSON Lines file as pieces of ``size`` lines (one piece, read as ingest reads it, when it is short)."""
    offsets, lines, at = [0], 0, 0
    try:
        with open(path, "rb") as f:
            for line in f:
                lines += 1
                at += len(line)
                if lines % size == 0:
                    offsets.append(at)
    except OSError:
        return [(1, ("file", path))]        # reading it again says why, as an error record
    if lines <= size:
        return [(max(1, lines), ("file", path))]
    if offsets[-1] != at:
        offsets.append(at)
    return [(size, ("lines", path, a, b, i * size + 1, min(lines, (i + 1) * size)))
            for i, (a, b) in enumerate(zip(offsets, offsets[1:]))]


def _row_blocks(path: str, size: int) -> list[tuple[int, tuple]]:
    """A Parquet manifest (a row an article, with the fields of a JSON record: text, title, url, ...) as pieces
    of ``size`` rows."""
    import pyarrow.parquet as pq

    name = display_name(path)
    try:
        rows = pq.ParquetFile(path).metadata.num_rows
    except Exception as e:  # noqa: BLE001 - not Parquet, unreadable, damaged
        return [(1, ("given", ReadError(name, f"cannot read Parquet: {type(e).__name__}: {e}", stage="parse")))]
    if not rows:
        return [(1, ("given", Note(name, "no records: nothing to read")))]
    return [(min(size, rows - s), ("rows", path, s, min(s + size, rows))) for s in range(0, rows, size)]


def plan(paths: Iterable[str], partition_size: int = PARTITION_SIZE) -> tuple[list[list[tuple]], list[str]]:
    """The parts (lists of pieces, in input order) and the files skipped in folders."""
    skipped: list[str] = []
    pieces: list[tuple[int, tuple]] = []
    for source in expand(paths, skipped):
        if not isinstance(source, str):
            pieces.append((1, ("given", source)))
        elif source == STDIN:
            pieces.append((1, ("given", ReadError(STDIN, "the workers cannot read standard input: save it to a "
                                                         "file and name the file"))))
        elif Path(source).suffix.lower() == ".parquet":
            pieces.extend(_row_blocks(source, partition_size))
        elif Path(source).suffix.lower() in LINES:
            pieces.extend(_line_blocks(source, partition_size))
        else:
            pieces.append((1, ("file", source)))
    parts: list[list[tuple]] = []
    weight = partition_size
    for w, piece in pieces:
        if weight + w > partition_size:
            parts.append([])
            weight = 0
        parts[-1].append(piece)
        weight += w
    return parts, skipped


# -- the run, on the client ----------------------------------------------------------------------------------

def _fingerprint(parts: list[list[tuple]]) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def _prepare(out: Path, parts: list[list[tuple]], paths: list[str], partition_size: int) -> set[int]:
    """Make ``out`` ready for this run; the parts already done there by an earlier run of the same plan."""
    run = dict(format=1, inputs=list(paths), partition_size=partition_size, parts=len(parts),
               plan=_fingerprint(parts))
    meta = out / "_run.json"
    if meta.exists():
        old = json.loads(meta.read_text())
        if old.get("plan") != run["plan"]:
            raise OutputError(f"{out} holds the outputs of another run (other inputs or partition size): "
                              f"choose another --out or delete it")
        return {int(p.stem.split("-")[1]) for p in (out / "_done").glob("part-*.json")}
    if out.exists() and any(out.iterdir()):
        raise OutputError(f"{out} is not empty and holds no tracker outputs: choose another --out")
    out.mkdir(parents=True, exist_ok=True)
    _write_json(meta, run)
    return set()


def client_for(scheduler: str | None, workers: int | None):
    """A Dask client: of the scheduler at ``scheduler``, or of a new LocalCluster of ``workers`` processes,
    one thread each (the extractor is pure Python: threads would share one interpreter lock)."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    # non-daemonic workers, so that each may start the process that keeps the time limit
    with dask.config.set({"distributed.worker.daemon": False}):
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                               dashboard_address=":0")     # its dashboard on any free port
    client = Client(cluster)
    client._tracker_cluster = cluster            # closed with the client (close_client)
    return client


def close_client(client) -> None:
    cluster = getattr(client, "_tracker_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def extract_cluster(paths: list[str], out: str, scheduler: str | None = None, workers: int | None = None,
                    partition_size: int = PARTITION_SIZE, limit: float | None = 30.0,
                    on_part: Callable[[dict], None] | None = None, parts: list[list[tuple]] | None = None) -> dict:
    """Extract ``paths`` on a cluster into ``out``; returns the totals (parts done now and before, articles,
    quotes, claims, errors, whether every part ran under the time limit). ``parts``: ``plan``'s, if made."""
    from distributed import as_completed

    if parts is None:
        parts = plan(paths, partition_size)[0]
    root = Path(out).absolute()
    done = _prepare(root, parts, paths, partition_size)
    totals = dict(parts=len(parts), before=len(done), articles=0, quotes=0, claims=0, errors=0, limited=True)
    todo = [i for i in range(len(parts)) if i not in done]
    if not todo:
        return totals
    client = client_for(scheduler, workers)
    try:
        client.register_plugin(close_pool_plugin())
        futures = client.map(on_worker, todo, [parts[i] for i in todo], out=str(root), limit=limit or None,
                             pure=False)
        for future in as_completed(futures):
            try:
                summary = future.result()
            except Exception as e:  # noqa: BLE001 - a worker that cannot read the code or write --out
                raise OutputError(f"a part failed on the cluster: {type(e).__name__}: {e} (the parts done are "
                                  f"kept: run the same command again to do the others)") from e
            for k in ("articles", "quotes", "claims"):
                totals[k] += summary[k]
            totals["errors"] += len(summary["errors"])
            totals["limited"] &= summary["limited"]
            if on_part:
                on_part(summary)
            future.release()
    finally:
        close_client(client)
    return totals


# -- the commands (added to ``tracker`` by tracker/cli.py) --------------------------------------------------

def needs_extra() -> None:
    try:
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as e:
        raise click.ClickException(f"this command needs the cluster extra ({e.name} is missing): "
                                   f"pip install 'quote-claim-tracker[cluster]'") from None


@click.command("extract-cluster")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="folder for the Parquet outputs; on a cluster, one every worker writes to at the same path")
@click.option("--scheduler", metavar="ADDR",
              help="address of a running Dask scheduler (tcp://host:8786); default: a local cluster")
@click.option("--workers", type=click.IntRange(1),
              help="worker processes of the local cluster  [default: one per CPU]")
@click.option("--partition-size", default=PARTITION_SIZE, show_default=True, type=click.IntRange(1),
              help="articles (files, JSON Lines lines, manifest rows) a task")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0),
              help="seconds an article may take; a slower one is recorded as an error and skipped (0: no limit)")
@click.option("-q", "--quiet", is_flag=True, help="no progress bar")
def extract_cluster_command(paths, out, scheduler, workers, partition_size, timeout, quiet):
    """Extract the articles in PATHS on a Dask cluster into Parquet files in --out (load them with tracker load).

    PATHS are files and folders as tracker ingest reads them, and Parquet manifests (.parquet: one article a row,
    with the fields of a JSON record: text, and optionally title, url, published, outlet, source). On a cluster,
    every worker reads the inputs and writes --out itself: give paths that every worker sees. An input that
    cannot be read, or an article whose extraction fails, gets one line on stderr and an error record that
    tracker load puts in ingest_errors; the exit status is then 1. Run again with the same arguments, a stopped
    run does only the parts it had not finished.
    """
    needs_extra()
    if scheduler and workers:
        raise click.UsageError("--workers starts a local cluster; a scheduler's cluster has the workers it has")
    started = time.perf_counter()
    bar_state = dict(bar=None)

    def on_part(summary: dict) -> None:
        for note in summary["notes"]:
            click.echo(f"note: {note}", err=True)
        for err in summary["errors"]:
            click.echo(f"error: {err}", err=True)
        if bar_state["bar"] is not None:
            bar_state["bar"].update(1)

    try:
        parts, skipped = plan(paths, partition_size)
        show = not quiet and len(parts) >= 2 and sys.stderr.isatty()
        with click.progressbar(length=len(parts), label="extracting", file=sys.stderr, hidden=not show) as bar:
            bar_state["bar"] = bar
            totals = extract_cluster(list(paths), out, scheduler, workers, partition_size, timeout or None,
                                     on_part, parts)
    except OutputError as e:
        raise click.ClickException(str(e)) from None
    if skipped:
        click.echo(f"note: {len(skipped)} file{'' if len(skipped) == 1 else 's'} in folders skipped, not an "
                   f"article format (e.g. {skipped[0]})", err=True)
    if not totals["limited"]:
        click.echo("note: the workers are daemonic processes, which may not start the process that keeps "
                   "--timeout: articles ran without a time limit (start workers with "
                   "DASK_DISTRIBUTED__WORKER__DAEMON=False)", err=True)
    elapsed = time.perf_counter() - started
    before = f" ({totals['before']} of {totals['parts']} parts done before)" if totals["before"] else ""
    click.echo(f"{totals['articles']} articles extracted, {totals['errors']} errors; {totals['quotes']} quotes, "
               f"{totals['claims']} claims; {elapsed:.1f} s ({totals['articles'] / elapsed:.0f} articles/s)"
               f"{before} -> {out} (tracker load {out} --db tracker.db)", err=True)
    if totals["errors"]:
        sys.exit(1)
