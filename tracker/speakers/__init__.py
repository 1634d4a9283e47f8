"""Speakers within an article: which person or body each quote's mention denotes.

``resolve(text, sentences, quotes)`` reads each quote's ``speaker_mention``
and sets ``quote.speaker`` to an index into the returned list of speakers,
or leaves it None when the mention is unclear: a wrong attribution is worse
than none. No parser: names are runs of capitalised words read with the word
lists in ``data/speakers/`` (see ``names``).

- names: "Defence Secretary Ben Wallace" is Ben Wallace, role Defence
  Secretary; "Mr Wallace" and "Wallace" are him when the article names a
  Wallace in full. A surname the article never ties to a full name stays a
  bare surname. When two people share it, an honorific's gender chooses
  ("Mrs Sanders"), else the one the article introduced first (newspapers
  name the other in full), and "Dr Morgan" between two Dr Morgans is unclear;
  a headline's capitals make no full name unless the given name is a known
  one ("Maybe Trump hasn't ..." is no person called Maybe Trump);
- bodies and their metonyms: "No 10" is Downing Street, "Moscow" Russia;
  "the Russian Embassy in the UK" keeps its proper complement;
- descriptions: "the defence secretary" is the person the article gave that
  title or description to and mentioned in the last few sentences; an epithet
  the article gave nobody ("the candidate", "the billionaire") is the person
  it quotes most, when no one else is mentioned near it, and a public role it
  gave nobody ("the Vermont senator") the named subject of the sentence
  before, when that sentence names no one else; "the campaign" the
  campaign it last named (or "his campaign" stood for); a description
  followed by a name in apposition is that person;
- pronouns: "he"/"she" the latest person of that gender in the preceding
  sentences (names in quotation marks, in the reported speech before a
  postposed "he said", and names modifying a noun, "a Trump rally", do not
  count), unless another person competes: two of that gender in one sentence
  go to its subject (after an opening "When ...," clause, the main clause's)
  or to the speaker just quoted there, else stay unclear; "it" the body last
  quoted, "they" the group last quoted, "who" the name just before it (the
  name ending a longer phrase, or the one a description is in apposition
  to); "I" and "we" are never resolved; the "A:" of an interview's answer is
  the one person its headline (else its introduction) names;
- anonymous and generic sources ("a Downing Street spokeswoman",
  "officials") become anonymous speakers with their affiliation, never a
  named person.

``key(speaker)`` is the cross-article identity the store links on (None:
never link this speaker to another article's).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from ..model import Quote, Sentence, Speaker
from ..quotes import cues as _cues
from ..quotes.attribution import antecedent as _antecedent
from ..segment import is_headline
from . import names as N

__all__ = ["resolve", "key"]

_EDGE = " \t\n\u00a0,;:.—–-()[]\"“”‘’'"
_PAREN = re.compile(r"\s*\([^()]*\)")
_LEAD = re.compile(r"^(?:by|according to|from)\s+", re.I)
_CLAUSE = re.compile(r",|\(|\s[—–-]+\s|—|–|\s(?:who|whom|whose|which|that|where|when|while)\s", re.I)
_PREP = re.compile(r"\s(?:of|in|at|from|for|on|with|to|about|during|after|before|over|under|among)\s")
_AND = re.compile(r"\s(?:and|&)\s")
_POSSESSOR_THEN_NAME = re.compile(r"[’']s\s+[A-Z]")
_DETERMINERS = frozenset("""a an the one two three four five six some several many most few other others
    another both each every any all multiple various numerous certain his her their its our my your this that
    these those such""".split())
_PERSON_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})
# description words that say nothing about who is meant ("the former governor")
_VAGUE = frozenset("""the a an former then current new old longtime long-time outgoing incoming acting
    interim top senior one this that presumptive republican democratic democrat gop labour tory conservative
    independent""".split())
# party words the description words above may carry: a description of one party never fits a role of another
_PARTIES = {"republican": "R", "gop": "R", "democratic": "D", "democrat": "D", "labour": "Lab", "tory": "Con",
            "conservative": "Con"}
# abbreviations newspapers use for a role before a name
_ROLE_ABBR = {"governor": {"gov"}, "senator": {"sen"}, "representative": {"rep", "congressman", "congresswoman"},
              "general": {"gen"}, "admiral": {"adm"}, "colonel": {"col"}, "captain": {"capt"},
              "lieutenant": {"lt"}, "sergeant": {"sgt"}, "major": {"maj"}, "detective": {"det"},
              "professor": {"prof"}, "doctor": {"dr"}, "reverend": {"rev"}, "congressman": {"rep"},
              "congresswoman": {"rep"}, "president": {"pres"}, "pm": {"prime minister"}}
# a name right after a title word ("Secretary Ben Wallace") and a name before a description in apposition
# ("Ben Jealous, the former president")
_NAME_AFTER = re.compile(r"\.?[ \u00a0]([A-Z][\w’'\-\.]*(?:[ \u00a0][A-Z][\w’'\-\.]*)*)")
_CLAUSE_BREAK = re.compile(r"[,;:.()“”\"—–]")
_APPOS_BEFORE = re.compile(r"(?<![\w’'\-\.])([A-Z][\w’'\-\.]*(?:[ \u00a0][A-Z][\w’'\-\.]*)*)(?:,|\s[—–-])\s?"
                           r"(?:the|a|an) ((?:[\w\-]+,? ){0,6})\Z")
# what ends a description in apposition: "Ben Jealous, the former president of ...", not "Clinton - the
# candidate began ..."
_APPOS_END = re.compile(r"(?:[,;.?!)]|\s[—–-]|’s|'s| (?:of|for|at|in|to|from|with|who|whose|and|on|since)\b|\Z)")
_WINDOW_SENTENCES = 4      # how far back a pronoun looks for its antecedent (3 and 6 measured worse)
_ROLE_EXPAND = {"pm": ["prime", "minister"]}     # "the PM": someone titled Prime Minister
_EPITHETS = frozenset("""candidate nominee front-runner frontrunner hopeful contender businessman businesswoman
    billionaire mogul tycoon magnate""".split())
# public roles a description may give the person the sentence before had as its subject ("the Vermont senator")
_SUBJECT_HEADS = _EPITHETS | frozenset("""senator governor congressman congresswoman president leader incumbent
    mayor premier chancellor lawmaker""".split())
_GENDERED_HEADS = {"businessman": "male", "congressman": "male", "businesswoman": "female", "congresswoman": "female"}
_ROLE_SENTENCES = 6         # how far back a description ("the senator") looks for its person's last mention
# the first personal pronoun after a name, with no sentence end and no capitalised word between
_NEXT_PRONOUN = re.compile(r"(?:’s|'s)?[^.!?;:,“”\"A-Z\n]{0,50}?\b([Hh]e|[Hh]is|[Hh]im|[Ss]he|[Hh]er)\b")
# a surname used as a person's: after an honorific, or as the subject of a speech verb
_HONORIFIC_BEFORE = re.compile(r"(?:Mr|Mrs|Ms|Dr|Miss)\.? \Z")
_CUE_AFTER = re.compile(r" (?:said|says|told|added|wrote|argued|explained|noted|asked)\b"
                        r"|, \d{1,3}, ")      # an age in apposition ("Cory Lund, 22,"): a person
# an article's closing line on its writer: "Jo Hart is the mayor of Leeds.", "Rep. Dan Ruiz, D-Ariz., was ..."
_WRITER_LINE = re.compile(r"([A-Z][\w’'\-\.]*(?: [A-Z][\w’'\-\.]*){0,4})(?:, [A-Z][\w\-\.]*,)? (?:is|was|has been)"
                          r" (?:(?:a|an|the)\b|[A-Z])")
_PERSONAL_PRONOUNS = frozenset({"he", "she"})
_SINGULAR_SELF = frozenset({"I", "me", "my", "Me", "My"})


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
        suffix = [w for w in core if w.rstrip(".").lower() in ("jr", "sr", "ii", "iii", "iv")]
        core = [w for w in core if w not in suffix]
        core = core[:1] + core[-1:] if len(core) > 2 else core
        if sum(len(w.rstrip(".").split(".")) for w in initials) > 1 and len(core) == 2:
            core = core[:1] + [i for w in initials for i in w.rstrip(".").split(".")] + core[1:]
        words = core + suffix
    folded = [w.rstrip(".").casefold().replace("’", "'") for w in words]
    k = " ".join(folded)
    return f"{speaker.kind}:{k}" if speaker.anonymous else k


@dataclass(slots=True)
class _Entity:
    name: str
    kind: str
    ident: str                       # identity within the article
    gender: str | None = None
    role: str | None = None
    affiliation: str | None = None
    anonymous: bool = False
    aliases: list[str] = field(default_factory=list)
    index: int | None = None         # position in the returned list, once a quote uses it


@dataclass(slots=True)
class _Person:
    """A full name the article writes somewhere: the tie between a surname and a person."""
    name: list[str]
    gender: str | None
    titles: list[str]
    first: int                       # offset of the first occurrence
    count: int = 0
    pkey: str = ""


class _Article:
    def __init__(self, text: str, sentences: list[Sentence], quoted: list[tuple[int, int]] = ()):
        self.text = text
        self.quoted = sorted(quoted)         # spans of quoted words: names there are not antecedents
        self.quoted_starts = [a for a, _ in self.quoted]
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.entities: dict[str, _Entity] = {}
        self.out: list[_Entity] = []
        self.mentions: list[tuple[int, _Entity]] = []     # resolved speaker mentions by offset
        self.mention_offsets: list[int] = []
        self.subjects: set[int] = set()     # offsets of the mentions that are their sentence's subject
        self.named_in_quote: frozenset[str] = frozenset()   # the name the quote being resolved opens with
        self._interviewee: _Entity | bool | None = None
        self._main_clause: dict[int, int] = {}
        self.speaker_offsets: list[int] = []     # offsets of all the quotes' speaker mentions, resolved or not
        # offsets of the mentions that follow what their quote reports ("..., he said"); None: not known
        self.after_content: set[int] | None = None
        self._runs: dict[str, list[tuple[int, str]]] | None = None
        self._headline_runs: set[str] = set()        # runs of capitals in the headline, and where it ends
        self._headline_end: int | None = None
        self._people: dict[str, dict[str, _Person]] = {}
        self._named: dict[N.Name, _Entity | None] = {}
        self._lower: str | None = None
        self._role_found: dict[tuple, dict[str, _Person]] = {}
        self._sentence_names: dict[int, list[tuple[int, N.Name]]] = {}
        self._sentence_roles: dict[int, list[tuple[int, _Entity, bool]]] = {}
        self._named_surnames: dict[str, bool] = {}
        self._context_gender: dict[str, str | None] = {}
        self._writer: _Entity | None | bool = False       # False: not looked for yet

    # -- the article's full names ---------------------------------------------------------------
    def _index(self) -> dict[str, list[str]]:
        """Runs of two or more capitalised words by their last word (a surname, mostly), not yet read."""
        if self._runs is None:
            idx: dict[str, list[str]] = {}
            strip = N.strip_possessive
            text = self.text
            head = self.headline_end()
            if head:
                self._headline_runs = {run for whole in _SIMPLE_MULTI.findall(text, 0, head)
                                       for run in _possessive_parts(whole)}
            for whole in _SIMPLE_MULTI.findall(text):
                # "Rep. Alan Grayson’s Senate campaign", "National Review’s Ian Tuttle": a possessive ends a run
                for run in _possessive_parts(whole) if "s " in whole else (whole,):
                    if " " not in run:
                        continue
                    if run[:run.find(" ")] in _AUX_FIRST:
                        run = _question_aux(text, text.find(run), run)[1]
                    for run in _sentence_parts(run) if ". " in run else (run,):
                        last = run[run.rfind(" ") + 1:].rstrip(".")
                        if last in _SUFFIX_WORDS:
                            last = run.split()[-2].rstrip(".,")
                        last = strip(last)
                        runs = idx.get(last)
                        if runs is None:
                            idx[last] = [run]
                        else:
                            runs.append(run)
            self._runs = idx
        return self._runs

    def persons(self, sur: str) -> dict[str, _Person]:
        """The people the article names in full with this surname, by folded core name (read on demand)."""
        got = self._people.get(sur)
        if got is not None:
            return got
        got = self._people[sur] = {}
        for run in self._index().get(sur, ()):
            shift, kept = _cut_at_sentence_end(0, run) if "." in run else (0, run)
            nm = N.read(kept)
            if nm is None or nm.kind != "person" or len(nm.core) < 2 or nm.sur != sur:
                continue
            headline_only = run in self._headline_runs and self.only_in_headline(run)
            if nm.given_gender is None and (headline_only or not nm.person_title and not self._is_named_person(sur)) \
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
                p = got[nm.pkey] = _Person(nm.name, nm.gender, [], self.text.find(run) + shift, pkey=nm.pkey)
            p.count += 1
            if nm.gender and not p.gender:
                p.gender = nm.gender
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

    def headline_end(self) -> int:
        """End of the headline (the first paragraph, when it is one), else 0 (cached)."""
        if self._headline_end is None:
            first = [s for s in self.sentences if s.paragraph == 0]
            self._headline_end = first[-1].end if first and len(first) < len(self.sentences) and is_headline(
                self.text[first[0].start:first[-1].end], True) else 0
        return self._headline_end

    def title_case_headline(self) -> bool:
        """Is the headline in title case ("Grassley Compares Trump’s Attacks To ...")? There every word is a capital,
        and a run of capitals says nothing about where a name ends."""
        words = [w for w in self.text[:self.headline_end()].split() if len(w) > 3 and w[0].isalpha()]
        return bool(words) and sum(w[0].isupper() for w in words) >= 0.8 * len(words)

    def lower(self) -> str:
        """The article's text in lower case (made once, on first use)."""
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    def only_in_headline(self, run: str) -> bool:
        return self.text.find(run, self.headline_end()) < 0

    def people_named(self, first: str) -> list[_Person]:
        """Everyone the article names in full with this first name. Only the surnames with a run that holds the
        word are read: a name's words are words of its run."""
        strip = N.strip_possessive
        return [p for sur, runs in self._index().items() if any(first in run for run in runs)
                for p in self.persons(sur).values() if strip(p.name[0]) == first]

    def _is_named_person(self, sur: str) -> bool:
        """A two-word run with an unknown first name counts as a person if the article also uses its surname alone
        with an honorific ("Mr Shook") or as the subject of a cue ("Shook said"), or gives it an age ("Amara
        Shook, 13, of Leeds"). (Cached: asked for each run.)"""
        found = self._named_surnames.get(sur)
        if found is None:
            found = self._named_surnames[sur] = False
            text = self.text
            i = text.find(sur)
            while i >= 0:
                if _HONORIFIC_BEFORE.search(text, max(0, i - 5), i) or _CUE_AFTER.match(text, i + len(sur)):
                    found = self._named_surnames[sur] = True
                    break
                i = text.find(sur, i + 1)
        return found

    def persons_by_surname(self, sur: str, gender: str | None) -> list[_Person]:
        found = list(self.persons(sur).values())
        if gender:
            found = [p for p in found if p.gender in (gender, None)]
        return found

    # -- entities -----------------------------------------------------------------------------------
    def entity(self, ident: str, make) -> _Entity:
        e = self.entities.get(ident)
        if e is None:
            e = self.entities[ident] = make()
        return e

    def person_entity(self, person: _Person) -> _Entity:
        ident = "p:" + person.pkey
        role = person.titles[0] if person.titles else None
        return self.entity(ident, lambda: _Entity(" ".join(person.name), "person", ident, person.gender, role))

    def use(self, e: _Entity, alias: str | None) -> int:
        if e.index is None:
            e.index = len(self.out)
            self.out.append(e)
        if alias and alias not in e.aliases:
            e.aliases.append(alias)
        return e.index

    # -- named mentions -----------------------------------------------------------------------------
    def named_person(self, nm: N.Name) -> _Entity | None:
        """The entity for a person's name as written: a full name, or a surname the article ties to one."""
        try:
            return self._named[nm]          # names are shared objects (names.read), hashed by identity
        except KeyError:
            e = self._named[nm] = self._named_person(nm)
            return e

    def _named_person(self, nm: N.Name) -> _Entity | None:
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
                # a two-word name with an unknown first name and no title may be a body ("Western Journalism")
                kind = "person" if gender or nm.person_title else "unknown"
                e = self.entity(ident, lambda: _Entity(" ".join(nm.name), kind, ident, gender))
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
        firsts = self.people_named(single) if single in L["male"] or single in L["female"] else []
        if len(firsts) == 1 and not nm.title:
            return self.person_entity(firsts[0])
        if len(firsts) > 1:
            return None
        ident = "s:" + single.lower()
        gender = nm.gender or ("male" if single in L["male"] else "female" if single in L["female"] else None)
        kind = "person" if nm.person_title or gender else "unknown"
        e = self.entity(ident, lambda: _Entity(single, kind, ident, gender))
        if kind == "person" and e.kind == "unknown":      # "Trump" first, "Mr. Trump" later: a person after all
            e.kind, e.gender = "person", e.gender or gender
        return e

    def org_entity(self, words: str) -> _Entity:
        canon = N.org_canonical(words)
        if canon is None:
            canon = re.sub(r"^(?:the|a|an)\s+", "", words.strip(), flags=re.I)
            canon = N.strip_possessive(canon)
        ident = "o:" + canon.lower()
        return self.entity(ident, lambda: _Entity(canon, "organization", ident))

    # -- the mention types ----------------------------------------------------------------------------
    def resolve_mention(self, mention: str, pos: int) -> tuple[_Entity | None, str | None]:
        """(entity, alias form) for a mention at offset ``pos``; entity None when unclear or not a speaker."""
        described = _DESCRIBED_NAME.match(mention) if mention[:2] in ("A ", "a ", "An", "an") else None
        if described and not any(w in N.lists()["titles"] for w in described.group(1).split()):
            # "A defiant Trump", "a visibly angry Clinton": the person named, when the article names them in full
            nm = N.read(described.group(2))
            if nm is not None and nm.kind == "person" and self.persons_by_surname(nm.sur, None):
                e = self.named_person(nm)
                return e, described.group(2) if e is not None else None
        plan = _plan(mention)
        if not plan:
            return None, None
        op = plan[0]
        if op == "pronoun":
            return self.pronoun(plan[1], pos, mention), None
        words = mention.split()
        if 1 < len(words) < 4 and words[-1].islower() and words[-1] in N.lists()["titles"] \
                and words[0].lower() not in _DETERMINERS and pos < self.headline_end():
            # a headline drops its articles ("Saudi prince slams Dale Ruiz") and names its people later: the one
            # person the article gives that title
            fit = self._fitting(words)
            if len(fit) == 1:
                return self.person_entity(next(iter(fit.values()))), None
        if op == "compound":
            return self.compound(plan[1], pos), plan[2]
        _, head, head_steps, rest = plan
        e = self.run_steps(head_steps, pos)
        if e is None:
            # "The chairman of the Joint Chiefs of Staff, Gen. Joseph Dunford": the name is in apposition
            for seg, steps in rest:
                e2 = self.run_steps(steps, pos)
                if e2 is not None and e2.kind == "person" and not e2.anonymous:
                    return e2, seg
        return e, head if e is not None else None

    def apposed_name(self, mention: str, end: int) -> tuple[_Entity | None, str | None]:
        """The person named in apposition right after a description mention, if any."""
        plan = _plan(mention)
        if not plan or plan[0] != "segments" or not plan[2] or plan[2][0][0] != "desc":
            return None, None                    # a name or an organisation needs no apposition
        m = _APPOSED.match(self.text, end)
        if not m:
            return None, None
        start, run = _cut_at_sentence_end(m.start(1), m.group(1))
        if " and " in run:                       # "two members of Congress, Ann Ros and Carl Cur,"
            e = self.resolve_mention(run, start)[0]
            return (e, run) if e is not None and e.kind == "group" else (None, None)
        nm = N.read(run)
        if nm is None or nm.kind != "person":
            return None, None
        return self.named_person(nm), run

    def run_steps(self, steps: tuple, pos: int) -> _Entity | None:
        for op, arg, final in steps:
            if op == "person":
                e = self.named_person(arg)
                if e is not None and e.kind == "unknown" and len(arg.name) == 1 and self.common_word(arg.name[0], pos):
                    e = None
            elif op == "org":
                e = self.org_entity(arg)
            elif op == "surname":
                # a title word alone is a surname where the article names one person with it ("Paul Singer")
                found = self.persons(arg)
                e = self.person_entity(next(iter(found.values()))) if len(found) == 1 else None
            elif op == "title":
                # "The Tennessean", "The Hill": a one-word name after a capital "The" is a publication or a
                # body, unless the article uses the word as a person's surname ("The Trump", clipped)
                ident = "o:" + arg.lower()
                e = None if self.persons(arg) else self.entity(
                    ident, lambda: _Entity("The " + arg, "organization", ident))
            else:
                e = self.description(arg, pos)
            if e is not None or final:
                return e
        return None

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

    def description(self, desc: tuple, pos: int) -> _Entity | None:
        """A mention whose head is a common noun: an anonymous source, a body ("the campaign") or a role.
        ``desc``: the mention's words as ``_read_description`` reads them."""
        if desc is None:
            return None
        L = N.lists()
        words, head, det, caps, complement = desc
        if head not in L["org_words"] and head.endswith("s") and head[:-1] in L["org_words"] and caps:
            # "Six Gannett newspapers in New Jersey": several bodies quoted together
            name = " ".join(N.strip_possessive(w) for w in caps) + " " + head
            ident = "g:" + name.lower()
            return self.entity(ident, lambda: _Entity(name, "group", ident))
        if head in L["org_words"]:
            if det in _PERSON_POSSESSIVES:
                # "his campaign": the campaign of the person "his" denotes
                owner = self.pronoun(L["pronouns"][det], pos)
                if owner is None or owner.kind != "person":
                    return None
                return self.org_entity(f"{owner.name.split()[-1]} {head}")
            if caps and head in _PRESS_HEADS:
                # "the nationalist Global Times tabloid": the publication; "a Baton Rouge newspaper" stays a
                # description; "the Sanders campaign website": nobody
                if not words[-2][:1].isupper():
                    return None
                name = " ".join(N.strip_possessive(w) for w in caps)
                if _PRESS_NAME.search(name) or N.looks_like_org(name.split()):
                    return self.org_entity(name)
            if caps:
                return self.org_entity(" ".join(N.strip_possessive(w) for w in caps) + " " + head)
            if det in ("the", "this", "that"):
                return self.recent_org(head, pos)
            return None
        if det in ("the", "this", "that"):
            # definite: someone the article has named, by a word for a person ("the senator", "the aide"); "the
            # report", "the survey" are no one
            return self.role(words, pos) if N.is_title(head) or head in L["generic"] else None
        generic = L["generic"].get(head)
        if generic:
            return self.anonymous(words, head, generic, pos, complement)
        return None

    def anonymous(self, words: tuple[str, ...], head: str, generic: str | None, pos: int,
                  complement: str | None = None) -> _Entity:
        """An anonymous source: named by its words without determiners, the body it speaks for put first
        ("A Downing Street spokeswoman" -> "Downing Street spokeswoman", affiliation Downing Street)."""
        kept = [N.strip_possessive(w) for w in words if w.lower() not in _DETERMINERS]
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
        return self.entity(ident, lambda: _Entity(name, kind, ident, role=head, affiliation=affiliation,
                                                  anonymous=True))

    def recent_org(self, head: str, pos: int) -> _Entity | None:
        """"the campaign", "the agency": the body of that kind the article last named before ``pos``."""
        if head == "campaign":
            found = None
            for m in _NAMED_CAMPAIGN.finditer(self.text, 0, pos):
                found = m
            if found is None:
                return None
            if found.group(1):
                nm = N.read_run(found.group(1).split())
                owner = nm.name[-1] if nm else found.group(1).split()[-1]
            else:
                # "his campaign": the campaign of the person "his" stands for there
                e = self.personal("male" if found.group(2).lower() == "his" else "female", found.start())
                if e is None:
                    return None
                owner = e.name.split()[-1]
            return self.org_entity(f"{owner} campaign")
        best = None
        for p, e in self.mentions:
            if p < pos and e.kind == "organization" and head in e.name.lower().split():
                best = e
        if best is None and head in _PRESS_HEADS:
            # "the conservative-leaning newspaper": the publication quoted last, if within the last few sentences
            recent = self.starts[max(0, bisect_right(self.starts, pos) - 1 - _ROLE_SENTENCES)] if self.starts else 0
            # (the body quoted last: a publication by its name, or a name of unknown kind like "Orlando Sentinel")
            best = next((e for p, e in reversed(self.mentions) if p < pos and e.kind in ("organization", "unknown")),
                        None)
            if best is not None and (self.last_org_mention(best, pos) < recent
                                     or best.kind == "organization" and not _PRESS_NAME.search(best.name)):
                best = None
        return best

    def last_org_mention(self, e: _Entity, pos: int) -> int:
        return max((p for p, m in self.mentions if m is e and p < pos), default=-1)

    def role(self, words: list[str], pos: int) -> _Entity | None:
        """"the defence secretary": the one person the article gave that title (or that description) to."""
        ck = tuple(words)
        found = self._role_found.get(ck)
        if found is None:
            found = self._role_found[ck] = self._fitting(words)
        if not found:
            return self.main_by_epithet(words, pos) or self.previous_subject(words, pos)
        # the description refers back to someone the article mentioned lately: of several who fit ("the
        # senator" in an article naming three senators) the last one mentioned, and nobody who has not been
        # mentioned in the last few sentences ("the candidate" for a candidate named once, long before)
        last = {k: self.last_mention(p, pos) for k, p in found.items()}
        k = max(last, key=lambda k: last[k])
        recent = self.starts[max(0, bisect_right(self.starts, pos) - 1 - _ROLE_SENTENCES)] if self.starts else 0
        if last[k] < recent or (len(last) > 1 and sorted(last.values())[-2] == last[k]):
            return None
        return self.person_entity(found[k])

    def main_by_epithet(self, words: list[str], pos: int) -> _Entity | None:
        """"the candidate", "the billionaire": the person the article quotes most, when one clearly leads and is
        the only person mentioned in the last few sentences."""
        if words[-1].lower() not in _EPITHETS:
            return None
        main = self.main_person(None, pos)
        if main is None:
            return None
        return main if {e.ident for _, e, _ in self._window(pos)} == {main.ident} else None

    def interviewee(self) -> _Entity | None:
        """Who answers in a question-and-answer interview: the one person the headline names ("Q&A with Vice
        President Joe Biden", "Laura Bush sees hope for Afghan women"), else the one person the introduction
        (the paragraph after the headline) names in full; None when that is not one person."""
        if self._interviewee is None:
            head = self.headline_end()
            for lo, hi in ((0, head), (head, self._first_paragraph_end(head))):
                people = {}
                for si, st in enumerate(self.starts):
                    if lo <= st < hi:
                        for _, nm, _ in self.names_in(si):
                            e = self.named_person(nm)
                            if e is not None and e.kind == "person" and not e.anonymous and " " in e.name:
                                people[e.ident] = e
                if people or lo:
                    self._interviewee = next(iter(people.values())) if len(people) == 1 else False
                    break
        return self._interviewee or None

    def _first_paragraph_end(self, after: int) -> int:
        """The end of the paragraph of the first sentence at or after ``after``."""
        i = bisect_left(self.starts, after)
        if i >= len(self.sentences):
            return len(self.text)
        par = self.sentences[i].paragraph
        return max(s.end for s in self.sentences if s.paragraph == par)

    def previous_subject(self, words: list[str], pos: int) -> _Entity | None:
        """'Hillary Clinton delivered her speech. "...," said the Democratic nominee': a description of a public
        role the article gives nobody is the subject of the sentence before, when that sentence opens with its
        subject and names no one else (possessors aside), and nobody is named between."""
        head = words[-1].lower().strip(".,’'")
        if head not in _SUBJECT_HEADS:
            return None
        if self.roles_for({head} | _ROLE_ABBR.get(head, set())):
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
        if any(m.group(1).lower() in titles and m.group(1).lower() not in _NOT_PEOPLE_TITLES and not self.in_quote(
                m.start()) for m in _DEFINITE_TITLE.finditer(self.text, start, end)) \
                or any(start <= q < end for q in self.speaker_offsets if not self.is_mention(q)):
            return None
        gender = _GENDERED_HEADS.get(head)
        return e if gender is None or e.gender in (gender, None) else None

    def last_mention(self, p: _Person, pos: int) -> int:
        """Offset of the last mention of a person (surname or resolved speaker mention) before ``pos``; -1: none."""
        i = self.text.rfind(N.strip_possessive(p.name[-1] if N.is_core_token(p.name[-1]) else p.name[-2]), 0, pos)
        e = self.entities.get("p:" + p.pkey)
        if e is not None:
            i = max([i] + [q for q, x in self.mentions if x is e and q < pos])
        return i

    def _fitting(self, words: list[str]) -> dict[str, _Person]:
        """The people whose titles or descriptions in the article fit ``words`` (wherever they are mentioned)."""
        want = [w.lower().strip(".,’'") for w in words if w.lower() not in _VAGUE]
        if want and want[-1] in _ROLE_EXPAND:
            want = want[:-1] + _ROLE_EXPAND[want[-1]]
        if not want:
            return {}
        former = any(w.lower() in ("former", "ex") for w in words)
        head, mods = want[-1], want[:-1]
        heads = {head} | _ROLE_ABBR.get(head, set())
        said = {w.lower().strip(".,’'") for w in words}      # the mention itself is one occurrence of its head
        if not any(self.lower().count(h) > (h in said) for h in heads if " " not in h):
            return {}                   # the article gives nobody this title: nothing to look up
        parties = {_PARTIES[w] for w in said if w in _PARTIES}
        found: dict[str, _Person] = {}
        for p, phrase in self.roles_for(heads):
            phrase = [w.strip(",") for w in phrase]
            if parties and {_PARTIES[w] for w in phrase if w in _PARTIES} - parties:
                continue        # "the GOP front-runner" is not "Democratic front-runner Clinton"
            if phrase[-1] in heads and ("former" in phrase or "ex" in phrase) == former \
                    and all(m in phrase or _ROLE_ABBR.get(m, set()) & set(phrase) or _acronym_in(m, phrase)
                            for m in mods):
                found[p.pkey] = p
        return found

    def roles_for(self, heads: set[str]) -> list[tuple[_Person, list[str]]]:
        """(person, role words ending in one of ``heads``) wherever the article puts such a word next to a name:
        a title or premodifier before it ("Defence Secretary Ben Wallace", "conservative commentator Jonah
        Goldberg", "Gov. Chris Christie") or a description in apposition after it ("Ben Jealous, the former
        president of the NAACP", "Ayotte - the first-term senator"). Only the occurrences of the head words
        are read, not the whole article."""
        text, low = self.text, self.lower()
        out = []
        for h in heads:
            if " " in h:
                continue
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

    def _person_from_run(self, start: int, run: str) -> _Person | None:
        start, run = _cut_at_sentence_end(start, run)
        nm = N.read(run)
        if nm is None or nm.kind != "person":
            return None
        if len(nm.core) >= 2:
            return self.persons(nm.sur).get(nm.pkey) or _Person(nm.name, nm.gender, [], start, pkey=nm.pkey)
        cands = sorted(self.persons_by_surname(nm.sur, nm.gender), key=lambda p: p.first)
        return cands[0] if cands else None

    def compound(self, parts: list[str], pos: int) -> _Entity | None:
        ents = [self.resolve_mention(p, pos)[0] for p in parts]
        if any(e is None or e.anonymous for e in ents):
            return None
        name = " and ".join(e.name for e in ents)
        ident = "g:" + name.lower()
        return self.entity(ident, lambda: _Entity(name, "group", ident))

    # -- pronouns -------------------------------------------------------------------------------------------
    def pronoun(self, cls: str, pos: int, mention: str = "") -> _Entity | None:
        if cls in ("male", "female"):
            return self.personal(cls, pos)
        if cls == "relative":
            return self.relative(pos)
        if cls == "neuter":
            return self.neuter(pos)
        if cls == "plural":
            return self.plural(pos)
        if cls == "self" and mention in _SINGULAR_SELF:
            return self.writer(pos)
        return None                                      # "we", "you": never resolved

    def writer(self, pos: int) -> _Entity | None:
        """"I" outside quotation marks, in an article whose closing lines say who wrote it ("Jo Hart is the
        mayor of Leeds."): the writer. Inside a quotation "I" is whoever is quoted, and without such a line the
        writer is unknown."""
        if self.in_quote(pos):
            return None
        si = max(0, bisect_right(self.starts, pos) - 1)
        s = self.sentences[si] if self.sentences else None
        if s is None or self.text.count("“", s.start, pos) > self.text.count("”", s.start, pos) \
                or self.text.count('"', s.start, pos) % 2:
            return None
        if self._writer is False:
            self._writer = self._find_writer()
        return self._writer

    def _find_writer(self) -> _Entity | None:
        # one of the last two paragraphs, short, opening "Name is/was ...", "Name, D-Ariz., is ..."
        paras: list[list[Sentence]] = []
        for s in reversed(self.sentences):
            if paras and s.paragraph == paras[-1][0].paragraph:
                paras[-1].append(s)
            elif len(paras) == 2:
                break
            else:
                paras.append([s])
        for para in paras:
            s = para[-1]        # (the paragraph's sentences were collected backwards)
            m = _WRITER_LINE.match(s.text)
            if m is None or para[0].end - s.start > 400:
                continue
            nm = N.read(m.group(1))
            if nm is None or nm.kind != "person" or len(nm.core) < 2:
                continue
            e = self.named_person(nm)
            if e is None or e.anonymous or len(e.name.split()) < 2:
                continue
            # a name of unknown kind is a person when the line gives it a person's title ("a staff reporter")
            if e.kind == "person" or e.kind == "unknown" and any(
                    N.is_title(w) for w in s.text[m.end():].split()[:6]):
                e.kind = "person"
                return e
        return None

    def plural(self, pos: int) -> _Entity | None:
        """"they": the group quoted just before ("Clinton and Sanders", "Six Gannett newspapers"), if the last
        speaker, quoted in this or the previous sentence, is one."""
        i = bisect_left(self.mention_offsets, pos) - 1
        if i < 0:
            return None
        p, e = self.mentions[i]
        if e.kind != "group" or e.anonymous and not e.affiliation:
            return None
        return e if bisect_right(self.starts, pos) - bisect_right(self.starts, p) <= 1 else None

    def names_in(self, si: int) -> list[tuple[int, N.Name, bool]]:
        """(offset, name, subject?) of the names in sentence ``si`` outside quotation marks (cached)."""
        found = self._sentence_names.get(si)
        if found is None:
            s = self.sentences[si]
            found = []
            if not s.boilerplate:
                idx = self._index()
                L = N.lists()
                male, female = L["male"], L["female"]
                strip, quoted = N.strip_possessive, self.quoted
                # "While Donald Trump has yet to endorse Ryan, Trump’s running mate — Mike Pence — has ...": an
                # opening subordinate clause has a subject of its own, and the main clause after its comma another
                main_from = self.main_clause(si)
                subject_taken = main_taken = False
                # the end of an opening phrase ("During an interview with Sean Hannity that aired Wednesday,")
                opening_end = None
                text = self.text
                # quotation marks the quote finder did not report still hold quoted words, not antecedents
                st = s.text
                marked = [(q.start(), q.end()) for q in _QUOTED_WORDS.finditer(text, s.start, s.end)] \
                    if "“" in st or '"' in st or "''" in st else ()
                runs = [(m.start(), m.group()) for m in _SIMPLE_RUN.finditer(text, s.start, s.end)]
                if "s " in st:
                    runs = _split_at_possessives(text, runs, s.start)
                for start, run in runs:
                    if marked and any(a < start < b for a, b in marked):
                        continue
                    if start and (text[start - 1].isalnum() or text[start - 1] in "-’'"):
                        continue    # "anti-Trump": a capital inside a word starts no name
                    if "." in run:
                        start, run = _cut_at_sentence_end(start, run)
                    if run[:run.find(" ")] in _AUX_FIRST:
                        start, run = _question_aux(text, start, run)
                    if " " not in run:
                        tok = strip(run)
                        if tok not in idx and tok not in male and tok not in female:
                            continue        # a lone capitalised word that is neither a known surname nor a given name
                        if tok in _NAME_MONTHS and _DAY_AFTER.match(text, start + len(run)):
                            continue        # "the primary on June 7": a date, not a woman named June
                    if quoted and self.in_quote(start):
                        continue
                    if _LOWER_NEXT.match(text, start + len(run)):
                        if text.endswith(_ARTICLES_BEFORE, max(s.start - 1, start - 5), start):
                            continue    # "a Trump rally", "the Clinton campaign": a name used as a modifier
                        role = _ROLE_THEN_NAME.match(text, start + len(run))
                        if role and role.group(1) in L["titles"]:
                            continue    # "Clinton campaign manager Robby Mook": the name modifies a role
                    nm = N.read(run)
                    if nm is not None and nm.kind == "person" and (
                            nm.given_gender or nm.person_title or self.persons(nm.sur) or nm.sur in male
                            or nm.sur in female):
                        # the subject: the first person named in the sentence, not as a possessor ("Trump’s
                        # Indiana chairman, Rex Early, ... said") nor after a preposition
                        if start > main_from > 0 and not main_taken:
                            main_taken = True
                            # (the first name after the comma, unless a pronoun or a clause comes first: "..., he
                            # sees Christie as ...", "..., acknowledging that Mr. Trump ...")
                            subject_taken = bool(_NOT_A_SUBJECT_YET.search(self.text, main_from, start))
                        after_preposition = _AFTER_PREPOSITION.search(self.text, max(s.start, start - 12), start)
                        if found and (text.startswith((", and ", ", but "), start - 6) or text.startswith(
                                "; ", start - 2)) and _LOWER_NEXT.match(text, start + len(run)):
                            # "..., and Kilner hinted": the subject of a coordinated clause (a verb follows; not
                            # the last of a list: "Rick Dunn, and Ted Fox.")
                            subject_taken = after_preposition = False
                        subj = not subject_taken and not nm.possessive and not after_preposition
                        if subj:
                            # "“...,” he told Hannity": a pronoun before the name in its stretch of the sentence
                            # is the subject (not one in a clause of its own: "As he has before, Cruz said")
                            seg = max(s.start, text.rfind(",", s.start, start), text.rfind(":", s.start, start),
                                      *(b for a, b in marked if b <= start))
                            subj = not _SUBJECT_PRONOUN.search(text, seg, start)
                        if found and found[-1][2] and _COORDINATED.match(self.text, found[-1][0], start):
                            found[-1] = found[-1][:2] + (False,)     # "Mark Reed and Alan Cole": no one subject
                        # (a name after a preposition in an opening phrase leaves the subject to come: "During an
                        # interview with Sean Hannity that aired Wednesday, Donald Trump discussed ...")
                        if after_preposition and opening_end is None:
                            opening_end = text.find(",", s.start, s.end) if _OPENING_PHRASE.match(text, s.start) \
                                else -1
                        subject_taken = subject_taken or not nm.possessive and not (
                            after_preposition and start < opening_end)
                        found.append((start, nm, subj))
                if main_from > 0 and any(subj and p > main_from for p, _, subj in found):
                    # the main clause's subject is the sentence's; the opening clause's is only while no other
                    # is named ("When Rubio took Trump on, he did it sideways")
                    found = [(p, nm, subj and p > main_from) for p, nm, subj in found]
            self._sentence_names[si] = found
        return found

    def main_clause(self, si: int) -> int:
        """Where the main clause of sentence ``si`` starts, after an opening subordinate clause ("When Trump
        suggested ..., Rubio fired back"): the offset of the comma that ends it; -1: the sentence opens with it."""
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

    def roles_in(self, si: int, pos: int) -> list[tuple[int, _Entity, bool]]:
        """People the sentence refers to by title before ``pos`` ("the admiral chuckled"), as resolved
        descriptions (cached per sentence)."""
        found = self._sentence_roles.get(si)
        if found is None:
            found = self._sentence_roles[si] = []
            s = self.sentences[si]
            titles = N.lists()["titles"]
            for m in () if s.boilerplate else _DEFINITE_TITLE.finditer(self.text, s.start, s.end):
                noun = m.group(1).lower()
                if noun not in titles or noun in _NOT_PEOPLE_TITLES or self.in_quote(m.start()):
                    continue
                e = self.role(["the", noun], m.start())
                if e is not None:
                    before = self.text[s.start:m.start()]
                    found.append((m.start(), e, not _CAPITALISED.search(before) and len(before) < 40))
        return [t for t in found if t[0] < pos]

    def _window(self, pos: int, gender: str | None = None, reach: bool = False) -> list[tuple[int, _Entity, bool]]:
        """(offset, entity, subject?) of the people mentioned in the sentences before ``pos``, in text order
        (with ``reach``, back past a long quotation to the sentence that opens it).

        Sentences are read backwards; with a ``gender``, reading stops after the nearest sentence that mentions
        a person of that gender (nothing earlier can change the choice).
        """
        starts, sentences = self.starts, self.sentences
        si = max(0, bisect_right(starts, pos) - 1)
        first = self.window_start(si) if reach else max(0, si - _WINDOW_SENTENCES)
        out: list[tuple[int, _Entity, bool]] = []
        mentions, offsets, subjects = self.mentions, self.mention_offsets, self.subjects
        # "He’s leaning toward Kasich, he said": before a speaker set after a comma, the sentence is the
        # reported speech, and the people in it are not who speaks (after a closing quotation mark the words
        # before the quotation are the writer's frame: "Al Bond listed the rules: "...," he said")
        # (not "As Al Bond's campaign fell apart, he blasted out ...": there the clause before the comma is the
        # writer's, and the reported words follow the speaker)
        postposed = _POSTPOSED.search(self.text, max(0, pos - 3), pos) is not None
        if postposed and self.after_content is not None and pos not in self.after_content and starts:
            # the pronoun continues one that opens the clause before it, ahead of any name ("Asked about her own
            # vote if Clinton runs, she replied"; "When he took the stage after Mr. Hale's talk, he said")
            earlier = _GENDERED_PRONOUN[gender].search(self.text, starts[si], pos) if gender else None
            postposed = earlier is not None and not any(p < earlier.start() for p, _, _ in self.names_in(si))
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

    def in_quote(self, pos: int) -> bool:
        i = bisect_right(self.quoted_starts, pos) - 1
        return i >= 0 and pos < self.quoted[i][1]

    def personal(self, gender: str, pos: int) -> _Entity | None:
        """"he"/"she": the latest person of that gender in the window, unless another person competes."""
        si = bisect_right(self.starts, pos) - 1
        if si >= 0 and self.starts[si] < pos:
            # "He concludes that voters should back Trump and he doubts ...": a later "he" in a sentence that
            # opens with "He" or "His" is the same person (or as unclear)
            m = _OPENING_PRONOUN.match(self.text, self.starts[si])
            if m and m.start(1) < pos and (m.group(1).lower() in _MALE_WORDS) == (gender == "male") \
                    and not self.in_quote(m.start(1)):
                return self.personal(gender, m.start(1))
        # (nobody at all in the last few sentences: a long quotation may have pushed its speaker out, as in "He
        # explained: “...” [six sentences of quote] He then joked")
        window = self._window(pos, gender) or self._window(pos, gender, reach=True)
        obj = _TOLD_WHOM.match(self.text, pos)
        # "“...,” he told Hannity": whoever "he" is, it is not the person he told (nor one his quotation names)
        told = N.strip_possessive(obj.group(1).split()[-1]) if obj else None
        if told or self.named_in_quote:
            ruled_out = self.named_in_quote | ({told} if told else frozenset())
            window = [t for t in window if t[1].name.split()[-1] not in ruled_out]
        compatible = [(p, e, subj) for p, e, subj in window if e.gender == gender]
        if not compatible:
            unknown = {e.ident: e for _, e, _ in window if e.gender is None and e.kind == "person"}
            return next(iter(unknown.values())) if len(unknown) == 1 else None
        p_best, best, _ = compatible[-1]
        subj_best = next(subj for p, e, subj in compatible if p == p_best)
        if not subj_best:
            # "Keel spoke about the hopes of Senator Walsh’s supporters. “...,” he said": the sentence's subject,
            # of a gender not known, is as likely as a man named after it
            s_best = bisect_right(self.starts, p_best)
            if any(e.gender is None and subj and e.kind == "person" and bisect_right(self.starts, p) == s_best
                   for p, e, subj in window if p < p_best):
                return None
        # someone of unknown gender mentioned after the best candidate could be meant as well; when that is one
        # person, the subject of this sentence or the one before ("Amadou Sow, 13, sold water. He said ..."), the
        # pronoun continues with them
        later = {e.ident: (p, e, subj) for p, e, subj in window if p > p_best and e.gender is None and e is not best}
        if later:
            # (of several, the one in this sentence or the one before, or two before when quoted there, when no
            # other is as near)
            s_pos = bisect_right(self.starts, pos)
            near = [(p, e, subj) for p, e, subj in later.values()
                    if s_pos - bisect_right(self.starts, p) <= (2 if self.is_mention(p) else 1)]
            if len(near) != 1:
                return None
            p_u, u, subj_u = near[0]
            if not subj_u or " " not in u.name:
                return None         # (a bare surname like "Obama" may be anyone of that family)
            return u
        # another person of the same gender in the same sentence as the latest one makes it unclear,
        # unless the latest one is also the sentence's subject or the last quoted speaker
        s_best = bisect_right(self.starts, p_best)
        rivals = {e.ident for p, e, _ in compatible if bisect_right(self.starts, p) == s_best and e is not best}
        if rivals:
            subjects = [e for p, e, subj in compatible if bisect_right(self.starts, p) == s_best and subj]
            # the last quoted speaker wins when quoted in that very sentence; otherwise its subject does
            last_speaker = next((e if p in self.subjects and bisect_right(self.starts, p) >= s_best else None
                                 for p, e in reversed(self.mentions) if p < pos), None)
            if last_speaker is not None and (last_speaker is best or last_speaker.ident in rivals):
                best = last_speaker
            elif len({e.ident for e in subjects}) == 1:
                best = subjects[0]
            else:
                return None
        if not subj_best and best is compatible[-1][1] and not _POSSESSOR_AT.match(self.text, p_best) \
                and not any(e is best for p, e in self.mentions if p < pos):
            # the latest candidate is only an object ("forcing Sanders to reverse", not a possessor like
            # "Comey's statement") and has not spoken, while someone else of that gender was quoted in the last
            # few sentences: either could be meant
            last = next(((p, e) for p, e in reversed(self.mentions) if p < pos and e.kind == "person"
                         and not e.anonymous), None)
            if last is not None and last[1].gender == gender and last[1].name.split()[-1] != told \
                    and bisect_right(self.starts, pos) - bisect_right(self.starts, last[0]) <= _WINDOW_SENTENCES:
                return None
        if self.opens_paragraph(pos):
            # a paragraph that opens with "He" after someone else was quoted: in a profile or a list of a
            # person's deeds it is the article's main person again, not the last one quoted
            main = self.main_person(gender, pos)
            if main is not None and main is not best and not (
                    self.speaks_next(pos) and self.opened_last_paragraph(best, pos)):
                return None
        return best

    def speaks_next(self, pos: int) -> bool:
        """Is the pronoun at ``pos`` the subject of a cue ("He said", "She also told", "He criticized")?"""
        m = _VERB_AFTER_PRONOUN.match(self.text, pos)
        return m is not None and m.group(1) in _cues.verbs()

    def opened_last_paragraph(self, e: _Entity, pos: int) -> bool:
        """Is ``e`` the one person quoted or named as a subject in the paragraph before the one starting at
        ``pos`` ("Rep. Elijah Cumbers, who runs the rules panel, said ... ¶ He said ...")?"""
        si = bisect_right(self.starts, pos) - 1
        if si < 1:
            return False
        para = self.sentences[si - 1].paragraph
        first = si - 1
        while first > 0 and self.sentences[first - 1].paragraph == para:
            first -= 1
        a, b = bisect_left(self.mention_offsets, self.starts[first]), bisect_left(self.mention_offsets, pos)
        if any(self.starts[first] <= q < pos for q in self.speaker_offsets if not self.is_mention(q)):
            return False            # someone the resolver could not name spoke there too
        people = {x.ident for _, x in self.mentions[a:b] if x.kind != "organization"}
        for i in range(first, si):
            for _, nm, subj in self.names_in(i):
                x = self.named_person(nm) if subj else None
                if x is not None and x.kind == "person":
                    people.add(x.ident)
        return people == {e.ident}

    def is_mention(self, pos: int) -> bool:
        """Is there a quote's speaker mention at ``pos``?"""
        i = bisect_left(self.mention_offsets, pos)
        return i < len(self.mention_offsets) and self.mention_offsets[i] == pos

    def opens_paragraph(self, pos: int) -> bool:
        si = bisect_right(self.starts, pos) - 1
        if si < 0 or self.starts[si] != pos:
            return False
        return si == 0 or self.sentences[si - 1].paragraph != self.sentences[si].paragraph

    def main_person(self, gender: str | None, pos: int) -> _Entity | None:
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

    def gender_in_context(self, e: _Entity) -> str | None:
        """The gender of the personal pronouns that follow the person's name in the same clause, with no other
        capitalised word between ("Ginsburg is known for speaking her mind"), when all such pronouns agree.
        (Cached by last name: a person whose gender stays unknown is asked again in every later window.)"""
        text = self.text
        last = e.name.split()[-1]
        if last in self._context_gender:
            return self._context_gender[last]
        votes = set()
        i = text.find(last)
        while i >= 0:
            m = _NEXT_PRONOUN.match(text, i + len(last))
            if m:
                votes.add("male" if m.group(1).lower() in _MALE_WORDS else "female")
            i = text.find(last, i + 1)
        found = self._context_gender[last] = votes.pop() if len(votes) == 1 else None
        return found

    def neuter(self, pos: int) -> _Entity | None:
        last = next((e for p, e in reversed(self.mentions) if p < pos), None)
        if last is not None and last.kind == "organization":
            si = bisect_right(self.starts, pos)
            lp = next(p for p, e in reversed(self.mentions) if e is last)
            if si - bisect_right(self.starts, lp) <= 2:
                return last
        return None

    def relative(self, pos: int) -> _Entity | None:
        """"who"/"which": the phrase right before it, read as the quote finder reads a speaker ("Chris Murphy, who",
        "the Connecticut senator, who", "voters who"), and resolved as a mention of its own."""
        end = pos
        while end < len(self.text) and self.text[end].isalpha():
            end += 1
        found = _antecedent(self.text, pos, end)
        if found is None:
            return None
        s, e = found
        phrase = self.text[s:e]
        plan = _plan(phrase)
        if plan and plan[0] == "pronoun":
            return None
        whole = self.resolve_mention(phrase, s)[0] if plan else None
        if whole is not None:
            return whole
        # (a phrase that reads as no mention may still end in a name: "visited Ledger columnist Ben
        # Tarris, who")
        who = self.text[pos:end].lower() in ("who", "whom", "whose")
        # "a ruling from the Ohio Board of Elections, which": the name that ends the phrase, after a comma ("a
        # relationship with Clinton who declined" is too loose to read). Not after "and" ("Hale and Brent, who":
        # one or both); for "who" not after "of" or "for" either ("the wife of Tom Hale, who", "a spokesman for
        # Tom Hale, who" say nothing about which of the two spoke)
        m = _TRAILING_NAME.search(phrase)
        if m and m.start() > 0 and self.text[e:pos].strip() == ",":
            before = phrase[:m.start()].split()[-1].lower()
            if before not in ("and", "or", "&") and not (who and before in ("of", "for")):
                e2 = self.resolve_mention(m.group(), s + m.start())[0]
                if e2 is not None and not e2.anonymous and e2.kind == ("person" if who else "organization"):
                    return e2
        # "Mr. Lopez, a Democrat who": the name the description is in apposition to (not "Jo Ray and Al Lee,
        # two of the women who")
        if who and plan and plan[0] == "segments" and plan[2] and plan[2][0][0] == "desc" \
                and plan[2][0][1] and plan[2][0][1][2] in ("a", "an", "the"):
            m = _NAME_THEN_COMMA.search(self.text, max(0, s - 80), s)
            if m and not _COORDINATION_END.search(self.text, max(0, m.start(1) - 6), m.start(1)):
                e2 = self.resolve_mention(m.group(1), m.start(1))[0]
                if e2 is not None and e2.kind == "person" and not e2.anonymous:
                    return e2
        return None


