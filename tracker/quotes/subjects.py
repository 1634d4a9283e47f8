"""Who speaks, read from the text before a cue or from the start of its clause.

``subject_before`` reads the speaker's noun phrase backwards from a cue: a pronoun, a relative pronoun's
antecedent ("Ann Cole, who said": the pronoun is the mention, its antecedent delimits the clause,
0de9529), past time words ("the mayor on Monday said") and asides (``asides``). ``clause_subject`` reads the
subject that opens a clause forwards, for a cue that has none of its own (", saying …"), past a dateline
("SALEM —", 7b71a18), an opening adverb or conjunction ("Then he …", 4b8f80b) and an opening phrase ("In a
statement, …"). A document does not speak: "The two firms issued a statement urging …" is the
firms' (d5e2d10), and a thing ("The vote stalled after the mayor left the room, calling it a farce")
leaves a participle to the subject of the clause it follows (dfb2bbd).
"""
from __future__ import annotations

import re

from . import asides
from .phrases import np_backward, np_forward
from .reading import Back, is_word, last_word, skip_space, tokens
from .words import Lexicon, lex


def subject_before(lx: Lexicon, m: str, lo: int, hi: int, B: Back | None = None):
    """(start, end, relative-mark) of the speaker noun phrase ending at ``hi``, or None."""
    if B is None:
        B = Back(m, max(lo, hi - 240), hi)
    if not B.has(0):
        return None
    s, e, w = B[0]
    lw = w.lower()
    if lw in lx.subject:
        return s, e, None
    if lw in lx.relative:
        # "Russia – which has denied …": the speaker is the phrase before the relative pronoun
        b = 1
        mark = None
        if B.word(b) in (",", "–", "—", "("):
            mark = B[b][2]
            b += 1
        if not is_word(B.word(b)):
            return None
        k = np_backward(lx, B, b)
        if k is None or lw == "that" and mark is None:
            return None
        return B[k][0], B[b][1], mark or ","
    # skip when/where words between subject and cue: "Hale on Monday said"
    b = 0
    n = 0
    ago = lw == "ago"
    while B.has(b) and n < (7 if ago else 4):
        x = B[b][2].lower()
        if not (x in lx.time or _YEAR.fullmatch(x) or x in lx.time_phrase
                or ago and (x in lx.det or x.isdigit() or x in lx.ago_phrase)):
            break
        b += 1
        n += 1
    b0 = 0
    if n and is_word(B.word(b)) and B.word(b).lower() not in lx.stop:
        b0 = b
    w0 = B[b0][2]
    if w0 in ("–", "—", ",", ")"):
        return asides.speaker_before(lx, B, b0)
    if not is_word(w0):
        return None
    if w0.lower() in lx.subject:
        return B[b0][0], B[b0][1], None
    k = np_backward(lx, B, b0)
    if k is None:
        return None
    return B[k][0], B[b0][1], None


_YEAR = re.compile(r"(?:19|20)\d\d")


