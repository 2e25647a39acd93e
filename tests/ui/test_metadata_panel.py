from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from reader.core.document import Document, Source
from reader.core.provenance.formats import CITATION_FORMATS
from reader.core.session.appearance import Appearance, Theme
from reader.core.session.reading import ReadingState
from reader.ui.metadata_panel import MetadataPanel
from reader.ui.theme import ThemeController
from tests.conftest import SEED_PAGE
from tests.ui.rendered import as_shown


def make_panel(qtbot: QtBot, view: ReadingState) -> MetadataPanel:
    panel = MetadataPanel(view)
    qtbot.addWidget(panel)
    panel.resize(420, 800)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_empty_panel_says_so(qtbot: QtBot) -> None:
    panel = make_panel(qtbot, ReadingState())
    assert panel.empty.isVisible()
    assert not panel.title.isVisible()
    assert not panel.buttons["bibtex"].isVisible()


def test_fields_are_shown(qtbot: QtBot, seed_document: Document) -> None:
    view = ReadingState()
    panel = make_panel(qtbot, view)
    view.set_document(seed_document)
    assert not panel.empty.isVisible()
    assert panel.title.text().startswith("Ciphered Telegram, Filippov [Stalin]")
    assert panel.fields["date"].text() == "October 1, 1950 (exact day)"
    assert panel.fields["type"].text() == "Telegram"
    assert panel.fields["record_id"].text() == "113729"
    assert panel.fields["uploaded"].text() == "2011-11-20"
    assert panel.fields["languages"].text() == "Declared: none; detected: Russian, English"
    assert panel.file_field.full_text() == SEED_PAGE.name
    assert panel.fields["file"].text() == SEED_PAGE.name  # whole: it fits
    assert as_shown(panel.fields["file"].toolTip()) == (str(SEED_PAGE), 0)
    assert panel.summary.text().startswith("Telegram from Stalin")
    assert panel.source.text().startswith("APRF, fond 45")
    assert panel.rights.text().startswith("The History and Public Policy Program")
    assert not panel.remainder.isVisible()


def test_citation_blocks(qtbot: QtBot, seed_document: Document) -> None:
    view = ReadingState()
    panel = make_panel(qtbot, view)
    view.set_document(seed_document)
    first, second = panel.citation_blocks
    assert list(first.values) == ["Archive", "Full name", "Fond", "Opis", "Delo", "Folios"]
    assert first.values["Archive"] == "APRF"
    assert first.values["Full name"] == "Archive of the President of the Russian Federation"
    assert [first.values[k] for k in ("Fond", "Opis", "Delo", "Folios")] == [
        "45", "1", "334", "99-103",
    ]
    assert [second.values[k] for k in ("Archive", "Fond", "Opis", "Delo", "Pages")] == [
        "RGASPI", "558", "11", "334", "97-98",
    ]
    # What the reader sees: the full name as a heading, the shelfmark on the line below.
    assert first.heading.text() == "Archive of the President of the Russian Federation"
    assert first.shelfmark.text() == "APRF · Fond 45 · Opis 1 · Delo 334 · Folios 99-103"
    assert "Pages 97-98" in second.shelfmark.text()
    assert first.isVisible() and first.shelfmark.isVisible()
    assert first.accessibleName() == "Citation: APRF"
    assert first.accessibleDescription() == "APRF, fond 45, opis 1, delo 334, listy 99-103"


def test_a_new_document_replaces_the_citations(qtbot: QtBot, seed_document: Document) -> None:
    view = ReadingState()
    panel = make_panel(qtbot, view)
    view.set_document(seed_document)
    old = panel.citation_blocks
    view.set_document(replace(seed_document, source=Source(
        text="GARF", citations=seed_document.source.citations[:1],
    )))
    assert len(panel.citation_blocks) == 1
    assert panel.citation_blocks[0].values["Archive"] == "APRF"
    # The second citation is gone from view; its block waits for the next document.
    assert old[1] not in panel.citation_blocks and not old[1].isVisible()
    view.set_document(seed_document)
    assert [b.values["Archive"] for b in panel.citation_blocks if b.isVisible()] == [
        "APRF", "RGASPI",
    ]


def test_warnings_are_visible(qtbot: QtBot, seed_document: Document) -> None:
    view = ReadingState()
    panel = make_panel(qtbot, view)
    warning = "No Language field value; languages were detected from the text."
    view.set_document(replace(seed_document, warnings=(warning,)))
    assert panel.warnings.isVisible()
    assert [label.text() for label in panel.warning_labels] == [f"⚠ {warning}"]
    view.set_document(replace(seed_document, warnings=()))
    assert not panel.warnings.isVisible()


def test_sparse_record(qtbot: QtBot, seed_document: Document) -> None:
    view = ReadingState()
    panel = make_panel(qtbot, view)
    sparse = replace(
        seed_document, summary="", record_id="", uploaded="", rights=(), source=Source()
    )
    view.set_document(sparse)
    assert panel.fields["record_id"].text() == "—"
    assert not panel.summary.isVisible()
    assert not panel.citations.isVisible()
    assert panel.source.text() == "The page names no source."


