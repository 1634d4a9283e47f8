"""Which names a sentence holds outside quotation marks, and which of them is its subject.

``names_in`` lists the people a sentence names (the candidates a pronoun or
a description chooses from) and marks its subject: the first person named,
not as a possessor nor after a preposition. A speaker mention counts as its
sentence's subject by where it stands (``is_subject_at``). Measured reasons:

- names in quotation marks, and names modifying a noun ("a Hale rally",
  "Lee campaign manager Jo Marsh": 2 PolNeAR speakers changed, both to
  the right person) are no antecedents;
- a sentence opening with a subordinate clause ("When ..., Lowe hit
  back") has its subject in the main clause (PolNeAR: 8 changed, all
  better); a name in an opening prepositional phrase ("During an interview
  with ..., X discussed") leaves the subject to come (6 found, all right;
  names after any preposition leaving it open gave 3 new wrong, a subject
  required near its clause's start lost 40 right answers). The two lists of
  openers differ on purpose (see their data files);
- a pronoun before a name in its stretch of the sentence is the subject
  ("“...,” he told X": 6 PolNeAR changed, all better; counting the whole
  sentence lost 3 right answers);
- the name opening a coordinated clause (", and X suggested") is its subject,
  not the last item of a list (1 found, right; set 8 0.892 -> 0.900);
- "the June 7 primary": a month before a day is a date, not a woman;
- a name after a preposition and a role ("chaired by Ruritania's finance minister
  Ann Lee") is after a preposition too (quotes1 wrong 6 -> 4; BBC
  corpus: 13 speakers left unresolved, 9 of them wrong); so is a name right
  after a verb's -ing form ("forcing Hale to back down": speakers-dev
  wrong 11 -> 10; BBC corpus: 2 speakers left unresolved, 1 wrong);
- a one-word name opening its sentence with a "who" clause after it
  ("Meanwhile Zendra, who ...") is a person, unless a plural verb follows
  the clause (a team: "Leicester, who signed him, have"): PolNeAR wrong 5
  -> 4; BBC corpus 10 speakers changed: 5 wrong left unresolved, 5 wrong
  or unresolved made right;
- a possessor opening the sentence belongs to its subject ("Lord Hale's
  plan comes after viewers watched Tom Reed ..."): a person named later, with
  no comma between, is no subject (quotes1: 1 wrong speaker left unresolved;
  BBC corpus: 2 wrong and 1 right left unresolved; PolNeAR unchanged);
- a name before a place's noun ("at Lord Ashby station",
  ``data/speakers/place_nouns.txt``) names the place: it had taken "he" from
  the MP the article was about (quotes4 0.898 -> 0.911 right, 0.032 -> 0.019
  wrong; BBC corpus: those 2 speakers changed, nothing else).
"""
from __future__ import annotations

import re

from .. import lexicon
from . import names as N
from .article import Article
from .runs import AUX_FIRST, PREPOSITIONS, SIMPLE_RUN, cut_at_sentence_end, question_aux, split_at_possessives

# months that are also given names or surnames, and a day of the month after one
_NAME_MONTHS = frozenset(lexicon.lines(N.D + "months_as_names.txt"))
_DAY_AFTER = re.compile(r"[ \u00a0]\d{1,2}\b")
# a name after a preposition is no subject ("a push by Tom Hale")
_AFTER_PREPOSITION = re.compile(rf"\b(?:{PREPOSITIONS}|and|or|as)[ \u00a0]+(?:the[ \u00a0]+)?\Z", re.I)
# ... and a role between ("chaired by Ruritania's finance minister Ann Lee")
_AFTER_PREPOSITION_ROLE = re.compile(rf"\b(?:{PREPOSITIONS})[ \u00a0]+(?:the[ \u00a0]+)?(?:[\w’'\-]+[ \u00a0]+){{0,3}}"
                                     rf"(?:{lexicon.trie_pattern(N.lists()['titles'])})[ \u00a0]+\Z", re.I)
# a relative "who" after a name: a person's (unless a plural verb follows the clause: a team's)
_WHO_AFTER = re.compile(r",[ \u00a0]who\b")
_PLURAL_AFTER = re.compile(r",[ \u00a0](?:\w+[ \u00a0])?(?:have|are|were)\b")
# ... or a verb's -ing form ("one win: forcing Hale to back down"): the name is its object
_AFTER_GERUND = re.compile(r"(?<![\w’'\-])[a-z]{2,}ing[ \u00a0]+\Z")

