"""Descriptions by title: "the defence secretary" is the one person the article gave that title or description.

Where the article names someone with a title or description (a title before
the name, "Defence Secretary Ben Wallace", "Gov. Chris Christie"; a
description in apposition after it, "Ben Jealous, the former president of
the NAACP"), a description ending in the same head ("the defence secretary",
"the former president") is that person, if mentioned in the last few
sentences; of several who fit, the one mentioned last (``role``). Titles are
looked up only where the head noun occurs, not over every name in the
article (descriptions: 0.074 ms an article with the rest of that change).
Measured reasons:

- titles, appositives and the latest of several matches, with the window
  and gender rules of the same change: speakers-dev gold mentions 0.751 right
  / 0.102 wrong -> 0.863 / 0.022; an apposition must end like one ("Clinton -
  the candidate began ..." is a clause);
- words that say nothing about who is meant ("the former governor") are not
  required, but "former" must agree, and a party word keeps a description off
  another party's role ("the GOP front-runner" had become the Democratic one);
- a rank before the title makes it another office ("the mayor" is not
  "Deputy Mayor Nicky Hale", "the president" not the vice president);
- an acronym matches the words of a role it abbreviates ("the DNC chair";
  PolNeAR: 1 found, right; set 7 0.861 -> 0.870);
- the people a sentence refers to by title ("the admiral chuckled") are
  candidates for its pronouns (``roles_in``; speakers-dev 0.881 / 0.014 with
  the first-named-subject rule);
- a description in apposition gives a named person's role column when its
  head is a title word (``appositive_role``, 0.03 ms an article).

A description of a role the article gives nobody is ``epithets``' to decide.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from .. import lexicon
from . import names as N
from .article import Article, Entity, Person
from .occurrences import last_before, occurrences
from .runs import cut_at_sentence_end

# description words that say nothing about who is meant ("the former governor"), party labels among them
_VAGUE = lexicon.words(N.D + "vague_description_words.txt") | frozenset(N.PARTY_LABELS)
# the party of a party word: a description of one party never fits a role of another
_PARTIES = {label: party for label, party in N.PARTY_LABELS.items() if party}


def _title_forms() -> dict[str, set[str]]:
    """Other words a title is written with before a name: its abbreviations, and the title words for the same
    office with theirs ("representative": rep, congressman, congresswoman; "congressman": rep)."""
    abbreviations: dict[str, set[str]] = {}
    for abbr, title in N.TITLE_ABBREVIATIONS.items():
        abbreviations.setdefault(title.lower(), set()).add(abbr)
    out = {title: set(abbrs) for title, abbrs in abbreviations.items()}
    for word, title in lexicon.mapping(N.D + "title_synonyms.txt").items():
        out.setdefault(word, set()).update(abbreviations.get(title, ()))
        out.setdefault(title, set()).add(word)
    return out


# the words newspapers write for a title before a name ("Gov.", "Rep."): a description matches them all; an
# abbreviated description ("the PM") is someone with the title written out (Prime Minister)
TITLE_FORMS = _title_forms()
_ROLE_EXPAND = {abbr: title.lower().split() for abbr, title in N.TITLE_ABBREVIATIONS.items()}
# a name right after a title word ("Secretary Ben Wallace") and a name before a description in apposition
# ("Ben Jealous, the former president")
_NAME_AFTER = re.compile(r"\.?[ \u00a0]([A-Z][\w’'\-\.]*(?:[ \u00a0][A-Z][\w’'\-\.]*)*)")
_CLAUSE_BREAK = re.compile(r"[,;:.()“”\"—–]")
_APPOS_BEFORE = re.compile(r"(?<![\w’'\-\.])([A-Z][\w’'\-\.]{0,60}(?:[ \u00a0][A-Z][\w’'\-\.]{0,60}){0,20})(?:,|\s[—–-])\s?"
                           r"(?:the|a|an) ((?:[\w\-]+,? ){0,6})\Z")
# what ends a description in apposition: "Ben Jealous, the former president of ...", not "Clinton - the
# candidate began ..."
_APPOS_END = re.compile(r"(?:[,;.?!)]|\s[—–-]|’s|'s| (?:of|for|at|in|to|from|with|who|whose|and|on|since)\b|\Z)")
# "\b[Tt]he ..." written so that the scan starts at the letter T (a pattern that starts with \b makes the regex engine
# try every position: three times slower); the lookbehind is the word boundary
DEFINITE_TITLE = re.compile(r"[Tt](?<!\w[Tt])he ([a-z]+)(?=’s|'s|\b)")
NOT_PEOPLE_TITLES = lexicon.words(N.D + "titles_not_people.txt")     # "the House", "the host"
# words before a title that make it another office: a deputy mayor is not the mayor
_RANKS = frozenset(("deputy", "vice", "assistant", "shadow", "junior", "under"))
_CAPITALISED = re.compile(r"\b[A-Z][a-z]")


class Titles(Article):
    """A mixin of ``resolver.Resolver``; it calls main_by_epithet, previous_subject (epithets); person_entity
    (people); persons, persons_by_surname (roster)."""

    def role(self, words: list[str], pos: int) -> Entity | None:
        """"the defence secretary": the one person the article gave that title (or that description) to."""
        ck = tuple(words)
        found = self._role_found.get(ck)
        if found is None:
            found = self._role_found[ck] = self.fitting(words)
        if not found:
            return self.main_by_epithet(words, pos) or self.previous_subject(words, pos) \
                or self.lead_by_role(words, pos)
        # the description refers back to someone the article mentioned lately: of several who fit ("the
        # senator" in an article naming three senators) the last one mentioned, and nobody who has not been
        # mentioned in the last few sentences ("the candidate" for a candidate named once, long before)
        last = {k: self.last_mention(p, pos) for k, p in found.items()}
        k = max(last, key=lambda k: last[k])
        recent = self.recent_start(pos)
        if last[k] < recent or (len(last) > 1 and sorted(last.values())[-2] == last[k]):
            return None
        return self.person_entity(found[k])

    def last_mention(self, p: Person, pos: int) -> int:
        """Offset of the last mention of a person (surname or resolved speaker mention) before ``pos``; -1: none."""
        i = last_before(self.text, N.strip_possessive(p.name[-1] if N.is_core_token(p.name[-1]) else p.name[-2]), pos)
        e = self.entities.get("p:" + p.pkey)
        if e is not None:       # (its mentions' offsets, bisected: not a walk over every mention)
            offsets = self.mentions_of.get(id(e), ())
            k = bisect_left(offsets, pos)
            if k:
                i = max(i, offsets[k - 1])
        return i

    def fitting(self, words: list[str]) -> dict[str, Person]:
        """The people whose titles or descriptions in the article fit ``words`` (wherever they are mentioned)."""
        want = [w.lower().strip(".,’'") for w in words if w.lower() not in _VAGUE]
        if want and want[-1] in _ROLE_EXPAND:
            want = want[:-1] + _ROLE_EXPAND[want[-1]]
        if not want:
            return {}
        former = any(w.lower() in ("former", "ex") for w in words)
        head, mods = want[-1], want[:-1]
        heads = {head} | TITLE_FORMS.get(head, set())
        said = {w.lower().strip(".,’'") for w in words}      # the mention itself is one occurrence of its head
        if not any(self.lower().count(h) > (h in said) for h in heads):
            return {}                   # the article gives nobody this title: nothing to look up
        parties = {_PARTIES[w] for w in said if w in _PARTIES}
        found: dict[str, Person] = {}
        for p, phrase in self.roles_for(heads):
            phrase = [w.strip(",") for w in phrase]
            if parties and {_PARTIES[w] for w in phrase if w in _PARTIES} - parties:
                continue        # "the GOP front-runner" is not "Democratic front-runner Clinton"
            if any(w in _RANKS and w not in said for w in phrase[:-1]):
                continue        # "the mayor" is not "Deputy Mayor Nicky Hale"; "the president" no vice president;
                #                 "the foreign secretary" not "Shadow Foreign Secretary Paul Grant"
            if phrase[-1] in heads and ("former" in phrase or "ex" in phrase) == former \
                    and all(m in phrase or TITLE_FORMS.get(m, set()) & set(phrase) or _acronym_in(m, phrase)
                            for m in mods):
                found[p.pkey] = p
        return found

    def roles_for(self, heads: set[str]) -> list[tuple[Person, list[str]]]:
        """(person, role words ending in one of ``heads``) wherever the article puts such a word next to a name:
        a title or premodifier before it ("Defence Secretary Ben Wallace", "conservative commentator Jonah
        Goldberg", "Gov. Chris Christie") or a description in apposition after it ("Ben Jealous, the former
        president of the NAACP", "Ayotte - the first-term senator"). Only the occurrences of the head words
        are read, not the whole article."""
        text, low = self.text, self.lower()
        out = []
        for h in heads:
            i = low.find(h)
            while i >= 0:
                j = i + len(h)
                if (i == 0 or not low[i - 1].isalnum()) and (j >= len(low) or not low[j].isalnum()):
                    after = _NAME_AFTER.match(text, j)
                    if after:
                        clause = _CLAUSE_BREAK.split(low[max(0, i - 60):i])[-1].split()[-5:]
                        p = self._person_from_run(after.start(1), after.group(1))
                        if p is not None:
                            out.append((p, clause + [h]))
                    before = _APPOS_BEFORE.search(text, max(0, i - 120), i) if _APPOS_END.match(text, j) else None
                    if before:
                        p = self._person_from_run(before.start(1), before.group(1))
                        if p is not None:
                            out.append((p, before.group(2).lower().split() + [h]))
                i = low.find(h, j)
        return out

    def _person_from_run(self, start: int, run: str) -> Person | None:
        start, run = cut_at_sentence_end(start, run)
        nm = N.read(run)
        if nm is None or nm.kind != "person":
            return None
        if len(nm.core) >= 2:
            return self.persons(nm.sur).get(nm.pkey) or Person(nm.name, nm.gender, [], start, pkey=nm.pkey)
        cands = sorted(self.persons_by_surname(nm.sur, nm.gender), key=lambda p: p.first)
        return cands[0] if cands else None

    def roles_in(self, si: int, pos: int) -> list[tuple[int, Entity, bool]]:
        """People the sentence refers to by title before ``pos`` ("the admiral chuckled"), as resolved
        descriptions (cached per sentence)."""
        found = self._sentence_roles.get(si)
        if found is None:
            found = self._sentence_roles[si] = []
            s = self.sentences[si]
            titles = N.lists()["titles"]
            for m in () if s.boilerplate else DEFINITE_TITLE.finditer(self.text, s.start, s.end):
                noun = m.group(1).lower()
                if noun not in titles or noun in NOT_PEOPLE_TITLES or self.in_quote(m.start()):
                    continue
                e = self.role(["the", noun], m.start())
                if e is not None:
                    before = self.text[s.start:m.start()]
                    found.append((m.start(), e, not _CAPITALISED.search(before) and len(before) < 40))
        return [t for t in found if t[0] < pos]


def _acronym_in(word: str, phrase: list[str]) -> bool:
    """Do consecutive words of the role phrase spell the acronym ("dnc": Democratic National Committee)?"""
    n = len(word)
    return 1 < n < len(phrase) and word.isalpha() and any(
        "".join(w[:1] for w in phrase[i:i + n]).lower() == word for i in range(len(phrase) - n + 1))


# a description in apposition to a name: "Tom Hale, the opposition leader," / "Its general secretary, Dan Oka,"
_APPOS_DET = r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)"
_ROLE_AFTER = re.compile(r", " + _APPOS_DET + r" ((?:[\w’'-]+ ){0,5}?[\w’'-]+)(?=,| (?:said|says|told|who)\b)")
_ROLE_BEFORE = re.compile(r"(?<![\w’'-])" + _APPOS_DET + r" ((?:[\w’'-]+ ){0,5}[\w’'-]+), \Z")
_ROLE_PREP = re.compile(r" (?:of|for|at|in|to|on|with)\b")


def appositive_role(text: str, e: Entity) -> str | None:
    """The role a description in apposition gives a named person, the first time the article writes one
    next to one of the names it uses for them; None unless the description's head is a title word
    ("leader", "secretary", "director"): "a man of few words" is no role."""
    for alias in sorted({a for a in e.aliases if len(a.split()) >= 2}, key=len, reverse=True):
        for i in occurrences(text, alias, overlapping=False):      # (an index: not a scan of the article)
            j = i + len(alias)
            for m in (_ROLE_AFTER.match(text, j), _ROLE_BEFORE.search(text, max(0, i - 80), i)):
                if m is None:
                    continue
                desc = m.group(1)
                cut = _ROLE_PREP.search(desc)
                if N.is_title((desc[:cut.start()] if cut else desc).split()[-1]):
                    return desc
    return None
