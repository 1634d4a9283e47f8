"""Comparisons by a comparative or a baseline named outright: "slower than any other car", "more cars than Acme
Motors", "far greater than for its rival", "compared with 512 kilobits on older networks", "up from 212,000 a
year earlier", "in excess of the exchange's closing price", "overtaking Acme".

>>> from tracker.claims import find_claims
>>> [(c.text, c.reference) for c in find_claims(
...     "The van is much cheaper than its rivals, and sales reached 9,000, up from 7,000 a year earlier.", None)
...  if c.kind == "comparison"]
[('much cheaper than its rivals', 'its rivals'), ('up from 7,000 a year earlier', 'a year earlier')]

Read from the structure of the phrase, not from a list of phrases:

- a comparative before "than": a word in -er ("slower", "greater") or "more", "less", "fewer" with the nouns
  they count ("more cost savings than"), widened over an intensifier or a figure before it ("far greater",
  "two less"); the reference is what follows "than". "More than 20" and "less than a year" are qualifiers of
  a figure (``qualifiers``), "rather than", "other than" no comparison, "more important than" an opinion of
  a quality, not an amount;
- "compared with/to X", "in comparison with X": the reference is X;
- a figure set against an earlier one: "up from X", "down from X", "(rise), from X last year", "against X a
  year earlier": the reference is the earlier time when the text gives it, else the earlier figure; "from
  3% to 5%" is a change, read by the quantities;
- "in excess of" a figure with a determiner ("in excess of Acme's 412p closing price"); a bare figure is a
  bound ("in excess of £5m");
- "overtaking Y", "overtook Y as the market leader": the reference is Y.

Found on the blind set claims1 (issue 16): 13 of its 20 comparisons were of these kinds and none was read.
"""
from __future__ import annotations

import re

from ..lexicons import trie_pattern, word_list, written_number_pattern
from ..numbers import read_words
from .reference import ABBREV, BOUNDARY, CHANGED, TRAILING, claim, noun_phrase

# words in -er that are no comparatives
_NOT_COMPARATIVE = frozenset("other rather whether either neither over under ever never number order power member "
                             "paper manager together per after sooner".split())
_QUANTIFIERS = frozenset(("more", "less", "fewer"))
# a word before an -er word that makes it a noun: "the third quarter than", "a worker than"
_NOUN_BEFORE = frozenset("a an the this that its their his her our my your third second first fourth last".split())
# endings of English adjectives and adverbs (a comparison of a quality: "more important than")
_ADJECTIVE_ENDINGS = ("ly", "ed", "ful", "ous", "ive", "able", "ible", "ic", "ant", "ent", "al", "ary", "less")
_PRONOUN_AFTER = re.compile(r"(?<!\s)\s+(?:they|it|he|she|we|i|you|that|this|those|these|anything|can|could|would|was|were|"
                            r"is|are|ever|usual|needed|necessary)\b")
_SMALL_NUMBERS = frozenset("two three four five six seven eight nine ten twenty".split())
_INTENSIFIERS = frozenset("far much even slightly significantly considerably substantially markedly still any "
                          "no little lot bit somewhat rather way times".split())
# what after "than" makes it the qualifier of a figure: a figure, a number word, "a year", "a third", "half"
_FIGURE_AFTER = re.compile(r"(?<!\s)\s+(?:(?:about|around|nearly|almost|roughly|some|just)\s+)?(?:[$£€¥]|\d[\d.,]*(?:%|m|bn|k|p|pc|s)?(?![\w])|(?:" + written_number_pattern() + r")\b|an?\s+(?:year|month|week|day|hour|"
                           r"decade|century|million|billion|thousand|hundred|dozen|third|quarter|half|fifth|tenth|"
                           r"few|couple|fraction|percentage)\b|half\b|double\b|twice\b|doubled?\b|expected\b)")
_FIGURE = re.compile(r"(?:[a-z]{0,2}[$£€¥])?\d[\d.,]*(?:[a-z%]+)?(?:\s+(?:million|billion|trillion|thousand|"
                     r"per\s*cent|percent|points?))?(?:\s+[a-z]+)?")