QUOTED_KINDS = ("direct", "mixed")
_OFFSET = itemgetter(0)


def _acronym_in(word: str, phrase: list[str]) -> bool:
    """Do consecutive words of the role phrase spell the acronym ("dnc": Democratic National Committee)?"""
    n = len(word)
    return 1 < n < len(phrase) and word.isalpha() and any(
        "".join(w[:1] for w in phrase[i:i + n]).lower() == word for i in range(len(phrase) - n + 1))


# the verb after a pronoun, past an adverb ("He also told", "She then said")
_VERB_AFTER_PRONOUN = re.compile(r"\w+ (?:(?:also|then|later|again|further|\w+ly) )?([a-z]+)\b")
# a quotation that opens with a name, a title before it or not ("Crane is", "Mr. Crane has", "Sen. Tom Crane’s")
_OPENING_NAME = re.compile(r"(?:(?:Mr|Mrs|Ms|Sen|Gov|Rep|Dr)\.? )?(?:[A-Z][\w\-]+ )?([A-Z][\w\-]+)(?:’s|'s)? [a-z]")


def _named_in(content: str) -> frozenset[str]:
    """The person a quotation opens with, in the third person: not who says it."""
    m = _OPENING_NAME.match(content)
    return frozenset((m.group(1),)) if m and m.group(1) not in ("I", "We", "The", "This", "That", "It") else frozenset()


