"""Quantity claims: a figure as written, its value, bounds, unit and qualifier.

>>> [(c.text, c.value, c.unit, c.qualifier) for c in find_quantities(
...     "Russia has placed about 100,000 troops on the border.")]
[('about 100,000 troops', 100000.0, 'troops', 'approx')]

How it works (and why it is fast): two regex scans over the lower-cased text
find anchors (digit runs, and a trie of number, magnitude and comparison
words after a space), each pattern starting with a character class so that
the regex engine only tries it where that character occurs. Each anchor is read in place: the few words before it (split once,
looked up in the lexicons of ``data/claims/``) give the qualifier and the
context that makes a figure a date, a time, a name or an identifier instead
of an amount; small anchored regexes after it read ranges, fractions,
percentages, currencies, rates and the counted noun.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from .. import lexicon
from ..model import Claim, Sentence
from . import comparisons
from .lexicons import lexicons, trie_pattern
from .numbers import read_digits, read_words

DIG = r"\d+(?:[.,]\d+)*"
SCALE_WORDS = frozenset(("thousand", "million", "billion", "trillion"))
TIME_UNITS = frozenset(("years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries"))
SHARE_UNITS = frozenset(("percent", "percentage points", "points", "basis points"))
VAGUE_WORDS = frozenset(("dozens", "hundreds", "thousands", "millions", "billions", "trillions", "tens", "scores"))
# fraction words that are also ordinals: they need a numerator ("a third", "two-fifths")
FRACTION_HEADS = frozenset(("third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth", "fifths",
                            "sixth", "sixths", "eighth", "eighths", "tenth", "tenths", "halves"))
# qualifiers that also place a year in time: "below 2005 levels", "after 2010"
TEMPORAL_QUALIFIERS = frozenset("over above below under past before after since by until".split())
# "the two countries", "all four candidates": a reference to known things, not a count
DETERMINERS = frozenset("the these those all both its their his her our my your whose every each".split())
# a change, not a level: "fell by 3%", "up 2.1 points" (data/claims/change_verbs.txt)
_CHANGES = lexicon.mapping("claims/change_verbs.txt")
CHANGE_WORDS = frozenset(w for w, by in _CHANGES.items() if not by)
CHANGE_BY_WORDS = frozenset(w for w, by in _CHANGES.items() if by)
# "cut the fee in half", "split it in half"
_HALVING = CHANGE_WORDS | CHANGE_BY_WORDS | {"split", "splits", "splitting"}
WORD_CLASS_NUMBER, WORD_CLASS_VAGUE, WORD_CLASS_COMPARISON, WORD_CLASS_SPAN = 1, 2, 3, 4
_STRIP = "([{\"“‘'’”)]},;:"
_SIGNS = frozenset("$£€¥₹")
_DATE_PREPOSITIONS = frozenset("on from until till by since before after of between".split())
_POSSESSIVE_PRONOUNS = frozenset("her his their its our my your".split())
_SPLIT_ABBREVIATIONS = (" no.", " nos.", " p.", " pp.", " vol.", " jan.", " feb.", " mar.", " apr.", " jun.", " jul.",
                        " aug.", " sep.", " sept.", " oct.", " nov.", " dec.")
_MARK = re.compile(r"\S+(?:\s+(?:million|billion|trillion|thousand))?\s+(?:mark|threshold|barrier|milestone|level|"
                   r"ceiling|target|figure|point)\b")
_RACE_DISTANCES = frozenset(("50", "60", "100", "110", "200", "400", "800", "1500", "3000", "5000", "10000"))
_RACE_WORDS = (" hurdles", " relay", " race", " final", " sprint", " freestyle", " butterfly", " breaststroke",
               " backstroke", " medley", " runner", " title", " event", " heat", " gold", " silver", " bronze")
_TIME_INITIALS = frozenset("apogbeuc")
_TIME_WORDS = lexicon.words("claims/time_words.txt")
_PHRASAL = lexicon.words("claims/phrasal_verbs.txt")
_KIND_NOUNS = lexicon.words("claims/kind_nouns.txt")
_TIME_SPANS = {k: float(v) for k, v in lexicon.mapping("claims/time_spans.txt").items()}
# "five of the casinos": the counted noun after the whole it is taken from
_OF_WHOLE = re.compile(r"\s+of\s+(?:the|these|those|its|their|his|her|our|your|[a-z][\w.-]*(?:’s|'s))"
                       r"(?:\s+[a-z][\w.-]*(?:’s|'s))?(?=\s)")
_LEVEL_AFTER = re.compile(r" (?:high|low)s?\b(?!-)")
# a figure followed within three words by a plural noun: "35 states", "eight remaining casinos"
_COUNTED_AHEAD = re.compile(r"[\w.,%-]*[\w%](?:\s+[\w-]+){0,2}?\s+[a-z][a-z-]*[a-z]s\b")
_SUPERLATIVE_IN = re.compile(r"\s(?:most|least|best|worst|[a-z]+est)\b")
_PRONOUNS = frozenset("he she it that there who what let here where".split())
_NEXT_LOWER_WORD = re.compile(r"\s+([a-z]+)")
# a year cut to two digits after an apostrophe: "in '16", "the class of ’98"
_YEAR_BEFORE = frozenset("in of since by from until till before after through to and or class the summer spring autumn "
                         "fall winter early mid late".split())
_SPACE_OR_QUOTE = frozenset(" \t\n\"“”")
_OPENERS = frozenset("([{—–")
_CLOSERS = frozenset(",;:.()[]!?…—–\"“”")
_TOKEN_STRIP = ",;:.()[]!?…—–\"“”‘’'"
_ABBREV = re.compile(r"(?:[A-Za-z]\.){2,}")
_MONTH_PREFIXES = frozenset("jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun".split())
_MIXED_FRACTION = re.compile(r" (\d)/(\d{1,2})(?![\w/])")
_SCALE_HEADS = frozenset(("hundred", "thousand", "million", "billion", "trillion", "dozen"))
_COMPOUND_NOT = frozenset("a an per and or to fold odd ish something plus year-old".split())
_PHONE_TAIL = re.compile(r"(?:[ -]\d{3,4})+(?![\w])")
_SCORE = re.compile(r"-(?:to-)?(\d+)(?!\w|[.,]\d)")
_SLASH = re.compile(r"/(\d+)(?![\w/.,]|/)")
_AGE_TAIL = re.compile(r"(?:\s*(?:-|–|to|and)\s*\d+)?(?:[\s-]+years?[\s-]+old|-years?-olds?)?")
_DECADE_BEFORE = re.compile(r"(?:(?P<the>the)\s+)?(?P<k>low|mid|high|upper)[-\s]?$")
_ENUMERATION_GAP = re.compile(r"[\s,;]*(?:and\s+|or\s+)?")
_VAGUE = re.compile(r"[a-z]+(?:\s+of\s+(?P<scale>thousands|millions|billions)\b)?")
_FRACTION_OF_PERCENT = re.compile(rf"\s+of\s+(?P<n>{DIG}|one)(?P<p>\s*(?:%|percent|per cent))")
_FRACTION_OF_SCALE = re.compile(r"\s+of\s+an?\s+(?P<s>million|billion|trillion)(?:\s+(?P<c>dollars|pounds|euros))?\b")
_LINKED_TIME = re.compile(r"\s+(?:and|or|to)\s+\S+\s+(?:years|months|weeks|days|decades)\s+(?:ago|later|earlier|before|after)\b")
_POUNDS_OF = re.compile(r"\s+pounds?\s+of\b")
_RATE_STARTS = (" a ", " an ", " per ", " each ", " every ", " a single ", "/", " /", "-a-", "-an-", "-per-")
_PERIOD_STARTS = (" over ", " in ", " during ", " within ", " across ")
_ONE_OK = (" hundred", " thousand", " million", " billion", " trillion", " and a half", "-", " in ", " out of ",
           " percent", " per cent", "%", " to ", " or ", " dozen", " quarter", " third", " fourth", " fifth",
           " sixth", " eighth", " tenth", " half", " point ", " point.", " point,", " percentage", " year", " month",
           " week", " hour", " minute", " mile", " dollar", " pound", " euro", " vote", " seat")
_ONE_NOT = (" of ", " day", " thing", " way", " time", " another", " man ", " woman ", " person ",
            " side", " more", " who", " which", " that", " is ", " was ", " has ", " had ", " can ", " could ",
            " would ", " will ", " might ", " should ", " must ", "'s", "’s", " does", " did", ",", ".", " another")
_RANGE_STARTS = (" to ", " and ", " or ", " through ", "-", "–", "—", " -", " –", " —")
_AFTER_STARTS = (" or ", " and ", " plus", "+", "-plus", " at ", ", or ")


class _Rx:
    """Regexes and lookup tables built from the lexicons (once, on first use)."""

    def __init__(self) -> None:
        lx = lexicons()
        self.cur_prefixes = sorted((k[:-1] for k in lx.currencies if len(k) > 1 and k[-1] in "$£€¥₹"),
                                   key=len, reverse=True)
        number_words = set(lx.number_words) | {"hundred"} | SCALE_WORDS | set(lx.fractions)
        self.word_class = {w: WORD_CLASS_NUMBER for w in number_words}
        self.word_class.update({w: WORD_CLASS_VAGUE for w in VAGUE_WORDS})
        self.word_class.update({w: WORD_CLASS_SPAN for w in _TIME_SPANS})
        for w in comparisons.triggers():
            self.word_class.setdefault(w, WORD_CLASS_COMPARISON)
        self.comparison_readers = comparisons.readers()     # trigger word -> its reader
        # two scans, each starting with a character class so that the regex engine
        # only tries the pattern where that character occurs (several times faster
        # than one alternation tried at every position); figure_starts and
        # word_starts run them faster still
        self.scan_digits = re.compile(r"[$£€¥₹\d][\d.,]*")        # used through figure_starts
        words = trie_pattern(self.word_class)
        self.scan_words = re.compile(r"[\s(“\"‘'\[—–](" + words + r")\b")    # used through word_starts
        self.scan_space_words = re.compile(r" (" + words + r")\b")
        assert all(len(w) >= 3 for w in self.word_class)
        self.word_prefixes = frozenset(w[:3] for w in self.word_class)
        self.first_word = re.compile(r"(" + words + r")\b")
        nw = trie_pattern(number_words)
        self.nw = nw
        self.digit = re.compile(rf"(?P<dig>{DIG})(?P<att>[a-z%]+)?(?:\s?-?(?P<scw>thousand|million|billion|"
                                rf"trillion)(?![\w-]))?")
        self.word_run = re.compile(rf"{nw}(?:(?:-(?:and-)?(?:an?-)?|\s+(?:and\s+)?(?:an?\s+)?){nw})*(?![a-z])")
        cur = "(?:" + "|".join(re.escape(s) for s in sorted((k for k in lx.currencies if not k.isalpha()),
                                                             key=len, reverse=True)) + ")"
        self.figure = re.compile(rf"(?P<cur>{cur})?(?P<dig>{DIG})(?P<att>[a-z%]+)?(?:\s?-?(?P<scw>thousand|million|"
                                 rf"billion|trillion))?(?![\w])|(?P<wd>{nw}(?:(?:-(?:and-)?(?:an?-)?|\s+(?:and\s+)?(?:an?\s+)?){nw})*)"
                                 r"(?![a-z])")
        self.range_link = re.compile(r"\s*(?:(?P<dash>[-–—])|(?P<word>to|and|or|through))\s*(?=[$£€¥₹\da-z])")
        self.qual_max = max(len(q.split()) for q in lx.qualifiers)
        self.qual_last = frozenset(q.split()[-1] for q in lx.qualifiers) | {"the"}
        self.qual_the = any(q.split()[-1] == "the" for q in lx.qualifiers)
        after = sorted(lx.qualifiers_after, key=len, reverse=True)
        self.qual_after = re.compile(r"\s*(?P<q>" + "|".join(
            re.escape(a).replace(r"\ ", r"\s+") + (r"(?![\w])" if a[-1].isalpha() else "") for a in after) +
            r")(?!\s+(?:than|of|or\s+minus)\b)")
        self.pct = re.compile(r"\s*(?:-\s*)?(?P<u>%|per\s*cent(?:age\s+points?)?\b|percent(?:age[\s-]+points?)?\b|"
                              r"pc\b|pct\b|basis\s+points?\b|bps\b|points?\b|pts\b)")
        cur_words = sorted((k for k in lx.currencies if k.isalpha()), key=len, reverse=True)
        self.cur_word = re.compile(r"\s+(?:of\s+)?(?:us\s+|american\s+|canadian\s+|australian\s+|hong\s+kong\s+)?"
                                   r"(?P<w>" + "|".join(cur_words) + r")(?![\w])")
        units = sorted((k for k in lx.units if k[0].isalpha()), key=len, reverse=True)
        self.unit_word = re.compile(r"\s*-?(?P<w>" + trie_pattern(units) + r")(?![\w-])")
        self.rate = re.compile(
            r"(?:(?:\s+|-)(?:an?|per|each|every|a\s+single)[\s-]+|\s*/\s*)(?:(?P<n>\d[\d.,]*|" + nw + r")\s+)?"
            r"(?P<p>hour|day|week|month|year|annum|quarter|capita|head|person|night|minute|second|decade|share|"
            r"barrel|tonne|ton|kg|kilo|litre|liter|gallon|unit|pupil|student|patient|household|family|mile|km)"
            r"s?(?![\w-])")
        self.period = re.compile(
            r"\s+(?:over|in|during|within|across)\s+(?:the\s+)?(?:next\s+|past\s+|last\s+|coming\s+|following\s+|"
            r"first\s+)?(?P<n>\d+|" + nw + r")\s+(?:fiscal\s+|financial\s+|calendar\s+)?"
            r"(?:years|months|weeks|days|quarters|decades)(?![\w-])")
        self.fraction_of = re.compile(
            rf"\s+(?:out\s+)?(?P<k>of|in)\s+(?:every\s+|each\s+)?(?P<cur>{cur})?(?P<den>\d+|{nw})(?![\w,.-]|[.,]\d)")
        # "nine of the 12 jurors": a share of a known whole
        self.fraction_of_the = re.compile(rf"\s+(?:out\s+)?of\s+the\s+(?P<den>\d+|{nw})(?![\w,.-]|[.,]\d)")
        self.cents_of = re.compile(r"\s+cents?\s+(?:out\s+)?of\s+(?:each|every|a)\s+dollar\b")
        self.ratio = re.compile(r"(?:\s+to\s+|-to-|:|-)(?P<d>1|one)(?!\w|[.,]\d)")
        self.next_words = re.compile(r"((?:[\s\"“”]+[^\s,;:.()\[\]\"“”!?…—–]+|\s*[-–](?=\s)){1,7})")
        self.phone = re.compile(r"(?:[-.\s]\d{2,4}){2,}(?![\w])|\)\s?\d{3}[-.\s]\d{4}")
        self.age_after = re.compile(r"(?:\s*-\s*|\s+)(?:years?|yrs?)[\s-]+old|"
                                    r"\s*-\s*(?:and|to)\s*-?\s*\d+[\s-]+years?[\s-]+old|-years?-olds?")
        self.rel_time_after = re.compile(r"\s+(?:ago|later|earlier|after|before|hence|from\s+now|on\b|since|away\b|"
                                         r"into|prior|previously|beforehand|running|in\s+a\s+row|back)")
        self.compound = re.compile(r"-(?P<w>[a-z]+)(?:-(?P<w2>[a-z]+))?")
        self.half_century = re.compile(r"(?:half|quarter)[\s-]+(?:century|decade)")
        self.half_follow = re.compile(r"\s+(?:of|the|a|an|their|its|his|her|our|my|your|those|these|all|that|this)\b")
        self.fraction_follow = re.compile(r"\s*(?:$|[,.;:)!?—–]|\s(?:of|from|since|in|on|than|to|and|or|"
                                          r"between|over|compared|as|last|this|after|before|for|at)\b)")
        self.date_tail = re.compile(
            r"(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and|through|until|till)\s*(?:[a-z]+\.?\s+)?\d{1,2}(?:st|nd|rd|th)?\b)?"
            r"(?:,?\s+\d{4}\b)?")
        self.date_next = re.compile(r"\s+(?P<m>[a-z]+)\.?(?:,?\s+\d{4}\b)?")
        self.address = re.compile(r"(?:\s+[A-Z][a-z]+){1,3}\s+(?:Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Way|"
                                  r"Square|Place|Boulevard|Blvd|Close|Crescent|Terrace|Court|Gardens|Row)\b")
        self.superlative_next = re.compile(r"\s+(?:most|least|top|biggest|largest|smallest|highest|lowest|best|"
                                           r"worst|[a-z]+est)\b")


@cache
def rx() -> _Rx:
    return _Rx()


_NONSPACE = re.compile(r"\S+")


def _marks_table(chars: bytes) -> bytes:
    # bytes.translate table: ``chars`` and "?" (what "ascii"/"replace" encoding makes of every character outside
    # ASCII) -> "#"; everything else -> " "
    table = bytearray(b" " * 256)
    for c in chars + b"?":
        table[c] = ord("#")
    return bytes(table)


# what can start a figure: digits and "$" (£, €, ¥, ₹ and other digits are outside ASCII)
_FIGURE_MARKS = _marks_table(b"0123456789$")
# what can come before a number or comparison word, but a space: ASCII whitespace (\s) and ( " ' [
# (“ ‘ — – and the other Unicode spaces are outside ASCII)
_WORD_MARKS = _marks_table(b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f(\"'[")


def _at_marks(low: str, marked: bytes, scan: re.Pattern, then: frozenset | None = None) -> list[re.Match]:
    """``list(scan.finditer(low))`` for a scan whose matches can only start at a marked character of ``marked``
    (``low`` translated with a marks table, one byte a character) and, with ``then``, only where the three
    characters after the mark are one of ``then``.

    A regex that starts with a character class tests every character of the text in turn; ``bytes.find`` (C,
    memchr) jumps between the marks instead, and the regex is tried only there, from left to right and from
    the end of each match on, as ``finditer`` does; a mark where it does not match is skipped.
    """
    out = []
    find, match = marked.find, scan.match
    i = find(35)                # "#"
    while i >= 0:
        m = match(low, i) if then is None or low[i + 1:i + 4] in then else None
        if m is None:
            i = find(35, i + 1)
        else:
            out.append(m)
            i = find(35, m.end())
    return out


def figure_starts(low: str, scan: re.Pattern, ascii_low: bytes | None = None) -> list[tuple[int, None]]:
    """``[(m.start(), None) for m in scan.finditer(low)]`` for the figure scan, four times faster (``_at_marks``).

    ``ascii_low``: ``low.encode("ascii", "replace")``, when the caller has it."""
    if ascii_low is None:
        ascii_low = low.encode("ascii", "replace")
    return [(m.start(), None) for m in _at_marks(low, ascii_low.translate(_FIGURE_MARKS), scan)]


def word_starts(low: str, scan: re.Pattern, space_scan: re.Pattern, prefixes: frozenset,
                ascii_low: bytes | None = None) -> list[tuple[int, str]]:
    """``[(m.start(1), m.group(1)) for m in scan.finditer(low)]`` for the word scan (``[\\s(“"‘'\\[—–](words)\\b``),
    in another order, about a tenth faster on BBC articles (the scan after spaces is most of the cost left).

    ``space_scan`` is the same pattern after a plain space only: a literal first character lets the regex
    engine skip to the spaces quickly; the matches after the other characters are found at marks
    (``_at_marks``), where the regex is tried only before one of ``prefixes``, the first three letters of the
    words (a line break before "The" is no candidate). No two matches overlap (a word holds no such character),
    so the two scans find them all.
    """
    if ascii_low is None:
        ascii_low = low.encode("ascii", "replace")
    found = [(m.start(1), m.group(1)) for m in space_scan.finditer(low)]
    found += [(m.start(1), m.group(1)) for m in _at_marks(low, ascii_low.translate(_WORD_MARKS), scan, prefixes)]
    return found


def _plural(word: str, plural_nouns: frozenset, not_plural: frozenset) -> bool:
    """Does ``word`` (lower case) look like a plural counted noun?"""
    if word[-1] != "s":
        return word in plural_nouns
    return (len(word) > 2 and not word.endswith(("ss", "us", "is", "ous", "'s", "’s"))
            and word not in not_plural and word.replace("-", "").isalpha() and word.isascii())


def _plural_ahead(text: str, pos: int, limit: int) -> bool:
    """Is the next word a plural noun ("one hedge fund managers" is no singular unit)?"""
    m = _NONSPACE.search(text, pos, limit)
    return bool(m) and m.group().rstrip(",.;:").endswith("s")


def _kind_compound(low: str, pos: int) -> bool:
    """Does a noun naming a kind of institution follow ("four-year| colleges")?"""
    m = _NEXT_LOWER_WORD.match(low, pos, pos + 16)
    return bool(m) and m.group(1) in _KIND_NOUNS


def _title_case(sentence: str) -> bool:
    """A headline in Title Case ("Only 24 Percent Of Donors Give"): capitals say nothing there."""
    words = sentence.split()
    return len(words) > 2 and sum(w[:1].isupper() for w in words) > 0.6 * len(words)


def find_quantities(text: str, sentences: list[Sentence] | None = None) -> list[Claim]:
    """Quantity and comparison claims of ``text`` outside boilerplate sentences, in text order."""
    if sentences is None:
        sentences = [Sentence(0, 0, len(text), text, 0)]
    low = text.lower()
    if len(low) != len(text):            # a rare character changes length when lower-cased
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    scanner = _Scanner(text, low, sentences)
    scanner.run()
    minor = lexicons().minor_currencies
    for c in scanner.claims:
        if c.unit in minor:             # "69 cents" -> 0.69 USD
            c.unit = minor[c.unit]
            c.value, c.low, c.high = (None if v is None else round(v / 100, 12) for v in (c.value, c.low, c.high))
    return scanner.claims + scanner.comparisons


class _Scanner:
    def __init__(self, text: str, low: str, sentences: list[Sentence]) -> None:
        self.text, self.low, self.sentences = text, low, sentences
        self.starts = [s.start for s in sentences]
        self.claims: list[Claim] = []
        self.comparisons: list[Claim] = []
        self.lx, self.rx = lexicons(), rx()
        self.elided = False

    # -- the scan ------------------------------------------------------------------------
    def run(self) -> None:
        sentences, starts, word_class, low = self.sentences, self.starts, self.rx.word_class, self.low
        readers = self.rx.comparison_readers
        ascii_low = low.encode("ascii", "replace")
        events = figure_starts(low, self.rx.scan_digits, ascii_low)
        words = word_starts(low, self.rx.scan_words, self.rx.scan_space_words, self.rx.word_prefixes, ascii_low)
        first = self.rx.first_word.match(low)     # a word at the very start has no space before it
        if first:
            words.insert(0, (0, first.group(1)))
        if words:
            events = sorted(events + words)
        consumed = 0
        for s, w in events:
            if s < consumed:
                continue
            i = bisect_right(starts, s) - 1
            if i < 0:
                continue
            sent = sentences[i]
            if s >= sent.end or sent.boilerplate:
                continue
            if w is None:
                out = self.read_figure(s, sent)
            else:
                cls = word_class[w]
                if cls == WORD_CLASS_COMPARISON:
                    if not self.comparisons or s >= self.comparisons[-1].end:
                        c = readers[w](self, w, s, s + len(w), sent)
                        if c is not None:
                            self.comparisons.append(c)
                    continue
                if cls == WORD_CLASS_VAGUE:
                    out = self.read_vague(w, s, sent)
                elif cls == WORD_CLASS_SPAN:
                    out = self.read_span(w, s, sent)
                else:
                    out = self.read_words(s, sent, w)
                if out is None and w in readers:
                    c = readers[w](self, w, s, s + len(w), sent)
                    if c is not None:
                        self.comparisons.append(c)
            if out is None:
                continue
            if isinstance(out, int):             # a stretch to skip: a date range, a score
                consumed = out
                continue
            if out.end > sent.end:
                continue
            consumed = out.end
            self.claims.append(out)

    # -- the words before a figure ---------------------------------------------------------
    def before(self, s: int, sent: Sentence, width: int = 32, n: int = 5) -> list[str]:
        """The last ``n`` words before ``s`` in its sentence (in the ``width`` characters before it), lower
        case, outer punctuation stripped."""
        lo = max(sent.start, s - width)
        words = self.low[lo:s].split()
        if lo > sent.start and words and not self.low[lo - 1].isspace() and not self.low[lo].isspace():
            del words[0]                        # a cut word
        return [w.strip(_STRIP) for w in words[-n:]]

    def qualifier(self, pw: list[str], s: int) -> tuple[str | None, int]:
        """(qualifier, start) from the words before a figure at ``s``: "more than", "about"."""
        quals = self.lx.qualifiers
        if not pw or pw[-1] not in self.rx.qual_last:
            return None, s
        n = len(pw)
        if pw[-1] == "the" and n > 1 and pw[-2] in ("past", "passed", "crossed", "topped", "surpassed", "broke",
                                                     "breaking", "hit", "reached") and _MARK.match(self.low, s):
            return "lower_bound", self.low.rfind(pw[-2], 0, s)        # "past the $1billion mark"
        if pw[-1] == "the" and not self.rx.qual_the:
            return None, s                      # no qualifier ends in "the": "the 2,000 people"
        for k in range(min(self.rx.qual_max, n), 0, -1):
            phrase = " ".join(pw[n - k:])
            q = quals.get(phrase)
            if q is not None:
                if n > k and pw[n - k - 1] + " " + phrase in _PHRASAL:
                    return None, s              # "handed over $25 million", "add up to $40 billion"
                start = s
                for w in reversed(pw[n - k:]):
                    start = self.low.rfind(w, 0, start)
                return q, start
        return None, s

    def capitalised_name_before(self, s: int, sent: Sentence, pw: list[str], initial: bool = True) -> bool:
        """Is the figure at ``s`` preceded by a capitalised word ("Apollo 11", "PlayStation 3")?

        ``initial``: the sentence's first word counts too ("Guccifer 2.0 was ...").
        """
        if not pw:
            return False
        w = pw[-1]
        if w == "of" and len(pw) > 1 and pw[-2] not in ("out", "one", "some", "each", "all") and \
                self.capitalised_name_before(self.low.rfind("of", sent.start, s), sent, pw[:-1], initial=False):
            return True                         # "the Group of 20", "the Gang of Eight"
        i = self.low.rfind(w, sent.start, s)
        if i < sent.start or not self.text[i].isupper() or not w or not self.low[i + len(w):s].isspace():
            return False
        if not initial and not self.text[sent.start:i].strip(" \"“‘'([—–-"):
            return False
        if w.endswith("ly") or w in _POSSESSIVE_PRONOUNS:
            return False                        # "Fully 40%", "Roughly 4,000", "Her three speeches"
        if w.endswith(("'s", "’s")) and w[:-2] not in _PRONOUNS:
            # "Atlantic City’s eight remaining casinos" counts; "Boeing's 777 line", "Ocean's 12" are names
            return not _COUNTED_AHEAD.match(self.low, s)
        lx = self.lx
        return w not in lx.qualifiers and w not in lx.stop_words and w.rstrip(".") not in lx.months \
            and w not in lx.number_words and w not in CHANGE_WORDS

    def unit_after(self, e: int, sent: Sentence, vague: bool = False, single: bool = False) -> tuple[str | None, int]:
        """(unit, end) for the noun phrase after a figure ending at ``e``.

        The counted noun is the first plural noun before a stop word, skipping
        adjectives ("100,000 Russian troops"), a hyphenated first half ("coal- and
        gas-fired plants") and a figure used as an adjective ("$12-an-hour workers").
        ``self.elided`` tells whether the noun is left out ("thousands since").
        """
        text = self.text
        self.elided = True
        if e >= sent.end or text[e] not in _SPACE_OR_QUOTE:
            return None, e
        lx = self.lx
        stop_words, units, plural_nouns, not_plural = lx.stop_words, lx.units, lx.plural_nouns, lx.not_plural
        skip_of = vague
        dangling = False
        first = True
        figure = False                  # a figure was skipped: the span stops before it
        caps: list | None = []          # "six Orthodox", "one Greek Orthodox": proper nouns only
        pos = e
        for n, tok in enumerate(text[e:min(sent.end, e + 90)].split()):
            if n == 7:
                break
            ts = text.find(tok, pos)
            pos = ts + len(tok)
            if tok[0] in _OPENERS:
                break
            last = tok[-1] in _CLOSERS and not _ABBREV.fullmatch(tok)
            w = tok.strip(_TOKEN_STRIP)
            lw = w.lower()
            we = ts + len(tok.rstrip(_TOKEN_STRIP))
            if not lw or lw in ("-", "–", "—"):
                break
            if skip_of and first and lw == "of":
                skip_of = False
                continue
            if dangling and lw in ("and", "or", "to"):
                dangling = False
                continue
            if lw[-1] == "-" and len(lw) > 1 and not last:
                dangling, first, caps = True, False, None
                continue
            if lw in stop_words:
                break
            if first:
                self.elided = False
            if lw[0].isdigit() or lw[0] in "$£€":
                if vague and not first or last or "-" not in lw:
                    break
                first, caps, figure = False, None, True    # "$12-an-hour workers"
                continue
            if _plural(lw, plural_nouns, not_plural):
                return w.rstrip("'’"), e if figure else we
            unit = units.get(lw)
            if unit and first:
                return unit, we
            if single and first and w.isalpha() and w.islower() and (last or n + 1 < 7):
                nxt_tok = text[we:we + 2]
                if last or nxt_tok[:1] in " ," and not _plural_ahead(text, we, sent.end):
                    return w, we                # "by one vote", "one Greek Orthodox" is handled below
            if caps is not None and w[0].isupper() and w.isalpha():
                caps.append((w, we))
            else:
                caps = None                     # "1,042 Ohio registered voters"
            first = False
            if last:
                break
        if caps:
            return caps[-1]
        return None, e

    def inherit_unit(self, sent: Sentence, value: float | None) -> str | None:
        """An elided unit: "thousands of shootings, thousands since" -> shootings."""
        for c in reversed(self.claims):
            if c.sentence_idx != sent.idx:
                break
            if not c.unit or c.unit in ("fraction", "ratio") or c.unit in SHARE_UNITS:
                continue                        # "46 percent ..., voters 45 and older"
            return c.unit
        return None

    # -- figures in digits -----------------------------------------------------------------
    def read_figure(self, s: int, sent: Sentence):
        low, text, rx, lx = self.low, self.text, self.rx, self.lx
        cur = None
        fs = s                                  # start of the figure with its currency sign
        if low[s] in "$£€¥₹":
            if not low[s + 1:s + 2].isdigit():
                return None
            cur = low[s]
            for p in (rx.cur_prefixes if s and low[s - 1].isalpha() else ()):    # "US$", "A$": letters only
                # only a known pair: "US$" is dollars, but "US€" (a typo) was looked up and crashed the reader
                if low.startswith(p, s - len(p)) and (s - len(p) == 0 or not low[s - len(p) - 1].isalnum()) \
                        and p + cur in lx.currencies:
                    cur, fs = p + cur, s - len(p)
                    break
            s += 1
        elif low[s - 2:s - 1] in _SIGNS and low[s - 1:s] == " " and s > 1:
            cur, fs = low[s - 2], s - 2             # "$ 170 billion"
        m = rx.digit.match(low, s)
        if not m:
            return None
        dig, att, scw = m.group("dig"), m.group("att"), m.group("scw")
        e = m.end()
        neg = False
        if fs > 0:
            c = low[fs - 1]
            if c.isalnum() or c in "./:#@_=&^" or c == "+" and fs > 1 and low[fs - 2].isalnum():
                return None                     # "Future45", "MH17", "v2.1", "#1", "km^3"
            if c in "'’" and not att and len(dig) == 2 and (fs == 1 or not low[fs - 2].isalnum()) and \
                    (c == "’" or (low[max(0, fs - 14):fs - 1].split() or [""])[-1] in _YEAR_BEFORE):
                return None                     # "in '16": a year
            if c in "-−":
                if fs > 1 and low[fs - 2].isalnum():
                    if att == "s" and len(dig) == 2 and dig[1] == "0":
                        return self.read_decade(fs, e, int(dig), sent)     # "the mid-30s"
                    return None                 # "F-35", "Covid-19", "2013-14"
                neg = fs == 1 or low[fs - 2] in " (\n"
        plain = not cur and dig.isdigit()
        extra = 0.0
        unit = lx.currencies[cur] if cur else None
        mult = 1.0
        if att:
            if att in lx.scales and (cur or len(att) > 1):        # "$5m", "5bn", "2.5million"
                mult = lx.scales[att]
            elif att in ("m", "k") and not cur:
                # "5m people", "2m euros" count millions; "the 100m", "400m runners" are races
                if att == "m" and (dig in _RACE_DISTANCES or low.startswith(_RACE_WORDS, e)):
                    unit = "metres"
                elif not (self.unit_after(e, sent)[0] or rx.cur_word.match(low, e)):
                    return None
                else:
                    mult = lx.scales[att]
            elif att == "p" and not cur:
                unit = "pence"                  # "closed at 1130p"
            elif att == "%":
                unit = "percent"
            elif att == "s" and len(dig) == 2 and dig[1] == "0":
                return self.read_decade(fs, e, int(dig), sent)
            elif att in lx.units and len(att) > 1 and att not in ("am", "pm"):
                unit = lx.units[att]
            else:
                return None                     # 1st, 1990s, 9am, 2px, 4G: not an amount
        if scw:
            mult *= lx.scales[scw]
        nxt = low[e:e + 1]
        if not att and not cur:
            if nxt == ":" and low[e + 1:e + 2].isdigit():
                return None                     # 10:30
            if nxt == " " and plain and low[e + 2:e + 3] == "/":
                mf = _MIXED_FRACTION.match(low, e)
                if mf and int(mf.group(1)) < int(mf.group(2)):
                    extra = int(mf.group(1)) / int(mf.group(2))     # "2 1/2" -> 2.5
                    e = mf.end()
                    nxt = low[e:e + 1]
            if nxt == "/" and low[e + 1:e + 2].isdigit():
                return self.read_slash(fs, e, dig, sent)
            if nxt in " -.)" and plain and rx.phone.match(low, e) and (nxt != " " or len(dig) == 3):
                ph = rx.phone.match(low, e)
                if nxt != " " or ph.group().count(" ") >= 2:
                    return ph.end()             # 800-273-8255
            if nxt == " " and low[e + 1:e + 2] in _TIME_INITIALS and \
                    low[e + 1:e + 9].split(None, 1)[0].rstrip(",;:.)") in _TIME_WORDS:
                return None                     # 9 p.m.
            if plain and (len(dig) >= 7 or len(dig) > 1 and dig[0] == "0"):
                ph = _PHONE_TAIL.match(low, e)
                return ph.end() if ph else None  # ids, timestamps, "007", "0800 555 0199"
        if plain and len(dig) == 4 and not scw and 1800 <= int(dig) <= 2099 and nxt != "%" and \
                not low.startswith((" per", " percent"), e):
            j = low.rfind(" ", max(0, fs - 16), fs - 1)
            if low[j + 1:fs].strip(_STRIP + " ") not in rx.qual_last:
                return None                     # a year
        pw = self.before(fs, sent)
        prev = pw[-1] if pw else ""
        if not pw and plain and low[max(0, fs - 7):fs].rstrip().endswith(_SPLIT_ABBREVIATIONS):
            return None                         # "the No. 2 spot", "on Mar. 15" split after the abbreviation
        if plain and len(dig) <= 2:
            # dates: "Feb. 9", "Sept. 19 to 22", "24 February 2022"
            word = prev[max(prev.rfind('"'), prev.rfind("="), prev.rfind("(")) + 1:].rstrip(".")
            if word in lx.months and low[fs - 2:fs - 1] != ",":          # also tweet-date="February 9
                d = rx.date_tail.match(low, e)
                return d.end() if d else e
            dn = rx.date_next.match(low, e) if low[e + 1:e + 4] in _MONTH_PREFIXES else None
            if dn and dn.group("m") in lx.months and (dn.group("m") != "may" or prev in _DATE_PREPOSITIONS or
                                                      not low[e + 5:e + 6].isalpha() and low[e + 4:e + 5] != " "
                                                      or low[e + 4:e + 6] == " " and not low[e + 5:e + 6].isalpha()):
                return dn.end()                 # "24 February 2022", "on 5 May" (but "5 may be")
        qual, qs = self.qualifier(pw, fs)
        if qual and text[qs].isupper() and text[e:e + 1] == " " and text[e + 1:e + 2].isupper() and \
                text[sent.start:qs].strip(" \"“‘'([—–-") and not _title_case(sent.text):
            return None                         # "the Forbes Under 30 Summit": a name
        # years: 1800-2099 written plainly, without a (non-temporal) qualifier or a unit
        if plain and len(dig) == 4 and not scw and 1800 <= int(dig) <= 2099 and not rx.pct.match(low, e):
            if not qual or pw[-1] in TEMPORAL_QUALIFIERS or len(pw) > 1 and pw[-2] in TEMPORAL_QUALIFIERS:
                return None
            if not self.unit_after(e, sent)[0]:
                return None                     # "around 2002" is a time, "about 2000 people" a count
        if not cur and not qual and not scw and not att:
            if prev in lx.identifier_words or prev in ("no", "no.") and text[fs - len(prev) - 1:fs].lstrip()[:1] == "N" \
                    or self.capitalised_name_before(fs, sent, pw):
                if not rx.pct.match(low, e):
                    return None                 # "No 10", "Section 230", "Apollo 11"
            if prev in ("aged", "age", "ages") or "year" in low[e:e + 16] and rx.age_after.match(low, e) or \
                    len(pw) > 1 and pw[-2] == "ages" and prev == "of":
                return self.skip_range(e)
            if nxt == "-" and plain and (low[e + 1:e + 2].isdigit() or low.startswith("-to-", e)) and prev != "by":
                r = _SCORE.match(low, e, e + 10)
                if r and int(r.group(1)) <= int(dig) < 300:
                    return r.end()          # "5-4 decision", "3-1 win": a score or a split
            if nxt == "," and prev and low[fs - 2:fs] == ", " and len(dig) <= 3 and \
                    low[e + 1:e + 2].isspace() and text[fs - 2 - len(prev):fs - 2][:1].isupper():
                return None                     # "Tom Young, 30, lay down": an age
            if nxt == " " and text[e + 1:e + 2].isupper() and rx.address.match(text, e):
                return None                     # "10 Downing Street"
        value = read_digits(dig)
        flags = []
        if value is None:
            flags.append("malformed_number")
        else:
            value = round(value * mult + extra, 6)
            if mult != 1.0:                                  # 8.2 * 1e9 is 8199999999.999999 (and stays so
                value = float(f"{value:.15g}")               # rounded to 6 decimals): 15 digits make it 8.2e9
            if neg:
                value, fs = -value, fs - 1
        return self.finish(sent, fs, e, value, unit=unit, qual=qual, qs=min(qs, fs), flags=flags, pw=pw,
                           has_scale=mult != 1.0, cur=cur)

    def read_slash(self, s: int, e: int, dig: str, sent: Sentence):
        f = _SLASH.match(self.low, e, e + 6)
        if not f or not dig.isdigit():
            return f.end() if f else e
        num, den = read_digits(dig), read_digits(f.group(1))     # not int(): it refuses 4,301 digits or more
        if num >= den or den not in (2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 32, 50, 64, 100) and (num != 1 or den > 1000):
            return f.end()                      # "9/11", "24/7": names
        pw = self.before(s, sent)
        qual, qs = self.qualifier(pw, s)
        return self.finish(sent, s, f.end(), num / den, unit=None, qual=qual, qs=qs, flags=[], pw=pw,
                           fraction=True)

    def skip_range(self, e: int) -> int:
        r = _AGE_TAIL.match(self.low, e, e + 30)
        return r.end() if r else e

    def read_decade(self, s: int, e: int, base: int, sent: Sentence):
        """"the mid-30s", "the low-50s": a vague level (a bare "30s" is an age or an era)."""
        pre = self.low[max(sent.start, s - 12):s]
        m = _DECADE_BEFORE.search(pre)
        if not m:
            return None
        lo, hi = {"low": (0, 3), "mid": (3, 7), "high": (7, 9), "upper": (7, 9)}[m.group("k")]
        start = s - len(pre) + m.start()
        unit = "percent" if self.rx.pct.match(self.low, e) else self.inherit_unit(sent, None) or "percent"
        return Claim(kind="quantity", text=self.text[start:e], start=start, end=e, sentence_idx=sent.idx,
                     raw_number=self.text[s - len(pre) + m.start("k"):e], value=None,
                     low=float(base + lo), high=float(base + hi), unit=unit, qualifier="vague")

    def read_span(self, w: str, s: int, sent: Sentence):
        """"for nearly a decade", "more than a century": a bounded span of time."""
        low = self.low
        if not low.endswith(" a ", s - 3, s):
            return None
        pw = self.before(s - 2, sent)
        qual, qs = self.qualifier(pw, s - 2)
        if qual is None or qual == "exact":
            return None
        if pw[-1] == "over" and (len(pw) < 2 or pw[-2] != "for"):
            return None                         # "$10 trillion over a decade": a period
        k = len(low[qs:s - 2].split())
        if len(pw) > k and pw[-k - 1] == "in":
            return None                         # "the first time in more than a decade": a comparison's window
        e = s + len(w)
        if self.rx.rel_time_after.match(low, e):
            return None                         # "more than a decade ago": a time
        return self.make(sent, qs, e, self.text[s - 2:e], _TIME_SPANS[w], "years", qual, [])

    # -- written numbers -------------------------------------------------------------------
    def read_words(self, s: int, sent: Sentence, w: str = ""):
        low, text, rx, lx = self.low, self.text, self.rx, self.lx
        if s and low[s - 1] == "-":
            return None                         # the second half of "twenty-seven", "one-third"
        if w in FRACTION_HEADS and not low.endswith(("a ", "an ", "one "), max(0, s - 4), s):
            return None                         # "third quarter", "fifth year": ordinals
        if w == "one":
            if low.startswith(_ONE_NOT, s + 3) or low.startswith(" point", s + 3) and low.endswith("at ", 0, s):
                return None                     # "one of the", "one day", "at one point": not a figure
            if not low.startswith(_ONE_OK, s + 3):
                # "one" is mostly a pronoun or an article ("one study"): count it in an
                # enumeration of figures ("14 Catholics, six Orthodox and one Greek") or
                # after a qualifier ("more than one victim")
                last = self.claims[-1] if self.claims else None
                if not (last and last.sentence_idx == sent.idx and _ENUMERATION_GAP.fullmatch(low, last.end, s)):
                    j = low.rfind(" ", max(sent.start, s - 16), s - 1)
                    if low[j + 1:s].strip(_STRIP + " ") not in rx.qual_last:
                        return None
        pw = self.before(s, sent)
        prev = pw[-1] if pw else ""
        lead = prev in ("a", "an") and not (len(pw) > 1 and pw[-2] in DETERMINERS)
        if lead and rx.half_century.match(low, s):
            h = rx.half_century.match(low, s)       # "a half-century" -> 50 years
            years = (50.0 if low[s] == "h" else 25.0) / (10 if h.group().endswith("decade") else 1)
            a = low.rfind(prev, 0, s)
            return self.make(sent, a, h.end(), text[a:h.end()], years, "years", None, [])
        m = rx.word_run.match(low, s)
        if not m:
            return None
        e = m.end()
        raw = m.group()
        tokens = raw.replace("-", " ").split()
        tokens = [t for t in tokens if t not in ("and", "a", "an")] or tokens
        head = tokens[0]
        value = read_words(raw)
        if value is None:
            return None
        if head in FRACTION_HEADS and not lead:
            return None                          # "third quarter", "fifth year": ordinals
        if rx.half_century.match(low, s):
            return None
        if head in _SCALE_HEADS and not lead:
            if prev in ("several", "few", "many", "couple") or prev == "of" and len(pw) > 1 and pw[-2] == "couple":
                # "several hundred", "a few thousand": a vague magnitude
                k = "a few" if prev == "few" else "a couple of" if "couple" in pw[-2:] else prev
                lo, hi = lx.vague.get(k, (2.0, 9.0))
                vs = low.rfind(prev, 0, s)
                if k in ("a few", "a couple of") and low.rfind("a ", max(0, vs - 12), vs) >= 0:
                    vs = low.rfind("a ", max(0, vs - 12), vs)
                return self.read_vague(head, vs, sent, bounds=(lo * value, hi * value), phrase_end=e)
            if head == "dozen":
                return None                      # "a baker's dozen"
        if lead:
            if head in lx.fractions or head in ("hundred", "dozen") or head in SCALE_WORDS:
                s = low.rfind(prev, 0, s)        # "a quarter", "a million"
                raw = text[s:e]
                pw = pw[:-1]
                prev = pw[-1] if pw else ""
            else:
                lead = False
        is_fraction = any(t in lx.fractions for t in tokens) and \
            not any(t in SCALE_WORDS or t == "dozen" for t in tokens)          # "a half-dozen" is 6
        nxt = low[e:e + 1]
        compound_unit = None
        if nxt == "-" and not low.startswith(("-and", "-or"), e):
            c = rx.compound.match(low, e)
            w = c.group("w") if c else ""
            if w == "figure" and 3 <= value <= 12 and value == int(value):
                # "a seven-figure sum": 1,000,000 to 9,999,999 (unit unknown)
                lo, hi = 10.0 ** (value - 1), 10.0 ** value - 1
                qual, qs = self.qualifier(pw, s)
                return Claim("quantity", text[min(qs, s):c.end("w")], min(qs, s), c.end("w"), sent.idx, None, None,
                             text[s:c.end("w")], None, lo, hi, None, "vague", None, [])
            if w in ("year", "years") and (c.group("w2") == "old" or low.startswith("-old", c.end())):
                return self.skip_range(e)
            if w in ("year", "month", "week", "decade") and _LEVEL_AFTER.match(low, c.end("w")):
                return None                      # "a five-year low": a comparison
            if w == "fold":                      # "a ten-fold rise": a comparison
                qual, qs = self.qualifier(pw, s)
                self.comparisons.append(comparisons.fold_claim(self, min(qs, s), c.end("w"), sent))
                return c.end("w")
            if w not in lx.units or len(w) < 3:
                return None                      # "one-term", "two-way", "half-frozen"
            if w == "year" and _kind_compound(low, c.end("w")):
                return None                      # "four-year colleges": a kind of college
            compound_unit, e_unit = lx.units[w], c.end("w")
        qual, qs = self.qualifier(pw, s)
        if head in ("half", "quarter") and prev in ("first", "second", "last", "final", "next", "the", "its",
                                                    "his", "her", "their", "other"):
            return None                          # "the second half"
        if head == "half" and not qual and len(tokens) == 1:
            if prev == "in" and not lead and _HALVING.intersection(pw[:-1]) and not low.startswith(" of", e):
                a = low.rfind("in", 0, s)        # "cutting loan rates in half": a change of one half
                return self.make(sent, a, e, text[s:e], 0.5, "fraction", None, ["change"])
            if not (rx.half_follow.match(low, e) or prev in ("by", "than", "to", "nearly", "almost")
                    or rx.fraction_of.match(low, e)):
                return None
        if is_fraction and low.startswith(" the ", e):
            c = comparisons.fraction_of_measure(self, min(qs, s), e, sent)
            if c is not None:                    # "about half the size of Pfizer"
                self.comparisons.append(c)
                return c.end
        if is_fraction and head != "half" and not rx.fraction_follow.match(low, e) and \
                not rx.pct.match(low, e) and not rx.unit_word.match(low, e):
            return None                          # "a third term"
        if not qual and prev in DETERMINERS and value <= 10 and not is_fraction and \
                not rx.superlative_next.match(low, e):
            return None                          # "the two countries", "all four candidates"
        if not rx.pct.match(low, e):
            if prev in lx.identifier_words or self.capitalised_name_before(s, sent, pw):
                return None                      # "World War Two", "BBC Two"
            if text[s].isupper() and not qual and text[sent.start:s].strip(" \"“‘'([—–-") and \
                    not _title_case(sent.text):
                return None                      # "to Six Nations leaders", "Ocean's Twelve": a capitalised
                                                 # number word inside a sentence is a name
        if tokens == ["one"] and not qual:
            # "one" is mostly a pronoun or an article ("one of the", "one study"): count it
            # in an enumeration of figures ("14 Catholics, six Orthodox and one Greek")
            last = self.claims[-1] if self.claims else None
            if last is None or last.sentence_idx != sent.idx or \
                    not _ENUMERATION_GAP.fullmatch(low, last.end, s):
                lm = rx.range_link.match(low, e)
                if not (rx.pct.match(low, e) or rx.fraction_of.match(low, e) or lm and lm.group("word") == "to"
                        and rx.figure.match(low, lm.end()) or low.startswith(_ONE_OK, e)
                        and not low.startswith((" to ", " or ", " in ", " out of ", "-"), e)):
                    return None
        if compound_unit:
            return self.make(sent, min(qs, s), e_unit, text[s:e], value, compound_unit, qual, [])
        if low.startswith(" times", e) and comparisons.times_follow(low, e + 6):
            return None                          # "three times the rate": a comparison
        if is_fraction and low.startswith(" of ", e):
            c = comparisons.fraction_of_baseline(self, min(qs, s), e, sent)
            if c is not None:                    # "18.7 percent, or less than one-third of Trump's claim"
                self.comparisons.append(c)
                return None
        return self.finish(sent, s, e, value, unit=None, qual=qual, qs=min(qs, s), flags=[], pw=pw,
                           has_scale=any(t in SCALE_WORDS for t in tokens), fraction=is_fraction)

    def read_vague(self, w: str, s: int, sent: Sentence, bounds=None, phrase_end=None):
        """"thousands of shootings", "tens of millions", "several hundred", "dozens"."""
        low, lx = self.low, self.lx
        if bounds:
            (lo, hi), e = bounds, phrase_end
            m = None
        else:
            m = _VAGUE.match(low, s)
            e = m.end()
            lo, hi = lx.vague.get(w, (None, None))
        if m is None:
            pass
        elif m.group("scale"):
            mult = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}[m.group("scale")]
            if w not in ("tens", "hundreds"):
                e = s + len(w)
                mult = 1.0
            lo, hi = lo * mult, hi * mult
        elif w in ("tens", "scores"):
            if w == "tens" or not low.startswith(" of ", e):
                return None
        pw = self.before(s, sent)
        qual, qs = self.qualifier(pw, s)
        raw = self.text[s:e]
        unit = None
        end = e
        cw = self.rx.cur_word.match(low, e)
        if cw:
            unit, end = lx.currencies[cw.group("w")], cw.end()
        else:
            unit, uend = self.unit_after(e, sent, vague=True)
            if unit:
                end = uend
            else:
                unit = self.inherit_unit(sent, None)
        c = Claim(kind="quantity", text=self.text[qs:end], start=min(qs, s), end=end, sentence_idx=sent.idx,
                  raw_number=raw, value=None, low=lo, high=hi, unit=unit, qualifier="vague")
        if qual == "lower_bound":
            c.high = None
        elif qual in ("upper_bound", "near_lower"):
            c.low = None
        return c

    # -- after the figure ----------------------------------------------------------------
    def finish(self, sent, s, e, value, unit, qual, qs, flags, pw, has_scale=False, cur=None, fraction=False):
        low, text, rx, lx = self.low, self.text, self.rx, self.lx
        end = e
        nxt = low[e:e + 1]
        if value is not None and not cur and not has_scale and nxt == " ":
            # "37 cents out of each dollar", "eight of 10", "one in five", "$4 of every $5"
            if low.startswith(" cent", e):
                cm = rx.cents_of.match(low, e)
                if cm:
                    return self.make(sent, qs, cm.end(), text[s:cm.end()], value / 100, "fraction", qual, flags)
            if not fraction and low.startswith((" of ", " in ", " out of "), e):
                fo = rx.fraction_of.match(low, e)
                if fo and not fo.group("cur"):
                    den = read_digits(fo.group("den")) if fo.group("den")[0].isdigit() else read_words(fo.group("den"))
                    if den and value < den <= 1000 and (fo.group("k") == "of" or value <= 10):
                        return self.make(sent, qs, fo.end(), text[s:fo.end()], value / den, "fraction", qual, flags)
                fo = rx.fraction_of_the.match(low, e) if not unit and (low.startswith(" the ", e + 3) or
                                                                       low.startswith(" the ", e + 7)) else None
                if fo:
                    den = read_digits(fo.group("den")) if fo.group("den")[0].isdigit() else read_words(fo.group("den"))
                    if den and value < den <= 1000:
                        return self.make(sent, qs, fo.end(), text[s:fo.end()], value / den, "fraction", qual, flags)
        if cur and not has_scale and value is not None and low.startswith((" of every ", " out of every ", " of each "), e):
            fo = rx.fraction_of.match(low, e)
            den = read_digits(fo.group("den")) if fo and fo.group("cur") == cur and fo.group("den").isdigit() else None
            if den and value < den:              # read_digits, not int(): int() refuses 4,301 digits or more
                return self.make(sent, qs, fo.end(), text[s:fo.end()], value / den, "fraction", qual, flags)
        if fraction and value is not None:
            # "half of 1 percent" -> 0.5 percent; "half a percentage point" -> 0.5 points
            fs_ = _FRACTION_OF_SCALE.match(low, e, e + 40)
            if fs_:                              # "nearly a quarter of a trillion dollars"
                v = value * lx.scales[fs_.group("s")]
                u = lx.currencies[fs_.group("c")] if fs_.group("c") else None
                return self.make(sent, qs, fs_.end(), text[s:fs_.end()], round(v, 6), u, qual, flags)
            fm = _FRACTION_OF_PERCENT.match(low, e, e + 30)
            if fm:
                n = 1.0 if fm.group("n") == "one" else read_digits(fm.group("n"))
                if n is not None:
                    return self.make(sent, qs, fm.end(), text[s:fm.end()], value * n, "percent", qual, flags)
            at = e + 2 if low.startswith(" a ", e) else e + 3 if low.startswith(" an ", e) else e
            um = rx.pct.match(low, at) or rx.unit_word.match(low, at)
            if um and low[at:at + 1] == " ":
                return self.make(sent, qs, um.end(), text[s:um.end()], value,
                                 self.norm_unit(um.group(um.lastindex)), qual, flags)
            return self.make(sent, qs, e, text[s:e], value, "fraction", qual, flags)
        # "a 3 to 1 margin"
        if not cur and value is not None and value > 1 and (nxt == ":" or low.startswith((" to 1", " to one", "-to-", "-1"), e)):
            ra = rx.ratio.match(low, e)
            if ra:
                return self.make(sent, qs, ra.end(), text[s:ra.end()], value, "ratio", qual, flags)
        # the unit written right after the figure: %, percent, points, currency words, km
        if not unit:
            pm = rx.pct.match(low, e) if nxt == "%" or nxt in " -" and low[e + 1:e + 2] in "pb%" else None
            if pm:
                unit, end = self.norm_unit(pm.group("u")), pm.end()
            elif nxt == " ":
                cw = rx.cur_word.match(low, e)   # "300 dollars", "5m of US dollars"
                if cw and not (cw.group("w").startswith("pound") and _POUNDS_OF.match(low, e, e + 12)):
                    unit, end = lx.currencies[cw.group("w")], cw.end()
        # a range: "between 40,000 and 50,000", "$35,000 to $60,000", "one to two years", "40-50"
        if not unit and nxt == " " and value is not None and (" to " in low[e:e + 24] or " and " in low[e:e + 24]
                                                             or "-" in low[e:e + 16]):
            uw = rx.unit_word.match(low, e)
            if uw and low.startswith(_RANGE_STARTS, uw.end()):
                if self.named_unit(uw.start("w"), sent):
                    return None                  # "Dirty Dancing, 98 Degrees and Justin Timberlake": a name
                unit, end = lx.units[uw.group("w")], uw.end()        # "44 mg to 50 mg"
        if value is not None:
            lm = rx.range_link.match(low, end) if low.startswith(_RANGE_STARTS, end) else None
            if lm:
                fm = rx.figure.match(low, lm.end())
                if fm:
                    r = self.read_range(sent, s, end, value, unit, cur, has_scale, qual, qs, pw, lm, fm, flags)
                    if r is not None:
                        return r
        # post-posed bounds: "$100,000 or more", "$200 or less", "50-plus"
        nxt = low[end:end + 1]
        if nxt in " +-":
            am = rx.qual_after.match(low, end) if low.startswith(_AFTER_STARTS, end) else None
            if am:
                q = re.sub(r"\s+", " ", am.group("q"))
                if q not in ("plus", "+", "-plus") or cur or unit == "percent" or not unit:
                    if not (q == "+" and low[am.end():am.end() + 1].isdigit()):
                        qual, end = lx.qualifiers_after[q], am.end()
        # rates and periods: "$12 an hour", "$500 every three months", "$374 billion over 10 years"
        if unit and nxt in " -/":
            rt = rx.rate.match(low, end) if low.startswith(_RATE_STARTS, end) else None
            if rt and (rt.group("n") is None or rt.group("n")[0].isdigit() or read_words(rt.group("n"))):
                n = rt.group("n")
                unit = f"{unit} per {n} {rt.group('p')}s" if n else f"{unit} per {rt.group('p')}"
                end = rt.end()
            pd = rx.period.match(low, end) if low.startswith(_PERIOD_STARTS, end) else None
            if pd:
                unit = f"{unit} over {text[pd.start('n'):pd.end()].strip()}"
                end = pd.end()
        # a figure as a compound adjective: "a 27-kilometer ring", "a 46-page report"
        # (the regex reads ASCII letters only: a hyphen before "é" or "ǆ" is no such compound)
        c = rx.compound.match(low, end) if not unit and low[end:end + 1] == "-" and low[end + 1:end + 2].isalpha() \
            else None
        if c:
            w = c.group("w")
            if w in ("year", "month", "week", "decade") and _LEVEL_AFTER.match(low, c.end("w")):
                return None                      # "a 31-year low": a comparison
            if w == "fold":                      # "rose 10-fold": a comparison
                self.comparisons.append(comparisons.fold_claim(self, qs, c.end("w"), sent))
                return c.end("w")
            if w == "strong":                    # "a 6,000-strong community"
                unit, uend = self.unit_after(c.end("w"), sent)
                end = uend if unit else c.end("w")
            elif w not in _COMPOUND_NOT:
                if w == "year" and _kind_compound(low, c.end("w")):
                    return None                  # "4-year colleges": a kind of college
                w2 = c.group("w2")
                if w2 and lx.units.get(w + "-" + w2):          # "a 15,000-square-foot office"
                    unit, end = lx.units[w + "-" + w2], c.end("w2")
                else:
                    unit, end = lx.units.get(w) or w, c.end("w")
        # the counted noun: "100,000 Russian troops"
        if not unit and value == 1:
            u, uend = self.unit_after(end, sent, single=True)
            if u:
                unit, end = u, uend
        if not unit and nxt == " " and low.startswith(" of ", end) and value is not None:
            om = _OF_WHOLE.match(low, end)       # "five of the casinos", "two of the group's researchers"
            if om:
                u, uend = self.unit_after(om.end(), sent)
                if u and uend - end < 60 and u.islower() and u not in lx.units and \
                        text[text.rfind(" ", end, uend) + 1].islower():
                    unit = u                     # but not "the last eight of the Champions League"
                    if not _SUPERLATIVE_IN.search(low, end, uend):
                        end = uend               # "two of the largest airlines in the US" stays a comparison too
        if not unit:
            if low.startswith((" times", " fold"), end) and (comparisons.times_follow(low, end + 6) or
                                                              low.startswith(" fold", end) and
                                                              not low[end + 5:end + 6].isalpha()):
                return None                      # "10 times the national average", "10 fold": a comparison
            u, uend = self.unit_after(end, sent)
            if u:
                if text[text.rfind(" ", end, uend) + 1].isupper() and u.lower() in lx.units and \
                        self.named_unit(text.rfind(" ", end, uend) + 1, sent):
                    return None                  # "a poster of 98 Degrees": a name
                unit = u
                if uend - end < 40:
                    end = uend
        # time frames and relative times are not claims: "in the next two weeks", "two years later"
        if unit in TIME_UNITS:
            if rx.rel_time_after.match(low, end):
                return None
            if not qual and pw and (pw[-1] in ("next", "past", "last", "coming", "previous", "following", "first",
                                               "final", "recent", "within", "in", "another", "upcoming", "few")):
                return None
        if not unit and low.startswith((" and ", " or ", " to "), end) and _LINKED_TIME.match(low, end):
            return None                          # "incidents that happened 20 and 50 years ago"
        if not unit and self.elided:
            unit = self.inherit_unit(sent, value)
        if value is not None and pw and (pw[-1] in CHANGE_WORDS or pw[-1] == "by" and len(pw) > 1 and
                                         (pw[-2] in CHANGE_WORDS or pw[-2] in CHANGE_BY_WORDS)):
            flags = flags + ["change"]
        return self.make(sent, qs, end, text[s:e], value, unit, qual, flags)

    def named_unit(self, ws: int, sent: Sentence) -> bool:
        """Is the unit word at ``ws`` Capitalised ("Degrees", not "GB" or "MW") in a sentence that is not a
        Title Case headline?"""
        text = self.text
        return text[ws].isupper() and text[ws + 1:ws + 2].islower() and not _title_case(sent.text)

    def read_range(self, sent, s, end, value, unit, cur, has_scale, qual, qs, pw, lm, fm, flags):
        low, text, rx, lx = self.low, self.text, self.rx, self.lx
        link = lm.group("dash") or lm.group("word")
        mult2 = 1.0
        cur2 = None
        u2 = None
        if fm.group("dig") is not None:
            d2, att2, scw2, cur2 = fm.group("dig"), fm.group("att"), fm.group("scw"), fm.group("cur")
            v2 = read_digits(d2)
            if att2:
                if att2 in lx.scales:
                    mult2 = lx.scales[att2]
                elif att2 == "%":
                    u2 = "percent"
                else:
                    return None
            if scw2:
                mult2 *= lx.scales[scw2]
            if len(d2) == 4 and d2.isdigit() and 1800 <= int(d2) <= 2099 and not cur2:
                return None
        else:
            v2 = read_words(fm.group("wd"))
        if v2 is None:
            return None
        v2 = round(v2 * mult2, 6)
        if qs < s:
            pw = self.before(qs, sent)           # "from about $350 to $680": the words before "about"
        between = pw and pw[-1] in ("between", "from") or len(pw) > 1 and pw[-2] in ("ranging", "range") \
            and pw[-1] in ("from", "of")
        if link == "and" and not between:
            return None
        if link in ("to", "through", "or") and not between and unit in SHARE_UNITS:
            return None                          # "lost the state 36 percent to 51 percent": two results
        lo_v = value
        if mult2 != 1.0 and not has_scale and value * mult2 <= v2 * 1.0001 * 1000 and value < v2:
            lo_v = round(value * mult2, 6)       # "$5-10m", "1 to 2 million"
        if lo_v >= v2:
            return None                          # "46 percent to 42 percent": two figures, not a range
        if between and pw[-1] == "from" and len(pw) > 1 and (pw[-2] in CHANGE_WORDS or pw[-2] == "it"):
            return None                          # "rose from 3% to 5%": a change between two levels
        end2 = fm.end()
        if not u2:
            pm = rx.pct.match(low, end2)
            if pm:
                u2, end2 = self.norm_unit(pm.group("u")), pm.end()
            else:
                cw = rx.cur_word.match(low, end2)
                if cw:
                    u2, end2 = lx.currencies[cw.group("w")], cw.end()
        if u2 is None and cur2:
            u2 = lx.currencies[cur2]
        if unit and u2 and unit != u2:
            return None                          # "by 0.1 percentage points to 4.2 percent"
        if unit and not u2:
            uw = rx.unit_word.match(low, end2)
            if uw and lx.units.get(uw.group("w")) == unit:
                end2 = uw.end()                  # "between 44 mg and 50 mg"
        unit = unit or u2
        raw = text[s:end2]
        endq = end2
        if unit:
            rt = rx.rate.match(low, endq)
            if rt:
                n = rt.group("n")
                unit = f"{unit} per {n} {rt.group('p')}s" if n else f"{unit} per {rt.group('p')}"
                endq = rt.end()
        else:
            u, uend = self.unit_after(end2, sent)
            if u:
                unit, endq = u, uend
        if unit in TIME_UNITS and rx.rel_time_after.match(low, endq):
            return None
        if unit == "years" and low.startswith(" old", endq):
            return self.skip_range(endq)         # "those 18 to 35 years old"
        if not unit and rx.age_after.match(low, end2):
            return self.skip_range(end2)         # "40 or 50-year old women"
        if not unit and link in ("-", "–", "—") and v2 < 100 and float(v2).is_integer() and float(lo_v).is_integer():
            return end2                          # "(4-7)" without a unit: a tie-break score, not a figure
        start = qs
        if between:
            start = low.rfind(pw[-1], 0, qs)
            if len(pw) > 1 and pw[-2] in ("ranging", "range"):
                start = low.rfind(pw[-2], 0, start)
        if not unit:
            unit = self.inherit_unit(sent, v2)
        return Claim(kind="quantity", text=text[start:endq], start=start, end=endq, sentence_idx=sent.idx,
                     raw_number=raw, value=None, low=lo_v, high=v2, unit=unit, qualifier="range", flags=flags)

    def norm_unit(self, u: str) -> str:
        u = " ".join(u.replace("-", " ").lower().split())
        return self.lx.units.get(u, u)

    def make(self, sent, start, end, raw, value, unit, qual, flags) -> Claim:
        qual = qual or "exact"
        low_v = high_v = value
        if value is not None:
            if qual == "lower_bound":
                high_v = None
            elif qual in ("upper_bound", "near_lower"):
                low_v = None
        # positional arguments: Claim(kind, text, start, end, sentence_idx, quote, speaker, raw_number,
        # value, low, high, unit, qualifier, reference, flags); this runs for every figure
        return Claim("quantity", self.text[start:end], start, end, sent.idx, None, None, raw.strip(), value,
                     low_v, high_v, unit, qual, None, list(flags))
