"""What a figure measures, whom it is about: read from the clause around it (``statement.describe`` calls these).

The reasons and measured cases are in ``statement.py``'s docstring, which describes the claim as a whole; this
module holds the readers of the measure ("unemployment rate", "troops on the border"), of a comparison's
measure, and of the subject that opens a clause. Split from statement.py when it passed 600 lines.
"""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..model import Claim
from .cldr import unit_kinds
from .reading import DETERMINERS as _DETERMINERS, PERIOD as _PERIOD, PRONOUNS as _PRONOUNS, TOKEN as _TOKEN

_PROPER = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w.&-]*(?:\s+(?:(?:of|and|&|for|de|du)\s+(?:the\s+)?)?[A-Z][\w.&-]*)*")
_POSSESSOR = re.compile(r"((?:(?<![\w’'])the\s+)?(?<![\w.&-])[A-Z][\w.&-]{0,60}(?:\s+[A-Z][\w.&-]{0,60}){0,4})"
                        r"(?:’s|'s|’|')\s+$")
_NAME_AFTER = re.compile(r"(?<!\s)\s+(?:in|at|for|of|across|from)\s+((?:the\s+)?[A-Z][\w.&’'-]*(?:\s+(?:(?:of|and|&|for)\s+"
                         r"(?:the\s+)?)?[A-Z][\w.&’'-]*){0,5})")
_PARTICIPLE = re.compile(r"(?<!\s)\s+([a-z]+)\s+(?:by|in|at|on|to|from|for|during|over|across)\s")
_PP_AFTER = re.compile(r"(?<!\s)\s+(?:on|at|near|along|across|in|inside|outside|around|from|for|of|to)\s+(?:the\s+|a\s+|an\s+|"
                       r"its\s+|their\s+)?(?:[\w’'-]+\s+){0,2}?[\w’'-]+")
_OF_AFTER = re.compile(r"(?<!\s)\s+(?:worth\s+)?(?:of|in)\s+")
_INTRO = re.compile(r"(?<![\w’'-])(?:[\w’'-]{1,60}\s+){0,5}?[\w’'-]{1,60},\s+")


# the words between a figure and the earlier figure it is set against: "9,000, up from 7,000"
_BASELINE_GAP = re.compile(r",?(?<!\s)\s+(?:(?:up|down)\s+)?(?:from|against|compared\s+(?:with|to)|(?:rather\s+)?than|"
                           r"instead\s+of)\s+(?:the\s+(?:usual|normal|previous|original|expected|planned)\s+)?")
# a figure after a period and "to" ("from £190,329 in November| to £189,733"): the same measure at another time
_PERIOD_TO = re.compile(r"(?<!\s)\s+to\s+")
_CONVERSION = re.compile(r"(?<!\s)\s*\([^()]{0,40}\)")


# -- what the figure measures -------------------------------------------------------------------------------------

def _tokens_left(low: str, lo: int, pos: int, n: int = 8) -> list[re.Match]:
    return list(_TOKEN.finditer(low, max(lo, pos - 90), pos))[-n:]


def _np_left(text: str, low: str, lo: int, pos: int, w: dict) -> tuple[int, int] | None:
    """The noun phrase that ends right before ``pos`` (at most four words, back to a determiner, a verb, a
    function word or punctuation), or None."""
    toks = _tokens_left(low, lo, pos)
    start = None
    n = 0
    for t in reversed(toks):
        word = t.group()
        if not word[0].isalnum() or word in w["stop"] or word[0].isdigit() or word.endswith(("’s", "'s")) or \
                n == 4 or word in w["numbers"] or n and text[t.start()].islower() and _verbish(word, w):
            break                            # the head (the last word) is taken for a noun: "posts", "reports"
        start = t.start()
        n += 1
    if start is None:
        return None
    end = pos
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# what a verb's count of things measures: "produced 110,000 cars" (output), "sold 2m copies" (sales)
_COUNT_MEASURES = frozenset(("output", "sales", "workforce", "exports", "imports"))
_ADVERBS = frozenset("just only still also now already even about almost nearly roughly some around "
                     "approximately exactly".split())
_MODALS = frozenset("would will could can may might should must did does do to".split())
_HOP = frozenset("in of at for on with from among across".split())
# participles of a level reached that open a clause after a comma ("..., exceeding $8m")
_REACHING = frozenset("exceeding reaching topping hitting totalling totaling passing surpassing".split())


def _subject_np(text: str, low: str, lo: int, pos: int, w: dict) -> tuple[int, int] | None:
    """The noun phrase before ``pos`` that a verb there has for subject: over a phrase that modifies it ("the
    typical user rate in a real implementation| is"), never onto a noun that only says "a figure" ("the
    number of| troops")."""
    np = _np_left(text, low, lo, pos, w)
    for _ in range(2):
        if np is None:
            return None
        toks = _tokens_left(low, lo, np[0], 3)
        while toks and toks[-1].group() in _DETERMINERS:
            toks.pop()
        if not toks or toks[-1].group() not in _HOP:
            return np
        outer = _np_left(text, low, lo, toks[-1].start(), w)
        if outer is None or _head(text, outer) in w["amounts"]:
            return np
        np = outer
    return np


