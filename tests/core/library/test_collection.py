from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader.core.library.collection import Library, bundled_seeds_dir, data_home
from reader.core.page.parser import PageError
from tests.conftest import ROOT, SEED_PAGE, SEEDS
from tests.core.seed_variants import SEED_RECORD, seed_text, variant, write_page


def listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# data_home and the seeds


def test_data_home_follows_diglot_home(diglot_home: Path) -> None:
    assert data_home() == diglot_home


def test_data_home_defaults_to_the_platform_user_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DIGLOT_HOME")
    home = data_home()
    assert home.is_absolute()
    assert "diglot" in home.name.lower()


def test_bundled_seeds_in_a_checkout_are_the_seeds_folder() -> None:
    assert bundled_seeds_dir() == SEEDS
    assert SEED_PAGE in set(bundled_seeds_dir().iterdir())


def _can_build_wheels() -> bool:
    # setuptools before 70.1 builds wheels only with the separate `wheel` package.
    release = importlib.metadata.version("setuptools")
    version = tuple(int(p) for p in release.split(".")[:2] if p.isdigit())
    return version >= (70, 1) or importlib.util.find_spec("wheel") is not None


def test_a_wheel_carries_the_seeds_and_finds_them(tmp_path: Path) -> None:
    pytest.importorskip("setuptools")
    # Build from a copy, so the checkout gets no build/ or egg-info folders.
    source = tmp_path / "src"
    skipped = {".venv", ".git", ".mypy_cache", ".pytest_cache", ".ruff_cache", "build", "dist"}

    def ignore(folder: str, names: list[str]) -> set[str]:
        top = Path(folder) == ROOT
        return {
            n
            for n in names
            if n == "__pycache__" or n.endswith(".egg-info") or (top and n in skipped | {"tests"})
        }

    shutil.copytree(ROOT, source, ignore=ignore)
    installed = tmp_path / "installed"
    seed_name = f"reader/seeds/{SEED_PAGE.name}"
    if _can_build_wheels():
        wheels = tmp_path / "wheels"
        build = subprocess.run(
            [
                *(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"),
                *("-q", "-w", str(wheels), str(source)),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert build.returncode == 0, build.stderr
        (wheel,) = wheels.glob("diglot-*.whl")
        with zipfile.ZipFile(wheel) as archive:
            assert seed_name in archive.namelist()
            archive.extractall(installed)
    else:
        # No wheel builder in this venv: build_py lays out exactly the tree a wheel would hold.
        script = "import setuptools, sys; setuptools.setup(script_args=sys.argv[1:])"
        build = subprocess.run(
            [sys.executable, "-c", script, "-q", "build_py", "--build-lib", str(installed)],
            capture_output=True,
            text=True,
            cwd=source,
            timeout=120,
        )
        assert build.returncode == 0, build.stderr
        assert (installed / seed_name).is_file()
    # The unpacked wheel has no checkout seeds/ beside reader/: the package resource is used.
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "from reader.core.library.collection import bundled_seeds_dir as b; print(b())",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(installed)},
        timeout=60,
    )
    assert found.returncode == 0, found.stderr
    seeds = Path(found.stdout.strip())
    assert seeds == installed / "reader" / "seeds"
    assert (seeds / SEED_PAGE.name).read_bytes() == SEED_PAGE.read_bytes()


# Roots and folders


def test_roots_are_seeds_library_and_added_folders(diglot_home: Path, tmp_path: Path) -> None:
    library = Library(diglot_home)
    assert library.roots() == [SEEDS, diglot_home / "library"]
    folder = tmp_path / "pages"
    folder.mkdir()
    library.add_folder(folder)
    library.add_folder(folder)  # twice is once
    assert library.roots() == [SEEDS, diglot_home / "library", folder.resolve()]


def test_added_folders_persist_atomically(diglot_home: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    library = Library(diglot_home)
    library.add_folder(first)
    library.add_folder(second)
    saved = json.loads((diglot_home / "folders.json").read_text(encoding="utf-8"))
    assert saved["folders"] == [str(first.resolve()), str(second.resolve())]
    assert [p.name for p in diglot_home.iterdir() if p.name.endswith(".tmp")] == []
    assert Library(diglot_home).folders() == [first.resolve(), second.resolve()]
    assert Library(diglot_home).remove_folder(first) is True
    assert Library(diglot_home).folders() == [second.resolve()]
    assert Library(diglot_home).remove_folder(first) is False


def test_adding_a_missing_folder_fails(diglot_home: Path, tmp_path: Path) -> None:
    with pytest.raises(NotADirectoryError):
        Library(diglot_home).add_folder(tmp_path / "nowhere")


def test_unreadable_folders_file_is_ignored(diglot_home: Path) -> None:
    diglot_home.mkdir(parents=True)
    (diglot_home / "folders.json").write_text("{not json", encoding="utf-8")
    assert Library(diglot_home).folders() == []


# Files


def test_files_are_found_recursively_by_suffix_any_case(diglot_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    write_page(folder / "a.TXT", variant(record_id="1"))
    write_page(folder / "deep" / "er" / "b.Htm", "<html></html>")
    write_page(folder / "c.html", "x")
    write_page(folder / "notes.md", "not a page")
    write_page(folder / ".hidden.txt", "editor backup")
    library = Library(diglot_home)
    library.add_folder(folder)
    files = library.files()
    names = [f.path.name for f in files]
    assert sorted(names) == sorted([SEED_PAGE.name, "a.TXT", "b.Htm", "c.html"])
    by_name = {f.path.name: f for f in files}
    page = by_name["a.TXT"]
    assert page.root == folder.resolve()
    assert page.size == page.path.stat().st_size
    assert page.mtime_ns == page.path.stat().st_mtime_ns
    assert page.content_hash == hashlib.sha256(page.path.read_bytes()).hexdigest()
    # Rank order: the added folder before the seeds.
    assert names[-1] == SEED_PAGE.name


# Loading and duplicates


def test_load_parses_reports_errors_and_hides_duplicates(diglot_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    write_page(folder / "other.txt", variant(record_id="200", title="Another Telegram"))
    same_record = write_page(folder / "copy-of-seed.txt", variant(words="a second capture"))
    old_layout = write_page(folder / "old-layout.txt", variant(record_id=""))  # same title+date
    different_record = write_page(folder / "same-title.txt", variant(record_id="300"))
    write_page(folder / "empty.txt", "")
    write_page(folder / "binary.txt", "\x00\x01\x02 not text")
    library = Library(diglot_home)
    library.add_folder(folder)
    progress: list[tuple[int, int, str]] = []
    loaded = library.load(progress=lambda done, total, path: progress.append((done, total, path)))

    assert [p[0] for p in progress] == list(range(1, 8))
    assert all(p[1] == 7 for p in progress)
    assert sorted(Path(e.path).name for e in loaded.errors) == ["binary.txt", "empty.txt"]
    assert all(isinstance(e, PageError) and e.reason for e in loaded.errors)

    ids = sorted(d.id for d in loaded.documents)
    assert ids == sorted(["200", SEED_RECORD, "300"])
    # The added folder outranks the seeds; within it, paths sort by code point.
    shown = {d.id: Path(d.file) for d in loaded.documents}
    assert shown[SEED_RECORD] == same_record.resolve()
    assert shown["300"] == different_record.resolve()
    hidden = {d.path.name: d for d in loaded.duplicates}
    assert set(hidden) == {SEED_PAGE.name, "old-layout.txt"}
    assert hidden[SEED_PAGE.name].kept == same_record.resolve()
    assert hidden[SEED_PAGE.name].key == f"record:{SEED_RECORD}"
    assert hidden["old-layout.txt"].kept == same_record.resolve()
    assert hidden["old-layout.txt"].key.startswith("title:")
    assert old_layout.exists()


def test_the_library_folder_outranks_added_folders(diglot_home: Path, tmp_path: Path) -> None:
    write_page(tmp_path / "pages" / "a.txt", variant(words="from the folder"))
    imported = write_page(diglot_home / "library" / "z.txt", variant(words="imported copy"))
    library = Library(diglot_home)
    library.add_folder(tmp_path / "pages")
    loaded = library.load()
    assert [Path(d.file) for d in loaded.documents] == [imported.resolve()]
    assert len(loaded.duplicates) == 2


def test_load_selected_paths_and_document_by_id(diglot_home: Path, tmp_path: Path) -> None:
    page = write_page(tmp_path / "pages" / "p.txt", variant(record_id="42", title="Forty Two"))
    library = Library(diglot_home)
    library.add_folder(tmp_path / "pages")
    loaded = library.load([page])
    assert [d.id for d in loaded.documents] == ["42"]
    document = Library(diglot_home).document("42")
    assert document.title == "Forty Two"
    assert Path(document.file) == page.resolve()
    assert document.content_hash == hashlib.sha256(page.read_bytes()).hexdigest()
    with pytest.raises(KeyError):
        library.document("no-such-id")


# Import


def test_import_copies_good_pages_and_reports_the_rest(diglot_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "downloads"
    good = write_page(source / "telegram.txt", variant(record_id="500", title="Five Hundred"))
    write_page(source / "nested" / "deeper" / "page.htm", variant(record_id="501"))
    write_page(source / "nested" / "broken.txt", "")
    write_page(source / "seed-again.txt", seed_text())  # already bundled: an exact duplicate
    notes = write_page(tmp_path / "notes.pdf", "%PDF")
    before = listing(source)
    library = Library(diglot_home)

    report = library.import_files([good, source, notes, tmp_path / "missing.txt"])

    lib = diglot_home / "library"
    assert sorted(p.relative_to(lib).as_posix() for p in report.imported) == [
        "downloads/nested/deeper/page.htm",
        "telegram.txt",
    ]
    # telegram.txt came twice (alone and in its folder): the second is an exact duplicate.
    assert sorted(p.name for p in report.skipped) == ["seed-again.txt", "telegram.txt"]
    assert len(report.errors) == 3
    assert report.summary() == "Imported 2 pages; 2 already in the library; 3 not imported."
    assert any(
        line.startswith(f"{source.resolve() / 'nested' / 'broken.txt'}: ") for line in report.errors
    )
    assert any(line.startswith(f"{notes}: ") for line in report.errors)
    assert any("missing.txt: " in line for line in report.errors)
    assert (lib / "telegram.txt").read_bytes() == good.read_bytes()
    assert listing(source) == before  # nothing written into the user's folders
    assert {d.id for d in library.load().documents} == {SEED_RECORD, "500", "501"}


def test_import_never_overwrites_a_different_file(diglot_home: Path, tmp_path: Path) -> None:
    library = Library(diglot_home)
    first = write_page(tmp_path / "one" / "page.txt", variant(record_id="1"))
    second = write_page(tmp_path / "two" / "page.txt", variant(record_id="2"))
    third = write_page(tmp_path / "three" / "page.txt", variant(record_id="3"))
    library.import_files([first])
    report = library.import_files([second, third])
    lib = diglot_home / "library"
    assert [p.name for p in report.imported] == ["page-2.txt", "page-3.txt"]
    assert (lib / "page.txt").read_bytes() == first.read_bytes()
    assert (lib / "page-2.txt").read_bytes() == second.read_bytes()
    assert sorted(p.name for p in lib.iterdir()) == ["page-2.txt", "page-3.txt", "page.txt"]
    again = library.import_files([first, second, third])
    assert again.imported == [] and len(again.skipped) == 3
