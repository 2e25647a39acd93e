"""A line edit's clear button drawn in the field's own text colour, whatever the theme.

Qt's clear button is a stock icon, dark grey: on the dark theme's dark field it all but
vanishes. The cross is drawn again from the palette each time the palette changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QLineEdit

_QT_CLEAR_ACTION = "_q_qlineeditclearaction"  # the name Qt gives the clear button's action
_SIZE = 16
_REPAINTED_ON = (
    QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange, QEvent.Type.StyleChange,
)


def clear_icon(colour: QColor) -> QIcon:
    """A thin cross in `colour`, at 1x and 2x."""
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(_SIZE * scale, _SIZE * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(QPointF(4.5, 4.5), QPointF(11.5, 11.5))
        painter.drawLine(QPointF(11.5, 4.5), QPointF(4.5, 11.5))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


class ClearButtonTint(QObject):
    """Keeps `field`'s clear button (enabled here) in the colour of the field's text."""

    def __init__(self, field: QLineEdit) -> None:
        super().__init__(field)
        self._field = field
        field.setClearButtonEnabled(True)
        field.installEventFilter(self)
        self.tint()

    def action(self) -> QAction | None:
        """The clear button's action, as Qt names it."""
        return self._field.findChild(QAction, _QT_CLEAR_ACTION)

    def tint(self) -> None:
        """Draw the cross again in the field's current text colour."""
        action = self.action()
        if action is not None:
            colour = QColor(self._field.palette().color(QPalette.ColorRole.Text))
            colour.setAlphaF(0.75)
            action.setIcon(clear_icon(colour))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _REPAINTED_ON:
            self.tint()
        return False
