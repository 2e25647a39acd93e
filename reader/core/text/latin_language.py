"""Which Latin-script language a text is in.

Plainly English by its commonest words, else py3langid's answer among the Latin-script
languages an archive of Cold War documents holds.
Names are blanked first (`blank_names`): the identifier reads "Gerő" or "Nagy" as their own
language. A huge text is read in pieces (`pieces`), so no single call over megabytes holds the
interpreter lock against the window (issue 12).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reader.core.text import pieces
from reader.core.text.pieces import text_pieces

# The Latin-script languages worth telling apart; a smaller set makes short texts far more reliable.
LATIN_LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "hu", "ro", "sq", "sl", "hr",
    "bs", "sv", "da", "no", "fi", "et", "lv", "lt", "tr", "vi", "id", "ms", "la", "ca", "is",
)  # fmt: skip
_MIN_CONFIDENCE = 0.6


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Loading the model takes a while even from our cache, so it happens once per process and
    # only when Latin text needs it.
    from reader.core.paths import data_home
    from reader.core.text.language_model import load_identifier

    return load_identifier(data_home() / "cache", LATIN_LANGUAGES)


# Words only English uses this often. Where a fifth of a text's words are among them and "the"
# is one, the text is English: py3langid (a few milliseconds a paragraph, the largest part of
# parsing a page) would say so too, and translations are English on nearly every page.
ENGLISH_MARKERS = frozenset(
    {"the", "of", "and", "to", "that", "with", "which", "this", "have", "has", "were", "would",
     "from", "by", "for", "be", "are", "it", "was", "is", "not", "their", "they", "been"}
)  # fmt: skip
ENGLISH_SHARE = 0.2
MIN_ENGLISH_WORDS = 8
_LOWER_WORD = re.compile(r"[a-z]+")


def plainly_english(text: str) -> bool:
    """Whether a fifth of `text`'s words are common English ones, "the" among them (8 or more)."""
    count, the, markers = 0, False, 0
    for piece in text_pieces(text):  # one piece unless the text is huge
        words = _LOWER_WORD.findall(piece.lower())
        count += len(words)
        the = the or "the" in words
        markers += sum(map(ENGLISH_MARKERS.__contains__, words))
    return count >= MIN_ENGLISH_WORDS and the and markers >= ENGLISH_SHARE * count


# Capitalised words are mostly names, which the language identifier reads as their own language.
# A capital not preceded by a word character, then the rest of its word: `\b[A-Z...][\w'’-]*`,
# the capital checked first, so the regex engine skips ahead to capitals (twice as fast).
_CAPITALS = "A-ZÀ-ÖØ-ÞĀ-Ž"
_CAPITALISED = re.compile(rf"[{_CAPITALS}](?<!\w[{_CAPITALS}])[\w'’-]*")


def blank_names(text: str) -> str:
    """`text` with each capitalised word (mostly names) replaced by a space.

    "Present: Comrades Ernő Gerő, Imre Nagy" is English, whatever the names suggest.

    Args:
        text: Latin-script text.

    Returns:
        The text without its capitalised words.
    """
    if len(text) <= pieces.PIECE:
        return _CAPITALISED.sub(" ", text)
    return "".join(_CAPITALISED.sub(" ", piece) for piece in text_pieces(text))


_SPACED_LETTERS = re.compile(r"\b(\w) (?=\w\b)")


def latin_language(text: str) -> tuple[str, float]:
    """Identify a Latin-script text with py3langid.

    Args:
        text: Latin-script text.

    Returns:
        The ISO 639-1 code and the probability the identifier gives it.
    """
    # Spaced-out letters ("F I L I P P O V") read as single-letter words; join them back.
    joined = _SPACED_LETTERS.sub(r"\1", text)
    if len(joined) <= _CACHED_LENGTH:
        return _classify_short(joined)
    return _classify(joined)


def _classify(text: str) -> tuple[str, float]:
    language, confidence = _identifier().classify(text)
    return str(language), float(confidence)


# Short lines recur (stock phrases, a page's own repeats, and once names are blanked out a
# sentence's frame): the identifier is the largest part of a Latin paragraph's cost.
_CACHED_LENGTH = 300
_classify_short = lru_cache(maxsize=16384)(_classify)


def identified_latin(text: str) -> str:
    """What `detect_language` says of a Latin-script text of enough letters, not plainly English.

    Args:
        text: a text whose letters are mostly Latin, at least `language.MIN_LATIN_LETTERS` of them.

    Returns:
        The language model's ISO 639-1 code, or "" when it is unsure.
    """
    language, confidence = latin_language(text)
    return language if confidence >= _MIN_CONFIDENCE else ""
