"""The reference of a comparison: the noun phrase after its trigger, as written, and the claim's span.

>>> from tracker.claims import find_claims
>>> [(c.text, c.reference) for c in find_claims("She is the oldest member of the U.S. Senate.", None)]
[('the oldest member of the U.S. Senate', 'the U.S. Senate')]

A noun phrase runs over at most a few words, up to a clause word, a verb of
saying, a pronoun or a negation (``BOUNDARY``), or a full stop that ends no
abbreviation ("U.S.", "Mr."); trailing prepositions and articles are
dropped ("the largest number of delegates ... on| Super Tuesday": commit
95f356c). The span starts at the article or possessive before a trigger
("the first time since ...").
"""
from __future__ import annotations

import re

from ...model import Claim
from ..lexicons import word_list

# words that end the noun phrase after a trigger: clause words, verbs of saying, pronouns, negated auxiliaries
BOUNDARY = frozenset(
    "that which who whom whose when where while and but or as because after before if than is are was were be "
    "been has have had will would could should can may might said says say told according so although though "
    "unless until despite whereas then now also still already even just only here there today yesterday seems "
    "seem seemed appears appear appeared we i you they he she it won’t won't isn’t isn't wasn’t wasn't aren’t "
    "aren't don’t don't doesn’t doesn't didn’t didn't can’t can't couldn’t couldn't wouldn’t wouldn't it’s it's "
    "that’s that's".split())


# what ends a change just before "on" ("up 3.4% on a year earlier", "5% higher on last year")
CHANGED = re.compile(r"(?:\d%?|\bper\s?cent|\bpoints?|\bup|\bdown|\bhigher|\blower|\bmore|\bless|\bfewer)\s*$")
TOKEN = re.compile(r"(?<!\s)\s+([^\s,;:!?()\[\]“”\"—–]+)")
TRAILING = frozenset("on in of for by at to with from during among into over the a an and or last this".split())
_TITLES = word_list("title_abbreviations")
ABBREV = re.compile(r"(?:[A-Za-z]\.)+")


def noun_phrase(scanner, pos: int, limit: int, max_words: int = 8) -> tuple[str | None, int]:
    """The noun phrase starting after ``pos``: (text as written, end)."""
    text = scanner.text
    end = pos
    n = 0
    ends = []                                    # (end, word) of each token taken
    for m in TOKEN.finditer(text, pos, limit):
        if m.start() != end:
            break
        w = m.group(1)
        lw = w.lower().rstrip(".")
        if lw in BOUNDARY and n and not (lw == "may" and w[0] == "M") or lw == "-" or ".." in w:   # "in May"
            break
        n += 1
        if w.endswith(".") and not ABBREV.fullmatch(w) and lw not in _TITLES:
            end = m.end() - 1
            ends.append((end, lw))
            break
        end = m.end()
        ends.append((end, lw))
        if n >= max_words:
            break
    while len(ends) > 1 and ends[-1][1] in TRAILING:
        ends.pop()                               # "the largest number of delegates ... on| Super Tuesday"
    end = ends[-1][0] if ends else pos
    if end == pos:
        return None, pos
    start = pos + len(text[pos:end]) - len(text[pos:end].lstrip())
    ref = text[start:end].strip("’'")
    return (ref or None), end


def claim(scanner, sent, start: int, end: int, reference: str | None) -> Claim:
    return Claim(kind="comparison", text=scanner.text[start:end], start=start, end=end, sentence_idx=sent.idx,
                 reference=reference)


def article_start(scanner, pw: list[str], s: int) -> int:
    """Start the span at "the" / "a" before the trigger ("the first time since ...")."""
    if pw and pw[-1] in ("the", "a", "an", "its", "their", "his", "her", "our", "new"):
        return scanner.low.rfind(pw[-1], 0, s)
    return s
