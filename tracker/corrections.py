"""A journalist's corrections of speakers, kept beside the database and applied again at every ingest.

A correction says who made it, when and why, and what it changes:

- ``speaker``: a quote's speaker set (to a speaker of the database, or to a name and kind) or cleared;
- ``merge``: two speaker rows are one (the second's quotes and claims move to the first, the second row goes);
- ``split``: a speaker's quotes in some articles are someone else's (a new row, or one with that name);
- ``distinct``: two speakers that look alike are not one (the review of likely duplicates stops listing them).

What a correction names is identified stably, never by row ids (which a rebuilt database numbers anew): a quote by
its article's content hash and its offsets, a speaker by its cross-article key (``speakers.key``).

Where corrections live: every correction is a line of a JSON Lines file beside the database
(``news.db`` -> ``news.corrections.jsonl``), appended by ``tracker correct ...``, and a row of the ``corrections``
table. The file is what survives: a database deleted and ingested again gets every correction back from it; a
database copied without its file writes the file anew from its table. ``apply_in`` (run with every batch of an ingest
and after every ``tracker correct``) merges the two by each correction's ``uid`` and applies them all in the order
they were made; each is idempotent, so applying again after new articles arrive corrects their rows too (a merged
speaker that a new article brings back is merged again). The table's ``quote_id`` and ``speaker_id`` name the rows
a correction changed in this database, so that Datasette shows it next to them; ``status`` says whether it applied
or waits (a quote whose article is not in the database yet).

The review of likely duplicates (``likely_duplicates``) lists pairs of speaker rows whose names are alike
(rapidfuzz's token-sort ratio over folded names, within rows of one kind) or share an alias, for a person to
confirm with ``tracker correct merge`` or dismiss with ``tracker correct distinct``; nothing is merged
automatically. The pairs are written to ``speaker_pairs`` at every ingest, for the canned query.
"""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

ACTIONS = ("speaker", "merge", "split", "distinct")
# the tables, part of the store's schema (tracker/store.py: made and upgraded with the others, in one transaction)
TABLES: dict[str, dict] = {
    # what a correction names, stably (a quote by its article's content hash and offsets, speakers by key),
    # then the rows it changed in this database
    "corrections": dict(columns={"id": int, "uid": str, "at": str, "who": str, "why": str, "action": str,
                                 "article_hash": str, "quote_start": int, "quote_end": int, "speaker_key": str,
                                 "other_key": str, "name": str, "kind": str, "articles": str, "quote_id": int,
                                 "speaker_id": int, "other_speaker_id": int, "status": str},
                        pk="id"),
    # the likely duplicate speakers, for review (written at the end of every ingest)
    "speaker_pairs": dict(columns={"speaker_a": int, "speaker_b": int, "name_a": str, "name_b": str, "kind": str,
                                   "score": float, "reason": str},
                          pk=None),
}
INDEXES: list[tuple[str, list[str], bool]] = [("corrections", ["uid"], True)]
# the columns of the file
STORED = ("uid", "at", "who", "why", "action", "article_hash", "quote_start", "quote_end", "speaker_key",
          "other_key", "name", "kind", "articles")


def corrections_path(db_path: str | Path) -> Path:
    """The corrections file beside a database: ``news.db`` -> ``news.corrections.jsonl``."""
    p = Path(db_path)
    return p.with_name(p.stem + ".corrections.jsonl")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Correction:
    action: str
    who: str | None = None
    why: str | None = None
    at: str | None = None
    uid: str | None = None
    article_hash: str | None = None
    quote_start: int | None = None
    quote_end: int | None = None
    speaker_key: str | None = None      # speaker: the one set (None with no name: cleared); merge: the one kept;
    other_key: str | None = None        # split: the one split; merge, distinct: the other one
    name: str | None = None             # speaker, split: the name (and kind) of the speaker to set
    kind: str | None = None
    articles: str | None = None         # split: JSON list of the content hashes of the articles moved

    def record(self) -> dict:
        return {k: getattr(self, k) for k in STORED}


# --- recording ---------------------------------------------------------------------------------------------

