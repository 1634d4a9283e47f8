"""Where a string occurs in an article: its offsets, from an index of the article's capital letters.

    occurrences(text, "Hale")          # every i with text.startswith("Hale", i), in order, as a find loop gives
    occurrences(text, "Hale", overlapping=False)    # each from the end of the one before (find(s, i + len(s)))

The speakers' rules look a name up in the whole article, once a name (is "Hale" ever "Mr Hale"? is "Zenco" ever
"Zenco said"?). With ``text.find`` each lookup read the article from its start, so an article of many names took
time in its length times its names: a 2 MB article 3.3 times as long as a 1 MB one, most of it in those scans.
Here the article is read once: the offsets of its capitals (A-Z), listed by the three characters that start
there; a name's offsets are those of its first three characters at which the whole name starts. A string that
does not start with a capital, or is shorter than three characters, or a short text, is looked up with ``find``.
Pure: the index is kept for the last long text only, and rebuilt when another comes.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

KEY = 3                 # characters an index key holds
LONG = 20_000           # texts shorter than this are scanned (an index costs more than a few finds)
_CAPITAL = re.compile(r"[A-Z]")
_last: tuple[str | None, dict[str, list[int]]] = (None, {})


def _index(text: str) -> dict[str, list[int]]:
    global _last
    if _last[0] is not text:
        index: dict[str, list[int]] = {}
        for m in _CAPITAL.finditer(text):
            p = m.start()
            index.setdefault(text[p:p + KEY], []).append(p)
        _last = (text, index)
    return _last[1]


def occurrences(text: str, s: str, start: int = 0, overlapping: bool = True) -> Iterator[int]:
    """The offsets ``i >= start`` at which ``text`` holds ``s``, in increasing order (with ``overlapping=False``,
    each at or after the end of the one before)."""
    n = len(s)
    if n < KEY or not "A" <= s[0] <= "Z" or len(text) < LONG:
        i = text.find(s, start)
        while i >= 0:
            yield i
            i = text.find(s, i + (1 if overlapping or not n else n))
        return
    positions = _index(text).get(s[:KEY], ())
    after = start
    for k in range(bisect_left(positions, start), len(positions)):
        p = positions[k]
        if p >= after and text.startswith(s, p):
            yield p
            if not overlapping:
                after = p + n


def last_before(text: str, s: str, end: int) -> int:
    """``text.rfind(s, 0, end)``: the last offset at which ``text`` holds ``s`` ending by ``end``; -1: none."""
    if len(s) < KEY or not "A" <= s[0] <= "Z" or len(text) < LONG:
        return text.rfind(s, 0, end)
    positions = _index(text).get(s[:KEY], ())
    for k in range(bisect_left(positions, end - len(s) + 1) - 1, -1, -1):
        if text.startswith(s, positions[k]):
            return positions[k]
    return -1
