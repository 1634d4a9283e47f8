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
body's own row is named (quotes2: 1 wrong made right). A bare "a spokesman"
speaks for the one body that the sentence before (or its own, before it)
names doing something ("Zenco defended the plan. A spokesman said"), when
they name no person: such spokesmen had been one archive-wide row
"spokesman" (90 BBC quotes), counted wrong wherever the article gives the
body (BBC corpus: 23 speakers changed, all to the body meant; dev sets
unchanged).
"""
from __future__ import annotations

from bisect import bisect_right

import re

from .. import lexicon
from ..quotes import cues as _cues
from ..quotes.words import lex as _quote_words
from . import names as N
from .article import Article, Entity
from .mentions import DETERMINERS
from .runs import SIMPLE_RUN, cut_at_sentence_end


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
        elif len(kept) == 1 and N.SPOKESPERSON.match(head.lower()) and words[0].lower() not in _POSSESSIVES:
            # "Zenco defended the plan. A spokesman said": the one body the sentence before names
            body = self.speaking_body(pos)
            affiliation = body.name if body is not None else None
        kind = "group" if generic == "group" or (generic is None and head.endswith("s")) else "person"
        noun = " ".join(kept).lower() or head.lower()
        name = f"{affiliation} {noun}" if affiliation else noun
        ident = "a:" + name.lower()
        return self.entity(ident, lambda: Entity(name, kind, ident, role=head.lower(), affiliation=affiliation,
                                                  anonymous=True))

    def speaking_body(self, pos: int) -> Entity | None:
        """The one body named in the sentence before ``pos`` and in its own sentence up to it, outside quotation
        marks, when they name no person: whom a bare "a spokesman" there speaks for ("Zenco defended the plan. A
        spokesman said", "..., the Dock Board said. A spokeswoman added"); None otherwise."""
        si = bisect_right(self.starts, pos) - 1
        if si < 1:
            return None
        lo = self.starts[si - 1]
        if any(p < pos for i in (si - 1, si) for p, _, _ in self.names_in(i)):
            return None             # (a person named there may be whom the spokesman speaks for)
        found = {}
        for p, e in self.mentions:
            if lo <= p < pos:
                if e.kind != "organization" or e.anonymous:
                    return None
                found[e.ident] = e
        L = N.lists()
        text = self.text
        verbs, aux = _cues.verbs(), _quote_words().aux
        upto = 0
        for m in SIMPLE_RUN.finditer(text, max(lo, self.headline_end()), pos):
            if m.start() < upto or self.in_quote(m.start()) or m.start() and text[m.start() - 1].isalnum():
                continue
            run, end = cut_at_sentence_end(m.start(), m.group())[1], m.end()
            tail = _NAME_TAIL.match(text, end, pos)     # "the Department for Work and Pensions"
            if tail:
                run, end = run + tail.group().replace("\u00a0", " "), tail.end()
                upto = end
            # a body doing something ("Zenco said", "the Harbour Trust defended", "Zenco has"), not one named
            # in passing ("including the Zenco Service, will", "ID cards")
            # (or the agent of a passive: "described as idle by Zenco.")
            verb = _NEXT_WORD.match(text, end, pos)
            if not (verb is not None and (verb.group(1) in verbs or verb.group(1) in aux
                                          or verb.group(1).endswith("ed"))
                    or text.endswith(("by ", "by the "), 0, m.start()) and text.startswith(".", end)):
                continue
            nm = N.read(run)
            if nm is None or nm.text in L["countries"] or nm.text in L["places"] or nm.text.lower() in N.BODY_NOUNS:
                continue
            if nm.kind == "organization" or N.org_canonical(nm.text) is not None or (
                    len(nm.name) == 1 and not nm.title and self.body_kind(nm.text) == "organization"):
                e = self.org_entity(nm.text)
                found[e.ident] = e
            if len(found) > 1:
                return None
        return next(iter(found.values())) if found else None

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
_POSSESSIVES = lexicon.words(N.D + "possessive_determiners.txt")
# the small words and capitalised words that go on with a body's name ("for Work and Pensions"), and the word after
_NAME_TAIL = re.compile(r"(?:[ \u00a0](?:of|for|and|on)(?:[ \u00a0][A-Z][\w’'\-]*)+)+")
_NEXT_WORD = re.compile(r"[ \u00a0](?:(?:also|then|later|again|repeatedly|\w+ly)[ \u00a0])?([a-z]+)\b")


def _body(words: str) -> str:
    """The body an affiliation names: its canonical name ("No 10": Downing Street; "Tory": Conservative Party)."""
    party = N.PARTY_LABELS.get(words.lower())
    return N.org_canonical(words) or (_PARTIES.get(party.lower()) if party else None) or words
