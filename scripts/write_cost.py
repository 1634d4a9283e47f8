"""Is the store's write cost per batch flat in database size? Writes a corpus again and again, distinct texts.

    python scripts/write_cost.py FOLDER [--copies 10] [--batch-size 200] [--db PATH]

Extracts the articles of FOLDER once, then writes them ``--copies`` times into one new database through
``tracker.store.Store``, each copy's texts made distinct by a last line of its own ("(copy 3)": offsets
stay exact). Prints, for each copy, the database's size in articles before it and the CPU and wall
seconds of its batches (median), so that the first copy (an empty database) and the last can be compared.
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
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--db", type=Path)
    args = ap.parse_args(argv)
    extractions = [extract(d) for d in read([args.folder]) if isinstance(d, Document)]
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "write-cost.db"
        path.unlink(missing_ok=True)
        store = Store(path, batch_size=10 ** 9)         # batches written here, one flush each, timed
        articles = 0
        print("copy  articles before  batches  median CPU s  median wall s  (per batch)")
        for copy in range(args.copies):
            cpu, wall = [], []
            for i in range(0, len(extractions), args.batch_size):
                for ex in extractions[i:i + args.batch_size]:
                    store.add(replace(ex, document=replace(ex.document, text=f"{ex.document.text}\n(copy {copy})")))
                c, w = time.process_time(), time.perf_counter()
                store.flush()
                cpu.append(time.process_time() - c)
                wall.append(time.perf_counter() - w)
            print(f"{copy:4d}  {articles:15d}  {len(cpu):7d}  {statistics.median(cpu):12.3f}  "
                  f"{statistics.median(wall):13.3f}", flush=True)
            articles += len(store.added)
            store.added.clear()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