def _verbish(word: str, w: dict) -> bool:
    """Does ``word`` look like a verb, to end a noun phrase read leftwards? (Forms in -ing are taken for nouns:
    "government spending", "lending".)"""
    if word.endswith("ing"):
        return False
    return word in w["verbs"] or word in w["levels"] or word in w["changes"] or word in w["measure_verbs"] or \
        word.endswith("ed") and len(word) > 4


def _np_right(text: str, low: str, pos: int, hi: int, w: dict, max_words: int = 4) -> tuple[int, int] | None:
    """The noun phrase that starts after ``pos`` (past a determiner), up to a function word or punctuation."""
    start = end = None
    n = 0
    for t in _TOKEN.finditer(low, pos, min(hi, pos + 80)):
        word = t.group()
        if start is None and word in _DETERMINERS:
            continue
        if not word[0].isalnum() or word in w["stop"] or word[0].isdigit() or n == max_words or \
                word in w["cues"] or word in w["levels"] or _PERIOD.match(low, t.start()) or \
                n and _participle(word, w) and _PARTICIPLE.match(low, t.start() - 1):
            break
        if start is None:
            start = t.start()
        end = t.end()
        n += 1
    if start is None:
        return None
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _participle(word: str, w: dict) -> bool:
    return word.endswith("ed") and len(word) > 4 or word in w["participles"]


def _head(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0]:span[1]].split()[-1].lower() if span else None


def _split_subject(text: str, span: tuple[int, int]) -> tuple[str, str | None]:
    """("unemployment", "UK") from "UK unemployment": leading names are the subject, the rest the measure."""
    words = text[span[0]:span[1]].split()
    k = 0
    while k < len(words) and words[k][:1].isupper():
        k += 1
    if k == 1 and not words[0].isupper() and _sentence_initial(text, span[0]):
        k = 0                                # "Rail fares": a capital that only opens the sentence
    if 0 < k < len(words):
        return " ".join(words[k:]), " ".join(words[:k])
    return " ".join(words), None


def _is_counted(unit: str, w: dict) -> bool:
    """Is ``unit`` a counted noun ("troops", "MPs"), not a currency, a share or a unit of measurement?"""
    return bool(unit) and not (len(unit) == 3 and unit.isupper()) and unit not in w["measurement_units"] and \
        unit not in _SHARE and unit not in ("ratio", "times") and not unit.startswith("per ")


def _counted(text: str, low: str, c: Claim, w: dict) -> tuple[int, int] | None:
    """The counted noun with its modifiers, inside the claim: "new jobs" of "Some 200 new jobs", "matches" of
    "two of her three matches"."""
    if not c.raw_number:
        return None
    head = c.unit.split(" per ")[0].split()[-1].lower()
    i = c.text.find(c.raw_number)
    if i < 0:
        return None
    rest_start = c.start + i + len(c.raw_number)
    j = low.rfind(head, rest_start, c.end)
    if j < 0:
        return None
    np = _np_left(text, low, rest_start, j + len(head), w)
    return np if np else (j, j + len(head))


def _post_modifier(text: str, low: str, end: int, hi: int, w: dict) -> int:
    """The end of a short modifier after a counted noun: "sold by the BMW group", "on the border"."""
    m = _PARTICIPLE.match(low, end, hi)
    if m and _participle(m.group(1), w):
        np = _np_right(text, low, m.end() - 1, hi, w, 4)
        return np[1] if np else end
    m = _PP_AFTER.match(low, end, hi)
    if m and not _PERIOD.match(low, m.start() + 1) and not any(x in w["stop"] - _PLACE_PREPS
                                                               for x in low[m.end() - 40:m.end()].split()[-1:]):
        if low[m.start() + 1:].startswith(("on ", "at ", "near ", "along ", "across ", "inside ", "outside ")):
            np = _np_right(text, low, low.index(" ", m.start() + 1), hi, w, 4)
            return np[1] if np else end
    return end


# -- what a counted noun's phrase says about it: "awards won", "players named in their squad", "judges that
# dismissed both appeals" (an annotator writes what the figure counts: "two awards" a singer won are "awards won")

_NEXT_WORD = re.compile(r"(?<!\s)\s+([a-z][a-z’'-]*)")
_AUX_CHAIN = re.compile(r"(?<!\s)(?:\s+(?:have|has|had|were|was|are|is|be|been|being|will|would|could|may|might|can|should|"
                        r"must|to|also|now|already|all|still|then|both|each|not|never)(?![\w’'-]))+")
