"""Orthographic folding: a word as the index holds it and a query seeks it, before stemming.

Case, ё = е, the pre-1918 letters (ѣ, і, ѳ, ѵ, a word-final ъ), Latin diacritics and inner
apostrophes (`fold`). `spelling` keys names by sound on top of it.
"""

from __future__ import annotations

import unicodedata

APOSTROPHES = "'’ʼʻ`"
_SPECIAL_LATIN = {"ß": "ss", "ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe"}
_OLD_CYRILLIC = {"ё": "е", "ѣ": "е", "і": "и", "ѳ": "ф", "ѵ": "и"}


class _FoldTable(dict[int, str | None]):
    """A str.translate table that works out each character's folding the first time it is met."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        folded: str | None = char
        if char in APOSTROPHES or char == "·" or "\u0300" <= char <= "\u036f":
            folded = None  # also a diacritic standing apart: stress marks, ALA-LC's tie (t͡s)
        elif char in _OLD_CYRILLIC:
            folded = _OLD_CYRILLIC[char]
        elif char in _SPECIAL_LATIN:
            folded = _SPECIAL_LATIN[char]
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            base = decomposed[:1]
            # Only letters built on a Latin letter lose their marks: й, Hangul syllables and
            # ideographs decompose too, but into something else than the same letter.
            if base.isascii() and base.isalpha() and len(decomposed) > 1:
                folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(word: str) -> str:
    """A word as the index holds it before stemming: lower case, orthography folded.

    ё and the pre-1918 letters ѣ, і, ѳ, ѵ become е, и, ф, и and a final ъ goes; Latin
    letters lose their diacritics (NFKD), ß is ss, ł is l; apostrophes (' ’ ʼ ʻ `) go.
    """
    lowered = word.lower()
    if lowered.isascii():
        return (
            lowered.replace("'", "").replace("`", "")
            if "'" in lowered or "`" in lowered
            else lowered
        )
    folded = lowered.translate(_FOLD)
    if folded.endswith("ъ") and len(folded) > 1:
        folded = folded[:-1]
    return folded
