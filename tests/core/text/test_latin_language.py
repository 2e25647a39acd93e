"""Which Latin-script language a text is in: plainly English by its words, else the model."""

from __future__ import annotations

import pytest

from reader.core.page.parser import parse_page
from reader.core.text.language import detect_language
from reader.core.text.latin_language import (
    blank_names,
    identified_latin,
    latin_language,
    plainly_english,
)
from tests.conftest import SEED_PAGE

MADE_UP_GERMAN = (
    "Die Regierung hat gestern beschlossen, dass die Verhandlungen über den Waffenstillstand "
    "in der nächsten Woche fortgesetzt werden sollen, obwohl noch keine Einigung erzielt wurde."
)


def test_the_seeds_translation_is_plainly_english() -> None:
    document = parse_page(SEED_PAGE)
    longest = max(document.translations[0].paragraphs, key=len)
    assert longest.startswith("It was on 16 September already that Moscow warned")
    assert plainly_english(longest)
    assert detect_language(longest) == "en"


@pytest.mark.parametrize(
    "text",
    [MADE_UP_GERMAN, "the end", "To BEIJING, SOVIET AMBASSADOR", "For immediate transmission"],
)
def test_other_languages_and_short_lines_are_not_plainly_english(text: str) -> None:
    assert not plainly_english(text)


def test_names_are_blanked() -> None:
    blanked = blank_names("Present: Comrades Ernő Gerő, Imre Nagy and the others")
    assert "Gerő" not in blanked and "Nagy" not in blanked and "Present" not in blanked
    assert blanked.endswith(" and the others")


def test_the_model_tells_german_and_detect_language_asks_it() -> None:
    code, confidence = latin_language(MADE_UP_GERMAN)
    assert code == "de" and confidence > 0.9
    assert identified_latin(MADE_UP_GERMAN) == detect_language(MADE_UP_GERMAN) == "de"
