"""Plainly Russian paragraphs found at once give the labels found one by one (issue 12).

The labels are held to those recorded in tests/core/text/data/labels.json, as in
test_language_labels.py; here through the at-once path that a huge page takes.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from reader.core.page import texts
from reader.core.text import script_scan
from reader.core.text.language import (
    _ANY_CYRILLIC_MARKER,
    CYRILLIC,
    detect_language,
    script_counts,
)
from reader.core.text.latin_language import blank_names, identified_latin
from reader.core.text.script_scan import ascii_latin, plain_russian_letters
from tests.core.text._label_corpus import RECORDED, sources

SOURCES = dict(sources())


def expected(text: str) -> int:
    """What `plain_russian_letters` must say of `text`, from the one-by-one functions."""
    counts = script_counts(text)
    if set(counts) != {CYRILLIC} or _ANY_CYRILLIC_MARKER.search(text.lower()):
        return 0
    return counts[CYRILLIC]


def test_every_code_point_alone() -> None:
    # Beyond the table too: no character past U+FFFF may lower to a marker unseen.
    every = [chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000]
    found = plain_russian_letters(every)
    wrong = [ch for ch, n in zip(every, found, strict=True) if n != expected(ch)]
    assert wrong == []
    assert found[every.index("д")] == 1 and found[every.index("Ї")] == 0


@pytest.mark.parametrize(
    "text",
    ["", "1950", "Передано в Пекин.", "Передано в Пекин 1.X.50 г.", "Передано to Beijing",
     "Україна", "ВЛАДА УКРАЇНИ", "Москва · 漢", "Ѐ Ѓ ѓ", "\udcff Москва", "Москва 𝔄"],
)  # fmt: skip
def test_texts_of_every_kind(text: str) -> None:
    assert plain_russian_letters([text]) == [expected(text)]


def test_runs_of_paragraphs_across_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(script_scan, "_CHUNK", 40)
    paragraphs = ["Передано в Пекин.", "x" * 50, "Україна", "", "Москва, 1950 год.", "Кремль"]
    assert plain_russian_letters(paragraphs) == [14, 0, 0, 0, 9, 6]  # the long one: not looked at


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_labels_found_at_once_are_as_recorded(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(texts, "_AT_ONCE", 0)
    paragraphs = SOURCES[name]
    at_once = texts._labels(paragraphs)
    assert at_once == [texts._label(paragraph) for paragraph in paragraphs]
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))[name]
    shown = [f"{language}|{weight}|{int(latin)}" for _text, language, weight, latin in at_once]
    assert shown == [label.rsplit("|", 1)[0] for label in recorded]


def test_a_made_up_page_takes_the_quick_way_for_its_original() -> None:
    paragraphs = SOURCES["made-up paragraphs"]
    found = Counter(bool(n) for n in plain_russian_letters(paragraphs))
    assert found[True] > len(paragraphs) // 3  # most of the original's paragraphs


_ASCII = [
    "", "1950.", "The", "the of and the war of the world, and the peace of the people was",
    "Kim Il Sung informed Stalin of the decision of the Politburo on the question of troops",
    "Transmitted to Bulganin", "Vyshinsky the of and the the the the the of and", "x" * 80,
    "Il etait une fois la revolution et le peuple de Paris qui voulait la paix", "\t\n  ",
    "I consider it necessary to inform Shtykov of it.", "the-the the_the the1the THE the",
]  # fmt: skip


def _one_by_one(text: str) -> tuple[int, str]:
    letters = script_counts(text)["Latin"]
    return letters, detect_language(blank_names(text)) if letters else ""


@pytest.mark.parametrize("chunk", [1, 30, 200, 1 << 17])
def test_ascii_paragraphs_found_at_once_say_what_one_by_one_says(
    chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(script_scan, "_CHUNK", chunk)
    texts = _ASCII * 3 + ["Москва", "Gomułka and the war"]
    found = ascii_latin(texts)
    for text, scanned in zip(texts, found, strict=True):
        if scanned is None:  # not looked at: not ASCII, or longer than a pass
            assert not text.isascii() or len(text) > chunk
            continue
        letters, language, blanked = scanned
        assert blanked == blank_names(text)
        said = language if language is not None else identified_latin(blanked)
        assert (letters, said if letters else "") == _one_by_one(text)
    assert [scanned is None for scanned in found[-2:]] == [True, True]  # not ASCII
    # A NUL would be taken for the separator: its pass is left to the one-by-one labelling.
    assert ascii_latin(["Vyshinsky\x00the of and", "the war"]) == [None, None]


def test_names_are_blanked_as_a_word_boundary_before_a_capital_says() -> None:
    # The faster pattern checks the capital first; `\b` before it must be what it means.
    old = re.compile(r"\b[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*")
    for text in [*_ASCII, "aBc Ábc _Abc 1Abc ×Abc Ž", "ÉmileÉ dÉ O'Neil’s McArthur-Smith", "A"]:
        assert blank_names(text) == old.sub(" ", text)
