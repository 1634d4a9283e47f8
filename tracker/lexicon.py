"""Load the plain-text data files in ``data/`` (once per process).

Every file there has a header of ``#`` comments saying what it holds and where
the entries come from; blank lines and comments are skipped.
"""
from __future__ import annotations

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