_EARLIER = re.compile(r"(?<!\s)\s+(?:(?:a|one|two|three|the\s+previous|the\s+same)\s+(?:year|month|week|quarter|day|season|"
                      r"period)s?(?:\s+(?:earlier|ago|before|last\s+year))?|last\s+(?:year|month|week|quarter|season|"
                      r"time)|in\s+(?:\d{4}|the\s+same\s+\w+(?:\s+last\s+year)?|the\s+previous\s+\w+)|"
                      r"at\s+the\s+(?:end|start)\s+of\s+\d{4})\b")
_UP_DOWN = frozenset(("up", "down", "rise", "fall", "increase", "decrease", "drop", "jump", "gain", "decline",
                      "rose", "fell", "risen", "fallen", "increased", "decreased", "dropped", "climbed", "slipped",
                      "grew", "shrank", "slowed", "eased", "accelerated", "quickened", "rebounded", "recovered",
                      "weakened", "strengthened", "narrowed", "widened", "edged"))
_WITH = re.compile(r"(?<!\s)\s+(?:with|to)\s")
_PHRASE = re.compile(r"(?:[^,;:.!?()\[\]\"“”—–]|(?<=\d)[.,](?=\d))*")


def _ref(scanner, pos: int, limit: int, max_words: int = 8) -> tuple[str | None, int]:
    """The reference after ``pos``, a leading preposition dropped from it ("for Deutsche Boerse")."""
    ref, end = noun_phrase(scanner, pos, limit, max_words=max_words)
    if ref:
        first, _, rest = ref.partition(" ")
        if first.lower() in TRAILING and first.lower() not in ("the", "a", "an", "this", "last") and rest:
            ref = rest
    return ref, end


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "ous", "is")) or word in ("people", "children")


def _comparative(word: str) -> bool:
    """Is ``word`` an adjective or adverb in the comparative: "slower", "greater", "better"?"""
    return word in ("better", "worse") or word.endswith("er") and len(word) > 4 and word.isalpha() and \
        word not in _NOT_COMPARATIVE


# "nine judges rather than the usual five": a figure set against the one it replaces
_INSTEAD_FIGURE = re.compile(r"(?<!\s)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:\d[\d.,]*|(?:" + written_number_pattern() + r"))\b")
# after "more than" / "less than", an adjective, a participle or a bare verb: a degree ("more than able to",
# "less than impressed", "more than enough", "more than match"), not the amount of a thing compared
_DEGREE_AFTER = re.compile(r"(?<!\s)\s+(?:[a-z]*(?:ed|able|ible|ful|ous|ive|ic|ant|ent)(?=\s*(?:[,.;:!?)]|$|\s+(?:to|with|by|"
                           r"that|for|about|at|and|but|when|as|if)\b))|enough|happy|willing|ready|keen|match|make|"
                           r"compensate|offset|fit|cover|meet|justify|outweigh|just|simply|merely|a\s+little)\b")
# an earlier time after "than": "than a year ago", "than the year before", "than at the start of 2004"
_THAN_EARLIER = re.compile(r"(?<!\s)\s+((?:an?|one|two|three|the)\s+(?:year|month|week|quarter|decade|day)s?\s+(?:ago|earlier|"
                           r"before)|(?:at|in)\s+the\s+(?:start|beginning|end)\s+of\s+(?:the\s+)?[\w’'-]+)\b")
# "more than a polite reply": a degree, no amount (a figure after "a" is read by _FIGURE_AFTER)
_A_AFTER = re.compile(r"(?<!\s)\s+an?\s")
# the nouns of a measure ("a slower pace than", "a higher rate than"): data/claims/measure_nouns.txt, change_nouns.txt
_MEASURE_NOUNS = word_list("measure_nouns") | word_list("change_nouns")
_EVER = re.compile(r"(?<!\s)\s+ever\b(?:\s+before\b)?")


