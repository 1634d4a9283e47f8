"""What a quote's speaker mention is, and which reading resolves it.

A mention is read once, whatever the article (``plan``, cached): a pronoun, two
names joined by "and", or segments (the head and what follows a comma or a
clause word), each with the steps that may resolve it: a person's name, a
body's name, a one-word title after "The", a description. Planning each
distinct mention once, with the other changes of that commit, took the stage
from 0.46 to 0.09 ms an article. In an article, ``resolve_mention`` runs the
steps; ``description`` sends a common-noun head to bodies, titles or anonymous
sources. Measured reasons:

- a clipped clause ("speaking highly of ...") or an article before a bare
  surname ("the Clinton", "a word Trump") is no mention;
- a name in apposition after a description ("Another delegate on the slate,
  Jim Poole,") is the speaker, more precisely than the description (blind
  held-out set: right 0.879 -> 0.892, wrong 0.051 -> 0.038);
- any word between an indefinite article and a surname describes the person
  named in full ("a terse Miller": 6 + 4 PolNeAR speakers found, all right);
- a headline's description without an article ("Saudi prince mocks ...") is
  the one person the article gives that title (PolNeAR: 1 found, right; set 8
  0.869 -> 0.877);
- "The Tennessean": a capital "The" and one capitalised word is a
  publication, unless the word is a plural or a surname the article uses;
- a word for a body alone ("Campaign tries to ...", "Bank holds rates", in
  headlines) is no body's name: speakers-dev had a "Campaign" row for the
  Trump campaign; BBC corpus: the rows "Bank", "Press", "Church",
  "Executive" and "Court" lost their headline quotes;
- a noun for a person or a body right before a name says what it names
  ("rally driver Tom Hale", "this security firm Zenco", "His wife Maria"):
  they had been read as clipped clauses or names (quotes2 0.660 -> 0.679,
  quotes3 0.826 -> 0.843 right of found; wrong unchanged);
- a document with a name before its head ("an Ofcom report", "Mr Hale's
  statement") speaks for the name (quotes2 +2, quotes3 +1, PolNeAR +1 right);
  so does one with its author after "by" or "from" ("a report by analysts
  Zenco Research"), and "the report", "the study" speaks for the one author
  the article gave a document before (quotes2 0.824 -> 0.833, quotes5 0.908 ->
  0.923; BBC corpus: 42 speakers found, all the author or the document's
  body; a country is no author: "a UK report");
  a document noun opening a sentence ("Polls suggest") is no name;
- "The official" after "An Interior Ministry official said" is that source
  when no other person was quoted since; "Police" opening a sentence is the
  force the article named, else the police (it had been a body "Police
  police"); "the IMF and World Bank" is two bodies (quotes1 0.795 -> 0.828
  with the pronoun rules of that commit);
- "said Zenco founder and director Tom Hale", cut short at "Zenco" by the
  quote finder, is the person the role names (quotes2: 1 wrong made right);
- "Russia's president" reads as "the Russian president";
- "the Westfield North MP" is a description, not a person called "Westfield North
  MP" (such rows linked across articles): the one MP the article names, as
  "the MP" (the constituency is not read), else unresolved (BBC corpus: 12
  speakers changed, 11 made right, 1 wrong row left unresolved);
- "The Liberal Democrats", a party's name (``metonyms.txt``) ending in a word
  for sources, is the party: it had been read as "democrats" and left
  unresolved (BBC corpus: 25 speakers found, all right);
- a capitalised word for sources alone ("Banks told ...") is the person the
  article names with that surname, if one ("Ray Banks"), else the sources
  (BBC corpus: 3 speakers of one article changed, all right);
- "Mr Hale's spokesman", "the singer's spokeswoman": the anonymous source of
  whom the possessor denotes, by their full name ("Tom Hale spokesman"), so
  that it links across articles (BBC corpus: 12 speakers changed, all
  better: 5 had been unresolved, 7 named "Mr Hale spokesman" or worse;
  quotes5 0.870 -> 0.884 right).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from . import names as N
from .article import Article, Entity
from .runs import cut_at_sentence_end

_EDGE = " \t\n\u00a0,;:.—–-()[]\"“”‘’'"
_PAREN = re.compile(r"(?:(?<!\s)|(?!\s))\s*\([^()]*\)")
_LEAD = re.compile(r"^(?:by|according to|from)\s+", re.I)
_CLAUSE = re.compile(r",|\(|\s[—–-]+\s|—|–|\s(?:who|whom|whose|which|that|where|when|while)\s", re.I)
_PREP = re.compile(r"\s(?:of|in|at|from|for|on|with|to|about|during|after|before|over|under|among)\s")
_AND = re.compile(r"\s(?:and|&)\s")
# a role in lower case and a full name after a body's name: "[Zenco] founder and director Tom Hale"
_ROLE_TAIL = re.compile(r"[ \u00a0]((?:[a-z][\w\-]*[ \u00a0]){1,4})([A-Z][\w’'\-]+(?:[ \u00a0][A-Z][\w’'\-]+){1,3})")
_NO_ARTICLE = re.compile(r"^the\s+")        # "the IMF and World Bank": two bodies all the same
_POSSESSOR_THEN_NAME = re.compile(r"[’']s\s+[A-Z]")
DETERMINERS = lexicon.words(N.D + "determiners.txt") | lexicon.words(N.D + "possessive_determiners.txt")
_ORG_TAIL = re.compile(r"(?<!\s)\s+(?:in|of|for|at|to)\s+(?:the\s+)?[A-Z][\w’'\-\.]*(?:\s+[A-Z][\w’'\-\.]*)*")
# ", Gen. Joseph F. Dunford Jr.," or ", Jane," right after a description
_APPOSED = re.compile(r",[ \u00a0]([A-Z][\w’'\-\.]*(?:[ \u00a0](?:and[ \u00a0])?[A-Z][\w’'\-\.]*)*)(?:,? (?:Jr|Sr)\.?)?"
                      r"(?=,|[ \u00a0](?:said|says|told|added))")

_NOT_A_MODIFIER = re.compile(r"(?:ly|ing|ed)$")
_ING_MODIFIERS = lexicon.words(N.D + "modifiers_like_verbs.txt")      # "acting", "unnamed": not a clipped clause
# an indefinite article, a word that describes (an adverb before it or not) and a surname: "A flabbergasted Noah",
# "a terse Cole" (not "a second Cole")
_DESCRIBED_NAME = re.compile(r"[Aa]n? ((?:[a-z]+ly )?(?!second\b|third\b|former\b|future\b|new\b)[a-z]+) ([A-Z][\w’'\-]+)\Z")
# capitalised plurals that name one body after "the" ("the Conservatives"), and are generic alone
_DEFINITE_BODIES = lexicon.mapping(N.D + "definite_bodies.txt")
_TITLE_WORD = re.compile(r"[A-Z][a-z]+(?<!s)")        # one capitalised word, not a plural ("The Saudis")


@lru_cache(maxsize=1 << 14)
def plan_mention(mention: str) -> tuple:
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
    if len(parts) == 2 and all(_NO_ARTICLE.sub("", p)[:1].isupper() for p in parts) and not (
            parts[0].split()[0].lower() in DETERMINERS and _PREP.search(parts[0])
            and parts[0][:_PREP.search(parts[0]).start()].split()[-1].islower()):
        # (not "The star of Moon Harbour and Red Fields": "and" joins the complement's names, not two speakers)
        return ("compound", tuple(parts), m)
    first = m.split()[0]
    if first[:1].islower() and _NOT_A_MODIFIER.search(first) and first not in _ING_MODIFIERS \
            and _noun_before_name(m) is None:
        return ()           # "boldly China", "speaking highly of Mr. Trump": a clipped clause, not a mention
    pieces = [p for p in (p.strip(_EDGE) for p in _CLAUSE.split(m)) if p] or [m]
    return ("segments", pieces[0], _segment_steps(pieces[0]), tuple((p, _segment_steps(p)) for p in pieces[1:]))


def _read_description(seg: str) -> tuple | None:
    """(words, head noun, determiner, capitalised modifiers, complement) of a description, read once per mention
    (``plan_mention`` keeps it); None without words. The complement names the body an anonymous source speaks for:
    "a spokesman for the Ruritania Police Department", "members of the Acme Trade Council"."""
    cut = _PREP.search(seg)
    core = seg[:cut.start()] if cut else seg
    words = core.split()
    if not words:
        return None
    head = words[-1].lower().strip(".,")
    det = words[0].lower()
    caps = [w for w in words[1:-1] + ([words[0]] if words[0][:1].isupper() and det not in DETERMINERS
                                        and len(words) > 1 else [])      # ("Police": the head, no name)
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
    if len(words) == 2 and words[0].lower() == "the" and last.lower() in _DEFINITE_BODIES:
        return (("org", _DEFINITE_BODIES[last.lower()], True),)      # "the Conservatives" (not "conservatives")
    if len(words) == 2 and words[0] in ("The", "the") and last.lower() in N.lists()["org_words"] \
            and last[:1].isupper() and not N.org_canonical(seg) and not N.is_acronym(last) \
            and last.lower() not in _PRESS_WORDS:
        # "The Institute" after "the Hallam Film Institute": the body the article named with that word, before a
        # body called "Institute" that every article's "the Institute" or "the Bank" would share (BBC corpus:
        # "Bank" and "Commission" rows joined different banks and commissions)
        return (("named", N.strip_possessive(last), False), ("org", N.strip_possessive(last), True))
    if len(words) == 1 and last.lower() in N.lists()["org_words"] and not N.lists()["generic"].get(last.lower()):
        # "Campaign tries to ...", "Bank holds rates" (a headline): a word for a body is no body's name, and
        # without an article it refers back to nobody
        return (("desc", _read_description(seg.lower()), True),)
    if N.lists()["generic"].get(last.lower()) and (len(words) == 1 or words[0].lower() in DETERMINERS):
        if len(words) > 2 and last[:1].isupper() and N.org_canonical(seg):
            return (("org", seg, True),)        # "The Liberal Democrats": a party's name, not "democrats"
        if len(words) == 1 and last[:1].isupper():
            # "Banks told reporters", where the article names Ray Banks: the person, else banks
            return (("surname", N.strip_possessive(last), False), ("desc", _read_description(seg), True))
        return (("desc", _read_description(seg), True),)     # "Officials", "Several Democrats"
    if words[0].lower() in DETERMINERS and len(words) > 1 and all(N.is_title(w) for w in words[1:]):
        return (("desc", _read_description(seg.lower()), True),)     # "the PM", "The President"
    if words[0].lower() == "the" and len(words) > 2 and last.isupper() and len(last) <= 3 and N.is_title(last):
        return (("desc", _read_description(seg), True),)     # "the Westfield North MP": a description, no name
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
        outlet = _NUMBERED_OUTLET.fullmatch(cand)
        if outlet:
            steps.append(("org", outlet.group(1), True))     # "Radio 1", "BBC Channel 4": no person "Radio"
            break
        if cw[-1][:1].islower():
            # "The anchor for Univision": a description whose complement is no name of its own
            steps.append(("desc", _read_description(seg), cand is seg or cw[0].lower() in DETERMINERS))
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
        elif len(nm.core) == 1 and not nm.title and not nm.possessive and cand is seg \
                and (noun := _noun_before_name(cand)) is not None:
            # "this Danish security firm Zenco", "His wife Maria": a noun for a body or a person right before one
            # capitalised word says what it names (not "the Clinton", "a word Trump")
            steps.append(("org", nm.text, True) if noun == "org" else ("person", nm, True))
        elif cw[0].lower() == "the" and len(nm.core) == 1 and not nm.title and not nm.possessive and len(cw) > 2 \
                and cand is seg and all(w[:1].islower() and w not in _NOT_NOUNS or N.LOCATED.match(w) for w in cw[1:-1]):
            # "the veteran Tanner", "the Oscar-nominated Tanner": the one person of that surname the article names
            # (nobody when it names none or two)
            steps.append(("surname", nm.text, True))
        elif cw[0].lower() in DETERMINERS and len(nm.core) == 1 and not nm.title:
            if cand == seg and cw[0] == "The" and len(cw) == 2 and _TITLE_WORD.fullmatch(nm.text) \
                    and not nm.possessive and nm.text not in N.lists()["male"] and nm.text not in N.lists()["female"]:
                steps.append(("title", nm.text, True))      # "The Tennessean" (not "The Saudis", "The Clintons")
            break               # "the Clinton", "a word Trump": a clipped mention, not a name
        else:
            steps.append(("person", nm, True))
        break
    return tuple(steps)


# a lower-case noun right before the capitalised name that ends a mention: "rally driver Tom Hale", "the toy maker
# Zenco", "His wife Maria"
_NOUN_THEN_NAME = re.compile(r"(?:^|\s)([a-z][a-z\-]*) (?:[A-Z][\w’'\-\.]*[ \u00a0])*[A-Z][\w’'\-\.]*\Z")
_PRESS = lexicon.words(N.D + "press_nouns.txt")
_PRESS_WORDS = frozenset(w.lower() for w in lexicon.lines(N.D + "press_name_words.txt"))    # "Telegraph", "Times"
_DOCUMENTS = lexicon.words(N.D + "document_nouns.txt")     # "an Ofcom report": the owner speaks
# a broadcaster's channel named by a number ("Radio 1", "BBC Radio Five Live", "Channel 4"): the runs of capitals
# read "Radio" alone, one speaker row for every station (BBC corpus: "Radio" and "Channel" rows)
_NUMBERED_OUTLET = re.compile(r"(?:[Tt]he[ \u00a0])?((?:BBC[ \u00a0])?(?:Radio|Channel)[ \u00a0](?:\d{1,2}|One|Two|Three|Four|"
                              r"Five)(?:[ \u00a0]Live)?)(?:’s|'s)?")
_NEWSROOM = frozenset(("correspondent", "editor", "reporter", "journalist"))     # "our correspondent"
# a document's author after it ("a report by analysts Zenco Research", "a statement from Acme"), and a document
# the text gives an author ("Zenco's new study", "an Acme survey")
# (a name of at most six words, each of at most 60 letters: a search over a run of capitals stays linear)
_NAME = r"[A-Z][\w&’'\-]{0,60}(?:[ \u00a0](?:of[ \u00a0]|for[ \u00a0]|and[ \u00a0]|&[ \u00a0])?[A-Z][\w&’'\-]{0,60}){0,5}"
_DOC_HEADS = "|".join(sorted(_DOCUMENTS, key=len, reverse=True))
_AUTHOR_KIND = (r"(?:(?:[A-Z][\w\-]*[ \u00a0])?(?P<kind>analysts?|researchers?|consultants?|consultancy|think-tank|"
                r"firm|group|watchdog|regulator)[ \u00a0])?")
_AUTHOR_AFTER = re.compile(rf"[ \u00a0](?:by|from)[ \u00a0](?:the[ \u00a0])?{_AUTHOR_KIND}(?P<by>{_NAME})")
# a document word, "published" after it, and a name with a possessive or not right before it ("Zenco's new")
_DOC_HEAD = re.compile(rf"\b(?:{_DOC_HEADS})\b")
_PUBLISHED = re.compile(r"(?:[ \u00a0]published)?")
_LEADING_ARTICLE = re.compile(r"^(?:(?:The|A|An)(?:[ \u00a0]|$))+")
_OWNER_BEFORE = re.compile(rf"(?P<own>{_NAME})(?:’s|'s)?[ \u00a0](?:(?:new|latest|annual|own)[ \u00a0])?\Z")
_NOT_NOUNS = lexicon.words(N.D + "title_modifiers.txt") | lexicon.words(N.D + "vague_description_words.txt")
_PERSON_NOUNS = lexicon.words(N.D + "occupations.txt") | lexicon.words(N.D + "public_roles.txt")


def _author(m: re.Match) -> str:
    """The author's name a document match holds: after "by" or "from", or before the document ("Zenco's study")."""
    g = m.groupdict()
    return g.get("by") or _LEADING_ARTICLE.sub("", g.get("own") or "")


