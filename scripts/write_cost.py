"""Is the store's write cost per batch flat in database size? Writes many articles, then times one batch.

    python scripts/write_cost.py FOLDER --distinct 32k [--jobs 2] [--cache DIR] [--pairs 12] [--batch-size 200]
    python scripts/write_cost.py FOLDER [--copies 10] [--pairs 12] [--batch-size 200]

``--distinct N``: writes N distinct articles made from FOLDER (a corpus of ``<section>_<n>.txt`` articles,
such as the BBC corpus) by ``tracker.bench_corpus`` (a lead article, paragraphs of others of its section,
people renamed, figures scaled: an archive's mix, where a batch meets an earlier near-duplicate now and then
only), extracted in ``--jobs`` processes (``--cache DIR``: the extractions are kept there, pickled by batch,
and read again by the next run with the same size, seed and batch size: the write is what is measured, and
unpickling costs a twentieth of extracting). Each batch is written in one flush through
``tracker.store.Store``; every eighth of the way it prints the database's size and the median CPU and wall
seconds of the batches since.

``--copies K`` (the first form of this script): extracts the articles of FOLDER once and writes them K times,
each copy's texts made distinct by a last line of its own ("(copy 3)": offsets stay exact). Every batch after
the first copy is then a near-duplicate of an earlier one and pays a comparison with it, which an archive of
distinct articles mostly does not: it measures the worst case of the near-duplicate linking, not an archive.

Then, since this machine's speed drifts, it times the same batch written into an empty database and into the
big one, in turn, ``--pairs`` times (distinct articles beyond the N written, or copies marked "probe"), and
prints the medians and the median ratio.
"""
from __future__ import annotations

import argparse
import pickle
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tracker import bench_corpus, pipeline  # noqa: E402
from tracker.extract import extract  # noqa: E402
from tracker.model import Document  # noqa: E402
from tracker.read import read  # noqa: E402
from tracker.store import Store  # noqa: E402


class Distinct:
    """Batches of distinct synthetic articles, extracted (with their near-duplicate sketches), cached by batch."""

    def __init__(self, folder: str, seed: int, batch: int, jobs: int, cache: Path | None):
        self.gen = bench_corpus.Generator(bench_corpus.Source(folder), seed)
        self.seed, self.batch, self.jobs, self.cache = seed, batch, jobs, cache
        if cache:
            cache.mkdir(parents=True, exist_ok=True)

    def _file(self, first: int) -> Path | None:
        return self.cache / f"seed{self.seed}-{first}-{self.batch}.pkl" if self.cache else None

    def _task(self, i: int):
        a = self.gen.article(i)
        doc = Document(text=a["text"], title=a["title"], source=f"synthetic/{i}", url=a["url"], outlet=a["outlet"],
                       published=a["published"])
        return doc, doc.source, None

    def batches(self, firsts: list[int]):
        """For each of ``firsts``, the list of (extraction, sketch) of articles first .. first + batch."""
        missing = [f for f in firsts if not (self._file(f) and self._file(f).exists())]
        tasks = (self._task(i) for f in missing for i in range(f, f + self.batch))
        made = pipeline.extractions(tasks, self.jobs, sketches=True)
        for first in firsts:
            path = self._file(first)
            if first in missing:
                out = [(ex, sk) for ex, _, _, sk in (next(made) for _ in range(self.batch)) if sk is not None]
                if path:
                    path.write_bytes(pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
            else:
                out = pickle.loads(path.read_bytes())
            yield out


def timed_flush(store: Store, batch) -> tuple[float, float]:
    """CPU and wall seconds of writing ``batch`` (extractions, or (extraction, sketch) pairs) in one flush."""
    for item in batch:
        store.add(*item) if isinstance(item, tuple) else store.add(item)
    c, w = time.process_time(), time.perf_counter()
    store.flush()
    return time.process_time() - c, time.perf_counter() - w


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("--distinct", type=bench_corpus.size, default=0, help="distinct articles to write: 32k, 128k")
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--pairs", type=int, default=12)
    ap.add_argument("--batch-size", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2, help="processes extracting the distinct articles")
    ap.add_argument("--cache", type=Path, help="folder keeping the distinct articles' extractions between runs")
    ap.add_argument("--keep", type=Path, help="leave the big database here (a new file)")
    args = ap.parse_args(argv)
    size = args.batch_size
    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "big.db"
        store = Store(path, batch_size=10 ** 9)         # batches written here, one flush each, timed
        articles = 0
        if args.distinct:
            source = Distinct(args.folder, args.seed, size, args.jobs, args.cache)
            firsts = list(range(0, args.distinct, size))
            step = max(1, len(firsts) // 8)
            print("articles before  batches  median CPU s  median wall s  (a batch)")
            cpu, wall, since = [], [], 0
            for k, batch in enumerate(source.batches(firsts)):
                c, w = timed_flush(store, batch)
                cpu.append(c)
                wall.append(w)
                if (k + 1) % step == 0 or k + 1 == len(firsts):
                    print(f"{since:15d}  {len(cpu):7d}  {statistics.median(cpu):12.3f}  "
                          f"{statistics.median(wall):13.3f}", flush=True)
                    since = articles + len(store.added)
                    cpu, wall = [], []
                articles += len(store.added)
                store.added.clear()
            probes = list(source.batches([args.distinct + 10 ** 6 + r * size for r in range(args.pairs)]))
        else:
            extractions = [extract(d) for d in read([args.folder]) if isinstance(d, Document)]

            def copy(n, exs):
                return [replace(ex, document=replace(ex.document, text=f"{ex.document.text}\n(copy {n})"))
                        for ex in exs]

            print("copy  articles before  batches  median CPU s  median wall s  (a batch)")
            for n in range(args.copies):
                cpu, wall = [], []
                for i in range(0, len(extractions), size):
                    c, w = timed_flush(store, copy(n, extractions[i:i + size]))
                    cpu.append(c)
                    wall.append(w)
                print(f"{n:4d}  {articles:15d}  {len(cpu):7d}  {statistics.median(cpu):12.3f}  "
                      f"{statistics.median(wall):13.3f}", flush=True)
                articles += len(store.added)
                store.added.clear()
            probes = [copy(f"probe {r}", extractions[(r * size) % len(extractions):][:size]) for r in range(args.pairs)]
        empty, big = [], []
        for r, batch in enumerate(probes):
            small = Store(Path(tmp) / f"empty-{r}.db", batch_size=10 ** 9)
            empty.append(timed_flush(small, batch))
            small.close()
            big.append(timed_flush(store, batch))
        store.close()
    for what, k in (("CPU", 0), ("wall", 1)):
        e, b = statistics.median(x[k] for x in empty), statistics.median(x[k] for x in big)
        ratio = statistics.median(y[k] / x[k] for x, y in zip(empty, big))
        print(f"a batch of {size}, {what} s: empty database {e:.3f}, after {articles} articles {b:.3f}; "
              f"ratio (median of {len(probes)} pairs) {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
