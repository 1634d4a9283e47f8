"""The phrases around a figure that the measure readers walk (``measure.py``): noun phrases to its left and right,
the subject that opens its clause, the verb phrase and prepositional phrase after a counted noun, and the word
lists and patterns they share. Split from measure.py when it passed 600 lines; the reasons and measured cases
are in ``statement.py``'s docstring.
"""
from __future__ import annotations
import re
from ..model import Claim
from .lexicons import trie_pattern
from .reading import DETERMINERS as _DETERMINERS, MONTHS as _MONTHS, PERIOD as _PERIOD, TOKEN as _TOKEN

PROPER = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w.&-]*(?:\s+(?:(?:of|and|&|for|de|du)\s+(?:the\s+)?)?[A-Z][\w.&-]*)*")
POSSESSOR = re.compile(r"((?:(?<![\w’'])the\s+)?(?<![\w.&-])[A-Z][\w.&-]{0,60}(?:\s+[A-Z][\w.&-]{0,60}){0,4})"
                        r"(?:’s|'s|’|')\s+$")
NAME_AFTER = re.compile(r"(?<!\s)\s+(?:in|at|for|of|across|from)\s+((?:the\s+)?[A-Z][\w.&’'-]*(?:\s+(?:(?:of|and|&|for)\s+"
                         r"(?:the\s+)?)?[A-Z][\w.&’'-]*){0,5})")
_PARTICIPLE = re.compile(r"(?<!\s)\s+([a-z]+)\s+(?:by|in|at|on|to|from|for|during|over|across)\s")
_PP_AFTER = re.compile(r"(?<!\s)\s+(?:on|at|near|along|across|in|inside|outside|around|from|for|of|to)\s+(?:the\s+|a\s+|an\s+|"
                       r"its\s+|their\s+)?(?:[\w’'-]+\s+){0,2}?[\w’'-]+")
OF_AFTER = re.compile(r"(?<!\s)\s+(?:worth\s+)?(?:of|in)\s+")
INTRO = re.compile(r"(?<![\w’'-])(?:[\w’'-]{1,60}\s+){0,5}?[\w’'-]{1,60},\s+")


# the words between a figure and the earlier figure it is set against: "9,000, up from 7,000"
BASELINE_GAP = re.compile(r",?(?<!\s)\s+(?:(?:up|down)\s+)?(?:from|against|compared\s+(?:with|to)|(?:rather\s+)?than|"
                           r"instead\s+of)\s+(?:the\s+(?:usual|normal|previous|original|expected|planned)\s+)?")
# a figure after a period and "to" ("from £201,450 in May| to £200,750"): the same measure at another time
PERIOD_TO = re.compile(r"(?<!\s)\s+to\s+")
CONVERSION = re.compile(r"(?<!\s)\s*\([^()]{0,40}\)")


# -- what the figure measures -------------------------------------------------------------------------------------

def tokens_left(low: str, lo: int, pos: int, n: int = 8) -> list[re.Match]:
    return list(_TOKEN.finditer(low, max(lo, pos - 90), pos))[-n:]


def np_left(text: str, low: str, lo: int, pos: int, w: dict) -> tuple[int, int] | None:
    """The noun phrase that ends right before ``pos`` (at most four words, back to a determiner, a verb, a
    function word or punctuation), or None."""
    toks = tokens_left(low, lo, pos)
    start = None
    n = 0
    for t in reversed(toks):
        word = t.group()
        if not word[0].isalnum() or word in w["stop"] or word[0].isdigit() or word.endswith(("’s", "'s")) or \
                n == 4 or word in w["numbers"] or n and text[t.start()].islower() and verbish(word, w):
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
COUNT_MEASURES = frozenset(("output", "sales", "workforce", "exports", "imports"))
ADVERBS = frozenset("just only still also now already even about almost nearly roughly some around "
                     "approximately exactly".split())
MODALS = frozenset("would will could can may might should must did does do to".split())
_HOP = frozenset("in of at for on with from among across".split())
# participles of a level reached that open a clause after a comma ("..., exceeding $8m")
REACHING = frozenset("exceeding reaching topping hitting totalling totaling passing surpassing".split())


