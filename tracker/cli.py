"""The command line: ``tracker ingest``, ``tracker extract``, ``tracker check``, ``tracker serve``,
``tracker extract-cluster`` and ``tracker load`` (tracker/cluster.py)."""
from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
from collections.abc import Iterator

import click

from .cluster import extract_cluster_command
from .correct import correct
from .model import Document
from .pipeline import extractions
from .read import KNOWN, Note, ReadError, expand, read_items

DEFAULT_DB = "tracker.db"


@click.group()
@click.version_option(package_name="quote-claim-tracker")
def cli():
    """Quotes and factual claims from news articles, in SQLite, browsable with Datasette."""


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


_TIMEOUT = click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0),
                        help="seconds an article may take; a slower one is recorded as an error and skipped "
                             "(0: no limit)")


_LOCK_TIMEOUT = click.option("--lock-timeout", default=60.0, show_default=True, type=click.FloatRange(0),
                             help="seconds to wait while another process writes to the database before giving up")
_BATCH_SIZE = click.option("--batch-size", default=200, show_default=True, type=click.IntRange(1),
                           help="articles written in one transaction")
_QUIET = click.option("-q", "--quiet", is_flag=True, help="no progress bar")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help="SQLite database to create or add to")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(0),
              help="extraction processes (0: one per CPU)")
@_TIMEOUT
@_LOCK_TIMEOUT
@_BATCH_SIZE
@_QUIET
def ingest(paths, db_path, jobs, timeout, lock_timeout, batch_size, quiet):
    """Add the articles in PATHS (files, folders, or - for stdin) to the database.

    An article already stored (same text) is skipped. An input that cannot be
    read or parsed, or an article whose extraction fails or takes longer than
    --timeout, gets one line on stderr and a row in ingest_errors; the rest goes
    on, and the exit status is 1. Several ingests may write to one database at
    once: each waits its turn for every batch.
    """
    started = time.perf_counter()
    skipped: list[str] = []
    sources = list(expand(paths, skipped))
    if skipped:
        kinds = ", ".join(sorted(KNOWN))
        click.echo(f"note: {_n(len(skipped), 'file')} in folders skipped, not {kinds} "
                   f"(e.g. {skipped[0]}); name a file to read it as text", err=True)
    if not any(isinstance(s, str) for s in sources):
        click.echo("note: no article files found", err=True)

    def extracted(store, counts: dict) -> Iterator[tuple]:
        def fresh() -> Iterator[tuple]:
            """The inputs to extract; with --jobs, a thread of the pool runs this (so, a connection of its own)."""
            with store.reader() as stored:
                for item, name, record in read_items(sources):
                    if isinstance(item, Note):
                        click.echo(f"note: {item}", err=True)
                    elif isinstance(item, Document) and stored(item.text):
                        counts["present"] += 1
                    else:
                        yield item, name, record

        return extractions(fresh(), jobs or os.cpu_count() or 1, timeout, sketches=True)

    store_all(db_path, extracted, len(sources), started, lock_timeout=lock_timeout, batch_size=batch_size,
              quiet=quiet)


