"""Running the extractor over many articles: in one process or a pool, each article in bounded time.

    extractions(tasks, jobs, timeout) -> Iterator[(Extraction | ReadError, input, record)]
    extractions(tasks, jobs, timeout, sketches=True) -> Iterator[(..., record, neardup.Sketch | None)]

Each article is a unit of its own: an exception in a stage of the pipeline,
or an article that takes longer than ``timeout`` seconds, becomes a
``ReadError`` naming the input, the record and the stage, and the run goes on.

The time limit is a signal timer (``SIGALRM``) in the process that runs
``extract``, this one or a pool worker: it interrupts Python code and the
regex engine alike, the worker lives on and takes the next article, so the pool
needs no replacing. Where there are no such timers (Windows, a thread other
than the main one) articles run without a limit.
"""
from __future__ import annotations

import collections
import functools
import itertools
import multiprocessing
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from . import neardup
from .extract import StageError, extract
from .model import Document
from .read import ReadError

CHUNK = 8           # articles sent to a worker at a time (--jobs)
WINDOW = 4          # chunks in flight per worker: what is read ahead and kept is bounded
# articles in flight at least, whatever the number of workers: more than a store's batch (200 by default), so
# that the workers extract the next batch while the writer writes the last one (with 4 chunks a worker, 64
# articles with --jobs 2, they had nothing left to do a few tenths of a second into each batch's write)
AHEAD = 256

# (Document or ReadError, the input's name, the record of a JSON or JSON Lines input or None); extracted,
# the Document is replaced by its Extraction or by the ReadError that stopped it
Task = tuple


class TimeLimit(BaseException):
    """The article took longer than its time limit. A BaseException, like KeyboardInterrupt, so that no
    ``except Exception`` inside a stage can swallow it."""


def _expire(signum, frame):
    raise TimeLimit()


@contextmanager
def time_limit(seconds: float | None):
    """Raise ``TimeLimit`` in the code inside if it runs longer than ``seconds`` (None or 0: no limit)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _short(e: BaseException, limit: int = 300) -> str:
    s = f"{type(e).__name__}: {e}"
    return s if len(s) <= limit else s[:limit] + " ..."


def extract_safely(task: Task, timeout: float | None = None) -> Task:
    """``task`` with its document replaced by its extraction, or by the error that stopped it."""
    item, name, record = task
    if not isinstance(item, Document):
        return task
    try:
        with time_limit(timeout):
            return extract(item), name, record
    except TimeLimit:
        return ReadError(name, f"took longer than the time limit of {timeout:g} s (--timeout); skipped",
                         record, "timeout"), name, record
    except StageError as e:
        return ReadError(name, f"the {e.stage} stage failed: {_short(e.error)}", record, e.stage), name, record
    except Exception as e:  # noqa: BLE001 - reported per article, the run goes on
        return ReadError(name, f"extraction failed: {_short(e)}", record, "extract"), name, record


def extract_and_sketch(task: Task, timeout: float | None = None) -> tuple:
    """``extract_safely(task)``, and the near-duplicate sketch of an extracted article's text (None for an
    error): made where the article is extracted, so that with ``--jobs`` the pool's processes make it, not the
    one that writes (it was a fifth of the writer's CPU over the BBC corpus)."""
    result, name, record = extract_safely(task, timeout)
    return result, name, record, None if isinstance(result, ReadError) else neardup.sketch(result.document.text)


def window(jobs: int) -> int:
    """Chunks in flight with ``jobs`` workers: ``WINDOW`` a worker, and ``AHEAD`` articles at least."""
    return max(WINDOW * jobs, -(-AHEAD // CHUNK))


def extractions(tasks: Iterable[Task], jobs: int, timeout: float | None = None, sketches: bool = False) -> Iterator:
    """Extract in ``jobs`` processes (1: in this one), keeping the input order; ``sketches``: each result
    with a fourth item, the near-duplicate sketch of its text (``extract_and_sketch``)."""
    run = functools.partial(extract_and_sketch if sketches else extract_safely, timeout=timeout)
    if jobs <= 1:
        yield from map(run, tasks)
        return
    # Pool.imap reads the whole input ahead and keeps every finished result until it is asked for: a writer
    # slower than the workers would hold an archive in memory. At most window(jobs) chunks are in flight instead.
    flight: collections.deque = collections.deque()
    source = iter(tasks)
    chunks = iter(lambda: list(itertools.islice(source, CHUNK)), [])
    with multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn").Pool(jobs) as pool:
        for chunk in chunks:
            flight.append(pool.map_async(run, chunk))
            if len(flight) >= window(jobs):
                yield from flight.popleft().get()
        while flight:
            yield from flight.popleft().get()

