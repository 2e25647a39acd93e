"""Huge texts read in pieces give what the whole text gives (issue 12).

A text over `pieces.PIECE` characters is read in pieces, so no single C call holds the
interpreter lock over megabytes. Here the pieces are made a few characters long, so that every
edge case (a name, a marker word, a script's first letter on an edge) meets a piece edge.
"""

from __future__ import annotations

import random

import pytest

from reader.core.text import language, latin_language, pieces
from reader.core.text.language import detect_language, script_counts, script_of
from reader.core.text.pieces import text_pieces

_TOKENS = [
    "the", "The", "of", "and", "Theodore", "Ernő", "Gerő", "McArthur", "O'Neil", "anti-war",
    "мир", "їжа", "Україна", "漢字", "カナ", "한국", "×", "÷", "İstanbul", "ΣΟΦΙΑ", "ς", "1950",
    "x", "a", "[", "]", "—", "\u00a0", "\t", "\n", " ", "  ", "\u2028", "word's", "’s", "-",
]  # fmt: skip


def _made_up_texts() -> list[str]:
    rng = random.Random(12)
    texts = [
        "the war " * 40,  # "the" on every piece edge
        "x" * 300,  # no whitespace at all: stays whole
        "Передано в Пекин " * 30 + "їжа",  # a marker letter in the last piece only
        "aaaa\tTheodore\tbbbb\u00a0Ccc\t" * 20,  # only tabs and no-break spaces to cut at
        "漢" * 50 + " カ" + " a" * 50,  # the scripts' first letters in different pieces
        " " * 100 + "The end",
    ]
    for _ in range(60):
        texts.append("".join(rng.choice(_TOKENS) + rng.choice(["", " ", " "]) for _ in range(400)))
    return texts


def _answers(text: str) -> tuple[object, ...]:
    return (
        list(script_counts(text).items()),  # the order scripts first appear in breaks ties
        latin_language.plainly_english(text),
        latin_language.blank_names(text),
        language._cyrillic_language(text, 1000),
        detect_language(latin_language.blank_names(text)) if script_of(text) != "Latin" else "",
    )


@pytest.mark.parametrize("size", [1, 7, 64])
def test_huge_texts_read_in_pieces_give_what_the_whole_text_gives(
    size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _made_up_texts()
    whole = [_answers(text) for text in texts]
    monkeypatch.setattr(pieces, "PIECE", size)
    assert [_answers(text) for text in texts] == whole
    for text in texts:
        found = list(text_pieces(text))
        assert "".join(found) == text
        # A piece runs on past `size` characters only to the end of a word.
        assert not any(ch.isspace() for piece in found for ch in piece[size:-1])


def test_a_word_straddling_a_piece_edge_is_not_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "PIECE", 10)
    # Cut at 10 characters, "Theodore" would become "Th" and "eodore": a name half blanked
    # and a word "eodore" that is not English.
    text = "and the Theodore of the war, the peace of the world"
    assert list(text_pieces(text))[:2] == ["and the ", "Theodore "]
    assert latin_language.blank_names(text) == "and the   of the war, the peace of the world"
    assert list(script_counts("漢字 Theodore мир").items()) == [("Han", 2), ("Latin", 8),
                                                               ("Cyrillic", 3)]  # fmt: skip
