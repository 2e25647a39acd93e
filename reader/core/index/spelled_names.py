"""The names of a text and their spelling keys: what the index stores, and where hits mark.

A name is a word written with a capital (Latin, Cyrillic) or a run of Hangul or Han
characters; its keys come from `spelling` (`name_keys`, `run_keys`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from reader.core.index.folding import APOSTROPHES, fold
from reader.core.index.spelling import is_han, is_hangul, name_keys, run_keys, word_keys


def index_keys(text: str) -> Iterator[str]:
    """Every key the spelling field holds for `text`: names only, in order (`keyed_names`)."""
    for key, _ in keyed_names(text):
        yield key


def keyed_names(text: str) -> Iterator[tuple[str, str]]:
    """Each name's keys in `text`, as (key, the name folded as written), in order.

    Name-like words are those written with a capital (Latin, Cyrillic) and every run of
    Hangul or Han characters. A hyphenated name gives its whole key and its parts' keys,
    and two capitalised words in a row also their joined key (Tse Tung as Zedong, Zhu De as
    朱德; its name the two words with a space); a Hangul or Han run gives the keys of each
    one, two and three syllables in a row.
    """
    previous, previous_word, previous_end = "", "", -1
    for match in _NAME.finditer(text):
        word = match.group()
        first = word[0]
        if is_hangul(first) or is_han(first):
            previous = ""
            for start in range(len(word)):
                for size in (1, 2, 3):  # a syllable, a given name, a whole name
                    if start + size <= len(word):
                        run = word[start : start + size]
                        for key in run_keys(run):
                            yield key, run
            continue
        if not first.isupper():
            previous = ""
            continue
        joined, keys = name_keys(word)
        written = fold(word)
        for key in keys:
            yield key, written
        if previous and text[previous_end : match.start()] == " ":
            for key in word_keys(previous + joined):
                yield key, f"{previous_word} {written}"
        previous, previous_word, previous_end = joined, written, match.end()


# Han and Hangul runs, and words that may start with a capital (the regex only looks at
# words starting with a letter of the ranges that hold capitals; `isupper` decides): most
# words of a text are not names, and not even looked at.
_NAME = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff]+|[\uac00-\ud7a3]+"
    r"|(?<![\w\u0300-\u036f])[A-ZÀ-ÞĀ-ſƀ-ɏͰ-ϿЀ-Я][\w\u0300-\u036f]*"
    r"(?:[-‐‑·" + APOSTROPHES + r"][\w\u0300-\u036f]+)*"
)


def spelled_names(text: str, keys: AbstractSet[str]) -> set[str]:
    """The names (as `spelled_spans` cuts them) in `text` holding one of `keys`: a quick test.

    A Han or Hangul run is returned whole when any part of it may hold a key.
    """
    found = set()
    for word in set(_NAME.findall(text)):
        first = word[0]
        if is_hangul(first) or is_han(first):
            if next(spelled_spans(word, keys), None) is not None:
                found.add(word)
        elif first.isupper() and not keys.isdisjoint(name_keys(word)[1]):
            found.add(word)
    return found


def spelled_spans(text: str, keys: AbstractSet[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, key) of every name in `text` holding one of `keys` (as `index_keys` cuts).

    For a run of Han or Hangul characters, the syllables (two or three in a row) whose key it
    is; for a word in letters, the whole word.
    """
    for match in _NAME.finditer(text):
        word, start = match.group(), match.start()
        if is_hangul(word[0]) or is_han(word[0]):
            # Two or three syllables in a row: one alone shares its key with dozens of others.
            for begin in range(len(word)):
                for size in (3, 2):
                    if begin + size <= len(word):
                        found = run_keys(word[begin : begin + size]) & keys
                        if found:
                            yield start + begin, start + begin + size, min(found)
                            break
            continue
        if not word[0].isupper():
            continue
        found = set(keys & set(name_keys(word)[1]))
        if found:
            yield start, match.end(), min(found)