_RELATIVE = re.compile(r"(?<!\s)\s+(?:who|that|which)\s+(?:[\w’'-]+\s+){0,6}?[\w’'-]+(?=\s*(?:[,;:.()\"“”—–]|$))")
# words after a verb that are no object: adverbs that do not end in -ly
_NO_OBJECT = frozenset("each every online abroad overseas worldwide prior together apiece alone instead so too "
                       "down up out off away back".split())
_AND_WORD = re.compile(r"(?<!\s)\s+and\s+([a-z]+)")
_WORTH_OF = re.compile(r"(?<!\s)\s+worth\s+of\s+")
_PARTICLES = frozenset("down up out off away back".split())
_COMPARATIVES = frozenset("more fewer less higher lower bigger smaller larger greater better worse".split())
_OBJECT_SKIP = _DETERMINERS | frozenset(("first", "last", "next", "other", "only", "just", "all", "both"))


def _participle_of(word: str, w: dict) -> str | None:
    """The past participle of a verb form that takes a counted object ("won", "winning" -> "won", "recalling" ->
    "recalled", "named"), None for a word that is no such verb ("including", "has", "rose")."""
    if word in w["participle_of"]:          # first: "lost five games", "cut 300 jobs" (verbs of change too)
        return w["participle_of"][word]
    if word in w["light_verbs"] or word in w["changes"] or word in w["levels"] or word in w["stop"] or \
            word in w["measure_verbs"]:
        return None
    if word in w["participles"] or word.endswith("ed") and len(word) > 4:
        return word
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]                     # "recalling" -> "recalled", "naming" -> "named"
        return stem[:-1] + "ied" if stem.endswith("y") and stem[-2] not in "aeiou" else stem + "ed"
    return None


def _object_verb(words: list[str], w: dict) -> str | None:
    """The participle of the verb whose object the figure counts: "won two awards", "recalling nine of their
    players", "won the first two editions"."""
    k = len(words) - 1
    while k >= 0 and words[k] in _OBJECT_SKIP:
        k -= 1
    return _participle_of(words[k], w) if k >= 0 and words[k][:1].isalpha() else None


def _finite_after(low: str, pos: int, hi: int, w: dict) -> bool:
    """Does an object follow a verb ending at ``pos`` (a determiner, a figure or a noun, not a preposition or
    punctuation): "3,500 people produced| 56,000 cars" is a clause, "songs downloaded| since 2003" a modifier?"""
    m = _NEXT_WORD.match(low, pos, hi)
    if m is None:
        return low[pos:pos + 2].strip()[:1].isdigit() or low[pos + 1:pos + 2] in "£$€"
    word = m.group(1)
    if word in _NO_OBJECT or _PERIOD.match(low, pos + 1):
        return False                         # "alerts issued| each year", "tracks bought| online"
    return word in _DETERMINERS or word in _OBJECT_SKIP or word in w["numbers"] or word in _COMPARATIVES or \
        word not in w["stop"] and not word.endswith("ly") and word != "and"


def _verb_phrase_end(text: str, low: str, pos: int, hi: int, w: dict) -> int:
    """The end of a participle ("downloaded", "searched and detained", "being considered") and the phrase that
    completes it ("named| in their squad", "sanctioned| for violations"), or ``pos``."""
    end = pos
    m = _NEXT_WORD.match(low, pos, hi)
    if m and m.group(1) == "being":
        m = _NEXT_WORD.match(low, m.end(), hi)
    if not m or not _participle(m.group(1), w) or _finite_after(low, m.end(), hi, w):
        return pos
    end = m.end()
    m2 = _NEXT_WORD.match(low, end, hi)
    if m2 and m2.group(1) in _PARTICLES:
        end = m2.end()                       # "turned down", "whittled down"
    m2 = _AND_WORD.match(low, end, hi)
    if m2 and _participle(m2.group(1), w):
        end = m2.end()                       # "searched and detained"
    return _pp_end(text, low, end, hi, w, any_preposition=True)


def _pp_end(text: str, low: str, end: int, hi: int, w: dict, any_preposition: bool = False) -> int:
    """The end of a phrase of place or kind after ``end`` ("in use", "on the border", "in their squad"), after a
    participle any phrase ("sanctioned| for violations"); not a time ("in 2004") or a name ("in France": the
    subject); else ``end``."""
    m = (_ANY_PP if any_preposition else _PP_AFTER).match(low, end, hi)
    if not m or _PERIOD.match(low, m.start() + 1) or not any_preposition and \
            low[m.start() + 1:].startswith(("of ", "to ", "from ", "for ")):
        return end
    np = _np_right(text, low, low.index(" ", m.start() + 1), hi, w, 4)
    if np is None or text[np[0]].isupper() or text[np[0]].isdigit():
        return end
    if low.startswith(" of ", np[1]):        # "for breaches| of the rules"
        more = _np_right(text, low, np[1] + 3, hi, w, 3)
        if more and not text[more[0]].isupper():
            return more[1]
    return np[1]


