"""Cue-anchored attribution: speaker, cue and content around each reporting verb.

    attribute(text, sentences) -> list[Quote]

The work happens on a masked copy of the article (``reading``, ``article``) in which no quoted word can
be read as a cue or a speaker, one unit (a sentence, or sentences read as one) at a time. For each cue the
frame is one of:

* preposed:  SPEAKER (aux/adverbs) CUE [recipient] [where/when] [that|:|,] CONTENT   (``preposed``)
* postposed: CONTENT, SPEAKER CUE [, CONTENT]        ("…,” Smith said.")        (``postposed``)
* inverted:  CONTENT, CUE SPEAKER [, CONTENT]        ("…,” said Smith.")        (``inverted``)
* subjectless: "…, adding …", "… but added: …": the speaker of the frame before (``continuations``)
* according: According to SPEAKER, CONTENT / CONTENT, according to SPEAKER; a colon ("Name: “…”"), a
  dash ("“…” — Name")                                                           (``frames``)

The other modules, from the bottom up: ``reading`` (tokens of the masked text), ``words`` (the closed
classes of data/quotes/grammar.txt and the cue verbs), ``phrases`` (noun phrases backwards and forwards),
``asides`` and ``subjects`` (who speaks before a cue, or opens a clause), ``cue_phrase`` (which cue matches
are verbs, how far the cue phrase runs), ``content`` (where contents begin and end), ``article`` (one
article's units and quotes). Each starts with what it decides and why its rules exist (the commits and
figures that brought them). The work grows with the text and the quotes found, no faster: no lower-casing
or scan of all the text before a cue, no pass over a unit's frames for each frame (a 1 MB article took 50 s).
"""
from __future__ import annotations

from bisect import insort

from ..model import Quote, Sentence
from . import content, continuations, cues, inverted, postposed, preposed
from .article import Article
from .cue_phrase import after_cue, cue_frame
from .frames import Frame, asked_by, colon_lead, colon_speaker, has_dash, unit_dash
from .reading import MASK, Back, is_word, skip_space
from .subjects import antecedent, cue_subject
from .words import Lexicon, find_cues, lex

__all__ = ["attribute", "antecedent"]


def attribute(text: str, sentences: list[Sentence]) -> list[Quote]:
    """The quotes of the article ``text``, read in its (non-boilerplate) ``sentences``."""
    if not sentences:
        return []
    lx = lex()
    art = Article(lx, text, sentences)
    m, spans, out = art.m, art.spans, art.out
    cue_list = find_cues(lx, m, art.start, art.end)
    cue_starts = [c[0] for c in cue_list]
    n_cues = len(cue_list)
    dashes = "-" in text or "–" in text or "—" in text
    ci = 0
    lead: Frame | None = None          # "X said:" waiting for its quotation
    for us, ue, para, breaks in art.units:
        while ci < n_cues and cue_starts[ci] < us:
            ci += 1
        cj = ci
        while cj < n_cues and cue_starts[cj] < ue:
            cj += 1
        pending = art.masks_in(us, ue) if spans else []
        if cj == ci and not pending and lead is None:
            # nothing to attribute here (no cue, no quotation)
            if not (dashes and has_dash(m, us, ue)):
                art.prev_unit_quote = None
                art.prev_unit_end_mask = False
                if m[us:ue].rstrip().endswith(":"):
                    lead = colon_lead(lx, m, us, ue)
                continue
        frames = _frames(lx, art, us, ue, breaks, cue_list[ci:cj]) if cj > ci else []
        ci = cj
        unit_quotes: list[int] = []
        # "X said:" at the end of the unit before: its quotation opens this one
        if lead is not None and pending and spans[pending[0]].open_mark <= skip_space(m, us, ue):
            idx = art.emit_quotation(lead, pending[0])
            if idx is not None:
                unit_quotes.append(idx)
        lead = None
        # dash attribution: "“…” — Jane Doe" / a line "- Jane Doe, Ohio." after a quotation
        dash = unit_dash(lx, m, us, ue) if dashes and (pending or art.prev_unit_end_mask) else None
        if dash is None and pending and not frames:
            # "Jane Doe: “…”" (transcripts, headlines)
            f = colon_speaker(lx, m, us, ue)
            if f is not None:
                idx = art.emit_quotation(f, pending[0])
                if idx is not None:
                    unit_quotes.append(idx)
        if dash is not None:
            unit_quotes += _dash_quotes(art, dash, us, pending)
        by_cue = content.ByCue(frames) if len(frames) > 1 else None
        for f in frames:
            inherit_q = None
            if f.inherit is not None and f.inherit.quote_idx is not None:
                inherit_q = f.inherit.quote_idx
            elif f.inherit is not None and f.sp_s is None and f.inherit.sp_s is not None:
                # "she laughed and admitted “…”": the frame before reports nothing of its own, so
                # there is no quote to continue; its speaker is this frame's
                f.sp_s, f.sp_e, f.pronoun = f.inherit.sp_s, f.inherit.sp_e, f.inherit.pronoun
            first = None
            for a, b in f.contents:
                if b is None or b <= a or f.nested:
                    continue
                # "Johnson asked … what Downing Street has called “…”": Downing Street's words
                foreign = content.Foreign(spans, by_cue, f, a, b) if by_cue else ()
                idx = art.emit(f, a, b, inherit_q if first is None else first, foreign)
                if idx is not None:
                    if first is None:
                        first = idx
                    unit_quotes.append(idx)
            if first is not None:
                f.quote_idx = first
            elif f.lead and f.sp_s is not None:
                lead = f
        # quotations no frame took: the speech before goes on, or nobody is named
        if pending:
            unit_quotes += continuations.uncued(lx, art, us, ue, para, breaks, pending)
        if lead is None and not unit_quotes and not frames and m[us:ue].rstrip().endswith(":"):
            # "The mayor released the following statement:" with the quotation in the next paragraph
            lead = colon_lead(lx, m, us, ue)
        if unit_quotes:
            # the speech a following quotation continues: the last quotation, else the last quote
            quoted = [i for i in unit_quotes if out[i].kind != "indirect"]
            art.prev_unit_quote = max(quoted or unit_quotes, key=lambda i: out[i].start)
            art.last_quote_by_para[para] = art.prev_unit_quote
        else:
            art.prev_unit_quote = None
        art.prev_unit_end_mask = m[ue - 1:ue] == MASK
    return out


