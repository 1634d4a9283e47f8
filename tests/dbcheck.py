"""``tracker check`` on every database a test builds.

    from dbcheck import assert_whole, check_databases  # noqa: F401  (the fixture is autouse)

``check_databases`` runs after each test of the module that imports it and
checks every ``*.db`` file under the test's ``tmp_path``: no dangling
reference, full-text indexes that match their tables, the whole schema. A test
that leaves a broken database on purpose (or checks its own under another
schema) asks for the ``unchecked`` fixture.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tracker.check import check


def problems(path: Path) -> list[str]:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        return [str(p) for p in check(conn)]
    finally:
        conn.close()


def assert_whole(path: Path) -> None:
    assert problems(path) == [], f"tracker check {path}"


@pytest.fixture
def unchecked():
    """Asked for by a test whose databases are not to be checked after it."""


@pytest.fixture(autouse=True)
def check_databases(request, tmp_path):
    yield
    if "unchecked" in request.fixturenames:
        return
    for path in sorted(tmp_path.rglob("*.db")):
        if path.stat().st_size:
            assert_whole(path)
