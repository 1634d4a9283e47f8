"""The outputs of a cluster run, as Parquet: their tables and columns, and how ``tracker load`` reads them back.

``tracker extract-cluster`` (tracker/cluster.py) writes one file per table and part,
``DIR/<table>/part-NNNNN.parquet``, then ``DIR/_done/part-NNNNN.json``; ``load`` yields what an ingest's
pipeline yields, ``(Extraction | ReadError, input, record)`` in input order, so that the one writer of
tracker/store.py stores both. The columns are the dataclasses' fields: a field added to the model gets its column.
"""
from __future__ import annotations

import json
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path

from .model import Claim, Document, Extraction, Quote, Sentence, Speaker
from .pipeline import Task
from .read import ReadError

# the lists of an Extraction, each a table of its own
CHILDREN: dict[str, tuple[str, type]] = {"sentences": ("sentences", Sentence), "quotes": ("quotes", Quote),
                                         "claims": ("claims", Claim), "article_speakers": ("speakers", Speaker)}
TABLES = ("articles", *CHILDREN, "errors")


class OutputError(Exception):
    """The output folder cannot be used or loaded (another run's outputs, a run not finished)."""


# -- Parquet schemas, from the dataclasses (a field added to the model gets its column) ----------------------

def _arrow_type(tp):
    import pyarrow as pa

    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return _arrow_type(next(a for a in typing.get_args(tp) if a is not type(None)))
    if typing.get_origin(tp) is list:
        return pa.list_(_arrow_type(typing.get_args(tp)[0]))
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}[tp]


def _columns(cls: type) -> list[tuple]:
    hints = typing.get_type_hints(cls)
    return [(f.name, _arrow_type(hints[f.name])) for f in fields(cls)]


def schema(table: str):
    import pyarrow as pa

    key = [("part", pa.int32()), ("pos", pa.int32())]
    if table == "articles":
        cols = key + [("input", pa.string()), ("record", pa.string()), ("content_hash", pa.string())] + \
            _columns(Document)
    elif table == "errors":
        cols = key + [("input", pa.string())] + _columns(ReadError)
    else:
        cols = key + [("item", pa.int32())] + _columns(CHILDREN[table][1])
    return pa.schema(cols)


def build(cls: type, row: dict):
    """A dataclass from a row (a Parquet row has its fields and the keys of the layout)."""
    return cls(**{f.name: row[f.name] for f in fields(cls) if f.name in row})


# -- loading ------------------------------------------------------------------------------------------------

def _runs(dirs: Iterable[str]) -> list[tuple[Path, int]]:
    """Each output folder with its number of parts; an error naming what is missing if a run is unfinished."""
    runs = []
    for d in dirs:
        root = Path(d)
        meta = root / "_run.json"
        if not meta.is_file():
            raise OutputError(f"{d}: no tracker outputs here (no _run.json; made by tracker extract-cluster)")
        n = json.loads(meta.read_text())["parts"]
        missing = [i for i in range(n) if not (root / "_done" / f"part-{i:05d}.json").is_file()]
        if missing:
            raise OutputError(f"{d}: {len(missing)} of {n} parts not extracted yet (e.g. part {missing[0]}): "
                              f"the run stopped before it finished; run the same extract-cluster command again")
        runs.append((root, n))
    return runs


def count(dirs: Iterable[str]) -> int:
    """The inputs the outputs came from (a progress bar's length); an ``OutputError`` if a run is unfinished."""
    return sum(json.loads((root / "_done" / f"part-{i:05d}.json").read_text())["inputs"]
               for root, n in _runs(dirs) for i in range(n))


def load(dirs: Iterable[str]) -> Iterator[Task]:
    """The outputs of ``dirs`` as ``(Extraction | ReadError, input, record)``, in input order, a part at a
    time (memory: one part)."""
    import pyarrow.parquet as pq

    for root, n in _runs(dirs):
        for i in range(n):
            name = f"part-{i:05d}.parquet"
            rows = {t: pq.read_table(root / t / name).to_pylist() for t in TABLES}
            children: dict[str, dict[int, list[dict]]] = {t: {} for t in CHILDREN}
            for t in CHILDREN:
                for r in rows[t]:
                    children[t].setdefault(r["pos"], []).append(r)
            events = [(r["pos"], r) for r in rows["articles"]] + [(r["pos"], r) for r in rows["errors"]]
            for pos, r in sorted(events, key=lambda e: e[0]):
                if "content_hash" not in r:
                    yield build(ReadError, r), r["input"], r["record"]
                    continue
                parts = {attr: [build(cls, c) for c in sorted(children[t].get(pos, []), key=lambda c: c["item"])]
                         for t, (attr, cls) in CHILDREN.items()}
                yield Extraction(document=build(Document, r), **parts), r["input"], r["record"]
