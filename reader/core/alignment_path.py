"""The cheapest monotone path of beads through two segment sequences: banded dynamic programming.

The search only visits cells within a band around the diagonal from (0, 0) to (n, m), so its
cost grows linearly with the length of the texts rather than with their product.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

Shape = tuple[int, int]
CostFunction = Callable[[int, int, Shape], float]

# Half-width of the band around the diagonal, beyond the difference in segment counts.
BAND = 6
_MAX_EXTRA_BAND = 30


@dataclass(frozen=True)
class PathBead:
    """Original segments [i0, i1) paired with translation segments [j0, j1) at a cost."""

    i0: int
    i1: int
    j0: int
    j1: int
    cost: float


def band_width(n: int, m: int) -> int:
    """The band half-width for sequences of n and m segments.

    Args:
        n: segments of the original.
        m: segments of the translation.

    Returns:
        How far from the diagonal a path may stray; it widens with the difference in counts,
        up to a bound, so the work stays linear.
    """
    return BAND + min(abs(n - m), _MAX_EXTRA_BAND)


def best_path(
    n: int, m: int, shapes: Iterable[Shape], cost: CostFunction, band: int | None = None
) -> list[PathBead]:
    """Find the cheapest sequence of beads covering both sequences in order.

    Args:
        n: segments of the original.
        m: segments of the translation.
        shapes: the bead shapes allowed, (k, l) with k, l >= 0 and not both 0.
        cost: the cost of the bead starting at original i and translation j with a shape.
        band: half-width of the search band; None picks `band_width(n, m)`.

    Returns:
        The beads in reading order; empty when both sequences are empty.
    """
    shapes = [s for s in shapes if s != (0, 0)]
    if band is None:
        band = band_width(n, m)
    ratio = m / n if n else 0.0

    def bounds(i: int) -> tuple[int, int]:
        if n == 0:
            return 0, m
        centre = i * ratio
        return max(0, math.floor(centre) - band), min(m, math.ceil(centre) + band)

    windows = [bounds(i) for i in range(n + 1)]

    best: dict[tuple[int, int], tuple[float, int, int]] = {(0, 0): (0.0, 0, 0)}
    for i in range(n + 1):
        low, high = windows[i]
        for j in range(low, high + 1):
            here = best.get((i, j))
            if here is None:
                continue
            base = here[0]
            for k, m_ in shapes:
                ti, tj = i + k, j + m_
                if ti > n or tj > m:
                    continue
                t_low, t_high = windows[ti]
                if not t_low <= tj <= t_high:
                    continue
                total = base + cost(i, j, (k, m_))
                known = best.get((ti, tj))
                if known is None or total < known[0]:
                    best[(ti, tj)] = (total, k, m_)
    if (n, m) not in best:  # unreachable with a sane band; pair everything rather than fail
        return [PathBead(0, n, 0, m, math.inf)] if n or m else []
    beads: list[PathBead] = []
    i, j = n, m
    while i or j:
        total, k, m_ = best[(i, j)]
        beads.append(PathBead(i - k, i, j - m_, j, total - best[(i - k, j - m_)][0]))
        i, j = i - k, j - m_
    beads.reverse()
    return beads
