"""Distinct, realistic articles in any number, made at run time from a corpus of real ones (the benchmark's).

    python -m tracker.bench_corpus CORPUS -n 100k --out DIR [--seed 0] [--shard 1000]
    python -m tracker.bench_corpus CORPUS -n 10k --out -          # one JSON Lines stream on stdout

CORPUS is a folder of ``<section>_<n>.txt`` articles (headline on the first line, paragraphs separated by
blank lines), such as the BBC corpus under ../shared/corpus/bbc. It is read where it is, at run time: no
text of it is copied into the repository. Article ``i`` of the output is made from it alone, from a random
generator seeded with ``(seed, i)``, so the same seed gives the same articles, any slice can be made on its
own, and nothing but the source corpus is held in memory:

- a lead article of a section, in turn (article ``i`` leads with the ``i // sections``-th article of its
  section, round after round), its first paragraphs, then a run of paragraphs from another article of the
  same section, then perhaps a third: quotes, their speakers and the figures around them stay in context;
- people renamed consistently within a round of the corpus: in each round (one pass over the source
  articles) half the surnames are mapped to other surnames found in the corpus, so the same person recurs
  across the articles of a round, as in an archive, and speakers grow with the corpus, as in an archive;
- figures scaled by a factor of the article (with a little jitter per figure), written as the original
  was (decimals, thousands separators); years shifted to the article's publication year, spread over ten
  years from 2005;
- a reporter's credit at the end, a name of its own for each article (first names of the tracker's
  lexicon, surnames of the corpus): texts stay distinct even where the rest comes out the same;
- an outlet of a few fictional ones, a URL under example.org, a publication date.

Written as JSON Lines shards of ``--shard`` records (``part-000000.jsonl``, ...): ``tracker ingest DIR``
reads each shard whole, so a shard stays a few megabytes whatever the corpus size.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import re
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from . import lexicon

OUTLETS = ("The Morning Ledger", "Northern Courier", "City Post", "The Evening Standard-Bearer", "Coastal Times",
           "The Daily Record Office")
START = date(2005, 1, 1)
DAYS = 3652                     # publication dates spread over ten years from START
SIZES = {"k": 1_000, "m": 1_000_000}

# a figure: digits with thousands separators or decimals, not inside a word ("G7", "mp3"), a date ("9/11"),
# a time ("7:30") or a decimal already matched
_NUMBER = re.compile(r"(?<![\w/:.,£$€-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w/:]|,\d|\.\d)")
_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def size(text: str) -> int:
    """``10k`` -> 10000, ``1M`` -> 1000000, ``250`` -> 250."""
    t = text.strip().lower().replace("_", "")
    mult = SIZES.get(t[-1:], 1)
    return int(float(t[:-1] if mult > 1 else t) * mult)


class Source:
    """The source corpus, by section: each article a (title, paragraphs), and the surnames it uses."""

    def __init__(self, folder: str | Path):
        self.sections: dict[str, list[tuple[str, list[str]]]] = {}
        for f in sorted(Path(folder).glob("*.txt")):
            section = f.stem.rsplit("_", 1)[0]
            text = f.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
            title, _, body = text.strip().partition("\n")
            paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
            if paragraphs:
                self.sections.setdefault(section, []).append((title.strip(), paragraphs))
        if not self.sections:
            raise ValueError(f"no articles (<section>_<n>.txt) in {folder}")
        self.names = sorted(self.sections)
        self.surnames = self._surnames()
        self.first_names = sorted({w for f in ("first_names_male.txt", "first_names_female.txt")
                                   for w in lexicon.lines("speakers/" + f)})

    def _surnames(self) -> list[str]:
        """Capitalised words that follow a known first name in the corpus ("Ann Smith" gives "Smith")."""
        first = {w.lower() for f in ("first_names_male.txt", "first_names_female.txt")
                 for w in lexicon.lines("speakers/" + f)}
        common = lexicon.words("speakers/common_capitalised.txt")
        found = set()
        for articles in self.sections.values():
            for _, paragraphs in articles:
                for p in paragraphs:
                    words = p.split()
                    for a, b in zip(words, words[1:]):
                        b = b.rstrip(".,;:'\"")
                        if a.lower() in first and _WORD.fullmatch(b) and b.lower() not in common and len(b) > 2:
                            found.add(b)
        return sorted(found) or ["Smith"]


class Generator:
    """Article ``i`` of a seeded synthetic corpus, as a JSON-ready dict; see the module's docstring."""

    def __init__(self, source: Source, seed: int = 0):
        self.source, self.seed = source, seed
        self.surnames = frozenset(source.surnames)

    def _renames(self, rnd: int, surnames: set[str]) -> dict[str, str]:
        """This round's new surname for each of ``surnames`` (half keep their own); one mapping a round."""
        out = {}
        pool = self.source.surnames
        for s in surnames:
            r = random.Random(f"{self.seed}:{rnd}:{s}")
            if rnd and r.random() < 0.5:
                out[s] = pool[r.randrange(len(pool))]
        return out

    def article(self, i: int) -> dict:
        src = self.source
        section = src.names[i % len(src.names)]
        articles = src.sections[section]
        j = i // len(src.names)
        rnd, lead = divmod(j, len(articles))
        rng = random.Random(f"{self.seed}:{i}")
        title, paragraphs = articles[lead]
        keep = rng.randint(1, len(paragraphs))
        body = list(paragraphs[:keep])
        for _ in range(rng.choice((1, 1, 2))):          # one or two runs from other articles of the section
            k = rng.randrange(len(articles) - 1) if len(articles) > 1 else 0
            _, other = articles[k + (len(articles) > 1 and k >= lead)]     # another article than the lead
            start = rng.randrange(1, len(other)) if len(other) > 1 else 0
            body.extend(other[start:start + rng.randint(1, 4)])
        day = START + timedelta(days=rng.randrange(DAYS))
        text = self._vary("\n\n".join(body), rng, rnd, day.year - 2005) + "\n\n" + self.byline(i)
        title = self._vary(title, random.Random(f"{self.seed}:{i}:title"), rnd, day.year - 2005)
        return dict(title=title, text=text, published=day.isoformat(), outlet=OUTLETS[rng.randrange(len(OUTLETS))],
                    url=f"https://example.org/{section}/{day.year}/{i}")

    def byline(self, i: int) -> str:
        """A reporter's credit, one of its own for each article: what keeps texts distinct when the rest of
        two articles happens to come out the same (the same lead, paragraphs and figures: 1 in 100,000 at
        100,000 articles). A first name and a surname of the corpus, then initials when they run out."""
        first, surnames = self.source.first_names, self.source.surnames
        i, f = divmod(i, len(first))
        i, s = divmod(i, len(surnames))
        initials = ""
        while i:
            i, k = divmod(i - 1, 26)
            initials = chr(ord("A") + k) + ". " + initials
        return f"Reporting by {first[f]} {initials}{surnames[s]}"

    def _vary(self, text: str, rng: random.Random, rnd: int, years: int) -> str:
        """Names mapped for the round, figures scaled, years shifted by ``years``."""
        renames = self._renames(rnd, {w for w in _WORD.findall(text) if w in self.surnames})
        if renames:
            text = re.sub(r"\b(" + "|".join(map(re.escape, sorted(renames, key=len, reverse=True))) + r")\b",
                          lambda m: renames[m.group(1)], text)
        factor = rng.uniform(0.6, 1.6)

        def figure(m: re.Match) -> str:
            whole, frac = m.group(1), m.group(2) or ""
            n = float(whole.replace(",", "") + frac)
            if not frac and "," not in whole and len(whole) == 4 and 1900 <= n <= 2030:
                return str(int(n) + years)                  # a year
            if not frac and n < 10:                         # "3 children", "No 10" stay as written
                return m.group(0)
            v = n * factor * rng.uniform(0.95, 1.05)
            if frac:
                return f"{v:,.{len(frac) - 1}f}" if "," in whole else f"{v:.{len(frac) - 1}f}"
            v = max(10, round(v))
            return f"{v:,}" if "," in whole else str(v)

        return _NUMBER.sub(figure, text)

    def articles(self, n: int, first: int = 0) -> Iterator[dict]:
        for i in range(first, first + n):
            yield self.article(i)


