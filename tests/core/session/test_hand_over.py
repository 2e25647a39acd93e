from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library.collection import Library
from reader.core.session.hand_over import (
    HandOverError,
    PendingOpen,
    decode_files,
    encode_files,
    socket_name,
)
from tests.conftest import SEED_PAGE


def test_message_carries_absolute_paths_from_the_launchs_directory(tmp_path: Path) -> None:
    message = encode_files([Path("a page.txt"), Path("/abs/Москва.html")], tmp_path)
    assert message.endswith(b"\n") and message.count(b"\n") == 1
    assert decode_files(message.rstrip(b"\n")) == [tmp_path / "a page.txt",
                                                     Path("/abs/Москва.html")]


@pytest.mark.parametrize("message", [
    b"", b"GET / HTTP/1.1", b"\xff\xfe", b"[]", b'{"diglot": 2, "files": []}',
    b'{"diglot": 1, "files": "x"}', b'{"diglot": 1, "files": [""]}',
    b'{"diglot": 1, "files": ["relative.txt"]}', b'{"diglot": 1}',
])
def test_anything_else_on_the_socket_is_refused(message: bytes) -> None:
    with pytest.raises(HandOverError):
        decode_files(message)


def test_socket_name_is_per_user_and_per_data_folder(tmp_path: Path) -> None:
    name = socket_name(tmp_path / "a", "1000")
    assert name == socket_name(tmp_path / "a", "1000")
    assert name != socket_name(tmp_path / "b", "1000")
    assert name != socket_name(tmp_path / "a", "1001")
    assert name.startswith("org.diglot.Diglot-") and len(name) < 60  # a Unix socket path is short
    assert str(tmp_path) not in name


def test_pending_open_waits_for_the_first_good_files_listing(tmp_path: Path) -> None:
    library = Library(tmp_path / "home")
    broken = tmp_path / "made_up_broken.txt"
    broken.write_bytes(b"")
    report = library.import_files([broken, SEED_PAGE])
    pending = PendingOpen()
    pending.imported(report)
    assert pending.waiting
    # The library holds the seed already (its sample root): that file is the one to open.
    assert [done.outcome for done in report.files] == ["failed", "already there"]
    target = str(report.files[1].target)
    assert pending.ready({}) is None  # not listed yet
    assert pending.ready({target: "113729"}) == "113729"
    assert pending.ready({target: "113729"}) is None  # once
    assert not pending.waiting


def test_nothing_to_open_when_every_file_failed(tmp_path: Path) -> None:
    broken = tmp_path / "made_up_broken.txt"
    broken.write_bytes(b"")
    pending = PendingOpen()
    pending.imported(Library(tmp_path / "home").import_files([broken]))
    assert not pending.waiting
