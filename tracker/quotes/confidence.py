"""How likely a quote row is a real attribution with the right speaker: ``confidence`` (0 to 1).

    score(quotes, text) sets each Quote's ``confidence``

A logistic regression over what the extractor already knows of each row: its kind, how its frame stands
(the speaker before or after the cue, a colon, a dash, "according to", a quotation continued with no cue),
the cue verb and its class (speech or thought), what the speaker mention is (a name, a pronoun, a
description, none), the length of the content. The weights are fitted by ``scripts/fit_confidence.py``
on annotated articles and shipped, readable, in ``data/quotes/confidence.txt`` (its header says on what,
and how right the rows at 0.8 and above were on articles it was not fitted on). A handful of dictionary
look-ups a row (the cue's and the mention's reading cached): about 2% of the extraction's time.
"""
from __future__ import annotations

import math
import re
from functools import cache, lru_cache

from .. import lexicon
from ..model import Quote
from . import cues
from .subjects import can_speak
from .words import lex

# rows under this confidence whose speaker mention is neither a name nor a relative pronoun are not stored
# (find_quotes): on the BBC sets quotes1-4 and polnear1 none of the 7 such rows was right (of the 13 rows under
# 0.2, one, named, was right, and one "who" row covered a gold quote: dropping them lost polnear1 gold quotes)
FLOOR = 0.2
# an indirect row under this confidence is not stored, whoever its speaker: on 150 BBC corpus articles outside
# the annotated sets, 5 of the 6 such rows of a random sample of 150 were no attribution ("did threaten,
# scoring tries", "the register shows X declaring ..."); on quotes1-4 attribution P rose (quotes4 0.873 ->
# 0.902) for 0.005 of recall
INDIRECT_FLOOR = 0.3
# ... unless a verb of speech opens its clause plainly: "replied that …", "has hinted she will …", "have
# pledged to oppose …" (of the 35 such rows there, these were 7 of the 9 right ones, and none of the wrong)
_PLAIN_OPENERS = frozenset("that he she they we i it".split())


def plain_report(q: Quote) -> bool:
    """Is the row a verb of speech followed by "that", a subject pronoun, or "to" and a verb?"""
    if cue_base(q.cue)[1] != cues.SPEECH:
        return False
    w = q.content.split(None, 2)
    return bool(w) and (w[0] in _PLAIN_OPENERS or w[0] == "to" and len(w) > 1 and w[1].isalpha() and w[1].islower()
                        and w[1] not in lex().det)

_WORDS = re.compile(r"\w+")
_NAME = re.compile(r"[A-Z]")


@cache
def weights() -> dict[str, float]:
    """feature -> weight, and "bias", from data/quotes/confidence.txt."""
    return {k: float(v) for k, v in (line.rsplit(None, 1) for line in lexicon.lines("quotes/confidence.txt"))}


@lru_cache(maxsize=4096)
def cue_base(cue: str | None) -> tuple[str, str]:
    """(base form, class) of a stored cue ("has repeatedly told" -> ("tell", "speech")); ("", "none")
    for a quote with no cue, (":", "colon"), ("-", "dash"), ("according to", "according")."""
    if not cue:
        return "", "none"
    if cue == ":":
        return ":", "colon"
    if cue in ("-", "–", "—"):
        return "-", "dash"
    if cue.lower().startswith("according"):
        return "according to", "according"
    verbs = cues.verbs()
    words = cue.split()
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            form = " ".join(words[i:j])
            hit = verbs.get(form) or verbs.get(form.lower())
            if hit:
                return hit
    return "", "other"                       # a verb no list has (a colon after "Name murmured")


@lru_cache(maxsize=8192)
def mention_kind(mention: str | None) -> str:
    """none, pronoun, relative ("who"), name (a capitalised word not opening the phrase as a determiner),
    generic (a bare plural: "analysts", "most"), description ("the minister", "a spokesman") or thing (a
    description whose head is no person or body: "the fallout from the row")."""
    if not mention:
        return "none"
    lx = lex()
    low = mention.lower()
    if low in lx.subject or low == "a":      # ("A": the answer of a printed interview)
        return "pronoun"
    if low in lx.relative:
        return "relative"
    words = mention.split()
    first = words[0].lower()
    if any(_NAME.match(w) for w in words[1:]) or _NAME.match(words[0]) and first not in lx.det:
        return "name"
    if first in lx.det:
        # "the minister", "a spokesman for the firm" speak; "the fallout from the row" does not
        return "description" if can_speak(lx, mention) else "thing"
    return "generic"


