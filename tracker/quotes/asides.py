"""Asides and appositions between a speaker and its cue: "Hugh Hill, a doctor at the clinic, said", "Jo Sims
— a teacher from Salem — says", "Ann M. Lowe (D-Ore.) said", "Ms Rana, whose first company, Tillwise, sells
seeds, said".

The speaker is the phrase before the aside, when the aside holds no clause of its own ("Currently, the firm
is losing money, says Mr Dean" has none: bb21558). An appositive description after a name leaves the name
speaking ("Ann Lee, head of the Tenants Union, which filed the suit, said": 6e0375c, found on a blind
held-out set). Asides with commas of their own are read back in one walk over the commas (``_before_asides``):
to a relative pronoun, which leads to the phrase before it ("Ms Rana, whose first company, Tillwise, sells
seeds, said", bb21558), or to the phrase that opens the clause ("Mr. Dale, 74 and living in Salem,
Ore., said", 01459e3), past an opening adverbial ("Moreover, Jo Sachs, an economist, said"). These were two
mechanisms (a token scan for ", who" and a walk over commas); one walk now, which finds the speaker of
"Then came Jo Marsh, who, after a long day, said" too: 3 more PolNeAR quotes, PolNeAR attribution F1 the
same (0.663). Dashes hold an aside the same way (6c6150b).
"""
from __future__ import annotations

from .phrases import np_backward
from .reading import MASK, Back
from .words import Lexicon


def speaker_before(lx: Lexicon, B: Back, b0: int):
    """(start, end, None) of the speaker before the aside that ends at B[b0] (a dash, a comma or a closing
    bracket right before the cue), None if there is none; the caller reads B[b0] as no aside otherwise."""
    w0 = B[b0][2]
    if w0 in ("–", "—"):
        return _before_dashes(lx, B, b0, w0)
    if w0 == ",":
        return _before_commas(lx, B, b0)
    return _before_brackets(lx, B, b0)


def _before_dashes(lx: Lexicon, B: Back, b0: int, dash: str):
    """An aside between dashes: "Jo Sims — a teacher from Salem — says"."""
    b = b0 + 1
    while B.has(b) and b - b0 <= 16 and B[b][2] != dash and B[b][2][0] != MASK and B[b][2] not in ";:,":
        b += 1
    if not B.has(b + 1) or B[b][2] != dash or not B[b + 1][2][:1].isupper():
        return None
    k = np_backward(lx, B, b + 1)
    if k is None or not B[k][2][:1].isupper():
        return None
    return B[k][0], B[b + 1][1], None


def _before_commas(lx: Lexicon, B: Back, b0: int):
    """An appositive or an aside between commas: "Hugh Hill, a doctor at the clinic, said"."""
    b = b0 + 1
    while B.has(b) and b - b0 <= 16 and B[b][2] != "," and B[b][2][0] != MASK and B[b][2] not in ";:":
        b += 1
    if not B.has(b + 1) or B[b][2] != ",":
        return None
    if _clause_between(lx, B, b0, b):
        # "Currently, the firm is losing money, says Mr Dean": a clause between the commas, no aside
        # (unless a relative clause holds it: "Ms Rana, whose company, Tillwise, is growing, said")
        return _before_asides(lx, B, b, None, clause=True)
    k = np_backward(lx, B, b + 1)
    if k is None or not _opens_clause(B, k):
        # "“…,” Mr. Dale, 74 and living in Salem, Ore., said": an aside with commas of its own;
        # the speaker is further back
        further = _before_asides(lx, B, b, None if k is None else (B[k][0], B[b + 1][1], None))
        if further is not None:
            return further
    if k is None:
        return None
    if k == b + 1 and B[k][2].endswith("ly") and B[k][2][:1].isupper():
        return None                     # "Currently, ..., says": an adverb, no speaker
    if B[k][2][:1].islower() and B.has(k + 2) and B[k + 1][2] == "," and B[k + 2][2][:1].isupper():
        # "Ann Lee, head of the Tenants Union, which filed the suit, said": the description is in
        # apposition to the name before it, which speaks
        k2 = np_backward(lx, B, k + 2)
        if k2 is not None and B[k2][2][:1].isupper() and B[k2][2].lower() not in lx.time and \
                (not B.has(k2 + 1) or B[k2 + 1][2].lower() in lx.coordinator or B[k2 + 1][2] in _CLAUSE_MARKS):
            return B[k2][0], B[k + 2][1], None
    return B[k][0], B[b + 1][1], None


