"""Comparisons by rank: a fact set against history or against a set (records are read in records.py, "none
since ... has" and "the last time ... was" in since.py).

>>> from tracker.claims import find_claims
>>> [(c.text, c.reference) for c in find_claims(
...     "Prices rose at the fastest rate since 1990, a record high and the first time in 20 years.", None)]
[('the fastest rate since 1990', '1990'), ('a record high', None), ('the first time in 20 years', '20 years')]

- superlatives: historical ("the highest level since 2008", "the lowest in
  50 years", "on record", "ever") or over a set ("the largest source of
  U.S. carbon emissions", "the world's largest drugmaker", "by far the
  largest"); "most voters", "at least", "the most likely", "doing the best
  it can", "the oldest daughter", an award's name ("the best debut
  performance prize") and praise ("the country's best interest") are none;
  a plural noun must be followed by the set at once ("give the wealthiest
  people enormous influence" is no claim);
- firsts: "the first time since the merger", "first-of-its-kind", "the
  first quarterly loss in six years", "its first loss after four weeks of
  gains";
- levels: "a new high", "a 31-year low".

Found on blind held-out sets: ranks below the top, "by far", "to date",
possessive superlatives over a set, "a new high", "a 31-year low" (commit
1c623ec: held-out comparison recall 0.47 -> 0.82, precision 0.96 -> 1.0);
records broken past a possessor, "the first ... in N years", "the most of
any" (3050b44); negated "since" and "the last time ... was" (b8b245c: a
set at F1 0.48 before).
"""
from __future__ import annotations

import re

from ...model import Claim
from ..cldr import territory_names
from ..lexicons import trie_pattern, word_list
from .reference import ABBREV, BOUNDARY, TOKEN, TRAILING, article_start, claim, noun_phrase

_POSSESSIVES = frozenset("its their his her our my your".split())
_TEMPORAL = re.compile(
    r"(?<!\s)\s+(?:(?P<since>since)\s|(?P<rec>on\s+record|in\s+(?:recorded\s+)?history|of\s+all\s+time|ever(?:\s+recorded)?|"
    r"to\s+date|so\s+far|yet)\b|"
    r"(?P<in>in|for)\s+(?P<span>(?:(?:at\s+least|more\s+than|over|nearly|almost|about|some|just\s+over|well\s+over)\s+)?"
    r"(?:(?:\d+|a|an|the\s+past|the\s+last|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|"
    r"recent|a\s+few|a\s+couple\s+of)\s+(?:[a-z]+\s+)?(?:years?|decades?|generations?|century|centuries|months?|weeks?|"
    r"days|quarters?|history|years’|years')|(?:years|decades|generations|(?:living|recent)\s+memory|a\s+generation))\b))")


# the complement of a superlative: "the biggest decline [for a developed nation]"
_REL = re.compile(r"(?<!\s)\s+(?:since|ever|yet(?=\s*[.,;:!?)]|$)|on\s+record|on\s+(?:earth|the\s+planet)|in|of|for|among|within(?!\s+reach)|across|to\s+date|so\s+far)\b")
_SCOPE_STOP = frozenset("than that to and or but which who is was are were has have had will would as at by with "
                        "from on".split())


_COMPOUND_REST = re.compile(r"(?:-[\w’']+)+")
_FAMILY = re.compile(r"(?<!\s)\s+(?:" + trie_pattern(word_list("family_nouns")) + r")s?\b")
_OF_ITS_KIND = re.compile(r"(?<![\s-])[\s-]+of[\s-]+its[\s-]+kind|[\s-]ever\b")
_FIRST_SINCE = re.compile(r"(?<!\s)(?:\s+time)?(?:\s+[\w’'-]+){0,10}?\s+since\s")
_CLAUSE_WORD = re.compile(r"\b(?:that|which|but|when|because|as|while|although)\b|[,;:]")
_FIRST_TIME_IN = re.compile(r"(?<!\s)\s+time(?=\s+(?:in|for)\s)")
_FIRST_CUES = ("-of", " of its", "-ever", " ever", " time in", " time for")
_SUPERLATIVE_BEFORE = ("the ", "its ", "their ", "his ", "her ", "our ", "my ", "'s ", "’s ")
# a rank below the top: "the second highest in 28 years", "the fourth-largest economy", "the 12th most visited"
_RANK = re.compile(r"(?<=\s)(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[\s-]+"
                   r"(?:most\s+|least\s+)?$")
