"""Postposed speakers: "…,” Smith said." and "A, Smith said, B": the speaker and cue follow (part of) what
was said, and the content is the clause before them, and the quotation resumed after them.

Deciding it is the work: after a quotation that ended its sentence, a new sentence is not its frame
("“….” Smith said the plan was dead.", a4c9139; "“… by May.” Rival firms hit back at the plan",
d6c997a); only verbs of speech and the verbs of belief that can follow what is believed ("The plan will
fail, experts believe.") are postposed (d6c997a); "…, Jo Hale wrote Tom Vale." names who was written
to (5163777). The content before starts after the last clause break or postposed frame (``content``); an
opening adverbial or participle is none of the speaker's words ("In a call on Monday, Col. Ward said, “…”",
11b3f25, 8c80000). A split quotation resumes after its frame, past the words after the cue ("“A,” she
said of X in May, “B.”", 7ab897e), a recipient and a participle (41616b1), and a "that" clause goes on
with the speech when the quotation opened the sentence (2b2403b).
"""
from __future__ import annotations

import re

from . import cues
from .content import clause_start, resumed_quotation, that_clause
from .frames import Frame
from .reading import DASHES, MASK, WORD, skip_space
from .words import Lexicon


def read(lx: Lexicon, m: str, text: str, us: int, ue: int, f: Frame, ends: list[int], subj, lead_s: str,
         lead_end: int, cue_end: int, cs: int, tail: str) -> bool:
    """Is the frame of ``f`` postposed: its speaker ``subj`` after a comma, a quotation or a dash (``lead_s``
    is what precedes the speaker, ending at ``lead_end``), and its content before it (and after the cue
    phrase, from ``cs``, when the quotation resumes there)? If so, fill the frame in."""
    s0, s1, rel = subj
    lead_c = lead_s[-1:]
    if not (lead_s and not rel and lead_c in "," + MASK + DASHES and (
            f.cls == cues.SPEECH or f.base in lx.postposed_thought)):
        return False
    lo = lead_end - len(lead_s)
    between = m[cue_end:cs].strip()
    quote_lead = lead_s.rstrip(",–— ").endswith(MASK)
    if tail and not quote_lead and "," not in between and _opening_phrase(lx, m, clause_start(m, ends, us, lead_end), lead_end):
        return False            # "In particular, several traders warn of …": the speaker's words follow the cue
                                # (not "In my view, the mayor said, the plan …": a clause split by the frame)
    k = lo + len(lead_s.rstrip(",–— "))
    inner = text[max(us, k - 3):k].rstrip("”\"’'» ") if quote_lead else ""
    # "“….” He added, “…”": a new sentence introducing the next quotation
    # (or a question or an exclamation: "“… there?’” Tom Ames added: “…”" is Ames's next quotation)
    new_sentence = inner.endswith((".", "…", "?", "!")) and m[cs:cs + 1] == MASK and between in (",", ":")
    # "“… $5 billion.” Former presidents fired back at Trump.": a quotation that ended its sentence is
    # not reported by a new sentence that goes on after its verb
    closed = quote_lead and inner.endswith(".") and lead_c == MASK
    post = not new_sentence and (
        not tail or not closed and bool(_ADJUNCT.match(tail)) or (between == "," and m[cs] == MASK) or
        # "A, Ms Ray said; B": the semicolon ends the frame's clause
        not between and m[cs] == ";" or
        (between == ":" and m[cs] == MASK and not WORD.search(m, us, s0))
        # "…, Pat Kenny wrote Steve Linn.": the person written to, not words
        or (f.base in lx.recipient or f.base == "write") and _NAME_ONLY.fullmatch(tail) is not None
        # "…, he told a meeting of grocers.": the audience, a noun phrase with no verb, ends the sentence
        or f.base in lx.recipient and lead_c == "," and _audience_only(lx, tail))
    if not post and quote_lead and not new_sentence:
        # "“…,” Smith said on the call" vs "“….” Smith said the plan was dead."
        post = between == "," or not inner.endswith((".", "…")) and not tail.lower().startswith("that ")
    elif not post:
        post = between == "," and f.cls == cues.SPEECH
    if not post:
        return False
    # postposed: "…,” Smith said." / "A, Smith said, B"
    f.kind = "postposed"
    f.sp_s, f.sp_e = s0, s1
    f.cue_e = cue_end
    c_end = lead_end
    c_start = clause_start(m, ends, us, c_end)
    # "… the savings which, she argued, would be lost": a relative pronoun before the aside opens what was
    # claimed, which follows the cue; the clause before is the reporter's
    relative_aside = not quote_lead and between == "," and lead_s.rstrip(", ").rsplit(None, 1)[-1].lower() in (
        "which", "who", "that")
    if not relative_aside and not (not quote_lead and m[cs:cs + 1] == MASK and between in (",", ":")
                                   and _adverbial_only(lx, m, skip_space(m, c_start, c_end), c_end)):
        # ("In a call on Monday, Col. Ward, a spokesman, said, “…”", "Holding up a letter, Mina Ruiz said,
        # “…”": an opening adverbial or participle, no words of his)
        f.contents.append([c_start, c_end])
    if tail and between in (",", ":") and (m[cs] == MASK or not quote_lead) \
            and not m.startswith("according to", cs):
        f.contents.append([cs, None])       # (", according to the Post" is the Post's frame)
    elif tail and quote_lead and not between and m[cs] == ";" and m[skip_space(m, cs + 1, ue):][:1] == MASK:
        f.contents.append([skip_space(m, cs + 1, ue), None])     # "“A,” Ms Ray said; “B.”": the same speech
    elif tail and quote_lead and (inner.endswith(",") or lead_c == ","):
        # ("“A,” she told Hewitt, “B.”": the recipient and the comma are already behind cs)
        # ("“A,” he said, that …": a "that" clause goes on with the speech when the quotation
        # opened the sentence and the clause has a subject)
        whole = not m[c_start:c_end].strip(" \t\n" + MASK)
        k = cs if (m[cs] == MASK or whole and that_clause(lx, m, cs)) \
            and m[cue_end:cs].rstrip().endswith(",") else resumed_quotation(lx, m, cs, ue, whole)
        if k is not None:
            f.contents.append([k, None])
    return True


