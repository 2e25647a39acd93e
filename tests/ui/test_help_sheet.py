from __future__ import annotations

from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from reader.core.commands.keymap import Keymap
from reader.ui.help_sheet import COMMAND, DESCRIPTION, KEYS, NO_KEYS, HelpSheet


def open_sheet(qtbot: QtBot, keymap: Keymap) -> HelpSheet:
    sheet = HelpSheet(keymap)
    qtbot.addWidget(sheet)
    sheet.show()
    qtbot.waitExposed(sheet)
    return sheet


def items(sheet: HelpSheet) -> dict[str, QTreeWidgetItem]:
    """Every item of the sheet by its first column's text: categories and command titles."""
    found: dict[str, QTreeWidgetItem] = {}
    todo = [sheet.table.topLevelItem(i) for i in range(sheet.table.topLevelItemCount())]
    while todo:
        item = todo.pop(0)
        assert item is not None
        found[item.text(COMMAND)] = item
        todo.extend(item.child(i) for i in range(item.childCount()))
    return found


def test_rows_are_the_keymaps_help_rows(qtbot: QtBot) -> None:
    keymap = Keymap()
    sheet = open_sheet(qtbot, keymap)
    rows = keymap.help_rows()
    assert sheet.visible_commands() == [row.command for row in rows]
    categories = [text for text, item in items(sheet).items() if item.parent() is None]
    assert categories == list(dict.fromkeys(row.category for row in rows))


def test_rebound_keys_show_in_the_sheet(qtbot: QtBot) -> None:
    keymap = Keymap({"zoom-in": ["Ctrl+Alt+Z"], "quit": [], "command-palette": ["F4"]})
    sheet = open_sheet(qtbot, keymap)
    found = items(sheet)
    assert found["Zoom in"].text(KEYS) == "Ctrl+Alt+Z"
    assert found["Zoom in"].text(DESCRIPTION) == "Make the text larger."
    assert found["Zoom in"].parent() is found["View"]
    assert found["Quit"].text(KEYS) == NO_KEYS
    assert found["Command palette"].text(KEYS) == "F4"
    # The about line names the palette key in force, not a hand-written one.
    assert "<b>F4</b>" in sheet.about.text()
    assert "Ctrl+Shift+P" not in sheet.about.text()


def test_filter_matches_titles_keys_and_descriptions(qtbot: QtBot) -> None:
    sheet = open_sheet(qtbot, Keymap())
    qtbot.keyClicks(sheet.filter, "zoom")
    assert sheet.visible_commands() == ["zoom-in", "zoom-out", "zoom-reset"]
    sheet.filter.setText("zoom ctrl+0")  # keys are searchable too
    assert sheet.visible_commands() == ["zoom-reset"]
    sheet.filter.setText("citation bibtex")
    assert sheet.visible_commands() == ["copy-citation-bibtex"]
    sheet.filter.setText("larger")  # a word from the description only
    assert sheet.visible_commands() == ["zoom-in"]
    navigate = sheet.table.topLevelItem(0)
    assert navigate is not None and navigate.isHidden()
    sheet.filter.setText("no such thing")
    assert sheet.visible_commands() == []
    assert sheet.empty.isVisible() and not sheet.table.isVisible()
    sheet.filter.clear()
    assert len(sheet.visible_commands()) == len(Keymap().help_rows())


def test_accessible_names_and_focus(qtbot: QtBot) -> None:
    sheet = open_sheet(qtbot, Keymap())
    assert sheet.accessibleName() == "Keyboard help"
    assert sheet.filter.accessibleName() == "Filter keyboard help"
    assert sheet.table.accessibleName() == "Commands and keys"
    assert sheet.about.accessibleName() == "About Diglot"
    assert sheet.focusWidget() is sheet.filter


def test_long_descriptions_wrap_instead_of_being_cut_off(qtbot: QtBot) -> None:
    sheet = open_sheet(qtbot, Keymap())
    sheet.resize(560, 600)
    long_row = items(sheet)["Jump to counterpart"]  # the longest description of all
    line = sheet.table.fontMetrics().height()

    def height() -> int:
        return sheet.table.visualItemRect(long_row).height()

    qtbot.waitUntil(lambda: height() >= 2 * line)
    width = sheet.table.header().sectionSize(DESCRIPTION)
    assert sheet.table.fontMetrics().horizontalAdvance(long_row.text(DESCRIPTION)) > width