def _than(scanner, word, s, e, sent):
    low = scanner.low
    pw = scanner.before(s, sent, width=48, n=6)
    if pw and pw[-1] == "rather":
        return _instead(scanner, pw, s, e, sent)
    earlier = _THAN_EARLIER.match(low, e, sent.end)  # "12% higher than a year ago": an earlier time, no figure
    if earlier and pw and pw[-1] in _QUANTIFIERS and not (len(pw) > 1 and (pw[-2][:1].isdigit() or
                                                                         pw[-2] in _SMALL_NUMBERS)):
        earlier = None                           # but "less than a week before", "more than a decade ago": a span
    if low.startswith(" not", e) and not low[e + 4:e + 5].isalpha():
        return None                              # "more likely than not"
    if not earlier and _FIGURE_AFTER.match(low, e, e + 24):
        return None                              # "more than 20", "less than a year": a qualifier of a figure
    if not pw:
        return None
    last = pw[-1]
    if last in _QUANTIFIERS and not earlier and _A_AFTER.match(low, e) and not (
            len(pw) > 1 and (pw[-2][:1].isdigit() or pw[-2] in _SMALL_NUMBERS)):   # but "30% more than a bid"
        return None                              # "more than a polite reply", "more than a game": a degree
    if last == "other" or last in _QUANTIFIERS and _EVER.match(low, e):
        return None                              # "other than"; "more than ever" says how much, against nothing
    if last in _QUANTIFIERS and _DEGREE_AFTER.match(low, e):
        return None                              # "more than able", "less than impressed", "more than enough"
    k = None                                     # the index in pw of the comparative
    for j in range(len(pw) - 1, max(-1, len(pw) - 5), -1):
        if pw[j] in _QUANTIFIERS:                # "more financial firepower than": the quantifier, not "-er"
            k = j
            break
        if not pw[j].isalpha() or pw[j] in BOUNDARY:
            break
    if k is not None:
        pass
    elif _comparative(last) and not (len(pw) > 1 and pw[-2] in _NOUN_BEFORE):
        k = len(pw) - 1
    else:                                        # "more parking spaces than", "a faster pace in the second half than"
        for j in range(len(pw) - 2, -1, -1):     # (but "a slower pace than": an -er word before a noun of measure
            #                                      is an adjective, though an article comes before it)
            if pw[j] in _QUANTIFIERS or _comparative(pw[j]) and not (
                    j and pw[j - 1] in _NOUN_BEFORE and pw[j + 1] not in _MEASURE_NOUNS):
                k = j
                break
            if not pw[j].isalpha() or pw[j] in BOUNDARY and pw[j] not in _NOUN_BEFORE:
                break
    if k is None or pw[k] in _QUANTIFIERS and k == len(pw) - 1 and len(pw) > 1 and pw[-2] in ("no", "not"):
        return None                              # "no more than they need"
    # a figure before the comparative measures the difference: "20% more expensive than", "3 points lower than"
    measured = k > 0 and (pw[k - 1][:1].isdigit() or pw[k - 1] in _SMALL_NUMBERS or pw[k - 1] in ("times", "points"))
    if k == len(pw) - 1 and last in _QUANTIFIERS and not measured and _PRONOUN_AFTER.match(low, e):
        return None                              # "they pay more than they did": no amount, no baseline named
    if pw[k] in _QUANTIFIERS and k < len(pw) - 1 and not measured and not earlier and pw[-1] != "likely" and (
            pw[-1].endswith(_ADJECTIVE_ENDINGS) and not _plural(pw[-1]) or
            k + 2 < len(pw) and pw[k + 1].endswith(_ADJECTIVE_ENDINGS) and pw[k + 2] in TRAILING):
        return None                              # "more important than", "more favourably than", "more important
        #                                          in Spain than": an opinion of a quality, not an amount ("more
        #                                          cars than", "more firepower than", "more cars in May than")
    start = s
    for w in reversed(pw[k:]):
        start = low.rfind(w, 0, start)
    while k > 0 and (pw[k - 1] in _INTENSIFIERS or pw[k - 1][:1].isdigit() or pw[k - 1] in _SMALL_NUMBERS) and \
            low.endswith(pw[k - 1] + " ", 0, start):
        k -= 1                                   # "far greater", "two less", "10 times faster" (not "2004, more")
        start -= len(pw[k]) + 1
    ever = _EVER.match(low, e)                   # "stronger than ever (before)": against all the past
    if earlier:
        ref, end = scanner.text[earlier.start(1):earlier.end()], earlier.end()
    else:
        ref, end = (None, ever.end()) if ever else _ref(scanner, e, sent.end)
    return claim(scanner, sent, start, max(end, e), ref)


