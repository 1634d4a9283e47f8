"""Every compiled pattern of the tracker package, fed hostile text: no search or match may take long.

The patterns are collected from every module (pkgutil), at module level and inside module-level dicts,
lists, tuples, sets and simple objects. Each runs ``search`` and ``match`` on 20 KB runs of spaces,
dashes, quotation marks, capitals, digits, commas ... (and the same with a character at the end that
makes a match fail there), under a CPU-time budget of 0.2 s a call. A pattern that needs more is
catastrophic (nested quantifiers) or quadratic (a run rescanned from every start).
"""
from __future__ import annotations

import importlib
import pkgutil
import random
import re
import signal
from pathlib import Path

import pytest

import tracker

BUDGET = 0.2        # CPU seconds a call (a CPU timer: a busy machine does not make a pattern fail)
SIZE = 20_000
# (the runs most patterns fail on first: an xfail then costs one budget, not the passing inputs before it)
UNITS = [" ", "\n", "A", "1", "-", "'", "Aa ", "A ", "A-", "Mr ", " -", '"', "“", "”", ",", ", ", "a", "1.", "1,",
         "a-", "A. ", "said ", "%", "$1", "'s "]
_rng = random.Random(2)
INPUTS = {}
for u in UNITS:
    INPUTS[f"{u!r} x 20 KB"] = (u * (SIZE // len(u) + 1))[:SIZE]
    INPUTS[f"{u!r} x 20 KB, then '!'"] = (u * (SIZE // len(u) + 1))[:SIZE - 1] + "!"
INPUTS["mixed"] = "".join(_rng.choice(UNITS) for _ in range(SIZE))[:SIZE]

# Patterns that cannot be linear under ``search`` and keep their meaning, with why. Every other pattern is: a run of
# whitespace a pattern begins with starts where the run starts ("(?<!\s)\s+", "(?:(?<!\s)|(?!\s))\s*": a search
# no longer rescans the run from each of its characters; the patterns are matched after a word, never inside a
# run), a run of a word's letters is bounded ({0,60}: no word is longer) or starts where the word starts, when the
# pattern is matched at the start of a string only, and a run of names is bounded (at most 21 names).
UNBOUNDED = {
    # the text from one name to the next, up to ", and": words and spaces of any length, so no lookbehind nor bound
    # can keep its meaning; it is only ever matched (speakers/subjects.py), over the stretch between two names of a
    # sentence, once a name: linear in the sentence
    "tracker.speakers.subjects._COORDINATED": "search on 'A' x 20 KB",
}


def _patterns(value, depth=0):
    if isinstance(value, re.Pattern):
        yield value
    elif depth < 2 and isinstance(value, dict):
        for v in value.values():
            yield from _patterns(v, depth + 1)
    elif depth < 2 and isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            yield from _patterns(v, depth + 1)
    elif depth < 1 and hasattr(value, "__dict__") and not isinstance(value, type) and \
            type(value).__module__.startswith("tracker"):
        for v in vars(value).values():
            yield from _patterns(v, depth + 1)


def module_patterns() -> dict[str, re.Pattern]:
    """Every pattern, by the module and name it is defined under (not those it is imported under)."""
    found: dict[int, tuple[str, re.Pattern]] = {}
    for info in pkgutil.walk_packages(tracker.__path__, "tracker."):
        module = importlib.import_module(info.name)
        source = Path(module.__file__).read_text(encoding="utf-8")
        for name, value in vars(module).items():
            defined_here = re.search(rf"^{re.escape(name)}\b[^=\n]*=", source, re.M) is not None
            for p in _patterns(value):
                if id(p) not in found or defined_here:
                    found[id(p)] = (f"{info.name}.{name}", p)
    return {name: p for name, p in sorted(found.values(), key=lambda x: x[0])}


PATTERNS = module_patterns()


class TooSlow(BaseException):
    pass


def _stop(signum, frame):
    raise TooSlow()


def slowest(pattern: re.Pattern) -> str | None:
    """The first (input, operation) that takes more than the budget, or None."""
    old = signal.signal(signal.SIGPROF, _stop)
    try:
        for name, text in INPUTS.items():
            for op in (pattern.search, pattern.match):
                signal.setitimer(signal.ITIMER_PROF, BUDGET)
                try:
                    op(text)
                except TooSlow:
                    return f"{op.__name__} on {name}"
                finally:
                    signal.setitimer(signal.ITIMER_PROF, 0)
    finally:
        signal.signal(signal.SIGPROF, old)
    return None


def test_the_patterns_are_found():
    assert len(PATTERNS) > 100
    assert "tracker.quotes._QUESTION" in PATTERNS and "tracker.quotes.marks._DOUBLE" in PATTERNS


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(reason=f"{n}: {UNBOUNDED[n]}", strict=True)) if n in UNBOUNDED else n
    for n in PATTERNS])
def test_no_pattern_takes_long_on_hostile_text(name):
    assert slowest(PATTERNS[name]) is None
