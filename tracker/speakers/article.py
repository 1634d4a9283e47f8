"""One article as the resolver reads it: its sentences, its quoted words, the speakers found so far.

``Article`` holds the per-article state that every rule module reads, and the
lookups they share: where the headline ends, whether an offset is inside
quotation marks or at a resolved speaker mention, where a paragraph begins and
ends. The rule modules are mixins of it (see the package docstring for why);
``resolver.Resolver`` puts them together.

The caches below are per article: a name, a sentence or a description is read
once however many quotes ask (a mention shared by several quotes, read once,
halved the cost of descriptions: 32 to 16 us).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..model import Sentence
from ..segment import is_headline
from . import names as N

# how far back a description ("the senator", "the newspaper") looks for the last mention of whom it means: a
# description refers to someone mentioned lately, not a candidate named once, long before
ROLE_SENTENCES = 6


@dataclass(slots=True)
class Entity:
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
class Person:
    """A full name the article writes somewhere: the tie between a surname and a person."""
    name: list[str]
    gender: str | None
    titles: list[str]
    first: int                       # offset of the first occurrence
    count: int = 0
    pkey: str = ""


class Article:
    """One article's state; the rule modules' mixins add the rules (see ``resolver.Resolver``)."""

    def __init__(self, text: str, sentences: list[Sentence], quoted: list[tuple[int, int]] = ()):
        self.text = text
        self.quoted = sorted(quoted)         # spans of quoted words: names there are not antecedents
        self.quoted_starts = [a for a, _ in self.quoted]
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self._headline_end: int | None = None
        self._lower: str | None = None
        # the speakers: entities by identity, those a quote uses in order, resolved mentions by offset
        self.entities: dict[str, Entity] = {}
        self.out: list[Entity] = []
        self.mentions: list[tuple[int, Entity]] = []     # resolved speaker mentions by offset
        self.mentions_of: dict[int, list[int]] = {}      # their offsets by id(entity), in order (bisected)
        self.mention_offsets: list[int] = []
        self.subjects: set[int] = set()     # offsets of the mentions that are their sentence's subject
        self.speaker_offsets: list[int] = []     # offsets of all the quotes' speaker mentions, resolved or not
        # offsets of the mentions that follow what their quote reports ("..., he said"); None: not known
        self.after_content: set[int] | None = None
        self.named_in_quote: frozenset[str] = frozenset()   # the name the quote being resolved opens with
        self.third_in_quote: str = ""      # its words hold "he"/"his" ("male"), "she"/"her" ("female"), or neither
        # people: runs of capitals by surname, the full names read from them, the entity a name denotes
        self._runs: dict[str, list[str]] | None = None
        self._headline_runs: set[str] = set()        # runs of capitals in the headline
        self._people: dict[str, dict[str, Person]] = {}
        self._named: dict[N.Name, Entity | None] = {}
        self._named_surnames: dict[str, str] = {}
        # subjects: the names of each sentence, where its main clause starts
        self._sentence_names: dict[int, list[tuple[int, N.Name, bool]]] = {}
        self._main_clause: dict[int, int] = {}
        # titles: whom a description fits, the people each sentence refers to by title
        self._role_found: dict[tuple, dict[str, Person]] = {}
        self._sentence_roles: dict[int, list[tuple[int, Entity, bool]]] = {}
        self._lead: Entity | None | bool = False           # epithets: the story's lead; False: not looked for yet
        # window and pronouns: a person's gender read from context, the writer, the interviewee
        self._context_gender: dict[str, str | None] = {}
        self._writer: Entity | None | bool = False       # False: not looked for yet
        self._interviewee: Entity | bool | None = None
        # kinds: whether the article writes a name as a body's or a person's
        self._kinds: dict[str, str] = {}

    # -- the text's layout -----------------------------------------------------------------------------
    def paragraph(self, si: int) -> tuple[int, int]:
        """The first and the last sentence (indexes) of the paragraph that holds sentence ``si``."""
        sentences = self.sentences
        par = sentences[si].paragraph
        first = last = si
        while first > 0 and sentences[first - 1].paragraph == par:
            first -= 1
        while last + 1 < len(sentences) and sentences[last + 1].paragraph == par:
            last += 1
        return first, last

    def opens_paragraph(self, pos: int) -> bool:
        si = bisect_right(self.starts, pos) - 1
        if si < 0 or self.starts[si] != pos:
            return False
        return si == 0 or self.sentences[si - 1].paragraph != self.sentences[si].paragraph

    def headline_end(self) -> int:
        """End of the headline (the first paragraph, when it is one), else 0 (cached)."""
        if self._headline_end is None:
            sentences = self.sentences
            self._headline_end = 0
            if sentences and sentences[0].paragraph == 0:
                last = self.paragraph(0)[1]
                if last + 1 < len(sentences) and is_headline(self.text[sentences[0].start:sentences[last].end], True):
                    self._headline_end = sentences[last].end
        return self._headline_end

    def lower(self) -> str:
        """The article's text in lower case (made once, on first use)."""
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    def in_quote(self, pos: int) -> bool:
        i = bisect_right(self.quoted_starts, pos) - 1
        return i >= 0 and pos < self.quoted[i][1]

    def recent_start(self, pos: int) -> int:
        """Where the sentence ``ROLE_SENTENCES`` before the one holding ``pos`` starts (0 without sentences): a
        description means someone mentioned since."""
        return self.starts[max(0, bisect_right(self.starts, pos) - 1 - ROLE_SENTENCES)] if self.starts else 0

    # -- the speakers found so far --------------------------------------------------------------------
    def entity(self, ident: str, make) -> Entity:
        e = self.entities.get(ident)
        if e is None:
            e = self.entities[ident] = make()
        return e

    def use(self, e: Entity, alias: str | None) -> int:
        if e.index is None:
            e.index = len(self.out)
            self.out.append(e)
        if alias and alias not in e.aliases:
            e.aliases.append(alias)
        return e.index

    def is_mention(self, pos: int) -> bool:
        """Is there a quote's speaker mention at ``pos``?"""
        i = bisect_left(self.mention_offsets, pos)
        return i < len(self.mention_offsets) and self.mention_offsets[i] == pos
