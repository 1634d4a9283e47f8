"""The words frames are read with: closed classes from ``data/quotes/grammar.txt`` and the cue verbs.

``lex()`` loads them once into one ``Lexicon``: determiners, pronouns, auxiliaries, the words that end a
noun phrase read backwards from a cue, the verbs that take a recipient, and the patterns built from them
(the one scan that finds every cue in an article, the where/when/how phrases after a verb). A verb form that
may also be a noun ("call", "plans", "the report") does not end a speaker's phrase (c382a0c: "campaign
manager X said" had been cut at "manager"): ``noun_like`` gives those forms.
"""
from __future__ import annotations

import re
from functools import cache, cached_property

from .. import lexicon
from . import cues


@cache
def grammar() -> dict[str, frozenset[str]]:
    return {k: frozenset(v.split()) for k, v in lexicon.mapping("quotes/grammar.txt", ":").items()}


class Lexicon:
    """The lexicons as attributes, loaded once."""

    def __init__(self) -> None:
        g = grammar()
        self.aux, self.adverb, self.notly = g["aux"] | g["negation"], g["adverb"], g["notly"]
        self.subject, self.relative, self.object = g["subject"], g["relative"], g["object"]
        self.det, self.link, self.time = g["det"], g["link"], g["time"] | g["month"]
        self.opener = g["opener"] - self.det
        self.verbs = cues.verbs()
        # verb forms end a noun phrase, except those that may be nouns ("the report said")
        self.stop = g["stop"] | self.aux | self.object - {"her"} | frozenset(
            f for f, (b, _) in self.verbs.items() if " " not in f and f not in noun_like(b) and not f.endswith("ing"))
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
        self.object_deed = g["object_deed"]
        self.document, self.issue = g["document"], g["issue"]
        self.past = g["past"]
        # nouns for people and bodies, from the speakers' word lists: who or what may speak
        self.speaking = frozenset(lexicon.mapping("speakers/titles.txt")) | frozenset(
            lexicon.mapping("speakers/generic_sources.txt")) | lexicon.words("speakers/organization_words.txt")
        pre = lexicon.trie_pattern(sorted(self.aux | self.adverb))
        notly = lexicon.trie_pattern(sorted(self.notly))
        # one scan of the article finds every cue (``find_cues``); auxiliaries and adverbs before
        # the verb are read backwards afterwards (cheaper than in the pattern)
        self._cue_forms = lexicon.trie_pattern(list(self.verbs) + ["according to", "According to"])
        self.cue_after = re.compile(f"{_BEFORE_CUE}(?P<verb>{self._cue_forms}){_AFTER_CUE}")
        self.preverb = self.aux | self.adverb
        self.nominal = re.compile(r"[ \t]*,?[ \t]*" + cues.nominal_pattern())
        time = "|".join(sorted(self.time - {"may", "march"}, key=len, reverse=True))
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
            | self.time | frozenset(str(y) for y in range(1900, 2100))
        # where, when and how, right after a verb: one pattern, one call
        self.after_verb = re.compile(f"{self.nominal.pattern}|(?i:{self.when.pattern})|{self.adverb_after.pattern}")
        # the classes that the frames read by name (the data file says what each is for)
        self.month, self.counting = g["month"], g["counting"] | g["month"]
        self.subordinator, self.preposition, self.coordinator = g["subordinator"], g["preposition"], g["coordinator"]
        # (written as they are, or capitalised: "While")
        self.subordinator_to_comma = frozenset(v for w in g["subordinator_to_comma"] for v in (w, w.capitalize()))
        self.participle_after, self.subjectless_after = g["participle_after"], g["subjectless_after"]
        self.clause_adverb, self.finite, self.negation = g["clause_adverb"], g["finite"], g["negation"]
        self.passive_be, self.progressive_be = g["passive_be"], g["progressive_be"]
        self.article, self.document_determiner = g["article"], g["document_determiner"]
        self.quantifier, self.comparative = g["quantifier"], g["comparative"]
        self.relative_aside = g["relative_aside"]
        self.time_phrase, self.ago_phrase = g["time_phrase"], g["ago_phrase"]
        self.object_complement = g["object_complement"]
        self.after_inverted_speaker, self.not_inverted_speaker = g["after_inverted_speaker"], g["not_inverted_speaker"]
        # a subordinate clause: its conjunction, then its subject
        self.subordinate_clause = re.compile(rf"\b(?:{'|'.join(sorted(self.subordinator))})[ \t]+")
        # a participle clause opening a sentence: "After praising …", "Despite insisting …"
        self.opening_participle = re.compile(
            rf"(?:{'|'.join(sorted(w.capitalize() for w in self.subordinator | self.preposition))})\s+[a-z]+ing\b")
        # a verb of its own after an -ing form makes it a noun ("the ruling is", "the reading could")
        # ... or a verb of saying ("the council's ruling said", "the briefing notes"): issue 14
        self.verb_next = re.compile(rf" (?:{'|'.join(sorted(w for w in g['aux'] if w.isalpha()))}|"
                                    r"said|says|told|tells|added|adds|stated|states|found|finds|showed|shows|"
                                    r"noted|notes|warned|warns|concluded|concludes)\b")


    @cached_property
    def cue(self) -> re.Pattern:
        """A cue form where no word character, apostrophe or hyphen touches it (``find_cues`` finds the same)."""
        return re.compile(f"(?<![\\w’'\\-])(?P<verb>{self._cue_forms}){_AFTER_CUE}")


