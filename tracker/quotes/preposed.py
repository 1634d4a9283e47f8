"""Preposed speakers: "SPEAKER (aux/adverbs) CUE [recipient] [where/when] [that|:|,] CONTENT", the frame
most quotes have.

Besides the plain case: a participle whose subject stands before it ("with the mayor tweeting that …",
b024087; "The two firms issued a statement urging …", whose issuers speak: d5e2d10); a relative clause with
no pronoun and no object ("…, a word the mayor then repeated.", c4f37cc); a relative pronoun as the mention
("Ann Cole, who said …", 0de9529); a clause after a subordinating conjunction ends at its comma
("While those surveyed said A, B …", 84c9a9d); a clause coordinated with the one before ("…, and Smith
said …") ends that clause's content (aa8791c).
"""
from __future__ import annotations

import re

from . import cues
from .cue_phrase import after_cue, deed_object
from .frames import Frame
from .reading import DASHES, Back, last_word
from .subjects import document_issuer, subject_before
from .words import Lexicon


def participle(lx: Lexicon, m: str, us: int, ue: int, f: Frame, B: Back) -> bool:
    """Is the -ing cue of ``f`` ("released a statement saying …", "began saying") a participle whose subject
    stands before it? If so, fill the frame in: the subject speaks, or the issuer of the document it is."""
    # "with Donald Trump tweeting that …": the phrase after "with" speaks
    subj = subject_before(lx, m, us, f.cue_s, B)
    if subj is not None and not subj[2] and last_word(m, subj[0], subj[1]).lower() in lx.document:
        issuer = document_issuer(lx, m, us, subj[0], subj[1])
        if issuer is not None:
            # "Both men issued a statement expressing …": who issued the statement speaks
            _speaks(lx, m, ue, f, issuer)
            return True
    before_np = m[max(us, subj[0] - 8):subj[0]].split()[-1:] if subj is not None else None
    if subj is not None and (before_np in (["with"], ["With"], ["without"]) or (
            (m[subj[0]].isupper() or m[subj[0]:subj[1]].lower() in lx.subject)
            and (not before_np or before_np[0][-1] in ",;:–—" or before_np == ["and"]))):
        _speaks(lx, m, ue, f, subj)
        if before_np and before_np[0] != "with":
            # "– Ryan saying …, and Trump calling …": each ends the clause before
            f.coordinated = True
            k = m.rfind(before_np[0], max(us, subj[0] - 8), subj[0])
            f.cut_at = k if before_np == ["and"] else k + len(before_np[0]) - 1
        return True
    return False


def _speaks(lx: Lexicon, m: str, ue: int, f: Frame, np_) -> None:
    """The frame is preposed: np_ (start, end, ...) speaks the content after the cue phrase (none when
    that content is a deed: "Jones adding the conversion")."""
    cue_end, cs = after_cue(lx, m, f.cue_e, ue, f.base)
    if deed_object(lx, m, cs, ue, f.base):
        return
    f.kind = "preposed"
    f.sp_s, f.sp_e = np_[0], np_[1]
    f.cue_e = cue_end
    f.contents.append([cs, None])
    f.content_start = cs


# a noun and a name with no relative pronoun between ("a name Mr. Dale", "the same phrase Jo Tate")
_ZERO_RELATIVE = re.compile(r"(?:[Aa]n?|[Tt]he)(?: same)?((?: [a-z]+){1,2}) ([A-Z][\w’'\-\.]+(?: [A-Z][\w’'\-\.]+)*)")


def zero_relative(lx: Lexicon, m: str, ue: int, f: Frame, subj) -> bool:
    """Is the speaker phrase ``subj`` a noun and the subject of a relative clause with no pronoun and no
    object ("..., a name Mr. Dale later repeated.")? If so, the name says the noun before it: fill the
    frame in."""
    z = _ZERO_RELATIVE.fullmatch(m, subj[0], subj[1])
    if not z:
        return False
    cue_e = f.cue_e
    cue_end, cs = after_cue(lx, m, cue_e, ue, f.base)
    if m[cue_end:ue].strip(" \t\n.,;:!?") or any(
            w in lx.speaking or w in lx.link or w in lx.stop for w in m[z.start(1):z.end(1)].split()):
        return False
    f.kind = "preposed"
    f.sp_s, f.sp_e = z.start(2), subj[1]
    f.cue_e = cue_e + len(m[cue_e:cue_end].rstrip(" \t\n.,;:!?"))
    f.contents.append([subj[0], z.start(2)])
    return True


def read(lx: Lexicon, m: str, ue: int, f: Frame, B: Back, subj, lead_s: str, lead_end: int, cue_end: int,
         cs: int, tail: str) -> None:
    """Fill in the frame of ``f`` as preposed, "SPEAKER (aux/adverbs) CUE [recipient] [that|:|,] CONTENT":
    ``subj`` speaks, ``lead_s`` (ending at ``lead_end``) precedes it, the content starts at ``cs`` after
    the cue phrase and runs on to ``tail``. A cue with nothing after it reports nothing, unless a colon
    leads to the quotation in the next unit."""
    s0, s1, rel = subj
    lo = lead_end - len(lead_s)
    lead_c = lead_s[-1:]
    cue_e = f.cue_e
    if not tail:
        if m[cue_e:ue].rstrip().endswith(":") and f.cls == cues.SPEECH:
            f.kind = "preposed"
            f.sp_s, f.sp_e = s0, s1
            f.cue_e = cue_end
            f.lead = True
        return
    if cs < ue and m[cs] in DASHES or deed_object(lx, m, cs, ue, f.base):
        return                          # a dash; "Wales maintained their start": a deed, not a report
    f.kind = "preposed"
    f.sp_s, f.sp_e = s0, s1
    f.relative = rel
    if rel:
        # "Chris Murphy, who said …": the relative pronoun is the speaker as written (the speakers stage
        # reads its antecedent); the phrase before it still delimits the clause here
        f.pronoun = B[0][0], B[0][1]
    f.cue_e = cue_end
    last = lead_s.split()[-1:]
    f.subordinate = bool(last) and last[0] in lx.subordinator_to_comma
    f.contents.append([cs, None])
    f.content_start = cs
    # a coordinated clause: "…, and Smith said …" cuts the frame before (an adverb between: "…, but
    # ultimately Smith thinks")
    last = lead_s.rsplit(None, 1)
    if len(last) == 2 and last[1].endswith("ly") and last[1].islower() and last[1] not in lx.notly:
        lead_s = last[0]
        lead_c, lead_end = lead_s[-1:], lo + len(lead_s)
    if lead_c in ",;" + DASHES:
        f.coordinated = True
        f.cut_at = lead_end - 1
    elif lead_s.lower().endswith((" and", " but")):
        f.coordinated = True
        f.cut_at = lead_end - 4
