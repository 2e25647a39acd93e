"""The user's key file: keys.toml in the configuration directory, read all or nothing."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs

from reader.core.commands.keymap import Keymap, KeymapError


def config_dir() -> Path:
    """Return Diglot's configuration directory.

    `DIGLOT_CONFIG` wins when set; otherwise `DIGLOT_HOME/config` when `DIGLOT_HOME` is set
    (the same switch that keeps tests and portable installs away from real user data);
    otherwise the platform's user configuration directory.
    """
    explicit = os.environ.get("DIGLOT_CONFIG")
    if explicit:
        return Path(explicit)
    home = os.environ.get("DIGLOT_HOME")
    if home:
        return Path(home) / "config"
    return Path(platformdirs.user_config_dir("diglot"))


def keys_path() -> Path:
    """Return the path of the user's key overrides, `keys.toml` in `config_dir()`."""
    return config_dir() / "keys.toml"


def _read_overrides(data: Mapping[str, Any]) -> tuple[dict[str, list[str]], list[str]]:
    """The [keys] table of a parsed keys.toml, and the problems with its shape (unprefixed)."""
    problems = [
        f"unknown section [{name}] (only [keys] is read)" for name in data if name != "keys"
    ]
    table = data.get("keys", {})
    if not isinstance(table, dict):
        return {}, [*problems, "'keys' must be a table: [keys]"]
    overrides: dict[str, list[str]] = {}
    for name, value in table.items():
        # A lone string is read as a one-key list: forgiving, and it cannot mean anything else.
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
            problems.append(
                f'"{name}" must be a list of keys like ["Ctrl+J"], not {_describe(value)}'
            )
            continue
        overrides[name] = value
    return overrides, problems


def _describe(value: object) -> str:
    """A short phrase for a wrong TOML value, e.g. "the number 5"."""
    if isinstance(value, list):
        return "a list with non-text items"
    kinds = {bool: "a true/false value", int: "a number", float: "a number", dict: "a table"}
    return kinds.get(type(value), f"a {type(value).__name__}")


def load_keymap(path: Path | None = None) -> tuple[Keymap, list[str]]:
    """Load the keymap: the defaults plus the user's overrides from a keys.toml.

    The file looks like::

        [keys]
        "next-document" = ["Ctrl+J"]
        "toggle-scroll-lock" = []

    It is all or nothing: if anything in the file is wrong, none of it applies and the
    defaults stay in force, so a typo never leaves the user without keys.

    Args:
        path: The file to read; `keys_path()` when None. A missing file is not a problem.

    Returns:
        The keymap, and one line per problem, each naming the file (empty when all is well).
    """
    path = keys_path() if path is None else path
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Keymap(), []
    except OSError as exc:
        return Keymap(), [f"{path}: cannot be read: {exc}"]
    import tomllib  # only for a keys file: most start-ups have none

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        return Keymap(), [f"{path}: not valid TOML: {exc}"]
    except UnicodeDecodeError as exc:
        return Keymap(), [f"{path}: cannot be read: {exc}"]
    overrides, problems = _read_overrides(data)
    try:
        keymap = Keymap(overrides)
    except KeymapError as exc:
        problems += exc.problems
    if problems:
        return Keymap(), [f"{path}: {problem}" for problem in problems]
    return keymap, []
