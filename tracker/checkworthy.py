"""Check-worthiness of sentences (0..1; 0.5 and above: worth checking).

Baseline: a sentence with a digit scores 0.6. A trained model replaces it.
"""
from __future__ import annotations

import re

from .model import Claim, Sentence

_DIGIT = re.compile(r"\d")


def score_text(text: str) -> float:
    return 0.6 if _DIGIT.search(text) else 0.1


def score(sentences: list[Sentence], claims: list[Claim]) -> None:
    for s in sentences:
        s.checkworthiness = 0.0 if s.boilerplate else score_text(s.text)