def store_all(db_path: str, tasks, inputs: int, started: float, lock_timeout: float, batch_size: int,
              quiet: bool) -> None:
    """What ``tracker ingest`` and ``tracker load`` share: the store, fed ``tasks(store, counts)``
    (``(Extraction | ReadError, input, record)`` in input order, over ``inputs`` inputs, with the text's
    near-duplicate sketch as a fourth item where the extraction made it); errors reported and
    recorded, a note for an article whose text has changed, the summary line, exit status 1 on any error."""
    from .store import LockTimeout, Store

    def waiting(seconds: float) -> None:
        click.echo(f"note: {db_path}: another process is writing to it; waiting for its lock "
                   f"(up to {lock_timeout:g} s, --lock-timeout)", err=True)

    try:
        store = Store(db_path, batch_size=batch_size, lock_timeout=lock_timeout, on_wait=waiting)
    except LockTimeout as e:
        raise click.ClickException(f"cannot write to {db_path}: {e}") from None
    except sqlite3.Error as e:
        raise click.ClickException(f"cannot open database {db_path}: {e}") from None
    counts = dict(added=0, present=0, errors=0, quotes=0, claims=0)
    origin: dict[int, tuple[str, str | None]] = {}       # queued extraction -> (input, record)

    def report(err: ReadError) -> None:
        click.echo(f"error: {err}", err=True)
        store.record_error(err)
        counts["errors"] += 1

    def outcomes() -> None:
        """What the store has written (or found written by another process, or could not write) since."""
        for ex in store.added:
            origin.pop(id(ex), None)
            counts["added"] += 1
            counts["quotes"] += len(ex.quotes)
            counts["claims"] += len(ex.claims)
        for ex in store.present:
            origin.pop(id(ex), None)
            counts["present"] += 1
        for err in store.correction_errors:      # (its row is written already)
            click.echo(f"error: {err}", err=True)
            counts["errors"] += 1
        failures = list(store.failures)
        store.added.clear(), store.present.clear(), store.failures.clear(), store.correction_errors.clear()
        for ex, e in failures:
            name, record = origin.pop(id(ex), (ex.document.source or "<input>", None))
            report(ReadError(name, f"could not store: {type(e).__name__}: {e}", record, "store"))

    show = not quiet and inputs >= 20 and sys.stderr.isatty()
    try:
        with click.progressbar(length=inputs, label="ingesting", file=sys.stderr, hidden=not show) as bar:
            last = None
            for result, name, record, *sketch in tasks(store, counts):
                if isinstance(result, ReadError):
                    report(result)
                else:
                    origin[id(result)] = (name, record)
                    if store.add(result, *sketch):
                        earlier = store.earlier_versions(result.document)
                        if earlier:
                            click.echo(f"note: {result.document.source}: its text has changed since it was stored "
                                       f"as article {', '.join(map(str, earlier))}; the new text is added beside "
                                       f"it", err=True)
                    else:                       # the same text twice in this run
                        origin.pop(id(result), None)
                        counts["present"] += 1
                    outcomes()
                if name != last:
                    last = name
                    bar.update(1)
            store.close()
            outcomes()
    except LockTimeout as e:
        lost = len(store.pending) + len(origin)
        click.echo(f"error: {db_path}: {e}; stopped, {_n(lost, 'article')} of this batch and the inputs after it "
                   f"not stored (run the same command again to add them)", err=True)
        sys.exit(1)
    elapsed = time.perf_counter() - started
    rate = counts["added"] / elapsed if elapsed else 0.0
    click.echo(f"{_n(counts['added'], 'article')} added, {counts['present']} already present, "
               f"{_n(counts['errors'], 'error')}; {_n(counts['quotes'], 'quote')}, {_n(counts['claims'], 'claim')}; "
               f"{elapsed:.1f} s ({rate:.0f} articles/s) -> {db_path}", err=True)
    if counts["errors"]:
        sys.exit(1)


@cli.command()
@click.argument("dirs", nargs=-1, required=True, type=click.Path(file_okay=False, exists=True))
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
              help="SQLite database to create or add to")
@_LOCK_TIMEOUT
@_BATCH_SIZE
@_QUIET
def load(dirs, db_path, lock_timeout, batch_size, quiet):
    """Add the articles that tracker extract-cluster wrote to DIRS (its --out folders) to the database.

    The same storing as tracker ingest (speakers linked across articles here, once, articles already
    stored skipped, the errors of the extraction recorded in ingest_errors, exit status 1 if there were
    any): the database is the one an ingest of the same inputs makes.
    """
    from . import cluster, parts

    cluster.needs_extra()
    started = time.perf_counter()
    try:
        inputs = parts.count(dirs)
    except parts.OutputError as e:
        raise click.ClickException(str(e)) from None
    store_all(db_path, lambda store, counts: parts.load(dirs), inputs, started, lock_timeout=lock_timeout,
              batch_size=batch_size, quiet=quiet)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--pretty", is_flag=True, help="indented JSON instead of one object a line")
