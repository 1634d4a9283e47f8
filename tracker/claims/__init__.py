"""Claims: quantities (value, bounds, unit, qualifier) and comparisons.

``find_claims(text, sentences)`` returns the claims of the non-boilerplate
sentences in text order; ``extract.py`` attaches those inside a quote to the
quote and its speaker.

- ``quantities``: the scan, which hands every place a claim may start to its reader
- ``anchors``: where a claim may start (figures, number and comparison words)
- ``figures``: reading a figure in digits or in words where it stands
- ``numbers``: a figure's value exactly as written ("100,00" stays unread)
- ``units``: what a figure counts (currencies, units, rates, the counted noun)
- ``qualifiers``: about, more than, between X and Y, vague magnitudes
- ``after``: what the words after a figure make of it (shares, ratios, ranges, units)
- ``not_quantities``: dates, years, times, names, identifiers, phones, ages, scores
- ``comparisons``: "the first time since", "a record", "three times the rate"
- ``statement``: the clause that makes a claim, what its figure measures, whom it is about, when
- ``cldr``: currency names, symbols and codes, and unit names, from CLDR (babel)
- ``lexicons``: the word lists of ``data/claims/`` and the regex pieces built from them
"""
from __future__ import annotations

from ..model import Claim, Sentence
from .quantities import find_quantities
from .statement import describe


def find_claims(text: str, sentences: list[Sentence] | None) -> list[Claim]:
    """Quantity and comparison claims of ``text`` (``sentences`` from ``segment``; None: one sentence), each with
    its statement, measure, subject and period."""
    if sentences is None:
        sentences = [Sentence(0, 0, len(text), text, 0)]
    scan = find_quantities(text, sentences)
    claims = scan.claims + scan.comparisons
    claims.sort(key=lambda c: (c.start, c.end))
    describe(text, scan.low, sentences, claims, headline(sentences))
    return claims


def headline(sentences: list[Sentence]) -> int | None:
    """0 when the first sentence is a headline: a paragraph of its own, with no full stop."""
    if not sentences or sentences[0].paragraph != 0 or len(sentences) > 1 and sentences[1].paragraph == 0:
        return None
    return None if sentences[0].text.rstrip().endswith(".") else 0