def _before_brackets(lx: Lexicon, B: Back, b0: int):
    """A bracket after a name: "Ann M. Lowe (D-Ore.) said"."""
    b = b0
    while B.has(b) and B[b][2] != "(":
        b += 1
    if not B.has(b + 1) or b - b0 > 12:
        return None
    k = np_backward(lx, B, b + 1)
    if k is None:
        return None
    return B[k][0], B[b0][1], None


# the marks that may stand before a subject at the start of its clause ("But Ann Lee, head of ...", "; Ann Lee")
_CLAUSE_MARKS = frozenset((",", ";", ":", "—", "–", "(", "."))


def _clause_between(lx: Lexicon, B: Back, b0: int, b: int) -> bool:
    """Do the words between two commas (B[b-1] first, B[b0+1] last) make a clause of their own: a finite
    verb before any relative pronoun ("the firm is losing money", but not "a doctor who is retiring")?"""
    if B[b - 1][2].lower() in lx.subordinator:
        return False                            # "Hale, as he has in the past, opposed": an aside
    for j in range(b - 1, b0, -1):
        x = B[j][2].lower()
        if x in lx.relative_aside or x == "that":
            return False
        if x in lx.finite:
            return True
    return False


def _opens_clause(B: Back, k: int) -> bool:
    """Does the phrase whose first token is B[k] open the unit or follow a quotation ("“…,” Smith, …")?"""
    before = B.word(k + 1)
    return not before or before[0] == MASK or before == "," and B.word(k + 2)[:1] == MASK


def _before_asides(lx: Lexicon, B: Back, b: int, found, clause: bool = False):
    """(start, end, None) of the speaker before asides that hold commas of their own, read back from the
    comma B[b] across up to three more commas, with no quotation, semicolon or colon between; else None.
    At each comma: a relative pronoun right after it opens an aside about the phrase before it, which
    speaks ("Ms Rana, whose first company, Tillwise, sells seeds, said"); a phrase before it that opens the
    clause speaks ("Mr. Dale, 74 and living in Salem, Ore., said"), unless it is an opening adverbial
    ("Moreover, Jo Sachs, an economist, said"), which leaves the phrase after it (``found``, then each
    phrase read) as the speaker. ``clause``: the words between the last two commas are a clause, whose
    subject the phrase opening the sentence is: only a relative pronoun leads past them. A relative
    pronoun leads only across a short aside with no full stop (30 tokens: past "Mr." or "U.S." the walk
    took the subject of a main verb: "Ana, his aunt, who ran the shop on St. Mark's Road, made tea, or
    cake, told …")."""
    start, dotted = b, False
    for _ in range(3):
        b += 1
        while B.has(b) and b <= 40 and B[b][2] != "," and B[b][2][0] != MASK and B[b][2] not in ";:":
            dotted = dotted or B[b][2] == "."
            b += 1
        if not B.has(b + 1) or B[b][2] != ",":
            return None
        k = np_backward(lx, B, b + 1)
        opening = B[b - 1][2].lower()           # the first word after the comma
        if opening in lx.relative_aside and b <= start + 31 and not dotted:
            return None if k is None else (B[k][0], B[b + 1][1], None)
        if k is not None and not clause and _opens_clause(B, k):
            first = B[k][2].lower()
            if first in lx.opener or first in lx.stop or first in lx.time or first in lx.clause_adverb \
                    or first in lx.negation or first.endswith(("ly", "ing")) or first.isdigit():
                return found                     # (a digit: "… on Dec. | 4, Col. Hale, …", a sentence split)
            return B[k][0], B[b + 1][1], None
        found = None if k is None else (B[k][0], B[b + 1][1], None)
    return None
