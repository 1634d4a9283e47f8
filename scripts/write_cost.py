"""Is the store's write cost per batch flat in database size? Writes a corpus again and again, distinct texts.

    python scripts/write_cost.py FOLDER [--copies 10] [--pairs 12] [--batch-size 200]

Extracts the articles of FOLDER once, then writes them ``--copies`` times into one new database through
``tracker.store.Store``, each copy's texts made distinct by a last line of its own ("(copy 3)": offsets
stay exact), printing for each copy the database's size before it and the median CPU and wall seconds of
its batches. Then, since this machine's speed drifts, it times the same batch written into an empty
database and into the big one, in turn, ``--pairs`` times, and prints the medians and the median ratio.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tracker.extract import extract  # noqa: E402
from tracker.model import Document  # noqa: E402
from tracker.read import read  # noqa: E402
from tracker.store import Store  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--pairs", type=int, default=12)
    ap.add_argument("--batch-size", type=int, default=200)
    args = ap.parse_args(argv)
    extractions = [extract(d) for d in read([args.folder]) if isinstance(d, Document)]

    def copy(n: int, exs):
        return [replace(ex, document=replace(ex.document, text=f"{ex.document.text}\n(copy {n})")) for ex in exs]

    def timed_flush(store: Store, batch) -> tuple[float, float]:
        for ex in batch:
            store.add(ex)
        c, w = time.process_time(), time.perf_counter()
        store.flush()
        return time.process_time() - c, time.perf_counter() - w

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.db"
        store = Store(path, batch_size=10 ** 9)         # batches written here, one flush each, timed
        articles = 0
        print("copy  articles before  batches  median CPU s  median wall s  (a batch)")
        for n in range(args.copies):
            cpu, wall = [], []
            for i in range(0, len(extractions), args.batch_size):
                c, w = timed_flush(store, copy(n, extractions[i:i + args.batch_size]))
                cpu.append(c)
                wall.append(w)
            print(f"{n:4d}  {articles:15d}  {len(cpu):7d}  {statistics.median(cpu):12.3f}  "
                  f"{statistics.median(wall):13.3f}", flush=True)
            articles += len(store.added)
            store.added.clear()
        empty, big = [], []
        for r in range(args.pairs):
            batch = extractions[(r * args.batch_size) % len(extractions):][:args.batch_size]
            fresh = Path(tmp) / f"empty-{r}.db"
            small = Store(fresh, batch_size=10 ** 9)
            empty.append(timed_flush(small, copy(f"probe {r}", batch)))
            small.close()
            big.append(timed_flush(store, copy(f"probe {r}", batch)))
        store.close()
    for what, k in (("CPU", 0), ("wall", 1)):
        e, b = statistics.median(x[k] for x in empty), statistics.median(x[k] for x in big)
        ratio = statistics.median(y[k] / x[k] for x, y in zip(empty, big))
        print(f"a batch of {args.batch_size}, {what} s: empty database {e:.3f}, after {articles} articles {b:.3f}; "
              f"ratio (median of {args.pairs} pairs) {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
