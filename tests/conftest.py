from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "samples" / "ukraine-johnson-putin.txt"
SEED_GOLD = ROOT / "tests" / "gold" / "ukraine-johnson-putin.json"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
