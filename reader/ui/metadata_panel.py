"""MetadataPanel: the current document's record, its sources, and buttons to cite it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reader.core.document import Citation, Document
from reader.core.library.page_files import shown_name
from reader.core.provenance.formats import CITATION_FORMATS
from reader.core.session.browsing import Browsing
from reader.core.session.reading import Aspect, ReadingState
from reader.ui.elided_label import ElidedLabel
from reader.ui.mark_styles import blend
from reader.ui.plain_text import plain_label, plain_tooltip
from reader.ui.resources import SERIF_FAMILY
from reader.ui.split_view import language_name

PRECISION_WORDS = {
    "day": "exact day",
    "month": "month only",
    "year": "year only",
    "unknown": "precision unknown",
}
# Citation parts in archival order, with the word that introduces each in a shelfmark line.
CITATION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("archive", "Archive"),
    ("archive_name", "Full name"),
    ("fond", "Fond"),
    ("opis", "Opis"),
    ("delo", "Delo"),
    ("papka", "Papka"),
    ("folios", "Folios"),
    ("pages", "Pages"),
    ("por", "Por."),
    ("box", "Box"),
    ("file", "File"),
    ("other", "Other"),
)
WARNING_COLOUR = QColor("#b5651d")
NOT_GIVEN = "—"
RELATED_ROWS = 8  # rows the related list shows before it scrolls
REFRESH_MS = 1000  # at most one rebuild of the related list this often as entries arrive


def _citation_cell(citation: Citation, key: str) -> str:
    if key == "archive":
        return citation.archive or citation.archive_code
    return str(getattr(citation, key))


def _selectable_label(text: str, accessible_name: str) -> QLabel:
    label = plain_label(text)  # page text is never markup
    label.setAccessibleName(accessible_name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return label


class CitationBlock(QWidget):
    """One citation as two lines: the archive's full name, then its shelfmark.

    A table would need a column per part; in a dock a few hundred pixels wide the full name
    then wraps one word per line. Two wrapped lines read like a catalogue card instead.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The shown parts by their CITATION_COLUMNS title, for tests and assistive tools.
        self.values: dict[str, str] = {}
        self.heading = _selectable_label("", "Archive")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.shelfmark = _selectable_label("", "Shelfmark")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.shelfmark)

    def show_citation(self, citation: Citation) -> None:
        """Show `citation`; blocks are reused from document to document."""
        self.values = {
            title: value for key, title in CITATION_COLUMNS
            if (value := _citation_cell(citation, key))
        }
        archive = self.values.get("Archive", "")
        self.setAccessibleName(f"Citation: {archive or citation.text}")
        self.setAccessibleDescription(citation.text)
        self.setToolTip(plain_tooltip(citation.text))
        self.heading.setText(self.values.get("Full name") or archive or citation.text)
        self.heading.setToolTip(plain_tooltip(citation.archive_name_original))
        parts = [archive] if archive and "Full name" in self.values else []
        parts += [
            value if title == "Other" else f"{title} {value}"
            for title, value in self.values.items() if title not in ("Archive", "Full name")
        ]
        self.shelfmark.setText(" · ".join(parts))
        # Only once it has a parent: showing a parentless label would open it as a window.
        self.shelfmark.setVisible(bool(parts))


