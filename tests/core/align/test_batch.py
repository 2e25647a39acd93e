"""A band's beads costed at once (`BeadCoster.costs`) cost what they cost one by one, to the bit."""

from __future__ import annotations

import random

import numpy as np
import pytest

from bench.made_up_pages import many_paragraphs
from reader.core.align import batch
from reader.core.align.cost import (
    PARAGRAPH_SHAPES,
    SENTENCE_SHAPES,
    BeadCoster,
    LengthModel,
    Segment,
)
from reader.core.align.solver import _prepare
from reader.core.page.parser import parse_page, parse_text
from tests.conftest import SEED_PAGE


def _segments(seed: int) -> tuple[list[Segment], list[Segment], list[int], list[int]]:
    """Paragraph segments of the seed and of a made-up page, shuffled into an uneven pair."""
    seed_page = parse_page(SEED_PAGE)
    made_up = parse_text(many_paragraphs(20_000, seed=3), "made_up_pair.txt")
    sides: list[list[tuple[Segment, int]]] = [[], []]
    for document in (seed_page, made_up):
        assert document.original is not None
        for side, text in enumerate((document.original, document.translations[0])):
            prepared = _prepare(text)
            sides[side].extend(zip(prepared.paragraphs, prepared.sentence_counts(), strict=True))
    rng = random.Random(seed)
    for segments in sides:
        rng.shuffle(segments)
        # Editorial insertions, empty segments and long ones: every branch of the cost.
        segments.insert(rng.randrange(len(segments)), (Segment(0, editorial=True), 0))
        segments.insert(rng.randrange(len(segments)), (Segment(0), 0))
        segments.append((Segment(40_000), 300))
    original, translation = sides
    del translation[rng.randrange(len(translation))]
    return ([s for s, _ in original], [s for s, _ in translation],
            [c for _, c in original], [c for _, c in translation])  # fmt: skip


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("level", ["paragraphs", "sentences"])
def test_every_cell_and_shape_costs_the_same_either_way(
    seed: int, level: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if seed == 3:  # anchors scored a few beads at a time, as for pieces of 30 sentences
        monkeypatch.setattr(batch, "_CHUNK_ANCHORS", 500)
    original, translation, counts_a, counts_b = _segments(seed)
    model = LengthModel(ratio=random.Random(seed).uniform(0.7, 1.4))
    if level == "paragraphs":
        shapes = PARAGRAPH_SHAPES
        coster = BeadCoster(original, translation, model, shapes,
                            sentence_counts=(counts_a, counts_b))  # fmt: skip
    else:
        shapes = SENTENCE_SHAPES
        coster = BeadCoster(original, translation, model, shapes, cheap_ends=False)
    n, m = len(original), len(translation)
    # Every shape at every cell, in one call, as the banded search asks.
    beads = [(i, j, shape) for shape in shapes
             for i in range(n - shape[0] + 1) for j in range(m - shape[1] + 1)]  # fmt: skip
    columns = [np.array(column, np.int64) for column in zip(*[
        (shape[0], shape[1], i, j) for i, j, shape in beads], strict=True)]  # fmt: skip
    at_once = coster.costs(*columns).tolist()
    one_by_one = [coster.cost(i, j, shape) for i, j, shape in beads]
    differ = [(b, x, y) for b, x, y in zip(beads, at_once, one_by_one, strict=True) if x != y]
    assert not differ, differ[:5]
    for shape in shapes:
        if shape[0] and shape[1]:  # a test that cannot tell costs apart would prove nothing
            mine = [x for b, x in zip(beads, at_once, strict=True) if b[2] == shape]
            assert len({round(x, 6) for x in mine}) > len(mine) // 20


@pytest.mark.parametrize("sizes", [(0, 60), (60, 0), (1, 70), (70, 1), (40, 55), (90, 60)])
def test_the_band_searched_with_batch_costs_finds_the_same_path(sizes: tuple[int, int]) -> None:
    from reader.core.align.path import best_path

    original, translation, counts_a, counts_b = _segments(7)
    n, m = sizes
    coster = BeadCoster(original[:n], translation[:m], LengthModel(), PARAGRAPH_SHAPES,
                        sentence_counts=(counts_a[:n], counts_b[:m]))  # fmt: skip
    one_by_one = best_path(n, m, PARAGRAPH_SHAPES, coster.cost)
    at_once = best_path(n, m, PARAGRAPH_SHAPES, coster.cost, batch=coster.costs)
    assert at_once == one_by_one
    assert sum(b.i1 - b.i0 for b in at_once) == n and sum(b.j1 - b.j0 for b in at_once) == m