_ANY_PP = re.compile(r"(?<!\s)\s+(?:on|at|near|along|across|in|inside|outside|around|from|for|to|by|with|against|over|under|"
                     r"into|through|about)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,2}?[\w’'-]+")


def _counted_phrase(text: str, low: str, counted: tuple[int, int], before: list[str], hi: int,
                    w: dict, subject: bool = False) -> tuple[str, int]:
    """The counted noun with what the sentence says about it: the verb it is the object of ("awards won"), the
    phrase after it ("songs downloaded", "domain names in use", "people who appealed against ..."), the verb it
    is the subject of ("athletes have been sanctioned for ..." -> "athletes sanctioned for ...", "judges
    dismissed both appeals" -> "judges that dismissed both appeals")."""
    end = counted[1]
    m = _OF_KIND.match(low, end, hi)
    if m:
        end = m.end()                        # "three coachloads| of people"
    post = _post_modifier(text, low, end, hi, w)
    if post > end:                           # "cars sold by the group", "troops (massed) on the border"
        return text[counted[1]:post], post
    verb = _object_verb(before, w)
    m = _RELATIVE.match(low, end, hi)
    if m:                                    # "people who appealed against the police actions"
        return text[counted[1]:m.end()], m.end()
    after = _verb_phrase_end(text, low, end, hi, w)
    if after > end:                          # "songs downloaded", "players named in their squad"
        return text[counted[1]:end] + (" " + text[end:after].strip() if verb is None else f" {verb}{text[end:after]}"), after
    if verb:                                 # "won two awards": "awards won"
        after = _pp_end(text, low, end, hi, w, any_preposition=True)
        return text[counted[1]:end] + f" {verb}" + text[end:after], after
    aux = _AUX_CHAIN.match(low, end, hi)
    if aux:                                  # "13 athletes have been sanctioned for ...": the passive's participle
        after = _verb_phrase_end(text, low, aux.end(), hi, w)
        if after > aux.end():
            return text[counted[1]:end] + " " + text[aux.end():after].strip(), after
    m = _NEXT_WORD.match(low, end, hi) if subject else None     # the figure opens its clause: its verb
    nxt = _NEXT_WORD.match(low, m.end(), hi) if m else None
    if m and (m.group(1) in w["participles"] or m.group(1).endswith("ed") and len(m.group(1)) > 4) and \
            m.group(1) not in w["changes"] and m.group(1) not in w["levels"] and \
            (m.group(1) not in w["cues"] or nxt and (nxt.group(1) not in w["stop"] or nxt.group(1) in _COMPARATIVES)):
        obj = re.match(r"\s+(?:(?:the|a|an|both|all|its|their|his|her|more|fewer|less|higher|lower|bigger|smaller|"
                       r"larger|greater|better|worse)\s+)?", low[m.end():m.end() + 12])
        np = _np_right(text, low, m.end() + obj.end() - 1, hi, w, 4) if obj else None
        if np and not text[np[0]].isupper():  # "three judges dismissed both appeals"
            return text[counted[1]:end] + f" that {text[m.start(1):np[1]]}", np[1]
    after = _pp_end(text, low, end, hi, w)    # "domain names in use"
    return text[counted[1]:after], after


_OF_KIND = re.compile(r"(?<!\s)\s+of\s+[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?(?=\s+(?:were|was|are|is|have|has|had|who|that|which)\b)")


_PLACE_PREPS = frozenset(("on", "at", "near", "along", "across", "inside", "outside", "around"))
_SHARE = frozenset(("fraction", "percent"))


_DIED_AT = re.compile(r"\b(?:died|dies|dying|death)\s+(?:\w+\s+){0,3}?at\s+the\s+age\s+of\s+$")
_AVERAGE_BEFORE = re.compile(r"\b(average|mean|median)\s+of\s+$")
_PER_AFTER = re.compile(r"(?<!\s)\s+(?:per|a|an|for\s+each)\s+([a-z][a-z-]+)\b")
_SHARES = frozenset(("shares", "share", "stock", "stocks"))


def _measure(text: str, low: str, lo: int, hi: int, c: Claim, prev: Claim | None, w: dict):
    """(measure, subject) of a quantity claim whose clause runs from ``lo`` to ``hi``, with what the words
    right around the figure add: "an average of 22 per surveyor" -> "average sales per surveyor"; a price of
    shares is a share price ("shares rose to 583p")."""
    meas, subject = _read_measure(text, low, lo, hi, c, prev, w)
    if not meas:
        return meas, subject
    if meas.lower() in _SHARES and c.unit and len(c.unit) == 3 and c.unit.isupper():
        meas = "share price"
    by_unit = unit_measure(c.unit) if c.unit and " per " in c.unit else None
    if by_unit and set(meas.lower().split()) < set(by_unit.split()):
        meas = by_unit                       # "data could be sent at 1 gigabit a second": a data rate
    avg = _AVERAGE_BEFORE.search(low, max(lo, c.start - 12), c.start)
    if avg and avg.group(1) not in meas.lower():
        first = meas.split()[0]
        if first[1:].islower() and _sentence_initial(text, low.find(first.lower(), lo)):
            meas = meas[0].lower() + meas[1:]        # "Sales" that opens the sentence
        meas = f"{avg.group(1)} {meas}"
        per = _PER_AFTER.match(low, c.end, hi)
        if per and per.group(1) not in _PER_TIME and per.group(1) not in w["stop"] and " per " not in meas:
            meas = f"{meas} per {per.group(1)}"
    return meas, subject