class MetadataPanel(QScrollArea):
    """Everything the page says about the document, read-only and selectable.

    Mirrors the ReadingState's current document. The copy buttons only ask: the app routes
    `copy_citation_requested` to the citation commands, which own the formats and shortcuts.
    """

    copy_citation_requested = Signal(str)
    document_requested = Signal(str)  # a related document was activated

    def __init__(self, view: ReadingState, parent: QWidget | None = None,
                 browsing: Browsing | None = None) -> None:
        super().__init__(parent)
        self.reading = view
        self._browsing = browsing
        self.setAccessibleName("Document information")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 16, 20, 20)
        layout.setSpacing(8)

        self.empty = self._label("No document open.", "No document")
        layout.addWidget(self.empty)
        self.title = self._label("", "Title")
        title_font = QFont(SERIF_FAMILY)
        title_font.setPointSizeF(14)
        title_font.setBold(True)
        self.title.setFont(title_font)
        layout.addWidget(self.title)

        self.fields: dict[str, QLabel] = {}
        self.file_field = ElidedLabel("File")
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in (
            ("date", "Date"),
            ("type", "Type"),
            ("record_id", "Record ID"),
            ("languages", "Languages"),
            ("uploaded", "Uploaded"),
            ("file", "File"),
        ):
            field = self.file_field if key == "file" else self._label("", label)
            self.fields[key] = field
            caption = self._caption(label)
            caption.setBuddy(field)
            form.addRow(caption, field)
        self._form_widget = QWidget(body)
        self._form_widget.setLayout(form)
        form.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self._form_widget)

        self.summary = self._section(layout, "Summary", self._label("", "Summary"))
        self.source = self._section(layout, "Source", self._label("", "Source as written"))
        self.citations = QWidget(body)
        self.citations.setAccessibleName("Citations")
        self._citation_layout = QVBoxLayout(self.citations)
        self._citation_layout.setContentsMargins(0, 6, 0, 0)
        self._citation_layout.setSpacing(10)
        self.citation_blocks: list[CitationBlock] = []  # those showing the document's citations
        self._citation_pool: list[CitationBlock] = []
        layout.addWidget(self.citations)
        self.remainder = self._section(layout, "Credits", self._label("", "Credits"))
        # Nearest first: the same delo, then the same opis, then the same fond.
        self.related = QListWidget(body)
        self.related.setAccessibleName("Related documents in the archive")
        self.related.setWordWrap(True)
        self.related.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.related.setMaximumHeight(RELATED_ROWS * self.related.fontMetrics().height() * 2)
        self.related.itemActivated.connect(self._on_related_activated)  # Return, double click
        self._section(layout, "Related in the archive", self.related)

        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(6)
        # The labels are short so that two buttons fit side by side in a narrow dock; the
        # heading above them says "Copy citation".
        for index, (fmt, label) in enumerate((f.name, f.label) for f in CITATION_FORMATS):
            button = QPushButton(label, body)
            button.setAccessibleName(f"Copy {label}")
            button.setToolTip(f"Copy the citation as {label}")
            button.clicked.connect(lambda _checked=False, f=fmt: self._on_copy_clicked(f))
            self.buttons[fmt] = button
            grid.addWidget(button, index // 2, index % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._section(layout, "Copy citation", None)
        layout.addLayout(grid)

        self.rights = self._section(layout, "Rights", self._label("", "Rights"))
        self.warnings = QWidget(body)
        self.warnings.setAccessibleName("Parse warnings")
        self._warning_layout = QVBoxLayout(self.warnings)
        self._warning_layout.setContentsMargins(0, 0, 0, 0)
        self._warning_layout.setSpacing(4)
        self.warning_labels: list[QLabel] = []
        self._warnings_heading = self._section(layout, "Parse warnings", self.warnings)
        layout.addStretch(1)
        self._sections = [
            self.title, self._form_widget, self.citations, *self.buttons.values(),
        ]

        view.changed.connect(self._on_view_changed)
        # A new tree (more documents) may relate more. While an index builds, entries come
        # in batches several times a second: the list is redone at most every REFRESH_MS.
        self._related_timer = QTimer(self)
        self._related_timer.setSingleShot(True)
        self._related_timer.setInterval(REFRESH_MS)
        self._related_timer.timeout.connect(lambda: self._show_related(self.reading.document))
        if browsing is not None:
            browsing.changed.connect(lambda _: self._related_timer.start()
                                     if not self._related_timer.isActive() else None)
        self._show_document(view.document)

    # Building ------------------------------------------------------------------------------
    def _label(self, text: str, accessible_name: str) -> QLabel:
        return _selectable_label(text, accessible_name)

    def _caption(self, text: str) -> QLabel:
        caption = QLabel(text)
        palette = caption.palette()
        palette.setColor(
            QPalette.ColorRole.WindowText,
            blend(palette.color(QPalette.ColorRole.WindowText),
                  palette.color(QPalette.ColorRole.Window), 0.4),
        )
        caption.setPalette(palette)
        return caption

    def _section(self, layout: QVBoxLayout, heading: str, content: QWidget | None) -> QLabel:
        label = self._caption(heading.upper())
        font = label.font()
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        label.setFont(font)
        label.setContentsMargins(0, 10, 0, 0)
        label.setAccessibleName(f"{heading} heading")
        layout.addWidget(label)
        if content is None:
            return label
        layout.addWidget(content)
        # The heading hides with its content, so an empty section leaves no stray title.
        content.setProperty("heading", label)
        return content if isinstance(content, QLabel) else label

    # Mirroring -----------------------------------------------------------------------------
    def _on_view_changed(self, aspect: Aspect) -> None:
        if aspect in ("document", "translation"):
            self._show_document(self.reading.document)

    def _on_copy_clicked(self, fmt: str) -> None:
        self.copy_citation_requested.emit(fmt)

    def _set_section(self, widget: QWidget, visible: bool) -> None:
        widget.setVisible(visible)
        heading = widget.property("heading")
        if isinstance(heading, QWidget):
            heading.setVisible(visible)

    def _show_document(self, document: Document | None) -> None:
        self.empty.setVisible(document is None)
        for widget in self._sections:
            widget.setVisible(document is not None)
        if document is None:
            for widget in (self.summary, self.source, self.remainder, self.rights,
                           self.warnings, self.related):
                self._set_section(widget, False)
            return
        self.title.setText(document.title or "(untitled)")
        date = document.date
        if date.text:
            self.fields["date"].setText(f"{date.text} ({PRECISION_WORDS[date.precision]})")
        else:
            self.fields["date"].setText("Not given")
        self.fields["type"].setText(document.type or NOT_GIVEN)
        self.fields["record_id"].setText(document.record_id or NOT_GIVEN)
        declared = ", ".join(document.languages) or "none"
        detected = ", ".join(language_name(code) for code in document.detected_languages)
        self.fields["languages"].setText(f"Declared: {declared}; detected: {detected or 'none'}")
        self.fields["uploaded"].setText(document.uploaded or NOT_GIVEN)
        # The name is what a reader recognises; the folder is a hover away.
        name = shown_name(Path(document.file).name) if document.file else NOT_GIVEN
        self.file_field.set_full_text(name)
        self.fields["file"].setToolTip(plain_tooltip(shown_name(document.file)))

        self.summary.setText(document.summary)
        self._set_section(self.summary, bool(document.summary))
        self.source.setText(document.source.text or "The page names no source.")
        self._set_section(self.source, True)
        self._fill_citations(document.source.citations)
        self.remainder.setText(document.source.remainder)
        self._set_section(self.remainder, bool(document.source.remainder))
        self.rights.setText("\n\n".join(document.rights))
        self._set_section(self.rights, bool(document.rights))
        self._show_warnings(document.warnings)
        self._show_related(document)
        self._settle()

    def _show_related(self, document: Document | None) -> None:
        related = self._browsing.related(document.id) if self._browsing and document else []
        self.related.clear()
        for near in related:
            item = QListWidgetItem(near.label)  # item text is never markup
            item.setData(Qt.ItemDataRole.UserRole, near.doc_id)
            item.setToolTip(plain_tooltip(near.label))
            self.related.addItem(item)
        self._set_section(self.related, bool(related))

    def _on_related_activated(self, item: QListWidgetItem) -> None:
        doc_id = item.data(Qt.ItemDataRole.UserRole)
        if doc_id:
            self.document_requested.emit(doc_id)

    def _settle(self) -> None:
        # The new text changes every label's heightForWidth. Qt would refit the body on the
        # next LayoutRequest; doing it now means no frame (or screenshot) shows the new text
        # in rows sized for the previous document. Re-setting widgetResizable is the public
        # way to make QScrollArea recompute the body's height for the viewport's width.
        body = self.widget()
        if body is not None and (layout := body.layout()) is not None:
            layout.activate()
        self.setWidgetResizable(True)

    def _show_warnings(self, warnings: tuple[str, ...]) -> None:
        for label in self.warning_labels:
            label.hide()
            label.deleteLater()
        self.warning_labels = []
        for warning in warnings:
            label = self._label(f"⚠ {warning}", "Parse warning")
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, WARNING_COLOUR)
            label.setPalette(palette)
            self._warning_layout.addWidget(label)
            label.show()  # as with the citation blocks: not a queued show after sizing
            self.warning_labels.append(label)
        self._set_section(self.warnings, bool(warnings))
        self._warnings_heading.setVisible(bool(warnings))

    def _fill_citations(self, citations: tuple[Citation, ...]) -> None:
        # Blocks are kept and refilled: creating and showing new widgets for every document
        # cost more than everything else the panel does when a document opens.
        while len(self._citation_pool) < len(citations):
            block = CitationBlock(self.citations)
            self._citation_layout.addWidget(block)
            self._citation_pool.append(block)
        for number, block in enumerate(self._citation_pool):
            if number < len(citations):
                block.show_citation(citations[number])
            # Shown now: a child added to a visible parent is otherwise shown only by a
            # queued call, after the body has been sized without it.
            block.setVisible(number < len(citations))
        self.citation_blocks = self._citation_pool[: len(citations)]
        self.citations.setVisible(bool(citations))
