"""What the verb around a figure says it measures (``measure.py`` calls these): a change and the level it reached
("shares were up 3% at 250p", "cut rents by 2%", "boost its dividend by 2% to 9%"), a level verb ("the rate was
4.7%"), a verb, its object and the figure ("values the firm at £900m"), what a thing costs ("the kettle costs £45"
-> "kettle price"), and what a duration measures ("jailed for six years" -> "sentence"). Split from measure.py
when it passed 600 lines; the reasons and measured cases are in ``statement.py``'s docstring.
"""
from __future__ import annotations

import re

from ..model import Claim
from .reading import DETERMINERS as _DETERMINERS, PRONOUNS as _PRONOUNS
from .phrases import (COUNT_MEASURES, MODALS, SHARE, head_word, np_left, split_subject, subject_np, tokens_left,
                      verbish)


# units of time: a figure in them that names nothing else measures a time ("after 76 minutes"), the one head the
# measure takes that the text does not write (as "age" for "aged 13")
DURATIONS = frozenset("seconds minutes hours days weeks months years decades centuries".split())


def duration(text: str, low: str, lo: int, toks: list[re.Match], words: list[str], w: dict) -> str:
    """What a duration measures: the noun of the verb before it ("jailed for five years" -> "sentence"), the time
    a verb took ("took 45 hours" -> "time taken"), the time spent at a place ("has been at the club for eight
    years" -> "time at the club"), else "time"."""
    k = len(words) - 1
    if k >= 0 and words[k] in ("for", "to", "over", "after", "in", "within", "during"):
        k -= 1
    verb = words[k] if k >= 0 else ""
    if verb in w["measure_verbs"] and w["measure_verbs"][verb] in ("sentence", "ban", "suspension"):
        return w["measure_verbs"][verb]
    if w["participle_of"].get(verb) == "taken":
        return "time taken"
    if k < len(words) - 1 and words[-1] == "for":
        np = np_left(text, low, lo, toks[-1].start(), w)
        before = past_determiners(low, lo, np[0]) if np else []
        if before and before[-1].group() in ("at", "in", "on", "with") and not text[np[0]].isdigit() and \
                not head_word(text, np).endswith("est"):      # not "at their lowest for 19 years"
            return f"time {text[before[-1].start():np[1]]}"
    return "time"


def level_of(prev: Claim, w: dict) -> str:
    """The measure of the level a change moves: "average asking price" of "average asking price fall"."""
    words = prev.measure.split()
    if len(words) > 1 and words[-1] in w["change_words"]:
        return " ".join(words[:-1])
    return prev.measure


DURATION_PREPS = frozenset("for after over in within during to by from with".split())


def level_to(text: str, low: str, lo: int, toks: list[re.Match], words: list[str], w: dict, counted=None):
    """(measure, subject) of a level after "to": "unemployment fell to 4.7%", "raise output to 200,000",
    "shares surged 4.9% to 583p", "shares were up 2% at 90p"; None."""
    k = len(words) - 2
    by = next((i for i in range(len(words) - 2, max(0, len(words) - 7), -1) if words[i] == "by"), None)
    if by is not None and words[-1] == "to" and words[by - 1] not in w["changes"] and \
            all(x[0].isdigit() or x[0] in "£$€" or x.isalpha() and x not in w["stop"] for x in words[by + 1:-1]):
        obj = object_of_change(text, low, lo, toks[:by + 1], w, level=True)
        if obj:                              # "boost its dividend by 2% to 9%"
            return obj, None
    if k > 1 and words[k].isalpha() and words[k] not in w["changes"] and \
            (words[k - 1][0].isdigit() or words[k - 1] in w["numbers"] and words[k - 2] not in _DETERMINERS):
        k -= 1                               # "closed up 3p| at 190p": the change's figure and its unit
    if (words[k][0].isdigit() or words[k][0] in "£$€" or words[k] in w["numbers"] and
            words[k - 1] not in _DETERMINERS) and k > 0:
        k -= 1                               # "surge 4.9% to 583p": the change's own figure
        if words[k] == "by" and k > 0:
            k -= 1                           # "climbed by 3.1% to 640,000"
    elif words[-1] == "at":
        return None                          # "at" is a level only after a change and its figure
    if words[k] in w["changes"]:
        if words[k] in ("up", "down") and (k < 1 or words[k - 1] == ","):
            return None
        if words[k] in ("up", "down") and (words[k - 1] in w["changes"] or verbish(words[k - 1], w)):
            k -= 1                           # "edged up 3% to 9%", "closed down 3% at 5,120"
        np = subject_np(text, low, lo, before_verb_chain(low, toks, k, w), w)
    else:
        np = np_left(text, low, lo, toks[-1].start(), w)          # "raise output to", "lift turnout to"
        before = tokens_left(low, lo, np[0], 1) if np else []
        if np and before and before[-1].group() in MODALS and low.count(" ", np[0], np[1]):
            np = (low.index(" ", np[0]) + 1, np[1])                  # "would lift| turnout to 70%"
            before = tokens_left(low, lo, np[0], 1)
        past = past_determiners(low, lo, before[-1].end()) if np and before and not counted else []
        if len(past) > 1 and past[-1].group() == "in" and past[-2].group() in w["change_nouns"] | w["change_words"]:
            return split_subject(text, np)   # "a 5% rise in tax revenues to £3bn"
        if past and past[-1].end() < before[-1].end() and (past[-1].group().endswith("ing") or
                                                           verbish(past[-1].group(), w) or
                                                           len(past) > 1 and past[-2].group() in MODALS):
            before = past                    # "swelling its customer base to", "lift its 2006 dividend to"
        if not before or before[-1].group() in w["stop"] or not before[-1].group()[0].isalpha() or \
                head_word(text, np) in w["change_nouns"]:
            return None                      # "in 2004 to 5,000", "a rise to 5%": no level of a noun
    if np and head_word(text, np) in PARTICLES and " " in low[np[0]:np[1]]:
        np = (np[0], low.rindex(" ", np[0], np[1]))           # "cut its debt back| to £90m"
    if np and head_word(text, np) not in w["amounts"]:
        return split_subject(text, np)
    return None


