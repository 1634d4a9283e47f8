"""Readers: files, folders and stdin in, ``Document`` records out.

One reader per input format. A reader never raises for bad input: it yields a
``ReadError`` naming the input, and the caller records it and goes on.
"""
from __future__ import annotations

import email.utils
import json
import os
import re
import stat
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
    """An input (or one record of it) that could not be read or processed; ``stage`` says where it failed:
    read, decode, parse, record (a JSON record without text), an extraction stage (segment, quotes, speakers,
    claims, checkworthy), timeout, store."""
    source: str
    error: str
    record: str | None = None       # which record of a JSON or JSON Lines file: "line 3", "record 2 (id a7)"
    stage: str = "read"

    def __str__(self) -> str:
        return one_line(f"{self.source}{', ' + self.record if self.record else ''}: {self.error}")


@dataclass(slots=True)
class Note:
    """Something worth a word on stderr that is not an error: an input with no article, a file skipped."""
    source: str
    message: str

    def __str__(self) -> str:
        return one_line(f"{self.source}: {self.message}")


# what would break a line of stderr: control characters, line and paragraph separators, and lone surrogates
# (which cannot be written as UTF-8 at all)
_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def one_line(s: str) -> str:
    """``s`` with line breaks and other control characters escaped (\\n), so that one message is one line."""
    return _BREAKS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), s)


