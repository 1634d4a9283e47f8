"""Check-worthiness of sentences (0..1; 0.5 and above: worth checking).

Two layers, each a plain TSV file of weights in ``data/checkworthy/``, both
fitted by ``scripts/train_checkworthy.py`` (which documents the data, the
commands and the measured figures):

1. **The text model** (``weights.tsv``): a linear model over the sentence's
   words, trained on the CheckThat! 2024 Task 1 English data (ClaimBuster
   sentences from US presidential debates). Its logit, with the threshold set
   for F1 on those debates, is ``score_text``: what ``make bench`` measures on
   CT24 dev-test.
2. **The news layer** (``news.tsv``): what ``score`` gives the sentences of an
   article. Read alone, news is nothing but debate-style factual sentences: the
   text model put 56% of the BBC corpus at 0.5 or more, match results among its
   surest. The layer is a logistic regression, fitted on a hand-labelled random
   sample of BBC sentences, over three inputs: the text model's logit, whether
   the extraction found a claim (a quantity or a comparison) in the sentence, and
   whether the sentence has the shape of a match result ("6-3 6-4", "a 2-1 win")
   outside any claim. The extraction's claims tell figures from the other
   numbers news is full of (dates, ages, scores, model numbers), which the
   words alone cannot; the slope and intercept calibrate the text logit to news
   (its base rate of check-worthy sentences, and its longer, denser sentences).
   The result is a probability for news: about a tenth of the BBC corpus scores
   0.5 or more.

Why a hand-rolled linear model rather than a library: every sentence of every
ingested article is scored, and the whole stage has about 5 microseconds per
sentence. scikit-learn's vectorizers and predictors cost tens of microseconds
per call; a transformer costs milliseconds. What runs here is one
``bytes.translate`` (lower-case, digits to ``0``, punctuation to spaces), one
``split``, one ``set`` and one dict lookup per distinct word: about 3
microseconds per BBC sentence. Word pairs were tried: they add about 0.01 to
the cross-validated F1 but cost 4 more microseconds (a tuple built and hashed
per pair), over the budget; the word vectors below recover most of that gain
for free.

Features of the text model (the training script builds them with the same functions):

- every distinct token: a lower-cased word, or a number written as its digit
  shape (``2,500`` -> ``0 000``, ``52%`` -> ``00%``, ``$1.2bn`` -> ``$0 0bn``),
  counted once however often it occurs (the model was trained on presence:
  counting repeats pushed number-heavy news sentences to 1.0);
- ``__q``: the sentence contains a question mark;
- ``__lenN``: the number of tokens, in buckets of five.

Weights of words never seen in the training sentences come from a sentence
embedding model (MiniLM) at training time, so that a news word ("inflation",
"unemployment", "troops") gets a weight close to that of the debate words with
a similar meaning; nothing of that model is needed here.
"""
from __future__ import annotations

import math
import re
from functools import cache
from itertools import repeat

from . import lexicon
from .model import Claim, Sentence

WEIGHTS = "checkworthy/weights.tsv"
NEWS = "checkworthy/news.tsv"
MONTHS = "claims/months.txt"     # the claims stage's list: "10-12 June" is a date range, not a result


def _table() -> bytes:
    # bytes.translate table: ASCII letters lower-cased, digits -> "0", "%" and
    # "$" kept (they stick to their number: "00%", "$0"), everything else a
    # space. Bytes >= 128 (UTF-8 sequences) are spaces, except 0xA3, the
    # second byte of "£", read as "$" so that pounds and dollars share weights.
    table = bytearray(b" " * 256)
    for c in range(ord("a"), ord("z") + 1):
        table[c] = c
        table[c - 32] = c
    for c in range(ord("0"), ord("9") + 1):
        table[c] = ord("0")
    table[ord("%")] = ord("%")
    table[ord("$")] = ord("$")
    table[0xA3] = ord("$")
    return bytes(table)


