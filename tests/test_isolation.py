"""Each article is a unit of its own: what fails in one is that article's error, the rest goes on."""
import pytest

import tracker.claims
from tracker.extract import StageError, extract
from tracker.model import Document


def test_an_exception_in_a_stage_names_the_stage(monkeypatch):
    def broken(text, sentences):
        raise TypeError("'>' not supported between instances of 'NoneType' and 'int'")

    monkeypatch.setattr(tracker.claims, "find_claims", broken)
    with pytest.raises(StageError) as info:
        extract(Document(text="The cheapest option cost £5m, the mayor said."))
    assert info.value.stage == "claims" and isinstance(info.value.error, TypeError)
    assert str(info.value).startswith("claims: TypeError: '>' not supported")
