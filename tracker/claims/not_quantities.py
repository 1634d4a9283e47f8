"""What is not a quantity: dates, years, times, names, identifiers, phone numbers, addresses, bands of ages, scores.

>>> from tracker.claims import find_claims
>>> find_claims("At 9 p.m. on Feb. 9, 2016, Apollo 11 flew past 10 Downing Street; call 800-273-8255.", None)
[]

The contract (CONTRACT.md, "Not quantity claims") rules these out; each test
here is one a gold set or a corpus caught:

- a figure glued to letters or signs is a name or an identifier ("MH17",
  "v2.1", "#1", "F-35", "Covid-19", "2013-14"), an apostrophe before two
  digits cuts a year ("in '16"); a capitalised word before a figure names
  it ("Apollo 11", "the Group of 20"), unless the word is a qualifier, a
  month, a possessive pronoun or a place's possessive before a plural noun
  ("India's 35 states" counts; "Boeing's 777 line" is a name: commit
  328b698, from reading the BBC corpus diff);
- identifier words (data/claims/identifier_words.txt: "Section 230",
  "No 10"), a capitalised number word inside a sentence ("Ocean's Twelve",
  "Six Nations"), a capitalised unit ("98 Degrees", not "40 GB") and
  "the Forbes Under 30 Summit": four trap hits on held-out PolNeAR articles
  the rules had not been written on (commit 1185601);
- years 1800-2099 written plainly, unless a qualifier that does not place
  them in time makes a count ("about 2000 people", but "around 2002");
- dates next to a month or weekday (data/claims/months.txt), clock times
  ("10:30", "9 p.m.", data/claims/time_words.txt), phone numbers, serials
  and figures led by a zero ("0800 555 0199", "007");
- bands of ages ("aged 18 to 24", "18- to 35-year-old"; a single age, "aged 45",
  "the 33-year-old", "Tom Young, 30,", is a quantity in years that measures an
  age, as the BBC sets' annotation guide counts it), scores and splits ("a 5-4
  decision"), addresses ("10 Downing Street"), race distances that name an
  event ("the 200m champion", data/claims/event_words.txt), a list of numbers
  after a name ("Acme OS 7, 8, 10");
- time frames and relative times ("in the next two weeks", "two years
  later", "15 and 30 years ago"), and kinds of institution ("four-year
  colleges", data/claims/kind_nouns.txt).

A Title Case headline ("Only 24 Percent Of Donors Give") says nothing by its
capitals, so the capital tests skip it.
"""
from __future__ import annotations

import re

from .. import lexicon
from ..model import Sentence
from .lexicons import lexicons, qualifier_last_words, trie_pattern
from .units import unit_after

_STRIP = "([{\"“‘'’”)]},;:"
# what may open a sentence before its first word
_NOT_OPENING = re.compile(r"[^ \"“‘'(\[—–-]")
_QUAL_LAST = qualifier_last_words()
# qualifiers that also place a year in time: "below 2005 levels", "after 2010"
TEMPORAL_QUALIFIERS = frozenset("over above below under past before after since by until".split())
_DATE_PREPOSITIONS = frozenset("on from until till by since before after of between".split())
_POSSESSIVE_PRONOUNS = frozenset("her his their its our my your".split())
_PRONOUNS = frozenset("he she it that there who what let here where".split())
_SPLIT_ABBREVIATIONS = (" no.", " nos.", " p.", " pp.", " vol.", " jan.", " feb.", " mar.", " apr.", " jun.", " jul.",
                        " aug.", " sep.", " sept.", " oct.", " nov.", " dec.")
# a year cut to two digits after an apostrophe: "in '16", "the class of ’98"
_YEAR_BEFORE = frozenset("in of since by from until till before after through to and or class the summer spring autumn "
                         "fall winter early mid late".split())