def features(q: Quote, cue_cls: dict | None = None) -> dict[str, float]:
    """The features of one quote row, by name (binary, except the lengths)."""
    base, cls = cue_base(q.cue)
    mk = mention_kind(q.speaker_mention)
    k = q.kind
    f = {"kind=" + k: 1.0, "cue_class=" + cls: 1.0, "mention=" + mk: 1.0,
         f"kind={k}&cue_class={cls}": 1.0, f"kind={k}&mention={mk}": 1.0}
    if base and cls in ("speech", "thought"):
        f["cue=" + base] = 1.0
    if q.cue_start is not None and q.speaker_start is not None:
        f["speaker_after_cue" if q.speaker_start > q.cue_start else "speaker_before_cue"] = 1.0
    if q.cue_start is not None:
        where = "content_before_cue" if q.start < q.cue_start else "content_after_cue"
        f[where] = 1.0
        f[f"kind={k}&{where}"] = 1.0
    if q.continues is not None:
        f["continues"] = 1.0
    if k == "indirect" and q.content.startswith("to "):
        f["to_infinitive"] = 1.0             # "expected to …", "ordered to …": an intention or an order
    n = len(_WORDS.findall(q.content))
    f["log_words"] = math.log1p(n)
    if n <= 3:
        f["short"] = 1.0
    if q.speaker_mention:
        f["mention_words"] = min(len(q.speaker_mention.split()), 8) / 8
    if q.cue and len(q.cue.split()) > 1 and cls in ("speech", "thought"):
        f["cue_phrase"] = 1.0                # "has told", "said in a statement"
    return f


def probability(feats: dict[str, float], w: dict[str, float]) -> float:
    z = w.get("bias", 0.0) + sum(v * w.get(k, 0.0) for k, v in feats.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=4096)
def _leading_terms(k: str, cls: str, mk: str, base: str, order: str | None, where: str | None,
                   continues: bool, to_infinitive: bool) -> tuple[float, ...]:
    """The weighted terms of ``features`` up to "log_words", in its order (absent weights left out: adding 0.0
    changes no sum)."""
    w = weights()
    names = ["kind=" + k, "cue_class=" + cls, "mention=" + mk, f"kind={k}&cue_class={cls}", f"kind={k}&mention={mk}"]
    if base and cls in ("speech", "thought"):
        names.append("cue=" + base)
    if order is not None:
        names.append(order)
    if where is not None:
        names += [where, f"kind={k}&{where}"]
    if continues:
        names.append("continues")
    if to_infinitive:
        names.append("to_infinitive")
    return tuple(w[n] for n in names if n in w)


# ASCII word characters (what \w matches among them) kept, every other byte a space
_ASCII_WORDS = bytes(c if chr(c).isalnum() or c == 95 else 32 for c in range(128)) + b" " * 128


def word_count(content: str) -> int:
    """``len(_WORDS.findall(content))``: an ASCII content's runs of word characters counted on its bytes, every
    other byte made a space (under a third of the pattern's instructions on BBC sentences: the pattern looks up
    each character's Unicode class)."""
    if content.isascii():
        return len(content.encode("ascii").translate(_ASCII_WORDS).split())
    return len(_WORDS.findall(content))


def _z(q: Quote, w: dict[str, float]) -> float:
    """``probability``'s z of ``features(q)``, the same sum of the same terms in the same order, without the
    dictionary of names: the binary features before "log_words" come in a few hundred combinations, their
    weights cached (``score`` cost 0.29 s of find_quotes' 3.0 s over 800 BBC articles, features' names and
    dictionary most of it)."""
    base, cls = cue_base(q.cue)
    k = q.kind
    order = where = None
    if q.cue_start is not None:
        if q.speaker_start is not None:
            order = "speaker_after_cue" if q.speaker_start > q.cue_start else "speaker_before_cue"
        where = "content_before_cue" if q.start < q.cue_start else "content_after_cue"
    terms = list(_leading_terms(k, cls, mention_kind(q.speaker_mention), base, order, where, q.continues is not None,
                                k == "indirect" and q.content.startswith("to ")))
    n = word_count(q.content)
    terms.append(math.log1p(n) * w.get("log_words", 0.0))
    if n <= 3 and "short" in w:
        terms.append(w["short"])
    if q.speaker_mention and "mention_words" in w:
        terms.append(min(len(q.speaker_mention.split()), 8) / 8 * w["mention_words"])
    if q.cue and len(q.cue.split()) > 1 and cls in ("speech", "thought") and "cue_phrase" in w:
        terms.append(w["cue_phrase"])
    return w.get("bias", 0.0) + sum(terms)


def score(quotes: list[Quote]) -> None:
    """Set the confidence of each quote (rounded to 3 places): ``probability(features(q))``, summed by ``_z``."""
    w = weights()
    for q in quotes:
        q.confidence = round(1 / (1 + math.exp(-max(-30.0, min(30.0, _z(q, w))))), 3)
