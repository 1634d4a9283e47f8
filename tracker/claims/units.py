"""Units and currencies: what a figure counts.

>>> from tracker.claims import find_claims
>>> [(c.text, c.unit) for c in find_claims("It paid $12 an hour to 1,315 Ruritania voters and 5m euros.", None)]
[('$12 an hour', 'USD per hour'), ('1,315 Ruritania voters', 'voters'), ('5m euros', 'EUR')]

- a currency sign before the figure ("US$5", "£600m", "$ 170 billion"): only a
  known pair of letters and sign ("US$"; "US€" crashed the reader when it was
  looked up blindly, commit 2141a7d);
- a unit written right after it: %, per cent, points, currency words
  ("300 dollars", but "5 pounds of flour" is a weight), units of
  ``data/claims/units.txt``, a rate or a period ("$12 an hour",
  "$215 billion over eight years");
- otherwise the counted noun: the first plural noun before a stop word,
  past adjectives ("100,000 Russian troops"), a hyphened first half ("coal-
  and gas-fired plants") and a figure used as an adjective ("$12-an-hour
  workers"); proper nouns only when nothing else is there ("six Orthodox");
- an elided noun is inherited from the sentence's previous figure
  ("thousands of shootings, thousands since"), never from a share or a
  fraction ("46 percent ..., voters 45 and older").

Coins are stored in their currency (data/claims/minor_currencies.txt: "69
cents" is 0.69 USD), so that one currency sorts as one unit (commit 3050b44,
from a blind held-out set). Units on held-out PolNeAR articles rose from
0.947 to 0.968 with the counted noun after "of the" (commit 03524ab).
"""
from __future__ import annotations

import re

from .. import lexicon
from ..model import Sentence
from .cldr import iso_codes, resolve
from .lexicons import is_sign, lexicons, number_word_pattern, trie_pattern, word_list
from .numbers import read_words

TIME_UNITS = frozenset(("years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries"))
SHARE_UNITS = frozenset(("percent", "percentage points", "points", "basis points"))
# the one-character currency signs a figure may start with: "$", "£", "€", "¥", "₹", "₩" ... (CLDR's and the
# project's, data/claims/currencies.txt)
CURRENCY_SIGNS = "".join(sorted({k[-1] for k in lexicons().currencies if is_sign(k)}))
_SIGNS = frozenset(CURRENCY_SIGNS)
_SPACE_OR_QUOTE = frozenset(" \t\n\"“”")
_OPENERS = frozenset("([{—–")
_CLOSERS = frozenset(",;:.()[]!?…—–\"“”")
_TOKEN_STRIP = ",;:.()[]!?…—–\"“”‘’'"
_ABBREV = re.compile(r"(?:[A-Za-z]\.){2,}")
# after a figure, words of an amount added before the counted noun: "500 more nurses"
_MORE = frozenset(("more", "fewer", "extra", "additional", "further"))
# a word in quotes inside a noun phrase ('100 new "green" jobs'): the phrase goes on past its closing quote
_SCARE_QUOTED = re.compile(r"[\"“][a-z][a-z-]*[\"”]")
# a digit and a letter used as an adjective ("2D", "4G"): no figure, the phrase goes on ("ten 3D films")
_DIGIT_ADJECTIVE = re.compile(r"\d[a-z]")
_NONSPACE = re.compile(r"\S+")
_POUNDS_OF = re.compile(r"(?<!\s)\s+pounds?\s+of\b")
RATE_STARTS = _RATE_STARTS = (" a ", " an ", " per ", " each ", " every ", " a single ", "/", " /", "-a-", "-an-", "-per-")
_PERIOD_STARTS = (" over ", " in ", " during ", " within ", " across ")
RATE_OR_PERIOD_STARTS = _RATE_STARTS + _PERIOD_STARTS


