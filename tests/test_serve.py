import asyncio

import pytest
from datasette.app import Datasette

from tracker.extract import extract
from tracker.model import Document
from tracker.serve import TEMPLATES, metadata_for
from tracker.store import Store


@pytest.fixture(scope="module")
def ds(tmp_path_factory, seed_text):
    path = tmp_path_factory.mktemp("serve") / "news.db"
    store = Store(str(path))
    store.add(extract(Document(text=seed_text, source="seed.txt", title="Ukraine")))
    store.db.close()
    return Datasette([str(path)], metadata=metadata_for(str(path)), template_dir=str(TEMPLATES))


def get(ds, path):
    return asyncio.run(ds.client.get(path))


@pytest.mark.parametrize("table", ["articles", "sentences", "quotes", "claims", "speakers", "ingest_errors"])
def test_table_pages(ds, table):
    assert get(ds, f"/news/{table}").status_code == 200
    assert get(ds, f"/news/{table}.json?_shape=array").status_code == 200


def test_row_pages(ds):
    for table in ("articles", "sentences", "quotes", "speakers"):
        rows = get(ds, f"/news/{table}.json?_shape=array&_size=1").json()
        assert rows, table
        assert get(ds, f"/news/{table}/{rows[0]['id']}").status_code == 200


def test_search_quotes_is_ranked_and_escaped(ds):
    response = get(ds, "/news/search_quotes?q=Russia")
    assert response.status_code == 200
    assert "<mark>Russia</mark>" in response.text
    rows = get(ds, "/news/search_quotes.json?q=Russia&_shape=array").json()
    assert rows


def test_metadata_names_real_tables(ds):
    meta = metadata_for("news.db")
    tables = set(asyncio.run(ds.get_database("news").table_names()))
    for name in meta["databases"]["news"].get("tables", {}):
        assert name in tables
