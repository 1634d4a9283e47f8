"""One article's attribution in progress: its masked text, its units, and the quotes made so far.

A unit is a sentence, or sentences read as one: where a quotation crosses a sentence break, where a
sentence follows a quotation that ended its own ("…?” Smith asked.", a154c37), and where the segmenter
split after a title or before a lower-case word ("Rep. | Ann Lowe said", c816279). The masked text
hides every quotation behind ``MASK`` characters (``reading``); a no-break space reads as a space
(6ced257). ``emit`` turns a frame and a span into a ``Quote``: direct when the span is one quotation,
mixed when it holds one of its speaker's, indirect otherwise; another speaker's quotation inside the span
does not make it mixed (18f822e).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Quote, Sentence
from . import marks
from .frames import Frame
from .reading import MASK, WORD, strip_span
from .words import Lexicon


class Article:
    """The masked text ``m``, the quoted ``spans``, the ``units`` ([start, end, paragraph, sentence breaks
    inside]) and the quotes found so far (``out``), with what the next unit reads of the one before."""

    def __init__(self, lx: Lexicon, text: str, sentences: list[Sentence]) -> None:
        self.text = text
        self.audience, self.nominal, self.time = lx.audience, lx.nominal.match, lx.time
        self.lx = lx
        # paragraphs of the non-boilerplate sentences
        paras: list[list[int]] = []
        para_ids: list[int] = []
        for s in sentences:
            if para_ids and para_ids[-1] == s.paragraph:
                paras[-1][1] = s.end
            else:
                paras.append([s.start, s.end])
                para_ids.append(s.paragraph)
        self.start, self.end = paras[0][0], paras[-1][1]
        self.spans = spans = marks.quoted_spans(text, paras)
        self.span_starts = [q.open_mark for q in spans]
        self.m = _masked(text, spans)
        self.units = _units(lx, self.m, sentences, spans)
        self.sent_starts = [s.start for s in sentences]
        self.sent_idx = [s.idx for s in sentences]
        self.out: list[Quote] = []
        self.owner: dict[int, int] = {}          # quoted span index -> quote index that took it
        self.last_quote_by_para: dict[int, int] = {}
        self.prev_unit_quote: int | None = None  # last quote of the previous unit (for continuation)
        self.prev_unit_end_mask = False          # the previous unit ended with a quotation

    def sidx(self, pos: int) -> int:
        return self.sent_idx[max(0, bisect_right(self.sent_starts, pos) - 1)]

    def masks_in(self, a: int, b: int) -> list[int]:
        """Indexes of the quoted spans that overlap m[a:b]."""
        spans = self.spans
        k = max(0, bisect_right(self.span_starts, a) - 1)
        res = []
        while k < len(spans) and spans[k].open_mark < b:
            if spans[k].close_mark > a:
                res.append(k)
            k += 1
        return res

    def emit(self, frame: Frame | None, a: int, b: int, inherit_q: int | None = None,
             foreign: set[int] | frozenset = frozenset()) -> int | None:
        """The index of a new quote of m[a:b] (trimmed) spoken in ``frame``, or None when the span holds no
        word; ``inherit_q``: the quote it continues; ``foreign``: quoted spans of other speakers."""
        text, spans, out = self.text, self.spans, self.out
        a, b = strip_span(self.m, a, b)
        if a >= b:
            return None
        inside = self.masks_in(a, b)
        kind = "indirect"
        # quotations of another speaker inside the content do not make it a quotation
        if inside and not all(k in foreign for k in inside):
            q0 = spans[inside[0]]
            if len(inside) == 1 and q0.open_mark <= a and b <= q0.close_mark:
                kind = "direct"
                a, b = strip_span(text, q0.start, q0.end, " \t\n,")
                if a >= b:
                    return None
            else:
                kind = "mixed"
                # whole quotations at the ends
                a = min(a, spans[inside[0]].open_mark)
                b = max(b, spans[inside[-1]].close_mark)
        if kind != "direct" and not WORD.search(text, a, b):
            return None
        q = Quote(kind=kind, content=text[a:b], start=a, end=b, sentence_idx=self.sidx(a))
        if frame is not None:
            q.cue_start, q.cue_end = frame.cue_s, self.cue_end(frame)
            q.cue = text[q.cue_start:q.cue_end]
            if frame.pronoun is not None:
                q.speaker_start, q.speaker_end = frame.pronoun
                q.speaker_mention = text[q.speaker_start:q.speaker_end]
            elif frame.sp_s is not None:
                sp = _speaker(self.lx, text, frame.sp_s, frame.sp_e)
                if sp is None:
                    return None
                q.speaker_start, q.speaker_end = sp
                q.speaker_mention = text[sp[0]:sp[1]]
        if inherit_q is not None:
            q.continues = inherit_q
            if q.speaker_mention is None:
                # the speaker is named in an earlier sentence: point at that mention, so
                # that the quote carries its attribution even without coreference
                root = out[inherit_q]
                q.speaker_mention, q.speaker_start, q.speaker_end = \
                    root.speaker_mention, root.speaker_start, root.speaker_end
        out.append(q)
        for k in inside:
            self.owner.setdefault(k, len(out) - 1)
        return len(out) - 1

    def cue_end(self, frame: Frame) -> int:
        """Where the cue as stored ends: after the verb and its particle ("has told", "pointed out"), or
        after the audience that joins it ("told reporters") or the medium ("said in a statement"); the
        when and how that the frame reads past ("said on Monday", "said firmly") are not the cue (with
        them, 2,548 distinct BBC cues)."""
        e = frame.cue_e
        if frame.verb_e < e:
            v = frame.verb_e
            n = self.nominal(self.m, v, e)          # the medium stays: "said in a statement", "wrote on Twitter"
            if n:
                seg = self.m[v:n.end()].rstrip()
                t = _TIME_AFTER.search(seg)
                if t and t.group(1).lower() in self.time:
                    seg = seg[:t.start()]           # (not "on Monday" after it)
                v += len(seg)
            for w in WORD.finditer(self.text, v, e):
                if w.group().lower() in self.audience:
                    return w.end()
                if w.group().lower() not in ("the", "to"):
                    break
            e = v
        return e

    def emit_quotation(self, frame: Frame | None, k: int, inherit_q: int | None = None) -> int | None:
        """``emit`` the whole quoted span k, marks included."""
        return self.emit(frame, self.spans[k].open_mark, self.spans[k].close_mark, inherit_q)


# a day or a month after the medium of a cue: "said in a statement on Monday"
_TIME_AFTER = re.compile(r" (?:on|in|at) ([A-Z]\w+)$")
# a figure read as a speaker: "the £130m expected", "10,000 members" cut at the comma, "100m analysts"
_FIGURE = re.compile(r"\d[\d,.]*(?:m|bn|k|%|p)?\b")
# a subject pronoun with its contracted auxiliary: "I’ve always said"
_CONTRACTED = re.compile(r"(?i)(?:I|we|you|they|he|she|it)(?=['’](?:ve|d|ll|m|re|s)$)")


def _speaker(lx: Lexicon, text: str, s: int, e: int) -> tuple[int, int] | None:
    """The speaker's span as read (s, e), trimmed of a contraction ("I’ve" -> "I"); None when the phrase is
    no speaker and the frame no attribution: a figure ("the £130m expected a year earlier"; 99 BBC rows,
    none an attribution), "most" before an adverb ("the date most recently proposed"), a lone lower-case
    word that is neither a pronoun, a plural nor a noun for people ("qualify", "up", "enough") or a lone
    quantifier ("all", "both"): of such rows (plurals among them) PolNeAR's annotators counted 82 of 270 as
    attributions."""
    c = _CONTRACTED.match(text, s, e)
    if c:
        return s, c.end()
    w = text[s:e]
    if w.islower() and w.isalpha() and not w.endswith("s") and (w in lx.quantifier or w in lx.det or not (
            w in lx.subject or w in lx.relative or w in lx.speaking)):
        return None                     # ("others said" and "critics say" stay)
    if text[s].isdigit():
        f = _FIGURE.match(text, s, e)
        before = text[max(0, s - 1):s]
        if f and f.end() < e and before == "," and text[s - 2:s - 1].isdigit() and f.group().isdigit():
            # "2,500 adults polled said": the phrase was read from the comma of the number
            while s > 0 and (text[s - 1].isdigit() or text[s - 1] == "," and text[s - 2:s - 1].isdigit()):
                s -= 1
            return s, e
        if f and (f.end() == e or before in ",.£$€" or f.group()[-1].isalpha() or f.group()[-1] == "%"):
            return None
    if text[s:e].lower() in ("most", "more", "least", "less") and re.match(r"\s+[a-z]+ly\b", text[e:e + 20]):
        return None
    return s, e


def _masked(text: str, spans) -> str:
    """The text with each quotation, marks included, replaced by as many MASK characters."""
    if spans:
        parts = []
        last = 0
        for q in spans:
            parts.append(text[last:q.open_mark])
            parts.append(MASK * (q.close_mark - q.open_mark))
            last = q.close_mark
        parts.append(text[last:])
        m = "".join(parts)
    else:
        m = text
    if "\u00a0" in m:
        m = m.replace("\u00a0", " ")     # a no-break space ("said,\u00a0“…”") reads as a space (same offsets)
    return m


def _units(lx: Lexicon, m: str, sentences: list[Sentence], spans) -> list[list]:
    """Sentences, merged where a quotation crosses a sentence break or a sentence follows a quotation that
    ended its sentence ("…?” Smith asked."): [start, end, paragraph, sentence breaks inside]."""
    units: list[list] = []
    qi = 0
    for s in sentences:
        if units and units[-1][2] == s.paragraph:
            b = s.start
            while qi < len(spans) and spans[qi].close_mark <= b:
                qi += 1
            crossing = qi < len(spans) and spans[qi].open_mark < b < spans[qi].close_mark
            pe = units[-1][1]
            if crossing or (m[pe - 1:pe] == MASK and m[b:b + 1] != MASK):
                if not crossing:
                    units[-1][3].append(b)
                units[-1][1] = s.end
                continue
            c0 = m[b:b + 1]
            if m[pe - 1:pe] == "." and m[pe - 2:pe - 1].isalpha() and _title_before(lx, m, pe - 1) or \
                    c0 and not (c0.isupper() or c0.isdigit() or c0 in "\"“‘'([" or c0 == MASK):
                units[-1][1] = s.end        # "Rep. | Trey Gowdy said", "(R-S.C. | ): …": one sentence
                continue
        units.append([s.start, s.end, s.paragraph, []])
    return units


def _title_before(lx: Lexicon, m: str, dot: int) -> bool:
    """Is the word before the full stop at m[dot] a title written with one ("Rep.")? Only a word as short
    as the longest title is lower-cased: lower-casing the text back to the last space cost a whole
    prefix of the article per sentence when the word was long, quadratic in the article's length."""
    sp = m.rfind(" ", max(dot - 7, 0), dot)
    return dot - sp - 1 <= lx.longest_title and m[sp + 1:dot].lower() in lx.title