_TABLE = _table()
_LEN_BUCKETS = 10          # __len0 .. __len9: 0-4 tokens, 5-9, ..., 45 and more


def tokens(text: str) -> list[bytes]:
    """The tokens the model sees: ``"Unemployment fell 2.5%"`` -> ``[b"unemployment", b"fell", b"0", b"0%"]``."""
    return text.encode("utf-8", "replace").translate(_TABLE).split()


def features(text: str) -> list[str]:
    """The names of the features present in ``text`` (for training and inspection); a repeated token is listed
    each time, but counts once (the training script's vectorizer is binary, and so is ``Model.logit``)."""
    toks = [t.decode("ascii") for t in tokens(text)]
    return toks + _extra(text, len(toks))


def _extra(text: str, n_tokens: int) -> list[str]:
    out = [f"__len{min(n_tokens // 5, _LEN_BUCKETS - 1)}"]
    if "?" in text:
        out.append("__q")
    return out


def _read_tsv(path) -> dict[str, float]:
    weights = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            name, _, w = line.rstrip("\n").rpartition("\t")
            weights[name] = float(w)
    return weights


def _read_tsv_bytes(path) -> dict[bytes, float]:
    """``_read_tsv`` keyed by the names' UTF-8 bytes, read as bytes: no decoding and encoding of 24,000 names,
    and ``float`` reads a bytes figure as it reads a str (half the load of the text model: 0.09 -> 0.045 s)."""
    with open(path, "rb") as fh:
        lines = fh.read().split(b"\n")
    weights = {}
    for line in lines:
        if line.startswith(b"#") or not line.strip():
            continue
        name, _, w = line.rpartition(b"\t")
        weights[name] = float(w)
    return weights


