from __future__ import annotations

import os
from pathlib import Path

from reader.core.library.watch import LibraryWatch


def page(path: Path, text: str = "made up") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_changes_are_due_after_a_quiet_spell_or_the_longest_wait(tmp_path: Path) -> None:
    watch = LibraryWatch([tmp_path], quiet=0.3, max_wait=1.0)
    assert watch.wait(0.0) is None
    watch.note(tmp_path, 10.0)
    assert abs(watch.wait(10.0) - 0.3) < 1e-9
    watch.note(tmp_path, 10.2)  # a burst: the quiet spell starts again
    assert abs(watch.wait(10.2) - 0.3) < 1e-9
    for moment in (10.4, 10.6, 10.8):
        watch.note(tmp_path, moment)
    assert abs(watch.wait(10.8) - 0.2) < 1e-9  # but never later than a second after the first
    assert watch.wait(11.5) == 0.0


def test_take_names_new_changed_and_gone_pages_only(tmp_path: Path) -> None:
    library = tmp_path / "library"
    kept = page(library / "made_up_kept.txt")
    edited = page(library / "made_up_edited.txt")
    dropped = page(library / "made_up_dropped.html")
    watch = LibraryWatch([library])
    assert watch.take().files == []  # nothing noted
    new = page(library / "made_up_new.txt")
    page(library / "notes.pdf")  # not a page
    page(library / ".hidden.txt")
    edited.write_text("made up, and longer now", encoding="utf-8")
    dropped.unlink()
    watch.note(library, 0.0)
    changes = watch.take()
    assert sorted(changes.files) == sorted([new.resolve(), edited.resolve(), dropped.resolve()])
    assert kept.resolve() not in changes.files
    watch.note(library, 1.0)
    assert watch.take().files == []  # seen now: nothing new


def test_files_the_app_wrote_itself_are_not_reported_again(tmp_path: Path) -> None:
    library = tmp_path / "library"
    page(library / "made_up_kept.txt")
    watch = LibraryWatch([library])
    imported = page(library / "made_up_imported.txt")  # an import's copy, already indexed
    other = page(library / "made_up_other.txt")  # written by someone else meanwhile
    watch.note(library, 0.0)
    watch.known([imported, library / "notes.pdf", tmp_path / "elsewhere" / "x.txt"])
    assert watch.take().files == [other.resolve()]
    imported.write_text("made up, edited afterwards", encoding="utf-8")
    watch.note(library, 1.0)
    assert watch.take().files == [imported.resolve()]  # a later edit is news again


def test_new_and_gone_folders_and_a_library_made_later(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    library = home / "library"
    watch = LibraryWatch([library])
    assert watch.folders() == [home.resolve()]  # waiting for the library to be made
    inner = page(library / "downloads" / "deeper" / "made_up_inner.txt")
    watch.note(home, 0.0)
    changes = watch.take()
    assert changes.files == [inner.resolve()]
    assert library.resolve() in changes.new_folders
    assert (library / "downloads" / "deeper").resolve() in watch.folders()
    for path in sorted((library / "downloads").rglob("*"), reverse=True):
        path.unlink() if path.is_file() else os.rmdir(path)
    os.rmdir(library / "downloads")
    watch.note(library.resolve(), 1.0)
    changes = watch.take()
    assert changes.files == [inner.resolve()]
    assert (library / "downloads").resolve() in changes.gone_folders
    assert (library / "downloads").resolve() not in watch.folders()
