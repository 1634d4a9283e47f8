"""Qualifiers and ranges: how exactly a figure is given, and its bounds.

>>> from tracker.claims import find_claims
>>> [(c.text, c.qualifier, c.low, c.high) for c in find_claims(
...     "Between 40,000 and 50,000 marched, more than 20 were held and tens of thousands watched.", None)]
[('Between 40,000 and 50,000', 'range', 40000.0, 50000.0), ('more than 20', 'lower_bound', 20.0, None), \
('tens of thousands', 'vague', 10000.0, 99999.0)]

- a qualifier before the figure (data/claims/qualifiers.txt: "about",
  "more than", "just under"), longest first; never the particle of a verb
  ("donors handed over $18 million" gave $18 million, "add up to $40
  billion" totals it: data/claims/phrasal_verbs.txt, commit 808392f, both
  read as bounds on held-out PolNeAR articles); "past the $1billion mark";
- a bound after it ("$100,000 or more", "50-plus":
  data/claims/qualifiers_after.txt);
- a range ("between 40,000 and 50,000", "$42,000 to $58,000", "$5-10m"),
  never two figures that only stand side by side ("lost the county 38
  percent to 55 percent", "47 percent to 41 percent") or a change between
  two levels ("rose from 3% to 5%", flagged "change" instead); quantulum3
  reads "between 40,000 and 50,000" as 45,000, and no tool found reads
  qualifiers, ranges or vague magnitudes at all (NOTES.md);
- vague magnitudes ("tens of thousands", "several hundred", "dozens",
  "the mid-30s", "a seven-figure sum"): no value, only bounds, by the gold
  conventions of data/claims/vague.txt;
- bounded spans of time ("for nearly a decade", "more than a century":
  data/claims/time_spans.txt, commit d1f05a3).

Qualifier accuracy: 1.000 on claims-dev and the seed, 0.989 and 1.000 on two
blind held-out sets (issue 4's closing note), 0.991 on articles we do not
have (issue 16).
"""
from __future__ import annotations

import re

from ..model import Claim, Sentence
from .lexicons import (DIG, currency_sign_pattern, lexicons, qualifier_last_words, trie_pattern, word_list,
                       written_number_pattern)
from .not_quantities import RELATIVE_TIME, age_follows, skip_age
from .numbers import read_digits, read_words
from .units import (CURRENCY_SIGNS, CUR_WORD, PCT, RATE, RATE_STARTS, rate_and_period, SHARE_UNITS, TIME_UNITS, UNIT_WORD, currency_word, inherit_unit, norm_unit,
                    per, unit_after)

# the one-word plural magnitudes of data/claims/vague.txt: "dozens", "tens", "thousands" (a scan anchor each)
VAGUE_WORDS = frozenset(k for k in lexicons().vague if " " not in k and k.endswith("s"))
QUAL_LAST = qualifier_last_words()
_QUALIFIERS = lexicons().qualifiers
_QUAL_MAX = max(len(q.split()) for q in _QUALIFIERS)
_QUAL_THE = any(q.split()[-1] == "the" for q in _QUALIFIERS)
_MARK = re.compile(r"\S{1,60}(?:\s+(?:million|billion|trillion|thousand))?\s+(?:" + trie_pattern(word_list("mark_nouns")) +
                   r")\b")
_MARK_VERBS = word_list("mark_verbs")
AFTER_STARTS = (" or ", " and ", " plus", "+", "-plus", " at ", ", or ")
QUAL_AFTER = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?P<q>" + "|".join(
    re.escape(a).replace(r"\ ", r"\s+") + (r"(?![\w])" if a[-1].isalpha() else "")
    for a in sorted(lexicons().qualifiers_after, key=len, reverse=True)) + r")(?!\s+(?:than|of|or\s+minus)\b)")
