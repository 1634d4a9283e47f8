"""Which occurrences of a reporting verb are cues, and how far each cue phrase runs.

The cue lexicon (``cues``) is matched in one scan of the article; here each match is judged. A form that
may be a noun ("call", "plans", "states") is a verb only where the word before agrees with it as a subject
(06d0006) or a quotation ends right before it ("“…,” the leaflet states.", ef48734); a form after a
determiner, a number or a month is a noun ("a written statement", "up 23 points", "the 11 September
attacks": 04816d9, 862c5a7); a participle with its agent after "by" is a passive ("measures added by
the council", 7fb5888); "appeared", "seemed" report only before "to", "that" or "like". Auxiliaries and
adverbs before the verb belong to the cue ("has repeatedly told", 4bb1f53); after it come the recipient
("told reporters", where the audience joins the cue: c816279) and where and when it was said ("in a
statement", "on Monday").
"""
from __future__ import annotations

import re

from . import cues
from .frames import PASSIVE_REPORT, Frame, according, asked_by, passive_by
from .phrases import ed_verb
from .reading import MASK, char_before, is_word, skip_space, tokens
from .words import Lexicon, noun_like


def cue_frame(lx: Lexicon, m: str, text: str, us: int, ue: int, c: tuple[int, int, str],
              frames: list[Frame]) -> Frame | None:
    """The frame a cue ``c`` (start, end, form: ``words.find_cues``) of the unit m[us:ue] opens, or None when
    it is no cue here. An "according to", "as reported by" or "asked by" frame comes whole; a verb's frame
    has no kind yet (its speaker and content are read next), and spans the auxiliaries and adverbs before
    the verb."""
    vs, ve, form = c
    if form[1:] == "ccording to":
        return according(lx, m, vs, ve, skip_space(m, ve, ue), ue)
    base, cls = lx.verbs[form]
    if frames and vs < frames[-1].cue_e:
        return None                     # inside the cue phrase before ("said in a written statement")
    # auxiliaries and adverbs before the verb belong to the cue: "has repeatedly told"
    lo = max(us, vs - 48)
    seg = m[lo:vs]
    words = seg.split()
    pos = len(seg)
    npre = 0
    for w in reversed(words[-4:]):
        if w in lx.preverb or w[-2:] == "ly" and w.islower() and w not in lx.notly:
            pos = seg.rfind(w, 0, pos)
            npre += 1
        else:
            break
    prev = words[-1 - npre] if len(words) > npre else ""
    if base == "ask" and form in ("asked", "Asked") and m.startswith(" by ", ve):
        # "Asked by Ann Lowe whether she would run": the agent after "by" asks, the clause after it
        # is the question
        return asked_by(lx, m, lo + pos if npre else vs, ve, ue)
    if npre:
        # the auxiliary nearest the verb, past any adverbs ("was once thought")
        last = words[-1] if npre == 1 else next((w for w in reversed(words[-npre:]) if w in lx.aux), words[-1])
        verb = form.split(" ", 1)[0] if " " in form else form      # "referring" of "referring to"
        if last in lx.passive_be and (form == base or not verb.endswith(("ing", "s"))):
            if base in PASSIVE_REPORT and form != base:
                # "was described as “…” by the union": the agent speaks
                return passive_by(lx, m, lo + pos, ve, ue, base, cls)
            return None                 # passive: "is expected to", "was told"; "was back"
    else:
        if (prev == "as" or prev == "As") and m.startswith(" by ", ve) and cls == cues.SPEECH \
                and form.endswith("ed") and (vs - 3 <= us or char_before(m, vs - 3) in ",;(–—"):
            # "As reported by The Post, …", "…, as noted by the senator": the agent after "by" speaks
            return according(lx, m, vs - 3, ve + 3, ve + 4, ue)
        if _after_determiner(lx, prev, form):
            return None                 # "a written statement", "the so-called", "his stated aim"
        if (form.endswith("ing") or form in noun_like(base)) and _counted(lx, prev):
            return None                 # "up 23 points", "the 11 September attacks", "a second reading"
        if form.endswith("ing") and lx.verb_next.match(m, ve) and prev[:1].isalpha() \
                and prev.lower() not in lx.subject and prev.lower() not in lx.relative:
            return None                 # "the court ruling is", "a reading could": a noun before a verb
        if form in noun_like(base) and not _verb_context(lx, prev, form != base, m, ve) \
                and not (form != base and _after_quotation(m, text, max(us, vs - 80), vs, ve, ue)):
            return None                 # a noun: "a phone call", "the plans"
    if not npre and form != base and not form.endswith(("ing", "s")) and _BY_AGENT.match(m, ve) \
            and prev.lower() not in lx.subject:
        return None                     # "measures added by Republicans": a participle, its agent after "by"
    if base in lx.raising and not _RAISING_NEXT.match(m, ve):
        return None                     # "appeared on stage", not "appeared to"
    f = Frame(lo + pos if npre else vs, ve, base, cls)
    f.ing = form.endswith("ing") and not (npre and words[-1] in lx.progressive_be)
    return f


