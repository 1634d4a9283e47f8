"""Paragraphs, sentences and boilerplate.

Punkt (nltk) splits sentences; it ignores line breaks, so paragraphs are split
first and Punkt runs inside each: a sentence never crosses a paragraph break,
and a one-line caption or credit never glues onto the next sentence.

>>> [s.text for s in segment("Mr. Smith left.\\n\\nGetty Images\\nHe said it was over. Then he went home.")]
['Mr. Smith left.', 'Getty Images', 'He said it was over.', 'Then he went home.']
"""
from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import types
from functools import cache

from . import lexicon
from .model import Sentence


def _import_punkt() -> types.ModuleType:
    """``nltk.tokenize.punkt``, without running the ``nltk`` package's ``__init__`` when nltk is not loaded yet.

    That ``__init__`` imports most of nltk (collocations, metrics, corpora, parsers ...): 1.18G instructions
    of a process's start, against 0.37G for Punkt and the handful of modules it imports (cachegrind), a
    twentieth of extracting 800 BBC articles in one process. The ``nltk`` and ``nltk.tokenize`` packages
    stand in as bare packages (their own folders as their paths) while Punkt is imported, and are taken
    out again: a later ``import nltk`` runs the real ``__init__`` and reuses the modules loaded here. Should
    a later nltk's Punkt want more of its package, the plain import is the fallback.
    """
    if "nltk" not in sys.modules:
        placed: list[str] = []
        try:
            for name in ("nltk", "nltk.tokenize"):
                spec = importlib.util.find_spec(name)
                package = types.ModuleType(name)
                package.__path__, package.__spec__ = list(spec.submodule_search_locations), spec
                sys.modules[name] = package
                placed.append(name)
            return importlib.import_module("nltk.tokenize.punkt")
        except Exception:
            for name in [k for k in sys.modules if k == "nltk" or k.startswith("nltk.")]:
                del sys.modules[name]
            placed = []
        finally:
            for name in placed:
                del sys.modules[name]
    return importlib.import_module("nltk.tokenize.punkt")


_punkt = _import_punkt()
PunktLanguageVars, PunktParameters = _punkt.PunktLanguageVars, _punkt.PunktParameters
PunktSentenceTokenizer, PunktToken = _punkt.PunktSentenceTokenizer, _punkt.PunktToken

_LINE = re.compile(r"[^\n]+")
_WHITESPACE = " \t\n\r\x0b\x0c"     # Punkt's: string.whitespace
# a paragraph that ends like prose; anything else after the headline is a
# caption, credit, section label, list item or other page furniture
_TERMINAL_CHARS = frozenset(".!?:;…\"“”‘’'»«)]")
_WORD = re.compile(r"\w+")
# headers after which a run of unpunctuated lines is a related-content list
_LIST_HEADER = re.compile(
    r"^(more on|related|see also|read more|most read|top stories|articles you may like|products you may like|"
    r"you may also like|recommended|trending|latest)\b", re.I)
# where Punkt could end a sentence inside a paragraph; a paragraph without one is
# a single sentence, and Punkt (half the cost of extraction) is not run on it
_MAYBE_BREAK = re.compile(r"[.!?…][\"'”’)\]]*\s")
# page furniture is short: longer paragraphs are not matched against the patterns
_FURNITURE_MAX = 300
# a comment form: everything after it is page furniture
_FOOTER = re.compile(r"^(leave a (reply|comment)|comments?$|\d+ comments?$|join the conversation)", re.I)


# nltk 3.10 runs every pattern through a timeout guard (nltk.redos) meant for
# caller-supplied patterns. Punkt's own patterns are fixed and linear on any
# input, and the guard costs a third of segmentation time, so the two classes
# below compile the same patterns with ``re``: same patterns, same sentences
# (checked on every BBC and PolNeAR paragraph).


class _Token(PunktToken):
    __slots__ = ()
    _RE_ELLIPSIS = re.compile(PunktToken._RE_ELLIPSIS.pattern)
    _RE_NUMERIC = re.compile(PunktToken._RE_NUMERIC.pattern)
    _RE_INITIAL = re.compile(PunktToken._RE_INITIAL.pattern, re.UNICODE)
    _RE_ALPHA = re.compile(PunktToken._RE_ALPHA.pattern, re.UNICODE)
    _RE_NON_PUNCT = re.compile(r"[^\W\d]", re.UNICODE)

    @property
    def is_non_punct(self):
        return self._RE_NON_PUNCT.search(self.type)