def _read_measure(text: str, low: str, lo: int, hi: int, c: Claim, prev: Claim | None, w: dict):
    """(measure, subject) of a quantity claim whose clause runs from ``lo`` to ``hi``, read from the structure
    of the phrase around the figure."""
    subject = None
    pm = _POSSESSOR.search(text, max(lo, c.start - 60), c.start)
    if pm:
        subject = pm.group(1)
    if c.measure == "age":                   # read as an age where the figure stands: "the 33-year-old"
        return "age", subject
    if c.unit is None and re.search(r"\bages?\s+of\s+$", low[max(lo, c.start - 12):c.start]):
        c.unit = "years"                     # "at the age of 79"; "died at the age of 79": the age at death
        return ("age at death" if _DIED_AT.search(low, max(lo, c.start - 40), c.start) else "age"), subject
    unit = (c.unit or "").split(" per ")[0]
    counted = _counted(text, low, c, w) if _is_counted(unit, w) else None
    toks = _tokens_left(low, lo, c.start, 6)
    while toks and toks[-1].group() in _ADVERBS:
        toks.pop()                           # "cost just more than £10,000"
    words = [t.group() for t in toks]
    last = words[-1] if words else ""
    # a figure joined to the previous one shares its measure: "£153m at X and £336m at Y", "£1.3bn ($2.5bn)"
    if prev is not None and prev.measure and prev.end <= c.start and not counted:
        if _BASELINE_GAP.fullmatch(low, prev.end, c.start) or _after_period_to(low, prev.end, c.start):
            # the earlier level a change started from ("fell by £600 from £190,329") is the level, not the fall
            return _level_of(prev, w), subject or _name_after(text, c.end, hi, w) or prev.subject
        if re.fullmatch(r"\s*(?:,|and|or|,\s*and|\(|;)\s*", low[prev.end:c.start]) or \
                re.fullmatch(r"[^,;()]{0,40}\s(?:and|or)\s+", low[prev.end:c.start]) and \
                (c.unit or "") == (prev.unit or ""):
            return prev.measure, subject or _name_after(text, c.end, hi, w) or prev.subject
    # a share: "one in six cars sold by the group", "46% of voters"
    if unit in _SHARE:
        if unit == "fraction":
            m = re.search(r"(?:in|of|out of)\s+\S+\s+(.+)$", c.text)
            if m and m.group(1)[:1].isalpha():
                s = c.start + m.start(1)
                end = _post_modifier(text, low, c.end, hi, w)
                return "share of " + text[s:end], subject
            if m := re.search(r"(?:in|out of)\s+\S+$", c.text):          # "one in six| cars sold by the group"
                np = _np_right(text, low, c.end, hi, w)
                if np and low[c.end:np[0]].strip() == "":
                    end = _post_modifier(text, low, np[1], hi, w)
                    return "share of " + text[np[0]:max(end, np[1])], subject
        m = re.match(r"\s+of\s+", low[c.end:c.end + 5])
        if m:
            np = _np_right(text, low, c.end + m.end() - 1, hi, w)
            if np:                           # "48% of agents reported lower prices": what the share did
                tail, _ = _counted_phrase(text, low, np, [], hi, w, subject=True)
                return "share of " + text[np[0]:np[1]] + tail, subject
    # a level reached, in a participle's clause after a comma: "revenue tripled in May, topping $8m" (the level
    # of the subject of the clause before)
    reach = 1 if last == "," and c.text.split(None, 1)[0].lower() in _REACHING else \
        2 if last in _REACHING and len(words) > 1 and words[-2] == "," else 0
    if reach and not counted:
        clause = list(_TOKEN.finditer(low, lo, toks[-reach].start()))[:12]
        k = next((i for i, t in enumerate(clause) if i and _verbish(t.group(), w)), None)
        if k is not None:
            while k > 0 and clause[k - 1].group() in _AUX | _ADVERBS:
                k -= 1
            np = _subject_np(text, low, lo, clause[k].start(), w)
            if np and _head(text, np) not in w["amounts"]:
                meas, sub = _split_subject(text, np)
                return meas, subject or sub
    # a change: "shares surged 4.9%", "spending could be cut by £1.6bn"
    if "change" in c.flags or last == "by" and len(words) > 1 and words[-2] in w["changes"]:
        k = len(words) - (2 if last == "by" else 1)
        verb = words[k] if k >= 0 else ""
        noun = w["changes"].get(verb, "change")
        if verb in ("up", "down"):
            return None, subject
        np = _subject_np(text, low, lo, _before_verb_chain(low, toks, k, w), w)
        if np:
            meas, sub = _split_subject(text, np)
            return f"{meas} {noun}", subject or sub
        return None, subject
    if last == "to" and len(words) > 1:
        level = _level_to(text, low, lo, toks, words, w)
        if level:
            return level[0], subject or level[1]
    if unit == "times":                      # "lifted the title four times": how often, of what
        np = _np_left(text, low, lo, c.start, w)
        if np:
            return _split_subject(text, np)[0], subject
    if counted and last in w["measure_verbs"] and w["measure_verbs"][last] in _COUNT_MEASURES:
        noun = w["measure_verbs"][last]      # "produced 110,000 cars": output; "employs 6,000 people": workforce
        return (noun if noun == "workforce" else f"{noun} of {text[counted[0]:counted[1]]}"), subject
    # a counted noun left out ("won the next five", "two were being held"): the noun the figure took from an
    # earlier one, with what the sentence says of it
    elided = counted is None and _is_counted(unit, w) and c.raw_number and unit.lower() not in c.text.lower()
    if counted or elided:
        before = [t.group() for t in _tokens_left(low, 0, c.start, 4)]     # the clause may start at the figure
        while any(not x[0].isalnum() for x in before):                      # ("recalling| nine of their players")
            before = before[1:]
        span = counted or (c.end, c.end)
        lead = words[len(words) - words[::-1].index(","):] if "," in words else words    # past an opening phrase
        opens = all(x in _DETERMINERS or x in _ADVERBS or x in ("and", "but", "of") for x in lead) and len(lead) < 6
        tail, end = _counted_phrase(text, low, span, before, hi, w, subject=opens)
        meas, sub = (unit, None) if elided else _split_subject(text, span) if text[span[0]].isupper() else \
            (text[span[0]:span[1]], None)
        group = _np_left(text, low, lo, toks[-1].start(), w) if last == "of" else None
        if group and _head(text, group) not in w["amounts"] and not text[group[0]].isupper():
            meas = f"{text[group[0]:group[1]]} of {meas}"      # "a panel of nine law lords": "panel of law lords"
        return meas + tail, subject or sub or _name_after(text, end, hi, w)
    # a verb that names its amount: "invested £280m in Mini production", "spend around $1bn on EV-DO"
    two = " ".join(words[-2:])
    money = not unit or len(unit) == 3 and unit.isupper()
    if money and (two in w["measure_verbs"] or last in w["measure_verbs"] or last in ("for", "at", "from") and
                  len(words) > 1 and words[-2] in w["measure_verbs"]):
        noun = w["measure_verbs"].get(two) or w["measure_verbs"][last if last in w["measure_verbs"] else words[-2]]
        pos = c.end
        br = _CONVERSION.match(low, pos, pos + 44)
        if br:
            pos = br.end()                   # "raise $100m (£52m)| from the sale"
        pp = re.match(r"\s+(in|on|for|into|from)\s+", low[pos:pos + 8])
        if pp and noun not in ("workforce", "output", "sales", "price", "value", "cost"):
            np = _np_right(text, low, pos + pp.end() - 1, hi, w)
            if np and not _PERIOD.match(low, pos + 1):
                return f"{noun} {pp.group(1)} {text[np[0]:np[1]]}", subject
        return noun, subject
    # "FIG worth of X" names it, whatever comes before ("claims of £35bn worth of savings")
    m = _WORTH_OF.match(low, c.end, hi)
    if m:
        np = _np_right(text, low, m.end() - 1, hi, w)
        if np and _head(text, np) not in w["amounts"]:
            return text[np[0]:np[1]], subject or _name_after(text, np[1], hi, w)
    # "X of FIG": "savings of £153m", "a majority of 160", "speeds of up to 14.4Mbps"
    if last == "of":
        np = _np_left(text, low, lo, toks[-1].start(), w)
        if np and _head(text, np) not in w["amounts"]:
            meas, sub = _split_subject(text, np)
            return meas, subject or sub or _possessor_before(text, lo, np[0]) or _name_after(text, c.end, hi, w)
        if np:                               # "rose to a new high of 583p": the level of what rose
            toks = _tokens_left(low, lo, np[0], 6)
            while toks and toks[-1].group() in _DETERMINERS:
                toks.pop()
            words = [t.group() for t in toks]
            last = words[-1] if words else ""
    # "FIG of X", "FIG worth of X", "FIG in X" (money): "£100m of new investment", "$3bn in contracts"
    m = _OF_AFTER.match(low, c.end, hi)
    if m and not _PERIOD.match(low, c.end + 1):
        np = _np_right(text, low, m.end() - 1, hi, w)
        head = _head(text, np)
        if np and head not in w["amounts"] and not text[np[0]].isupper() and \
                (" of " in low[c.end:m.end()] or head.endswith("s")):         # "$3bn in contracts", not "in trade"
            return text[np[0]:np[1]], subject or _name_after(text, np[1], hi, w)
    # a participle after the figure that names its amount: "the £35bn saved by tackling waste"
    m = re.match(r"\s+([a-z]+)\b", low[c.end:c.end + 16])
    if m and m.group(1) in w["measure_verbs"] and m.group(1).endswith(("ed", "nt", "ld", "id")):
        return w["measure_verbs"][m.group(1)], subject
    # an adjective of dimension: "5ft 9ins tall", "20 years old", also before the noun it
    # modifies ("a 300m tall mast" measures a height, not "tall mast")
    m = re.match(r"\s+([a-z]+)\b", low[c.end:c.end + 12])
    if m and m.group(1) in w["dimensions"]:
        return w["dimensions"][m.group(1)], subject
    # the figure modifies a noun: "a £1.3bn ($2.5bn) takeover offer", "a 10% stake", "533p a share closing price"
    if last in _DETERMINERS or last.endswith(("’s", "'s")):
        pos = c.end
        br = re.match(r"\s*\([^()]{0,40}\)", text[pos:pos + 44])
        if br:
            pos += br.end()
        np = _np_right(text, low, pos, hi, w)
        if np and low[pos:np[0]].strip() == "" and _head(text, np) not in w["amounts"] and \
                not (" " not in text[np[0]:np[1]] and _head(text, np).endswith("ly") and np[1] - np[0] > 6):
            if _head(text, np) in w["change_words"] and low.startswith((" in ", " of "), np[1]):
                more = _np_right(text, low, np[1] + 3, hi, w)    # "a 3% rise in prices"
                if more and not _PERIOD.match(low, np[1] + 1):
                    return text[np[0]:more[1]], subject or _name_after(text, more[1], hi, w)
            return text[np[0]:np[1]], subject or _name_after(text, np[1], hi, w)
    # the figure joined to the noun it modifies: "a $100m-share sale"
    if low[c.end:c.end + 1] == "-" and low[c.end + 1:c.end + 2].isalpha():
        np = _np_right(text, low, c.end + 1, hi, w)
        if np and np[0] == c.end + 1 and _head(text, np) not in w["amounts"]:
            return text[np[0]:np[1]], subject
    # the subject of a level: "the rate was 4.7%", "output rose to 200,000", "raise output to 200,000"
    if last == "to" and len(words) > 1:
        level = _level_to(text, low, lo, toks, words, w)
        if level:
            return level[0], subject or level[1]
    k = _level_verb(words, w)
    if k is not None:
        np = _subject_np(text, low, lo, _before_verb_chain(low, toks, k, w), w)
        if np and _head(text, np) not in w["amounts"]:
            meas, sub = _split_subject(text, np)
            return meas, subject or sub
    if c.unit and c.unit == c.unit.lower() and c.unit not in _SHARE and not c.unit.startswith("per "):
        return unit_measure(c.unit) or c.unit, subject
    return None, subject


