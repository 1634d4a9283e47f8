"""Which rules of a package does no article exercise? Lines never run and branches never taken.

    python scripts/dead_rules.py tracker/speakers [--shared ../shared] [--tests] [--limit N]

Ingests every text we measure on (PolNeAR's articles, the claims-dev and seed
articles, the BBC corpus) with the extractor and the store, as ``tracker
ingest`` does, under ``coverage`` with branch measurement, and lists for each
file of the package (a folder or one ``.py`` file, any of ours: ``tracker/quotes``,
``tracker/claims/quantities.py``) the lines no article ran and the branches no
article took. With ``--tests`` the project's tests run under coverage too, and
each finding says whether a test of ours exercises it (a rule only a test
reaches guards a case we wrote down, not one the corpora hold).

A finding is a place to look, not a verdict: a branch no article takes may
still guard a real case (an empty article, a malformed mention), and one that
only a loop's exit or a cache's second visit takes is no rule at all.

Needs ``coverage`` (``pip install coverage``; not a dependency of the project).
Publishers' texts are read from --shared and never written anywhere.
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


def texts(shared: Path):
    """(source, text) of every article we measure on; missing corpora are skipped with a note."""
    gold = shared / "gold"
    polnear = gold / "polnear-train.jsonl"
    singles = sorted((gold / "claims-dev").glob("*.json")) + [gold / "ukraine-johnson-putin.json"]
    bbc = sorted((shared / "corpus" / "bbc").glob("*.txt"))
    if polnear.is_file():
        with open(polnear, encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if line.strip():
                    d = json.loads(line)
                    yield f"polnear:{d.get('id') or d.get('doc_id') or n}", d["text"]
    else:
        print(f"note: no {polnear}", file=sys.stderr)
    for f in singles:
        if f.is_file():
            yield f.name, json.loads(f.read_text(encoding="utf-8"))["text"]
    if not bbc:
        print(f"note: no BBC corpus under {shared}", file=sys.stderr)
    for f in bbc:
        yield f.name, f.read_text(encoding="utf-8")


def ingest_all(shared: Path, db_path: Path) -> int:
    """Read, extract and store every text (the store reaches what the extractor hands over, e.g. speakers.key)."""
    from tracker.extract import extract
    from tracker.read import from_text
    from tracker.store import Store

    store = Store(str(db_path), batch_size=200)
    n = 0
    for source, text in texts(shared):
        doc = from_text(text, source)
        if not hasattr(doc, "text") or store.has(doc.text):
            continue
        store.add(extract(doc))
        n += 1
    store.close()
    return n


def package_files(target: Path) -> list[Path]:
    return sorted(target.rglob("*.py")) if target.is_dir() else [target]


def missing(report: dict, files: list[Path]) -> dict[Path, tuple[set[int], set[tuple[int, int]]]]:
    """file -> (lines never run, branches (from, to) never taken) from a coverage JSON report."""
    by_path = {Path(k).resolve(): v for k, v in report["files"].items()}
    out = {}
    for f in files:
        got = by_path.get(f.resolve())
        if got is None:         # never imported
            out[f] = (set(range(1, len(f.read_text(encoding="utf-8").splitlines()) + 1)), set())
        else:
            out[f] = (set(got["missing_lines"]), {tuple(b) for b in got.get("missing_branches", ())})
    return out


def spans(lines: set[int]) -> list[tuple[int, int]]:
    """Runs of consecutive line numbers, as (first, last)."""
    out: list[tuple[int, int]] = []
    for n in sorted(lines):
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


def coverage_of_tests(target: Path, tmp: Path) -> dict:
    """The coverage JSON report of the project's tests (one process, no xdist) over ``target``."""
    data, out = tmp / "tests.coverage", tmp / "tests.json"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    where = f"--source={target}" if target.is_dir() else f"--include={target}"
    subprocess.run([sys.executable, "-m", "coverage", "run", "--branch", f"--data-file={data}",
                    where, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "no:cacheprovider",
                    str(REPO / "tests")], cwd=REPO, env=env, check=False, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-m", "coverage", "json", f"--data-file={data}", "-o", str(out), "-q"],
                   cwd=REPO, check=True)
    return json.loads(out.read_text())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("package", type=Path, help="a package folder or module of the repository, e.g. tracker/speakers")
    ap.add_argument("--shared", type=Path, default=Path("../shared"), help="where the corpora are (../shared)")
    ap.add_argument("--tests", action="store_true", help="also run the tests, and say which findings they reach")
    args = ap.parse_args(argv)
    try:
        import coverage
    except ImportError:
        sys.exit("dead_rules.py needs coverage: pip install coverage")
    target = (args.package if args.package.is_absolute() else Path.cwd() / args.package).resolve()
    if not target.exists():
        sys.exit(f"no such package: {args.package}")
    files = package_files(target)
    sys.path.insert(0, str(REPO))
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        where = {"source": [str(target)]} if target.is_dir() else {"include": [str(target)]}
        cov = coverage.Coverage(branch=True, data_file=None, **where)
        cov.start()
        n = ingest_all(args.shared.resolve(), tmp / "dead_rules.db")
        cov.stop()
        cov.json_report(outfile=str(tmp / "corpora.json"))
        corpora = missing(json.loads((tmp / "corpora.json").read_text()), files)
        tested = missing(coverage_of_tests(target, tmp), files) if args.tests else None
    print(f"{n} articles ingested under coverage; {target.relative_to(REPO) if target.is_relative_to(REPO) else target}")
    total = 0
    for f in files:
        lines, branches = corpora[f]
        src = f.read_text(encoding="utf-8").splitlines()
        rel = f.relative_to(REPO) if f.is_relative_to(REPO) else f
        # (line, what, reached by a test?): a branch into a line never run is told with that line
        found: list[tuple[int, str, bool | None]] = []
        t_lines, t_branches = tested[f] if tested is not None else (set(), set())
        for a, b in spans(lines):
            found.append((a, f"never run: lines {a}-{b}" if b > a else f"never run: line {a}",
                          None if tested is None else any(n not in t_lines for n in range(a, b + 1))))
        for a, b in sorted(branches):
            if b > 0 and b in lines:
                continue
            found.append((a, "branch never taken: " + (f"-> {b}" if b > 0 else "-> exit"),
                          None if tested is None else (a, b) not in t_branches and a not in t_lines))
        for at, what, reached in sorted(found):
            total += 1
            note = "" if reached is None else "  [a test reaches it]" if reached else "  [no test reaches it]"
            print(f"{rel}:{at}: {what}{note}\n    {src[at - 1].strip()[:110]}")
    print(f"{total} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