def test_copy_buttons_emit_their_format(qtbot: QtBot, seed_document: Document) -> None:
    view = ReadingState()
    panel = make_panel(qtbot, view)
    view.set_document(seed_document)
    for fmt, label in ((f.name, f.label) for f in CITATION_FORMATS):
        button = panel.buttons[fmt]
        assert button.text() == label
        assert button.accessibleName() == f"Copy {label}"
        with qtbot.waitSignal(panel.copy_citation_requested) as blocker:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert blocker.args == [fmt]


def test_every_control_is_named_and_text_selectable(qtbot: QtBot, seed_document: Document) -> None:
    view = ReadingState()
    panel = make_panel(qtbot, view)
    view.set_document(seed_document)
    for button in panel.findChildren(QPushButton):
        assert button.accessibleName()
    assert panel.citations.accessibleName() == "Citations"
    for label in (panel.title, panel.summary, panel.source, *panel.fields.values()):
        assert label.accessibleName()
        assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert all(isinstance(label, QLabel) for label in panel.warning_labels)


def _body_items(panel: MetadataPanel) -> list[tuple[str, QRect]]:
    """The visible items of the panel body's layout, top to bottom, with their geometry."""
    layout = panel.widget().layout()
    assert layout is not None
    items = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        assert item is not None
        widget, sublayout = item.widget(), item.layout()
        if widget is not None and widget.isVisible():
            items.append((widget.accessibleName() or type(widget).__name__, item.geometry()))
        elif sublayout is not None and sublayout.count():
            items.append((type(sublayout).__name__, item.geometry()))
    return items


def assert_laid_out(panel: MetadataPanel) -> None:
    body = panel.widget()
    assert body.height() >= body.heightForWidth(body.width())
    items = _body_items(panel)
    names = [name for name, _ in items]
    assert "Citations" in names and "Copy citation heading" in names
    for (above, upper), (below, lower) in itertools.pairwise(items):
        assert upper.bottom() < lower.top(), f"{above} overlaps {below}"
        assert lower.right() <= body.width(), f"{below} sticks out to the right"
    for label in body.findChildren(QLabel):
        if label.isVisibleTo(panel) and label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("width", [280, 320, 700])
def test_themed_panel_lays_out_without_overlap(
    qtbot: QtBot, qapp: QApplication, seed_document: Document, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest, theme: Theme, width: int,
) -> None:
    # qdarktheme's stylesheet changes paddings and fonts, which is what broke the layout; it
    # belongs to the whole application, so it is put back for the tests that follow.
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # qdarktheme caches icons there
    sheet, palette = qapp.styleSheet(), qapp.palette()

    def restore() -> None:
        qapp.setStyleSheet(sheet)
        qapp.setPalette(palette)

    request.addfinalizer(restore)
    controller = ThemeController(qapp, Appearance(theme), tmp_path / "cache")
    request.addfinalizer(controller.close)
    view = ReadingState()
    panel = MetadataPanel(view)
    qtbot.addWidget(panel)
    panel.resize(width, 600)
    panel.show()
    qtbot.waitExposed(panel)
    view.set_document(seed_document)
    assert_laid_out(panel)  # at once: no frame shows the text in rows sized for none
    body = panel.widget()
    # The vertical scrollbar comes and goes on a queued call; then the body is refitted to
    # the narrower viewport, and must still fit it exactly.
    qtbot.waitUntil(lambda: body.width() == panel.viewport().width()
                    and body.height() >= body.heightForWidth(body.width()))
    assert_laid_out(panel)
    assert not panel.horizontalScrollBar().isVisible()


def test_a_long_file_name_is_elided_not_scrolled(qtbot: QtBot, seed_document: Document) -> None:
    view = ReadingState()
    panel = make_panel(qtbot, view)
    panel.resize(280, 600)
    name = "made_up_" + "0123456789abcdef" * 4 + ".txt"  # one word, wider than the panel
    view.set_document(replace(seed_document, file=f"/pages/{name}"))
    body = panel.widget()
    qtbot.waitUntil(lambda: body.width() == panel.viewport().width())
    assert not panel.horizontalScrollBar().isVisible()
    assert panel.file_field.full_text() == name
    shown = panel.fields["file"].text()
    assert "…" in shown and shown.startswith("made_up_") and shown.endswith(".txt")
    assert as_shown(panel.fields["file"].toolTip()) == (f"/pages/{name}", 0)
    panel.resize(900, 600)
    qtbot.waitUntil(lambda: panel.fields["file"].text() == name)
def test_a_file_name_that_is_not_utf8_is_shown_with_its_byte(qtbot: QtBot, tmp_path: Path) -> None:
    import os

    from reader.core.page.parser import parse_page

    odd = tmp_path / os.fsdecode(b"x\xe9.txt")
    odd.write_bytes(SEED_PAGE.read_bytes())
    view = ReadingState()
    panel = make_panel(qtbot, view)
    view.set_document(parse_page(odd))
    assert panel.fields["file"].text() == "x\\xe9.txt"  # Qt would drop the lone surrogate
    assert as_shown(panel.fields["file"].toolTip())[0].endswith("/x\\xe9.txt")
