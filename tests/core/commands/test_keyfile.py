from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from reader.core.commands.keyfile import config_dir, keys_path, load_keymap
from reader.core.commands.keymap import DEFAULT_KEYMAP, MatchState


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "keys.toml"
    path.write_text(text, encoding="utf-8")
    return path


def assert_defaults(keymap_keys: dict[str, tuple[str, ...]]) -> None:
    assert keymap_keys == {entry.name: entry.keys for entry in DEFAULT_KEYMAP}


def test_missing_file_gives_defaults_quietly(tmp_path: Path) -> None:
    keymap, problems = load_keymap(tmp_path / "absent.toml")
    assert problems == []
    assert keymap.keys_for("next-document") == ("Alt+Down", "Ctrl+PgDown")


def test_overrides_apply(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[keys]\n"next-document" = ["Ctrl+J"]\n"toggle-scroll-lock" = []\nquit = "ctrl+w"\n',
    )
    keymap, problems = load_keymap(path)
    assert problems == []
    assert keymap.keys_for("next-document") == ("Ctrl+J",)
    assert keymap.keys_for("toggle-scroll-lock") == ()
    assert keymap.keys_for("quit") == ("Ctrl+W",)
    assert keymap.feed("Ctrl+J").command == "next-document"
    assert keymap.feed("s").state is MatchState.NONE


def test_unknown_command_reported_and_defaults_kept(tmp_path: Path) -> None:
    path = write(tmp_path, '[keys]\n"next-document" = ["Ctrl+J"]\n"nxt-page" = ["x"]\n')
    keymap, problems = load_keymap(path)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}: unknown command 'nxt-page'")
    assert "\n" not in problems[0]
    # All or nothing: the valid line is not applied either.
    assert_defaults({e.name: keymap.keys_for(e.name) for e in DEFAULT_KEYMAP})


def test_duplicate_key_reported_and_defaults_kept(tmp_path: Path) -> None:
    path = write(tmp_path, '[keys]\n"next-document" = ["k"]\n')
    keymap, problems = load_keymap(path)
    assert len(problems) == 1
    assert str(path) in problems[0]
    assert "'k' is bound to both" in problems[0]
    assert keymap.feed("k").command == "scroll-up"


def test_prefix_reported(tmp_path: Path) -> None:
    path = write(tmp_path, '[keys]\n"help" = ["c"]\n')
    keymap, problems = load_keymap(path)
    assert problems
    assert all("is the start of" in p and p.startswith(str(path)) for p in problems)
    assert keymap.keys_for("help") == ("?", "F1")


def test_malformed_toml_reported(tmp_path: Path) -> None:
    path = write(tmp_path, '[keys]\n"next-document" = ["Ctrl+J"\n')
    keymap, problems = load_keymap(path)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}: not valid TOML")
    assert keymap.keys_for("next-document") == ("Alt+Down", "Ctrl+PgDown")


def test_undecodable_file_reported(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_bytes(b'[keys]\n"quit" = ["\xff"]\n')
    _, problems = load_keymap(path)
    assert len(problems) == 1
    assert problems[0].startswith(str(path))


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[keys]\nquit = 5\n", '"quit" must be a list of keys like ["Ctrl+J"], not a number'),
        ('[keys]\nquit = ["Ctrl+Q", 3]\n', "a list with non-text items"),
        ("[keys]\nquit = true\n", "a true/false value"),
        ("[keys.quit]\nx = 1\n", "a table"),
        ('keys = "x"\n', "'keys' must be a table"),
        ('[key]\nquit = ["Ctrl+W"]\n', "unknown section [key]"),
        ('[keys]\nquit = ["Ctrl+Nope"]\n', "'quit': unknown key 'Nope'"),
    ],
)
def test_wrong_shapes_reported(tmp_path: Path, text: str, fragment: str) -> None:
    path = write(tmp_path, text)
    keymap, problems = load_keymap(path)
    assert any(fragment in p for p in problems), problems
    assert all(p.startswith(f"{path}: ") for p in problems)
    assert keymap.keys_for("quit") == ("Ctrl+Q",)


def test_several_problems_all_reported(tmp_path: Path) -> None:
    path = write(tmp_path, '[keys]\nnope = ["x"]\nquit = 1\nhelp = ["j"]\n')
    _, problems = load_keymap(path)
    assert len(problems) == 3


def test_config_dir_prefers_diglot_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGLOT_CONFIG", str(tmp_path / "cfg"))
    assert config_dir() == tmp_path / "cfg"
    assert keys_path() == tmp_path / "cfg" / "keys.toml"


def test_config_dir_follows_diglot_home(diglot_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DIGLOT_CONFIG", raising=False)
    assert config_dir() == diglot_home / "config"


def test_config_dir_defaults_to_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DIGLOT_CONFIG", raising=False)
    monkeypatch.delenv("DIGLOT_HOME", raising=False)
    assert config_dir() == Path(platformdirs.user_config_dir("diglot"))


def test_load_keymap_reads_the_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGLOT_CONFIG", str(tmp_path))
    write(tmp_path, '[keys]\nquit = ["Ctrl+W"]\n')
    keymap, problems = load_keymap()
    assert problems == []
    assert keymap.keys_for("quit") == ("Ctrl+W",)
