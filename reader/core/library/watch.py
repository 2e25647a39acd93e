"""What a change in the library's folders means for the index: the file watcher's core.

A file watcher (the window's `ui.library_watcher`) only says that a folder changed, often
several times for one file being written. `LibraryWatch` keeps what each folder held, so
that it can name the page files that appeared, changed or went since, and decides when a
burst of changes has settled enough to update the index (batched and debounced): after
QUIET_SECONDS without news, and at the latest MAX_WAIT_SECONDS after the first change, so
a long copy still shows its pages as it goes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.library.page_files import is_page_name

QUIET_SECONDS = 0.3
MAX_WAIT_SECONDS = 1.0
Stamp = tuple[int, int]  # size, mtime in ns


@dataclass
class WatchChanges:
    """What `LibraryWatch.take` found: page files to update and folders to (un)watch."""

    files: list[Path] = field(default_factory=list)  # appeared, changed or gone
    new_folders: list[Path] = field(default_factory=list)
    gone_folders: list[Path] = field(default_factory=list)


class LibraryWatch:
    """The page files of the watched folders as last seen, and the changes not yet taken."""

    def __init__(self, roots: Iterable[Path], quiet: float = QUIET_SECONDS,
                 max_wait: float = MAX_WAIT_SECONDS) -> None:
        """Look at every folder below `roots` now (missing roots are watched for).

        Args:
            roots: the library's roots (see `Library.roots`).
            quiet: seconds without a change before the changes are due.
            max_wait: seconds after the first change by which they are due regardless.
        """
        self._roots = [Path(root).resolve() for root in roots]  # as the library lists files
        self._quiet, self._max_wait = quiet, max_wait
        self._seen: dict[Path, dict[str, Stamp]] = {}  # folder -> page file name -> stamp
        self._pending: set[Path] = set()
        self._first = self._last = 0.0
        for root in self._roots:
            self._look(root, [], [])

    def folders(self) -> list[Path]:
        """The folders to watch: every folder seen, and the parent of each missing root."""
        waiting = [root.parent for root in self._roots
                   if root not in self._seen and root.parent.is_dir()]  # fmt: skip
        return sorted({*self._seen, *waiting})

    def note(self, folder: Path, now: float) -> None:
        """A watcher says `folder` changed, at monotonic time `now`."""
        if not self._pending:
            self._first = now
        self._last = now
        self._pending.add(Path(folder))

    def wait(self, now: float) -> float | None:
        """Seconds until the noted changes are due (0: now); None when nothing is noted."""
        if not self._pending:
            return None
        return max(min(self._last + self._quiet, self._first + self._max_wait) - now, 0.0)

    def known(self, files: Iterable[Path]) -> None:
        """Files the app itself has just written and indexed: `take` is not to report them.

        An import copies pages into the library and names them to the index; without this the
        watch would see the same files appear and ask for a second, empty update.
        """
        for file in files:
            path = Path(file).resolve()
            seen = self._seen.get(path.parent)
            if seen is None or not is_page_name(path.name):
                continue
            try:
                status = path.stat()
            except OSError:
                continue  # gone again: the next look reports it
            seen[path.name] = (status.st_size, status.st_mtime_ns)

    def take(self) -> WatchChanges:
        """Compare the noted folders with what they held; forget the notes."""
        changes = WatchChanges()
        pending, self._pending = self._pending, set()
        for folder in sorted(pending):
            if folder in self._seen:
                self._look(folder, changes.files, changes.new_folders, changes.gone_folders)
            for root in self._roots:  # a missing root that has now appeared
                if root.parent == folder and root not in self._seen and root.is_dir():
                    self._look(root, changes.files, changes.new_folders)
        return changes

    def _look(self, folder: Path, files: list[Path], new: list[Path],
              gone: list[Path] | None = None) -> None:
        """Read `folder` again, adding what changed in it (and below new folders) to the lists."""
        before = self._seen.get(folder)
        try:
            entries = list(os.scandir(folder))
        except OSError:
            entries = None
        if entries is None:
            if before is not None:  # the folder went, and everything below it
                for gone_folder in [f for f in self._seen if f == folder or folder in f.parents]:
                    files.extend(gone_folder / name for name in self._seen.pop(gone_folder))
                    if gone is not None:
                        gone.append(gone_folder)
            return
        if before is None:
            new.append(folder)
        now: dict[str, Stamp] = {}
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    child = Path(entry.path)
                    if child not in self._seen:
                        self._look(child, files, new, gone)
                elif is_page_name(entry.name):
                    status = entry.stat()
                    now[entry.name] = (status.st_size, status.st_mtime_ns)
            except OSError:
                continue  # gone between listing and looking: the next change says so
        old = before or {}
        files.extend(folder / name for name, stamp in now.items() if old.get(name) != stamp)
        files.extend(folder / name for name in old if name not in now)
        self._seen[folder] = now
        for child in [f for f in self._seen if f.parent == folder and not f.is_dir()]:
            self._look(child, files, new, gone)  # a subfolder that went
