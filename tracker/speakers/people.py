"""Which person a name as written denotes in this article: a full name, a bare surname, a first name.

A full name is the person of the article's roster it matches; a bare
surname ("Wallace", "Mr Wallace") the person the roster names in full with
it, and a surname the article never ties to a full name stays a bare surname
of its own (``identity.key`` never links it across articles). Measured
reasons:

- two people share a surname: the bare surname is the one introduced first
  (newspapers name the other in full), an honorific's gender chooses between
  them, and a title without one ("Dr Morgan" between two) is unclear;
- a first name alone ("Hillary") is the one full name the article starts
  with it, and unclear between several; so is a given name after "Sir" or
  "Dame" ("Sir Alwyn"), whatever the name;
- a capitalised word at a sentence's start that the article also writes in
  lower case is an ordinary word (a plain ``find``: a regex compiled per word
  cost more than the rest of this stage, 0.207 -> 0.183 ms an article);
- a surname that is a title word ("Singer") joins the one full name the
  article gives it (``mentions``);
- a bare surname of a listed public figure ("Obama", "President Putin") in
  an article that names nobody of that surname in full is that figure
  (``well_known``): "Barack Obama" had been split over rows on PolNeAR and
  speakers-dev; BBC corpus: Putin and Musharraf one row each;
- a person whose first name no list knows has the gender the article's
  honorifics give the surname ("Mr Chidambaram"; ``honorific_gender``):
  BBC corpus 13 speakers changed, 10 to the right person, 1 wrong one left
  unresolved, 1 new wrong (a man the text names but the names list misses);
  quotes1 1 found, right.
"""
from __future__ import annotations

from bisect import bisect_right

from .. import lexicon
from . import names as N
from .article import Article, Entity, Person
from .occurrences import occurrences

# peers' titles, with the gender each gives: "Lord Falconer" is one person across articles
PEER_TITLES = lexicon.mapping(N.D + "peer_titles.txt")
# honorifics written before a bare surname, and the gender each gives
_GENDER_HONORIFICS = tuple((f"{h.capitalize()}{dot} ", g) for h, g in N.lists()["honorifics"].items()
                           if h in N.PLAIN_HONORIFICS for dot in ("", "."))
# titles written before a given name alone ("Sir Alwyn" after "Sir Alwyn Price"): BBC corpus, 18 quotes of such
# mentions had been a speaker row of the given name alone
_KNIGHTED = frozenset(("sir", "dame"))
# surnames that alone name one public figure of their years ("Obama"): surname -> full name
WELL_KNOWN = lexicon.mapping(N.D + "well_known_people.txt")


def _described(name: list[str]) -> bool:
    """A run that holds a title, a party label or a place ("Wisconsin Republican") describes someone: the article's
    words around it say nothing of a name's kind."""
    places = N.lists()["places"]
    return any(N.is_title(t) or t.lower() in N.PARTY_LABELS or t in places for t in name)


def word_at(text: str, phrase: str, start: int = 0, end: int | None = None) -> bool:
    """Does ``text`` (or ``text[start:end]``) hold ``phrase`` as whole words?"""
    n = len(phrase)
    end = len(text) if end is None else end
    for i in occurrences(text, phrase, start):
        if i + n > end:
            return False
        if not text[i + n:i + n + 1].isalnum() and (i == 0 or not text[i - 1].isalnum()):
            return True
    return False


