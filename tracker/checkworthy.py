"""Check-worthiness of sentences (0..1; 0.5 and above: worth checking).

A linear model over the sentence's words, trained on the
CheckThat! 2024 Task 1 English data (ClaimBuster sentences from US
presidential debates) by ``scripts/train_checkworthy.py``, which documents the
data, the command and the measured figures. Its weights are a plain TSV file,
``data/checkworthy/weights.tsv``: one feature and its weight per line.

Why a hand-rolled linear model rather than a library: every sentence of every
ingested article is scored, and the whole stage has about 5 microseconds per
sentence. scikit-learn's vectorizers and predictors cost tens of microseconds
per call; a transformer costs milliseconds. What runs here is one
``bytes.translate`` (lower-case, digits to ``0``, punctuation to spaces), one
``split`` and one dict lookup per word: about 3 microseconds per BBC
sentence. Word pairs were tried: they add about 0.01 to the cross-validated
F1 but cost 4 more microseconds (a tuple built and hashed per pair), over the
budget; the word vectors below recover most of that gain for free.

Features (the training script builds them with the same functions):

- every token: a lower-cased word, or a number written as its digit shape
  (``2,500`` -> ``0 000``, ``52%`` -> ``00%``, ``$1.2bn`` -> ``$0 0bn``);
- ``__q``: the sentence contains a question mark;
- ``__lenN``: the number of tokens, in buckets of five.

Weights of words never seen in the training sentences come from a sentence
embedding model (MiniLM) at training time, so that a news word ("inflation",
"unemployment", "troops") gets a weight close to that of the debate words with
a similar meaning; nothing of that model is needed here.
"""
from __future__ import annotations

import math
from functools import cache
from itertools import repeat

from . import lexicon
from .model import Claim, Sentence

WEIGHTS = "checkworthy/weights.tsv"


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
    """The names of the features present in ``text`` (for training and inspection)."""
    toks = [t.decode("ascii") for t in tokens(text)]
    return toks + _extra(text, len(toks))


def _extra(text: str, n_tokens: int) -> list[str]:
    out = [f"__len{min(n_tokens // 5, _LEN_BUCKETS - 1)}"]
    if "?" in text:
        out.append("__q")
    return out


class Model:
    """Weights read from a TSV file: ``feature<TAB>weight``; ``__bias`` is the intercept."""

    def __init__(self, weights: dict[str, float]):
        self.bias = weights.get("__bias", 0.0)
        self.question = weights.get("__q", 0.0)
        self.length = [weights.get(f"__len{i}", 0.0) for i in range(_LEN_BUCKETS)]
        # keyed by bytes: the tokens the scorer gets from bytes.split()
        self.table = {name.encode(): w for name, w in weights.items() if not name.startswith("__")}

    @classmethod
    def load(cls, path) -> "Model":
        weights = {}
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#") or not line.strip():
                    continue
                name, _, w = line.rstrip("\n").rpartition("\t")
                weights[name] = float(w)
        return cls(weights)

    def logit(self, text: str, toks: list[bytes] | None = None) -> float:
        """``toks``: ``tokens(text)`` when the caller has them already."""
        if toks is None:
            toks = tokens(text)
        s = self.bias + sum(map(self.table.get, toks, repeat(0.0))) + self.length[min(len(toks) // 5, _LEN_BUCKETS - 1)]
        if "?" in text:
            s += self.question
        return s

    def score(self, text: str, toks: list[bytes] | None = None) -> float:
        z = self.logit(text, toks)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


@cache
def model() -> Model:
    return Model.load(lexicon.path(WEIGHTS))


def score_text(text: str) -> float:
    """How check-worthy one sentence is, 0..1 (0.5 and above: check-worthy)."""
    return model().score(text)


def score(sentences: list[Sentence], claims: list[Claim], text: str | None = None) -> None:
    """Set ``checkworthiness`` on every sentence; boilerplate scores 0.

    ``text``: the article the sentences index (optional). An ASCII article is
    translated once and each sentence's tokens split from its slice (one byte a
    character, so character offsets are byte offsets; translating byte by
    byte, the slice holds exactly the bytes of the sentence's own translation):
    about a tenth of the stage on the BBC corpus.
    """
    m = model()
    if text is None or not text.isascii():
        for s in sentences:
            s.checkworthiness = 0.0 if s.boilerplate else m.score(s.text)
        return
    translated = text.encode("ascii").translate(_TABLE)
    # Model.score inlined (same operations in the same order, so the same floats): the calls cost more than the sums
    get, bias, length, question, exp = m.table.get, m.bias, m.length, m.question, math.exp
    zeros = repeat(0.0)
    for s in sentences:
        if s.boilerplate:
            s.checkworthiness = 0.0
            continue
        toks = translated[s.start:s.end].split()
        z = bias + sum(map(get, toks, zeros)) + length[min(len(toks) // 5, _LEN_BUCKETS - 1)]
        if "?" in s.text:
            z += question
        s.checkworthiness = 0.0 if z < -30 else 1.0 / (1.0 + exp(-z))
