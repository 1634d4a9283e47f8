"""What the statement and the measure readers share: tokens, determiners, pronouns and time phrases."""
from __future__ import annotations

import re

from .lexicons import trie_pattern, word_list

TOKEN = re.compile(r"[\w£$€¥%][\w’'.%&/-]*|[^\w\s]")
DETERMINERS = frozenset("the a an this that these those its their his her our my your some any each every no "
                         "another such what which".split())
PRONOUNS = frozenset("it he she they we i you this that there who which these those one".split())
MONTHS = word_list("months")
_SEASONS = "spring|summer|autumn|fall|winter"
_UNITS = "years?|months?|weeks?|days?|quarters?|decades?|centuries|century|seasons?|half|hours?"
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many)"


def _period_pattern() -> re.Pattern:
    month = "(?:" + trie_pattern(MONTHS) + r")\.?"
    when = (rf"(?:(?:early|mid|late)[\s-]+)?(?:{month}(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\d{{4}}(?:[-/]\d{{2,4}})?s?|"
            rf"(?:the\s+)?(?:(?:first|second|third|fourth|last|final|next|past|previous|coming|same|current|"
            rf"following|latest)\s+)?(?:{_NUM}\s+)?(?:(?:financial|fiscal|calendar|tax|academic)\s+)?(?:{_UNITS})"
            rf"(?:\s+(?:of\s+)?(?:\d{{4}}|{month}))?|(?:the\s+)?(?:{_SEASONS})(?:\s+(?:of\s+)?\d{{4}})?|"
            rf"the\s+(?:\d{{4}}|{month})[\w\s-]{{0,12}}?(?:season|quarter|period|year|financial\s+year))")
    # every phrase starts with a letter or a digit: "\b(?=\w)" tries its branches at the start of a word only, not
    # at its end too (the scan of the BBC corpus's sentences 1,460M -> 1,140M instructions)
    return re.compile(
        rf"\b(?=\w)(?:(?:in|during|since|by|from|until|till|for|over|throughout|through|to|before|after|as\s+of|"
        rf"(?:at|by|until)\s+the\s+(?:end|start|beginning)\s+of|on)\s+{when}|"
        rf"(?:last|this|next)\s+(?:{_UNITS}|{_SEASONS}|{month}|week(?:end)?)(?:[’']s)?|"
        rf"{_NUM}\s+(?:{_UNITS})\s+(?:earlier|ago|before|later|previously)|"
        rf"(?:a|one)\s+year\s+(?:earlier|ago|before)|(?:the\s+)?previous\s+(?:{_UNITS})|"
        rf"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|yesterday|"
        rf"in\s+\d{{4}}(?:[-/]\d{{2,4}})?)(?![\w-])")


PERIOD = _period_pattern()
# every time phrase holds a month, a unit or a season of ``PERIOD``, a weekday, "yesterday" or four digits
_PERIOD_WORDS = set(MONTHS) | {re.sub(r"s\?$", "", u) for u in _UNITS.split("|")} | set(_SEASONS.split("|")) | \
    {"week", "yesterday"}
_PERIOD_WORDS = tuple(sorted(w for w in _PERIOD_WORDS if not any(k != w and k in w for k in _PERIOD_WORDS)))  # "day" of "monday"
_FOUR_DIGITS = re.compile(r"\d{4}")


def may_hold_period(low: str, start: int, end: int) -> bool:
    """False when ``PERIOD`` finds nothing from ``start`` to ``end`` of ``low``: none of the words one of its
    phrases holds is written there (as part of a word or not), nor four digits. Over half the sentences of
    the BBC corpus have none; the scan of a sentence with ``PERIOD`` tries its many branches at every word."""
    seg = low[start:end]
    return any(w in seg for w in _PERIOD_WORDS) or _FOUR_DIGITS.search(seg) is not None
