"""Importing hostile files: pipes, devices, symlink loops; leftovers of killed imports."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.library.collection import Library
from reader.core.library.page_files import clean_leftovers, import_pages
from tests.conftest import ROOT
from tests.core.seed_variants import variant, write_page

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files")


def good_pages(folder: Path, count: int) -> list[Path]:
    return [write_page(folder / f"good-{n}.txt", variant(record_id=str(900400 + n),
                                                        title=f"Imported {n}"))
            for n in range(count)]


def test_a_pipe_a_device_and_a_symlink_loop_are_reported_and_the_rest_imported(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "pages"
    good_pages(folder, 2)
    os.mkfifo(folder / "pipe.txt")  # reading would block forever
    (folder / "zero.txt").symlink_to("/dev/zero")  # reading would fill memory
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "loop-dir").symlink_to(folder / "loop-dir")
    (folder / "dangling.html").symlink_to(folder / "missing.html")
    library_dir = tmp_path / "library"
    # In a child with a deadline: a blocking read would otherwise hang the suite.
    script = (
        "import sys; from pathlib import Path\n"
        "from reader.core.library.page_files import import_pages\n"
        "report = import_pages([Path(sys.argv[1]), Path(sys.argv[1]) / 'pipe.txt'],"
        " Path(sys.argv[2]), {})\n"
        "print(len(report.imported)); [print(line) for line in report.errors]\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(folder), str(library_dir)],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    imported, *errors = done.stdout.splitlines()
    assert imported == "2"
    assert sorted(Path(p).name for p in (library_dir / "pages").iterdir()) == [
        "good-0.txt", "good-1.txt"]
    by_name = {Path(line.split(": ")[0]).name: line for line in errors}
    assert set(by_name) == {"pipe.txt", "zero.txt", "loop.txt", "dangling.html"}
    assert "named pipe" in by_name["pipe.txt"] and "device" in by_name["zero.txt"]
    assert "loops" in by_name["loop.txt"]
    assert len(errors) == 5  # the pipe twice: in the folder and given by name


def test_a_page_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(21 << 20)  # sparse: the size says it all
    report = import_pages([big], tmp_path / "library", {})
    (line,) = report.errors
    assert line.startswith(str(big)) and "too large" in line and "20 MB" in line


def test_an_unwritable_library_is_blamed_not_the_source(tmp_path: Path) -> None:
    (page,) = good_pages(tmp_path / "pages", 1)
    library_dir = tmp_path / "library"
    library_dir.write_text("a file where the library folder should be")
    report = import_pages([page], library_dir, {})
    (line,) = report.errors
    assert "the library cannot be written" in line and str(library_dir) in line


def test_leftovers_of_a_killed_import_are_removed_but_not_a_live_one(
    diglot_home: Path, tmp_path: Path
) -> None:
    library_dir = diglot_home / "library" / "sub"
    library_dir.mkdir(parents=True)
    dead = library_dir / ".import.dead.tmp"
    dead.write_bytes(b"half a page")
    live = library_dir / ".import.live.tmp"
    live.write_bytes(b"being written")
    with subprocess.Popen(  # an import in another process, holding its file's lock
        [sys.executable, "-c", "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDONLY);"
         " fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); sys.stdin.read()",
         str(live)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as holder:
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "held\n"
            assert clean_leftovers(diglot_home / "library") == 1
            assert not dead.exists() and live.exists()
        finally:
            holder.kill()
    assert clean_leftovers(diglot_home / "library") == 1  # its holder is gone now
    assert not live.exists()


def test_an_import_killed_midway_leaves_nothing_the_next_start_keeps(
    diglot_home: Path, tmp_path: Path
) -> None:
    pages = good_pages(tmp_path / "pages", 30)
    script = (
        "import os, sys; from pathlib import Path\n"
        "import reader.core.library.page_files as pf\n"
        # Killed inside a copy: its temporary file written, not yet given its name.
        "pf.os.link = lambda *args: os.kill(os.getpid(), 9)\n"
        "from reader.core.library.collection import Library\n"
        "Library(Path(sys.argv[1])).import_files([Path(p) for p in sys.argv[2:]])\n"
    )
    killed = subprocess.run([sys.executable, "-c", script, str(diglot_home),
                             *map(str, pages)], capture_output=True, text=True, cwd=ROOT,
                            timeout=60)
    assert killed.returncode == -signal.SIGKILL
    leftovers = list((diglot_home / "library").glob(".import.*.tmp"))
    assert len(leftovers) == 1
    report = Library(diglot_home).import_files(pages)
    assert not list((diglot_home / "library").glob(".import.*.tmp"))
    assert len(report.imported) == 30 and not report.errors
