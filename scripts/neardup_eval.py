"""How well does near-duplicate linking (tracker/neardup.py) work? Precision and recall on made pairs.

    python scripts/neardup_eval.py --shared ../shared [--seed 1] [--show N] [--threshold T ...]

Positives: each BBC corpus article edited by program, one edit a pair: a figure
changed, a paragraph dropped, a paragraph of another article of its section
added, the headline replaced, the text cut after the paragraph that reaches 60% (and
33%) of its body, and
"another outlet's copy" (headline replaced, a paragraph dropped, a figure
changed and a credit line added). Negatives: 20,000 random pairs of articles
of the same section (same topic, different stories), and every pair of corpus
articles the linking would not link. The corpus's own pairs are printed by
similarity band (its real same-story pairs sit in it; read a sample to judge).

A pair is linked when the two share an LSH band and their similarity is at
least the threshold, as at ingest (``Linker``). Nothing is written anywhere.

``--write-cost N``: instead, the linking's cost per batch as the database grows:
a batch of 200 corpus articles linked (and its band rows written) in a
transaction, in turn into an empty database and into one holding N other
articles (corpus articles with their words shuffled: as many band rows, no
near-duplicates), rolled back each time; the median CPU seconds of each and
the median ratio of ``--pairs`` pairs.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tracker import neardup  # noqa: E402

_NUMBER = re.compile(r"\d[\d,.]*")


def paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def join(parts: list[str]) -> str:
    return "\n\n".join(parts) + "\n"


def edits(text: str, other: str, rng: random.Random) -> dict[str, str]:
    """The edited copies of ``text`` (title first, paragraphs after), by kind of edit."""
    paras = paragraphs(text)
    title, body = paras[0], paras[1:]
    out = {}
    numbers = [m for p in body for m in _NUMBER.finditer(p)]
    if numbers:
        out["figure"] = _change_figure(text, rng)
    if len(body) >= 3:
        i = rng.randrange(len(body))
        out["drop paragraph"] = join([title] + body[:i] + body[i + 1:])
        out["truncate"] = _cut(title, body, 0.6)
        out["truncate to a third"] = _cut(title, body, 0.33)
    extra = paragraphs(other)[1:]
    if extra:
        i = rng.randrange(len(body) + 1)
        out["add paragraph"] = join([title] + body[:i] + [rng.choice(extra)] + body[i:])
    out["headline"] = join([paragraphs(other)[0]] + body)
    copy = [paragraphs(other)[0]] + body
    if len(copy) >= 4:
        del copy[rng.randrange(2, len(copy))]
    out["outlet copy"] = _change_figure(join(copy), rng) + "Additional reporting by staff.\n"
    return out


def _cut(title: str, body: list[str], share: float) -> str:
    """The title and the first paragraphs that hold ``share`` of the body's characters."""
    kept, size = [], sum(map(len, body))
    for p in body:
        if sum(map(len, kept)) >= share * size:
            break
        kept.append(p)
    return join([title] + kept)


def _change_figure(text: str, rng: random.Random) -> str:
    found = list(_NUMBER.finditer(text))
    if not found:
        return text
    m = rng.choice(found)
    digits = [i for i, ch in enumerate(m.group()) if ch.isdigit()]
    i = rng.choice(digits)
    new = m.group()[:i] + str((int(m.group()[i]) + rng.randrange(1, 10)) % 10) + m.group()[i + 1:]
    return text[:m.start()] + new + text[m.end():]