# an article before a name and a lower-case word after it: the name modifies a noun ("a Hale rally")
_ARTICLES_BEFORE = (" a ", " an ", " the ", "\na ", "\nan ", "\nthe ", "A ", "An ", "The ", "“a ", "“the ", '"a ', '"the ')
# lower-case words ending in a role, then a name: "[Lee] campaign manager Jo Marsh"
_ROLE_THEN_NAME = re.compile(r"(?:[ \u00a0][a-z][\w\-]*){0,2}[ \u00a0]([a-z][\w\-]*)[ \u00a0][A-Z]")
_LOWER_NEXT = re.compile(r"[ \u00a0][a-z]")
# a place's noun after a name: "at Lord Ashby station" names a station, not a person
_PLACE_NEXT = re.compile(rf"[ \u00a0](?:{lexicon.trie_pattern(lexicon.lines(N.D + 'place_nouns.txt'))})\b")
# a subordinate clause opening the sentence ("When Hale suggested ..., Lowe hit back"): the subject is the main
# clause's, after the comma; and a phrase opening it ("During an interview with X ..., Y discussed")
_SUBORDINATORS = lexicon.trie_pattern(lexicon.lines(N.D + "subordinators_opening.txt"))
_OPENING_PHRASE_WORDS = lexicon.trie_pattern(lexicon.lines(N.D + "opening_phrase_words.txt"))
_SUBORDINATE_OPENING = re.compile(rf"[\"“‘'(]?(?:(?:And|But|Yet|So),?[ \u00a0])?{_SUBORDINATORS}[ \u00a0]")
_OPENING_PHRASE = re.compile(rf"[\"“‘'(]?{_OPENING_PHRASE_WORDS}\b")
# a pronoun before a name in its stretch of the sentence, and words before a main clause's subject
_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b")
_NOT_A_SUBJECT_YET = re.compile(r"\b(?:he|she|they|it|we|I|you|that|who|which|to|and|but|or|if|when|as|like)\b")
# two names coordinated ("Mark Reed and Alan Cole": no one subject), and words in quotation marks
_COORDINATED = re.compile(r"[A-Z][\w’'\-\. \u00a0]*?,?[ \u00a0]+(?:and|or|&)[ \u00a0]+\Z")
_CLAUSE_BREAK = re.compile(r"[,;:]")
_QUOTED_WORDS = re.compile(r"“[^“”]*”|\"[^\"\n]*\"|''.*?''")


