"""Quotation-mark pairing: where quoted text starts and ends in an article.

Written by hand because no maintained library pairs quotation marks the way
news text needs (textacy drops a whole document when it sees an odd number of
marks). The rules, applied paragraph by paragraph so that one stray mark never
swallows the rest of the article:

* Double marks: curly (“ ”), straight ("), doubled apostrophes ('') as some
  wire archives print them, low (‚‚ „) and guillemets. Whether a mark opens or
  closes is read from its neighbours: a space (or a bracket, a dash, the
  paragraph edge) on the left and a letter on the right opens; the reverse
  closes. Curly marks say which they are, except when a typesetter got them
  backwards, which the neighbours reveal.
* Single marks (‘ ’ ') open or close a quotation only outside double-quoted
  text (inside they are nested quotations, part of the outer quote) and only
  when they cannot be apostrophes: a mark between two letters (don't, O'Brien),
  before a year (’90s) or in a clipped word (’em, ’til) is an apostrophe; so is
  a plural possessive (voters’ anger) when a better closing mark follows.
* A quotation still open at the end of a paragraph continues into the next
  paragraph when that one opens with a quotation mark (the newspaper
  convention for long quotations); otherwise, when it runs to the end of a
  paragraph that ends like a sentence, it is taken to end there (a forgotten
  closing mark); else the opening mark is ignored.

>>> [text[s.start:s.end] for text in ['He said "no" and left.'] for s in quoted_spans(text, [(0, len(text))])]
['no']
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# doubled apostrophes first, so that '' is one mark and not two single ones; of three apostrophes, a nested
# quotation's closing mark comes first ("a special case,''' Putin said") and its opening mark last (" '''Tis")
# (the lookbehind comes after the two apostrophes: tried at every position, it slowed the scan by a tenth)
# (each branch opens with one literal character, so that the engine skips to the marks: with the class of
# curly marks as a branch, a match was tried at every offset, 4% of the quotes stage)
_DOUBLE = re.compile(r"''(?:(?!')|(?=')(?<![^\s(\[—–-]''))|``|“|”|„|‟|\"|«|»")
_SINGLE = re.compile(r"[‘’'‚‛]")
_ANY = re.compile(r"[“”„‟\"«»`‘’'‚‛]")
_OPENERS = frozenset("“„‟«`")
_CLOSERS = frozenset("”»")
# what may stand left of an opening mark / right of a closing mark
# (no-break spaces and the invisible direction and width marks pasted in from social media count as spaces)
_INVISIBLE = "\xa0\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"
_LEFT_EDGE = frozenset(" \t\n([{—–-/" + _INVISIBLE)
_RIGHT_EDGE = frozenset(" \t\n.,;:!?)]}—–-…" + _INVISIBLE)
# clipped words and years written with a leading apostrophe
_CLIPPED = re.compile(r"(?:em|til|cause|n|tis|twas|bout|round|\d0s|\d\d)\b", re.I)
_TERMINAL = re.compile(r"[.!?…][\"”’')\]]*\s*$")


@dataclass(slots=True)
class Quoted:
    """Text inside quotation marks; ``start:end`` excludes the marks."""
    start: int
    end: int
    open_mark: int          # offset of the opening mark (== start when the paragraph continues a quote)
    close_mark: int         # offset just past the closing mark (== end when unclosed)
    paragraph: int
    single: bool = False    # delimited by single marks
    continues: bool = False  # opens a paragraph that continues the quote of the previous one
    runs_on: bool = False    # unclosed at the paragraph end, continued by the next paragraph


def _kind_double(mark: str, prev: str, nxt: str) -> str:
    """'open', 'close' or '?' for a double mark between characters prev and nxt."""
    left = prev == "" or prev in _LEFT_EDGE or prev in _OPENERS or prev in "‘'"
    right = nxt == "" or nxt in _RIGHT_EDGE or nxt in _CLOSERS or nxt in "’'"
    if mark[0] in _OPENERS:
        return "close" if right and not left else "open"
    if mark in _CLOSERS:
        return "open" if left and not right else "close"
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "?"


def _pair_double(text: str, start: int, end: int) -> tuple[list[list[int]], int | None]:
    """Pairs [open, content start, content end, close end] in text[start:end], and the
    offset of a mark left open at the end (None if all closed)."""
    pairs: list[list[int]] = []
    opened: int | None = None
    open_len = 0
    for m in _DOUBLE.finditer(text, start, end):
        i, j = m.span()
        kind = _kind_double(m.group(), text[i - 1] if i > start else "", text[j] if j < end else "")
        if opened is None:
            if kind != "close":
                opened, open_len = i, j - i
            continue
        if kind == "open" and (m.group()[0] in _OPENERS and text[opened] in _OPENERS
                               or m.group() == '"' == text[opened] and text[i - 1].isspace()
                               and text[opened + open_len:i].rstrip()[-1:] in (".", "!", "?")):
            # a second opening mark: the first one was never closed; a quote
            # that ran to a sentence end before this mark ends there (curly marks; a straight mark after
            # a sentence end and a space: run-together paragraphs of a long quotation, 'mind. "Look at')
            seg = text[opened + open_len:i].rstrip()
            if _TERMINAL.search(seg):
                pairs.append([opened, opened + open_len, opened + open_len + len(seg), opened + open_len + len(seg)])
            opened, open_len = i, j - i
            continue
        pairs.append([opened, opened + open_len, i, j])
        opened = None
    return pairs, opened


def _single_marks(text: str, start: int, end: int, skip: list[list[int]]):
    """Candidate opening and closing single marks in text[start:end], outside the skip ranges."""
    opens, closes = [], []
    k = 0
    for m in _SINGLE.finditer(text, start, end):
        i = m.start()
        while k < len(skip) and skip[k][3] <= i:
            k += 1
        if k < len(skip) and skip[k][0] <= i < skip[k][3]:
            continue
        prev = text[i - 1] if i > start else ""
        nxt = text[i + 1] if i + 1 < end else ""
        ch = m.group()
        if prev.isalnum() and nxt.isalnum():
            continue                                    # don't, O'Brien, it’s
        left = prev == "" or prev in _LEFT_EDGE or prev in "“\""
        if left and (nxt.isalnum() or nxt in "$£€#"):
            if ch != "’" or not _CLIPPED.match(text, i + 1, end):
                if not _CLIPPED.match(text, i + 1, end):
                    opens.append(i)
                continue
        if not left and nxt in _RIGHT_EDGE or nxt == "" or nxt in "”\"":
            if prev and not prev.isspace() and ch != "‘":
                # "voters’ anger": a plural possessive followed by a lower-case word is weak
                weak = prev in "sS" and nxt == " " and i + 2 < end and text[i + 2].islower()
                closes.append((i, weak))
    return opens, closes


def _pair_single(text: str, start: int, end: int, skip: list[list[int]]) -> list[list[int]]:
    """Pairs of single marks; ``skip``: the double-quoted pairs, sorted."""
    opens, closes = _single_marks(text, start, end, skip)
    skip_opens = [p[0] for p in skip]
    pairs: list[list[int]] = []
    ci = 0
    last_end = start
    for n, o in enumerate(opens):
        if o < last_end:
            continue
        nxt_open = opens[n + 1] if n + 1 < len(opens) else end
        while ci < len(closes) and closes[ci][0] <= o:
            ci += 1
        chosen = None
        for j in range(ci, len(closes)):       # (by index: a slice of the rest for every mark was quadratic)
            c, weak = closes[j]
            if c >= nxt_open and chosen is not None:
                break
            if chosen is None:
                chosen = c
            if not weak:
                chosen = c
                break
        if chosen is None:
            continue
        # a single-quoted stretch does not cross double-quoted text (one that opens between its marks)
        k = bisect_right(skip_opens, o)
        if k < len(skip_opens) and skip_opens[k] < chosen:
            continue
        pairs.append([o, o + 1, chosen, chosen + 1])
        last_end = chosen + 1
    return pairs


def quoted_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[Quoted]:
    """Every quoted stretch of ``text``, paragraph by paragraph, in order."""
    out: list[Quoted] = []
    carry = False            # the previous paragraph ended inside a quotation
    for p, (start, end) in enumerate(paragraphs):
        first = _ANY.search(text, start, end)
        if first is None:
            carry = False
            continue
        pairs, left_open = _pair_double(text, start, end) if _DOUBLE.search(text, first.start(), end) else ([], None)
        spans = [Quoted(a, c, o, e, p) for o, a, c, e in pairs]
        continued = carry
        carry = False
        if left_open is not None:
            j = left_open + (2 if text.startswith("''", left_open) else 1)
            nxt = paragraphs[p + 1] if p + 1 < len(paragraphs) else None
            runs_on = nxt is not None and _DOUBLE.match(text, nxt[0]) is not None and \
                _kind_double(_DOUBLE.match(text, nxt[0]).group(), "", text[nxt[0] + 1:nxt[0] + 2]) == "open"
            seg_end = end
            while seg_end > j and text[seg_end - 1].isspace():
                seg_end -= 1
            if runs_on or _TERMINAL.search(text, j, end):
                spans.append(Quoted(j, seg_end, left_open, seg_end, p, runs_on=runs_on))
                pairs.append([left_open, j, seg_end, seg_end])
                carry = runs_on
        if continued and spans and spans[0].open_mark == start:
            spans[0].continues = True
        if _SINGLE.search(text, first.start(), end):
            pairs.sort()
            for o, a, c, e in _pair_single(text, start, end, pairs):
                spans.append(Quoted(a, c, o, e, p, single=True))
            spans.sort(key=lambda s: s.start)
        out.extend(spans)
    return out
