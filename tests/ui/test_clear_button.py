from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.session.appearance import Appearance
from reader.core.session.search import SearchSession
from reader.ui.clear_button import ClearButtonTint
from reader.ui.search_panel import SearchPanel
from tests.ui.test_theme import app, make_controller  # noqa: F401  (the app fixture)


def ink_lightness(tint: ClearButtonTint) -> float:
    """The lightness of the cross's most opaque pixel."""
    action = tint.action()
    assert action is not None
    image = action.icon().pixmap(16, 16).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    best = max(
        (image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())),
        key=lambda colour: colour.alpha(),
    )
    assert best.alpha() > 128  # the cross is drawn at all
    return best.lightnessF()


def test_the_clear_button_shows_on_either_theme(
    qtbot: QtBot, app: QApplication, tmp_path: Path  # noqa: F811
) -> None:
    panel = SearchPanel(SearchSession())
    qtbot.addWidget(panel)
    panel.show()
    tint = panel.field.findChild(ClearButtonTint)
    assert tint is not None
    appearance = Appearance("dark")
    controller = make_controller(app, appearance, tmp_path / "cache")
    try:
        background = panel.field.palette().color(QPalette.ColorRole.Base).lightnessF()
        assert background < 0.4
        assert ink_lightness(tint) > 0.6  # light on the dark field (Qt's stock cross was dark)
        appearance.set_theme("light")
        qtbot.waitUntil(lambda: panel.field.palette().color(QPalette.ColorRole.Base).lightnessF()
                        > 0.6)
        assert ink_lightness(tint) < 0.4
    finally:
        controller.close()
