"""Comparison claims: a figure or fact set against a baseline.

>>> from tracker.claims import find_claims
>>> [(c.text, c.reference) for c in find_claims(
...     "It is the first time since World War Two that troops have moved.", None) if c.kind == "comparison"]
[('the first time since World War Two', 'World War Two')]

Kinds of comparison (trigger words in ``data/claims/comparisons.txt``):

- historical: "the first time since X", "the highest level since X",
  "the lowest rate in 50 years", "the hottest year on record", "ever"
- superlative over a set: "the largest source of U.S. carbon emissions",
  "the best-funded super PAC of the 2016 election"
- record: "a record $100 million penalty", "record highs", "an all-time low"
- ratio: "three times the rate of civilians", "more than twice what it
  projected for ...", "doubled", "less than one-third of Trump's claim"
- surpassing: "surpasses the $846.8million raised in 2012"

The quantity scan (``quantities.Scan``) finds the trigger words in its
single pass over the text and calls the reader of each; ``reference`` is the
baseline as written when the text gives one.

Measured: comparison F1 1.000 on claims-dev and the seed; on blind held-out
sets 0.623, 0.750 and 0.480 before the fixes each set brought (issue 4's
closing note; recall 0.47 -> 0.82 on one of them, commit 1c623ec), and 0.665
on articles we do not have (issue 16): the rules fit the dev articles better
than the language.
"""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..model import Claim

_BOUNDARY = frozenset(
    "that which who whom whose when where while and but or as because after before if than is are was were be "
    "been has have had will would could should can may might said says say told according so although though "
    "unless until despite whereas then now also still already even just only here there today yesterday seems "
    "seem seemed appears appear appeared we i you they he she it won’t won't isn’t isn't wasn’t wasn't aren’t "
    "aren't don’t don't doesn’t doesn't didn’t didn't can’t can't couldn’t couldn't wouldn’t wouldn't it’s it's "
    "that’s that's".split())
_TOKEN = re.compile(r"\s+([^\s,;:!?()\[\]“”\"—–]+)")
_POSSESSIVES = frozenset("its their his her our my your".split())
_TEMPORAL = re.compile(
    r"\s+(?:(?P<since>since)\s|(?P<rec>on\s+record|in\s+(?:recorded\s+)?history|of\s+all\s+time|ever(?:\s+recorded)?|"
    r"to\s+date|so\s+far)\b|"
    r"(?P<in>in|for)\s+(?P<span>(?:(?:at\s+least|more\s+than|over|nearly|almost|about|some)\s+)?(?:\d+|a|an|the\s+past|"
    r"the\s+last|two|three|four|five|six|seven|eight|nine|ten|several|many|recent|a\s+few)\s+(?:[a-z]+\s+)?"
    r"(?:years|decades?|generations?|century|centuries|months|weeks|days|quarters|a\s+generation|generation|"
    r"history|years’|years')\b))")
# the complement of a superlative: "the biggest decline [for a developed nation]"
_REL = re.compile(r"\s+(?:since|ever|on\s+record|in|of|for|among|within(?!\s+reach)|across|to\s+date|so\s+far)\b")
_SCOPE_STOP = frozenset("than that to and or but which who is was are were has have had will would as at by with "
                        "from on".split())
_COMPOUND_REST = re.compile(r"(?:-[\w’']+)+")
_TIMES_FOLLOW = re.compile(r"\s+(?:as\b|more\b|higher|larger|bigger|greater|lower|smaller|less|fewer|faster|slower|"
                           r"the\b|that\b|what\b|its\b|their\b|his\b|her\b|those\b|these\b|this\b|than\b|over\b)")
_MULTIPLE_FOLLOW = re.compile(r"\s+(?:as\b|the\b|that\b|what\b|its\b|their\b|his\b|her\b|those\b|these\b|this\b|"
                              r"than\b)")
_MULTIPLE_BEFORE = ("more than", "less than", "nearly", "almost", "about", "roughly", "than", "over", "at least",
                    "some", "around", "up to")
_RECORD_NEXT = re.compile(r"[\s-]+(?:highs?|lows?|levels?|numbers?|amounts?|sums?|totals?|turnout|breaking|setting|"
                          r"years?|months?|quarters?|pace|profits?|losses|prices?|temperatures?|"
                          r"[$£€¥]?\d)")
