"""How the tracker copes with hostile and huge input: the soak half of the audit (make soak).

    python scripts/stress.py [--shared ../shared] [--big 5] [--huge 10]

1. Hostile inputs under 100 KB (long runs of spaces, dashes, quotation marks, capitals, digits, and the
   shapes that once hung the extractor): the time of each; every one should take under 1 s.
2. A big article (``--big`` MB): extraction time (target: under 30 s).
3. A huge article (``--huge`` MB) ingested by ``tracker ingest --timeout 0`` in a child process: wall
   time and peak memory (target: under 500 MB).

The big articles are made of the BBC corpus's texts put end to end in a temporary folder when
``--shared`` has the corpus, else of sentences written here; nothing is written into the repository.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tracker.extract import extract  # noqa: E402
from tracker.model import Document  # noqa: E402

NAMES = ["Jane Doe", "John Roe", "Priya Shah", "Tom Okafor", "Ana Lima", "the council", "a spokeswoman"]


def own_text(size: int) -> str:
    """Paragraphs of news-like sentences written for this script, ``size`` characters."""
    out, n = [], 0
    total = 0
    while total < size:
        a, b = NAMES[n % 7], NAMES[(3 * n + 2) % 7]
        p = (f"{a} said the plan for ward {n} would cost about £{n % 90 + 2}m, more than {n % 40 + 3} per cent "
             f"above last year's figure. \"We have waited {n % 9 + 2} years for this - and the money is not "
             f"there,\" {a} told reporters on Monday. {b.capitalize()} said that the scheme, which critics call "
             f"\"a waste of time\", had been delayed {n % 5 + 2} times since 2019.")
        out.append(p)
        total += len(p) + 2
        n += 1
    return "\n\n".join(out)[:size]


def corpus_text(shared: Path, size: int) -> str | None:
    folder = shared / "corpus" / "bbc"
    if not folder.is_dir():
        return None
    parts, total = [], 0
    while total < size:
        for f in sorted(folder.glob("*.txt")):
            t = f.read_text(encoding="utf-8", errors="replace")
            parts.append(t)
            total += len(t) + 2
            if total >= size:
                break
    return "\n\n".join(parts)[:size]


def hostile() -> dict[str, str]:
    units = [" ", "-", " -", "—", '"', "“", "”", "'", "’", "‘a’ ", '"a" ', "'a' “b” ", "A", "A ", "Aa ", "a",
             "1", "1,", "1.", ",", ", ", ".", ". ", "\n", "\n\n", "Mr ", "A. ", "said ", "$1 ", "%", "(", "“a ‘b’ c” "]
    out = {}
    for u in units:
        for size in (10_000, 100_000):
            out[f"{u!r} x {size // 1000} KB"] = (u * (size // len(u) + 1))[:size - 1]
    for k in (12, 40, 400):
        out[f"dashes before a nested quotation x {k}"] = (
            "The mayor asked for a review" + " -" * k + " of what the council has called “a broken system”.")
    out["one 90 KB sentence of words"] = ("the council said that " * 4100)[:90_000]
    out["90 KB of own news text"] = own_text(90_000)
    return out


def seconds(text: str) -> float:
    started = time.process_time()
    extract(Document(text=text))
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--big", type=float, default=5.0, help="MB of the big article (0: skip)")
    ap.add_argument("--huge", type=float, default=10.0, help="MB of the huge article ingested (0: skip)")
    args = ap.parse_args(argv)
    status = 0

    print("1. hostile inputs under 100 KB (CPU seconds of extract)")
    slow = []
    for name, text in hostile().items():
        t = seconds(text)
        if t >= 1.0:
            slow.append((t, name))
        print(f"   {t:7.2f}  {name}", flush=True)
    print(f"   {len(slow)} of {len(hostile())} took 1 s or more" + (": " + "; ".join(f"{n} ({t:.1f} s)" for t, n in slow)
                                                                   if slow else ""))
    status |= bool(slow)

    def article(mb: float) -> tuple[str, str]:
        text = corpus_text(args.shared, int(mb * 1e6))
        return (text, "BBC corpus texts end to end") if text else (own_text(int(mb * 1e6)), "sentences of our own")

    if args.big:
        text, what = article(args.big)
        t = seconds(text)
        print(f"2. a {len(text) / 1e6:.1f} MB article ({what}): extract {t:.1f} CPU s (target: under 30 s)")
        status |= t >= 30
    if args.huge:
        text, what = article(args.huge)
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "huge.txt"
            src.write_text(text, encoding="utf-8")
            started = time.perf_counter()
            run = subprocess.run([sys.executable, "-m", "tracker.cli", "ingest", str(src), "--db",
                                  str(Path(tmp) / "huge.db"), "--timeout", "0", "-q"], cwd=REPO,
                                 capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(REPO)))
            took = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"3. a {len(text) / 1e6:.1f} MB article ({what}) ingested: {took:.1f} s, peak memory {peak:.0f} MB "
              f"(target: under 500 MB); {run.stderr.strip().splitlines()[-1] if run.stderr.strip() else ''}")
        status |= run.returncode != 0 or peak >= 500
    return status


if __name__ == "__main__":
    sys.exit(main())
