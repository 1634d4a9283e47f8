"""Reading a figure where it stands: in digits ("$1.2bn", "12,500", "40%", "2 1/2") or in words ("twenty-one",
"half a million", "a seven-figure sum").

>>> from tracker.claims import find_claims
>>> [(c.text, c.raw_number, c.value, c.flags) for c in find_claims(
...     "Russia has about 100,00 troops and twenty-one ships, worth $1.2bn.", None)]
[('about 100,00 troops', '100,00', None, ['malformed_number']), ('twenty-one ships', 'twenty-one', 21.0, []), \
('$1.2bn', '$1.2bn', 1200000000.0, [])]

Each reader takes a figure found by ``anchors`` and returns its claim, None,
or the end of a stretch to skip (a date, a phone number, a score). The
figure's value is read as written by ``numbers`` ("100,00" keeps a null
value and the flag ``malformed_number``: a tracker never invents a
figure); its qualifier comes from the words before it (``qualifiers``),
its unit from the words after it (``after``), and ``not_quantities`` rules
out what only looks like an amount.

Letters glued to digits are read here: scales ("$5m", "5bn", "2.5million":
commit 3050b44), units ("40km"), pence ("1130p"), races ("the 100m", "400m
runners": commit 79348f6); anything else glued ("1st", "9am", "2px",
"4G") is no amount. A scaled figure is rounded to 15 significant digits
(£8.2bn read as 8199999999.999999 before commit 9feb2e7).

Written numbers: "one" is mostly a pronoun or an article ("one of the",
"one study"), so it counts only before a scale, a unit or a share, after a
qualifier, or in an enumeration of figures ("14 Catholics, six Orthodox and
one Greek"); "half" and "a third" need a numerator or what they divide
("a third term" is an ordinal); "the two countries" refers to known things
and counts nothing.
"""
from __future__ import annotations

import re

from .. import lexicon
from ..model import Claim, Sentence
from . import comparisons
from . import not_quantities as nq
from .after import FRACTION_OF, LEVEL_AFTER, finish
from .lexicons import DIG, SCALE_WORDS, lexicons, word_list, written_number_pattern
from .numbers import read_digits, read_words as value_of_words
from .qualifiers import QUAL_LAST, RANGE_END, RANGE_LINK, qualifier, read_decade, read_vague
from .units import COMPOUND, CUR_WORD, CURRENCY_SIGNS, PCT, UNIT_WORD, currency_before, unit_after

# fraction words but "half" (data/claims/fractions.txt): ordinals too, they need a numerator ("a third",
# "two-fifths"; "third quarter" is none)
FRACTION_HEADS = frozenset(lexicons().fractions) - {"half"}
# "the two countries", "all four candidates": a reference to known things, not a count
DETERMINERS = frozenset("the these those all both its their his her our my your whose every each".split())
_STRIP = "([{\"“‘'’”)]},;:"
_SCALE_HEADS = frozenset(("hundred", "thousand", "million", "billion", "trillion", "dozen"))
_RACE_DISTANCES = word_list("race_distances")
_RACE_WORDS = tuple(" " + w for w in word_list("race_words"))
# after a race distance, words that make it the name of an event ("the 200m champion", "the 400m final")
_EVENT_WORDS = tuple(" " + w for w in word_list("event_words"))
# after "Nm" with no currency, words that make it metres, not millions: a dimension adjective ("300m tall"), a
# rate in time ("20m per second", "500m a minute"; "20m/s" is read by _PER_TIME_GLUED)
_METRE_AFTER = re.compile(r"(?<!\s)\s+(?:" + "|".join(lexicon.mapping("claims/dimension_adjectives.txt")) + r"|"
                          r"(?:per|a|an|every)\s+(?:second|minute|hour))(?![\w-])")
# units read only glued to their figure: spaced, "5 in 10" is a share and "st" an abbreviation
_GLUED_ONLY = {"in": "inches", "ins": "inches", "st": "stone"}
_PER_TIME = {"s": "second", "sec": "second", "min": "minute", "h": "hour"}
_PER_TIME_GLUED = re.compile(r"/(s|sec|min|h)(?![\w/])")
_ONE_OK = (" hundred", " thousand", " million", " billion", " trillion", " and a half", "-", " in ", " out of ",
           " percent", " per cent", "%", " to ", " or ", " dozen", " quarter", " third", " fourth", " fifth",
           " sixth", " eighth", " tenth", " half", " point ", " point.", " point,", " percentage", " year", " month",
           " week", " hour", " minute", " mile", " dollar", " pound", " euro", " vote", " seat")
