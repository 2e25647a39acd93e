"""Categories changed from the keyboard in the real window: add, rename, recolour, delete."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QColorDialog, QComboBox, QInputDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from reader.ui.app import DiglotApp
from reader.ui.category_controls import unseen_on
from reader.ui.mark_styles import Highlight
from tests.ui.test_annotation_controls import annotations, focused, highlight_sentence, key, styles
from tests.ui.test_app_reading import reader as reader  # the seed alone, open


def dialog_of(qtbot: QtBot, app: DiglotApp, kind: type) -> QInputDialog | QColorDialog:
    controls = app.annotations.categories
    qtbot.waitUntil(lambda: isinstance(controls.dialog, kind) and controls.dialog.isVisible())
    dialog = controls.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: (focus := focused()) is not None and focus.window() is dialog)
    return dialog


def type_name(qtbot: QtBot, app: DiglotApp, name: str) -> None:
    """In the name dialog now open: replace its text by `name`, then Return."""
    dialog = dialog_of(qtbot, app, QInputDialog)
    field = dialog.findChild(QLineEdit)
    assert field is not None
    qtbot.waitUntil(field.hasFocus)
    QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(field, name)
    QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def type_colour(qtbot: QtBot, app: DiglotApp, colour: str, accepted: bool = True) -> None:
    """In the colour dialog now open: pick `colour` (as its picker would), then Return."""
    dialog = dialog_of(qtbot, app, QColorDialog)
    assert isinstance(dialog, QColorDialog)
    # Typing in its HTML field reads "#8b4" as a colour already; the picker sets it whole.
    dialog.setCurrentColor(QColor(colour))
    QTest.keyClick(focused() or dialog, Qt.Key.Key_Return)
    if accepted:
        qtbot.waitUntil(lambda: not dialog.isVisible())


def test_add_rename_recolour_and_delete_categories_from_the_keyboard(
        qtbot: QtBot, reader: DiglotApp) -> None:
    session, controls = reader.workspace.annotations, reader.annotations.categories
    made = highlight_sentence(reader, "original", ("Alt+2",))  # a person
    person = session.categories()[1]
    key(reader, "C")
    assert focused() is controls.list and controls.list.isVisible()
    assert controls.list.currentItem().text() == "claim   Alt+1"  # type: ignore[union-attr]
    # Ins: a name, then a colour; the new category takes the next Alt key.
    key(reader, "Ins")
    type_name(qtbot, reader, "<b>rumour</b>")
    suggested = dialog_of(qtbot, reader, QColorDialog).currentColor().name()
    assert suggested == reader.workspace.annotating.suggest_colour()
    type_colour(qtbot, reader, "#2e8b57")
    added = session.categories()[-1]
    assert (added.name, added.colour) == ("<b>rumour</b>", "#2e8b57")
    qtbot.waitUntil(lambda: focused() is controls.list)
    assert controls.list.currentItem().text() == "<b>rumour</b>   Alt+6"  # type: ignore[union-attr]
    # F2 renames the category the text cursor's highlight is of; every highlight follows.
    reader.window.split_view.focus_pane("original")
    key(reader, "F2")
    type_name(qtbot, reader, "official")
    qtbot.waitUntil(lambda: focused() is reader.window.split_view.panes["original"])
    assert session.categories()[1] == replace(person, name="official")
    assert reader.annotations.marks.note_at("original", made.anchor.paragraph,
                                            made.anchor.start).startswith("Official")
    # Ctrl+Shift+C recolours it: the highlight and its projection repaint at once.
    key(reader, "Ctrl+Shift+C")
    type_colour(qtbot, reader, "#8b4513")
    qtbot.waitUntil(lambda: focused() is reader.window.split_view.panes["original"])
    assert Highlight("#8b4513") in styles(reader, "original")
    assert any(s.projected and s.colour == "#8b4513" for s in styles(reader, "translation"))
    # White on light paper would not show: refused, the dialog asks again; Escape leaves it.
    key(reader, "Ctrl+Shift+C")
    type_colour(qtbot, reader, "#ffffff", accepted=False)
    qtbot.waitUntil(lambda: "would hardly show on light paper" in
                    reader.window.status_label.text())
    QTest.keyClick(dialog_of(qtbot, reader, QColorDialog), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: focused() is reader.window.split_view.panes["original"])
    assert controls.dialog is None and session.categories()[1].colour == "#8b4513"
    # Delete (Del in the list): its highlight moves to the category picked, never lost.
    key(reader, "C")  # the list's current row followed the rename
    assert controls.list.current_category().name == "official"  # type: ignore[union-attr]
    key(reader, "Del")
    dialog = dialog_of(qtbot, reader, QInputDialog)
    assert "1 highlight (in the whole library)" in dialog.labelText()
    assert all(label.textFormat() == Qt.TextFormat.PlainText  # names are the user's data
               for label in dialog.findChildren(QLabel))
    combo = dialog.findChild(QComboBox)
    assert combo is not None
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_End)  # the last: rumour
    QTest.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "official" not in [c.name for c in session.categories()]
    assert [a.category for a in annotations(reader)] == [added.id]
    assert Highlight("#2e8b57") in styles(reader, "original")
    # Ctrl+Z brings the category back, in its place, with its highlight.
    qtbot.waitUntil(lambda: focused() is controls.list)
    key(reader, "Ctrl+Z")
    assert session.categories()[1].id == person.id
    assert [a.category for a in annotations(reader)] == [person.id]
    assert [controls.list.item(r).text().split()[0] for r in range(3)] == [  # type: ignore[union-attr]
        "claim", "official", "place"]


def test_an_unused_category_goes_at_once_and_the_last_one_stays(
        qtbot: QtBot, reader: DiglotApp) -> None:
    session, controls = reader.workspace.annotations, reader.annotations.categories
    key(reader, "C")
    for _ in range(4):
        key(reader, "Shift+Del")
        assert controls.dialog is None
    assert [c.name for c in session.categories()] == ["translation doubt"]
    key(reader, "Shift+Del")
    assert reader.window.status_label.text() == "The last category cannot be deleted"
    assert len(session.categories()) == 1


def test_colours_that_hide_on_either_paper_are_named(qapp: object) -> None:
    assert unseen_on("#ffffff") == "light" and unseen_on("#000000") == "dark"
    assert unseen_on("#3465a4") == ""
