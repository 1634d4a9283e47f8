"""Load the plain-text data files in ``data/`` (once per process).

Every file there has a header of ``#`` comments saying what it holds and where
the entries come from; blank lines and comments are skipped.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# a wheel carries data/ inside the package; a checkout (or editable install) has it beside
DATA = next((p for p in (_PACKAGE / "_data", _PACKAGE.parent / "data") if p.is_dir()), _PACKAGE.parent / "data")


def path(name: str) -> Path:
    return DATA / name


@cache
def lines(name: str) -> tuple[str, ...]:
    """The entries of a data file: stripped, without blank lines and ``#`` comments."""
    out = []
    with open(DATA / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return tuple(out)


@cache
def words(name: str) -> frozenset[str]:
    """The entries of a data file as a set of lower-cased strings."""
    return frozenset(entry.lower() for entry in lines(name))


@cache
def mapping(name: str, sep: str = "=") -> dict[str, str]:
    """``key = value`` lines as a dict (keys lower-cased)."""
    out = {}
    for entry in lines(name):
        key, _, value = entry.partition(sep)
        out[key.strip().lower()] = value.strip()
    return out


def trie_pattern(phrases, space: str = r"\ ") -> str:
    """A regex alternation of ``phrases`` factored as a trie, a space written as ``space``.

    Python's ``re`` tries the branches of an alternation one by one; sharing
    prefixes ("seven", "seventeen", "seventy" -> ``seven(?:teen|ty)?``) makes
    a scan over every position of a text several times faster.
    """
    root: dict = {}
    for p in phrases:
        node = root
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [(space if ch == " " else re.escape(ch)) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)
