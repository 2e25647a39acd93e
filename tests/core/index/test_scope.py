from __future__ import annotations

import pytest

from reader.core.index.scope import next_scope, scope_named, scope_of, with_scope
from reader.core.index.types import QueryError


def test_the_scope_is_read_from_the_query_text() -> None:
    assert scope_of("Сеул") == "anywhere"
    assert scope_of("Сеул in:original") == "original"
    assert scope_of("in:Translations Сеул") == "translation"
    assert scope_of('"in:original" Сеул') == "anywhere"  # quoted: words, not a term
    assert scope_of("within:original") == "anywhere"
    assert scope_of("Сеул in:nowhere") == "anywhere"


def test_setting_the_scope_rewrites_only_its_term() -> None:
    assert with_scope("Сеул", "original") == "Сеул in:original"
    assert with_scope("in:original Сеул", "translation") == "Сеул in:translation"
    assert with_scope("Сеул in:translation", "anywhere") == "Сеул"
    assert with_scope('"in:original" AND Сеул', "anywhere") == '"in:original" AND Сеул'
    assert with_scope("", "translation") == "in:translation"
    for query in ("Сеул", "a in:original b", ""):
        for scope in ("anywhere", "original", "translation"):
            assert scope_of(with_scope(query, scope)) == scope  # type: ignore[arg-type]


def test_scopes_are_named_and_stepped() -> None:
    assert scope_named("ORIGINALS") == "original"
    with pytest.raises(QueryError, match="in:margin is not"):
        scope_named("margin")
    assert [next_scope("anywhere"), next_scope("original"), next_scope("translation")] == [
        "original", "translation", "anywhere"]