def quote_ref(con: sqlite3.Connection, quote_id: int) -> tuple[str, int, int]:
    """The stable identity of a quote row: its article's content hash, its start and end."""
    row = con.execute("select a.content_hash, q.start, q.[end] from quotes q join articles a on a.id = q.article_id "
                      "where q.id = ?", [quote_id]).fetchone()
    if row is None:
        raise LookupError(f"no quote {quote_id}")
    return row


def speaker_key(con: sqlite3.Connection, speaker_id: int) -> str:
    row = con.execute("select key from speakers where id = ?", [speaker_id]).fetchone()
    if row is None:
        raise LookupError(f"no speaker {speaker_id}")
    return row[0]


def article_hash(con: sqlite3.Connection, article_id: int) -> str:
    row = con.execute("select content_hash from articles where id = ?", [article_id]).fetchone()
    if row is None:
        raise LookupError(f"no article {article_id}")
    return row[0]


# --- applying --------------------------------------------------------------------------------------------

def load_file(path: Path) -> list[dict]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line))
    return out


def apply_in(con: sqlite3.Connection, path: Path, pairs: bool = True) -> dict[str, int]:
    """``apply``, inside the caller's write transaction (the store runs it with every batch of articles it
    writes, so that new rows are corrected as they are committed). Run again from the start, it does the same."""
    in_file = load_file(path)
    known = {r["uid"] for r in in_file}
    cols = list(STORED)
    in_table = [dict(zip(cols, r)) for r in con.execute(f"select {', '.join(cols)} from corrections order by id")]
    missing = [r for r in in_table if r["uid"] not in known]
    if missing:         # a database copied without its file: the file is written anew
        with open(path, "a", encoding="utf-8") as fh:
            for r in missing:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        in_file += missing
    have = {r["uid"] for r in in_table}
    for r in in_file:
        if r["uid"] not in have:
            con.execute(f"insert into corrections ({', '.join(cols)}) values ({', '.join('?' * len(cols))})",
                        [r.get(k) for k in cols])
    counts = {"applied": 0, "waiting": 0}
    for r in in_file:
        status, qid, sid, oid = _apply_one(con, Correction(**{k: r.get(k) for k in STORED}))
        counts["applied" if status == "applied" else "waiting"] += 1
        con.execute("update corrections set status = ?, quote_id = ?, speaker_id = ?, other_speaker_id = ? "
                    "where uid = ?", [status, qid, sid, oid, r["uid"]])
    if pairs:
        write_pairs(con)
    return counts


def _speaker_id(con: sqlite3.Connection, key: str | None) -> int | None:
    if key is None:
        return None
    row = con.execute("select id from speakers where key = ?", [key]).fetchone()
    return row[0] if row else None


def _named_speaker(con: sqlite3.Connection, name: str, kind: str | None, uid: str) -> int:
    """The row of the speaker a correction names: the one with that name's key, or a new row of its own."""
    from .model import Speaker
    from .speakers import key as speaker_key_of

    kind = kind or "person"
    key = speaker_key_of(Speaker(name=name, kind=kind)) or f"correction {uid}: {name}"
    sid = _speaker_id(con, key)
    if sid is None:
        sid = (con.execute("select coalesce(max(id), 0) + 1 from speakers").fetchone()[0])
        con.execute("insert into speakers (id, name, kind, role, aliases, affiliation, anonymous, roles, key) "
                    "values (?, ?, ?, null, ?, null, 0, '{}', ?)", [sid, name, kind, json.dumps([name]), key])
    return sid


def _set_quote_speaker(con: sqlite3.Connection, qid: int, sid: int | None) -> None:
    con.execute("update quotes set speaker_id = ? where id = ?", [sid, qid])
    con.execute("update claims set speaker_id = ? where quote_id = ?", [sid, qid])


def _quote_id(con: sqlite3.Connection, c: Correction) -> int | None:
    row = con.execute("select q.id from quotes q join articles a on a.id = q.article_id "
                      "where a.content_hash = ? and q.start = ? and q.[end] = ?",
                      [c.article_hash, c.quote_start, c.quote_end]).fetchone()
    return row[0] if row else None


