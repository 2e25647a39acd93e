"""One Diglot per data folder: how a second launch hands its files to the running window.

Qt-free: the names (the lock file, the local socket), the message a launch sends, and which
document the window opens once the files it was given are imported. `reader/ui/single_instance.py`
carries the message over a QLocalSocket.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from reader import APP_ID
from reader.core.library.page_files import ImportReport

PROTOCOL = 1
LOCK_NAME = "instance.lock"
REPLY = b"ok\n"  # the running window got the files: the launch may exit
MAX_MESSAGE = 1 << 20  # a megabyte of paths is thousands of files: more is not a launch


class HandOverError(ValueError):
    """A message on the instance socket that is not a launch's list of files."""


def lock_path(home: Path) -> Path:
    """The lock file held by the window that owns the data folder `home`."""
    return home / LOCK_NAME


def socket_name(home: Path, user: str) -> str:
    """The local socket the running window listens on: one per user and data folder.

    Two data folders (a test's, a portable copy's) are two instances; the name is short, as a
    Unix socket path must be, and says nothing of the folder it stands for.

    Args:
        home: the data folder (`paths.data_home()`).
        user: who runs it (a user id or name): another user's window is never reached.
    """
    key = f"{user}\0{home.expanduser().resolve()}".encode()
    return f"{APP_ID}-{hashlib.sha256(key).hexdigest()[:16]}"


def encode_files(files: Sequence[Path], cwd: Path) -> bytes:
    """The message a launch sends: its files as absolute paths (the window has its own cwd).

    Args:
        files: the files and folders named on the command line, as given.
        cwd: the launch's working directory, against which relative names are made absolute.

    Returns:
        One line of JSON, ending in a newline (the receiver reads up to it).
    """
    absolute = [str(cwd / path) if not path.is_absolute() else str(path) for path in files]
    return json.dumps({"diglot": PROTOCOL, "files": absolute}).encode() + b"\n"


def decode_files(message: bytes) -> list[Path]:
    """The files a launch sent; see `encode_files`.

    Raises:
        HandOverError: when `message` is not one (another program on the socket, a newer
            Diglot's message, a truncated line).
    """
    try:
        data = json.loads(message.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise HandOverError(f"not a Diglot launch message: {error}") from None
    if not isinstance(data, dict) or data.get("diglot") != PROTOCOL:
        raise HandOverError("not a Diglot launch message of this version")
    files = data.get("files")
    if not isinstance(files, list) or not all(isinstance(f, str) and f for f in files):
        raise HandOverError("the launch message's files are not a list of paths")
    paths = [Path(name) for name in files]
    if not all(path.is_absolute() for path in paths):
        raise HandOverError("the launch message holds a relative path")
    return paths


class PendingOpen:
    """The document to open once files given at launch (or handed over) are imported.

    The first file that imports, or that the library already holds, is opened as soon as the
    document list knows its library file; files that fail to import are reported by the import
    and skipped here.
    """

    def __init__(self) -> None:
        self._target: str | None = None

    @property
    def waiting(self) -> bool:
        """Whether a file waits to be listed before it opens."""
        return self._target is not None

    def imported(self, report: ImportReport) -> None:
        """Remember the library file of the first file `report` imported or found there."""
        self._target = next((str(done.target) for done in report.files
                             if done.outcome != "failed" and done.target is not None), None)

    def ready(self, records_by_path: Mapping[str, str]) -> str | None:
        """The id of the document to open now, once; None while its file is not listed.

        Args:
            records_by_path: the listed documents' ids by their library file's path.
        """
        if self._target is None:
            return None
        doc_id = records_by_path.get(self._target)
        if doc_id is not None:
            self._target = None
        return doc_id
