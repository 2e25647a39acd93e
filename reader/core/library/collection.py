"""The library: the folders Diglot reads pages from, their files, content hashes and imports.

Roots, by priority (which copy of a duplicated record is shown, see `duplicates`):
the user's library folder (`<home>/library`, where imported pages are copied), then the folders
the user added, in the order added, then the bundled seeds. Diglot only ever writes below
`<home>`; seeds and added folders are read, never written.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import json
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs

from reader.core.atomic_file import write_atomic
from reader.core.document import Document
from reader.core.library.duplicates import Candidate, Duplicate, DuplicateKeys, resolve_duplicates
from reader.core.library.file_scan import FileScanner
from reader.core.library.file_scan import LibraryFile as LibraryFile  # re-exported: the public home
from reader.core.library.file_scan import file_sha256 as file_sha256
from reader.core.library.page_files import ImportReport, import_pages
from reader.core.page.errors import PageError

LIBRARY_FOLDER = "library"
FOLDERS_FILE = "folders.json"
HASH_CACHE_FILE = "file-hashes.json"

Progress = Callable[[int, int, str], None]

_log = logging.getLogger(__name__)


def data_home() -> Path:
    """Where Diglot keeps its data: `$DIGLOT_HOME` when set, else the platform's user data dir."""
    override = os.environ.get("DIGLOT_HOME")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("diglot", appauthor=False))


def bundled_seeds_dir() -> Path:
    """The sample pages shipped with Diglot.

    In a checkout they sit in `seeds/` beside the `reader` package; an installed wheel carries
    them as the package `reader.seeds`. The path may not exist in a broken install; callers
    treat a missing root as empty.
    """
    root = Path(__file__).resolve().parents[3]
    checkout = root / "seeds"
    # pyproject.toml tells a checkout from site-packages, where "seeds" could be anything.
    if checkout.is_dir() and (root / "pyproject.toml").is_file():
        return checkout
    try:
        resource = importlib.resources.files("reader.seeds")
        spec = importlib.util.find_spec("reader.seeds")
    except ModuleNotFoundError:
        return checkout
    if isinstance(resource, Path):
        return resource  # an installed wheel is unpacked on disk
    # seeds/ has no __init__.py, so it installs as a namespace package, whose resource is a
    # MultiplexedPath; its folder is the package's search location.
    for location in (spec.submodule_search_locations or []) if spec else []:
        if Path(location).is_dir():
            return Path(location)
    return checkout


@dataclass
class LibraryLoad:
    """Everything `Library.load` read: shown documents, failures and hidden duplicates."""

    documents: list[Document] = field(default_factory=list)
    errors: list[PageError] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