def _apply_one(con: sqlite3.Connection, c: Correction) -> tuple[str, int | None, int | None, int | None]:
    """(status, quote_id, speaker_id, other_speaker_id) of one correction applied to the database."""
    if c.action == "speaker":
        qid = _quote_id(con, c)
        if qid is None:
            return "waiting: the quote's article is not in this database", None, None, None
        if c.name:
            sid = _named_speaker(con, c.name, c.kind, c.uid)
        elif c.speaker_key:
            sid = _speaker_id(con, c.speaker_key)
            if sid is None:
                return "waiting: no speaker with that key in this database", qid, None, None
        else:
            sid = None                              # cleared
        _set_quote_speaker(con, qid, sid)
        return "applied", qid, sid, None
    if c.action == "merge":
        keep, other = _speaker_id(con, c.speaker_key), _speaker_id(con, c.other_key)
        if keep is None:
            return "waiting: no speaker with the kept key in this database", None, None, other
        if other is not None and other != keep:
            _merge(con, keep, other)
        return "applied", None, keep, other
    if c.action == "split":
        sid = _speaker_id(con, c.other_key)
        hashes = json.loads(c.articles or "[]")
        new = _named_speaker(con, c.name, c.kind, c.uid)
        if sid is not None and hashes:
            marks = ", ".join("?" * len(hashes))
            qids = [r[0] for r in con.execute(
                f"select q.id from quotes q join articles a on a.id = q.article_id where q.speaker_id = ? "
                f"and a.content_hash in ({marks})", [sid, *hashes])]
            for qid in qids:
                _set_quote_speaker(con, qid, new)
            con.execute(f"update claims set speaker_id = ? where speaker_id = ? and article_id in "
                        f"(select id from articles where content_hash in ({marks}))", [new, sid, *hashes])
        return "applied", None, new, sid
    if c.action == "distinct":
        return "applied", None, _speaker_id(con, c.speaker_key), _speaker_id(con, c.other_key)
    return f"unknown action {c.action}", None, None, None


def _merge(con: sqlite3.Connection, keep: int, other: int) -> None:
    """Move the other row's quotes and claims to the kept row, join their aliases, delete the other row."""
    (a_aliases,), (b_aliases,) = (con.execute("select aliases from speakers where id = ?", [i]).fetchone()
                                  for i in (keep, other))
    aliases = sorted(set(json.loads(a_aliases or "[]")) | set(json.loads(b_aliases or "[]")))
    con.execute("update quotes set speaker_id = ? where speaker_id = ?", [keep, other])
    con.execute("update claims set speaker_id = ? where speaker_id = ?", [keep, other])
    con.execute("update speakers set aliases = ? where id = ?", [json.dumps(aliases, ensure_ascii=False), keep])
    con.execute("delete from speakers where id = ?", [other])


# --- the review of likely duplicates ---------------------------------------------------------------------

_FOLD = re.compile(r"[\W_]+")
_PEER = re.compile(r"(?:Lord|Lady|Baroness|Baron) ([\w'\-]+)$")
_HONORIFICS = re.compile(r"^(?:mr|mrs|ms|miss|dr|sir|lord|lady|dame|prof)\s+", re.I)


def _fold(name: str) -> str:
    return _FOLD.sub(" ", _HONORIFICS.sub("", name).casefold()).strip()


