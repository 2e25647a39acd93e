"""A small sample of bench/concurrent.py: two imports, a search, a listing and a window."""

from __future__ import annotations

from pathlib import Path

from bench.concurrent import run


def test_processes_on_one_library_at_once_lose_and_break_nothing(tmp_path: Path) -> None:
    results = run(tmp_path, rounds=1, pages=10, window=True)
    assert results.problems == []
    assert results.rounds == 1 and results.processes == 5
