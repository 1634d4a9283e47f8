"""Does the working tree give the same rows as another revision? The check every refactor runs.

    python scripts/same_output.py --base main [--shared ../shared] [--keep DIR] [--corpus NAME ...]

Checks the base revision out into a temporary git worktree, ingests the same
corpora with both trees (PolNeAR's 840 articles, the claims-dev articles, the
seed article and the BBC corpus from ../shared, and the bundled samples) and
compares the databases with ``scripts/diffdb.py``. Exit status 1 when any row
differs. Publishers' texts are written to a temporary folder, never into the
repository.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import diffdb  # noqa: E402


def corpora(shared: Path, tmp: Path) -> dict[str, Path]:
    """Folders of input files, by name; gold articles written out as ``<id>.txt``."""
    out = {"samples": REPO / "data" / "samples"}
    gold = shared / "gold"
    texts: dict[str, str] = {}
    for f in [gold / "polnear-train.jsonl", *sorted((gold / "claims-dev").glob("*.json")),
              gold / "ukraine-johnson-putin.json"]:
        if not f.is_file():
            continue
        with open(f, encoding="utf-8") as fh:
            items = [json.loads(line) for line in fh if line.strip()] if f.suffix == ".jsonl" else [json.load(fh)]
        for d in items:
            texts.setdefault(d.get("id") or d["doc_id"], d["text"])
    if texts:
        folder = tmp / "gold"
        folder.mkdir()
        for doc_id, text in texts.items():
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        out["gold"] = folder
    if (shared / "corpus" / "bbc").is_dir():
        out["bbc"] = shared / "corpus" / "bbc"
    return out


def ingest(tree: Path, folder: Path, db: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(tree))
    run = subprocess.run([sys.executable, "-m", "tracker.cli", "ingest", str(folder), "--db", str(db), "-q"],
                         env=env, capture_output=True, text=True, cwd=tree)
    if not db.exists():
        sys.exit(f"ingest with {tree} made no database: {run.stderr.strip()[-500:]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="main", help="the revision to compare the working tree with")
    ap.add_argument("--shared", default=str(REPO.parent / "shared"), type=Path)
    ap.add_argument("--keep", type=Path, help="keep the databases in this folder")
    ap.add_argument("--corpus", nargs="*", help="only these corpora (samples, gold, bbc)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        base = tmp / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(base), args.base], cwd=REPO, check=True)
        try:
            out_dir = args.keep or tmp
            out_dir.mkdir(parents=True, exist_ok=True)
            status = 0
            for name, folder in corpora(args.shared, tmp).items():
                if args.corpus and name not in args.corpus:
                    continue
                dbs = [out_dir / f"{name}-base.db", out_dir / f"{name}-work.db"]
                for tree, db in zip((base, REPO), dbs):
                    db.unlink(missing_ok=True)
                    ingest(tree, folder, db)
                print(f"== {name}")
                status |= diffdb.main([str(dbs[0]), str(dbs[1])])
            return status
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=REPO, check=False)


if __name__ == "__main__":
    sys.exit(main())
