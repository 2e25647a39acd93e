"""Which of many paragraphs are plainly Russian, found for all of them in a few numpy passes.

Labelling a paragraph's language (`page.texts`) costs several microseconds of Python calls
even when the answer is plain: a paragraph whose letters are all Cyrillic and hold none of the
letters only other Cyrillic languages use is Russian, weighted by its letters. A 5 MB page has
20,000 such paragraphs in its original, and their labels decide which is the original before
the window can show it. Here every character of a run of paragraphs is looked up in one array.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from reader.core.text.language import _CYRILLIC_MARKERS, _NOT_KANA, _RANGES, CYRILLIC, LATIN

# What a character counts as here: no letter, a Cyrillic letter, a Cyrillic letter only other
# languages use (a marker, as `text.lower()` turns it), or a letter of another script.
_NONE, _CYRILLIC, _MARKER, _OTHER = 0, 1, 2, 3
_CHUNK = 1_000_000  # characters a pass handles; its arrays take about 20 bytes a character


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
        a million characters long (not looked at).
    """
    found: list[int] = []
    start = 0
    while start < len(texts):
        if len(texts[start]) > _CHUNK:  # left to the caller's own labelling: no big arrays
            found.append(0)
            start += 1
            continue
        end, size = start, 0
        while end < len(texts) and size + len(texts[end]) <= _CHUNK:
            size += len(texts[end])
            end += 1
        found.extend(_scan(texts[start:end]))
        start = end
    return found
