"""Inputs that once hung the extractor, and the rewrites that keep each step linear (or n log n).

Each rewrite is checked against the loop it replaced (kept here as the specification) on random input,
and timed on input where the old loop took minutes.
"""
import random
import re
import time
from copy import deepcopy

import pytest

from tracker.extract import attach_claims_to_quotes, extract
from tracker.model import Claim, Document, Quote
from tracker.quotes import _leave_nested_quotations_to_their_speaker, _strip_dangling
from tracker.quotes.marks import quoted_spans

OLD_DANGLING = re.compile(r"(?:[\s,;:–—-]+|\b(?:what|which|that|as|and|but|or|how|the|a|an)\b)+$", re.I)


def timed(f, *args):
    """``f(*args)`` and the CPU seconds it took (a CPU timer: a busy machine does not make a test fail)."""
    started = time.process_time()
    out = f(*args)
    return out, time.process_time() - started


def test_strip_dangling_does_what_the_regex_did():
    rng = random.Random(5)
    pieces = [" ", "  ", ",", ";", ":", "–", "—", "-", "\n", "\u00a0", "what", "What", "THE", "a", "an", "as",
              "that", "but", "or", "how", "which", "and", "plan", "data", "thea", "the_", "x", "(", "“", "9", "é"]
    for _ in range(3000):
        s = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randrange(0, 8)))
        assert _strip_dangling(s) == OLD_DANGLING.sub("", s), repr(s)


def test_a_long_run_of_dashes_before_a_nested_quotation_is_quick(monkeypatch):
    # each extra " -" made the old pattern four times slower: 12 of them took 30 s, this would take years
    # (the storing floors lifted: the reading is checked; the model rates the dashed row too low to store)
    from tracker.quotes import confidence
    monkeypatch.setattr(confidence, "FLOOR", 0.0)
    monkeypatch.setattr(confidence, "INDIRECT_FLOOR", 0.0)
    text = ("The mayor asked for a review" + " -" * 40 + " of what the council has called “a broken system”.")
    ex, took = timed(extract, Document(text=text))
    assert took < 1.0
    assert [(q.kind, q.content) for q in ex.quotes] == [
        ("indirect", "for a review" + " -" * 40 + " of"), ("direct", "a broken system")]


def old_attach(found_claims, found_quotes):
    for claim in found_claims:
        for qi, q in enumerate(found_quotes):
            if q.start <= claim.start and claim.end <= q.end:
                claim.quote, claim.speaker = qi, q.speaker
                break


def spans(rng, n, width, length):
    out = []
    for _ in range(n):
        start = rng.randrange(0, length)
        out.append((start, start + rng.randrange(0, width)))
    return out


def test_claims_are_attached_to_the_first_quote_around_them_as_before():
    rng = random.Random(7)
    for _ in range(300):
        quotes = [Quote(kind="direct", content="", start=s, end=e, sentence_idx=0, speaker=rng.choice([None, 0, 1]))
                  for s, e in spans(rng, rng.randrange(0, 12), 40, 100)]
        claims = [Claim(kind="quantity", text="", start=s, end=e, sentence_idx=0) for s, e in spans(rng, 10, 8, 110)]
        expected = deepcopy(claims)
        old_attach(expected, quotes)
        attach_claims_to_quotes(claims, quotes)
        assert [(c.quote, c.speaker) for c in claims] == [(c.quote, c.speaker) for c in expected]


def test_attaching_claims_is_not_quadratic():
    quotes = [Quote(kind="direct", content="", start=10 * i, end=10 * i + 8, sentence_idx=0) for i in range(20000)]
    claims = [Claim(kind="quantity", text="", start=10 * i + 1, end=10 * i + 3, sentence_idx=0) for i in range(20000)]
    _, took = timed(attach_claims_to_quotes, claims, quotes)      # all pairs: 4e8 tests, minutes
    assert took < 1.0 and all(c.quote == i for i, c in enumerate(claims))


def old_nested(text, quotes):
    for outer in quotes:
        if outer.kind == "direct":
            continue
        for inner in quotes:
            if (inner is not outer and inner.kind == "direct" and inner.speaker_start is not None
                    and outer.start < inner.speaker_start and inner.end <= outer.end
                    and inner.speaker_mention != outer.speaker_mention
                    and not (outer.cue_start is not None and outer.cue_start >= inner.speaker_end)):
                end = outer.start + len(OLD_DANGLING.sub("", text[outer.start:inner.speaker_start]))
                if end > outer.start:
                    outer.end, outer.content = end, text[outer.start:end]
                    if outer.kind == "mixed" and not any(ch in outer.content for ch in "\"“”‘’'"):
                        outer.kind = "indirect"
                break


