"""The cheapest monotone path of beads through two segment sequences: banded dynamic programming.

The search only visits cells within a band around an expected path (by default the straight
diagonal from (0, 0) to (n, m)), so its cost grows linearly with the length of the texts rather
than with their product. The band starts narrow and is doubled, and the search run again, only
when the best path found comes near its edge: then a better path may lie outside (Moore 2002
widens his band the same way).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt

Shape = tuple[int, int]
CostFunction = Callable[[int, int, Shape], float]
Cells = npt.NDArray[np.int64]
# The costs of many beads at once: bead c has shape (k[c], l[c]) and starts at (i[c], j[c]).
BatchCostFunction = Callable[[Cells, Cells, Cells, Cells], npt.NDArray[np.float64]]

# Half-width of the first band around the expected path, in segments.
BAND = 6
# A path this close to the band's edge may have been pushed there by it: widen and search again.
_EDGE_MARGIN = 1
# Searches re-centred on the last path before the band starts doubling; the last one is final.
_RECENTRE_ATTEMPTS = 2
_MAX_ATTEMPTS = 12
# A band of fewer cells is costed bead by bead: numpy's set-up would cost more than it saves.
_BATCH_CELLS = 48


@dataclass(frozen=True)
class PathBead:
    """Original segments [i0, i1) paired with translation segments [j0, j1) at a cost."""

    i0: int
    i1: int
    j0: int
    j1: int
    cost: float


def length_diagonal(lengths_a: Sequence[int], lengths_b: Sequence[int]) -> list[float]:
    """The expected path by length: for each original position, where the translation is.

    Position i in the original is the share of its characters before paragraph i; the expected
    translation position is where the same share of the translation's characters is reached.
    Unlike the straight diagonal it follows merged and split paragraphs, which keep their
    characters, so the band can stay narrow when the counts differ.

    Args:
        lengths_a: segment lengths of the original.
        lengths_b: segment lengths of the translation.

    Returns:
        n + 1 fractional translation positions, from 0 to m.
    """
    n, m = len(lengths_a), len(lengths_b)
    total_a, total_b = sum(lengths_a), sum(lengths_b)
    if not n or not m or not total_a or not total_b:
        return [i * m / n if n else 0.0 for i in range(n + 1)]
    centres: list[float] = []
    before_a = 0
    j, before_b = 0, 0  # translation characters before segment j
    for i in range(n + 1):
        target = before_a / total_a * total_b
        while j < m and before_b + lengths_b[j] <= target:
            before_b += lengths_b[j]
            j += 1
        inside = (target - before_b) / lengths_b[j] if j < m and lengths_b[j] else 0.0
        centres.append(min(j + inside, float(m)))
        if i < n:
            before_a += lengths_a[i]
    return centres


def best_path(
    n: int,
    m: int,
    shapes: Iterable[Shape],
    cost: CostFunction,
    centres: Sequence[float] | None = None,
    batch: BatchCostFunction | None = None,
) -> list[PathBead]:
    """Find the cheapest sequence of beads covering both sequences in order.

    Args:
        n: segments of the original.
        m: segments of the translation.
        shapes: the bead shapes allowed, (k, l) with k, l >= 0 and not both 0.
        cost: the cost of the bead starting at original i and translation j with a shape.
        centres: the expected translation position for each original position 0..n (see
            `length_diagonal`); None for the straight diagonal.
        batch: the same costs for many cells at once (`BeadCoster.costs`), used for bands
            too wide to cost bead by bead; it must return exactly what `cost` returns.

    Returns:
        The beads in reading order; empty when both sequences are empty.
    """
    shapes = [s for s in shapes if s != (0, 0)]
    if centres is None:
        centres = [i * m / n if n else 0.0 for i in range(n + 1)]
    band = BAND
    known: dict[tuple[int, int, Shape], float] = {}

    def remembered(i: int, j: int, shape: Shape) -> float:
        # Successive bands overlap: cost each bead once.
        key = (i, j, shape)
        value = known.get(key)
        if value is None:
            value = known[key] = cost(i, j, shape)
        return value

    for attempt in range(_MAX_ATTEMPTS):
        band_cells = _Band(n, m, _windows(n, m, centres, band))
        # Short sequences fit in the first band: no need to remember their costs.
        scalar = cost if band >= n + m else remembered
        best, came = band_cells.search(shapes, scalar, batch)
        if best[band_cells.index(n, m)] is None:
            if band >= n + m:  # unreachable: pair everything rather than fail
                return [PathBead(0, n, 0, m, math.inf)] if n or m else []
            band *= 2
            continue
        beads = band_cells.trace(best, came, shapes)
        if band >= n + m or not _near_edge(beads, band_cells.windows, m):
            return beads
        # The path strays from the expected one: centre the band on the path found, which
        # is right wherever the band did not hold it back, and widen when that did not help.
        centres = _path_centres(beads, n)
        if attempt >= _RECENTRE_ATTEMPTS:
            band *= 2
    return beads


def _path_centres(beads: list[PathBead], n: int) -> list[float]:
    centres = [0.0] * (n + 1)
    for bead in beads:
        for i in range(bead.i0, bead.i1 + 1):
            centres[i] = float(bead.j0 if i == bead.i0 else bead.j1)
    return centres


def _windows(n: int, m: int, centres: Sequence[float], band: int) -> list[tuple[int, int]]:
    if n == 0:
        return [(0, m)]
    windows = []
    for i in range(n + 1):
        # Both ends are pinned: every path starts at (0, 0) and ends at (n, m).
        low = 0 if i == 0 else max(0, math.floor(centres[i]) - band)
        high = m if i == n else min(m, math.ceil(centres[i]) + band)
        windows.append((low, high))
    return windows


class _Band:
    """The cells of a band, row by row in one flat list: cell (i, j) at offsets[i] + j - low."""

    def __init__(self, n: int, m: int, windows: list[tuple[int, int]]) -> None:
        self.n, self.m, self.windows = n, m, windows
        self.offsets = [0]
        for low, high in windows:
            self.offsets.append(self.offsets[-1] + high - low + 1)
        self.size = self.offsets[-1]

    def index(self, i: int, j: int) -> int:
        return self.offsets[i] + j - self.windows[i][0]

    def _moves(
        self, shapes: list[Shape], scalar: CostFunction, batch: BatchCostFunction | None
    ) -> list[tuple[list[int], list[float]]]:
        """For each shape, each cell's target cell (-1 when outside the band) and bead cost."""
        if batch is not None and self.size >= _BATCH_CELLS:
            return self._moves_at_once(shapes, batch)
        moves = []
        for shape in shapes:
            k, m_ = shape
            targets: list[int] = []
            costs: list[float] = []
            for i, (low, high) in enumerate(self.windows):
                ti = i + k
                t_low, t_high = self.windows[ti] if ti <= self.n else (1, 0)
                for j in range(low, high + 1):
                    inside = t_low <= j + m_ <= t_high
                    targets.append(self.offsets[ti] + j + m_ - t_low if inside else -1)
                    costs.append(scalar(i, j, shape) if inside else 0.0)
            moves.append((targets, costs))
        return moves

    @cached_property
    def _arrays(self) -> tuple[Cells, Cells, Cells, Cells, Cells]:
        """Each row's window and offset, and every cell's row and column in reading order."""
        lows = np.array([low for low, _ in self.windows], dtype=np.int64)
        highs = np.array([high for _, high in self.windows], dtype=np.int64)
        offsets = np.array(self.offsets, dtype=np.int64)
        widths = highs - lows + 1
        rows = np.repeat(np.arange(self.n + 1, dtype=np.int64), widths)
        columns = np.arange(self.size, dtype=np.int64) - np.repeat(offsets[:-1] - lows, widths)
        return lows, highs, offsets, rows, columns

    def _moves_at_once(
        self, shapes: list[Shape], batch: BatchCostFunction
    ) -> list[tuple[list[int], list[float]]]:
        """`_moves` with numpy, every shape's costs from one call of `batch`."""
        lows, highs, offsets, rows, columns = self._arrays
        targets, starts = [], []
        for k, m_ in shapes:
            target_rows = np.minimum(rows + k, self.n)
            target_lows = lows[target_rows]
            inside = (rows + k <= self.n) & (columns + m_ >= target_lows)
            inside &= columns + m_ <= highs[target_rows]
            targets.append(np.where(inside, offsets[target_rows] + columns + m_ - target_lows, -1))
            starts.append(np.flatnonzero(inside))
        counts = [len(s) for s in starts]
        every = np.concatenate(starts)
        costs = batch(np.repeat(np.array([k for k, _ in shapes], np.int64), counts),
                      np.repeat(np.array([m_ for _, m_ in shapes], np.int64), counts),
                      rows[every], columns[every])  # fmt: skip
        moves = []
        for shape_targets, shape_starts, shape_costs in zip(
            targets, starts, np.split(costs, np.cumsum(counts)[:-1]), strict=True
        ):
            spread = np.zeros(self.size)
            spread[shape_starts] = shape_costs
            moves.append((shape_targets.tolist(), spread.tolist()))
        return moves

    def search(
        self, shapes: list[Shape], scalar: CostFunction, batch: BatchCostFunction | None
    ) -> tuple[list[float | None], list[int]]:
        """Best cost to reach each cell (None: not reached), and the shape that reached it.

        Cells push to their targets in reading order and a later bead wins only when strictly
        cheaper, so ties go to the earlier start and then to the earlier shape.
        """
        fits = [s for s, (k, m_) in enumerate(shapes) if k <= self.n and m_ <= self.m]
        moves = self._moves([shapes[s] for s in fits], scalar, batch)
        size = self.size
        best: list[float | None] = [None] * size
        came = [0] * size
        best[0] = 0.0  # cell (0, 0): every row's window starts at 0 in row 0
        for cell in range(size):
            here = best[cell]
            if here is None:
                continue
            for shape, (targets, costs) in zip(fits, moves, strict=True):
                target = targets[cell]
                if target < 0:
                    continue
                total = here + costs[cell]
                known = best[target]
                if known is None or total < known:
                    best[target] = total
                    came[target] = shape
        return best, came

    def trace(
        self, best: list[float | None], came: list[int], shapes: list[Shape]
    ) -> list[PathBead]:
        beads: list[PathBead] = []
        i, j = self.n, self.m
        while i or j:
            total = best[self.index(i, j)]
            k, m_ = shapes[came[self.index(i, j)]]
            before = best[self.index(i - k, j - m_)]
            assert total is not None and before is not None
            beads.append(PathBead(i - k, i, j - m_, j, total - before))
            i, j = i - k, j - m_
        beads.reverse()
        return beads


def _near_edge(beads: list[PathBead], windows: list[tuple[int, int]], m: int) -> bool:
    """Whether the path passes within `_EDGE_MARGIN` of a band edge that is not a text's end."""
    for bead in beads:
        low, high = windows[bead.i0]
        if (low > 0 and bead.j0 - low <= _EDGE_MARGIN) or (
            high < m and high - bead.j0 <= _EDGE_MARGIN
        ):
            return True
    return False