def _after_period_to(low: str, end: int, start: int) -> bool:
    """Is the gap from ``end`` to ``start`` a time phrase and "to" (" in November to ")?"""
    m = _PERIOD.match(low, end + 1, start) if low[end:end + 1] == " " else None
    return bool(m) and _PERIOD_TO.fullmatch(low, m.end(), start) is not None


def _level_of(prev: Claim, w: dict) -> str:
    """The measure of the level a change moves: "average asking price" of "average asking price fall"."""
    words = prev.measure.split()
    if len(words) > 1 and words[-1] in w["change_words"]:
        return " ".join(words[:-1])
    return prev.measure


_PER_TIME = frozenset("second minute hour day week month year".split())


@cache
def _unit_measures() -> dict[str, str]:
    return lexicon.mapping("claims/unit_measures.txt")


@cache
def _abbreviation_kinds() -> dict[str, str]:
    """The kind of a unit written in its short form ("km": length), from the names data/claims/units.txt gives
    that form ("kilometres = km"), CLDR knowing the names only."""
    kinds = unit_kinds()
    out: dict[str, str] = {}
    for name, form in lexicon.mapping("claims/units.txt").items():
        if form not in kinds and name in kinds:
            out.setdefault(form, kinds[name])
    return out


def unit_measure(unit: str | None) -> str | None:
    """The measure of a figure that names only its unit of measurement: "megabits per second" a data rate,
    "kilometres" a distance (data/claims/unit_measures.txt over CLDR's kinds of unit); None for a counted noun
    ("troops") or a duration."""
    base, _, per = (unit or "").partition(" per ")
    kind = unit_kinds().get(base) or _abbreviation_kinds().get(base)
    if kind is None:
        return None
    if per:
        return _unit_measures().get(f"{kind} per time") if per in _PER_TIME else None
    return _unit_measures().get(kind)


