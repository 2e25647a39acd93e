"""Page files on disk: which files are pages, finding them in folders, importing copies."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
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


def walk_pages(root: Path) -> list[Path]:
    """Every page file below `root` (recursively, hidden entries skipped), sorted, resolved."""
    if not root.is_dir():
        return []
    pages: list[Path] = []
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        base = Path(folder)
        pages.extend(
            (base / name).resolve() for name in sorted(filenames) if is_page_file(Path(name))
        )
    return pages


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

    def summary(self) -> str:
        """One line for a status bar: how many were imported, already there, refused."""
        parts = [f"Imported {plural(len(self.imported), 'page')}"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} already in the library")
        if self.errors:
            parts.append(f"{len(self.errors)} not imported")
        return "; ".join(parts) + "."

    def lines(self, record_of: Mapping[str, str] | None = None) -> list[str]:
        """One line per file: what became of it, and where or why.

        Args:
            record_of: record ids by library file path (as `str(path)`), so that a file
                already there names the record that holds it.
        """
        described = []
        for done in self.files:
            if done.outcome == "imported":
                described.append(f"imported: {done.source} as {done.target}")
            elif done.outcome == "already there":
                record = (record_of or {}).get(str(done.target))
                held = f"record {record} ({done.target})" if record else str(done.target)
                described.append(f"already there: {done.source} is {held}")
            else:
                described.append(f"failed: {done.source}: {done.reason}")
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
    from reader.core.page.parser import parse_bytes  # imported here: start-up needs no parser

    report = ImportReport()
    pairs: list[tuple[Path, Path]] = []
    for given in paths:
        source = Path(given).expanduser()
        if source.is_dir():
            base = source.resolve()
            pairs.extend((page, base.name / page.relative_to(base)) for page in walk_pages(base))
        elif not source.exists():
            report.add(ImportedFile(source, "failed", reason="no such file"))
        elif not is_page_file(source):
            report.add(ImportedFile(source, "failed", reason="not a page (.txt, .html or .htm)"))
        else:
            pairs.append((source.resolve(), Path(source.name)))
    for source, relative in pairs:
        try:
            data = source.read_bytes()
        except OSError as error:
            report.add(ImportedFile(source, "failed", reason=str(error.strerror or error)))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in known:
            report.add(ImportedFile(source, "already there", known[digest]))
            continue
        try:
            parse_bytes(data, str(source))
        except PageError as error:
            report.add(ImportedFile(source, "failed", reason=error.reason))
            continue
        try:
            target = _copy_new(data, library_dir / relative)
        except OSError as error:
            report.add(ImportedFile(source, "failed", reason=str(error.strerror or error)))
            continue
        report.add(ImportedFile(source, "imported", target))
        known[digest] = target
    return report


def _numbered(wanted: Path, number: int) -> Path:
    return wanted if number == 1 else wanted.with_name(f"{wanted.stem}-{number}{wanted.suffix}")


def _copy_new(data: bytes, wanted: Path) -> Path:
    """Write `data` to `wanted`, or to the first free "<stem>-N<suffix>"; never overwrites."""
    wanted.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".import.", suffix=".tmp", dir=wanted.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
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