# the baseline passed: a figure with a determiner ("surpasses the $846.8million raised in 2012"); a bare
# figure is a threshold ("deficits begin exceeding 3 percent of GDP"), read as a lower bound by the quantities
_SURPASS_OBJECT = re.compile(r"\s+(?:(?:the|a|its|their)\s+(?:previous\s+|prior\s+)?(?:record\s+)?|"
                             r"(?:previous|prior|record)\s+)(?:(?:us|a|c|au|nz|hk)?[$£€¥]\d|\d)")


_FAMILY = re.compile(r"\s+(?:son|daughter|child|children|brother|sister|sibling|grandson|granddaughter)s?\b")
_TRAILING = frozenset("on in of for by at to with from during among into over the a an and or last this".split())
_TITLES = frozenset("mr mrs ms dr st sen rep gov gen lt col sgt prof jr sr mt ft".split())
_ABBREV = re.compile(r"(?:[A-Za-z]\.)+")
_OF_ITS_KIND = re.compile(r"[\s-]+of[\s-]+its[\s-]+kind|[\s-]ever\b")
_FIRST_SINCE = re.compile(r"(?:\s+time)?(?:\s+[\w’'-]+){0,3}?\s+since\s")
_CLAUSE_WORD = re.compile(r"\b(?:that|which|and|but|when)\b")
_FIRST_TIME_IN = re.compile(r"\s+time(?=\s+(?:in|for)\s)")
_ALL_TIME_NEXT = re.compile(r"\s+(?:highs?|lows?|records?)\b")
_NEXT_WORD = re.compile(r"\s+[a-z][\w-]*")
_RECORD_FIGURE = re.compile(r"[\w$£€¥.,’'%-]*(?:\s+(?:million|billion|trillion|thousand))?(?:\s+[a-z][\w-]*){0,2}")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_TIMES_REST = re.compile(r"\s+(?:as\s+(?:[a-z]+\s+){1,4}?as|(?:more|higher|larger|bigger|greater|lower|smaller|less|"
                         r"fewer|faster|slower)(?:\s+[a-z]+){0,2}?\s+than|than|over)\b")
_FREQUENCY = re.compile(r"\s+(?:a|an|per|each|every)\s+(?:day|week|month|year|season|night)")
_MULTIPLE_REST = re.compile(r"\s+(?:as\s+(?:[a-z]+\s+){1,4}?as|(?:the|its|their|his|her)\s+(?=\w)|than|over|from|"
                            r"since)\b")
_FIGURE = re.compile(r"[\w$£€¥.,%]*(?:\s+(?:million|billion|trillion|thousand))?")
_COMPARATIVES = (" as ", " more", " higher", " larger", " bigger", " greater", " lower", " smaller", " less",
                 " fewer", " faster", " slower")
_THREE_WORDS = re.compile(r"(?:\s+[\w’'-]+){1,3}")
_YEAR = re.compile(r"\s+\d{4}\b")
_RECORD_SET = re.compile(r"\s+set\s+(?:in|by|at|during|on|last|earlier)\b")
_RECORD_SCOPE = re.compile(r"\s+(?:for|since|of|in)\b")
_CLAUSE_TAIL = re.compile(r"[^,;.!?]*")
_FIRST_CUES = ("-of", " of its", "-ever", " ever", " time in", " time for")
_SUPERLATIVE_BEFORE = ("the ", "its ", "their ", "his ", "her ", "our ", "my ", "'s ", "’s ")
# a rank below the top: "the second highest in 28 years"
_ORDINALS = tuple(f" {w} " for w in "second third fourth fifth sixth seventh eighth ninth tenth".split())
# "the most generous by far", "by far the largest"
_BY_FAR = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?\s+by\s+far\b")
# "the most of any candidate", "the least of all": a superlative over a set, though "most of" is none
_OF_ANY = (" of any ", " of all ")
# "doing the best it can": an idiom, no comparison
_CAN = re.compile(r"\s+(?:it|he|she|they|we|i|you)\s+(?:can|could)\b")
# a possessor that is the set itself: "the world's largest drugmaker", "the nation's oldest bank"
_AWARD = re.compile(r"\s(?:award|awards|prize|prizes|trophy|gong|category|nomination|nominations|honour|honor)\b")
_PLACES = frozenset("world nation country state city region continent planet industry market".split())
# praise, not a ranking: "the world's greatest economist", "in the country's best interest"
_PRAISE = frozenset(("best", "worst", "greatest"))


