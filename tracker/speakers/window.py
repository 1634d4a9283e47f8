"""Who the sentences before a mention talk about: the candidates a pronoun or an epithet chooses from.

``window(pos)`` lists the people named, referred to by title, or quoted in
the few sentences before ``pos`` (read backwards, and only until a person of
the wanted gender appears: nothing earlier can change the choice), with
whether each is its sentence's subject. Measured reasons:

- four sentences back (3 and 6 measured worse);
- with nobody in them, back past a run of sentences wholly inside one
  quotation to the sentence that opens it: a long quotation had pushed its
  own speaker out (PolNeAR: 20 speakers found, all right);
- before a speaker set after a comma ("..., he said"), the sentence is the
  reported speech and the people in it are not who speaks;
- a person's gender, when no name or title gives it, is that of the personal
  pronouns that follow their name in the same clause, when all agree (read
  once per last name: a person whose gender stays unknown was read again in
  every later window);
- the people an opening "Asked if X would ..." clause names are not who
  answers in its main clause (quotes3: 2 wrong speakers made right).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import itemgetter

from .article import Article, Entity
from .occurrences import occurrences

WINDOW_SENTENCES = 4      # how far back a pronoun looks for its antecedent (3 and 6 measured worse)
# the first personal pronoun after a name, with no sentence end and no capitalised word between
_NEXT_PRONOUN = re.compile(r"(?:’s|'s)?[^.!?;:,“”\"A-Z\n]{0,50}?\b([Hh]e|[Hh]is|[Hh]im|[Ss]he|[Hh]er)\b")
_OFFSET = itemgetter(0)
MALE_WORDS = frozenset(("he", "his", "him"))
GENDERED_PRONOUN = {"male": re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im)\b"), "female": re.compile(r"\b(?:[Ss]he|[Hh]er)\b")}
_POSTPOSED = re.compile(r",[ \u00a0]\Z")
# "Asked if Tom Hale would return, he replied": the one asked is the main clause's subject, and the people the
# question names are not who answers
_ASKED_OPENING = re.compile(r"[\"“‘'(]?(?:When |After )?[Aa]sked (?:if|whether|about|what|why|how|when|who)\b")


class Window(Article):
    """A mixin of ``resolver.Resolver``; it calls named_person (people); names_in (subjects); roles_in (titles)."""

    def window(self, pos: int, gender: str | None = None, reach: bool = False) -> list[tuple[int, Entity, bool]]:
        """(offset, entity, subject?) of the people mentioned in the sentences before ``pos``, in text order
        (with ``reach``, back past a long quotation to the sentence that opens it).

        Sentences are read backwards; with a ``gender``, reading stops after the nearest sentence that mentions
        a person of that gender (nothing earlier can change the choice).
        """
        starts, sentences = self.starts, self.sentences
        si = max(0, bisect_right(starts, pos) - 1)
        # (past the quotation, as many sentences as the window holds: "Jo Ames, a florist, thinks so. [two more
        # sentences] “…. [three sentences of quote] …,” she said" is Ames's)
        first = max(0, self.window_start(si) - WINDOW_SENTENCES + 1) if reach else max(0, si - WINDOW_SENTENCES)
        out: list[tuple[int, Entity, bool]] = []
        mentions, offsets, subjects = self.mentions, self.mention_offsets, self.subjects
        # "She’s inclined toward Acme, she said": before a speaker set after a comma, the sentence is the
        # reported speech, and the people in it are not who speaks (after a closing quotation mark the words
        # before the quotation are the writer's frame: "Al Bond listed the rules: "...," he said")
        # (not "As Al Bond's campaign fell apart, he blasted out ...": there the clause before the comma is the
        # writer's, and the reported words follow the speaker)
        postposed = _POSTPOSED.search(self.text, max(0, pos - 3), pos) is not None
        if postposed and self.after_content is not None and pos not in self.after_content and starts:
            # the pronoun continues one that opens the clause before it, ahead of any name ("Asked about her own
            # vote if Lowe runs, she replied"; "When he took the stage after Mr. Hale's talk, he said")
            earlier = GENDERED_PRONOUN[gender].search(self.text, starts[si], pos) if gender else None
            postposed = earlier is not None and not any(p < earlier.start() for p, _, _ in self.names_in(si)) \
                or _ASKED_OPENING.match(self.text, starts[si]) is not None
        for i in range(si, first - 1, -1):
            lo = starts[i] if starts else 0
            hi = sentences[i].end if sentences else pos
            here = []
            if not (postposed and i == si):     # (so the sentence's names are not even read)
                for p, nm, subj in self.names_in(i):
                    if p >= pos:
                        break
                    e = self.named_person(nm)
                    if e is not None and e.kind == "person" and not e.anonymous:
                        here.append((p, e, subj))
                here += self.roles_in(i, pos)
            a, b = bisect_left(offsets, lo), bisect_left(offsets, min(hi, pos))
            if a < b:
                here += [(p, e, p in subjects) for p, e in mentions[a:b] if e.kind == "person" and not e.anonymous]
            if len(here) > 1:
                here.sort(key=_OFFSET)
            out[:0] = here
            if gender:
                for _, e, _ in here:
                    if e.gender is None:
                        e.gender = self.gender_in_context(e)
                if any(e.gender == gender for _, e, _ in here):
                    break
        return out

    def window_start(self, si: int) -> int:
        """The sentence before the run of sentences wholly inside a quotation that ends just before sentence
        ``si``: the one that opens the quotation and names its speaker."""
        first = si - 1
        while first > 0:
            s = self.sentences[first]
            words = self.text[s.start:s.end]
            if not (self.in_quote(s.start + len(words) - len(words.lstrip("“\"' "))) and self.in_quote(
                    s.start + len(words.rstrip("”\"' \n")) - 1)):
                break
            first -= 1
        return max(first, 0)

    def main_person(self, gender: str | None, pos: int) -> Entity | None:
        """The person (of this gender, if given) quoted most often before ``pos``, if one clearly leads."""
        counts: dict[str, int] = {}
        for p, e in self.mentions:
            if p < pos and e.kind == "person" and (gender is None or e.gender == gender) and not e.anonymous:
                counts[e.ident] = counts.get(e.ident, 0) + 1
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            return None
        return self.entities[ranked[0][0]]

    def gender_in_context(self, e: Entity) -> str | None:
        """The gender of the personal pronouns that follow the person's name in the same clause, with no other
        capitalised word between ("Lowe is known for keeping her word"), when all such pronouns agree.
        (Cached by last name: a person whose gender stays unknown is asked again in every later window.)"""
        text = self.text
        last = e.name.split()[-1]
        if last in self._context_gender:
            return self._context_gender[last]
        votes = set()
        for i in occurrences(text, last):      # (an index: not a scan of the article a name)
            m = _NEXT_PRONOUN.match(text, i + len(last))
            if m:
                votes.add("male" if m.group(1).lower() in MALE_WORDS else "female")
        found = self._context_gender[last] = votes.pop() if len(votes) == 1 else None
        return found
