"""Shared fixtures: every test gets its own DIGLOT_HOME, so no test touches real user data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_PAGE = SEEDS / "000_6ac3a21e3d46086e.txt"
DATA = Path(__file__).resolve().parent / "core" / "data"


@pytest.fixture(autouse=True)
def diglot_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "diglot-home"
    monkeypatch.setenv("DIGLOT_HOME", str(home))
    return home


@pytest.fixture
def seed_page() -> Path:
    return SEED_PAGE