# a pronoun and the person it spoke to ("he told Hannity")
_TOLD_WHOM = re.compile(r"\w+ (?:told|asked|assured|reminded|warned|informed) ((?:[A-Z][\w’'\-]+ )*[A-Z][\w’'\-]+)")
# months that are also given names or surnames, and a day of the month after one
_NAME_MONTHS = frozenset(("May", "June", "July"))
_DAY_AFTER = re.compile(r"[ \u00a0]\d{1,2}\b")
# runs of capitalised words as a plain scan finds them (twice as fast as names.RUN; a lookbehind for the word
# boundary would double the cost again, so callers skip matches that start inside a word); full stops are cut
# after. The quantifiers are possessive (*+, ++): a word never ends in a space, so giving characters back cannot
# help, and not trying saves a sixth of the scan
_SIMPLE_RUN = re.compile(r"[A-Z][\w’'\-\.]*+(?:[ \u00a0][A-Z][\w’'\-\.]*+)*+")
_ORG_TAIL = re.compile(r"\s+(?:in|of|for|at|to)\s+(?:the\s+)?[A-Z][\w’'\-\.]*(?:\s+[A-Z][\w’'\-\.]*)*")
# ", Gen. Joseph F. Dunford Jr.," or ", Jane," right after a description
_APPOSED = re.compile(r",[ \u00a0]([A-Z][\w’'\-\.]*(?:[ \u00a0](?:and[ \u00a0])?[A-Z][\w’'\-\.]*)*)(?:,? (?:Jr|Sr)\.?)?"
                      r"(?=,|[ \u00a0](?:said|says|told|added))")