# "the most generous by far", "by far the largest"
_BY_FAR = re.compile(r"(?<!\s)(?:\s+[a-z][\w-]*){0,2}?\s+by\s+far\b")
# "the most of any candidate", "the least of all": a superlative over a set, though "most of" is none
_OF_ANY = (" of any ", " of all ")
# "doing the best it can": an idiom, no comparison
_CAN = re.compile(r"(?<!\s)\s+(?:it|he|she|they|we|i|you)\s+(?:can|could)\b")
# an award's name: "the best debut performance prize"
_AWARD = re.compile(r"\s(?:" + trie_pattern(word_list("award_nouns")) + r")\b")
# a possessor that is the set itself: "the world's largest drugmaker", "the nation's oldest bank"
_PLACES = word_list("set_nouns")


# praise, not a ranking: "the world's greatest economist", "in the country's best interest"
_PRAISE = frozenset(("best", "worst", "greatest"))


def _superlative(scanner, word, s, e, sent):
    low = scanner.low
    if word == "best" and low.endswith(tuple(f"{k} " for k in _BEST_KINDS), max(0, s - 10), s):
        return _personal_best(scanner, scanner.before(s, sent), s, e, sent)
    ranked = "-" in word                         # "the fourth-largest"
    if ranked:
        word = word.partition("-")[2]
    elif not low.endswith(_SUPERLATIVE_BEFORE, max(0, s - 6), s):
        r = _RANK.search(low, max(sent.start, s - 14), s)
        if r is None:
            return _bare(scanner, word, s, e, sent)
        s, ranked = r.start(), True              # "the second highest", "the fourth-largest": the rank starts the span
        if not low.endswith(_SUPERLATIVE_BEFORE, max(0, s - 6), s):
            return None
    pw = scanner.before(s, sent)
    prev = pw[-1] if pw else ""
    if word in ("best", "worst") and _CAN.match(low, e):
        return None                              # "doing the best it can"
    if prev == "the" and word in ("least", "most", "best", "worst") and low.startswith(" bit", e):
        return None
    if word in ("most", "least") and (prev != "the" or low.startswith((" of ", " likely", " recent"), e)):
        if not (prev in _POSSESSIVES and word == "most" or prev == "the" and low.startswith(_OF_ANY, e)):
            return None                          # "most voters", "most of the", "the most likely"
    if word in ("oldest", "youngest", "eldest") and _FAMILY.match(low, e):
        return None                              # "the oldest daughter of Eric Garner"
    article = prev == "the"
    possessive = prev in _POSSESSIVES or prev.endswith(("'s", "’s"))
    if not (article or possessive):
        return None
    start = low.rfind(prev, 0, s)
    limit = sent.end
    by_far = None                               # "by far the largest ...": the claim if no set or baseline follows
    if article and "by far" in low[max(0, start - 7):e + 40] and \
            (_BY_FAR.match(low, e, limit) or low.endswith("by far ", max(0, start - 7), start)):
        bf = _BY_FAR.match(low, e, limit)      # "the most generous by far": a fact over the whole set
        if bf:
            return claim(scanner, sent, start, max(bf.end(), e), None)
        start = start - 7
        by_far = claim(scanner, sent, start, max(noun_phrase(scanner, e, limit, max_words=2)[1], e), None)
    if possessive and word not in _PRAISE and prev[:-2] in territory_names() and \
            scanner.text[scanner.low.rfind(prev, 0, s)].isupper():
        # "Europe's biggest stock market", "Japan's largest bank": a place (CLDR's names) is the set
        end = _place_noun_end(scanner, e, limit)
        if end is None:
            return None
        return claim(scanner, sent, start, max(end, e), scanner.text[start:start + len(prev) - 2])
    if possessive and prev[:-2] in _PLACES and (len(pw) > 1 and pw[-2] == "the" or prev[:-2] == "world") and \
            word not in _PRAISE:
        # "the world's largest drugmaker": the possessor is the set (but "the country's oldest
        # plants" picks out a group, no claim of a single top); the noun may be left out at the end of a
        # clause ("... was named the nation's safest.")
        end = e if low[e:e + 1] in (".", "!", "?", ";") or e >= limit else _place_noun_end(scanner, e, limit)
        if end is None:
            return None
        if len(pw) > 1 and pw[-2] == "the":
            start = low.rfind("the", 0, start)
        else:                                    # a headline's "world's biggest buyer": no article
            start = low.rfind(prev, 0, s)
        return claim(scanner, sent, start, max(end, e), scanner.text[start:s].strip()[:-2].strip("’'"))
    at = _scope(scanner, e, limit)
    if at is None:
        ever = _EVER_CLAUSE.match(low, e, limit)
        if ever and not _CLAUSE_WORD.search(low, e, ever.start("ever")):
            # "the finest goals the club has ever scored", "the worst winter we have ever had": against all the past
            return claim(scanner, sent, start, ever.end(), None)
        if word in _RECORD_AGES:                 # "the oldest player to appear in the cup"
            c = first_to(scanner, s, e, sent)
            if c is not None:
                return c
        if by_far is None and (ranked or article and _change_noun(scanner, e, limit)):
            # a rank below the top ("the seventh-largest European carrier") or the largest of changes ("saw the
            # biggest price falls"): a comparison though the set goes unsaid
            end = _place_noun_end(scanner, e, limit) if ranked else None
            if end is None:
                end = noun_phrase(scanner, e, limit, max_words=3)[1]
            return claim(scanner, sent, start, max(end, e), None)
        return by_far
    if word in ("best", "worst") and _AWARD.search(low, e, at):
        return None                              # "the best debut performance prize for ...": an award's name
    if any(w in _CHANCE_NOUNS and not (w == "time" and word in _RECORD_AGES) for w in low[e:at].split()):
        return None                              # "the best day for them to", "the most useful way of": a
        #                                          manner or a chance, no ranking of a figure
    rel_m = _REL.match(low, at, limit)
    rel = " ".join(rel_m.group().split())
    if rel == "of" and at == e and not _OF_A_SET.match(scanner.text, rel_m.end(), limit):
        return None                              # "the faintest of hopes", "the slimmest of leads": an idiom
    if rel == "to date" and low.endswith(" up", 0, at):
        return None                              # "the most up to date model"
    # historical: "the highest level since 2008", "the lowest in 50 years", "on record", "ever"
    tm = _TEMPORAL.match(low, at, limit)
    if tm:
        return _historical(scanner, tm, start, sent)
    if rel in ("since", "ever", "on record"):
        return by_far
    if rel in ("on earth", "on the planet"):         # "the fastest on Earth": the whole world is the set
        return claim(scanner, sent, start, rel_m.end(), scanner.text[rel_m.start():rel_m.end()].split(None, 1)[1])
    # a superlative over a set: "the largest source of Ruritania's river pollution"
    ref, end = noun_phrase(scanner, rel_m.end(), limit)
    i = ref.find(" since ") if ref else -1
    if ref is None or not article and rel != "among" and i < 0:
        return by_far                            # but "his greatest support among the Marines" is a set, and
        #                                          "their best run in the cup since 1990" a baseline in time
    if i > 0:                                    # "the best result for the party since 1997": the baseline
        ref = ref[i + 7:]
    else:                                        # "the toughest year for the firm in a decade": the stretch
        j = ref.rfind(" in ")
        tm = _TEMPORAL.match(ref.lower(), j) if j > 0 else None
        if tm and tm.group("span") and tm.end() == len(ref):
            ref = ref[tm.start("span"):]
    return claim(scanner, sent, start, end, ref)


