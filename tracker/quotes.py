"""Quotes: direct, mixed and indirect speech with cue, speaker mention and content.

Baseline: a quotation after or before "said"/"added". The full extractor
(cue lexicon in data/cues.txt, speaker before or after, multi-paragraph
quotes, indirect speech) replaces it.
"""
from __future__ import annotations

import re

from .model import Quote, Sentence

_AFTER = re.compile(r"[“\"](?P<content>[^”\"]+)[”\"],? (?P<speaker>[A-Z][\w ]{0,40}?) (?P<cue>said|added)\b")


def find_quotes(text: str, sentences: list[Sentence]) -> list[Quote]:
    out = []
    for s in sentences:
        if s.boilerplate:
            continue
        for m in _AFTER.finditer(s.text):
            content = m.group("content").strip(" ,")
            cs = s.start + m.start("content")
            out.append(Quote(kind="direct", content=content, start=cs, end=cs + len(content), sentence_idx=s.idx,
                             cue=m.group("cue"), cue_start=s.start + m.start("cue"), cue_end=s.start + m.end("cue"),
                             speaker_mention=m.group("speaker"), speaker_start=s.start + m.start("speaker"),
                             speaker_end=s.start + m.end("speaker")))
    return out