@cache
def triggers() -> dict[str, str]:
    """Trigger word -> kind of comparison."""
    return lexicon.mapping("claims/comparisons.txt")


def times_follow(low: str, pos: int) -> bool:
    """Does "N times" at ``pos`` compare with a baseline ("times the rate", "times as many")?"""
    return bool(_TIMES_FOLLOW.match(low, pos))


def _np(scanner, pos: int, limit: int, max_words: int = 8) -> tuple[str | None, int]:
    """The noun phrase starting after ``pos``: (text as written, end)."""
    text = scanner.text
    end = pos
    n = 0
    ends = []                                    # (end, word) of each token taken
    for m in _TOKEN.finditer(text, pos, limit):
        if m.start() != end:
            break
        w = m.group(1)
        lw = w.lower().rstrip(".")
        if lw in _BOUNDARY and n or lw == "-" or ".." in w:
            break
        n += 1
        if w.endswith(".") and not _ABBREV.fullmatch(w) and lw not in _TITLES:
            end = m.end() - 1
            ends.append((end, lw))
            break
        end = m.end()
        ends.append((end, lw))
        if n >= max_words:
            break
    while len(ends) > 1 and ends[-1][1] in _TRAILING:
        ends.pop()                               # "the largest number of delegates ... on| Super Tuesday"
    end = ends[-1][0] if ends else pos
    if end == pos:
        return None, pos
    start = pos + len(text[pos:end]) - len(text[pos:end].lstrip())
    ref = text[start:end].strip("’'")
    return (ref or None), end


def _claim(scanner, sent, start: int, end: int, reference: str | None) -> Claim:
    return Claim(kind="comparison", text=scanner.text[start:end], start=start, end=end, sentence_idx=sent.idx,
                 reference=reference)


def readers() -> dict:
    """Trigger word -> the reader of its kind of comparison (looked up once per trigger in the scan)."""
    return {w: _READERS[kind] for w, kind in triggers().items()}


def read(scanner, word: str, s: int, e: int, sent) -> Claim | None:
    kind = triggers().get(word)
    if kind is None:
        return None
    return _READERS[kind](scanner, word, s, e, sent)


def _article_start(scanner, pw: list[str], s: int) -> int:
    """Start the span at "the" / "a" before the trigger ("the first time since ...")."""
    if pw and pw[-1] in ("the", "a", "an", "its", "their", "his", "her", "our", "new"):
        return scanner.low.rfind(pw[-1], 0, s)
    return s


def _superlative(scanner, word, s, e, sent):
    low = scanner.low
    if not low.endswith(_SUPERLATIVE_BEFORE, max(0, s - 6), s):
        if not low.endswith(_ORDINALS, max(0, s - 9), s):
            return None
        s = low.rfind(" ", 0, s - 1) + 1         # "the second highest": the rank starts the span
        if not low.endswith(_SUPERLATIVE_BEFORE, max(0, s - 6), s):
            return None
    pw = scanner.before(s, sent)
    prev = pw[-1] if pw else ""
    if word in ("best", "worst") and _CAN.match(low, e):
        return None                              # "doing the best it can"
    if prev in ("at", "the") and word in ("least", "most", "best", "worst") and low.startswith(" bit", e):
        return None
    if prev == "at" or low[e:e + 1] == "'":
        return None                              # "at least", "at most", "at best"
    if word in ("most", "least") and (prev != "the" or low.startswith((" of ", " likely", " recent"), e)):
        if not (prev in _POSSESSIVES and word == "most" or prev == "the" and low.startswith(_OF_ANY, e)):
            return None                          # "most voters", "most of the", "the most likely"
    if word in ("oldest", "youngest", "eldest") and _FAMILY.match(low, e):
        return None                              # "the oldest daughter of Eric Garner"
    article = prev == "the"
    possessive = prev in _POSSESSIVES or prev.endswith(("'s", "’s"))
    if not (article or possessive):
        return None
    start = low.rfind(prev, 0, s)
    limit = sent.end
    by_far = None                               # "by far the largest ...": the claim if no set or baseline follows
    if article and "by far" in low[max(0, start - 7):e + 40] and \
            (_BY_FAR.match(low, e, limit) or low.endswith("by far ", max(0, start - 7), start)):
        bf = _BY_FAR.match(low, e, limit)      # "the most generous by far": a fact over the whole set
        if bf:
            return _claim(scanner, sent, start, max(bf.end(), e), None)
        start = start - 7
        by_far = _claim(scanner, sent, start, max(_np(scanner, e, limit, max_words=2)[1], e), None)
    if possessive and prev[:-2] in _PLACES and len(pw) > 1 and pw[-2] == "the" and word not in _PRAISE:
        # "the world's largest drugmaker": the possessor is the set (but "the country's oldest
        # plants" picks out a group, no claim of a single top)
        end = _place_noun_end(scanner, e, limit)
        if end is None:
            return None
        start = low.rfind("the", 0, start)
        return _claim(scanner, sent, start, max(end, e), scanner.text[start:start + 4 + len(prev) - 2])
    at = _scope(scanner, e, limit)
    if at is None:
        return by_far
    if word in ("best", "worst") and _AWARD.search(low, e, at):
        return None                              # "the best debut performance prize for ...": an award's name
    rel_m = _REL.match(low, at, limit)
    rel = " ".join(rel_m.group().split())
    if rel == "to date" and low.endswith(" up", 0, at):
        return None                              # "the most up to date model"
    # historical: "the highest level since 2008", "the lowest in 50 years", "on record", "ever"
    tm = _TEMPORAL.match(low, at, limit)
    if tm:
        if tm.group("since"):
            ref, end = _np(scanner, tm.end("since"), limit)
            if ref is None:
                return None
        elif tm.group("rec"):
            ref, end = None, tm.end()
        else:
            ref, end = scanner.text[tm.start("span"):tm.end()], tm.end()
        return _claim(scanner, sent, start, end, ref)
    if not article and rel != "among" or rel in ("since", "ever", "on record"):
        return by_far                            # but "his greatest support among the Marines" is a set
    # a superlative over a set: "the largest source of U.S. carbon emissions"
    ref, end = _np(scanner, rel_m.end(), limit)
    if ref is None:
        return by_far
    i = ref.find(" since ")
    if i > 0:                                    # "the best result for the party since 1997": the baseline
        ref = ref[i + 7:]
    return _claim(scanner, sent, start, end, ref)


