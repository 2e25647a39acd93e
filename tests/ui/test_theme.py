from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import qdarktheme
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import reader.ui.theme as theme_module
from reader.core.session.appearance import Appearance
from reader.ui.theme import (
    EXTRA_QSS,
    ThemeController,
    palette_from_json,
    palette_to_json,
    qdarktheme_version,
)


@pytest.fixture
def app(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[QApplication]:
    # qdarktheme writes its icons under ~/.cache: keep them in the test's own folder. The
    # stylesheet and palette belong to the whole application, so put them back afterwards.
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    sheet, palette = qapp.styleSheet(), qapp.palette()
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)


@pytest.fixture
def no_auto(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if qdarktheme's system detection or its sync listener is ever reached."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("qdarktheme's auto theme must never be used")

    monkeypatch.setattr("qdarktheme._style_loader._detect_system_theme", refuse)
    monkeypatch.setattr("qdarktheme._main._sync_theme_with_system", refuse)


def make_controller(
    app: QApplication, appearance: Appearance, cache: Path, dark: list[bool] | None = None
) -> ThemeController:
    system = dark if dark is not None else [False]
    controller = ThemeController(app, appearance, cache, is_dark=lambda: system[0])
    return controller


def is_dark_palette(app: QApplication) -> bool:
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def descendants(pid: int) -> list[int]:
    """Every process started by `pid`, at any depth, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue  # the process ended while we looked
        match = re.search(r"^PPid:\s*(\d+)", status, re.MULTILINE)
        if match:
            children.setdefault(int(match.group(1)), []).append(int(entry.name))
    found: list[int] = []
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def command_line(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def test_cycling_switches_the_palette(
    qtbot: QtBot, app: QApplication, tmp_path: Path, no_auto: None
) -> None:
    appearance = Appearance("system")
    controller = make_controller(app, appearance, tmp_path / "cache")
    assert controller.painted == "light"
    assert not is_dark_palette(app)
    seen = []
    for _ in range(3):
        appearance.cycle_theme()  # light, dark, system (light)
        seen.append((appearance.theme, controller.painted, is_dark_palette(app)))
    assert seen == [("light", "light", False), ("dark", "dark", True), ("system", "light", False)]
    assert app.styleSheet().endswith(EXTRA_QSS)
    controller.close()


def test_system_theme_follows_the_platform_scheme(
    qtbot: QtBot, app: QApplication, tmp_path: Path, no_auto: None
) -> None:
    appearance = Appearance("system")
    system = [True]
    controller = make_controller(app, appearance, tmp_path / "cache", system)
    assert controller.painted == "dark"
    app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert controller.painted == "light"
    assert not is_dark_palette(app)
    # A chosen theme stays put whatever the platform does.
    appearance.set_theme("dark")
    app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert controller.painted == "dark"
    controller.close()
    # Closed: the appearance no longer drives the application.
    appearance.set_theme("light")
    assert controller.painted == "dark"


def test_default_reads_qt_style_hints(qtbot: QtBot, app: QApplication, tmp_path: Path) -> None:
    controller = ThemeController(app, Appearance("system"), tmp_path / "cache")
    expected = "dark" if app.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"
    assert controller.painted == expected
    controller.close()


def test_descendants_sees_a_child_process() -> None:
    # The check below is only worth something if it can see a child at all.
    child = subprocess.Popen(["cat"], stdin=subprocess.PIPE)
    try:
        assert child.pid in descendants(os.getpid())
        assert command_line(child.pid).startswith("cat")
    finally:
        child.communicate(b"")


def test_no_gsettings_monitor_is_started(
    qtbot: QtBot, app: QApplication, tmp_path: Path, no_auto: None
) -> None:
    before = set(descendants(os.getpid()))
    appearance = Appearance("system")
    controller = make_controller(app, appearance, tmp_path / "cache")
    for _ in range(6):
        appearance.cycle_theme()
    started = [command_line(pid) for pid in descendants(os.getpid()) if pid not in before]
    assert not [line for line in started if "gsettings" in line], started
    controller.close()


def test_stylesheet_is_cached_and_reused(
    qtbot: QtBot, app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    controller = make_controller(app, Appearance("dark"), cache)
    path = controller.cache_file("dark")
    assert path.parent == cache
    assert qdarktheme.__version__ in path.name
    written = path.read_text(encoding="utf-8")
    assert "QTextEdit" in written
    controller.close()

    calls: list[str] = []
    real = qdarktheme.load_stylesheet

    def counting(theme: str = "dark", *args: object, **kwargs: object) -> str:
        calls.append(theme)
        return real(theme)

    monkeypatch.setattr(qdarktheme, "load_stylesheet", counting)
    again = make_controller(app, Appearance("dark"), cache)
    assert calls == []  # the second start-up read the file
    assert app.styleSheet() == written + EXTRA_QSS
    again.close()


def test_cache_is_rebuilt_when_its_icons_are_gone(
    qtbot: QtBot, app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    make_controller(app, Appearance("light"), cache).close()
    qdarktheme.clear_cache()  # what a user emptying ~/.cache does

    calls: list[str] = []
    real = qdarktheme.load_stylesheet

    def counting(theme: str = "dark", *args: object, **kwargs: object) -> str:
        calls.append(theme)
        return real(theme)

    monkeypatch.setattr(qdarktheme, "load_stylesheet", counting)
    make_controller(app, Appearance("light"), cache).close()
    assert calls == ["light"]
    icons = re.findall(r"url\(([^)]+)\)", app.styleSheet())
    assert icons and all(Path(icon).is_file() for icon in icons)


def test_new_qdarktheme_version_uses_a_new_cache_file(
    qtbot: QtBot, app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    controller = make_controller(app, Appearance("dark"), cache)
    old = controller.cache_file("dark")
    controller.close()
    monkeypatch.setattr(theme_module, "qdarktheme_version", lambda: "99.0.0")
    controller = make_controller(app, Appearance("dark"), cache)
    assert controller.cache_file("dark") != old
    assert controller.cache_file("dark").is_file()
    assert controller.palette_file("dark").is_file()
    controller.close()


def test_version_is_read_without_importing_qdarktheme() -> None:
    assert qdarktheme_version() == qdarktheme.__version__


def test_cached_palette_paints_as_qdarktheme_does(
    qtbot: QtBot, app: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    for theme in ("dark", "light"):
        make_controller(app, Appearance(theme), cache).close()
        generated = app.palette()

        def refuse(*_args: object, **_kwargs: object) -> None:
            raise AssertionError("a warm cache must not ask qdarktheme")

        with monkeypatch.context() as patched:
            patched.setattr(qdarktheme, "load_palette", refuse)
            patched.setattr(qdarktheme, "load_stylesheet", refuse)
            app.setPalette(QPalette())
            make_controller(app, Appearance(theme), cache).close()
        assert app.palette() == generated
        assert app.palette().color(QPalette.ColorRole.Window) == qdarktheme.load_palette(
            theme
        ).color(QPalette.ColorRole.Window)


def test_palette_round_trips_only_what_was_set(qtbot: QtBot, app: QApplication) -> None:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#123456"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#80ff0000"))
    back = palette_from_json(palette_to_json(palette))
    assert back == palette
    assert back.isBrushSet(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert not back.isBrushSet(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    assert back.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text).alpha() == 0x80


@pytest.mark.parametrize("text", ["", "{", '[["Active", "NoSuchRole", "#fff"]]', "[1]"])
def test_damaged_palette_cache_is_rebuilt(
    qtbot: QtBot, app: QApplication, tmp_path: Path, text: str
) -> None:
    cache = tmp_path / "cache"
    controller = make_controller(app, Appearance("dark"), cache)
    controller.close()
    controller.palette_file("dark").write_text(text, encoding="utf-8")
    app.setPalette(QPalette())
    again = make_controller(app, Appearance("dark"), cache)
    assert is_dark_palette(app)
    assert palette_from_json(again.palette_file("dark").read_text(encoding="utf-8"))
    again.close()


def test_unwritable_cache_still_paints(qtbot: QtBot, app: QApplication, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    controller = make_controller(app, Appearance("dark"), blocker / "cache")
    assert controller.painted == "dark"
    assert is_dark_palette(app)
    controller.close()
