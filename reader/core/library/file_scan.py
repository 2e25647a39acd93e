"""Listing the library's page files quickly, with their content hashes cached across runs.

A rescan costs one `stat` per file: a file whose size, modification time, status-change time
and inode are those recorded when it was hashed keeps its hash and is not read again; the
listing objects of unchanged files are reused too. The hashes live in `<home>/file-hashes.json`,
replaced atomically.

A file modified twice within one tick of the filesystem's clock (up to 2 s on FAT) can keep its
size and times. So a hash taken less than `RACY_NS` after the file's modification time is not
trusted: the file is read again at every scan until its hash is taken after that window, and
only trusted hashes are saved. Any later write then moves the modification time, and rewriting
the times by hand (`touch -d`, `cp -p`) moves the status-change time or the inode.

The cache file is rewritten only when the hashes it lacks would cost a noticeable share of a
full hashing at the next start; until then a few recently changed files are simply hashed again
by the next process. It is a cache: when unreadable, every file is hashed afresh.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import logging
import os
import stat
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.core.atomic_file import write_atomic
from reader.core.library.page_files import is_page_name

RACY_NS = 2_000_000_000
_CACHE_VERSION = 2
# Unsaved hashes are written once they are this share of all (or this many bytes), so the next
# start re-hashes at most about 1/64 of the library; one edited page never rewrites 10,000 lines.
_SAVE_SHARE = 64
_SAVE_BYTES = 8 << 20
_LOG_LIMIT = 1 << 16  # changes remembered for `changed_since`

Stamp = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode
Root = tuple[int, Path]  # (priority: lower wins among duplicates, folder)

_log = logging.getLogger(__name__)


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class LibraryFile:
    """One page file found under a root."""

    path: Path  # absolute, symlinks resolved
    root: Path
    size: int
    mtime_ns: int
    content_hash: str  # hex SHA-256 of the bytes
    priority: int = 0  # the root's rank; lower wins among duplicates

    @property
    def mtime(self) -> float:
        """Modification time in seconds since the epoch."""
        return self.mtime_ns / 1e9

    @property
    def rank(self) -> tuple[int, str]:
        """The total order used to pick the shown copy of a duplicated record."""
        return (self.priority, str(self.path))


class FileScanner:
    """The page files under a list of roots, rescanned cheaply; one per Library."""

    def __init__(self, cache_path: Path) -> None:
        """Keep the hash cache in `cache_path` (read on the first scan)."""
        self.cache_path = cache_path
        self._hashes: dict[str, tuple[Stamp, str]] | None = None  # trusted hashes only
        self._racy: set[str] = set()  # hashed too soon after a change: hash again next time
        self._unsaved_files = 0
        self._unsaved_bytes = 0
        self._listing: dict[str, tuple[Stamp, LibraryFile]] = {}
        self._roots: list[tuple[int, str]] | None = None  # what `_listing` was scanned under
        self._order: list[tuple[int, str]] = []  # (priority, path) of each listed file, sorted
        self._ranked: list[LibraryFile] = []  # the files in that order
        self._linked = False  # the listing holds files reached through a symlink
        self._folders: dict[str, Path] = {}  # folder path -> Path, to make file Paths
        self._serial = 0
        self._log_floor = 0  # `_log_*` hold every change after this serial
        self._log_serials: list[int] = []
        self._log_keys: list[str] = []

    @property
    def serial(self) -> int:
        """A number that grows with each scan that found something new, changed or gone."""
        return self._serial

    def changed_since(self, serial: int) -> set[str] | None:
        """Paths listed, changed or gone since `serial`; None when that is no longer known."""
        if serial < self._log_floor or serial > self._serial:
            return None
        return set(self._log_keys[bisect.bisect_right(self._log_serials, serial) :])

    def listed(self, path: str) -> LibraryFile | None:
        """The listed file at `path` (a resolved path), as of the last scan."""
        entry = self._listing.get(path)
        return entry[1] if entry is not None else None

    def scan(self, roots: list[Root]) -> list[LibraryFile]:
        """Every page file under `roots` (recursively, hidden entries skipped), in rank order.

        A path reachable from several roots belongs to the first of `roots`.
        """
        hashes = self._load()
        start = time.time_ns()
        resolved = [(priority, os.path.realpath(root)) for priority, root in roots]
        afresh = resolved != self._roots
        if afresh:
            self._listing, self._racy, self._order, self._ranked = {}, set(), [], []
        old, racy = self._listing, self._racy
        listing: dict[str, tuple[Stamp, LibraryFile]] = {}
        self._listing, self._linked = listing, False
        relisted: list[str] = []  # looked at afresh: new, changed or racy
        for (priority, root), (_, real) in zip(roots, resolved, strict=True):
            found: list[tuple[str, os.stat_result]] = []
            self._linked |= _walk(real, found)
            for key, status in found:
                if key in listing:
                    continue  # reached from a higher-ranked root, or twice through a symlink
                previous = old.get(key)
                if previous is not None and key not in racy:
                    stamp = (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
                    if previous[0] == stamp:
                        listing[key] = previous
                        continue
                if self._look(key, status, root, priority, start) is not None:
                    relisted.append(key)
        added = sum(1 for key in relisted if key not in old)
        gone: set[str] = set()
        if added or len(listing) - added != len(old):
            gone = old.keys() - listing.keys()
            self._order = sorted((entry.priority, key) for key, (_, entry) in listing.items())
            self._ranked = [listing[key][1] for _, key in self._order]
        else:  # the same paths as last time (the usual rescan): only replace the changed ones
            for key in relisted:
                library_file = listing[key][1]
                at = bisect.bisect_left(self._order, (library_file.priority, key))
                self._ranked[at] = library_file
        # Keep only listed files' hashes; after the first scan only vanished ones can be stale.
        stale = [key for key in hashes if key not in listing] if afresh else gone & hashes.keys()
        for key in stale:
            del hashes[key]
        self._unsaved_files += len(stale)
        self._roots = resolved
        self._note([*relisted, *gone], afresh)
        self._save_if_worth_it()
        return list(self._ranked)

    def rescan(self, roots: list[Root], paths: Iterable[Path]) -> list[LibraryFile] | None:
        """Like `scan`, trusting the last scan for every file but `paths`.

        `paths` are the files known to have changed, appeared or gone since the last scan.

        Returns:
            None when that is not enough to know the result (no earlier scan, other roots, a
            folder or a symlink among `paths`): then call `scan`.
        """
        resolved = [(priority, os.path.realpath(root)) for priority, root in roots]
        if self._roots is None or resolved != self._roots or self._linked:
            return None
        start = time.time_ns()
        changed: dict[str, tuple[os.stat_result, Root] | None] = {}
        for given in paths:
            path = os.path.abspath(given)
            if os.path.islink(path) or os.path.isdir(path):
                return None
            key = os.path.realpath(path)
            try:
                status = os.stat(key)
            except OSError:
                if key not in self._listing and self._holds_folder(key):
                    return None  # a whole folder went away
                changed[key] = None
                continue
            owner = _owner(key, resolved, roots)
            changed[key] = (status, owner) if owner is not None else None
        return self._apply(changed, start)

    def _apply(
        self, changed: dict[str, tuple[os.stat_result, Root] | None], start: int
    ) -> list[LibraryFile]:
        hashes = self._load()
        for key, seen in changed.items():
            previous = self._listing.pop(key, None)
            if previous is not None:
                at = bisect.bisect_left(self._order, (previous[1].priority, key))
                del self._order[at], self._ranked[at]
            library_file = None
            if seen is not None and stat.S_ISREG(seen[0].st_mode):
                (priority, root) = seen[1]
                library_file = self._look(key, seen[0], root, priority, start)
            if library_file is None:
                if hashes.pop(key, None) is not None:
                    self._unsaved_files += 1
                continue
            at = bisect.bisect_left(self._order, (priority, key))
            self._order.insert(at, (priority, key))
            self._ranked.insert(at, library_file)
        self._note(list(changed), afresh=False)
        self._save_if_worth_it()
        return list(self._ranked)

    def _note(self, keys: list[str], afresh: bool) -> None:
        """Log the paths a scan found new, changed or gone (for `changed_since`)."""
        if not keys and not afresh:
            return
        self._serial += 1
        if afresh:  # everything is new: no earlier serial can be answered
            self._log_floor, self._log_serials, self._log_keys = self._serial, [], []
            return
        self._log_serials.extend([self._serial] * len(keys))
        self._log_keys.extend(keys)
        if len(self._log_keys) > _LOG_LIMIT:
            floor = self._log_serials[len(self._log_keys) // 2]
            cut = bisect.bisect_right(self._log_serials, floor)
            del self._log_serials[:cut], self._log_keys[:cut]
            self._log_floor = floor

    def _look(
        self,
        key: str,
        status: os.stat_result,
        root: Path,
        priority: int,
        start: int,
    ) -> LibraryFile | None:
        """List one new or changed file, hashing it unless the cache holds its hash."""
        stamp = (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
        path = self._path(key)
        hashes = self._load()
        cached = hashes.get(key)
        if cached is not None and cached[0] == stamp and key not in self._racy:
            digest = cached[1]
        else:
            try:
                digest = file_sha256(path)
            except OSError:
                return None  # vanished or unreadable between listing and reading
            if status.st_mtime_ns < start - RACY_NS:
                self._racy.discard(key)
                hashes[key] = (stamp, digest)
                self._unsaved_files += 1
                self._unsaved_bytes += status.st_size
            else:
                self._racy.add(key)
                hashes.pop(key, None)
        library_file = LibraryFile(path, root, status.st_size, status.st_mtime_ns, digest, priority)
        self._listing[key] = (stamp, library_file)
        return library_file

    def _path(self, key: str) -> Path:
        """`Path(key)`, made from its folder's Path: parsing only the name costs half."""
        folder, _, name = key.rpartition(os.sep)
        base = self._folders.get(folder)
        if base is None:
            base = self._folders[folder] = Path(folder or os.sep)
        return base / name

    def _holds_folder(self, key: str) -> bool:
        prefix = key.rstrip(os.sep) + os.sep
        return any(path.startswith(prefix) for path in self._listing)

    def _load(self) -> dict[str, tuple[Stamp, str]]:
        if self._hashes is None:
            self._hashes = {}
            with contextlib.suppress(OSError, ValueError, TypeError, KeyError, AttributeError):
                raw = json.loads(self.cache_path.read_bytes())
                if raw.get("version") == _CACHE_VERSION:
                    self._hashes = {
                        key: ((int(s), int(m), int(c), int(i)), str(digest))
                        for key, (s, m, c, i, digest) in raw["files"].items()
                    }
        return self._hashes

    def _save_if_worth_it(self) -> None:
        hashes = self._load()
        worth = self._unsaved_files * _SAVE_SHARE >= len(hashes) and self._unsaved_files > 0
        if not (worth or self._unsaved_bytes >= _SAVE_BYTES):
            return
        files = {key: [*stamp, digest] for key, (stamp, digest) in hashes.items()}
        data = {"version": _CACHE_VERSION, "files": files}
        try:
            write_atomic(self.cache_path, json.dumps(data, separators=(",", ":")).encode())
        except OSError as error:
            _log.warning("could not save the hash cache: %s", error)  # only a speed-up
            return
        self._unsaved_files = self._unsaved_bytes = 0


