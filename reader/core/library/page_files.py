"""Page files on disk: which files are pages, finding them in folders, importing copies."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from reader.core.page.errors import PageError
from reader.core.wording import plural

PAGE_SUFFIXES = frozenset({".txt", ".html", ".htm"})
_SUFFIX_TUPLE = tuple(PAGE_SUFFIXES)


def is_page_file(path: Path) -> bool:
    """Whether Diglot reads this file as a page: .txt/.html/.htm, any case, not hidden."""
    return is_page_name(path.name)


def is_page_name(name: str) -> bool:
    """`is_page_file` for a bare file name (no Path object: scans call it per file)."""
    return name.lower().endswith(_SUFFIX_TUPLE) and not name.startswith(".")


def shown_name(path: str) -> str:
    r"""A file name for display: bytes that are not valid UTF-8 as `\xe9` escapes.

    Python keeps such bytes as lone surrogates, which Qt silently drops ("x\udce9.txt"
    would show as "x.txt", naming another file).
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


def walk_pages(root: Path) -> list[Path]:
    """Every page file below `root` (recursively, hidden entries skipped), sorted.

    The paths are `root` joined with what lies below it: symlinks are not resolved (one may
    point anywhere, or at itself), and symlinked folders are not entered, as `os.walk` does.
    """
    if not root.is_dir():
        return []
    pages: list[Path] = []
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        base = Path(folder)
        pages.extend(base / name for name in sorted(filenames) if is_page_name(name))
    return pages


_KINDS = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


def read_page_file(path: Path, limit: int) -> bytes:
    """The bytes of a page file, checking what it is before reading it.

    A named pipe would block the reader forever and a device (a link to /dev/zero) would fill
    memory: only regular files are read, and only up to `limit` bytes. The file is opened
    without blocking and checked through its open handle, so it cannot be swapped meanwhile.

    Raises:
        PageError: when it is not a regular file, is larger than `limit`, or cannot be read.
    """
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise PageError(name, _unreadable(error)) from None
    with os.fdopen(fd, "rb") as handle:
        try:
            status = os.fstat(fd)
            if not stat.S_ISREG(status.st_mode):
                kind = _KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")
                raise PageError(name, f"not a page file but {kind}")
            if status.st_size > limit:
                raise PageError(name, _too_large(status.st_size, limit))
            data = handle.read(limit + 1)
        except OSError as error:
            raise PageError(name, _unreadable(error)) from None
    if len(data) > limit:  # it grew while we looked
        raise PageError(name, _too_large(len(data), limit))
    return data


