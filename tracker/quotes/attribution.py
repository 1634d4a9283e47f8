"""Cue-anchored attribution: speaker, cue and content around each reporting verb.

No parser runs at this speed, so sentences are read with lexicons
(``data/quotes/grammar.txt``: determiners, pronouns, auxiliaries, words that
end a noun phrase) and capitalisation. The work happens on a *masked* copy of
the article in which every quotation (marks included) is replaced by
``MASK`` characters of the same length: offsets stay those of the text, and
the words inside a quotation can never be read as a cue or a speaker.

For each cue the frame is one of:

* preposed:  SPEAKER (aux/adverbs) CUE [recipient] [where/when] [that|:|,] CONTENT
* postposed: CONTENT, SPEAKER CUE [, CONTENT]        ("…,” Smith said.)
* inverted:  CONTENT, CUE SPEAKER [, CONTENT]        ("…,” said Smith.)
* subjectless: "…, adding …", "… but added: …": the speaker of the frame before
* according: According to SPEAKER, CONTENT / CONTENT, according to SPEAKER
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from .. import lexicon
from ..model import Quote, Sentence
from . import cues, marks

MASK = "\x01"
_TOK = re.compile(r"\x01+|\w[\w’'\-]*|[^\w\s]")
_WORD = re.compile(r"\w+")
_DASHES = "–—"
_YEAR = re.compile(r"(?:19|20)\d\d")
_STRIP = " \t\n.,;:–—-"


@cache
def grammar() -> dict[str, frozenset[str]]:
    return {k: frozenset(v.split()) for k, v in lexicon.mapping("quotes/grammar.txt", ":").items()}


class _Lex:
    """The lexicons as attributes, loaded once."""

    def __init__(self) -> None:
        g = grammar()
        self.aux, self.adverb, self.notly = g["aux"], g["adverb"], g["notly"]
        self.subject, self.relative, self.object = g["subject"], g["relative"], g["object"]
        self.det, self.link, self.time = g["det"], g["link"], g["time"]
        self.opener = g["opener"] - self.det
        self.verbs = cues.verbs()
        self.stop = g["stop"] | self.aux | self.object - {"her"} | frozenset(
            w for f in self.verbs for w in [f] if " " not in f)
        self.that = g["that"]
        pre = cues.trie_pattern(sorted(self.aux | self.adverb))
        notly = cues.trie_pattern(sorted(self.notly))
        self.cue = re.compile(
            rf"(?<![\w’'\-])(?P<pre>(?:(?:{pre}|(?!(?:{notly})\s)[a-z]+ly)\s+){{0,4}})"
            rf"(?P<verb>{cues.trie_pattern(self.verbs)})(?![\w’'\-])"
            r"|(?P<acc>(?<![\w])[Aa]ccording to)(?!\w)")
        self.nominal = re.compile(r"[ \t]*,?[ \t]*" + cues.nominal_pattern())
        time = "|".join(sorted(g["time"] - {"may", "march"}, key=len, reverse=True))
        self.when = re.compile(
            rf"[ \t]*,?[ \t]*(?:(?:(?:on|last|this|early|earlier|late|later|next|in|that|each|every)\s+)?"
            rf"(?:{time}|[12]\d\d\d)(?:\s+(?:{time}))?|(?:yesterday|today|tonight|recently|earlier|later|again|"
            rf"too|then|privately|publicly|repeatedly|once|previously|afterward|afterwards|at the time|"
            rf"last \w+|this \w+|on \w+ \d+|in \w+ \d{{4}}))\b", re.I)


@cache
def lex() -> _Lex:
    return _Lex()


# verbs that take the person spoken to before what is said ("told reporters that")
_RECIPIENT = frozenset("tell ask warn urge remind assure reassure inform advise promise caution beg order "
                       "instruct thank email e-mail text call on".split())
_NEEDS_OBJECT_CONTENT = frozenset("urge ask beg order instruct advise remind call on encourage".split())


_BE = frozenset("is are was were be been being 's ’s".split())
_UNAMBIGUOUS = frozenset("say says tell tells".split())


@cache
def _noun_like(base: str) -> frozenset[str]:
    """Forms of a verb that may be nouns as well ("call", "calls", "plans")."""
    if base in _UNAMBIGUOUS or " " in base:
        return frozenset()
    return frozenset(f for f in cues.inflect(base) if not f.endswith(("ed", "ing")))


def _verb_context(lx: _Lex, m: str, us: int, pos: int) -> bool:
    """Can the word at ``pos`` be a verb, judging by the word before it?"""
    toks = _tokens(m, max(us, pos - 40), pos)
    if not toks:
        return False
    w = toks[-1][2]
    lw = w.lower()
    if lw in lx.subject or lw in lx.relative:
        return True
    if not _is_word(w) or lw.endswith(("’s", "'s")) or lw in lx.det or lw in lx.stop or lw in lx.link:
        return False
    if w[0].isupper():
        return lw not in lx.opener
    return lw.endswith("s") and not lw.endswith("ss")


class _Frame:
    __slots__ = ("cue_s", "cue_e", "sp_s", "sp_e", "contents", "inherit", "kind", "lead", "unit", "base",
                 "cls", "relative", "quote_idx", "coordinated", "cut_at", "content_start")

    def __init__(self, cue_s, cue_e, base, cls):
        self.cue_s, self.cue_e, self.base, self.cls = cue_s, cue_e, base, cls
        self.sp_s = self.sp_e = None
        self.contents: list[list[int]] = []
        self.inherit = None      # index of the frame whose speaker this one shares
        self.kind = None         # preposed, postposed, inverted, subjectless, according
        self.lead = False        # "X said:" with the quotation in the next unit
        self.relative = None     # "–" or "," when the subject came through "who"/"which"
        self.quote_idx = None
        self.coordinated = False  # opens a clause coordinated with the one before (cuts its content)
        self.cut_at = None        # where the content of the frame before ends
        self.content_start = None


def _tokens(m: str, lo: int, hi: int):
    return [(t.start(), t.end(), t.group()) for t in _TOK.finditer(m, lo, hi)]


def _is_word(w: str) -> bool:
    return w[0].isalnum() or w[0] == "_"


def _np_backward(lx: _Lex, toks, i: int):
    """Start index (into toks) of the noun phrase ending at toks[i], or None."""
    j = i
    taken = 0
    first_ok = None
    while j >= 0:
        s, e, w = toks[j]
        c = w[0]
        if c.isalnum():
            lw = w.lower()
            if c.isupper() or c.isdigit():
                if c.isupper() and lw in lx.opener and (j == 0 or not _is_word(toks[j - 1][2])
                                                        or toks[j - 1][2][0].islower()):
                    break
                if c.isupper() and lw in lx.det:
                    taken += 1
                    first_ok = j
                    j -= 1
                    break
                taken += 1
                first_ok = j
            elif lw in lx.det:
                taken += 1
                first_ok = j
                if not (j > 0 and toks[j - 1][2].lower() in ("of", "for")):
                    j -= 1
                    break
            elif lw in lx.link:
                if taken == 0:
                    break
                if lw == "and":
                    # "Smith and Jones", "Smith and his wife"; not "the bill passed and officials"
                    if not (j > 0 and toks[j - 1][2][0].isupper() and (toks[j + 1][2][0].isupper()
                                                                      or toks[j + 1][2].lower() in lx.det)):
                        break
            elif lw in lx.stop or lw in lx.time or lw in lx.subject:
                break
            else:
                taken += 1
                first_ok = j
        elif w in "’'" and j > 0 and toks[j - 1][2][-1:] in "sS" and toks[j - 1][1] == s and taken:
            pass                                 # plural possessive: "voters’ anger"
        elif w == "." and j > 0 and toks[j - 1][1] == s and (len(toks[j - 1][2]) <= 3 and toks[j - 1][2][0].isupper()):
            pass                                 # Mr. Sen. U.S. J.
        elif w == "&" and taken:
            pass
        else:
            break
        j -= 1
    if first_ok is None:
        return None
    # a phrase cannot open with a linking word
    k = first_ok
    while k <= i and toks[k][2].lower() in lx.link:
        k += 1
    return k if k <= i else None


def _subject(lx: _Lex, m: str, lo: int, hi: int):
    """(start, end, relative-mark) of the speaker noun phrase ending at ``hi``, or None."""
    toks = _tokens(m, max(lo, hi - 240), hi)
    i = len(toks) - 1
    if i < 0:
        return None
    s, e, w = toks[i]
    lw = w.lower()
    if lw in lx.subject:
        return s, e, None
    if lw in lx.relative:
        # "Russia – which has denied …": the speaker is the phrase before the relative pronoun
        j = i - 1
        mark = None
        if j >= 0 and toks[j][2] in (",", "–", "—", "("):
            mark = toks[j][2]
            j -= 1
        if j < 0 or not _is_word(toks[j][2]):
            return None
        k = _np_backward(lx, toks, j)
        if k is None or lw == "that" and mark is None:
            return None
        return toks[k][0], toks[j][1], mark or ","
    # skip when/where words between subject and cue: "Trump on Monday said"
    j = i
    n = 0
    while j >= 0 and n < 4 and (toks[j][2].lower() in lx.time or _YEAR.fullmatch(toks[j][2])
                                or toks[j][2].lower() in ("on", "last", "this", "in", "earlier", "late", "early")):
        j -= 1
        n += 1
    if n and j >= 0 and _is_word(toks[j][2]) and toks[j][2].lower() not in lx.stop:
        i = j
    if toks[i][2] == ",":
        # an appositive or an aside between commas: "Hugh Hill, a doctor at the clinic, said"
        j = i - 1
        while j >= 0 and i - j <= 16 and toks[j][2] != "," and toks[j][2][0] != MASK and toks[j][2] not in ";:":
            j -= 1
        if j < 1 or toks[j][2] != ",":
            return None
        k = _np_backward(lx, toks, j - 1)
        if k is None:
            return None
        if toks[k][2].lower() in lx.subject and k == j - 1:
            return toks[k][0], toks[k][1], None
        return toks[k][0], toks[j - 1][1], None
    if not _is_word(toks[i][2]):
        return None
    if toks[i][2].lower() in lx.subject:
        return toks[i][0], toks[i][1], None
    k = _np_backward(lx, toks, i)
    if k is None:
        return None
    return toks[k][0], toks[i][1], None


def _np_forward(lx: _Lex, m: str, lo: int, hi: int):
    """(start, end) of the noun phrase starting at ``lo`` (after "said", "according to")."""
    toks = _tokens(m, lo, min(hi, lo + 240))
    if not toks:
        return None
    w = toks[0][2]
    if w.lower() in lx.subject and w.lower() != "it":
        return toks[0][0], toks[0][1]
    last = None
    for j, (s, e, w) in enumerate(toks):
        c = w[0]
        if c.isalnum():
            lw = w.lower()
            if c.isupper() or c.isdigit():
                last = j
            elif lw in lx.det:
                if last is not None and toks[j - 1][2].lower() not in lx.link:
                    break
            elif lw in lx.link:
                if last is None:
                    break
                if lx.nominal.match(m, toks[j - 1][1]) or lx.when.match(m, toks[j - 1][1]):
                    break
            elif lw in lx.stop or lw in lx.time or lw in lx.subject or lw in lx.that:
                break
            else:
                last = j
        elif w == "." and j and toks[j - 1][1] == s and len(toks[j - 1][2]) <= 3 and toks[j - 1][2][0].isupper() \
                and j + 1 < len(toks) and toks[j + 1][2][0].isupper():
            continue
        elif w in "’'" and j and toks[j - 1][2][-1:] in "sS":
            continue
        elif w == "&":
            continue
        else:
            break
    if last is None:
        return None
    return toks[0][0], toks[last][1]


def _skip_space(m: str, i: int, hi: int) -> int:
    while i < hi and m[i] in " \t\n":
        i += 1
    return i


def _after_cue(lx: _Lex, m: str, pos: int, hi: int, base: str):
    """(end of the cue phrase, start of the content) after a verb ending at ``pos``."""
    cue_end = pos
    i = pos
    # where and when: "in a statement", "on Twitter", "on Sunday"
    for _ in range(3):
        mm = lx.nominal.match(m, i, hi) or lx.when.match(m, i, hi)
        if not mm:
            break
        i = mm.end()
        cue_end = i
    content_object = False
    if base in _RECIPIENT:
        j = _skip_space(m, i, hi)
        toks = _tokens(m, j, min(hi, j + 160))
        r = _recipient(lx, toks)
        if r is not None:
            if base in _NEEDS_OBJECT_CONTENT or (r + 1 < len(toks) and toks[r + 1][2].lower() in ("to", "not")):
                content_object = True
            else:
                i = toks[r][1]
                if base in ("tell", "ask", "email", "text"):
                    cue_end = i
                for _ in range(3):
                    mm = lx.nominal.match(m, i, hi) or lx.when.match(m, i, hi)
                    if not mm:
                        break
                    i = mm.end()
    j = _skip_space(m, i, hi)
    if j < hi and m[j] in ",:" and not content_object:
        j = _skip_space(m, j + 1, hi)
    elif j < hi and m[j] in _DASHES:
        j = _skip_space(m, j + 1, hi)
    return cue_end, j


def _recipient(lx: _Lex, toks):
    """Index of the last token of the person spoken to, or None."""
    if not toks:
        return None
    w = toks[0][2]
    lw = w.lower()
    if lw in lx.object and lw not in ("it", "her"):
        return 0
    if lw == "her":
        # "told her that" vs "told her aides that"
        if len(toks) > 1 and (toks[1][2].lower() in lx.that or not _is_word(toks[1][2])):
            return 0
    j = 0
    if lw in lx.det or lw == "her":
        j = 1
    if j < len(toks) and toks[j][2][0].isupper():
        k = j
        while k + 1 < len(toks) and (toks[k + 1][2][0].isupper() or toks[k + 1][2] in ("of", "’s", "'s")
                                     or toks[k + 1][2] == "." and len(toks[k][2]) <= 3):
            k += 1
        return k
    # lower-case noun phrase of up to four words ending before that/to/,/:/a quotation
    k = j
    while k < len(toks) and k - j < 4 and _is_word(toks[k][2]) and toks[k][2][0].islower() \
            and toks[k][2].lower() not in lx.stop and toks[k][2].lower() not in lx.that \
            and toks[k][2].lower() not in lx.subject:
        k += 1
    if k > j and k < len(toks) and (toks[k][2].lower() in ("that", "to", "not") or toks[k][2] in ",:"
                                    or toks[k][2][0] == MASK):
        return k - 1
    return None


def _strip_span(text: str, a: int, b: int, chars: str = _STRIP):
    while a < b and text[a] in chars:
        a += 1
    while b > a and text[b - 1] in chars:
        b -= 1
    return a, b


def attribute(text: str, sentences: list[Sentence]) -> list[Quote]:
    if not sentences:
        return []
    lx = lex()
    # paragraphs of the non-boilerplate sentences
    paras: list[list[int]] = []
    para_ids: list[int] = []
    for s in sentences:
        if para_ids and para_ids[-1] == s.paragraph:
            paras[-1][1] = s.end
        else:
            paras.append([s.start, s.end])
            para_ids.append(s.paragraph)
    spans = marks.quoted_spans(text, paras)
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
    # units: sentences, merged where a quotation crosses a sentence break or a
    # lower-case sentence goes on after a quotation ("…?” he asked.)
    units: list[list[int]] = []      # [start, end, sentence index, paragraph]
    qi = 0
    for s in sentences:
        if units and units[-1][3] == s.paragraph:
            b = s.start
            while qi < len(spans) and spans[qi].close_mark <= b:
                qi += 1
            crossing = qi < len(spans) and spans[qi].open_mark < b < spans[qi].close_mark
            if crossing or (s.text[:1].islower() and m[units[-1][1] - 1:units[-1][1]] == MASK):
                units[-1][1] = s.end
                continue
        units.append([s.start, s.end, s.idx, s.paragraph])
    sent_starts = [s.start for s in sentences]
    sent_idx = [s.idx for s in sentences]
    span_starts = [q.open_mark for q in spans]

    out: list[Quote] = []
    owner: dict[int, int] = {}          # quoted span index -> quote index that took it
    last_quote_by_para: dict[int, int] = {}
    lead: _Frame | None = None          # "X said:" waiting for its quotation
    prev_unit_quote: int | None = None  # last quote of the previous unit (for continuation)
    prev_para = None

    def sidx(pos: int) -> int:
        return sent_idx[max(0, bisect_right(sent_starts, pos) - 1)]

    def masks_in(a: int, b: int) -> list[int]:
        k = bisect_right(span_starts, a - 1)
        k = max(0, k - 1)
        res = []
        while k < len(spans) and spans[k].open_mark < b:
            if spans[k].close_mark > a:
                res.append(k)
            k += 1
        return res

    def emit(frame: _Frame | None, a: int, b: int, unit_start: int, inherit_q: int | None = None) -> int | None:
        a, b = _strip_span(m, a, b)
        # trailing closing marks belong to a quotation: keep them when the content ends in one
        if a >= b:
            return None
        inside = masks_in(a, b)
        kind = "indirect"
        if inside:
            q0 = spans[inside[0]]
            if len(inside) == 1 and q0.open_mark <= a and b <= q0.close_mark:
                kind = "direct"
                a, b = _strip_span(text, q0.start, q0.end, " \t\n,")
            else:
                kind = "mixed"
                # keep whole quotations at the ends
                first, lastq = spans[inside[0]], spans[inside[-1]]
                a = min(a, first.open_mark) if first.open_mark < a else a
                b = max(b, lastq.close_mark) if lastq.close_mark > b else b
        if kind != "direct" and len(_WORD.findall(text, a, b)) < 1:
            return None
        q = Quote(kind=kind, content=text[a:b], start=a, end=b, sentence_idx=sidx(a))
        if frame is not None:
            q.cue = text[frame.cue_s:frame.cue_e]
            q.cue_start, q.cue_end = frame.cue_s, frame.cue_e
            if frame.sp_s is not None:
                q.speaker_mention = text[frame.sp_s:frame.sp_e]
                q.speaker_start, q.speaker_end = frame.sp_s, frame.sp_e
        if inherit_q is not None:
            q.continues = inherit_q
        out.append(q)
        for k in inside:
            owner.setdefault(k, len(out) - 1)
        return len(out) - 1

    for us, ue, _, para in units:
        frames: list[_Frame] = []
        for c in lx.cue.finditer(m, us, ue):
            if c.group("acc"):
                f = _Frame(c.start("acc"), c.end("acc"), "according to", "according")
                f.kind = "according"
                np_ = _np_forward(lx, m, _skip_space(m, c.end(), ue), ue)
                if np_ is None:
                    continue
                f.sp_s, f.sp_e = np_
                frames.append(f)
                continue
            form = c.group("verb")
            base, cls = lx.verbs[form]
            pre = c.group("pre").split()
            if pre and pre[-1].lower() in _BE and not form.endswith(("ing", "s")) and form != base:
                continue                        # passive: "is expected to", "was told"
            if not pre and form in _noun_like(base) and not _verb_context(lx, m, us, c.start()):
                continue                        # a noun: "a phone call", "the plans"
            f = _Frame(c.start(), c.end("verb"), base, cls)
            frames.append(f)
        if not frames:
            frames_done: list[_Frame] = []
        else:
            frames_done = []
            for n, f in enumerate(frames):
                if f.kind == "according":
                    frames_done.append(f)
                    continue
                _analyse(lx, m, text, us, ue, f, frames_done)
                if f.kind:
                    frames_done.append(f)
        # contents, cut where a later coordinated frame begins
        for n, f in enumerate(frames_done):
            if f.kind == "according":
                j = _skip_space(m, f.sp_e, ue)
                before = m[us:f.cue_s].strip(" \t\n,;:–—")
                if not before or f.cue_s - us < 3:
                    if j < ue and m[j] == ",":
                        f.contents.append([j + 1, _cut(frames_done, n, ue, f.sp_e)])
                else:
                    cs = _clause_start(frames_done, n, us)
                    f.contents.append([cs, f.cue_s])
                continue
            for c in f.contents:
                if c[1] is None:
                    c[1] = _cut(frames_done, n, ue, c[0])
                    if f.relative:
                        # "Russia – which has denied it plans to invade Ukraine – has placed …"
                        k = m.find(")" if f.relative == "(" else f.relative, c[0], c[1])
                        if k > 0:
                            c[1] = k
        # a frame inside the content of another ends where that content ends
        for f in frames_done:
            for g in frames_done:
                if g is f:
                    continue
                for a, b in g.contents:
                    if a <= f.cue_s < b:
                        for c in f.contents:
                            if a <= c[0] < b and c[1] > b:
                                c[1] = b
        # quotes of this unit
        pending_masks = set(masks_in(us, ue))
        unit_quotes: list[int] = []
        if lead is not None and pending_masks:
            k0 = min(pending_masks)
            if spans[k0].open_mark <= _skip_space(m, us, ue) + 1:
                idx = emit(lead, spans[k0].open_mark, spans[k0].close_mark, us)
                if idx is not None:
                    unit_quotes.append(idx)
                    pending_masks.discard(k0)
        lead = None
        for f in frames_done:
            inherit_q = None
            if f.inherit is not None and frames_done[f.inherit].quote_idx is not None:
                inherit_q = frames_done[f.inherit].quote_idx
            first = None
            for a, b in f.contents:
                if b is None or b <= a:
                    continue
                idx = emit(f, a, b, us, inherit_q if first is None else first)
                if idx is not None:
                    if first is None:
                        first = idx
                    unit_quotes.append(idx)
                    for k in masks_in(a, b):
                        pending_masks.discard(k)
            if first is not None:
                f.quote_idx = first
            elif f.lead and f.sp_s is not None:
                lead = f
        # quotations no frame took: continuation of the speech before, or unattributed
        for k in sorted(pending_masks):
            q = spans[k]
            if k in owner:
                continue
            rest = (m[us:q.open_mark] + m[q.close_mark:ue]).strip(" \t\n.,;:!?–—-()[]")
            words = len(_WORD.findall(text, q.start, q.end))
            prev = None
            if not rest:
                if q.continues and para - 1 in last_quote_by_para:
                    prev = last_quote_by_para[para - 1]
                elif prev_unit_quote is not None:
                    prev = prev_unit_quote
            if prev is not None or words >= 4 and not _WORD.search(rest or ""):
                idx = emit(None, q.open_mark, q.close_mark, us, prev)
                if idx is not None:
                    unit_quotes.append(idx)
        if unit_quotes:
            prev_unit_quote = max(unit_quotes, key=lambda i: out[i].start)
            last_quote_by_para[para] = prev_unit_quote
        elif not _is_quote_only(m, us, ue):
            prev_unit_quote = None
        prev_para = para
    return out


def _is_quote_only(m: str, a: int, b: int) -> bool:
    """No word outside quotation marks (the mask is not a word character)."""
    return not _WORD.search(m, a, b)


def _clause_start(frames: list[_Frame], n: int, us: int) -> int:
    """Where the content of a postposed frame begins: the unit start, or the end of
    the frame before it."""
    start = us
    for f in frames[:n]:
        if f.kind not in ("postposed", "inverted", "according"):
            continue
        end = max([f.cue_e] + [b for _, b in f.contents if b] + ([f.sp_e] if f.sp_e else []))
        if end < frames[n].cue_s:
            start = max(start, end)
    return start


def _cut(frames: list[_Frame], n: int, ue: int, after: int) -> int:
    """The content of frame n ends where a later coordinated frame starts."""
    for f in frames[n + 1:]:
        s = f.sp_s if f.sp_s is not None and f.sp_s < f.cue_s and f.kind != "according" else f.cue_s
        if s <= after:
            continue
        if f.kind in ("subjectless", "postposed", "inverted", "according") or f.coordinated:
            return f.cut_at if f.cut_at is not None else s
    return ue


def _analyse(lx: _Lex, m: str, text: str, us: int, ue: int, f: _Frame, done: list[_Frame]) -> None:
    """Fill in the frame's kind, speaker and content for the cue at f.cue_s..f.cue_e."""
    cue_s, cue_e = f.cue_s, f.cue_e
    # what stands right before the cue (inside the unit)
    before = m[us:cue_s].rstrip()
    prev_char = before[-1:] if before else ""
    toks_before = _tokens(m, max(us, cue_s - 40), cue_s)
    prev_word = toks_before[-1][2].lower() if toks_before else ""
    ing = f.cue_e - f.cue_s >= 3 and text[f.cue_s:f.cue_e].split()[-1].endswith("ing")
    # subjectless: ", adding …", "– saying …", "and added", "but added:"
    if done and (prev_word in ("and", "but", "then", "before", "after", "while") or
                 (ing and prev_char in "," + _DASHES)):
        f.kind = "subjectless"
        f.inherit = len(done) - 1
        f.cut_at = _cut_point(us, cue_s, toks_before)
        f.coordinated = True
        cue_end, cs = _after_cue(lx, m, cue_e, ue, f.base)
        f.cue_e = cue_e = cue_end
        f.contents.append([cs, None])
        f.content_start = cs
        return
    subj = _subject(lx, m, us, cue_s)
    if subj is not None:
        s0, s1, rel = subj
        lead_s = m[us:s0].rstrip()
        lead_c = lead_s[-1:] if lead_s else ""
        cue_end, cs = _after_cue(lx, m, cue_e, ue, f.base)
        tail = m[cs:ue].strip(" \t\n.,;:!?")
        if lead_c in "," + MASK + _DASHES and lead_s and not rel and (not tail or m[cue_end:cs].strip().startswith(",")
                                                                     and f.cls == cues.SPEECH):
            # postposed: "…,” Smith said." / "A, Smith said, B"
            f.kind = "postposed"
            f.sp_s, f.sp_e = s0, s1
            f.cue_e = cue_end
            cs0 = _clause_start(done + [f], len(done), us)
            f.contents.append([cs0, len(lead_s) + us])
            if tail:
                f.contents.append([cs, None])
            return
        if not tail:
            if m[cue_e:ue].rstrip().endswith(":") and f.cls == cues.SPEECH:
                f.kind = "preposed"
                f.sp_s, f.sp_e = s0, s1
                f.cue_e = cue_end
                f.lead = True
            return
        f.kind = "preposed"
        f.sp_s, f.sp_e = s0, s1
        f.relative = rel
        f.cue_e = cue_end
        f.contents.append([cs, None])
        f.content_start = cs
        # a coordinated clause: "…, and Smith said …" cuts the frame before
        if lead_c in ",;" + _DASHES:
            f.coordinated = True
            f.cut_at = us + len(lead_s) - 1
        elif lead_s.lower().endswith((" and", " but")):
            f.coordinated = True
            f.cut_at = us + len(lead_s) - 4
        return
    # inverted: "…,” said Smith." — only verbs of speech, right after a comma or a quotation
    if f.cls == cues.SPEECH and prev_char in "," + MASK and before:
        np_ = _np_forward(lx, m, _skip_space(m, cue_e, ue), ue)
        if np_ is None:
            return
        f.kind = "inverted"
        f.sp_s, f.sp_e = np_
        cue_end, _ = _after_cue(lx, m, np_[1], ue, "")
        cs0 = _clause_start(done + [f], len(done), us)
        f.contents.append([cs0, len(before) + us])
        j = _skip_space(m, cue_end, ue)
        if j < ue and m[j] == ",":
            k = _skip_space(m, j + 1, ue)
            if k < ue and m[k] == MASK:
                f.contents.append([k, None])
        return


def _cut_point(us: int, cue_s: int, toks_before) -> int:
    """Where the clause before a subjectless cue ends (before ", adding", " and added")."""
    k = len(toks_before) - 1
    while k >= 0 and toks_before[k][2].lower() in ("and", "but", "then", "before", "after", "while", ",", "–", "—") \
            or k >= 0 and toks_before[k][2].endswith("ly"):
        k -= 1
    return toks_before[k][1] if k >= 0 else cue_s