class _LanguageVars(PunktLanguageVars):
    """Punkt's English language variables, its patterns compiled by ``re``."""

    re_boundary_realignment = re.compile(PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE)

    def _word_tokenizer_re(self):
        try:
            return self._re_word_tokenizer
        except AttributeError:
            self._re_word_tokenizer = re.compile(self._word_tokenize_fmt % {
                "NonWord": self._re_non_word_chars, "MultiChar": self._re_multi_char_punct,
                "WordStart": self._re_word_start}, re.UNICODE | re.VERBOSE)
            return self._re_word_tokenizer

    def period_context_re(self):
        try:
            return self._re_period_context
        except AttributeError:
            self._re_period_context = re.compile(self._period_context_fmt % {
                "NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars},
                re.UNICODE | re.VERBOSE)
            return self._re_period_context


# "said. The", "Smith? He", 'next."': a word of two or more letters, its end mark, then a next token or one
# of Punkt's non-word marks (used with fullmatch; the lookbehind keeps a search from trying every letter of a
# long word, which made it quadratic). With a non-word mark after it ('rates."', 'said.”', 'win!)') the word
# is a token of its own as it is before a space; the marks are Punkt's ``_re_non_word_chars``.
_PLAIN_END = re.compile(r"(?<![A-Za-z])([A-Za-z]{2,})([.?!])(?:\s+\S+|[)\";}\]*:@'({\[\u2018\u2019\u201c\u201d\xab\xbb!?])")


class _Tokenizer(PunktSentenceTokenizer):
    """Punkt, with its verdict on the commonest candidate break worked out without tokens.

    Punkt asks ``text_contains_sentbreak`` of every candidate's context (the word
    before, the mark, the next token) and answers by building and annotating
    tokens, over half of segmentation time. With our parameters (no collocations,
    no orthographic context) the answer for a plain word of two or more letters
    is fixed: "!" and "?" end the sentence, and so does "." after a word that is no
    known abbreviation (the first pass marks it a break; the second pass only
    revisits abbreviations, ellipses, initials and numbers). Abbreviations ("Bros.
    He") take Punkt's own way. The property test
    against stock Punkt guards the equivalence. (The shortcut once wanted an ASCII
    context and a space after the mark: a quotation mark after it or a "£" before
    the next word sent 1,800 of the 9,500 contexts of 800 BBC articles Punkt's
    way, a fifth of segmentation; on the 39,000 contexts of the BBC corpus and the
    gold sets the wider shortcut agrees with Punkt on every one.)
    """

    def text_contains_sentbreak(self, text: str) -> bool:
        m = _PLAIN_END.fullmatch(text)
        if m is None or m.group(2) == "." and m.group(1).lower() in self._params.abbrev_types:
            return super().text_contains_sentbreak(text)
        return True

    def span_tokenize(self, text: str, realign_boundaries: bool = True):
        """Punkt's ``span_tokenize``: its ``_match_potential_end_contexts``, ``_slices_from_text`` and
        ``_realign_boundaries`` (nltk 3.10) as one loop over the candidate breaks and one over the slices,
        step for step, instead of a chain of generators and slice objects (those were two fifths of
        segmentation on 800 BBC articles, cProfile). The property test against stock Punkt guards it."""
        if not realign_boundaries:
            return super().span_tokenize(text, realign_boundaries)
        contains = self.text_contains_sentbreak
        slices: list[tuple[int, int]] = []
        last_break = 0
        prev_match = None
        prev_start = prev_stop = 0          # the word before the previous candidate
        for match in self._lang_vars.period_context_re().finditer(text):
            ms = match.start()
            # the word before this candidate: after the last white space since the previous one's word
            # (Punkt's _get_last_whitespace_index, whose 0 stands for both "none" and "at 0")
            i = ms - 1
            while i >= prev_stop and text[i] not in _WHITESPACE:
                i -= 1
            start = i + 1 if i > prev_stop else prev_start
            if prev_match is not None and prev_stop <= start:
                if contains(text[prev_start:prev_stop] + prev_match.group() + prev_match.group("after_tok")):
                    slices.append((last_break, prev_match.end()))
                    last_break = prev_match.start("next_tok") if prev_match.group("next_tok") else prev_match.end()
            prev_match, prev_start, prev_stop = match, start, ms
        if prev_match is not None:
            if contains(text[prev_start:prev_stop] + prev_match.group() + prev_match.group("after_tok")):
                slices.append((last_break, prev_match.end()))
                last_break = prev_match.start("next_tok") if prev_match.group("next_tok") else prev_match.end()
        slices.append((last_break, len(text.rstrip())))
        # closing marks after a break belong to the sentence before it
        out: list[tuple[int, int]] = []
        realign = 0
        realignment = self._lang_vars.re_boundary_realignment.match
        last = len(slices) - 1
        for j, (s1, e1) in enumerate(slices):
            s1 += realign
            if j == last:
                if text[s1:e1]:
                    out.append((s1, e1))
                break
            s2, e2 = slices[j + 1]
            m = realignment(text[s2:e2])
            if m:
                out.append((s1, s2 + len(m.group(0).rstrip())))
                realign = m.end()
            else:
                realign = 0
                if text[s1:e1]:
                    out.append((s1, e1))
        return iter(out)


@cache
def tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(lexicon.lines("punkt/abbreviations.txt"))
    params.sent_starters = set(lexicon.lines("punkt/sentence_starters.txt"))
    assert not params.collocations and not params.ortho_context    # what _Tokenizer's shortcut assumes
    return _Tokenizer(params, lang_vars=_LanguageVars(), token_cls=_Token)


@cache
def _boilerplate_patterns() -> tuple[re.Pattern | None, re.Pattern | None]:
    """The boilerplate patterns as two: those anchored at the paragraph's start (``match``, tried once), and
    the others (``search``). One alternation of all of them was searched at every offset of every short
    paragraph: a tenth of segmentation on 800 BBC articles."""
    lines = lexicon.lines("boilerplate.txt")
    anchored = [p for p in lines if p.startswith("^") and not _top_level_bar(p)]
    rest = [p for p in lines if p not in anchored]
    return tuple(re.compile("|".join(f"(?:{p})" for p in ps), re.I) if ps else None for ps in (anchored, rest))


def _top_level_bar(pattern: str) -> bool:
    """Has the pattern an alternation outside any group ("^a|b" is anchored in its first branch only)?"""
    depth, i = 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 1
        elif c == "[":                          # (a class: up to its closing bracket)
            j = i + 1
            if pattern[j:j + 1] == "^":
                j += 1
            if pattern[j:j + 1] == "]":
                j += 1
            while j < len(pattern) and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            i = j
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, stripped of surrounding whitespace.

    Every line break ends a paragraph (scraped pages put captions and credits on
    lines of their own), except inside hard-wrapped prose: a line that does not
    end like a sentence, followed by one that starts in lower case, continues it.
    """
    spans: list[list[int]] = []
    prev_end = -1
    prev_line = ""
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            prev_end = -1
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        end = m.start() + len(line.rstrip())
        nxt = stripped[0]
        if (spans and prev_end >= 0 and text.count("\n", prev_end, start) == 1 and len(prev_line) >= 40
                and prev_line[-1] not in _TERMINAL_CHARS and (nxt.islower() or nxt.isdigit())):
            spans[-1][1] = end          # hard-wrapped continuation
        else:
            spans.append([start, end])
        prev_end, prev_line = end, stripped
    return [(s, e) for s, e in spans]


def is_headline(first_paragraph: str, more_follows: bool) -> bool:
    """The first paragraph is a headline when it is one short line before the body."""
    return more_follows and "\n" not in first_paragraph and len(first_paragraph) <= 200 \
        and len(_WORD.findall(first_paragraph)) <= 25


def segment(text: str, has_headline: bool | None = None) -> list[Sentence]:
    """Split ``text`` into sentences and mark the boilerplate ones.

    ``has_headline``: whether the first paragraph is the article's headline
    (None: decide from its shape). A headline is never boilerplate.
    """
    tok = tokenizer()
    boiler_start, boiler_any = _boilerplate_patterns()
    sentences: list[Sentence] = []
    paras = paragraphs(text)
    in_list = in_footer = False
    for p, (start, end) in enumerate(paras):
        para = text[start:end]
        headline = p == 0 and (is_headline(para, len(paras) > 1) if has_headline is None else has_headline)
        prose = para[-1] in _TERMINAL_CHARS
        if len(para) <= _FURNITURE_MAX:     # furniture is short: long paragraphs skip these tests
            n_words = len(_WORD.findall(para))
            # (both patterns open with "^": matched at the start, not searched at every offset for it)
            in_footer = in_footer or _FOOTER.match(para) is not None
            if not prose and _LIST_HEADER.match(para):
                in_list = True
            furniture = n_words == 0 or boiler_start is not None and boiler_start.match(para) is not None \
                or boiler_any is not None and boiler_any.search(para) is not None or (in_list and n_words <= 20)
        else:
            n_words = _FURNITURE_MAX // 6
            furniture = False
        if prose and n_words > 12:
            in_list = False
        bp = not headline and (in_footer or furniture or not prose)
        spans = tok.span_tokenize(para) if _MAYBE_BREAK.search(para) else ((0, len(para)),)
        # a paragraph cut off at its end ("... call the police on", its phone number lost): only its unfinished
        # sentences are furniture, not the finished ones before them (a whole appeal was lost with it)
        cut_off = bp and not prose and not in_footer and not furniture
        for s, e in spans:
            sentences.append(Sentence(idx=len(sentences), start=start + s, end=start + e, text=para[s:e],
                                      paragraph=p, boilerplate=bp and not (cut_off and para[e - 1] in _TERMINAL_CHARS)))
    return sentences
