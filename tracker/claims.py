"""Claims: quantities (value, bounds, unit, qualifier) and comparisons.

Baseline: nothing yet; the number reader and comparison patterns replace it.
"""
from __future__ import annotations

from .model import Claim, Sentence


def find_claims(text: str, sentences: list[Sentence]) -> list[Claim]:
    return []
