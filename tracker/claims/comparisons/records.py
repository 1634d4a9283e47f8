"""Comparisons by record (split from ranks.py when it passed 600 lines; superlatives, firsts and levels stay
there): "a record $40 million fine", "record highs", "an all-time low", "broke the record", "the record set
in 2019"."""
from __future__ import annotations

import re

from ..lexicons import trie_pattern, word_list
from .ranks import _POSSESSIVES
from .reference import BOUNDARY, TRAILING, article_start, claim, noun_phrase

_RECORD_NEXT = re.compile(r"(?<![\s-])[\s-]+(?:breaking|setting|[$£€¥]?\d|"
                          r"(?:(?!(?:for|in|of|on|at|to|by|with|and|or|the|a|an|is|was|are|were|has|had|set|label|company)\b)"
                          r"[a-z][\w-]*\s+){0,2}?(?:highs?|lows?|levels?|numbers?|amounts?|sums?|totals?|turnout|years?|"
                          r"months?|quarters?|pace|profits?|losses|prices?|temperatures?|"
                          r"(?:" + trie_pattern(word_list("record_nouns") | word_list("measure_nouns")) + r")s?)\b)")
# a record set or held, said by the noun after "record": "the record books", "record-holders"
_RECORD_HELD = re.compile(r"(?<![\s-])[\s-]+(?:books|holders?)\b")
# a record of a level: "set for record highs", "at record levels" (after any word)
_RECORD_LEVEL = re.compile(r"(?<![\s-])\s+(?:highs?|lows?|levels?)\b")
# a record broken, after it: "her national record had been broken", "its record was beaten by a rival robot"
_BROKEN_AFTER = re.compile(r"(?<!\s)\s+(?:(?:has|had|have)\s+been|was|were|is|are|being|been)\s+(?:broken|beaten|smashed|"
                           r"bettered|equalled|equaled|surpassed|eclipsed|shattered|lowered|improved)\b")
_ALL_TIME_NEXT = re.compile(r"(?<!\s)\s+(?:highs?|lows?|records?)\b")
_NEXT_WORD = re.compile(r"(?<!\s)\s+[a-z][\w-]*")
_RECORD_FIGURE = re.compile(r"[\w$£€¥.,’'%-]*(?:\s+(?:million|billion|trillion|thousand))?(?:\s+[a-z][\w-]*){0,2}")
_YEAR = re.compile(r"(?<!\s)\s+\d{4}\b")
_RECORD_SET = re.compile(r"(?<!\s)\s+(?:(?:was|were|had\s+been|has\s+been)\s+)?set\s+(?:in|by|at|during|on|last|earlier)\b")
# "the record of $48.20 set in October": a record of a figure ("a record of scandal" is none)
_RECORD_OF_FIGURE = re.compile(r"(?<!\s)\s+of\s+(?:(?:us|a|c|au|nz|hk)?[$£€¥]|\d)")
_RECORD_SCOPE = re.compile(r"(?<!\s)\s+(?:for|since|of|in)\b")


