from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from reader.core.text import language_model
from reader.core.text.language_model import load_identifier, model_cache_file

LANGUAGES = ("en", "de", "fr", "hu")
TEXTS = (
    "I think that if in the present situation you consider it possible to help.",
    "Die Volkspolizei erhielt den Befehl, die Demonstranten nicht anzugreifen.",
    "Le gouvernement français a décidé d'envoyer une délégation à Moscou.",
    "Gerő elvtárs tájékoztatja a Politikai Bizottságot a fővárosban kialakult helyzetről",
)


def test_the_cached_model_answers_as_py3langid_does(tmp_path: Path) -> None:
    fresh = load_identifier(tmp_path, LANGUAGES)  # the slow way, and cached
    cache = model_cache_file(tmp_path, LANGUAGES)
    assert cache.is_file()
    cached = load_identifier(tmp_path, LANGUAGES)
    assert cached is not fresh
    assert sorted(cached.nb_classes) == sorted(LANGUAGES)
    for text in TEXTS:
        assert cached.classify(text) == fresh.classify(text)
    assert [cached.classify(text)[0] for text in TEXTS] == ["en", "de", "fr", "hu"]
    assert list(cached.tk_nextmove) == list(fresh.tk_nextmove)
    assert list(cached.tk_row) == list(fresh.tk_row)


@pytest.mark.parametrize("dtype", [np.uint16, np.uint32, np.uint64])
def test_the_automaton_is_copied_a_piece_at_a_time_whole(
    dtype: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    values: np.ndarray = np.arange(1000, dtype=dtype) * 7919
    monkeypatch.setattr(language_model, "_COPY_PIECE", 24)  # a few values a piece
    assert list(language_model._as_array(values)) == values.tolist()


def test_a_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    cache = model_cache_file(tmp_path, LANGUAGES)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(b"PK\x03\x04 half a file")
    identifier = load_identifier(tmp_path, LANGUAGES)
    assert identifier.classify(TEXTS[1])[0] == "de"
    assert cache.stat().st_size > 1_000_000  # written afresh


def test_a_cache_for_other_languages_is_not_used(tmp_path: Path) -> None:
    load_identifier(tmp_path, ("en", "de"))
    other = model_cache_file(tmp_path, ("en", "de"))
    model_cache_file(tmp_path, LANGUAGES).write_bytes(other.read_bytes())
    identifier = load_identifier(tmp_path, LANGUAGES)
    assert sorted(identifier.nb_classes) == sorted(LANGUAGES)


def test_without_a_cache_folder_nothing_is_written(tmp_path: Path) -> None:
    identifier = load_identifier(None, LANGUAGES)
    assert identifier.classify(TEXTS[2])[0] == "fr"
    assert not list(tmp_path.iterdir())
