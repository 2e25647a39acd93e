"""Which paragraphs of an original and a translation correspond: what the split view scrolls by.

`proportional_alignment` pairs paragraphs by position; the real aligner (`reader.core.align.alignment`)
produces the same `ParagraphAlignment` from its beads.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from reader.core.text_range import Pane

Group = tuple[int, ...]


@dataclass(frozen=True)
class ParagraphAlignment:
    """Pairs of paragraph groups: original paragraphs (a) <-> translation paragraphs (b).

    Groups are ascending runs of paragraph indices; pairs run in reading order on both sides.
    A group of several paragraphs on one side means they translate together (a translator
    merged or split paragraphs). Paragraphs no pair names (an untranslated stamp, say) map to
    the end of the nearest preceding pair.
    """

    pairs: tuple[tuple[Group, Group], ...]
    n_original: int
    n_translation: int
    # Lookup tables built once: paragraph -> index of its pair, per side.
    _pair_of: dict[Pane, dict[int, int]] = field(init=False, repr=False, compare=False)
    _starts: dict[Pane, list[int]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pair_of: dict[Pane, dict[int, int]] = {"original": {}, "translation": {}}
        for index, (a, b) in enumerate(self.pairs):
            if not a or not b:
                raise ValueError(f"pair {index} has an empty group")
            sides: tuple[tuple[Pane, Group, int], ...] = (
                ("original", a, self.n_original),
                ("translation", b, self.n_translation),
            )
            for pane, group, count in sides:
                if list(group) != sorted(group) or group[0] < 0 or group[-1] >= count:
                    raise ValueError(f"pair {index}: {pane} group {group} out of order or range")
                for paragraph in group:
                    pair_of[pane][paragraph] = index
        object.__setattr__(self, "_pair_of", pair_of)
        object.__setattr__(
            self,
            "_starts",
            {
                "original": [a[0] for a, _ in self.pairs],
                "translation": [b[0] for _, b in self.pairs],
            },
        )

    def _groups(self, index: int, pane: Pane) -> tuple[Group, Group]:
        a, b = self.pairs[index]
        return (a, b) if pane == "original" else (b, a)

    def counterpart(self, pane: Pane, paragraph: int) -> int:
        """The first paragraph of the other pane that corresponds to `paragraph` of `pane`.

        Args:
            pane: the pane `paragraph` belongs to.
            paragraph: a paragraph index in that pane's text.

        Returns:
            A paragraph index in the other pane, or 0 when the other pane is empty.
        """
        return self.map_position(pane, paragraph, 0.0)[0]

    def map_position(self, pane: Pane, paragraph: int, fraction: float) -> tuple[int, float]:
        """Map a reading position (a paragraph and the fraction read through it) across panes.

        Within a pair, the position through the whole group on one side maps to the same
        proportion through the group on the other side, so scrolling stays smooth when a
        translator merged two paragraphs into one.

        Args:
            pane: the pane the position is in.
            paragraph: the paragraph index in that pane.
            fraction: how far through that paragraph, 0.0 (its top) to 1.0 (its bottom).

        Returns:
            (paragraph, fraction) in the other pane; (0, 0.0) when there are no pairs.
        """
        if not self.pairs:
            return 0, 0.0
        fraction = min(max(fraction, 0.0), 1.0)
        index = self._pair_of[pane].get(paragraph)
        if index is None:
            # Unpaired: stand at the end of the preceding pair (or the start of the first).
            before = bisect_right(self._starts[pane], paragraph) - 1
            if before < 0:
                return self._groups(0, pane)[1][0], 0.0
            other = self._groups(before, pane)[1]
            return other[-1], 1.0
        mine, other = self._groups(index, pane)
        through = (mine.index(paragraph) + fraction) / len(mine)
        position = through * len(other)
        slot = min(int(position), len(other) - 1)
        return other[slot], position - slot


def proportional_alignment(n_original: int, n_translation: int) -> ParagraphAlignment:
    """Pair paragraphs by their position in the text: 1-1 when the counts are equal.

    With unequal counts, each paragraph of the shorter text pairs with a proportional run of
    the longer one, so the two panes still reach their ends together.

    Args:
        n_original: number of paragraphs in the original.
        n_translation: number of paragraphs in the translation.

    Returns:
        The alignment; it has no pairs when either text is empty.
    """
    groups = min(n_original, n_translation)
    pairs: list[tuple[Group, Group]] = []
    for k in range(groups):
        a = tuple(range(k * n_original // groups, (k + 1) * n_original // groups))
        b = tuple(range(k * n_translation // groups, (k + 1) * n_translation // groups))
        pairs.append((a, b))
    return ParagraphAlignment(tuple(pairs), n_original, n_translation)
