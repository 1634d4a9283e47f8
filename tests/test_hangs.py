"""Inputs that once hung the extractor, and the rewrites that keep each step linear (or n log n).

Each rewrite is checked against the loop it replaced (kept here as the specification) on random input,
and timed on input where the old loop took minutes.
"""
import random
import time
from copy import deepcopy

from tracker.extract import attach_claims_to_quotes
from tracker.model import Claim, Quote


def timed(f, *args):
    started = time.perf_counter()
    out = f(*args)
    return out, time.perf_counter() - started


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
