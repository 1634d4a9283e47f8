"""Where each frame's content begins and ends.

A reported clause runs from its cue phrase to the first of: the next coordinated frame (", and Smith
said", a postposed or subjectless frame), a sentence break inside a merged unit, the closing dash or
bracket of a relative clause ("the firm – which has denied it plans to close – has cut …"), a clause
break (``CLAUSE_END``: a semicolon, a dash, "even though", "while" after a quotation, 1a53610; not ", but",
whose annotated contents run on: 44dd690), and, after a subordinating conjunction, its comma (84c9a9d).
Content before a postposed frame starts after the last clause break, postposed frame or sentence break
(``clause_start``: "“….” Meanwhile, the film took $3m, according to a website" reports no quotation).
"According to X" reports the clause it opens or closes, and a closing one the quotation and speaker
before it (9a866d0: 14 PolNeAR quotes, mixed attribution F1 0.794 -> 0.798). A frame inside another's
content is its complement and owns no quotation ("X said he expects Y to “…”": 04816d9, 18f822e).
A split quotation resumes after its frame (``resumed_quotation``), past the words after the cue ("“A,” she
said of X in May, “B.”", 7ab897e), a recipient and a participle (41616b1).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from heapq import heappop, heappush

from .frames import Frame
from .reading import MASK, WORD, skip_space
from .words import Lexicon, find_cues

# clause breaks that end a reported clause
# (every branch opens with ";", " " or "," so that the engine skips quickly to candidates)
CLAUSE_END = re.compile(r"[;, ](?<=;)|[ ][–—][ ]|, (?:even as|even though|while|whereas|although|though|however|"
                        r"because|since|unless)\b|[ ]even (?:as|though)[ ]|[ ]\(|"
                        # "… as “Mr. Trump,” while Trump …": the comma went inside the quotation
                        r"[ ](?<=\x01[ ])(?:while|whereas|although|though)\b")


def frame_end(f: Frame) -> int | None:
    """Where a postposed, inverted or according frame ends (its cue, contents and speaker): the content
    before a later postposed frame starts after it. None for the other frames."""
    if f.kind not in ("postposed", "inverted", "according") or not f.contents:
        return None
    return max([f.cue_e] + [b for _, b in f.contents if b] + ([f.sp_e] if f.sp_e else []))


def clause_start(m: str, ends: list[int], us: int, hi: int) -> int:
    """Where the content before a postposed frame (ending at ``hi``) begins: the unit start, the end of an
    earlier postposed frame (``ends``: the frame_end of the frames before it, sorted: a pass over those
    frames for each frame made a unit of thousands of frames quadratic), or a clause break (dash,
    semicolon, colon) after them."""
    i = bisect_left(ends, hi)
    start = max(us, ends[i - 1]) if i else us
    k = max(m.rfind(";", start, hi), m.rfind(" – ", start, hi), m.rfind(" — ", start, hi), m.rfind(":", start, hi))
    if k >= 0 and WORD.search(m, k, hi) or k >= 0 and MASK in m[k:hi]:
        start = k + 1
    return start


def _cut(frames: list[Frame], cutting: list[int], n: int, ue: int, after: int) -> int:
    """The content of frame n (starting at ``after``) ends where a later coordinated frame starts;
    ``cutting``: the indexes of the frames that may cut the content of a frame before them."""
    for j in range(bisect_right(cutting, n), len(cutting)):
        f = frames[cutting[j]]
        if f.kind in ("postposed", "inverted", "according") and f.contents and f.contents[0][0] is not None \
                and f.contents[0][0] > after and f.contents[0][1] is not None and f.contents[0][1] <= f.cue_s:
            return f.contents[0][0]
        s = f.sp_s if f.sp_s is not None and f.sp_s < f.cue_s and f.kind != "according" else f.cue_s
        if s > after:
            return f.cut_at if f.cut_at is not None else s
    return ue


def according_contents(m: str, us: int, ue: int, frames: list[Frame], breaks: list[int]) -> set[int]:
    """The content of each "according to" frame of a unit; the ids of the frames whose clause an opening
    "according to" reports (``breaks``: the unit's sentence breaks, sorted)."""
    reported: set[int] = set()      # frames inside the clause an opening "according to" reports (rare)
    ends: list[int] = list(breaks)  # frame_end of the frames before and the sentence breaks, sorted
    for n, f in enumerate(frames):
        if f.kind == "according":
            j = skip_space(m, f.sp_e, ue)
            if not m[us:f.cue_s].strip(" \t\n,;:–—"):
                if j < ue and m[j] == ",":
                    f.contents.append([j + 1, None])
                    # "According to the Post, Smith said …": the Post reports all of Smith's clause (and Smith
                    # his words): the comma does not start a clause coordinated with the Post's
                    for g in frames[n + 1:]:
                        if g.coordinated and g.cut_at == j:
                            g.coordinated, g.cut_at = False, None
                            reported.add(id(g))
            else:
                start = clause_start(m, ends, us, f.cue_s)
                g = frames[n - 1] if n else None
                if g is not None and g.kind in ("postposed", "inverted") and g.contents \
                        and not m[max(g.cue_e, g.sp_e or 0):f.cue_s].strip(" \t,"):
                    # "“…,” the judge said, according to the Post": the Post reports the quotation and who spoke it
                    start = min(start, g.contents[0][0])
                f.contents.append([start, f.cue_s])
        end = frame_end(f)
        if end is not None:
            insort(ends, end)
    return reported


def close(m: str, ue: int, breaks: list[int], frames: list[Frame]) -> Holders | None:
    """Where the contents of a unit's frames end (those still open end at None). With two frames or more,
    the Holders of their offsets, for the passes that follow."""
    # content ends: the next coordinated frame, a clause break, the unit end
    cutting = [n for n, f in enumerate(frames)
               if f.kind in ("subjectless", "postposed", "inverted", "according") or f.coordinated]
    for n, f in enumerate(frames):
        for c in f.contents:
            if c[1] is None:
                c[1] = _cut(frames, cutting, n, ue, c[0])
                i = bisect_right(breaks, c[0])          # (the first sentence break inside)
                if i < len(breaks) and breaks[i] < c[1]:
                    c[1] = breaks[i]
                if f.relative:
                    # "Ruritania – which has denied it plans to annex Borduria – has placed …"
                    k = m.find(")" if f.relative == "(" else f.relative, c[0], c[1])
                    if k > 0:
                        c[1] = k
                seg = m[c[0]:c[1]]
                br = CLAUSE_END.search(m, c[0], c[1]) if (
                    ";" in seg or "(" in seg or "–" in seg or "—" in seg or ", " in seg or " even " in seg
                    or MASK + " " in seg) else None
                if br and WORD.search(m, c[0], br.start()):
                    c[1] = br.start()
                if f.subordinate:
                    # "While those surveyed said A, B …": the reported clause ends at the comma
                    k = m.find(",", c[0], c[1])
                    if k > 0 and WORD.search(m, c[0], k):
                        c[1] = k
    if len(frames) < 2:
        return None
    # a frame inside the content of another ends where that content ends
    holders = Holders(frames)
    for f in frames:
        for _, g, (a, b) in holders.of(f.cue_s):
            if g is not f and a <= f.cue_s < b:
                for c in f.contents:
                    if a <= c[0] < b < c[1]:
                        c[1] = b
    return holders


def nest(m: str, frames: list[Frame], reported: set[int], holders: Holders) -> None:
    """Mark the frames that are the complement of another's clause (``reported``: not those)."""
    # a frame that is the complement of another ("X said he expects Y to “…”") does not
    # own quotations: the outer speaker does
    for f in frames:
        if reported and id(f) in reported:
            continue
        if f.kind == "preposed" and f.sp_s is not None and any(
                a <= f.sp_s and f.cue_s < b and (f.sp_s <= a + 6 or m[a:f.sp_s].rstrip().endswith(" that"))
                for _, g, (a, b) in (holders.of(f.sp_s) if f.sp_s <= f.cue_s else holders.all) if g is not f):
            f.nested = True
        elif f.kind in ("preposed", "subjectless", "fallback") and any(
                a <= f.cue_s < b for _, g, (a, b) in holders.of(f.cue_s)
                if g is not f and g.kind in ("postposed", "inverted", "according")):
            f.nested = True       # "the leaders agreed “…”, Downing Street said": Downing Street's words


class Holders:
    """Which contents of a unit's frames may hold an offset: (frame index, frame, content) triples.

    With few frames, every content (``all``). With many, for each frame's cue and speaker offset, the
    contents that held it when the Holders were made, found in one sweep: passes over every frame for each
    frame made a unit of thousands of frames quadratic. Contents only shrink after ``close``, so a content
    that holds an offset later held it then; callers test each candidate against its current bounds."""

    _FEW = 16

    def __init__(self, frames: list[Frame]) -> None:
        self.all = [(i, g, c) for i, g in enumerate(frames) for c in g.contents]
        self.at: dict[int, list] | None = None
        if len(frames) <= self._FEW:
            return
        points = sorted({f.cue_s for f in frames} | {f.sp_s for f in frames if f.sp_s is not None})
        by_start = sorted(self.all, key=lambda t: t[2][0])
        self.at = {}
        open_: list[tuple[int, int]] = []          # (end, index in by_start): the contents begun so far
        j = 0
        for x in points:
            while j < len(by_start) and by_start[j][2][0] <= x:
                heappush(open_, (by_start[j][2][1], j))
                j += 1
            while open_ and open_[0][0] <= x:
                heappop(open_)
            self.at[x] = [by_start[k] for _, k in open_]

    def of(self, x: int) -> list:
        return self.all if self.at is None else self.at[x]


_RESUME = re.compile(r"[,.:][ \t]*(?:\x01|that )")


def that_clause(lx: Lexicon, m: str, i: int) -> bool:
    """Does a "that" clause with a subject start at i ("that both men …", not "that is analyzing …")?"""
    w = m[i:i + 40].split(None, 2)
    return len(w) > 1 and w[0] == "that" and w[1].lower() not in lx.aux and w[1].lower() not in lx.stop


def resumed_quotation(lx: Lexicon, m: str, i: int, ue: int, that: bool = False) -> int | None:
    """Where a split quotation resumes after its frame: in "“A,” he said of the plan in May, “B.”" the
    words after the cue ("of the plan in May") lead, through a comma, to the rest of the same quotation.
    The offset of that quotation's opening mark, or None when a clause break, another cue or another
    quotation comes first (the first part ending in a comma says that the sentence goes on)."""
    r = _RESUME.search(m, i, min(ue, i + 160))
    if r is None:
        return None
    k = r.end() - 1 if m[r.end() - 1] == MASK else r.end() - 5      # the quotation, or "that" and its clause
    if m[k] != MASK and not (that and that_clause(lx, m, k)):
        return None
    seg = m[i:r.start()]
    if MASK in seg or ";" in seg or "\n" in seg or " – " in seg or " — " in seg:
        return None
    # another cue may open another speaker's clause; a participle ("speaking of …") does not
    if any(not form.split()[0].endswith("ing") for _, _, form in find_cues(lx, seg, 0, len(seg))):
        return None
    return k


class ByCue:
    """A unit's frames in the order of their cues, to find those whose cue lies in a span."""

    def __init__(self, frames: list[Frame]) -> None:
        self.frames = sorted(frames, key=lambda g: g.cue_s)
        self.cue_at = [g.cue_s for g in self.frames]

    def within(self, a: int, b: int) -> list[Frame]:
        return self.frames[bisect_left(self.cue_at, a):bisect_left(self.cue_at, b)]


class Foreign:
    """The quoted spans that are other speakers' words in the content m[a:b] of ``f``: those that overlap
    the contents of the frames whose cue lies in the content ("Johnson asked … what Downing Street has
    called “…”"). A container of quoted span indexes, read lazily from the merged contents of those frames
    (listing each frame's spans for each content made a unit of thousands of frames cubic)."""

    def __init__(self, spans, by_cue: ByCue, f: Frame, a: int, b: int) -> None:
        self.spans, self.by_cue, self.f, self.a, self.b = spans, by_cue, f, a, b
        self.merged: list[list[int]] | None = None

    def _read(self) -> None:
        self.merged, self.odd = [], []       # merged [start, end) contents; contents ending before they start
        for g in self.by_cue.within(self.a, self.b):
            if g is not self.f and not g.nested:
                for c0, c1 in g.contents:
                    (self.merged if c0 < c1 else self.odd).append([c0, c1])
        self.merged.sort()
        out: list[list[int]] = []
        for c in self.merged:
            if out and c[0] <= out[-1][1]:
                out[-1][1] = max(out[-1][1], c[1])
            else:
                out.append(c)
        self.merged, self.starts = out, [c[0] for c in out]

    def __contains__(self, k: int) -> bool:
        # (a content [c0, c1) holds the quoted span k when it opens before c1 and closes after c0)
        if self.merged is None:
            self._read()
        q = self.spans[k]
        i = bisect_left(self.starts, q.close_mark)
        return i > 0 and self.merged[i - 1][1] > q.open_mark or any(
            q.open_mark < c1 and q.close_mark > c0 for c0, c1 in self.odd)
