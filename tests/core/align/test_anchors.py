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


def test_anchor_scores_are_whole_tenths_whatever_the_order_of_the_sets() -> None:
    from reader.core.align.anchors import TENTHS, WEIGHTS, SegmentAnchors, anchor_score

    # The integer sums rely on it: a weight such as 1.25 would be rounded away.
    for shared, missing in WEIGHTS.values():
        assert shared * TENTHS == round(shared * TENTHS)
        assert missing * TENTHS == round(missing * TENTHS)
    a = SegmentAnchors(frozenset({"n:5", "y:50", "m:10", "e:korea", "t:bulg"}))
    b = SegmentAnchors(frozenset({"n:5", "y:50", "e:moscow"}), frozenset({"t:bulg"}))
    # Shared: 2.5 + 2.5 + 1.2; a's month and Korea missing in b: 1.0 + 0.6; b's Moscow: 0.6.
    assert anchor_score(a, b) == 4.0
    assert anchor_score(b, a) == 4.0
    # Three numbers missing in b (3 x 1.2), b's number, year and Moscow missing in them.
    assert anchor_score(SegmentAnchors(frozenset({"n:1", "n:2", "n:3"})), b) == -6.6
