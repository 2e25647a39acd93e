"""Where a query's index terms occur in stored paragraphs: for search hits and match marks.

The index holds terms (stems), the stored texts hold words. A hit needs to know which
paragraphs hold a query's terms, how many, and where, without re-running the analyser over
every word of every hit: each paragraph is cut into words once (a C regex), each distinct word
is looked up in a per-thread `WordTerms`, and spans are sought only where they are shown.

Texts indexed as character bigrams (CJK) are searched for the query's words themselves,
lower-cased (see `hits.positive_terms`): a run of bigrams in a row is the word written out.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from itertools import chain

from reader.core.index.analysis import WordAnalyzer, WordTerms, analyzer_for, word_spans, words_in

_local = threading.local()  # per thread: a WordTerms keeps its caches without locks


def paragraph_words(
    paragraphs: Sequence[str], family: str, wanted: AbstractSet[str]
) -> Iterator[tuple[int, list[str]]]:
    """(index, words) of each paragraph holding words whose index terms are in `wanted`.

    `family` names the analyser family that indexed the text; `words` are the paragraph's
    matching words as written, in order, repeats included (for CJK: occurrences of `wanted`).
    """
    terms = _word_terms(family)
    if terms is None:
        for index, spans in _literal_spans(paragraphs, wanted):
            yield index, [paragraphs[index][start:end] for start, end in spans]
        return
    cut = [words_in(paragraph) for paragraph in paragraphs]
    words = terms.matching(set(chain.from_iterable(cut)), wanted)
    if not words:
        return
    for index, found in enumerate(cut):
        if not words.isdisjoint(found):
            yield index, [word for word in found if word in words]


def paragraph_spans(
    paragraphs: Sequence[str], family: str, wanted: AbstractSet[str]
) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    """(index, spans) of each paragraph holding words whose index terms are in `wanted`.

    Spans are the (start, end) offsets of those words (for CJK: of occurrences of `wanted`).
    """
    if _word_terms(family) is None:
        yield from _literal_spans(paragraphs, wanted)
        return
    for index, words in paragraph_words(paragraphs, family, wanted):
        yield index, word_spans(paragraphs[index], set(words))


def matched_spans(
    paragraph: str, family: str, words: Sequence[str], wanted: AbstractSet[str]
) -> list[tuple[int, int]]:
    """Spans of `words`, the matching words `paragraph_words` gave for `paragraph`."""
    if _word_terms(family) is None:
        return [span for _, spans in _literal_spans([paragraph], wanted) for span in spans]
    return word_spans(paragraph, set(words))


def _literal_spans(
    paragraphs: Sequence[str], wanted: AbstractSet[str]
) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    for index, paragraph in enumerate(paragraphs):
        lowered = paragraph.lower()
        if len(lowered) != len(paragraph):  # a letter that lower-cases to two: keep offsets
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in paragraph)
        spans = []
        for literal in wanted:
            start = lowered.find(literal)
            while literal and start >= 0:
                spans.append((start, start + len(literal)))
                start = lowered.find(literal, start + 1)
        if spans:
            yield index, sorted(spans)


def _word_terms(family: str) -> WordTerms | None:
    # Kept for the thread's life, so what it learns of words outlives a single hit.
    found: dict[str, WordTerms | None] = _local.__dict__.setdefault("word_terms", {})
    if family not in found:
        analyzer = analyzer_for(family)
        found[family] = WordTerms(analyzer) if isinstance(analyzer, WordAnalyzer) else None
    return found[family]
