"""Cue-anchored attribution: speaker, cue and content around each reporting verb.

No parser runs at this speed, so sentences are read with lexicons
(``data/quotes/grammar.txt``: determiners, pronouns, auxiliaries, words that
end a noun phrase) and capitalisation. The work happens on a *masked* copy of
the article in which every quotation (marks included) is replaced by
``MASK`` characters of the same length: offsets stay those of the text, and
the words inside a quotation can never be read as a cue or a speaker.

For each cue the frame is one of:

* preposed:  SPEAKER (aux/adverbs) CUE [recipient] [where/when] [that|:|,] CONTENT
* postposed: CONTENT, SPEAKER CUE [, CONTENT]        ("…,” Smith said.)
* inverted:  CONTENT, CUE SPEAKER [, CONTENT]        ("…,” said Smith.)
* subjectless: "…, adding …", "… but added: …": the speaker of the frame before
* according: According to SPEAKER, CONTENT / CONTENT, according to SPEAKER
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from .. import lexicon
from ..model import Quote, Sentence
from . import cues, marks

MASK = "\x01"
_TOK = re.compile(r"\x01+|\w[\w’'\-]*|[^\w\s]")
_WORD = re.compile(r"\w+")
_DASHES = "–—"
_YEAR = re.compile(r"(?:19|20)\d\d")
_STRIP = " \t\n.,;:–—-\xa0\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"


@cache
def grammar() -> dict[str, frozenset[str]]:
    return {k: frozenset(v.split()) for k, v in lexicon.mapping("quotes/grammar.txt", ":").items()}


class _Lex:
    """The lexicons as attributes, loaded once."""

    def __init__(self) -> None:
        g = grammar()
        self.aux, self.adverb, self.notly = g["aux"], g["adverb"], g["notly"]
        self.subject, self.relative, self.object = g["subject"], g["relative"], g["object"]
        self.det, self.link, self.time = g["det"], g["link"], g["time"]
        self.opener = g["opener"] - self.det
        self.verbs = cues.verbs()
        # verb forms end a noun phrase, except those that may be nouns ("the report said")
        self.stop = g["stop"] | self.aux | self.object - {"her"} | frozenset(
            f for f, (b, _) in self.verbs.items() if " " not in f and f not in _noun_like(b))
        self.that = g["that"]
        self.title = g["title"]
        self.longest_title = max(map(len, self.title))
        self.audience = g["audience"]
        # multi-word verbs ("call on", "look like") are written with a space: read them from the raw lines
        raw = lexicon.mapping("quotes/grammar.txt", ":")
        self.recipient = frozenset(_phrases(raw["recipient"]))
        self.object_content = frozenset(_phrases(raw["object_content"]))
        self.postposed_thought = g["postposed_thought"]
        self.raising = frozenset(_phrases(raw["raising"]))
        self.document, self.issue = g["document"], g["issue"]
        self.past = g["past"]
        # nouns for people and bodies, from the speakers' word lists: who or what may speak
        self.speaking = frozenset(lexicon.mapping("speakers/titles.txt")) | frozenset(
            lexicon.mapping("speakers/generic_sources.txt")) | lexicon.words("speakers/organization_words.txt")
        pre = lexicon.trie_pattern(sorted(self.aux | self.adverb))
        notly = lexicon.trie_pattern(sorted(self.notly))
        # one scan of the article finds every cue; auxiliaries and adverbs before
        # the verb are read backwards afterwards (cheaper than in the pattern)
        self.cue = re.compile(
            rf"(?<![\w’'\-])(?P<verb>{lexicon.trie_pattern(list(self.verbs) + ['according to', 'According to'])})"
            r"(?![\w’'\-])")
        self.preverb = self.aux | self.adverb
        self.nominal = re.compile(r"[ \t]*,?[ \t]*" + cues.nominal_pattern())
        time = "|".join(sorted(g["time"] - {"may", "march"}, key=len, reverse=True))
        self.verb_after = re.compile(
            rf"\s+(?P<cue>(?:(?:{pre}|(?!(?:{notly})\s)[a-z]+ly)\s+){{0,3}}(?P<w>[a-z][a-z’'-]+)"
            r"(?:\s+(?:up|out|on|off|about|to|of|for|at|with|into|over|back|down)\b)?)(?=\s)")
        self.adverb_after = re.compile(rf"[ \t]+(?!(?:{notly})\b)[a-z]+ly\b(?![’'-])")
        self.when = re.compile(
            rf"[ \t]*,?[ \t]*(?:(?:(?:on|last|this|early|earlier|late|later|next|in|that|each|every)\s+)?"
            rf"(?:{time}|[12]\d\d\d)(?:\s+(?:{time}))?|(?:yesterday|today|tonight|recently|earlier|later|again|"
            rf"too|then|privately|publicly|repeatedly|once|previously|afterward|afterwards|at the time|"
            rf"last \w+|this \w+|on \w+ \d+|in \w+ \d{{4}}))\b", re.I)
        self.after_words = frozenset(
            "in on at during to last this early earlier late later next that each every yesterday today tonight "
            "recently again too then privately publicly repeatedly once previously afterward afterwards".split()) \
            | frozenset(w for w in g["time"]) | frozenset(str(y) for y in range(1900, 2100))
        # where, when and how, right after a verb: one pattern, one call
        self.after_verb = re.compile(f"{self.nominal.pattern}|(?i:{self.when.pattern})|{self.adverb_after.pattern}")


def _phrases(line: str) -> list[str]:
    """Words of a grammar line, with "call on" and "look like" kept together."""
    words = line.split()
    out = []
    for w in words:
        if out and w in ("on", "like") and out[-1] in ("call", "look"):
            out[-1] += " " + w
        else:
            out.append(w)
    return out


@cache
def lex() -> _Lex:
    return _Lex()




_BE = frozenset("is are was were be been being 's ’s".split())
_BE_ING = frozenset("is are was were be been ’s 's am".split())
_NOUN_WITH_PARTICLE = frozenset("call push".split())
_UNAMBIGUOUS = frozenset("say says tell tells".split())


@cache
def _noun_like(base: str) -> frozenset[str]:
    """Forms of a verb that may be nouns as well ("call", "calls", "plans")."""
    if base in _UNAMBIGUOUS:
        return frozenset()
    head, _, particle = base.partition(" ")
    if particle:
        # "a call for calm", "his push for reform": nouns that often take the particle after them
        # (most phrasal cues are verbs whatever comes before: "points out", "hit back")
        return frozenset(f + " " + particle for f in _noun_like(head)) if head in _NOUN_WITH_PARTICLE \
            else frozenset()
    return frozenset(f for f in cues.inflect(base) if not f.endswith(("ed", "ing")))


def _verb_context(lx: _Lex, w: str, third: bool, m: str, end: int) -> bool:
    """Can a form that may be a noun ("call", "calls", "notes") be a verb, judging by the
    word ``w`` before it? ``third``: the -s form, which agrees with a singular subject
    ("the website notes", "Trump calls"); the base form wants a plural or I/we/you/they
    ("officials call", "they claim"), never a singular noun ("a phone call")."""
    if not w:
        return False
    if w[-1] == MASK:
        return True                      # "“…,” reads the statement": inverted after a quotation
    if not w[-1].isalnum():
        return False
    lw = w.lower()
    if lw in lx.relative:
        return True
    if lw in lx.subject:
        return (lw in ("he", "she", "it")) == third
    if third and lw == "but":
        # "she respects him but argues that …": a second verb of the same subject, when it takes a
        # clause or a quotation ("emails and calls for help" is a list of nouns)
        x = m[end:end + 14].split(None, 1)
        return bool(x) and (x[0][0] in ":\x01" or x[0].lower() == "that")
    if third and _ed_verb(lw):
        return False                     # "had sent or received emails that …": the word before is a verb
    if not _is_word(w) or lw.endswith(("’s", "'s", "s’", "s'")) or lw in lx.det or lw in lx.stop or lw in lx.link:
        return False
    if w[0].isupper():
        if not third:
            # "Democrats call for", "Republicans claim": a plural name is the subject of the base form
            return lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and lw not in lx.opener
        return lw not in lx.opener
    if lw.endswith(("less", "ous", "ful")) and lw not in lx.subject:
        return False                     # "sharp and relentless attacks on": an adjective, so the form is a noun
    plural = lw.endswith("s") and not lw.endswith(("ss", "us", "is"))
    if plural == third:
        return False
    if not third:
        return True
    # "the report shows that …" vs "the caucus states. …": a verb here takes a clause or an object
    nxt = m[end:end + 14].split(None, 1)
    if not nxt:
        return False
    x = nxt[0]
    return x[0] in ":\x01" or x[0].isupper() or x.lower() in lx.that or x.lower() in lx.det \
        or x.lower() in lx.subject or x.lower() in ("to", "for", "on")


class _Frame:
    __slots__ = ("cue_s", "cue_e", "sp_s", "sp_e", "contents", "inherit", "kind", "lead", "unit", "base",
                 "cls", "relative", "quote_idx", "coordinated", "cut_at", "content_start", "nested", "subordinate", "ing",
                 "pronoun")


    def __init__(self, cue_s, cue_e, base, cls):
        self.cue_s, self.cue_e, self.base, self.cls = cue_s, cue_e, base, cls
        self.sp_s = self.sp_e = None
        self.contents: list[list[int]] = []
        self.inherit = None      # index of the frame whose speaker this one shares
        self.kind = None         # preposed, postposed, inverted, subjectless, according
        self.lead = False        # "X said:" with the quotation in the next unit
        self.relative = None     # "–" or "," when the subject came through "who"/"which"
        self.pronoun = None      # (start, end) of that relative pronoun: the mention reported
        self.quote_idx = None
        self.coordinated = False  # opens a clause coordinated with the one before (cuts its content)
        self.cut_at = None        # where the content of the frame before ends
        self.content_start = None
        self.nested = False
        self.ing = False          # an -ing form not after "is/was…" (a participle: ", saying …")
        self.subordinate = False  # "While X said …, …": the clause is subordinate


def _tokens(m: str, lo: int, hi: int):
    return [(t.start(), t.end(), t.group()) for t in _TOK.finditer(m, lo, hi)]


_RTOK = re.compile(r"\x01+|[\w’'\-]*\w[\w’'\-]*|[^\w\s]")


class _Back:
    """The tokens before ``hi`` (not before ``lo``), read lazily from the end:
    ``b[0]`` is the token right before ``hi``. Tokenising only what the
    speaker search looks at keeps the cost per cue small."""
    __slots__ = ("it", "toks", "hi")

    def __init__(self, m: str, lo: int, hi: int) -> None:
        self.it = _RTOK.finditer(m[lo:hi][::-1])
        self.toks: list[tuple[int, int, str]] = []
        self.hi = hi

    def fill(self, k: int) -> int:
        """Read tokens until there are more than k (or none are left); the count."""
        toks = self.toks
        n = len(toks)
        if n <= k:
            hi = self.hi
            for t in self.it:
                s, e = t.span()
                toks.append((hi - e, hi - s, t.group()[::-1]))
                n += 1
                if n > k:
                    break
        return n

    def __getitem__(self, k: int) -> tuple[int, int, str]:
        if len(self.toks) <= k and self.fill(k) <= k:
            raise IndexError(k)
        return self.toks[k]

    def has(self, k: int) -> bool:
        return len(self.toks) > k or self.fill(k) > k

    def word(self, k: int) -> str:
        """The token k places from the end, or "" past the start."""
        if len(self.toks) > k or self.fill(k) > k:
            return self.toks[k][2]
        return ""


def _is_word(w: str) -> bool:
    return w[:1].isalnum() or w[:1] == "_"


def _np_backward(lx: _Lex, B: _Back, k0: int):
    """Index (from the end) of the first token of the noun phrase ending at B[k0], or None."""
    toks = B.toks
    fill = B.fill
    det, link, opener, subject = lx.det, lx.link, lx.opener, lx.subject
    b = k0
    taken = 0
    first_ok = None
    while True:
        n = len(toks) if len(toks) > b + 1 else fill(b + 1)
        if n <= b:
            break
        s, e, w = toks[b]
        left = toks[b + 1][2] if n > b + 1 else ""
        c = w[0]
        if c.isalnum():
            lw = w.lower()
            if c.isupper() or c.isdigit():
                if c.isupper() and lw in opener and (not left or not _is_word(left) or left[0].islower()):
                    break
                # "Le Pen", "De Blasio": a capitalised linking word is part of the name
                taken += 1
                first_ok = b
                if c.isupper() and lw in det:
                    break
            elif lw in det:
                taken += 1
                first_ok = b
                # "a staffer in the room", "one of the officials": the phrase goes on before a link
                ll = left.lower()
                if not (ll in link and (ll != "and" or B.word(b + 2).lower() in _PERSONAL)):
                    break
            elif lw in link:
                if taken == 0:
                    break
                if lw == "and":
                    # "Smith and Jones", "Smith and his wife"; not "the bill passed and officials"
                    right = toks[b - 1][2] if b > 0 else ""
                    if not (left[:1].isupper() and (right[:1].isupper() or right.lower() in det)) \
                            and not _one_person_two_nouns(lx, B, b) \
                            and not (left.lower() in _PERSONAL and right.lower() in det):
                        break                    # (but "he and other leaders", "she and her husband")
            elif lw in subject:
                # "she began saying": the words taken were verbs, the pronoun is the subject
                if taken and all(toks[k][2][0].islower() and toks[k][2].lower() not in det for k in range(k0, b)):
                    return b
                if taken and toks[b - 1][2] == "and" and lw in _PERSONAL:
                    first_ok = b                 # "he and other leaders"
                break
            elif lw in lx.stop or lw in lx.time:
                break
            elif lw in lx.past and left[:1].isupper() and left.lower() not in det:
                break                            # "Governor Amy Dale spent Friday arguing": a verb after a name
            elif b == k0 and _ed_verb(lw) and (
                    not _is_word(left) or left.lower() in lx.aux or left.lower() in lx.stop or left.endswith("ly")):
                # "the network that was hacked suggested": a verb, no noun ("those surveyed said" is a phrase)
                break
            else:
                taken += 1
                first_ok = b
        elif not left:
            break
        elif w in "’'" and taken and left[-1:] in "sS" and toks[b + 1][1] == s:
            pass                                 # plural possessive: "voters’ anger"
        elif w == "." and toks[b + 1][1] == s and len(left) <= 4 and left[0].isupper():
            pass                                 # Mr. Sen. U.S. J. Capt.
        elif w == "&" and taken:
            pass
        else:
            break
        b += 1
    if first_ok is None:
        return None
    # a phrase cannot open with a linking word, nor an adverb ("but finally Pryor says")
    k = first_ok
    while k >= k0 and (toks[k][2] in link or k > k0 and toks[k][2][-2:] == "ly" and toks[k][2].islower()
                       and toks[k][2] not in lx.notly and _after_clause_break(toks, k)):
        k -= 1
    if k == k0 and toks[k][2].lower() in _ARTICLES:
        return None                              # "the" alone: the noun was read as a verb
    if k == k0 and toks[k][2].islower() and (toks[k][2].endswith(("ing", "ed")) or toks[k][2] in lx.past):
        return None                              # "and began talking", "committing repeated": a verb, no noun
    return k if k >= k0 else None


_ARTICLES = frozenset("the a an his her their its my our your".split())
_PERSONAL = frozenset("i he she we they".split())


def _ed_verb(lw: str) -> bool:
    """Does a lower-case word end like a past tense ("changed"), not like a noun ("need", "hundred")?"""
    return lw.endswith("ed") and not lw.endswith(("eed", "dred"))


def _after_clause_break(toks, k: int) -> bool:
    """Does token k (counted from the end) open a clause: after a comma or a coordinator, or first?
    ("but finally Pryor says", not "how boldly Ohio reacts")"""
    return len(toks) <= k + 1 or toks[k + 1][2].lower() in (",", ";", "but", "and", "yet", "so", "then")


_COMPARATIVES = frozenset("least most less more best worst".split())


def _one_person_two_nouns(lx: _Lex, B: _Back, b: int) -> bool:
    """"The veteran delegate and party activist": at the "and" toks[b], two singular nouns under one article
    (no second article after "and"), one person; not "the bill passed and officials" (a verb before "and")."""
    toks = B.toks
    right = toks[b - 1][2] if b > 0 else ""
    lr = right.lower()
    if not right[:1].islower() or not right.isalpha() or lr.endswith("s") or lr in lx.det or lr in lx.link \
            or lr in lx.stop or lr in lx.subject or lr in _COMPARATIVES:
        return False
    for k in range(b + 1, b + 4):
        if len(toks) <= k and B.fill(k + 1) <= k:
            return False
        w = toks[k][2]
        lw = w.lower()
        if lw in ("the", "a", "an"):
            return k > b + 1
        if not w.isalpha() or not w[:1].islower() or lw in lx.det or lw in lx.link or lw in lx.stop \
                or lw in lx.subject or lw.endswith(("ed", "s")):
            return False
    return False


def _subject(lx: _Lex, m: str, lo: int, hi: int, B: _Back | None = None):
    """(start, end, relative-mark) of the speaker noun phrase ending at ``hi``, or None."""
    if B is None:
        B = _Back(m, max(lo, hi - 240), hi)
    if not B.has(0):
        return None
    s, e, w = B[0]
    lw = w.lower()
    if lw in lx.subject:
        return s, e, None
    if lw in lx.relative:
        # "Russia – which has denied …": the speaker is the phrase before the relative pronoun
        b = 1
        mark = None
        if B.word(b) in (",", "–", "—", "("):
            mark = B[b][2]
            b += 1
        if not _is_word(B.word(b)):
            return None
        k = _np_backward(lx, B, b)
        if k is None or lw == "that" and mark is None:
            return None
        return B[k][0], B[b][1], mark or ","
    # skip when/where words between subject and cue: "Trump on Monday said"
    b = 0
    n = 0
    ago = lw == "ago"
    while B.has(b) and n < (7 if ago else 4):
        x = B[b][2].lower()
        if not (x in lx.time or _YEAR.fullmatch(x) or x in _WHEN_WORDS
                or ago and (x in lx.det or x.isdigit() or x in _AGO_WORDS)):
            break
        b += 1
        n += 1
    b0 = 0
    if n and _is_word(B.word(b)) and B.word(b).lower() not in lx.stop:
        b0 = b
    w0 = B[b0][2]
    if w0 in ("–", "—"):
        # an aside between dashes: "Jo Sims — a teacher from Salem — says"
        b = b0 + 1
        while B.has(b) and b - b0 <= 16 and B[b][2] != w0 and B[b][2][0] != MASK and B[b][2] not in ";:,":
            b += 1
        if not B.has(b + 1) or B[b][2] != w0 or not B[b + 1][2][:1].isupper():
            return None
        k = _np_backward(lx, B, b + 1)
        if k is None or not B[k][2][:1].isupper():
            return None
        return B[k][0], B[b + 1][1], None
    if w0 == ",":
        # an appositive or an aside between commas: "Hugh Hill, a doctor at the clinic, said"
        b = b0 + 1
        while B.has(b) and b - b0 <= 16 and B[b][2] != "," and B[b][2][0] != MASK and B[b][2] not in ";:":
            b += 1
        if not B.has(b + 1) or B[b][2] != ",":
            return None
        if _clause_between(B, b0, b):
            # "Currently, the firm is losing money, says Mr Dean": a clause between the commas, no aside
            # (unless a relative clause holds it: "Mr Slink, whose start-up, Paradata, uses data, said")
            return _relative_aside(lx, B, b + 1)
        k = _np_backward(lx, B, b + 1)
        if k is None or not _opens_clause(B, k):
            # "“…,” Mr. Dale, now 81 and retired in Salem, Ore., said": an aside with commas of its own;
            # the speaker is the phrase that opens the clause, further back
            further = _np_before_asides(lx, B, b, None if k is None else (B[k][0], B[b + 1][1], None))
            if further is not None:
                return further
        if k is None:
            return None
        if B[k][2].lower() in lx.subject and k == b + 1:
            return B[k][0], B[k][1], None
        if k == b + 1 and B[k][2].endswith("ly") and B[k][2][:1].isupper():
            return None                     # "Currently, ..., says": an adverb, no speaker
        if B[k][2][:1].islower() and B.has(k + 2) and B[k + 1][2] == "," and B[k + 2][2][:1].isupper():
            # "Ann Lee, head of the Tenants Union, which filed the suit, said": the description is in
            # apposition to the name before it, which speaks
            k2 = _np_backward(lx, B, k + 2)
            if k2 is not None and B[k2][2][:1].isupper() and B[k2][2].lower() not in lx.time and \
                    (not B.has(k2 + 1) or B[k2 + 1][2].lower() in _CLAUSE_OPENERS):
                return B[k2][0], B[k + 2][1], None
        return _relative_aside(lx, B, b + 1) or (B[k][0], B[b + 1][1], None)
    if w0 == ")":
        # "Harry M. Reid (D-Nev.) said": skip the bracket
        b = b0
        while B.has(b) and B[b][2] != "(":
            b += 1
        if not B.has(b + 1) or b - b0 > 12:
            return None
        k = _np_backward(lx, B, b + 1)
        if k is None:
            return None
        return B[k][0], B[b0][1], None
    if not _is_word(w0):
        return None
    if w0.lower() in lx.subject:
        return B[b0][0], B[b0][1], None
    k = _np_backward(lx, B, b0)
    if k is None:
        return None
    return B[k][0], B[b0][1], None


_RELATIVE_ASIDE = frozenset(("who", "whose", "which"))
# what may stand before a subject at the start of its clause ("But Ann Lee, head of ...")
_CLAUSE_OPENERS = frozenset(("but", "and", "so", "yet", ",", ";", ":", "—", "–", "(", "."))
_ASIDE_OPENERS = frozenset("as while although though when if because since after before unless until".split())
# verbs that make the words between two commas a clause, not an appositive
_FINITE = frozenset("is are was were has have had will would can could does did".split())


def _clause_between(B: _Back, b0: int, b: int) -> bool:
    """Do the words between two commas (B[b-1] first, B[b0+1] last) make a clause of their own: a finite
    verb before any relative pronoun ("the firm is losing money", but not "a doctor who is retiring")?"""
    if B[b - 1][2].lower() in _ASIDE_OPENERS:
        return False                            # "Cruz, as he has in the past, opposed": an aside
    for j in range(b - 1, b0, -1):
        x = B[j][2].lower()
        if x in _RELATIVE_ASIDE or x == "that":
            return False
        if x in _FINITE:
            return True
    return False


def _relative_aside(lx: _Lex, B: _Back, b: int):
    """The subject before a relative clause that holds commas of its own: in "Mr Slink, whose start-up,
    Paradata, uses big data, said", the tokens from ``b`` back lead to ", whose": Mr Slink speaks."""
    for j in range(b, b + 30):
        if not B.has(j + 1):
            return None
        x = B[j][2]
        if x in (".", ";", ":") or x[0] == MASK:
            return None
        if x.lower() in _RELATIVE_ASIDE and B[j + 1][2] == ",":
            k = _np_backward(lx, B, j + 2)
            return (B[k][0], B[j + 2][1], None) if k is not None else None
    return None