def subject_np(text: str, low: str, lo: int, pos: int, w: dict) -> tuple[int, int] | None:
    """The noun phrase before ``pos`` that a verb there has for subject: over a phrase that modifies it ("the
    typical user rate in a real implementation| is"), never onto a noun that only says "a figure" ("the
    number of| troops"), over time phrases ("profit in the nine months to 31 March| was")."""
    pos = time_left(low, lo, pos)
    br = _BRACKET_BEFORE.search(low, max(lo, pos - 50), pos)
    np = np_left(text, low, lo, br.start() if br else pos, w)          # "gross national income (GNI)| rose"
    if np is None:                           # "bus fares, which include a levy,| rose"
        m = _RELATIVE_BEFORE.search(low, max(lo, pos - 120), pos)
        np = np_left(text, low, lo, m.start(), w) if m else None
    for _ in range(2):
        if np is None:
            return None
        toks = tokens_left(low, lo, np[0], 3)
        while toks and toks[-1].group() in _DETERMINERS:
            toks.pop()
        if not toks or toks[-1].group() not in _HOP:
            return np
        outer = np_left(text, low, lo, toks[-1].start(), w)
        if outer is None or head_word(text, outer) in w["amounts"]:
            return np
        np = outer
    return np


# a day and a month, which the shared time phrases (reading.PERIOD) read only month first: "to 30 June"
_DAY_MONTH = re.compile(r"\b(?:in|to|on|by|until|from|at|since)\s+\d{1,2}\s+(?:" + trie_pattern(_MONTHS) +
                        r")(?:\s+\d{4})?(?![\w-])")


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_BRACKET_BEFORE = re.compile(r"\([^()]{1,40}\)\s{0,3}$")
_RELATIVE_BEFORE = re.compile(r",\s+(?:which|who|whose)\s[^,;]{1,80},\s*$")


def time_left(low: str, lo: int, pos: int) -> int:
    """Where the time phrases that end right before ``pos`` begin ("profit| in the nine months to 31 March| was"),
    or ``pos``."""
    for _ in range(3):
        end = pos
        while end > lo and low[end - 1].isspace():
            end -= 1
        start = next((t.start() for t in _TOKEN.finditer(low, max(lo, end - 50), end)
                      if (m := _PERIOD.match(low, t.start()) or _DAY_MONTH.match(low, t.start())) and
                      m.end() == end), None)
        if start is None or start <= lo:
            return pos
        pos = start
    return pos


def verbish(word: str, w: dict) -> bool:
    """Does ``word`` look like a verb, to end a noun phrase read leftwards? (Forms in -ing are taken for nouns:
    "government spending", "lending".)"""
    if word.endswith("ing"):
        return False
    return word in w["verbs"] or word in w["levels"] or word in w["changes"] or word in w["measure_verbs"] or \
        word.endswith("ed") and len(word) > 4


def np_right(text: str, low: str, pos: int, hi: int, w: dict, max_words: int = 4) -> tuple[int, int] | None:
    """The noun phrase that starts after ``pos`` (past a determiner), up to a function word or punctuation."""
    start = end = None
    n = 0
    for t in _TOKEN.finditer(low, pos, min(hi, pos + 80)):
        word = t.group()
        if start is None and word in _DETERMINERS:
            continue
        if not word[0].isalnum() or word in w["stop"] or word[0].isdigit() or n == max_words or \
                word in w["cues"] or word in w["levels"] or word in ("get", "gets", "got") or \
                _PERIOD.match(low, t.start()) or \
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


def head_word(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0]:span[1]].split()[-1].lower() if span else None


def split_subject(text: str, span: tuple[int, int]) -> tuple[str, str | None]:
    """("unemployment", "UK") from "UK unemployment": leading names are the subject, the rest the measure."""
    words = text[span[0]:span[1]].split()
    k = 0
    while k < len(words) and words[k][:1].isupper():
        k += 1
    if k == 1 and not words[0].isupper() and sentence_initial(text, span[0]) or \
            k and words[0].lower() in _MONTHS | _WEEKDAYS:
        k = 0                                # "Rail fares": a capital that only opens the sentence; "March sales"
    if 0 < k < len(words):
        return " ".join(words[k:]), " ".join(words[:k])
    return " ".join(words), None


def is_counted(unit: str, w: dict) -> bool:
    """Is ``unit`` a counted noun ("troops", "MPs"), not a currency, a share or a unit of measurement?"""
    return bool(unit) and not (len(unit) == 3 and unit.isupper()) and unit not in w["measurement_units"] and \
        unit not in SHARE and unit not in ("ratio", "times") and not unit.startswith("per ")


