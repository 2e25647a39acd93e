"""The spelling field as a query reads it: a query word's keys, less its own spellings.

The spelling field holds one term per key, field and name (`spelling.spelling_term`):
"xlaxaf", "original_ru", "хрущев". A query word reads its keys' terms by prefix, and leaves
out those that its exact query finds anyway: the same word in that field as the field's
analyser cuts it (Москвой and Москва stem alike in a Russian text). What is left are the
other spellings. A word with none (most words of most queries) costs no spelling-blind
search at all, and a word limited to one side (`in:original`) reads that side's terms only.
"""

from __future__ import annotations

import functools
from collections.abc import Set as AbstractSet
from typing import Any

from whoosh import matching as wm
from whoosh import query as wq

from reader.core.index.analysis import WordAnalyzer
from reader.core.index.schema import SPELLING_FIELD, build_schema
from reader.core.index.speedups.doc_sets import ConstantListMatcher, matcher_ids
from reader.core.index.spelling import query_keys
from reader.core.index.spelling_field import SEPARATOR

EXACT = "="  # a word's prefix: no spelling-blind match for it


class SpellingTerm(wq.Term):  # type: ignore[misc]
    """The spelling keys one query word seeks (any of them), remembering the word (for hits).

    One matcher for all the keys, as a list of the documents holding any of them, scored
    alike: a name's keys are held by the same documents (Warsaw: alsa, alsaf, falsa, falsaf),
    and as whoosh terms in a union they made most of a name query's time at 10,000 pages.
    `pane` ("original", "translation"; "" for any field) limits it to that side's texts.
    """

    def __init__(self, fieldname: str, keys: AbstractSet[str], word: str,
                 boost: float = 1.0, pane: str = "") -> None:  # fmt: skip
        self.keys = tuple(sorted(keys))
        super().__init__(fieldname, self.keys[0], boost=boost)
        self.word = word
        self.pane = pane
        self._held: dict[int, tuple[frozenset[str], list[str]]] = {}

    def __copy__(self) -> SpellingTerm:
        return SpellingTerm(self.fieldname, set(self.keys), self.word, self.boost, self.pane)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SpellingTerm) and (
            other.fieldname, other.keys, other.boost, other.word, other.pane
        ) == (self.fieldname, self.keys, self.boost, self.word, self.pane)

    def __hash__(self) -> int:
        return hash((SpellingTerm, self.fieldname, self.keys, self.boost, self.word, self.pane))

    def __str__(self) -> str:
        side = f"@{self.pane}" if self.pane else ""
        return f"{self.fieldname}{side}:({'|'.join(self.keys)})^{self.boost:g}"

    def held(self, reader: Any) -> tuple[frozenset[str], list[str]]:
        """The keys `reader` holds in other spellings than the word's, and those terms."""
        found = self._held.get(id(reader))
        if found is None:
            keys, terms = set(), []
            for key in self.keys:
                for term in reader.expand_prefix(self.fieldname, key + SEPARATOR):
                    if isinstance(term, bytes):
                        term = term.decode("utf-8")
                    _, field, name = term.split(SEPARATOR, 2)
                    if self.pane and not field.startswith(self.pane + "_"):
                        continue
                    if not _found_exactly(field, name, self.word):
                        keys.add(key)
                        terms.append(term)
            found = self._held[id(reader)] = (frozenset(keys), terms)
        return found

    def estimate_size(self, reader: Any) -> int:  # noqa: D102 - whoosh's query protocol
        return sum(reader.doc_frequency(self.fieldname, term) for term in self.held(reader)[1])

    def matcher(self, searcher: Any, context: Any = None) -> Any:  # noqa: D102 - whoosh's
        reader = searcher.reader()
        terms = self.held(reader)[1]
        if not terms:
            return wm.NullMatcher()
        ids: set[int] = set()
        for term in terms:
            ids |= matcher_ids(reader.postings(self.fieldname, term))
        return ConstantListMatcher(sorted(ids), self.boost)


def spelling_query(word: str, boost: float = 1.0, pane: str = "") -> Any:
    """The spelling field's query for one query word (see `spelling.query_keys`)."""
    if word.startswith(EXACT):
        return wq.NullQuery
    alternatives = []
    for sets in query_keys(word):
        required = [SpellingTerm(SPELLING_FIELD, keys, word, boost, pane) for keys in sets]
        alternatives.append(required[0] if len(required) == 1 else wq.And(required))
    if not alternatives:
        return wq.NullQuery
    return alternatives[0] if len(alternatives) == 1 else wq.Or(alternatives)


@functools.cache
def _analyzers() -> dict[str, Any]:
    return {name: field.analyzer for name, field in build_schema().items()
            if isinstance(getattr(field, "analyzer", None), WordAnalyzer)}  # fmt: skip


@functools.lru_cache(maxsize=65536)
def _found_exactly(field: str, name: str, word: str) -> bool:
    """Whether the exact query for `word` finds `name` in `field`: one term, the same."""
    analyzer = _analyzers().get(field)
    if analyzer is None:  # character bigrams, or a field the query does not search
        return False
    sought = [token.text for token in analyzer(word)]
    return len(sought) == 1 and sought == [token.text for token in analyzer(name)]
