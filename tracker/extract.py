"""The extraction core: ``extract(document) -> Extraction``, pure, no I/O.

The pipeline, one module per stage:

    segment (sentences, boilerplate) -> quotes (cue, speaker mention, content)
    -> speakers (who each mention is) -> claims (quantities, comparisons)
    -> checkworthy (which sentences a fact-checker should look at)

An exception inside a stage comes out as ``StageError`` naming the stage, so
that the caller can record which stage failed for which article.
"""
from __future__ import annotations

from . import checkworthy, claims, quotes, speakers
from .claims.dating import date_claims
from .model import Document, Extraction
from .segment import segment


class StageError(Exception):
    """A stage of the pipeline raised ``error`` (also the ``__cause__``)."""

    def __init__(self, stage: str, error: BaseException):
        super().__init__(f"{stage}: {type(error).__name__}: {error}")
        self.stage, self.error = stage, error


def extract(document: Document) -> Extraction:
    text = document.text
    stage = "segment"
    try:
        has_headline = bool(document.title) and text.lstrip().startswith(document.title)
        sentences = segment(text, has_headline=has_headline or None)
        stage = "quotes"
        found_quotes = quotes.find_quotes(text, sentences)
        stage = "speakers"
        people = speakers.resolve(text, sentences, found_quotes)
        stage = "claims"
        found_claims = claims.find_claims(text, sentences)
        date_claims(found_claims, document.published)
        attach_claims_to_quotes(found_claims, found_quotes)
        stage = "checkworthy"
        checkworthy.score(sentences, found_claims, text)
    except Exception as e:
        raise StageError(stage, e) from e
    return Extraction(document=document, sentences=sentences, quotes=found_quotes,
                      claims=found_claims, speakers=people)


def attach_claims_to_quotes(found_claims, found_quotes) -> None:
    """A claim inside a quote's content is made by the quote's speaker (the first such quote in the list).

    A sweep over the claims in order of start, keeping the quotes that have started and not yet ended:
    linear in the numbers of claims and quotes (plus the nesting depth), where trying every quote for
    every claim took minutes on a long article.
    """
    if not found_claims or not found_quotes:
        return
    by_start = sorted(range(len(found_quotes)), key=lambda qi: found_quotes[qi].start)
    open_quotes: list[int] = []
    nxt = 0
    for claim in sorted(found_claims, key=lambda c: c.start):
        while nxt < len(by_start) and found_quotes[by_start[nxt]].start <= claim.start:
            open_quotes.append(by_start[nxt])
            nxt += 1
        # a quote that ends before this claim starts ends before every later claim's end
        open_quotes = [qi for qi in open_quotes if found_quotes[qi].end >= claim.start]
        inside = [qi for qi in open_quotes if claim.end <= found_quotes[qi].end]
        if inside:
            qi = min(inside)
            claim.quote, claim.speaker = qi, found_quotes[qi].speaker