def linked(a: neardup.Sketch, b: neardup.Sketch, threshold: float) -> tuple[bool, float]:
    s = neardup.similarity(a, b)
    return bool(set(a.keys) & set(b.keys)) and s >= threshold, s


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--negatives", type=int, default=20000)
    ap.add_argument("--threshold", type=float, nargs="*", default=[neardup.THRESHOLD])
    ap.add_argument("--show", type=int, default=0, help="print this many corpus pairs of each band")
    ap.add_argument("--write-cost", type=int, default=0, metavar="N")
    ap.add_argument("--pairs", type=int, default=9)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    if args.write_cost:
        return write_cost(args.shared / "corpus" / "bbc", args.write_cost, args.pairs, rng)
    folder = args.shared / "corpus" / "bbc"
    names = sorted(p.name for p in folder.glob("*.txt"))
    texts = {n: (folder / n).read_text(encoding="utf-8", errors="replace") for n in names}
    sketches = {n: neardup.sketch(t) for n, t in texts.items()}
    section = defaultdict(list)
    for n in names:
        section[n.split("_")[0]].append(n)

    # the corpus's own pairs: those sharing a band, by similarity
    by_key = defaultdict(list)
    for n, sk in sketches.items():
        for k in sk.keys:
            by_key[k].append(n)
    shared_band = {tuple(sorted(p)) for ns in by_key.values() for p in combinations(ns, 2)}
    real = {p: neardup.similarity(sketches[p[0]], sketches[p[1]]) for p in shared_band}
    print(f"{len(names)} corpus articles; {len(shared_band)} pairs share an LSH band "
          f"({len(shared_band) / len(names):.2f} an article)")
    bands = [(0.95, 1.01), (0.9, 0.95), (0.8, 0.9), (0.7, 0.8), (0.6, 0.7), (0.5, 0.6), (0.3, 0.5), (0.0, 0.3)]
    for lo, hi in bands:
        pairs = sorted((p for p, s in real.items() if lo <= s < hi), key=lambda p: -real[p])
        print(f"  similarity {lo:.2f}-{min(hi, 1):.2f}: {len(pairs)} pairs")
        for a, b in pairs[:args.show]:
            print(f"    {real[a, b]:.2f} {a} / {b}: {texts[a].splitlines()[0][:50]!r} / "
                  f"{texts[b].splitlines()[0][:50]!r}")

    # made pairs
    positives: list[tuple[str, neardup.Sketch, neardup.Sketch]] = []
    for n in names:
        other = rng.choice([m for m in section[n.split("_")[0]] if m != n])
        for kind, edited in edits(texts[n], texts[other], rng).items():
            positives.append((kind, sketches[n], neardup.sketch(edited)))
    negatives = []
    near = {p for p, s in real.items() if s >= 0.5}      # the corpus's own likely same-story pairs are not negatives
    while len(negatives) < args.negatives:
        sec = rng.choice(list(section))
        a, b = sorted(rng.sample(section[sec], 2))
        if (a, b) not in near:
            negatives.append(("same section", sketches[a], sketches[b]))
    for threshold in args.threshold:
        print(f"\nthreshold {threshold} (containment), {neardup.BANDS} bands of {neardup.ROWS}, "
              f"shingles of {neardup.SHINGLE} words")
        tp = Counter()
        total = Counter()
        missed_lsh = Counter()
        for kind, a, b in positives:
            ok, s = linked(a, b, threshold)
            total[kind] += 1
            tp[kind] += ok
            missed_lsh[kind] += (s >= threshold and not ok)
        for kind in total:
            print(f"  {kind:15s} recall {tp[kind] / total[kind]:.3f} ({tp[kind]}/{total[kind]}; "
                  f"{missed_lsh[kind]} above the threshold but no shared band)")
        fp = sum(linked(a, b, threshold)[0] for _, a, b in negatives)
        all_tp, all_pos = sum(tp.values()), sum(total.values())
        print(f"  all edits        recall {all_tp / all_pos:.3f} ({all_tp}/{all_pos})")
        print(f"  same-section random pairs linked: {fp} of {len(negatives)}")
        print(f"  precision over made pairs and random same-section pairs: {all_tp / (all_tp + fp):.4f}")
        print(f"  corpus pairs linked: {sum(s >= threshold for s in real.values())}")
    return 0


def write_cost(folder: Path, n: int, pairs: int, rng: random.Random, batch: int = 200) -> int:
    import sqlite3
    import statistics
    import tempfile
    import time

    from tracker.store import Store, content_hash

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        paths = {name: Path(tmp) / f"{name}.db" for name in ("empty", "big")}
        for path in paths.values():
            Store(path).close()
        conn = {name: sqlite3.connect(path, isolation_level=None) for name, path in paths.items()}
        big = conn["big"]
        big.execute("begin")
        for i in range(1, n + 1):
            words = texts[i % len(texts)].split()
            rng.shuffle(words)
            t = " ".join(words) + f" {i}"
            big.execute("insert into articles (id, content_hash, text) values (?, ?, ?)", [i, content_hash(t), t])
            big.executemany("insert into article_bands (key, article_id) values (?, ?)",
                            [(k, i) for k in neardup.sketch(t).keys])
        big.execute("commit")
        cost: dict[str, list[float]] = {"empty": [], "big": []}
        for r in range(pairs):
            start = (r * batch) % len(texts)
            chosen = [t + f"\n(probe {r})\n" for t in texts[start:start + batch]]
            sketches = [neardup.sketch(t) for t in chosen]
            for name, c in conn.items():
                first = (c.execute("select max(id) from articles").fetchone()[0] or 0) + 1
                rows = [dict(id=first + i, text=t) for i, t in enumerate(chosen)]
                c.execute("begin immediate")
                t0 = time.process_time()
                bands = neardup.Linker(c).link(rows, sketches)
                c.executemany("insert into article_bands (key, article_id) values (?, ?)",
                              [(b["key"], b["article_id"]) for b in bands])
                cost[name].append(time.process_time() - t0)
                c.execute("rollback")
        rows_big = big.execute("select count(*) from article_bands").fetchone()[0]
    e, b = statistics.median(cost["empty"]), statistics.median(cost["big"])
    ratio = statistics.median(y / x for x, y in zip(cost["empty"], cost["big"]))
    print(f"a batch of {batch}: linking and band rows, CPU s: empty database {e:.3f}, with {n} articles "
          f"({rows_big} band rows) {b:.3f}; ratio (median of {pairs} pairs) {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
