from __future__ import annotations

import pytest

from reader.core.align.anchors import anchors_of


@pytest.mark.parametrize("russian", ["Корея", "Кореи", "Корее", "Корею", "Кореей"])
def test_a_russian_name_in_any_case_is_its_exonym(russian: str) -> None:
    # The stemmer gives "Корея" and "Корее" different stems; the exonym must not care.
    assert "e:korea" in anchors_of(f"События в городе и {russian} сегодня.").required
    assert "e:korea" in anchors_of("Events in Korea today.").required


def test_a_dropped_russian_sentence_leaves_the_right_english_one_unpaired() -> None:
    # From the seed: "...от событий в Корее." is "...from events in Korea." and not the next
    # English sentence, which also names Moscow and the Korean friends.
    russian = anchors_of(
        "Я нахожусь далеко от Москвы в отпуску и несколько оторвался от событий в Корее."
    )
    english = anchors_of(
        "I am far away from Moscow on vacation and somewhat detached from events in Korea."
    )
    assert russian.required == english.required
