"""WindowCommands: the commands that need widgets, and their handlers.

Scrolling, focus, docks, dialogs, printing and the clipboard: the core cannot do these, so
their handlers are bound here, over the window, into the workspace's one command registry
(the core binds the rest; `commands/keymap.py` declares them all with their keys).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDockWidget, QFileDialog, QLineEdit, QWidget

from reader.core.session.workspace import Workspace
from reader.ui.annotation_controls import AnnotationControls
from reader.ui.find_bar import FindBar
from reader.ui.main_window import MainWindow
from reader.ui.print_actions import PrintActions

SCROLL_LINES = 3


class WindowCommands:
    """The handlers of the window's commands, registered in the workspace's registry."""

    def __init__(self, workspace: Workspace, window: MainWindow, find_bar: FindBar,
                 printing: PrintActions, annotations: AnnotationControls,
                 import_paths: Callable[[list[Path]], None]) -> None:
        self.workspace = workspace
        self.window = window
        self._import_paths = import_paths  # the app's: copies, then indexes off the GUI
        split = window.split_view
        bindings: dict[str, Any] = {
            "scroll-down": lambda: split.scroll_lines(SCROLL_LINES),
            "scroll-up": lambda: split.scroll_lines(-SCROLL_LINES),
            "page-down": lambda: split.scroll_pages(1),
            "page-up": lambda: split.scroll_pages(-1),
            "top": split.scroll_to_top,
            "bottom": split.scroll_to_bottom,
            "sync-other-pane": split.sync_other_pane,
            "jump-to-counterpart": window.sentence_marks.jump_to_counterpart,
            "link-selection": lambda: workspace.link_selection(split.selection_ranges()),
            "focus-list": self.focus_list,
            "filter-list": self.focus_list_filter,
            "toggle-list": lambda: window.toggle_dock(window.list_dock),
            "toggle-provenance": lambda: window.toggle_dock(window.provenance_dock),
            "toggle-archive-browser": lambda: window.toggle_dock(window.browser_dock),
            "toggle-timeline": window.toggle_timeline,
            "search": self.focus_search,
            "find-in-document": find_bar.open,
            "close-find": find_bar.dismiss,
            "open": self.choose_files,
            "print": printing.print_document,
            "export-pdf": printing.export_pdf,
            "export-pdf-bundle": printing.export_bundle,
            "export-pdf-each": lambda: printing.export_bundle(one_each=True),
            "cancel-export": printing.cancel_export,
            "quit": window.close,
            "copy": self.copy_selection,
            "help": self.show_help,
            "command-palette": self.show_palette,
            **annotations.bindings(),
        }
        for name, handler in bindings.items():
            workspace.registry.register(name, handler)

    def focus_list(self) -> None:
        """Show the document list and put the keyboard in it."""
        self._focus(self.window.list_dock, self.window.document_list.table)

    def focus_list_filter(self) -> None:
        """Show the document list with its filter field focused and selected."""
        self._focus(self.window.list_dock, self.window.document_list.filter_box)

    def focus_search(self) -> None:
        """Show the search panel with its field focused and selected."""
        self._focus(self.window.search_dock, self.window.search_panel.field)

    @staticmethod
    def _focus(dock: QDockWidget, widget: QWidget) -> None:
        """Show a dock in front and put the keyboard in one of its widgets (a field: all of it)."""
        dock.show()
        dock.raise_()
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()  # typing replaces what was there

    def copy_selection(self) -> None:
        """Copy what is selected in the focused pane."""
        pane = self.window.split_view.panes[self.workspace.reading.focused]
        pane.copy()

    def choose_files(self) -> None:
        """Ask for pages to import (window-modal, so the event loop keeps running)."""
        dialog = QFileDialog(self.window, "Import archive pages", str(Path.home()),
                             "Archive pages (*.txt *.html *.htm);;All files (*)")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda names: self._import_paths([Path(n) for n in names]))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def show_help(self) -> None:
        """The keyboard help sheet, generated from the keymap."""
        from reader.ui.help_sheet import HelpSheet

        sheet = HelpSheet(self.workspace.keymap, self.window)
        sheet.finished.connect(sheet.deleteLater)
        sheet.open()

    def show_palette(self) -> None:
        """The command palette over every command."""
        from reader.ui.command_palette import CommandPalette

        palette = CommandPalette(self.workspace.registry, self.workspace.keymap, self.window,
                                 run=self.workspace.run_command)
        palette.finished.connect(palette.deleteLater)
        palette.open()
