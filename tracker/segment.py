"""Paragraphs, sentences and boilerplate.

Punkt (nltk) splits sentences; it ignores line breaks, so paragraphs are split
first and Punkt runs inside each: a sentence never crosses a paragraph break,
and a one-line caption or credit never glues onto the next sentence.

>>> [s.text for s in segment("Mr. Smith left.\\n\\nGetty Images\\nHe said it was over. Then he went home.")]
['Mr. Smith left.', 'Getty Images', 'He said it was over.', 'Then he went home.']
"""
from __future__ import annotations

import re
from functools import cache

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from . import lexicon
from .model import Sentence

_LINE = re.compile(r"[^\n]+")
# a paragraph that ends like prose; anything else after the headline is a
# caption, credit, section label, list item or other page furniture
_TERMINAL = re.compile(r"[.!?:;…\"”’')\]]\s*$")
_WORD = re.compile(r"\w+")
# headers after which a run of unpunctuated lines is a related-content list
_LIST_HEADER = re.compile(
    r"^(more on|related|see also|read more|most read|top stories|articles you may like|products you may like|"
    r"you may also like|recommended|trending|latest)\b", re.I)
# a comment form: everything after it is page furniture
_FOOTER = re.compile(r"^(leave a (reply|comment)|comments?$|\d+ comments?$|join the conversation)", re.I)


@cache
def tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(lexicon.lines("punkt/abbreviations.txt"))
    return PunktSentenceTokenizer(params)


@cache
def _boilerplate_patterns() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in lexicon.lines("boilerplate.txt")), re.I)


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
                and not _TERMINAL.search(prev_line) and (nxt.islower() or nxt.isdigit())):
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
    boiler = _boilerplate_patterns()
    sentences: list[Sentence] = []
    paras = paragraphs(text)
    in_list = in_footer = False
    for p, (start, end) in enumerate(paras):
        para = text[start:end]
        headline = p == 0 and (is_headline(para, len(paras) > 1) if has_headline is None else has_headline)
        n_words = len(_WORD.findall(para))
        if _FOOTER.search(para):
            in_footer = True
        if _LIST_HEADER.search(para) and not _TERMINAL.search(para):
            in_list = True
        elif _TERMINAL.search(para) and n_words > 12:
            in_list = False
        bp = not headline and (
            in_footer or bool(boiler.search(para)) or not _TERMINAL.search(para) or n_words == 0
            or (in_list and n_words <= 20))
        for s, e in tok.span_tokenize(para):
            sentences.append(Sentence(idx=len(sentences), start=start + s, end=start + e,
                                      text=para[s:e], paragraph=p, boilerplate=bp))
    return sentences
