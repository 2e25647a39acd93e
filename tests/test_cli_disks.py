"""Disks and permissions, for real: a read-only data folder, unreadable folders, a full disk.

Permissions are real `chmod`s. The tests run as root, which reads and writes whatever the
mode bits say: there, each command runs with the two capabilities that let root do so dropped
(`setpriv --bounding-set -dac_override,-dac_read_search`), so the bits apply to it as to any
user. A full disk is a real one: a 2 MB tmpfs, filled, in a private mount namespace (`unshare -rm`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.core.seed_variants import variant, write_page

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def denying() -> list[str]:
    """The prefix that makes permission bits apply to the command (see the module)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: mode bits cannot deny root anything")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


def diglot(
    home: Path, *args: str, prefix: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DIGLOT_HOME": str(home), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [*(denying() if prefix is None else prefix), sys.executable, "-m", "reader", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=120)


def pages(folder: Path, first: int, count: int) -> None:
    for number in range(first, first + count):
        write_page(folder / f"page-{number}.txt",
                   variant(record_id=str(900800 + number), title=f"Disk page {number}"))


@pytest.fixture
def home(diglot_home: Path) -> Path:
    pages(diglot_home / "library", 0, 3)
    pages(diglot_home / "library" / "sub", 3, 2)
    assert diglot(diglot_home, "index", prefix=[]).returncode == 0
    return diglot_home


def chmod_tree(root: Path, mode: int) -> None:
    for folder, _dirs, files in os.walk(root):
        os.chmod(folder, mode | 0o111)
        for name in files:
            os.chmod(os.path.join(folder, name), mode)


def one_warning(err: str, fragment: str) -> str:
    (line,) = [line for line in err.splitlines() if fragment in line]
    return line


def test_a_read_only_data_folder_still_lists_searches_and_shows(home: Path) -> None:
    pages(home / "library", 10, 1)  # a change the index cannot take in
    chmod_tree(home, 0o444)
    try:
        listed = diglot(home, "list")
        found = diglot(home, "search", "Сеула")
        shown = diglot(home, "show", "made-up-900800")
    finally:
        chmod_tree(home, 0o644)
    for done in (listed, found, shown):
        assert done.returncode == 0, done.stderr
        line = one_warning(done.stderr, "changes cannot be saved")
        assert "Permission denied" in line and line.endswith("showing the library as last indexed")
        assert "Traceback" not in done.stderr
    assert "900804" in listed.stdout and "900810" not in listed.stdout
    assert "900800" in found.stdout and "Disk page 0" in shown.stdout


def test_an_unreadable_folder_keeps_its_documents_until_it_reads_again(home: Path) -> None:
    sub = home / "library" / "sub"
    sub.chmod(0o000)
    try:
        blocked = diglot(home, "list")
        searched = diglot(home, "search", 'title:"Disk page 4"')
    finally:
        sub.chmod(0o755)
    assert blocked.returncode == 0, blocked.stderr
    line = one_warning(blocked.stderr, "cannot be read")
    assert str(sub) in line and line.endswith("its documents are kept as last indexed")
    assert "900803" in blocked.stdout and "900804" in blocked.stdout
    assert "900804" in searched.stdout
    again = diglot(home, "list")
    assert "cannot be read" not in again.stderr and "900804" in again.stdout


def test_an_unwritable_library_is_blamed_not_the_page(home: Path, tmp_path: Path) -> None:
    pages(tmp_path / "new", 20, 1)
    library = home / "library"
    library.chmod(0o555)
    try:
        done = diglot(home, "import", str(tmp_path / "new" / "page-20.txt"))
    finally:
        library.chmod(0o755)
    assert done.returncode == 1
    line = one_warning(done.stderr, "page-20.txt")
    assert "the library cannot be written" in line and "Permission denied" in line
    assert str(library) in line


def test_an_unreadable_cache_is_done_without(home: Path) -> None:
    cache = home / "cache"
    cache.mkdir(exist_ok=True)
    cache.chmod(0o000)
    try:
        checked = diglot(home, "check", str(home / "library" / "page-0.txt"))
        shown = diglot(home, "show", "made-up-900801")
    finally:
        cache.chmod(0o755)
    assert checked.returncode == 0, checked.stderr
    assert shown.returncode == 0, shown.stderr
    assert "Disk page 1" in shown.stdout and "Traceback" not in shown.stderr


_FULL_DISK = r"""
set -e
mount -t tmpfs -o size=2m tmpfs "$1"
cp -a "$2"/library "$2"/index "$2"/file-hashes.json "$1"/
cp "$3" "$1"/library/late.txt
head -c 4M /dev/zero > "$1"/filler 2>/dev/null || true
export DIGLOT_HOME="$1" PYTHONDONTWRITEBYTECODE=1
for command in "list" "search Сеула"; do
    "$4" -m reader $command > "$1.out" 2> "$1.err" && echo "exit 0" || echo "exit $?"
    cat "$1.out"; echo "--stderr"; cat "$1.err"; echo "--end"
done
"$4" -m reader import "$5" 2>&1 || echo "exit $?"
"""


def test_a_full_disk_leaves_reading_working(home: Path, tmp_path: Path) -> None:
    if shutil.which("unshare") is None:
        pytest.skip("no unshare: a real full disk needs a private tmpfs")
    mount = tmp_path / "full"
    mount.mkdir()
    late = write_page(tmp_path / "late.txt", variant(record_id="900830", title="Late page"))
    incoming = write_page(tmp_path / "in" / "incoming.txt",
                          variant(record_id="900831", title="Incoming page"))
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"unshare -rm is not allowed here: {probe.stderr.decode().strip()}")
    done = subprocess.run(["unshare", "-rm", "sh", "-c", _FULL_DISK, "sh", str(mount), str(home),
                           str(late), sys.executable, str(incoming)],
                          capture_output=True, text=True, cwd=ROOT, timeout=180)
    assert done.returncode == 0, done.stderr
    listed, searched, imported = done.stdout.split("--end\n")
    for run in (listed, searched):
        assert run.startswith("exit 0"), run
        line = one_warning(run, "changes cannot be saved")
        assert "No space left on device" in line
    assert "900804" in listed and "900830" not in listed
    assert "900800" in searched
    line = one_warning(imported, "incoming.txt")
    assert "the library cannot be written" in line and "No space left on device" in line


def test_a_damaged_index_that_cannot_be_rebuilt_is_one_line_not_a_traceback(
    home: Path,
) -> None:
    (segment,) = (home / "index").glob("gen-*/*.seg")
    segment.write_bytes(bytes(segment.stat().st_size))
    chmod_tree(home, 0o444)
    try:
        done = diglot(home, "search", "Сеула")
    finally:
        chmod_tree(home, 0o644)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert one_warning(done.stderr, "changes cannot be saved")
    line = done.stderr.strip().splitlines()[-1]
    assert line.startswith("diglot: ") and segment.name in line