def _instead(scanner, pw, s, e, sent):
    """"a panel of nine rather than the usual five": two figures, one in place of the other; "tea rather than
    coffee" and "rather than wait" compare no figures."""
    m = _INSTEAD_FIGURE.match(scanner.low, e, sent.end)
    if m is None or not any(w[:1].isdigit() or read_words(w) is not None for w in pw[-5:-1]):
        return None
    ref, end = _ref(scanner, e, sent.end, max_words=5)
    return claim(scanner, sent, scanner.low.rfind("rather", 0, s), max(end, m.end()), ref)


def _compared(scanner, word, s, e, sent):
    """"compared with X", "(the loss) compares with X", "when compared to X", "in comparison with X": the
    reference is X; "In comparison, ..." sets the clause against the one before, named there."""
    low = scanner.low
    m = _WITH.match(low, e, e + 7)
    pw = scanner.before(s, sent, n=2)
    if word == "comparison":
        if not pw or pw[-1] not in ("in", "by"):
            return None
        if not m:
            return claim(scanner, sent, low.rfind(pw[-1], 0, s), e, None) if low[e:e + 1] == "," else None
    if not m:
        return None
    start = s
    if pw and (pw[-1] in ("when", "as", "if", "once") or word == "comparison"):
        start = low.rfind(pw[-1], 0, s)
    return _baseline(scanner, start, m.end(), sent)


def _baseline(scanner, start: int, pos: int, sent):
    """The claim from ``start`` over the baseline after ``pos``, up to the end of its phrase: "compared with
    less than 640 kilobits per second on old lines"; None if no word follows."""
    tail = _PHRASE.match(scanner.text, pos, min(sent.end, pos + 120))
    words = tail.group().split() if tail else []
    while words and words[-1].lower() in TRAILING:
        words.pop()
    if not words:
        return None
    end = scanner.text.index(words[-1], pos) + len(words[-1])
    return claim(scanner, sent, start, end, scanner.text[pos:end].strip())