def _record(scanner, word, s, e, sent):
    low = scanner.low
    limit = sent.end
    pw = scanner.before(s, sent)
    prev = pw[-1] if pw else ""
    held = _RECORD_HELD.match(low, e, limit)
    if held:                                     # "into the record books", "world record-holders": a record set
        return claim(scanner, sent, s, held.end(), None)
    nxt = _RECORD_NEXT.match(low, e, limit)
    broken_from = None
    if word == "all-time":
        if not _ALL_TIME_NEXT.match(low, e, e + 10):
            return None
    elif _broken(wide := scanner.before(s, sent, width=64, n=6)):
        # "broke the record", "surpassing Smith's previous record": the span starts after the verb
        k = next(i for i, w in enumerate(reversed(wide)) if w in _PASSED)
        broken_from = s
        for w in reversed(wide[len(wide) - k:]):
            broken_from = low.rfind(w, 0, broken_from)
    elif prev not in ("the", "a", "an") and _RECORD_OF_FIGURE.match(low, e, limit) and \
            (chain := _indefinite_before(scanner, pw, s, _RECORD_OWNERS)) is not None:
        broken_from = chain                      # "holds the world record of 7.1 seconds": a record of a figure
    elif prev not in ("a", "an", "new", "all-time") and (chain := _indefinite_before(scanner, pw, s)) is not None:
        if not (nxt or _RECORD_OF_FIGURE.match(low, e, limit)):
            return None                          # "a new Welsh record of 51.3 seconds", but "a new Beatles record"
        broken_from = chain
    elif prev in ("a", "an", "new", "all-time"):
        if _TRADE.match(low, e, limit) or \
                low.startswith(" of ", e) and not _RECORD_OF_FIGURE.match(low, e, limit) or \
                not (nxt or _NEXT_WORD.match(low, e, e + 20)):   # "a record of reform", but "a record of $50"
            return None
    elif (after := _BROKEN_AFTER.match(low, e, limit)) is not None:
        if not (prev in _BEFORE_RECORD or prev.endswith(("'s", "’s")) or len(pw) > 1 and pw[-2] in _POSSESSIVES):
            return None                          # "the world record was broken", "her national record had been broken"
        return claim(scanner, sent, article_start(scanner, pw, s) if prev in _BEFORE_RECORD else
                     low.rfind(prev, 0, s), after.end(), None)
    elif prev == "on" and low[e:e + 1] == "-":
        return None                              # "on record-setting pace"
    elif prev == "on" and len(pw) > 1 and pw[-2] not in ("go", "went", "gone", "going", "spoke", "speak", "speaking"):
        pass                                     # "the wettest summer on record"
    elif _RECORD_SET.match(low, e, limit) or prev in ("the", "a") and _RECORD_OF_FIGURE.match(low, e, limit):
        pass                                     # "the 52% turnout record set in 2019", "the record of $37.60"
    elif nxt and (prev not in ("criminal", "track", "voting", "his", "her", "their", "its", "my", "our", "your",
                               "public", "medical", "dental", "the", "off", "for", "and", "or", "to", "will",
                               "would", "can", "could", "they", "we", "i", "you") or
                  _RECORD_LEVEL.match(low, e, limit) and prev not in ("criminal", "track", "voting", "off")):
        pass                                     # "record highs", "record profits"
    else:
        return None
    start = article_start(scanner, pw, s) if broken_from is None else broken_from
    if prev in ("on",):
        return claim(scanner, sent, low.rfind("on", 0, s), e, None)
    end = e
    rs = None if nxt else _RECORD_SET.match(low, e, limit)
    if rs:                                       # "record set in 2008", "record set by Smith"
        y = _YEAR.match(low, rs.end(), limit)
        if y:
            return claim(scanner, sent, start, y.end(), scanner.text[y.start() + 1:y.end()])
        ref, end2 = noun_phrase(scanner, rs.end(), limit, max_words=4) if low[rs.end() - 2:rs.end()] in ("by", "in", "at") \
            else (None, e)
        if ref:                                  # "the record set by Obama"
            return claim(scanner, sent, start, end2, ref)
        end = e + 4
    elif nxt:
        end = nxt.end()
        # the figure and its noun: "a record $40 million fine"
        m = _RECORD_FIGURE.match(low, end, limit)      # matches always, perhaps nothing
        words = scanner.text[end:m.end()].split()
        keep = []
        for w in words:
            if w.lower().strip(".,") in BOUNDARY or w.lower() in TRAILING or w.lower() == "imposed" or \
                    not w.strip(",.;:"):
                break                            # "record lows, staged ...": the clause ends at the comma
            keep.append(w)
            if w[-1:] in ",;:":
                break
        end = end + len(" ".join(keep)) + (len(scanner.text[end:m.end()]) - len(scanner.text[end:m.end()].lstrip()))
        end = end if keep else nxt.end()
    elif broken_from is None and not _RECORD_SCOPE.match(low, e, limit):
        m = _NEXT_WORD.match(low, e, min(e + 25, limit))
        if m and m.group().strip() not in BOUNDARY:
            end = m.end()
    if scanner.text[end - 1:end] in ".,":
        end -= 1
    ref = None
    f = _RECORD_OF_FIGURE.match(low, end, limit)
    if f:                                        # "the record of $9,100 (set in May)": the figure, read whole
        fig = _OF_FIGURE.match(low, f.end() - 1, limit)
        ref, end = scanner.text[fig.start():fig.end()], fig.end()
    m = _RECORD_SCOPE.match(low, end, limit) or _RECORD_SET.match(low, end, limit)
    if m:                                        # "broke the record for all primary debates"
        ref2, end2 = noun_phrase(scanner, m.end(), limit)
        if ref2:
            ref, end = (ref + scanner.text[end:end2]) if ref else ref2, end2
    return claim(scanner, sent, start, end, ref)


