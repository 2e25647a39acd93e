"""A non-modal report of an import: every file, imported, already there or failed, and why."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from reader.core.library.page_files import ImportReport


class ImportReportDialog(QDialog):
    """The report's summary over one line per file; the import has gone ahead regardless."""

    def __init__(self, report: ImportReport, record_of: Mapping[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import report")
        self.setModal(False)
        self.heading = QLabel(report.summary(), self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # file names are data
        self.heading.setAccessibleName("Import summary")
        self.problems = QListWidget(self)
        self.problems.setAccessibleName("Imported files")
        self.problems.addItems(report.lines(record_of))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(720, 320)
