from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core.commands.keymap import Keymap, default_commands
from reader.core.commands.registry import CommandRegistry
from reader.ui.command_palette import KEYS, TITLE, CommandPalette


def make_registry(ran: list[str], *names: str) -> CommandRegistry:
    registry = CommandRegistry(default_commands())
    for name in names:
        registry.register(name, lambda n=name: ran.append(n))
    return registry


def open_palette(qtbot: QtBot, registry: CommandRegistry, keymap: Keymap) -> CommandPalette:
    palette = CommandPalette(registry, keymap)
    qtbot.addWidget(palette)
    palette.show()
    qtbot.waitExposed(palette)
    return palette


def test_lists_every_command_runnable_first(qtbot: QtBot) -> None:
    registry = make_registry([], "zoom-in", "quit")
    palette = open_palette(qtbot, registry, Keymap())
    shown = palette.shown_commands()
    assert sorted(shown) == sorted(c.name for c in default_commands())
    assert shown[:2] == ["zoom-in", "quit"]  # bound ones, in table order
    assert palette.current_command() == "zoom-in"
    unbound = palette.list.topLevelItem(2)
    assert unbound is not None
    assert not unbound.flags() & Qt.ItemFlag.ItemIsEnabled


def test_keys_come_from_the_keymap(qtbot: QtBot) -> None:
    registry = make_registry([], "zoom-in")
    palette = open_palette(qtbot, registry, Keymap({"zoom-in": ["Ctrl+Alt+Z", "z i"]}))
    item = palette.list.topLevelItem(0)
    assert item is not None
    assert item.text(TITLE) == "Zoom in"
    assert item.text(KEYS) == "Ctrl+Alt+Z  ·  z i"
    assert item.textAlignment(KEYS) & Qt.AlignmentFlag.AlignRight
    assert "Ctrl+Alt+Z" in str(item.data(TITLE, Qt.ItemDataRole.AccessibleTextRole))


def test_typing_filters_fuzzily(qtbot: QtBot) -> None:
    registry = make_registry([], "zoom-in", "zoom-out", "next-document")
    palette = open_palette(qtbot, registry, Keymap())
    qtbot.keyClicks(palette.filter, "nxd")
    assert palette.shown_commands()[0] == "next-document"
    palette.filter.clear()
    qtbot.keyClicks(palette.filter, "zi")
    assert palette.current_command() == "zoom-in"
    qtbot.keyClicks(palette.filter, "qqqq")
    assert palette.shown_commands() == []
    assert palette.empty.isVisible()
    assert palette.current_command() is None


def test_up_down_and_return_run_the_chosen_command(qtbot: QtBot) -> None:
    ran: list[str] = []
    registry = make_registry(ran, "zoom-in", "zoom-out", "zoom-reset")
    palette = open_palette(qtbot, registry, Keymap())
    qtbot.keyClicks(palette.filter, "zoom")
    first = palette.current_command()
    qtbot.keyClick(palette.filter, Qt.Key.Key_Down)
    second = palette.current_command()
    assert second not in (None, first)
    qtbot.keyClick(palette.filter, Qt.Key.Key_Up)
    assert palette.current_command() == first
    qtbot.keyClick(palette.filter, Qt.Key.Key_Down)
    with qtbot.waitSignal(palette.command_chosen) as chosen:
        qtbot.keyClick(palette.filter, Qt.Key.Key_Return)
    assert chosen.args == [second]
    assert ran == [second]
    assert not palette.isVisible()


def test_the_palette_is_closed_when_the_command_runs(qtbot: QtBot) -> None:
    visible_during: list[bool] = []
    registry = CommandRegistry(default_commands())
    palette: CommandPalette | None = None

    def handler() -> None:
        assert palette is not None
        visible_during.append(palette.isVisible())

    registry.register("help", handler)
    palette = open_palette(qtbot, registry, Keymap())
    qtbot.keyClick(palette.filter, Qt.Key.Key_Return)
    assert visible_during == [False]


def test_unbound_commands_do_not_run(qtbot: QtBot) -> None:
    ran: list[str] = []
    registry = make_registry(ran, "quit")
    palette = open_palette(qtbot, registry, Keymap())
    qtbot.keyClicks(palette.filter, "zoom in")
    assert palette.shown_commands()[0] == "zoom-in"
    assert palette.current_command() is None
    with qtbot.assertNotEmitted(palette.command_chosen):
        qtbot.keyClick(palette.filter, Qt.Key.Key_Return)
    assert ran == []
    assert palette.isVisible()


def test_escape_closes_without_running(qtbot: QtBot) -> None:
    ran: list[str] = []
    registry = make_registry(ran, "zoom-in")
    palette = open_palette(qtbot, registry, Keymap())
    with qtbot.assertNotEmitted(palette.command_chosen):
        qtbot.keyClick(palette.filter, Qt.Key.Key_Escape)
    assert not palette.isVisible()
    assert ran == []


def test_activating_an_item_runs_it(qtbot: QtBot) -> None:
    ran: list[str] = []
    registry = make_registry(ran, "zoom-in", "quit")
    palette = open_palette(qtbot, registry, Keymap())
    item = palette.list.topLevelItem(1)
    assert item is not None
    assert palette.current_command() == "zoom-in"
    # What a double-click (or Return in the list) does: the activated row runs, not the current.
    palette.list.itemActivated.emit(item, 0)
    assert ran == ["quit"]


def test_accessible_names(qtbot: QtBot) -> None:
    palette = open_palette(qtbot, make_registry([]), Keymap())
    assert palette.accessibleName() == "Command palette"
    assert palette.filter.accessibleName() == "Filter commands"
    assert palette.list.accessibleName() == "Commands"
    assert palette.focusWidget() is palette.filter
