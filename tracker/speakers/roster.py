"""The article's roster: the people it names in full, by surname, read from its runs of capitals.

Runs of two or more capitalised words are indexed by their last word (a
surname, mostly) and read as names only when a surname is asked for
(``persons``). A run is a person's full name when ``names.read`` reads it so
and, for a first name no list knows, when the article treats its surname as
a person's. Measured reasons:

- a headline's capitals make no person unless the given name is known or
  titled: such runs each made a person who then took every later bare
  surname from the real one (5 wrong speakers in the fifth blind set;
  PolNeAR: 61 speakers changed, all to the right person);
- a two-word run with an unknown first name counts as a person only where the
  article also writes the surname after an honorific, as a cue's subject, or
  with an age in apposition (without it, bodies of two words became people
  and blocked "he"; with the age, a bystander no longer took it); but a
  subject of a cue the article writes as a body's ("Deutsche Boerse said",
  "Deutsche Boerse shares") is no person (``kinds``);
- a surname of two words ("Wasserman Schultz" after "Debbie Wasserman
  Schultz") is one person;
- a cue's subject counts in the present tense too ("Quorne notes"): one
  speakers-dev person had been split over two rows; BBC corpus: 2 speaker
  rows changed, both right;
- so does a lower-case role before the full name ("minister of sport Ulo
  Tarkvass", "singer Ilse Brekke") or an inverted cue ("said Brekke"):
  quotes2 0.726 -> 0.745, quotes3 0.843 -> 0.851 right of found, wrong
  unchanged; sports positions ("Rovers winger Teodor Vodric") among the
  occupations: quotes5 0.884 -> 0.903; BBC corpus 20 speakers changed, 18
  unresolved or wrong made right, 2 wrong stayed wrong (another wrong man);
- an inverted cue with given names before the surname and an apposition
  after it ("said Ilkka Varpu, senior analyst", "thinks Ilkka Varpu mobile
  analyst") makes a person too; not "said Andi Rowe would stay", where she
  is the subject of the reported clause and had taken "she" from the
  spokeswoman who spoke (quotes4 0.911 -> 0.930; BBC corpus: 11 speakers
  changed, all right; without the apposition condition 21, 5 of them worse);
  a role in apposition before the name ("the athletes' coach, Teo Vassos.")
  counts as one right before it (BBC corpus: 3 speakers changed, all right).
"""
from __future__ import annotations

import re

from .. import lexicon
from . import names as N
from .article import Article, Person
from .occurrences import occurrences
from .runs import AUX_FIRST, SIMPLE_MULTI, cut_at_sentence_end, possessive_parts, question_aux, sentence_parts

# a surname used as a person's: after an honorific, or as the subject of a speech verb
_HONORIFIC_BEFORE = re.compile(r"(?:Mr|Mrs|Ms|Dr|Miss|Prof|Professor)\.? \Z")
# (past and present: "Quorne notes" had left "MaryBeth Quorne" no person, and her later "Quorne" another speaker
# row; every speech verb of the cue lexicon made 40 bodies of the BBC corpus people, "UK Athletics", and "tells" a
# book, "Wolf Brother tells the story")
_CUE_AFTER = re.compile(r" (?:said|says|told|added|adds|wrote|writes|argued|argues|explained|explains|noted|"
                        r"notes|asked|asks)\b")
_AGE_AFTER = re.compile(r", \d{1,3}, ")      # an age in apposition ("Cory Lund, 22,"): a person
# ... or a cue before it ("said Lund"), and a lower-case role before the full name ("sports minister Rafa Lund",
# "minister of sport Rafa Lund", "singer Mia Lund")
_CUE_BEFORE = re.compile(r"\b(?:said|says|added|adds|explained|insisted|continued)[ \u00a0]\Z")
# ... with a given name between, when what follows the name is an apposition ("said Paolo Lund, an analyst", "thinks
# Paolo Lund, analyst at Zenco"), not the verb of a reported clause ("said Andi Lund would stay") nor more of a name
_CUE_BEFORE_GIVEN = re.compile(r"\b(?:said|says|added|adds|explained|insisted|continued|thinks|believes)[ \u00a0]"
                               r"(?:[A-Z][\w’'\-]+[ \u00a0]){1,2}\Z")