def likely_duplicates(con: sqlite3.Connection, threshold: float = 90.0) -> list[dict]:
    """Pairs of named speaker rows of one kind that may be one: names alike (rapidfuzz token-sort ratio at or above
    ``threshold`` on names folded to lower-case words without honorifics) or a name-like alias in common. Pairs a
    correction calls distinct, and generic sources, are left out."""
    rows = con.execute("select id, name, kind, aliases, key from speakers where kind not in ('generic') "
                       "and not coalesce(anonymous, 0) and key not like 'article %'").fetchall()
    distinct = {frozenset(r) for r in con.execute(
        "select speaker_key, other_key from corrections where action = 'distinct'")}
    out: dict[tuple[int, int], dict] = {}
    by_kind: dict[str, list] = {}
    for r in rows:
        by_kind.setdefault(r[2], []).append(r)
    for kind, group in by_kind.items():
        names = [_fold(r[1]) for r in group]
        for i, j, score in _alike(names, threshold):
            a, b = group[i], group[j]
            # ("David Davis" and "David Davies" are listed too, marked: for a person to tell apart, never merged)
            other = kind == "person" and names[i].split()[-1:] != names[j].split()[-1:] \
                and _joined(names[i]) != _joined(names[j])
            out[(a[0], b[0])] = dict(a=a, b=b, kind=kind, score=float(score),
                                     reason="similar names" + (", other surnames" if other else ""))
        seen: dict[str, list] = {}
        for r in group:
            for alias in json.loads(r[3] or "[]"):
                words = alias.split()
                f = _fold(alias)
                if len(f.split()) >= 2 and all(w[:1].isupper() for w in words) and words[0] not in ("The", "A", "An"):
                    seen.setdefault(f, []).append(r)     # a full name ("Robert Kilroy-Silk"), no description
        if kind == "person":
            # "Lord Goldsmith" and "Peter Goldsmith", where an article calls Peter Goldsmith "Lord Goldsmith": a peer
            # named by title, and his full name
            surnames: dict[str, list] = {}
            for r in group:
                surnames.setdefault(_fold(r[1]).split()[-1], []).append(r)
            for r in group:
                m = _PEER.match(r[1])
                for other in surnames.get(m.group(1).casefold(), []) if m else ():
                    if other[0] != r[0] and not _PEER.match(other[1]) and r[1] in json.loads(other[3] or "[]"):
                        a, b = sorted((r, other))
                        out.setdefault((a[0], b[0]), dict(a=a, b=b, kind=kind, score=100.0,
                                                          reason="a peer's title and a full name"))
        for f, rs in seen.items():
            ids = sorted({r[0]: r for r in rs}.items())
            for x in range(len(ids)):
                for y in range(x + 1, len(ids)):
                    a, b = ids[x][1], ids[y][1]
                    out.setdefault((a[0], b[0]), dict(a=a, b=b, kind=kind, score=100.0,
                                                      reason=f"shared alias: {f}"))
    result = []
    for (ia, ib), p in sorted(out.items()):
        if frozenset((p["a"][4], p["b"][4])) in distinct:
            continue
        result.append(dict(speaker_a=ia, speaker_b=ib, name_a=p["a"][1], name_b=p["b"][1], kind=p["kind"],
                           score=round(p["score"], 1), reason=p["reason"]))
    return result


_BLOCK_MOST = 1000


def _alike(names: list[str], threshold: float):
    """(i, j, score) for i < j whose names score ``threshold`` or more (rapidfuzz token-sort ratio).

    Every name against every other was quadratic: 9 CPU-seconds for 8,000 named speakers, about 250 for the
    41,000 of a 100,000-article database, at the end of every ingest. Names that alike share a word or the
    first five letters of their words run together ("Time Warner", "TimeWarner"), so each name is scored only
    against the names of its blocks: a word, or those five letters. A block of more than ``_BLOCK_MOST``
    names (a common first name) is passed over when the name has a smaller one; on the BBC corpus the pairs
    found are the same as every name against every other."""
    from rapidfuzz import fuzz

    blocks: dict[str, list[int]] = {}
    keys = []
    for i, name in enumerate(names):
        k = {"w " + w for w in name.split()} | {"j " + _joined(name)[:5]}
        keys.append(k)
        for key in k:
            blocks.setdefault(key, []).append(i)
    for i, name in enumerate(names):
        mine = sorted((blocks[k] for k in keys[i]), key=len)
        small = [b for b in mine if len(b) <= _BLOCK_MOST] or mine[:1]
        for j in sorted({j for b in small for j in b if j > i}):
            score = fuzz.token_sort_ratio(name, names[j], score_cutoff=threshold)
            if score:
                yield i, j, score


def _joined(name: str) -> str:
    return name.replace(" ", "")


def write_pairs(con: sqlite3.Connection) -> int:
    """Refresh ``speaker_pairs`` from the speakers as they are now."""
    pairs = likely_duplicates(con)
    con.execute("delete from speaker_pairs")
    con.executemany("insert into speaker_pairs (speaker_a, speaker_b, name_a, name_b, kind, score, reason) "
                    "values (:speaker_a, :speaker_b, :name_a, :name_b, :kind, :score, :reason)", pairs)
    return len(pairs)
