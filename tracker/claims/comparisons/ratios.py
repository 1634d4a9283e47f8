"""Comparisons by a ratio: "three times the pace of rivals", "more than twice the sum it planned", "doubled",
"a tenfold increase", "roughly half the size of Acme", "less than one-third of Ann Lee's claim", "surpasses the
$312.5million raised in 2030".

>>> from tracker.claims import find_claims
>>> [(c.text, c.reference) for c in find_claims("Young men die at three times the rate of women.", None)]
[('three times the rate of women', 'the rate of women')]

A multiplier counts only when it compares: "times" before a baseline or a
comparative ("times the rate", "times as many"), "twice" / "double" before
one or after "more than", "nearly"; "twice a week" is a frequency,
"doubled down" an idiom, "double-digit" an adjective (commit 95f356c). A
past multiplier's object or new level is no baseline ("quintupled to
$169,758": commit 1c623ec). A bare figure after a verb of surpassing is a
threshold, read by the quantities as a lower bound ("exceeding 3 percent of
GDP": commit 808392f); with a determiner it is the baseline passed.
"""
from __future__ import annotations

import re

from ...model import Claim
from ..lexicons import trie_pattern, word_list
from ..numbers import read_words
from .reference import TRAILING, claim, noun_phrase

_TIMES_FOLLOW = re.compile(r"(?<!\s)\s+(?:as\b|more\b|higher|larger|bigger|greater|lower|smaller|less|fewer|faster|slower|"
                           r"the\b|that\b|what\b|its\b|their\b|his\b|her\b|those\b|these\b|this\b|than\b|over\b)")


_MULTIPLE_FOLLOW = re.compile(r"(?<!\s)\s+(?:as\b|the\b|that\b|what\b|its\b|their\b|his\b|her\b|those\b|these\b|this\b|"
                              r"than\b)")


_MULTIPLE_BEFORE = ("more than", "less than", "nearly", "almost", "about", "roughly", "than", "over", "at least",
                    "some", "around", "up to")


# the baseline passed: a figure with a determiner ("surpasses the $312.5million raised in 2030"); a bare
# figure is a threshold ("debts start exceeding 4 percent of GDP"), read as a lower bound by the quantities
_SURPASS_OBJECT = re.compile(r"(?<!\s)\s+(?:(?:the|a|its|their)\s+(?:previous\s+|prior\s+)?(?:record\s+)?|"
                             r"(?:previous|prior|record)\s+)(?:(?:us|a|c|au|nz|hk)?[$£€¥]\d|\d)")


_DETERMINERS = frozenset(("the", "a", "an", "this", "last"))
_PREPOSITIONS = (TRAILING - _DETERMINERS - {"of", "and", "or"}) | {"within", "before", "after", "until", "since", "than"}
# the object of "exceed" that is a measure: "that of France", "those of its rivals", "the annual budget of the city"
# (a bare figure is a threshold, read as a bound; "exceeded his powers" names no measure)
_MEASURE_OBJECT = re.compile(r"(?<!\s)\s+(?:(?:that|those)\s+of(?P<ref>\s)|(?:the|its|their|his|her|our|[\w.-]+(?:’s|'s))\s+"
                             r"(?:[\w’'-]+\s+){0,2}?(?:" + trie_pattern(word_list("measure_nouns") | word_list("baseline_nouns")) +
                             r")s?\b)")
# what a multiple named as a noun multiplies: "a doubling in| their assets", "a tripling of| fares"
_NOUN_OF_CHANGE = re.compile(r"(?<!\s)\s+(?:in|of)\s+(?:(?:the|its|their|his|her|our)\s+)?(?!(?:a|an|the)\b)[a-z][\w-]*")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_TIMES_REST = re.compile(r"(?<!\s)\s+(?:as\s+(?:[a-z]+\s+){1,4}?as|(?:more|higher|larger|bigger|greater|lower|smaller|less|"
                         r"fewer|faster|slower)(?:\s+[a-z]+){0,2}?\s+than|than|over)\b")


_FREQUENCY = re.compile(r"(?<!\s)\s+(?:a|an|per|each|every)\s+(?:day|week|month|year|season|night)")
_MULTIPLE_REST = re.compile(r"(?<!\s)\s+(?:as\s+(?:[a-z]+\s+){1,4}?as|(?:the|its|their|his|her)\s+(?=\w)|than|over|from|"
                            r"since)\b")


_FIGURE = re.compile(r"[\w$£€¥.,%]*(?:\s+(?:million|billion|trillion|thousand))?")
_COMPARATIVES = (" as ", " more", " higher", " larger", " bigger", " greater", " lower", " smaller", " less",
                 " fewer", " faster", " slower")


