"""The claim lexicons of ``data/claims/`` and the regex pieces built from them (once).

Every word list a user might tune lives in a data file with a ``#`` header
saying what it holds and why; the modules of this package read them here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import lexicon
from .cldr import cldr_currencies, cldr_units, iso_codes

# the scale words that end a written number ("two million"); "hundred" scales inside one
SCALE_WORDS = frozenset(("thousand", "million", "billion", "trillion"))
# a figure in digits as the readers see it: "12", "12,500", "3.75", and malformed "100,00" alike
DIG = r"\d+(?:[.,]\d+)*"


def word_list(name: str) -> frozenset[str]:
    """The words of ``data/claims/<name>.txt``, lower case."""
    return lexicon.words(f"claims/{name}.txt")


def trie_pattern(phrases) -> str:
    """``lexicon.trie_pattern`` with any run of whitespace where a phrase has a space ("per  cent")."""
    return lexicon.trie_pattern(phrases, space=r"\s+")


@dataclass(frozen=True)
class Lexicons:
    number_words: dict
    scales: dict
    fractions: dict
    currencies: dict                # word, name, symbol or code -> ISO code, or the codes it may mean
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
    change_words: frozenset         # "fell 3%": a change, not a level
    change_by_words: frozenset      # "cut by 5%": a change only with "by"
    time_words: frozenset
    phrasal_verbs: frozenset
    kind_nouns: frozenset
    time_spans: dict


def _pairs(name: str) -> dict:
    return lexicon.mapping(f"claims/{name}.txt")


def _units() -> dict:
    """The project's units (data/claims/units.txt), then CLDR's names of units of measurement."""
    own = _pairs("units")
    return {**cldr_units(tuple(own.items())), **own}


@cache
def lexicons() -> Lexicons:
    vague = {}
    for k, v in _pairs("vague").items():
        lo, hi = v.split()
        vague[k] = (float(lo), float(hi))
    changes = _pairs("change_verbs")
    return Lexicons(
        number_words={k: float(v) for k, v in _pairs("number_words").items()},
        scales={k: float(v) for k, v in _pairs("scales").items()},
        fractions={k: float(v) for k, v in _pairs("fractions").items()},
        # CLDR's names and symbols, ISO codes (read only in capitals), then the project's forms, which win
        currencies={**{c: c.upper() for c in iso_codes()}, **cldr_currencies(), **_pairs("currencies")},
        minor_currencies=_pairs("minor_currencies"),
        qualifiers=_pairs("qualifiers"),
        qualifiers_after=_pairs("qualifiers_after"),
        vague=vague,
        units=_units(),
        plural_nouns=lexicon.words("claims/plural_nouns.txt"),
        not_plural=lexicon.words("claims/not_plural.txt"),
        stop_words=lexicon.words("claims/stop_words.txt"),
        identifier_words=lexicon.words("claims/identifier_words.txt"),
        months=lexicon.words("claims/months.txt"),
        change_words=frozenset(w for w, by in changes.items() if not by),
        change_by_words=frozenset(w for w, by in changes.items() if by),
        time_words=lexicon.words("claims/time_words.txt"),
        phrasal_verbs=lexicon.words("claims/phrasal_verbs.txt"),
        kind_nouns=lexicon.words("claims/kind_nouns.txt"),
        time_spans={k: float(v) for k, v in _pairs("time_spans").items()},
    )


@cache
def number_words() -> frozenset[str]:
    """Every word a written number is made of: "one", "twenty", "hundred", "million", "half", "thirds"."""
    lx = lexicons()
    return frozenset(set(lx.number_words) | {"hundred"} | SCALE_WORDS | set(lx.fractions))


@cache
def number_word_pattern() -> str:
    """A regex for one number word (a trie of ``number_words``)."""
    return trie_pattern(number_words())


def is_sign(key: str) -> bool:
    """Is a currency form a sign (with the letters glued before it: "$", "us$", "₩"), not a word?"""
    return not key[-1].isalnum()


@cache
def currency_sign_pattern() -> str:
    """A regex for a currency sign with its letters, longest first ("US$" before "$")."""
    signs = sorted((k for k in lexicons().currencies if is_sign(k)), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(s) for s in signs) + ")"


@cache
def qualifier_last_words() -> frozenset[str]:
    """The last word of every qualifier ("than" of "more than"), and "the" ("past the $1billion mark")."""
    return frozenset(q.split()[-1] for q in lexicons().qualifiers) | {"the"}


@cache
def written_number_pattern() -> str:
    """A regex for a number in words: "twenty-one", "one hundred and two", "two and a half million"."""
    nw = number_word_pattern()
    return rf"{nw}(?:(?:-(?:and-)?(?:an?-)?|\s+(?:and\s+)?(?:an?\s+)?){nw})*"