_ONE_NOT = (" of ", " day", " thing", " way", " time", " another", " man ", " woman ", " person ",
            " side", " more", " who", " which", " that", " is ", " was ", " has ", " had ", " can ", " could ",
            " would ", " will ", " might ", " should ", " must ", "'s", "’s", " does", " did", ",", ".", " another")
# "cut the fee in half", "split it in half"
_HALVING = lexicons().change_words | lexicons().change_by_words | {"split", "splits", "splitting"}
_ENUMERATION_GAP = re.compile(r"[\s,;]*(?:and\s+|or\s+)?")
_DEGREES = re.compile(r"°(?: ?[cf](?![a-z]))?")
_MIXED_FRACTION = re.compile(r" (\d)/(\d{1,2})(?![\w/])")
_SLASH = re.compile(r"/(\d+)(?![\w/.,]|/)")
DIGIT = re.compile(rf"(?P<dig>{DIG})(?P<att>[a-z%]+)?(?:\s?-?(?P<scw>thousand|million|billion|"
                   rf"trillion)(?![\w-]))?")
_WORD_RUN = re.compile(rf"{written_number_pattern()}(?![a-z])")
_HALF_CENTURY = re.compile(r"(?:half|quarter)[\s-]+(?:century|decade)")
_HALF_FOLLOW = re.compile(r"(?<!\s)\s+(?:of|the|a|an|their|its|his|her|our|my|your|those|these|all|that|this)\b")
_FRACTION_FOLLOW = re.compile(r"\s*(?:$|[,.;:)!?—–]|\s(?:of|from|since|in|on|than|to|and|or|"
                              r"between|over|compared|as|last|this|after|before|for|at)\b)")
_SUPERLATIVE_NEXT = re.compile(r"(?<!\s)\s+(?:most|least|top|biggest|largest|smallest|highest|lowest|best|"
                               r"worst|[a-z]+est)\b")


