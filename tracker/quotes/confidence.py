"""How likely a quote row is a real attribution with the right speaker: ``confidence`` (0 to 1).

    score(quotes, text) sets each Quote's ``confidence``

A logistic regression over what the extractor already knows of each row: its kind, how its frame stands
(the speaker before or after the cue, a colon, a dash, "according to", a quotation continued with no cue),
the cue verb and its class (speech or thought), what the speaker mention is (a name, a pronoun, a
description, none), the length of the content, whether an indirect row's content reads as a clause (the
gate's test: "has ordered 30 planes" does not), a pronoun carried to a continued quotation. The weights are fitted by ``scripts/fit_confidence.py``
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
# 0.2, one, named, was right, and one "who" row covered a gold quote: dropping them lost polnear1 gold quotes).
# Rechecked on quotes1-6 (2026-12-05, probabilities leave-one-set-out, scripts/fit_confidence.py --floors):
# 0.15 -> 0.2 raises quotes4's attribution P 0.913 -> 0.924 at no recall on any set; 0.3 and above cost recall
FLOOR = 0.2
# an indirect row under this confidence is not stored, whoever its speaker: on 150 BBC corpus articles outside
# the annotated sets, 5 of the 6 such rows of a random sample of 150 were no attribution ("did threaten,
# scoring tries", "the register shows X declaring ..."). Chosen on quotes1-6 by leave-one-set-out (the
# highest floor whose attribution recall stays >= 0.80 on every other set: 0.3 for five of the six sets; the
# model's probabilities out of sample). Attribution P/R of quotes1-6 together by floor: 0.20 0.945/0.862,
# 0.25 0.948/0.861, 0.30 0.950/0.857, 0.35 0.954/0.851 (quotes4's recall 0.808 -> 0.798), 0.45 0.958/0.837,
# 0.55 0.959/0.822, 0.65 0.961/0.804: above 0.3 each point of precision costs two of recall
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


def _binary_key(q: Quote) -> tuple:
    """What the binary features of a row are made from (``_binary_names``' arguments)."""
    base, cls = cue_base(q.cue)
    k = q.kind
    order = where = None
    if q.cue_start is not None:
        if q.speaker_start is not None:
            order = "speaker_after_cue" if q.speaker_start > q.cue_start else "speaker_before_cue"
        where = "content_before_cue" if q.start < q.cue_start else "content_after_cue"
    to_infinitive = k == "indirect" and q.content.startswith("to ")
    no_clause = k == "indirect" and not to_infinitive and " as " not in q.content and not gate._clause(lex(), q.content)
    return k, cls, mention_kind(q.speaker_mention), base, order, where, q.continues is not None, to_infinitive, no_clause


@lru_cache(maxsize=4096)
def _binary_names(k: str, cls: str, mk: str, base: str, order: str | None, where: str | None, continues: bool,
                  to_infinitive: bool, no_clause: bool) -> tuple[str, ...]:
    """The names of a row's binary features, in order (a few hundred combinations over a corpus)."""
    names = ["kind=" + k, "cue_class=" + cls, "mention=" + mk, f"kind={k}&cue_class={cls}", f"kind={k}&mention={mk}"]
    if base and cls in ("speech", "thought"):
        names.append("cue=" + base)
    if order is not None:
        names.append(order)                 # speaker_after_cue / speaker_before_cue
    if where is not None:
        names += [where, f"kind={k}&{where}"]
    if continues:
        # a pronoun carried over paragraphs may have changed hands
        names += ["continues", "continues&mention=" + mk]
    if to_infinitive:
        names.append("to_infinitive")       # "expected to …", "ordered to …": an intention or an order
    elif no_clause:
        # a noun phrase or a fragment for what was said ("has ordered 30 planes", "By contrast, he said"):
        # a deed, a thing, a piece of the sentence, more often than a position
        names += ["no_clause", "no_clause&cue_class=" + cls]
    return tuple(names)


def _measured(q: Quote, cls: str) -> list[tuple[str, float]]:
    """The features after the binary ones: the content's length, the mention's, a cue of several words."""
    n = word_count(q.content)
    out = [("log_words", math.log1p(n))]
    if n <= 3:
        out.append(("short", 1.0))
    if q.speaker_mention:
        out.append(("mention_words", min(len(q.speaker_mention.split()), 8) / 8))
    if q.cue and len(q.cue.split()) > 1 and cls in ("speech", "thought"):
        out.append(("cue_phrase", 1.0))     # "has told", "said in a statement"
    return out


def features(q: Quote) -> dict[str, float]:
    """The features of one quote row, by name (binary, except the lengths): what the fitting script reads."""
    key = _binary_key(q)
    f = dict.fromkeys(_binary_names(*key), 1.0)
    f.update(_measured(q, key[1]))
    return f


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def probability(feats: dict[str, float], w: dict[str, float]) -> float:
    return _sigmoid(w.get("bias", 0.0) + sum(v * w.get(k, 0.0) for k, v in feats.items()))


@lru_cache(maxsize=4096)
def _binary_terms(key: tuple) -> tuple[float, ...]:
    """The weights of the binary features ``key`` makes, in order (absent weights left out: adding 0.0 changes no
    sum)."""
    w = weights()
    return tuple(w[n] for n in _binary_names(*key) if n in w)


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
    dictionary of names: the binary features' weights are cached by what they are made from (``score`` cost
    0.29 s of find_quotes' 3.0 s over 800 BBC articles, features' names and dictionary most of it)."""
    key = _binary_key(q)
    terms = list(_binary_terms(key))
    terms += [v * w[name] for name, v in _measured(q, key[1]) if name in w]
    return w.get("bias", 0.0) + sum(terms)


def score(quotes: list[Quote]) -> None:
    """Set the confidence of each quote (rounded to 3 places): ``probability(features(q))``, summed by ``_z``."""
    w = weights()
    for q in quotes:
        q.confidence = round(_sigmoid(_z(q, w)), 3)


from . import gate  # noqa: E402  (gate reads cue_base of this module: imported once both are defined)