TIME_INITIALS = frozenset("apogbeuc")
_MONTH_PREFIXES = frozenset("jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun".split())
# a figure followed within three words by a plural noun: "35 states", "eight remaining casinos"
_COUNTED_AHEAD = re.compile(r"[\w.,%-]{0,60}[\w%](?:\s+[\w-]+){0,2}?\s+[a-z][a-z-]*[a-z]s\b")
_NEXT_LOWER_WORD = re.compile(r"(?<!\s)\s+([a-z]+)")
_PHONE = re.compile(r"(?:[-.\s]\d{2,4}){2,}(?![\w])|\)\s?\d{3}[-.\s]\d{4}")
_PHONE_TAIL = re.compile(r"(?:[ -]\d{3,4})+(?![\w])")
_SCORE = re.compile(r"-(?:to-)?(\d+)(?!\w|[.,]\d)")
_AGE_AFTER = re.compile(r"(?:(?<!\s)|(?!\s))(?:(?:\s*-\s*|\s+)(?:years?|yrs?)[\s-]+old|"
                        r"\s*-\s*(?:and|to)\s*-?\s*\d+[\s-]+years?[\s-]+old|-years?-olds?)")
# a list of numbers after a name: "Acme OS 7, 8, 10 and XT" (the next figure names one more)
_NAMED_LIST = re.compile(r"(?<![\w.-])[A-Z][\w-]{0,30}\s\d[\d.]{0,12}(?:,\s\d[\d.]{0,12}){0,8}(?:,|\sand|\sor)\s$")
_RANGE_BEFORE = re.compile(r"\d\s*-?\s*(?:to|and|or|-|–)\s*$")
_AGE_TAIL = re.compile(r"(?:\s*(?:-|–|to|and)\s*\d+)?(?:[\s-]+years?[\s-]+old|-years?-olds?)?")
RELATIVE_TIME = re.compile(r"(?<!\s)\s+(?:ago|later|earlier|after|before|hence|from\s+now|on\b|since|away\b|"
                           r"into|prior|previously|beforehand|running|in\s+a\s+row|back)")
_LINKED_TIME = re.compile(r"(?<!\s)\s+(?:and|or|to)\s+\S+\s+(?:years|months|weeks|days|decades)\s+(?:ago|later|earlier|before|after)\b")
_DATE_TAIL = re.compile(
    r"(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and|through|until|till)\s*(?:[a-z]+\.?\s+)?\d{1,2}(?:st|nd|rd|th)?\b)?"
    r"(?:,?\s+\d{4}\b)?")
_DATE_NEXT = re.compile(r"(?<!\s)\s+(?P<m>[a-z]+)\.?(?:,?\s+\d{4}\b)?")
_ADDRESS = re.compile(r"(?<!\s)(?:\s+[A-Z][a-z]+){1,3}\s+(?:" + trie_pattern(lexicon.lines("claims/street_types.txt")) + r")\b")


def title_case(sc, sent: Sentence) -> bool:
    """A headline in Title Case ("Only 24 Percent Of Donors Give"): capitals say nothing there.

    Answered once a sentence (``sc.title_cased``): asked at every capitalised figure, it made a long sentence
    quadratic."""
    answer = sc.title_cased.get(sent.idx)
    if answer is None:
        words = sent.text.split()
        answer = sc.title_cased[sent.idx] = len(words) > 2 and sum(w[:1].isupper() for w in words) > 0.6 * len(words)
    return answer


def _words_before(sc, sent: Sentence, pos: int) -> bool:
    """Does the sentence hold more than quotation marks, brackets and dashes before ``pos``?

    (``text[sent.start:pos].strip(_OPENING)`` is not empty.) The sentence's first such character is found once
    (``sc.opening``): a slice of the sentence at every figure made a long sentence quadratic."""
    first = sc.opening.get(sent.idx)
    if first is None:
        m = _NOT_OPENING.search(sc.text, sent.start)
        first = sc.opening[sent.idx] = m.start() if m else len(sc.text)
    return first < pos


