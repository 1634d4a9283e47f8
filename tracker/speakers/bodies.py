"""Which body a mention names: a body's name or metonym, "the campaign", "the newspaper", plural bodies.

A body is an entity of kind organization named by its canonical name
(``names.org_canonical``: "No 10" is Downing Street, "Moscow" Russia). A
description whose head is a word for a body is:

- several bodies when plural, with capitals before it ("Six Gannett
  newspapers in New Jersey": a group; with "they" for a group just quoted,
  speakers-dev gold mentions 0.885 right / 0.012 wrong);
- "his campaign": the campaign of the person "his" denotes; "the campaign"
  the campaign the article last named, or the one "his campaign" stood for
  there (3 PolNeAR speakers, all right);
- "the newspaper", "the paper": the publication quoted last, within the last
  few sentences; "the Global Times tabloid": the publication named before
  its kind;
- "the firm", "the charity": the one body the recent sentences name, the
  headline's capitals aside ("TV debate urged ..." names no body TV): BBC
  corpus 11 speakers found, 10 right, the other the right body under a
  description for a name ("Paris-based group"); quotes1 1 found, right;
- an acronym the article spells out ("General Motors (GM)") is the body by
  its full name, so that its row links with other articles' (BBC corpus:
  155 speakers renamed, GM, IMF, ONS ...; 4071 speaker rows -> 4062); an
  acronym never spelled out stays itself; "Team Trump", where the article
  names a Trump in full, is the Trump campaign (speakers-dev: one split row
  joined; BBC corpus unchanged);
- "the committee", "the council", "Police" with no such body quoted before:
  the body the article last named with that head ("the Commons science and
  technology committee", "of Thames Valley Police"; quotes2 0.679 -> 0.726);
- "the papers", "both newspapers": the two publications the article last
  named together, as one group (quotes1 0.828 -> 0.852).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from . import names as N
from .article import Article, Entity
from .runs import SIMPLE_RUN, cut_at_sentence_end

_PERSON_POSSESSIVES = lexicon.words(N.D + "possessive_determiners.txt")
_NAMED_CAMPAIGN = re.compile(r"(?:((?:[A-Z][\w\-]{1,60} ){0,12}[A-Z][\w\-]{1,60})(?:’s|'s|’|')?|\b([Hh]is|[Hh]er)) [Cc]ampaign\b")

# the head of a description of a publication, and the words that make a body's name one
# what goes on after a head noun that is no whole mention ("the bank's", "the bank of")
_COMPLEMENT = re.compile(r"(?:’s|'s|’|')|[ \u00a0](?:of|in|for|at)\b")
# a name as a clause's subject: "Standard Life has", "Zenco said"
_SUBJECT_VERB = re.compile(r"(?:’s|'s)?[ \u00a0](?:has|have|had|is|was|are|were|will|would|said|says|announced|added|"
                           r"reported|posted|made|wants|plans|expects)\b")
# an acronym ("GM", "NHTSA"), and the small words a body's name may hold between its capitalised ones
_ACRONYM = re.compile(r"[A-Z]{2,7}")
_NAME_JOINERS = frozenset(("of", "for", "and", "the", "on", "in", "&"))
_PRESS_HEADS = lexicon.words(N.D + "press_nouns.txt")
_PRESS_NAME = re.compile(rf"\b(?:{lexicon.trie_pattern(lexicon.lines(N.D + 'press_name_words.txt'))})\b")


@lru_cache(maxsize=256)
def _named_with_head(head: str) -> re.Pattern:
    """"the Commons science and technology committee", "the Arts Council": "the", a capitalised word, a few more
    words (no stop, no clause word, no second article: "The Green leader also blamed the council" names no
    council) and the head noun, in either case."""
    # (or, without "the", capitalised words and the head capitalised: "of Thames Valley Police"; not a title's
    # modifier, "Metropolitan Police Commissioner Tom Hale")
    return re.compile(r"(?<![\w\-])(?:[Tt]he[ \u00a0]([A-Z][\w’'\-]*(?:[ \u00a0](?!(?:who|which|that|said|says|the|a|an|also|has|have|had|is|was|were|are)\b)"
                      r"[\w’'\-]+){0,5}?)[ \u00a0](?i:" + re.escape(head) + r")|((?:[A-Z][\w’'\-]*[ \u00a0]){1,4})"
                      + re.escape(head.capitalize()) + r"(?![ \u00a0][A-Z]))(?![\w\-])")


@lru_cache(maxsize=64)
def _with_word(word: str) -> re.Pattern:
    """A name of capitalised words (small joining words between them) holding ``word``: "Reserve Bank of
    Australia", "Bank of England"."""
    cap, join = r"[A-Z][\w&’'\-]*", r"(?:of|for|and|on|the|de)"
    return re.compile(rf"(?<![\w\-])(?:{cap}[ \u00a0](?:{join}[ \u00a0])?)*{re.escape(word)}"
                      rf"(?:[ \u00a0](?:{join}[ \u00a0])?{cap}(?![\w\-]))*(?!\w)")