def _opens_clause(B: _Back, k: int) -> bool:
    """Does the phrase whose first token is B[k] open the unit or follow a quotation ("“…,” Smith, …")?"""
    before = B.word(k + 1)
    return not before or before[0] == MASK or before == "," and B.word(k + 2)[:1] == MASK


def _np_before_asides(lx: _Lex, B: _Back, b: int, found):
    """(start, end, None) of a phrase that opens the clause, found across up to three more commas before
    B[b] (a comma), with no quotation, semicolon or colon between; else None. An opening adverbial
    ("Moreover, Jo Sachs, an economist, said") leaves the phrase after it (``found``, then each phrase
    read) as the speaker."""
    for _ in range(3):
        b += 1
        while B.has(b) and b <= 40 and B[b][2] != "," and B[b][2][0] != MASK and B[b][2] not in ";:":
            b += 1
        if not B.has(b + 1) or B[b][2] != ",":
            return None
        k = _np_backward(lx, B, b + 1)
        if k is not None and _opens_clause(B, k):
            first = B[k][2].lower()
            if first in lx.opener or first in lx.stop or first in lx.time or first in _OPENING_ADVERBS \
                    or first.endswith(("ly", "ing")) or first.isdigit():
                return found                     # (a digit: "… on Dec. | 2, Col. Warren, …", a sentence split)
            return B[k][0], B[b + 1][1], None
        found = None if k is None else (B[k][0], B[b + 1][1], None)
    return None