_NOUN_WORD = re.compile(r"\s+([a-z][a-z-]*)(?=(\s*[,.;:)—–-]|\s+[\w’']+|$))")


def _place_noun_end(scanner, e: int, limit: int) -> int | None:
    """The end of the singular noun after "the world's largest": "drugmaker", "insurance broker".

    A second word is taken only when punctuation or a clause word follows it ("the world's biggest
    insurance broker -"), not a verb or a name ("carmaker General Motors", "carmaker boost net income").
    """
    low = scanner.low
    m = _NOUN_WORD.match(low, e, limit)
    if not m or m.group(1) in _TRAILING or m.group(1) in _SCOPE_STOP:
        return None                              # "the world's best in", "the world's best at losing"
    end, last = m.end(), m.group(1)
    m2 = _NOUN_WORD.match(low, end, limit)
    if m2 and m2.group(1) not in _BOUNDARY and scanner.text[m2.start(1)].islower() and \
            (not m2.group(2).strip() or m2.group(2).strip()[0] in ",.;:)—–-" or m2.group(2).split()[0] in _BOUNDARY):
        end, last = m2.end(), m2.group(1)
    lx = scanner.lx
    if last[-1] == "s" and last not in lx.not_plural and not last.endswith("ss") or last in lx.plural_nouns:
        return None
    return end


def _scope(scanner, e: int, limit: int) -> int | None:
    """Where the complement of a superlative starts ("... decline| for a developed nation").

    Up to four words may come between ("the best-funded super PAC| of"); a plural
    noun must be followed by the complement at once, so that "give the wealthiest
    people enormous influence in elections" is no comparison.
    """
    low = scanner.low
    if low[e:e + 1] == "-":                      # "best-funded": skip the rest of the compound
        m = _COMPOUND_REST.match(low, e)
        if m is None:                            # a dash ("the cheapest--and"), or a hyphen left hanging
            return None                          # ("the best- and worst-paid"): no complement is read
        e = m.end()
    lx = scanner.lx
    plural_before = False
    for n, m in enumerate(_TOKEN.finditer(low, e, limit)):
        if m.start() != e or n > 4:
            return None
        w = m.group(1)
        if _REL.match(low, m.start(), limit):
            return m.start()
        if plural_before or w in _SCOPE_STOP or not w[-1].isalnum() and w[-1] not in "’'":
            return None
        plural_before = w[-1] == "s" and w not in lx.not_plural and not w.endswith(("ss", "’s", "'s", "us", "is")) \
            or w in lx.plural_nouns
        e = m.end()
    return None


