"""The same claim across articles: the key that groups claims stating the same measure about the same subject.

>>> group_key(Claim("quantity", "4.7%", 0, 4, 0, unit="percent", measure="jobless rate", subject="the UK",
...                 period="in March"))
'unemployment rate|uk|march|percent'
>>> group_key(Claim("quantity", "4.8%", 0, 4, 0, unit="percent", measure="unemployment rates", subject="UK",
...                 period="in March"))
'unemployment rate|uk|march|percent'

A fact-checker wants to see where a figure first appeared, who repeated it
and where the value changed (issue 16: a troop count of 100,000 on Monday,
130,000 on Friday). Two quantity claims belong to one group when they
state the same measure about the same subject, in the same period and
unit, exactly or nearly:

- the measure's words lower case, in the singular ("rates" -> "rate"), the
  determiners dropped, and words that name the same measure made one
  (``data/claims/measure_synonyms.txt``: "jobless" is "unemployment");
- the subject lower case without "the" or a possessive ("the UK's" -> "uk");
- the period as dated by ``dating`` where it can be ("in March 2004" and
  "last month" in an article of April 2004 -> "2004-03"), else the words
  without their preposition ("in March" -> "march"); none is a period of
  its own (a standing figure: "troops on the border");
- the unit's first part ("GBP per year" -> "gbp").

A claim gets a key only when the article names both its measure and its
subject, and the measure says more than the counted noun or the unit: "20
people" about nobody in particular, "three films" by a director or a
sprinter's "100m" (a distance) group with nothing. The
key is a function of the claim alone, so the groups are the same whatever
order the articles are ingested in, and a new claim joins its group by
key (``tracker.store``).
"""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..model import Claim
from .dating import period_label
from .measure import unit_measure

_DROP = frozenset("the a an its their his her our my your this that these those of".split())
_WORD = re.compile(r"[\w’'-]+")
_PREPOSITIONS = frozenset("in during since by from until till for over throughout through to before after as of at "
                          "on".split())


@cache
def _synonyms() -> dict[str, str]:
    return lexicon.mapping("claims/measure_synonyms.txt")


@cache
def _not_plural() -> frozenset[str]:
    return lexicon.words("claims/not_plural.txt")


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses", "zzes")):
        return word[:-2]                # "matches", "taxes", "businesses"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) and word not in _not_plural():
        return word[:-1]
    return word


def measure_key(measure: str | None) -> str:
    """The measure as a key: lower case, singular, determiners dropped, synonyms made one."""
    syn = _synonyms()
    words = []
    for w in _WORD.findall((measure or "").lower().replace("’", "'")):
        if w in _DROP:
            continue
        w = syn.get(w, w)
        words.append(_singular(syn.get(_singular(w), w)))
    return " ".join(words)


def search_synonyms(word: str) -> list[str]:
    """The words that name the same measure as ``word`` (``data/claims/measure_synonyms.txt``), for a search
    to find them all: "jobless" -> ["unemployment", "unemployed"]; [] for a word with none."""
    syn = _synonyms()
    w = word.lower()
    key = syn.get(w) or syn.get(_singular(w)) or (w if w in _synonym_keys() else _singular(w))
    if key not in _synonym_keys():
        return []
    return [x for x in [key, *sorted(k for k, v in syn.items() if v == key)] if x not in (w, _singular(w))]


@cache
def _synonym_keys() -> frozenset[str]:
    return frozenset(_synonyms().values())


def subject_key(subject: str | None) -> str:
    s = (subject or "").lower().replace("’", "'")
    s = re.sub(r"'s?$", "", s.strip())
    words = [w for w in _WORD.findall(s) if w != "the"]
    return " ".join(words)


def period_key(period: str | None) -> str:
    words = _WORD.findall((period or "").lower())
    while words and words[0] in _PREPOSITIONS:
        del words[0]
    return " ".join(w for w in words if w != "the")


def group_key(claim: Claim) -> str | None:
    """The key of the group a quantity claim belongs to, or None when the text names no measure or subject."""
    if claim.kind != "quantity" or not claim.measure or not claim.subject:
        return None
    measure, subject = measure_key(claim.measure), subject_key(claim.subject)
    if not measure or not subject:
        return None
    unit = (claim.unit or "").split(" per ")[0].lower()
    if set(measure.split()) <= {_singular(w) for w in _WORD.findall(unit)} or \
            measure == measure_key(unit_measure(claim.unit)):
        return None         # the measure is the counted noun itself ("76 minutes", "three films") or only what
        #                     its unit measures ("100 metres": a distance): too bare to say two figures are one
        #                     claim (over the BBC corpus, most such groups were not)
    period = period_label(claim.period_start, claim.period_end) or period_key(claim.period)
    return f"{measure}|{subject}|{period}|{unit}"