def _level_to(text: str, low: str, lo: int, toks: list[re.Match], words: list[str], w: dict):
    """(measure, subject) of a level after "to": "unemployment fell to 4.7%", "raise output to 200,000",
    "shares surged 4.9% to 583p"; None."""
    k = len(words) - 2
    if (words[k][0].isdigit() or words[k][0] in "£$€") and k > 0:
        k -= 1                               # "surge 4.9% to 583p": the change's own figure
    if words[k] in w["changes"]:
        np = _subject_np(text, low, lo, _before_verb_chain(low, toks, k, w), w)
    else:
        np = _np_left(text, low, lo, toks[-1].start(), w)          # "raise output to", "lift turnout to"
        before = _tokens_left(low, lo, np[0], 1) if np else []
        if np and before and before[-1].group() in _MODALS and low.count(" ", np[0], np[1]):
            np = (low.index(" ", np[0]) + 1, np[1])                  # "would lift| turnout to 70%"
            before = _tokens_left(low, lo, np[0], 1)
        if not before or before[-1].group() in w["stop"] or not before[-1].group()[0].isalpha() or \
                _head(text, np) in w["change_nouns"]:
            return None                      # "in 2004 to 5,000", "a rise to 5%": no level of a noun
    if np and _head(text, np) not in w["amounts"]:
        return _split_subject(text, np)
    return None