def glued(low: str, fs: int, dig: str, att: str | None) -> bool:
    """Is the figure at ``fs`` (not the text's first character) glued to what comes before it: a name or an
    identifier ("Future45", "MH17", "v2.1", "#1", "km^3", "F-35", "Covid-19", "2013-14"), a year cut to two
    digits ("in '16")?"""
    c = low[fs - 1]
    if c.isalnum() or c in "./:#@_=&^" or c == "+" and fs > 1 and low[fs - 2].isalnum():
        return True
    if c in "'’" and not att and len(dig) == 2 and (fs == 1 or not low[fs - 2].isalnum()) and \
            (c == "’" or (low[max(0, fs - 14):fs - 1].split() or [""])[-1] in _YEAR_BEFORE):
        return True
    return c in "-−" and fs > 1 and low[fs - 2].isalnum()


def phone_end(low: str, e: int, nxt: str) -> int | None:
    """The end of a phone number whose first group ends at ``e`` ("800-273-8255"), or None."""
    ph = _PHONE.match(low, e)
    if ph and (nxt != " " or ph.group().count(" ") >= 2):
        return ph.end()
    return None


def time_of_day(low: str, e: int) -> bool:
    """Does a time word follow the figure ending at ``e`` ("9 p.m.", "10 GMT")?"""
    return low[e + 1:e + 2] in TIME_INITIALS and \
        low[e + 1:e + 9].split(None, 1)[0].rstrip(",;:.)") in lexicons().time_words


def serial_end(low: str, e: int) -> int | None:
    """The end of the groups after a serial, a timestamp or a number led by a zero ("0800 555 0199")."""
    ph = _PHONE_TAIL.match(low, e)
    return ph.end() if ph else None


def bare_year(low: str, fs: int, e: int, nxt: str) -> bool:
    """Is the 4-digit figure from 1800 to 2099 at ``fs`` a year: no "%" or "per" after it, no qualifier
    before it?"""
    if nxt == "%" or low.startswith((" per", " percent"), e):
        return False
    j = low.rfind(" ", max(0, fs - 16), fs - 1)
    return low[j + 1:fs].strip(_STRIP + " ") not in _QUAL_LAST


# before a figure from 1000 to 1799, words that make it a year: "in 1620", "since 1536", "dating back to 1700"
_OLD_YEAR_BEFORE = frozenset("in since from until till before after circa".split())


def old_year(sc, fs: int, e: int, sent: Sentence, pw: list[str]) -> bool:
    """Is the plain figure from 1000 to 1799 at ``fs`` a year: after a temporal preposition ("in 1620", "back to
    1700") or "the" and a noun that is no counted one ("the 1620 charter"), with no counted noun after it ("in
    1500 homes" is a count)?  Years before 1800 are told apart by these words alone: no other rule sees them."""
    prev = pw[-1] if pw else ""
    before = prev in _OLD_YEAR_BEFORE or prev == "to" and len(pw) > 1 and pw[-2] == "back"
    if not before and prev != "the":
        return False
    if sc.low.startswith((" per", " percent"), e) or sc.low[e:e + 1] == "%" or unit_after(sc, e, sent)[0]:
        return False
    return before or bool(re.match(r" [a-z]+\b", sc.low[e:e + 20]))


def after_abbreviation(low: str, fs: int) -> bool:
    """Was the sentence split after an abbreviation just before the figure ("the No. 3 seed", "on Mar. 27")?"""
    return low[max(0, fs - 7):fs].rstrip().endswith(_SPLIT_ABBREVIATIONS)


def date_end(sc, fs: int, e: int, prev: str) -> int | None:
    """The end of a date a figure of one or two digits at ``fs`` is part of ("Feb. 9", "Sept. 19 to 22",
    "24 February 2022", "on 5 May", but "5 may be"), or None."""
    low, months = sc.low, sc.lx.months
    word = prev[max(prev.rfind('"'), prev.rfind("="), prev.rfind("(")) + 1:].rstrip(".")
    if word in months and low[fs - 2:fs - 1] != ",":          # also tweet-date="February 9
        d = _DATE_TAIL.match(low, e)
        return d.end() if d else e
    dn = _DATE_NEXT.match(low, e) if low[e + 1:e + 4] in _MONTH_PREFIXES else None
    if dn and dn.group("m") in months and (dn.group("m") != "may" or prev in _DATE_PREPOSITIONS or
                                          not low[e + 5:e + 6].isalpha() and low[e + 4:e + 5] != " "
                                          or low[e + 4:e + 6] == " " and not low[e + 5:e + 6].isalpha()):
        return dn.end()
    return None