RANGE_STARTS = (" to ", " and ", " or ", " through ", "-", "–", "—", " -", " –", " —")
RANGE_LINK = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?:(?P<dash>[-–—])|(?P<word>to|and|or|through))\s*(?=[" +
                        re.escape(CURRENCY_SIGNS) + r"\da-z])")
# the second figure of a range: in digits with its sign, scale and unit, or in words
RANGE_END = re.compile(rf"(?P<cur>{currency_sign_pattern()})?(?P<dig>{DIG})(?P<att>[a-z%]+)?"
                       rf"(?:\s?-?(?P<scw>thousand|million|billion|trillion))?(?![\w])|"
                       rf"(?P<wd>{written_number_pattern()})(?![a-z])")
_DECADE_BEFORE = re.compile(r"(?:(?P<the>the)\s+)?(?P<k>low|mid|high|upper)[-\s]?$")
_VAGUE = re.compile(r"[a-z]+(?:\s+of\s+(?P<scale>thousands|millions|billions)\b)?")


def qualifier(sc, pw: list[str], s: int) -> tuple[str | None, int]:
    """(qualifier, start) from the words before a figure at ``s``: "more than", "about"."""
    quals = _QUALIFIERS
    if not pw or pw[-1] not in QUAL_LAST:
        return None, s
    n = len(pw)
    if pw[-1] == "the" and n > 1 and pw[-2] in _MARK_VERBS and _MARK.match(sc.low, s):
        return "lower_bound", sc.low.rfind(pw[-2], 0, s)        # "past the $1billion mark"
    if pw[-1] == "the" and not _QUAL_THE:
        return None, s                      # no qualifier ends in "the": "the 2,000 people"
    for k in range(min(_QUAL_MAX, n), 0, -1):
        phrase = " ".join(pw[n - k:])
        q = quals.get(phrase)
        if q is not None:
            if n > k and pw[n - k - 1] + " " + phrase in sc.lx.phrasal_verbs:
                return None, s              # "handed over $25 million", "add up to $40 billion"
            start = s
            for w in reversed(pw[n - k:]):
                start = sc.low.rfind(w, 0, start)
            return q, start
    return None, s


def bound_after(sc, end: int, qual: str | None, unit: str | None, cur: str | None) -> tuple[str | None, int]:
    """(qualifier, end) with a bound written after the figure: "$100,000 or more", "$200 or less", "50-plus"."""
    low = sc.low
    am = QUAL_AFTER.match(low, end) if low.startswith(AFTER_STARTS, end) else None
    if am:
        q = re.sub(r"\s+", " ", am.group("q"))
        if q not in ("plus", "+", "-plus") or cur or unit == "percent" or not unit:
            if not (q == "+" and low[am.end():am.end() + 1].isdigit()):
                return sc.lx.qualifiers_after[q], am.end()
    return qual, end


def read_range(sc, sent, s, end, value, unit, cur, has_scale, qual, qs, pw, lm, fm, flags):
    """A range from the figure ``value`` (``s`` to ``end``) over the link ``lm`` to the figure ``fm``: its
    claim, None when the two figures make no range, or the end of an age range to skip."""
    low, text, lx = sc.low, sc.text, sc.lx
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
    else:
        v2 = read_words(fm.group("wd"))
    if v2 is None:
        return None
    v2 = round(v2 * mult2, 6)
    if qs < s:
        pw = sc.before(qs, sent)             # "from about $350 to $680": the words before "about"
    between = pw and pw[-1] in ("between", "from") or len(pw) > 1 and pw[-2] in ("ranging", "range") \
        and pw[-1] in ("from", "of")
    if link == "and" and not between:
        return None
    if link in ("to", "through", "or") and not between and unit in SHARE_UNITS:
        return None                          # "lost the county 38 percent to 55 percent": two results
    lo_v = value
    if mult2 != 1.0 and not has_scale and value * mult2 <= v2 * 1.0001 * 1000 and value < v2:
        lo_v = round(value * mult2, 6)       # "$5-10m", "1 to 2 million"
    if lo_v >= v2:
        return None                          # "47 percent to 41 percent": two figures, not a range
    if between and pw[-1] == "from" and len(pw) > 1 and (pw[-2] in lx.change_words or pw[-2] == "it"):
        return None                          # "rose from 3% to 5%": a change between two levels
    end2 = fm.end()
    if not u2:
        pm = PCT.match(low, end2)
        if pm:
            u2, end2 = norm_unit(sc, pm.group("u")), pm.end()
        else:
            cw = CUR_WORD.match(low, end2)
            code = currency_word(sc, cw) if cw else None
            if code:
                u2, end2 = code, cw.end()
    if u2 is None and cur2:
        u2 = lx.currencies[cur2]
    if unit and u2 and unit != u2:
        return None                          # "between £5 and $7": two units, no range
    if unit and not u2:
        uw = UNIT_WORD.match(low, end2)
        if uw and lx.units.get(uw.group("w")) == unit:
            end2 = uw.end()                  # "between 44 mg and 50 mg"
    unit = unit or u2
    raw = text[s:end2]
    endq = end2
    if unit:
        rt = RATE.match(low, endq)
        if rt and not rt.group("p2"):
            unit, endq = per(unit, rt), rt.end()
    else:
        u, uend = unit_after(sc, end2, sent)
        if u:
            unit, endq = u, uend
            if low.startswith(RATE_STARTS, endq):           # "0.2-0.4 litres a minute"
                unit, endq = rate_and_period(sc, unit, endq)
    if unit in TIME_UNITS and RELATIVE_TIME.match(low, endq):
        return None
    if unit == "years" and low.startswith(" old", endq):
        return skip_age(low, endq)           # "people 20 to 45 years old"
    if not unit and age_follows(low, end2):
        return skip_age(low, end2)           # "30 or 40-year old drivers"
    if not unit and link in ("-", "–", "—") and v2 < 100 and float(v2).is_integer() and float(lo_v).is_integer():
        return end2                          # "(4-7)" without a unit: a tie-break score, not a figure
    start = qs
    if between:
        start = low.rfind(pw[-1], 0, qs)
        if len(pw) > 1 and pw[-2] in ("ranging", "range"):
            start = low.rfind(pw[-2], 0, start)
    if not unit:
        unit = inherit_unit(sc, sent, s)
    return Claim(kind="quantity", text=text[start:endq], start=start, end=endq, sentence_idx=sent.idx,
                 raw_number=raw, value=None, low=lo_v, high=v2, unit=unit, qualifier="range", flags=flags)


def read_vague(sc, w: str, s: int, sent: Sentence, bounds=None, phrase_end=None):
    """"thousands of shootings", "tens of millions", "several hundred", "dozens"."""
    low, lx = sc.low, sc.lx
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
        lo, hi = lo * mult, hi * mult
    elif w in ("tens", "scores"):
        if w == "tens" or not low.startswith(" of ", e):
            return None
    pw = sc.before(s, sent)
    qual, qs = qualifier(sc, pw, s)
    raw = sc.text[s:e]
    unit = None
    end = e
    cw = CUR_WORD.match(low, e)
    code = currency_word(sc, cw) if cw else None
    if code:
        unit, end = code, cw.end()
    else:
        unit, uend = unit_after(sc, e, sent, vague=True)
        if unit:
            end = uend
        else:
            unit = inherit_unit(sc, sent, s)
    c = Claim(kind="quantity", text=sc.text[qs:end], start=min(qs, s), end=end, sentence_idx=sent.idx,
              raw_number=raw, value=None, low=lo, high=hi, unit=unit, qualifier="vague")
    if qual == "lower_bound":
        c.high = None
    elif qual in ("upper_bound", "near_lower"):
        c.low = None
    return c


def read_decade(sc, s: int, e: int, base: int, sent: Sentence):
    """"the mid-30s", "the low-50s": a vague level (a bare "30s" is an age or an era)."""
    pre = sc.low[max(sent.start, s - 12):s]
    m = _DECADE_BEFORE.search(pre)
    if not m:
        return None
    lo, hi = {"low": (0, 3), "mid": (3, 7), "high": (7, 9), "upper": (7, 9)}[m.group("k")]
    start = s - len(pre) + m.start()
    unit = "percent" if PCT.match(sc.low, e) else inherit_unit(sc, sent) or "percent"
    return Claim(kind="quantity", text=sc.text[start:e], start=start, end=e, sentence_idx=sent.idx,
                 raw_number=sc.text[s - len(pre) + m.start("k"):e], value=None,
                 low=float(base + lo), high=float(base + hi), unit=unit, qualifier="vague")


def read_span(sc, w: str, s: int, sent: Sentence):
    """"for nearly a decade", "more than a century": a bounded span of time."""
    low = sc.low
    if not low.endswith(" a ", s - 3, s):
        return None
    pw = sc.before(s - 2, sent)
    qual, qs = qualifier(sc, pw, s - 2)
    if qual is None or qual == "exact":
        return None
    if pw[-1] == "over" and (len(pw) < 2 or pw[-2] != "for"):
        return None                         # "$10 trillion over a decade": a period
    k = len(low[qs:s - 2].split())
    if len(pw) > k and pw[-k - 1] == "in":
        return None                         # "the first time in more than a decade": a comparison's window
    e = s + len(w)
    if RELATIVE_TIME.match(low, e):
        return None                         # "more than a decade ago": a time
    return sc.make(sent, qs, e, sc.text[s - 2:e], sc.lx.time_spans[w], "years", qual, [])
