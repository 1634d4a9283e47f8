"""Quotes whose own clause names no speaker: subjectless cues and quotations with no cue.

A subjectless cue (", adding …", "– saying …", "and added", "but added: “…”", "by tweeting") shares the
speaker of the last frame of its sentence that no other frame reports (8255120; a cue that reported
nothing passes its speaker on, c3f843f); with none, the subject that opens the sentence speaks (past an
opening "After praising …," clause to the main clause's subject, 1284b06), unless it is a thing (dfb2bbd).
A quotation no frame took continues the speech before when it opens its unit: the quote of the unit before
(7c9176e), the paragraph's last quotation across narration between them (553b9c3), also after a lone
"But" (3878dac); else, inside a clause with no known cue, the clause's subject and first verb frame it
(8c8d3d3: ``_fallback``, a past tense before a colon too, 3949b90).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .article import Article
from .content import CLAUSE_END, Holders
from .cue_phrase import after_cue, deed_object
from .frames import Frame
from .reading import DASHES, MASK, WORD, Back, skip_space
from .subjects import can_speak, clause_subject, subordinate_subject
from .words import Lexicon


def subjectless(lx: Lexicon, m: str, ue: int, f: Frame, B: Back, bare_ing: bool) -> bool:
    """Is the cue of ``f`` subjectless (", adding …", "– saying …", "and added", "but added:", "by tweeting";
    ``bare_ing``: an -ing form of speech after a word, "began saying")? If so, fill in its content; its
    speaker is found when the unit's frames are all read (``inherit``)."""
    w0 = B.word(0)
    prev_char, prev_word, ing = w0[-1:], w0.lower(), f.ing
    if not (prev_word in lx.subjectless_after or (ing and (prev_char in "," + DASHES + MASK
                                                           or prev_word in lx.participle_after))
            or bare_ing):
        return False
    if prev_word in ("by", "when") and not ing:
        return True
    cue_e = f.cue_e
    f.kind = "subjectless"
    f.cut_at = _cut_point(lx, B, f.cue_s)
    f.coordinated = True
    cue_end, cs = after_cue(lx, m, cue_e, ue, f.base)
    f.cue_e = cue_end
    if cs < ue and m[cs] in DASHES or deed_object(lx, m, cs, ue, f.base):
        f.kind = None                   # a dash; ", adding the conversion": a deed, not a report
        return True
    f.contents.append([cs, None])
    f.content_start = cs
    if not m[cs:ue].strip(" \t\n.,;:!?"):
        f.contents.pop()
        if m[cue_e:ue].rstrip().endswith(":"):
            f.lead = True
    return True


def _cut_point(lx: Lexicon, B: Back, cue_s: int) -> int:
    """Where the clause before a subjectless cue ends (before ", adding", " and added")."""
    k = 0
    while B.has(k) and (B[k][2].lower() in lx.subjectless_after or B[k][2] in ",–—" or B[k][2].endswith("ly")):
        k += 1
    return B[k][1] if B.has(k) else cue_s


def inherit(lx: Lexicon, m: str, us: int, ue: int, breaks: list[int], frames: list[Frame],
            holders: Holders | None) -> None:
    """Give each subjectless frame of a unit its speaker (``holders``: content.close's)."""
    # a subjectless cue shares the speaker of the last frame (of its sentence) not nested in another
    for n, f in enumerate(frames):
        if f.kind == "subjectless":
            ss = us
            i = bisect_right(breaks, f.cue_s)
            # a "sentence" opening in lower case is a slip after "!" or "?" inside a quotation
            # ("She declared “What a night!” and said …"): the sentence goes on
            while i and m[breaks[i - 1]:breaks[i - 1] + 1].islower():
                i -= 1
            if i:
                ss = breaks[i - 1]
            for gi in range(n - 1, -1, -1):
                g = frames[gi]
                if g.cue_s < ss:
                    break
                if g.kind == "subjectless" or not any(a <= g.cue_s < b for hn, h, (a, b) in holders.of(g.cue_s)
                                                      if hn < n and h is not g):
                    f.inherit = g if g.kind != "subjectless" else g.inherit or (g if g.sp_s is not None else None)
                    break
            if f.inherit is None:
                f.sp_s, f.sp_e = clause_subject(lx, m, ss, f.cue_s) or (None, None)
                if f.sp_s is None and lx.opening_participle.match(m, skip_space(m, ss, f.cue_s)):
                    # "After praising the Ledger for ..., Glenn Bock went further": the subject of the
                    # main clause after the comma
                    f.sp_s, f.sp_e = clause_subject(lx, m, ss, ue) or (None, None)
                    for c in f.contents:
                        if f.sp_s is not None and c[1] is not None and c[0] < f.sp_s < c[1]:
                            k = m.rfind(",", c[0], f.sp_s)
                            c[1] = k if k > c[0] else f.sp_s     # (the words end with the opening clause)
                if f.sp_s is not None and m[f.cue_s - 2:f.cue_s] == ", " and not can_speak(lx, m[f.sp_s:f.sp_e]):
                    # "The fracas erupted after the tycoon entered the race ..., calling them rapists": a thing
                    # does not speak; the subject of the clause the participle follows does
                    f.sp_s, f.sp_e = subordinate_subject(lx, m, f.sp_e, f.cue_s) or (f.sp_s, f.sp_e)


