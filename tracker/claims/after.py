"""What the words after a figure make of it: a share, a ratio, a unit, a range, a bound, a rate, the counted noun.

>>> from tracker.claims import find_claims
>>> [(c.text, c.value, c.unit) for c in find_claims(
...     "Seven out of 10 growers earned $42,000 to $58,000 a year, a 4 to 1 margin, in a 38-page survey.", None)]
[('Seven out of 10', 0.7, 'fraction'), ('$42,000 to $58,000 a year', None, 'USD per year'), \
('4 to 1', 4.0, 'ratio'), ('38-page', 38.0, 'page')]

``finish`` reads, in this order, each step ending the claim when it decides:
shares ("22 cents out of every dollar", "eight of 10", "one in five", "nine
of the 12 jurors", "$4 of every $5", "half of 1 percent", "a quarter of a
trillion dollars"), ratios ("a 4 to 1 vote"), the unit written right
after the figure, a range, a bound after it ("or more"), a rate or a
period, the figure as a compound adjective ("a 27-kilometer ring", "a
6,000-strong community", but "a 31-year low" and "10-fold" are
comparisons, "4-year colleges" a kind), the counted noun ("100,000 Russian
troops", "five of the casinos", but not "the last eight of the Champions
League"), and last what rules the figure out after all: a time frame or a
relative time ("in the next two weeks", "15 and 30 years ago").

A figure after a change verb ("fell 3%", "cut by 5%": data/claims/
change_verbs.txt) is flagged "change": a change, not a level.

Unit accuracy: 0.963 on claims-dev and the seed, 0.920 and 0.960 on two blind
held-out sets (issue 4's closing note); the counted noun after "of the"
raised a held-out set from 0.947 to 0.968 (commit 03524ab).
"""
from __future__ import annotations

import re

from ..model import Sentence
from . import comparisons
from .lexicons import DIG, currency_sign_pattern, number_word_pattern
from .not_quantities import kind_compound, linked_time, named_unit, time_frame
from .numbers import read_digits, read_words
from .qualifiers import AFTER_STARTS, RANGE_END, RANGE_LINK, RANGE_STARTS, bound_after, read_range
from .units import (COMPOUND, PCT, RATE_OR_PERIOD_STARTS, RATE_STARTS, TIME_UNITS, UNIT_WORD, inherit_unit, norm_unit, rate_and_period,
                    unit_after, unit_written_after)

_NW = number_word_pattern()
# "eight of 10", "one in five", "$4 of every $5": a share of a whole
FRACTION_OF = re.compile(rf"(?<!\s)\s+(?:out\s+)?(?P<k>of|in)\s+(?:every\s+|each\s+)?(?P<cur>{currency_sign_pattern()})?"
                         rf"(?P<den>\d+|{_NW})(?![\w,.-]|[.,]\d)")
# "nine of the 12 jurors": a share of a known whole
_FRACTION_OF_THE = re.compile(rf"(?<!\s)\s+(?:out\s+)?of\s+the\s+(?P<den>\d+|{_NW})(?![\w,.-]|[.,]\d)")
_CENTS_OF = re.compile(r"(?<!\s)\s+cents?\s+(?:out\s+)?of\s+(?:each|every|a)\s+dollar\b")
_RATIO = re.compile(r"(?:(?<!\s)\s+to\s+|-to-|:|-)(?P<d>1|one)(?!\w|[.,]\d)")
_FRACTION_OF_PERCENT = re.compile(rf"(?<!\s)\s+of\s+(?P<n>{DIG}|one)(?P<p>\s*(?:%|percent|per cent))")
_FRACTION_OF_SCALE = re.compile(r"(?<!\s)\s+of\s+an?\s+(?P<s>million|billion|trillion)(?:\s+(?P<c>dollars|pounds|euros))?\b")
# "five of the casinos": the counted noun after the whole it is taken from
_OF_WHOLE = re.compile(r"(?<!\s)\s+of\s+(?:the|these|those|its|their|his|her|our|your|[a-z][\w.-]*(?:’s|'s))"
                       r"(?:\s+[a-z][\w.-]*(?:’s|'s))?(?=\s)")
LEVEL_AFTER = re.compile(r" (?:high|low)s?\b(?!-)")
_SUPERLATIVE_IN = re.compile(r"\s(?:most|least|best|worst|[a-z]+est)\b")
# what a share or a ratio after a figure starts with ("of every" and "out of each" included)
_SHARE_STARTS = (" cent", " of ", " in ", " out of ", " to 1", " to one", "-to-", "-1")
_COMPOUND_NOT = frozenset("a an per and or to fold odd ish something plus year-old".split())


def _denominator(fo: re.Match) -> float | None:
    den = fo.group("den")
    return read_digits(den) if den[0].isdigit() else read_words(den)