# what may stand right before a cue: an ASCII character that is no word character, apostrophe or hyphen (the
# mask of a quotation among them), or any non-ASCII one, which ``find_cues`` then tests
_BEFORE_CUE = "[\\x00-\\x26\\x28-\\x2c\\x2e\\x2f\\x3a-\\x40\\x5b-\\x5e\\x60\\x7b-\\U0010ffff]"
_AFTER_CUE = r"(?![\w’'\-])"
_NO_CUE_AFTER = re.compile(r"[\w’'\-]")


def find_cues(lx: Lexicon, m: str, pos: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, form) of the cues in m[pos:end], in order: what ``lx.cue.finditer(m, pos, end)`` finds.

    The pattern takes the character before the form as its first, from a set the engine skips to (a
    lookbehind first, tried at every offset of the article, cost 690M instructions over 800 BBC articles,
    a sixth of the quotes stage; this, 440M). A non-ASCII character before it that is a word character or
    "’" is no cue's, and the search goes on right after it."""
    out: list[tuple[int, int, str]] = []
    search = lx.cue_after.search
    k = pos - 1
    if pos == 0:
        # (nothing before the text: the form is tried on a copy with a character before it)
        c = lx.cue_after.match("\x00" + m[:min(end, 200)])
        if c is not None:
            out.append((0, c.end() - 1, c.group("verb")))
            k = c.end() - 2
        else:
            k = 0
    while True:
        c = search(m, k, end)
        if c is None:
            return out
        b = c.start()
        if m[b] > "\x7f" and _NO_CUE_AFTER.match(m, b):
            k = b + 1
            continue
        out.append((b + 1, c.end(), c.group("verb")))
        k = c.end() - 1


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
def lex() -> Lexicon:
    return Lexicon()


@cache
def noun_like(base: str) -> frozenset[str]:
    """Forms of a verb that may be nouns as well ("call", "calls", "plans")."""
    g = grammar()
    if base in g["never_noun"]:
        return frozenset()
    head, _, particle = base.partition(" ")
    if particle:
        # "a call for calm", "his push for reform": nouns that often take the particle after them
        # (most phrasal cues are verbs whatever comes before: "points out", "hit back")
        return frozenset(f + " " + particle for f in noun_like(head)) if head in g["noun_with_particle"] \
            else frozenset()
    return frozenset(f for f in cues.inflect(base) if not f.endswith(("ed", "ing")))
