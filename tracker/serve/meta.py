"""metadata.yml: where it is, and the database block the plugin applies to every tracker database."""
from __future__ import annotations

import copy
import functools
import json
from pathlib import Path

import yaml

from ..lexicon import DATA
from .common import FACET_TYPE

HERE = Path(__file__).resolve().parent
# metadata.yml sits at the top of a checkout; a wheel carries a copy in its data folder
METADATA = next((p for p in (DATA / "metadata.yml", HERE.parent.parent / "metadata.yml") if p.is_file()),
                HERE.parent.parent / "metadata.yml")
# the name metadata.yml files its database block under (the plugin applies it to any tracker database)
METADATA_DB = "tracker"


@functools.lru_cache(maxsize=1)
def _load() -> dict:
    return yaml.safe_load(METADATA.read_text(encoding="utf-8"))


def metadata() -> dict:
    """metadata.yml as a dict (a copy: Datasette may change what it is given)."""
    return copy.deepcopy(_load())


# tables the summary the ingest keeps (summary.py) writes: hidden from the lists of tables
HIDDEN_TABLES = ("tracker_summary", "tracker_speaker_counts", "tracker_speaker_totals", "tracker_group_figures",
                 "tracker_speaker_months", "tracker_speaker_figures")


def facet_columns() -> dict[str, list[str]]:
    """The columns metadata.yml names as facets, table by table."""
    tables = _load().get("databases", {}).get(METADATA_DB, {}).get("tables", {})
    return {t: [f for f in spec.get("facets", []) if isinstance(f, str)] for t, spec in tables.items()}


@functools.lru_cache(maxsize=1)
def _block_json() -> str:
    block = copy.deepcopy(_load().get("databases", {}).get(METADATA_DB, {}))
    tables = block.setdefault("tables", {})
    for spec in tables.values():
        if "facets" in spec:        # metadata.yml writes them as Datasette's column facets
            spec["facets"] = [{FACET_TYPE: f} if isinstance(f, str) else f for f in spec["facets"]]
    for table in HIDDEN_TABLES:
        tables.setdefault(table, {})["hidden"] = True
    return json.dumps(block)


def database_block() -> dict:
    """The ``databases: tracker:`` block as the plugin gives it to Datasette: table and column
    descriptions, label columns, facets (counted once per change of the database: ``facets.py``),
    the summary's tables hidden.

    A fresh copy each time (Datasette merges other metadata into what it is
    given); ``get_metadata`` asks for it on every metadata lookup, and
    ``json.loads`` of the cached text is about ten times faster than ``deepcopy``.
    """
    return json.loads(_block_json())
