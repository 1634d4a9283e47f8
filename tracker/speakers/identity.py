"""Cross-article identity: which speakers of different articles are one, by ``key(speaker)``.

The store (``tracker/store.py``) links speakers on this key. Named people and
bodies link by their folded canonical name; what another article may use for
someone else stays the article's own (None): a bare surname ("Sanders") and
an anonymous source without an affiliation ("officials").

Why the folding: ingesting all of PolNeAR showed "Hillary Rodham Clinton" and
"Hillary Clinton" as two rows, so a middle name or one initial is dropped;
two initials tell people apart ("George H. W. Bush" is not "George W. Bush")
and are kept.
"""
from __future__ import annotations

import re

from ..model import Speaker
from . import names as N

_SUFFIXES = frozenset(s.lower() for s in N.SUFFIXES)     # "jr", "ii"


def key(speaker: Speaker) -> str | None:
    """The cross-article identity of a speaker, or None when it must not be linked across articles.

    Named people and bodies link by their folded canonical name (initials
    dropped: "Vladimir V. Putin" is "Vladimir Putin"). A bare surname
    ("Sanders") and an anonymous source without an affiliation ("officials")
    are the article's own: another article's "Sanders" may be someone else.
    """
    words = [w for w in re.findall(r"[\w’'\-]+\.?", speaker.name)]
    if speaker.anonymous and not speaker.affiliation:
        return None
    if speaker.kind in ("person", "unknown") and not speaker.anonymous and len(N.name_core(words)) < 2:
        return None
    if speaker.kind == "person" and not speaker.anonymous:
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
    k = " ".join(folded)
    return f"{speaker.kind}:{k}" if speaker.anonymous else k