# "by" and the agent of a passive participle; not the medium of "said by telephone" nor the manner of
# "continued by saying"
_BY_AGENT = re.compile(r" by (?!(?:tele)?phone\b|e-?mail\b|text\b|video\b|satellite\b|letter\b|fax\b|mail\b|\w+ing\b)")
_RAISING_NEXT = re.compile(r"(?<!\s)\s+(?:to|that|like|as if|as though)\b")


def _verb_context(lx: Lexicon, w: str, third: bool, m: str, end: int) -> bool:
    """Can a form that may be a noun ("call", "calls", "notes") be a verb, judging by the
    word ``w`` before it? ``third``: the -s form, which agrees with a singular subject
    ("the website notes", "Trump calls"); the base form wants a plural or I/we/you/they
    ("officials call", "they claim"), never a singular noun ("a phone call")."""
    if not w:
        return False
    if w[-1] == MASK:
        return True                      # "“…,” reads the statement": inverted after a quotation
    if not w[-1].isalnum():
        return False
    lw = w.lower()
    if lw in lx.relative:
        return True
    if lw in lx.subject:
        return (lw in ("he", "she", "it")) == third
    if third and lw == "but":
        # "she respects him but argues that …": a second verb of the same subject, when it takes a
        # clause or a quotation ("emails and calls for help" is a list of nouns)
        x = m[end:end + 14].split(None, 1)
        return bool(x) and (x[0][0] in ":\x01" or x[0].lower() == "that")
    if third and ed_verb(lw):
        return False                     # "had sent or received emails that …": the word before is a verb
    if not is_word(w) or lw.endswith(("’s", "'s", "s’", "s'")) or lw in lx.det or lw in lx.stop or lw in lx.link:
        return False
    if w[0].isupper():
        if not third:
            # "Democrats call for", "Republicans claim": a plural name is the subject of the base form
            return lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and lw not in lx.opener
        return lw not in lx.opener
    if lw.endswith(("less", "ous", "ful")) and lw not in lx.subject:
        return False                     # "sharp and relentless attacks on": an adjective, so the form is a noun
    plural = lw.endswith("s") and not lw.endswith(("ss", "us", "is"))
    if plural == third:
        return False
    if not third:
        return True
    # "the report shows that …" vs "the caucus states. …": a verb here takes a clause or an object
    nxt = m[end:end + 14].split(None, 1)
    if not nxt:
        return False
    x = nxt[0]
    return x[0] in ":\x01" or x[0].isupper() or x.lower() in lx.that or x.lower() in lx.det \
        or x.lower() in lx.subject or x.lower() in ("to", "for", "on")


def _after_determiner(lx: Lexicon, prev: str, form: str) -> bool:
    """Is the word before a verb form a determiner, so that the form is a noun or
    adjective ("a written statement", "the so-called", "his stated aim")?"""
    if prev.endswith("-"):
        return True
    w = prev.lower()
    return w in lx.det and w not in lx.quantifier or w.endswith(("’s", "'s")) and (
        not prev[:1].isupper() or not form.endswith("ing")) or w in ("so", "very", "much")


# "“…,” the leaflet states.": a quotation, a comma, a short phrase, then the verb
_QUOTE_THEN_PHRASE = re.compile(r"\x01,?[ \t]+(?:[\w’'.-]+[ \t]+){1,5}$")


def _after_quotation(m: str, text: str, lo: int, vs: int, ve: int, ue: int) -> bool:
    """Is the verb form at m[vs:ve] ("states", "notes") the cue of a frame that follows a quotation and
    ends its clause ("“…,” the leaflet states." / "“…?” she presses.")? A noun would not end it there;
    nor does a quotation that ended its sentence ("…”. One of his reads, …") lead to a frame."""
    if not (m[ve:ve + 1] in ".,;" or ve >= ue):
        return False
    q = _QUOTE_THEN_PHRASE.search(m, lo, vs)
    if q is None:
        return False
    k = q.start() + 1                        # just past the closing mark
    return m[k:k + 1] == "," or text[max(lo, k - 4):k].rstrip("”\"’'» ")[-1:] in (",", "?", "!")


def _counted(lx: Lexicon, prev: str) -> bool:
    """Is the word before a cue form a number, an ordinal or a (capitalised) month, so that the form is a
    noun?"""
    w = prev.lower()
    if not w:
        return False
    if w[0].isdigit():
        return w[-1].isdigit()
    return w in lx.counting and (w not in lx.month or prev[0].isupper())