_FEW_QUOTATIONS = 8
_CONJUNCTION_ONLY = re.compile(r"(?:(?<!\s)|(?!\s))\s*(?:But|And|Yet|Still|Also)\b,?\s*")


def uncued(lx: Lexicon, art: Article, us: int, ue: int, para: int, breaks: list[int], pending: list[int]) -> list[int]:
    """Quotes of the quotations of the unit m[us:ue] (``pending``, indexes of quoted spans) that no frame
    took: each continues the speech before, or its clause frames it, or it is no quote (scare quotes)."""
    m, text, last_quote = art.m, art.text, art.last_quote_by_para
    found: list[int] = []
    # with many quotations, the unit's words found once: "a word between a and b" is a bisection, not a search of
    # the unit once a quotation (a unit of thousands of quotation marks and no words searched it from its start
    # for each); with a few, a search each (the list of every word of every unit with a quotation was over half
    # of this function's time on 800 BBC articles, cProfile)
    if len(pending) > _FEW_QUOTATIONS:
        words = [w.span() for w in WORD.finditer(m, us, ue)]
        ends = [e for _, e in words]

        def word_in(a: int, b: int) -> bool:
            """``WORD.search(m, a, b)`` for us <= a <= b <= ue: a word (a run of \\w) with a character in [a, b)."""
            i = bisect_right(ends, a)
            return a < b and i < len(words) and words[i][0] < b
    else:
        def word_in(a: int, b: int) -> bool:
            return a < b and WORD.search(m, a, b) is not None

    for k in pending:
        if k in art.owner:
            continue
        q = art.spans[k]
        # (a conjunction alone before a quotation that ends the unit still opens it, after a quote:
        # "…,” he said. But “…”", unlike the scare quotes of "But “dumping Trump” is hard")
        at_start = not word_in(us, q.open_mark) or \
            _CONJUNCTION_ONLY.fullmatch(m, us, q.open_mark) is not None and art.prev_unit_quote is not None \
            and not word_in(q.close_mark, ue)
        prev = None
        if at_start:
            if q.continues and para - 1 in last_quote:
                prev = last_quote[para - 1]
            elif art.prev_unit_quote is not None:
                prev = art.prev_unit_quote
            elif para in last_quote and art.out[last_quote[para]].kind != "indirect":
                # "“…,” Smith said. The towns are small. “That’s a tough area.”": a paragraph's
                # quotations are one speaker's, across the sentences of narration between them
                prev = last_quote[para]
        if prev is not None or len(WORD.findall(text, q.start, q.end)) >= 4 and at_start:
            idx = art.emit_quotation(None, k, prev)
            if idx is not None:
                found.append(idx)
        elif not at_start:
            # no cue of ours: the clause's subject and whatever verb it has
            f = _fallback(lx, m, us, ue, q, breaks)
            if f is not None:
                idx = art.emit(f, f.contents[0][0], f.contents[0][1])
                if idx is not None:
                    found.append(idx)
    return found


def _fallback(lx: Lexicon, m: str, us: int, ue: int, q, breaks: list[int]) -> Frame | None:
    """A frame for a quotation in a clause with no known cue: the clause's subject
    speaks, its first verb is the cue, the rest of the clause is the content."""
    cs = us
    for b in breaks:
        if b <= q.open_mark:
            cs = b
    k = max(m.rfind(";", cs, q.open_mark), m.rfind(":", cs, q.open_mark), m.rfind(" – ", cs, q.open_mark),
            m.rfind(" — ", cs, q.open_mark))
    hi = q.open_mark
    lead = k >= 0 and m[k] == ":" and not m[k + 1:q.open_mark].strip()
    if lead:
        # "Kasich resisted: “…”": the clause before the colon introduces the quotation
        hi = k
        k = max(m.rfind(";", cs, hi), m.rfind(" – ", cs, hi), m.rfind(" — ", cs, hi))
    if k >= 0:
        cs = k + 1
    np_ = clause_subject(lx, m, cs, hi)
    if np_ is None:
        return None
    # (before a colon the verb ends the clause: the pattern wants a space after it, so it reads the clause
    # with one; "Tom Baker murmured: “…”" was lost)
    off = np_[1]
    v = lx.verb_after.match(m[off:hi] + " ") if lead else lx.verb_after.match(m, off, hi)
    if not lead:
        off = 0
    if v is None or v.group("w").lower() in lx.stop and v.group("w").lower() not in lx.aux or \
            v.group("w").lower() in lx.det or v.group("w").lower() in lx.link:
        return None
    w = v.group("w").lower()
    head = m[np_[0]:np_[1]].split()[0]
    if (not w.endswith(("ed", "s")) or w in lx.aux or w.endswith("ss")
            or not (head[0].isupper() and head.lower() not in lx.det or head.lower() in lx.subject
                    or lead and can_speak(lx, m[np_[0]:np_[1]]))):
        return None
    f = Frame(off + v.start("cue"), off + v.end("cue"), "", "fallback")
    f.kind = "fallback"
    f.sp_s, f.sp_e = np_
    if lead:
        if not (w.endswith("ed") or w in lx.past):
            return None                  # "Giant screens …:", "It seems …:": a past tense narrates a speech
        f.contents.append([q.open_mark, q.close_mark])
        return f
    end = ue
    for b in breaks:
        if b > q.close_mark:
            end = b
            break
    br = CLAUSE_END.search(m, q.close_mark, end)
    if br:
        end = br.start()
    f.contents.append([skip_space(m, v.end(), ue), end])
    return f