def _noun_before_name(mention: str) -> str | None:
    """"org" or "person" when a noun for a body or for a person stands right before the name ending ``mention``
    ("security firm Zenco", "rally driver Tom Hale"); None otherwise."""
    m = _NOUN_THEN_NAME.search(mention)
    if m is None:
        return None
    noun = m.group(1)
    if noun in _NOT_NOUNS:
        return None                 # "A former Cole": a title's modifier, no noun
    if noun in N.BODY_NOUNS or noun in N.DESCRIPTORS:
        return "org"
    return "person" if N.is_title(noun) or noun in _PERSON_NOUNS else None


class Mentions(Article):
    """A mixin of ``resolver.Resolver``; it calls anonymous (anonymous); described_body, org_entity, recent_org
    (bodies); common_word, named_person, person_entity (people); pronoun (pronouns); persons, persons_by_surname
    (roster); fitting, role (titles)."""

    def resolve_mention(self, mention: str, pos: int) -> tuple[Entity | None, str | None]:
        """(entity, alias form) for a mention at offset ``pos``; entity None when unclear or not a speaker."""
        described = _DESCRIBED_NAME.match(mention) if mention[:2] in ("A ", "a ", "An", "an") else None
        if described and not any(w in N.lists()["titles"] for w in described.group(1).split()):
            # "A defiant Trump", "a visibly angry Clinton": the person named, when the article names them in full
            nm = N.read(described.group(2))
            if nm is not None and nm.kind == "person" and self.persons_by_surname(nm.sur, None):
                e = self.named_person(nm)
                return e, described.group(2) if e is not None else None
        plan = plan_mention(mention)
        if not plan:
            return None, None
        op = plan[0]
        if op == "pronoun":
            return self.pronoun(plan[1], pos, mention), None
        words = mention.split()
        if 1 < len(words) < 4 and words[-1].islower() and words[-1] in N.lists()["titles"] \
                and words[0].lower() not in DETERMINERS and pos < self.headline_end():
            # a headline drops its articles ("Saudi prince slams Dale Ruiz") and names its people later: the one
            # person the article gives that title
            fit = self.fitting(words)
            if len(fit) == 1:
                return self.person_entity(next(iter(fit.values()))), None
        if op == "compound":
            return self.compound(plan[1], pos), plan[2]
        _, head, head_steps, rest = plan
        e = self.run_steps(head_steps, pos)
        if e is None:
            # "The chairman of the Ruritanian Defence Board, Gen. Tom Hale": the name is in apposition
            for seg, steps in rest:
                e2 = self.run_steps(steps, pos)
                if e2 is not None and e2.kind == "person" and not e2.anonymous:
                    return e2, seg
        return e, head if e is not None else None

    def apposed_name(self, mention: str, end: int) -> tuple[Entity | None, str | None]:
        """The person named in apposition right after a description mention, if any."""
        plan = plan_mention(mention)
        if not plan or plan[0] != "segments" or not plan[2] or plan[2][0][0] != "desc":
            return None, None                    # a name or an organisation needs no apposition
        m = _APPOSED.match(self.text, end)
        if not m:
            return None, None
        start, run = cut_at_sentence_end(m.start(1), m.group(1))
        if " and " in run:                       # "two members of Congress, Ann Ros and Carl Cur,"
            e = self.resolve_mention(run, start)[0]
            return (e, run) if e is not None and e.kind == "group" else (None, None)
        nm = N.read(run)
        if nm is None or nm.kind != "person":
            return None, None
        return self.named_person(nm), run

    def role_holder_after(self, mention: str, end: int) -> tuple[Entity | None, str | None]:
        """The person a role right after a body's name names ("Zenco founder and director Tom Hale", when the
        mention stops at "Zenco"), if any."""
        text = self.text
        k = text.find(" ", end + 1, end + 40)
        if k < 0 or text[end:end + 1] != " " or not text[end + 1:end + 2].islower() or not N.is_title(text[end + 1:k]):
            return None, None           # (the next word is no title: most mentions, "Zenco said")
        m = _ROLE_TAIL.match(text, end)
        if m is None or not any(N.is_title(w) for w in m.group(1).split()) \
                or not all(N.is_title(w) or w in ("and", "of") for w in m.group(1).split()):
            return None, None
        plan = plan_mention(mention)
        if not plan or plan[0] != "segments" or not plan[2] or not (
                plan[2][0][0] == "org" or plan[2][0][0] == "person" and len(plan[2][0][1].name) == 1):
            return None, None           # (a body's name, or one word of no known kind: "Orla")
        start, run = cut_at_sentence_end(m.start(2), m.group(2))
        nm = N.read(run)
        if nm is None or nm.kind != "person" or len(nm.core) < 2:
            return None, None
        return self.named_person(nm), run

    def run_steps(self, steps: tuple, pos: int) -> Entity | None:
        for op, arg, final in steps:
            if op == "person":
                e = self.named_person(arg)
                if e is not None and e.kind == "unknown" and len(arg.name) == 1 and (
                        self.common_word(arg.name[0], pos) or arg.name[0].lower() in _DOCUMENTS):
                    e = None        # ("Polls suggest ...": a document noun opening a sentence, no name)
            elif op == "org":
                e = self.org_entity(arg)
            elif op == "surname":
                # a title word alone is a surname where the article names one person with it ("Paul Singer")
                found = self.persons(arg)
                e = self.person_entity(next(iter(found.values()))) if len(found) == 1 else None
            elif op == "named":
                e = self.named_with_word(arg, pos)
            elif op == "title":
                # "The Tennessean", "The Hill": a one-word name after a capital "The" is a publication or a
                # body, unless the article uses the word as a person's surname ("The Trump", clipped)
                ident = "o:" + arg.lower()
                e = None if self.persons(arg) else self.entity(
                    ident, lambda: Entity("The " + arg, "organization", ident))
            else:
                e = self.description(arg, pos)
            if e is not None or final:
                return e
        return None

    def description(self, desc: tuple, pos: int) -> Entity | None:
        """A mention whose head is a common noun: an anonymous source, a body ("the campaign") or a role.
        ``desc``: the mention's words as ``_read_description`` reads them."""
        if desc is None:
            return None
        L = N.lists()
        words, head, det, caps, complement = desc
        if det == "our" and head in _NEWSROOM:
            # "our correspondent", "our political editor": the outlet's own journalist the article named, as "the
            # correspondent" would be
            words, det = ("the",) + words[1:], "the"
        if head in _DOCUMENTS:
            return self.document_owner(words, pos)
        if N.SPOKESPERSON.match(head) and len(words) > 1:
            owned = self.owners_spokesperson(words, head, pos)
            if owned is not None:
                return owned
        if head.endswith("s") and head[:-1] in _PRESS and det in ("the", "both", "these", "those") and not caps:
            return self.press_pair(pos)      # "both newspapers": the two the article named together
        if head in L["org_words"] or head.endswith("s") and head[:-1] in L["org_words"] and caps:
            e = self.described_body(words, head, det, caps, pos)      # "the campaign", "Six Gannett newspapers"
            if e is not None or len(words) > 1 or not L["generic"].get(head):
                return e
            # ("Police said" where the article names no police force: the police, as "officials" are officials)
        if det in ("the", "this", "that") and head in N.BODY_NOUNS and not head.endswith("s") and (
                len(words) == 2 or all(w.islower() and "-" in w for w in words[1:-1])):
            # "the firm", "the regulator", "the non-partisan charity": the body quoted or named lately (not "the
            # German regulator", "the rival firm", "the security firm": a modifier that may say which body of
            # several, and the rule does not read it; with any lower-case modifier, 2 of 7 BBC speakers found were
            # wrong, with hyphenated ones 2 found, both right)
            return self.recent_org(head, pos)
        if det in ("the", "this", "that") and len(words) == 2 and L["generic"].get(head) == "person":
            # "An Interior Ministry official said ... The official added": the anonymous source just quoted
            # with that head, when the sentences since quote no other person
            e = self.last_anonymous(head, pos)
            if e is not None:
                return e
        if det.endswith(("'s", "’s")) and words[0][:1].isupper() and N.is_title(head) and len(words) == 2 \
                and N.org_canonical(N.strip_possessive(words[0])):
            return self.role(words, pos)        # "Russia's president": as "the Russian president"
        generic = L["generic"].get(head)
        if det == "the" and caps and words[-1].isupper() and len(words) > 2 and N.is_title(head):
            # "the Westfield North MP": the one MP the article names (the constituency is not read)
            return self.role(["the", head], pos) if len(self.fitting(["the", head])) <= 1 else None
        if det in ("the", "this", "that"):
            # definite: someone the article has named, by a word for a person ("the senator", "the aide"); "the
            # report", "the survey" are no one
            e = self.role(words, pos) if N.is_title(head) or head in L["generic"] else None
            # (a spokesman speaks for a body and holds no office: "the Tory leader" is a person the article names, and
            # leaders and ministers taken as anonymous sources were wrong on the BBC corpus)
            if e is None and N.SPOKESPERSON.match(head) and caps and det == "the" \
                    and not any(N.bare(c) in N.PARTY_LABELS for c in caps):
                # (not "The Tory spokesman", who is mostly a frontbencher the article names)
                # "The Hallam Centre spokeswoman said", nobody named with that role: the body's anonymous source, as
                # "a Hallam Centre spokeswoman" (quotes4: 2 such mentions had been left unresolved)
                return self.anonymous(words, head, generic, pos, complement)
            return e
        if generic:
            return self.anonymous(words, head, generic, pos, complement)
        return None

    def last_anonymous(self, head: str, pos: int) -> Entity | None:
        """The anonymous source with head ``head`` quoted last before ``pos``, if no other person was quoted
        since and within the last few sentences."""
        lo = self.recent_start(pos)
        for p, e in reversed(self.mentions):
            if p >= pos:
                continue
            if p < lo or e.kind != "person" and not e.anonymous:
                return None
            if e.anonymous and e.role == head:
                return e
            if e.kind == "person":
                return None
        return None

    def owners_spokesperson(self, words: tuple[str, ...], head: str, pos: int) -> Entity | None:
        """"Mr Hale's spokesman", "the singer's official spokeswoman": the anonymous source of whom the possessor
        denotes, named by their full name ("Tom Hale spokesman"), so that it links with the spokesman that other
        articles give Tom Hale in full; None without a possessor the article resolves."""
        k = max((i for i, w in enumerate(words[:-1]) if N.is_possessive(w)), default=-1)
        if k < 0:
            return None
        owner = self.resolve_mention(" ".join(words[:k]) + " " + N.strip_possessive(words[k]) if k else
                                     N.strip_possessive(words[k]), pos)[0]
        if owner is None or owner.anonymous or owner.kind not in ("person", "organization"):
            return None
        return self.anonymous(words[k + 1:], head, N.lists()["generic"].get(head), pos, owner=owner.name)

    def document_owner(self, words: tuple[str, ...], pos: int) -> Entity | None:
        """"an Ofcom report", "Mr Hale's statement", "an Acme news agency report": whoever the name before the
        document's head denotes (at most two lower-case words between); None without a name ("the report")."""
        k = len(words) - 1
        between = 0
        while k > 0 and words[k - 1][:1].islower() and between < 2:
            k -= 1
            between += 1
        run = []
        while k > 0 and words[k - 1][:1].isupper() and words[k - 1].lower() not in DETERMINERS:
            k -= 1
            run.insert(0, words[k])
        if not run:
            return self.document_author(words, pos)
        e = self.resolve_mention(" ".join(run), pos)[0]
        return e if e is not None and not e.anonymous else None

    def document_author(self, words: tuple[str, ...], pos: int) -> Entity | None:
        """"a report by Zenco Research", "a statement from Acme": the name after "by" or "from"; "the report", "the
        study": the name the article last gave a document as its author so ("a report by Zenco Research",
        "Zenco's new study", "a Zenco survey"), outside quotation marks; None without one."""
        text = self.text
        end = text.find(words[-1], pos)
        m = _AUTHOR_AFTER.match(text, end + len(words[-1])) if end >= 0 else None
        if m is None and words[0].lower() in ("the", "this") and len(words) == 2:
            # (one author only: "the report", after an Acme analysis and Mr Lee's statement, may be either's)
            authors = set()
            for found in self.authored_documents():
                if found.start() < pos and not self.in_quote(found.start()):
                    m = found
                    authors.add(_author(found))
            if len(authors) > 1:
                return None
        if m is None:
            return None
        g = m.groupdict()
        name = _author(m)
        if name in N.lists()["countries"] or name in N.lists()["places"] or N.org_canonical(name) in N.lists()["countries"]:
            return None         # ("a UK report": a report about the country, not by its government)
        e = self.resolve_mention(name, m.start("by") if g.get("by") else m.start("own"))[0]
        if (e is None or e.kind not in ("organization", "person")) and g.get("by") and g.get("kind"):
            e = self.org_entity(name)      # "a report by analysts Zenco Research": a body, whatever its name reads as
        return e if e is not None and not e.anonymous and e.kind in ("organization", "person") else None

    def authored_documents(self) -> list[re.Match]:
        """The documents the article gives an author, after its headline ("a report by Zenco Research", "Zenco's
        new study"), read once per article, and only from the document words the text holds (a search for the
        author's name at every capital letter had cost a twentieth of the stage)."""
        found = self._authored
        if found is None:
            text, found = self.text, []
            start = self.headline_end()
            for head in _DOC_HEAD.finditer(text, start):
                a, b = head.span()
                after = _AUTHOR_AFTER.match(text, _PUBLISHED.match(text, b).end())
                if after is not None:
                    found.append(after)
                    continue
                own = _OWNER_BEFORE.search(text, max(start, a - 140), a)
                if own is not None and (own.start() == 0 or not (text[own.start() - 1].isalnum()
                                                                 or text[own.start() - 1] == "-")) \
                        and _LEADING_ARTICLE.sub("", own.group("own")):
                    found.append(own)
            self._authored = found
        return found

    def compound(self, parts: list[str], pos: int) -> Entity | None:
        ents = [self.resolve_mention(p, pos)[0] for p in parts]
        if any(e is None or e.anonymous for e in ents):
            return None
        name = " and ".join(e.name for e in ents)
        ident = "g:" + name.lower()
        return self.entity(ident, lambda: Entity(name, "group", ident))
