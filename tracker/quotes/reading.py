"""How the frames read an article: the masked text, its tokens forwards and backwards, spans and spaces.

No parser runs at this speed (the whole quotes stage costs about 0.6 ms an article), so frames are read
on tokens: words, runs of masked quotation and single marks. The masked text is the article with every
quotation, marks included, replaced by as many ``MASK`` characters (``article.Article``): offsets stay the
text's, and no quoted word is ever read as a cue or a speaker.

``Back`` reads tokens backwards from a cue, lazily: the speaker search looks at a handful of tokens, and
tokenising only those made the cue loop cheap enough to scan whole articles (1878c24: lazy backward
tokens, with the cue scan folded into one pattern).
"""
from __future__ import annotations

import re

MASK = "\x01"                 # each character of a quotation, marks included, in the masked text
WORD = re.compile(r"\w+")
DASHES = "–—"
# a token: a run of masked quotation, a word with its apostrophes and hyphens, or one mark
_TOK = re.compile(r"\x01+|\w[\w’'\-]*|[^\w\s]")
# the same in reversed text, where a word may open with an apostrophe or a hyphen
_RTOK = re.compile(r"\x01+|[\w’'\-]*\w[\w’'\-]*|[^\w\s]")
# the same two on ASCII text, their classes spelt out (what \w and \s match there): the engine tests a bitmap,
# where \w and \s look up each character's Unicode class (most windows and articles are ASCII)
_W, _S = "A-Za-z0-9_", " \t\n\r\x0b\x0c\x1c-\x1f"
_TOK_ASCII = re.compile(rf"\x01+|[{_W}][{_W}'\-]*|[^{_W}{_S}]")
_RTOK_ASCII = re.compile(rf"\x01+|[{_W}'\-]*[{_W}][{_W}'\-]*|[^{_W}{_S}]")
# trimmed from the ends of a content: spaces, punctuation, and no-break and invisible marks (5b653c9)
_STRIP = " \t\n.,;:–—-\xa0\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"


def tokens(m: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end, token) of the tokens of m[lo:hi], in order."""
    return [(t.start(), t.end(), t.group()) for t in (_TOK_ASCII if m.isascii() else _TOK).finditer(m, lo, hi)]


class Back:
    """The tokens before ``hi`` (not before ``lo``), read lazily from the end:
    ``b[0]`` is the token right before ``hi``. Tokenising only what the
    speaker search looks at keeps the cost per cue small."""
    __slots__ = ("it", "toks", "hi")

    def __init__(self, m: str, lo: int, hi: int) -> None:
        w = m[lo:hi]
        self.it = (_RTOK_ASCII if w.isascii() else _RTOK).finditer(w[::-1])
        self.toks: list[tuple[int, int, str]] = []
        self.hi = hi

    def fill(self, k: int) -> int:
        """Read tokens until there are more than k (or none are left); the count."""
        toks = self.toks
        n = len(toks)
        if n <= k:
            hi = self.hi
            for t in self.it:
                s, e = t.span()
                toks.append((hi - e, hi - s, t.group()[::-1]))
                n += 1
                if n > k:
                    break
        return n

    def __getitem__(self, k: int) -> tuple[int, int, str]:
        if len(self.toks) <= k and self.fill(k) <= k:
            raise IndexError(k)
        return self.toks[k]

    def has(self, k: int) -> bool:
        return len(self.toks) > k or self.fill(k) > k

    def word(self, k: int) -> str:
        """The token k places from the end, or "" past the start."""
        if len(self.toks) > k or self.fill(k) > k:
            return self.toks[k][2]
        return ""


def is_word(w: str) -> bool:
    """Is the token a word (not a mark, nor a run of quotation)?"""
    return w[:1].isalnum() or w[:1] == "_"


def skip_space(m: str, i: int, hi: int) -> int:
    """The first offset from i (not past hi) that is no space, tab or newline."""
    while i < hi and m[i] in " \t\n":
        i += 1
    return i


def strip_span(text: str, a: int, b: int, chars: str = _STRIP) -> tuple[int, int]:
    """(a, b) with ``chars`` trimmed from both ends of text[a:b]."""
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b


def last_word(m: str, s: int, e: int) -> str:
    """The last word of m[s:e]: after its last space, else all of it (never more: the text before ``s``
    was once read too when the phrase had no space, a prefix of the article per cue)."""
    sp = m.rfind(" ", s, e)
    return m[sp + 1 if sp >= 0 else s:e]


def char_before(m: str, i: int) -> str:
    """The last character before m[i] that is not white space ("" if none), read back only over the
    white space rather than by stripping the whole prefix m[:i]."""
    while i > 0 and m[i - 1].isspace():
        i -= 1
    return m[i - 1:i]