PARTICLES = frozenset("back up down out off away".split())


def up_down(words: list[str], prev: Claim | None, c: Claim, w: dict) -> str | None:
    """What a change by "up" or "down" before the figure measures: "subject" when a subject precedes it ("shares
    were up 2%", "exports down 2%"), the earlier figure's measure after a comma ("profit was £3m, up 5%"), or
    None ("he came down 30 metres")."""
    before = words[-2] if len(words) > 1 else ""
    noun = w["changes"][words[-1]]
    if before == "," and prev is not None and prev.measure and prev.end <= c.start:
        return f"{level_of(prev, w)} {noun}"
    money = c.unit in SHARE or c.unit and len(c.unit) == 3 and c.unit.isupper()
    if before in AUX or before in w["levels"] or before in w["changes"]:
        return "subject"                     # "shares were up 2%"
    if before[:1].isalpha() and before not in w["stop"] and (before in w["measure_verbs"] or not verbish(before, w)) \
            and not before.endswith(("ing", "ed")) and before not in w["months"] and before not in WEEKDAYS:
        return "noun"                        # "exports down 2%", not "ended Monday down 2%", "picking up three"
    return "subject" if money and verbish(before, w) else None      # "the index closed down 2%"


def noun_before(text: str, low: str, lo: int, pos: int, w: dict) -> tuple[int, int] | None:
    """The noun phrase right before ``pos``, or the noun a name there belongs to ("shares in Acme| up 3%")."""
    np = np_left(text, low, lo, pos, w)
    if np and text[np[0]].isupper():
        before = past_determiners(low, lo, np[0])
        if before and before[-1].group() in ("in", "of"):
            outer = np_left(text, low, lo, before[-1].start(), w)
            if outer and not text[outer[0]].isupper() and head_word(text, outer) not in w["amounts"]:
                return outer
    return np


WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def indirect_object(text: str, toks: list[re.Match], words: list[str], w: dict) -> int:
    """The number of words of a name or pronoun between a verb that names its amount and the figure ("cost the
    city| £3m", "awarded Acme| $5m", "cost taxpayers| £2bn"), or 0."""
    for n in (1, 2, 3):
        if len(words) <= n or words[-1 - n] not in w["measure_verbs"]:
            continue
        obj = toks[-n:]
        noun = words[-1].isalpha() and words[-1] not in w["stop"] and not verbish(words[-1], w)
        named = all(t.group() in OBJECTS or text[t.start()].isupper() or t.group() == "the" and i == 0
                    for i, t in enumerate(obj)) and words[-1] != "the"           # "cost the UK", "awarded Acme"
        if named or n == 2 and words[-2] == "the" and noun or n == 1 and noun and words[-1].endswith("s"):
            return n
    return 0


OBJECTS = frozenset("him her them us me you it".split())


# what a sum a thing "costs" is: a price below this (a ticket, a phone: "the game costs £20"), a cost above it and
# whenever someone bears it ("the scheme will cost £5m", "cost the city £3m"); the bound is the project's choice,
# between the dearest goods and the cheapest projects of the BBC corpus
PRICE_BELOW = 100_000


def cost_measure(text: str, low: str, lo: int, toks: list[re.Match], k: int, c: Claim, obj: int, w: dict) -> str:
    """The measure of "X costs FIG": "kettle price", "new bypass cost", or "price"/"cost" when X is a pronoun."""
    noun = "price" if not obj and c.value is not None and c.value < PRICE_BELOW else "cost"
    pos = before_verb_chain(low, toks, k, w)
    rel = tokens_left(low, lo, pos, 2)
    if len(rel) == 2 and rel[-1].group() in ("which", "that"):   # "the coupe(,) which costs £20,000"
        np = np_left(text, low, lo, rel[0].start() if rel[0].group() == "," else rel[-1].start(), w)
    else:
        np = subject_np(text, low, lo, pos, w)
    if np and low[np[0]:np[1]].split()[0] not in _PRONOUNS and head_word(text, np) not in w["amounts"]:
        return f"{split_subject(text, np)[0]} {noun}"
    return noun