def _frames(lx: Lexicon, art: Article, us: int, ue: int, breaks: list[int], matches) -> list[Frame]:
    """The attribution frames of one unit, with their content spans resolved."""
    m, text = art.m, art.text
    frames: list[Frame] = []
    k = skip_space(m, us, ue)
    if m.startswith("Asked by ", k):
        # (a capitalised "Asked" is no cue of the lexicon's: the one that opens a sentence)
        f = asked_by(lx, m, k, k + 5, ue)
        if f is not None:
            frames.append(f)
    # content.frame_end of the frames so far, sorted, and the sentence breaks after a quotation that ended its
    # sentence: "“….” Meanwhile, the film took $3m, according to a website": the content starts after it
    ends: list[int] = list(breaks)
    for c in matches:
        f = cue_frame(lx, m, text, us, ue, c, frames)
        if f is not None and f.kind is None:
            _analyse(lx, m, text, us, ue, f, ends)
        if f is not None and f.kind:
            frames.append(f)
            end = content.frame_end(f)
            if end is not None:
                insort(ends, end)
    if not frames:
        return frames
    kinds = {f.kind for f in frames}
    reported = content.according_contents(m, us, ue, frames, breaks) if "according" in kinds else set()
    holders = content.close(m, ue, breaks, frames)
    if holders is not None:
        content.nest(m, frames, reported, holders)
    if "subjectless" in kinds:
        continuations.inherit(lx, m, us, ue, breaks, frames, holders)
    return frames


def _analyse(lx: Lexicon, m: str, text: str, us: int, ue: int, f: Frame, ends: list[int]) -> None:
    """Fill in the frame's kind, speaker and content for the cue at f.cue_s..f.cue_e (``ends``: where the
    unit's postposed frames before it end, sorted); the kind stays None when the cue frames nothing."""
    B = Back(m, max(us, f.cue_s - 240), f.cue_s)
    w0 = B.word(0)
    prev_word = w0.lower()
    # "released a statement saying …", "began saying": the subject of the clause speaks
    bare_ing = f.ing and is_word(w0) and prev_word not in lx.subjectless_after and prev_word not in lx.participle_after
    if bare_ing and preposed.participle(lx, m, us, ue, f, B):
        return
    if continuations.subjectless(lx, m, ue, f, B, bare_ing and f.cls == cues.SPEECH):
        return
    subj = cue_subject(lx, m, us, f.cue_s, B, f.ing)
    if subj is None:
        inverted.read(lx, m, text, us, ue, f, ends, B)
        return
    if not subj[2] and preposed.zero_relative(lx, m, ue, f, subj):
        return
    lo = max(us, subj[0] - 80)
    lead_s = m[lo:subj[0]].rstrip()           # the end of what precedes the speaker
    cue_end, cs = after_cue(lx, m, f.cue_e, ue, f.base)
    tail = m[cs:ue].strip(" \t\n.,;:!?")
    if not postposed.read(lx, m, text, us, ue, f, ends, subj, lead_s, lo + len(lead_s), cue_end, cs, tail):
        preposed.read(lx, m, ue, f, B, subj, lead_s, lo + len(lead_s), cue_end, cs, tail)


def _dash_quotes(art: Article, dash, us: int, pending: list[int]) -> list[int]:
    """The quotes a dash speaker (``unit_dash``) speaks: the last quotation before the dash in its unit,
    else the quotation that ended the unit before (which gets its speaker, if it had none)."""
    spans, out, text = art.spans, art.out, art.text
    if dash[2] is not None and dash[2] > us:
        targets = [k for k in pending if spans[k].close_mark <= dash[2]][-1:]
    else:
        targets = [] if not art.prev_unit_end_mask or art.prev_unit_quote is None else None
    f = Frame(dash[2], dash[2] + 1, "-", "dash")
    f.sp_s, f.sp_e = dash[0], dash[1]
    if targets:
        idx = art.emit_quotation(f, targets[0])
        return [] if idx is None else [idx]
    if targets is None and out and out[art.prev_unit_quote].speaker_mention is None \
            and out[art.prev_unit_quote].cue is None:
        # the quotation in the unit before: give it this speaker
        q = out[art.prev_unit_quote]
        q.cue, q.cue_start, q.cue_end = text[dash[2]:dash[2] + 1], dash[2], dash[2] + 1
        q.speaker_mention, q.speaker_start, q.speaker_end = text[dash[0]:dash[1]], dash[0], dash[1]
        q.continues = None
    return []