def _build():
    lx = lexicons()
    nw = number_word_pattern()
    cur_words = [k for k in lx.currencies if not is_sign(k)]
    units = sorted((k for k in lx.units if k[0].isalpha()), key=len, reverse=True)
    return (
        sorted((k[:-1] for k in lx.currencies if len(k) > 1 and k[-1] in CURRENCY_SIGNS), key=len, reverse=True),
        re.compile(r"(?:(?<!\s)|(?!\s))\s*(?:-\s*)?(?P<u>%|per\s*cent(?:age\s+points?)?\b|percent(?:age[\s-]+points?)?\b|"
                   r"pc\b|pct\b|basis\s+points?\b|bps\b|points?\b|pts\b)"),
        re.compile(r"(?<!\s)\s+(?:of\s+)?(?:(?:" + trie_pattern(word_list("currency_countries")) + r")\s+)?"
                   r"(?P<w>" + trie_pattern(cur_words) + r")(?![\w])"),
        re.compile(r"(?:(?<!\s)|(?!\s))\s*-?(?P<w>" + trie_pattern(units) + r")(?![\w-])"),
        re.compile(
            r"(?:(?:(?<!\s)\s+|-)(?:an?|per|each|every|a\s+single)[\s-]+|(?:(?<!\s)|(?!\s))\s*/\s*)"
            r"(?:(?P<n>\d[\d.,]*|" + nw + r")\s+)?"
            r"(?P<p>" + trie_pattern(word_list("rate_units")) + r")s?(?![\w-])(?!\s+(?:earlier|ago|before|later|on)\b)|"
            r"(?:(?<!\s)\s+|-)per[\s-]+(?P<n2>\d[\d.,]*|" + nw + r")\s+(?P<p2>[a-z]+)(?![\w-])"),
        re.compile(
            r"(?<!\s)\s+(?:over|in|during|within|across)\s+(?:the\s+)?(?:next\s+|past\s+|last\s+|coming\s+|following\s+|"
            r"first\s+)?(?P<n>\d+|" + nw + r")\s+(?:fiscal\s+|financial\s+|calendar\s+)?"
            r"(?:years|months|weeks|days|quarters|decades)(?![\w-])"),
    )


# letters glued before a sign ("US", "A"); %, per cent and points; a currency word after a figure; a unit word
# after it; a rate ("an hour", "per 100,000 people"); a period ("over 10 years")
_CUR_PREFIXES, PCT, CUR_WORD, UNIT_WORD, RATE, PERIOD = _build()
_PROJECT_FORMS = frozenset(lexicon.mapping("claims/currencies.txt"))
_PLURAL_NOUNS, _NOT_PLURAL = lexicons().plural_nouns, lexicons().not_plural
# a figure as a compound adjective: "a 27-kilometer ring", "a 9,500-square-foot warehouse"
COMPOUND = re.compile(r"-(?P<w>[a-z]+)(?:-(?P<w2>[a-z]+))?")


def currency_before(low: str, s: int) -> tuple[str | None, int, int] | None:
    """(currency sign, start of the figure with its sign, start of its digits) for a figure found at ``s``;
    None for a sign with no digit after it."""
    cur = None
    fs = s                                  # start of the figure with its currency sign
    if low[s] in CURRENCY_SIGNS:
        if not low[s + 1:s + 2].isdigit():
            return None
        cur = low[s]
        for p in (_CUR_PREFIXES if s and low[s - 1].isalpha() else ()):    # "US$", "A$": letters only
            # only a known pair: "US$" is dollars, but "US€" (a typo) was looked up and crashed the reader
            if low.startswith(p, s - len(p)) and (s - len(p) == 0 or not low[s - len(p) - 1].isalnum()) \
                    and p + cur in lexicons().currencies:
                cur, fs = p + cur, s - len(p)
                break
        s += 1
    elif low[s - 2:s - 1] in _SIGNS and low[s - 1:s] == " " and s > 1:
        cur, fs = low[s - 2], s - 2             # "$ 170 billion"
    return cur, fs, s


def norm_unit(sc, u: str) -> str:
    u = " ".join(u.replace("-", " ").lower().split())
    return sc.lx.units.get(u, u)


