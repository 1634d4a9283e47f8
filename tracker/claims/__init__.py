"""Claims: quantities (value, bounds, unit, qualifier) and comparisons.

``find_claims(text, sentences)`` returns the claims of the non-boilerplate
sentences in text order; ``extract.py`` attaches those inside a quote to the
quote and its speaker.

- ``numbers``: reading a figure exactly as written ("100,00" stays unread)
- ``quantities``: finding figures in text, with qualifier, range and unit
- ``comparisons``: "the first time since", "a record", "three times the rate"
"""
from __future__ import annotations

from ..model import Claim, Sentence
from .quantities import find_quantities


def find_claims(text: str, sentences: list[Sentence] | None) -> list[Claim]:
    """Quantity and comparison claims of ``text`` (``sentences`` from ``segment``; None: one sentence)."""
    claims = find_quantities(text, sentences)
    claims.sort(key=lambda c: (c.start, c.end))
    return claims
