"""Checking phrase positions in bulk, and a matcher that checks them only where needed.

See `phrase_query`: an exact phrase's candidates are the documents holding all its words;
`PhraseListMatcher` walks them for whoosh's collector, scoring and confirming each only when
reached, and passing over those that score too low to make the list.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate
from operator import methodcaller
from typing import Any

from whoosh.compat import loads
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.system import _INT_SIZE

_RUN = 128  # candidates confirmed at once, at most
_AHEAD = 4 * _RUN  # how far ahead candidates scoring enough are sought to fill a run
_PROTOCOL_2 = b"\x80\x02"
_BEFORE = (-1).__add__  # a position of the second word -> where the first must stand


def phrase_starts(positions: Sequence[Iterable[int]]) -> set[int]:
    """Positions p where word i of a phrase sits at p+i, given each word's positions."""
    starts = set(positions[0])
    for offset in range(1, len(positions)):
        if not starts:
            break
        starts.intersection_update(map((-offset).__add__, positions[offset]))
    return starts


def has_phrase(positions: Sequence[Iterable[int]]) -> bool:
    """Whether the words whose positions these are stand side by side somewhere, in order."""
    return bool(phrase_starts(positions))


def words_in_a_row(words: Sequence[Sequence[Iterable[int]]]) -> list[bool]:
    """For each document, whether the words stand side by side in it, in order.

    `words` holds, per word of the phrase in turn, its positions in each document.
    """
    if len(words) == 2:  # most phrases: one set and one pass per document
        return [not set(first).isdisjoint(map(_BEFORE, second))
                for first, second in zip(*words, strict=True)]  # fmt: skip
    return list(map(has_phrase, zip(*words, strict=True)))


def decode_positions(value: bytes) -> Iterable[int]:
    """The positions in a Positions posting value, as whoosh's `Positions` decodes them.

    whoosh 2.7.4 stores a packed count, then the pickled list of gaps between positions; it
    adds the gaps in a Python loop, `accumulate` does it in C.
    """
    if not value.endswith(b"."):
        value += b"."  # as whoosh does: a stored pickle may lack its STOP opcode
    gaps: list[int] = loads(value[_INT_SIZE:])
    return accumulate(gaps)


def decode_many(values: Sequence[bytes]) -> list[Iterable[int]]:
    """The positions in many Positions posting values, as `decode_positions` gives them.

    Each value pickles one list of gaps (protocol 2, memo slot 0, no references). Their
    bodies, between a MARK and a LIST opcode, make one pickle of the list of those lists:
    one call into C for them all, instead of one per value. Anything else is read singly.
    """
    if (
        len(values) > 1
        and all(map(methodcaller("startswith", _PROTOCOL_2, _INT_SIZE), values))
        and all(map(methodcaller("endswith", b"."), values))
    ):
        bodies = b"".join([value[_INT_SIZE + 2 : -1] for value in values])
        gaps: list[list[int]] = loads(_PROTOCOL_2 + b"(" + bodies + b"l.")
        if len(gaps) == len(values):
            return list(map(accumulate, gaps))
    return list(map(decode_positions, values))


