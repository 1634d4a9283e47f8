"""The extraction core: ``extract(document) -> Extraction``, pure, no I/O.

The pipeline, one module per stage:

    segment (sentences, boilerplate) -> quotes (cue, speaker mention, content)
    -> speakers (who each mention is) -> claims (quantities, comparisons)
    -> checkworthy (which sentences a fact-checker should look at)
"""
from __future__ import annotations

from . import checkworthy, claims, quotes, speakers
from .model import Document, Extraction
from .segment import segment


def extract(document: Document) -> Extraction:
    text = document.text
    has_headline = bool(document.title) and text.lstrip().startswith(document.title)
    sentences = segment(text, has_headline=has_headline or None)
    found_quotes = quotes.find_quotes(text, sentences)
    people = speakers.resolve(text, sentences, found_quotes)
    found_claims = claims.find_claims(text, sentences)
    attach_claims_to_quotes(found_claims, found_quotes)
    checkworthy.score(sentences, found_claims, text)
    return Extraction(document=document, sentences=sentences, quotes=found_quotes,
                      claims=found_claims, speakers=people)


def attach_claims_to_quotes(found_claims, found_quotes) -> None:
    """A claim inside a quote's content is made by the quote's speaker."""
    for claim in found_claims:
        for qi, q in enumerate(found_quotes):
            if q.start <= claim.start and claim.end <= q.end:
                claim.quote, claim.speaker = qi, q.speaker
                break