# what follows "the X-est of" when it ranks over a set: a determiner, a possessive, "all", "any", a name or a figure
_OF_A_SET = re.compile(r"(?<!\s)\s+(?:(?:the|a|an|its|their|his|her|our|my|your|all|any|these|those|this|that|"
                       r"[\w.-]+(?:’s|'s)|\d[\d.,]*)\b|[A-Z])")
# a relative clause with "ever" after a superlative's noun: "the finest goals (that) the club has ever scored"
_EVER_CLAUSE = re.compile(r"(?<!\s)(?:\s+[\w’'-]+){1,5}?\s+(?P<ever>ever)\b(?:\s+(?:been\s+)?[a-z]+(?:ed|en|wn|ne|t|d)\b)?")
# a record of one athlete, a season or a career: "a personal best of 61.3m", "her season's best"
_BEST_KINDS = frozenset(("personal", "season's", "season’s", "career", "lifetime"))
_OF_A_FIGURE = re.compile(r"(?<!\s)\s+of\s+[$£€¥]?\d[\d.,:]*(?:\s*(?:m|km|kg|s|secs?|seconds|minutes|metres|points|pts)\b)?")


def _personal_best(scanner, pw, s, e, sent):
    """"a personal best of 61.3m", "her season's best": a record, the figure after "of" kept in the span."""
    low = scanner.low
    start = low.rfind(pw[-1], 0, s)
    if len(pw) > 1 and pw[-2] in ("a", "an", "new", "her", "his", "their", "its", "the"):
        start = low.rfind(pw[-2], 0, start)
    m = _OF_A_FIGURE.match(low, e, sent.end)
    return claim(scanner, sent, start, m.end() if m else e, None)


