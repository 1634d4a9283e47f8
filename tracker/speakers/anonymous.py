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
affiliation. An acronym the article spells out ("a CPS spokesperson" after
"the Crown Prosecution Service (CPS)") is the body by its full name, as the
body's own row is named (quotes2: 1 wrong made right).
"""
from __future__ import annotations

from bisect import bisect_right

from .. import lexicon
from . import names as N
from .article import Article, Entity
from .mentions import DETERMINERS


class Anonymous(Article):
    """A mixin of ``resolver.Resolver``; it calls spelled_out (bodies)."""

    def anonymous(self, words: tuple[str, ...], head: str, generic: str | None, pos: int,
                  complement: str | None = None, owner: str | None = None) -> Entity:
        """An anonymous source: named by its words without determiners, in lower case, the body it speaks for put
        first ("A Downing Street spokeswoman" -> "Downing Street spokeswoman", affiliation Downing Street)."""
        common = N.lists()["common"]
        kept = [N.strip_possessive(w) for w in words if w.lower() not in DETERMINERS and w not in common]
        if kept and kept[0] is not words[-1] and kept[0] == N.strip_possessive(words[0]) and kept[0][:1].isupper() \
                and self.sentence_initial(pos) and not self.capitalised_within(kept[0]):
            kept[0] = kept[0].lower()       # "Senior officials", "Shocked fans": a sentence's capital, no body's name
        caps = [w for w in kept[:-1] if w[:1].isupper()]      # the head noun ("Officials") is no affiliation
        affiliation = None
        if caps:
            affiliation = _body(" ".join(caps))
            if len(caps) == 1 and N.is_acronym(affiliation):
                # "a CPS spokesman" where the article spells out "the Crown Prosecution Service (CPS)": the body by
                # its full name, as the body's own row is
                affiliation = self.spelled_out(affiliation) or affiliation
            kept = [w for w in kept[:-1] if not w[:1].isupper()] + kept[-1:]
        elif complement:
            affiliation = _body(complement)
        elif owner:
            affiliation = owner         # "Mr Hale's spokesman": whom the possessor denotes, in full
        kind = "group" if generic == "group" or (generic is None and head.endswith("s")) else "person"
        noun = " ".join(kept).lower() or head.lower()
        name = f"{affiliation} {noun}" if affiliation else noun
        ident = "a:" + name.lower()
        return self.entity(ident, lambda: Entity(name, kind, ident, role=head.lower(), affiliation=affiliation,
                                                  anonymous=True))

    def sentence_initial(self, pos: int) -> bool:
        """Does the word at ``pos`` open its sentence (after quotation marks or a bracket, if any)?"""
        si = bisect_right(self.starts, pos) - 1
        return si < 0 or not self.text[self.starts[si]:pos].strip(" \u00a0\"“‘'(")

    def capitalised_within(self, word: str) -> bool:
        """Does the article write ``word`` capitalised inside a sentence (after a lower-case word), as a name is?"""
        text, i = self.text, self.text.find(word)
        while i >= 0:
            if i > 1 and text[i - 1] == " " and (text[i - 2].islower() or text[i - 2] == ",") \
                    and not text[i + len(word):i + len(word) + 1].isalnum():
                return True
            i = text.find(word, i + 1)
        return False


_PARTIES = lexicon.mapping(N.D + "party_names.txt")


def _body(words: str) -> str:
    """The body an affiliation names: its canonical name ("No 10": Downing Street; "Tory": Conservative Party)."""
    party = N.PARTY_LABELS.get(words.lower())
    return N.org_canonical(words) or (_PARTIES.get(party.lower()) if party else None) or words