class People(Article):
    """A mixin of ``resolver.Resolver``; it calls org_entity (bodies); body_kind (kinds); people_named, persons,
    persons_by_surname (roster)."""

    def person_entity(self, person: Person) -> Entity:
        ident = "p:" + person.pkey
        role = person.titles[0] if person.titles else None
        return self.entity(ident, lambda: Entity(" ".join(person.name), "person", ident,
                                                 person.gender or self.honorific_gender(person.name[-1]), role))

    def honorific_gender(self, surname: str) -> str | None:
        """The gender the article's honorifics give a surname ("Mr Chidambaram"), when they agree: a first name no
        list knows says nothing, and "he" could otherwise skip the man the paragraph is about."""
        found = {g for h, g in _GENDER_HONORIFICS if h + surname in self.text}
        return found.pop() if len(found) == 1 else None

    def named_person(self, nm: N.Name) -> Entity | None:
        """The entity for a person's name as written: a full name, or a surname the article ties to one."""
        try:
            return self._named[nm]          # names are shared objects (names.read), hashed by identity
        except KeyError:
            e = self._named[nm] = self._named_person(nm)
            return e

    def _named_person(self, nm: N.Name) -> Entity | None:
        core = nm.core
        if len(core) >= 2:
            byk = self.persons(nm.sur)
            match = byk.get(nm.pkey)
            if match is None and nm.given_gender is None:
                longer = [p for k, p in byk.items() if k.endswith(" " + nm.pkey)]
                match = longer[0] if len(longer) == 1 else None
            if match:
                e = self.person_entity(match)
            else:
                ident = "p:" + nm.pkey
                gender = nm.gender
                # a two-word name with an unknown first name and no title may be a body ("Western Journalism"): the
                # article may say which
                kind = "person" if gender or nm.person_title else "unknown" if _described(nm.name) \
                    else self.body_kind(nm.text) or "unknown"
                if kind == "organization":
                    return self.org_entity(nm.text)
                e = self.entity(ident, lambda: Entity(" ".join(nm.name), kind, ident, gender))
            if nm.title and not e.role:
                t = N.role_text(nm.title)
                e.role = t or None
            return e
        single = N.strip_possessive(core[0] if core else nm.name[-1])
        cands = self.persons_by_surname(single, nm.gender)
        if len(cands) > 1:
            # two people share the surname: the bare surname is the one the article introduced first, as
            # newspapers name the secondary one in full ("Chris Murphy" ... "Anne Marie Murphy")
            cands.sort(key=lambda p: p.first)
            if nm.title and not nm.gender:
                return None
        if cands:
            return self.person_entity(cands[0])
        # a first name alone ("Hillary") that one full name in the article starts with
        L = N.lists()
        # "Sir Alwyn", "Dame Ada": a knight or dame is called by title and given name, whatever the name
        knighted = bool(nm.title) and N.bare(nm.title[-1]) in _KNIGHTED
        firsts = self.people_named(single) if knighted or single in L["male"] or single in L["female"] else []
        if len(firsts) == 1 and (not nm.title or knighted):
            return self.person_entity(firsts[0])
        if len(firsts) > 1:
            return None
        peer = self.peer(single, nm)
        if peer is not False:
            return peer                     # the peer, or None between "Lord Hale" and "Lady Hale"
        known = self.well_known(single, nm)
        if known is not None:
            return known
        ident = "s:" + single.lower()
        gender = nm.gender or ("male" if single in L["male"] else "female" if single in L["female"] else None)
        kind = "person" if nm.person_title or gender else self.body_kind(single) or "unknown"
        if kind == "organization":
            return self.org_entity(single)      # "Zenco said", where the article writes of Zenco's shares
        e = self.entity(ident, lambda: Entity(single, kind, ident, gender))
        if kind == "person" and e.kind == "unknown":      # "Trump" first, "Mr. Trump" later: a person after all
            e.kind, e.gender = "person", e.gender or gender
        return e

    def well_known(self, single: str, nm: N.Name) -> Entity | None:
        """"Obama", "President Obama" in an article that names nobody called Obama in full: the one public figure
        that surname names in the news of its years (``data/speakers/well_known_people.txt``), so that the row links
        across articles (PolNeAR and speakers-dev had split "Barack Obama" over rows); an honorific of the other
        gender ("Mrs Obama") is someone else."""
        full = WELL_KNOWN.get(single.lower())
        if full is None or single[:1].islower():
            return None
        known = N.read(full)
        if known is None or nm.gender and known.gender and nm.gender != known.gender:
            return None
        ident = "p:" + known.pkey
        return self.entity(ident, lambda: Entity(full, "person", ident, known.gender))

    def peer(self, single: str, nm: N.Name) -> Entity | None | bool:
        """"Lord Falconer", and "Falconer" or "Mr Falconer" where the article writes "Lord Falconer": a peer, named
        by title and name; None when two peers may be meant ("Lord Hale" and "Lady Hale"); False: no peer."""
        if nm.title and N.bare(nm.title[-1]) in PEER_TITLES:
            title = N.strip_possessive(nm.title[-1]).capitalize()
        else:
            if nm.title and N.bare(nm.title[-1]) not in N.lists()["honorifics"]:
                return False                # "Judge Hale" is no peer
            text = self.text
            found = {t for t, g in PEER_TITLES.items() if (nm.gender in (None, g))
                     and word_at(text, f"{t.capitalize()} {single}")}
            if len(found) != 1:
                return None if found else False
            title = found.pop().capitalize()
        name = f"{title} {single}"
        ident = "t:" + name.lower()
        return self.entity(ident, lambda: Entity(name, "person", ident, PEER_TITLES[title.lower()]))

    def common_word(self, word: str, pos: int) -> bool:
        """Is a capitalised word at the start of a sentence an ordinary word the article also writes in lower
        case ("Hacker who revealed ... admits", then "the Romanian hacker")?"""
        si = bisect_right(self.starts, pos) - 1
        if si < 0 or self.text[self.starts[si]:pos].strip(" \u00a0\"“‘'"):
            return False
        text, w = self.text, word.lower()
        n = len(w)
        i = text.find(w)
        while i >= 0:       # (a plain find: a regex compiled per word cost more than the rest of this stage)
            if (i == 0 or not text[i - 1].isalnum()) and (i + n >= len(text) or not text[i + n].isalnum()):
                return True
            i = text.find(w, i + 1)
        return False
