"""Kinds: whether a name no list knows is a body's or a person's, from what the article writes around it.

"Zenco said" alone does not tell a company from a man called Zenco; the
article usually does, wherever else it writes the name:

- a body: a noun for a kind of body right before it ("software firm Zenco",
  ``data/speakers/body_nouns.txt``), something only a body has right after
  it or its possessive ("Zenco shares", "Zenco's chief executive",
  ``body_attributes.txt``), "a Zenco spokesman", a legal form ("Zenco Inc",
  ``corporate_suffixes.txt``), "Zenco, which", "Zenco, whose shares" or
  "whose brands", or a business phrase before it ("shares in Zenco", "a
  stake in Zenco"); a person's "whose" had made a winemaker a man, and its
  "it" unresolved (quotes3 +1 right; BBC corpus: that speaker only);
- a person: an honorific before it ("Mr Zenco"), an age or "who" after it
  ("Zenco, 34,", "Zenco, who"), a personal pronoun following it in the same
  clause, or a given name the lists know.

A name is a body's when the article writes it only as a body's, or writes
nothing either way and it is a listed company's (``data/speakers/
companies.txt``, from pytickersymbols: see ``scripts/org_gazetteer.py``);
with evidence both ways, or none, its kind stays unknown (``body_kind``). The
name's occurrences are found with ``str.find`` and the patterns matched at
each (a pattern compiled per name would cost more than the stage).
"""
from __future__ import annotations

import re

from .. import lexicon
from . import names as N
from .article import Article
from .occurrences import occurrences

BODY_NOUNS = N.BODY_NOUNS
_MONTHS = frozenset(lexicon.lines(N.D + "months_as_names.txt"))
# listed companies (scripts/org_gazetteer.py): a name the article leaves unclear is a company's if one of these
COMPANIES = frozenset(lexicon.lines(N.D + "companies.txt"))
CORPORATE_SUFFIXES = frozenset(lexicon.lines(N.D + "corporate_suffixes.txt"))
_ATTRIBUTES = lexicon.trie_pattern(sorted(lexicon.words(N.D + "body_attributes.txt")))
_SUFFIXES = lexicon.trie_pattern(sorted(CORPORATE_SUFFIXES))
_BODY_NOUNS = lexicon.trie_pattern(sorted(BODY_NOUNS))

# after the name: something only a body has, its spokesman, its legal form, "which", "it" or "its" as what it said or
# did ("Zenco said it would", "Zenco has cut its prices")
_BODY_AFTER = re.compile(rf"(?:(?:’s|'s)?[ \u00a0](?:{_ATTRIBUTES})\b|[ \u00a0]spokes(?:man|woman|person)\b"
                         rf"|,?[ \u00a0](?:{_SUFFIXES})\b\.?|,[ \u00a0]which\b|,[ \u00a0]whose[ \u00a0](?:{_ATTRIBUTES}|brands)\b"
                         r"|(?:[ \u00a0](?:has|have|had|also|has also))?[ \u00a0]"
                         r"(?:sa(?:id|ys)|told|tells|announce[sd]?|add(?:s|ed)|insist(?:s|ed)|confirm(?:s|ed)|"
                         r"den(?:ies|ied)|claim(?:s|ed)|warn(?:s|ed)|state[sd]|argue[sd]|believe[sd]|expect(?:s|ed))"
                         r"[ \u00a0](?:that[ \u00a0])?its?\b"
                         r"|(?:[ \u00a0][a-z]+){1,3}[ \u00a0]its\b)")
# a singular name with a plural verb ("Rovers have sacked" is British usage for a team or a firm)
_PLURAL_VERB = re.compile(r"[ \u00a0](?:have|are|were)\b")
# before the name: a noun for a kind of body ("software firm Zenco", "the regulator, Ofcom,"), a business phrase, or
# a post in it ("a security manager at Zenco", "chairman of Zenco")
_BODY_BEFORE = re.compile(rf"(?:\b(?:{_BODY_NOUNS}),?|\b(?:shares|stake|stakes|investment) in|\btakeover of"
                          rf"|\bmerger with|\bbid for|\bcustomers of|\bsubsidiary of|\b(?:officer|executive|president|"
                          rf"chairman|chairwoman|director|manager|head|boss|spokes(?:man|woman|person)|founder|owner|"
                          rf"shareholders?|employees?) (?:of|at|for))[ \u00a0]\Z", re.I)
