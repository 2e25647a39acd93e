"""The parts of a bead's cost for many beads at once, with numpy: the very floats of one by one.

The banded search (`path.best_path`) needs the cost of every bead shape at every cell of its
band: some 15,000 a window of a huge page, at about 5 us each as Python calls, most of the
time aligning a 5 MB page took (issue 12). `BeadCoster.costs` (`align/cost.py`) costs a whole
band's beads of one shape with the pieces here. Each mirrors the scalar cost operation by
operation: numpy's + - * / and sqrt round as Python's do, erfc and log go through `math` cell by
cell, and anchor scores are sums of integer tenths, so both ways find the same float.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from reader.core.align.anchors import MISSING_TENTHS, SHARED_TENTHS, TENTHS, SegmentAnchors

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


def tail_cost(delta: float) -> float:
    """-log of the two-sided normal tail beyond `delta`: the last step of a length cost.

    Args:
        delta: the length difference in standard deviations (>= 0).

    Returns:
        The cost in nats.
    """
    tail = math.erfc(delta / math.sqrt(2.0))
    # erfc underflows beyond delta ~ 37: the tail's leading term instead.
    return -math.log(tail) if tail > 1e-300 else delta * delta / 2.0 + math.log(delta)


def length_costs(ratio: float, variance: float, length_a: Ints, length_b: Ints) -> Floats:
    """`LengthModel.cost` of many beads, from their total lengths on each side.

    Args:
        ratio: the model's character ratio, translation over original.
        variance: the model's variance per character.
        length_a: each bead's characters on the original side.
        length_b: each bead's characters on the translation side.

    Returns:
        Each bead's length cost in nats, as `LengthModel.cost` finds it.
    """
    scaled_b = length_b / ratio
    mean = (length_a + scaled_b) / 2.0
    positive = np.flatnonzero(mean > 0)
    delta = np.abs(scaled_b - length_a)[positive] / np.sqrt(variance * mean[positive] + 1.0)
    # `tail_cost` spread out: math's erfc and log mapped over a list, far cheaper than a
    # Python call per bead; numpy has no erfc, and its log may differ from math's in the last bit.
    tails = np.array(list(map(math.erfc, (delta / np.sqrt(2.0)).tolist())))
    costs = np.zeros(len(mean))
    fine = tails > 1e-300
    costs[positive[fine]] = np.negative(list(map(math.log, tails[fine].tolist())))
    far = np.flatnonzero(~fine)
    costs[positive[far]] = [tail_cost(d) for d in delta[far].tolist()]
    return costs


_Table = tuple[Ints, Ints, npt.NDArray[np.bool_]]  # run starts, anchor numbers, required
# Anchors of the original side taken at once when scoring beads (a few MB of arrays).
_CHUNK_ANCHORS = 1 << 17


class BandAnchors:
    """Both sides' anchors, for runs of 1 to `widest` segments, as flat arrays.

    Anchors are numbered in one vocabulary; each run's anchor numbers are sorted, with whether
    the run requires the anchor (`SegmentAnchors.required`) or only accepts it (optional).
    """

    def __init__(
        self, original: Sequence[SegmentAnchors], translation: Sequence[SegmentAnchors],
        widest: int,
    ) -> None:  # fmt: skip
        """Number the anchors of both sides' segments and join them into runs.

        Args:
            original: each original segment's anchors.
            translation: each translation segment's anchors.
            widest: the longest run (the widest bead side).
        """
        vocabulary: dict[str, int] = {}
        ones = (_numbered(original, vocabulary), _numbered(translation, vocabulary))
        kinds = [anchor[0] for anchor in vocabulary]
        self.shared = np.array([SHARED_TENTHS[k] for k in kinds], np.int64)
        self.missing = np.array([MISSING_TENTHS[k] for k in kinds], np.int64)
        # Per side, the runs of every size in one table (those of size s from firsts[s - 1]),
        # and what each run's required anchors weigh.
        self.sides = tuple(self._weighed([one, *(_joined(one, size)
                                                 for size in range(2, widest + 1))])
                           for one in ones)  # fmt: skip

    def _weighed(self, tables: list[_Table]) -> tuple[_Table, Ints, Floats]:
        firsts = np.cumsum([0] + [len(starts) - 1 for starts, _, _ in tables])
        bases = np.cumsum([0] + [starts[-1] for starts, _, _ in tables])
        starts = np.concatenate([t[0][:-1] + base for t, base in zip(tables, bases, strict=False)]
                                + [bases[-1:]])  # fmt: skip
        ids = np.concatenate([t[1] for t in tables])
        required = np.concatenate([t[2] for t in tables])
        runs = len(starts) - 1
        owners = np.repeat(np.arange(runs), np.diff(starts))
        lost = np.bincount(owners, weights=self.missing[ids] * required, minlength=runs)
        return (starts, ids, required), firsts, lost.astype(np.float64)

    def scores(self, size_a: Ints, runs_a: Ints, size_b: Ints, runs_b: Ints) -> Floats:
        """`anchor_score` of many beads at once.

        Args:
            size_a: each bead's run size on the original side (>= 1).
            runs_a: each bead's first original segment.
            size_b: each bead's run size on the translation side (>= 1).
            runs_b: each bead's first translation segment.

        Returns:
            Each bead's anchor score.
        """
        (ptr_a, _, _), firsts_a, lost_a = self.sides[0]
        (ptr_b, _, _), firsts_b, lost_b = self.sides[1]
        runs_a = firsts_a[size_a - 1] + runs_a
        runs_b = firsts_b[size_b - 1] + runs_b
        # A score is what both sides have (a shared anchor's bonus, and a required one's loss
        # taken back), less every required anchor's loss; all in whole tenths.
        tenths = -(lost_a[runs_a] + lost_b[runs_b])
        both = np.flatnonzero(
            (ptr_a[runs_a + 1] > ptr_a[runs_a]) & (ptr_b[runs_b + 1] > ptr_b[runs_b])
        )
        # Beads whose sides hold many anchors (pieces of 30 sentences) are taken a bounded
        # number of anchors at a time, so that memory stays bounded too.
        sizes = np.cumsum(ptr_a[runs_a[both] + 1] - ptr_a[runs_a[both]])
        cuts = np.searchsorted(sizes, np.arange(_CHUNK_ANCHORS, int(sizes[-1]) if len(sizes)
                                                else 0, _CHUNK_ANCHORS))  # fmt: skip
        for part in np.split(both, np.unique(cuts)):
            if len(part):
                tenths[part] += self._shared_tenths(runs_a[part], runs_b[part])
        result: Floats = tenths / TENTHS
        return result

    def _shared_tenths(self, runs_a: Ints, runs_b: Ints) -> Floats:
        """For each bead (runs of the joined tables), what the anchors both sides have win."""
        (ptr_a, ids_a, req_a), _, _ = self.sides[0]
        (ptr_b, ids_b, req_b), _, _ = self.sides[1]
        width = len(self.shared)
        owner_a, at_a = _explode(ptr_a, runs_a)
        owner_b, at_b = _explode(ptr_b, runs_b)
        # (bead, anchor) keys, sorted on both sides: a bead's anchors are sorted numbers.
        keys_a = owner_a * width + ids_a[at_a]
        keys_b = owner_b * width + ids_b[at_b]
        found = np.minimum(np.searchsorted(keys_b, keys_a), len(keys_b) - 1)
        hit = np.flatnonzero(keys_b[found] == keys_a)
        anchor = ids_a[at_a[hit]]
        won = self.shared[anchor] + self.missing[anchor] * req_a[at_a[hit]]
        won += self.missing[anchor] * req_b[at_b[found[hit]]]
        shared: Floats = np.asarray(
            np.bincount(owner_a[hit], weights=won, minlength=len(runs_a)), dtype=np.float64
        )
        return shared


def _numbered(segments: Sequence[SegmentAnchors], vocabulary: dict[str, int]) -> _Table:
    """Each segment's anchors as sorted numbers (new anchors numbered as met), and required."""
    starts, ids, required = [0], list[int](), list[bool]()
    for anchors in segments:
        numbered = sorted(
            (vocabulary.setdefault(a, len(vocabulary)), a in anchors.required)
            for a in anchors.every
        )
        ids.extend(number for number, _ in numbered)
        required.extend(needed for _, needed in numbered)
        starts.append(len(ids))
    return np.array(starts, np.int64), np.array(ids, np.int64), np.array(required, np.bool_)