def display_name(path: str) -> str:
    """A path as text that can be printed and stored: bytes of a file name that are not UTF-8 (which Python
    keeps as lone surrogates) are written as \\x escapes."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


def expand(paths: Iterable[str | ReadError | Note], skipped: list[str] | None = None
           ) -> Iterator[str | ReadError | Note]:
    """Files named, and the known article files inside folders (recursively, sorted).

    ``skipped`` collects the other files found in folders (hidden ones aside). A folder that cannot be
    read is a ``ReadError``; a file in a folder that is not a regular file (a FIFO, a socket, a device) is
    never opened: it is a ``Note``. A file named on the command line is read whatever it is (``<(cmd)``).
    """
    for p in paths:
        if not isinstance(p, str) or p == STDIN or not os.path.isdir(p):
            yield p
            continue
        found, problems = [], []

        def unreadable(e: OSError) -> None:
            problems.append(ReadError(display_name(e.filename or p), f"cannot read folder: {e.strerror or e}"))

        for root, dirs, files in os.walk(p, onerror=unreadable):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for f in files:
                if f.startswith("."):
                    continue
                path = os.path.join(root, f)
                if Path(f).suffix.lower() not in KNOWN:
                    if skipped is not None:
                        skipped.append(display_name(path))
                    continue
                try:
                    mode = os.stat(path).st_mode
                except OSError:
                    mode = stat.S_IFREG        # a broken link: reading it says why
                if stat.S_ISREG(mode):
                    found.append(path)
                else:
                    problems.append(Note(display_name(path), f"not a regular file ({_KINDS.get(stat.S_IFMT(mode), 'special file')}); skipped"))
        yield from problems
        yield from sorted(found)


_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a character device",
          stat.S_IFBLK: "a block device", stat.S_IFDIR: "a folder"}


def read(paths: Iterable[str]) -> Iterator[Document | ReadError | Note]:
    for item, _, _ in read_items(paths):
        yield item


def read_items(paths: Iterable[str | ReadError | Note]) -> Iterator[tuple[Document | ReadError | Note, str, str | None]]:
    """What ``read`` yields, each with the input it came from and the record of that input (None for a
    file that holds one article), for messages that name both."""
    for source in expand(paths):
        if isinstance(source, str):
            name = display_name(source)
            for item, record in read_one(source):
                yield item, name, record
        else:
            yield source, source.source, None


def read_one(source: str) -> Iterator[tuple[Document | ReadError | Note, str | None]]:
    """The articles (or errors) of one input, each with its record (None for a file of one article)."""
    name = display_name(source)
    try:
        data = sys.stdin.buffer.read() if source == STDIN else Path(source).read_bytes()
    except OSError as e:
        yield ReadError(name, f"cannot read: {e.strerror or e}"), None
        return
    except MemoryError:
        yield ReadError(name, "cannot read: too large for memory"), None
        return
    try:
        text = decode(data)
    except ValueError as e:
        yield ReadError(name, str(e), stage="decode"), None
        return
    ext = Path(source).suffix.lower()
    if source == STDIN:      # sniff the format
        head = text.lstrip()[:1]
        ext = ".json" if head in "{[" and head else ".html" if head == "<" else ".txt"
    if ext in JSON:
        yield from from_json(text, name, lines=ext != ".json")
    elif ext in HTML:
        yield from_html(text, name), None
    else:
        yield from_text(text, name, markdown=ext in {".md", ".markdown"}), None


def decode(data: bytes) -> str:
    """UTF-8 (a byte-order mark is dropped); binary data (a NUL byte anywhere) is refused with a ValueError
    saying why."""
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ValueError(f"binary data, not text (a NUL byte at byte {nul})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ValueError(f"cannot decode as UTF-8 text (byte {e.start}); convert it to UTF-8") from None


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


def from_json(raw: str, source: str, lines: bool, first_line: int = 1
              ) -> Iterator[tuple[Document | ReadError | Note, str | None]]:
    """JSON (an object or a list of them) or JSON Lines; records need at least ``text``.

    JSON Lines are split on "\\n" only: U+2028, NEL and the other line breaks ``str.splitlines`` knows may
    stand unescaped inside a JSON string. A record that cannot be parsed or has no text is an error of
    its own; the others are read. ``first_line``: the number of ``raw``'s first line in its file (a block
    of a long JSON Lines file read on its own, by ``tracker.cluster``).
    """
    if lines:
        records = _json_lines(raw, source, first_line)
    else:
        data = _loads(raw)
        if isinstance(data, ReadError):
            yield ReadError(source, data.error, stage="parse"), None
            return
        items = data if isinstance(data, list) else [data]
        records = ((f"{source}#{n}" if len(items) > 1 else source, f"record {n}" if len(items) > 1 else None, r)
                   for n, r in enumerate(items, 1))
    yield from from_records(records, source)


def from_records(records: Iterable[tuple[str, str | None, object]], source: str
                 ) -> Iterator[tuple[Document | ReadError | Note, str | None]]:
    """Articles from parsed records (the article's default name, which record it is, the record: a dict or
    the ``ReadError`` of a record that could not be parsed) of the input ``source``."""
    count = 0
    for name, where, rec in records:
        count += 1
        if isinstance(rec, dict) and isinstance(rec.get("id"), (str, int)) and where:
            where = f"{where} (id {str(rec['id'])[:80]})"
        if isinstance(rec, ReadError):
            yield ReadError(source, rec.error, record=where, stage="parse"), where
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
            yield ReadError(source, "a record needs a non-empty \"text\" string", record=where, stage="record"), where
            continue
        bad = next((k for k in _FIELDS if isinstance(rec.get(k), str) and not _is_unicode(rec[k])), None)
        if bad:
            at = next(i for i, ch in enumerate(rec[bad]) if "\ud800" <= ch <= "\udfff")
            yield ReadError(source, f"\"{bad}\" is not valid Unicode: a lone surrogate escape "
                                    f"(\\u{ord(rec[bad][at]):04x}) at character {at}", record=where, stage="record"), where
            continue
        # "date" and "publisher": the names some corpus exports use (PolNeAR's, for one)
        yield Document(text=rec["text"], title=_str(rec.get("title")), source=_str(rec.get("source")) or name,
                       url=_str(rec.get("url")), outlet=_str(rec.get("outlet")) or _str(rec.get("publisher")),
                       published=iso_date(rec.get("published") or rec.get("date"))), where
    if not count:
        yield Note(source, "no records: nothing to read"), None


_FIELDS = ("text", "title", "source", "url", "outlet", "publisher", "published", "date")


def _is_unicode(s: str) -> bool:
    try:
        s.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _int(digits: str) -> int | str:
    """An integer as JSON writes it; one too long for Python to convert (4,300 digits) stays as written:
    no field the tracker reads is a number, so it must not cost the record."""
    return int(digits) if len(digits) <= 4000 else digits


def _loads(raw: str, line: bool = False) -> object:
    """The JSON value, or a ReadError saying what is wrong with it (never an exception); ``line``: ``raw``
    is one line of a file, so only the column is worth saying."""
    try:
        return json.loads(raw, parse_int=_int)
    except json.JSONDecodeError as e:
        where = f"column {e.colno}" if line else f"line {e.lineno} column {e.colno}"
        return ReadError("", f"invalid JSON at {where}: {e.msg}")
    except RecursionError:
        return ReadError("", "invalid JSON: nested too deeply to read")
    except ValueError as e:
        return ReadError("", f"invalid JSON: {e}")


def _json_lines(raw: str, source: str, first: int = 1) -> Iterator[tuple[str, str, object]]:
    for n, line in enumerate(raw.split("\n"), first):
        if line.strip():
            yield f"{source}#{n}", f"line {n}", _loads(line, line=True)


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