def _unprecedented(scanner, word, s, e, sent):
    """"an unprecedented third term", "was unprecedented": a record against all that came before."""
    pw = scanner.before(s, sent, n=1)
    start = article_start(scanner, pw, s)
    end = e
    for n, m in enumerate(TOKEN.finditer(scanner.low, e, sent.end)):
        w = m.group(1).rstrip(".")
        if m.start() != end or n > 2 or w in BOUNDARY or w in TRAILING or not w.replace("-", "").isalnum():
            break
        end = m.start(1) + len(w)
        if len(w) < len(m.group(1)):
            break                                # "an unprecedented fourth term.": the sentence ends
    return claim(scanner, sent, start, end, None)


# superlatives of age or speed, records even when what follows names no set ("the youngest player to score")
_RECORD_AGES = frozenset(("oldest", "youngest", "fastest", "quickest", "first"))
_CHANGE_NOUNS = word_list("change_nouns")
# the changes a superlative may rank without naming the set: those of data/claims/change_nouns.txt and the losses
# and cuts ("the biggest job losses are in ..."; kept here, as the list there also serves the measure of a figure)
_RANKED_CHANGES = _CHANGE_NOUNS | {"loss", "cut", "surge", "slump", "rally"}


def _change_noun(scanner, e: int, limit: int) -> bool:
    """Is a change ("fall", "increase") the head of the noun phrase after a superlative ("the biggest price falls")?"""
    for n, m in enumerate(TOKEN.finditer(scanner.low, e, limit)):
        if n > 2:
            return False
        w = m.group(1).rstrip(".")
        if w in _RANKED_CHANGES or w[-1:] == "s" and w[:-1] in _RANKED_CHANGES or w[-2:] == "es" and \
                w[:-2] in _RANKED_CHANGES:
            return True
        if w in BOUNDARY or w in TRAILING or not w.isalpha():
            return False
    return False


