"""Readers: files, folders and stdin in, ``Document`` records out.

One reader per input format. A reader never raises for bad input: it yields a
``ReadError`` naming the input, and the caller records it and goes on.
"""
from __future__ import annotations

import email.utils
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .model import Document
from .segment import is_headline

TEXT = {".txt", ".md", ".text", ".markdown"}
HTML = {".html", ".htm", ".xhtml"}
JSON = {".json", ".jsonl", ".ndjson"}
KNOWN = TEXT | HTML | JSON
STDIN = "-"


@dataclass(slots=True)
class ReadError:
    source: str
    error: str

    def __str__(self) -> str:
        return f"{self.source}: {self.error}"


def expand(paths: Iterable[str], skipped: list[str] | None = None) -> Iterator[str]:
    """Files named, and the known article files inside folders (recursively, sorted).

    ``skipped`` collects the other files found in folders (hidden ones aside).
    """
    for p in paths:
        if p == STDIN or not os.path.isdir(p):
            yield p
            continue
        found = []
        for root, dirs, files in os.walk(p):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for f in files:
                if f.startswith("."):
                    continue
                if Path(f).suffix.lower() in KNOWN:
                    found.append(os.path.join(root, f))
                elif skipped is not None:
                    skipped.append(os.path.join(root, f))
        yield from sorted(found)


def read(paths: Iterable[str]) -> Iterator[Document | ReadError]:
    for source in expand(paths):
        yield from read_one(source)


def read_one(source: str) -> Iterator[Document | ReadError]:
    try:
        data = sys.stdin.buffer.read() if source == STDIN else Path(source).read_bytes()
    except OSError as e:
        yield ReadError(source, f"cannot read: {e.strerror or e}")
        return
    try:
        text = decode(data)
    except UnicodeDecodeError as e:
        yield ReadError(source, f"cannot decode as UTF-8 text (byte {e.start}); convert it to UTF-8")
        return
    ext = Path(source).suffix.lower()
    if source == STDIN:      # sniff the format
        head = text.lstrip()[:1]
        ext = ".json" if head in "{[" and head else ".html" if head == "<" else ".txt"
    if ext in JSON:
        yield from from_json(text, source, lines=ext != ".json")
    elif ext in HTML:
        yield from_html(text, source)
    else:
        yield from_text(text, source, markdown=ext in {".md", ".markdown"})


def decode(data: bytes) -> str:
    """UTF-8 (a byte-order mark is dropped); binary data is refused."""
    if b"\x00" in data[:4096]:
        raise UnicodeDecodeError("utf-8", data, data.index(b"\x00"), data.index(b"\x00") + 1, "binary data")
    return data.decode("utf-8-sig")


def from_text(text: str, source: str, markdown: bool = False) -> Document | ReadError:
    """Plain text, stored unchanged; the first line is the title when it is a headline."""
    if not text.strip():
        return ReadError(source, "empty file: no article text")
    first, _, rest = text.lstrip().partition("\n")
    title = None
    if is_headline(first.strip(), bool(rest.strip())):
        title = first.strip().lstrip("#").strip() if markdown else first.strip()
    return Document(text=text, title=title, source=source)


def from_html(html: str, source: str) -> Document | ReadError:
    """A saved web page: trafilatura separates the article from the page furniture."""
    import trafilatura   # imported here: slow to import, and only HTML needs it

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
    except Exception as e:  # noqa: BLE001 - trafilatura raises many types on bad markup
        return ReadError(source, f"cannot parse HTML: {e}")
    if doc is None:
        return ReadError(source, "no article text found in the HTML page")
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = meta.get("text") or ""
    if not text.strip():
        return ReadError(source, "no article text found in the HTML page")
    return Document(text=text, title=meta.get("title"), source=source, url=meta.get("url"),
                    outlet=meta.get("sitename"), published=iso_date(meta.get("date")))


def from_json(raw: str, source: str, lines: bool) -> Iterator[Document | ReadError]:
    """JSON (an object or a list of them) or JSON Lines; records need at least ``text``."""
    if lines:
        records = _json_lines(raw, source)
    else:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as e:
            yield ReadError(source, f"invalid JSON at line {e.lineno} column {e.colno}: {e.msg}")
            return
        items = data if isinstance(data, list) else [data]
        records = ((f"{source}#{n}" if len(items) > 1 else source, f"record {n}", r)
                   for n, r in enumerate(items, 1))
    for name, where, rec in records:
        if isinstance(rec, ReadError):
            yield rec
        elif not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
            yield ReadError(name, f"{where}: a record needs a non-empty \"text\" string")
        else:
            # "date" and "publisher": the names some corpus exports use (PolNeAR's, for one)
            yield Document(text=rec["text"], title=_str(rec.get("title")), source=_str(rec.get("source")) or name,
                           url=_str(rec.get("url")), outlet=_str(rec.get("outlet")) or _str(rec.get("publisher")),
                           published=iso_date(rec.get("published") or rec.get("date")))


def _json_lines(raw: str, source: str) -> Iterator[tuple[str, str, object]]:
    for n, line in enumerate(raw.splitlines(), 1):
        if line.strip():
            try:
                yield f"{source}#{n}", f"line {n}", json.loads(line)
            except json.JSONDecodeError as e:
                yield f"{source}#{n}", f"line {n}", ReadError(f"{source}#{n}", f"invalid JSON: {e.msg}")


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def iso_date(value: object) -> str | None:
    """ISO 8601 for the date forms found in exports; None when unreadable."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        pass
    # dates as newsrooms write them; all-numeric forms other than ISO ("03/04/2024") are
    # month-first in the US and day-first elsewhere, so they stay unread
    words = " ".join(value.replace(",", " ").replace(".", " ").split()).replace("Sept ", "Sep ")
    for fmt in _WRITTEN_DATES:
        try:
            return datetime.strptime(words, fmt).date().isoformat()
        except ValueError:
            continue
    return None


_WRITTEN_DATES = ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%A %B %d %Y", "%A %d %B %Y", "%a %b %d %Y",
                  "%Y/%m/%d")