def _share(sc, sent, s, e, value, unit, qual, qs, flags, has_scale, cur, fraction, nxt):
    """The claim of a share or a ratio the words after the figure make, or None."""
    low, text = sc.low, sc.text
    if value is not None and not cur and not has_scale and nxt == " ":
        # "22 cents out of every dollar", "eight of 10", "one in five", "$4 of every $5"
        if low.startswith(" cent", e):
            cm = _CENTS_OF.match(low, e)
            if cm:
                return sc.make(sent, qs, cm.end(), text[s:cm.end()], value / 100, "fraction", qual, flags)
        if not fraction and low.startswith((" of ", " in ", " out of "), e):
            fo = FRACTION_OF.match(low, e)
            if fo and not fo.group("cur"):
                den = _denominator(fo)
                if den and value < den <= 1000 and (fo.group("k") == "of" or value <= 10):
                    return sc.make(sent, qs, fo.end(), text[s:fo.end()], value / den, "fraction", qual, flags)
            fo = _FRACTION_OF_THE.match(low, e) if not unit and (low.startswith(" the ", e + 3) or
                                                                 low.startswith(" the ", e + 7)) else None
            if fo:
                den = _denominator(fo)
                if den and value < den <= 1000:
                    return sc.make(sent, qs, fo.end(), text[s:fo.end()], value / den, "fraction", qual, flags)
    if cur and not has_scale and value is not None and low.startswith((" of every ", " out of every ", " of each "), e):
        fo = FRACTION_OF.match(low, e)
        den = read_digits(fo.group("den")) if fo and fo.group("cur") == cur and fo.group("den").isdigit() else None
        if den and value < den:              # read_digits, not int(): int() refuses 4,301 digits or more
            return sc.make(sent, qs, fo.end(), text[s:fo.end()], value / den, "fraction", qual, flags)
    if fraction and value is not None:
        # "half of 1 percent" -> 0.5 percent; "half a percentage point" -> 0.5 points
        fs_ = _FRACTION_OF_SCALE.match(low, e, e + 40)
        if fs_:                              # "nearly a quarter of a trillion dollars"
            v = value * sc.lx.scales[fs_.group("s")]
            u, end = sc.lx.currencies[fs_.group("c")] if fs_.group("c") else None, fs_.end()
            if u is None:                    # "a quarter of a million jobs": the counted noun after it
                u, uend = unit_after(sc, end, sent)
                end = uend if u else end
            return sc.make(sent, qs, end, text[s:end], round(v, 6), u, qual, flags)
        fm = _FRACTION_OF_PERCENT.match(low, e, e + 30)
        if fm:
            n = 1.0 if fm.group("n") == "one" else read_digits(fm.group("n"))
            if n is not None:
                return sc.make(sent, qs, fm.end(), text[s:fm.end()], value * n, "percent", qual, flags)
        at = e + 2 if low.startswith(" a ", e) else e + 3 if low.startswith(" an ", e) else e
        um = PCT.match(low, at) or UNIT_WORD.match(low, at)
        if um and low[at:at + 1] == " ":
            return sc.make(sent, qs, um.end(), text[s:um.end()], value, norm_unit(sc, um.group(um.lastindex)), qual,
                           flags)
        return sc.make(sent, qs, e, text[s:e], value, "fraction", qual, flags)
    # "a 4 to 1 vote"
    if not cur and value is not None and value > 1 and (nxt == ":" or low.startswith((" to 1", " to one", "-to-", "-1"), e)):
        ra = _RATIO.match(low, e)
        if ra:
            return sc.make(sent, qs, ra.end(), text[s:ra.end()], value, "ratio", qual, flags)
    return None


