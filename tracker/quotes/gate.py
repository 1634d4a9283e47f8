"""Which reported-speech rows are clearly attributions: the others are not stored.

    drop_reason(q, text) -> str | None      trim(q): ends a reported clause before a second clause

The frames read a reporting verb's object as what was said wherever the verb stands; on UK news many such
rows are not attributions at all. Each rule below is a class of rows that annotators of news (the BBC
development sets) did not count, read from the stored row alone (its kind, cue, content and speaker
mention), so that it costs a few string tests a row. Mostly indirect rows are judged: a quotation is an
attribution whatever verb of saying frames it.

* ``no_speaker``: a row with no speaker mention at all, not even one carried from the quote it continues:
  nobody is said to have said it (BBC and polnear1 development sets: none of 9 such rows right).
* ``possessive``: a speaker mention that ends in a possessive mark ("the director's critically acclaimed
  film", "the firm's first tweet"): the cue is a word inside a noun phrase (PolNeAR train: 5 of 17 such
  rows right; BBC: none of 1).
* ``counted``: a speaker mention that opens with a figure and a common noun, the cue a bare "-ed" form
  ("40,000 visitors expected to have come", "412,000 new jobs added"): a count of things, the cue a
  participle after it.
* ``unknown_verb``: a quotation framed by a verb no cue list has and no colon ("resigned for “personal
  reasons”", "introduced her as “…”"): a mixed row, or a direct one of three words or fewer, is a scare
  quote or a name more often than a report (PolNeAR train: 48 of 116 such mixed rows right; BBC: none).
  After a colon any verb introduces the quotation ("Tom Baker murmured: “…”").
* ``first_person``: "I think …", "we believe …": a reporter does not write in the first person, so the
  words are inside a quotation whose marks were lost, and the speaker is whoever speaks it.
* ``to_not_said``: "wants to return", "declined to act", "agreed to buy", "continued to rise": with these
  verbs a to-infinitive is a wish, a deed or a course of events, not a proposition.
* ``preposition``: content after its cue that opens with a preposition or a particle ("betting on a
  fall", "was reporting on the repairs", "did reply with a try", "hit back out of nowhere"), or "to" and a
  noun phrase ("has written to homes"): the verb is read without its particle or took a prepositional
  phrase for what was said.
* ``no_content``: a content of closed-class words only ("But, he added, …" read as content "But").
* ``participle``: an "-ing" form right after a noun ("parents telling their stories", "groups challenging
  the plans") or a preposition ("conducting themselves in threatening …"), with no "that" after it: a
  modifier or a gerund, not the verb of a speaker.
* ``adverbial``: content before a cue that interrupts its sentence, an adverbial of four words or fewer with
  no clause ("By contrast, he said, …", "In fact, she said, …"): the narration's opening, the words said
  come after the cue (on 600 unannotated BBC articles, 11 such rows, none an attribution; on quotes1-6, 2,
  neither right).
* ``no_clause``: a verb of thought or stance ("defended the purchase", "rejected an offer", "brands
  include", "could not find evidence") whose content is no clause (no "that", no question word, no
  subject pronoun, no finite verb): a deed or a noun, unless the verb is one whose object is what is
  said (data/quotes/stance_object.txt: "called for an inquiry", "accused the firm of …").

The words are in data/quotes/grammar.txt ("to_not_said", "no_clause_after") and stance_object.txt.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from .. import lexicon
from ..model import Quote
from . import cues
from .confidence import cue_base
from .words import grammar, lex

JUDGED = ("indirect", "mixed")
# a speaker's mention that ends in a possessive mark ("Meadows' acclaimed film", "the firm's first tweet")
_POSSESSIVE = re.compile(r"\w['’]s?$")
WORDISH = re.compile(r"\w")
# a mention that opens with a figure and a common noun ("40,000 visitors", "412,000 new jobs"): a count
_COUNTED = re.compile(r"(?<![\d,.])\d[\d,.]*\s+[a-z]")
_WORD = re.compile(r"[\w’'-]+")
_FIRST_PERSON = frozenset("i we me us".split())
_FIRST_PERSON_WORDS = _FIRST_PERSON | {"my", "our"}
_CLAUSE_OPENER = frozenset("that whether if how why what when where who which".split())
# a finite verb: an auxiliary, a contracted one, a past in -ed ("'s" after a name or a noun is a possessive, "a
# second opinion on Ann Lee's fitness": no verb). Three patterns, the last two tried only when the text has an
# apostrophe or "ed": one alternation of the three cost 7 us a head, the three apart 5 (800 BBC articles)
_FINITE_AUX = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|shall|should|can|could|may|might|must|do|does|did|"
    r"isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|won't|wouldn't|can't|couldn't|don't|doesn't|didn't)\b", re.I)
_FINITE_CONTRACTED = re.compile(r"['’](?:re|ve|d|ll)\b|\b(?:it|he|she|that|there|what|who|here)['’]s\b", re.I)
_FINITE_ED = re.compile(r"(?<![\w-])[a-z]{2,}ed\b", re.I)


def _finite(text: str, pos: int) -> bool:
    """Has ``text`` from ``pos`` on a finite verb?"""
    return bool(_FINITE_AUX.search(text, pos) or ("'" in text or "’" in text) and _FINITE_CONTRACTED.search(text, pos)
                or "ed" in text.lower() and _FINITE_ED.search(text, pos))


@cache
def stance_object() -> frozenset[str]:
    """Verbs whose noun-phrase object is what was said (data/quotes/stance_object.txt)."""
    return lexicon.words("quotes/stance_object.txt")


@lru_cache(maxsize=1024)   # (asked again of the same content by the confidence model: quotes.confidence)
def _clause(lx, content: str) -> bool:
    """Does the content read as a clause: an opening "that" or question word, a subject pronoun, or a
    finite verb before its first comma?"""
    words = content.split(None, 2)
    if not words:
        return False
    first = words[0].lower().strip("“”\"‘’'")
    bare = first.split("’")[0].split("'")[0]           # ("it's", "they're": a pronoun and its verb)
    if first in _CLAUSE_OPENER or first in lx.subject or first == "there" or bare != first and (
            bare in lx.subject or bare in ("there", "that", "what")):
        return True
    if first == "to" and len(words) > 1 and words[1].isalpha() and words[1].islower() and words[1] not in lx.det:
        return True               # an intention: "is planning to sell the bank" (to_not_said has the others)
    head = content.split(",", 1)[0]
    return _finite(head, len(words[0])) or any(w in lx.past for w in head.split()[1:])


def _small_clause(lx, base: str, content: str) -> bool:
    """An object and its complement after "call", "find", "consider" … ("calling his rivals weak", "found
    both rules unfair"): three to five words, no preposition, ending in a lower-case word."""
    words = content.split()
    return base in lx.object_complement and 3 <= len(words) <= 5 and words[-1].islower() and not any(
        w in lx.preposition for w in words)


def _participle(lx, q: Quote, text: str, content: str) -> bool:
    """Is the cue an "-ing" form that modifies the noun right before it ("parents telling their stories",
    "groups challenging the plans", "users wanting protection ... have turned") or follows a preposition
    ("conducting themselves in threatening …"), with no "that" after it? Not after "with" ("with the
    board saying …": the board speaks)."""
    verb = q.cue.split()[-1]
    if q.cue_start is None or not verb.endswith("ing") or content.split(None, 1)[0].lower() in _CLAUSE_OPENER:
        return False
    cue_s = q.cue_start + len(q.cue) - len(verb)          # (the -ing word: "themselves in threatening")
    before = text[max(0, cue_s - 40):cue_s].split()
    if not before or not before[-1].isalpha():
        return False
    if before[-1].lower() in lx.preposition and before[-1].lower() != "by":
        return True
    prev = before[-1]
    near = [w.lower() for w in before[-5:]]
    if "with" in near or any(w in lx.document for w in near):
        return False              # "with the board saying …", "issued a statement on Friday saying …"
    if q.speaker_end == cue_s - 1:
        return q.speaker_mention.lower() not in lx.subject
    # else the word before is a noun: lower case, in no closed class, no verb or adverb
    return prev.islower() and not (prev in _closed(lx) or prev.endswith("ly") or prev in lx.verbs)


@cache
def _closed(lx) -> frozenset[str]:
    """The closed-class words of the grammar: none of them is a noun."""
    return (lx.stop | lx.preverb | lx.subject | lx.object | lx.coordinator | lx.det | lx.subjectless_after
            | lx.link | lx.that | lx.preposition | lx.time | lx.counting)


def _in_open_quotation(text: str, at: int) -> bool:
    """Is the last double quotation mark before ``at`` in its paragraph an opening one (“, or " before a
    word): the row is inside a quotation that no mark closes?"""
    p = text.rfind("\n", 0, at) + 1
    k = max(text.rfind('"', p, at), text.rfind("“", p, at), text.rfind("”", p, at))
    return k >= 0 and (text[k] == "“" or text[k] == '"' and not text[k + 1:k + 2].isspace()
                       and (k == p or text[k - 1].isspace()))


def _adverbial(lx, content: str) -> bool:
    """Is the content an adverbial of four words or fewer and no clause ("By contrast", "In fact", "Most
    importantly", "Turning to the budget")? Before a cue that interrupts its sentence ("In fact, he said,
    the pier …") it is the narration's opening, and what was said comes after the cue; in the first person
    ("In my view, he said, …") it is the speaker's."""
    words = content.split()
    if not words or len(words) > 4 or any(w.lower() in _FIRST_PERSON_WORDS for w in words):
        return False
    first = words[0].lower().strip(",")
    return (first in lx.preposition or first in lx.clause_adverb or first.endswith(("ly", "ing"))) \
        and not _clause(lx, content)


def _to_someone(lx, content: str) -> bool:
    """Does the content open with "to" and a noun phrase ("to the council", "to homes and firms", "to Ann
    Lee") rather than an infinitive ("to close the pier")?"""
    words = content.split(None, 2)
    if len(words) < 2:
        return False
    w = words[1].strip(",.;:")
    return w.lower() in lx.det and w.lower() not in lx.subject or w[:1].isupper() or w.endswith("s") and w.lower() not in lx.verbs


def drop_reason(q: Quote, text: str) -> str | None:
    """The rule by which an indirect row of the article ``text`` is no attribution (module doc), or None
    to keep it."""
    if q.speaker_mention is None:
        return "no_speaker"
    if _POSSESSIVE.search(q.speaker_mention):
        return "possessive"
    if _COUNTED.match(q.speaker_mention) and q.cue and q.cue.endswith("ed") and " " not in q.cue:
        return "counted"          # (not "the 2,000 people interviewed said …")
    if not q.cue or q.cue.lower().startswith("according"):
        return None
    base, cls = cue_base(q.cue)
    if cls == "other" and q.kind != "indirect" and q.cue_end is not None and q.cue_end <= q.start \
            and not text[q.cue_end:q.start].lstrip().startswith(":") \
            and (q.kind == "mixed" or len(_WORD.findall(q.content)) <= 3):
        return "unknown_verb"
    if q.kind not in JUDGED or cls not in (cues.SPEECH, cues.THOUGHT):
        return None
    lx = lex()
    mention = q.speaker_mention.lower().split("’")[0].split("'")[0]
    if mention in _FIRST_PERSON and (cls == cues.THOUGHT or _in_open_quotation(text, q.speaker_start or q.start)):
        return "first_person"
    content = q.content
    first = content.split(None, 1)[0].lower() if content.split() else ""
    if first == "to" and base in grammar()["to_not_said"]:
        return "to_not_said"
    if q.kind == "mixed":
        # a quotation in the object: only a verb of thought or stance whose object is neither a clause nor a
        # quoted name for something ("calling him “…”") leaves the row without a proposition
        return "no_clause" if cls == cues.THOUGHT and base not in stance_object() and base not in \
            lx.object_complement and not _clause(lx, content) and " as " not in content else None
    if first in grammar()["no_clause_after"] and content[0].islower() and not base.endswith(" " + first) and base != "ask":
        return "preposition"      # (the agent of "asked by X about the tax" asks about it)
    if first == "to" and content[:1] == "t" and _to_someone(lx, content):
        return "preposition"      # "has written to homes and firms", "wrote to the council": who was written to
    # (word by word: the test stops at the first word of a clause, where a list of all the content's words was made)
    # (the first word alone rules most contents out: the generator is made only when it is an opener)
    w0 = _WORD.search(content)
    if (w0 is None or w0.group().lower() in lx.opener or w0.group().lower() in lx.clause_adverb) and all(
            w.group().lower() in lx.opener or w.group().lower() in lx.clause_adverb for w in _WORD.finditer(content)):
        return "no_content"       # ("But", "However": no word of a clause; a pronoun opens one, "he was")
    if _participle(lx, q, text, content):
        return "participle"
    if q.cue_start is not None and q.end <= q.cue_start and _adverbial(lx, content):
        return "adverbial"
    if _clause(lx, content) or " as " in content:
        return None               # (" as ": a judgement, "sees the canal as a waste", "dismissed it as …")
    if cls == cues.THOUGHT and base not in stance_object() and not _small_clause(lx, base, content):
        return "no_clause"
    return None


# a second clause with a subject of its own after "but" or "while" in a reported clause: "it had acted to
# cut fares but the plan was opposed", "a refund but so far the council has refused", "retiring
# while a rival is tipped to win": the reporter's narration goes on, the speaker's words have ended
_SECOND_CLAUSE = re.compile(r" (?:but|while) (?=(?:so far |now |then )?(?:the|a|an|his|her|its|their|this|these|"
                            r"those|some|many|most|[A-Z][a-z]+ (?:is|are|was|were|has|have|had|will|would)\b))")


# the main clause's verb after a relative clause whose subject is the speaker's claim: "The bill, which
# ministers claim will cut crime, is expected to pass": what the ministers claim ends at the comma
_MAIN_VERB_AFTER = re.compile(r", (?:is|are|was|were|has|have|had|will|would|could|may|might|can)\b")


# a noun phrase, a colon and one whole quotation: "criticised the bonus culture: “Nobody should …”"
_COLON_QUOTATION = re.compile(r"\A([^\"“”:]*?):\s*[\"“]([^\"“”]+)[\"”]\s*")


def _colon_quotation(q: Quote) -> None:
    """A mixed row that is a noun phrase with no verb, a colon and one quotation ("criticised the cult of
    fame: “There is …”") is the quotation, a direct quote: the noun phrase is what the verb took, not words
    of the speaker's."""
    m = _COLON_QUOTATION.fullmatch(q.content)
    if m is None or not WORDISH.search(m.group(1)) or _clause(lex(), m.group(1)):
        return
    inner = m.group(2).rstrip(" \t\n,")
    q.kind = "direct"
    q.start += m.start(2)
    q.end = q.start + len(inner)
    q.content = inner


def trim(q: Quote) -> None:
    """End an indirect row's content before a second clause of narration (``_SECOND_CLAUSE``), or before the
    main clause's verb when the content has no subject of its own (``_MAIN_VERB_AFTER``); a mixed row of a
    noun phrase, a colon and a quotation becomes that quotation (``_colon_quotation``)."""
    if q.kind == "mixed" and ":" in q.content:
        _colon_quotation(q)
    if q.kind != "indirect":
        return
    first = q.content.split(None, 1)[0].lower() if q.content.strip() else ""
    if first in lex().aux:
        m = _MAIN_VERB_AFTER.search(q.content)
        if m:
            q.content = q.content[:m.start()]
            q.end = q.start + m.start()
    m = _SECOND_CLAUSE.search(q.content)
    if m and WORDISH.search(q.content, 0, m.start()):
        q.content = q.content[:m.start()]
        q.end = q.start + m.start()
