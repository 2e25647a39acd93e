"""A writer killed at random moments never loses or damages a committed annotation."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from bench.annotation_kill import kill_once

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def test_ten_kills_leave_every_committed_annotation(tmp_path: Path) -> None:
    rng = random.Random()  # a new moment each run; bench/annotation_kill.py does 200
    home = tmp_path / "home"
    checked = 0
    for _ in range(10):
        lines, problem = kill_once(home, rng)
        assert problem == ""
        checked += lines
    assert checked >= 10
