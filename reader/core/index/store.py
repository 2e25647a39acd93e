"""Where the index lives on disk, and how a new one replaces the old without a broken moment.

Layout of `<home>/index`:

    CURRENT            {"schema": 1, "generation": "gen-000003"}, replaced atomically
    gen-000003/        the live whoosh index
    gen-000003/SYNCED  which commit of it an update left, over which library roots (a hint)
    build-<random>/    a full build in progress (or left by a killed one)
    LOCK               held (flock / msvcrt lock) by whichever process is writing

A full build writes a new generation beside the live one, flushes it to disk, renames it into
place and only then points CURRENT at it; until that one atomic replace, readers see the old
index. A process killed anywhere leaves CURRENT naming a complete generation, or no CURRENT at
all. Incremental updates write into the live generation through whoosh, whose commit is one
atomic rename of its table of contents; a killed writer leaves only unreferenced segment files,
which whoosh deletes at its next commit. Both locks are OS locks on open files, so they vanish
with a killed process and never block the next run.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from whoosh.util.filelock import FileLock

from reader.core.atomic_file import fsync_directory, write_atomic

POINTER = "CURRENT"
LOCK = "LOCK"
SYNCED = "SYNCED"
_GENERATION = re.compile(r"^gen-(\d{6,})$")
# whoosh writes its table of contents as "_MAIN_<n>.toc.<time>" before renaming it.
_TOC_TEMP = re.compile(r"^_\w+_\d+\.toc\.[\d.]+$")


class IndexStore:
    """The index folder: generations, the CURRENT pointer and the writer lock."""

    def __init__(self, directory: Path) -> None:
        """Use `directory` (created on first write) for the index."""
        self.directory = directory

    def current(self, schema_version: int) -> Path | None:
        """The live generation folder, or None when there is none of this schema version."""
        try:
            pointer = json.loads((self.directory / POINTER).read_text(encoding="utf-8"))
            if pointer["schema"] != schema_version:
                return None
            generation = self.directory / str(pointer["generation"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not _GENERATION.match(generation.name) or not generation.is_dir():
            return None
        return generation

    def recorded_schema(self) -> int | None:
        """The schema version CURRENT names, None without a readable pointer."""
        try:
            value = json.loads((self.directory / POINTER).read_text(encoding="utf-8"))["schema"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return value if isinstance(value, int) else None

    def state(self) -> tuple[int, int, int] | None:
        """A token that changes whenever CURRENT is replaced (to notice another process)."""
        try:
            stat = (self.directory / POINTER).stat()
        except OSError:
            return None
        return (stat.st_ino, stat.st_mtime_ns, stat.st_size)

    def synced(self, generation: Path) -> Any:
        """What `note_synced` last wrote in `generation`; None when missing or unreadable."""
        try:
            return json.loads((generation / SYNCED).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def note_synced(self, generation: Path, value: Any) -> None:
        """Replace the SYNCED note of `generation` (call while holding the lock).

        It only saves work, and names the commit it describes, so it is not flushed to disk:
        after a crash it is missing, old (naming an older commit) or unreadable; never wrong.
        """
        note = generation / SYNCED
        temporary = generation / f".{SYNCED}.{uuid.uuid4().hex}.tmp"
        try:
            temporary.write_text(json.dumps(value), encoding="utf-8")
            os.replace(temporary, note)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink()

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the writer lock: one writing process at a time; waits for the current one."""
        self.directory.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.directory / LOCK))
        lock.acquire(blocking=True)
        try:
            yield
        finally:
            lock.release()

    def new_build(self) -> Path:
        """A fresh empty folder for a full build (call while holding the lock)."""
        self.collect_garbage(keep=None)
        build = self.directory / f"build-{uuid.uuid4().hex}"
        build.mkdir(parents=True)
        return build

    def publish(self, build: Path, schema_version: int) -> Path:
        """Make a finished build the live index (call while holding the lock).

        Returns:
            The new generation folder.
        """
        for path in build.iterdir():
            # whoosh never fsyncs; the new generation must be on disk before CURRENT names it.
            if path.is_file():
                _fsync_file(path)
        fsync_directory(build)
        generation = self.directory / f"gen-{self._next_number():06d}"
        os.rename(build, generation)
        fsync_directory(self.directory)
        pointer = {"schema": schema_version, "generation": generation.name}
        write_atomic(self.directory / POINTER, json.dumps(pointer).encode("utf-8"))
        self.collect_garbage(keep=generation)
        return generation

    def collect_garbage(self, keep: Path | None) -> None:
        """Delete old generations, abandoned builds and whoosh's stray temp files (under lock).

        Args:
            keep: the generation to keep; None keeps whatever CURRENT names.
        """
        if keep is None:
            keep = self._pointed()
        if not self.directory.is_dir():
            return
        for path in self.directory.iterdir():
            if path == keep or not path.is_dir():
                continue
            if _GENERATION.match(path.name) or path.name.startswith("build-"):
                # On Windows another process may still read an old generation; retry next time.
                shutil.rmtree(path, ignore_errors=True)
        if keep is not None and keep.is_dir():
            for path in keep.iterdir():
                if _TOC_TEMP.match(path.name):
                    with contextlib.suppress(OSError):
                        path.unlink()

    def _pointed(self) -> Path | None:
        try:
            pointer = json.loads((self.directory / POINTER).read_text(encoding="utf-8"))
            return self.directory / str(pointer["generation"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _next_number(self) -> int:
        numbers = [0]
        if self.directory.is_dir():
            for path in self.directory.iterdir():
                match = _GENERATION.match(path.name)
                if match:
                    numbers.append(int(match.group(1)))
        return max(numbers) + 1


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