# a name (with "of the ..." or "for ..." in it) that ends a phrase, and one followed by the comma of an apposition
_TRAILING_NAME = re.compile(r"[A-Z][\w’'\-\.&]*(?:[ \u00a0]+(?:(?:of|for|on)[ \u00a0]+(?:the[ \u00a0]+)?)?"
                            r"[A-Z][\w’'\-\.&]*)*\Z")
_NAME_THEN_COMMA = re.compile(r"([A-Z][\w’'\-\.]*(?:[ \u00a0][A-Z][\w’'\-\.]*)*),[ \u00a0]+\Z")
_NAMED_CAMPAIGN = re.compile(r"(?:((?:[A-Z][\w\-]+ )*[A-Z][\w\-]+)(?:’s|'s|’|')?|\b([Hh]is|[Hh]er)) [Cc]ampaign\b")
_POSSESSOR_AT = re.compile(r"[A-Z][\w\-\.]*(?:[ \u00a0][A-Z][\w\-\.]*)*(?:’s|'s|’|')")
_MALE_WORDS = frozenset(("he", "his", "him"))
_GENDERED_PRONOUN = {"male": re.compile(r"\b(?:[Hh]e|[Hh]is|[Hh]im)\b"), "female": re.compile(r"\b(?:[Ss]he|[Hh]er)\b")}
_OPENING_PRONOUN = re.compile(r"[\"“‘'(]?(?:(?:But|And|So|Yet|Still|Now|Then|Later|Instead|Meanwhile|Also),?[ \u00a0])?"
                              r"(He|His|She|Her)\b")
