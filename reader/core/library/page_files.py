"""Page files on disk: which files are pages, finding them in folders, importing copies."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.page.errors import PageError

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


@dataclass
class ImportReport:
    """What an import did with each file it was given."""

    imported: list[Path] = field(default_factory=list)  # destinations in the library folder
    skipped: list[Path] = field(default_factory=list)  # sources already in the library, by hash
    errors: list[str] = field(default_factory=list)  # "file: reason"

    def summary(self) -> str:
        """One line for a status bar: how many were imported, already there, refused."""
        parts = [f"Imported {len(self.imported)} page{'' if len(self.imported) == 1 else 's'}"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} already in the library")
        if self.errors:
            parts.append(f"{len(self.errors)} not imported")
        return "; ".join(parts) + "."


def import_pages(paths: Iterable[Path], library_dir: Path, known: set[str]) -> ImportReport:
    """Copy pages into `library_dir`; folders are searched recursively.

    Every file is parsed first and only good pages are copied. A file whose bytes are already
    known (by SHA-256) is skipped; a different file with the same name gets a "-2", "-3", ...
    suffix, so nothing is ever overwritten. The structure below an imported folder is kept
    (`<library>/<folder name>/...`).

    Args:
        paths: files and folders to import.
        library_dir: the user's library folder (created when needed).
        known: hashes of every page already in the library; updated with the imported ones.

    Returns:
        The report; one "file: reason" line per file that was neither imported nor skipped.
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
            report.errors.append(f"{source}: no such file")
        elif not is_page_file(source):
            report.errors.append(f"{source}: not a page (.txt, .html or .htm)")
        else:
            pairs.append((source.resolve(), Path(source.name)))
    for source, relative in pairs:
        try:
            data = source.read_bytes()
        except OSError as error:
            report.errors.append(f"{source}: {error.strerror or error}")
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in known:
            report.skipped.append(source)
            continue
        try:
            parse_bytes(data, str(source))
        except PageError as error:
            report.errors.append(f"{source}: {error.reason}")
            continue
        try:
            report.imported.append(_copy_new(data, library_dir / relative))
        except OSError as error:
            report.errors.append(f"{source}: {error.strerror or error}")
            continue
        known.add(digest)
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