def _joined(one: _Table, size: int) -> _Table:
    """The anchors of every run of `size` segments: the union of theirs, required if any is."""
    indptr, ids, required = one
    count = max(0, len(indptr) - size)
    segments = (np.arange(count)[:, None] + np.arange(size)).ravel()
    run, at = _explode(indptr, segments)
    run //= size
    width = int(ids.max()) + 1 if len(ids) else 1
    # One sort puts each run's anchors in order, a required copy before an optional one.
    keys = np.sort((run * width + ids[at]) * 2 + ~required[at])
    first = np.ones(len(keys), bool)
    first[1:] = keys[1:] >> 1 != keys[:-1] >> 1
    kept = keys[first]
    runs_of = (kept >> 1) // width
    joined_ptr = np.searchsorted(runs_of, np.arange(count + 1)).astype(np.int64)
    return joined_ptr, (kept >> 1) % width, (kept & 1) == 0


def _explode(indptr: Ints, rows: Ints) -> tuple[Ints, Ints]:
    """For the given rows of a flat table: each entry's position in `rows` and in the table."""
    starts = indptr[rows]
    lengths = indptr[rows + 1] - starts
    owner = np.repeat(np.arange(len(rows)), lengths)
    firsts = np.cumsum(lengths) - lengths
    return owner, np.arange(int(lengths.sum())) + np.repeat(starts - firsts, lengths)
