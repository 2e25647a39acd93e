"""`diglot --self-test` from the source tree: the same checks the frozen app runs on itself."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_self_test_indexes_opens_renders_prints_and_serves(diglot_home: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "entry.py"), "--self-test"],
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    line, = result.stdout.splitlines()
    assert line.startswith("diglot self-test ok: indexed 1 document, opened record 113729")
    assert "Cyrillic letters in DejaVu" in line and "PDF of 2 pages" in line
    assert not diglot_home.exists()  # its own temporary home, gone again
