"""Serving the database with Datasette: metadata, plugin hooks, templates."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import yaml

from ..lexicon import DATA

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
# metadata.yml sits at the top of a checkout; a wheel carries a copy in its data folder
METADATA = next((p for p in (DATA / "metadata.yml", HERE.parent.parent / "metadata.yml") if p.is_file()),
                HERE.parent.parent / "metadata.yml")
# the name metadata.yml files its tables and queries under
METADATA_DB = "tracker"


def metadata_for(db_path: str) -> dict:
    """metadata.yml, with its database block under the name Datasette gives ``db_path``."""
    meta = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    name = Path(db_path).stem
    dbs = meta.get("databases", {})
    if name != METADATA_DB and METADATA_DB in dbs:
        dbs[name] = dbs.pop(METADATA_DB)
    return meta


def datasette_args(db_path: str) -> list[str]:
    """The arguments of ``datasette serve`` for a tracker database."""
    meta = tempfile.NamedTemporaryFile("w", suffix=".json", prefix="tracker-metadata-", delete=False)
    with meta:
        json.dump(metadata_for(db_path), meta)
    return [db_path, "--metadata", meta.name, "--template-dir", str(TEMPLATES),
            "--setting", "sql_time_limit_ms", "3000", "--setting", "facet_time_limit_ms", "500"]
