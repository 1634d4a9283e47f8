"""Inverted cues: "…,” said Smith." The verb of speech comes right after a comma or a quotation and the
speaker after the verb; the content is the clause before, and the quotation resumed after the speaker
("“A,” said Reed, speaking of the code, “B.”", 41616b1).

After "ruled", "declared", "called" and the like, a noun phrase followed by its complement is the object,
not a speaker ("…, ruled Lund eligible", 7a85857: 2 PolNeAR quotes changed, both better); an adverb,
"rather" or "instead" opens no speaker's phrase ("… “quick” talks rather than …", 943631b).
"""
from __future__ import annotations

from . import cues
from .content import clause_start, resumed_quotation
from .cue_phrase import after_cue
from .frames import Frame
from .phrases import np_forward
from .reading import MASK, Back, skip_space
from .words import Lexicon


def read(lx: Lexicon, m: str, text: str, us: int, ue: int, f: Frame, ends: list[int], B: Back) -> None:
    """Fill in the frame of ``f`` as inverted, "CONTENT, CUE SPEAKER [, CONTENT]" ("…,” said Smith."),
    when it is one: a verb of speech right after a comma or a quotation, a noun phrase after it."""
    cue_e = f.cue_e
    w0 = B.word(0)
    prev_char = w0[-1:]
    if not (f.cls == cues.SPEECH and prev_char in "," + MASK and w0) or f.base == "tell":
        return          # ("…, told BBC News that …": who is told, never who tells)
    before_end = B[0][1]                     # end of the text before the cue
    np_ = np_forward(lx, m, skip_space(m, cue_e, ue), ue)
    if np_ is None:
        return
    first = m[np_[0]:np_[1]].split(None, 1)[0]
    if first.lower() in lx.not_inverted_speaker or first.islower() and first.endswith("ly") and first not in lx.notly:
        return                          # "… “spontaneous” protests rather than …": no speaker after it
    cue_end, _ = after_cue(lx, m, np_[1], ue, "")
    k = skip_space(m, np_[1], ue)
    if f.base in lx.object_complement and cue_end == np_[1] and k < ue and m[k].islower():
        w = m[k:k + 20].split(None, 1)[0]
        if w not in lx.after_inverted_speaker and not w.endswith("ing"):
            return                      # "…, ruled Cruz eligible and …": an object and its complement
    f.kind = "inverted"
    f.sp_s, f.sp_e = np_
    c_end = before_end
    f.contents.append([clause_start(m, ends, us, c_end), c_end])
    j = skip_space(m, cue_end, ue)
    if j < ue and m[j] in ",:;":
        k = skip_space(m, j + 1, ue)
        if k < ue and m[k] == MASK:
            f.contents.append([k, None])    # (a semicolon too: "“A,” said Ms Ray; “B.”")
        elif prev_char == MASK and text[max(us, before_end - 3):before_end].rstrip("”\"’'» ").endswith(","):
            k = resumed_quotation(lx, m, k, ue)
            if k is not None:
                f.contents.append([k, None])
