"""Quantity claims: a figure as written, its value, bounds, unit and qualifier.

>>> [(c.text, c.value, c.unit, c.qualifier) for c in find_quantities(
...     "Russia has placed about 100,000 troops on the border.")]
[('about 100,000 troops', 100000.0, 'troops', 'approx')]

One regex scan over the lower-cased text finds candidate figures (digits,
written numbers, vague magnitudes); each candidate is then read in place with
small anchored regexes: the qualifier before it, a range or fraction after
it, the unit, and the context that makes it a date, a time, a name or an
identifier instead of an amount.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from ..model import Claim, Sentence
from .lexicons import lexicons, trie_pattern
from .numbers import read_digits, read_words

DIG = r"\d+(?:[.,]\d+)*"
SCALE_WORDS = ("thousand", "million", "billion", "trillion")
TIME_UNITS = frozenset(("years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries"))
# words of a written number that cannot start one on their own
_FRACTION_HEADS = ("third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth", "fifths", "sixth",
                   "sixths", "eighth", "eighths", "tenth", "tenths", "halves")
# qualifiers that also place a year in time: "below 2005 levels", "after 2010"
_TEMPORAL_QUALIFIERS = frozenset("over above below under past before after since by until".split())
_SHARE_UNITS = frozenset(("percent", "percentage points", "points", "basis points"))
_DETERMINERS = frozenset("the these those all both its their his her our my your whose every each".split())
_CHANGE = re.compile(
    r"\b(?:rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|up|down|increased?|increases|increasing|"
    r"decreased?|decreases|decreasing|jumped|jumps|jump|dropped|drops|drop|climbed|climbs|declined?|declines|"
    r"grew|grow|grows|growing|gained?|gains|slumped|slumps|plunged|plunges|soared|soars|surged|surges|"
    r"tumbled|slid|slipped|edged|cut|raised|lowered|boosted|reduced|shrank|shrunk|expanded?|expands|"
    r"advanced|retreated|lost|added)\s+(?:up\s+|down\s+)?(?:by\s+)?(?:an?\s+)?(?:" + "|".join(
        ("about", "around", "nearly", "almost", "some", "roughly", "more than", "over", "just", "only",
         "less than", "at least")) + r"\s+)?$")


class _Rx:
    """Regexes built from the lexicons (compiled once, on first use)."""

    def __init__(self) -> None:
        lx = lexicons()
        signs = sorted((k for k in lx.currencies if not k.isalpha()), key=len, reverse=True)
        self.cur = "(?:" + "|".join(re.escape(s) for s in signs) + ")"
        number_words = list(lx.number_words) + ["hundred", "thousand", "million", "billion", "trillion"] + \
            list(lx.fractions)
        nw = trie_pattern(number_words)
        word_run = rf"(?:an?\s+)?{nw}(?:(?:-|\s+(?:and\s+)?(?:an?\s+)?){nw})*"
        vague = (r"(?:(?:several|a\s+few|many|a\s+couple\s+of)\s+(?:dozen|hundred|thousand|million|billion)"
                 r"(?![\w-])|(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|hundreds|"
                 r"thousands|millions|billions|trillions|(?:tens|scores)(?=\s+of\b))(?![\w-]))")
        self.candidate = re.compile(
            r"(?P<dec>(?:the\s+)?(?:low|mid|high|upper)[-\s]?(?:[1-9]0s\b|single digits|double digits|teens))"
            rf"|(?<![\w.,/:#@$£€¥₹-])(?P<cur>{self.cur})?\s?(?P<neg>[-−](?=\d))?(?P<dig>{DIG})(?P<att>[a-z%]+)?"
            rf"(?:\s?-?(?P<scw>thousand|million|billion|trillion)(?![\w-]))?(?![\w])"
            rf"|(?<![\w-])(?P<vg>{vague})"
            rf"|(?<![\w-])(?P<wd>{word_run})(?![a-z])")
        # a second figure after a first one: "40,000 and 50,000", "$5-10m", "one to two"
        self.figure = re.compile(
            rf"(?P<cur>{self.cur})?\s?(?P<dig>{DIG})(?P<att>[a-z%]+)?(?:\s?-?(?P<scw>thousand|million|billion|trillion))?"
            rf"(?![\w])|(?P<wd>{word_run})(?![a-z])")
        self.range_link = re.compile(r"\s*(?:(?P<dash>[-–—])|(?P<word>to|and|or|through))\s*")
        qual = sorted(lx.qualifiers, key=len, reverse=True)
        self.qual_before = re.compile(r"(?<![\w-])(?P<q>" + trie_pattern(qual) + r")\s+(?:the\s+)?$")
        self.between = re.compile(r"(?<![\w-])(?:between|from|ranging\s+from|range\s+of|ranges\s+from)\s+$")
        self.mark = re.compile(r"(?<![\w-])(?:past|passed|crossed|topped|tops|top|surpassed|exceeded|broke|"
                               r"breaking|hit|hits|reached)\s+the\s+$")
        after = sorted(lx.qualifiers_after, key=len, reverse=True)
        self.qual_after = re.compile(r"\s*(?P<q>" + "|".join(
            re.escape(a).replace(r"\ ", r"\s+") + (r"(?![\w])" if a[-1].isalpha() else "") for a in after) +
            r")(?!\s+(?:than|of)\b)")
        self.pct = re.compile(r"\s*(?:-\s*)?(?P<u>%|per\s*cent(?:age\s+points?)?\b|percent(?:age[\s-]+points?)?\b|"
                              r"pc\b|pct\b|basis\s+points?\b|bps\b|points?\b|pts\b)")
        cur_words = sorted((k for k in lx.currencies if k.isalpha()), key=len, reverse=True)
        self.cur_word = re.compile(r"\s+(?:of\s+)?(?:us\s+|american\s+|canadian\s+|australian\s+|hong\s+kong\s+)?"
                                   r"(?P<w>" + "|".join(cur_words) + r")(?![\w])")
        units = sorted((k for k in lx.units if k[0].isalpha()), key=len, reverse=True)
        self.unit_word = re.compile(r"\s*-?(?P<w>" + trie_pattern(units) + r")(?![\w-])")
        self.rate = re.compile(
            r"(?:\s+|-)(?:an?|per|each|every|a\s+single)[\s-]+(?:(?P<n>[\w.,]+)\s+)?"
            r"(?P<p>hour|day|week|month|year|annum|quarter|capita|head|person|night|minute|second|decade)s?(?![\w-])")
        self.period = re.compile(
            r"\s+(?:over|in|during|within|across)\s+(?:the\s+)?(?:next\s+|past\s+|last\s+|coming\s+|following\s+|"
            r"first\s+)?(?P<n>\d+|" + nw + r")\s+(?:fiscal\s+|financial\s+|calendar\s+)?"
            r"(?:years|months|weeks|days|quarters|decades)(?![\w-])")
        self.fraction_of = re.compile(
            rf"\s+(?:out\s+)?(?P<k>of|in)\s+(?:every\s+|each\s+)?(?P<cur>{self.cur})?(?P<den>\d+|{nw})(?![\w,.-]|[.,]\d)")
        self.cents_of = re.compile(r"\s+cents?\s+(?:out\s+)?of\s+(?:each|every|a)\s+dollar\b")
        self.ratio = re.compile(r"(?:\s+to\s+|-to-|:)(?P<d>1|one)(?![\w.,])")
        self.next_words = re.compile(r"((?:[\s\"“”]+[^\s,;:.()\[\]\"“”!?…—–]+|\s*[-–](?=\s)){1,7})")
        self.time = re.compile(r"(?:\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o['’]clock|gmt\b|bst\b|edt\b|est\b|et\b|e\.t\.|"
                               r"pt\b|cet\b|utc\b)|:\d\d)")
        self.phone = re.compile(r"(?:[-.\s]\d{2,4}){2,}|\)\s?\d{3}[-.\s]\d{4}")
        self.age_after = re.compile(r"(?:\s*-\s*|\s+)(?:years?|yrs?)[\s-]+old|\s*-\s*(?:and|to)\s*-?\s*\d+[\s-]+years?[\s-]+old")
        self.rel_time_after = re.compile(r"\s+(?:ago|later|earlier|after|before|hence|from\s+now|on\b|since|"
                                         r"into|prior|previously|beforehand|running|in\s+a\s+row|back)")
        self.rel_time_before = re.compile(r"(?<![\w-])(?:next|past|last|coming|previous|following|first|final|"
                                          r"recent|within|in|over\s+the\s+next|for\s+the\s+next|the\s+next|"
                                          r"the\s+past|the\s+last|the\s+first|another|few|upcoming)\s+$")
        self.score_words = re.compile(r"\s+(?:win|victory|defeat|loss|lead|draw|decision|ruling|vote|split|"
                                      r"majority|verdict|scoreline|home|away|aggregate|thrashing|drubbing|triumph)")
        self.half_follow = re.compile(r"\s+(?:of|the|a|an|their|its|his|her|our|my|your|those|these|all|that|this)\b")
        self.fraction_follow = re.compile(r"\s*(?:$|[,.;:)!?—–]|\s(?:of|from|since|in|on|than|to|and|or|"
                                          r"between|over|compared|as|last|this|after|before|for|at)\b)")
        self.compound = re.compile(r"-(?P<w>[a-z]+)(?:-(?P<w2>[a-z]+))?")
        self.half_century = re.compile(r"(?:half|quarter)[\s-]+(?:century|decade)")
        self.prev_word = re.compile(r"(?P<w>[^\s(\[\"“‘']+)\s*$")
        self.date_tail = re.compile(
            r"(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and|through|until|till)\s*(?:(?P<m>[a-z]+)\.?\s+)?\d{1,2}(?:st|nd|rd|th)?\b)?"
            r"(?:,?\s+\d{4}\b)?")
        self.cap_identifier = re.compile(r"(?:^|[\s(])(?P<w>[A-Z][\w&.'’-]*)\s+$")


@cache
def rx() -> _Rx:
    return _Rx()


_NONSPACE = re.compile(r"\S+")


def _plural(word: str) -> bool:
    lx = lexicons()
    w = word.lower().rstrip("'’")
    if w in lx.plural_nouns:
        return True
    return (len(w) > 2 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous", "'s", "’s"))
            and w not in lx.not_plural and w.isascii() and w.replace("-", "").isalpha())


def find_quantities(text: str, sentences: list[Sentence] | None = None) -> list[Claim]:
    """Quantity claims in ``text`` (outside boilerplate sentences), in text order."""
    if sentences is None:
        sentences = [Sentence(0, 0, len(text), text, 0)]
    low = text.lower()
    if len(low) != len(text):            # a rare character changes length when lower-cased
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return _Scanner(text, low, sentences).run()


class _Scanner:
    def __init__(self, text: str, low: str, sentences: list[Sentence]) -> None:
        self.text, self.low, self.sentences = text, low, sentences
        self.starts = [s.start for s in sentences]
        self.claims: list[Claim] = []
        self.lx, self.rx = lexicons(), rx()

    # -- the scan ------------------------------------------------------------------------
    def run(self) -> list[Claim]:
        low, sentences = self.low, self.sentences
        consumed = 0
        for m in self.rx.candidate.finditer(low):
            s = m.start()
            if s < consumed:
                continue
            i = bisect_right(self.starts, s) - 1
            if i < 0 or s >= sentences[i].end or sentences[i].boilerplate:
                continue
            sent = sentences[i]
            claim = self.read(m, sent)
            if claim is not None:
                if isinstance(claim, int):       # a skipped stretch (a date range, a score)
                    consumed = claim
                    continue
                if claim.end > sent.end:
                    continue
                consumed = claim.end
                self.claims.append(claim)
        return self.claims

    def read(self, m: re.Match, sent: Sentence) -> Claim | int | None:
        if m.group("dig") is not None:
            return self.read_digits(m, sent)
        if m.group("wd") is not None:
            return self.read_words(m, sent)
        if m.group("vg") is not None:
            return self.read_vague(m.group("vg"), m.start(), m.end(), sent)
        return self.read_decade(m, sent)

    # -- context helpers -----------------------------------------------------------------
    def prev_word(self, s: int, sent: Sentence) -> str:
        m = self.rx.prev_word.search(self.low, max(sent.start, s - 30), s)
        return m.group("w").rstrip(",") if m else ""

    def qualifier_before(self, s: int, sent: Sentence) -> tuple[str | None, int]:
        """(qualifier, start of the qualifier phrase) for the words before ``s``."""
        lo = max(sent.start, s - 40)
        m = self.rx.qual_before.search(self.low, lo, s)
        if m:
            q = re.sub(r"\s+", " ", m.group("q"))
            return self.lx.qualifiers[q], m.start()
        m = self.rx.mark.search(self.low, lo, s)
        if m:
            return "lower_bound", m.start()
        return None, s

    def is_identifier(self, s: int, sent: Sentence, prev: str) -> bool:
        """"No 10", "Section 230", "Apollo 11", "World War Two": a name, not an amount."""
        if prev in self.lx.identifier_words or prev.rstrip(".") in self.lx.identifier_words:
            return True
        if prev in ("no", "no.") and self.text[s - len(prev) - 1:s].lstrip()[:1] == "N":
            return True
        m = self.rx.cap_identifier.search(self.text, max(sent.start, s - 30), s)
        if m and m.start("w") > sent.start:
            # a capitalised word inside the sentence (not its first word) names something
            before = self.text[sent.start:m.start("w")].strip(" \"“‘'([")
            word = m.group("w").lower()
            if before and word not in self.lx.qualifiers and word not in self.lx.stop_words \
                    and word.rstrip(".") not in self.lx.months:
                return True
        return False

    def unit_after(self, e: int, sent: Sentence, vague: bool = False):
        """(unit, end of the unit word) for the noun phrase after a figure ending at ``e``.

        The counted noun is the first plural noun before a stop word, skipping
        adjectives ("100,000 Russian troops"), a hyphenated first half ("coal- and
        gas-fired plants") and a figure used as an adjective ("$12-an-hour workers").
        """
        m = self.rx.next_words.match(self.text, e, sent.end)
        if not m:
            return None, e
        lx = self.lx
        skip_of = vague
        dangling = False
        first = True
        caps: list | None = []          # "six Orthodox", "one Greek Orthodox": proper nouns only
        figure = False                  # a figure was skipped: the span stops before it
        for t in _NONSPACE.finditer(m.group(1)):
            w = t.group().strip("\"“”‘’'")
            lw = w.lower()
            we = e + t.end()
            if not lw or lw in ("-", "–"):
                break
            if skip_of and lw == "of" and first:
                skip_of = False
                continue
            if dangling and lw in ("and", "or", "to"):
                dangling = False
                continue
            if lw.endswith("-") and len(lw) > 1:
                dangling = True
                first = False
                caps = None
                continue
            if lw in lx.stop_words:
                break
            if lw[0].isdigit() or lw[0] in "$£€":
                if vague and not first:
                    break
                first = False
                caps = None
                figure = True
                continue
            if _plural(lw):
                return w.rstrip("'’"), e if figure else we
            unit = lx.units.get(lw)
            if unit and first:
                return unit, we
            if caps is not None and w[0].isupper() and w.isalpha():
                caps.append((w, we))
            else:
                caps = None
            first = False
        if caps:
            return caps[-1]
        return None, e

    def inherit_unit(self, sent: Sentence, value: float | None) -> str | None:
        """An elided unit: "thousands of shootings, thousands since" -> shootings."""
        for c in reversed(self.claims):
            if c.sentence_idx != sent.idx:
                break
            if not c.unit or c.unit in ("fraction", "ratio"):
                continue
            if c.unit in _SHARE_UNITS and value is not None and value > 100:
                continue
            return c.unit
        return None

    # -- readers -------------------------------------------------------------------------
    def read_digits(self, m: re.Match, sent: Sentence):
        low, text, rx, lx = self.low, self.text, self.rx, self.lx
        s, e = m.start(), m.end()
        dig, att, cur, scw = m.group("dig"), m.group("att"), m.group("cur"), m.group("scw")
        flags: list[str] = []
        unit = None
        if cur:
            unit = lx.currencies[cur]
        mult = 1.0
        if att:
            if att in lx.scales and (cur or att in ("bn", "tn", "mn", "mln", "trn")):
                mult = lx.scales[att]
            elif att in ("m", "k") and not cur:
                # "5m people", "2m euros": a million; "the 100m" is a race
                nxt = self.unit_after(e, sent)[0] or (rx.cur_word.match(low, e) and "cur")
                if not nxt:
                    return None
                mult = lx.scales[att]
            elif att == "%":
                unit = "percent"
            elif att in lx.units and att not in ("s", "l", "g", "c", "f", "am", "pm"):
                unit = lx.units[att]
            elif att in ("c", "f") and re.match(r"\s", low[e:e + 1] or " "):
                unit = lx.units[att]
            else:
                return None                     # 1st, 1990s, 9am, 2px, 4G: not an amount
        if scw:
            mult *= lx.scales[scw]
        raw_digits = dig
        plain = dig.isdigit()
        nxt = low[e:e + 1]
        # identifiers, times, phone numbers, dates
        if rx.time.match(low, e) and not cur and not att:
            return None
        if nxt in "/" and low[e + 1:e + 2].isdigit():
            return self.read_slash(m, sent)
        if plain and not cur and not att and rx.phone.match(low, e):
            ph = rx.phone.match(low, e)
            if low[e:e + 1] != " " or ph.group().count(" ") < 2 or len(dig) <= 4:
                return ph.end() if (low[e:e + 1] in "-.)" or len(dig) == 3 and low[e:e + 1] == " ") else None
        if plain and (len(dig) >= 7 or len(dig) > 1 and dig[0] == "0"):
            return None
        prev = self.prev_word(m.start(), sent)
        if prev.rstrip(".,") in lx.months and plain and len(dig) <= 2 and "," not in low[s - 2:s]:
            d = rx.date_tail.match(low, e)
            return d.end() if d else e
        nm = re.match(r"\s+([a-z]+)", low[e:e + 12])
        if plain and len(dig) <= 2 and nm and nm.group(1).rstrip(".") in lx.months and not cur:
            d = re.match(r"\s+[a-z]+\.?(?:,?\s+\d{4}\b)?", low[e:e + 25])
            return e + d.end()
        qual, qs = self.qualifier_before(s, sent)
        # years: 1800-2099 written plainly, without a qualifier, currency or unit
        if plain and len(dig) == 4 and 1800 <= int(dig) <= 2099 and not cur and not scw and \
                (not qual or self.low[qs:s].split()[0] in _TEMPORAL_QUALIFIERS):
            if not rx.pct.match(low, e):
                return None
        if not cur and not qual and self.is_identifier(s, sent, prev):
            if not (rx.pct.match(low, e) or scw or att):
                return None
        if rx.age_after.match(low, e) or prev in ("aged", "age", "ages") or \
                re.search(r"\bages? of\s+$|\bages\s+$", low[max(0, s - 15):s]):
            return self.skip_range(e)
        if plain and not cur and low[e:e + 1] == "-" and low[e + 1:e + 2].isdigit():
            # "5-4 decision", "3-1 win": a score or vote split, not a range
            r = re.match(r"-(\d+)(?![\w.,])", low[e:e + 8])
            if r and int(r.group(1)) <= int(dig.replace(",", "")) and int(dig) < 300:
                return e + r.end()
        value = read_digits(dig)
        if value is None:
            flags.append("malformed_number")
        elif m.group("neg"):
            value = -value
        if value is not None:
            value *= mult
        num_start = s
        return self.finish(sent, s, num_start, e, value, raw=text[s:e], unit=unit, qual=qual, qs=qs,
                           flags=flags, has_scale=mult != 1.0, cur=cur, digits=True, prev=prev)

    def read_slash(self, m: re.Match, sent: Sentence):
        low = self.low
        s, e = m.start(), m.end()
        f = re.match(r"/(\d+)(?![\w/.,]|/)", low[e:e + 6])
        dig = m.group("dig")
        if not f or not dig.isdigit() or m.group("cur"):
            return e + (f.end() if f else 0)
        num, den = int(dig), int(f.group(1))
        if num >= den or den not in (2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 32, 50, 64, 100):
            return e + f.end()
        value = num / den
        qual, qs = self.qualifier_before(s, sent)
        return self.finish(sent, s, s, e + f.end(), value, raw=self.text[s:e + f.end()], unit=None, qual=qual,
                           qs=qs, flags=[], has_scale=False, cur=None, digits=True, prev="", fraction=True)

    def skip_range(self, e: int) -> int:
        r = re.match(r"(?:\s*(?:-|–|to|and)\s*\d+)?(?:[\s-]+years?[\s-]+old|-year)?", self.low[e:e + 30])
        return e + (r.end() if r else 0)

    def read_words(self, m: re.Match, sent: Sentence):
        low, text, rx, lx = self.low, self.text, self.rx, self.lx
        s, e = m.start(), m.end()
        raw_words = m.group("wd")
        tokens = re.findall(r"[a-z]+", raw_words)
        if tokens[0] in ("a", "an") and len(tokens) > 1 and tokens[1] in ("half", "quarter") and \
                rx.half_century.match(low, s + len(tokens[0]) + 1):
            # "a half-century" -> 50 years
            h = rx.half_century.match(low, s + len(tokens[0]) + 1)
            years = 50.0 if tokens[1] == "half" else 25.0
            if "decade" in h.group():
                years /= 10
            qual, qs = self.qualifier_before(s, sent)
            return self.finish(sent, s, s, h.end(), years, raw=text[s:h.end()], unit="years", qual=qual, qs=qs,
                               flags=[], has_scale=False, cur=None, digits=False, prev="", final_unit=True)
        lead = tokens[0] in ("a", "an")
        head = tokens[1] if lead else tokens[0]
        compound_unit = compound_end = None
        if rx.half_century.match(low, s) and not lead:
            return None
        value = read_words(raw_words)
        if value is None and lead and tokens[1:]:
            s = s + len(re.match(r"an?\s+", raw_words).group())
            raw_words, tokens, lead = raw_words[s - m.start():], tokens[1:], False
            head = tokens[0]
            value = read_words(raw_words)
        if value is None:
            return None
        prev = self.prev_word(s, sent)
        nxt = low[e:e + 1]
        is_fraction = any(t in lx.fractions for t in tokens) and not any(t in SCALE_WORDS for t in tokens)
        if head in _FRACTION_HEADS and not lead:
            return None                              # "third quarter", "fifth year": ordinals
        if nxt == "-" and not low.startswith(("-and", "-or"), e):
            c = rx.compound.match(low, e)
            w = c.group("w") if c else ""
            if w == "year" and c.group("w2") == "old" or w in ("year", "years") and low.startswith("-old", c.end()):
                return self.skip_range(e)
            if w not in lx.units or w in ("s", "l", "g", "c", "f"):
                return None                          # "one-term", "two-way", "half-frozen"
            compound_unit, compound_end = lx.units[w], c.end("w")
        if lead and not (is_fraction or any(t in SCALE_WORDS or t in ("hundred", "dozen") for t in tokens)):
            # "a ten-point lead": the article belongs to the noun phrase, not the number
            s = s + len(re.match(r"an?\s+", raw_words).group())
            raw_words, tokens, lead = raw_words[s - m.start():], tokens[1:], False
        qual, qs = self.qualifier_before(s, sent)
        if prev in ("first", "second", "last", "final", "next", "the", "its", "his", "her", "their") and \
                head in ("half", "quarter"):
            return None
        if head == "half" and not lead and not qual:
            if not (rx.half_follow.match(low, e) or rx.fraction_follow.match(low, e) and prev in ("by", "than", "to")):
                if not rx.fraction_of.match(low, e):
                    return None
        if is_fraction and head not in ("half",) and not rx.fraction_follow.match(low, e) and \
                not rx.pct.match(low, e) and not rx.unit_word.match(low, e):
            return None                              # "a third term"
        if not qual and prev in _DETERMINERS and value <= 10 and not is_fraction and \
                not re.match(r"\s+(?:most|least|top|[a-z]+est)\b", low[e:e + 20]):
            return None                              # "the two countries", "all four candidates"
        if self.is_identifier(s, sent, prev) and not rx.pct.match(low, e):
            return None
        if tokens == ["one"] and not qual:
            # "one" is mostly a pronoun or article ("one of the", "one study"); count it
            # only in an enumeration of figures ("14 Catholics, six Orthodox and one Greek")
            if not self.claims or self.claims[-1].sentence_idx != sent.idx or \
                    not re.fullmatch(r"[\s,;]*(?:and\s+|or\s+)?", low[self.claims[-1].end:s]):
                if not (rx.pct.match(low, e) or rx.fraction_of.match(low, e) or rx.range_link.match(low, e)
                        and rx.figure.match(low, rx.range_link.match(low, e).end())):
                    return None
        if compound_unit:
            return self.make(sent, qs, compound_end, text[s:e], value, compound_unit, qual, [])
        return self.finish(sent, s, s, e, value, raw=text[s:e], unit=None, qual=qual, qs=qs, flags=[],
                           has_scale=any(t in SCALE_WORDS for t in tokens), cur=None, digits=False, prev=prev,
                           fraction=is_fraction)

    def read_vague(self, phrase: str, s: int, e: int, sent: Sentence, qual=None, qs=None):
        lx, low = self.lx, self.low
        words = re.sub(r"\s+", " ", phrase).split(" ")
        lo = hi = None
        if words[0] in ("several", "many") or " ".join(words[:2]) in ("a few", "a couple"):
            k = "a few" if words[0] == "a" and words[1] == "few" else "a couple of" if words[0] == "a" else words[0]
            base = lx.vague.get(k, (2.0, 9.0)) if k != "many" else (2.0, 9.0)
            mult = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9}[words[-1]]
            lo, hi = base[0] * mult, base[1] * mult
        elif len(words) == 3:
            head = lx.vague[words[0]]
            mult = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}[words[2]]
            lo, hi = head[0] * mult, head[1] * mult
        else:
            w = words[0]
            if w in ("tens", "scores"):
                # "tens of" needs its scale from what follows
                if w == "tens":
                    return None
            lo, hi = lx.vague[w]
        prev = self.prev_word(s, sent)
        if prev in ("the", "of") and words[0] in ("hundreds", "thousands", "millions") and \
                not re.match(r"\s+of\b", low[e:e + 4]):
            pass
        if qual is None:
            qual, qs = self.qualifier_before(s, sent)
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
        q = "vague"
        c = Claim(kind="quantity", text=self.text[qs:end], start=qs, end=end, sentence_idx=sent.idx,
                  raw_number=raw, value=None, low=lo, high=hi, unit=unit, qualifier=q)
        if qual in ("lower_bound",):
            c.high = None
        elif qual in ("upper_bound", "near_lower"):
            c.low = None
        return c

    def read_decade(self, m: re.Match, sent: Sentence):
        """"the mid-30s", "the low-50s", "low single digits": a vague level."""
        g = m.group("dec")
        s, e = m.start(), m.end()
        d = re.search(r"([1-9]0)s", g)
        kind = re.search(r"low|mid|high|upper", g).group()
        if d:
            base = int(d.group(1))
        elif "single" in g:
            base = 0
        elif "double" in g:
            return None
        else:
            base = 10
        span = {"low": (0, 3), "mid": (3, 7), "high": (7, 9), "upper": (7, 9)}[kind]
        lo, hi = base + span[0], base + span[1]
        if base == 0:
            lo, hi = max(lo, 1), hi + 1
        unit = "percent" if re.match(r"\s*(?:%|percent|per cent)", self.low[e:e + 10]) else None
        if not unit:
            unit = self.inherit_unit(sent, None) or "percent"
        return Claim(kind="quantity", text=self.text[s:e], start=s, end=e, sentence_idx=sent.idx,
                     raw_number=self.text[s:e].removeprefix("the ").removeprefix("The "), value=None,
                     low=float(lo), high=float(hi), unit=unit, qualifier="vague")

    # -- after the figure ----------------------------------------------------------------
    def finish(self, sent, s, num_start, e, value, raw, unit, qual, qs, flags, has_scale, cur, digits, prev,
               fraction=False, final_unit=False):
        low, text, rx, lx = self.low, self.text, self.rx, self.lx
        end = e
        low_v = high_v = value
        # "eight of 10", "one in five", "$4 of every $5", "37 cents out of each dollar"
        if not cur and not has_scale and value is not None:
            cm = rx.cents_of.match(low, e)
            if cm:
                value = value / 100
                return self.make(sent, qs, cm.end(), text[num_start:cm.end()], value, "fraction", qual, flags)
        fo = rx.fraction_of.match(low, e) if value is not None and not fraction else None
        if fo and (fo.group("cur") or "") == (cur or "") and not has_scale:
            den = read_digits(fo.group("den")) if fo.group("den")[0].isdigit() else read_words(fo.group("den"))
            if den and value < den and den <= 1000 and (den < 1800 or den > 2099) and \
                    (fo.group("k") == "of" or value <= 10):
                value = value / den
                return self.make(sent, qs, fo.end(), text[num_start:fo.end()], value, "fraction", qual, flags)
        if fraction and value is not None:
            # "half of 1 percent" -> 0.5 percent; "half a percentage point" -> 0.5 points
            fm = re.match(rf"\s+of\s+(?P<n>{DIG}|one)(?P<p>\s*(?:%|percent|per cent))", low[e:e + 30])
            if fm:
                n = 1.0 if fm.group("n") == "one" else read_digits(fm.group("n"))
                if n is not None:
                    return self.make(sent, qs, e + fm.end(), text[num_start:e + fm.end()], value * n, "percent",
                                     qual, flags)
            um = rx.pct.match(low, e) or rx.unit_word.match(low, e)
            if um and low[e:e + 1] == " ":
                u = um.group(um.lastgroup or 0).strip()
                return self.make(sent, qs, um.end(), text[num_start:um.end()], value, self.norm_unit(u), qual, flags)
            if re.match(r"\s+an?\s", low[e:e + 4]):
                um2 = rx.pct.match(low, e + len(re.match(r"\s+an?", low[e:]).group()))
                if um2:
                    return self.make(sent, qs, um2.end(), text[num_start:um2.end()], value,
                                     self.norm_unit(um2.group("u")), qual, flags)
            return self.make(sent, qs, e, text[num_start:e], value, "fraction", qual, flags)
        # ratio: "a 3 to 1 margin"
        ra = rx.ratio.match(low, e)
        if ra and value is not None and not cur and value > 1:
            return self.make(sent, qs, ra.end(), text[num_start:ra.end()], value, "ratio", qual, flags)
        # unit written right after the figure: %, percent, points, currency words, km...
        if not unit:
            pm = rx.pct.match(low, e)
            if pm:
                unit = self.norm_unit(pm.group("u"))
                end = pm.end()
            else:
                cw = rx.cur_word.match(low, e)
                if cw and not re.match(r"\s+(?:of\s+)?(?:pounds?|dollars?)\s+(?:of|in)\b", low[e:e + 25]) or \
                        cw and cw.group("w") not in ("pound", "pounds"):
                    unit = lx.currencies[cw.group("w")]
                    end = cw.end()
        # a range: "between 40,000 and 50,000", "$35,000 to $60,000", "one to two years", "40-50"
        lm = rx.range_link.match(low, end)
        if lm and value is not None:
            fm = rx.figure.match(low, lm.end())
            if fm:
                r = self.read_range(sent, s, num_start, end, value, unit, cur, has_scale, qual, qs, lm, fm, flags,
                                    digits)
                if r is not None:
                    return r
        # post-posed bounds: "$100,000 or more", "$200 or less"
        am = rx.qual_after.match(low, end)
        if am:
            q = re.sub(r"\s+", " ", am.group("q"))
            qa = lx.qualifiers_after.get(q)
            if qa and (q not in ("plus", "+", "-plus") or not unit or unit == "percent" or cur):
                if q == "+" and low[am.end():am.end() + 1].isdigit():
                    qa = None
                if qa:
                    qual = qa
                    end = am.end()
        # rates: "$12 an hour", "$12-an-hour", "$500 every three months"
        if unit or cur:
            rt = rx.rate.match(low, end)
            if rt and (rt.group("n") is None or rt.group("n") and (rt.group("n")[0].isdigit()
                                                                  or read_words(rt.group("n")) is not None)):
                per = rt.group("p") + ("s" if rt.group("n") else "")
                unit = f"{unit} per {(rt.group('n') + ' ') if rt.group('n') else ''}{per}" if unit else unit
                end = rt.end()
            pd = rx.period.match(low, end)
            if pd:
                unit = f"{unit} over {text[pd.start('n'):pd.end()].strip()}" if unit else unit
                end = pd.end()
        # the counted noun: "100,000 Russian troops"
        if not unit and not final_unit:
            u, uend = self.unit_after(end, sent)
            if u:
                unit = u
                if uend - end < 40:
                    end = uend
        if not unit:
            # "Nearly 1,500 coal- and gas-fired power plants": a hyphenated modifier first
            u = None
            if low[end:end + 1] == " " and re.match(r"\s+[a-z]+-\s+(?:and|or)\s", low[end:end + 25]):
                u, _ = self.unit_after(end, sent)
            if u:
                unit = u
        # time frames and relative times are not claims: "in the next two weeks", "two years later"
        if unit in TIME_UNITS:
            if rx.rel_time_after.match(low, end):
                return None
            before = self.low[max(sent.start, qs - 30):qs]
            if rx.rel_time_before.search(before) and not qual:
                # a period attached to the previous figure: "$374 billion over 10 years"
                return None
        if not unit:
            unit = self.inherit_unit(sent, value)
        if value is not None and _CHANGE.search(low, max(sent.start, qs - 40), qs):
            flags = flags + ["change"]
        return self.make(sent, qs, end, raw, value, unit, qual, flags)

    def read_range(self, sent, s, num_start, end, value, unit, cur, has_scale, qual, qs, lm, fm, flags, digits):
        low, text, rx, lx = self.low, self.text, self.rx, self.lx
        link = lm.group("dash") or lm.group("word")
        if fm.group("dig") is not None:
            d2 = fm.group("dig")
            v2 = read_digits(d2)
            att2, scw2 = fm.group("att"), fm.group("scw")
            mult2 = 1.0
            if att2:
                if att2 in lx.scales:
                    mult2 = lx.scales[att2]
                elif att2 == "%":
                    pass
                else:
                    return None
            if scw2:
                mult2 *= lx.scales[scw2]
            if len(d2) == 4 and d2.isdigit() and 1800 <= int(d2) <= 2099 and not fm.group("cur"):
                return None
            cur2 = fm.group("cur")
        else:
            v2 = read_words(fm.group("wd"))
            mult2 = 1.0
            toks = fm.group("wd").split()
            if any(t in SCALE_WORDS for t in toks):
                mult2 = 1.0
            cur2 = None
            att2 = None
        if v2 is None:
            return None
        v2 *= mult2 if fm.group("dig") is not None else 1.0
        between = rx.between.search(low, max(sent.start, qs - 25), qs) if True else None
        if link == "and" and not between:
            return None
        if link == "or" and (value >= v2 or unit == "percent"):
            return None
        if link in ("to", "through") and not between and qual:
            return None
        lo_v = value
        if mult2 != 1.0 and not has_scale and value < v2 / mult2 * 1000:
            lo_v = value * mult2                 # "$5-10m", "1 to 2 million"
        if lo_v >= v2:
            return None                          # "46 percent to 42 percent": two figures, not a range
        if link in ("to", "through") and not between and _CHANGE.search(low, max(sent.start, qs - 40), qs):
            return None
        if link in ("to", "through") and re.search(r"\bfrom\s+$", low[max(sent.start, qs - 12):qs]) and \
                _CHANGE.search(low, max(sent.start, qs - 60), max(sent.start, qs - 5)):
            return None
        end2 = fm.end()
        u2 = None
        if att2 == "%":
            u2 = "percent"
        pm = rx.pct.match(low, end2)
        if pm:
            u2, end2 = self.norm_unit(pm.group("u")), pm.end()
        else:
            cw = rx.cur_word.match(low, end2)
            if cw:
                u2, end2 = lx.currencies[cw.group("w")], cw.end()
        if unit and u2 and unit != u2:
            return None                          # "by 0.1 percentage points to 4.2 percent"
        unit = unit or u2 or (lx.currencies[cur2] if cur2 else None)
        raw = text[num_start:end2]
        if digits and between is None and link in ("-", "–", "—") and not unit:
            pass
        endq = end2
        if unit:
            rt = rx.rate.match(low, endq)
            if rt:
                unit = f"{unit} per {(rt.group('n') + ' ') if rt.group('n') else ''}{rt.group('p')}" + \
                       ("s" if rt.group("n") else "")
                endq = rt.end()
        else:
            u, uend = self.unit_after(end2, sent)
            if u:
                unit, endq = u, uend
        if unit in TIME_UNITS and self.rx.rel_time_after.match(low, endq):
            return None
        start = between.start() if between else qs
        if not unit:
            unit = self.inherit_unit(sent, v2)
        return Claim(kind="quantity", text=text[start:endq], start=start, end=endq, sentence_idx=sent.idx,
                     raw_number=raw, value=None, low=lo_v, high=v2, unit=unit, qualifier="range", flags=flags)

    def norm_unit(self, u: str) -> str:
        u = re.sub(r"[\s-]+", " ", u.strip().lower())
        return self.lx.units.get(u, u)

    def make(self, sent, start, end, raw, value, unit, qual, flags) -> Claim:
        qual = qual or "exact"
        low_v = high_v = value
        if value is None:
            low_v = high_v = None
        elif qual == "lower_bound":
            high_v = None
        elif qual in ("upper_bound", "near_lower"):
            low_v = None
        return Claim(kind="quantity", text=self.text[start:end], start=start, end=end, sentence_idx=sent.idx,
                     raw_number=raw.strip(), value=value, low=low_v, high=high_v, unit=unit, qualifier=qual,
                     flags=list(flags))
