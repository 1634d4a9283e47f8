"""Speakers within an article: which person or body each quote's mention denotes.

Baseline: a mention that looks like a name is its own speaker. The resolver
(pronouns, titles, surnames, metonyms such as "No 10") replaces it.
"""
from __future__ import annotations

from .model import Quote, Sentence, Speaker


def resolve(text: str, sentences: list[Sentence], quotes: list[Quote]) -> list[Speaker]:
    people: list[Speaker] = []
    index: dict[str, int] = {}
    for q in quotes:
        m = q.speaker_mention
        if not m or m.lower() in {"he", "she", "they", "it", "we", "i"}:
            continue
        if m not in index:
            index[m] = len(people)
            people.append(Speaker(name=m, kind="unknown", aliases=[m]))
        q.speaker = index[m]
    return people


def key(speaker: Speaker) -> str:
    """The cross-article identity of a speaker: its canonical name, case and punctuation folded."""
    return " ".join("".join(ch for ch in speaker.name.casefold() if ch.isalnum() or ch.isspace()).split())
