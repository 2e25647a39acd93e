from __future__ import annotations

import pytest

from reader.core.align.alignment import Group, ParagraphAlignment, proportional_alignment


def test_equal_counts_pair_one_to_one() -> None:
    alignment = proportional_alignment(12, 12)
    assert len(alignment.pairs) == 12
    for i in range(12):
        assert alignment.counterpart("original", i) == i
        assert alignment.counterpart("translation", i) == i


def test_fraction_carries_over_one_to_one() -> None:
    alignment = proportional_alignment(3, 3)
    assert alignment.map_position("original", 1, 0.25) == (1, 0.25)
    assert alignment.map_position("translation", 2, 0.5) == (2, 0.5)


def test_unequal_counts_map_proportionally_and_monotonically() -> None:
    alignment = proportional_alignment(4, 8)
    assert alignment.counterpart("original", 0) == 0
    assert alignment.counterpart("original", 1) == 2
    assert alignment.counterpart("original", 3) == 6
    assert alignment.counterpart("translation", 5) == 2
    # Halfway through original paragraph 1 is the start of translation paragraph 3.
    assert alignment.map_position("original", 1, 0.5) == (3, 0.0)
    # Translation paragraph 3 is the second half of original paragraph 1.
    assert alignment.map_position("translation", 3, 0.0) == (1, 0.5)
    positions = [alignment.map_position("translation", t, 0.0) for t in range(8)]
    assert positions == sorted(positions)


def test_every_paragraph_is_covered_both_ways() -> None:
    alignment = proportional_alignment(7, 12)
    covered_a = sorted(i for a, _ in alignment.pairs for i in a)
    covered_b = sorted(i for _, b in alignment.pairs for i in b)
    assert covered_a == list(range(7))
    assert covered_b == list(range(12))


def test_empty_side_has_no_pairs() -> None:
    alignment = proportional_alignment(0, 5)
    assert alignment.pairs == ()
    assert alignment.map_position("translation", 3, 0.5) == (0, 0.0)


def test_fraction_is_clamped() -> None:
    alignment = proportional_alignment(2, 2)
    assert alignment.map_position("original", 0, 1.7) == (0, 1.0)
    assert alignment.map_position("original", 0, -1.0) == (0, 0.0)


def test_merged_group_maps_through_its_length() -> None:
    # Original paragraphs 1 and 2 were merged into translation paragraph 1.
    alignment = ParagraphAlignment((((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))), 4, 3)
    assert alignment.map_position("original", 2, 0.0) == (1, 0.5)
    assert alignment.map_position("translation", 1, 0.75) == (2, 0.5)


def test_unpaired_paragraph_maps_to_end_of_preceding_pair() -> None:
    # Original paragraph 1 (a stamp) has no translation.
    alignment = ParagraphAlignment((((0,), (0,)), ((2,), (1,))), 3, 2)
    assert alignment.map_position("original", 1, 0.3) == (0, 1.0)


@pytest.mark.parametrize(
    "pairs",
    [
        (((), (0,)),),
        (((0,), (5,)),),
        (((1, 0), (0,)),),
    ],
)
def test_invalid_pairs_are_rejected(pairs: tuple[tuple[Group, Group], ...]) -> None:
    with pytest.raises(ValueError):
        ParagraphAlignment(pairs, 2, 2)


def test_sentence_shape_cost_charges_only_unequal_counts() -> None:
    from reader.core.align.cost import sentence_shape_cost

    assert sentence_shape_cost(2, 2) == 0.0
    one_split = sentence_shape_cost(1, 2)
    assert one_split > 3.0  # a 1-2 sentence bead is far rarer than a 1-1
    assert sentence_shape_cost(2, 1) == one_split
    assert sentence_shape_cost(1, 4) > sentence_shape_cost(1, 3) > one_split


def test_length_diagonal_follows_merged_paragraphs() -> None:
    from reader.core.align.path import length_diagonal

    # The translation merged original paragraphs 1 and 2: position 3 sits at translation 2.
    centres = length_diagonal([10, 50, 50, 10], [10, 100, 10])
    assert centres[0] == 0.0 and centres[-1] == 3.0
    assert centres[3] == pytest.approx(2.0)
    assert centres[2] == pytest.approx(1.5)


def test_best_path_widens_its_band_when_the_path_leaves_it() -> None:
    from reader.core.align.path import BAND, best_path

    # 30 original segments with no counterpart at the start, then 20 that pair 1-1: the true
    # path runs far from the diagonal and from a band of BAND around it.
    n, m = 50, 20

    def cost(i: int, j: int, shape: tuple[int, int]) -> float:
        if shape == (1, 0):
            return 0.5 if i < 30 else 20.0
        if shape == (1, 1):
            return 0.1 if i - 30 == j else 20.0
        return 30.0

    beads = best_path(n, m, [(1, 0), (0, 1), (1, 1), (2, 1), (1, 2)], cost)
    assert 30 - 30 * m / n > BAND
    assert [(b.i0, b.j0) for b in beads if b.j1 > b.j0] == [(30 + j, j) for j in range(m)]
