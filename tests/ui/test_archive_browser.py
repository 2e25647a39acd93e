"""The archive browser and the related documents, in the real window over a real library."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.index.types import DocumentEntry
from reader.core.provenance.arrangement import locators_of
from reader.core.provenance.citations import parse_source
from reader.core.session.browsing import Browsing
from reader.core.session.catalog import Catalog
from reader.ui.app import DiglotApp
from reader.ui.archive_browser import ID_ROLE, UNCITED, ArchiveBrowser
from tests.conftest import DATA
from tests.ui.test_app import press, start

# The seed (in every library) and made-up pages: two more in APRF fond 45 opis 1, one in GARF,
# one citing only a publication.
PAGES = ("made_up_several_translations.txt", "made_up_spaced_letters.txt",
         "made_up_year_only.txt", "made_up_chinese_original.txt")  # fmt: skip


def start_with(qtbot: QtBot, home: Path, pages: Iterable[str]) -> DiglotApp:
    """The real window over the seed and these fixture pages, every one of them listed."""
    library = home / "library"
    library.mkdir(parents=True)
    names = list(pages)
    for name in names:
        shutil.copy(DATA / name, library)
    app = start(qtbot, home)
    qtbot.waitUntil(lambda: len(app.workspace.catalog) == len(names) + 1, timeout=30000)
    return app


@pytest.fixture
def diglot(qtbot: QtBot, diglot_home: Path) -> Iterator[DiglotApp]:
    app = start_with(qtbot, diglot_home, PAGES)
    yield app
    app.shutdown()


def rows(browser: ArchiveBrowser) -> list[tuple[str, str]]:
    model, parent = browser.model, QModelIndex()
    return [(model.index(r, 0, parent).data(), model.index(r, 1, parent).data())
            for r in range(model.rowCount(parent))]  # fmt: skip


def test_the_key_shows_the_tree_and_return_opens_a_document(qtbot: QtBot,
                                                            diglot: DiglotApp) -> None:
    window, workspace = diglot.window, diglot.workspace
    workspace.open_document("made-up-120017")
    press(QApplication.focusWidget() or window, "Ctrl+Shift+B")
    browser = window.archive_browser
    qtbot.waitUntil(lambda: browser.tree.hasFocus())
    # The tree is built by a worker as entries arrive; the dock shows the latest.
    qtbot.waitUntil(lambda: len(rows(browser)) == 4)
    assert rows(browser) == [
        ("Archive of the President of the Russian Federation (APRF) — Архив Президента "
         "Российской Федерации", "3"),
        ("Russian State Archive of Socio-Political History (RGASPI) — Российский "
         "государственный архив социально-политической истории", "1"),
        ("State Archive of the Russian Federation (GARF) — Государственный архив Российской "
         "Федерации", "1"),
        (UNCITED, "1"),
    ]
    # Down the levels with the keyboard: Right expands, Down steps in.
    tree = browser.tree
    tree.setCurrentIndex(browser.model.index(0, 0))
    for key in ("Right", "Down", "Right", "Down", "Right", "Down"):
        QTest.keyClick(tree, getattr(Qt.Key, f"Key_{key}"))
    assert tree.currentIndex().data() == "delo 329"
    QTest.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentIndex().data() == "delo 334"
    QTest.keyClick(tree, Qt.Key.Key_Right)
    QTest.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentIndex().data(ID_ROLE) == "113729"
    assert tree.currentIndex().data().startswith("ll. 99-103 · Ciphered Telegram")
    QTest.keyClick(tree, Qt.Key.Key_Return)
    assert workspace.reading.document is not None and workspace.reading.document.id == "113729"
    panes = window.split_view.panes
    assert panes["original"].toPlainText().startswith("Передано т.Булганину")
    assert "Transmitted to Bulganin" in panes["translation"].toPlainText()
    qtbot.waitUntil(lambda: panes[workspace.reading.focused].hasFocus())  # read it now


def test_provenance_lists_related_documents_and_return_opens_one(qtbot: QtBot,
                                                                 diglot: DiglotApp) -> None:
    window, workspace = diglot.window, diglot.workspace
    workspace.open_document("made-up-120017")  # APRF 45/1/335, l. 3
    related = window.metadata_panel.related
    qtbot.waitUntil(lambda: related.count() == 2)  # once the worker's tree has every entry
    labels = [related.item(r).text() for r in range(related.count())]
    seed_title = "Ciphered Telegram, Filippov [Stalin] to Mao Zedong and Zhou Enlai (via Roshchin)"
    spaced = workspace.catalog.entries()
    spaced_title = next(e.title for e in spaced if e.id == "made-up-120016")
    assert labels == [  # delo 334 is one from 335, delo 329 six
        f"same opis: APRF, delo 334, ll. 99-103 — {seed_title}",
        f"same opis: APRF, delo 329, l. 4 — {spaced_title}",
    ]
    window.provenance_dock.show()
    related.setFocus()
    related.setCurrentRow(1)
    QTest.keyClick(related, Qt.Key.Key_Return)
    assert workspace.reading.document is not None
    assert workspace.reading.document.id == "made-up-120016"
    assert [related.item(r).text().split(" — ")[0] for r in range(related.count())] == [
        "same opis: APRF, delo 334, ll. 99-103", "same opis: APRF, delo 335, l. 3"]
    workspace.open_document("made-up-120002")  # GARF: nothing near it
    assert related.count() == 0 and not related.isVisible()


def test_rows_are_plain_text_and_follow_new_entries(qtbot: QtBot) -> None:
    def entry(doc_id: str, title: str, source: str) -> DocumentEntry:
        return DocumentEntry(doc_id, title, "", None, "unknown", "", (), (),
                             path=f"/library/{doc_id}.txt", content_hash="0" * 64,
                             locators=locators_of(parse_source(source).citations))

    catalog = Catalog()
    catalog.set_entries([entry("made-up-1", "<b>Not bold</b> <img src='x'>",
                               "APRF, f. 45, op. 1, d. 334, ll. 1-2")])
    browser = ArchiveBrowser(Browsing(catalog))
    qtbot.addWidget(browser)
    browser.show()
    qtbot.waitExposed(browser)
    browser.tree.expandAll()
    document = browser.index_of_document("made-up-1")
    assert document.data() == "ll. 1-2 · <b>Not bold</b> <img src='x'>"
    assert browser.model.itemFromIndex(document).text() == document.data()
    browser.tree.setCurrentIndex(document)
    catalog.add_entries([entry("made-up-2", "Second", "APRF, f. 45, op. 1, d. 334, l. 7")])
    # Rebuilt for the new entry (within REFRESH_MS), the levels still open, the row current.
    qtbot.waitUntil(lambda: browser.index_of_document("made-up-2").isValid())
    assert rows(browser) == [("Archive of the President of the Russian Federation (APRF) — "
                              "Архив Президента Российской Федерации", "2")]
    assert browser.tree.currentIndex().data(ID_ROLE) == "made-up-1"
    assert browser.tree.isExpanded(browser.index_of_document("made-up-2").parent())
    catalog.set_filter("second")  # the list's filter is not the archive's arrangement
    assert rows(browser)[0][1] == "2"
