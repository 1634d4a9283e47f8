"""Benchmarks: throughput, memory and accuracy against ../shared (``make bench``).

    python -m tracker.bench [--shared ../shared] [--only NAME ...]

``scale`` is tracker.bench_scale: a synthetic archive of ``--size`` articles made from the BBC corpus,
ingested, then every Datasette page timed at that size.

Each part is skipped, with a note, when its data is missing. Gold articles are
written to a temporary folder as ``<id>.txt`` (the scorer matches by file
name), ingested, and scored with ../shared/eval/score.py. Publishers' texts
are read from ../shared and never copied into the repository.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARTS = ("throughput", "ingest", "seed", "claims", "polnear", "speakers", "checkworthiness", "scale")


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def throughput(shared: Path) -> None:
    """Extraction only, one process, over the BBC corpus."""
    from .extract import extract
    from .model import Document

    files = sorted(glob.glob(str(shared / "corpus" / "bbc" / "*.txt")))
    if not files:
        print("throughput: no corpus at", shared / "corpus" / "bbc")
        return
    docs = [Document(text=Path(f).read_text(encoding="utf-8"), source=f) for f in files]
    extract(docs[0])                                # load data files before timing
    best = None
    for _ in range(3):
        t0 = time.perf_counter()
        n_quotes = n_claims = 0
        for d in docs:
            ex = extract(d)
            n_quotes += len(ex.quotes)
            n_claims += len(ex.claims)
        elapsed = time.perf_counter() - t0
        best = elapsed if best is None else min(best, elapsed)
    mb = sum(len(d.text.encode()) for d in docs) / 1e6
    print(f"throughput: {len(docs)} BBC articles ({mb:.1f} MB) extracted in {best:.2f} s (best of 3): "
          f"{len(docs) / best:.0f} articles/s, {mb / best:.2f} MB/s, one process; "
          f"{n_quotes} quotes, {n_claims} claims; peak RSS {_peak_rss_mb():.0f} MB")


def ingest(shared: Path) -> None:
    """`tracker ingest` of the BBC corpus into a new database, as a user runs it."""
    corpus = shared / "corpus" / "bbc"
    if not corpus.is_dir():
        print("ingest: no corpus at", corpus)
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bbc.db")
        for jobs in (1, 2):
            if os.path.exists(db):
                os.remove(db)
            t0 = time.perf_counter()
            out = subprocess.run([sys.executable, "-m", "tracker.cli", "ingest", str(corpus), "--db", db, "-q",
                                  "--jobs", str(jobs)], capture_output=True, text=True)
            elapsed = time.perf_counter() - t0
            size = os.path.getsize(db) / 1e6 if os.path.exists(db) else 0
            print(f"ingest --jobs {jobs}: {elapsed:.1f} s wall, database {size:.0f} MB; "
                  f"{out.stderr.strip().splitlines()[-1] if out.stderr.strip() else 'no output'}")


def _gold_docs(paths: list[Path]) -> list[dict]:
    docs, seen = [], set()
    for p in paths:
        files = sorted(p.glob("*.json")) if p.is_dir() else [p]
        for f in files:
            with open(f, encoding="utf-8") as fh:
                items = [json.loads(line) for line in fh if line.strip()] if f.suffix == ".jsonl" else [json.load(fh)]
            for d in items:
                doc_id = d.get("id") or d["doc_id"]
                if doc_id not in seen:
                    seen.add(doc_id)
                    docs.append(dict(d, id=doc_id))
    return docs


def _scorer(shared: Path):
    """../shared/eval/score.py as a module, to reuse its matching rules."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def resolution_of_found(shared: Path, gold: list[Path], db: str) -> str:
    """Speaker resolution over the gold quotes that were found (issue 5's measure).

    score.py's "speakers resolved" line divides by every resolvable gold quote,
    found or not; this divides by those the extractor found (predicted quotes
    cover half their words), with the scorer's own matching rules.
    """
    import sqlite3

    sc = _scorer(shared)
    docs = sc.load_gold([str(g) for g in gold])
    _, quotes, _ = sc.load_pred(sqlite3.connect(db), docs)
    found = right = wrong = 0
    for g in docs:
        text = g["text"]
        preds = []
        for q in quotes.get(g["id"], []):
            preds.append((sc.positions(text, q["start"], q["end"]), q))
        for gq in g.get("quotes", []):
            if not gq.get("speaker_canonical"):
                continue
            gt = set().union(*[sc.positions(text, a, b) for a, b in gq.get("content_spans") or [(gq["start"], gq["end"])]])
            if not gt or len(set().union(*[pt & gt for pt, _ in preds])) < len(gt) / 2:
                continue
            found += 1
            right += len(set().union(*[pt & gt for pt, pq in preds if sc.name_ok(pq, gq)])) >= len(gt) / 2
            wrong += len(set().union(*[pt & gt for pt, pq in preds if pq["name"] and not sc.name_ok(pq, gq)])) >= len(gt) / 2
    return (f"of the {found} resolvable gold quotes found: {right / max(found, 1):.3f} resolved to the right "
            f"speaker, {wrong / max(found, 1):.3f} to a wrong one")