def _from(scanner, word, s, e, sent):
    """"up from 243,000 a year earlier", "(the rise,) from 243,000 last year", "against 3.1bn a year earlier"."""
    low = scanner.low
    if word == "against" and low.endswith(" as ", max(0, s - 4), s):
        return _baseline(scanner, s - 3, e + 1, sent)     # "61% as against 59% in 2001": set against the other
    f = _FIGURE.match(low, e + 1) if low[e:e + 1] == " " else None
    if not f or not low[e + 1:e + 2].isdigit() and low[e + 1:e + 2] not in "$£€¥" and not low[e + 1:e + 3].isalpha():
        later = _EARLIER.match(low, e, sent.end) if word == "from" and low[e:e + 1] == " " else None
        unchanged = scanner.before(s, sent, n=1) == ["unchanged"]
        if later is not None and (unchanged or change_before(scanner, s, sent) is not None):
            # "rose 28% to $458m from a year earlier": the change against an earlier time
            return claim(scanner, sent, low.rfind("unchanged", 0, s) if unchanged else s, later.end(),
                         scanner.text[later.start():later.end()].strip())
        return None
    fig_end = f.end()
    if f.group().split()[-1] in BOUNDARY or f.group().split()[-1] in TRAILING or \
            f.group().split()[-1] in ("a", "an", "last", "the"):
        fig_end = f.start() + len(f.group().rsplit(None, 1)[0]) if len(f.group().split()) > 1 else f.end()
    if low.startswith((" to ", "-"), fig_end) or _TO_FIGURE.match(low, fig_end, sent.end):
        return _change(scanner, s, f.start(), fig_end, sent)    # "rose from 3% to 5%"
    pw = scanner.before(s, sent, n=3)
    prev = pw[-1] if pw else ""
    later = _EARLIER.match(low, fig_end, sent.end)
    start = s
    if prev in ("up", "down", "unchanged"):
        start = low.rfind(prev, 0, s)
    elif not later and not (word == "from" and not _YEAR.fullmatch(low, f.start(), fig_end) and
                            _changed_to(scanner, s, sent)) or \
            later and word == "from" and not (prev in _UP_DOWN or low[max(sent.start, s - 2):s] == ", " or
                                              change_before(scanner, s, sent) is not None):
        return None                              # but "fell to 1.2 million from 1.3 million a year earlier"
    if later:
        return claim(scanner, sent, start, later.end(), scanner.text[later.start():later.end()].strip())
    while low[fig_end - 1] in ".,":
        fig_end -= 1                             # "rose to 48.2 from 44.9.": the figure ends before the stop
    when = _FIGURE_TIME.match(low, fig_end, sent.end)   # "from $3.1bn for the same period in 2001", "from £620 in
    end = when.end() if when else fig_end                #  March": the old level's time
    return claim(scanner, sent, start, end, scanner.text[e:end].strip())


# the time of the old level after "from": "in March", "in 2027", "for the same period in 2027", "in the third quarter"
_FIGURE_TIME = re.compile(r"(?<!\s)\s+(?:in|for|during|at)\s+(?:the\s+same\s+(?:period|month|quarter|week|time)(?:\s+(?:in\s+"
                          r"(?:1[89]|20)\d\d|last\s+year|a\s+year\s+(?:earlier|ago)))?|the\s+(?:previous|first|second|third|"
                          r"fourth|final|last)\s+(?:quarter|half|month|year|period)|(?:" + trie_pattern(word_list("months")) +
                          r")(?:\s+(?:1[89]|20)\d\d)?|(?:1[89]|20)\d\d)\b")


# a new level before "from": "fell to £480, from £495", "edged up to 3.5% from", "slowed to 0.8% in the second quarter
# from": "to", its figure and perhaps the figure's time, just before "from"
_TO_LEVEL = re.compile(r"\bto\s+(?:[a-z]{0,2}[$£€¥])?\d[\d.,]*(?:[a-z%]+)?(?:\s+(?:million|billion|trillion|thousand|"
                       r"per\s*cent|percent|points?))?(?:\s+(?:in|on|at|during|last|this)(?:\s+(?!(?:but|and|or|which|that|who)\b)[\w’'-]+){1,3}?)?,?\s+$")


def _changed_to(scanner, s: int, sent) -> bool:
    """Does a change to a new level come just before "from" ("fell slightly to £610, from £620 in May"), so that
    the figure after "from" is the old level, the baseline of a comparison?"""
    m = _TO_LEVEL.search(scanner.low, max(sent.start, s - 80), s)
    return m is not None and change_before(scanner, m.start(), sent) is not None


# a comma that ends a clause, not the one inside a figure ("2,000")
_CLAUSE_COMMA = re.compile(r",(?!\d)")


def change_before(scanner, s: int, sent) -> int | None:
    """The start of a word of change ("rose", "fell", "up", "cut") before ``s`` in its clause (up to seven words
    back, over figures, "by", "more than"), or None."""
    low = scanner.low
    lx = scanner.lx
    pos = s
    for w in reversed(scanner.before(s, sent, width=64, n=7)):
        pos = low.rfind(w, 0, pos)
        if w in _UP_DOWN or w in lx.change_words or w in lx.change_by_words:
            return None if _CLAUSE_COMMA.search(low, pos, s) else pos
        if w in BOUNDARY and w not in ("as", "has", "have", "had", "is", "was", "are", "were", "been", "than") or \
                not w.replace(".", "").replace(",", "").replace("%", "").isalnum() and w[:1] not in "$£€¥":
            return None                          # a clause ends, or punctuation
    return None