class PhraseListMatcher(ListMatcher):  # type: ignore[misc]
    """Candidate documents, each scored and confirmed as a match only when reached.

    whoosh's top-N collector raises the score a document needs as its list fills, through
    `replace(minquality)`; candidates scoring less are passed over unconfirmed, which spares
    reading the positions of most of them. A document whose score may not be below
    `minquality` cannot make the list, so the results are what a full check would give.
    """

    _i: int  # ListMatcher's position in `ids`

    def __init__(
        self,
        ids: list[int],
        score: Callable[[list[int]], list[float]],
        confirm: Callable[[list[int]], list[bool]],
        top: float,
        position: int = 0,
        floor: float = 0.0,
        scores: list[float | None] | None = None,
        matches: list[bool | None] | None = None,
        scanned: list[float] | None = None,
    ) -> None:
        """Match those of `ids` (ascending) that `confirm` accepts; `top` bounds scores.

        `score` and `confirm` answer for several documents at once, a run of them: while no
        floor is set every candidate is checked, once one is every candidate is scored.
        """
        super().__init__(ids, position=position)
        self._score = score
        self._confirm = confirm
        self._top = top
        self._floor = floor
        self._scores: list[float | None] = [None] * len(ids) if scores is None else scores
        self._matches: list[bool | None] = [None] * len(ids) if matches is None else matches
        # [index, floor]: every candidate before index scoring at least floor is checked.
        self._scanned: list[float] = [0, math.inf] if scanned is None else scanned
        self._settle()

    def _score_at(self, index: int) -> float:
        found = self._scores[index]
        if found is None:
            stop = min(index + _RUN, len(self._ids))
            self._scores[index:stop] = self._score(self._ids[index:stop])
            found = self._scores[index]
        assert found is not None
        return found

    def _settle(self) -> None:
        # Move on to the first candidate from here that scores enough and is confirmed.
        floor, matches, scores = self._floor, self._matches, self._scores
        index, count = self._i, len(self._ids)
        while index < count:
            if floor:
                value = scores[index]  # looked up here: this loop runs for every candidate
                if (self._score_at(index) if value is None else value) < floor:
                    index += 1
                    continue
            found = matches[index]
            if found is None:
                found = self._check(index)
            if found:
                break
            index += 1
        self._i = index

    def _check(self, index: int) -> bool:
        # Checking a run of candidates at once is cheaper than one by one: with no floor,
        # every candidate from here; with one, those ahead that score enough (the floor may
        # rise before they are reached, sparing them: checking them anyway is harmless).
        floor, matches, count = self._floor, self._matches, len(self._ids)
        if floor:
            picked = [index]
            scanned = self._scanned
            ahead = index + 1
            if floor >= scanned[1] and scanned[0] > ahead:
                ahead = int(scanned[0])  # what lies between was seen with a lower floor
            stop = min(ahead + _AHEAD, count)
            scores = self._scores
            while ahead < stop and len(picked) < _RUN:
                if matches[ahead] is None:
                    value = scores[ahead]
                    if (self._score_at(ahead) if value is None else value) >= floor:
                        picked.append(ahead)
                ahead += 1
            scanned[:] = [ahead, floor]
        else:
            picked = list(range(index, min(index + _RUN, count)))
        for j, answer in zip(picked, self._confirm([self._ids[j] for j in picked]), strict=True):
            matches[j] = answer
        return bool(matches[index])

    def score(self) -> float:  # noqa: D102 - whoosh's matcher protocol
        return self._score_at(self._i)

    def weight(self) -> float:  # noqa: D102
        return self._score_at(self._i)

    def next(self) -> None:  # noqa: D102
        self._i += 1
        self._settle()

    def skip_to(self, id: int) -> None:  # noqa: D102
        super().skip_to(id)
        self._settle()

    def reset(self) -> None:  # noqa: D102
        self._i = 0
        self._settle()

    def all_ids(self) -> Iterator[int]:  # noqa: D102 - ListMatcher's would skip no candidate
        matcher = self.copy()
        while matcher.is_active():
            yield matcher.id()
            matcher.next()

    def all_items(self) -> Iterator[tuple[int, str]]:  # noqa: D102 - no values kept
        return ((doc, "") for doc in self.all_ids())

    def supports(self, astype: str) -> bool:  # noqa: D102 - positions are not kept per match
        return False

    def replace(self, minquality: float = 0) -> Any:  # noqa: D102
        if not self.is_active() or (minquality and self._top < minquality):
            return NullMatcher()
        if minquality > self._floor:
            return self._moved(minquality)
        return self

    def copy(self) -> PhraseListMatcher:  # noqa: D102
        return self._moved(self._floor)

    def _moved(self, floor: float) -> PhraseListMatcher:
        return PhraseListMatcher(self._ids, self._score, self._confirm, self._top, self._i,
                                 floor, self._scores, self._matches, self._scanned)  # fmt: skip

    def max_quality(self) -> float:  # noqa: D102
        return self._top

    def block_max_weight(self) -> float:  # noqa: D102
        return self._top

    def supports_block_quality(self) -> bool:  # noqa: D102
        return False


