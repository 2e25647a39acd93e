"""AnnotationControls: the annotation commands that need the window's selection and panels.

Builds the highlight painter, the annotations dock and its note editor, and returns the
commands' handlers for `DiglotApp` to register: the keys live in the keymap, never here.
What each command decides is asked of the core `AnnotationActions`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMenu

from reader.core.annotations.model import Annotation, Category
from reader.core.session.annotation_actions import shorten
from reader.core.session.workspace import Workspace
from reader.core.text_range import Pane, TextRange, other_pane
from reader.ui.annotation_marks import AnnotationMarks, caret, select_range
from reader.ui.annotations_dock import AnnotationsPanel
from reader.ui.category_controls import CategoriesList, CategoryControls
from reader.ui.main_window import MainWindow


class AnnotationControls(QObject):
    """Highlights, notes and the annotations dock of one window."""

    def __init__(self, workspace: Workspace, window: MainWindow) -> None:
        super().__init__(window)
        self._workspace = workspace
        self._actions = workspace.annotating
        self._session = workspace.annotations
        self._window = window
        self._split = window.split_view
        self.marks = AnnotationMarks(self._actions, self._split)
        self.panel = AnnotationsPanel(self._actions, workspace.title_of, window)
        self.panel.setFocusProxy(self.panel.tree)
        self.dock = QDockWidget("Annotations", window)
        self.dock.setObjectName("annotations_dock")  # saveState() needs stable names
        self.dock.setWidget(self.panel)
        self.dock.setAccessibleName("Annotations panel")
        # A tab brought to the front is "shown" without a show event of the panel.
        self.dock.visibilityChanged.connect(
            lambda shown: self.panel.refresh_if_stale() if shown else None)
        # A tab beside the document list and search, which want the window's height as it
        # does. (Tabified with the provenance on the right, Qt left a second tab bar floating
        # mid-window.)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.search_dock, self.dock)
        window.list_dock.raise_()
        for action in window.menuBar().actions():
            menu = action.menu()
            if action.text() == "&View" and isinstance(menu, QMenu):
                menu.addAction(self.dock.toggleViewAction())
        self.categories = CategoryControls(
            self._actions, CategoriesList(self._actions, self.panel), window,
            self._chosen_category, workspace.message.emit)
        self.panel.add_section("Categories", self.categories.list)
        self.editor = self.panel.editor
        self._note_from_panel = False
        self.editor.saved.connect(self._on_note_saved)
        self.editor.closed.connect(self._on_editor_closed)
        self.panel.jump_requested.connect(self.jump)
        if workspace.annotation_problem:
            window.show_message(workspace.annotation_problem)

    def bindings(self) -> dict[str, Callable[[], Any]]:
        """The handlers of the annotation commands that need widgets, by command name."""
        handlers: dict[str, Callable[[], Any]] = {
            "select-sentence": self.select_sentence,
            "highlight": lambda: self.highlight(None),
            "edit-note": self.edit_note,
            "save-note": self.save_note,
            "delete-annotation": self.delete,
            "next-highlight": lambda: self.step(False),
            "previous-highlight": lambda: self.step(True),
            "toggle-annotations": self.toggle_panel,
            "categories": self.show_categories,
            **self.categories.bindings(),
        }
        for number in range(1, 10):
            handlers[f"highlight-{number}"] = self._highlighter(number)
        return handlers

    def toggle_panel(self) -> None:
        """Show the panel with the keyboard in its list; hide it if it is in front already."""
        in_front = self.dock.isVisible() and not self.dock.visibleRegion().isEmpty()
        if in_front:
            self.dock.hide()
            self._split.focus_pane(self._pane())
            return
        self.dock.show()
        self.dock.raise_()  # a tab behind the document list is visible, yet unseen
        self.panel.tree.setFocus()

    def show_categories(self) -> None:
        """Show the panel with the keyboard in the categories list."""
        self.dock.show()
        self.dock.raise_()
        self.categories.list.setFocus()

    def _chosen_category(self) -> Category | None:
        """The category of what the keyboard is on: a row of either list, or a highlight."""
        listing = self.categories.list
        if not listing.hasFocus():
            ids = self.panel.chosen() if self._in_panel() else [
                a.id for a in self._under_caret(own=False)[:1]]
            found = [a for a in self._annotations() if ids and a.id == ids[0]]
            if found:
                return next((c for c in self._session.categories()
                             if c.id == found[0].category), None)
        return listing.current_category()

    def _highlighter(self, number: int) -> Callable[[], Annotation | None]:
        return lambda: self.highlight(number)

    # Where the keyboard is -----------------------------------------------------------------------
    def _in_panel(self) -> bool:
        return self.panel.tree.hasFocus()

    def _pane(self) -> Pane:
        return self._workspace.reading.focused

    def _under_caret(self, own: bool = True) -> list[Annotation]:
        pane = self._pane()
        paragraph, offset = caret(self._split.panes[pane])
        if own:
            return self._actions.own_under(pane, paragraph, offset)
        return self._actions.under(pane, paragraph, offset)

    def _chosen(self) -> list[str]:
        if self._in_panel():
            return self.panel.chosen()
        return [a.id for a in self._under_caret(own=False)[:1]]

    # Commands ----------------------------------------------------------------------------------
    def select_sentence(self) -> TextRange | None:
        """Select the sentence under the sentence cursor, else the one at the text cursor."""
        links, pane = self._workspace.links, self._pane()
        sentence = links.cursor
        if sentence is None or sentence.pane != pane:
            sentence = links.sentence_at(pane, *caret(self._split.panes[pane])) or sentence
        if sentence is None:
            self._workspace.message.emit("No sentence here: press ] to choose one")
            return None
        text_pane = self._split.panes[sentence.pane]
        select_range(text_pane, sentence)
        self._workspace.reading.focus(sentence.pane)
        text_pane.setFocus()
        return sentence

    def highlight(self, number: int | None) -> Annotation | None:
        """Highlight the focused pane's selection; with a number and no selection, recategorise.

        In the annotations panel a number recategorises the rows chosen there.
        """
        if self._in_panel():
            if number is not None:
                self._actions.recategorise(self.panel.chosen(), number)
            return None
        text_pane = self._split.panes[self._pane()]
        selection = text_pane.selection_ranges()
        if not selection and number is not None:
            self._actions.recategorise([a.id for a in self._under_caret()], number)
            return None
        annotation = self._actions.highlight(selection, number)
        if annotation is not None:
            # The selection would hide the colour just chosen: let it go, the cursor at its
            # start, on the highlight, so that A writes its note straight away.
            cursor = text_pane.textCursor()
            cursor.setPosition(cursor.selectionStart())
            text_pane.setTextCursor(cursor)
        return annotation

    def edit_note(self) -> None:
        """Open the note editor on the chosen highlight, highlighting the selection first."""
        self._note_from_panel = self._in_panel()
        if self._note_from_panel:
            ids = self.panel.chosen()
            found = [a for a in self._annotations() if ids and a.id == ids[0]]
        elif self._split.panes[self._pane()].selection_ranges():
            made = self.highlight(None)
            found = [made] if made else []
        else:
            found = self._under_caret(own=False)[:1]
        if not found:
            self._workspace.message.emit("Put the cursor on a highlight, or select some text")
            return
        annotation = found[0]
        names = {c.id: c.name for c in self._session.categories()}
        heading = (f"Note on the {names.get(annotation.category, 'highlight')} "
                   f"“{shorten(annotation.quote, 80)}”")
        self.dock.show()
        self.dock.raise_()
        self.editor.open(annotation, heading)

    def _annotations(self) -> list[Annotation]:
        if self.panel.library_wide():
            return self._session.store.annotations()
        return self._session.annotations()

    def save_note(self) -> None:
        """Save the note being written."""
        if self.editor.editing:
            self.editor.save()
        else:
            self._workspace.message.emit("No note is being written: A writes one")

    def _on_note_saved(self, annotation_id: str, note: str, tags: list[str]) -> None:
        self._actions.save_note(annotation_id, note, tags)

    def _on_editor_closed(self) -> None:
        # Back where the note was asked for: a reader going down the list stays in it.
        if self._note_from_panel and self.panel.isVisible():
            self.panel.tree.setFocus()
        else:
            self._split.focus_pane(self._pane())

    def delete(self) -> None:
        """Delete the highlight under the cursor, or the rows chosen in the panel.

        In the categories list it deletes the category instead (asking where its highlights
        go): a key that deleted a highlight elsewhere in the text would surprise.
        """
        if self.categories.list.hasFocus():
            self.categories.delete()
            return
        self._actions.delete(self._chosen())

    def step(self, backwards: bool) -> None:
        """Put the text cursor on the next (previous) highlight of the focused pane."""
        pane = self._pane()
        text_pane = self._split.panes[pane]
        paragraph, offset = caret(text_pane)
        paint = self._session.step(pane, TextRange(pane, paragraph, offset, offset), backwards)
        if paint is None:
            self._workspace.message.emit("No highlights in this pane")
            return
        start = paint.range._replace(end=paint.range.start)
        select_range(text_pane, start)
        self._split.reveal([paint.range], lead=True)
        self.marks.show_note(pane)

    def jump(self, document_id: str, annotation_id: str) -> None:
        """Show an annotation: its document, its words in its pane, its projection opposite."""
        session, reading = self._session, self._workspace.reading
        opened = session.document.id if session.document else None
        if opened != document_id and self._workspace.open_document(document_id) is None:
            return
        placed = next((p for p in session.placed() if p.annotation.id == annotation_id), None)
        if placed is None or not placed.ranges:
            self._workspace.message.emit("This highlight is orphaned: its words are no longer "
                                         "in the text")
            return
        annotation = placed.annotation
        if annotation.side == "translation" and annotation.translation != reading.translation_index:
            reading.set_translation(annotation.translation)
            placed = next(p for p in session.placed() if p.annotation.id == annotation_id)
        if len(reading.shown_panes) < 2:
            reading.show_both()
        pane = annotation.side
        text_pane = self._split.panes[pane]
        first = placed.ranges[0]
        select_range(text_pane, first._replace(end=first.start))
        self._split.reveal(list(placed.ranges), at=text_pane.viewport().height() / 3)
        if placed.projection is not None and placed.projection.ranges:
            opposite = list(placed.projection.ranges)
            self._split.reveal(opposite, at=self._split.panes[other_pane(pane)]
                               .viewport().height() / 3)
        self._workspace.message.emit(self._actions.describe(annotation).split("\n")[0])
