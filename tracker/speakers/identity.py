"""Cross-article identity: which speakers of different articles are one, by ``key(speaker)``.

The store (``tracker/store.py``) links speakers on this key. Named people
link by their folded canonical name, bodies by their folded name, generic
sources by their noun and affiliation; what another article may use for
someone else stays the article's own (None): a bare surname ("Sanders").

Why the folding:

- people: ingesting all of PolNeAR showed "Hillary Rodham Clinton" and
  "Hillary Clinton" as two rows, so a middle name or one initial is dropped;
  two initials tell people apart ("George H. W. Bush" is not "George W.
  Bush") and are kept. A peer's title is part of the name ("Lord Falconer":
  the one peer of that name), any other title is not;
- bodies: the BBC corpus wrote "TimeWarner", "Time Warner" and "Time Warner
  Inc" for one company, so a body's key drops a leading "the", its legal form
  (``data/speakers/corporate_suffixes.txt``), case, accents and everything
  but letters and digits ("Deutsche Börse" is "Deutsche Boerse"); it starts
  with "org:", so that no body shares a row with a person;
- generic and anonymous sources ("analysts", "a Zenco spokeswoman") are one
  row per noun and affiliation ("Analysts" had been 145 rows of the BBC
  corpus, one per article): the noun folded to one form ("spokesmen",
  "spokeswoman" and "spokesperson" are "spokesperson", "analysts" is
  "analyst").
"""
from __future__ import annotations

import re
import unicodedata

from ..model import Speaker
from . import names as N
from .kinds import CORPORATE_SUFFIXES

_SUFFIXES = frozenset(s.lower() for s in N.SUFFIXES)     # "jr", "ii"
_LEGAL_FORMS = frozenset(s.lower() for s in CORPORATE_SUFFIXES)
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
_NOT_ALNUM = re.compile(r"[\W_]+")
_SPOKES = re.compile(r"^spokes(?:man|woman|person|men|women|persons|people)$")


def key(speaker: Speaker) -> str | None:
    """The cross-article identity of a speaker, or None when it must not be linked across articles.

    Named people link by their folded canonical name (initials dropped: "Vladimir V. Putin" is "Vladimir
    Putin"), bodies by ``body_key``, generic sources by noun and affiliation. A bare surname ("Sanders") is the
    article's own: another article's "Sanders" may be someone else.
    """
    if speaker.anonymous or speaker.kind == "generic":
        aff, name = speaker.affiliation, speaker.name
        rest = name[len(aff):] if aff and name.startswith(aff + " ") else None if aff else name
        if rest is None or rest != rest.lower() or rest.split()[:1] in (["a"], ["an"], ["the"]):
            # a form the article wrote ("A UKIP spokesman", "Analysts"), not the source's name (its affiliation,
            # then its words in lower case): the store names the row by the names that have its key
            return f"generic form: {name}"
        noun = generic_noun(speaker.role or name.split()[-1])
        return f"generic:{noun}|{body_key(aff)[4:] if aff else ''}"
    if speaker.kind == "organization":
        return body_key(speaker.name)
    words = [w for w in re.findall(r"[\w’'\-]+\.?", speaker.name)]
    while len(words) > 2 and N.post_nominal(words):
        words = words[:-1]              # "Jane Doe QC" is "Jane Doe"
    if speaker.kind in ("person", "unknown") and len(N.name_core(words)) < 2:
        return None
    if speaker.kind == "person":
        # a middle name or initial does not tell people apart as often as it varies between outlets:
        # "Hillary Rodham Clinton" is "Hillary Clinton", "Vladimir V. Putin" is "Vladimir Putin";
        # two initials do ("George H. W. Bush" is not "George W. Bush"), and are kept
        initials = [w for w in words if N.INITIAL.match(w)]
        core = [w for w in words if w not in initials]
        suffix = [w for w in core if w.rstrip(".").lower() in _SUFFIXES]
        core = [w for w in core if w not in suffix]
        core = core[:1] + core[-1:] if len(core) > 2 else core
        if sum(len(w.rstrip(".").split(".")) for w in initials) > 1 and len(core) == 2:
            core = core[:1] + [i for w in initials for i in w.rstrip(".").split(".")] + core[1:]
        words = core + suffix
    folded = [w.rstrip(".").casefold().replace("’", "'") for w in words]
    return " ".join(folded)


def body_key(name: str) -> str:
    """A body's identity: "Time Warner Inc", "TimeWarner" and "the Time-Warner" are all "org:timewarner"."""
    words = N.strip_possessive(name.strip()).split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and words[-1].rstrip(".,").lower() in _LEGAL_FORMS:
        words = words[:-1]
    folded = unicodedata.normalize("NFKD", " ".join(words).translate(_UMLAUTS))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return "org:" + _NOT_ALNUM.sub("", folded.casefold())


def generic_noun(noun: str) -> str:
    """One form of a generic source's noun: "Spokeswoman", "spokesmen" -> "spokesperson"; "analysts" -> "analyst"."""
    noun = noun.lower()
    if _SPOKES.match(noun):
        return "spokesperson"
    generic = N.lists()["generic"]
    for singular in (noun[:-1] if noun.endswith("s") else None, noun[:-2] if noun.endswith("es") else None,
                     noun[:-3] + "y" if noun.endswith("ies") else None):
        if singular and generic.get(singular) == "person":
            return singular
    return noun