def _level_verb(words: list[str], w: dict) -> int | None:
    """The index of a level verb right before the figure ("was", "stood at", "likely to be in the region of")."""
    for k in range(len(words) - 1, max(-1, len(words) - 4), -1):
        two = " ".join(words[k - 1:k + 1]) if k else ""
        if two in w["levels"]:
            return k - 1
        if words[k] in w["levels"]:
            return k
    return None


_AUX = frozenset("could would will may might can should must is was are were be been being has have had do does did "
                 "to not also still now already further sharply slightly steadily likely expected set due just "
                 "only".split())


def _before_verb_chain(low: str, toks: list[re.Match], k: int, w: dict) -> int:
    """Where the verb at ``toks[k]`` and its auxiliaries ("could be cut") begin."""
    while k > 0 and toks[k - 1].group() in _AUX:
        k -= 1
    return toks[k].start() if toks else 0


def _possessor_before(text: str, lo: int, pos: int) -> str | None:
    m = _POSSESSOR.search(text, max(lo, pos - 60), pos)
    return m.group(1) if m else None


def _name_after(text: str, pos: int, hi: int, w: dict) -> str | None:
    """A name in a phrase right after ``pos``: "at the Foreign Office", "in France" (not a month or a day)."""
    m = _NAME_AFTER.match(text, pos, hi)
    if m and m.group(1).split()[-1].lower().rstrip(".") not in w["months"]:
        return m.group(1)
    return None


def _comparison_measure(text: str, low: str, lo: int, c: Claim, prev: Claim | None, w: dict):
    """(measure, subject) of a comparison: the measure of the figure it compares ("sales reached 9,000, up from
    7,000 a year earlier"), else the noun phrase that opens its clause ("Unemployment is at its lowest level
    since 1975"), not a pronoun."""
    if prev is not None and prev.measure and prev.end <= c.end and c.start - prev.end < 40 and \
            prev.statement_start == c.statement_start:
        return prev.measure, prev.subject
    np = _np_right(text, low, lo, c.start, w)
    if np and np[1] <= c.start and low[np[0]:np[1]].split()[0] not in _PRONOUNS:
        meas, sub = _split_subject(text, np)
        if meas.split()[-1].lower() not in w["amounts"]:
            return meas, sub
    return None, None


def _clause_subject(article, lo: int, start: int, w: dict) -> str | None:   # a statement.Article
    """A name that starts the clause ("Sprint will spend ...", "Last year, MG Rover, which ..."), not a
    pronoun or a common word that opens a sentence."""
    text, low = article.text, article.low
    m = _INTRO.match(low, lo, start)
    if m and (_PERIOD.match(low, lo) or low[lo:lo + 3] in ("in ", "on ", "at ") or low.startswith("during", lo)):
        lo = m.end()
    m = _PROPER.match(text, lo, min(start, lo + 120))
    if not m:
        return None
    name = m.group().rstrip(".")
    first = name.split()[0]
    if re.split(r"[’']", first.lower())[0] in _PRONOUNS or first.lower() in w["stop"] and first.lower() != "the":
        return None
    if len(name.split()) == 1 and _sentence_initial(text, lo) and not article.name_inside_sentence(name):
        return None                  # "Shares rose": a word that opens a sentence, never a name inside one
    if name.lower() == "the":
        return None
    return name


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \"“‘'(":
        i -= 1
    return i < 0 or text[i] in ".!?\n"
