"""What a frame is, and the frames made without a reporting verb before the speaker: "according to",
"as reported by", "asked by", a colon, a dash.

A frame is a cue (a verb, "according to", a colon, a dash), its speaker's mention and the spans of its
content; ``kind`` says how they stand: preposed ("Smith said …"), postposed ("…,” Smith said"),
inverted ("…,” said Smith"), subjectless (", adding …"), according, colon, dash, fallback. The frames
here each came from a class of PolNeAR or seed-article quotes no verb frame read: "Name: “…”" in
transcripts and headlines (c816279), "X said:" or "X released the following statement:" with the
quotation in the next paragraph (8de4e5a), "Continued Pell: “…”" and "Stated Pell:" (8c80000, 48542a0),
"“…” — Jane Doe" (a154c37), "as reported by The Post" (eb3e437), and the agent of "asked by", who speaks
the question (6ced257: PolNeAR annotates all 12 such cases; 9 found).
"""
from __future__ import annotations

import re

from . import cues
from .phrases import np_forward
from .reading import MASK, skip_space
from .subjects import clause_subject
from .words import Lexicon


class Frame:
    """A cue and what is read around it: the cue's span, the speaker's, the content spans ([start, end],
    end None until the unit's frames are all read) and how they stand (``kind``, None: no frame)."""
    __slots__ = ("cue_s", "cue_e", "sp_s", "sp_e", "contents", "inherit", "kind", "lead", "unit", "base",
                 "cls", "relative", "quote_idx", "coordinated", "cut_at", "content_start", "nested", "subordinate",
                 "ing", "pronoun", "verb_e")

    def __init__(self, cue_s, cue_e, base, cls):
        self.cue_s, self.cue_e, self.base, self.cls = cue_s, cue_e, base, cls
        self.verb_e = cue_e      # end of the verb (and particle): the cue as stored ends here, or at an audience
        self.sp_s = self.sp_e = None
        self.contents: list[list[int]] = []
        self.inherit = None      # index of the frame whose speaker this one shares
        self.kind = None         # preposed, postposed, inverted, subjectless, according
        self.lead = False        # "X said:" with the quotation in the next unit
        self.relative = None     # "–" or "," when the subject came through "who"/"which"
        self.pronoun = None      # (start, end) of that relative pronoun: the mention reported
        self.quote_idx = None
        self.coordinated = False  # opens a clause coordinated with the one before (cuts its content)
        self.cut_at = None        # where the content of the frame before ends
        self.content_start = None
        self.nested = False
        self.ing = False          # an -ing form not after "is/was…" (a participle: ", saying …")
        self.subordinate = False  # "While X said …, …": the clause is subordinate


def according(lx: Lexicon, m: str, cue_s: int, cue_e: int, np_at: int, ue: int) -> Frame | None:
    """The frame of "according to X" (or "as reported by X") at m[cue_s:cue_e]: X, read forwards from
    ``np_at``, reports; None when no noun phrase starts there."""
    np_ = np_forward(lx, m, np_at, ue)
    if np_ is None:
        return None
    f = Frame(cue_s, cue_e, "according to", "according")
    f.kind = "according"
    f.sp_s, f.sp_e = np_
    return f


# verbs whose passive gives what was said of its subject and, after "by", who said it: "was described as
# “a disaster” by the union", "were accused of bias by local groups" (on 15 unseen BBC articles read whole,
# 2 such attributions were lost: the passive was no cue)
PASSIVE_REPORT = frozenset("describe dub label brand call hail accuse criticise criticize condemn praise slam "
                           "blast deride denounce".split())


_PLURAL_AFTER = re.compile(r" ([a-z]+s)\b")


def passive_by(lx: Lexicon, m: str, cue_s: int, cue_e: int, ue: int, base: str, cls: str) -> Frame | None:
    """The frame of a passive verb of ``PASSIVE_REPORT`` ending at ``cue_e`` whose agent follows "by": the
    words between ("as" or "of" left out) are the content, the agent speaks. None without both."""
    cs = skip_space(m, cue_e, ue)
    if m.startswith(("as ", "of "), cs):
        cs += 3
    k = m.find(" by ", cs, min(ue, cs + 200))
    if k <= cs or any(ch in m[cs:k] for ch in ".;:!?") or not m[k + 4:k + 5].isalpha():
        return None
    np_ = np_forward(lx, m, k + 4, ue)
    if np_ is None:
        return None
    nxt = _PLURAL_AFTER.match(m, np_[1], ue)
    if nxt and nxt.group(1) not in lx.stop and nxt.group(1) not in lx.aux:
        np_ = (np_[0], nxt.end())           # "by Muslim groups": the name modifies a plural noun
    f = Frame(cue_s, cue_e, base, cls)
    f.kind = "preposed"
    f.sp_s, f.sp_e = np_
    f.contents.append([cs, k])
    f.content_start = cs
    return f


_QUESTION_AFTER = re.compile(r"(?<![ \t])[ \t]+(?=(?:to|whether|if|about|what|how|why|who|when|where)\b)")


