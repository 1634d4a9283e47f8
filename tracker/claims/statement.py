"""The claim as a statement: the clause that makes it, what its figure measures, whom it is about and when.

>>> from tracker.claims import find_claims
>>> c = find_claims("UK unemployment fell to 4.7% in March, the chancellor said.", None)[0]
>>> c.text, c.measure, c.subject, c.period
('4.7%', 'unemployment', 'UK', 'in March')
>>> "UK unemployment fell to 4.7% in March, the chancellor said."[c.statement_start:c.statement_end]
'UK unemployment fell to 4.7% in March'

A fact-checker checks "UK unemployment fell to 4.7% in March", not "4.7%"
(issue 16). Each claim gets, from the structure of its sentence (no list of
example measures):

- ``statement_start``/``statement_end``: the clause that makes the claim: the
  sentence cut at semicolons, spaced dashes, colons and clauses joined by
  "but", "while", "whereas", "although", with the attribution taken off
  ("..., the chancellor said", "Mr Howard says ...", "According to X, ")
  and the quotation marks around it;
- ``measure``, the first of these that the sentence gives:
  - a share: "one in five bikes made by the firm", "38% of voters" -> "share of ...";
  - a change: "shares rose 4.9%", "spending was cut by £1.6bn" -> "shares rise", "spending cut"
    (the change verb's own noun, ``data/claims/change_measures.txt``), also by "up"/"down" ("shares were up
    3% at 250p", "imports down 4%"), with an object ("cut rents by 2%" -> "rents cut"), and the level it
    reached ("boost its dividend by 2% to 9%" -> "dividend"); a subject past a time phrase, a relative
    clause or a short form in brackets, or left out after "but" (the earlier figure's);
  - the noun the figure counts, with its modifiers: "200 new jobs", "troops on the border",
    "cars sold by the Acme group", and what the sentence says of it: the verb it is the object of
    ("won two awards" -> "awards won", ``data/claims/participles.txt``; not a light verb: "has 200 staff",
    ``data/claims/light_verbs.txt``), a participle or a phrase of kind after it ("songs downloaded",
    "parking spaces in use"), a relative clause, the verb it is the subject of when the figure opens its
    clause ("17 riders have been fined for speeding" -> "riders fined for speeding"), the group
    it belongs to ("a panel of seven judges" -> "panel of judges"); a counted noun left out ("won
    the next five") is the earlier one's;
  - an age: "the 33-year-old", "aged 13" -> "age"; "died at the age of 79" -> "age at death";
  - "X of FIG" ("savings of £153m", "a majority of 160"), "FIG of X" ("£100m of new investment",
    "£35bn worth of savings"), "FIG in X" for money ("$3bn in contracts");
  - a verb that names its amount ("invested £280m in Mini production" -> "investment in Mini production":
    ``data/claims/measure_verbs.txt``), past its object ("values the firm at £900m" -> "value of the
    firm"); what a thing costs, a price below £/$100,000 and a cost above it ("the kettle costs £45" ->
    "kettle price");
  - the subject of a level: "the rate was 4.7%", "output rose to 200,000", "raise output to 200,000"
    (``data/claims/level_verbs.txt``);
  - the noun the figure modifies: "a £1.3bn takeover offer", "a 10% stake", with an adjective before the
    figure ("the usual 5% fee"); a sum before a noun that names no sum is its cost or price ("a £90m
    library" -> "library cost", ``data/claims/money_nouns.txt``);
  - a duration: "time", or what the verb makes it ("jailed for six years" -> "sentence", "took 40 hours"
    -> "time taken", "has been at the bakery for nine years" -> "time at the bakery");
  - a part of a later count: "lost seven of its 12 games" -> "games lost";
  - an adjective of dimension: "5ft 9ins tall" -> "height", "20 years old" -> "age";
  - a figure joined to the previous one ("savings of £153m at X and £336m at Y", a conversion in
    brackets) shares its measure; the level a change moved from or to ("fell by £700 from £201,450 in
    May to £200,750") is the level, without the change noun;
  - "an average of 31 per agent" -> "average sales per agent"; a price of shares is a share price;
    a rate whose measure the sentence gives only in part takes its unit's ("data ... at one gigabit a
    second" -> "data rate");
  nouns that only say "a figure" ("a total of", "a maximum of": ``data/claims/amount_nouns.txt``) are
  never the measure;
- ``subject``: a possessor ("BMW's £100m"), a name before the measure ("UK unemployment"), a name after
  it ("£87m at the Ruritanian embassy", "unemployment in France"), else the name that starts the clause
  ("Acme will spend around $2bn");
- ``period``: the time phrase of the clause nearest the figure ("in March", "last year", "since 2001",
  "a year earlier", "in the last six years").

Comparisons get the statement, subject and period the same way; their
measure is the subject of their clause when it names one. ``repeats`` links
a figure to an earlier claim of the article stating the same figure about
the same measure (a headline figure repeated in the body): one claim seen
twice, both spans kept.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from .. import lexicon
from .cldr import territory_names
from ..model import Claim, Sentence
from .lexicons import lexicons, trie_pattern, word_list
from .measure import _clause_subject, _comparison_measure, _measure
from .reading import DETERMINERS as _DETERMINERS, MONTHS as _MONTHS, PERIOD as _PERIOD, may_hold_period

# ";", " - ", a dash (spaced or not), ": ", ", but ": written to start with one set of characters (the one it
# starts with, then what follows it), so that a scan skips every other character at once: the same breaks as
# ``;|\s[-–—]\s|\s?[–—]\s?|:\s|,\s+(?:but|...)\s`` in two thirds of the time
_SEPARATOR = re.compile(r"[;\s–—:,](?:(?<=;)|(?<=\s)(?:[-–—]\s|[–—]\s?)|(?<=[–—])\s?|(?<=:)\s|"
                        r"(?<=,)\s+(?:but|while|whereas|although|though|which\s+means)\s)")
_SPACED_HYPHEN = re.compile(r"\s-\s")
_BREAK_WORDS = ("but", "while", "whereas", "though", "which")       # of ``_SEPARATOR`` ("though" of "although")


def may_break(low: str, start: int, end: int) -> bool:
    """False when ``_SEPARATOR`` finds no break from ``start`` to ``end`` of ``low``: it has no semicolon, colon or
    dash, no hyphen between spaces, and no comma with a word of ``_BREAK_WORDS``. Four sentences in five of the
    BBC corpus have none; ``_SEPARATOR`` is tried at every space."""
    seg = low[start:end]
    return any(ch in seg for ch in ";:–—") or "-" in seg and _SPACED_HYPHEN.search(seg) is not None or \
        "," in seg and any(w in seg for w in _BREAK_WORDS)


_QUOTES = "\"“”‘’' \t\n"
_TRIM_END = _QUOTES + ",.;:!?"
_LEADING = re.compile(r"(?:and|but|so|yet|or|also|however|meanwhile|now|then)\b[\s,]*", re.I)


@cache
def _words():
    lx = lexicons()
    from ..quotes.cues import SPEECH, verbs
    cues = {form for form, (_, kind) in verbs().items() if " " not in form and kind == SPEECH}
    irregular = lexicon.words("claims/irregular_verbs.txt")
    stop = lx.stop_words | _DETERMINERS
    return dict(
        stop=stop,
        cues=frozenset(cues),
        verbs=frozenset(f for f in verbs() if " " not in f) | irregular,
        participles=irregular,
        participle_of=lexicon.mapping("claims/participles.txt"),
        light_verbs=lexicon.words("claims/light_verbs.txt"),
        changes=lexicon.mapping("claims/change_measures.txt"),
        change_words=frozenset(lexicon.mapping("claims/change_measures.txt").values()),
        change_by=lx.change_by_words,
        measure_verbs=lexicon.mapping("claims/measure_verbs.txt"),
        dimensions=lexicon.mapping("claims/dimension_adjectives.txt"),
        levels=frozenset(lexicon.words("claims/level_verbs.txt")),
        amounts=lexicon.words("claims/amount_nouns.txt"),
        money_nouns=lexicon.words("claims/money_nouns.txt"),
        change_nouns=word_list("change_nouns"),
        measurement_units=frozenset(lx.units.values()),
        numbers=frozenset(lx.number_words) | frozenset(lx.fractions) | {"hundred", "thousand", "million", "billion"},
        months=_MONTHS,
    )


@cache
def _attribution():
    cues = sorted(_words()["cues"])
    cue = trie_pattern(cues)
    # ", CUE\s\b" can only match where ", CUE\b" (the first branch, no word before the cue) already does when
    # the cue ends in a letter: that branch is written for the other cues only (none today), which spares a
    # third compilation of the 715 cues (10-15 ms a process)
    odd = [c for c in cues if not (c[-1].isalnum() or c[-1] == "_")]
    also = "|(?:" + trie_pattern(odd) + r")\s" if odd else ""
    after = re.compile(r",\s*[\"”’]?\s*(?:(?:[\w’'.-]+\s+){0,7}?(?:" + cue + r")" + also + r"|according\s+to\s)\b")
    before = re.compile(r"(?:according\s+to\s+[^,]{1,60},\s+|(?:[\w’'.-]+\s+){1,7}?(?:" + cue +
                        r")(?:\s+(?:on\s+\w+|in\s+a\s+\w+|last\s+\w+|yesterday|today))?(?:\s+that)?\s+)", re.I)
    return after, before, frozenset() if odd else frozenset(c.lower() for c in cues)


# the leading letters of a word that a cue may be (a cue is lower-case letters and hyphens)
_CUE_LEAD = re.compile(r"[a-z-]*")


def describe(text: str, low: str, sentences: list[Sentence], claims: list[Claim], headline: int | None) -> None:
    """Fill statement, measure, subject, period and repeats of ``claims`` (in text order) in place.

    ``headline``: the index of the sentence that is the article's headline, if it has one. Each sentence that
    holds a claim is read once (its clause breaks, attributions and time phrases), and each claim looks only
    at a few words around it: a long sentence costs time in proportion to its length."""
    w = _words()
    _share_units(low, claims)
    article = Article(text, low)
    by_sentence: dict[int, Claim] = {}
    for c in claims:
        sent = article.sentence(sentences[c.sentence_idx])
        lo, hi = sent.clause(c.start, c.end)
        c.statement_start, c.statement_end = lo, hi
        c.period = sent.period(lo, hi, c)
        if c.kind == "quantity":
            prev = by_sentence.get(c.sentence_idx)
            c.measure, c.subject = _measure(text, low, lo, hi, c, prev, w)
            by_sentence[c.sentence_idx] = c
        else:
            c.measure, c.subject = _comparison_measure(text, low, lo, c, by_sentence.get(c.sentence_idx), w)
        if c.subject is None:
            c.subject = _clause_subject(article, lo, c.start, w)
            if c.subject and c.measure and c.subject.lower() in c.measure.lower():
                c.subject = None
    _repeats(claims, headline)


class Article:
    """The text being read, and what is read once per sentence (``SentenceReading``) and per article."""

    def __init__(self, text: str, low: str) -> None:
        self.text, self.low = text, low
        self.readings: dict[int, SentenceReading] = {}
        self._names: dict[str, bool] = {}

    def sentence(self, sent: Sentence) -> "SentenceReading":
        r = self.readings.get(sent.idx)
        if r is None:
            r = self.readings[sent.idx] = SentenceReading(self, sent)
        return r

    def name_inside_sentence(self, word: str) -> bool:
        """Is ``word``, read at the start of a sentence, a name: capitalised inside a sentence somewhere in the
        article, a country or region (CLDR's names: "Germany has ..."), or written with a capital inside it
        ("GlaxoSmithKline")? The words are collected once.

        Not "any word the article never writes in lower case": over 600 BBC articles that made 426 more
        subjects, mostly openers ("Despite", "Separately", "Shares", "Analysts")."""
        inside = self._names.get(word)
        if inside is None:
            inside = self._names[word] = written_inside(self.text, word)
        return inside or word.lower() in territory_names() or _INNER_CAPITAL.search(word) is not None


# the capitalised words written inside a sentence are those ``_NAME_INSIDE.findall`` finds: the words of an article
# asked about (a few) are looked for where they are written (``written_inside``), not all found by a scan of the
# whole article (190M of the claims stage's 2,400M instructions over 800 BBC articles)
_NAME_INSIDE = re.compile(r"[a-z,] ([A-Z][\w.&-]*)")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LOWER_OR_COMMA = frozenset("abcdefghijklmnopqrstuvwxyz,")


def _in_name(ch: str) -> bool:
    """Is ``ch`` one of ``[\\w.&-]`` (``\\w``: a letter, digit or "_", as ``str.isalnum`` and ``re`` have it)?"""
    return ch.isalnum() or ch in "_.&-"


def written_inside(text: str, word: str) -> bool:
    """Is ``word`` in ``_NAME_INSIDE.findall(text)``: written after a lower-case letter or a comma and a space, as
    the whole of a run of ``[\\w.&-]`` that starts with a capital, and found by the scan (see ``_found``)?"""
    if not word or word[0] not in _UPPER or not all(_in_name(ch) for ch in word[1:]):
        return False
    needle, n = " " + word, len(text)
    q = text.find(needle)
    while q >= 0:
        e = q + len(needle)
        if q and text[q - 1] in _LOWER_OR_COMMA and (e == n or not _in_name(text[e])) and _found(text, q):
            return True
        q = text.find(needle, q + 1)
    return False


def _found(text: str, q: int) -> bool:
    """Does the scan of ``_NAME_INSIDE`` find the word after the space at ``q`` (whose letter before it may be
    read as ``[a-z,]``)? Not when that letter ends a word the scan found ("a Bob Smith": "Bob" is found, and its
    "b" is spent): each word of a run "a Bob Smith Jones" is found when the one before it is not."""
    found = True
    while True:
        r = q                                # the start of the word that ends at ``q``
        while r and _in_name(text[r - 1]):
            r -= 1
        if not (2 <= r < q and text[r - 1] == " " and text[r] in _UPPER and text[r - 2] in _LOWER_OR_COMMA):
            return found
        found = not found
        q = r - 1


class SentenceReading:
    """One sentence read once: where its clauses break, where attributions start, its time phrases."""

    def __init__(self, article: Article, sent: Sentence) -> None:
        low = article.low
        self.text, self.low, self.sent = article.text, low, sent
        # the clause breaks and time phrases are read as far as the claims need them (see ``_Spans``)
        self.breaks = _Spans(_SEPARATOR.finditer(low, sent.start, sent.end) if may_break(low, sent.start, sent.end)
                             else iter(()))
        self.after, self.before, self.cues = _attribution()
        # the attributions from ``_scanned[0]`` to ``_scanned[1]``, in text order: every comma between tried once
        self._scanned: tuple[int, int] | None = None
        self._attributions: list[int] = []
        self.periods = _Spans(_PERIOD.finditer(low, sent.start, sent.end) if may_hold_period(low, sent.start, sent.end)
                              else iter(()))

    def attribution(self, end: int, hi: int) -> int | None:
        """Where the first attribution (", the minister said") of the sentence at or after ``end`` starts, if it
        starts before ``hi``.

        An attribution starts at a comma and holds no other comma, so no two overlap and the sentence's are
        those ``after.finditer`` finds: only the commas from the first claim to the end of the last claim's clause
        are tried, not every comma of the sentence (the scan of whole sentences was a tenth of the claims stage
        over the BBC corpus), each once (a sentence of 4,000 clauses stays linear)."""
        lo, up = self._scanned or (end, end)
        if end < lo:
            self._attributions[:0] = self._commas(end, lo)
            lo = end
        if hi > up:
            self._attributions += self._commas(max(lo, up), hi)
            up = hi
        self._scanned = lo, up
        found = self._attributions
        k = bisect_left(found, end)
        return found[k] if k < len(found) and found[k] < hi else None

    def _commas(self, start: int, end: int) -> list[int]:
        """The commas from ``start`` to ``end`` where an attribution starts."""
        low, stop, match, cues = self.low, self.sent.end, self.after.match, self.cues
        out = []
        c = low.find(",", start, end)
        while c >= 0:
            if (not cues or self._may_attribute(c)) and match(low, c, stop):
                out.append(c)
            c = low.find(",", c + 1, end)
        return out

    def _may_attribute(self, c: int) -> bool:
        """False when no attribution can start at the comma at ``c``: it needs a cue at the start of one of the
        first eight words after it (a quotation mark before it), followed by a character outside words (a
        hyphen is one), or "according". Most commas have none, and are not matched against the regex of 715
        cues (two thirds of the cost of finding the attributions)."""
        stop = self.sent.end
        end = min(stop, c + 201)
        words = self.low[c + 1:end].split(None, 9)     # (a quotation mark may be a word of its own)
        if len(words) < 10 and end < stop:
            return True                      # a word may be cut: the regex decides
        cues = self.cues
        for word in words[:9]:
            lead = _CUE_LEAD.match(word.lstrip("\"”’")).group()
            if lead in cues or lead == "according" or "-" in lead and any(
                    lead[:i] in cues for i, ch in enumerate(lead) if ch == "-"):
                return True
        return False

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause that holds ``start``..``end``, without attribution and quotation marks."""
        text, sent = self.text, self.sent
        lo, hi = sent.start, sent.end
        breaks = self.breaks.upto(end)
        i = bisect_left(breaks, (end, -1))
        if i < len(breaks):
            hi = breaks[i][0]
        j = bisect_left(breaks, (start, -1)) - 1
        while j >= 0 and breaks[j][1] > start:
            j -= 1
        if j >= 0:
            lo = breaks[j][1]
        k = self.attribution(end, hi)
        if k is not None:
            hi = k
        while lo < start and text[lo] in _QUOTES:
            lo += 1
        # an attribution before the claim ("Mr Howard says ...") has a cue for one of its words after the first
        # (what the regex reads case-insensitively; a text in ASCII, where lower case is that, needs no regex
        # without one): the regex, case-insensitive over a trie of 715 cues, was a tenth of describe's time
        # (eight words are enough: a longer clause is read from its first 200 characters, or by the regex if a
        # word may be cut there)
        seg = self.low[lo:min(start, lo + 200)]
        words = seg.split(None, 8)
        if self.cues and seg.isascii() and "according" not in seg and (len(words) == 9 or lo + 200 >= start) and \
                self.cues.isdisjoint(words[1:8]):
            m = None
        else:
            m = self.before.match(text, lo, start)
        if m and m.end() <= start:
            lo = m.end()
        m = _LEADING.match(text, lo, start)
        if m and m.end() <= start:
            lo = m.end()
        while lo < start and text[lo] in _QUOTES:
            lo += 1
        while hi > end and text[hi - 1] in _TRIM_END:
            hi -= 1
        return lo, hi

    def period(self, lo: int, hi: int, c: Claim) -> str | None:
        """The time phrase of the clause nearest the claim (after it first, then before), not inside it."""
        periods = self.periods.upto(max(hi, c.end))
        i = bisect_left(periods, (c.end, -1))
        after = periods[i] if i < len(periods) and periods[i][0] < hi else None
        j = bisect_left(periods, (c.start, -1)) - 1
        while j >= 0 and periods[j][1] > c.start:
            j -= 1
        before = periods[j] if j >= 0 and periods[j][0] >= lo else None
        best = after if after and (not before or after[0] - c.end <= 2 * (c.start - before[1])) else before
        return self.text[best[0]:best[1]].rstrip(".") if best else None


class _Spans:
    """The (start, end) of the matches of a ``finditer`` over a sentence, read only as far as asked: a sentence's
    clause breaks and time phrases are needed up to the end of the clause of its last claim, and reading the
    time phrases of the rest of every sentence with a claim was a tenth of the claims stage (BBC corpus)."""

    def __init__(self, matches) -> None:
        self.matches, self.spans, self.done = matches, [], False

    def upto(self, pos: int) -> list[tuple[int, int]]:
        """The spans read so far, holding every one that starts before ``pos`` and, if there is one, the first
        that starts at or after it."""
        spans = self.spans
        if not self.done and (not spans or spans[-1][0] < pos):
            for m in self.matches:
                spans.append((m.start(), m.end()))
                if m.start() >= pos:
                    break
            else:
                self.done = True
        return spans


_JOINED = re.compile(r"(?:(?<!\s)\s+[a-z]+)?(?<!\s)\s+(?:and|or)\s+")


def _share_units(low: str, claims: list[Claim]) -> None:
    """"three transmitting and four receiving antennae": a figure without a unit takes the counted noun of the
    figure joined to it by "and" or "or"."""
    for a, b in zip(claims, claims[1:]):
        if a.kind == b.kind == "quantity" and a.unit is None and b.unit and a.sentence_idx == b.sentence_idx and \
                b.start - a.end < 30 and _JOINED.fullmatch(low, a.end, b.start) and b.unit == b.unit.lower():
            a.unit = b.unit


# -- the same figure twice in one article ---------------------------------------------------------------------------

def _repeats(claims: list[Claim], headline: int | None) -> None:
    """Link a quantity to the first claim of the article that states the same figure: from the headline, or
    with the same measure (a figure not small enough to be a coincidence)."""
    first: dict[tuple, int] = {}
    for i, c in enumerate(claims):
        if c.kind != "quantity" or c.value is None and c.low is None and c.high is None:
            continue
        key = (c.value, c.low, c.high, c.unit)
        j = first.get(key)
        if j is None:
            first[key] = i
            continue
        earlier = claims[j]
        distinctive = c.value is None or c.value >= 100 or c.value != int(c.value) or \
            (c.unit or "").isupper() or c.unit == "percent"
        if earlier.sentence_idx == headline or distinctive and earlier.measure and \
                _norm(earlier.measure) == _norm(c.measure):
            c.repeats = j


def _norm(measure: str | None) -> str:
    return " ".join(w.rstrip("s") for w in (measure or "").lower().split())
