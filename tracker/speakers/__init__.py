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
  to); "I" outside quotation marks the writer an op-ed's closing line
  names, "we" never; the "A:" of an interview's answer the one person its
  headline names;
- anonymous and generic sources ("a Downing Street spokeswoman",
  "officials") become speakers of kind generic with their affiliation, never
  a named person;
- kinds: a name no list knows is a body's or a person's by what the article
  writes around it ("Zenco shares", "software firm Zenco", "Mr Zenco"), or a
  listed company's; "the firm" is the one body quoted or named lately; UK
  parties ("the Tories", "Labour") are bodies; a peer is named by title
  ("Lord Falconer"); the one spoken to ("told the BBC") and the tail of a
  figure ("000 members") are no speakers.

``key(speaker)`` is the cross-article identity the store links on (None:
never link this speaker to another article's): people by folded name, bodies
by their name without legal form, spaces or case, generic sources by noun and
affiliation.

How the package is built: one module per decision, each opening with what
it decides and the measured reason its rules exist.

- ``names``: what a run of capitalised words reads as (a person's name and
  title, a body); ``runs``: where such a run is cut (pure, no article);
- ``article``: one article's state and the lookups every rule shares;
- ``roster``: the people the article names in full; ``people``: which of
  them (or which bare surname) a name as written denotes;
- ``mentions``: what a quote's speaker mention is and which reading
  resolves it; ``bodies``, ``anonymous``, ``titles`` and ``epithets`` resolve
  descriptions ("the campaign", "a spokesman", "the defence secretary", "the
  candidate");
- ``subjects``: the names of a sentence and which is its subject;
  ``window``: who the sentences before a mention talk about; ``pronouns``,
  ``relatives`` and ``writer`` resolve "he", "it", "they", "who", "I";
- ``interviews``: the "A:" of an interview's answer; ``recipients``: the
  mentions that are no speaker ("told the BBC");
- ``kinds``: whether a name is a body's or a person's, from the article;
- ``resolver``: every quote of an article, in order (``resolve``);
- ``identity``: ``key``, the cross-article identity the store links on.

The rules call one another both ways: a pronoun's window holds the people a
sentence refers to by title ("the admiral chuckled"), a title nobody holds
falls back on the window ("the candidate"), "his campaign" resolves "his",
and "who" resolves the phrase before it as a mention of its own. So the
rule modules are mixins of one per-article class (``article.Article``), put
together in ``resolver.Resolver``, rather than functions over a context
object: a call between them stays ``self.rule(...)``, the same bound-method
call as in one class (no hook or late import to break the import cycles
that functions calling each other across modules would make, and no extra
indirection on the hot path): over the BBC corpus the stage makes the same
calls as the single module did (1,405,507 against 1,404,779: two shared
helpers) in the same time (ratio 1.001, timed article by article in turn
with the single-module version). A module imports from another only
constants and pure functions, never to call its rules; each mixin's
docstring names the rules of other modules it calls.

A new rule goes into the module of its decision, its word lists into
``data/speakers/`` with a header, and its figures into the module's
docstring; ``scripts/dead_rules.py tracker/speakers`` lists what no article
exercises.
"""
from __future__ import annotations

from .identity import key
from .resolver import resolve

__all__ = ["resolve", "key"]