# "from £190 in May to £185", "from 3% to 5%", "from 900 cases worth £8m to 800": the new level after the old one
# (and the old one's time or worth)
_TO_FIGURE = re.compile(r"(?<!\s)(?:\s+worth\s+(?:[a-z]{0,2}[$£€¥])?\d[\d.,]*(?:[a-z]+)?(?:\s+(?:million|billion|trillion))?)?"
                        r"(?:\s+(?:in|on|at|during|last|a|the|its)(?:\s+[\w’'-]{1,60}){1,2}?)?(?:\s+to|-)\s*"
                        r"(?P<fig>(?:[a-z]{0,2}[$£€¥])?\d[\d.,]*(?:[a-z%]+)?(?:\s+(?:million|billion|trillion|thousand|"
                        r"per\s*cent|percent|points?))?)")
_YEAR = re.compile(r"(?:1[89]|20)\d\ds?")


def _change(scanner, s, fig_start, fig_end, sent):
    """"fell by more than £40 from £310 in May to £270 in June", "rose from 3% to 5%": a change set against
    the level it started from, when a word of change comes before in the clause (the guide: a change alone is
    a quantity, "from X" makes it a comparison). "from 2001 to 2014" is a stretch of years, "ranged from 5% to
    25%" and "from 3 to 5 years" ranges."""
    low = scanner.low
    while low[fig_end - 1] in ".,":
        fig_end -= 1                             # "from 2003, to ...": the figure ends before the comma
    to = _TO_FIGURE.match(low, fig_end, sent.end)
    if to is None or _YEAR.fullmatch(low, fig_start, fig_end) or _YEAR.fullmatch(low, to.start("fig"), to.end("fig")):
        return None
    start = change_before(scanner, s, sent)
    if start is None:
        return None
    end = to.end()
    while low[end - 1] in ".,":
        end -= 1
    ref = scanner.text[fig_start:to.start("fig")].rstrip(" -")     # the old level and its time, as written
    if ref.endswith(" to"):
        ref = ref[:-3]
    return claim(scanner, sent, start, end, ref)


def _excess(scanner, word, s, e, sent):
    """"in excess of Acme's 412p closing price": a baseline passed; "in excess of £5m" is a bound."""
    low = scanner.low
    if not low.endswith("in ", max(0, s - 3), s) or not low.startswith(" of ", e):
        return None
    m = re.match(r"(?:the|a|an|its|their|his|her|our|[\w.-]+(?:’s|'s))\s", low[e + 4:e + 24])
    if not m:
        return None
    ref, end = _ref(scanner, e + 3, sent.end, max_words=10)
    if ref is None:
        return None
    return claim(scanner, sent, s - 3, end, ref)


def _overtake(scanner, word, s, e, sent):
    """"overtaking Sony as the market leader", "overtook its rival": the reference is what was overtaken;
    "were overtaken in the final minutes" names none, and is no claim."""
    nxt = scanner.low[e:e + 5].split()[:1]
    if word == "overtaken" and scanner.before(s, sent, n=1) not in (["has"], ["have"], ["had"], ["having"]):
        #                                          "overtaken in popularity by X": the reference follows "by"
        #                                          (but "has overtaken X" names X after it)
        m = _BY.match(scanner.low, e, sent.end)
        if m is None:
            return None
        ref, end = _ref(scanner, m.end() - 1, sent.end, max_words=6)
        return claim(scanner, sent, s, end, ref) if ref else None
    if not nxt or nxt[0] in TRAILING and nxt[0] not in ("the", "a", "an", "this"):
        return None
    ref, end = _ref(scanner, e, sent.end, max_words=5)
    if ref is None or ref.split()[0].lower() in BOUNDARY:
        return None
    words = ref.split()
    cut = next((i for i, x in enumerate(words) if i and x.lower() in TRAILING), None)
    if cut:                                      # "overtake Ann Lee| for the top ranking"
        ref = " ".join(words[:cut])
        end = scanner.text.index(ref, e) + len(ref)
    m = re.match(r"\s+as\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}", scanner.low[end:end + 40])
    if m:
        end += len(m.group().rstrip())
    return claim(scanner, sent, s, end, ref)


