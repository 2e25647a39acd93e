"""The spelling field's analyser: one term per key, field and name (`spelling` keys names).

A record's value for the field names each source field before its text (`spelling_value`);
each name there gives a term per key: the key, the field, the name folded as written,
joined by SEPARATOR (`spelling_term`). A query reads a key's terms by prefix, the key and
SEPARATOR, and sees which fields and which spellings hold it (`spelling_terms`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Token, Tokenizer

from reader.core.index.spelled_names import keyed_names
from reader.core.index.spelling import query_keys

SEPARATOR = "\x1f"
PART = "\x1e"
SOURCE = "\x1d"
_CONTROLS = str.maketrans({SEPARATOR: " ", PART: " ", SOURCE: " "})


def spelling_value(sources: list[tuple[str, str]]) -> str:
    """The spelling field's value for (field name, text) pairs: names keyed per field."""
    return PART.join(f"{field}{SOURCE}{text.translate(_CONTROLS)}" for field, text in sources)


def spelling_term(key: str, field: str, name: str) -> str:
    """The spelling field's term for one name holding `key` in `field`'s text."""
    return f"{key}{SEPARATOR}{field}{SEPARATOR}{name}"


class SpellingAnalyzer(Tokenizer):  # type: ignore[misc]
    """The spelling field's analyser: a term per key, field and name (`spelling_term`).

    The value is written by `spelling_value`; text without field names is keyed as of
    field "". Queries do not go through it: the query parser builds the field's query from
    `query_keys`, which knows alternatives (a hyphenated word whole or by parts).
    """

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SpellingAnalyzer)

    def __hash__(self) -> int:
        return hash(SpellingAnalyzer)

    def __call__(  # noqa: D102 - whoosh's analyser protocol
        self, value: str, positions: bool = False, chars: bool = False, start_pos: int = 0,
        start_char: int = 0, mode: str = "", removestops: bool = True, **kwargs: Any,
    ) -> Iterator[Any]:
        kwargs.pop("tokenize", None)  # a key is never the text as is
        kwargs.pop("keeporiginal", None)
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        terms = self._terms(value) if mode != "query" else (
            key for alternative in query_keys(value)[:1] for keys in alternative for key in keys
        )
        for pos, term in enumerate(terms, start_pos):
            token.text, token.boost, token.stopped = term, 1.0, False
            if positions:
                token.pos = pos
            if chars:
                token.startchar = token.endchar = start_char
            yield token

    @staticmethod
    def _terms(value: str) -> Iterator[str]:
        for part in value.split(PART):
            field, _, text = part.rpartition(SOURCE)
            for key, name in keyed_names(text):
                yield spelling_term(key, field, name)
