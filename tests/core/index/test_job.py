"""An index update in a child process: its messages, and a child killed midway."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

from reader.core.index.job import IndexJob
from reader.core.index.job_messages import (
    JobDone,
    JobEntries,
    JobFailed,
    JobListing,
    JobMessage,
    JobProgress,
)
from reader.core.index.search_index import SearchIndex
from reader.core.library.collection import Library
from tests.conftest import DATA
from tests.core.seed_variants import SEED_RECORD, made_up_id, variant, write_page, write_variants

PAGES = 60


def run_to_end(job: IndexJob) -> list[JobMessage]:
    messages: list[JobMessage] = []
    while not job.finished:
        messages.extend(job.receive(budget=0.05, wait=30))
    return messages


def run_to_end_of(job: IndexJob, changed: list[Path] | None = None) -> list[JobMessage]:
    job.start(changed)
    return run_to_end(job)


def test_a_job_streams_progress_entries_and_the_listing(diglot_home: Path) -> None:
    library = diglot_home / "library"
    write_variants(library, 5, 30000)
    (library / "broken.txt").write_text("not an archive page", encoding="utf-8")
    job = IndexJob(diglot_home)
    job.start()
    messages = run_to_end(job)

    done = messages[-1]
    assert isinstance(done, JobDone)
    assert done.report.rebuilt and done.report.documents == 6  # five pages and the seed
    assert [Path(error.path).name for error in done.report.errors] == ["broken.txt"]
    progress = [m for m in messages if isinstance(m, JobProgress)]
    assert progress[-1].done == progress[-1].total == 7
    shown = {e.id for m in messages if isinstance(m, JobEntries) for e in m.entries}
    listed = [e for m in messages if isinstance(m, JobListing) for e in m.entries]
    expected = {SEED_RECORD, *(made_up_id(30000 + n) for n in range(5))}
    assert shown == {e.id for e in listed} == expected
    assert listed == SearchIndex(diglot_home).documents()
    assert not job.wait(0)  # the child waits for another update
    job.close()
    assert job.wait(0)


def test_a_second_job_with_nothing_to_do_lists_the_index(diglot_home: Path) -> None:
    (diglot_home / "library").mkdir(parents=True)
    shutil.copy(DATA / "made_up_no_original.txt", diglot_home / "library")
    first = IndexJob(diglot_home)
    first.start()
    run_to_end(first)
    again = IndexJob(diglot_home)
    again.start()
    messages = run_to_end(again)
    assert not any(isinstance(m, JobEntries | JobProgress) for m in messages)
    done = messages[-1]
    assert isinstance(done, JobDone) and done.report.unchanged == 2
    assert len([e for m in messages if isinstance(m, JobListing) for e in m.entries]) == 2


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_child_killed_midway_is_reported_and_the_next_update_recovers(
    diglot_home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "pages"
    write_variants(folder, PAGES, 30000)
    Library(diglot_home).add_folder(folder)
    index = SearchIndex(diglot_home)
    job = IndexJob(diglot_home)
    seen: list[JobMessage] = []
    # Holding the writer, the child cannot publish before it is killed, however fast it is.
    with index.store.writing():
        job.start()
        assert job.pid is not None
        os.kill(job.pid, signal.SIGKILL)
        while not job.finished:
            seen.extend(job.receive(budget=0.05, wait=30))
    last = seen[-1]
    assert isinstance(last, JobFailed) and str(-signal.SIGKILL) in last.reason
    assert index.count == 0  # the killed first build published nothing
    report = index.update(Library(diglot_home))
    assert report.rebuilt and report.documents == PAGES + 1
    leftovers = [p.name for p in (diglot_home / "index").iterdir() if p.is_dir()]
    assert len(leftovers) == 1 and leftovers[0].startswith("gen-")


def test_a_cancelled_job_says_nothing_more(diglot_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    write_variants(folder, PAGES, 30000)
    Library(diglot_home).add_folder(folder)
    job = IndexJob(diglot_home)
    job.start()
    while not job.receive(wait=30):
        pass
    job.cancel()
    assert job.finished and job.receive() == []
    assert job.wait(0)
    assert SearchIndex(diglot_home).update(Library(diglot_home)).documents == PAGES + 1


def test_a_kept_child_runs_the_next_updates(diglot_home: Path, tmp_path: Path) -> None:
    library = diglot_home / "library"
    write_variants(library, 3, 30000)
    job = IndexJob(diglot_home)
    job.start()
    assert isinstance(run_to_end(job)[-1], JobDone)
    child = job.pid
    # Told which file changed (as after an import), by the same child.
    write_page(library / "new.txt", variant(record_id="31000", title="A new page"))
    job.start(changed=[library / "new.txt"])
    messages = run_to_end(job)
    done = messages[-1]
    assert isinstance(done, JobDone) and (done.report.added, done.report.unchanged) == (1, 4)
    assert done.report.documents == 5 and job.pid == child

    def listed(messages: list[JobMessage]) -> list[str]:
        return sorted(e.id for m in messages if isinstance(m, JobListing) for e in m.entries)

    # The child sent only what changed; the job hands on the whole listing all the same.
    assert listed(messages) == sorted(e.id for e in SearchIndex(diglot_home).documents())
    assert len(listed(messages)) == 5
    (library / "page-000.txt").unlink()
    messages = run_to_end_of(job, changed=[library / "page-000.txt"])
    assert listed(messages) == sorted(e.id for e in SearchIndex(diglot_home).documents())
    assert made_up_id(30000) not in listed(messages) and len(listed(messages)) == 4
    # A folder the window added since is read by the same child.
    write_variants(tmp_path / "pages", 2, 32000)
    Library(diglot_home).add_folder(tmp_path / "pages")
    job.start()
    done = run_to_end(job)[-1]
    assert isinstance(done, JobDone) and done.report.added == 2 and job.pid == child
    added = {made_up_id(n) for n in (31000, 32000, 32001)}
    assert {e.id for e in SearchIndex(diglot_home).documents()} >= added
    job.close()
    assert job.wait(0)


def test_a_child_that_parsed_many_files_ends_and_the_next_update_starts_another(
    diglot_home: Path,
) -> None:
    write_variants(diglot_home / "library", 3, 30000)
    job = IndexJob(diglot_home, retire_after=3)
    job.start()
    done = run_to_end(job)[-1]
    assert isinstance(done, JobDone) and done.retiring
    first = job.pid
    assert job.wait(30)  # it ended by itself
    job.start()
    done = run_to_end(job)[-1]
    assert isinstance(done, JobDone) and not done.retiring and done.report.unchanged == 4
    assert job.pid != first
    job.close()


def test_an_idle_child_merges_the_small_segments_updates_left(diglot_home: Path) -> None:
    library = diglot_home / "library"
    write_variants(library, 3, 30000)
    job = IndexJob(diglot_home, tidy_after=0.1)
    run_to_end_of(job)
    for number in range(2):
        write_page(library / f"new-{number}.txt", variant(record_id=str(31000 + number)))
        run_to_end_of(job, changed=[library / f"new-{number}.txt"])

    def segments() -> int:
        return len(list((diglot_home / "index").glob("gen-*/*.seg")))

    deadline = time.monotonic() + 30
    while segments() > 1 and time.monotonic() < deadline:  # as qtbot.waitUntil polls
        time.sleep(0.02)
    assert segments() == 1
    done = run_to_end_of(job)[-1]  # and the child still updates, told nothing changed
    assert isinstance(done, JobDone) and done.report.parsed == 0 and done.report.documents == 6
    job.close()


class _VanishedWindow:
    """A connection whose other end was reset, as when the window's process dies."""

    closed = False

    def recv(self) -> object:
        raise ConnectionResetError(104, "Connection reset by peer")

    def poll(self, _timeout: float = 0.0) -> bool:
        return True

    def close(self) -> None:
        self.closed = True


def test_a_child_whose_window_vanished_ends_quietly(
    diglot_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.index.update_server import serve_updates

    monkeypatch.delattr(os, "nice", raising=False)  # in this process: no renicing the tests
    connection = _VanishedWindow()
    serve_updates(str(diglot_home), None, connection)  # type: ignore[arg-type]
    assert connection.closed