def _bare(scanner, word, s, e, sent):
    """A superlative with no determiner but a baseline in time: "lowest inflation for 17 years", "(prices hit
    $50,) highest since 1990". Without a baseline in time it is none ("at least", "best known", "biggest gadget
    fair" in a headline)."""
    if word in ("most", "least", "best", "worst") or scanner.low[s - 1:s].isalnum() or scanner.low[s - 1:s] == "-":
        return None
    at = _scope(scanner, e, sent.end)
    tm = _TEMPORAL.match(scanner.low, at, sent.end) if at is not None else None
    if tm is None or tm.group("rec") and tm.group("rec") in ("so far", "to date", "yet"):
        return None
    return _historical(scanner, tm, s, sent)


def _historical(scanner, tm, start: int, sent) -> Claim | None:
    """The claim of a superlative from ``start`` to the end of its baseline in time (``_TEMPORAL``'s match):
    "since 2008" (the reference: what follows "since"), "on record" / "ever" (none), "in 50 years" (the span)."""
    if tm.group("since"):
        ref, end = noun_phrase(scanner, tm.end("since"), sent.end)
        if ref is None:
            return None
    elif tm.group("rec"):
        ref, end = None, tm.end()
    else:
        ref, end = scanner.text[tm.start("span"):tm.end()], tm.end()
    return claim(scanner, sent, start, end, ref)


_NOUN_WORD = re.compile(r"(?<!\s)\s+([a-z][a-z-]*)(?=(\s*[,.;:)—–-]|\s+[\w’']+|$))")


def _place_noun_end(scanner, e: int, limit: int) -> int | None:
    """The end of the singular noun after "the world's largest": "drugmaker", "insurance broker".

    A second word is taken only when punctuation or a clause word follows it ("the world's biggest
    insurance broker -"), not a verb or a name ("carmaker General Motors", "carmaker boost net income").
    """
    low = scanner.low
    m = _NOUN_WORD.match(low, e, limit)
    if not m or m.group(1) in TRAILING or m.group(1) in _SCOPE_STOP:
        return None                              # "the world's best in", "the world's best at losing"
    end, last = m.end(), m.group(1)
    m2 = _NOUN_WORD.match(low, end, limit)
    if m2 and m2.group(1) not in BOUNDARY and scanner.text[m2.start(1)].islower() and \
            (not m2.group(2).strip() or m2.group(2).strip()[0] in ",.;:)—–-" or m2.group(2).split()[0] in BOUNDARY):
        end, last = m2.end(), m2.group(1)
    lx = scanner.lx
    if last[-1] == "s" and last not in lx.not_plural and not last.endswith("ss") or last in lx.plural_nouns:
        return None
    return end


def _scope(scanner, e: int, limit: int) -> int | None:
    """Where the complement of a superlative starts ("... decline| for a developed nation").

    Up to four words may come between ("the best-funded super PAC| of"); a plural
    noun must be followed by the complement at once, so that "give the wealthiest
    people enormous influence in elections" is no comparison.
    """
    low = scanner.low
    if low[e:e + 1] == "-":                      # "best-funded": skip the rest of the compound
        m = _COMPOUND_REST.match(low, e)
        if m is None:                            # a dash ("the cheapest--and"), or a hyphen left hanging
            return None                          # ("the best- and worst-paid"): no complement is read
        e = m.end()
    lx = scanner.lx
    plural_before = False
    for n, m in enumerate(TOKEN.finditer(low, e, limit)):
        if m.start() != e or n > 4:
            return None
        w = m.group(1)
        if _REL.match(low, m.start(), limit):
            return m.start()
        if plural_before or w in _SCOPE_STOP or not w[-1].isalnum() and w[-1] not in "’'":
            return None
        plural_before = w[-1] == "s" and w not in lx.not_plural and not w.endswith(("ss", "’s", "'s", "us", "is")) \
            or w in lx.plural_nouns
        e = m.end()
    return None