class Model:
    """Weights read from a TSV file: ``feature<TAB>weight``; ``__bias`` is the intercept."""

    def __init__(self, weights: dict[str, float]):
        self._set({name.encode(): w for name, w in weights.items()})

    def _set(self, weights: dict[bytes, float]) -> None:
        self.bias = weights.get(b"__bias", 0.0)
        self.question = weights.get(b"__q", 0.0)
        self.length = [weights.get(b"__len%d" % i, 0.0) for i in range(_LEN_BUCKETS)]
        # keyed by bytes: the tokens the scorer gets from bytes.split()
        self.table = {name: w for name, w in weights.items() if not name.startswith(b"__")}

    @classmethod
    def load(cls, path) -> "Model":
        model = cls.__new__(cls)
        model._set(_read_tsv_bytes(path))
        return model

    def logit(self, text: str, toks: list[bytes] | None = None) -> float:
        """``toks``: ``tokens(text)`` when the caller has them already."""
        if toks is None:
            toks = tokens(text)
        s = self.bias + sum(map(self.table.get, set(toks), repeat(0.0))) + self.length[min(len(toks) // 5, _LEN_BUCKETS - 1)]
        if "?" in text:
            s += self.question
        return s

    def score(self, text: str, toks: list[bytes] | None = None) -> float:
        return _sigmoid(self.logit(text, toks))


def _sigmoid(z: float) -> float:
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


class News:
    """The news layer (``news.tsv``): ``sigmoid(__bias + __slope * text logit + __claim * [a claim in the
    sentence] + __result * [the shape of a match result outside the claims])``."""

    def __init__(self, weights: dict[str, float]):
        self.bias = weights["__bias"]
        self.slope = weights["__slope"]
        self.claim = weights["__claim"]
        self.result = weights["__result"]

    @classmethod
    def load(cls, path) -> "News":
        return cls(_read_tsv(path))

    def logit(self, text_logit: float, has_claim: bool, result_shape: bool) -> float:
        return (self.bias + self.slope * text_logit + (self.claim if has_claim else 0.0)
                + (self.result if result_shape else 0.0))


@cache
def model() -> Model:
    return Model.load(lexicon.path(WEIGHTS))


@cache
def news() -> News:
    return News.load(lexicon.path(NEWS))


@cache
def _result_pattern() -> re.Pattern:
    """Two small numbers joined by a hyphen or an en dash, as match results are written ("6-3", "a 2-1 win",
    "Clyde 0-5 Celtic"), but not a date range ("10-12 June"), an age band ("aged 18-35", "14-16 year olds"), a
    vote ("voted 8-1", "a 2-1 decision"), a model number ("737-800") or a figure ("20-30bn", "10-15%")."""
    months = "|".join(map(re.escape, sorted(lexicon.words(MONTHS), key=len, reverse=True)))
    return re.compile(
        r"(?<![\w.,£$€/\-–])(?<!aged )(?<!age )(?<!voted )(?<!passed )\d{1,2}[-–]\d{1,2}"
        r"(?![\w%/\-–]|\.\d|\s+(?:" + months + r"|years?|per|million|billion|bn|m|decision|votes?|verdict|majority"
        r"|age|commission)\b)", re.I)


_DIGIT_DASH = re.compile(r"\d[-–]\d").search   # the cheap test first: one BBC sentence in 80 passes it


def result_shape(text: str, offset: int = 0, claim_spans=()) -> bool:
    """Whether ``text`` holds a match result ("beat him 6-3 6-4") outside the ``claim_spans`` (``(start, end)``
    offsets into the article; ``offset`` is ``text``'s own start there): a range the extraction read as a
    quantity ("30-40 firms") is a figure, not a result."""
    if not _DIGIT_DASH(text):
        return False
    for m in _result_pattern().finditer(text):
        start, end = offset + m.start(), offset + m.end()
        if not any(a <= start and end <= b for a, b in claim_spans):
            return True
    return False


def score_text(text: str) -> float:
    """How check-worthy one sentence is by the text model alone, 0..1, with the threshold that maximised F1 on
    the debates it was trained on at 0.5 (what ``make bench`` measures on CT24 dev-test). News sentences are
    scored by ``score``, which calibrates this to news with what the extraction found."""
    return model().score(text)


def score(sentences: list[Sentence], claims: list[Claim], text: str | None = None) -> None:
    """Set ``checkworthiness`` on every sentence of an article: the news layer over the text model and the
    ``claims`` the extraction found; boilerplate scores 0.

    ``text``: the article the sentences index (optional). An ASCII article is
    translated once and each sentence's tokens split from its slice (one byte a
    character, so character offsets are byte offsets; translating byte by
    byte, the slice holds exactly the bytes of the sentence's own translation):
    about a tenth of the stage on the BBC corpus.
    """
    m, n = model(), news()
    spans: dict[int, list[tuple[int, int]]] = {}
    for c in claims:
        spans.setdefault(c.sentence_idx, []).append((c.start, c.end))
    no_spans: list = []
    translated = text.encode("ascii").translate(_TABLE) if text is not None and text.isascii() else None
    # Model.logit and News.logit inlined (same operations in the same order, so the same floats): the calls
    # cost more than the sums
    get, bias, length, question, exp = m.table.get, m.bias, m.length, m.question, math.exp
    n_bias, slope, w_claim, w_result = n.bias, n.slope, n.claim, n.result
    zeros = repeat(0.0)
    for s in sentences:
        if s.boilerplate:
            s.checkworthiness = 0.0
            continue
        st = s.text
        toks = tokens(st) if translated is None else translated[s.start:s.end].split()
        z = bias + sum(map(get, set(toks), zeros)) + length[min(len(toks) // 5, _LEN_BUCKETS - 1)]
        if "?" in st:
            z += question
        z = n_bias + slope * z
        sentence_spans = spans.get(s.idx, no_spans)
        if sentence_spans:
            z += w_claim
        if ("-" in st or "–" in st) and result_shape(st, s.start, sentence_spans):
            z += w_result
        s.checkworthiness = 0.0 if z < -30 else 1.0 / (1.0 + exp(-z))