def antecedent(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the noun phrase a relative pronoun at text[start:end] refers to ("Chris Murphy, who"),
    as the speaker of a frame is read; None if there is none."""
    found = subject_before(lex(), text, max(0, start - 240), end)
    if found is None or found[2] is None or found[1] > start:
        return None
    return found[0], found[1]


_COORDINATED_AFTER = re.compile(r",\s+(?:and|or)\s+[^,;:]*,\s*$")
_NAME_AFTER_CUE = re.compile(r"(?<!\w)\w+\s+[A-Z]")


def cue_subject(lx: Lexicon, m: str, us: int, cue_s: int, B: Back, ing: bool):
    """(start, end, relative-mark) of the speaker of the cue at ``cue_s``, read backwards (``B``), or None:
    the issuer of a document ("The board issued a statement warning …"), and no phrase after a
    preposition ("in a statement credited …")."""
    subj = subject_before(lx, m, us, cue_s, B)
    if subj is not None and not subj[2] and m[subj[0]].islower() and _COORDINATED_AFTER.match(m, subj[1], cue_s) \
            and _NAME_AFTER_CUE.match(m, cue_s):
        # "… trams and buses, and bicycles too, said Mark Owen": a phrase coordinated after the noun between
        # commas is no apposition of a speaker; the cue is inverted, its speaker follows it
        return None
    if subj is not None and not subj[2] and m[subj[0]].islower() \
            and last_word(m, subj[0], subj[1]).lower() in lx.document:
        issuer = document_issuer(lx, m, us, subj[0], subj[1])
        if issuer is not None:
            subj = issuer[0], issuer[1], None
    if subj is not None and not subj[2] and not ing and m[subj[0]:subj[1]].lower() not in lx.subject:
        pw = m[max(us, subj[0] - 12):subj[0]].split()[-1:]
        if pw and pw[0].lower() in lx.preposition and pw[0].lower() != "despite":
            subj = None                     # "in a statement credited …": not a subject (see the data file)
    return subj


# a dateline opening a story: a city in capitals ("JACKSON, Miss. -") or followed by an agency ("Paris (AFP) –")
_DATELINE = re.compile(r"(?:[A-Z]{2}[A-Z .'’-]{0,60}(?:, [A-Z][a-z]+\.?)?|[A-Z][\w.'’ -]{0,30}? \([A-Z][A-Za-z]{1,10}\))"
                       r"[ \t]*[–—-]{1,2}[ \t]+")


def clause_subject(lx: Lexicon, m: str, us: int, hi: int):
    """The subject at the start of the unit (after an opening adverbial), for
    "…, saying …" with no cue before it."""
    j = skip_space(m, us, hi)
    d = _DATELINE.match(m, j, hi)
    if d:
        j = d.end()                       # "TALLAHASSEE — Rep. Ann Ruiz on Friday …", "Washington (AFP) – …"
    toks = tokens(m, j, min(hi, j + 120))
    if toks and toks[0][2].lower() in lx.subject:
        return toks[0][0], toks[0][1]
    if toks and toks[0][2].lower() in lx.coordinator and len(toks) > 1:
        j = toks[1][0]
        toks = toks[1:]
    if len(toks) > 1 and toks[0][2].lower() in lx.clause_adverb and toks[1][2] != ",":
        j = toks[1][0]                   # "Then he turned on the mayor, calling …"
        toks = toks[1:]
    if toks and toks[0][2].lower() in lx.subject:
        return toks[0][0], toks[0][1]
    if toks and (toks[0][2].lower() in lx.opener or toks[0][2].lower() in lx.stop or toks[0][2].lower() in lx.time
                 or toks[0][2].endswith(("ing", "ed")) and toks[0][2][0].isupper()):
        # an opening phrase ("In a statement,", "Speaking in Salem, New Hampshire,"): the
        # subject is the phrase after a comma that a verb follows
        for i, t in enumerate(toks):
            if t[2] != "," or i + 1 < len(toks) and toks[i + 1][2] == ",":
                continue                  # (no noun phrase opens with a comma: a run of 100 commas read none)
            j = skip_space(m, t[1], hi)
            np_ = np_forward(lx, m, j, hi)
            if np_ is not None and m[np_[0]:np_[1]].lower() in lx.subject:
                return np_                # "In 2019, she all but blamed …"
            if np_ is not None:
                nxt = m[np_[1]:np_[1] + 20].split(None, 1)
                if nxt and nxt[0][:1].islower() and nxt[0] not in lx.link and nxt[0] not in lx.det:
                    return np_
        return None
    np_ = np_forward(lx, m, j, hi)
    return np_


def can_speak(lx: Lexicon, np: str) -> bool:
    """Can this noun phrase be a speaker: a pronoun, a name, or a common noun for a person or a body
    ("the senator", "critics", "the campaign"), not a thing ("The fracas")?"""
    words = np.split()
    if not words:
        return False
    if np.lower() in lx.subject or words[0][0].isupper() and words[0].lower() not in lx.det:
        return True
    head = words[-1].lower().strip(".,’'")
    return head in lx.speaking or head.endswith("s") and head[:-1] in lx.speaking or any(
        w[0].isupper() for w in words[1:])


def subordinate_subject(lx: Lexicon, m: str, lo: int, hi: int):
    """The subject of the last subordinate clause in m[lo:hi], if it can speak."""
    found = None
    for sub in lx.subordinate_clause.finditer(m, lo, hi):
        np_ = np_forward(lx, m, sub.end(), hi)
        if np_ is not None and can_speak(lx, m[np_[0]:np_[1]]):
            found = np_
    # (the clause runs on to the participle's comma: not "Two days after Hale left, Lowe broke her silence by
    # writing ...", where another subject comes after the clause)
    return found if found is not None and "," not in m[found[1]:hi - 2] else None


def document_issuer(lx: Lexicon, m: str, us: int, s0: int, s1: int) -> tuple[int, int] | None:
    """The subject of "issued" in "Both men issued a statement expressing …", when m[s0:s1] is the document
    ("a statement", "a resolution") and a verb of issuing comes right before it; else None."""
    words = m[s0:s1].split()
    if len(words) < 2 or words[0].lower() not in lx.document_determiner or words[-1].lower() not in lx.document:
        return None
    B = Back(m, max(us, s0 - 160), s0)
    k = 0
    if B.word(0).lower() in ("out", "up") and B.word(1).lower() in lx.issue:
        k = 1                                # "put out a statement"
    elif B.word(0).lower() not in lx.issue:
        return None
    while B.has(k + 1) and (B.word(k + 1) in lx.preverb or B.word(k + 1).endswith("ly") and B.word(k + 1).islower()):
        k += 1                               # "has also issued"
    found = subject_before(lx, m, us, B[k][0])
    if found is None or found[2]:
        return None
    return found[0], found[1]