def _first(scanner, word, s, e, sent):
    low = scanner.low
    limit = sent.end
    if not (low.startswith(_FIRST_CUES, e) or "since" in low[e:e + 50]):
        if " in " in low[e:e + 80] or " for " in low[e:e + 80] or " after " in low[e:e + 60]:
            c = _first_in(scanner, s, e, sent)
            if c is not None:
                return c
        return first_to(scanner, s, e, sent)
    m = _OF_ITS_KIND.match(low, e, limit)
    pw = scanner.before(s, sent)
    if m:
        _, end = noun_phrase(scanner, m.end(), limit, max_words=3)
        return claim(scanner, sent, article_start(scanner, pw, s), max(end, m.end()), None)
    m = _FIRST_SINCE.match(low, e, limit)
    if m and not _CLAUSE_WORD.search(low, e, m.end()):
        ref, end = noun_phrase(scanner, m.end() - 1, limit)
        if ref:
            return claim(scanner, sent, article_start(scanner, pw, s), end, ref)
    m = _FIRST_TIME_IN.match(low, e, limit)
    if m:
        tm = _TEMPORAL.match(low, m.end(), limit)
        if tm and tm.group("span"):
            return claim(scanner, sent, article_start(scanner, pw, s), tm.end(),
                          scanner.text[tm.start("span"):tm.end()])
    return None


# "the first rider to be fined", "the oldest keeper to play in the final": a first (or a record of age or
# speed) among those who did something. A noun must come between, none a noun of a chance, a step or a manner
# ("the first chance to sell", "the first step is to": data/claims/chance_nouns.txt), and "to" must open an
# infinitive: a lower-case word, no determiner ("the first visit to the city", "the first set to Federer").
_CHANCE_NOUNS = word_list("chance_nouns")
_TO_VERB = re.compile(r"(?<!\s)\s+to\s+(?!(?:the|a|an|his|her|its|their|this|that|these|those|my|our|your|former|fellow|"
                      r"date)\b)[a-z]+\b")
_FIRST_TO_BEFORE = frozenset(("the", "a", "its", "their", "his", "her"))


def first_to(scanner, s: int, e: int, sent) -> Claim | None:
    low = scanner.low
    limit = sent.end
    pw = scanner.before(s, sent)
    if not pw or pw[-1] not in _FIRST_TO_BEFORE and not pw[-1].endswith(("'s", "’s")) or pw[-3:-1] == ["one", "of"] \
            or pw[-2:-1] == ["among"]:
        return None                              # "one of the first polls to emerge": one of several, no record
    pos, nouns = e, 0
    for n, m in enumerate(TOKEN.finditer(low, e, limit)):
        w = m.group(1)
        if m.start() != pos or n > 4 or w in BOUNDARY or w in _CHANCE_NOUNS or w in ("of", "at", "in", "for", "on"):
            return None
        if w == "to":
            break
        if not w.replace("-", "").isalpha():
            return None
        nouns += 1
        pos = m.end()
    else:
        return None
    v = _TO_VERB.match(low, pos, limit) if nouns else None
    if v is None or not scanner.text[v.start():v.end()].split()[-1].islower() or scanner.text[pos + 1] == "T":
        return None                              # "to Federer", "(the single) Real To Me": a name
    end = v.end()                                # the rest of the clause, up to punctuation or a clause word
    for n, m in enumerate(TOKEN.finditer(low, end, limit)):
        w = m.group(1).rstrip(".")
        if m.start() != end or n > 10 or w in _CLAUSE_END:
            break
        end = m.start(1) + len(w)
        if m.group(1).endswith(".") and not ABBREV.fullmatch(m.group(1)):
            break
    return claim(scanner, sent, article_start(scanner, pw, s) if pw[-1] in _FIRST_TO_BEFORE else
                 low.rfind(pw[-1], 0, s), end, None)