# a description in apposition ends at a comma, a full stop or a preposition: "Zenco, the software firm, said",
# "Tom Hale, an economist at Zenco," ("the firm's chief executive" goes on: its head is "executive")
_APPOSITION = (r",[ \u00a0](?:an?|the|its|his|her)[ \u00a0](?:[\w\-’']+[ \u00a0]){{0,4}}?(?:{})"
               r"(?=[,;.]|[ \u00a0](?:at|of|for|in|with|who|which|and|said|says)\b)")
_BODY_APPOSED = re.compile(_APPOSITION.format(_BODY_NOUNS))
# people's posts: before a name in lower case ("economist Tom Hale"; not "analyst", as in "analyst Zenco", a firm,
# nor "leader": "market leader Zenco"), or in apposition after it ("Tom Hale, an analyst at Zenco,")
_POSTS = (r"economist|strategist|spokes(?:man|woman|person)|chief executive|chairman|chairwoman|director|manager|"
          r"coach|minister|secretary|president|professor|lecturer|researcher|editor|correspondent|reporter|"
          r"founder|lawyer|actor|actress|singer|striker|midfielder|defender|goalkeeper|MP")
_PERSON_APPOSED = re.compile(_APPOSITION.format(_POSTS + "|analyst|expert|official|member|partner|consultant"))
# a person: an honorific or a post before the name; an age, "who", a relative or a personal pronoun as subject just
# after it ("Hale, 34,", "Hale's wife", "Hale said he")
_PERSON_BEFORE = re.compile(rf"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Prof|Professor)\.?|\b(?:{_POSTS}))"
                            r"[ \u00a0]\Z")
# (not "Zenco, whose shares", "whose brands": a body's)
_PERSON_AFTER = re.compile(rf"(?:,[ \u00a0](?:\d{{1,3}},|who\b|whose\b(?![ \u00a0](?:{_ATTRIBUTES}|brands)\b))"
                           r"|(?:’s|'s)[ \u00a0](?:wife|husband|son|daughter|"
                           r"mother|father|brother|sister|family|girlfriend|boyfriend)\b"
                           r"|(?:[ \u00a0][a-z]+){0,2}[ \u00a0](?:he|she|himself|herself)\b)")


class Kinds(Article):
    """A mixin of ``resolver.Resolver``; it calls no other module's rules."""

    def body_kind(self, name: str) -> str | None:
        """"organization" when the article writes ``name`` only as a body's, "person" when only as a person's, None
        when it says neither or both (cached per name)."""
        found = self._kinds.get(name)
        if found is None:
            found = self._kinds[name] = self._body_kind(name) or ""
        return found or None

    def _body_kind(self, name: str) -> str | None:
        L = N.lists()
        first = name.split()[0]
        if first in L["male"] or first in L["female"]:
            return "person"
        if name in _MONTHS or name in L["common"]:
            return None             # "in July, which ...": a month, no body
        text, n = self.text, len(name)
        plural = name.endswith("s")       # "Proponents have": a plural noun, no body
        body = person = False
        for i in occurrences(text, name, overlapping=False):     # (an index: not a scan of the article a name)
            j = i + n
            if (i == 0 or not text[i - 1].isalnum()) and (j >= len(text) or not text[j].isalnum()):
                if _PERSON_BEFORE.search(text, max(0, i - 20), i) or _PERSON_AFTER.match(text, j) \
                        or _PERSON_APPOSED.match(text, j):
                    person = True
                    break
                if not body and (_BODY_AFTER.match(text, j) or _BODY_BEFORE.search(text, max(0, i - 30), i)
                                 or _BODY_APPOSED.match(text, j)
                                 or not plural and _PLURAL_VERB.match(text, j)):
                    body = True
        if person:
            return "person"
        return "organization" if body or name in COMPANIES else None
