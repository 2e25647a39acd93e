"""CategoryControls: the user's categories listed in the annotations panel, and changed there.

The list is also the legend: each category's colour, name and the Alt+number that highlights
in it. Adding, renaming, recolouring and deleting ask what they need in small dialogs (a
name, a QColorDialog, where a deleted category's highlights go) and then run the core
`AnnotationActions` command, undoable like every annotation change. The keys are the
keymap's; none is held here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QColorDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from reader.core.annotations.model import Category
from reader.core.session.annotating import AnnotationsChanged
from reader.core.session.annotation_actions import AnnotationActions
from reader.ui.annotations_dock import swatch
from reader.ui.mark_styles import hard_to_see
from reader.ui.plain_text import plain_tooltip

ID_ROLE = Qt.ItemDataRole.UserRole
THEMES = ("light", "dark")


class CategoriesList(QListWidget):
    """The categories in order, each with its colour swatch and its highlight key."""

    def __init__(self, actions: AnnotationActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Categories")
        self._session = actions.session
        self._session.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, change: AnnotationsChanged) -> None:
        if change.aspect == "categories":
            self.refresh()

    def refresh(self) -> None:
        """List the categories again, the current one kept where it still exists."""
        current = self.current_category()
        self.clear()
        for number, category in enumerate(self._session.categories(), start=1):
            key = f"   Alt+{number}" if number <= 9 else ""
            item = QListWidgetItem(swatch(category.colour), f"{category.name}{key}", self)
            item.setData(ID_ROLE, category.id)
            item.setToolTip(plain_tooltip(f"{category.name}: {category.colour}"))
            if current is not None and category.id == current.id:
                self.setCurrentItem(item)
        if self.currentItem() is None and self.count():
            self.setCurrentRow(0)
        # As tall as its rows (up to nine, the ones with keys): the highlights list above
        # takes the rest of the panel.
        rows = min(max(self.count(), 1), 9)
        self.setMaximumHeight(rows * max(self.sizeHintForRow(0), 1) + 2 * self.frameWidth())

    def current_category(self) -> Category | None:
        """The category of the current row, or None."""
        item = self.currentItem()
        if item is None:
            return None
        return next((c for c in self._session.categories() if c.id == item.data(ID_ROLE)),
                    None)


class CategoryControls(QObject):
    """The category commands of one window: they act on the category the keyboard chose."""

    def __init__(self, actions: AnnotationActions, listing: CategoriesList, window: QWidget,
                 chosen: Callable[[], Category | None], say: Callable[[str], None]) -> None:
        """Act through `actions`; `chosen` says which category the keyboard is on.

        `say` puts a line in the status bar.
        """
        super().__init__(window)
        self._actions = actions
        self._say = say
        self._session = actions.session
        self.list = listing
        self._window = window
        self._chosen = chosen
        self.dialog: QInputDialog | QColorDialog | None = None  # the one open, for tests
        self._return_to: QWidget | None = None

    def bindings(self) -> dict[str, Callable[[], Any]]:
        """The handlers of the category commands that need widgets, by command name."""
        return {"add-category": self.add, "rename-category": self.rename,
                "recolour-category": self.recolour, "delete-category": self.delete}

    def chosen(self) -> Category | None:
        """The category the commands act on; says so in the status bar when there is none."""
        category = self._chosen()
        if category is None:
            self._say("Choose a category first: C lists them")
        return category

    # Dialogs ---------------------------------------------------------------------------------
    def _ask_text(self, title: str, label: str, text: str,
                  then: Callable[[str], object]) -> None:
        dialog = QInputDialog(self._window)
        dialog.setWindowTitle(title)
        dialog.setAccessibleName(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.textValueSelected.connect(then)
        self._open(dialog)

    def _ask_colour(self, title: str, colour: str, then: Callable[[str], object]) -> None:
        dialog = QColorDialog(QColor(colour), self._window)
        dialog.setWindowTitle(title)
        dialog.setAccessibleName(title)
        # Qt's own dialog: the same on every desktop, and driven by the same keys in tests.
        dialog.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)

        def chosen(picked: QColor) -> None:
            name = picked.name()
            if problem := unseen_on(name):
                self._say(f"{name} would hardly show on {problem} paper: "
                                      "choose a stronger colour")
                self._ask_colour(title, name, then)
                return
            then(name)

        dialog.colorSelected.connect(chosen)
        self._open(dialog)

    def _open(self, dialog: QInputDialog | QColorDialog) -> None:
        for label in dialog.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)  # a category's name is the user's data
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.dialog is None:  # a dialog that follows another returns where the first would
            self._return_to = QApplication.focusWidget()
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()  # window-modal, without a nested event loop

    def _closed(self, dialog: QInputDialog | QColorDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
            # The keyboard goes back where it was (the list, or the text).
            self._window.activateWindow()
            before, self._return_to = self._return_to, None
            alive = before is not None and shiboken6.isValid(before) and before.isVisible()
            (before if alive and before is not None else self.list).setFocus()

    # Commands --------------------------------------------------------------------------------
    def add(self) -> None:
        """Ask for a name, then a colour, and add the category."""

        def named(name: str) -> None:
            if not name.strip():
                self._say("A category needs a name")
                return
            self._ask_colour(f"Colour of {name.strip()}", self._actions.suggest_colour(),
                             lambda colour: self._added(name, colour))

        self._ask_text("Add category", "Name of the new category:", "", named)

    def _added(self, name: str, colour: str) -> None:
        category = self._actions.add_category(name, colour)
        if category is not None:
            self._select(category.id)

    def rename(self) -> None:
        """Ask for a new name of the chosen category."""
        category = self.chosen()
        if category is not None:
            self._ask_text("Rename category", f"New name for {category.name}:", category.name,
                           lambda name: self._renamed(category.id, name))

    def _renamed(self, category_id: int, name: str) -> None:
        self._actions.rename_category(category_id, name)
        self._select(category_id)

    def recolour(self) -> None:
        """Ask for a new colour of the chosen category."""
        category = self.chosen()
        if category is not None:
            self._ask_colour(f"Colour of {category.name}", category.colour,
                             lambda colour: self._actions.recolour_category(category.id, colour))

    def delete(self) -> None:
        """Delete the chosen category, asking first where its highlights go, if it has any."""
        category = self.chosen()
        if category is None:
            return
        used = self._actions.uses(category.id)
        others = [c for c in self._session.categories() if c.id != category.id]
        if not used or not others:
            self._actions.delete_category(category.id)
            return
        dialog = QInputDialog(self._window)
        title = f"Delete category {category.name}"
        dialog.setWindowTitle(title)
        dialog.setAccessibleName(title)
        dialog.setLabelText(f"{category.name} has {used} highlight{'s' if used != 1 else ''} "
                            "(in the whole library). Move them to:")
        dialog.setComboBoxItems([c.name for c in others])
        dialog.setComboBoxEditable(False)
        ids = {c.name: c.id for c in others}
        dialog.textValueSelected.connect(
            lambda name: self._actions.delete_category(category.id, ids[name]))
        self._open(dialog)

    def _select(self, category_id: int) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item is not None and item.data(ID_ROLE) == category_id:
                self.list.setCurrentItem(item)


def unseen_on(colour: str) -> str:
    """The theme ("light", "dark") on whose paper `colour` would hardly show; "" if none."""
    import qdarktheme  # here, not at the top: the window's first frame goes without it

    for theme in THEMES:
        palette: QPalette = qdarktheme.load_palette(theme)
        if hard_to_see(colour, palette):
            return theme
    return ""