def after_cue(lx: Lexicon, m: str, pos: int, hi: int, base: str):
    """(end of the cue phrase, start of the content) after a verb ending at ``pos``."""
    cue_end = pos
    i = pos
    # where and when: "in a statement", "on Twitter", "on Sunday"
    after = lx.after_verb.match
    for _ in range(3):
        # only words that can open a where/when/how phrase are worth the pattern
        nxt = m[i:i + 18].lstrip(" \t,").split(None, 1)
        w = nxt[0].lower().rstrip(",:") if nxt else ""
        if w not in lx.after_words and not w.endswith("ly"):
            break                       # (an adverb before a comma or a colon too: "said firmly, “…”")
        mm = after(m, i, hi)
        if not mm:
            break
        i = mm.end()
        cue_end = i
    content_object = False
    if base in lx.recipient:
        j = skip_space(m, i, hi)
        toks = tokens(m, j, min(hi, j + 90))
        r = _recipient(lx, toks)
        if r is not None:
            if base in lx.object_content or (r + 1 < len(toks) and toks[r + 1][2].lower() in ("to", "not")):
                content_object = True
            else:
                i = toks[r][1]
                if toks[r][2].lower() in lx.audience and r <= 1:
                    cue_end = i                # "told reporters": the audience is part of the cue
                for _ in range(3):
                    mm = lx.nominal.match(m, i, hi) or lx.when.match(m, i, hi)
                    if not mm:
                        break
                    i = mm.end()
    j = skip_space(m, i, hi)
    if j < hi and m[j] in ",:" and not content_object:
        j = skip_space(m, j + 1, hi)
    return cue_end, j


def _recipient(lx: Lexicon, toks):
    """Index of the last token of the person spoken to, or None."""
    if not toks:
        return None
    w = toks[0][2]
    lw = w.lower()
    if lw in lx.object and lw not in ("it", "her"):
        return 0
    if lw == "her":
        # "told her that" vs "told her aides that"
        if len(toks) > 1 and (toks[1][2].lower() in lx.that or not is_word(toks[1][2])):
            return 0
    j = 0
    if lw in lx.det or lw == "her":
        j = 1
    if j < len(toks) and toks[j][2][0].isupper():
        k = j
        while k + 1 < len(toks) and (toks[k + 1][2][0].isupper() or toks[k + 1][2] in ("of", "’s", "'s")
                                     or toks[k + 1][2] == "." and len(toks[k][2]) <= 3
                                     or toks[k + 1][2][0].isdigit() and toks[k][2][0].isupper()):
            k += 1
        # a name that modifies a noun: "told a Senate hearing.", "told City Radio's news programme:"
        n = k
        while n + 1 < len(toks) and n - k < 2 and is_word(toks[n + 1][2]) and toks[n + 1][2].islower() \
                and toks[n + 1][2] not in lx.stop and toks[n + 1][2] not in lx.det and toks[n + 1][2] not in lx.subject:
            n += 1
        if n > k and (n + 1 == len(toks) or toks[n + 1][2] in ",:." or toks[n + 1][2][0] == MASK
                      or toks[n + 1][2] == "that"):
            return n
        return k
    # lower-case noun phrase of up to four words ending before that/to/,/:/a quotation
    k = j
    while k < len(toks) and k - j < 4 and is_word(toks[k][2]) and toks[k][2][0].islower() \
            and toks[k][2].lower() not in lx.stop and toks[k][2].lower() not in lx.that \
            and toks[k][2].lower() not in lx.subject and (k == j or toks[k][2].lower() not in lx.det):
        k += 1
    if k > j and k < len(toks) and (toks[k][2].lower() in ("that", "to", "not") or toks[k][2] in ",:"
                                    or toks[k][2][0] == MASK or toks[k][2].lower() in lx.subject
                                    or toks[k][2][0].isupper() or toks[k][2].lower() in lx.det):
        return k - 1
    return None


def deed_object(lx: Lexicon, m: str, cs: int, ue: int, base: str) -> bool:
    """Is the content starting at ``cs`` after a verb of ``object_deed`` the verb's noun-phrase object, a
    deed rather than something said ("added four conversions", "continued his reputation as …")? It is
    when it opens with a determiner, a possessive or a number and reaches a preposition, a conjunction, a
    comma or its end before any word that could be a verb ("added the plan would fail" is a clause).
    No tagger runs at this speed; this reads only the first few words."""
    if base not in lx.object_deed or MASK in m[cs:ue]:
        return False                    # quoted words make it a report: "continued his “war on waste”"
    ws = m[cs:min(ue, cs + 120)].split()[:8]
    if not ws:
        return False
    w0 = ws[0].lower()
    if not (w0 in lx.det and w0 not in lx.subject or w0 in lx.counting or w0[:1].isdigit()):
        return False
    for i, w in enumerate(ws[1:], 1):
        lw = w.lower().strip(".,;:!?")
        if lw in lx.aux or lw in lx.past or lw.endswith("ed") or lw in lx.that or lw in lx.relative \
                or lw in lx.verbs:
            return False                # a verb or a clause: "the firm would", "the economy grew"
        if w[-1:] in ",;:.!?" or lw in lx.preposition or lw in lx.coordinator or lw in lx.stop \
                or lw in lx.subordinator:
            return True
    return len(ws) < 8                  # the content ended as a noun phrase: "adding the conversion."