_COORDINATION_END = re.compile(r"(?:\band|\bor|&|,)[ \u00a0]+\Z")
_POSTPOSED = re.compile(r",[ \u00a0]\Z")
_NOT_A_MODIFIER = re.compile(r"(?:ly|ing|ed)$")
_ING_MODIFIERS = frozenset("""leading ruling governing outgoing incoming acting founding presiding visiting sitting
    ranking reigning opposing striking remaining longstanding retired elected unnamed unidentified alleged
    disgruntled embattled respected renowned celebrated noted acclaimed veteran family likely""".split())
_PREPOSITIONS = "of|to|with|by|for|from|at|on|in|about|against|than"
_AFTER_PREPOSITION = re.compile(rf"\b(?:{_PREPOSITIONS}|and|or|as)[ \u00a0]+(?:the[ \u00a0]+)?\Z", re.I)
# "\b[Tt]he ..." written so that the scan starts at the letter T (a pattern that starts with \b makes the regex engine
# try every position: three times slower); the lookbehind is the word boundary
_DEFINITE_TITLE = re.compile(r"[Tt](?<!\w[Tt])he ([a-z]+)(?=’s|'s|\b)")
_NOT_PEOPLE_TITLES = frozenset("""house senate state home foreign first field air private press campaign member
    star host head chief general major""".split())
