from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from reader.core.paths import config_dir, data_home


def test_data_home_follows_diglot_home(diglot_home: Path) -> None:
    assert data_home() == diglot_home


def test_data_home_defaults_to_the_platform_user_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DIGLOT_HOME")
    home = data_home()
    assert home.is_absolute()
    assert "diglot" in home.name.lower()


def test_config_dir_prefers_diglot_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGLOT_CONFIG", str(tmp_path / "cfg"))
    assert config_dir() == tmp_path / "cfg"


def test_config_dir_follows_diglot_home(diglot_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DIGLOT_CONFIG", raising=False)
    assert config_dir() == diglot_home / "config"


def test_config_dir_defaults_to_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DIGLOT_CONFIG", raising=False)
    monkeypatch.delenv("DIGLOT_HOME", raising=False)
    assert config_dir() == Path(platformdirs.user_config_dir("diglot"))