def unit_written_after(sc, e: int, nxt: str) -> tuple[str | None, int]:
    """(unit, end) for %, percent, points or a currency word right after a figure ending at ``e``."""
    low = sc.low
    pm = PCT.match(low, e) if nxt == "%" or nxt in " -" and low[e + 1:e + 2] in "pb%" else None
    if pm:
        return norm_unit(sc, pm.group("u")), pm.end()
    if nxt == " ":
        cw = CUR_WORD.match(low, e)     # "300 dollars", "5m of US dollars"
        if cw and not (cw.group("w").startswith("pound") and _POUNDS_OF.match(low, e, e + 12)):
            code = currency_word(sc, cw)
            if code:
                return code, cw.end()
    return None, e


def currency_word(sc, cw: re.Match) -> str | None:
    """The currency a ``CUR_WORD`` match names: its ISO code; for a word several currencies share ("rials")
    the one of the country the article names, else the word itself; None for an ISO code not written in
    capitals ("all", "top")."""
    key = " ".join(cw.group("w").split())
    code = sc.lx.currencies[key]
    if key in iso_codes() and key not in _PROJECT_FORMS and not sc.text[cw.start("w"):cw.end("w")].isupper():
        return None
    if isinstance(code, tuple):
        return resolve(code, sc.text, cw.start("w")) or key
    return code


def per(unit: str, rt: re.Match) -> str:
    """The unit of a rate read by ``RATE``: "USD per hour", "USD per 3 months", "per 100,000 people"."""
    n, p = rt.group("n") or rt.group("n2"), rt.group("p") or rt.group("p2")
    if not n:
        return f"{unit} per {p}"
    return f"{unit} per {n} {p if _plural(p, _PLURAL_NOUNS, _NOT_PLURAL) else p + 's'}"


def rate_and_period(sc, unit: str, end: int) -> tuple[str, int]:
    """``unit`` with the rate and period after ``end``: "$12 an hour", "$500 every three months",
    "$215 billion over eight years"."""
    low = sc.low
    rt = RATE.match(low, end) if low.startswith(_RATE_STARTS, end) else None
    if rt and rt.group("p2") and not _plural(rt.group("p2"), _PLURAL_NOUNS, _NOT_PLURAL):
        rt = None                           # "per 100,000 people", not "per 100 said"
    n = rt and (rt.group("n") or rt.group("n2"))
    if rt and (n is None or n[0].isdigit() or read_words(n)):
        unit, end = per(unit, rt), rt.end()
    pd = PERIOD.match(low, end) if low.startswith(_PERIOD_STARTS, end) else None
    if pd:
        unit = f"{unit} over {sc.text[pd.start('n'):pd.end()].strip()}"
        end = pd.end()
    return unit, end


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


def unit_after(sc, e: int, sent: Sentence, vague: bool = False, single: bool = False) -> tuple[str | None, int]:
    """(unit, end) for the noun phrase after a figure ending at ``e``.

    The counted noun is the first plural noun before a stop word, skipping
    adjectives ("100,000 Russian troops"), a hyphenated first half ("coal- and
    gas-fired plants") and a figure used as an adjective ("$12-an-hour workers").
    ``sc.elided`` tells whether the noun is left out ("thousands since").
    """
    text = sc.text
    sc.elided = True
    if e >= sent.end or text[e] not in _SPACE_OR_QUOTE:
        return None, e
    lx = sc.lx
    stop_words, units, plural_nouns, not_plural = lx.stop_words, lx.units, lx.plural_nouns, lx.not_plural
    skip_of = vague
    dangling = False
    first = True
    modifier = False                # the word before was a lower-case word that may modify the noun to come
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
        last = tok[-1] in _CLOSERS and not _ABBREV.fullmatch(tok) and not _SCARE_QUOTED.fullmatch(tok)
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
        if first and lw in _MORE and not last and not text.startswith(" than", pos):
            continue                        # "500 more nurses", "a million extra homes" (but "500 more than")
        if lw == "and" and modifier and not last:
            modifier = False
            continue                        # "3,000 school and college students": two modifiers of one noun
        if lw[-1] == "-" and len(lw) > 1 and not last:
            dangling, first, caps = True, False, None
            continue
        if lw in stop_words:
            break
        if first:
            sc.elided = False
        if (lw[0].isdigit() or lw[0] in "$£€") and not _DIGIT_ADJECTIVE.fullmatch(lw):
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
            caps = None                     # "1,315 Ruritania registered voters"
        modifier = w.isalpha() and w.islower()
        first = False
        if last:
            break
    if caps:
        return caps[-1]
    return None, e