def counted_span(text: str, low: str, c: Claim, w: dict) -> tuple[int, int] | None:
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
    np = np_left(text, low, rest_start, j + len(head), w)
    more = np_right(text, low, j + len(head), c.end + 40, w, 2)
    end = more[1] if more and low[j + len(head):more[0]] == " " and text[more[0]].islower() and \
        not verbish(low[more[0]:more[1]].split()[0], w) and not _participle(low[more[0]:more[1]].split()[0], w) and \
        not low[more[0]:more[1]].split()[0].endswith(("ing", "ly")) and low[more[0]:more[1]].endswith("s") and \
        not verbish(low[more[0]:more[1]].split()[-1], w) and re.fullmatch(r"[a-z -]+", low[more[0]:more[1]]) and \
        low[more[0]:more[1]].split()[0] not in ("plus", "minus", "versus") else j + len(head)
    return (np[0], end) if np else (j, end)   # "4,000 sports| utility vehicles": a unit read short


def post_modifier(text: str, low: str, end: int, hi: int, w: dict) -> int:
    """The end of a short modifier after a counted noun: "sold by the BMW group", "on the border"."""
    m = _PARTICIPLE.match(low, end, hi)
    if m and (_participle(m.group(1), w) or m.group(1).endswith("ing") and len(m.group(1)) > 5 and
              m.group(1) not in w["light_verbs"] and m.group(1) not in w["changes"] and m.group(1) not in w["stop"]):
        np = np_right(text, low, m.end() - 1, hi, w, 4)
        return np[1] if np else end
    m = _PP_AFTER.match(low, end, hi)
    if m and not _PERIOD.match(low, m.start() + 1) and not any(x in w["stop"] - _PLACE_PREPS
                                                               for x in low[m.end() - 40:m.end()].split()[-1:]):
        if low[m.start() + 1:].startswith(("on ", "at ", "near ", "along ", "across ", "inside ", "outside ")):
            np = np_right(text, low, low.index(" ", m.start() + 1), hi, w, 4)
            return np[1] if np else end
    return end


# -- what a counted noun's phrase says about it: "awards won", "players named in their squad", "judges that
# dismissed both appeals" (an annotator writes what the figure counts: "two awards" a singer won are "awards won")

_NEXT_WORD = re.compile(r"(?<!\s)\s+([a-z][a-z’'-]*)")
_AUX_CHAIN = re.compile(r"(?<!\s)(?:\s+(?:get|gets|got|have|has|had|were|was|are|is|be|been|being|will|would|could|may|might|can|should|"
                        r"must|to|also|now|already|all|still|then|both|each|not|never)(?![\w’'-]))+")
_RELATIVE = re.compile(r"(?<!\s)\s+(?:who|that|which)\s+(?:[\w’'-]+\s+){0,6}?[\w’'-]+(?=\s*(?:[,;:.()\"“”—–]|$))")
# words after a verb that are no object: adverbs that do not end in -ly
_NO_OBJECT = frozenset("each every online abroad overseas worldwide prior together apiece alone instead so too "
                       "down up out off away back".split())
_AND_WORD = re.compile(r"(?<!\s)\s+and\s+([a-z]+)")
WORTH_OF = re.compile(r"(?<!\s)\s+worth\s+of\s+")
_PARTICLES = frozenset("down up out off away back".split())
_COMPARATIVES = frozenset("more fewer less higher lower bigger smaller larger greater better worse".split())
_OBJECT_SKIP = _DETERMINERS | frozenset(("first", "last", "next", "other", "only", "just", "all", "both"))


_SAYING = frozenset("say says said saying claim claims claimed claiming".split())