def read_figure(sc, s: int, sent: Sentence):
    """The claim of the figure in digits found at ``s``, None, or the end of a stretch to skip."""
    low, text, lx = sc.low, sc.text, sc.lx
    cur, fs = None, s                       # fs: the start of the figure with its currency sign
    if low[s] in CURRENCY_SIGNS or s > 1 and low[s - 1] == " " and low[s - 2] in CURRENCY_SIGNS:
        sign = currency_before(low, s)
        if sign is None:
            return None
        cur, fs, s = sign
    m = DIGIT.match(low, s)
    if not m:
        return None
    dig, att, scw = m.group("dig"), m.group("att"), m.group("scw")
    e = m.end()
    neg = False
    if fs > 0 and low[fs - 1] != " ":
        c = low[fs - 1]
        if c in "-−" and att == "s" and len(dig) == 2 and dig[1] == "0" and fs > 1 and low[fs - 2].isalnum():
            return read_decade(sc, fs, e, int(dig), sent)     # "the mid-30s"
        if nq.glued(low, fs, dig, att):
            return None                     # "Future45", "MH17", "v2.1", "#1", "in '16", "F-35", "2013-14"
        neg = c in "-−" and (fs == 1 or low[fs - 2] in " (\n")
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
                if low.startswith(_EVENT_WORDS, e):
                    return None             # "the 200m champion", "the 400m final": an event's name
                unit = "metres"
            elif ma := _METRE_AFTER.match(low, e) or _PER_TIME_GLUED.match(low, e):
                unit = "metres"             # "300m tall", "20m per second", "20m/s": a length, a speed
                if ma.re is _PER_TIME_GLUED:
                    unit, e = "metres per " + _PER_TIME[ma.group(1)], ma.end()
            elif not (unit_after(sc, e, sent)[0] or CUR_WORD.match(low, e)):
                return None
            else:
                mult = lx.scales[att]
        elif att == "p" and not cur:
            unit = "pence"                  # "closed at 1130p"
        elif att == "%":
            unit = "percent"
        elif att == "s" and len(dig) == 2 and dig[1] == "0":
            return read_decade(sc, fs, e, int(dig), sent)
        elif att in lx.units and len(att) > 1 and att not in ("am", "pm"):
            unit = lx.units[att]
            per = _PER_TIME_GLUED.match(low, e)
            if per:                         # "90km/h": a speed
                unit, e = f"{unit} per {_PER_TIME[per.group(1)]}", per.end()
        elif att in _GLUED_ONLY and not (att == "st" and dig[-1:] == "1" and dig[-2:] != "11"):
            unit = _GLUED_ONLY[att]         # "9in", "9ins", "11st" (but "21st" is an ordinal)
        elif att in ("c", "f") and text[e - 1].isupper() and len(dig) <= 3 and not low[e:e + 1].isalnum():
            unit = lx.units[att]            # "40C", "104F": a temperature
        else:
            return None                     # 1st, 1990s, 9am, 2px, 4G: not an amount
    if scw:
        mult *= lx.scales[scw]
    nxt = low[e:e + 1]
    if nxt == "°" and not unit:             # "30°C", "86°F", "12°"
        dm = _DEGREES.match(low, e)
        unit, e = lx.units[dm.group().replace(" ", "")], dm.end()
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
            return read_slash(sc, fs, e, dig, sent)
        if nxt in " -.)" and plain and (nxt != " " or len(dig) == 3):
            end = nq.phone_end(low, e, nxt)
            if end is not None:
                return end                  # 800-273-8255
        if nxt == " " and low[e + 1:e + 2] in nq.TIME_INITIALS and nq.time_of_day(low, e):
            return None                     # 9 p.m.
        if plain and (len(dig) >= 7 or len(dig) > 1 and dig[0] == "0"):
            return nq.serial_end(low, e)    # ids, timestamps, "007", "0800 555 0199"
    if plain and len(dig) == 4 and not scw and 1800 <= int(dig) <= 2099 and nq.bare_year(low, fs, e, nxt):
        return None                         # a year
    pw = sc.before(fs, sent)
    prev = pw[-1] if pw else ""
    if plain and len(dig) == 4 and not scw and 1000 <= int(dig) < 1800 and nq.old_year(sc, fs, e, sent, pw):
        return None                         # "since 1620", "the 1620 charter": a year
    if not pw and plain and nq.after_abbreviation(low, fs):
        return None                         # "the No. 3 seed", "on Mar. 27" split after the abbreviation
    if plain and len(dig) <= 2:
        end = nq.date_end(sc, fs, e, prev)
        if end is not None:
            return end                      # "Feb. 9", "Sept. 19 to 22", "24 February 2022"
    qual, qs = qualifier(sc, pw, fs)
    if qual and nq.capitalised_phrase(sc, qs, e, sent):
        return None                         # "the Forbes Under 30 Summit": a name
    # years: 1800-2099 written plainly, without a (non-temporal) qualifier or a unit
    if plain and len(dig) == 4 and not scw and 1800 <= int(dig) <= 2099 and not PCT.match(low, e) and \
            nq.qualified_year(sc, e, sent, qual, pw):
        return None                         # "around 2002" is a time, "about 2000 people" a count
    age_end = None
    if not cur and not qual and not scw and not att:
        if nq.identifier(sc, fs, sent, pw, prev) and not PCT.match(low, e):
            return None                     # "No 10", "Section 230", "Apollo 11"
        if nq.age(low, e, pw, prev):
            age_end = nq.skip_age(low, e)
            if nq.age_range(low, fs, e, age_end):
                return age_end              # "25- to 34-year-old", "ages 16 to 24": a band of ages
        if nxt == "-" and plain:
            end = nq.score_end(low, e, dig, prev)
            if end is not None:
                return end                  # "5-4 decision", "3-1 win": a score or a split
        if nxt == "," and nq.age_after_name(sc, fs, e, dig, prev):
            age_end = e                     # "Ann Lee, 41, sat down": an age
        if nxt == " " and text[e + 1:e + 2].isupper() and nq.address(text, e):
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
    if age_end is not None and value is not None:
        return age_claim(sc, sent, fs, e, age_end, value)
    return finish(sc, sent, fs, e, value, unit=unit, qual=qual, qs=min(qs, fs), flags=flags, pw=pw,
                  has_scale=mult != 1.0, cur=cur)


def read_slash(sc, s: int, e: int, dig: str, sent: Sentence):
    """"3/4", "1/3 of voters": a fraction; "9/11", "24/7" are names."""
    f = _SLASH.match(sc.low, e, e + 6)
    if not f or not dig.isdigit():
        return f.end() if f else e
    num, den = read_digits(dig), read_digits(f.group(1))     # not int(): it refuses 4,301 digits or more
    if num is None or den is None or num >= den or den not in (2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 32, 50, 64, 100) and (num != 1 or den > 1000):
        return f.end()                      # "9/11", "24/7": names
    pw = sc.before(s, sent)
    qual, qs = qualifier(sc, pw, s)
    return finish(sc, sent, s, f.end(), num / den, unit=None, qual=qual, qs=qs, flags=[], pw=pw, fraction=True)


