"""The search field's menu: search anywhere, the originals, the translations; annotated only.

The query text holds the choice (`in:original`, `annotated:yes`), so the menu only rewrites it
through the session and shows, checked, what the text in the field says.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLineEdit, QMenu

from reader.core.index.scope import SCOPES, Scope, scope_of
from reader.core.session.annotation_terms import annotated_only
from reader.core.session.search import SearchSession

SCOPE_LABELS: dict[Scope, str] = {
    "anywhere": "Search &anywhere",
    "original": "Search the &originals only",
    "translation": "Search the &translations only",
}
_SIZE = 16


def _funnel_icon() -> QIcon:
    # Mid grey reads on light and dark fields alike; drawn, so no icon file is needed.
    pixmap = QPixmap(_SIZE * 2, _SIZE * 2)
    pixmap.setDevicePixelRatio(2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(128, 128, 128), 1.5))
    points = [QPointF(3, 4), QPointF(13, 4), QPointF(9, 9), QPointF(9, 13), QPointF(7, 12),
              QPointF(7, 9), QPointF(3, 4)]  # fmt: skip
    painter.drawPolyline(points)
    painter.end()
    return QIcon(pixmap)


class SearchScopeMenu(QObject):
    """A button at the start of `field` and an entry in its context menu, both one menu."""

    def __init__(self, session: SearchSession, field: QLineEdit) -> None:
        super().__init__(field)
        self._session, self._field = session, field
        self.menu = QMenu("Search &in", field)
        self.menu.setAccessibleName("Where to search")
        group = QActionGroup(self.menu)
        group.setExclusive(True)
        self.actions: dict[Scope, QAction] = {}
        for scope in SCOPES:
            action = QAction(SCOPE_LABELS[scope], self.menu)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, s=scope: session.set_scope(s))
            group.addAction(action)
            self.menu.addAction(action)
            self.actions[scope] = action
        self.menu.addSeparator()
        # Not exclusive with the sides: the reader's annotations on either side.
        self.annotated = QAction("Only &annotated documents", self.menu)
        self.annotated.setCheckable(True)
        self.annotated.setToolTip("annotated:yes — documents you highlighted or wrote about")
        self.annotated.triggered.connect(session.set_annotated_only)
        self.menu.addAction(self.annotated)
        self.button = field.addAction(_funnel_icon(), QLineEdit.ActionPosition.LeadingPosition)
        self.button.setToolTip("Where to search: anywhere, the originals or the translations")
        self.button.triggered.connect(self.popup)
        field.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        field.customContextMenuRequested.connect(self._context_menu)
        field.textChanged.connect(self._show_scope)
        self._show_scope(field.text())

    def popup(self) -> None:
        """Open the menu under the field."""
        self.menu.popup(self._field.mapToGlobal(self._field.rect().bottomLeft()))

    def _show_scope(self, text: str) -> None:
        self.actions[scope_of(text)].setChecked(True)
        self.annotated.setChecked(annotated_only(text))

    def _context_menu(self, position: QPoint) -> None:
        menu = self._field.createStandardContextMenu()
        menu.addSeparator()
        menu.addMenu(self.menu)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self._field.mapToGlobal(position))
