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
- ``lexicons``: the word lists of ``data/claims/`` and the regex pieces built from them
"""
from __future__ import annotations

from ..model import Claim, Sentence
from .quantities import find_quantities


def find_claims(text: str, sentences: list[Sentence] | None) -> list[Claim]:
    """Quantity and comparison claims of ``text`` (``sentences`` from ``segment``; None: one sentence)."""
    claims = find_quantities(text, sentences)
    claims.sort(key=lambda c: (c.start, c.end))
    return claims
