"""One instance per data folder, with real processes: the window here, a launch beside it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from reader.core.session.hand_over import lock_path
from reader.ui.app import DiglotApp
from reader.ui.single_instance import InstanceServer, claim_or_hand_over
from tests.conftest import DATA, ROOT
from tests.ui.test_app import start

GERMAN = "made_up_german_original.txt"  # record "made-up-120005"


def child_env(home: Path) -> dict[str, str]:
    return {**os.environ, "DIGLOT_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": str(ROOT)}


@pytest.fixture
def instance(diglot_home: Path) -> Iterator[InstanceServer]:
    server = claim_or_hand_over(diglot_home, [])
    assert server is not None
    yield server
    server.close()


def test_a_second_launch_hands_its_files_to_the_running_window(
    qtbot: QtBot, diglot_home: Path, instance: InstanceServer
) -> None:
    app: DiglotApp = start(qtbot, diglot_home)  # the seed is open
    instance.files_received.connect(app.open_paths)
    # `diglot FILE` from another directory, with a name relative to it.
    launch = subprocess.Popen([sys.executable, "-m", "reader.cli", GERMAN], cwd=DATA,
                              env=child_env(diglot_home), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        qtbot.waitUntil(lambda: launch.poll() is not None, timeout=30000)
    finally:
        launch.kill()
    out, err = launch.communicate()
    assert (launch.returncode, out, err) == (0, "", "")
    qtbot.waitUntil(lambda: app.workspace.reading.document is not None
                    and app.workspace.reading.document.id == "made-up-120005", timeout=30000)
    assert (diglot_home / "library" / GERMAN).read_bytes() == (DATA / GERMAN).read_bytes()
    app.shutdown()


def test_a_killed_instances_lock_and_socket_are_reclaimed_at_once(
    qtbot: QtBot, diglot_home: Path
) -> None:
    with subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from pathlib import Path\n"
         "from PySide6.QtCore import QCoreApplication\n"
         "from reader.ui.single_instance import claim_or_hand_over\n"
         "app = QCoreApplication([])\n"
         "server = claim_or_hand_over(Path(sys.argv[1]), [])\n"
         "print(server.socket_path, flush=True)\n"
         "sys.stdin.read()\n", str(diglot_home)],
        env=child_env(diglot_home), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    ) as holder:
        assert holder.stdout is not None
        socket_file = Path(holder.stdout.readline().strip())  # it listens: it holds both
        holder.send_signal(signal.SIGKILL)
    assert socket_file.exists() and lock_path(diglot_home).exists()  # left behind
    server = claim_or_hand_over(diglot_home, [], timeout_ms=0)  # no waiting for a dead one
    try:
        assert server is not None and server.socket_path == str(socket_file)
        client = QLocalSocket()
        client.connectToServer(server.socket_path)
        assert client.waitForConnected(5000)
        client.abort()
    finally:
        if server is not None:
            server.close()


def test_a_launch_that_finds_no_window_becomes_the_instance(
    qtbot: QtBot, diglot_home: Path
) -> None:
    server = claim_or_hand_over(diglot_home, [DATA / GERMAN], timeout_ms=0)
    assert server is not None
    server.close()
    again = claim_or_hand_over(diglot_home, [], timeout_ms=0)  # closing let go of the lock
    assert again is not None
    again.close()
