"""One window per data folder: a QLockFile says who runs, a QLocalServer takes the files.

The rules and the message are Qt-free (`reader.core.session.hand_over`); this module moves the
message. A launch either becomes the instance (it holds the lock and listens) or hands its
files to the one that runs and exits: so two windows never index the same folder at once.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from reader.core.session.hand_over import (
    MAX_MESSAGE,
    REPLY,
    HandOverError,
    decode_files,
    encode_files,
    lock_path,
    socket_name,
)

HAND_OVER_MS = 10_000  # how long a launch tries to reach a window that is starting
STEP_MS = 100


def current_user() -> str:
    """Who runs Diglot: the uid where there is one (Unix), else the login name."""
    getuid = getattr(os, "getuid", None)
    return str(getuid()) if getuid is not None else getpass.getuser()


class InstanceServer(QObject):
    """The running window's end: holds the lock and receives the files of later launches."""

    files_received = Signal(list)  # list[Path], absolute

    def __init__(self, lock: QLockFile, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = lock
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We hold the lock, so no Diglot listens on this name: a socket file left there is a
        # killed instance's, and is removed at once.
        QLocalServer.removeServer(name)
        if not self.server.listen(name):
            raise OSError(f"cannot listen on {name}: {self.server.errorString()}")
        self.server.newConnection.connect(self._on_connection)

    @property
    def socket_path(self) -> str:
        """Where the server listens (a socket file on Unix)."""
        return str(self.server.fullServerName())

    def _on_connection(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            buffer = bytearray()
            socket.readyRead.connect(lambda s=socket, b=buffer: self._on_data(s, b))
            socket.disconnected.connect(socket.deleteLater)

    def _on_data(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(socket.readAll().data())
        if b"\n" not in buffer and len(buffer) < MAX_MESSAGE:
            return  # the rest of the line is on its way
        line = bytes(buffer).split(b"\n", 1)[0]
        buffer.clear()
        try:
            files = decode_files(line)
        except HandOverError:
            socket.abort()  # not ours to answer
            return
        socket.write(REPLY)
        socket.flush()
        socket.disconnectFromServer()
        self.files_received.emit(files)

    def close(self) -> None:
        """Stop listening and let the next launch be the instance."""
        self.server.close()
        self._lock.unlock()


def claim_or_hand_over(home: Path, files: list[Path],
                       timeout_ms: int = HAND_OVER_MS) -> InstanceServer | None:
    """Become the instance for `home`, or give `files` to the one that runs.

    Returns:
        The server when this launch is the instance; None when a running window took the
        files (this launch should exit).

    Raises:
        OSError: when neither worked within `timeout_ms` (a window that does not answer).
    """
    home.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(lock_path(home)))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never for its age
    name = socket_name(home, current_user())
    message = encode_files(files, Path.cwd())
    deadline = QDeadlineTimer(timeout_ms)
    while True:
        # tryLock removes a lock whose process is gone (killed): it is reclaimed at once.
        if lock.tryLock(0):
            return InstanceServer(lock, name)
        if _send(name, message):
            return None
        if deadline.hasExpired():
            raise OSError(f"another Diglot holds {lock_path(home)} but does not answer")
        # The holder is starting and not listening yet: wait for it, a step at a time.
        if lock.tryLock(STEP_MS):
            return InstanceServer(lock, name)


def _send(name: str, message: bytes) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(STEP_MS * 10):
        return False
    socket.write(message)
    if not socket.waitForBytesWritten(HAND_OVER_MS):
        return False
    reply = bytearray()
    while not reply.endswith(b"\n") and socket.waitForReadyRead(HAND_OVER_MS):
        reply += bytes(socket.readAll().data())
    socket.abort()
    return bytes(reply) == REPLY
