"""Page, file and config text is shown literally everywhere in the real window (issue 12).

A made-up page plants markup in every field, a keys.toml plants it in a command name, and a
file that cannot be imported plants it in a file name; every label, tooltip, status line,
list cell, search result and dialog must then show `<b>bold</b>` as written and no image.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from reader.core.session.workspace import Workspace
from reader.ui.app import DiglotApp
from reader.ui.plain_text import plain_label, plain_tooltip
from tests.ui.rendered import as_shown

BOLD = "<b>bold</b>"
FILE_BOLD = "<b>bold<i>"  # a file name cannot hold the "/" of </b>
SHOWN = "<b>bold"  # what every planted text shows as written


def _markup(image: Path) -> str:
    return f"{BOLD}<img src='file://{image}'>"


def _page(mark: str) -> str:
    fields = [
        "Skip to content", "October 1, 1950", f"Made-up telegram {mark}",
        "Передано по телеграфу в Пекин для немедленной передачи. Придуманный текст для "
        f"проверки, что разметка показана как написана, а не исполнена {mark}.",
        "Transmitted by telegraph to Beijing for immediate delivery. A made-up text to check "
        f"that markup is shown as written, not carried out {mark}.",
        f"A made-up summary of a made-up telegram, written for this test {mark} only.",
        "Author(s):", f"Made-up Author {mark}", "Associated People & Organizations",
        f"Made-up Person {mark}", "Document Information", "Source",
        f"Made-up Archive {mark}, Fond 45, Opis 1, Delo 3", "Rights",
        f"Made-up rights {mark}.", "Original Uploaded Date", "2011-11-20", "Type",
        f"Telegram {BOLD}", "Language", "Russian",  # a type is short: no room for the image
    ]  # fmt: skip
    return "\n\n".join(fields) + "\n"


@pytest.fixture
def planted(diglot_home: Path, tmp_path: Path) -> Path:
    image = tmp_path / "made_up_pixel.png"
    pixel = QImage(4, 4, QImage.Format.Format_RGB32)
    pixel.fill(QColor("red"))
    assert pixel.save(str(image))
    mark = _markup(image)
    library = diglot_home / "library"
    library.mkdir(parents=True)
    (library / f"made_up_{FILE_BOLD} page.txt").write_text(_page(mark), encoding="utf-8")
    config = diglot_home / "config"
    config.mkdir()
    (config / "keys.toml").write_text(f'[keys]\n"{mark}" = ["Ctrl+J"]\n', encoding="utf-8")
    return image


@pytest.fixture
def diglot(qtbot: QtBot, diglot_home: Path, planted: Path) -> Iterator[DiglotApp]:
    app = DiglotApp(Workspace(diglot_home), settings_path=diglot_home / "settings.ini")
    qtbot.addWidget(app.window)
    app.start()
    qtbot.waitExposed(app.window)
    qtbot.waitUntil(lambda: not app.indexing and app.workspace.reading.document is not None,
                    timeout=30000)
    yield app
    app.shutdown()


def _shows_literally(markup: str, rich: bool | None) -> bool:
    shown, images = as_shown(markup, rich)
    return images == 0 and SHOWN in shown


def _walk(widgets: list[QWidget]) -> tuple[int, list[str]]:
    """How many planted texts the widgets show, and the ones shown as markup."""
    seen, wrong = 0, []
    for widget in widgets:
        tip = widget.toolTip()
        if "bold" in tip:
            seen += 1
            if not _shows_literally(tip, None):
                wrong.append(f"tooltip of {widget.objectName() or type(widget).__name__}")
        if isinstance(widget, QLabel) and "bold" in widget.text():
            seen += 1
            fmt = widget.textFormat()
            rich = None if fmt == Qt.TextFormat.AutoText else fmt == Qt.TextFormat.RichText
            if not _shows_literally(widget.text(), rich):
                wrong.append(f"label {widget.accessibleName() or widget.text()[:30]}")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            seen_here, wrong_here = _walk_view(widget)
            seen += seen_here
            wrong += wrong_here
    return seen, wrong


def _walk_view(view: QAbstractItemView) -> tuple[int, list[str]]:
    model = view.model()
    seen, wrong = 0, []
    columns = model.columnCount() if not isinstance(model, QAbstractListModel) else 1
    for row in range(model.rowCount()):
        for column in range(columns):
            index = model.index(row, column, QModelIndex())
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and "bold" in tip:
                seen += 1
                if not _shows_literally(tip, None):
                    wrong.append(f"tooltip of a cell of {view.accessibleName()}")
            display = model.data(index, Qt.ItemDataRole.DisplayRole)
            if isinstance(display, str) and "bold" in display:
                seen += 1
                delegate = view.itemDelegateForIndex(index)
                document = getattr(delegate, "_document", None)
                if document is not None:  # a delegate that paints rich text
                    option = QStyleOptionViewItem()
                    option.rect = view.visualRect(index)
                    rendered = document(option, index)
                    shown, images = rendered.toPlainText(), 0
                    html = rendered.toHtml()
                    images = html.count("<img")
                    if images or SHOWN not in shown:
                        wrong.append(f"rich cell of {view.accessibleName()}")
                elif SHOWN not in display:
                    wrong.append(f"cell of {view.accessibleName()}")
    return seen, wrong


def test_markup_in_every_field_is_shown_as_written(qtbot: QtBot, diglot: DiglotApp,
                                                   planted: Path) -> None:  # fmt: skip
    window = diglot.window
    workspace = diglot.workspace
    (ours,) = [e for e in workspace.catalog.visible() if "bold" in e.title]
    workspace.open_document(ours.id)
    qtbot.waitUntil(lambda: workspace.reading.document is not None
                    and workspace.reading.document.id == ours.id)
    document = workspace.reading.document
    assert document is not None and BOLD in document.title and BOLD in document.source.text
    assert BOLD in document.type and BOLD in document.summary and BOLD in document.rights[0]
    assert document.original is not None and BOLD in document.original.paragraphs[0]
    # keys.toml named a command that does not exist. Its line went to the status bar at start,
    # and later lines (indexing) replaced it: say it again the same way, after them.
    (problem,) = workspace.keymap_problems
    assert "bold" in problem
    workspace.message.emit(problem)
    assert window.status_label.text() == problem
    # A search whose results hold the title, so the rich-text delegate paints it.
    window.search_panel.field.setText("telegram")
    qtbot.waitUntil(lambda: window.search_panel.results.model().rowCount() > 0, timeout=10000)
    # A file that cannot be imported, whose name is markup: its line in the import report.
    bad = planted.parent / f"made_up_{FILE_BOLD} broken.txt"
    bad.write_text("not a page", encoding="utf-8")
    diglot.import_paths([bad])
    qtbot.waitUntil(lambda: getattr(diglot, "import_report", None) is not None, timeout=10000)

    widgets = window.findChildren(QWidget) + [
        w for w in QApplication.topLevelWidgets() if w is not window
    ]
    for top in QApplication.topLevelWidgets():
        widgets += top.findChildren(QWidget)
    seen, wrong = _walk(widgets)
    assert wrong == []
    # Title, summary, source, type, rights, people, the file's name and its tooltip, the
    # status line, the list's cells and tooltips, the search result, the report: all seen.
    assert seen >= 15
    for pane in window.split_view.panes.values():
        assert BOLD in pane.toPlainText()
    assert BOLD in window.windowTitle()


def test_the_helpers_show_text_literally(qtbot: QtBot, tmp_path: Path) -> None:
    mark = _markup(tmp_path / "made_up_pixel.png") + "\nsecond line"
    assert as_shown(plain_tooltip(mark)) == (mark, 0)
    assert plain_tooltip("") == ""
    label = plain_label(mark)
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    # Unescaped, Qt renders it: bold text and an image.
    shown, images = as_shown(mark)
    assert "<b>" not in shown and images == 1
