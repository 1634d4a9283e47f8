"""Records by the time since the last like them: "the first ... since 1992", "the highest since the war", "the
last time ... was in 1988" (split from ranks.py when it passed 600 lines)."""
from __future__ import annotations

import re

from .reference import ABBREV, CHANGED, claim

# "none since 1931 has won", "has not elected a mayor since 1974": a negation before "since" in the
# same clause makes a record of the stretch; the baseline is a year, a decade or a name ("since Truman")
_NEGATION = re.compile(r"(?:\b(?:no|none|never|not|nobody|nothing|neither)\b|n[’']t\b)")
_SINCE_REF = re.compile(r"(?<!\s)\s+((?:the\s+)?(?:(?:1[89]|20)\d\d\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the))*|"
                        r"(?:the\s+)?(?:1[89]|20)\d\ds?(?![\w-]))")


_NOT_SINCE_NAMES = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december then i""".split())


# "The last time the Post conducted such a poll was in 1988"
_LAST_TIME_WAS = re.compile(r"[^.;:!?]{0,120}?\s(?:was|were)\s+(?:in\s+|back\s+in\s+)?((?:1[89]|20)\d\d)\b")


def _since(scanner, word, s, e, sent):
    low, text = scanner.low, scanner.text
    lo = max(sent.start, s - 80)
    for sep in (",", ";", ":", "—", "–", "“", "”", "\""):
        lo = max(lo, low.rfind(sep, lo, s) + 1)
    neg = None
    for neg in _NEGATION.finditer(low, lo, s):
        pass                                     # the negation nearest "since"
    if neg is None:
        return None
    m = _SINCE_REF.match(text, e, sent.end)
    if not m:
        return None
    ref = m.group(1).rstrip(".") if not ABBREV.fullmatch(m.group(1).split()[-1]) else m.group(1)
    if ref.lower().split()[-1] in _NOT_SINCE_NAMES or ref.lower() == "the":
        return None                              # "not since Monday": days and months are no record
    start = neg.start()
    if low[start:start + 2] in ("n'", "n’"):
        start = low.rfind(" ", lo, start) + 1             # "hasn't": the whole word
    return claim(scanner, sent, start, m.start(1) + len(ref), ref)


_ON_SAME = re.compile(r"\son\s+the\s+same\s+(?:[a-z]+\s+){1,2}$")
_LAST_SPAN = re.compile(r"(?<!\s)\s+(?:year|month|week|quarter|season)\b")


def _last_time(scanner, word, s, e, sent):
    low = scanner.low
    if low.endswith(" on ", max(0, s - 4), s) and CHANGED.search(low, max(sent.start, s - 16), s - 4):
        m = _LAST_SPAN.match(low, e, sent.end)    # "5% higher on last year": a change against last year
        if m:
            return claim(scanner, sent, s - 3, m.end(), scanner.text[s:m.end()])
    same = _ON_SAME.search(low, max(sent.start, s - 40), s)
    if same and CHANGED.search(low, max(sent.start, same.start() - 16), same.start()):
        m = _LAST_SPAN.match(low, e, sent.end)    # "down 4% on the same month last year"
        if m:
            return claim(scanner, sent, same.start() + 1, m.end(), scanner.text[same.start() + 4:m.end()])
    if not low.endswith("the ", max(0, s - 4), s) or not low.startswith(" time", e):
        return None
    m = _LAST_TIME_WAS.match(scanner.text, e + 5, sent.end)
    if not m:
        return None
    return claim(scanner, sent, s - 4, m.end(), m.group(1))


# kind of comparison (data/claims/comparisons.txt) -> its reader
READERS = {"since": _since, "last": _last_time}