# two names joined by "and" ("the Sunday Herald and the Daily Post")
_TWO_NAMES = re.compile(r"(?<![\w\-])[Tt]he[ \u00a0]((?:[A-Z][\w\-]*[ \u00a0]?){1,4}?)[ \u00a0]and[ \u00a0](?:the[ \u00a0])?"
                        r"((?:[A-Z][\w\-]*[ \u00a0]?){0,3}[A-Z][\w\-]*)")


class Bodies(Article):
    """A mixin of ``resolver.Resolver``; it calls body_kind (kinds); personal, pronoun (pronouns); persons (roster)."""

    def org_entity(self, words: str) -> Entity:
        canon = N.org_canonical(words)
        if canon is None:
            canon = re.sub(r"^(?:the|a|an)\s+", "", words.strip(), flags=re.I)
            canon = N.strip_possessive(canon)
            if _ACRONYM.fullmatch(canon):
                canon = self.spelled_out(canon) or canon
            elif canon.startswith("Team ") and " " not in canon[5:] and self.persons(canon[5:]):
                canon = canon[5:] + " campaign"     # "Team Trump", where the article names Donald Trump
        ident = "o:" + canon.lower()
        return self.entity(ident, lambda: Entity(canon, "organization", ident))

    def described_body(self, words: tuple[str, ...], head: str, det: str, caps: tuple[str, ...],
                       pos: int) -> Entity | None:
        """A description whose head is a word for a body ("the campaign", "his campaign", "the Global Times
        tabloid"), or its plural after capitals ("Six Gannett newspapers")."""
        L = N.lists()
        if head not in L["org_words"]:
            # "Six Gannett newspapers in New Jersey": several bodies quoted together
            name = " ".join(N.strip_possessive(w) for w in caps) + " " + head
            ident = "g:" + name.lower()
            return self.entity(ident, lambda: Entity(name, "group", ident))
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
        if det in ("the", "this", "that") or len(words) == 1 and L["generic"].get(head):
            # (and "Police said", opening a sentence: the police force the article named, as "the police")
            return self.recent_org(head, pos, len(words))
        return None

    def spelled_out(self, acronym: str) -> str | None:
        """The name the article spells an acronym out as, "General Motors (GM)": the capitalised words before the
        bracket whose initials are the acronym's letters, so that "GM said" is General Motors' row (and links
        with other articles' General Motors); None when the article does not spell it out."""
        i = self.text.find(f"({acronym})")
        if i < 0:
            return None
        words = self.text[max(0, i - 150):i].split()
        for k in range(len(words) - 1, -1, -1):
            w = words[k]
            if not (w[:1].isupper() or w in _NAME_JOINERS) or w.endswith((",", ".", ";", ":")):
                break
            name = words[k:]
            initials = "".join(x[0] for x in name if x[:1].isupper()).upper()
            if initials == acronym.upper() and name[0][:1].isupper():
                return N.strip_possessive(" ".join(name))
        return None

    def recent_org(self, head: str, pos: int, words_said: int = 2) -> Entity | None:
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
        if best is None and head not in N.BODY_NOUNS and head not in _PRESS_HEADS and words_said <= 2:
            best = self.named_body(head, pos)       # ("the local party" may be another one than it named)
        if best is None and head in N.BODY_NOUNS and head not in _PRESS_HEADS and not head.endswith("s"):
            # "the firm said": the one body quoted or named lately (not "the Bank of England's committee": there
            # the words read so far are no whole mention)
            end = self.lower().find(head, pos)
            return None if end < 0 or _COMPLEMENT.match(self.text, end + len(head)) else self.recent_body(pos)
        if best is None and head in _PRESS_HEADS:
            # "the conservative-leaning newspaper": the publication quoted last, if within the last few sentences
            recent = self.recent_start(pos)
            # (the body quoted last: a publication by its name, or a name of unknown kind like "Orlando Sentinel")
            best = next((e for p, e in reversed(self.mentions) if p < pos and e.kind in ("organization", "unknown")),
                        None)
            if best is not None and (self.last_org_mention(best, pos) < recent
                                     or best.kind == "organization" and not _PRESS_NAME.search(best.name)):
                best = None
        return best

    def named_body(self, head: str, pos: int) -> Entity | None:
        """"the committee", "the council": the body the article last named with that head outside quotation
        marks, capitals and all ("the Commons science and technology committee", "the Arts Council"), when no
        body quoted before has it."""
        found = None
        for m in _named_with_head(head).finditer(self.text, 0, pos):
            if not self.in_quote(m.start()):
                found = m
        if found is None:
            return None
        g = 1 if found.group(1) is not None else 2
        return self.org_entity(found.group(g) + self.text[found.end(g):found.end()])

    def named_with_word(self, word: str, pos: int) -> Entity | None:
        """"The Bank", "the Commission": the body the article last named before ``pos`` with that capitalised word in
        its name ("the Bank of England", "the European Commission", "the Hallam Film Institute"), outside
        quotation marks; None when it named none."""
        found = None
        for m in _with_word(word).finditer(self.text, 0, pos):
            if not self.in_quote(m.start()) and m.group().strip() != word:
                found = m
        if found is None:
            return None
        name = re.sub(r"^(?:The|A|An)[ \u00a0]+", "", found.group())
        return self.org_entity(N.strip_possessive(name)) if name != word else None

    def press_pair(self, pos: int) -> Entity | None:
        """"the papers", "both newspapers": the two publications the article last named together ("the Sunday
        Herald and Daily Post"), as one group; None when it named no such pair."""
        found = None
        for m in _TWO_NAMES.finditer(self.text, 0, pos):
            if all(_PRESS_NAME.search(n) for n in m.groups()) and not self.in_quote(m.start()):
                found = m
        if found is None:
            return None
        name = f"{found.group(1)} and {found.group(2)}"
        ident = "g:" + name.lower()
        return self.entity(ident, lambda: Entity(name, "group", ident))

    def recent_body(self, pos: int) -> Entity | None:
        """"the firm", "the regulator": the one body (not a country, a government building or an outlet) that the
        sentences since ``recent_start`` quote or name outside quotation marks; None when they name several."""
        lo = self.recent_start(pos)
        found = {e.ident: e for p, e in self.mentions if lo <= p < pos and e.kind == "organization"
                 and not e.anonymous and N.org_canonical(e.name) is None}
        # (not the headline's capitals: "TV debate urged for party chiefs" names no body TV)
        for m in SIMPLE_RUN.finditer(self.text, max(lo, self.headline_end()), pos):
            if self.in_quote(m.start()) or m.start() and self.text[m.start() - 1].isalnum():
                continue
            nm = N.read(cut_at_sentence_end(m.start(), m.group())[1])      # ("Monday. The State Department")
            if nm is None or N.org_canonical(nm.text) is not None or nm.text.lower() in N.BODY_NOUNS:
                continue
            L = N.lists()
            if nm.kind == "organization" and all(w[:1].isupper() for w in nm.name):
                if _PRESS_NAME.search(nm.text):
                    continue            # "told the Daily Post": an outlet is no firm of the story
                e = self.org_entity(nm.text)
            elif nm.kind == "person" and len(nm.name) <= 3 and not nm.title and not nm.given_gender \
                    and nm.name[0] not in L["male"] and nm.name[0] not in L["female"] and nm.text not in L["places"]:
                if self.body_kind(nm.text) != "organization" or self.persons(nm.sur):
                    if _SUBJECT_VERB.match(self.text, m.end()) or self.text.endswith(("from ", "by "), 0, m.start()):
                        # a name of no known kind doing something ("Standard Life has", "a statement from Lycos
                        # Europe") may be the one meant as well
                        return None
                    continue
                e = self.org_entity(nm.text)
            else:
                continue
            found[e.ident] = e
            if len(found) > 1:
                return None
        return next(iter(found.values())) if found else None

    def last_org_mention(self, e: Entity, pos: int) -> int:
        return max((p for p, m in self.mentions if m is e and p < pos), default=-1)