def _first(scanner, word, s, e, sent):
    low = scanner.low
    limit = sent.end
    if not (low.startswith(_FIRST_CUES, e) or "since" in low[e:e + 50]):
        if " in " in low[e:e + 60] or " after " in low[e:e + 60]:
            return _first_in(scanner, s, e, sent)
        return None
    m = _OF_ITS_KIND.match(low, e, limit)
    pw = scanner.before(s, sent)
    if m:
        _, end = _np(scanner, m.end(), limit, max_words=3)
        return _claim(scanner, sent, _article_start(scanner, pw, s), max(end, m.end()), None)
    m = _FIRST_SINCE.match(low, e, limit)
    if m and not _CLAUSE_WORD.search(low, e, m.end()):
        ref, end = _np(scanner, m.end() - 1, limit)
        if ref:
            return _claim(scanner, sent, _article_start(scanner, pw, s), end, ref)
    m = _FIRST_TIME_IN.match(low, e, limit)
    if m:
        tm = _TEMPORAL.match(low, m.end(), limit)
        if tm and tm.group("span"):
            return _claim(scanner, sent, _article_start(scanner, pw, s), tm.end(),
                          scanner.text[tm.start("span"):tm.end()])
    return None


# the streak after "the first ... after": "after four weeks of gains", "after three straight quarters"
_AFTER_SPAN = re.compile(
    r"\s+after\s+(?P<span>(?:(?:more\s+than|nearly|almost|about|some)\s+)?(?:\d+|a|an|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|many)\s+(?:(?:straight|consecutive|successive)\s+(?:years|decades?|months|weeks|days|"
    r"quarters|sessions|games|races|elections)(?:\s+of\s+[a-z]+)?|(?:years|decades?|months|weeks|days|quarters|"
    r"sessions)\s+of\s+(?:gains|losses|declines|increases|growth|rises|falls|wins|defeats|victories|deficits|"
    r"surpluses|cuts|hikes)))\b")


def _first_in(scanner, s, e, sent):
    """ "the first quarterly rise in five years", "its first loss after four weeks of gains": a first
    within a stretch of time (the stretch is the reference). "first" must follow a determiner, and at
    most six words, none a clause word, come between it and the stretch."""
    low = scanner.low
    limit = sent.end
    pw = scanner.before(s, sent)
    if not pw or pw[-1] not in ("the", "its", "their", "his", "her"):
        return None
    pos = e
    for n, m in enumerate(_TOKEN.finditer(low, e, limit)):
        if m.start() != pos or n > 6:
            return None
        w = m.group(1)
        if w in ("in", "after"):
            tm = _TEMPORAL.match(low, pos, limit) if w == "in" else _AFTER_SPAN.match(low, pos, limit)
            if tm and tm.group("span"):
                return _claim(scanner, sent, _article_start(scanner, pw, s), tm.end(),
                              scanner.text[tm.start("span"):tm.end()])
        if w.rstrip(".") in _BOUNDARY or w in ("time", "of", "to"):
            return None                          # "the first time ...", "the first of ...", "the first to ..."
        pos = m.end()
    return None