_CAPITALISED = re.compile(r"\b[A-Z][a-z]")
# an article before a name and a lower-case word after it: the name modifies a noun ("a Trump rally")
_ARTICLES_BEFORE = (" a ", " an ", " the ", "\na ", "\nan ", "\nthe ", "A ", "An ", "The ", "“a ", "“the ", '"a ', '"the ')
# lower-case words ending in a role, then a name: "[Clinton] campaign manager Robby Mook"
_ROLE_THEN_NAME = re.compile(r"(?:[ \u00a0][a-z][\w\-]*){0,2}[ \u00a0]([a-z][\w\-]*)[ \u00a0][A-Z]")
_LOWER_NEXT = re.compile(r"[ \u00a0][a-z]")
_IN_PREPOSITIONAL = re.compile(rf"\b(?:{_PREPOSITIONS})[ \u00a0]+\Z")
_SUBORDINATE_OPENING = re.compile(r"[\"“‘'(]?(?:(?:And|But|Yet|So),?[ \u00a0])?(?:While|Whilst|Although|Though|Even though|"
                                  r"When|Whenever|After|Before|Since|Because|If|Unless|Until|Once|Whereas|As)"
                                  r"[ \u00a0]")
# an indefinite article, a word that describes (an adverb before it or not) and a surname: "A flabbergasted Noah",
# "a terse Cole" (not "a second Cole")
_DESCRIBED_NAME = re.compile(r"[Aa]n? ((?:[a-z]+ly )?(?!second\b|third\b|former\b|future\b|new\b)[a-z]+) ([A-Z][\w’'\-]+)\Z")
_OPENING_PHRASE = re.compile(r"[\"“‘'(]?(?:During|In|At|With|After|Before|On|From|For|By|About|Under|Over|Despite|Amid|"
                            r"Following|Unlike|Asked|Speaking|Writing|Appearing|Interviewed)\b")