_CLAUSE_END = frozenset("when while because after before but that which who whom since as and or said says "
                        "although though if unless until".split())


# the streak after "the first ... after": "after four weeks of gains", "after three straight quarters"
_AFTER_SPAN = re.compile(
    r"(?<!\s)\s+after\s+(?P<span>(?:(?:more\s+than|nearly|almost|about|some)\s+)?(?:\d+|a|an|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|many)\s+(?:(?:straight|consecutive|successive)\s+(?:years|decades?|months|weeks|days|"
    r"quarters|sessions|games|races|elections)(?:\s+of\s+[a-z]+)?|(?:years|decades?|months|weeks|days|quarters|"
    r"sessions)\s+of\s+(?:gains|losses|declines|increases|growth|rises|falls|wins|defeats|victories|deficits|"
    r"surpluses|cuts|hikes)))\b")


def _first_in(scanner, s, e, sent):
    """ "the first quarterly rise in five years", "its first loss after four weeks of gains": a first
    within a stretch of time (the stretch is the reference). "first" must follow a determiner, and at
    most six words, none a clause word, come between it and the stretch."""
    low = scanner.low
    limit = sent.end
    pw = scanner.before(s, sent)
    if not pw or pw[-1] not in ("the", "its", "their", "his", "her", "a"):
        return None
    pos = e
    for n, m in enumerate(TOKEN.finditer(low, e, limit)):
        if m.start() != pos or n > 9:
            return None
        w = m.group(1)
        if w in ("in", "for", "after"):
            tm = _TEMPORAL.match(low, pos, limit) if w != "after" else _AFTER_SPAN.match(low, pos, limit)
            if tm and tm.group("span"):
                return claim(scanner, sent, article_start(scanner, pw, s), tm.end(),
                              scanner.text[tm.start("span"):tm.end()])
        if w.rstrip(".") in BOUNDARY or w in ("time", "of", "to"):
            return None                          # "the first time ...", "the first of ...", "the first to ..."
        pos = m.end()
    return None


# "a 31-year low", "a five-month high": a level not seen for that long
SPAN_ADJECTIVE = re.compile(r"(?:(?<!\d)\d+|(?<![a-z])[a-z]+)-(?:year|month|week|decade)")
# what may follow "a new high" (not "a new high school", "a new low-cost airline")
_LEVEL_NEXT = re.compile(r"(?:$|[,.;:!?)’'\"”]|(?<!\s)\s+(?:of|in|for|on|this|last|mark|after|as|since|and|at|against|amid|"
                         r"earlier|was|is|set|point|level|before|during|following|when|with|but|to|while|today|"
                         r"yesterday|over|from|by|not|or)\b)")


def _level(scanner, word, s, e, sent):
    low = scanner.low
    if low[s - 1:s] != " " or low[e:e + 1] == "-":
        return None
    j = low.rfind(" ", max(sent.start, s - 24), s - 1)
    prev = low[j + 1:s - 1]
    if prev in ("new", "fresh"):
        if not _LEVEL_NEXT.match(low, e, sent.end):
            return None                          # "a new high school"
        ref = None
    elif SPAN_ADJECTIVE.fullmatch(prev):
        ref = scanner.text[j + 1:s - 1]          # "a 31-year low": not so low for 31 years
    else:
        return None
    start = j + 1
    if low.endswith((" a ", " an "), max(sent.start, start - 4), start) or low.endswith((" a ", " an "), 0, start):
        start = low.rfind(" a", 0, start) + 1
    return claim(scanner, sent, start, e, ref)


# kind of comparison (data/claims/comparisons.txt) -> its reader
READERS = {"superlative": _superlative, "first": _first, "level": _level,
           "unprecedented": _unprecedented}
