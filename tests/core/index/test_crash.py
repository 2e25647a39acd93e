"""A build killed at any moment leaves the previous index, or none; never a broken one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.index.search_index import SearchIndex
from reader.core.library.collection import Library
from tests.conftest import ROOT, SEED_PAGE
from tests.core.seed_variants import SEED_RECORD, variant, write_page

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

BUILD_SCRIPT = """
import sys
from pathlib import Path
from reader.core.index.search_index import SearchIndex
from reader.core.library.collection import Library

home, mode = Path(sys.argv[1]), sys.argv[2]
def progress(done, total, path):
    print("progress", done, total, flush=True)
getattr(SearchIndex(home), mode)(Library(home), progress)
print("finished", flush=True)
"""

EARLY = 10
TOTAL = 300


def write_pages(folder: Path, numbers: range) -> None:
    for number in numbers:
        page = variant(record_id=str(20000 + number), title=f"Generated telegram {number}")
        write_page(folder / f"page-{number:03d}.txt", page)


def run_and_kill(home: Path, mode: str, kill_after: int | None) -> None:
    """Run a build in a real process; SIGKILL it after `kill_after` files (None: after the last)."""
    process = subprocess.Popen(
        [sys.executable, "-c", BUILD_SCRIPT, str(home), mode],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stdout is not None
    try:
        for line in process.stdout:
            words = line.split()
            assert words[0] != "finished", "the build ended before it could be killed"
            done, total = int(words[1]), int(words[2])
            if done == (kill_after or total):
                # The last progress line comes before whoosh's commit and the swap: the kill
                # lands while the index files are being written.
                process.send_signal(signal.SIGKILL)
                break
    finally:
        process.kill()
        process.wait(timeout=30)
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL


@pytest.mark.parametrize(
    ("previous", "mode", "kill_after"),
    [(True, "update", 50), (True, "rebuild", None), (False, "update", 30)],
    ids=["incremental-update-midway", "full-rebuild-at-commit", "first-build-midway"],
)
def test_a_killed_build_leaves_the_old_index_or_none(
    diglot_home: Path, tmp_path: Path, previous: bool, mode: str, kill_after: int | None
) -> None:
    folder = tmp_path / "pages"
    write_pages(folder, range(EARLY))
    library = Library(diglot_home)
    library.add_folder(folder)
    if previous:
        assert SearchIndex(diglot_home).update(library).documents == EARLY + 1
    write_pages(folder, range(EARLY, TOTAL))

    run_and_kill(diglot_home, mode, kill_after)

    survivor = SearchIndex(diglot_home)
    expected = EARLY + 1 if previous else 0
    assert survivor.count == expected
    assert len(survivor.documents()) == expected
    found = {hit.id for hit in survivor.search("Чемульпо", limit=500)}
    assert found == ({SEED_RECORD, *(str(20000 + n) for n in range(EARLY))} if previous else set())

    report = survivor.update(library)
    assert survivor.count == TOTAL + 1
    assert report.errors == [] and report.rebuilt is not previous
    (hit,) = survivor.search('title:"Generated telegram 299"')
    assert hit.id == "20299"
    assert any(Path(h.path) == SEED_PAGE for h in survivor.search("Сеула", limit=500))
    leftovers = sorted(p.name for p in (diglot_home / "index").iterdir() if p.is_dir())
    assert len(leftovers) == 1 and leftovers[0].startswith("gen-")