_SUBJECT_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b")
_NOT_A_SUBJECT_YET = re.compile(r"\b(?:he|she|they|it|we|I|you|that|who|which|to|and|but|or|if|when|as|like)\b")
_POSSESSIVE_CUT = re.compile(r"(?<=[’']s)[ \u00a0]")
_COORDINATED = re.compile(r"[A-Z][\w’'\-\. \u00a0]*?,?[ \u00a0]+(?:and|or|&)[ \u00a0]+\Z")
_QUOTED_WORDS = re.compile(r"“[^“”]*”|\"[^\"\n]*\"|''.*?''")
# the head of a description of a publication, and the words that make a body's name one
_PRESS_HEADS = frozenset("newspaper paper magazine tabloid outlet broadcaster network website publication".split())
_PRESS_NAME = re.compile(r"\b(?:Journal|Times|Post|News|Telegraph|Guardian|Herald|Tribune|Gazette|Magazine|Review|"
                         r"Daily|Press|Star|Sun|Mail|Express|Observer|Economist|Chronicle|Examiner|Register|Globe|"
                         r"Inquirer|Independent|Standard|Record|Courier|Bulletin|Monitor|Reporter|Sentinel|"
                         r"Atlantic|Hill|Politico|Breitbart|BBC|CNN|NBC|CBS|ABC|Fox|MSNBC|NPR|Reuters|AP)\b")
_TITLE_WORD = re.compile(r"[A-Z][a-z]+(?<!s)")        # one capitalised word, not a plural ("The Saudis")
_SUFFIX_WORDS = frozenset({"Jr", "Sr", "II", "III", "IV"})
_SIMPLE_MULTI = re.compile(r"[A-Z][\w’'\-\.]*+(?:[ \u00a0][A-Z][\w’'\-\.]*+)++")     # two words or more


# auxiliaries that open a question; "Will" and "May" are given names too ("Will Hale give up?")
_AUX_FIRST = frozenset("Will Can May Should Would Could Did Does Do Is Are Was Were Has Have Had Must Shall".split())
_SENTENCE_END = re.compile(r"[.?!\n]")


def _possessive_parts(run: str):
    return _POSSESSIVE_CUT.split(run) if "’s " in run or "'s " in run else (run,)


def _split_at_possessives(text: str, runs: list[tuple[int, str]], lo: int) -> list[tuple[int, str]]:
    """(start, run) for runs of capitalised words, a run cut after a possessive inside it: "Rep. Alan Grayson’s
    Senate campaign" names Alan Grayson, and no person called Senate."""
    out = []
    for start, run in runs:
        parts = _possessive_parts(run)
        if len(parts) > 1:
            for i, part in enumerate(parts):
                # (a possessor inside a prepositional phrase, "on President Obama’s Affordable Care Act", "of
                # Vladimir Putin’s Russia", is no antecedent: it read as part of one long name before the cut)
                if i == len(parts) - 1 or not _IN_PREPOSITIONAL.search(text, max(lo, start - 8), start):
                    out.append((start, part))
                start += len(part) + 1
        else:
            out.append((start, run))
    return out


def _question_aux(text: str, start: int, run: str) -> tuple[int, str]:
    """A run without the auxiliary that opens a question ("Will Hale" in "Will Hale give up?")."""
    first, _, rest = run.partition(" ")
    if first not in _AUX_FIRST or not rest:
        return start, run
    before = text[max(0, start - 3):start].rstrip(" \u00a0")
    if before and before[-1] not in ".?!:\n“\"":
        return start, run           # inside a sentence: "Prince William", "Tom and Will Hale"
    end = _SENTENCE_END.search(text, start + len(run))
    if end is None or text[end.start()] != "?":
        return start, run
    return start + len(first) + 1, rest


def _sentence_parts(run: str) -> list[str]:
    """A run split where a sentence ends inside it ("Inspector General Steve Lenard. The" -> the name and "The");
    parts of one word are no full names and are left out."""
    parts, cur = [], []
    for t in run.split(" "):
        cur.append(t)
        if t.endswith(".") and not N.is_abbreviation(t):
            parts.append(" ".join(cur))
            cur = []
    if cur:
        parts.append(" ".join(cur))
    return [p for p in parts if " " in p]


def _cut_at_sentence_end(start: int, run: str) -> tuple[int, str]:
    """The part of a run after its last sentence-final full stop ("Trump. Ben Carson" -> "Ben Carson"),
    without a final full stop that ends the sentence."""
    if "." not in run:
        return start, run
    toks = run.split(" ")
    cut = 0
    for i, t in enumerate(toks[:-1]):
        if t.endswith(".") and not N.is_abbreviation(t):
            cut = i + 1
    kept = " ".join(toks[cut:]) if cut else run
    if kept.endswith(".") and not N.is_abbreviation(kept.rsplit(" ", 1)[-1]):
        kept = kept[:-1]
    return start + len(run) - len(kept) if cut else start, kept


@lru_cache(maxsize=1 << 14)
def _plan(mention: str) -> tuple:
    """How to resolve a mention, worked out once per distinct mention (the article-independent part).

    ("pronoun", class) | ("compound", parts, alias) | ("segments", head, steps, ((segment, steps), ...)),
    where steps are (operation, argument, final): "person" with a names.Name, "org" with a name,
    "desc" with a description (as ``_read_description`` reads it); a step that finds nobody passes to the next
    unless it is final.
    """
    m = _PAREN.sub("", mention.replace("\u00a0", " "))          # "Sen. Ted Cruz (R-Tex.)"
    m = _LEAD.sub("", m.strip(_EDGE)).strip(_EDGE)
    if not m:
        return ()
    low = m.lower().replace("’", "'")
    pron = N.lists()["pronouns"].get(low) or (N.lists()["pronouns"].get(low[:-2]) if low.endswith("'s") else None)
    if pron:
        return ("pronoun", pron)            # "He’s" (he is) in a clipped mention is still "he"
    parts = _AND.split(m)
    if len(parts) == 2 and all(p[:1].isupper() for p in parts):
        return ("compound", tuple(parts), m)
    first = m.split()[0]
    if first[:1].islower() and _NOT_A_MODIFIER.search(first) and first not in _ING_MODIFIERS:
        return ()           # "boldly China", "speaking highly of Mr. Trump": a clipped clause, not a mention
    pieces = [p for p in (p.strip(_EDGE) for p in _CLAUSE.split(m)) if p] or [m]
    return ("segments", pieces[0], _segment_steps(pieces[0]), tuple((p, _segment_steps(p)) for p in pieces[1:]))


