"""SentenceMarks: the sentence links of the open document, painted on the split view.

Pointing at a sentence (or clicking it, or moving the sentence cursor with the keys) lights it
quietly and its counterparts in the other pane plainly; uncertain links are lighter and dashed,
unaligned sentences carry a dotted underline, and search hits echo softly in the other
language. Everything shown is asked of the core `SentenceLinks`; the one thing held here is
the sentence under the mouse, which is not worth saving.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader.core.session.reading import Aspect
from reader.core.session.search import SearchAspect, SearchSession
from reader.core.session.sentence_links import UNCERTAIN_BELOW, LinkAspect, SentenceLinks
from reader.core.text_range import PANES, Pane, TextRange, other_pane
from reader.ui.mark_styles import MarkStyle
from reader.ui.pane_marks import Mark
from reader.ui.plain_text import plain_tooltip
from reader.ui.split_view import SplitView


class SentenceMarks(QObject):
    """Paints a `SentenceLinks` on a `SplitView` and turns pointing into sentence links."""

    message = Signal(str)  # a line for the status bar

    def __init__(self, links: SentenceLinks, session: SearchSession, split: SplitView) -> None:
        super().__init__(split)
        self._links = links
        self._session = session
        self._split = split
        self._pointed: TextRange | None = None
        links.changed.connect(self._on_links_changed)
        split.reading.changed.connect(self._on_view_changed)
        session.changed.connect(self._on_session_changed)
        for pane, text_pane in split.panes.items():
            text_pane.pointed.connect(lambda p, o, pane=pane: self._on_pointed(pane, p, o))
            text_pane.clicked.connect(lambda p, o, pane=pane: self._on_clicked(pane, p, o))
        self._show_unaligned()
        self._show_link()

    # Following the core ----------------------------------------------------------------------
    def _on_view_changed(self, aspect: Aspect) -> None:
        # The split view was connected first, so the panes already hold the new text.
        if aspect in ("document", "translation"):
            self._pointed = None
            self._show_unaligned()
            self._show_link()

    def _on_links_changed(self, aspect: LinkAspect) -> None:
        if aspect == "alignment":
            self._show_unaligned()
            self._show_echoes()
            self._show_link()
            return
        # The cursor moved (keys or a click): it, not a mouse resting somewhere, is shown.
        self._pointed = None
        self._show_link()
        cursor = self._links.cursor
        if cursor is not None:
            self._split.reveal([cursor], lead=True)
            self._split.reveal(self._links.counterparts_of(cursor))

    def _on_session_changed(self, aspect: SearchAspect) -> None:
        if aspect in ("matches", "current"):
            self._show_echoes()

    # Following the mouse ---------------------------------------------------------------------
    def _on_pointed(self, pane: Pane, paragraph: int, offset: int) -> None:
        sentence = self._links.sentence_at(pane, paragraph, offset) if paragraph >= 0 else None
        if sentence == self._pointed:
            return
        self._pointed = sentence
        self._show_link()
        text_pane = self._split.panes[pane]
        described = self._links.describe(sentence) if sentence else ""
        text_pane.viewport().setToolTip(plain_tooltip(described))
        # Only while the panes scroll together: a reader who unlocked them placed the other
        # pane on purpose, and a mouse passing over text must not undo that.
        if sentence is not None and self._split.reading.scroll_locked:
            self._split.reveal(self._links.counterparts_of(sentence))

    def _on_clicked(self, pane: Pane, paragraph: int, offset: int) -> None:
        self._links.place_cursor(pane, paragraph, offset)

    # Commands --------------------------------------------------------------------------------
    def jump_to_counterpart(self) -> None:
        """Bring the other pane's counterpart level with the sentence under the cursor.

        Without a sentence cursor, the sentence at the focused pane's text cursor is taken.
        """
        cursor = self._links.cursor
        if cursor is None:
            pane = self._split.reading.focused
            text_pane = self._split.panes[pane]
            paragraph, offset = text_pane.paragraph_at(text_pane.textCursor().position())
            cursor = self._links.place_cursor(pane, paragraph, offset)
        if cursor is None:
            self.message.emit("Click a sentence or press ] to choose one")
            return
        counterparts = self._links.counterparts_of(cursor)
        if not counterparts:
            self.message.emit(self._links.describe(cursor))
            return
        if other_pane(cursor.pane) not in self._split.reading.shown_panes:
            self._split.reading.show_both()
        self._split.reveal([cursor])
        self._split.reveal(counterparts, at=self._split.viewport_y(cursor))

    # Painting --------------------------------------------------------------------------------
    def _show_unaligned(self) -> None:
        for pane in PANES:
            marks: list[Mark] = [(*s[1:], "unaligned") for s in self._links.unaligned(pane)]
            self._split.panes[pane].set_marks("unaligned", marks)

    def _show_echoes(self) -> None:
        echoes = self._links.echoes(self._session.matches)
        current = self._session.current_match
        # The current match's counterpart stands out in the other pane, as the match does.
        strong = set(self._links.echoes([current])) if current is not None else set()
        for pane in PANES:
            marks: list[Mark] = [(*e[1:], "current-echo" if e in strong else "echo")
                                 for e in echoes if e.pane == pane]  # fmt: skip
            self._split.panes[pane].set_marks("echo", marks)

    def _show_link(self) -> None:
        sentence = self._pointed or self._links.cursor
        marks: dict[Pane, list[Mark]] = {pane: [] for pane in PANES}
        if sentence is not None:
            marks[sentence.pane].append((*sentence[1:], "sentence"))
            confidence = self._links.confidence(*sentence[:3])
            sure = confidence is None or confidence >= UNCERTAIN_BELOW
            for counterpart in self._links.counterparts_of(sentence):
                style: MarkStyle = "counterpart" if sure else "uncertain"
                marks[counterpart.pane].append((*counterpart[1:], style))
        for pane in PANES:
            self._split.panes[pane].set_marks("link", marks[pane])
