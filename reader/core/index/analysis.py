"""Text analysers for the search index: how each language's text is cut into terms.

Russian and English are stemmed with the Snowball stemmers of PyStemmer (C code, much faster
than whoosh's pure-Python ones), so "Москва" finds "Москвы" and "division" finds "divisions".
Chinese and Japanese have no spaces between words: their text is indexed as overlapping
character bigrams. Other languages get a plain lower-casing, accent-keeping analyser.

The stem functions are module-level on purpose: whoosh pickles the schema into the index, and
a module-level function pickles by name, where a PyStemmer bound method cannot be pickled.

Word analysers are one `WordAnalyzer` rather than whoosh's chain of tokenizer and filters: the
chain runs a generator per filter per word, and profiling a 1,000-page build showed that
chain as the largest part of writing the index. The terms, positions and offsets are the same.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from typing import Any

import Stemmer
from whoosh.analysis import (
    LowercaseFilter,
    NgramTokenizer,
    Token,
    Tokenizer,
)
from whoosh.formats import Positions

from reader.core.index.spelling import fold

_stemmers = threading.local()  # a PyStemmer object is not safe to share between threads

# Words that carry no meaning alone; kept short so phrase queries still line up.
ENGLISH_STOP_WORDS = frozenset(
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "he", "in",
        "is", "it", "its", "of", "on", "or", "that", "the", "to", "was", "were", "will", "with",
    }
)  # fmt: skip


def _stemmer(algorithm: str) -> Any:
    stemmer = getattr(_stemmers, algorithm, None)
    if stemmer is None:
        stemmer = Stemmer.Stemmer(algorithm)
        setattr(_stemmers, algorithm, stemmer)
    return stemmer


def stem_russian(word: str) -> str:
    """The Snowball Russian stem of a lower-cased word (orthography folded first: `fold`)."""
    return str(_stemmer("russian").stemWord(fold(word)))


def stem_english(word: str) -> str:
    """The Snowball English (Porter 2) stem of a lower-cased word."""
    return str(_stemmer("english").stemWord(word))


# Hyphens and full stops split words: pages write "38-параллели", "т.Булганину" and
# "в Корее.Однако", and each part must be findable on its own.
# Inner apostrophes (Inch'ŏn, Ch`ing), ALA-LC's middle dot (Irkut·sk) and diacritics written
# apart (z + U+030C for ž, the tie in I͡akovlev) stay in the word; `fold` drops them.
_WORD = re.compile(r"[\w\u0300-\u036f]+(?:['’`·][\w\u0300-\u036f]+)*")
_STEMS: dict[str, Callable[[str], str]] = {"russian": stem_russian, "english": stem_english}
_STEM_CACHE_SIZE = 50000


class WordAnalyzer(Tokenizer):  # type: ignore[misc]
    """Words, folded (`spelling.fold`), stop words dropped (or marked), stemmed: one generator.

    It behaves as `RegexTokenizer | LowercaseFilter | StopFilter(renumber) | StemFilter` did:
    positions skip no numbers for dropped stop words, offsets point into the original text.
    """

    def __init__(self, stem: str = "", stops: frozenset[str] = frozenset()) -> None:
        """Cut words, optionally stem them ("russian", "english") and drop `stops`."""
        self.stem = stem
        self.stops = stops
        self.is_morph = bool(stem)  # whoosh asks this to decide on query-time variations
        self._cache: dict[str, str] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"stem": self.stem, "stops": self.stops, "is_morph": self.is_morph}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._cache = {}

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, WordAnalyzer)
            and (other.stem, other.stops) == (self.stem, self.stops)
        )

    def __hash__(self) -> int:
        return hash((self.stem, self.stops))

    def _stemmed(self, word: str) -> str:
        found = self._cache.get(word)
        if found is None:
            found = _STEMS[self.stem](word) if self.stem else word
            if len(self._cache) < _STEM_CACHE_SIZE:
                self._cache[word] = found
        return found

    def term(self, word: str) -> str | None:
        """The index term of one word as `words_in` cuts it; None for a stop word."""
        lowered = fold(word)
        if self.stops and (not lowered or lowered in self.stops):
            return None
        return self._stemmed(lowered)

    def __call__(  # noqa: D102 - whoosh's analyser protocol
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Any]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if tokenize:
            words: Any = ((m.group(0), m.start(), m.end()) for m in _WORD.finditer(value))
        else:
            words = [(value, 0, len(value))]
        pos: int | None = None
        for index, (original, start, end) in enumerate(words):
            word = fold(original)
            token.boost = 1.0
            if keeporiginal:
                token.original = original
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            if self.stops and (not word or word in self.stops):  # StopFilter's minsize=1
                if removestops:
                    continue
                token.stopped, token.text = True, word
                if positions:
                    token.pos = start_pos + index
                yield token
                continue
            token.stopped = False
            token.text = self._stemmed(word)
            if positions:
                pos = start_pos + index if pos is None else pos + 1
                token.pos = pos
            yield token


    def term_positions(self, value: str) -> dict[str, list[int]]:
        """Each term of `value` with its positions, exactly as indexing through `__call__`."""
        found: dict[str, list[int]] = {}
        stops = self.stops
        pos: int | None = None
        for index, original in enumerate(_WORD.findall(value)):
            word = fold(original)
            if stops and (not word or word in stops):
                continue
            pos = index if pos is None else pos + 1
            term = self._cache.get(word)
            if term is None:
                term = self._stemmed(word)
            positions = found.get(term)
            if positions is None:
                found[term] = [pos]
            else:
                positions.append(pos)
        return found


class WordPositions(Positions):  # type: ignore[misc]
    """whoosh's Positions format, fed by `WordAnalyzer.term_positions` without Token objects.

    Postings are byte-for-byte what Positions writes; only the way there is shorter. Profiling
    a 1,000-page build put a third of writing in the token generator and Positions.word_values.
    """

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[Any]:
        """(term, frequency, weight, encoded positions) per term, as Positions yields them."""
        if not isinstance(analyzer, WordAnalyzer) or not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        for term, positions in analyzer.term_positions(value).items():
            yield term, len(positions), len(positions) * boost, self.encode(positions)


def words_in(text: str) -> list[str]:
    """The words of `text` in order, as written, cut as the word analysers cut them."""
    return _WORD.findall(text)


def word_spans(text: str, words: AbstractSet[str]) -> list[tuple[int, int]]:
    """(start, end) of every word of `text` that is one of `words` (written as in the text)."""
    return [found.span() for found in _WORD.finditer(text) if found.group() in words]


class WordTerms:
    """Which words of a text stand for given index terms: for finding query words in hits.

    Each word seen is remembered with its term, and each term with the words seen for it, so
    a text already met costs set operations, not a stemmer call per word. Not thread-safe.
    """

    def __init__(self, analyzer: WordAnalyzer, limit: int = _STEM_CACHE_SIZE) -> None:
        """Look words up through `analyzer`, remembering at most `limit` of them."""
        self._analyzer = analyzer
        self._limit = limit
        self._terms: dict[str, str | None] = {}
        self._words: dict[str, set[str]] = {}

    def matching(self, words: set[str], wanted: AbstractSet[str]) -> set[str]:
        """Those of `words` (as `words_in` cuts them) whose index term is one of `wanted`."""
        found = set()
        for word in words.difference(self._terms):  # words not met before
            term = self._analyzer.term(word)
            if term in wanted:
                found.add(word)
            if len(self._terms) < self._limit:
                self._terms[word] = term
                if term is not None:
                    self._words.setdefault(term, set()).add(word)
        for term in wanted:
            known = self._words.get(term)
            if known:
                found |= known & words
        return found


def plain_analyzer() -> Any:
    """Words (letters and digits), folded (`spelling.fold`), nothing removed."""
    return WordAnalyzer()


def russian_analyzer() -> Any:
    """Plain words, stemmed with the Russian Snowball stemmer."""
    return WordAnalyzer(stem="russian")


def english_analyzer() -> Any:
    """Plain words without the commonest function words, stemmed with Porter 2."""
    return WordAnalyzer(stem="english", stops=ENGLISH_STOP_WORDS)


def bigram_analyzer() -> Any:
    """Overlapping character pairs, for scripts written without spaces (Chinese, Japanese)."""
    return NgramTokenizer(minsize=2, maxsize=2) | LowercaseFilter()


# Language code -> analyser family. Each family is one index field per pane.
LANGUAGE_FAMILIES: dict[str, str] = {"ru": "ru", "en": "en", "zh": "cjk", "ja": "cjk"}
FAMILIES: tuple[str, ...] = ("ru", "en", "cjk", "any")
_ANALYZERS = {
    "ru": russian_analyzer,
    "en": english_analyzer,
    "cjk": bigram_analyzer,
    "any": plain_analyzer,
}


def family_of(language: str) -> str:
    """The analyser family for a language code; unknown and empty codes get "any"."""
    return LANGUAGE_FAMILIES.get(language.lower(), "any")


def analyzer_for(family: str) -> Any:
    """A fresh analyser for a family returned by `family_of`."""
    return _ANALYZERS[family]()