def asked_by(lx: Lexicon, m: str, cue_s: int, cue_e: int, ue: int) -> Frame | None:
    """The frame of "(was) asked by NP [when] whether/if/to/about …": NP speaks the question."""
    np_ = np_forward(lx, m, cue_e + 4, ue)
    if np_ is None:
        return None
    j = np_[1]
    w = lx.when.match(m, j, ue)
    if w and w.end() > j:
        j = w.end()
    q = _QUESTION_AFTER.match(m, j, ue)
    if q is None:
        return None
    f = Frame(cue_s, cue_e, "ask", cues.SPEECH)
    f.kind = "preposed"
    f.sp_s, f.sp_e = np_
    f.contents.append([q.end(), None])
    f.content_start = q.end()
    f.subordinate = True        # the question ends at the comma: "Asked by X whether …, Smith said …"
    return f


_COLON_LEAD = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?P<np>[A-Z][^:\x01\n]{0,60}?)\s*:\s*\x01")


def colon_speaker(lx: Lexicon, m: str, us: int, ue: int) -> Frame | None:
    """A unit opening "Name: “…”": the name speaks the quotation after the colon."""
    c = _COLON_LEAD.match(m, us, ue)
    if c is None:
        return None
    np_ = np_forward(lx, m, c.start("np"), c.end("np"))
    if np_ is None or np_[1] != c.end("np") and m[np_[1]:c.end("np")].strip(" )(") != "" \
            and not m[np_[1]:c.end("np")].lstrip().startswith("("):
        return None
    first = m[np_[0]:np_[1]].split(None, 1)
    if len(first) == 2 and _inverted_cue(lx, first[0]):
        # "Continued Pell: “…”": an inverted cue, not part of the name
        return _colon_frame(np_[0], np_[0] + len(first[0]), lx.verbs[first[0].lower()],
                            (np_[1] - len(first[1]), np_[1]))
    k = m.find(":", c.end("np"))
    return _colon_frame(k, k + 1, (":", "colon"), np_)


def _colon_frame(cue_s: int, cue_e: int, verb: tuple[str, str], speaker: tuple[int, int]) -> Frame:
    """A frame whose quotation follows a colon; ``verb``: (base, class) of its cue."""
    f = Frame(cue_s, cue_e, *verb)
    f.kind = "colon"
    f.sp_s, f.sp_e = speaker
    return f


def _inverted_cue(lx: Lexicon, word: str) -> bool:
    """Is this capitalised word a verb of the past opening an inverted frame ("Continued Pell:", "Said Smith:")?"""
    verb = word.lower()
    return word[:1].isupper() and verb in lx.verbs and verb.endswith(("ed", "said"))


def colon_lead(lx: Lexicon, m: str, us: int, ue: int) -> Frame | None:
    """A unit with no cue that ends in a colon ("When he died, the mayor released the following
    statement:", "Transcript as follows:"): its subject speaks the quotation that opens the next unit.
    The subject must be followed by a verb ("released", "issues"), so that an opening word ("Wait, …:") or
    a document ("Transcript as follows:") is not taken for a speaker."""
    k = us + m[us:ue].rstrip().rfind(":")
    j = skip_space(m, us, k)
    first = m[j:k].split(None, 1)
    if len(first) == 2 and _inverted_cue(lx, first[0]):
        # "Stated Pell:" with the quotation in the next paragraph: an inverted cue
        np_ = np_forward(lx, m, skip_space(m, j + len(first[0]), k), k)
        if np_ is not None and not m[np_[1]:k].strip():
            return _colon_frame(j, j + len(first[0]), lx.verbs[first[0].lower()], np_)
    np_ = clause_subject(lx, m, us, k)
    if np_ is None:
        return None
    nxt = m[np_[1]:k + 1].split(None, 1)
    w = nxt[0].lower() if nxt else ""
    if not (w.isalpha() and nxt[0][0].islower() and w.endswith(("ed", "s")) and w not in lx.stop):
        return None
    return _colon_frame(k, k + 1, (":", "colon"), np_)


_DASH_NEAR = re.compile(r"\x01[ ]*[-–—]")


def unit_dash(lx: Lexicon, m: str, us: int, ue: int):
    """(start, end, dash offset) of a speaker the unit names after a dash ("“…” — Jane Doe", or a line
    "- Jane Doe, Ohio." under a quotation), or None."""
    if not has_dash(m, us, ue) or not _DASH_NEAR.search(m, us, ue) and \
            m[skip_space(m, us, ue):skip_space(m, us, ue) + 1] not in ("-", "–", "—"):
        return None
    return _dash_speaker(lx, m, us, ue)


def has_dash(m: str, us: int, ue: int) -> bool:
    return m.find("-", us, ue) >= 0 or m.find("–", us, ue) >= 0 or m.find("—", us, ue) >= 0


def _dash_speaker(lx: Lexicon, m: str, us: int, ue: int):
    """(start, end, dash offset) of a speaker named after a dash that follows a
    quotation ("“…” — Jane Doe", or a line "- Jane Doe, Ohio." under one)."""
    j = skip_space(m, us, ue)
    k = j
    if j < ue and m[j] in "-–—":
        k = j
    else:
        k = m.find(MASK, us, ue)
        if k < 0:
            return None
        while k < ue and m[k] == MASK:
            k += 1
        k = skip_space(m, k, ue)
        if k >= ue or m[k] not in "-–—":
            return None
    d = k
    while k < ue and m[k] in "-–—":
        k += 1
    k = skip_space(m, k, ue)
    if k >= ue or not m[k].isupper():
        return None
    np_ = np_forward(lx, m, k, ue)
    if np_ is None:
        return None
    rest = m[np_[1]:ue].strip(" .")
    if rest and not rest.startswith(","):
        return None
    return np_[0], np_[1], d
