"""Cue lexicon: reporting verbs in every inflection, compiled into one regex.

The verbs live in ``data/cues/*.txt`` (base form, then irregular forms);
this module generates the regular inflections and builds a single pattern
whose alternatives share prefixes (a trie), so that a scan of a whole article
costs one pass of the regex engine rather than one test per verb.
"""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon

SPEECH, THOUGHT = "speech", "thought"
_VOWELS = set("aeiou")


def inflect(base: str) -> set[str]:
    """The regular forms of a verb: base, -s, -ed, -ing (over-generating is harmless:
    a form that is not a word never occurs in text)."""
    forms = {base}
    if re.search(r"(s|sh|ch|x|z|o)$", base):
        forms.add(base + "es")
    elif re.search(r"[^aeiou]y$", base):
        forms.add(base[:-1] + "ies")
    else:
        forms.add(base + "s")
    if base.endswith("e"):
        forms.add(base + "d")
        forms.add(base[:-2] + "ying" if base.endswith("ie") else base[:-1] + "ing")
        if base.endswith(("ee", "ye", "oe")):
            forms.add(base + "ing")
    elif re.search(r"[^aeiou]y$", base):
        forms.add(base[:-1] + "ied")
        forms.add(base + "ing")
    else:
        forms.add(base + "ed")
        forms.add(base + "ing")
        # consonant doubling after a short vowel (admit -> admitted, quip -> quipped)
        if len(base) >= 3 and base[-1] not in _VOWELS | set("wxy") and base[-2] in _VOWELS:
            forms.add(base + base[-1] + "ed")
            forms.add(base + base[-1] + "ing")
    return forms


def _entries(name: str) -> dict[str, str]:
    """form -> base form, for the verbs of one data file (phrasal verbs keep their particle)."""
    out: dict[str, str] = {}
    for line in lexicon.lines(name):
        if line.startswith("="):
            # "= backed backing backs": exactly these forms (the base form is too ambiguous)
            words = line[1:].split()
            for w in words[1:]:
                out[w] = words[0]
            continue
        phrase, _, irregular = line.partition("|")
        words = phrase.split()
        if not words:
            continue
        head, particle = words[0], " ".join(words[1:])
        base = " ".join(words)
        for f in inflect(head) | set(irregular.split()):
            out[f + (" " + particle if particle else "")] = base
    return out


@cache
def verbs() -> dict[str, tuple[str, str]]:
    """form -> (base form, class); speech wins where a verb is in both files."""
    table = {f: (b, THOUGHT) for f, b in _entries("cues/thought.txt").items()}
    table.update({f: (b, SPEECH) for f, b in _entries("cues/speech.txt").items()})
    return table


@cache
def nominal_pattern() -> str:
    """Regex for "in a statement", "on Twitter", "at a rally" and the like after a verb."""
    groups: dict[str, list[str]] = {}
    for line in lexicon.lines("cues/nominal.txt"):
        prep, _, noun = line.partition(":")
        groups.setdefault(prep.strip(), []).append(noun.strip())
    det = r"(?:a|an|the|his|her|their|its|this|that|one|several|two|an? \w+|the \w+|his \w+|her \w+|their \w+)"
    parts = []
    for prep, nouns in groups.items():
        alt = lexicon.trie_pattern(nouns)
        if prep == "on":
            parts.append(rf"on (?:{alt})\b")
        else:
            parts.append(rf"{prep} {det} (?:\w+ )?(?:{alt})s?\b(?: (?:with|to|on|at|in) (?:the )?(?:[A-Z][\w’'.-]*(?: |$))+)?")
    return "(?:" + "|".join(parts) + ")"