_THREE_WORDS = re.compile(r"(?<!\s)(?:\s+[\w’'-]+){1,3}")
_CLAUSE_TAIL = re.compile(r"[^,;.!?]*")


def times_follow(low: str, pos: int) -> bool:
    """Does "N times" at ``pos`` compare with a baseline ("times the rate", "times as many")?"""
    return bool(_TIMES_FOLLOW.match(low, pos))


def _multiplier_before(scanner, pw, s):
    """The start of "three" / "10" / "2.5" / "many" before "times", or None."""
    if not pw:
        return None
    w = pw[-1]
    if _NUMBER.fullmatch(w) or read_words(w) is not None or w in ("many", "several", "few"):
        return scanner.low.rfind(w, 0, s)
    return None


def _times(scanner, word, s, e, sent):
    low = scanner.low
    pw = scanner.before(s, sent)
    start = _multiplier_before(scanner, pw, s)
    if start is None or not times_follow(low, e):
        return None
    rest = _TIMES_REST.match(low, e, sent.end)
    if rest:                                     # "10 times higher than ...", "twice as many as ..."
        ref, end = noun_phrase(scanner, rest.end(), sent.end)
    elif low.startswith(_COMPARATIVES, e):       # "five times as many people": no baseline given
        m = _THREE_WORDS.match(low, e, sent.end)
        ref, end = None, m.end() if m else e
        while end > e and low[low.rfind(" ", e, end) + 1:end] in TRAILING:
            end = low.rfind(" ", e, end)         # "2.6 times more likely| to"
    else:                                        # "three times the pace of rivals"
        ref, end = noun_phrase(scanner, e, sent.end)
    qs = _qualifier_start(scanner, pw[:-1], start)
    return claim(scanner, sent, qs, max(end, e), ref)


def _qualifier_start(scanner, pw, start):
    """Widen a span over "more than" / "nearly" before it."""
    for k in (2, 1):
        if len(pw) >= k and " ".join(pw[-k:]) in _MULTIPLE_BEFORE:
            return scanner.low.rfind(pw[-k], 0, start)
    return start


def _multiple(scanner, word, s, e, sent):
    low = scanner.low
    pw = scanner.before(s, sent)
    if low[e:e + 1] == "-":
        return None                              # "double-digit", "twice-weekly"
    past = word.endswith("ed")
    if past and low.startswith((" down", " up"), e):
        return None                              # "doubled down": an idiom
    before = " ".join(pw[-2:]) if len(pw) > 1 else ""
    if word.endswith("ing") and pw and pw[-1] in ("a", "the"):
        # "a doubling in their assets": the change named as a noun, against the level before it
        m = _NOUN_OF_CHANGE.match(low, e, sent.end)
        return claim(scanner, sent, _qualifier_start(scanner, pw[:-1], low.rfind(pw[-1], 0, s)), m.end() if m else e,
                     None)
    if not past:
        if _FREQUENCY.match(low, e, e + 14):
            return None                          # "twice a week": a frequency
        follows = _MULTIPLE_FOLLOW.match(low, e, sent.end)
        if not follows and not (pw and (pw[-1] in _MULTIPLE_BEFORE or before in _MULTIPLE_BEFORE)):
            return None
    start = _qualifier_start(scanner, pw, s)
    rest = _MULTIPLE_REST.match(low, e, sent.end)
    pos = rest.end() if rest and not rest.group().strip() in ("the", "its", "their", "his", "her") else e
    if rest and rest.group().split()[0] in ("the", "its", "their", "his", "her"):
        pos = e
    ref, end = noun_phrase(scanner, pos, sent.end, max_words=12)
    if past and (not ref or pos == e):
        ref, end = None, e                       # "quintupled to $169,758", "doubled after May": no baseline
    return claim(scanner, sent, start, max(end, e), ref)


def _cut_at_preposition(scanner, ref: str | None, end: int, pos: int) -> tuple[str | None, int]:
    """The object of a verb of passing up to its first preposition: "outsold its rival| in Europe", "exceed that
    of Ruritania| in under four years" (the object's own "of" kept)."""
    words = (ref or "").split()
    cut = next((i for i, x in enumerate(words) if i and x.lower() in _PREPOSITIONS), None)
    if not cut:
        return ref, end
    ref = " ".join(words[:cut])
    return ref, scanner.text.index(ref, pos) + len(ref)


