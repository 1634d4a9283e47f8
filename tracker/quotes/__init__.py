"""Quotes: direct, mixed and indirect speech with cue, speaker mention and content.

    find_quotes(text, sentences) -> list[Quote]

The pipeline, one module per role (as BBC R&D's Citron separates them):

* ``marks``: pairs quotation marks over the article (curly, straight,
  doubled apostrophes, nested single marks, apostrophes, unmatched marks,
  quotations running over several paragraphs).
* ``cues``: the reporting-verb lexicon (``data/cues/``) in every inflection.
* ``frames`` (this package's ``attribution`` module): around each cue, the
  speaker's noun phrase (before the cue, or after it in "…, said Smith"),
  the content (the quotation, or the reported clause) and the kind.

Quoted text is masked out before cues and speakers are looked for, so a
quotation's own words are never taken for its frame. A quotation with no cue
of its own continues the speaker of the quotation just before it (the next
sentence or paragraph of the same speech); short quoted phrases with no cue
are scare quotes, nicknames and titles, and are not quotes.

>>> from tracker.segment import segment
>>> text = 'The minister said: “We will win.” Critics said the plan was "doomed".'
>>> [(q.kind, q.content, q.speaker_mention) for q in find_quotes(text, segment(text))]
[('direct', 'We will win.', 'The minister'), ('mixed', 'the plan was "doomed"', 'Critics')]
"""
from __future__ import annotations

from ..model import Quote, Sentence
from .attribution import attribute

__all__ = ["find_quotes"]


def find_quotes(text: str, sentences: list[Sentence]) -> list[Quote]:
    """The quotes of an article, in text order; boilerplate sentences are skipped."""
    return attribute(text, [s for s in sentences if not s.boilerplate])