def qualified_year(sc, e: int, sent: Sentence, qual: str | None, pw: list[str]) -> bool:
    """Is a figure from 1800 to 2099 a year though a qualifier comes before it: a temporal one ("after 2010",
    "below 2005 levels"), or none with no counted noun after ("around 2002", but "about 2000 people")?"""
    if not qual or pw[-1] in TEMPORAL_QUALIFIERS or len(pw) > 1 and pw[-2] in TEMPORAL_QUALIFIERS:
        return True
    return not unit_after(sc, e, sent)[0]


def capitalised_phrase(sc, start: int, e: int, sent: Sentence) -> bool:
    """Does a figure ending at ``e`` sit inside a capitalised name that starts at ``start``, within a
    sentence ("the Forbes Under 30 Summit")?"""
    text = sc.text
    return text[start].isupper() and text[e:e + 1] == " " and text[e + 1:e + 2].isupper() and \
        _words_before(sc, sent, start) and not title_case(sc, sent)


def capitalised_name_before(sc, s: int, sent: Sentence, pw: list[str], initial: bool = True) -> bool:
    """Is the figure at ``s`` preceded by a capitalised word ("Apollo 11", "PlayStation 3")?

    ``initial``: the sentence's first word counts too ("Guccifer 2.0 was ...").
    """
    if not pw:
        return False
    w = pw[-1]
    if w == "of" and len(pw) > 1 and pw[-2] not in ("out", "one", "some", "each", "all") and \
            capitalised_name_before(sc, sc.low.rfind("of", sent.start, s), sent, pw[:-1], initial=False):
        return True                         # "the Group of 20", "the Gang of Eight"
    i = sc.low.rfind(w, sent.start, s)
    if i < sent.start or not sc.text[i].isupper() or not w or not sc.low[i + len(w):s].isspace():
        return False
    if not initial and not _words_before(sc, sent, i):
        return False
    if w.endswith("ly") or w in _POSSESSIVE_PRONOUNS:
        return False                        # "Fully 40%", "Roughly 4,000", "Her three speeches"
    if w.endswith(("'s", "’s")) and w[:-2] not in _PRONOUNS:
        # "Atlantic City’s eight remaining casinos" counts; "Boeing's 777 line", "Ocean's 12" are names
        return not _COUNTED_AHEAD.match(sc.low, s)
    lx = sc.lx
    return w not in lx.qualifiers and w not in lx.stop_words and w.rstrip(".") not in lx.months \
        and w not in lx.number_words and w not in lx.change_words


def identifier(sc, fs: int, sent: Sentence, pw: list[str], prev: str) -> bool:
    """Does the word before a bare figure make it an identifier or a name ("No 10", "Section 230",
    "Apollo 11")?"""
    return prev in sc.lx.identifier_words and _next_to(sc.low, prev, fs) or prev in ("no", "no.") and \
        sc.text[fs - len(prev) - 1:fs].lstrip()[:1] == "N" or capitalised_name_before(sc, fs, sent, pw) or \
        _NAMED_LIST.search(sc.text, max(sent.start, fs - 40), fs) is not None


def _next_to(low: str, prev: str, s: int) -> bool:
    """Does the word ``prev`` stand right before ``s``, no punctuation between ("page 5", not "that year, 400
    people")?"""
    return low.endswith(prev, 0, s - 1) and low[s - 1:s].isspace()


def named_number_word(sc, s: int, sent: Sentence, pw: list[str], prev: str, qual: str | None) -> bool:
    """Is the number word at ``s`` part of a name: after an identifier word or a capitalised word ("World War
    Two", "BBC Two"), or capitalised inside a sentence ("to Six Nations leaders", "Ocean's Twelve")?"""
    if prev in sc.lx.identifier_words and _next_to(sc.low, prev, s) or capitalised_name_before(sc, s, sent, pw):
        return True
    text = sc.text
    return text[s].isupper() and not qual and _words_before(sc, sent, s) and not title_case(sc, sent)


