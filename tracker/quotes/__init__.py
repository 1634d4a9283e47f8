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
are scare quotes, nicknames and titles, and are not quotes. In an interview
printed as questions and answers ("Q: ..." / "A: ..."), each answer is a
direct quote whose speaker mention is its "A".

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

import heapq
import re
from bisect import bisect_right

from ..model import Quote, Sentence
from ..segment import is_headline
from . import confidence, gate
from .attribution import attribute
from .relayed import held_against, relayed

__all__ = ["find_quotes"]

# what may dangle at the end of a reported clause cut before a nested speaker: separators and these words
_DANGLING_MARKS = frozenset(",;:–—-")
_DANGLING_WORDS = frozenset("what which that as and but or how the a an".split())


def _strip_dangling(s: str) -> str:
    """``s`` without the separators and dangling words ("what", "that", "the" ...) it ends with.

    Read from the right, one separator or one whole word at a time: linear in what is stripped. (A regex
    doing the same, ``(?:[\\s,;:–—-]+|\\b(?:what|...)\\b)+$``, nests quantifiers and took minutes on a
    sentence with a long run of spaces or dashes.)
    """
    end = len(s)
    while end:
        ch = s[end - 1]
        if ch.isspace() or ch in _DANGLING_MARKS:
            end -= 1
            continue
        start = end
        while start and (s[start - 1].isalnum() or s[start - 1] == "_"):     # a word as \b sees it
            start -= 1
        if start == end or s[start:end].lower() not in _DANGLING_WORDS:
            break
        end = start
    return s[:end]


def find_quotes(text: str, sentences: list[Sentence]) -> list[Quote]:
    """The quotes of an article, in text order; boilerplate sentences and the headline are skipped."""
    headline = _has_headline(text, sentences)
    quotes = attribute(text, [s for s in sentences if not s.boilerplate and not (headline and s.paragraph == 0)])
    _leave_nested_quotations_to_their_speaker(text, quotes)
    answers = _interview_answers(text, sentences)
    if answers:
        merged = quotes + answers
        order = sorted(range(len(merged)), key=lambda i: merged[i].start)
        where = {old: new for new, old in enumerate(order)}
        quotes = [merged[i] for i in order]
        for q in quotes:                    # (a continued quote points at its quote's new place)
            if q.continues is not None:
                q.continues = where[q.continues]
    _speak_before_their_cue(text, quotes)
    quotes = _without(quotes, relayed(text, quotes))
    held_against(text, quotes)
    quotes = _clear_attributions(text, quotes)
    confidence.score(quotes)
    # precision first: a row the confidence model gives less than FLOOR, its speaker neither a name nor a
    # relative pronoun (which a name may resolve), is no clear attribution ("…, the perhaps expected crowds"),
    # nor is an indirect row under INDIRECT_FLOOR whose speaker is no relative pronoun ("England sought a
    # second opinion"; "the firm, which has denied any wrongdoing" stays) and whose verb of speech does not
    # open its clause plainly ("they replied that …" stays)
    return _without(quotes, [q.confidence is not None and (
        q.confidence < confidence.FLOOR and confidence.mention_kind(q.speaker_mention) not in ("name", "relative")
        or q.kind == "indirect" and q.confidence < confidence.INDIRECT_FLOOR
        and confidence.mention_kind(q.speaker_mention) != "relative" and not confidence.plain_report(q))
        for q in quotes])


_BETWEEN_QUOTATIONS = re.compile(r"[\s\"“”‘’'«»]*")


def _speak_before_their_cue(text: str, quotes: list[Quote]) -> None:
    """A quotation with no speaker that runs straight into the next quotation of its paragraph, which names
    one, is that speaker's: the paragraphs of one speech were run together and the cue came with the
    second ("“The game matters. ”If we lose, we go out,” he said."; on 150 BBC corpus articles outside the
    annotated sets, 6 such openings were lost). The mention is the one of the quote after it."""
    order = sorted(range(len(quotes)), key=lambda i: quotes[i].start)
    for i, j in zip(order, order[1:]):
        q, n = quotes[i], quotes[j]
        if q.kind == "direct" and q.speaker_mention is None and q.continues is None and n.kind == "direct" \
                and n.speaker_mention is not None and "\n" not in text[q.end:n.start] \
                and _BETWEEN_QUOTATIONS.fullmatch(text, q.end, n.start):
            q.speaker_mention, q.speaker_start, q.speaker_end = n.speaker_mention, n.speaker_start, n.speaker_end


def _clear_attributions(text: str, quotes: list[Quote]) -> list[Quote]:
    """The quotes without the reported-speech rows that are no clear attribution (``gate``, dropped as
    ``_without`` drops), the reported clauses of the others ended before a second clause of narration
    (``gate.trim``)."""
    drop = [gate.drop_reason(q, text) is not None for q in quotes]
    for q, d in zip(quotes, drop):
        if not d:
            gate.trim(q)
    return _without(quotes, drop)