def _write_shard(task: tuple[Generator, int, int, Path]) -> Path:
    gen, first, count, path = task
    with open(path, "w", encoding="utf-8") as fh:
        for a in gen.articles(count, first):
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    return path


def write(gen: Generator, n: int, out: str, shard: int = 1000, jobs: int = 1) -> list[Path]:
    """Write ``n`` articles as JSON Lines: shards of ``shard`` records in folder ``out`` (made by ``jobs``
    processes, each shard on its own), or one stream on stdout for ``-``."""
    if out == "-":
        for a in gen.articles(n):
            sys.stdout.write(json.dumps(a, ensure_ascii=False) + "\n")
        return []
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    tasks = [(gen, first, min(shard, n - first), folder / f"part-{k:06d}.jsonl")
             for k, first in enumerate(range(0, n, shard))]
    if jobs <= 1:
        return [_write_shard(t) for t in tasks]
    with multiprocessing.Pool(jobs) as pool:
        return pool.map(_write_shard, tasks, chunksize=1)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="folder of <section>_<n>.txt articles (e.g. ../shared/corpus/bbc)")
    ap.add_argument("-n", "--size", type=size, default=size("10k"), help="articles to make: 10k, 100k, 1M, ...")
    ap.add_argument("--out", required=True, help="folder for the JSON Lines shards, or - for stdout")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--shard", type=int, default=1000, help="records a shard")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="processes writing shards")
    a = ap.parse_args(argv)
    write(Generator(Source(a.corpus), a.seed), a.size, a.out, a.shard, a.jobs)


if __name__ == "__main__":
    main()
