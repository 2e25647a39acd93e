from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.align.alignment import Alignment
from reader.core.align.cache_file import cached_or_computed, read_alignment, write_alignment
from reader.core.align.store import AlignmentStore
from reader.core.page.parser import parse_page
from tests.conftest import SEED_PAGE


def test_an_alignment_written_reads_back_equal(tmp_path: Path) -> None:
    document = parse_page(SEED_PAGE)
    assert document.original is not None
    alignment = AlignmentStore(tmp_path).computed(document.original, document.translations[0])
    path = tmp_path / "cache" / "key.json"
    write_alignment(path, alignment)
    assert read_alignment(path) == alignment


@pytest.mark.parametrize("content", [None, b"", b"{damaged", b'{"n_original": 1}', b"\xff\xfe"])
def test_a_missing_or_damaged_file_reads_as_none(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "key.json"
    if content is not None:
        path.write_bytes(content)
    assert read_alignment(path) is None


def test_a_write_that_fails_is_no_error(tmp_path: Path) -> None:
    # A cache: a full disk or a read-only data folder only means aligning again next time.
    document = parse_page(SEED_PAGE)
    assert document.original is not None
    alignment = AlignmentStore(tmp_path / "home").computed(document.original,
                                                           document.translations[0])  # fmt: skip
    in_the_way = tmp_path / "key.json"
    in_the_way.mkdir()  # os.replace cannot put a file there
    write_alignment(in_the_way, alignment)
    assert in_the_way.is_dir() and read_alignment(in_the_way) is None


def test_computed_once_then_read(tmp_path: Path) -> None:
    document = parse_page(SEED_PAGE)
    assert document.original is not None
    alignment = AlignmentStore(tmp_path / "home").computed(document.original,
                                                           document.translations[0])  # fmt: skip
    calls: list[int] = []

    def compute() -> Alignment:
        calls.append(1)
        return alignment

    path = tmp_path / "key.json"
    assert cached_or_computed(path, compute) == alignment
    assert cached_or_computed(path, compute) == alignment
    assert calls == [1] and read_alignment(path) == alignment