def _record(scanner, word, s, e, sent):
    low = scanner.low
    limit = sent.end
    pw = scanner.before(s, sent)
    prev = pw[-1] if pw else ""
    nxt = _RECORD_NEXT.match(low, e, limit)
    broken_from = None
    if word == "all-time":
        if not _ALL_TIME_NEXT.match(low, e, e + 10):
            return None
    elif _broken(wide := scanner.before(s, sent, width=64, n=6)):
        # "broke the record", "surpassing Smith's previous record": the span starts after the verb
        k = next(i for i, w in enumerate(reversed(wide)) if w in _BREAK_VERBS)
        broken_from = s
        for w in reversed(wide[len(wide) - k:]):
            broken_from = low.rfind(w, 0, broken_from)
    elif prev in ("a", "an", "new", "all-time"):
        if low.startswith((" of ", " label", " company", " companies", " store", " deal", " player", " collection"),
                          e) or not (nxt or _NEXT_WORD.match(low, e, e + 20)):
            return None
    elif prev == "on" and low[e:e + 1] == "-":
        return None                              # "on record-breaking form"
    elif prev == "on" and len(pw) > 1 and pw[-2] not in ("go", "went", "gone", "going", "spoke", "speak", "speaking"):
        pass                                     # "the wettest summer on record"
    elif _RECORD_SET.match(low, e, limit):
        pass                                     # "the 46% turnout record set in 2008"
    elif nxt and prev not in ("criminal", "track", "voting", "his", "her", "their", "its", "my", "our", "your",
                              "public", "medical", "dental", "the", "off", "for", "and", "or", "to", "will",
                              "would", "can", "could", "they", "we", "i", "you"):
        pass                                     # "record highs", "record profits"
    else:
        return None
    start = _article_start(scanner, pw, s) if broken_from is None else broken_from
    if prev in ("on",):
        return _claim(scanner, sent, low.rfind("on", 0, s), e, None)
    end = e
    rs = None if nxt else _RECORD_SET.match(low, e, limit)
    if rs:                                       # "record set in 2008", "record set by Smith"
        y = _YEAR.match(low, rs.end(), limit)
        if y:
            return _claim(scanner, sent, start, y.end(), scanner.text[y.start() + 1:y.end()])
        ref, end2 = _np(scanner, rs.end(), limit, max_words=4) if low[rs.end() - 2:rs.end()] in ("by", "in", "at") \
            else (None, e)
        if ref:                                  # "the record set by Obama"
            return _claim(scanner, sent, start, end2, ref)
        end = e + 4
    elif nxt:
        end = nxt.end()
        # the figure and its noun: "a record $100 million penalty"
        m = _RECORD_FIGURE.match(low, end, limit)
        if m:
            words = scanner.text[end:m.end()].split()
            keep = []
            for w in words:
                if w.lower().strip(".,") in _BOUNDARY or w.lower() in _TRAILING or w.lower() == "imposed":
                    break
                keep.append(w)
            end = end + len(" ".join(keep)) + (len(scanner.text[end:m.end()]) - len(scanner.text[end:m.end()].lstrip()))
            end = end if keep else nxt.end()
    elif broken_from is None and not _RECORD_SCOPE.match(low, e, limit):
        m = _NEXT_WORD.match(low, e, min(e + 25, limit))
        if m and m.group().strip() not in _BOUNDARY:
            end = m.end()
    if scanner.text[end - 1:end] in ".,":
        end -= 1
    ref = None
    m = _RECORD_SCOPE.match(low, end, limit)
    if m:                                        # "broke the record for all primary debates"
        ref, end2 = _np(scanner, m.end(), limit)
        if ref:
            end = end2
    return _claim(scanner, sent, start, end, ref)


_BREAK_VERBS = frozenset("broke break breaks breaking beat beats beating set sets equalled equaled equals smashed "
                         "smashing matched matching surpassed surpass surpasses surpassing shattered shattering "
                         "eclipsed eclipsing topped topping exceeded exceeding".split())
_BEFORE_RECORD = frozenset("the a an new previous prior old existing former world british national european olympic "
                           "all-time his her their its own".split())


def _broken(pw: list[str]) -> bool:
    """Do the words before "record" say it was broken, set or matched: "broke the record", "surpassing
    President Smith's previous record" (determiners, adjectives of records, and a possessor between)?"""
    free = 0                                     # words of a name allowed before a possessive
    for w in reversed(pw):
        if w in _BREAK_VERBS:
            return True
        if w.endswith(("'s", "’s")):
            free = 2
        elif w in _BEFORE_RECORD:
            free = 0
        elif free:
            free -= 1
        else:
            return False
    return False


def _multiplier_before(scanner, pw, s):
    """The start of "three" / "10" / "2.5" / "many" before "times", or None."""
    if not pw:
        return None
    w = pw[-1]
    from .numbers import read_words
    if _NUMBER.fullmatch(w) or read_words(w) is not None or w in ("many", "several", "few"):
        return scanner.low.rfind(w, 0, s)
    return None


def _times(scanner, word, s, e, sent):
    low = scanner.low
    pw = scanner.before(s, sent)
    start = _multiplier_before(scanner, pw, s)
    if start is None or not times_follow(low, e):
        return None
    rest = _TIMES_REST.match(low, e, sent.end)
    if rest:                                     # "10 times higher than ...", "twice as many as ..."
        ref, end = _np(scanner, rest.end(), sent.end)
    elif low.startswith(_COMPARATIVES, e):       # "five times as many people": no baseline given
        m = _THREE_WORDS.match(low, e, sent.end)
        ref, end = None, m.end() if m else e
        while end > e and low[low.rfind(" ", e, end) + 1:end] in _TRAILING:
            end = low.rfind(" ", e, end)         # "1.9 times more likely| to"
    else:                                        # "three times the rate of civilians"
        ref, end = _np(scanner, e, sent.end)
    qs = _qualifier_start(scanner, pw[:-1], start)
    return _claim(scanner, sent, qs, max(end, e), ref)