def _read_description(seg: str) -> tuple | None:
    """(words, head noun, determiner, capitalised modifiers, complement) of a description, read once per mention
    (``_plan`` keeps it); None without words. The complement names the body an anonymous source speaks for:
    "a spokesman for the Jupiter Police Department", "members of the World Trade Organization"."""
    cut = _PREP.search(seg)
    core = seg[:cut.start()] if cut else seg
    words = core.split()
    if not words:
        return None
    head = words[-1].lower().strip(".,")
    det = words[0].lower()
    caps = [w for w in words[1:-1] + ([words[0]] if words[0][:1].isupper() and det not in _DETERMINERS else [])
            if w[:1].isupper()]
    complement = None
    if cut and seg[cut.start():cut.end()].strip() in ("of", "for", "at", "from", "with"):
        tail = [w for w in seg[cut.end():].split() if w[:1].isupper()]
        complement = " ".join(N.strip_possessive(w) for w in tail[:6]) or None
    return tuple(words), head, det, tuple(caps), complement


def _segment_steps(seg: str) -> tuple:
    words = seg.split()
    if not words:
        return ()
    last = words[-1]
    if last[:1].islower():
        return (("desc", _read_description(seg), True),)
    if N.lists()["generic"].get(last.lower()) and (len(words) == 1 or words[0].lower() in _DETERMINERS):
        return (("desc", _read_description(seg), True),)     # "Officials", "Several Democrats"
    if words[0].lower() in _DETERMINERS and len(words) > 1 and all(N.is_title(w) for w in words[1:]):
        return (("desc", _read_description(seg.lower()), True),)     # "the PM", "The President"
    # the name is the last capitalised run, unless a preposition brings a complement after it
    # ("the Russian Embassy in the UK", "Jonah Goldberg of the National Review")
    candidates = [seg]
    cut = _PREP.search(seg)
    if cut and not _POSSESSOR_THEN_NAME.search(seg, cut.end()):
        # (but "War on Want's John Hilary": the preposition is inside the possessor's name)
        candidates.insert(0, seg[:cut.start()])
    steps = []
    described = False
    for cand in candidates:
        cw = cand.split()
        if cw[-1][:1].islower():
            # "The anchor for Univision": a description whose complement is no name of its own
            steps.append(("desc", _read_description(seg), cand is seg or cw[0].lower() in _DETERMINERS))
            described = True
            continue
        runs = N.RUN.findall(cand)
        if not runs:
            continue
        nm = N.read(runs[-1])
        if nm is None:
            if cand is seg and len(cw) == 1 and N.is_title(cw[0]):
                steps.append(("surname", N.strip_possessive(cw[0]), True))     # "Singer", "Judge": see run_steps
            continue
        if nm.kind == "organization" or N.org_canonical(nm.text):
            if described:
                break           # "founder of the Leadership Institute": the body only completes a description
            tail = seg[len(cand):]
            if cand is not seg and cand.rstrip().endswith(nm.name[-1]) and _ORG_TAIL.fullmatch(tail) \
                    and not any(w in N.lists()["common"] for w in tail.split()):
                steps.append(("org", nm.text + tail, True))     # "the Russian Embassy in the UK"
            else:
                steps.append(("org", nm.text, True))
        elif cw[0].lower() in _DETERMINERS and len(nm.core) == 1 and not nm.title:
            if cand == seg and cw[0] == "The" and len(cw) == 2 and _TITLE_WORD.fullmatch(nm.text) \
                    and not nm.possessive and nm.text not in N.lists()["male"] and nm.text not in N.lists()["female"]:
                steps.append(("title", nm.text, True))      # "The Tennessean" (not "The Saudis", "The Clintons")
            break               # "the Clinton", "a word Trump": a clipped mention, not a name
        else:
            steps.append(("person", nm, True))
        break
    return tuple(steps)


def resolve(text: str, sentences: list[Sentence], quotes: list[Quote]) -> list[Speaker]:
    """Resolve each quote's speaker mention; returns the article's speakers (``quote.speaker`` indexes them)."""
    if not quotes:
        return []
    art = _Article(text, sentences, [(q.start, q.end) for q in quotes if q.kind in QUOTED_KINDS])
    art.after_content = {q.speaker_start for q in quotes if q.speaker_start is not None and q.speaker_start > q.start}
    art.speaker_offsets = sorted({q.speaker_start for q in quotes if q.speaker_start is not None and q.speaker_mention})
    order = sorted(range(len(quotes)), key=lambda i: (quotes[i].speaker_start if quotes[i].speaker_start is not None
                                                       else quotes[i].start))
    done: dict[tuple[int, str], int | None] = {}    # quotes sharing one mention (nested, mixed) resolve once
    for i in order:
        q = quotes[i]
        q.speaker = None
        if not q.speaker_mention:
            continue
        pos = q.speaker_start if q.speaker_start is not None else q.start
        if q.speaker_mention == "A":
            # the "A:" of an interview's answer: the interviewee, for the answer itself only (a cue that took
            # the letter for its subject has found no speaker)
            e = art.interviewee() if q.cue is None else None
            q.speaker = None if e is None else art.use(e, None)
            continue
        k = (pos, q.speaker_mention)
        if k in done:
            q.speaker = done[k]
            continue
        e = alias = None
        if q.speaker_end is not None:
            # "The chairman of the Joint Chiefs of Staff, Gen. Joseph F. Dunford Jr., said", "Another delegate
            # on the slate, Jim Poole, said": the name the text puts in apposition right after a description
            # is who speaks, more precisely than the description
            e, alias = art.apposed_name(q.speaker_mention, q.speaker_end)
        if e is None:
            # ("“Crane wins every room,” he says": whoever "he" is, not the man his quotation names)
            art.named_in_quote = _named_in(q.content) if q.kind == "direct" else frozenset()
            e, alias = art.resolve_mention(q.speaker_mention, pos)
            art.named_in_quote = frozenset()
        if e is None:
            done[k] = None
            continue
        q.speaker = done[k] = art.use(e, alias)
        at = bisect_right(art.mention_offsets, pos)
        art.mention_offsets.insert(at, pos)
        art.mentions.insert(at, (pos, e))
        # the speaker is the subject of its sentence when named at its start or after the quote ("..., he said"),
        # not when it is embedded before the reported clause ("pointing out that the paper's X had reported")
        si = max(0, bisect_right(art.starts, pos) - 1)
        if (not art.starts or art.is_subject_at(si, pos) or pos >= q.start
                or q.speaker_mention.lower() in _PERSONAL_PRONOUNS) and not art.text.endswith(" by ", 0, pos):
            # (and "which he said were ...": a pronoun that speaks is the subject of its clause; not the agent of
            # "Rubin was asked by Gerald Baxter whether ...")
            art.subjects.add(pos)
    for q in quotes:
        # a quote that continues an earlier one shares its speaker (following the chain, guarding against loops)
        j, seen = q.continues, set()
        if q.speaker is not None or q.speaker_mention:
            continue
        while j is not None and 0 <= j < len(quotes) and j not in seen:
            seen.add(j)
            if quotes[j].speaker is not None:
                q.speaker = quotes[j].speaker
                break
            j = quotes[j].continues
    for e in art.out:
        if e.kind == "person" and not e.anonymous and not e.role:
            e.role = _appositive_role(text, e)
    return [Speaker(name=e.name, kind=e.kind, role=e.role, aliases=list(e.aliases), affiliation=e.affiliation,
                    anonymous=e.anonymous) for e in art.out]


# a description in apposition to a name: "Tom Hale, the opposition leader," / "Its general secretary, Dan Oka,"
_APPOS_DET = r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)"
_ROLE_AFTER = re.compile(r", " + _APPOS_DET + r" ((?:[\w’'-]+ ){0,5}?[\w’'-]+)(?=,| (?:said|says|told|who)\b)")
_ROLE_BEFORE = re.compile(r"(?<![\w’'-])" + _APPOS_DET + r" ((?:[\w’'-]+ ){0,5}[\w’'-]+), \Z")
_ROLE_PREP = re.compile(r" (?:of|for|at|in|to|on|with)\b")


def _appositive_role(text: str, e: _Entity) -> str | None:
    """The role a description in apposition gives a named person, the first time the article writes one
    next to one of the names it uses for them; None unless the description's head is a title word
    ("leader", "secretary", "director"): "a man of few words" is no role."""
    for alias in sorted({a for a in e.aliases if len(a.split()) >= 2}, key=len, reverse=True):
        i = text.find(alias)
        while i >= 0:
            j = i + len(alias)
            for m in (_ROLE_AFTER.match(text, j), _ROLE_BEFORE.search(text, max(0, i - 80), i)):
                if m is None:
                    continue
                desc = m.group(1)
                cut = _ROLE_PREP.search(desc)
                if N.is_title((desc[:cut.start()] if cut else desc).split()[-1]):
                    return desc
            i = text.find(alias, j)
    return None