def named_unit(sc, ws: int, sent: Sentence) -> bool:
    """Is the unit word at ``ws`` Capitalised ("Degrees", not "GB" or "MW") in a sentence that is not a
    Title Case headline ("98 Degrees" is a band)?"""
    text = sc.text
    return text[ws].isupper() and text[ws + 1:ws + 2].islower() and not title_case(sc, sent)


def age(low: str, e: int, pw: list[str], prev: str) -> bool:
    """Is the figure ending at ``e`` an age ("aged 45", "ages of 18", "18 years old", "30 or 40-year old")?"""
    return prev in ("aged", "age", "ages") or "year" in low[e:e + 16] and _AGE_AFTER.match(low, e) is not None \
        or len(pw) > 1 and pw[-2] == "ages" and prev == "of"


def age_follows(low: str, pos: int) -> bool:
    """Does "years old" (or "-year-old") follow ``pos``?"""
    return _AGE_AFTER.match(low, pos) is not None


def age_range(low: str, s: int, e: int, end: int) -> bool:
    """Is the age from ``s`` to ``e`` (its tail to ``end``) one end of a band of ages ("25- to 34-year-old",
    "ages 16 to 24", "between 40 and 50 years old")?"""
    m = _AGE_AFTER.match(low, e)
    return any(ch.isdigit() for ch in low[e:max(end, m.end() if m else e)]) or \
        _RANGE_BEFORE.search(low, max(0, s - 12), s) is not None


def skip_age(low: str, e: int) -> int:
    """The end of an age's tail ("to 35 years old", "-year-olds") after ``e``: a stretch to skip."""
    r = _AGE_TAIL.match(low, e, e + 30)
    return r.end() if r else e


def score_end(low: str, e: int, dig: str, prev: str) -> int | None:
    """The end of a score or a split the figure starts ("5-4 decision", "3-1 win", "5-to-4"), or None."""
    if not (low[e + 1:e + 2].isdigit() or low.startswith("-to-", e)) or prev == "by":
        return None
    r = _SCORE.match(low, e, e + 10)
    if r and int(r.group(1)) <= int(dig) < 300:
        return r.end()
    return None


def age_after_name(sc, fs: int, e: int, dig: str, prev: str) -> bool:
    """"Ann Lee, 41, sat down": a figure between commas after a capitalised name is an age."""
    low, text = sc.low, sc.text
    return bool(prev) and low[fs - 2:fs] == ", " and len(dig) <= 3 and low[e + 1:e + 2].isspace() and \
        text[fs - 2 - len(prev):fs - 2][:1].isupper()


def address(text: str, e: int) -> bool:
    """Does a street name follow the figure ending at ``e`` ("10 Downing Street")?"""
    return _ADDRESS.match(text, e) is not None


_SMALLER_TIME_AFTER = re.compile(r" (?:and )?\d+(?:\.\d+)?\s?(?:min|mins|minutes?|sec|secs|seconds?)(?![\w-])")


def time_frame(low: str, end: int, qual: str | None, pw: list[str]) -> bool:
    """Is a span of time ending at ``end`` a time frame or a relative time, not a claim ("in the next two
    weeks", "two years later")?"""
    if RELATIVE_TIME.match(low, end):
        return True
    if _SMALLER_TIME_AFTER.match(low, end):
        return False                    # "in 4 minutes 30 seconds": a time taken (units.join_compound)
    return not qual and bool(pw) and pw[-1] in ("next", "past", "last", "coming", "previous", "following", "first",
                                                "final", "recent", "within", "in", "another", "upcoming", "few")


def linked_time(low: str, end: int) -> bool:
    """"events that took place 15 and 30 years ago": a figure linked to a relative time."""
    return low.startswith((" and ", " or ", " to "), end) and _LINKED_TIME.match(low, end) is not None


def kind_compound(low: str, pos: int) -> bool:
    """Does a noun naming a kind of institution follow ("four-year| colleges")?"""
    m = _NEXT_LOWER_WORD.match(low, pos, pos + 16)
    return bool(m) and m.group(1) in lexicons().kind_nouns
