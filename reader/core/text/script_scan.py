"""Which of many paragraphs are plainly Russian or plainly English, found in a few numpy passes.

Labelling a paragraph's language (`page.texts`) costs several microseconds of Python calls
even when the answer is plain: a paragraph whose letters are all Cyrillic and hold none of the
letters only other Cyrillic languages use is Russian, weighted by its letters. A 5 MB page has
20,000 such paragraphs in its original, and their labels decide which is the original before
the window can show it. Here every character of a run of paragraphs is looked up in one array.
Likewise an ASCII paragraph whose words, once its names are blanked, pass `language`'s plainly
English test is English: its words are counted for a run of paragraphs at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat
from typing import Any

from reader.core.text.language import (
    _CYRILLIC_MARKERS,
    _NOT_KANA,
    _RANGES,
    CYRILLIC,
    LATIN,
    MIN_LATIN_LETTERS,
)
from reader.core.text.latin_language import (
    ENGLISH_MARKERS,
    ENGLISH_SHARE,
    MIN_ENGLISH_WORDS,
    blank_names,
)

# What a character counts as here: no letter, a Cyrillic letter, a Cyrillic letter only other
# languages use (a marker, as `text.lower()` turns it), or a letter of another script.
_NONE, _CYRILLIC, _MARKER, _OTHER = 0, 1, 2, 3
# Characters a pass handles: its arrays take about 20 bytes a character, and each numpy call
# over them holds the interpreter lock, so a pass is kept to a few milliseconds.
_CHUNK = 1 << 17


@lru_cache(maxsize=1)
def _table() -> Any:
    """The class of every code point below 0x10000, as `language._script_of_char` sees it."""
    import numpy as np

    table = np.zeros(0x10000, dtype=np.uint8)
    for low, high, script in _RANGES:
        if low < 0x10000:
            table[low : min(high, 0xFFFF) + 1] = _CYRILLIC if script == CYRILLIC else _OTHER
        if script == LATIN:  # inside the Latin blocks only letters count (× and ÷ do not)
            for code in range(low, min(high, 0xFFFF) + 1):
                if not chr(code).isalpha():
                    table[code] = _NONE
    for ch in _NOT_KANA:
        table[ord(ch)] = _NONE
    # The markers are looked for in the whole lowered text: any character lowering to one.
    markers = {ch for _code, letters in _CYRILLIC_MARKERS for ch in letters}
    for code in range(0x10000):
        if not markers.isdisjoint(chr(code).lower()):
            table[code] = _MARKER
    return table


def _scan(texts: Sequence[str]) -> list[int]:
    import numpy as np

    # surrogatepass: a page decoded with surrogateescape may hold lone surrogates (no letters).
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    kinds = _table()[np.minimum(codes, 0xFFFF)]
    if codes.size and int(codes.max()) >= 0x10000:  # beyond the table
        for low, high, script in _RANGES:
            if high >= 0x10000:
                inside = (codes >= max(low, 0x10000)) & (codes <= high)
                kinds[inside] = _CYRILLIC if script == CYRILLIC else _OTHER
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    owner = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    counts = np.bincount(owner * 4 + kinds, minlength=len(texts) * 4).reshape(len(texts), 4)
    plain = (counts[:, _MARKER] == 0) & (counts[:, _OTHER] == 0)
    return np.where(plain, counts[:, _CYRILLIC], 0).tolist()  # type: ignore[no-any-return]


def plain_russian_letters(texts: Sequence[str]) -> list[int]:
    """For each text, its letters when they are all Cyrillic and none is another language's.

    Such a text is labelled Russian, weighted by those letters, whatever else it holds
    (digits, punctuation, spaces).

    Args:
        texts: a page's paragraphs, say.

    Returns:
        One number per text: its Cyrillic letters, or 0 when it has none, has letters of
        another script or a letter of Ukrainian, Serbian, Kazakh and the like, or is over
        `_CHUNK` characters long (not looked at).
    """
    found = [0] * len(texts)
    # An ASCII text has no Cyrillic letter; `isascii` is known without reading the text.
    wanted = [index for index, text in enumerate(texts) if not text.isascii()]
    for run in _runs([texts[index] for index in wanted], 0):
        for index, letters in zip(run, _scan([texts[wanted[i]] for i in run]), strict=True):
            found[wanted[index]] = letters
    return found


def _runs(texts: Sequence[str], spacing: int) -> list[range]:
    """Runs of consecutive texts of `_CHUNK` characters at most, `spacing` counted between two.

    A text longer than that is in no run.
    """
    runs: list[range] = []
    start = 0
    while start < len(texts):
        if len(texts[start]) > _CHUNK:  # left to the caller's own labelling: no big arrays
            start += 1
            continue
        end, size = start, 0
        while end < len(texts) and size + len(texts[end]) <= _CHUNK:
            size += len(texts[end]) + spacing
            end += 1
        runs.append(range(start, end))
        start = end
    return runs


# Paragraphs joined by a separator no regular expression here matches across: a space each
# side, and a NUL (no page holds one: it is refused as binary) to count them by.
_SEPARATOR = " \x00 "
# Lowercased ASCII letters stay, NUL stays, anything else becomes a space: then `split` gives
# the words `latin_language._LOWER_WORD` finds in the lowered text, and the separators.
_WORDS_ONLY = bytes(
    code + 32 if 65 <= code <= 90 else code if 97 <= code <= 122 or code == 0 else 32
    for code in range(256)
)
# What each word counts as: a separator (0), a word (1), a marker of English (2), "the" (3).
_WORD_KINDS = {b"\x00": 0, **{word.encode(): 2 for word in ENGLISH_MARKERS}, b"the": 3}


@lru_cache(maxsize=1)
def _ascii_letters() -> Any:
    import numpy as np

    table = np.zeros(256, dtype=np.uint8)
    table[65:91] = table[97:123] = 1
    return table


def _per_text(ones: Any, separators: Any) -> Any:
    """How many of `ones` (0 or 1 each) fall in each text, the texts split at `separators`."""
    import numpy as np

    before = np.concatenate(([0], np.cumsum(ones, dtype=np.int64)))  # ones before each index
    return np.diff(np.append(before[separators], before[-1]), prepend=0)


def _english_run(texts: Sequence[str]) -> list[tuple[int, str | None, str]] | None:
    import numpy as np

    joined = _SEPARATOR.join(texts)
    if joined.count("\x00") != len(texts) - 1:  # a text holds a NUL: one by one instead
        return None
    raw = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
    letters = _per_text(_ascii_letters()[raw], np.flatnonzero(raw == 0))
    blanked_joined = blank_names(joined)
    blanked = blanked_joined.split(_SEPARATOR)
    words_only = blanked_joined.encode("ascii").translate(_WORDS_ONLY)
    low = np.frombuffer(words_only, dtype=np.uint8)
    kept = _per_text(low >= 97, np.flatnonzero(low == 0))
    kinds = np.frombuffer(bytes(map(_WORD_KINDS.get, words_only.split(), repeat(1))), np.uint8)
    separators = np.flatnonzero(kinds == 0)
    words = _per_text(kinds > 0, separators)
    markers = _per_text(kinds >= 2, separators)
    the = _per_text(kinds == 3, separators)
    # What `language.detect_language` of the blanked text says without the language model.
    enough = kept >= MIN_LATIN_LETTERS
    plain = enough & (words >= MIN_ENGLISH_WORDS) & (the > 0) & (markers >= ENGLISH_SHARE * words)
    said = [None if ok else "" for ok in enough.tolist()]
    for index in np.flatnonzero(plain).tolist():
        said[index] = "en"
    return list(zip(letters.tolist(), said, blanked, strict=True))


def ascii_latin(texts: Sequence[str]) -> list[tuple[int, str | None, str] | None]:
    """For each ASCII text: its letters, its language when plain, and its names blanked.

    The language is what `detect_language(blank_names(text))` says without the language
    model: "en" for plainly English (`language`'s test), "" for under `MIN_LATIN_LETTERS`
    letters left once names are blanked, None when only the model can say
    (`identified_latin` of the blanked text).

    Args:
        texts: a page's paragraphs, say.

    Returns:
        Per text: (its ASCII letters, the language or None, `blank_names(text)`), or None
        when the text is not ASCII, holds a NUL or is over `_CHUNK` characters long.
    """
    found: list[tuple[int, str | None, str] | None] = [None] * len(texts)
    wanted = [index for index, text in enumerate(texts) if text.isascii()]
    for run in _runs([texts[index] for index in wanted], len(_SEPARATOR)):
        labels = _english_run([texts[wanted[i]] for i in run])
        if labels is not None:
            for index, label in zip(run, labels, strict=True):
                found[wanted[index]] = label
    return found
