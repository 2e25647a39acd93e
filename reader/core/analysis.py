"""Text analysers for the search index: how each language's text is cut into terms.

Russian and English are stemmed with the Snowball stemmers of PyStemmer (C code, much faster
than whoosh's pure-Python ones), so "Москва" finds "Москвы" and "division" finds "divisions".
Chinese and Japanese have no spaces between words: their text is indexed as overlapping
character bigrams. Other languages get a plain lower-casing, accent-keeping analyser.

The stem functions are module-level on purpose: whoosh pickles the schema into the index, and
a module-level function pickles by name, where a PyStemmer bound method cannot be pickled.
"""

from __future__ import annotations

import threading
from typing import Any

import Stemmer
from whoosh.analysis import (
    LowercaseFilter,
    NgramTokenizer,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)

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
    """The Snowball Russian stem of a lower-cased word ("ё" folded to "е" first)."""
    return str(_stemmer("russian").stemWord(word.replace("ё", "е")))


def stem_english(word: str) -> str:
    """The Snowball English (Porter 2) stem of a lower-cased word."""
    return str(_stemmer("english").stemWord(word))


def plain_analyzer() -> Any:
    """Words (letters and digits, inner apostrophes kept), lower-cased, nothing removed."""
    # Hyphens and full stops split words: pages write "38-параллели", "т.Булганину" and
    # "в Корее.Однако", and each part must be findable on its own.
    return RegexTokenizer(r"\w+(?:['’]\w+)*") | LowercaseFilter()


def russian_analyzer() -> Any:
    """Plain words, stemmed with the Russian Snowball stemmer."""
    return plain_analyzer() | StemFilter(stemfn=stem_russian, cachesize=50000)


def english_analyzer() -> Any:
    """Plain words without the commonest function words, stemmed with Porter 2."""
    return (
        plain_analyzer()
        | StopFilter(stoplist=ENGLISH_STOP_WORDS, minsize=1)
        | StemFilter(stemfn=stem_english, cachesize=50000)
    )


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
