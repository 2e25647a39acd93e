"""A small sample of bench/fuzz_pages.py: every kind of fuzzed page parses or is refused."""

from __future__ import annotations

import pytest

from bench.fuzz_pages import pages, parse_one


@pytest.mark.parametrize("seed", [1, 2])
def test_fuzzed_pages_raise_nothing_but_page_error(seed: int) -> None:
    kinds = set()
    for kind, data in pages(25, seed):
        kinds.add(kind)
        _seconds, error = parse_one(data)
        assert error is None, f"{kind}: {error!r}"
    assert kinds == {"random", "mutated", "html", "huge-line", "encoded"}