def random_quotes(rng, text):
    out = []
    for _ in range(rng.randrange(0, 10)):
        s = rng.randrange(0, len(text) - 1)
        e = min(len(text), s + rng.randrange(1, 40))
        kind = rng.choice(["direct", "direct", "mixed", "indirect"])
        q = Quote(kind=kind, content=text[s:e], start=s, end=e, sentence_idx=0)
        if rng.random() < 0.8:
            q.speaker_start = rng.randrange(0, len(text) - 1)
            q.speaker_end = q.speaker_start + rng.randrange(1, 5)
            q.speaker_mention = rng.choice(["Jane Doe", "the mayor", "He"])
        if rng.random() < 0.7:
            q.cue_start = rng.randrange(0, len(text))
        out.append(q)
    return out


def test_nested_quotations_are_left_to_their_speaker_as_before():
    rng = random.Random(11)
    text = "The mayor said that the plan, what critics call “a waste”, and the budget - as ever - were fine. " * 2
    for _ in range(2000):
        quotes = random_quotes(rng, text)
        expected = deepcopy(quotes)
        old_nested(text, expected)
        _leave_nested_quotations_to_their_speaker(text, quotes)
        assert quotes == expected


def test_nested_quotations_are_not_quadratic():
    text = "x" * 200_000
    quotes = []
    for i in range(10000):      # a reported clause, and inside it another speaker's quotation, ten thousand times
        quotes.append(Quote(kind="indirect", content="", start=20 * i, end=20 * i + 15, sentence_idx=0,
                            speaker_mention="Jane Doe", speaker_start=20 * i, speaker_end=20 * i + 2))
        quotes.append(Quote(kind="direct", content="", start=20 * i + 10, end=20 * i + 14, sentence_idx=0,
                            speaker_mention="John Roe", speaker_start=20 * i + 5, speaker_end=20 * i + 8))
    _, took = timed(_leave_nested_quotations_to_their_speaker, text, quotes)
    assert took < 1.0 and all(q.end == q.start + 5 for q in quotes[::2])


@pytest.mark.parametrize("unit", ["'a' “b” ", "‘a’ "])
def test_pairing_single_quotation_marks_is_linear(unit):
    # each single mark's candidate closers were copied out of the list, and each pair tested against every
    # double-quoted stretch: 100 KB of "'a' “b” " took 34 s
    text = (unit * 25000)[:100_000]
    found, took = timed(quoted_spans, text, [(0, len(text))])
    assert took < 1.0 and len(found) == 25000


@pytest.mark.parametrize("unit", ['"', '"a" '])
def test_a_long_run_of_quotation_marks_is_quick(unit):
    # 100 KB of '"' took 106 s: a word before each quotation of a unit was searched for from the unit's start
    text = (unit * 100_000)[:100_000]
    _, took = timed(extract, Document(text=text))
    assert took < 1.0


def test_the_name_index_finds_what_find_finds():
    """tracker.speakers.occurrences answers as a find loop does (overlapping or not) and as rfind does, on an
    article long enough to be indexed, for names at word starts, inside words, overlapping and absent."""
    from tracker.speakers.occurrences import LONG, last_before, occurrences

    rng = random.Random(11)
    words = ["Hale", "Halen", "McHale", "Ann", "Annan", "AnnAnn", "the", "said", "Zenco", "Zen", "Ha", "BBC", ",", "."]
    text = " ".join(rng.choice(words) for _ in range(LONG // 3))
    assert len(text) >= LONG
    for s in ["Hale", "Ann", "AnnAnn", "Zenco Hale", "Zen", "Ha", "BBC", "Nobody", "ale", "Hale said"]:
        finds, i = [], text.find(s)
        while i >= 0:
            finds.append(i)
            i = text.find(s, i + 1)
        apart, i = [], text.find(s)
        while i >= 0:
            apart.append(i)
            i = text.find(s, i + len(s))
        assert list(occurrences(text, s)) == finds, s
        assert list(occurrences(text, s, overlapping=False)) == apart, s
        for end in (0, 3, 100, len(text) // 2, len(text)):
            assert last_before(text, s, end) == text.rfind(s, 0, end), (s, end)
