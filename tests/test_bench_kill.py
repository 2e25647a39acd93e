"""A small sample of the kill harness (bench/kill.py runs 100 kills and more)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bench.kill import KINDS, run

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def test_every_start_after_a_kill_finds_a_usable_index_and_the_library_intact(
    tmp_path: Path,
) -> None:
    results = run(tmp_path, kills=3, pages=12, seed=7)
    assert results.problems == []
    assert results.kills == dict.fromkeys(KINDS, 3)
