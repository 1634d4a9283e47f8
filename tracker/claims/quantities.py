"""Quantity claims: the scan that finds them and hands each place to its reader.

>>> [(c.text, c.value, c.unit, c.qualifier) for c in find_quantities(
...     "Russia has placed about 100,000 troops on the border.").claims]
[('about 100,000 troops', 100000.0, 'troops', 'approx')]

One pass over the article, in text order: ``anchors`` finds every place a
claim may start; each is read in place by its reader (``figures`` for
figures and written numbers, ``qualifiers`` for vague magnitudes and spans
of time, ``comparisons`` for comparison words) with the few words before it
(split once, looked up in the lexicons of ``data/claims/``) and small
anchored regexes after it. A reader returns a claim, None, or the end of a
stretch to skip (a date range, a score); a claim's end is skipped too, so
no figure is read twice. One scan with lexicon lookups replaced a regex
search per figure (commit b9f2d69); the stage costs about 0.21 of the 1.4 ms
an article takes (stop 9's closing note).

The readers share the article through ``Scan``: its text, lower-cased copy,
sentences, the claims found so far (a unit left out is inherited from them:
"thousands of shootings, thousands since"), the comparisons, and the words
before a position (``before``).
"""
from __future__ import annotations

from bisect import bisect_right

from ..model import Claim, Sentence
from . import comparisons
from .anchors import WORD_CLASS, WORD_CLASS_COMPARISON, WORD_CLASS_SPAN, WORD_CLASS_VAGUE, anchors
from .figures import read_figure, read_words
from .lexicons import lexicons
from .qualifiers import read_span, read_vague
from .units import inheritable, join_compound, to_major_currency

_STRIP = "([{\"“‘'’”)]},;:"
_READERS = comparisons.readers()            # comparison trigger word -> its reader


def find_quantities(text: str, sentences: list[Sentence] | None = None) -> "Scan":
    """The scan of ``text`` outside boilerplate sentences: its quantity claims (``claims``) and comparisons
    (``comparisons``), each in text order, and the lower-cased text (``low``)."""
    if sentences is None:
        sentences = [Sentence(0, 0, len(text), text, 0)]
    low = text.lower()
    if len(low) != len(text):            # a rare character changes length when lower-cased
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    scan = Scan(text, low, sentences)
    scan.run()
    scan.claims = join_compound(scan.claims, text)     # "5ft 9in": one height, not 5 feet and 9 inches
    to_major_currency(scan.claims, lexicons().minor_currencies)    # "69 cents" -> 0.69 USD
    return scan


class Scan:
    """One article being read: what every reader of a claim shares."""

    def __init__(self, text: str, low: str, sentences: list[Sentence]) -> None:
        self.text, self.low, self.sentences = text, low, sentences
        self.starts = [s.start for s in sentences]
        self.claims: list[Claim] = []
        self.comparisons: list[Claim] = []
        self.lx = lexicons()
        self.elided = False             # set by units.unit_after: the counted noun is left out
        self.unit_to_inherit: tuple[int, str] | None = None     # (sentence idx, unit): see units.inherit_unit
        self.bracket_unit: tuple[int, int, str] | None = None   # (sentence idx, where the brackets open, unit)
        self.title_cased: dict[int, bool] = {}                  # sentence idx -> see not_quantities.title_case
        self.opening: dict[int, int] = {}                       # sentence idx -> its first word's first character

    def run(self) -> None:
        sentences, starts, word_class, readers = self.sentences, self.starts, WORD_CLASS, _READERS
        consumed = 0
        for s, w in anchors(self.low):
            if s < consumed:
                continue
            i = bisect_right(starts, s) - 1
            if i < 0:
                continue
            sent = sentences[i]
            if s >= sent.end or sent.boilerplate:
                continue
            if w is None:
                out = read_figure(self, s, sent)
            else:
                cls = word_class[w]
                if cls == WORD_CLASS_COMPARISON:
                    if not self.comparisons or s >= self.comparisons[-1].end:
                        c = readers[w](self, w, s, s + len(w), sent)
                        if c is not None:
                            self.comparisons.append(c)
                    continue
                if cls == WORD_CLASS_VAGUE:
                    out = read_vague(self, w, s, sent)
                elif cls == WORD_CLASS_SPAN:
                    out = read_span(self, w, s, sent)
                else:
                    out = read_words(self, s, sent, w)
            if out is None:
                continue
            if isinstance(out, int):             # a stretch to skip: a date range, a score
                consumed = out
                continue
            if out.end > sent.end:
                continue
            consumed = out.end
            self.claims.append(out)
            if inheritable(out.unit):
                opened = self.in_brackets(out.start, sent)
                if opened is None:
                    self.unit_to_inherit = (out.sentence_idx, out.unit)
                else:
                    self.bracket_unit = (out.sentence_idx, opened, out.unit)

    def in_brackets(self, s: int, sent: Sentence) -> int | None:
        """Where the brackets open that ``s`` is inside, in its sentence and within 60 characters, or None. A
        figure there (a conversion: "2,310 trillion crowns ($142.8bn; £81.3bn)") gives no unit to a later
        figure outside them: "the year before's 1,980 trillion" was read as pounds (issue 16)."""
        lo = max(sent.start, s - 60)
        opened = self.text.rfind("(", lo, s)
        return opened if opened > self.text.rfind(")", lo, s) else None

    def before(self, s: int, sent: Sentence, width: int = 32, n: int = 5) -> list[str]:
        """The last ``n`` words before ``s`` in its sentence (in the ``width`` characters before it), lower
        case, outer punctuation stripped."""
        low, lo = self.low, s - width
        if lo <= sent.start:
            lo = sent.start
            words = low[lo:s].split()
        else:
            words = low[lo:s].split()
            if words and not low[lo - 1].isspace() and not low[lo].isspace():
                del words[0]                    # a cut word
        return [w.strip(_STRIP) for w in words[-n:]]

    def make(self, sent, start, end, raw, value, unit, qual, flags) -> Claim:
        """A quantity claim from ``start`` to ``end``, its bounds set by its qualifier."""
        qual = qual or "exact"
        low_v = high_v = value
        if value is not None:
            if qual == "lower_bound":
                high_v = None
            elif qual in ("upper_bound", "near_lower"):
                low_v = None
        # positional arguments: Claim(kind, text, start, end, sentence_idx, quote, speaker, raw_number,
        # value, low, high, unit, qualifier, reference, flags); this runs for every figure
        return Claim("quantity", self.text[start:end], start, end, sent.idx, None, None, raw.strip(), value,
                     low_v, high_v, unit, qual, None, list(flags))