_APPOSITION_AFTER = re.compile(r"(?:, |[ \u00a0](?!(?:would|will|was|is|has|had|could|should|may|might|must|can|did|does)\b)"
                               r"[a-z]+[ \u00a0](?!(?:would|will|was|is|has|had)\b)[a-z]+)")
_ROLE_BEFORE_NAME = re.compile(r"(?<![\w\-])([a-z][a-z\-]+)(?: (?:of|for) [a-z]+)?(,?)[ \u00a0](?:[A-Z][\w’'\-]+[ \u00a0])\Z")
_NOT_ROLES = lexicon.words(N.D + "title_modifiers.txt") | lexicon.words(N.D + "vague_description_words.txt")
_ROLE_WORDS = lexicon.words(N.D + "occupations.txt") | lexicon.words(N.D + "public_roles.txt")



class Roster(Article):
    """A mixin of ``resolver.Resolver``; it calls body_kind (kinds), honorific_gender (people)."""

    def run_index(self) -> dict[str, list[str]]:
        """Runs of two or more capitalised words by their last word (a surname, mostly), not yet read."""
        if self._runs is None:
            idx: dict[str, list[str]] = {}
            strip = N.strip_possessive
            text = self.text
            head = self.headline_end()
            if head:
                self._headline_runs = {run for whole in SIMPLE_MULTI.findall(text, 0, head)
                                       for run in possessive_parts(whole)}
            for whole in SIMPLE_MULTI.findall(text):
                # "Rep. Tom Hale’s Senate campaign", "Acme Weekly’s Ann Lee": a possessive ends a run
                for run in possessive_parts(whole) if "s " in whole else (whole,):
                    if " " not in run:
                        continue
                    if run[:run.find(" ")] in AUX_FIRST:
                        run = question_aux(text, text.find(run), run)[1]
                    for run in sentence_parts(run) if ". " in run else (run,):
                        last = run[run.rfind(" ") + 1:].rstrip(".")
                        if last in N.SUFFIXES or last[:2].isupper() and N.post_nominal(run.split()):
                            last = run.split()[-2].rstrip(".,")
                        last = strip(last)
                        runs = idx.get(last)
                        if runs is None:
                            idx[last] = [run]
                        else:
                            runs.append(run)
            self._runs = idx
        return self._runs

    def persons(self, sur: str) -> dict[str, Person]:
        """The people the article names in full with this surname, by folded core name (read on demand)."""
        got = self._people.get(sur)
        if got is not None:
            return got
        got = self._people[sur] = {}
        for run in self.run_index().get(sur, ()):
            shift, kept = cut_at_sentence_end(0, run) if "." in run else (0, run)
            nm = N.read(kept)
            if nm is None or nm.kind != "person" or len(nm.core) < 2 or nm.sur != sur:
                continue
            headline_only = run in self._headline_runs and self.only_in_headline(run)
            if nm.given_gender is None and (headline_only or not nm.person_title and (
                    not self._is_named_person(sur)
                    or self._is_named_person(sur) == "cue" and self.body_kind(nm.text) == "organization")) \
                    or headline_only and len(nm.core) > 2 and self.title_case_headline() \
                    and self.only_in_headline(f"{nm.core[0]} {nm.core[-1]}") \
                    and self.only_in_headline(" ".join(nm.core[-2:])):
                # (a headline's capitals are no evidence of a name, even after a title or a given name: "Maybe
                # Trump hasn't ...", "outside Wisconsin Trump rally", "This Big-Name Senator Endorsed Trump", "Chuck
                # Grassley Compares Trump’s ..." made people who then took every later "Trump")
                continue
            p = got.get(nm.pkey)
            if p is None:
                # the offset of the run's first occurrence, looked up only for the runs that make a person
                first = next(occurrences(self.text, run), -1)
                p = got[nm.pkey] = Person(nm.name, self._gender(nm), [], first + shift, pkey=nm.pkey)
            p.count += 1
            if nm.gender and not p.gender:
                p.gender = self._gender(nm)
            if nm.title:
                t = N.role_text(nm.title)
                if t:
                    p.titles.append(t)
        if len(got) > 1:
            # "Wasserman Schultz" after "Debbie Wasserman Schultz": a surname of two words, one person
            for k in [k for k in got if got[k].name[0] not in N.lists()["male"]
                      and got[k].name[0] not in N.lists()["female"]]:
                longer = [q for k2, q in got.items() if k2 != k and k2.endswith(" " + k)]
                if len(longer) == 1:
                    longer[0].count += got.pop(k).count
        return got

    def _gender(self, nm: N.Name) -> str | None:
        """A full name's gender: a title's, a listed first name's, else the census lists' unless the article's
        honorifics give the surname the other one ("Robin Lund" ... "Mr Lund": the census reads Robin as a woman's
        name, and "Mr Lund" had been a second, bare-surname speaker row; BBC corpus: 3 articles)."""
        L = N.lists()
        first = N.strip_possessive(nm.name[0])
        if nm.gender is None or N.gender_of_tokens(nm.title) or first in L["male"] or first in L["female"]:
            return nm.gender
        return self.honorific_gender(nm.sur) or nm.gender

    def title_case_headline(self) -> bool:
        """Is the headline in title case ("Grassley Compares Trump’s Attacks To ...")? There every word is a capital,
        and a run of capitals says nothing about where a name ends."""
        words = [w for w in self.text[:self.headline_end()].split() if len(w) > 3 and w[0].isalpha()]
        return bool(words) and sum(w[0].isupper() for w in words) >= 0.8 * len(words)

    def only_in_headline(self, run: str) -> bool:
        return self.text.find(run, self.headline_end()) < 0

    def people_named(self, first: str) -> list[Person]:
        """Everyone the article names in full with this first name. Only the surnames with a run that holds the
        word are read: a name's words are words of its run."""
        strip = N.strip_possessive
        return [p for sur, runs in self.run_index().items() if any(first in run for run in runs)
                for p in self.persons(sur).values() if strip(p.name[0]) == first]

    def _is_named_person(self, sur: str) -> str:
        """A two-word run with an unknown first name counts as a person if the article also uses its surname alone
        with an honorific ("Mr Shook") or gives it an age ("Amara Shook, 13, of Leeds"): "titled"; or as the
        subject of a cue ("Shook said"): "cue", which a body may be too. "" for none. (Cached: asked for each
        run.)"""
        found = self._named_surnames.get(sur)
        if found is None:
            found = ""
            text = self.text
            for i in occurrences(text, sur):        # (an index: not a scan of the article a surname)
                if _HONORIFIC_BEFORE.search(text, max(0, i - 11), i) or _AGE_AFTER.match(text, i + len(sur)):
                    found = "titled"
                    break
                role = _ROLE_BEFORE_NAME.search(text, max(0, i - 60), i)
                # (or in apposition, closed by a comma or a stop: "the athletes' coach, Teo Vassos,"; not "her
                # husband, Zenco Rovers striker Tim Hale")
                if role and (N.is_title(role.group(1)) or role.group(1) in _ROLE_WORDS) \
                        and role.group(1) not in _NOT_ROLES \
                        and (not role.group(2) or text.startswith((",", "."), i + len(sur))):
                    found = "titled"
                    break
                if _CUE_AFTER.match(text, i + len(sur)) or _CUE_BEFORE.search(text, max(0, i - 10), i) \
                        or self._cue_before_given(i) and _APPOSITION_AFTER.match(text, i + len(sur)):
                    found = "cue"
            self._named_surnames[sur] = found
        return found

    def _cue_before_given(self, i: int) -> bool:
        """Is the surname at ``i`` after a given name and an inverted cue ("said Ilkka Varpu")? (The given name's
        capital and the lower-case word before it are looked at first: the pattern is rarely worth a search.)"""
        text = self.text
        j = text.rfind(" ", max(0, i - 30), i - 1)
        return j > 0 and text[j + 1:j + 2].isupper() and (text[j - 1:j].islower() or text[j - 1:j].isupper()) \
            and _CUE_BEFORE_GIVEN.search(text, max(0, j - 25), i) is not None

    def persons_by_surname(self, sur: str, gender: str | None) -> list[Person]:
        found = list(self.persons(sur).values())
        if gender:
            found = [p for p in found if p.gender in (gender, None)]
        return found