def _in_enumeration(sc, sent: Sentence, s: int) -> bool:
    """Does the figure at ``s`` follow the sentence's last claim with a comma or "and" between ("14 Catholics,
    six Orthodox and one Greek")?"""
    last = sc.claims[-1] if sc.claims else None
    return last is not None and last.sentence_idx == sent.idx and _ENUMERATION_GAP.fullmatch(sc.low, last.end, s)


def _unit_of_measurement_after(sc, e: int) -> bool:
    """Does a unit of measurement follow ``e`` ("one gigabit a second", "one kilometre"), not a counted noun?"""
    m = UNIT_WORD.match(sc.low, e)
    return bool(m) and m.group("w").strip() in sc.lx.units


def age_claim(sc, sent: Sentence, s: int, e: int, end: int, value: float) -> Claim:
    """An age: "the 33-year-old", "aged 13", "Tom Young, 30," (a quantity in years that measures an age, as the
    annotation guide of the BBC sets counts it; the figure from ``s`` to ``e``, its tail to ``end``)."""
    c = sc.make(sent, s, end, sc.text[s:e], value, "years", None, [])
    c.measure = "age"
    return c


def read_words(sc, s: int, sent: Sentence, w: str = ""):
    """The claim of the written number found at ``s`` (its first word ``w``), None, or the end of a stretch to
    skip."""
    low, text, lx = sc.low, sc.text, sc.lx
    if w in FRACTION_HEADS and not low.endswith(("a ", "an ", "one "), max(0, s - 4), s):
        return None                         # "third quarter", "fifth year": ordinals
    if w == "one":
        if low.startswith(_ONE_NOT, s + 3) or low.startswith(" point", s + 3) and low.endswith("at ", 0, s):
            return None                     # "one of the", "one day", "at one point": not a figure
        if not low.startswith(_ONE_OK, s + 3) and not _unit_of_measurement_after(sc, s + 3):
            # "one" is mostly a pronoun or an article ("one study"): count it in an
            # enumeration of figures ("14 Catholics, six Orthodox and one Greek") or
            # after a qualifier ("more than one victim")
            if not _in_enumeration(sc, sent, s):
                j = low.rfind(" ", max(sent.start, s - 16), s - 1)
                if low[j + 1:s].strip(_STRIP + " ") not in QUAL_LAST:
                    return None
    pw = sc.before(s, sent)
    prev = pw[-1] if pw else ""
    lead = prev in ("a", "an") and not (len(pw) > 1 and pw[-2] in DETERMINERS)
    if lead and _HALF_CENTURY.match(low, s):
        h = _HALF_CENTURY.match(low, s)       # "a half-century" -> 50 years
        years = (50.0 if low[s] == "h" else 25.0) / (10 if h.group().endswith("decade") else 1)
        a = low.rfind(prev, 0, s)
        return sc.make(sent, a, h.end(), text[a:h.end()], years, "years", None, [])
    m = _WORD_RUN.match(low, s)
    if not m:
        return None
    e = m.end()
    if low[e:e + 1] == " " and nq.time_of_day(low, e):
        return None                         # "at four o'clock": a time
    raw = m.group()
    tokens = raw.replace("-", " ").split()
    tokens = [t for t in tokens if t not in ("and", "a", "an")] or tokens
    head = tokens[0]
    value = value_of_words(raw)
    if value is None:
        return None
    if head in FRACTION_HEADS and not lead:
        return None                          # "third quarter", "fifth year": ordinals
    if head in _SCALE_HEADS and not lead:
        if prev in ("several", "few", "many", "couple") or prev == "of" and len(pw) > 1 and pw[-2] == "couple":
            # "several hundred", "a few thousand": a vague magnitude
            k = "a few" if prev == "few" else "a couple of" if "couple" in pw[-2:] else prev
            lo, hi = lx.vague.get(k, (2.0, 9.0))
            vs = low.rfind(prev, 0, s)
            if k in ("a few", "a couple of") and low.rfind("a ", max(0, vs - 12), vs) >= 0:
                vs = low.rfind("a ", max(0, vs - 12), vs)
            return read_vague(sc, head, vs, sent, bounds=(lo * value, hi * value), phrase_end=e)
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
        c = COMPOUND.match(low, e)
        w = c.group("w") if c else ""
        if w == "figure" and 3 <= value <= 12 and value == int(value):
            # "a seven-figure sum": 1,000,000 to 9,999,999 (unit unknown)
            lo, hi = 10.0 ** (value - 1), 10.0 ** value - 1
            qual, qs = qualifier(sc, pw, s)
            return Claim("quantity", text[min(qs, s):c.end("w")], min(qs, s), c.end("w"), sent.idx, None, None,
                         text[s:c.end("w")], None, lo, hi, None, "vague", None, [])
        if w in ("year", "years") and (c.group("w2") == "old" or low.startswith("-old", c.end())):
            end = nq.skip_age(low, e)       # "Seventeen-year-old"
            return end if nq.age_range(low, s, e, end) else age_claim(sc, sent, s, e, end, value)
        if w in ("year", "month", "week", "decade") and LEVEL_AFTER.match(low, c.end("w")):
            return None                      # "a five-year low": a comparison
        if w == "fold":                      # "a ten-fold rise": a comparison
            qual, qs = qualifier(sc, pw, s)
            sc.comparisons.append(comparisons.fold_claim(sc, min(qs, s), c.end("w"), sent))
            return c.end("w")
        if w not in lx.units or len(w) < 3:
            return None                      # "one-term", "two-way", "half-frozen"
        if w == "year" and nq.kind_compound(low, c.end("w")):
            return None                      # "four-year colleges": a kind of college
        compound_unit, e_unit = lx.units[w], c.end("w")
    qual, qs = qualifier(sc, pw, s)
    if head in ("half", "quarter") and prev in ("first", "second", "last", "final", "next", "the", "its",
                                                "his", "her", "their", "other"):
        return None                          # "the second half"
    if head == "half" and not qual and len(tokens) == 1:
        if prev == "in" and not lead and _HALVING.intersection(pw[:-1]) and not low.startswith(" of", e):
            a = low.rfind("in", 0, s)        # "cutting loan rates in half": a change of one half
            return sc.make(sent, a, e, text[s:e], 0.5, "fraction", None, ["change"])
        if not (_HALF_FOLLOW.match(low, e) or prev in ("by", "than", "to", "nearly", "almost")
                or FRACTION_OF.match(low, e)):
            return None
    if is_fraction and low.startswith(" the ", e):
        c = comparisons.fraction_of_measure(sc, min(qs, s), e, sent)
        if c is not None:                    # "about half the size of Pfizer"
            sc.comparisons.append(c)
            return c.end
    if is_fraction and head != "half" and not _FRACTION_FOLLOW.match(low, e) and \
            not PCT.match(low, e) and not UNIT_WORD.match(low, e):
        return None                          # "a third term"
    if not qual and prev in DETERMINERS and value <= 10 and not is_fraction and \
            not _SUPERLATIVE_NEXT.match(low, e):
        return None                          # "the two countries", "all four candidates"
    if not PCT.match(low, e) and nq.named_number_word(sc, s, sent, pw, prev, qual):
        return None                          # "World War Two", "BBC Two", "to Six Nations leaders"
    if tokens == ["one"] and not qual:
        # "one" is mostly a pronoun or an article ("one of the", "one study"): count it
        # in an enumeration of figures ("14 Catholics, six Orthodox and one Greek")
        if not _in_enumeration(sc, sent, s):
            lm = RANGE_LINK.match(low, e)
            if not (PCT.match(low, e) or FRACTION_OF.match(low, e) or lm and lm.group("word") == "to"
                    and RANGE_END.match(low, lm.end()) or _unit_of_measurement_after(sc, e) or
                    low.startswith(_ONE_OK, e) and not low.startswith((" to ", " or ", " in ", " out of ", "-"), e)):
                return None
    if compound_unit:
        return sc.make(sent, min(qs, s), e_unit, text[s:e], value, compound_unit, qual, [])
    if low.startswith(" times", e) and comparisons.times_follow(low, e + 6):
        return None                          # "three times the rate": a comparison
    if is_fraction and low.startswith(" of ", e):
        c = comparisons.fraction_of_baseline(sc, min(qs, s), e, sent)
        if c is not None:                    # "9.5 percent, or less than one-third of Ann Lee's estimate"
            sc.comparisons.append(c)
            return None
    return finish(sc, sent, s, e, value, unit=None, qual=qual, qs=min(qs, s), flags=[], pw=pw,
                  has_scale=any(t in SCALE_WORDS for t in tokens), fraction=is_fraction)