@_TIMEOUT
def extract(paths, pretty, timeout):
    """Print the extraction of each article in PATHS as JSON, without a database."""
    failed = False

    def items():
        for item, name, record in read_items(paths):
            if isinstance(item, Note):
                click.echo(f"note: {item}", err=True)
            else:
                yield item, name, record

    for result, _, _ in extractions(items(), 1, timeout):
        if isinstance(result, ReadError):
            click.echo(f"error: {result}", err=True)
            failed = True
            continue
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2 if pretty else None))
    if failed:
        sys.exit(1)


@cli.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
              type=click.Path(dir_okay=False, exists=True), help="database to check")
@click.option("--repair", is_flag=True,
              help="rebuild what can be rebuilt (full-text indexes, triggers, indexes, missing tables and columns)")
def check(db_path, repair):
    """Check that the database is whole: no row pointing at a row that does not exist, full-text indexes
    that match their tables, the schema complete. Exit status 1 on any problem."""
    from . import check as checks

    try:    # (not the store's connect(): a check leaves the journal mode as it is, WAL or not)
        conn = sqlite3.connect(db_path, isolation_level=None, timeout=60)
        problems = checks.check(conn)
        if repair and any(p.repairable for p in problems):
            for line in checks.repair(conn):
                click.echo(f"repaired: {line}", err=True)
            problems = checks.check(conn)
    except sqlite3.Error as e:
        raise click.ClickException(f"cannot check {db_path}: {e}") from None
    for p in problems:
        hint = " (tracker check --repair rebuilds it)" if p.repairable and not repair else ""
        click.echo(f"problem: {p}{hint}", err=True)
    conn.close()
    click.echo(f"{db_path}: {_n(len(problems), 'problem') if problems else 'ok'}", err=True)
    if problems:
        sys.exit(1)


@cli.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True,
              type=click.Path(dir_okay=False, exists=True), help="database to serve")
@click.option("-p", "--port", default=8001, show_default=True, type=click.IntRange(0, 65535),
              help="port to listen on (0: any free port)")
@click.option("-h", "--host", default="127.0.0.1", show_default=True,
              help="address to listen on (0.0.0.0: every interface)")
@click.option("--public", "-i", "--immutable", "public", is_flag=True,
              help="serve a published copy, safe on the open web: turns WAL off, opens the file read-only "
                   "and immutable; no arbitrary SQL, no download of the file or of whole tables, row and "
                   "time limits, no file paths shown, robots blocked (--immutable is the old name)")
@click.option("--get", "get_path", metavar="PATH",
              help="print the page at PATH (e.g. /tracker/quotes) instead of serving; "
                   "exit status 1 unless it answers 200 (a smoke test)")
def serve(db_path, port, host, public, get_path):
    """Browse the database in Datasette, with the tracker's metadata, plugins and templates.

    The database's pages are under /NAME, NAME being the file name without its
    extension (demo.db: http://127.0.0.1:8001/demo).
    """
    import socket

    from .serve import database_name, serve as run

    if not get_path:
        try:        # a clear message now rather than a traceback from the server later
            with socket.create_server((host, port)):
                pass
        except OSError as e:
            raise click.ClickException(f"cannot listen on {host}:{port}: {os.strerror(e.errno) if e.errno else e} "
                                       f"(is another server running there? choose another with --port)")
        click.echo(f"serving {db_path} on http://{host}:{port}/{database_name(db_path)} (Ctrl-C stops)", err=True)
    if not run(db_path, host, port, public=public, get=get_path):
        sys.exit(1)


cli.add_command(correct)
cli.add_command(extract_cluster_command)


if __name__ == "__main__":
    cli()