def past_determiners(low: str, lo: int, pos: int) -> list[re.Match]:
    """The tokens before ``pos`` past the determiners, possessives and years that open a noun phrase ("lift| its
    2006| dividend")."""
    toks = tokens_left(low, lo, pos, 6)
    while toks and (toks[-1].group() in _DETERMINERS or toks[-1].group().endswith(("’s", "'s")) or
                    re.fullmatch(r"\d{4}", toks[-1].group())):
        toks.pop()
    return toks


def object_of_change(text: str, low: str, lo: int, toks: list[re.Match], w: dict, level: bool = False) -> str | None:
    """The measure of a change by a figure whose verb has an object: "cut taxes by £4bn" -> "taxes cut", "boost
    its dividend by 27%" -> "dividend rise"; with ``level`` the object alone (the level it reached: "raise
    taxes by 2% to 20%" -> "taxes"); None."""
    np = np_left(text, low, lo, toks[-1].start(), w)
    if np is None or head_word(text, np) in w["amounts"] or text[np[0]].isupper() or head_word(text, np).endswith("ly"):
        return None
    first = low[np[0]:np[1]].split()[0]
    if " " in low[np[0]:np[1]] and first.endswith("ing") and change_noun(first, w):
        return (text[np[0] + len(first) + 1:np[1]] if level else
                f"{text[np[0] + len(first) + 1:np[1]]} {change_noun(first, w)}")    # "cutting rents by"
    before = past_determiners(low, lo, np[0])
    noun = change_noun(before[-1].group(), w) if before else None
    if noun is None:
        return None
    return text[np[0]:np[1]] if level else f"{text[np[0]:np[1]]} {noun}"


def verb_object_at(text: str, low: str, lo: int, toks: list[re.Match], w: dict) -> str | None:
    """The measure of "VERB NP at/for FIG" where the verb names the amount ("values the brewery at £90m" -> "value of
    the brewery", "bought the plant for $40m" -> "purchase price of the plant") or sets a level ("put the damage at
    £2m" -> "damage"); None."""
    np = np_left(text, low, lo, toks[-1].start(), w)
    if np is None or head_word(text, np) in w["amounts"]:
        return None
    before = past_determiners(low, lo, np[0])
    verb = before[-1].group() if before else ""
    phrase = text[before[-1].end():np[1]].strip() if before else ""
    head = head_word(text, np)
    if f"{head} {toks[-1].group()}" in w["levels"] or head.endswith("ing") or len(before) > 1 and \
            (before[-2].group() in _DETERMINERS or before[-2].group().endswith(("’s", "'s", "s'"))):
        return None                          # "the fine stands at", "value standing at", "the firm's value"
    if f"{verb} {toks[-1].group()}" in w["levels"] or verb in w["levels"]:     # "put ... at", "estimated ... at"
        return None if text[np[0]].isupper() else split_subject(text, np)[0]
    noun = w["measure_verbs"].get(f"{verb} {toks[-1].group()}") or w["measure_verbs"].get(verb)
    if noun is None or noun in COUNT_MEASURES or noun == "workforce":
        return None
    return f"{noun} of {phrase}" if len(phrase.split()) <= 3 and not text[np[0]].isupper() else noun


def change_noun(verb: str, w: dict) -> str | None:
    """The noun of a change verb, also of a form of it the lexicon gives only in the past ("raise", "raises" ->
    "raised"), which a verb with an object and "by" shows is a verb; None."""
    if verb in ("up", "down"):
        return None
    for form in (verb, verb + "d", verb[:-1] + "d", verb + "ed", verb[:-1] + "ed"):
        if form in w["changes"]:
            return w["changes"][form]
    return None


def level_verb(words: list[str], w: dict) -> int | None:
    """The index of a level verb right before the figure ("was", "stood at", "likely to be in the region of"), not
    an auxiliary of another verb ("was jailed for| six years")."""
    for k in range(len(words) - 1, max(-1, len(words) - 4), -1):
        if words[k] not in w["levels"] and words[k].isalpha() and verbish(words[k], w) and words[k].endswith("ed") \
                and (k == len(words) - 1 or k == len(words) - 2 and words[-1] in DURATION_PREPS):
            return None
        two = " ".join(words[k - 1:k + 1]) if k else ""
        if two in w["levels"]:
            return k - 1
        if words[k] in w["levels"]:
            return k
    return None


AUX = frozenset("could would will may might can should must is was are were be been being has have had do does did "
                 "to not also still now already further sharply slightly steadily likely expected set due just "
                 "only thought said believed reported reportedly understood estimated".split())


def before_verb_chain(low: str, toks: list[re.Match], k: int, w: dict) -> int:
    """Where the verb at ``toks[k]`` and its auxiliaries ("could be cut") begin."""
    while k > 0 and toks[k - 1].group() in AUX:
        k -= 1
    return toks[k].start() if toks else 0
