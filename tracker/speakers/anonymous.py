"""Anonymous and generic sources: "a Downing Street spokeswoman", "officials", "a spokesman for the police".

A mention whose head noun is in ``data/speakers/generic_sources.txt`` becomes
an anonymous speaker, never a named person: its name is its words without
determiners, and the body it speaks for (capitalised words before the head,
or the complement after "of", "for", "at") is its affiliation and comes
first ("Downing Street spokeswoman", affiliation Downing Street). Measured
reasons: anonymous sources taking the body of their complement ("members of
the World Trade Organization") and paragraph rules of the same change brought
speakers-dev gold mentions to 0.879 right / 0.012 wrong; a capitalised head
("Officials") is no affiliation (ingesting PolNeAR showed it as one).
``identity.key`` links an anonymous source across articles only by its
affiliation.
"""
from __future__ import annotations

from . import names as N
from .article import Article, Entity
from .mentions import DETERMINERS


class Anonymous(Article):
    """A mixin of ``resolver.Resolver``; it calls no other module's rules."""

    def anonymous(self, words: tuple[str, ...], head: str, generic: str | None, pos: int,
                  complement: str | None = None) -> Entity:
        """An anonymous source: named by its words without determiners, the body it speaks for put first
        ("A Downing Street spokeswoman" -> "Downing Street spokeswoman", affiliation Downing Street)."""
        kept = [N.strip_possessive(w) for w in words if w.lower() not in DETERMINERS]
        caps = [w for w in kept[:-1] if w[:1].isupper()]      # the head noun ("Officials") is no affiliation
        affiliation = None
        if caps:
            affiliation = N.org_canonical(" ".join(caps)) or " ".join(caps)
            kept = [w for w in kept[:-1] if not w[:1].isupper()] + kept[-1:]
        elif complement:
            affiliation = N.org_canonical(complement) or complement
        kind = "group" if generic == "group" or (generic is None and head.endswith("s")) else "person"
        name = f"{affiliation} {' '.join(kept)}".strip() if affiliation else (" ".join(kept) or head)
        ident = "a:" + name.lower()
        return self.entity(ident, lambda: Entity(name, kind, ident, role=head, affiliation=affiliation,
                                                  anonymous=True))