def finish(sc, sent: Sentence, s, e, value, unit, qual, qs, flags, pw, has_scale=False, cur=None, fraction=False):
    """The claim of the figure read from ``s`` to ``e`` (its qualifier from ``qs``), finished by the words after
    it; None when they rule it out, or the end of a stretch to skip (a comparison it is part of, an age)."""
    low, text, lx = sc.low, sc.text, sc.lx
    end = e
    nxt = low[e:e + 1]
    if fraction or nxt == ":" or low.startswith(_SHARE_STARTS, e):
        share = _share(sc, sent, s, e, value, unit, qual, qs, flags, has_scale, cur, fraction, nxt)
        if share is not None:
            return share
    # the unit written right after the figure: %, percent, points, currency words, km
    if not unit and nxt in "% -":
        unit, end = unit_written_after(sc, e, nxt)
    # a range: "between 30,000 and 45,000", "$42,000 to $58,000", "one to two years", "40-50"
    if not unit and nxt == " " and value is not None and (" to " in low[e:e + 24] or " and " in low[e:e + 24]
                                                         or "-" in low[e:e + 16]):
        uw = UNIT_WORD.match(low, e)
        if uw and low.startswith(RANGE_STARTS, uw.end()):
            if named_unit(sc, uw.start("w"), sent):
                return None                  # "Acme Radio, 73 Degrees and Ann Lee": a name
            unit, end = lx.units[uw.group("w")], uw.end()        # "44 mg to 50 mg"
    if value is not None:
        lm = RANGE_LINK.match(low, end) if low.startswith(RANGE_STARTS, end) else None
        if lm:
            fm = RANGE_END.match(low, lm.end())
            if fm:
                r = read_range(sc, sent, s, end, value, unit, cur, has_scale, qual, qs, pw, lm, fm, flags)
                if r is not None:
                    return r
    # post-posed bounds: "$100,000 or more", "$200 or less", "50-plus"
    nxt = low[end:end + 1]
    if nxt in " +-" and low.startswith(AFTER_STARTS, end):
        qual, end = bound_after(sc, end, qual, unit, cur)
    # rates and periods: "$12 an hour", "$500 every three months", "$215 billion over eight years"
    if unit and nxt in " -/" and low.startswith(RATE_OR_PERIOD_STARTS, end):
        unit, end = rate_and_period(sc, unit, end)
    # a figure as a compound adjective: "a 27-kilometer ring", "a 46-page report"
    # (the regex reads ASCII letters only: a hyphen before "é" or "ǆ" is no such compound)
    c = COMPOUND.match(low, end) if not unit and low[end:end + 1] == "-" and low[end + 1:end + 2].isalpha() \
        else None
    if c:
        w = c.group("w")
        if w in ("year", "month", "week", "decade") and LEVEL_AFTER.match(low, c.end("w")):
            return None                      # "a 31-year low": a comparison
        if w == "fold":                      # "rose 10-fold": a comparison
            sc.comparisons.append(comparisons.fold_claim(sc, qs, c.end("w"), sent))
            return c.end("w")
        if w == "strong":                    # "a 6,000-strong community"
            unit, uend = unit_after(sc, c.end("w"), sent)
            end = uend if unit else c.end("w")
        elif w not in _COMPOUND_NOT:
            if w == "year" and kind_compound(low, c.end("w")):
                return None                  # "4-year colleges": a kind of college
            w2 = c.group("w2")
            if w2 and lx.units.get(w + "-" + w2):          # "a 9,500-square-foot warehouse"
                unit, end = lx.units[w + "-" + w2], c.end("w2")
            else:
                unit, end = lx.units.get(w) or w, c.end("w")
    # the counted noun: "100,000 Russian troops"
    if not unit and value == 1:
        u, uend = unit_after(sc, end, sent, single=True)
        if u:
            unit, end = u, uend
            if low.startswith(RATE_STARTS, end):             # "one gigabit a second"
                unit, end = rate_and_period(sc, unit, end)
    if not unit and nxt == " " and low.startswith(" of ", end) and value is not None:
        om = _OF_WHOLE.match(low, end)       # "five of the casinos", "two of the group's researchers"
        if om:
            u, uend = unit_after(sc, om.end(), sent)
            if u and uend - end < 60 and u.islower() and u not in lx.units and \
                    text[text.rfind(" ", end, uend) + 1].islower():
                unit = u                     # but not "the last eight of the Champions League"
                if not _SUPERLATIVE_IN.search(low, end, uend):
                    end = uend               # "two of the largest airlines in the US" stays a comparison too
    if not unit and nxt == " ":
        uw = UNIT_WORD.match(low, end)       # a unit of several words: "degrees Celsius", "square kilometres"
        if uw and " " in uw.group("w").strip() and not named_unit(sc, uw.start("w"), sent):
            unit, end = norm_unit(sc, uw.group("w")), uw.end()
            if low.startswith(RATE_STARTS, end):
                unit, end = rate_and_period(sc, unit, end)
    if not unit:
        if low.startswith((" times", " fold"), end) and (comparisons.times_follow(low, end + 6) or
                                                          low.startswith(" fold", end) and
                                                          not low[end + 5:end + 6].isalpha()):
            return None                      # "six times the county rate", "10 fold": a comparison
        u, uend = unit_after(sc, end, sent)
        if u:
            if text[text.rfind(" ", end, uend) + 1].isupper() and u.lower() in lx.units and \
                    named_unit(sc, text.rfind(" ", end, uend) + 1, sent):
                return None                  # "a poster of 98 Degrees": a name
            unit = u
            if uend - end < 40:
                end = uend
                if low.startswith(RATE_STARTS, end):         # "100,000 cars a year", "2 megabits a second"
                    unit, end = rate_and_period(sc, unit, end)
        elif low.startswith(" per ", end):
            u, uend = rate_and_period(sc, "", end)              # "3 per 100,000 people"
            if uend > end:
                unit, end = u.strip(), uend
    # time frames and relative times are not claims: "in the next two weeks", "two years later"
    if unit in TIME_UNITS and time_frame(low, end, qual, pw):
        return None
    if not unit and linked_time(low, end):
        return None                          # "events that took place 15 and 30 years ago"
    if not unit and sc.elided:
        unit = inherit_unit(sc, sent, s)
    if value is not None and pw and (pw[-1] in lx.change_words or pw[-1] == "by" and len(pw) > 1 and
                                     (pw[-2] in lx.change_words or pw[-2] in lx.change_by_words)):
        flags = flags + ["change"]
    return sc.make(sent, qs, end, text[s:e], value, unit, qual, flags)