class Subjects(Article):
    """A mixin of ``resolver.Resolver``; it calls persons, run_index (roster)."""

    def names_in(self, si: int) -> list[tuple[int, N.Name, bool]]:
        """(offset, name, subject?) of the names in sentence ``si`` outside quotation marks (cached)."""
        found = self._sentence_names.get(si)
        if found is None:
            s = self.sentences[si]
            found = []
            if not s.boilerplate:
                idx = self.run_index()
                L = N.lists()
                male, female = L["male"], L["female"]
                strip, quoted = N.strip_possessive, self.quoted
                # "While Tom Hale has yet to back Lowe, Hale’s running mate — Ann Lee — has ...": an
                # opening subordinate clause has a subject of its own, and the main clause after its comma another
                main_from = self.main_clause(si)
                subject_taken = main_taken = False
                # the end of an opening phrase ("During a talk with Tom Hale that ran on Friday,")
                opening_end = None
                text = self.text
                # quotation marks the quote finder did not report still hold quoted words, not antecedents
                st = s.text
                marked = [(q.start(), q.end()) for q in _QUOTED_WORDS.finditer(text, s.start, s.end)] \
                    if "“" in st or '"' in st or "''" in st else ()
                runs = [(m.start(), m.group()) for m in SIMPLE_RUN.finditer(text, s.start, s.end)]
                if "s " in st:
                    runs = split_at_possessives(text, runs, s.start)
                for start, run in runs:
                    if marked and any(a < start < b for a, b in marked):
                        continue
                    if start and (text[start - 1].isalnum() or text[start - 1] in "-’'"):
                        continue    # "anti-Hale": a capital inside a word starts no name
                    if "." in run:
                        start, run = cut_at_sentence_end(start, run)
                    if run[:run.find(" ")] in AUX_FIRST:
                        start, run = question_aux(text, start, run)
                    if " " not in run:
                        tok = strip(run)
                        if tok not in idx and tok not in male and tok not in female \
                                and not self.who_person(s.start, start, run):
                            # a lone capitalised word that is neither a known surname nor a given name, nor someone
                            # "who" did something ("Meanwhile Zendra, who was thanked, spoke")
                            continue
                        if tok in _NAME_MONTHS and _DAY_AFTER.match(text, start + len(run)):
                            continue        # "the primary on June 7": a date, not a woman named June
                    if quoted and self.in_quote(start):
                        continue
                    if _LOWER_NEXT.match(text, start + len(run)):
                        if _PLACE_NEXT.match(text, start + len(run)):
                            continue    # "at Lord Ashby station": a place, not a person
                        if text.endswith(_ARTICLES_BEFORE, max(s.start - 1, start - 5), start):
                            continue    # "a Hale rally", "the Lee campaign": a name used as a modifier
                        role = _ROLE_THEN_NAME.match(text, start + len(run))
                        if role and role.group(1) in L["titles"]:
                            continue    # "Lee campaign manager Jo Marsh": the name modifies a role
                    nm = N.read(run)
                    if nm is not None and nm.kind == "person" and (
                            nm.given_gender or nm.person_title or self.persons(nm.sur) or nm.sur in male
                            or nm.sur in female or len(nm.name) == 1 and self.who_person(s.start, start, run)):
                        # the subject: the first person named in the sentence, not as a possessor ("Hale’s
                        # Ruritania chairman, Jo Marsh, ... said") nor after a preposition
                        if start > main_from > 0 and not main_taken:
                            main_taken = True
                            # (the first name after the comma, unless a pronoun or a clause comes first: "..., he
                            # sees Lowe as ...", "..., acknowledging that Mr. Hale ...")
                            subject_taken = bool(_NOT_A_SUBJECT_YET.search(self.text, main_from, start))
                        after_preposition = _AFTER_PREPOSITION.search(self.text, max(s.start, start - 12), start) \
                            or _AFTER_PREPOSITION_ROLE.search(self.text, max(s.start, start - 60), start) \
                            or _AFTER_GERUND.search(self.text, max(s.start, start - 20), start)
                        if found and (text.startswith((", and ", ", but "), start - 6) or text.startswith(
                                "; ", start - 2)) and _LOWER_NEXT.match(text, start + len(run)):
                            # "..., and Kilner hinted": the subject of a coordinated clause (a verb follows; not
                            # the last of a list: "Rick Dunn, and Ted Fox.")
                            subject_taken = after_preposition = False
                        subj = not subject_taken and not nm.possessive and not after_preposition
                        if subj:
                            # "“...,” he told Hannity": a pronoun before the name in its stretch of the sentence
                            # is the subject (not one in a clause of its own: "As he has before, Hale said")
                            seg = max(s.start, text.rfind(",", s.start, start), text.rfind(":", s.start, start),
                                      *(b for a, b in marked if b <= start))
                            subj = not _SUBJECT_PRONOUN.search(text, seg, start)
                        if subj and found and found[0][1].possessive and main_from <= 0 \
                                and not text[s.start:found[0][0]].strip(" \"“‘'\n") \
                                and text.startswith((found[0][1].title or found[0][1].name)[0], found[0][0]) \
                                and not _CLAUSE_BREAK.search(text, found[0][0], start):
                            # "Lord Hale's plan comes a month after viewers saw Tom Reed debate ...": a possessor
                            # opening the sentence belongs to its subject; a person named later is no subject,
                            # unless a comma comes between ("Hale's chairman, Jo Marsh, said"; "Reed's future was in
                            # doubt, but Tom Hale said")
                            subj = False
                        if found and found[-1][2] and _COORDINATED.match(self.text, found[-1][0], start):
                            found[-1] = found[-1][:2] + (False,)     # "Mark Reed and Alan Cole": no one subject
                        # (a name after a preposition in an opening phrase leaves the subject to come: "During a
                        # talk with Tom Hale that ran on Friday, Ann Lee described ...")
                        if after_preposition and opening_end is None:
                            opening_end = text.find(",", s.start, s.end) if _OPENING_PHRASE.match(text, s.start) \
                                else -1
                        subject_taken = subject_taken or not nm.possessive and not (
                            after_preposition and start < opening_end)
                        found.append((start, nm, subj))
                if main_from > 0 and any(subj and p > main_from for p, _, subj in found):
                    # the main clause's subject is the sentence's; the opening clause's is only while no other
                    # is named ("When Lowe took Hale on, she did it gently")
                    found = [(p, nm, subj and p > main_from) for p, nm, subj in found]
            self._sentence_names[si] = found
        return found

    def who_person(self, sentence_start: int, start: int, run: str) -> bool:
        """Is a lone capitalised word at the start of its sentence someone "who" did something ("Meanwhile Zendra,
        who was thanked, spoke")? Not a place ("Leicester, who signed him": a club) nor a noun after "the" ("the
        Belgian, who")."""
        if start - sentence_start >= 15 or not _WHO_AFTER.match(self.text, start + len(run)):
            return False
        L = N.lists()
        if run in L["places"] or run in L["countries"] or self.text.endswith(("the ", "The "), 0, start):
            return False
        # (a plural verb after the relative clause is a team's: "Leicester, who signed him in 2003, have also ...")
        comma = self.text.find(",", start + len(run) + 6, start + 300)
        return comma < 0 or not _PLURAL_AFTER.match(self.text, comma)

    def main_clause(self, si: int) -> int:
        """Where the main clause of sentence ``si`` starts, after an opening subordinate clause ("When Hale
        suggested ..., Lowe hit back"): the offset of the comma that ends it; -1: the sentence opens with it."""
        found = self._main_clause.get(si)
        if found is None:
            s = self.sentences[si]
            sub = _SUBORDINATE_OPENING.match(self.text, s.start, s.end)
            found = self._main_clause[si] = self.text.find(",", sub.end(), s.end) if sub else -1
        return found

    def is_subject_at(self, si: int, pos: int) -> bool:
        """Is a speaker mention at ``pos`` its sentence's subject, by where it stands: near the start of the
        sentence, or of its main clause when a subordinate clause opens it."""
        main_from = self.main_clause(si)
        if main_from < 0:
            return pos - self.starts[si] < 25
        return 0 <= pos - main_from < 25 and not _NOT_A_SUBJECT_YET.search(self.text, main_from, pos)