# "up 3.4% on a year earlier", "17.6% higher on a year ago": a change set against an earlier time with "on"
_ON_EARLIER = re.compile(r"\son\s+(?:a|one|the\s+same\s+[a-z]+(?:\s+a)?|the\s+previous)\s+(?:year|month|week|quarter|"
                         r"period|season)s?\s+$")


def _on_earlier(scanner, word, s, e, sent):
    """"sales were up 3.4% on a year earlier", "(rose 6%) on the same month a year ago": the reference is the
    earlier time; a figure, "up/down" or a comparative must come just before "on"."""
    low = scanner.low
    m = _ON_EARLIER.search(low, max(sent.start, s - 40), s)
    if m is None or not CHANGED.search(low, max(sent.start, m.start() - 12), m.start()):
        return None
    return claim(scanner, sent, m.start() + 1, e, scanner.text[m.start() + 4:e])


def _period_on_period(scanner, word, s, e, sent):
    """"rose 3% year-on-year", "year-on-year growth of 5%": a change set against the same period before; a figure or
    a word of change must come just before, or a noun of change just after."""
    low = scanner.low
    if not (CHANGED.search(low, max(sent.start, s - 16), s - 1) or _CHANGE_AFTER.match(low, e, sent.end)):
        return None
    return claim(scanner, sent, s, e, None)


_CHANGE_AFTER = re.compile(r"(?<!\s)\s+(?:" + trie_pattern(word_list("change_nouns")) + r")s?\b")


# "five points ahead of Labour", "third behind Smith", "it remains ahead": a lead over a rival. Only a measure of
# the lead, a rank, a word of degree or of moving or staying before it makes one: "ahead of the election", "go
# ahead", "the man behind the plan" are none.
_LEAD_MEASURE = frozenset("points point seconds second places place lengths strokes shots votes goals runs "
                          "percentage".split())
_LEAD_RANK = frozenset("second third fourth fifth sixth seventh eighth ninth tenth".split())
_LEAD_WORDS = frozenset("well far way just narrowly comfortably clearly slightly still edged pulled moved nosed crept "
                        "stayed stay stays remains remain remained trailing trails trailed lagging lags lagged".split())
_LEAD_STAYS = frozenset("still stayed stay stays remains remain remained".split())
# "ahead of schedule", "behind bars", "behind closed doors": a time or a place, no rival
_NOT_RIVALS = frozenset(("schedule", "time", "the curve", "bars", "closed doors", "the scenes"))
_SCORE = re.compile(r"(?<!\d)\d{1,3}-\d{1,3}")


