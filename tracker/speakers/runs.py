"""Where a run of capitalised words is cut into names: at a possessive, a sentence end, a question's auxiliary.

Pure functions over strings. Newspapers write names as runs of capitalised
words, but a run is not always one name:

- a possessive ends a name: "Rep. Alan Grayson’s Senate campaign" names Alan
  Grayson and no person called Senate (part of a change of 53 PolNeAR
  speakers, about 40 for the better), except a possessor inside a
  prepositional phrase ("on President Obama’s Affordable Care Act"), which is
  no antecedent at all;
- a sentence can end inside a run ("Inspector General Steve Lenard. The ..."
  had been filed under a surname "The"; the same cut ended "Is Sanders");
- an auxiliary opening a question is no given name ("Will Hale give up?"): in
  the third blind speaker set one misread headline of that shape made a person
  who took every later mention of the surname (5 of the set's 17 wrong).

The plain scans here are twice as fast as ``names.RUN`` (which reads
abbreviated titles and particles), and they run over every sentence.
"""
from __future__ import annotations

import re

from .. import lexicon
from . import names as N

# runs of capitalised words as a plain scan finds them (twice as fast as names.RUN; a lookbehind for the word
# boundary would double the cost again, so callers skip matches that start inside a word); full stops are cut
# after. The quantifiers are possessive (*+, ++): a word never ends in a space, so giving characters back cannot
# help, and not trying saves a sixth of the scan
SIMPLE_RUN = re.compile(r"[A-Z][\w’'\-\.]*+(?:[ \u00a0][A-Z][\w’'\-\.]*+)*+")

SIMPLE_MULTI = re.compile(r"[A-Z][\w’'\-\.]{0,60}+(?:[ \u00a0][A-Z][\w’'\-\.]{0,60}+)++")     # two words or more

PREPOSITIONS = "of|to|with|by|for|from|at|on|in|about|against|than"

_IN_PREPOSITIONAL = re.compile(rf"\b(?:{PREPOSITIONS})[ \u00a0]+\Z")

_POSSESSIVE_CUT = re.compile(r"(?<=[’']s)[ \u00a0]")


# auxiliaries that open a question; "Will" and "May" are given names too ("Will Hale give up?")
AUX_FIRST = frozenset(lexicon.lines(N.D + "question_auxiliaries.txt"))
_SENTENCE_END = re.compile(r"[.?!\n]")


def possessive_parts(run: str):
    return _POSSESSIVE_CUT.split(run) if "’s " in run or "'s " in run else (run,)


def split_at_possessives(text: str, runs: list[tuple[int, str]], lo: int) -> list[tuple[int, str]]:
    """(start, run) for runs of capitalised words, a run cut after a possessive inside it: "Rep. Alan Grayson’s
    Senate campaign" names Alan Grayson, and no person called Senate."""
    out = []
    for start, run in runs:
        parts = possessive_parts(run)
        if len(parts) > 1:
            for i, part in enumerate(parts):
                # (a possessor inside a prepositional phrase, "on President Obama’s Affordable Care Act", "of
                # Vladimir Putin’s Russia", is no antecedent: it read as part of one long name before the cut)
                if i == len(parts) - 1 or not _IN_PREPOSITIONAL.search(text, max(lo, start - 8), start):
                    out.append((start, part))
                start += len(part) + 1
        else:
            out.append((start, run))
    return out


def question_aux(text: str, start: int, run: str) -> tuple[int, str]:
    """A run without the auxiliary that opens a question ("Will Hale" in "Will Hale give up?")."""
    first, _, rest = run.partition(" ")
    if first not in AUX_FIRST or not rest:
        return start, run
    before = text[max(0, start - 3):start].rstrip(" \u00a0")
    if before and before[-1] not in ".?!:\n“\"":
        return start, run           # inside a sentence: "Prince William", "Tom and Will Hale"
    end = _SENTENCE_END.search(text, start + len(run))
    if end is None or text[end.start()] != "?":
        return start, run
    return start + len(first) + 1, rest


def sentence_parts(run: str) -> list[str]:
    """A run split where a sentence ends inside it ("Inspector General Steve Lenard. The" -> the name and "The");
    parts of one word are no full names and are left out."""
    parts, cur = [], []
    for t in run.split(" "):
        cur.append(t)
        if t.endswith(".") and not N.is_abbreviation(t):
            parts.append(" ".join(cur))
            cur = []
    if cur:
        parts.append(" ".join(cur))
    return [p for p in parts if " " in p]


def cut_at_sentence_end(start: int, run: str) -> tuple[int, str]:
    """The part of a run after its last sentence-final full stop ("Trump. Ben Carson" -> "Ben Carson"),
    without a final full stop that ends the sentence."""
    if "." not in run:
        return start, run
    toks = run.split(" ")
    cut = 0
    for i, t in enumerate(toks[:-1]):
        if t.endswith(".") and not N.is_abbreviation(t):
            cut = i + 1
    kept = " ".join(toks[cut:]) if cut else run
    if kept.endswith(".") and not N.is_abbreviation(kept.rsplit(" ", 1)[-1]):
        kept = kept[:-1]
    return start + len(run) - len(kept) if cut else start, kept