_OPENING_ADVERBS = frozenset("moreover overall furthermore however meanwhile not still also instead separately "
                             "likewise nonetheless nevertheless indeed again yet thus".split())


def antecedent(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the noun phrase a relative pronoun at text[start:end] refers to ("Chris Murphy, who"),
    as the speaker of a frame is read; None if there is none."""
    found = _subject(lex(), text, max(0, start - 240), end)
    if found is None or found[2] is None or found[1] > start:
        return None
    return found[0], found[1]


def _np_forward(lx: _Lex, m: str, lo: int, hi: int):
    """(start, end) of the noun phrase starting at ``lo`` (after "said", "according to")."""
    toks = _tokens(m, lo, min(hi, lo + 120))
    if not toks:
        return None
    w = toks[0][2]
    if w.lower() in lx.subject and w.lower() != "it":
        return toks[0][0], toks[0][1]
    last = None
    named = w[0].isupper() and w.lower() not in lx.det    # opens with a name: no common nouns after it
    possessive = False                                    # ... unless it is a possessive ("Trump’s aide")
    for j, (s, e, w) in enumerate(toks):
        c = w[0]
        if w.endswith(("’s", "'s")):
            possessive = True
        if c.isalnum():
            lw = w.lower()
            if c.isupper() or c.isdigit():
                last = j
            elif lw in lx.det:
                if last is not None and toks[j - 1][2].lower() not in lx.link:
                    break
            elif lw in lx.link:
                if last is None:
                    break
                if lx.nominal.match(m, toks[j - 1][1]) or lx.when.match(m, toks[j - 1][1]):
                    break
            elif lw in lx.stop or lw in lx.time or lw in lx.subject or lw in lx.that:
                break
            elif named and toks[j - 1][2].lower() not in lx.link and toks[j - 1][2].lower() not in lx.det \
                    and not possessive:
                # "Concord resident Whit Symms", "Obama administration officials": common nouns between a name
                # and another name or the end of the phrase belong to it
                k = j
                while k < len(toks) and k - j < 3 and _is_word(toks[k][2]) and toks[k][2][0].islower() \
                        and _plain_noun(lx, toks[k][2].lower()):
                    k += 1
                nxt = toks[k][2] if k < len(toks) else ""
                # a plural ends the phrase ("administration officials"); before a name it is a verb ("heckles")
                if k == j or _is_word(nxt) and (not nxt[0].isupper() or toks[k - 1][2].endswith("s")):
                    break
                last = k - 1
            elif (lw.endswith("ed") or lw in lx.past) and last is not None and toks[j - 1][2].lower() not in lx.det:
                break                          # "The candidate changed …", "The senator left …": a verb
            else:
                last = j
        elif w == "." and j and toks[j - 1][1] == s and len(toks[j - 1][2]) <= 4 and toks[j - 1][2][0].isupper() \
                and j + 1 < len(toks) and toks[j + 1][2][0].isupper():
            continue
        elif w in "’'" and j and toks[j - 1][2][-1:] in "sS":
            continue
        elif w == "&":
            continue
        else:
            break
    if last is None:
        return None
    return toks[0][0], toks[last][1]


def _plain_noun(lx: _Lex, lw: str) -> bool:
    """Could this lower-case word be a common noun inside a name's phrase (not a function word, verb or adverb)?"""
    return not (lw in lx.stop or lw in lx.time or lw in lx.subject or lw in lx.that or lw in lx.det
                or lw in lx.link or lw in lx.adverb or lw in lx.past or lw.endswith(("ly", "ed")))


def _skip_space(m: str, i: int, hi: int) -> int:
    while i < hi and m[i] in " \t\n":
        i += 1
    return i


def _after_cue(lx: _Lex, m: str, pos: int, hi: int, base: str):
    """(end of the cue phrase, start of the content) after a verb ending at ``pos``."""
    cue_end = pos
    i = pos
    # where and when: "in a statement", "on Twitter", "on Sunday"
    after = lx.after_verb.match
    for _ in range(3):
        # only words that can open a where/when/how phrase are worth the pattern
        nxt = m[i:i + 18].lstrip(" \t,").split(None, 1)
        if not nxt or nxt[0].lower().strip(",") not in lx.after_words and not nxt[0].endswith("ly"):
            break
        mm = after(m, i, hi)
        if not mm:
            break
        i = mm.end()
        cue_end = i
    content_object = False
    if base in lx.recipient:
        j = _skip_space(m, i, hi)
        toks = _tokens(m, j, min(hi, j + 90))
        r = _recipient(lx, toks)
        if r is not None:
            if base in lx.object_content or (r + 1 < len(toks) and toks[r + 1][2].lower() in ("to", "not")):
                content_object = True
            else:
                i = toks[r][1]
                if toks[r][2].lower() in lx.audience and r <= 1:
                    cue_end = i                # "told reporters": the audience is part of the cue
                for _ in range(3):
                    mm = lx.nominal.match(m, i, hi) or lx.when.match(m, i, hi)
                    if not mm:
                        break
                    i = mm.end()
    j = _skip_space(m, i, hi)
    if j < hi and m[j] in ",:" and not content_object:
        j = _skip_space(m, j + 1, hi)
    return cue_end, j


def _recipient(lx: _Lex, toks):
    """Index of the last token of the person spoken to, or None."""
    if not toks:
        return None
    w = toks[0][2]
    lw = w.lower()
    if lw in lx.object and lw not in ("it", "her"):
        return 0
    if lw == "her":
        # "told her that" vs "told her aides that"
        if len(toks) > 1 and (toks[1][2].lower() in lx.that or not _is_word(toks[1][2])):
            return 0
    j = 0
    if lw in lx.det or lw == "her":
        j = 1
    if j < len(toks) and toks[j][2][0].isupper():
        k = j
        while k + 1 < len(toks) and (toks[k + 1][2][0].isupper() or toks[k + 1][2] in ("of", "’s", "'s")
                                     or toks[k + 1][2] == "." and len(toks[k][2]) <= 3):
            k += 1
        return k
    # lower-case noun phrase of up to four words ending before that/to/,/:/a quotation
    k = j
    while k < len(toks) and k - j < 4 and _is_word(toks[k][2]) and toks[k][2][0].islower() \
            and toks[k][2].lower() not in lx.stop and toks[k][2].lower() not in lx.that \
            and toks[k][2].lower() not in lx.subject and (k == j or toks[k][2].lower() not in lx.det):
        k += 1
    if k > j and k < len(toks) and (toks[k][2].lower() in ("that", "to", "not") or toks[k][2] in ",:"
                                    or toks[k][2][0] == MASK or toks[k][2].lower() in lx.subject
                                    or toks[k][2][0].isupper() or toks[k][2].lower() in lx.det):
        return k - 1
    return None


def _last_word(m: str, s: int, e: int) -> str:
    """The last word of m[s:e]: after its last space, else all of it (never more: the text before ``s``
    was once read too when the phrase had no space, a prefix of the article per cue)."""
    sp = m.rfind(" ", s, e)
    return m[sp + 1 if sp >= 0 else s:e]


def _char_before(m: str, i: int) -> str:
    """The last character before m[i] that is not white space ("" if none), read back only over the
    white space rather than by stripping the whole prefix m[:i]."""
    while i > 0 and m[i - 1].isspace():
        i -= 1
    return m[i - 1:i]


def _strip_span(text: str, a: int, b: int, chars: str = _STRIP):
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b


_WHEN_WORDS = frozenset("on last this in earlier late early during ago".split())
_AGO_WORDS = frozenset("less more than about a few several couple of".split())
_SUBORDINATORS = [[w] for w in "while While although Although though Though if If because Because whereas Whereas unless Unless".split()]
_SUBJECTLESS_BEFORE = frozenset("and but then before after while by when".split())
_PREPS = frozenset("in of for by after before without about from on with upon while when since".split())
_TRUE_PREPS = frozenset("in of for by without about from on with upon at to into through over under against "
                        "during via".split())
# what may follow a postposed "…, Smith said": where, when, to whom
_ADJUNCT = re.compile(r"(?:to (?=the\b|a\b|an\b|his\b|her\b|their\b|its\b|reporters\b|[A-Z])|in|on|at|during|of|from|after|before|while|when|as|with|via|through|about|over|for|"
                      r"outside|inside|under|near|amid|following|shortly|last|this|earlier|later|recently|"
                      r"yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                      r"told|adding|saying|noting|according)\b", re.I)
# clause breaks that end a reported clause
# (every branch opens with ";", " " or "," so that the engine skips quickly to candidates)
_CLAUSE_END = re.compile(r"[;, ](?<=;)|[ ][–—][ ]|, (?:even as|even though|while|whereas|although|though|however|"
                         r"because|since|unless)\b|[ ]even (?:as|though)[ ]|[ ]\(|"
                         # "… as “Mr. Trump,” while Trump …": the comma went inside the quotation
                         r"[ ](?<=\x01[ ])(?:while|whereas|although|though)\b")


def attribute(text: str, sentences: list[Sentence]) -> list[Quote]:
    if not sentences:
        return []
    lx = lex()
    # paragraphs of the non-boilerplate sentences
    paras: list[list[int]] = []
    para_ids: list[int] = []
    for s in sentences:
        if para_ids and para_ids[-1] == s.paragraph:
            paras[-1][1] = s.end
        else:
            paras.append([s.start, s.end])
            para_ids.append(s.paragraph)
    spans = marks.quoted_spans(text, paras)
    if spans:
        parts = []
        last = 0
        for q in spans:
            parts.append(text[last:q.open_mark])
            parts.append(MASK * (q.close_mark - q.open_mark))
            last = q.close_mark
        parts.append(text[last:])
        m = "".join(parts)
    else:
        m = text
    if "\u00a0" in m:
        m = m.replace("\u00a0", " ")     # a no-break space ("said,\u00a0“…”") reads as a space (same offsets)
    # units: sentences, merged where a quotation crosses a sentence break or a
    # sentence follows a quotation that ended its sentence ("…?” Smith asked.)
    units: list[list] = []            # [start, end, paragraph, sentence breaks inside]
    qi = 0
    for s in sentences:
        if units and units[-1][2] == s.paragraph:
            b = s.start
            while qi < len(spans) and spans[qi].close_mark <= b:
                qi += 1
            crossing = qi < len(spans) and spans[qi].open_mark < b < spans[qi].close_mark
            pe = units[-1][1]
            if crossing or (m[pe - 1:pe] == MASK and m[b:b + 1] != MASK):
                if not crossing:
                    units[-1][3].append(b)
                units[-1][1] = s.end
                continue
            c0 = m[b:b + 1]
            if m[pe - 1:pe] == "." and m[pe - 2:pe - 1].isalpha() and _title_before(lx, m, pe - 1) or \
                    c0 and not (c0.isupper() or c0.isdigit() or c0 in "\"“‘'([" or c0 == MASK):
                units[-1][1] = s.end        # "Rep. | Trey Gowdy said", "(R-S.C. | ): …": one sentence
                continue
        units.append([s.start, s.end, s.paragraph, []])
    sent_starts = [s.start for s in sentences]
    sent_idx = [s.idx for s in sentences]
    span_starts = [q.open_mark for q in spans]

    cue_list = list(lx.cue.finditer(m, paras[0][0], paras[-1][1]))
    cue_starts = [c.start() for c in cue_list]
    n_cues = len(cue_list)
    dashes = "-" in text or "–" in text or "—" in text
    ci = 0
    out: list[Quote] = []
    owner: dict[int, int] = {}          # quoted span index -> quote index that took it
    last_quote_by_para: dict[int, int] = {}
    lead: _Frame | None = None          # "X said:" waiting for its quotation
    prev_unit_quote: int | None = None  # last quote of the previous unit (for continuation)
    prev_unit_end_mask = False

    def sidx(pos: int) -> int:
        return sent_idx[max(0, bisect_right(sent_starts, pos) - 1)]

    def masks_in(a: int, b: int) -> list[int]:
        k = max(0, bisect_right(span_starts, a) - 1)
        res = []
        while k < len(spans) and spans[k].open_mark < b:
            if spans[k].close_mark > a:
                res.append(k)
            k += 1
        return res

    def emit(frame: _Frame | None, a: int, b: int, inherit_q: int | None = None,
             foreign: set[int] | frozenset = frozenset()) -> int | None:
        a, b = _strip_span(m, a, b)
        if a >= b:
            return None
        inside = masks_in(a, b)
        kind = "indirect"
        # quotations of another speaker inside the content do not make it a quotation
        if inside and not all(k in foreign for k in inside):
            q0 = spans[inside[0]]
            if len(inside) == 1 and q0.open_mark <= a and b <= q0.close_mark:
                kind = "direct"
                a, b = _strip_span(text, q0.start, q0.end, " \t\n,")
                if a >= b:
                    return None
            else:
                kind = "mixed"
                # whole quotations at the ends
                a = min(a, spans[inside[0]].open_mark)
                b = max(b, spans[inside[-1]].close_mark)
        if kind != "direct" and not _WORD.search(text, a, b):
            return None
        q = Quote(kind=kind, content=text[a:b], start=a, end=b, sentence_idx=sidx(a))
        if frame is not None:
            q.cue = text[frame.cue_s:frame.cue_e]
            q.cue_start, q.cue_end = frame.cue_s, frame.cue_e
            if frame.pronoun is not None:
                q.speaker_start, q.speaker_end = frame.pronoun
                q.speaker_mention = text[q.speaker_start:q.speaker_end]
            elif frame.sp_s is not None:
                q.speaker_mention = text[frame.sp_s:frame.sp_e]
                q.speaker_start, q.speaker_end = frame.sp_s, frame.sp_e
        if inherit_q is not None:
            q.continues = inherit_q
            if q.speaker_mention is None:
                # the speaker is named in an earlier sentence: point at that mention, so
                # that the quote carries its attribution even without coreference
                root = out[inherit_q]
                q.speaker_mention, q.speaker_start, q.speaker_end = \
                    root.speaker_mention, root.speaker_start, root.speaker_end
        out.append(q)
        for k in inside:
            owner.setdefault(k, len(out) - 1)
        return len(out) - 1

    for us, ue, para, breaks in units:
        while ci < n_cues and cue_starts[ci] < us:
            ci += 1
        cj = ci
        while cj < n_cues and cue_starts[cj] < ue:
            cj += 1
        pending = masks_in(us, ue) if spans else []
        if cj == ci and not pending and lead is None:
            # nothing to attribute here (no cue, no quotation)
            if not (dashes and _has_dash(m, us, ue)):
                prev_unit_quote = None
                prev_unit_end_mask = False
                if m[us:ue].rstrip().endswith(":"):
                    lead = _colon_lead(lx, m, us, ue)
                continue
        frames = _frames(lx, m, text, us, ue, breaks, cue_list[ci:cj]) if cj > ci else []
        ci = cj
        unit_quotes: list[int] = []
        # "X said:" at the end of the unit before: its quotation opens this one
        if lead is not None and pending and spans[pending[0]].open_mark <= _skip_space(m, us, ue):
            k0 = pending[0]
            idx = emit(lead, spans[k0].open_mark, spans[k0].close_mark)
            if idx is not None:
                unit_quotes.append(idx)
        lead = None
        # dash attribution: "“…” — Jane Doe" / a line "- Jane Doe, Ohio." after a quotation
        dash = _dash_speaker(lx, m, us, ue) if dashes and (pending or prev_unit_end_mask) and \
            _has_dash(m, us, ue) and (_DASH_NEAR.search(m, us, ue) or
                                      m[_skip_space(m, us, ue):_skip_space(m, us, ue) + 1] in ("-", "–", "—")) \
            else None
        if dash is None and pending and not frames:
            # "Jane Doe: “…”" (transcripts, headlines)
            f = _colon_speaker(lx, m, us, ue)
            if f is not None:
                k0 = pending[0]
                idx = emit(f, spans[k0].open_mark, spans[k0].close_mark)
                if idx is not None:
                    unit_quotes.append(idx)
        if dash is not None:
            if dash[2] is not None and dash[2] > us:
                targets = [k for k in pending if spans[k].close_mark <= dash[2]][-1:]
            else:
                targets = [] if not prev_unit_end_mask or prev_unit_quote is None else None
            f = _Frame(dash[2], dash[2] + 1, "-", "dash")
            f.sp_s, f.sp_e = dash[0], dash[1]
            if targets:
                idx = emit(f, spans[targets[0]].open_mark, spans[targets[0]].close_mark)
                if idx is not None:
                    unit_quotes.append(idx)
            elif targets is None and out and out[prev_unit_quote].speaker_mention is None \
                    and out[prev_unit_quote].cue is None:
                # the quotation in the unit before: give it this speaker
                q = out[prev_unit_quote]
                q.cue, q.cue_start, q.cue_end = text[dash[2]:dash[2] + 1], dash[2], dash[2] + 1
                q.speaker_mention, q.speaker_start, q.speaker_end = text[dash[0]:dash[1]], dash[0], dash[1]
                q.continues = None
        for f in frames:
            inherit_q = None
            if f.inherit is not None and f.inherit.quote_idx is not None:
                inherit_q = f.inherit.quote_idx
            elif f.inherit is not None and f.sp_s is None and f.inherit.sp_s is not None:
                # "she laughed and admitted “…”": the frame before reports nothing of its own, so
                # there is no quote to continue; its speaker is this frame's
                f.sp_s, f.sp_e, f.pronoun = f.inherit.sp_s, f.inherit.sp_e, f.inherit.pronoun
            first = None
            for a, b in f.contents:
                if b is None or b <= a or f.nested:
                    continue
                # "Johnson asked … what Downing Street has called “…”": Downing Street's words
                foreign = {k for g in frames if g is not f and not g.nested and a <= g.cue_s < b
                           for c0, c1 in g.contents if c1 for k in masks_in(c0, c1)} if len(frames) > 1 else ()
                idx = emit(f, a, b, inherit_q if first is None else first, foreign)
                if idx is not None:
                    if first is None:
                        first = idx
                    unit_quotes.append(idx)
            if first is not None:
                f.quote_idx = first
            elif f.lead and f.sp_s is not None:
                lead = f
        # quotations no frame took: the speech before goes on, or nobody is named
        for k in pending:
            if k in owner:
                continue
            q = spans[k]
            # (a conjunction alone before a quotation that ends the unit still opens it, after a quote:
            # "…,” he said. But “…”", unlike the scare quotes of "But “dumping Trump” is hard")
            at_start = not _WORD.search(m, us, q.open_mark) or \
                _CONJUNCTION_ONLY.fullmatch(m, us, q.open_mark) is not None and prev_unit_quote is not None \
                and not _WORD.search(m, q.close_mark, ue)
            prev = None
            if at_start:
                if q.continues and para - 1 in last_quote_by_para:
                    prev = last_quote_by_para[para - 1]
                elif prev_unit_quote is not None:
                    prev = prev_unit_quote
                elif para in last_quote_by_para and out[last_quote_by_para[para]].kind != "indirect":
                    # "“…,” Smith said. The towns are small. “That’s a tough area.”": a paragraph's
                    # quotations are one speaker's, across the sentences of narration between them
                    prev = last_quote_by_para[para]
            if prev is not None or len(_WORD.findall(text, q.start, q.end)) >= 4 and at_start:
                idx = emit(None, q.open_mark, q.close_mark, prev)
                if idx is not None:
                    unit_quotes.append(idx)
            elif not at_start:
                # no cue of ours: the clause's subject and whatever verb it has
                f = _fallback(lx, m, us, ue, q, breaks)
                if f is not None:
                    idx = emit(f, f.contents[0][0], f.contents[0][1])
                    if idx is not None:
                        unit_quotes.append(idx)
        if lead is None and not unit_quotes and not frames and m[us:ue].rstrip().endswith(":"):
            # "The mayor released the following statement:" with the quotation in the next paragraph
            lead = _colon_lead(lx, m, us, ue)
        if unit_quotes:
            # the speech a following quotation continues: the last quotation, else the last quote
            quoted = [i for i in unit_quotes if out[i].kind != "indirect"]
            prev_unit_quote = max(quoted or unit_quotes, key=lambda i: out[i].start)
            last_quote_by_para[para] = prev_unit_quote
        else:
            prev_unit_quote = None
        prev_unit_end_mask = m[ue - 1:ue] == MASK
    return out


def _title_before(lx: _Lex, m: str, dot: int) -> bool:
    """Is the word before the full stop at m[dot] a title written with one ("Rep.")? Only a word as short
    as the longest title is lower-cased: lower-casing the text back to the last space cost a whole
    prefix of the article per sentence when the word was long, quadratic in the article's length."""
    sp = m.rfind(" ", max(dot - 7, 0), dot)
    return dot - sp - 1 <= lx.longest_title and m[sp + 1:dot].lower() in lx.title


def _frames(lx: _Lex, m: str, text: str, us: int, ue: int, breaks: list[int], matches) -> list[_Frame]:
    """The attribution frames of one unit, with their content spans resolved."""
    frames: list[_Frame] = []
    k = _skip_space(m, us, ue)
    if m.startswith("Asked by ", k):
        # (a capitalised "Asked" is no cue of the lexicon's: the one that opens a sentence)
        f = _asked_by(lx, m, k, k + 5, ue)
        if f is not None:
            frames.append(f)
    for c in matches:
        form = c.group()
        if form[1:] == "ccording to":
            f = _Frame(c.start(), c.end(), "according to", "according")
            np_ = _np_forward(lx, m, _skip_space(m, c.end(), ue), ue)
            if np_ is None:
                continue
            f.kind = "according"
            f.sp_s, f.sp_e = np_
            frames.append(f)
            continue
        base, cls = lx.verbs[form]
        vs = c.start()
        if frames and vs < frames[-1].cue_e:
            continue                        # inside the cue phrase before ("said in a written statement")
        # auxiliaries and adverbs before the verb belong to the cue: "has repeatedly told"
        lo = max(us, vs - 48)
        seg = m[lo:vs]
        words = seg.split()
        pos = len(seg)
        npre = 0
        for w in reversed(words[-4:]):
            if w in lx.preverb or w[-2:] == "ly" and w.islower() and w not in lx.notly:
                pos = seg.rfind(w, 0, pos)
                npre += 1
            else:
                break
        prev = words[-1 - npre] if len(words) > npre else ""
        if base == "ask" and form in ("asked", "Asked") and m.startswith(" by ", c.end("verb")):
            # "Asked by Ann Lowe whether she would run": the agent after "by" asks, the clause after it
            # is the question
            f = _asked_by(lx, m, lo + pos if npre else vs, c.end("verb"), ue)
            if f is not None:
                frames.append(f)
            continue
        if npre:
            # the auxiliary nearest the verb, past any adverbs ("was once thought")
            last = words[-1] if npre == 1 else next((w for w in reversed(words[-npre:]) if w in lx.aux), words[-1])
            verb = form.split(" ", 1)[0] if " " in form else form      # "referring" of "referring to"
            if last in _BE and (form == base or not verb.endswith(("ing", "s"))):
                continue                    # passive: "is expected to", "was told"; "was back"
        else:
            if (prev == "as" or prev == "As") and m.startswith(" by ", c.end()) and cls == cues.SPEECH \
                    and form.endswith("ed") and (vs - 3 <= us or _char_before(m, vs - 3) in ",;(–—"):
                # "As reported by The Post, …", "…, as noted by the senator": the agent after "by" speaks
                np_ = _np_forward(lx, m, c.end() + 4, ue)
                if np_ is not None:
                    f = _Frame(vs - 3, c.end() + 3, "according to", "according")
                    f.kind = "according"
                    f.sp_s, f.sp_e = np_
                    frames.append(f)
                continue
            if _after_determiner(lx, prev, form):
                continue                    # "a written statement", "the so-called", "his stated aim"
            if (form.endswith("ing") or form in _noun_like(base)) and _counted(prev):
                continue                    # "up 23 points", "the 11 September attacks", "a second reading"
            if form.endswith("ing") and _NOUN_ING_NEXT.match(m, c.end()) and prev[:1].isalpha() \
                    and prev.lower() not in lx.subject and prev.lower() not in lx.relative:
                continue                    # "the court ruling is", "a reading could": a noun before a verb
            if form in _noun_like(base) and not _verb_context(lx, prev, form != base, m, c.end()) \
                    and not (form != base and _after_quotation(m, text, max(us, vs - 80), vs, c.end(), ue)):
                continue                    # a noun: "a phone call", "the plans"
        if not npre and form != base and not form.endswith(("ing", "s")) and _BY_AGENT.match(m, c.end("verb")) \
                and prev.lower() not in lx.subject:
            continue                        # "measures added by Republicans": a participle, its agent after "by"
        if base in lx.raising and not _RAISING_NEXT.match(m, c.end("verb")):
            continue                        # "appeared on stage", not "appeared to"
        f = _Frame(lo + pos if npre else vs, c.end("verb"), base, cls)
        f.ing = form.endswith("ing") and not (npre and words[-1] in _BE_ING)
        _analyse(lx, m, text, us, ue, f, frames)
        if f.kind:
            frames.append(f)
    if not frames:
        return frames
    reported: set[int] = set()      # frames inside the clause an opening "according to" reports (rare)
    for n, f in enumerate(frames):
        if f.kind == "according":
            j = _skip_space(m, f.sp_e, ue)
            if not m[us:f.cue_s].strip(" \t\n,;:–—"):
                if j < ue and m[j] == ",":
                    f.contents.append([j + 1, None])
                    # "According to the Post, Smith said …": the Post reports all of Smith's clause (and Smith
                    # his words): the comma does not start a clause coordinated with the Post's
                    for g in frames[n + 1:]:
                        if g.coordinated and g.cut_at == j:
                            g.coordinated, g.cut_at = False, None
                            reported.add(id(g))
            else:
                start = _clause_start(m, frames, n, us, f.cue_s)
                g = frames[n - 1] if n else None
                if g is not None and g.kind in ("postposed", "inverted") and g.contents \
                        and not m[max(g.cue_e, g.sp_e or 0):f.cue_s].strip(" \t,"):
                    # "“…,” the judge said, according to the Post": the Post reports the quotation and who spoke it
                    start = min(start, g.contents[0][0])
                f.contents.append([start, f.cue_s])
    # content ends: the next coordinated frame, a clause break, the unit end
    for n, f in enumerate(frames):
        for c in f.contents:
            if c[1] is None:
                c[1] = _cut(frames, n, ue, c[0])
                for b in breaks:
                    if c[0] < b < c[1]:
                        c[1] = b
                        break
                if f.relative:
                    # "Russia – which has denied it plans to invade Ukraine – has placed …"
                    k = m.find(")" if f.relative == "(" else f.relative, c[0], c[1])
                    if k > 0:
                        c[1] = k
                seg = m[c[0]:c[1]]
                br = _CLAUSE_END.search(m, c[0], c[1]) if (
                    ";" in seg or "(" in seg or "–" in seg or "—" in seg or ", " in seg or " even " in seg or MASK + " " in seg) else None
                if br and _WORD.search(m, c[0], br.start()):
                    c[1] = br.start()
                if f.subordinate:
                    # "While those surveyed said A, B …": the reported clause ends at the comma
                    k = m.find(",", c[0], c[1])
                    if k > 0 and _WORD.search(m, c[0], k):
                        c[1] = k
    # a frame inside the content of another ends where that content ends
    if len(frames) > 1:
        for f in frames:
            for g in frames:
                if g is f:
                    continue
                for a, b in g.contents:
                    if a <= f.cue_s < b:
                        for c in f.contents:
                            if a <= c[0] < b < c[1]:
                                c[1] = b
    # a frame that is the complement of another ("X said he expects Y to “…”") does not
    # own quotations: the outer speaker does
    if len(frames) > 1:
        for f in frames:
            if reported and id(f) in reported:
                continue
            if f.kind == "preposed" and f.sp_s is not None and any(
                    a <= f.sp_s and f.cue_s < b and (f.sp_s <= a + 6 or m[a:f.sp_s].rstrip().endswith(" that"))
                    for g in frames if g is not f for a, b in g.contents):
                f.nested = True
            elif f.kind in ("preposed", "subjectless", "fallback") and any(
                    a <= f.cue_s < b for g in frames if g is not f and g.kind in ("postposed", "inverted", "according")
                    for a, b in g.contents):
                f.nested = True       # "the leaders agreed “…”, Downing Street said": Downing Street's words
    # a subjectless cue shares the speaker of the last frame (of its sentence) not nested in another
    for n, f in enumerate(frames):
        if f.kind == "subjectless":
            ss = us
            for b in breaks:
                # a "sentence" opening in lower case is a slip after "!" or "?" inside a quotation
                # ("She declared “What a night!” and said …"): the sentence goes on
                if b <= f.cue_s and not m[b:b + 1].islower():
                    ss = b
            for g in reversed(frames[:n]):
                if g.cue_s < ss:
                    break
                if g.kind == "subjectless" or not any(a <= g.cue_s < b for h in frames[:n] if h is not g
                                                      for a, b in h.contents):
                    f.inherit = g if g.kind != "subjectless" else g.inherit or (g if g.sp_s is not None else None)
                    break
            if f.inherit is None:
                f.sp_s, f.sp_e = _clause_subject(lx, m, ss, f.cue_s) or (None, None)
                if f.sp_s is None and _OPENING_SUBORDINATE.match(m, _skip_space(m, ss, f.cue_s)):
                    # "After praising the Ledger for ..., Glenn Bock went further": the subject of the
                    # main clause after the comma
                    f.sp_s, f.sp_e = _clause_subject(lx, m, ss, ue) or (None, None)
                    for c in f.contents:
                        if f.sp_s is not None and c[1] is not None and c[0] < f.sp_s < c[1]:
                            k = m.rfind(",", c[0], f.sp_s)
                            c[1] = k if k > c[0] else f.sp_s     # (the words end with the opening clause)
                if f.sp_s is not None and m[f.cue_s - 2:f.cue_s] == ", " and not _can_speak(lx, m[f.sp_s:f.sp_e]):
                    # "The fracas erupted after the tycoon entered the race ..., calling them rapists": a thing
                    # does not speak; the subject of the clause the participle follows does
                    f.sp_s, f.sp_e = _subordinate_subject(lx, m, f.sp_e, f.cue_s) or (f.sp_s, f.sp_e)
    return frames


def _can_speak(lx: _Lex, np: str) -> bool:
    """Can this noun phrase be a speaker: a pronoun, a name, or a common noun for a person or a body
    ("the senator", "critics", "the campaign"), not a thing ("The fracas")?"""
    words = np.split()
    if not words:
        return False
    if np.lower() in lx.subject or words[0][0].isupper() and words[0].lower() not in lx.det:
        return True
    head = words[-1].lower().strip(".,’'")
    return head in lx.speaking or head.endswith("s") and head[:-1] in lx.speaking or any(
        w[0].isupper() for w in words[1:])


# a subordinate clause: its conjunction, then its subject
_SUBORDINATOR = re.compile(r"\b(?:after|when|as|because|since|while|before|until|once|although|though)[ \t]+")


def _subordinate_subject(lx: _Lex, m: str, lo: int, hi: int):
    """The subject of the last subordinate clause in m[lo:hi], if it can speak."""
    found = None
    for sub in _SUBORDINATOR.finditer(m, lo, hi):
        np_ = _np_forward(lx, m, sub.end(), hi)
        if np_ is not None and _can_speak(lx, m[np_[0]:np_[1]]):
            found = np_
    # (the clause runs on to the participle's comma: not "Two weeks after Scalia died, Thomas broke his silence by
    # asking ...", where another subject comes after the clause)
    return found if found is not None and "," not in m[found[1]:hi - 2] else None


def _after_determiner(lx: _Lex, prev: str, form: str) -> bool:
    """Is the word before a verb form a determiner, so that the form is a noun or
    adjective ("a written statement", "the so-called", "his stated aim")?"""
    if prev.endswith("-"):
        return True
    w = prev.lower()
    return w in lx.det and w not in _QUANTIFIERS or w.endswith(("’s", "'s")) and (
        not prev[:1].isupper() or not form.endswith("ing")) or w in ("so", "very", "much")


# "“…,” the leaflet states.": a quotation, a comma, a short phrase, then the verb
_QUOTE_THEN_PHRASE = re.compile(r"\x01,?[ \t]+(?:[\w’'.-]+[ \t]+){1,5}$")


def _after_quotation(m: str, text: str, lo: int, vs: int, ve: int, ue: int) -> bool:
    """Is the verb form at m[vs:ve] ("states", "notes") the cue of a frame that follows a quotation and
    ends its clause ("“…,” the leaflet states." / "“…?” she presses.")? A noun would not end it there;
    nor does a quotation that ended its sentence ("…”. One of his reads, …") lead to a frame."""
    if not (m[ve:ve + 1] in ".,;" or ve >= ue):
        return False
    q = _QUOTE_THEN_PHRASE.search(m, lo, vs)
    if q is None:
        return False
    k = q.start() + 1                        # just past the closing mark
    return m[k:k + 1] == "," or text[max(lo, k - 4):k].rstrip("”\"’'» ")[-1:] in (",", "?", "!")


_QUANTIFIERS = frozenset("all both some many most several few others".split())
# a number, an ordinal or a month before a cue form makes it a noun ("23 points", "September attacks")
_MONTHS = frozenset("january february march april may june july august september october november december".split())
_COUNTING = frozenset("one two three four five six seven eight nine ten first second third fourth fifth last next"
                      .split()) | _MONTHS
# what follows an -ing noun, not a participle: a verb of its own ("the ruling is", "the reading could")
_NOUN_ING_NEXT = re.compile(r" (?:is|was|are|were|has|had|could|would|will|may|might|should|must|can)\b")


def _counted(prev: str) -> bool:
    """Is the word before a cue form a number, an ordinal or a (capitalised) month, so that the form is a
    noun?"""
    w = prev.lower()
    if not w:
        return False
    if w[0].isdigit():
        return w[-1].isdigit()
    return w in _COUNTING and (w not in _MONTHS or prev[0].isupper())




def _fallback(lx: _Lex, m: str, us: int, ue: int, q, breaks: list[int]) -> _Frame | None:
    """A frame for a quotation in a clause with no known cue: the clause's subject
    speaks, its first verb is the cue, the rest of the clause is the content."""
    cs = us
    for b in breaks:
        if b <= q.open_mark:
            cs = b
    k = max(m.rfind(";", cs, q.open_mark), m.rfind(":", cs, q.open_mark), m.rfind(" – ", cs, q.open_mark),
            m.rfind(" — ", cs, q.open_mark))
    hi = q.open_mark
    lead = k >= 0 and m[k] == ":" and not m[k + 1:q.open_mark].strip()
    if lead:
        # "Kasich resisted: “…”": the clause before the colon introduces the quotation
        hi = k
        k = max(m.rfind(";", cs, hi), m.rfind(" – ", cs, hi), m.rfind(" — ", cs, hi))
    if k >= 0:
        cs = k + 1
    np_ = _clause_subject(lx, m, cs, hi)
    if np_ is None:
        return None
    v = lx.verb_after.match(m, np_[1], hi)
    if v is None or v.group("w").lower() in lx.stop and v.group("w").lower() not in lx.aux or \
            v.group("w").lower() in lx.det or v.group("w").lower() in lx.link:
        return None
    w = v.group("w").lower()
    head = m[np_[0]:np_[1]].split()[0]
    if (not w.endswith(("ed", "s")) or w in lx.aux or w.endswith("ss")
                            or not (head[0].isupper() and head.lower() not in lx.det or head.lower() in lx.subject)):
        return None
    f = _Frame(v.start("cue"), v.end("cue"), "", "fallback")
    f.kind = "fallback"
    f.sp_s, f.sp_e = np_
    if lead:
        if not w.endswith("ed"):
            return None                  # "Giant screens …:", "It seems …:": a past tense narrates a speech
        f.contents.append([q.open_mark, q.close_mark])
        return f
    end = ue
    for b in breaks:
        if b > q.close_mark:
            end = b
            break
    br = _CLAUSE_END.search(m, q.close_mark, end)
    if br:
        end = br.start()
    f.contents.append([_skip_space(m, v.end(), ue), end])
    return f


_QUESTION_AFTER = re.compile(r"[ \t]+(?=(?:to|whether|if|about|what|how|why|who|when|where)\b)")


def _asked_by(lx: _Lex, m: str, cue_s: int, cue_e: int, ue: int) -> _Frame | None:
    """The frame of "(was) asked by NP [when] whether/if/to/about …": NP speaks the question."""
    np_ = _np_forward(lx, m, cue_e + 4, ue)
    if np_ is None:
        return None
    j = np_[1]
    w = lx.when.match(m, j, ue)
    if w and w.end() > j:
        j = w.end()
    q = _QUESTION_AFTER.match(m, j, ue)
    if q is None:
        return None
    f = _Frame(cue_s, cue_e, "ask", cues.SPEECH)
    f.kind = "preposed"
    f.sp_s, f.sp_e = np_
    f.contents.append([q.end(), None])
    f.content_start = q.end()
    f.subordinate = True        # the question ends at the comma: "Asked by X whether …, Smith said …"
    return f


# "by" and the agent of a passive participle; not the medium of "said by telephone" nor the manner of
# "continued by saying"
_BY_AGENT = re.compile(r" by (?!(?:tele)?phone\b|e-?mail\b|text\b|video\b|satellite\b|letter\b|fax\b|mail\b|\w+ing\b)")
# cues that also take an object and its complement ("ruled Cruz eligible", "called him a liar"): after them, a
# noun phrase followed by a lower-case word other than these is that object, not an inverted speaker
_OBJECT_COMPLEMENT = frozenset("rule declare deem call name find judge rate label brand dub pronounce certify "
                               "consider".split())
_AFTER_INVERTED_SPEAKER = frozenset("who whom whose which that of from at in on for with to and but as by than then "
                                    "said says told added".split())
# words that cannot open the speaker's phrase after an inverted cue
_NOT_AFTER_INVERTED = frozenset("rather instead than even just only also too then there here again".split())
# a phrase of time or place with no verb: "But in a call with reporters on Monday", "Later that day"
_ADVERBIAL_ONLY = re.compile(r"(?:(?:But|And|Yet|So|Then|Later|Earlier)\s*,?\s+)?(?:In|On|At|During|After|Before|Later|Earlier|"
                             r"Speaking|Asked|in|on|at|during|after|before)\b[^\x01;:]*$")
# a noun and a name with no relative pronoun between ("a name Mr. Dale", "the same phrase Jo Tate")
_ZERO_RELATIVE = re.compile(r"(?:[Aa]n?|[Tt]he)(?: same)?((?: [a-z]+){1,2}) ([A-Z][\w’'\-\.]+(?: [A-Z][\w’'\-\.]+)*)")
_OPENING_SUBORDINATE = re.compile(r"(?:After|Before|While|When|Since|Upon|On|By|Without|Despite|In)\s+[a-z]+ing\b")
_NAME_ONLY = re.compile(r"[A-Z][\w’'\-\.]*(?: [A-Z][\w’'\-\.]*)*")
# an opening participle ("Holding open a book", "Smiling broadly")
_PARTICIPLE_ONLY = re.compile(r"(?:(?:But|And|Then|Later)\s*,?\s+)?[A-Z][a-z]+ing\b[^\x01;:]*$")


def _adverbial_only(lx: _Lex, m: str, s: int, e: int) -> bool:
    """Is m[s:e] only an opening phrase of time, place or manner, with no finite verb ("Speaking in his real voice
    again", but not "Building it is the plan")?"""
    if _ADVERBIAL_ONLY.match(m, s, e):
        return True
    return _PARTICIPLE_ONLY.match(m, s, e) is not None and not any(w in lx.aux for w in m[s:e].lower().split())


_CONJUNCTION_ONLY = re.compile(r"\s*(?:But|And|Yet|Still|Also)\b,?\s*")
# a dateline opening a story: a city in capitals ("JACKSON, Miss. -") or followed by an agency ("Paris (AFP) –")
_DATELINE = re.compile(r"(?:[A-Z]{2,}[A-Z .'’-]*(?:, [A-Z][a-z]+\.?)?|[A-Z][\w.'’ -]{0,30}? \([A-Z][A-Za-z]{1,10}\))"
                       r"[ \t]*[–—-]{1,2}[ \t]+")
_CLAUSE_ADVERBS = frozenset("then later earlier now still meanwhile instead also again soon".split())
_RAISING_NEXT = re.compile(r"\s+(?:to|that|like|as if|as though)\b")


def _clause_subject(lx: _Lex, m: str, us: int, hi: int):
    """The subject at the start of the unit (after an opening adverbial), for
    "…, saying …" with no cue before it."""
    j = _skip_space(m, us, hi)
    d = _DATELINE.match(m, j, hi)
    if d:
        j = d.end()                       # "TALLAHASSEE — Rep. Ann Ruiz on Friday …", "Washington (AFP) – …"
    toks = _tokens(m, j, min(hi, j + 120))
    if toks and toks[0][2].lower() in lx.subject:
        return toks[0][0], toks[0][1]
    if toks and toks[0][2].lower() in ("but", "and", "so", "yet", "or") and len(toks) > 1:
        j = toks[1][0]
        toks = toks[1:]
    if len(toks) > 1 and toks[0][2].lower() in _CLAUSE_ADVERBS and toks[1][2] != ",":
        j = toks[1][0]                   # "Then he turned on the mayor, calling …"
        toks = toks[1:]
    if toks and toks[0][2].lower() in lx.subject:
        return toks[0][0], toks[0][1]
    if toks and (toks[0][2].lower() in lx.opener or toks[0][2].lower() in lx.stop or toks[0][2].lower() in lx.time
                 or toks[0][2].endswith(("ing", "ed")) and toks[0][2][0].isupper()):
        # an opening phrase ("In a statement,", "Speaking in Salem, New Hampshire,"): the
        # subject is the phrase after a comma that a verb follows
        for i, t in enumerate(toks):
            if t[2] != ",":
                continue
            j = _skip_space(m, t[1], hi)
            np_ = _np_forward(lx, m, j, hi)
            if np_ is not None and m[np_[0]:np_[1]].lower() in lx.subject:
                return np_                # "In 2011, he all but accused …"
            if np_ is not None:
                nxt = m[np_[1]:np_[1] + 20].split(None, 1)
                if nxt and nxt[0][:1].islower() and nxt[0] not in lx.link and nxt[0] not in lx.det:
                    return np_
        return None
    np_ = _np_forward(lx, m, j, hi)
    return np_


_COLON_LEAD = re.compile(r"\s*(?P<np>[A-Z][^:\x01\n]{0,60}?)\s*:\s*\x01")


def _colon_speaker(lx: _Lex, m: str, us: int, ue: int) -> _Frame | None:
    """A unit opening "Name: “…”": the name speaks the quotation after the colon."""
    c = _COLON_LEAD.match(m, us, ue)
    if c is None:
        return None
    np_ = _np_forward(lx, m, c.start("np"), c.end("np"))
    if np_ is None or np_[1] != c.end("np") and m[np_[1]:c.end("np")].strip(" )(") != "" \
            and not m[np_[1]:c.end("np")].lstrip().startswith("("):
        return None
    first = m[np_[0]:np_[1]].split(None, 1)
    if len(first) == 2 and _inverted_cue(lx, first[0]):
        # "Continued Pell: “…”": an inverted cue, not part of the name
        return _colon_frame(np_[0], np_[0] + len(first[0]), lx.verbs[first[0].lower()],
                            (np_[1] - len(first[1]), np_[1]))
    k = m.find(":", c.end("np"))
    return _colon_frame(k, k + 1, (":", "colon"), np_)


def _colon_frame(cue_s: int, cue_e: int, verb: tuple[str, str], speaker: tuple[int, int]) -> _Frame:
    """A frame whose quotation follows a colon; ``verb``: (base, class) of its cue."""
    f = _Frame(cue_s, cue_e, *verb)
    f.kind = "colon"
    f.sp_s, f.sp_e = speaker
    return f


def _inverted_cue(lx: _Lex, word: str) -> bool:
    """Is this capitalised word a verb of the past opening an inverted frame ("Continued Pell:", "Said Smith:")?"""
    verb = word.lower()
    return word[:1].isupper() and verb in lx.verbs and verb.endswith(("ed", "said"))


def _colon_lead(lx: _Lex, m: str, us: int, ue: int) -> _Frame | None:
    """A unit with no cue that ends in a colon ("When he died, the mayor released the following
    statement:", "Transcript as follows:"): its subject speaks the quotation that opens the next unit.
    The subject must be followed by a verb ("released", "issues"), so that an opening word ("Wait, …:") or
    a document ("Transcript as follows:") is not taken for a speaker."""
    k = us + m[us:ue].rstrip().rfind(":")
    j = _skip_space(m, us, k)
    first = m[j:k].split(None, 1)
    if len(first) == 2 and _inverted_cue(lx, first[0]):
        # "Stated Pell:" with the quotation in the next paragraph: an inverted cue
        np_ = _np_forward(lx, m, _skip_space(m, j + len(first[0]), k), k)
        if np_ is not None and not m[np_[1]:k].strip():
            return _colon_frame(j, j + len(first[0]), lx.verbs[first[0].lower()], np_)
    np_ = _clause_subject(lx, m, us, k)
    if np_ is None:
        return None
    nxt = m[np_[1]:k + 1].split(None, 1)
    w = nxt[0].lower() if nxt else ""
    if not (w.isalpha() and nxt[0][0].islower() and w.endswith(("ed", "s")) and w not in lx.stop):
        return None
    return _colon_frame(k, k + 1, (":", "colon"), np_)


_DASH_NEAR = re.compile(r"\x01[ ]*[-–—]")


def _has_dash(m: str, us: int, ue: int) -> bool:
    return m.find("-", us, ue) >= 0 or m.find("–", us, ue) >= 0 or m.find("—", us, ue) >= 0


def _dash_speaker(lx: _Lex, m: str, us: int, ue: int):
    """(start, end, dash offset) of a speaker named after a dash that follows a
    quotation ("“…” — Jane Doe", or a line "- Jane Doe, Ohio." under one)."""
    j = _skip_space(m, us, ue)
    k = j
    if j < ue and m[j] in "-–—":
        k = j
    else:
        k = m.find(MASK, us, ue)
        if k < 0:
            return None
        while k < ue and m[k] == MASK:
            k += 1
        k = _skip_space(m, k, ue)
        if k >= ue or m[k] not in "-–—":
            return None
    d = k
    while k < ue and m[k] in "-–—":
        k += 1
    k = _skip_space(m, k, ue)
    if k >= ue or not m[k].isupper():
        return None
    np_ = _np_forward(lx, m, k, ue)
    if np_ is None:
        return None
    rest = m[np_[1]:ue].strip(" .")
    if rest and not rest.startswith(","):
        return None
    return np_[0], np_[1], d


def _clause_start(m: str, frames: list[_Frame], n: int, us: int, hi: int) -> int:
    """Where the content before a postposed frame begins: the unit start, the end
    of an earlier postposed frame, or a clause break (dash, semicolon, colon)."""
    start = us
    for f in frames[:n]:
        if f.kind not in ("postposed", "inverted", "according") or not f.contents:
            continue
        end = max([f.cue_e] + [b for _, b in f.contents if b] + ([f.sp_e] if f.sp_e else []))
        if end < hi:
            start = max(start, end)
    k = max(m.rfind(";", start, hi), m.rfind(" – ", start, hi), m.rfind(" — ", start, hi), m.rfind(":", start, hi))
    if k >= 0 and _WORD.search(m, k, hi) or k >= 0 and MASK in m[k:hi]:
        start = k + 1
    return start


def _cut(frames: list[_Frame], n: int, ue: int, after: int) -> int:
    """The content of frame n ends where a later coordinated frame starts."""
    for f in frames[n + 1:]:
        if f.kind in ("postposed", "inverted", "according") and f.contents and f.contents[0][0] is not None \
                and f.contents[0][0] > after and f.contents[0][1] is not None and f.contents[0][1] <= f.cue_s:
            return f.contents[0][0]
        s = f.sp_s if f.sp_s is not None and f.sp_s < f.cue_s and f.kind != "according" else f.cue_s
        if s <= after:
            continue
        if f.kind in ("subjectless", "postposed", "inverted", "according") or f.coordinated:
            return f.cut_at if f.cut_at is not None else s
    return ue


def _analyse(lx: _Lex, m: str, text: str, us: int, ue: int, f: _Frame, done: list[_Frame]) -> None:
    """Fill in the frame's kind, speaker and content for the cue at f.cue_s..f.cue_e."""
    cue_s, cue_e = f.cue_s, f.cue_e
    B = _Back(m, max(us, cue_s - 240), cue_s)
    w0 = B.word(0)
    prev_char = w0[-1:]
    before_end = B[0][1] if w0 else us       # end of the text before the cue
    prev_word = w0.lower()
    ing = f.ing
    # "released a statement saying …", "began saying": the subject of the clause speaks
    bare_ing = ing and _is_word(w0) and prev_word not in _SUBJECTLESS_BEFORE and prev_word not in _PREPS
    if bare_ing:
        # "with Donald Trump tweeting that …": the phrase after "with" speaks
        subj = _subject(lx, m, us, cue_s, B)
        if subj is not None and not subj[2] and _last_word(m, subj[0], subj[1]).lower() in lx.document:
            issuer = _issuer(lx, m, us, subj[0], subj[1])
            if issuer is not None:
                # "Both men issued a statement expressing …": who issued the statement speaks
                f.kind = "preposed"
                f.sp_s, f.sp_e = issuer
                cue_end, cs = _after_cue(lx, m, cue_e, ue, f.base)
                f.cue_e = cue_end
                f.contents.append([cs, None])
                f.content_start = cs
                return
        before_np = m[max(us, subj[0] - 8):subj[0]].split()[-1:] if subj is not None else None
        if subj is not None and (before_np in (["with"], ["With"], ["without"]) or (
                (m[subj[0]].isupper() or m[subj[0]:subj[1]].lower() in lx.subject)
                and (not before_np or before_np[0][-1] in ",;:–—" or before_np == ["and"]))):
            f.kind = "preposed"
            f.sp_s, f.sp_e = subj[0], subj[1]
            cue_end, cs = _after_cue(lx, m, cue_e, ue, f.base)
            f.cue_e = cue_end
            f.contents.append([cs, None])
            f.content_start = cs
            if before_np and before_np[0] != "with":
                # "– Ryan saying …, and Trump calling …": each ends the clause before
                f.coordinated = True
                k = m.rfind(before_np[0], max(us, subj[0] - 8), subj[0])
                f.cut_at = k if before_np == ["and"] else k + len(before_np[0]) - 1
            return
    if bare_ing and f.cls != cues.SPEECH:
        bare_ing = False
    # subjectless: ", adding …", "– saying …", "and added", "but added:", "by tweeting"
    if prev_word in _SUBJECTLESS_BEFORE or (ing and (prev_char in "," + _DASHES + MASK or prev_word in _PREPS)) \
            or bare_ing:
        if prev_word in ("by", "when") and not ing:
            return
        f.kind = "subjectless"
        f.cut_at = _cut_point(B, cue_s)
        f.coordinated = True
        cue_end, cs = _after_cue(lx, m, cue_e, ue, f.base)
        f.cue_e = cue_end
        if cs < ue and m[cs] in _DASHES:
            f.kind = None
            return
        f.contents.append([cs, None])
        f.content_start = cs
        if not m[cs:ue].strip(" \t\n.,;:!?"):
            f.contents.pop()
            if m[cue_e:ue].rstrip().endswith(":"):
                f.lead = True
        return
    subj = _subject(lx, m, us, cue_s, B)
    if subj is not None and not subj[2] and m[subj[0]].islower() \
            and _last_word(m, subj[0], subj[1]).lower() in lx.document:
        issuer = _issuer(lx, m, us, subj[0], subj[1])
        if issuer is not None:
            subj = issuer[0], issuer[1], None
    if subj is not None and not subj[2] and not ing and m[subj[0]:subj[1]].lower() not in lx.subject:
        pw = m[max(us, subj[0] - 12):subj[0]].split()[-1:]
        if pw and pw[0].lower() in _TRUE_PREPS:
            subj = None                     # "in a statement credited …": not a subject
    if subj is not None and not subj[2]:
        z = _ZERO_RELATIVE.fullmatch(m, subj[0], subj[1])
        if z:
            cue_end, cs = _after_cue(lx, m, cue_e, ue, f.base)
            if not m[cue_end:ue].strip(" \t\n.,;:!?") and not any(
                    w in lx.speaking or w in lx.link or w in lx.stop for w in m[z.start(1):z.end(1)].split()):
                # "..., a name Mr. Dale later repeated.": a relative clause with no pronoun and no object; its
                # subject (the name) says the noun before it
                f.kind = "preposed"
                f.sp_s, f.sp_e = z.start(2), subj[1]
                f.cue_e = cue_e + len(m[cue_e:cue_end].rstrip(" \t\n.,;:!?"))
                f.contents.append([subj[0], z.start(2)])
                return
    if subj is not None:
        s0, s1, rel = subj
        lo = max(us, s0 - 80)
        lead_s = m[lo:s0].rstrip()           # the end of what precedes the speaker
        lead_c = lead_s[-1:]
        lead_end = lo + len(lead_s)
        cue_end, cs = _after_cue(lx, m, cue_e, ue, f.base)
        tail = m[cs:ue].strip(" \t\n.,;:!?")
        between = m[cue_end:cs].strip()
        if lead_s and not rel and lead_c in "," + MASK + _DASHES and (
                f.cls == cues.SPEECH or f.base in lx.postposed_thought):
            quote_lead = lead_s.rstrip(",–— ").endswith(MASK)
            k = lo + len(lead_s.rstrip(",–— "))
            inner = text[max(us, k - 3):k].rstrip("”\"’'» ") if quote_lead else ""
            # "“….” He added, “…”": a new sentence introducing the next quotation
            new_sentence = inner.endswith((".", "…")) and m[cs:cs + 1] == MASK and between in (",", ":")
            # "“… $5 billion.” Former presidents fired back at Trump.": a quotation that ended its sentence is
            # not reported by a new sentence that goes on after its verb
            closed = quote_lead and inner.endswith(".") and lead_c == MASK
            post = not new_sentence and (
                not tail or not closed and bool(_ADJUNCT.match(tail)) or (between == "," and m[cs] == MASK) or
                (between == ":" and m[cs] == MASK and not _WORD.search(m, us, s0))
                # "…, Pat Kenny wrote Steve Linn.": the person written to, not words
                or (f.base in lx.recipient or f.base == "write") and _NAME_ONLY.fullmatch(tail) is not None)
            if not post and quote_lead and not new_sentence:
                # "“…,” Smith said on the call" vs "“….” Smith said the plan was dead."
                post = between == "," or not inner.endswith((".", "…")) and not tail.lower().startswith("that ")
            elif not post:
                post = between == "," and f.cls == cues.SPEECH
            if post:
                # postposed: "…,” Smith said." / "A, Smith said, B"
                f.kind = "postposed"
                f.sp_s, f.sp_e = s0, s1
                f.cue_e = cue_end
                c_end = lead_end
                c_start = _clause_start(m, done, len(done), us, c_end)
                if not (not quote_lead and m[cs:cs + 1] == MASK and between in (",", ":")
                        and _adverbial_only(lx, m, _skip_space(m, c_start, c_end), c_end)):
                    # ("In a call on Monday, Col. Ward, a spokesman, said, “…”", "Holding up a letter, Mina Ruiz said,
                    # “…”": an opening adverbial or participle, no words of his)
                    f.contents.append([c_start, c_end])
                if tail and between in (",", ":") and (m[cs] == MASK or not quote_lead) \
                        and not m.startswith("according to", cs):
                    f.contents.append([cs, None])       # (", according to the Post" is the Post's frame)
                elif tail and quote_lead and (inner.endswith(",") or lead_c == ","):
                    # ("“A,” she told Hewitt, “B.”": the recipient and the comma are already behind cs)
                    # ("“A,” he said, that …": a "that" clause goes on with the speech when the quotation
                    # opened the sentence and the clause has a subject)
                    whole = not m[c_start:c_end].strip(" \t\n" + MASK)
                    k = cs if (m[cs] == MASK or whole and _that_clause(lx, m, cs)) \
                        and m[cue_end:cs].rstrip().endswith(",") else _resumed_quotation(lx, m, cs, ue, whole)
                    if k is not None:
                        f.contents.append([k, None])
                return
        if not tail:
            if m[cue_e:ue].rstrip().endswith(":") and f.cls == cues.SPEECH:
                f.kind = "preposed"
                f.sp_s, f.sp_e = s0, s1
                f.cue_e = cue_end
                f.lead = True
            return
        if cs < ue and m[cs] in _DASHES:
            return
        f.kind = "preposed"
        f.sp_s, f.sp_e = s0, s1
        f.relative = rel
        if rel:
            # "Chris Murphy, who said …": the relative pronoun is the speaker as written (the speakers stage
            # reads its antecedent); the phrase before it still delimits the clause here
            f.pronoun = B[0][0], B[0][1]
        f.cue_e = cue_end
        f.subordinate = lead_s.split()[-1:] in _SUBORDINATORS
        f.contents.append([cs, None])
        f.content_start = cs
        # a coordinated clause: "…, and Smith said …" cuts the frame before (an adverb between: "…, but
        # ultimately Smith thinks")
        last = lead_s.rsplit(None, 1)
        if len(last) == 2 and last[1].endswith("ly") and last[1].islower() and last[1] not in lx.notly:
            lead_s = last[0]
            lead_c, lead_end = lead_s[-1:], lo + len(lead_s)
        if lead_c in ",;" + _DASHES:
            f.coordinated = True
            f.cut_at = lead_end - 1
        elif lead_s.lower().endswith((" and", " but")):
            f.coordinated = True
            f.cut_at = lead_end - 4
        return
    # inverted: "…,” said Smith." — verbs of speech, right after a comma or a quotation
    if f.cls == cues.SPEECH and prev_char in "," + MASK and w0:
        np_ = _np_forward(lx, m, _skip_space(m, cue_e, ue), ue)
        if np_ is None:
            return
        first = m[np_[0]:np_[1]].split(None, 1)[0]
        if first.lower() in _NOT_AFTER_INVERTED or first.islower() and first.endswith("ly") and first not in lx.notly:
            return                          # "… “spontaneous” protests rather than …": no speaker after it
        cue_end, _ = _after_cue(lx, m, np_[1], ue, "")
        k = _skip_space(m, np_[1], ue)
        if f.base in _OBJECT_COMPLEMENT and cue_end == np_[1] and k < ue and m[k].islower():
            w = m[k:k + 20].split(None, 1)[0]
            if w not in _AFTER_INVERTED_SPEAKER and not w.endswith("ing"):
                return                      # "…, ruled Cruz eligible and …": an object and its complement
        f.kind = "inverted"
        f.sp_s, f.sp_e = np_
        c_end = before_end
        f.contents.append([_clause_start(m, done, len(done), us, c_end), c_end])
        j = _skip_space(m, cue_end, ue)
        if j < ue and m[j] in ",:":
            k = _skip_space(m, j + 1, ue)
            if k < ue and m[k] == MASK:
                f.contents.append([k, None])
            elif prev_char == MASK and text[max(us, before_end - 3):before_end].rstrip("”\"’'» ").endswith(","):
                k = _resumed_quotation(lx, m, k, ue)
                if k is not None:
                    f.contents.append([k, None])


_RESUME = re.compile(r"[,.:][ \t]*(?:\x01|that )")


def _that_clause(lx: _Lex, m: str, i: int) -> bool:
    """Does a "that" clause with a subject start at i ("that both men …", not "that is analyzing …")?"""
    w = m[i:i + 40].split(None, 2)
    return len(w) > 1 and w[0] == "that" and w[1].lower() not in lx.aux and w[1].lower() not in lx.stop


def _resumed_quotation(lx: _Lex, m: str, i: int, ue: int, that: bool = False) -> int | None:
    """Where a split quotation resumes after its frame: in "“A,” he said of the plan in May, “B.”" the
    words after the cue ("of the plan in May") lead, through a comma, to the rest of the same quotation.
    The offset of that quotation's opening mark, or None when a clause break, another cue or another
    quotation comes first (the first part ending in a comma says that the sentence goes on)."""
    r = _RESUME.search(m, i, min(ue, i + 160))
    if r is None:
        return None
    k = r.end() - 1 if m[r.end() - 1] == MASK else r.end() - 5      # the quotation, or "that" and its clause
    if m[k] != MASK and not (that and _that_clause(lx, m, k)):
        return None
    seg = m[i:r.start()]
    if MASK in seg or ";" in seg or "\n" in seg or " – " in seg or " — " in seg:
        return None
    # another cue may open another speaker's clause; a participle ("speaking of …") does not
    if any(not c.group("verb").split()[0].endswith("ing") for c in lx.cue.finditer(seg)):
        return None
    return k


def _issuer(lx: _Lex, m: str, us: int, s0: int, s1: int) -> tuple[int, int] | None:
    """The subject of "issued" in "Both men issued a statement expressing …", when m[s0:s1] is the document
    ("a statement", "a resolution") and a verb of issuing comes right before it; else None."""
    words = m[s0:s1].split()
    if len(words) < 2 or words[0].lower() not in _DOC_DETERMINERS or words[-1].lower() not in lx.document:
        return None
    B = _Back(m, max(us, s0 - 160), s0)
    k = 0
    if B.word(0).lower() in ("out", "up") and B.word(1).lower() in lx.issue:
        k = 1                                # "put out a statement"
    elif B.word(0).lower() not in lx.issue:
        return None
    while B.has(k + 1) and (B.word(k + 1) in lx.preverb or B.word(k + 1).endswith("ly") and B.word(k + 1).islower()):
        k += 1                               # "has also issued"
    found = _subject(lx, m, us, B[k][0])
    if found is None or found[2]:
        return None
    return found[0], found[1]


_DOC_DETERMINERS = frozenset("a an the his her their its this that our".split())


def _cut_point(B: _Back, cue_s: int) -> int:
    """Where the clause before a subjectless cue ends (before ", adding", " and added")."""
    k = 0
    while B.has(k) and (B[k][2].lower() in _SUBJECTLESS_BEFORE or B[k][2] in ",–—" or B[k][2].endswith("ly")):
        k += 1
    return B[k][1] if B.has(k) else cue_s
