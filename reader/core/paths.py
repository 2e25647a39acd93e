"""Where Diglot keeps things: the data directory and the configuration directory.

Every package may ask; none of them owns the answer, so it lives below them all (language
caches its model under the data directory, the library keeps pages there, commands read the
key file from the configuration directory).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def data_home() -> Path:
    """Where Diglot keeps its data: `$DIGLOT_HOME` when set, else the platform's user data dir."""
    override = os.environ.get("DIGLOT_HOME")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("diglot", appauthor=False))


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