def _qualifier_start(scanner, pw, start):
    """Widen a span over "more than" / "nearly" before it."""
    for k in (2, 1):
        if len(pw) >= k and " ".join(pw[-k:]) in _MULTIPLE_BEFORE:
            return scanner.low.rfind(pw[-k], 0, start)
    return start


def _multiple(scanner, word, s, e, sent):
    low = scanner.low
    pw = scanner.before(s, sent)
    if low[e:e + 1] == "-":
        return None                              # "double-digit", "twice-weekly"
    past = word.endswith("ed")
    if past and low.startswith((" down", " up"), e):
        return None                              # "doubled down": an idiom
    before = " ".join(pw[-2:]) if len(pw) > 1 else ""
    if not past:
        if _FREQUENCY.match(low, e, e + 14):
            return None                          # "twice a week": a frequency
        follows = _MULTIPLE_FOLLOW.match(low, e, sent.end)
        if not follows and not (pw and (pw[-1] in _MULTIPLE_BEFORE or before in _MULTIPLE_BEFORE)):
            return None
        if word in ("double", "triple", "treble") and not (follows or pw and pw[-1] in ("than", "nearly", "almost")):
            return None
    start = _qualifier_start(scanner, pw, s)
    rest = _MULTIPLE_REST.match(low, e, sent.end)
    pos = rest.end() if rest and not rest.group().strip() in ("the", "its", "their", "his", "her") else e
    if rest and rest.group().split()[0] in ("the", "its", "their", "his", "her"):
        pos = e
    ref, end = _np(scanner, pos, sent.end, max_words=12)
    if past and (not ref or pos == e):
        ref, end = None, e                       # "quintupled to $169,758", "doubled after May": no baseline
    return _claim(scanner, sent, start, max(end, e), ref)


def _surpass(scanner, word, s, e, sent):
    low = scanner.low
    m = _SURPASS_OBJECT.match(low, e, sent.end)
    if not m:
        return None
    # the figure, then what it measured: "the $846.8million that poured into ... 2012 election cycle"
    fig = _FIGURE.match(low, m.end() - 1)
    ref, end = _np(scanner, fig.end(), sent.end, max_words=14)
    if ref and ref.split()[0].lower() in ("that", "which", "raised", "spent", "in", "for", "during", "from", "of"):
        pass
    tail = _CLAUSE_TAIL.match(scanner.text, fig.end(), sent.end)
    end = tail.end() if tail and tail.end() - fig.end() < 120 else fig.end()
    ref = scanner.text[fig.end():end].strip() or None
    return _claim(scanner, sent, s, end, ref)


_APPOSITION = re.compile(r"(?:,|\(|—|–|-)\s*(?:or\s+)?$")
_BASELINE = re.compile(r"\s+of\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+|[\w.-]+(?:’s|'s)\s+)"
                       r"(?:[\w’'-]+\s+){0,2}?(?:claim|figure|total|level|rate|number|estimate|average|amount|"
                       r"forecast|target|peak|record|high|low|price|cost|budget|sum|value|share|tally|count)s?\b")


def fraction_of_baseline(scanner, start: int, e: int, sent) -> Claim | None:
    """A fraction that restates a figure against a baseline: "18.7 percent, or less than
    one-third of Trump's claim" (a comparison, not a share of a group)."""
    low = scanner.low
    if not _APPOSITION.search(low, max(sent.start, start - 6), start):
        return None
    m = _BASELINE.match(low, e, sent.end)
    if not m:
        return None
    ref_start = e + len(low[e:m.end()]) - len(low[e:m.end()].lstrip())
    ref = scanner.text[ref_start + 3:m.end()].strip()
    return _claim(scanner, sent, start, m.end(), ref)


def _fold(scanner, word, s, e, sent):
    """"a tenfold increase", "improves by about 10 fold": a multiplier whose baseline is implicit."""
    low = scanner.low
    if low[e:e + 1] == "-":
        return None
    pw = scanner.before(s, sent)
    if word == "fold":
        start = _multiplier_before(scanner, pw, s)
        if start is None:
            return None
        pw = pw[:-1]
    else:
        start = s
    return fold_claim(scanner, _qualifier_start(scanner, pw, start), e, sent)


