"""Descriptions of a role the article gives nobody: "the candidate", "the Vermont senator".

When no one in the article holds the title a description names, two
guarded guesses remain; anything looser proved wrong too often:

- an epithet ("the candidate", "the billionaire") is the person the article
  quotes most, when one clearly leads and is the only person mentioned in
  the last few sentences (``main_by_epithet``; PolNeAR: 16 found, all right;
  the sole person in the window, or the leader without the window check,
  gave wrong ones and were dropped);
- a public role ("the Vermont senator", "the Democratic nominee") is the
  subject of the sentence before, when that sentence opens with a name,
  names no one else, mentions nobody by a bare title and has no unresolved
  speaker, and nobody is named between (``previous_subject``; PolNeAR: 11
  found, all right; the first, looser version found 50, about a fifth wrong;
  speakers-dev 0.880 -> 0.882); an occupation ("the Ballymena-born actor",
  ``occupations.txt``) only for a person the headline names (BBC corpus: 5
  found, all right; without the headline check 1 more, wrong);
- a title nobody is given ("the prime minister", "the Rovers chief") is
  the story's lead (``lead_by_role``): the person a one-line headline names
  and the first sentence has for its subject (or, when that sentence names
  its subject by a description, the next paragraph opens with), mentioned
  lately, of the title's gender, with no title of their own, and no other
  subject since (quotes3 0.876 -> 0.901, PolNeAR 0.867 -> 0.880, quotes2
  0.783 -> 0.802, wrong unchanged). Epithets stay ``main_by_epithet``'s.
  A description with a party's label ("the Tory leader") is not the lead
  when someone else is named in its sentence or the one before, a possessor
  too, unless the lead is the subject there: the label may say the lead is
  not meant (quotes5: 1 wrong left unresolved; BBC corpus: that one only;
  without the label condition 30 speakers changed, most for the worse).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from .. import lexicon
from . import names as N
from .article import Article, Entity
from .occurrences import last_before as last_before_word
from .people import word_at
from .titles import DEFINITE_TITLE, NOT_PEOPLE_TITLES, TITLE_FORMS

# epithets: "the candidate", "the billionaire"
_EPITHETS = lexicon.words(N.D + "epithets.txt")
# public roles a description may give the person the sentence before had as its subject ("the Vermont senator"),
# and the gender of those that have one ("congresswoman")
# occupations ("the actor"), for the person the headline names only
_OCCUPATIONS = lexicon.words(N.D + "occupations.txt")
_SUBJECT_HEADS = _EPITHETS | lexicon.words(N.D + "public_roles.txt") | _OCCUPATIONS
# heads of a description for a person's post in a body ("the Rovers chief", "the club boss"), and heads no lead
# is (a rank or a relation: "the deputy", "the wife")
_BOSS_WORDS = frozenset(("chief", "boss"))
_NOT_LEAD_HEADS = frozenset(("deputy", "wife", "husband", "son", "daughter", "father", "mother", "brother", "sister",
                             "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "former"))
_GENDERED_HEADS = {head: gender for head in _SUBJECT_HEADS if (gender := N.lists()["titles"].get(head))}


class Epithets(Article):
    """A mixin of ``resolver.Resolver``; it calls named_person (people); is_subject_at, names_in (subjects);
    roles_for, roles_in (titles); main_person, window (window)."""

    def main_by_epithet(self, words: list[str], pos: int) -> Entity | None:
        """"the candidate", "the billionaire": the person the article quotes most, when one clearly leads and is
        the only person mentioned in the last few sentences."""
        if words[-1].lower() not in _EPITHETS:
            return None
        main = self.main_person(None, pos)
        if main is None:
            return None
        return main if {e.ident for _, e, _ in self.window(pos)} == {main.ident} else None

    def lead_by_role(self, words: list[str], pos: int) -> Entity | None:
        """'Pay row\n\nTom Hale has pledged ... "...," the minister said': a description for a person (a title, an
        occupation, a public role) that the article gives nobody is the story's lead, the person the headline
        names and the first sentence has for its subject, when mentioned lately, of the description's gender,
        given no other title in the article, and no other person is a subject since."""
        head = words[-1].lower().strip(".,’'")
        if not words[-1][:1].islower() or not (N.is_title(head) or head in _SUBJECT_HEADS or head in _BOSS_WORDS) or head in _NOT_LEAD_HEADS \
                or head in _EPITHETS:        # ("the candidate": main_by_epithet's)
            return None
        lead = self.lead_person()
        if lead is None or lead.role or last_before_word(self.text, lead.name.split()[-1], pos) < self.recent_start(pos):
            return None
        gender = N.lists()["titles"].get(head)
        if gender and lead.gender not in (gender, None):
            return None
        if not {e.ident for _, e, subj in self.window(pos) if subj} <= {lead.ident}:
            return None
        # a party's leader, spokesman ...: not when someone else was named in this sentence or the one before, a
        # possessor too ("the bishop backed Ann Lee's plan. The Tory leader wants ...": she may be meant, and the
        # party says the lead is not)
        # (unless the lead is the subject of the sentence before: "Tom Hale attacked the cost under Ann Lee. The
        # Tory leader said")
        si = bisect_right(self.starts, pos) - 1
        if si >= 1 and any(N.bare(w) in N.PARTY_LABELS for w in words[:-1]):
            named = [(self.named_person(nm), subj) for i in (si - 1, si) for p, nm, subj in self.names_in(i) if p < pos]
            if any(e is lead and subj for e, subj in named):
                return lead
            if any(e is not None and e.kind == "person" and e is not lead for e, _ in named):
                return None
        return lead

    def lead_person(self) -> Entity | None:
        """The person the headline names and the article's first sentence has for its subject (cached)."""
        if self._lead is False:
            self._lead = None
            end = self.headline_end()
            # (a headline is one line: not a first paragraph of sentences read as one)
            si = bisect_right(self.starts, end) if end and self.paragraph(0)[1] == 0 else -1
            if 0 <= si < len(self.starts):
                subj = [(p, nm) for p, nm, sj in self.names_in(si) if sj]
                if not subj and si + 1 < len(self.starts) and self.sentences[si + 1].paragraph == \
                        self.sentences[si].paragraph + 1:
                    # "Russia's president has defended ... ¶ Vladimir Putin said": a first sentence that names its
                    # subject by a description, and a second paragraph that opens with the name
                    subj = [(p, nm) for p, nm, sj in self.names_in(si + 1)
                            if sj and p == self.starts[si + 1]][:1]
                e = self.named_person(subj[0][1]) if subj else None
                if e is not None and e.kind == "person" and not e.anonymous \
                        and word_at(self.text, e.name.split()[-1], 0, end):
                    self._lead = e
        return self._lead

    def previous_subject(self, words: list[str], pos: int) -> Entity | None:
        """'Hillary Clinton delivered her speech. "...," said the Democratic nominee': a description of a public
        role the article gives nobody is the subject of the sentence before, when that sentence opens with its
        subject and names no one else (possessors aside), and nobody is named between."""
        head = words[-1].lower().strip(".,’'")
        if head not in _SUBJECT_HEADS:
            return None
        if self.roles_for({head} | TITLE_FORMS.get(head, set())):
            return None         # someone holds that title: the description may well mean them
        si = bisect_right(self.starts, pos) - 1
        if si < 1 or any(p < pos for p, _, _ in self.names_in(si)) \
                or any(self.starts[si] <= p < pos for p in self.mention_offsets):
            return None
        prev, start = si - 1, self.starts[si - 1]
        end = self.starts[si]
        # the sentence's subject, by name (not a pronoun, which may itself be read wrong)
        named = [(p, self.named_person(nm), subj) for p, nm, subj in self.names_in(prev) if not nm.possessive]
        people = {e.ident: e for _, e, _ in named if e is not None}
        people.update((e.ident, e) for _, e, _ in self.roles_in(prev, end))
        a, b = bisect_left(self.mention_offsets, start), bisect_left(self.mention_offsets, end)
        people.update((e.ident, e) for _, e in self.mentions[a:b])
        if len(people) != 1 or not named or not named[0][2] or not self.is_subject_at(prev, named[0][0]):
            return None
        e = named[0][1]
        if e.kind != "person" or e.anonymous:
            return None
        # nor anyone the sentence mentions without a name ("McConnell spoke with the candidate"; a speaker
        # mention left unresolved)
        titles = N.lists()["titles"]
        if any(m.group(1).lower() in titles and m.group(1).lower() not in NOT_PEOPLE_TITLES and not self.in_quote(
                m.start()) for m in DEFINITE_TITLE.finditer(self.text, start, end)) \
                or any(start <= q < end for q in self.speaker_offsets if not self.is_mention(q)):
            return None
        if head in _OCCUPATIONS and not word_at(self.text, e.name.split()[-1], 0, self.headline_end()):
            return None         # "the former star" is the article's main person, not the witness just named
        gender = _GENDERED_HEADS.get(head)
        return e if gender is None or e.gender in (gender, None) else None

