"""Comparison claims: a figure or fact set against a baseline.

>>> from tracker.claims import find_claims
>>> [(c.text, c.reference) for c in find_claims(
...     "It is the first time since the Ruritanian War that tanks have crossed.", None) if c.kind == "comparison"]
[('the first time since the Ruritanian War', 'the Ruritanian War')]

Kinds of comparison (trigger words in ``data/claims/comparisons.txt``):

- ``ranks``: historical ("the first time since X", "the highest level since
  X", "the lowest rate in 50 years", "the hottest year on record", "ever",
  "for the first time in decades"), superlative over a set ("the largest
  source of Ruritania's river pollution", "the best-staffed campaign of the 2030
  race"), ranks below the top ("the fourth-largest economy"), firsts
  among those who did something ("the first woman to lead the council"),
  record ("a record $70 million fine", "record highs", "an all-time
  low", "the record of $9,100 set in May")
- ``since``: a record by the time since the last like it ("none since 1912 has
  won", "the last time ... was in 1988"), with the reference the text gives
- ``ratios``: "four times the rate of adults", "more than twice what the firm
  forecast for ...", "doubled", "less than one-third of the mayor's figure",
  surpassing ("surpasses the $846.8million raised in 2012")
- ``comparatives``: "slower than any other car", "more cars than Acme Motors", "faster than ever", "compared
  with X", "up from X a year earlier", "fell from £950 in June to £910", "up 4% on a year earlier", "in
  excess of the closing price", "overtaking Sony", "six points ahead of the Liberals", "trailing the Greens",
  "rose 3% year-on-year"
- ``reference``: the noun phrase a comparison names, as written

The quantity scan (``quantities.Scan``) finds the trigger words in its
single pass over the text and calls the reader of each; ``reference`` is the
baseline as written when the text gives one. The figure readers hand over
what they find to be a comparison ("a ten-fold rise", "half the size of").

Measured: comparison F1 1.000 on claims-dev and the seed; on blind held-out
sets 0.623, 0.750 and 0.480 before the fixes each set brought (issue 4's
closing note; recall 0.47 -> 0.82 on one of them, commit 1c623ec), and 0.665
on articles we do not have (issue 16): the rules fit the dev articles better
than the language. Issue 16 part 4 read the phrase's structure instead (the
stretch of time after a first or a superlative, "first X to V", ranks, leads,
changes from one level to another, records of a figure), checked on BBC
articles outside the blind sets: claims2 recall 0.273 -> 1.000 (its misses
were read for it), claims1 F1 0.951 -> 0.977. A fourth pass studied recall on BBC articles outside the
annotated sets: four samples of 100 candidate phrases (comparatives, superlatives, records, changes from a
level, multiples, leads), each judged by the guide before its misses were read. On the last, judged before
any fix of it, recall was 0.733 on the rules before the pass and 0.900 after (precision 0.846 -> 0.871):
the misses are a long tail of forms (a comparative against an earlier time, a change from an old level and
its time, "trailing X", "outsold X", a personal best, "a new Welsh record of", "yet", "in comparison").
"""
from __future__ import annotations

from functools import cache

from ... import lexicon
from . import comparatives, ranks, ratios, records, since
from .ratios import fold_claim, fraction_of_baseline, fraction_of_measure, times_follow

__all__ = ["triggers", "readers", "fold_claim", "fraction_of_baseline", "fraction_of_measure", "times_follow"]

_READERS = {**ranks.READERS, **records.READERS, **since.READERS, **ratios.READERS, **comparatives.READERS}


# the ranks below the top written with a hyphen ("the fourth-largest economy"): a word of their own, as the scan
# finds no word after a hyphen, and the ordinal alone is a fraction ("a fourth")
_RANKS = "second third fourth fifth sixth seventh eighth ninth tenth".split()


@cache
def triggers() -> dict[str, str]:
    """Trigger word -> kind of comparison."""
    words = lexicon.mapping("claims/comparisons.txt")
    words.update({f"{r}-{w}": kind for w, kind in list(words.items()) if kind == "superlative" and
                  w not in ("most", "least") for r in _RANKS})
    return words


def readers() -> dict:
    """Trigger word -> the reader of its kind of comparison (looked up once per trigger in the scan)."""
    return {w: _READERS[kind] for w, kind in triggers().items()}