def score(shared: Path, name: str, gold: list[Path], keep: str | None = None) -> dict | None:
    """Ingest the gold articles, run the shared scorer, print and return its figures."""
    scorer = shared / "eval" / "score.py"
    if not scorer.is_file() or not all(g.exists() for g in gold):
        print(f"{name}: no gold data or scorer under {shared}")
        return None
    docs = _gold_docs(gold)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for d in docs:
            (folder / f"{d['id']}.txt").write_text(d["text"], encoding="utf-8")
        db = keep or os.path.join(tmp, "gold.db")
        if keep and os.path.exists(keep):
            os.remove(keep)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tracker.cli", "ingest", str(folder), "--db", db, "-q"],
                       capture_output=True, text=True)
        elapsed = time.perf_counter() - t0
        out = subprocess.run([sys.executable, str(scorer), *map(str, gold), "--db", db], capture_output=True,
                             text=True)
        res = subprocess.run([sys.executable, str(scorer), *map(str, gold), "--db", db, "--json"],
                             capture_output=True, text=True)
        found = resolution_of_found(shared, gold, db) if any("speaker_canonical" in q for d in docs
                                                             for q in d.get("quotes", [])) else ""
    print(f"== {name}: {len(docs)} articles, ingested in {elapsed:.1f} s")
    print(out.stdout.rstrip() or out.stderr.rstrip())
    if found:
        print(found)
    return json.loads(res.stdout) if res.returncode == 0 and res.stdout.strip() else None


def checkworthiness(shared: Path) -> None:
    """F1 of the check-worthy class at 0.5 on CheckThat! 2024 dev-test."""
    from .checkworthy import score_text

    path = shared / "data" / "ct24" / "CT24_checkworthy_english_dev-test.tsv"
    if not path.is_file():
        print("checkworthiness: no data at", path)
        return
    tp = fp = fn = 0
    with open(path, encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            pred = score_text(parts[1]) >= 0.5
            gold = parts[2].strip() == "Yes"
            tp += pred and gold
            fp += pred and not gold
            fn += gold and not pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"checkworthiness (CT24 dev-test): P {p:.3f} R {r:.3f} F1 {f1:.3f}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared", type=Path)
    ap.add_argument("--only", nargs="*", choices=PARTS, default=list(PARTS))
    ap.add_argument("--keep", help="keep the gold database of the last scored part here")
    ap.add_argument("--size", default="10k", help="scale: articles in the synthetic archive (10k, 100k, 1M)")
    a = ap.parse_args(argv)
    shared, gold = a.shared, a.shared / "gold"
    for part in a.only:
        if part == "throughput":
            throughput(shared)
        elif part == "ingest":
            ingest(shared)
        elif part == "seed":
            score(shared, "seed article", [gold / "ukraine-johnson-putin.json"], a.keep)
        elif part == "claims":
            score(shared, "claims-dev (+ seed)", [gold / "claims-dev", gold / "ukraine-johnson-putin.json"], a.keep)
        elif part == "polnear":
            score(shared, "polnear-train", [gold / "polnear-train.jsonl"], a.keep)
        elif part == "speakers":
            score(shared, "speakers-dev", [gold / "speakers-dev.jsonl"], a.keep)
        elif part == "checkworthiness":
            checkworthiness(shared)
        elif part == "scale":
            from . import bench_scale

            bench_scale.main(["--shared", str(shared), "--size", a.size])


if __name__ == "__main__":
    main()