def _unreadable(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "cannot be read: a symbolic link that loops"
    return f"cannot be read ({error.strerror or error})"


def _too_large(size: int, limit: int) -> str:
    return f"too large to be a page ({size / 1048576:.1f} MB; the limit is {limit >> 20} MB)"


Outcome = Literal["imported", "already there", "failed"]


@dataclass(frozen=True)
class ImportedFile:
    """What an import did with one file."""

    source: Path
    outcome: Outcome
    target: Path | None = None  # the copy made, or the library file already holding it
    reason: str = ""  # why it failed


@dataclass
class ImportReport:
    """What an import did with each file it was given."""

    imported: list[Path] = field(default_factory=list)  # destinations in the library folder
    skipped: list[Path] = field(default_factory=list)  # sources already in the library, by hash
    errors: list[str] = field(default_factory=list)  # "file: reason"
    files: list[ImportedFile] = field(default_factory=list)  # every file, in the order met

    def add(self, done: ImportedFile) -> None:
        """Record one file's outcome (also in `imported`, `skipped` or `errors`)."""
        self.files.append(done)
        if done.outcome == "imported" and done.target is not None:
            self.imported.append(done.target)
        elif done.outcome == "already there":
            self.skipped.append(done.source)
        elif done.outcome == "failed":
            self.errors.append(f"{done.source}: {done.reason}")

    def fail(self, source: Path, reason: str) -> None:
        """Record that `source` was not imported, and why."""
        self.add(ImportedFile(source, "failed", reason=reason))

    def summary(self) -> str:
        """One line for a status bar: how many were imported, already there, refused."""
        parts = [f"Imported {plural(len(self.imported), 'page')}"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} already in the library")
        if self.errors:
            parts.append(f"{len(self.errors)} not imported")
        return "; ".join(parts) + "."

    def lines(self, record_of: Mapping[str, str] | None = None) -> list[str]:
        """One line per file: what became of it, and where or why (names shown escaped).

        Args:
            record_of: record ids by library file path (as `str(path)`), so that a file
                already there names the record that holds it.
        """
        described = []
        for done in self.files:
            source = shown_name(str(done.source))
            target = shown_name(str(done.target))
            if done.outcome == "imported":
                described.append(f"imported: {source} as {target}")
            elif done.outcome == "already there":
                record = (record_of or {}).get(str(done.target))
                held = f"record {record} ({target})" if record else target
                described.append(f"already there: {source} is {held}")
            else:
                described.append(f"failed: {source}: {done.reason}")
        return described


def import_pages(
    paths: Iterable[Path], library_dir: Path, known: dict[str, Path]
) -> ImportReport:
    """Copy pages into `library_dir`; folders are searched recursively.

    Every file is parsed first and only good pages are copied. A file whose bytes are already
    known (by SHA-256) is skipped; a different file with the same name gets a "-2", "-3", ...
    suffix, so nothing is ever overwritten. The structure below an imported folder is kept
    (`<library>/<folder name>/...`).

    Args:
        paths: files and folders to import.
        library_dir: the user's library folder (created when needed).
        known: every page already in the library, by SHA-256 of its bytes; updated with the
            imported ones.

    Returns:
        The report: every file given, or found in a folder given, with its outcome.
    """
    # Imported here: start-up needs no parser.
    from reader.core.page.parser import MAX_PAGE_BYTES, parse_bytes

    report = ImportReport()
    pairs: list[tuple[Path, Path]] = []
    for given in paths:
        source = Path(given).expanduser().absolute()
        if source.is_dir():
            base = Path(os.path.realpath(source))
            pairs.extend((page, base.name / page.relative_to(base)) for page in walk_pages(base))
        elif os.path.lexists(source) and not source.exists():
            report.fail(source, "a symbolic link to nothing, or that loops")
        elif not source.exists():
            report.fail(source, "no such file")
        elif not is_page_file(source):
            report.fail(source, "not a page (.txt, .html or .htm)")
        else:
            pairs.append((source, Path(source.name)))
    for source, relative in pairs:
        try:
            data = read_page_file(source, MAX_PAGE_BYTES)
        except PageError as error:
            report.fail(source, error.reason)
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in known:
            report.add(ImportedFile(source, "already there", known[digest]))
            continue
        try:
            parse_bytes(data, str(source))
        except PageError as error:
            report.fail(source, error.reason)
            continue
        try:
            target = _copy_new(data, library_dir / relative)
        except OSError as error:  # the source was read: it is the library that failed
            where = error.filename or library_dir
            report.fail(source, "not imported: the library cannot be written "
                                f"({where}: {error.strerror or error})")
            continue
        report.add(ImportedFile(source, "imported", target))
        known[digest] = target
    return report


def _numbered(wanted: Path, number: int) -> Path:
    return wanted if number == 1 else wanted.with_name(f"{wanted.stem}-{number}{wanted.suffix}")


def _copy_new(data: bytes, wanted: Path) -> Path:
    """Write `data` to `wanted`, or to the first free "<stem>-N<suffix>"; never overwrites.

    The bytes go to a temporary file first, locked while in use: `clean_leftovers` removes
    only those whose import was killed.
    """
    wanted.parent.mkdir(parents=True, exist_ok=True)
    while True:
        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=wanted.parent)
        handle = os.fdopen(fd, "wb")
        _lock(fd, blocking=True)
        if os.fstat(fd).st_nlink:
            break
        handle.close()  # a cleaner took it for a leftover between its making and our lock
    try:
        handle.write(data)
        handle.flush()
        os.fsync(fd)
        number = 1
        while True:
            target = _numbered(wanted, number)
            try:
                # A hard link claims the name atomically and fails if it is taken.
                os.link(tmp_name, target)
                return target
            except FileExistsError:
                number += 1
            except OSError:
                # Filesystems without hard links (FAT, some shares): check, then copy.
                if target.exists():
                    number += 1
                    continue
                shutil.copyfile(tmp_name, target)
                return target
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        handle.close()


TEMP_PREFIX = ".import."
TEMP_SUFFIX = ".tmp"
_LEFTOVER_AGE = 24 * 3600  # without locks (Windows), a temporary file this old is a leftover


def clean_leftovers(library_dir: Path) -> int:
    """Delete the temporary files that killed imports left in `library_dir`; returns how many.

    A temporary file an import is still writing (in this or another process) is locked and
    left alone. Best effort: a file that cannot be removed stays, hidden, for the next start.
    """
    removed = 0
    for folder, dirnames, filenames in os.walk(library_dir):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX):
                removed += _remove_leftover(os.path.join(folder, name))
    return removed


def _remove_leftover(path: str) -> bool:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        if _lock is _no_lock and time.time() - os.fstat(fd).st_mtime < _LEFTOVER_AGE:
            return False
        if not _lock(fd, blocking=False):
            return False  # an import is writing it
        os.unlink(path)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _flock(fd: int, *, blocking: bool) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def _no_lock(fd: int, *, blocking: bool) -> bool:
    return True


try:
    import fcntl
except ImportError:  # Windows: leftovers are told by their age
    _lock = _no_lock
else:
    _lock = _flock