def _walk(folder: str, found: list[tuple[str, os.stat_result]]) -> bool:
    """Add (resolved path, stat) of every page file below `folder`, a resolved path.

    Symlinked folders are not entered (as `os.walk` does not); a symlinked file is listed under
    its target's path. Returns whether some file was reached through a symlink.
    """
    linked = False
    try:
        with os.scandir(folder) as entries:
            listed = list(entries)
    except OSError:
        return False  # missing root, or a folder that vanished or is unreadable
    for entry in listed:
        name = entry.name
        if name.startswith("."):
            continue
        try:
            if entry.is_dir():
                if entry.is_symlink():
                    continue
                junction = getattr(entry, "is_junction", None)  # Windows, Python 3.12+
                inner = os.path.realpath(entry.path) if junction and junction() else entry.path
                linked |= _walk(inner, found)
            elif is_page_name(name):
                status = entry.stat()
                if not stat.S_ISREG(status.st_mode):
                    continue
                if entry.is_symlink():
                    linked = True
                    found.append((os.path.realpath(entry.path), status))
                else:
                    found.append((entry.path, status))
        except OSError:
            continue  # vanished or unreadable between listing and reading
    return linked


def _owner(key: str, resolved: list[tuple[int, str]], roots: list[Root]) -> Root | None:
    """The root a full scan would list `key` (a resolved page path) under, if any."""
    if not is_page_name(os.path.basename(key)):
        return None
    for (_, real), root in zip(resolved, roots, strict=True):
        prefix = real.rstrip(os.sep) + os.sep
        if key.startswith(prefix):
            parts = key[len(prefix) :].split(os.sep)
            if not any(part.startswith(".") for part in parts):
                return root
    return None