# what may follow a postposed "…, Smith said": where, when, to whom
_ADJUNCT = re.compile(r"(?:to (?=the\b|a\b|an\b|his\b|her\b|their\b|its\b|reporters\b|[A-Z])|"
                      r"in|on|at|during|of|from|after|before|while|when|as|with|via|through|about|over|for|"
                      r"outside|inside|under|near|amid|following|shortly|last|this|earlier|later|recently|"
                      r"yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                      r"told|adding|saying|noting|according)\b", re.I)
_NAME_ONLY = re.compile(r"[A-Z][\w’'\-\.]*(?: [A-Z][\w’'\-\.]*)*")
# a phrase of time or place with no verb: "But in a call with reporters on Monday", "Later that day"
_ADVERBIAL_ONLY = re.compile(r"(?:(?:But|And|Yet|So|Then|Later|Earlier)\s*,?\s+)?"
                             r"(?:In|On|At|During|After|Before|Later|Earlier|Speaking|Asked|in|on|at|during|after|"
                             r"before)\b[^\x01;:]*$")
# an opening participle ("Holding open a book", "Smiling broadly")
_PARTICIPLE_ONLY = re.compile(r"(?:(?:But|And|Then|Later)\s*,?\s+)?[A-Z][a-z]+ing\b[^\x01;:]*$")


def _opening_phrase(lx: Lexicon, m: str, s: int, e: int) -> bool:
    """Is m[s:e] (what precedes a speaker and a comma) only an opening phrase of up to six words with no
    verb and no subject pronoun ("In particular", "As for future policies", "In June")?"""
    ws = m[s:e].strip(" \t\n,").lower().split()
    return 0 < len(ws) <= 6 and ws[0] in lx.opener and ws[0] not in lx.subject and MASK not in m[s:e] and not any(
        w in lx.aux or w in lx.past or w in lx.subject or w.endswith("ed") for w in ws)


def _audience_only(lx: Lexicon, tail: str) -> bool:
    """Is ``tail`` (what follows a verb of telling) a noun phrase opened by a determiner, with no verb,
    "that" or subject pronoun in it ("a meeting of grocers", "the radio station's news programme")?"""
    ws = tail.lower().split()
    return len(ws) > 1 and ws[0] in lx.det and ws[0] not in lx.subject and MASK not in tail and not any(
        w in lx.aux or w in lx.that or w in lx.subject for w in ws[1:])


def _adverbial_only(lx: Lexicon, m: str, s: int, e: int) -> bool:
    """Is m[s:e] only an opening phrase of time, place or manner, with no finite verb ("Speaking in his real voice
    again", but not "Building it is the plan")?"""
    if _ADVERBIAL_ONLY.match(m, s, e):
        return True
    return _PARTICIPLE_ONLY.match(m, s, e) is not None and not any(w in lx.aux for w in m[s:e].lower().split())
