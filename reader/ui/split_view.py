"""SplitView: the original beside (or above) its translation, scrolling together."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.core.session.reading import Aspect, ReadingState
from reader.core.text_range import PANES, Pane, TextRange, other_pane
from reader.ui.mark_styles import blend
from reader.ui.plain_text import plain_label
from reader.ui.resources import SANS_FAMILY, SERIF_FAMILY
from reader.ui.text_pane import TextPane

BASE_POINT_SIZE = 12.5
ZOOM_FACTOR = 1.1  # per zoom step; geometric, so each step looks the same size


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 code, "unknown language" when it has none."""
    if not code:
        return "unknown language"
    language = QLocale(code).language()
    if language == QLocale.Language.C:
        return code
    return QLocale.languageToString(language)


def text_point_size(zoom: int) -> float:
    """The text size in points at a zoom step; not rounded to half points, so steps are even."""
    return round(BASE_POINT_SIZE * ZOOM_FACTOR**zoom, 2)


class SplitView(QWidget):
    """Two read-only panes mirroring a ReadingState; scrolling one moves the other.

    The ReadingState owns every setting (layout, swap, panes, lock, zoom, focus); this widget
    only shows them, and reports the paragraph at the top of each pane back to it.
    """

    def __init__(self, view: ReadingState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reading = view
        self._syncing = False  # set while we move the follower, so it does not lead back
        self.setAccessibleName("Document texts")

        self.notice = plain_label(parent=self)
        self.notice.setObjectName("notice")
        self.notice.setAccessibleName("Notice")
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setContentsMargins(12, 8, 12, 8)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.panes: dict[Pane, TextPane] = {}
        self.captions: dict[Pane, QLabel] = {}
        self.translation_choice = QComboBox(self)
        self.translation_choice.setAccessibleName("Translation shown")
        self.translation_choice.hide()
        self.translation_choice.activated.connect(view.set_translation)
        self._boxes: dict[Pane, QWidget] = {}
        self._arrangement: tuple[object, ...] = ()  # what _arrange last laid out
        for pane in PANES:
            self._build_pane(pane)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)

        view.changed.connect(self._on_view_changed)
        self._apply_font()
        self._show_document()

    def _build_pane(self, pane: Pane) -> None:
        box = QWidget(self.splitter)
        text_pane = TextPane(pane, box)
        caption = plain_label(parent=box)
        caption.setObjectName(f"{pane}_caption")
        caption.setContentsMargins(0, 10, 0, 2)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption_font = QFont(SANS_FAMILY)
        caption_font.setPointSizeF(8.5)
        caption_font.setCapitalization(QFont.Capitalization.AllUppercase)
        caption_font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        caption.setFont(caption_font)
        caption.setAutoFillBackground(True)
        caption.setBackgroundRole(QPalette.ColorRole.Base)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(0)
        box_layout.addWidget(caption)
        if pane == "translation":
            # Pages with several translations offer the choice where the reader looks.
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 2)
            row.addStretch(1)
            row.addWidget(self.translation_choice)
            row.addStretch(1)
            box_layout.addLayout(row)
        box_layout.addWidget(text_pane, 1)
        self.splitter.addWidget(box)
        self.panes[pane] = text_pane
        self.captions[pane] = caption
        self._boxes[pane] = box
        text_pane.verticalScrollBar().valueChanged.connect(
            lambda _value, p=pane: self._on_pane_scrolled(p)
        )
        text_pane.focus_received.connect(lambda p=pane: self._on_pane_focused(p))

    # Mirroring the ReadingState -------------------------------------------------------------
    def _on_view_changed(self, aspect: Aspect) -> None:
        if aspect in ("document", "translation"):
            self._show_document()
        elif aspect in ("layout", "swapped", "visible"):
            self._arrange()
        elif aspect == "zoom":
            self._apply_font()
        elif aspect == "focus":
            self._update_captions()
            self.panes[self.reading.focused].setFocus(Qt.FocusReason.OtherFocusReason)
        elif (aspect == "scroll_lock" and self.reading.scroll_locked) or aspect == "alignment":
            # Locked again, or paired differently by a link made by hand: level the panes.
            self.sync_from(self._active_pane())
        # "paragraph" is what we reported ourselves: nothing to redo.

    def _show_document(self) -> None:
        # Arranged while empty: a rearrangement resizes the panes, and every resize lays their
        # text out again (a paragraph of megabytes took a second each time, issue 12).
        if self._arrangement != self._wanted_arrangement():
            for pane in PANES:
                self.panes[pane].set_text(None)
            self.notice.setVisible(bool(self.reading.notice))
            self._arrange()
        for pane in PANES:
            text = self.reading.text(pane)
            self.panes[pane].set_text(text)
            language = language_name(text.language) if text else ""
            name = "Original text" if pane == "original" else "Translation"
            self.panes[pane].setAccessibleName(f"{name} ({language})" if text else name)
            caption = "Original" if pane == "original" else "Translation"
            self.captions[pane].setText(f"{caption} · {language}" if text else caption)
        self._offer_translations()
        self.notice.setText(self.reading.notice)
        self.notice.setVisible(bool(self.reading.notice))
        self._arrange()
        for pane in PANES:
            self.panes[pane].scroll_to_position(self.reading.paragraphs[pane], 0.0)

    def _offer_translations(self) -> None:
        document = self.reading.document
        translations = document.translations if document else ()
        choice = self.translation_choice
        choice.blockSignals(True)
        choice.clear()
        for number, text in enumerate(translations, start=1):
            choice.addItem(f"Translation {number}: {language_name(text.language) or 'unknown'}")
        choice.setCurrentIndex(self.reading.translation_index)
        choice.blockSignals(False)
        # Named with the first document, not when built: Qt makes the list on first asking,
        # and making it (with the classes it brings in) cost the first frame 15 ms.
        choice.view().setAccessibleName("Translations of this page")
        choice.setVisible(len(translations) > 1)

    def _wanted_arrangement(self) -> tuple[tuple[Pane, ...], bool, tuple[Pane, ...]]:
        order = PANES[::-1] if self.reading.swapped else PANES
        return tuple(self.reading.shown_panes), self.reading.layout == "stacked", tuple(order)

    def _arrange(self) -> None:
        arrangement = self._wanted_arrangement()
        shown, vertical, order = arrangement
        # Opening the next document in the same arrangement keeps the panes as the user
        # dragged them (and spares a relayout of both texts).
        if arrangement != self._arrangement:
            self._arrangement = arrangement
            self.splitter.setOrientation(
                Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal
            )
            for index, pane in enumerate(order):
                self.splitter.insertWidget(index, self._boxes[pane])
                self._boxes[pane].setVisible(pane in shown)
            # Even halves after any rearrangement; the user may drag from there.
            self.splitter.setSizes([10_000, 10_000])
        self._update_captions()
        self.sync_from(self._active_pane())

    def _apply_font(self) -> None:
        positions = {pane: self.panes[pane].position() for pane in PANES}
        font = QFont(SERIF_FAMILY)
        font.setFamilies([SERIF_FAMILY, "Serif"])
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSizeF(text_point_size(self.reading.zoom))
        self._syncing = True
        try:
            for pane in PANES:
                self.panes[pane].set_text_font(font)
                self.panes[pane].scroll_to_position(*positions[pane])
        finally:
            self._syncing = False
        self.sync_from(self._active_pane())

    def _update_captions(self) -> None:
        palette = self.palette()
        strong = blend(palette.color(QPalette.ColorRole.Text),
                       palette.color(QPalette.ColorRole.Base), 0.3)
        quiet = blend(palette.color(QPalette.ColorRole.Text),
                      palette.color(QPalette.ColorRole.Base), 0.6)
        both = len(self.reading.shown_panes) > 1
        for pane, caption in self.captions.items():
            caption_palette = caption.palette()
            focused = both and pane == self.reading.focused
            caption_palette.setColor(QPalette.ColorRole.WindowText, strong if focused else quiet)
            caption.setPalette(caption_palette)

    # Following -----------------------------------------------------------------------------
    def _on_pane_focused(self, pane: Pane) -> None:
        self.reading.focus(pane)

    def _on_pane_scrolled(self, pane: Pane) -> None:
        self.reading.set_paragraph(pane, self.panes[pane].position()[0])
        if self._syncing or not self.reading.scroll_locked:
            return
        self.sync_from(pane)

    def sync_from(self, pane: Pane) -> None:
        """Bring the other pane to the paragraph that corresponds to `pane`'s top edge."""
        follower = other_pane(pane)
        if self._syncing or follower not in self.reading.shown_panes:
            return
        if pane not in self.reading.shown_panes:
            return
        leader_bar = self.panes[pane].verticalScrollBar()
        follower_bar = self.panes[follower].verticalScrollBar()
        self._syncing = True
        try:
            # The ends meet the ends: proportional positions would leave the last lines unseen.
            if leader_bar.value() >= leader_bar.maximum() > 0:
                follower_bar.setValue(follower_bar.maximum())
            else:
                paragraph, fraction = self.panes[pane].position()
                mapped = self.reading.alignment.map_position(pane, paragraph, fraction)
                self.panes[follower].scroll_to_position(*mapped)
        finally:
            self._syncing = False

    def _active_pane(self) -> Pane:
        shown = self.reading.shown_panes
        if self.reading.focused in shown or not shown:
            return self.reading.focused
        return shown[0]

    # Commands ------------------------------------------------------------------------------
    def scroll_lines(self, lines: int) -> None:
        """Scroll the focused pane by `lines` lines (negative: up); the other follows."""
        pane = self.panes[self._active_pane()]
        bar = pane.verticalScrollBar()
        bar.setValue(bar.value() + lines * pane.line_step())

    def scroll_pages(self, pages: int) -> None:
        """Scroll the focused pane by `pages` screens, keeping two lines for context."""
        pane = self.panes[self._active_pane()]
        bar = pane.verticalScrollBar()
        page = max(pane.viewport().height() - 2 * pane.line_step(), pane.line_step())
        bar.setValue(bar.value() + pages * page)

    def scroll_to_top(self) -> None:
        """Go to the start of the focused pane's text."""
        bar = self.panes[self._active_pane()].verticalScrollBar()
        bar.setValue(bar.minimum())

    def scroll_to_bottom(self) -> None:
        """Go to the end of the focused pane's text."""
        bar = self.panes[self._active_pane()].verticalScrollBar()
        bar.setValue(bar.maximum())

    def scroll_to_paragraph(self, pane: Pane, paragraph: int) -> None:
        """Put `paragraph` of `pane` at the top of that pane."""
        self.panes[pane].scroll_to_position(paragraph, 0.0)

    def paragraph_at_top(self, pane: Pane) -> int:
        """The paragraph (0-based) at the top edge of `pane`."""
        return self.panes[pane].position()[0]

    def sync_other_pane(self) -> None:
        """Bring the other pane's counterpart of the cursor's paragraph level with it.

        Works with the scroll lock off too: it is how a reader re-aligns after reading on
        in one pane alone.
        """
        leader = self._active_pane()
        follower = other_pane(leader)
        if follower not in self.reading.shown_panes:
            return
        paragraph = self.panes[leader].paragraph_at(self.panes[leader].textCursor().position())[0]
        leader_bar = self.panes[leader].verticalScrollBar()
        height = self.panes[leader].paragraph_top(paragraph) - leader_bar.value()
        counterpart = self.reading.alignment.counterpart(leader, paragraph)
        target = self.panes[follower]
        self._syncing = True
        try:
            target.verticalScrollBar().setValue(round(target.paragraph_top(counterpart) - height))
            cursor = target.textCursor()
            cursor.setPosition(target.qt_position(counterpart, 0))
            target.setTextCursor(cursor)
        finally:
            self._syncing = False

    def reveal(self, ranges: Sequence[TextRange], at: float | None = None,
               lead: bool = False) -> None:
        """Scroll the pane of `ranges` (all in one pane) to show them.

        Args:
            ranges: text ranges of one pane, in reading order.
            at: the viewport y to put their top at; None scrolls only if they are out of
                view, and then to a third of the way down, so what leads into them shows too.
            lead: let the other pane follow (scroll lock permitting). Off for a counterpart
                shown in answer to the other pane, which must not move the pane it answers.
        """
        if not ranges:
            return
        pane = self.panes[ranges[0].pane]
        first, last = ranges[0], ranges[-1]
        top = pane.range_span(*first[1:])
        bottom = pane.range_span(*last[1:])
        if top is None or bottom is None:
            return
        bar = pane.verticalScrollBar()
        height = pane.viewport().height()
        if at is None:
            if top[0] >= bar.value() and bottom[1] <= bar.value() + height:
                return
            at = height / 3
        self._syncing = not lead
        try:
            bar.setValue(round(top[0] - at))
        finally:
            self._syncing = False

    def viewport_y(self, sentence: TextRange) -> float | None:
        """Where the top of `sentence` stands in its pane's viewport (None: no such text)."""
        pane = self.panes[sentence.pane]
        span = pane.range_span(*sentence[1:])
        return None if span is None else span[0] - pane.verticalScrollBar().value()

    def selection_ranges(self) -> list[TextRange]:
        """What is selected in the shown panes, as core ranges."""
        return [r for pane in self.reading.shown_panes for r in self.panes[pane].selection_ranges()]

    def focus_pane(self, pane: Pane) -> None:
        """Give `pane` the keyboard focus (through the ReadingState, which records it)."""
        self.reading.focus(pane)
        self.panes[pane].setFocus(Qt.FocusReason.OtherFocusReason)

    def highlight(self, ranges: Iterable[TextRange], current: TextRange | None = None) -> None:
        """Mark text ranges (search hits, say) in both panes; an empty list clears them.

        Args:
            ranges: the ranges to mark.
            current: the one the reader is on (n/N), marked apart from the others.
        """
        per_pane: dict[Pane, list[tuple[int, int, int]]] = {pane: [] for pane in PANES}
        for pane, paragraph, start, end in ranges:
            per_pane[pane].append((paragraph, start, end))
        for pane, marks in per_pane.items():
            mine = current[1:] if current is not None and current.pane == pane else None
            self.panes[pane].set_highlights(marks, mine)
