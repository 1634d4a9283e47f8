"""Finding where a claim may start: figures in digits, and number, magnitude, span and comparison words.

>>> [(s, w) for s, w in anchors("it cost $5m, twice the thousands of 2020".lower())]
[(8, None), (13, 'twice'), (23, 'thousands'), (36, None)]

Two scans over the lower-cased text, each starting with a character class,
so that the regex engine only tries a pattern where that character occurs
(several times faster than one alternation tried at every position): digit
runs (with a currency sign), and a trie of the words of ``WORD_CLASS`` after
a space or an opening mark. Both run faster still by jumping between
candidate characters with ``bytes.find`` over a marked copy of the text
(``_at_marks``): BBC articles 0.179 -> 0.162 ms each, PolNeAR's curly-quoted
articles 37 -> 14 us for the figure scan (commit 8d51a8a); the word scan
split in two, after spaces and at marks, saves about 5 us an article
(eff7073, 356368c). The trie (1,300 words, 12,000 characters) is compiled
once, in the scan after spaces: each compilation costs 150M instructions,
as much as the word scans of 350 articles, and the scan at marks and at the
text's start match it against a space and the characters after the mark.
Property tests check both against the plain regex scans.
"""
from __future__ import annotations

import re

from . import comparisons
from .lexicons import lexicons, number_words, trie_pattern
from .qualifiers import VAGUE_WORDS
from .units import CURRENCY_SIGNS

WORD_CLASS_NUMBER, WORD_CLASS_VAGUE, WORD_CLASS_COMPARISON, WORD_CLASS_SPAN = 1, 2, 3, 4


def _word_class() -> dict[str, int]:
    word_class = {w: WORD_CLASS_NUMBER for w in number_words()}
    word_class.update({w: WORD_CLASS_VAGUE for w in VAGUE_WORDS})
    word_class.update({w: WORD_CLASS_SPAN for w in lexicons().time_spans})
    for w in comparisons.triggers():
        word_class.setdefault(w, WORD_CLASS_COMPARISON)
    return word_class


# the word that may start a claim -> what it starts
WORD_CLASS = _word_class()
_WORDS = trie_pattern(WORD_CLASS)
assert all(len(w) >= 3 and not any(ch.isspace() for ch in w) for w in WORD_CLASS)   # see word_starts
WORD_PREFIXES = frozenset(w[:3] for w in WORD_CLASS)
SCAN_DIGITS = re.compile(r"[" + re.escape(CURRENCY_SIGNS) + r"\d][\d.,]*")        # used through figure_starts
# the plain word scan, which ``word_starts`` does (not compiled: see above)
SCAN_WORDS_PATTERN = r"[\s(“\"‘'\[—–](" + _WORDS + r")\b"
SCAN_SPACE_WORDS = re.compile(r" (" + _WORDS + r")\b")
_OPENING = frozenset("(“\"‘'[—–")
_LONGEST = max(map(len, WORD_CLASS))


def _marks_table(chars: bytes) -> bytes:
    # bytes.translate table: ``chars`` and "?" (what "ascii"/"replace" encoding makes of every character outside
    # ASCII) -> "#"; everything else -> " "
    table = bytearray(b" " * 256)
    for c in chars + b"?":
        table[c] = ord("#")
    return bytes(table)


# what can start a figure: digits and "$" (£, €, ¥, ₹ and other digits are outside ASCII)
_FIGURE_MARKS = _marks_table(b"0123456789$")
# what can come before a number or comparison word, but a space: ASCII whitespace (\s) and ( " ' [
# (“ ‘ — – and the other Unicode spaces are outside ASCII)
_WORD_MARKS = _marks_table(b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f(\"'[")


def _at_marks(low: str, marked: bytes, scan: re.Pattern) -> list[re.Match]:
    """``list(scan.finditer(low))`` for a scan whose matches can only start at a marked character of ``marked``
    (``low`` translated with a marks table, one byte a character).

    A regex that starts with a character class tests every character of the text in turn; ``bytes.find`` (C,
    memchr) jumps between the marks instead, and the regex is tried only there, from left to right and from
    the end of each match on, as ``finditer`` does; a mark where it does not match is skipped.
    """
    out = []
    find, match = marked.find, scan.match
    i = find(35)                # "#"
    while i >= 0:
        m = match(low, i)
        if m is None:
            i = find(35, i + 1)
        else:
            out.append(m)
            i = find(35, m.end())
    return out


def figure_starts(low: str, scan: re.Pattern = SCAN_DIGITS, ascii_low: bytes | None = None) -> list[tuple[int, None]]:
    """``[(m.start(), None) for m in scan.finditer(low)]`` for the figure scan, four times faster (``_at_marks``).

    ``ascii_low``: ``low.encode("ascii", "replace")``, when the caller has it."""
    if ascii_low is None:
        ascii_low = low.encode("ascii", "replace")
    return [(m.start(), None) for m in _at_marks(low, ascii_low.translate(_FIGURE_MARKS), scan)]


def word_starts(low: str, space_scan: re.Pattern = SCAN_SPACE_WORDS, prefixes: frozenset = WORD_PREFIXES,
                ascii_low: bytes | None = None) -> list[tuple[int, str]]:
    """``[(m.start(1), m.group(1)) for m in re.finditer(SCAN_WORDS_PATTERN, low)]``, in another order, and a word
    at the very start of ``low``.

    ``space_scan`` is the scan after a plain space: a literal first character lets the regex engine skip to the
    spaces quickly. The words after the other characters are found at marks (``_at_marks``), tried only before
    one of ``prefixes``, the first three letters of the words (a line break before "The" is no candidate), and
    there (and at the text's start) ``space_scan`` is matched against a space and the characters after the
    mark, enough of them for the longest word and the character after it, which ``\\b`` looks at (no word has
    a space). No two matches overlap (a word holds no such character), so the two scans find them all.
    """
    if ascii_low is None:
        ascii_low = low.encode("ascii", "replace")
    found = [(m.start(1), m.group(1)) for m in space_scan.finditer(low)]
    match, width = space_scan.match, _LONGEST + 1
    m = match(" " + low[:width])
    if m:
        found.append((0, m.group(1)))
    marked = ascii_low.translate(_WORD_MARKS)
    find = marked.find
    i = find(35)                # "#"
    while i >= 0:
        m = None
        if low[i + 1:i + 4] in prefixes and (low[i] in _OPENING or low[i].isspace()):
            m = match(" " + low[i + 1:i + 1 + width])
        if m is None:
            i = find(35, i + 1)
        else:
            found.append((i + 1, m.group(1)))
            i = find(35, i + 1 + len(m.group(1)))
    return found


def anchors(low: str) -> list[tuple[int, str | None]]:
    """(start, word) of every place a claim may start in the lower-cased text, in text order: figures in digits
    (word None), then the words of ``WORD_CLASS``."""
    ascii_low = low.encode("ascii", "replace")
    events = figure_starts(low, SCAN_DIGITS, ascii_low)
    words = word_starts(low, SCAN_SPACE_WORDS, WORD_PREFIXES, ascii_low)
    if words:
        events = sorted(events + words)
    return events