def _without(quotes: list[Quote], drop: list[bool]) -> list[Quote]:
    """The quotes not marked in ``drop``; a quote that continued a dropped one keeps the speaker mention it
    copied and continues what that one continued."""
    if not any(drop):
        return quotes
    kept = [q for q, d in zip(quotes, drop) if not d]
    where = {i: n for n, i in enumerate(i for i, d in enumerate(drop) if not d)}
    for q in kept:
        c = q.continues
        while c is not None and drop[c]:
            c = quotes[c].continues
        q.continues = None if c is None else where[c]
    return kept


def _has_headline(text: str, sentences: list[Sentence]) -> bool:
    """Is the first paragraph the article's headline (one short line before the body, as ``segment``
    decides, that does not end as a sentence does)? A headline states no attribution of its own ("Firm recalls cars", "Minister says no"): it
    sums up one that the body reports, and annotators leave headlines out."""
    if not sentences or sentences[0].paragraph != 0 or sentences[-1].paragraph == 0:
        return False
    end = sentences[0].end
    for x in sentences:
        if x.paragraph:
            break
        end = x.end
    first = text[sentences[0].start:end].rstrip()
    # (a short first paragraph that ends as prose does is a lede, when the input gave no title)
    return is_headline(first, True) and first[-1:] not in ".!?…”\"’'»:"


# an interview printed as questions and answers: "Q: ..." and "A: ..." paragraphs ("QWhy?" when the layout
# lost the colon)
_QUESTION = re.compile(r"^Q(?:[:.][ \t]+|(?=[A-Z]))", re.M)
_ANSWER = re.compile(r"^A[:.][ \t]+(?=\S)", re.M)


def _interview_answers(text: str, sentences: list[Sentence]) -> list[Quote]:
    """Each answer of a question-and-answer interview is a direct quote of the interviewee, its mention the
    "A" that opens it (the speakers stage finds who that is). Two questions and two answers at least."""
    if "\nA" not in text or ("\nQ" not in text and not text.startswith("Q")) or len(_QUESTION.findall(text)) < 2:
        return []               # (the two str tests spare the pattern's scan of nearly every article)
    found = list(_ANSWER.finditer(text))
    if len(found) < 2:
        return []
    starts = [s.start for s in sentences]
    out = []
    for m in found:
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        content = text[m.end():end].rstrip()
        if not content:
            continue
        si = max(0, bisect_right(starts, m.end()) - 1)
        out.append(Quote(kind="direct", content=content, start=m.end(), end=m.end() + len(content),
                         sentence_idx=sentences[si].idx if sentences else 0, speaker_mention="A",
                         speaker_start=m.start(), speaker_end=m.start() + 1))
    return out


def _leave_nested_quotations_to_their_speaker(text: str, quotes: list[Quote]) -> None:
    """A reported clause ends where another speaker's quotation begins.

    "Mr Johnson has asked for options against what Downing Street has called
    “growing Russian aggression”": the words in marks are Downing Street's, so
    Mr Johnson's indirect quote stops before "what Downing Street".

    For each reported clause, the first direct quote in the list whose speaker mention starts after the
    clause's start and that ends within it. The candidates come from the direct quotes sorted by end (those
    ending inside the clause) and from a sweep over the clauses by start (those ending before the clause
    whose speaker comes after its start): no pass over every pair of quotes.
    """
    directs = sorted((i for i, q in enumerate(quotes) if q.kind == "direct" and q.speaker_start is not None),
                     key=lambda i: quotes[i].end)
    if not directs:
        return
    ends = [quotes[i].end for i in directs]
    outers = sorted((i for i, q in enumerate(quotes) if q.kind != "direct"), key=lambda i: quotes[i].start)
    straddling: list[tuple[int, int]] = []     # heap of (speaker_start, index): ended, speaker not yet passed
    k = 0
    for oi in outers:
        outer = quotes[oi]
        while k < len(directs) and ends[k] <= outer.start:
            heapq.heappush(straddling, (quotes[directs[k]].speaker_start, directs[k]))
            k += 1
        while straddling and straddling[0][0] <= outer.start:
            heapq.heappop(straddling)
        candidates = [i for _, i in straddling]
        candidates += directs[k:bisect_right(ends, outer.end, lo=k)]
        for ii in sorted(candidates):
            inner = quotes[ii]
            if (ii != oi and outer.start < inner.speaker_start and inner.end <= outer.end
                    and inner.speaker_mention != outer.speaker_mention
                    and not (outer.cue_start is not None and outer.cue_start >= inner.speaker_end)):
                # (not when the outer speaker reports the whole after it: "“…,” Smith said, according to the Post")
                end = outer.start + len(_strip_dangling(text[outer.start:inner.speaker_start]))
                if end > outer.start:
                    outer.end, outer.content = end, text[outer.start:end]
                    if outer.kind == "mixed" and not any(ch in outer.content for ch in "\"“”‘’'"):
                        outer.kind = "indirect"
                break
