"""Mentions that are no speaker: the one spoken to, and the tail of a number.

The quote finder sometimes takes for a speaker the words right after the cue,
or a stretch that starts inside a figure. Measured on the BBC corpus:

- the one spoken to: "X told the BBC", "told BBC News", "told Associated
  Press": 20 quotes had the outlet or the audience after "told" as their
  speaker (issue 14: the BBC is not the speaker); a mention right after
  "told" or "telling" is never resolved;
- the tail of a number: "000 members" (from "290,000 members"), "100m
  analysts", "22bn ministers" were speakers; a mention that starts inside a
  figure, or with a figure and its unit, is never resolved;
- the subject of a report's or a claim's "that" clause ("Reports that Tom
  Hale is planning an election have been denied"): quotes1 had such a
  sentence as Tony Blair's mixed quote.
"""
from __future__ import annotations

import re

_TOLD = re.compile(r"\b(?:told|telling|tell|tells)[ \u00a0]+\Z")
# a noun for a report or a claim and "that": what follows is the report's claim, not the speech of its subject
# ("Reports that Tom Hale is planning an election")
_CLAIM_THAT = re.compile(r"\b(?:[Rr]eports?|[Cc]laims?|[Ss]uggestions?|[Ss]peculation|[Rr]umou?rs?|[Aa]llegations?)"
                         r"[ \u00a0]+that[ \u00a0]+\Z")
_FIGURE = re.compile(r"(?<![\d.,])\d[\d.,]*(?:m|bn|k|p|pc)\b")       # a figure and its unit ("100m"; not "98 senators")


def not_a_speaker(text: str, start: int, mention: str) -> bool:
    """Is the mention at ``start`` the one spoken to, or part of a figure, rather than who speaks?"""
    if _TOLD.search(text, max(0, start - 10), start):
        return True             # "X told the BBC": the BBC is spoken to
    if text.endswith("that ", 0, start) and _CLAIM_THAT.search(text, max(0, start - 20), start):
        return True             # "Reports that Tom Hale is planning ...": the reports' claim, not his words
    if start >= 2 and text[start - 1] in ",." and text[start - 2].isdigit():
        return True             # "290,000 members": the mention starts inside a figure
    return _FIGURE.match(mention) is not None     # "100m analysts", "22bn ministers"
