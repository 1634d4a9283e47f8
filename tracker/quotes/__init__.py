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

A quote whose sentence names nobody (a continued quotation, "…, but added:
“…”", "…, saying …") gets ``continues`` = the index of the quote it goes on
from, and the speaker mention *of that quote* (as written, with its offsets
in the earlier sentence): the attribution then holds without coreference,
and the speakers stage sees one mention per speech.

>>> from tracker.segment import segment
>>> text = 'The minister said: “We will win.” Critics said the plan was "doomed".'
>>> [(q.kind, q.content, q.speaker_mention) for q in find_quotes(text, segment(text))]
[('direct', 'We will win.', 'The minister'), ('mixed', 'the plan was "doomed"', 'Critics')]
"""
from __future__ import annotations

import re

from ..model import Quote, Sentence
from .attribution import attribute

__all__ = ["find_quotes"]

# what may dangle at the end of a reported clause cut before a nested speaker
_DANGLING = re.compile(r"(?:[\s,;:–—-]+|\b(?:what|which|that|as|and|but|or|how|the|a|an)\b)+$", re.I)


def find_quotes(text: str, sentences: list[Sentence]) -> list[Quote]:
    """The quotes of an article, in text order; boilerplate sentences are skipped."""
    quotes = attribute(text, [s for s in sentences if not s.boilerplate])
    _leave_nested_quotations_to_their_speaker(text, quotes)
    return quotes


def _leave_nested_quotations_to_their_speaker(text: str, quotes: list[Quote]) -> None:
    """A reported clause ends where another speaker's quotation begins.

    "Mr Johnson has asked for options against what Downing Street has called
    “growing Russian aggression”": the words in marks are Downing Street's, so
    Mr Johnson's indirect quote stops before "what Downing Street".
    """
    for outer in quotes:
        if outer.kind == "direct":
            continue
        for inner in quotes:
            if (inner is not outer and inner.kind == "direct" and inner.speaker_start is not None
                    and outer.start < inner.speaker_start and inner.end <= outer.end
                    and inner.speaker_mention != outer.speaker_mention):
                end = outer.start + len(_DANGLING.sub("", text[outer.start:inner.speaker_start]))
                if end > outer.start:
                    outer.end, outer.content = end, text[outer.start:end]
                    if outer.kind == "mixed" and not any(ch in outer.content for ch in "\"“”‘’'"):
                        outer.kind = "indirect"
                break
