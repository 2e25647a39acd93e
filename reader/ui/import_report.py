"""A non-modal report of files that could not be imported: one line per file and reason."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from reader.core.library.page_files import shown_name


class ImportReportDialog(QDialog):
    """Lists "file: reason" lines; the rest of the import has gone ahead regardless."""

    def __init__(self, problems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import: some files were not imported")
        self.setModal(False)
        heading = QLabel(
            f"{len(problems)} file(s) could not be imported. Everything else was.", self
        )
        self.problems = QListWidget(self)
        self.problems.setAccessibleName("Files not imported")
        self.problems.addItems([shown_name(problem) for problem in problems])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(640, 300)