def _participle_of(word: str, w: dict) -> str | None:
    """The past participle of a verb form that takes a counted object ("won", "winning" -> "won", "recalling" ->
    "recalled", "named"), None for a word that is no such verb ("including", "has", "rose")."""
    if word in w["participle_of"]:          # first: "lost five games", "cut 300 jobs" (verbs of change too)
        return w["participle_of"][word]
    if word in w["light_verbs"] or word in w["changes"] or word in w["levels"] or word in w["stop"] or \
            word in w["measure_verbs"] or word in _SAYING:
        return None                          # nor a verb of saying: "saying two had left"
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
    punctuation): "2,800 workers built| 41,000 bikes" is a clause, "songs downloaded| since 2003" a modifier?"""
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
    np = np_right(text, low, low.index(" ", m.start() + 1), hi, w, 4)
    if np is None or text[np[0]].isupper() or text[np[0]].isdigit():
        return end
    if low.startswith(" of ", np[1]):        # "for breaches| of the rules"
        more = np_right(text, low, np[1] + 3, hi, w, 3)
        if more and not text[more[0]].isupper():
            return more[1]
    return np[1]


_ANY_PP = re.compile(r"(?<!\s)\s+(?:on|at|near|along|across|in|inside|outside|around|from|for|to|by|with|against|over|under|"
                     r"into|through|about)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w’'-]+\s+){0,2}?[\w’'-]+")


def counted_phrase(text: str, low: str, counted: tuple[int, int], before: list[str], hi: int,
                    w: dict, subject: bool = False) -> tuple[str, int]:
    """The counted noun with what the sentence says about it: the verb it is the object of ("awards won"), the
    phrase after it ("songs downloaded", "parking spaces in use", "people who appealed against ..."), the verb it
    is the subject of ("athletes have been sanctioned for ..." -> "athletes sanctioned for ...", "judges
    dismissed both appeals" -> "judges that dismissed both appeals")."""
    end = counted[1]
    m = _OF_KIND.match(low, end, hi)
    if m:
        end = m.end()                        # "three coachloads| of people"
    post = post_modifier(text, low, end, hi, w)
    if post > end:                           # "cars sold by the group", "troops (massed) on the border"
        return text[counted[1]:post], post
    verb = _object_verb(before, w)
    m = _RELATIVE.match(low, end, hi)
    if m:                                    # "people who appealed against the parking fines"
        return text[counted[1]:m.end()], m.end()
    after = _verb_phrase_end(text, low, end, hi, w)
    if after > end:                          # "songs downloaded", "players named in their squad"
        return text[counted[1]:end] + (" " + text[end:after].strip() if verb is None else f" {verb}{text[end:after]}"), after
    if verb:                                 # "won two awards": "awards won"
        after = _pp_end(text, low, end, hi, w, any_preposition=True)
        return text[counted[1]:end] + f" {verb}" + text[end:after], after
    aux = _AUX_CHAIN.match(low, end, hi)
    if aux:                                  # "17 riders have been fined for ...": the passive's participle
        after = _verb_phrase_end(text, low, aux.end(), hi, w)
        if after > aux.end():
            return text[counted[1]:end] + " " + text[aux.end():after].strip(), after
    m = _NEXT_WORD.match(low, aux.end() if aux else end, hi) if subject else None   # the figure opens its clause:
    # its verb, past its auxiliaries ("ten athletes have received bans")
    nxt = _NEXT_WORD.match(low, m.end(), hi) if m else None
    if m and (m.group(1) in w["participles"] or m.group(1).endswith("ed") and len(m.group(1)) > 4) and \
            m.group(1) not in w["changes"] and m.group(1) not in w["levels"] and \
            (m.group(1) not in w["cues"] or nxt and (nxt.group(1) not in w["stop"] or nxt.group(1) in _COMPARATIVES)):
        obj = re.match(r"\s+(?:(?:the|a|an|both|all|its|their|his|her|more|fewer|less|higher|lower|bigger|smaller|"
                       r"larger|greater|better|worse)\s+)?", low[m.end():m.end() + 12])
        np = np_right(text, low, m.end() + obj.end() - 1, hi, w, 4) if obj else None
        if np and not text[np[0]].isupper():  # "four inspectors rejected both bids"
            return text[counted[1]:end] + f" that {text[(aux or m).start(1 if aux is None else 0):np[1]].strip()}", np[1]
    after = _pp_end(text, low, end, hi, w)    # "parking spaces in use"
    return text[counted[1]:after], after


_OF_KIND = re.compile(r"(?<!\s)\s+of\s+[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?(?=\s+(?:were|was|are|is|have|has|had|who|that|which)\b)")


_PLACE_PREPS = frozenset(("on", "at", "near", "along", "across", "inside", "outside", "around"))
SHARE = frozenset(("fraction", "percent"))


DIED_AT = re.compile(r"\b(?:died|dies|dying|death)\s+(?:\w+\s+){0,3}?at\s+the\s+age\s+of\s+$")
AVERAGE_BEFORE = re.compile(r"\b(average|mean|median)\s+of\s+$")
PER_AFTER = re.compile(r"(?<!\s)\s+(?:per|a|an|for\s+each)\s+([a-z][a-z-]+)\b")
SHARES = frozenset(("shares", "share", "stock", "stocks"))

def sentence_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \"“‘'(":
        i -= 1
    return i < 0 or text[i] in ".!?\n"