class Library:
    """The user's collection of pages across all roots."""

    def __init__(self, home: Path, *, seeds: Path | None = None) -> None:
        """Open the library kept under `home`.

        Args:
            home: Diglot's data folder (see `data_home`).
            seeds: the bundled pages; defaults to `bundled_seeds_dir()`.
        """
        self.home = Path(home)
        self.seeds = seeds if seeds is not None else bundled_seeds_dir()
        self.library_dir = self.home / LIBRARY_FOLDER
        self._folders = self._read_folders()
        self._scanner = FileScanner(self.home / HASH_CACHE_FILE)
        self._paths_by_id: dict[str, Path] = {}

    # Roots

    def roots(self) -> list[Path]:
        """The bundled seeds, the library folder, then the added folders."""
        return [self.seeds, self.library_dir, *self._folders]

    def folders(self) -> list[Path]:
        """The folders the user added, in the order added."""
        return list(self._folders)

    def add_folder(self, path: Path) -> None:
        """Read pages from `path` too (recursively); remembered across runs.

        Raises:
            NotADirectoryError: when `path` is not an existing folder.
        """
        folder = Path(path).expanduser().resolve()
        if not folder.is_dir():
            raise NotADirectoryError(str(folder))
        if folder not in self._folders:
            self._folders.append(folder)
            self._write_folders()

    def remove_folder(self, path: Path) -> bool:
        """Stop reading pages from an added folder; its files are left alone.

        Returns:
            Whether the folder was in the list.
        """
        folder = Path(path).expanduser().resolve()
        if folder not in self._folders:
            return False
        self._folders.remove(folder)
        self._write_folders()
        return True

    def reload_folders(self) -> None:
        """Read the added folders again (another process, the window, may have changed them)."""
        self._folders = self._read_folders()

    def _ranked_roots(self) -> list[tuple[int, Path]]:
        ranked = [self.library_dir, *self._folders, self.seeds]
        return list(enumerate(ranked))

    def _read_folders(self) -> list[Path]:
        path = self.home / FOLDERS_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return [Path(p) for p in data["folders"]]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, KeyError, TypeError) as error:
            # Writes are atomic, so this is hand-editing or disk trouble; keep the app usable.
            _log.warning("ignoring unreadable %s: %s", path, error)
            return []

    def _write_folders(self) -> None:
        data = {"version": 1, "folders": [str(p) for p in self._folders]}
        write_atomic(self.home / FOLDERS_FILE, json.dumps(data, indent=2).encode("utf-8"))

    # Files

    def files(self, changed: Iterable[Path] | None = None) -> list[LibraryFile]:
        """Every page file under every root, in rank order, each path once.

        Hashes are cached (see `file_scan`), so a rescan only reads files that changed.

        Args:
            changed: when given, only these files may have changed, appeared or gone since the
                last call (say, from an import or a file watcher); every other file is taken
                from that call's listing without a `stat`. Falls back to a full scan when that
                cannot be trusted (first call, roots changed, folders or symlinks involved).
        """
        roots = self._ranked_roots()
        if changed is not None:
            found = self._scanner.rescan(roots, changed)
            if found is not None:
                return found
        return self._scanner.scan(roots)

    @property
    def listing_serial(self) -> int:
        """Grows whenever `files` finds a file new, changed or gone (see `changed_since`)."""
        return self._scanner.serial

    def changed_since(self, serial: int) -> set[str] | None:
        """Paths (as `str(LibraryFile.path)`) new, changed or gone since `listing_serial`.

        Returns:
            The paths listed, changed or gone after `listing_serial` was `serial`; None when
            this Library no longer knows (too long ago, or its roots changed since).
        """
        return self._scanner.changed_since(serial)

    def listed(self, path: str) -> LibraryFile | None:
        """The file at `path` as the last `files` call listed it; None when not listed."""
        return self._scanner.listed(path)

    # Documents

    def load(
        self, paths: Iterable[Path] | None = None, progress: Progress | None = None
    ) -> LibraryLoad:
        """Parse pages and drop duplicate copies of a record.

        Args:
            paths: the files to read; None reads every file in the library.
            progress: called as progress(done, total, path) after each file.

        Returns:
            The shown documents in rank order, one PageError per unreadable file, and the
            duplicates that were hidden (see `duplicates` for which copy wins).
        """
        files = self.files()
        if paths is not None:
            by_path = {f.path: f for f in files}
            wanted = [Path(p).resolve() for p in paths]
            files = [by_path.get(p) or _outside_file(p) for p in wanted]
        result = LibraryLoad()
        parsed: dict[Path, Document] = {}
        candidates: list[Candidate] = []
        for done, library_file in enumerate(files, 1):
            try:
                document = parse_library_file(library_file)
            except PageError as error:
                result.errors.append(error)
            else:
                parsed[library_file.path] = document
                candidates.append(
                    Candidate(library_file.path, library_file.rank, DuplicateKeys.of(document))
                )
            if progress:
                progress(done, len(files), str(library_file.path))
        for path, match in resolve_duplicates(candidates).items():
            document = parsed[path]
            if match is None:
                result.documents.append(document)
                self._paths_by_id[document.id] = path
            else:
                result.duplicates.append(Duplicate(path, match[0], document.id, match[1]))
        return result

    def document(self, doc_id: str) -> Document:
        """Parse the shown copy of a document from its file.

        Raises:
            KeyError: when no file in the library holds that document.
            PageError: when the file no longer parses.
        """
        from reader.core.page.parser import parse_page  # see parse_library_file

        if doc_id not in self._paths_by_id:
            self.load()
        path = self._paths_by_id[doc_id]
        return _with_file(parse_page(path), path, "")

    # Import

    def import_files(self, paths: Iterable[Path]) -> ImportReport:
        """Copy pages into the library folder; see `page_import.import_pages`.

        Returns:
            The report; one "file: reason" line per file that was not imported or skipped.
        """
        known = {f.content_hash for f in self.files()}
        return import_pages(paths, self.library_dir, known)


def parse_library_file(library_file: LibraryFile) -> Document:
    """Parse a library file, making sure the document names its file and content hash.

    Raises:
        PageError: when the file is not a readable page.
    """
    # The parser is imported on first use: the window starts without it.
    from reader.core.page.parser import parse_page

    return _with_file(parse_page(library_file.path), library_file.path, library_file.content_hash)


def _with_file(document: Document, path: Path, content_hash: str) -> Document:
    if document.file and (document.content_hash or not content_hash):
        return document
    return replace(
        document,
        file=document.file or str(path),
        content_hash=document.content_hash or content_hash,
    )


def _outside_file(path: Path) -> LibraryFile:
    """A file that is not under any root; it ranks after every root."""
    stat = path.stat() if path.exists() else None
    size, mtime = (stat.st_size, stat.st_mtime_ns) if stat else (0, 0)
    digest = file_sha256(path) if stat else ""
    return LibraryFile(path, path.parent, size, mtime, digest, priority=1 << 30)
