from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.ui.resources import (
    FONT_FILES,
    SANS_FAMILY,
    SERIF_FAMILY,
    app_icon,
    font_paths,
    icon_path,
    register_fonts,
    resources_dir,
)


def test_resources_found_in_checkout() -> None:
    assert (resources_dir() / "fonts" / "LICENSE-DejaVu.txt").is_file()
    assert [path.name for path in font_paths()] == list(FONT_FILES)
    assert icon_path().suffix == ".svg"


def test_fonts_register_and_families_exist(qapp: QApplication) -> None:
    families = register_fonts()
    assert SERIF_FAMILY in families
    assert SANS_FAMILY in families
    assert QFontDatabase.hasFamily(SERIF_FAMILY)
    assert "Italic" in QFontDatabase.styles(SERIF_FAMILY)
    # The point of bundling: Cyrillic renders without system fonts.
    assert QFontDatabase.WritingSystem.Cyrillic in QFontDatabase.writingSystems(SERIF_FAMILY)


def test_icon_loads(qtbot: QtBot) -> None:
    icon = app_icon()
    assert not icon.isNull()
    pixmap = icon.pixmap(64, 64)
    assert not pixmap.isNull()
    assert pixmap.width() == 64