def _surpass(scanner, word, s, e, sent):
    low = scanner.low
    if word.startswith(("dwarf", "out")):
        if scanner.text[s].isupper() and scanner.low[s - 2:s] != ". ":
            return None                          # "(the album) Gently Outpaced": a title
        if word.endswith("ed") and low.startswith(" by ", e):
            e += 3                               # "was dwarfed by the $5m ...": the passive names what is bigger
        m = _SURPASS_OBJECT.match(low, e, sent.end)
        if not m:                                # "dwarfs the old deal", "outsold its rival": a comparison whatever
            ref, end = noun_phrase(scanner, e, sent.end, max_words=4)     # the object
            if ref and ref.split()[0].lower() in TRAILING and ref.split()[0].lower() not in _DETERMINERS:
                return None                      # "outpaced in ...": no object
            ref, end = _cut_at_preposition(scanner, ref, end, e)     # "outsold its rival| in Europe"
            return claim(scanner, sent, s, end, ref) if ref else None
    else:
        m = _SURPASS_OBJECT.match(low, e, sent.end)
        o = None if m else _MEASURE_OBJECT.match(low, e, sent.end)
        if o and "record" not in o.group():      # "exceed that of France", "exceeded the annual budget of the city":
            pos = o.end("ref") - 1 if o.group("ref") is not None else e                  # a measure passed
            ref, end = noun_phrase(scanner, pos, sent.end, max_words=6)
            ref, end = _cut_at_preposition(scanner, ref, end, pos)
            return claim(scanner, sent, s, end, ref) if ref else None
    if not m:
        return None
    # the figure, then what it measured: "the $312.5million that flowed into ... 2030 race"
    fig = _FIGURE.match(low, m.end() - 1)
    # the clause after the figure, read no further than it may be taken (120 characters), not to the end of the
    # sentence at every trigger: that made a long sentence quadratic
    tail = _CLAUSE_TAIL.match(scanner.text, fig.end(), min(sent.end, fig.end() + 120))
    end = tail.end() if tail and tail.end() - fig.end() < 120 else fig.end()
    ref = scanner.text[fig.end():end].strip() or None
    return claim(scanner, sent, s, end, ref)


_APPOSITION = re.compile(r"(?:,|\(|—|–|-)\s*(?:or\s+)?$")
_BASELINE = re.compile(r"(?<!\s)\s+of\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+|[\w.-]+(?:’s|'s)\s+)"
                       r"(?:[\w’'-]+\s+){0,2}?(?:" + trie_pattern(word_list("baseline_nouns")) + r")s?\b")


def fraction_of_baseline(scanner, start: int, e: int, sent) -> Claim | None:
    """A fraction that restates a figure against a baseline: "9.5 percent, or less than
    one-third of Ann Lee's claim" (a comparison, not a share of a group)."""
    low = scanner.low
    if not _APPOSITION.search(low, max(sent.start, start - 6), start):
        return None
    m = _BASELINE.match(low, e, sent.end)
    if not m:
        return None
    ref_start = e + len(low[e:m.end()]) - len(low[e:m.end()].lstrip())
    ref = scanner.text[ref_start + 3:m.end()].strip()
    return claim(scanner, sent, start, m.end(), ref)


def _fold(scanner, word, s, e, sent):
    """"a tenfold increase", "grows by about 8 fold": a multiplier whose baseline is implicit."""
    pw = scanner.before(s, sent)
    if word == "fold":
        start = _multiplier_before(scanner, pw, s)
        if start is None:
            return None
        pw = pw[:-1]
    else:
        start = s
    return fold_claim(scanner, _qualifier_start(scanner, pw, start), e, sent)


def fold_claim(scanner, start: int, e: int, sent) -> Claim:
    """The multiplier from ``start`` to ``e`` ("10-fold"), with the noun it qualifies ("a tenfold increase")."""
    m = _FOLD_NOUN.match(scanner.low, e, sent.end)
    end = m.end() if m else e
    return claim(scanner, sent, start, end, None)


_FOLD_NOUN = re.compile(r"(?<!\s)\s+(?:" + trie_pattern(word_list("change_nouns")) + r")s?\b")
# "half the size of Pfizer", "a third the rate of 2010": a ratio to a baseline
_MEASURE_OF = re.compile(r"(?<!\s)\s+the\s+(?:" + trie_pattern(word_list("measure_nouns")) + r")\s+of\b")


def fraction_of_measure(scanner, start: int, e: int, sent) -> Claim | None:
    """A fraction of another thing's measure: "about half the size of Pfizer" (a comparison)."""
    m = _MEASURE_OF.match(scanner.low, e, sent.end)
    if not m:
        return None
    ref, end = noun_phrase(scanner, m.end(), sent.end, max_words=6)
    if ref is None:
        return None
    return claim(scanner, sent, start, end, ref)


# kind of comparison (data/claims/comparisons.txt) -> its reader
READERS = {"times": _times, "multiple": _multiple, "surpass": _surpass, "fold": _fold}
