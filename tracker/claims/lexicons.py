"""The claim lexicons of ``data/claims/`` and the regexes built from them (once)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .. import lexicon


def trie_pattern(phrases) -> str:
    """``lexicon.trie_pattern`` with any run of whitespace where a phrase has a space ("per  cent")."""
    return lexicon.trie_pattern(phrases, space=r"\s+")


@dataclass(frozen=True)
class Lexicons:
    number_words: dict
    scales: dict
    fractions: dict
    currencies: dict
    minor_currencies: dict
    qualifiers: dict
    qualifiers_after: dict
    vague: dict
    units: dict
    plural_nouns: frozenset
    not_plural: frozenset
    stop_words: frozenset
    identifier_words: frozenset
    months: frozenset


def _pairs(name: str) -> dict:
    return lexicon.mapping(f"claims/{name}.txt")


@cache
def lexicons() -> Lexicons:
    vague = {}
    for k, v in _pairs("vague").items():
        lo, hi = v.split()
        vague[k] = (float(lo), float(hi))
    return Lexicons(
        number_words={k: float(v) for k, v in _pairs("number_words").items()},
        scales={k: float(v) for k, v in _pairs("scales").items()},
        fractions={k: float(v) for k, v in _pairs("fractions").items()},
        currencies=_pairs("currencies"),
        minor_currencies=_pairs("minor_currencies"),
        qualifiers=_pairs("qualifiers"),
        qualifiers_after=_pairs("qualifiers_after"),
        vague=vague,
        units=_pairs("units"),
        plural_nouns=lexicon.words("claims/plural_nouns.txt"),
        not_plural=lexicon.words("claims/not_plural.txt"),
        stop_words=lexicon.words("claims/stop_words.txt"),
        identifier_words=lexicon.words("claims/identifier_words.txt"),
        months=lexicon.words("claims/months.txt"),
    )
