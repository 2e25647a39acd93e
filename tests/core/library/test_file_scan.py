from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from reader.core.library import file_scan
from reader.core.library.collection import HASH_CACHE_FILE, Library
from reader.core.library.file_scan import RACY_NS, FileScanner

ONE_HOUR_NS = 3600 * 10**9


def write(path: Path, text: str, age_ns: int = 0) -> Path:
    """Write a page; with `age_ns`, back-date its modification time by that much."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if age_ns:
        mtime = path.stat().st_mtime_ns - age_ns
        os.utime(path, ns=(mtime, mtime))
    return path


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the scanner reads to hash, in order."""
    calls: list[Path] = []
    real = file_scan.file_sha256

    def counting(path: Path) -> str:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(file_scan, "file_sha256", counting)
    return calls


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    for number in range(3):
        write(folder / f"p{number}.txt", f"page {number}", age_ns=ONE_HOUR_NS)
    return folder


def scanner_for(home: Path) -> FileScanner:
    return FileScanner(home / HASH_CACHE_FILE)


def names(files: list[file_scan.LibraryFile]) -> list[str]:
    return [f.path.name for f in files]


# Racy hashes


def test_a_file_changed_within_one_clock_tick_is_noticed(
    diglot_home: Path, pages: Path, hashed: list[Path]
) -> None:
    page = write(pages / "fresh.txt", "first version")
    scanner = scanner_for(diglot_home)
    roots = [(0, pages)]
    scanner.scan(roots)
    stamp = page.stat()
    # Same size and modification time (a second save within one tick of a coarse clock).
    page.write_text("other version", encoding="utf-8")
    os.utime(page, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    hashed.clear()
    (listed,) = [f for f in scanner.scan(roots) if f.path.name == "fresh.txt"]
    assert listed.content_hash == sha(page)
    assert hashed == [page.resolve()]  # the other pages are trusted: not read again


def test_only_hashes_taken_well_after_a_change_are_saved(
    diglot_home: Path, pages: Path, hashed: list[Path]
) -> None:
    fresh = write(pages / "fresh.txt", "just saved")
    scanner_for(diglot_home).scan([(0, pages)])
    saved = json.loads((diglot_home / HASH_CACHE_FILE).read_text(encoding="utf-8"))
    assert sorted(Path(p).name for p in saved["files"]) == ["p0.txt", "p1.txt", "p2.txt"]
    hashed.clear()
    scanner_for(diglot_home).scan([(0, pages)])  # another process, say
    assert hashed == [fresh.resolve()]
    assert RACY_NS >= 2 * 10**9  # FAT keeps modification times to 2 s


def test_touching_a_file_back_to_its_old_time_is_noticed(
    diglot_home: Path, pages: Path
) -> None:
    scanner = scanner_for(diglot_home)
    scanner.scan([(0, pages)])
    page = pages / "p1.txt"
    stamp = page.stat()
    page.write_text("page 9", encoding="utf-8")  # same size
    os.utime(page, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    for fresh in (scanner, scanner_for(diglot_home)):
        (listed,) = [f for f in fresh.scan([(0, pages)]) if f.path.name == "p1.txt"]
        assert listed.content_hash == sha(page)  # the status-change time moved


# The cache file


def test_a_library_rescan_hashes_only_changed_files(
    diglot_home: Path, pages: Path, hashed: list[Path]
) -> None:
    library = Library(diglot_home)
    library.add_folder(pages)
    library.files()
    assert len(hashed) == 4  # three pages and the seed
    hashed.clear()
    # A new Library reads the saved cache: nothing is hashed again.
    assert len(Library(diglot_home).files()) == 4
    assert hashed == []
    changed = write(pages / "p1.txt", "page one, changed")
    files = {f.path.name: f for f in Library(diglot_home).files()}
    assert hashed == [changed.resolve()]
    assert files["p1.txt"].content_hash == sha(changed)


def test_one_changed_page_in_a_large_library_does_not_rewrite_the_cache(
    diglot_home: Path, tmp_path: Path, hashed: list[Path]
) -> None:
    folder = tmp_path / "many"
    for number in range(80):
        write(folder / f"p{number:02d}.txt", f"page {number}", age_ns=ONE_HOUR_NS)
    scanner = scanner_for(diglot_home)
    scanner.scan([(0, folder)])
    cache = diglot_home / HASH_CACHE_FILE
    before = cache.read_bytes()
    write(folder / "p07.txt", "page seven, edited", age_ns=ONE_HOUR_NS)
    scanner.scan([(0, folder)])
    assert cache.read_bytes() == before
    hashed.clear()
    files = scanner_for(diglot_home).scan([(0, folder)])
    assert hashed == [(folder / "p07.txt").resolve()]  # the next process hashes it again
    assert files[7].content_hash == sha(folder / "p07.txt")


def test_an_unreadable_or_old_cache_means_hashing_afresh(
    diglot_home: Path, pages: Path, hashed: list[Path]
) -> None:
    cache = diglot_home / HASH_CACHE_FILE
    cache.parent.mkdir(parents=True)
    for content in ("{not json", json.dumps({str(pages / "p0.txt"): [7, 0, "0" * 64]})):
        cache.write_text(content, encoding="utf-8")
        hashed.clear()
        files = scanner_for(diglot_home).scan([(0, pages)])
        assert len(hashed) == 3 and files[0].content_hash == sha(pages / "p0.txt")


# Listing


def test_roots_rank_files_and_the_first_root_owns_a_shared_folder(
    diglot_home: Path, tmp_path: Path
) -> None:
    outer = tmp_path / "outer"
    write(outer / "b.txt", "b")
    write(outer / "inner" / "a.htm", "a")
    write(outer / ".hidden" / "c.txt", "hidden")
    write(outer / "notes.md", "not a page")
    inner = outer / "inner"
    files = scanner_for(diglot_home).scan([(0, inner), (1, outer)])
    assert [(f.priority, f.path.name) for f in files] == [(0, "a.htm"), (1, "b.txt")]
    assert files[0].root == inner


def test_symlinked_files_are_listed_by_their_target(diglot_home: Path, tmp_path: Path) -> None:
    target = write(tmp_path / "elsewhere" / "real.txt", "real")
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "link.txt").symlink_to(target)
    (folder / "linked-folder").symlink_to(target.parent, target_is_directory=True)
    scanner = scanner_for(diglot_home)
    (listed,) = scanner.scan([(0, folder)])
    assert listed.path == target.resolve() and listed.root == folder
    # A listing reached through symlinks cannot be patched path by path.
    assert scanner.rescan([(0, folder)], [target]) is None


# Rescanning known paths


def test_a_rescan_of_known_paths_equals_a_full_scan(
    diglot_home: Path, pages: Path, tmp_path: Path
) -> None:
    library = Library(diglot_home)
    library.add_folder(pages)
    library.files()
    serial = library.listing_serial
    added = write(pages / "deep" / "added.txt", "added")
    edited = write(pages / "p1.txt", "page one, edited")
    removed = pages / "p2.txt"
    removed.unlink()
    ignored = [write(tmp_path / "outside.txt", "x"), write(pages / ".hidden.txt", "x")]
    rescanned = library.files([added, edited, removed, *ignored])
    assert rescanned == Library(diglot_home).files()
    changed = library.changed_since(serial)
    assert changed is not None and {str(added), str(edited), str(removed)} <= changed
    assert library.listed(str(edited)) == next(f for f in rescanned if f.path == edited)
    assert library.changed_since(library.listing_serial) == set()


def test_a_rescan_falls_back_to_a_full_scan_when_it_cannot_be_trusted(
    diglot_home: Path, pages: Path
) -> None:
    scanner = scanner_for(diglot_home)
    roots = [(0, pages)]
    assert scanner.rescan(roots, [pages / "p0.txt"]) is None  # nothing scanned yet
    scanner.scan(roots)
    assert scanner.rescan(roots, [pages]) is None  # a folder
    assert scanner.rescan([(0, pages), (1, pages.parent)], []) is None  # other roots
    gone = pages / "sub"
    write(gone / "p.txt", "p")
    scanner.scan(roots)
    for page in gone.iterdir():
        page.unlink()
    gone.rmdir()
    assert scanner.rescan(roots, [gone]) is None  # a folder that went away
    assert names(scanner.scan(roots)) == ["p0.txt", "p1.txt", "p2.txt"]


def test_changes_are_remembered_across_scans_then_forgotten_when_roots_change(
    diglot_home: Path, pages: Path, tmp_path: Path
) -> None:
    scanner = scanner_for(diglot_home)
    scanner.scan([(0, pages)])
    start = scanner.serial
    write(pages / "p0.txt", "zero, edited")
    scanner.scan([(0, pages)])
    (pages / "p1.txt").unlink()
    scanner.scan([(0, pages)])
    assert scanner.changed_since(start) == {str(pages / "p0.txt"), str(pages / "p1.txt")}
    scanner.scan([(0, pages), (1, tmp_path / "more")])
    assert scanner.changed_since(start) is None
