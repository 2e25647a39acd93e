"""Language labels stay as recorded: every fixture paragraph, the seed, a fuzz sample."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from reader.core.text.language import _script_of_char, script_counts
from tests.core.text._label_corpus import RECORDED, labels, sources

SOURCES = dict(sources())


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_labels_are_as_recorded(name: str) -> None:
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    assert labels(SOURCES[name]) == recorded[name]


def test_every_source_is_recorded() -> None:
    assert set(json.loads(RECORDED.read_text(encoding="utf-8"))) == set(SOURCES)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_script_counts_match_a_character_by_character_count(name: str) -> None:
    for paragraph in SOURCES[name]:
        expected = Counter(script for ch in paragraph if (script := _script_of_char(ch)))
        found = script_counts(paragraph)
        # Equal counts are broken by the order the scripts first appear in, so it must match.
        assert list(found.items()) == list(expected.items())


def test_script_counts_of_every_character_up_to_the_supplementary_han() -> None:
    # Every code point in one text, then each alone: the ranges' edges, × and ÷, the middle dot.
    text = "".join(chr(code) for code in range(0x20, 0x32000) if not 0xD800 <= code < 0xE000)
    expected = Counter(script for ch in text if (script := _script_of_char(ch)))
    assert list(script_counts(text).items()) == list(expected.items())
    for ch in "×÷・゠AZaz\u00bf\u00c0\u024f\u0250\u03ff\u0400\u052f\u0530\uac00\ud7ff":
        assert script_counts(ch) == Counter(s for s in [_script_of_char(ch)] if s)


@pytest.mark.parametrize("text", ["aб", "бa", "a漢бカ", "カ漢бa", "한a", "x×÷y", "Ab1Б"])
def test_script_counts_keep_the_order_scripts_first_appear_in(text: str) -> None:
    expected = Counter(script for ch in text if (script := _script_of_char(ch)))
    assert list(script_counts(text).items()) == list(expected.items())
