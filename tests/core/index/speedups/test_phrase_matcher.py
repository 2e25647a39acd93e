from __future__ import annotations

import pytest
from whoosh.formats import Positions

from reader.core.index.speedups.phrase_matcher import (
    PhraseListMatcher,
    decode_many,
    decode_positions,
    has_phrase,
    phrase_starts,
    words_in_a_row,
)


def test_phrase_starts() -> None:
    assert phrase_starts([[1, 5, 9], [2, 7, 10]]) == {1, 9}
    assert has_phrase([[1, 5, 9], [2, 7, 10]]) and not has_phrase([[1], [3]])
    two = [[[1, 5], [1], [4]], [[2], [3], iter([5])]]  # two words, three documents
    assert words_in_a_row(two) == [True, False, True]
    three = [[[1], [1]], [[2], [2]], [[3], [4]]]
    assert words_in_a_row(three) == [True, False]
    assert phrase_starts([[0, 1, 2], [0, 1, 2]]) == {0, 1}  # "red red" in "red red red"
    assert phrase_starts([[3], [4], [6]]) == set()
    assert phrase_starts([iter([3, 8]), iter([4, 9]), iter([5])]) == {3}
    assert phrase_starts([[4], [], [6]]) == set()


@pytest.mark.parametrize("positions", [[0], [0, 1, 2], [5, 300, 70000], list(range(0, 900, 3))])
def test_positions_decode_as_whoosh_decodes_them(positions: list[int]) -> None:
    value = Positions().encode(positions)
    assert list(decode_positions(value)) == Positions().decode_positions(value) == positions


def test_many_values_decode_at_once_as_one_by_one() -> None:
    lists = [[0], [], [3, 4, 90], list(range(0, 5000, 2)), [70000, 70001], [7]]
    values = [Positions().encode(found) for found in lists]
    assert list(map(list, decode_many(values))) == lists
    assert list(map(list, decode_many(values[:1]))) == lists[:1]
    odd = [*values, values[0][:-1]]  # a value without its STOP opcode is read on its own
    assert list(map(list, decode_many(odd))) == [*lists, lists[0]]


def test_candidates_below_the_needed_score_are_never_checked() -> None:
    checked: list[int] = []

    def confirm(docs: list[int]) -> list[bool]:
        checked.extend(docs)
        return [doc % 2 == 0 for doc in docs]  # odd documents do not hold the phrase

    scores = {1: 5.0, 2: 1.0, 3: 9.0, 4: 2.0, 6: 7.0, 8: 7.5}

    def score(docs: list[int]) -> list[float]:
        return [scores[doc] for doc in docs]

    matcher = PhraseListMatcher(sorted(scores), score, confirm, top=9.0)
    # With no score to beat every candidate is checked, a run at a time.
    assert matcher.id() == 2 and checked == [1, 2, 3, 4, 6, 8]
    checked.clear()
    matcher = PhraseListMatcher(sorted(scores), score, confirm, top=9.0, floor=3.0)
    # With one, only the candidates scoring enough: 2 (1.0) and 4 (2.0) are never checked.
    assert matcher.id() == 6 and checked == [1, 3, 6, 8]
    raised = matcher.replace(7.2)  # the collector now needs 7.2 at least
    assert [raised.id(), raised.score()] == [8, 7.5]
    raised.next()
    assert not raised.is_active() and checked == [1, 3, 6, 8]  # none checked twice
    assert list(matcher.all_ids()) == [6, 8] and matcher.id() == 6
    assert list(matcher.all_items()) == [(6, ""), (8, "")] and not matcher.supports("positions")
    assert matcher.replace(9.5).is_active() is False  # no candidate can score that much
    skipped = matcher.copy()
    skipped.skip_to(7)
    assert skipped.id() == 8
