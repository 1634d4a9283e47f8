"""Reading a number exactly as written: digits, words, scales, fractions.

>>> read_digits("100,000")
100000.0
>>> read_digits("100,00") is None        # malformed: never guess 100 or 10000
True
>>> read_words("twenty-seven")
27.0
>>> read_words("half a million")
500000.0
>>> read_number("$1.2 billion")
1200000000.0

Written by hand: the libraries that read numbers in text (quantulum3,
recognizers-text, word2number) misread exactly the cases news needs
("100,00" as 100 and 0, "half a million" as 1.5 million, "$11.1bn" as a
unit), have no notion of a malformed figure, and are far too slow for a
per-article budget of a fraction of a millisecond (see ../shared/NOTES.md).
"""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon

# a well-formed figure: plain digits, or thousands groups of exactly three
_WELL_FORMED = re.compile(r"\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_INF = float("inf")
_TOKEN = re.compile(r"[a-z]+|\d+(?:[.,]\d+)*")


@cache
def number_words() -> dict[str, float]:
    return {k: float(v) for k, v in lexicon.mapping("claims/number_words.txt").items()}


@cache
def scales() -> dict[str, float]:
    return {k: float(v) for k, v in lexicon.mapping("claims/scales.txt").items()}


@cache
def fractions() -> dict[str, float]:
    return {k: float(v) for k, v in lexicon.mapping("claims/fractions.txt").items()}


def read_digits(raw: str) -> float | None:
    """The value of a figure in digits, or None when it is malformed ("100,00") or too large for a float
    (400 digits and more: infinity is no figure, and ``tracker extract`` would print ``Infinity``, which is no
    JSON)."""
    if raw.isdigit():
        value = float(raw)
    elif not _WELL_FORMED.fullmatch(raw):
        return None
    else:
        value = float(raw.replace(",", ""))
    return value if value != _INF else None


def read_words(raw: str) -> float | None:
    """The value of a written number ("twenty-one", "a dozen", "two and a half million").

    Returns None when the words do not form one number.
    """
    words, scale_words, fracs = number_words(), scales(), fractions()
    value = words.get(raw)
    if value is not None:
        return value
    tokens = _TOKEN.findall(raw.lower())
    total = 0.0         # completed groups ("two million" of "two million three hundred")
    current = 0.0       # the group being built
    seen = False        # a number word has been read
    after_and = False   # "two and a half": the fraction adds instead of dividing
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok == "and":
            after_and = True
            continue
        if tok in ("a", "an"):
            if nxt in scale_words or nxt == "dozen":
                current = current or 1.0      # "a million", "a dozen", "half a million"
            elif nxt not in fracs:
                return None
            continue
        if tok[0].isdigit():
            value = read_digits(tok)
            if value is None:
                return None
            current += value
        elif tok == "dozen":
            current = (current or 1.0) * 12
        elif tok in fracs:
            frac = fracs[tok]
            if current and not after_and and current == int(current) and current < 100:
                current *= frac               # "two-thirds", "three quarters"
            else:
                current += frac               # "a quarter", "one and a half"
        elif tok in words:
            current += words[tok]
        elif tok in scale_words and len(tok) > 2:
            mult = scale_words[tok]
            if mult == 100:
                current = (current or 1.0) * 100
            else:
                total += (current or 1.0) * mult
                current = 0.0
        else:
            return None
        seen = True
        after_and = False
    return total + current if seen else None


def read_number(raw: str) -> float | None:
    """The value of a figure as written, with its currency sign and scale.

    >>> read_number("£600m"), read_number("5 million"), read_number("$846.8million")
    (600000000.0, 5000000.0, 846800000.0)
    """
    s = raw.strip().lower()
    s = re.sub(r"^(?:[a-z]{0,2}\$|[£€¥₹])\s*", "", s)
    m = re.fullmatch(r"(\d+(?:[.,]\d+)*)\s*-?\s*([a-z]*)", s)
    if m:
        value = read_digits(m.group(1))
        if value is None:
            return None
        if m.group(2):
            mult = scales().get(m.group(2))
            if mult is None:
                return None
            value *= mult
        return value
    return read_words(s)                     # "two and a half million", "2 million 300 thousand"