def fold_claim(scanner, start: int, e: int, sent) -> Claim:
    """The multiplier from ``start`` to ``e`` ("10-fold"), with the noun it qualifies ("a tenfold increase")."""
    m = _FOLD_NOUN.match(scanner.low, e, sent.end)
    end = m.end() if m else e
    return _claim(scanner, sent, start, end, None)


_FOLD_NOUN = re.compile(r"\s+(?:increase|rise|jump|growth|gain|drop|fall|decline|reduction|expansion)s?\b")

# "half the size of Pfizer", "a third the rate of 2010": a ratio to a baseline
_MEASURE_OF = re.compile(r"\s+the\s+(?:size|rate|level|number|amount|cost|price|value|population|pace|length|height|"
                         r"weight|speed|area|budget|income|salary|share|total)\s+of\b")


def fraction_of_measure(scanner, start: int, e: int, sent) -> Claim | None:
    """A fraction of another thing's measure: "about half the size of Pfizer" (a comparison)."""
    m = _MEASURE_OF.match(scanner.low, e, sent.end)
    if not m:
        return None
    ref, end = _np(scanner, m.end(), sent.end, max_words=6)
    if ref is None:
        return None
    return _claim(scanner, sent, start, end, ref)


# "a 31-year low", "a five-month high": a level not seen for that long
SPAN_ADJECTIVE = re.compile(r"(?:\d+|[a-z]+)-(?:year|month|week|decade)")
# what may follow "a new high" (not "a new high school", "a new low-cost airline")
_LEVEL_NEXT = re.compile(r"(?:$|[,.;:!?)’'\"”]|\s+(?:of|in|for|on|this|last|mark|after|as|since|and|at|against|amid|"
                         r"earlier|was|is|set|point|level|before|during|following|when|with|but|to|while|today|"
                         r"yesterday|over|from|by|not|or)\b)")


def _level(scanner, word, s, e, sent):
    low = scanner.low
    if low[s - 1:s] != " " or low[e:e + 1] == "-":
        return None
    j = low.rfind(" ", max(sent.start, s - 24), s - 1)
    prev = low[j + 1:s - 1]
    if prev in ("new", "fresh"):
        if not _LEVEL_NEXT.match(low, e, sent.end):
            return None                          # "a new high school"
        ref = None
    elif SPAN_ADJECTIVE.fullmatch(prev):
        ref = scanner.text[j + 1:s - 1]          # "a 31-year low": not so low for 31 years
    else:
        return None
    start = j + 1
    if low.endswith((" a ", " an "), max(sent.start, start - 4), start) or low.endswith((" a ", " an "), 0, start):
        start = low.rfind(" a", 0, start) + 1
    return _claim(scanner, sent, start, e, ref)


# "none since 1912 has beaten", "has not produced a president since 1960": a negation before "since" in the
# same clause makes a record of the stretch; the baseline is a year, a decade or a name ("since Truman")
_NEGATION = re.compile(r"(?:\b(?:no|none|never|not|nobody|nothing|neither)\b|n[’']t\b)")
_SINCE_REF = re.compile(r"\s+((?:the\s+)?(?:(?:1[89]|20)\d\d\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|the))*|"
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
    ref = m.group(1).rstrip(".") if not _ABBREV.fullmatch(m.group(1).split()[-1]) else m.group(1)
    if ref.lower().split()[-1] in _NOT_SINCE_NAMES or ref.lower() == "the":
        return None                              # "not since Monday": days and months are no record
    start = neg.start()
    if low[start:start + 2] in ("n'", "n’"):
        start = low.rfind(" ", lo, start) + 1             # "hasn't": the whole word
    return _claim(scanner, sent, start, m.start(1) + len(ref), ref)


def _last_time(scanner, word, s, e, sent):
    low = scanner.low
    if not low.endswith("the ", max(0, s - 4), s) or not low.startswith(" time", e):
        return None
    m = _LAST_TIME_WAS.match(scanner.text, e + 5, sent.end)
    if not m:
        return None
    return _claim(scanner, sent, s - 4, m.end(), m.group(1))


_READERS = {"superlative": _superlative, "first": _first, "record": _record, "times": _times,
            "multiple": _multiple, "surpass": _surpass, "fold": _fold, "level": _level, "since": _since,
            "last": _last_time}