_OF_FIGURE = re.compile(r"[$£€¥\d][\d.,:]*(?<![.,:])(?:\s*(?:m|bn|k|million|billion|trillion)\b)?")


_BREAK_VERBS = word_list("record_verbs")


# "a record label", "a record shop": the music trade (data/claims/record_trade_nouns.txt)
_TRADE = re.compile(r"(?<!\s)\s+(?:" + trie_pattern(word_list("record_trade_nouns")) + r")\b")
_BEFORE_RECORD = frozenset("the a an his her their its".split()) | word_list("record_adjectives")


# words before a record that say a figure passed it: the verbs of breaking (data/claims/record_verbs.txt) and the
# prepositions of a level passed ("finished above its old record")
_PASSED = _BREAK_VERBS | frozenset(("above", "below", "beyond"))


_RECORD_OWNERS = ("the", "a", "an", "new", "his", "her", "their", "its")


def _indefinite_before(scanner, pw: list[str], s: int, determiners=("a", "an", "new")) -> int | None:
    """The start of "a" or "new" (or another of ``determiners``) before "record" over one or two names or
    adjectives of records ("a new Welsh record of 51.3 seconds", "an Olympic record"), or None."""
    pos, n = s, 0
    for w in reversed(pw):
        pos = scanner.low.rfind(w, 0, pos)
        if w in determiners:
            if n and w == "new" and len(pw) > n + 1 and pw[-n - 2] in ("a", "an"):
                pos = scanner.low.rfind(pw[-n - 2], 0, pos)
            return pos if n else None
        if n == 2 or not (w in _BEFORE_RECORD or scanner.text[pos:pos + 1].isupper() and w.isalpha()):
            return None
        n += 1
    return None


_PARTICIPLES = frozenset(("broken", "beaten"))
_AUXILIARIES = frozenset("has have had been be being was were is are".split())


def _broken(pw: list[str]) -> bool:
    """Do the words before "record" say it was broken, set or matched: "broke the record", "surpassing
    President Smith's previous record" (determiners, adjectives of records, and a possessor between)?"""
    free = 2                                     # words of a name allowed before a possessive, or two nouns
    #                                              before "record" ("broke sales records", "broke Smith's Welsh cap
    #                                              record")
    for i in range(len(pw) - 1, -1, -1):
        w = pw[i]
        if w in _PASSED:                         # but "broken" and "beaten" after no auxiliary are adjectives
            return w not in _PARTICIPLES or i > 0 and pw[i - 1] in _AUXILIARIES     # ("broken employment records")
        if w[:1].isdigit() or w[:1] in "$£€¥":
            continue                             # "match the 12bn yen (£60m) record of ...": the record's figure
        if w.endswith(("'s", "’s", "s'", "s’")):
            free = 2
        elif w in _BEFORE_RECORD:
            free = 0
        elif free and w not in TRAILING:
            free -= 1
        else:
            return False
    return False


# kind of comparison (data/claims/comparisons.txt) -> its reader
READERS = {"record": _record}