def _lead(scanner, word, s, e, sent):
    pw = scanner.before(s, sent, n=2)
    prev = pw[-1] if pw else ""
    if _SCORE.fullmatch(prev):
        return None                              # "took the home side 27-22 ahead": a score, no claim
    measured = prev in _LEAD_MEASURE or prev[:1].isdigit() or prev.endswith("%")
    low = scanner.low
    if word == "clear" and not (measured and low.startswith(" of ", e)):
        return None                              # "three points clear of Chelsea", but "made it clear"
    if word == "ahead" and prev in _COPULAS and low.startswith(" of ", e):
        return _ahead_of_rival(scanner, s, e, sent)
    if not (measured or prev in _LEAD_WORDS or word == "behind" and prev in _LEAD_RANK):
        return None
    pos = e + 3 if word in ("ahead", "clear") and low.startswith(" of ", e) else e
    ref, end = _ref(scanner, pos, sent.end, max_words=5) if pos > e or word == "behind" else (None, e)
    if ref is not None and ref.lower() in _NOT_RIVALS:
        return None
    if ref is not None and (ref.split()[0].lower() in BOUNDARY or
                            ref.split()[0].lower() in ("with", "on", "in", "at", "for", "the") and " " not in ref):
        ref, end = None, e
    if ref is None and not (measured or prev in _LEAD_STAYS or word == "ahead" and pos == e):
        return None                              # "fell behind", "well ahead of schedule"
    if ref is None and pos > e:
        return None
    start = low.rfind(prev, 0, s)
    if prev in _LEAD_MEASURE and len(pw) > 1 and (pw[-2][:1].isdigit() or read_words(pw[-2]) is not None):
        start = low.rfind(pw[-2], 0, start)     # "five points ahead"
    return claim(scanner, sent, start, max(end, e), ref)


_COPULAS = frozenset("is are was were be been being finished finishes came comes".split())
# what is ahead of "Labour is ahead of" a rival in a race or a poll, not of a time or an event: a name, or a rival
_RIVAL = re.compile(r"(?<![\w’'.-])(?:the\s+|its\s+|their\s+)?(?:[A-Z][\w’'.-]{0,60}(?:\s+[A-Z][\w’'.-]{0,60}){0,5}|"
                    r"(?:main\s+|nearest\s+|closest\s+)?"
                    r"(?:rivals?|competitors?|opponents?|challengers?))(?=\s+(?:in|on|by|with|for|at|among|and)\b|[,.;:!?]|$)")
_NOT_RIVAL_NAMES = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december christmas easter""".split())


def _ahead_of_rival(scanner, s, e, sent):
    """"Labour is ahead of the Tories in the polls": a lead over a rival named, after a verb of being; "the talks
    are ahead of the summit" and "is ahead of March's vote" set a time, no rival."""
    m = _rival(scanner, e + 4, sent)
    return None if m is None else claim(scanner, sent, s, m.start() + len(_rival_name(m.group())),
                                        _rival_name(m.group()))


def _rival(scanner, pos: int, sent):
    """The match of a rival's name at ``pos`` (``_RIVAL``), or None for a day, a month or a bare article."""
    m = _RIVAL.match(scanner.text, pos, sent.end)
    if m is None or m.group().split()[-1].lower().strip("’'s") in _NOT_RIVAL_NAMES or \
            m.group().lower() in ("the", "its", "their"):
        return None
    return m


def _rival_name(name: str) -> str:
    """The rival's name without the full stop that ends the sentence ("trailing Smith.", but "ahead of the U.S.")."""
    if name.endswith(".") and not ABBREV.fullmatch(name.split()[-1]):
        return name[:-1]
    return name


def _trail(scanner, word, s, e, sent):
    """"trailing Labour by four points", "trails its rival": a rival named after the verb (but "trailing behind"
    is read at "behind", and "audit trails" or "trails 2-1" name none)."""
    m = _rival(scanner, e + 1, sent) if scanner.text[e:e + 1] == " " else None
    if m is None:
        return None
    rival = _rival_name(m.group())
    end = m.start() + len(rival)
    by = re.match(r"\s+by\s+(?:\d[\d.,]*%?|(?:" + written_number_pattern() + r"))(?:\s+(?:points?|percentage\s+points|"
                  r"seats|votes|seconds|places))?", scanner.low[end:end + 40])
    return claim(scanner, sent, s, end + (by.end() if by else 0), rival)


_BY = re.compile(r"(?<!\s)(?:\s+(?!by\b)[a-z]{1,60}){0,3}?\s+by\s")


# kind of comparison (data/claims/comparisons.txt) -> its reader
READERS = {"than": _than, "compared": _compared, "from": _from, "excess": _excess, "overtake": _overtake,
           "earlier": _on_earlier, "lead": _lead, "trail": _trail,
           "on": _period_on_period}