def inheritable(unit: str | None) -> bool:
    """May a later figure of the sentence that leaves its noun out take this unit? Not a share or a fraction:
    "46 percent ..., voters 45 and older"."""
    return bool(unit) and unit not in ("fraction", "ratio") and unit not in SHARE_UNITS


def inherit_unit(sc, sent: Sentence, at: int | None = None) -> str | None:
    """An elided unit: "thousands of shootings, thousands since" -> shootings: the unit of the sentence's last
    claim with an ``inheritable`` one (``sc.unit_to_inherit``, kept as claims are added: a walk back over the
    sentence's claims at every figure made a long sentence quadratic). A figure in brackets (at ``at``) takes
    the unit of a figure earlier in the same brackets ("(Of the 2,460 ballots counted, 1310 were for her)"); one
    outside them never does (a conversion: "2,310 trillion crowns ($142bn) ... the year before's 1,980
    trillion")."""
    inside = sc.bracket_unit
    if at is not None and inside is not None and inside[0] == sent.idx and \
            sc.text.rfind("(", inside[1], at) == inside[1] and sc.text.find(")", inside[1], at) < 0:
        return inside[2]
    last = sc.unit_to_inherit
    return last[1] if last is not None and last[0] == sent.idx else None


def to_major_currency(claims: list, minor: dict) -> None:
    """Amounts in coins in their currency: "69 cents" -> 0.69 USD, "533p a share" -> 5.33 GBP per share."""
    for c in claims:
        if not c.unit:
            continue
        coin, sep, rate = c.unit.partition(" per ")
        if coin in minor:
            c.unit = minor[coin] + sep + rate
            c.value, c.low, c.high = (None if v is None else round(v / 100, 12) for v in (c.value, c.low, c.high))


# a measurement written in two units, the larger first: "5ft 9in" is 69 inches, "11st 4lb" 158 pounds, "2hr 5min"
# 125 minutes; (larger unit, smaller unit) -> how many of the smaller make one of the larger
_COMPOUND_UNITS = {("feet", "inches"): 12, ("stone", "pounds (weight)"): 14, ("pounds (weight)", "ounces"): 16,
                   ("hours", "minutes"): 60, ("minutes", "seconds"): 60}


def join_compound(claims: list, text: str) -> list:
    """Claims in text order with each measurement written in two units ("5ft 9in", "2 minutes 30 seconds") made
    one claim in the smaller unit, spanning both: it was two claims, "5ft" and "9in", the first read as 5 feet
    (issue 16). The second part must be exact, whole-number led and under one of the larger unit."""
    out: list = []
    for c in claims:
        a = out[-1] if out else None
        factor = _COMPOUND_UNITS.get((a.unit, c.unit)) if a is not None and a.kind == c.kind == "quantity" else None
        if factor and a.value is not None and c.value is not None and a.value == int(a.value) and \
                0 <= c.value < factor and (c.qualifier or "exact") == "exact" and \
                text[a.end:c.start] in (" ", " and ") and a.sentence_idx == c.sentence_idx:
            value = round(a.value * factor + c.value, 6)
            raw_at = text.find(a.raw_number, a.start, a.end) if a.raw_number else -1
            # the raw number: the measurement as written in both units, without the qualifier ("about")
            a.raw_number = text[raw_at if raw_at >= 0 else a.start:c.end]
            a.text, a.end, a.unit = text[a.start:c.end], c.end, c.unit
            a.value = value
            a.low = None if a.low is None else value
            a.high = None if a.high is None else value
            continue
        out.append(c)
    return out
