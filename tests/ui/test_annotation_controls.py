"""Annotating from the keyboard in the real window: highlight, project, note, dock, restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.core.annotations.model import Annotation
from reader.ui.annotation_marks import caret
from reader.ui.app import DiglotApp
from reader.ui.mark_styles import Highlight
from reader.ui.pane_marks import Mark
from tests.ui.test_app import press, start
from tests.ui.test_app_reading import reader as reader  # the seed alone, open


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def key(app: DiglotApp, name: str) -> None:
    press(focused() or app.window, name)


def caret_key(app: DiglotApp, name: str, times: int = 1, shift: bool = False) -> None:
    """Arrows, Home, End: keys the keymap leaves to the pane's text cursor."""
    modifier = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    for _ in range(times):
        QTest.keyClick(focused() or app.window, getattr(Qt.Key, f"Key_{name}"), modifier)


def shift_right(app: DiglotApp, times: int) -> None:
    caret_key(app, "Right", times, shift=True)


def annotations(app: DiglotApp) -> list[Annotation]:
    return app.workspace.annotations.annotations()


def styles(app: DiglotApp, pane: str) -> list[Highlight]:
    found = app.window.split_view.panes[pane].mark_styles("annotation")  # type: ignore[index]
    return [style for style in found if isinstance(style, Highlight)]


def highlight_sentence(app: DiglotApp, pane: str, keys: tuple[str, ...]) -> Annotation:
    """Focus `pane`, put the sentence cursor on its first sentence, select it, press `keys`."""
    split = app.window.split_view
    split.focus_pane(pane)  # type: ignore[arg-type]
    before = len(annotations(app))
    key(app, "]")
    key(app, "S")
    assert split.panes[pane].selection_ranges()  # type: ignore[index]
    for name in keys:
        key(app, name)
    assert len(annotations(app)) == before + 1
    return next(a for a in annotations(app) if a.side == pane and a.created ==
                max(b.created for b in annotations(app)))


def test_highlight_in_each_pane_shows_its_projection_on_the_other(reader: DiglotApp) -> None:
    session = reader.workspace.annotations
    claim, person = (c.colour for c in session.categories()[:2])
    first = highlight_sentence(reader, "original", ("h",))
    assert first.side == "original" and first.quote.startswith("Передано")
    assert session.categories()[0].id == first.category
    assert styles(reader, "original") == [Highlight(claim)] * len(styles(reader, "original"))
    projected = styles(reader, "translation")
    assert projected and all(s.projected and s.colour == claim for s in projected)
    # The selection was let go, so the colour shows; the text cursor is on the highlight.
    assert not reader.window.split_view.panes["original"].textCursor().hasSelection()
    key(reader, "Tab")
    assert reader.workspace.reading.focused == "translation"
    second = highlight_sentence(reader, "translation", ("Alt+2",))
    assert second.side == "translation" and second.category == session.categories()[1].id
    assert second.quote.startswith("Transmitted to Bulganin")
    assert Highlight(person) in styles(reader, "translation")
    # The person projection falls on the sentence the claim highlight covers: the core paints
    # it, and the pane shows each character's top mark, the pane's own highlight.
    assert any(p.projected and p.colour == person for p in session.paints("original"))
    assert styles(reader, "original") == [Highlight(claim)] * len(styles(reader, "original"))
    # Undo and redo from the keyboard.
    key(reader, "Ctrl+Z")
    assert [a.id for a in annotations(reader)] == [first.id]
    assert all(s.colour == claim for s in styles(reader, "original"))
    key(reader, "Ctrl+Shift+Z")
    assert {a.id for a in annotations(reader)} == {first.id, second.id}


def test_shift_arrows_select_and_the_cursor_shows_the_note(qtbot: QtBot, reader: DiglotApp
                                                          ) -> None:
    split = reader.window.split_view
    split.focus_pane("translation")
    pane = split.panes["translation"]
    shift_right(reader, 11)  # "Transmitted"
    key(reader, "Alt+3")
    (made,) = annotations(reader)
    assert made.quote == "Transmitted" and made.side == "translation"
    # A note: A opens the editor beside the text, Ctrl+Return saves, and the text has the keys.
    key(reader, "A")
    editor = reader.annotations.editor
    qtbot.waitUntil(lambda: editor.isVisible() and focused() is editor.note)
    for ch in "Sent <b>from</b> Sochi":
        QTest.keyClick(editor.note, ch)
    assert editor.note.toPlainText() == "Sent <b>from</b> Sochi"  # letters were typing
    key(reader, "Ctrl+Return")
    assert not editor.isVisible() and focused() is pane
    assert annotations(reader)[0].note == "Sent <b>from</b> Sochi"
    # Edit it again; Escape cancels without a change.
    key(reader, "A")
    qtbot.waitUntil(lambda: focused() is editor.note)
    QTest.keyClick(editor.note, "!")
    key(reader, "Escape")
    assert not editor.isVisible() and annotations(reader)[0].note == "Sent <b>from</b> Sochi"
    # The text cursor on the highlight shows its note, as plain text.
    caret_key(reader, "End")
    caret_key(reader, "Home")
    marks = reader.annotations.marks
    assert "Sent <b>from</b> Sochi" in marks.note_shown
    assert marks.note_at("translation", 0, 3).startswith("Place")
    # Projected onto the original: the note shows there too, saying where it is from.
    original = next(iter(reader.workspace.annotations.paints("original")))
    assert original.projected
    shown = marks.note_at("original", original.range.paragraph, original.range.start)
    assert "in the translation: “Transmitted”" in shown


def test_restart_finds_highlights_notes_and_projections(qtbot: QtBot, diglot_home: Path
                                                       ) -> None:
    first = start(qtbot, diglot_home)
    first.workspace.open_document("113729")
    made = highlight_sentence(first, "original", ("Alt+5",))
    key(first, "A")
    editor = first.annotations.editor
    qtbot.waitUntil(lambda: focused() is editor.note)
    editor.note.setPlainText("Who sent this on?")
    editor.tags.setText("routing, sochi")
    key(first, "Ctrl+Return")
    first.window.close()
    second = start(qtbot, diglot_home)
    try:
        (again,) = annotations(second)
        assert (again.id, again.quote, again.note, again.tags) == (
            made.id, made.quote, "Who sent this on?", ("routing", "sochi"))
        colour = second.workspace.annotations.categories()[4].colour
        assert Highlight(colour) in styles(second, "original")
        assert any(s.projected for s in styles(second, "translation"))
    finally:
        second.shutdown()


def test_dock_lists_filters_jumps_and_edits(qtbot: QtBot, reader: DiglotApp) -> None:
    split, panel = reader.window.split_view, reader.annotations.panel
    first = highlight_sentence(reader, "original", ("h",))
    split.focus_pane("translation")
    pane = split.panes["translation"]
    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum())  # read on to the end
    key(reader, "[")
    key(reader, "S")
    key(reader, "Alt+2")
    last = next(a for a in annotations(reader) if a.id != first.id)
    reader.workspace.annotating.save_note(last.id, "the signature", ["name"])
    key(reader, "Ctrl+Shift+A")
    assert reader.annotations.dock.isVisible() and focused() is panel.tree
    assert panel.visible_ids() == [first.id, last.id]
    # Filters: by category, by tag, by words.
    panel.category.setCurrentIndex(2)  # "2 person"
    assert panel.visible_ids() == [last.id]
    panel.category.setCurrentIndex(0)
    panel.tag.setCurrentIndex(panel.tag.findData("name"))
    assert panel.visible_ids() == [last.id]
    panel.tag.setCurrentIndex(0)
    panel.filter.setText("булганину")
    assert panel.visible_ids() == [first.id]
    panel.filter.setText("")
    # Return on the first row jumps: both panes scroll to it.
    bar.setValue(bar.maximum())
    split.panes["original"].verticalScrollBar().setValue(
        split.panes["original"].verticalScrollBar().maximum())
    panel.tree.setFocus()
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0).child(0))  # type: ignore[union-attr]
    key(reader, "Return")
    assert split.paragraph_at_top("original") <= first.anchor.paragraph
    projection = [p for p in reader.workspace.annotations.paints("translation") if p.projected]
    assert split.paragraph_at_top("translation") <= projection[0].range.paragraph
    # Recategorise and delete from the dock; undo brings it back.
    key(reader, "Alt+4")
    assert annotations(reader)[0].category == reader.workspace.annotations.categories()[3].id
    assert focused() is panel.tree
    key(reader, "D")
    assert [a.id for a in annotations(reader)] == [last.id]
    assert panel.visible_ids() == [last.id]
    key(reader, "Ctrl+Z")
    assert panel.visible_ids() == [first.id, last.id]
    # } and { step through the highlights of the focused pane.
    split.focus_pane("original")
    later = next(s for s in reader.workspace.links.sentences("original") if s.paragraph > 2)
    reader.workspace.links.place_cursor(*later[:3])  # as a click there does
    key(reader, "S")
    key(reader, "Alt+1")
    notes = reader.annotations.marks
    assert notes.note_shown.startswith("Claim")
    key(reader, "{")
    assert notes.note_shown.startswith("Date")
    assert caret(split.panes["original"]) == (first.anchor.paragraph, 0)
    key(reader, "{")
    assert notes.note_shown.startswith("Claim")
    key(reader, "}")
    assert notes.note_shown.startswith("Date")


def test_orphans_are_listed_apart_with_their_old_context(qtbot: QtBot, reader: DiglotApp) -> None:
    session = reader.workspace.annotations
    made = highlight_sentence(reader, "translation", ("h",))
    # The text changed under it (re-imported, edited outside): its words are gone.
    from dataclasses import replace

    from reader.core.annotations.model import Anchor

    gone = replace(made, content_hash="an older page", anchor=Anchor(
        "words that were never in this text", "context before ", " context after",
        made.anchor.start, made.anchor.start + 34, made.anchor.paragraph))
    session.store.write([gone])
    session.reload()
    assert [a.status for a in session.annotations()] == ["orphaned"]
    panel = reader.annotations.panel
    assert panel.visible_ids() == [made.id]
    assert panel.group_of(made.id).startswith("Orphaned")
    row = panel.tree.topLevelItem(0).child(0)  # type: ignore[union-attr]
    assert "«words that were never in this text»" in row.text(0)
    assert "context before «words" in row.toolTip(0).replace("\xa0", " ")
    assert not styles(reader, "translation") and not styles(reader, "original")


def test_overlapping_marks_are_flattened_to_what_shows() -> None:
    from reader.ui.annotation_marks import flatten

    claim, person, faint = Highlight("#e6b422"), Highlight("#4e9a06"), Highlight("#e6b422", True)
    marks = [(0, 0, 10, claim), (0, 5, 15, person), (0, 12, 20, claim), (0, 20, 25, claim),
             (0, 0, 30, faint), (1, 3, 3, claim), (1, 0, 4, claim), (1, 2, 6, claim)]
    # Later marks paint over earlier ones: each character keeps the one seen on top.
    assert flatten(marks) == [(0, 0, 30, faint), (1, 0, 6, claim)]
    assert flatten(marks[:4]) == [(0, 0, 5, claim), (0, 5, 12, person), (0, 12, 25, claim)]



def test_flattened_marks_show_what_painting_each_mark_in_turn_shows() -> None:
    import itertools
    import random

    from reader.ui.annotation_marks import flatten

    styles = [Highlight(c, p) for c in ("#e6b422", "#4e9a06", "#3465a4") for p in (False, True)]
    rng = random.Random(14)
    for _ in range(500):
        marks = [(rng.randrange(3), at, at + rng.randint(-2, 25), rng.choice(styles))
                 for at in (rng.randint(0, 50) for _ in range(rng.randint(0, 25)))]
        marks += rng.sample(marks, min(len(marks), 4))  # repeated marks, as projections are
        # Each character as painting every mark in order leaves it.
        painted: dict[tuple[int, int], Highlight] = {}
        for paragraph, low, high, style in marks:
            painted.update(((paragraph, at), style) for at in range(low, high))
        flat = flatten(marks)
        shown = {(p, at): style for p, low, high, style in flat for at in range(low, high)}
        assert shown == painted
        assert sum(high - low for _, low, high, _ in flat) == len(painted)  # no overlaps
        assert flat == sorted(flat, key=lambda mark: mark[:2])
        for before, after in itertools.pairwise(flat):  # alike neighbours are one mark
            assert not (before[0] == after[0] and before[2] == after[1]
                        and before[3] == after[3])


def test_highlights_flattened_with_projections_colour_each_character_the_same(
        qtbot: QtBot, reader: DiglotApp) -> None:
    from reader.ui.annotation_marks import flatten

    pane = reader.window.split_view.panes["original"]
    reader.window.resize(1300, 700)  # lines of some words: the pieces meet inside lines
    qtbot.waitUntil(lambda: pane.viewport().width() > 250)
    claim, person, date = Highlight("#e6b422"), Highlight("#4e9a06"), Highlight("#c061cb")
    projected = [(0, 0, 30, Highlight("#3465a4", True)), (1, 0, 10, Highlight("#e0533d", True)),
                 (2, 0, 16, Highlight("#3465a4", True, True)), (3, 5, 40, claim._replace(
                     projected=True))]
    own = [(0, 3, 9, claim), (0, 7, 20, person), (1, 2, 10, Highlight("#c061cb", fuzzy=True)),
           (2, 4, 12, date), (3, 0, 8, person), (3, 30, 53, claim)]

    def picture(marks: list[Mark]) -> QImage:
        pane.set_marks("annotation", marks)
        pane.viewport().repaint()
        return pane.viewport().grab().toImage()

    def cells() -> list[QRect]:
        """Each character of paragraphs 0-3 on the screen: its box, less the pixels at its
        edges (where neighbouring highlights' anti-aliased edges meet)."""
        found = []
        cursor = QTextCursor(pane.document())
        for paragraph in range(4):
            block = pane.document().findBlockByNumber(paragraph)
            for position in range(block.position(), block.position() + block.length() - 1):
                cursor.setPosition(position)
                left = pane.cursorRect(cursor)
                cursor.setPosition(position + 1)
                right = pane.cursorRect(cursor)
                if right.top() == left.top() and right.left() - left.left() > 3:
                    found.append(QRect(left.left() + 2, left.top() + 1,
                                       right.left() - left.left() - 3, left.height() - 2))
        return [cell for cell in found if pane.viewport().rect().contains(cell)]

    # Own highlights drawn over whole projections, as before, and the pieces of both that show.
    apart = picture(flatten(projected) + flatten(own))
    together = picture(flatten(projected + own))
    plain = picture([])
    boxes = cells()
    assert len(boxes) > 40
    assert all(together.copy(box) == apart.copy(box) for box in boxes)
    assert sum(together.copy(box) != plain.copy(box) for box in boxes) > 40  # highlighted



def test_a_pane_made_taller_draws_the_highlights_it_now_shows(qtbot: QtBot, reader: DiglotApp
                                                              ) -> None:
    from PySide6.QtCore import QPoint

    window, pane = reader.window, reader.window.split_view.panes["original"]
    texts = reader.workspace.reading.document.original.paragraphs  # type: ignore[union-attr]
    # Hundreds of marks: only those near the viewport are drawn.
    marks: list[Mark] = [(p, at, at + 2, Highlight("#4e9a06")) for p, text in enumerate(texts)
                         for at in range(0, len(text) - 2, 4)]
    assert len(marks) > 300
    window.resize(900, 360)
    qtbot.waitUntil(lambda: pane.viewport().height() < 300)
    pane.set_marks("annotation", marks)

    def drawn_in_last_line_seen() -> bool:
        viewport = pane.viewport()
        corner = pane.cursorForPosition(QPoint(viewport.width() // 3, viewport.height() - 8))
        paragraph, offset = pane.paragraph_at(corner.position())
        if (paragraph, offset) == (0, 0) or not texts[paragraph]:
            return False
        line_start = pane.qt_position(paragraph, max(offset - 8, 0))
        return any(line_start <= s.cursor.selectionStart() <= corner.position()
                   for s in pane.extraSelections())

    assert drawn_in_last_line_seen()
    low = pane.paragraph_at(pane.cursorForPosition(QPoint(8, pane.viewport().height() - 8))
                            .position())
    # Taller, not scrolled: the text that comes into view shows its highlights too.
    window.resize(900, 860)
    qtbot.waitUntil(lambda: pane.viewport().height() > 600)
    high = pane.paragraph_at(pane.cursorForPosition(QPoint(8, pane.viewport().height() - 8))
                             .position())
    assert high > low
    assert pane.verticalScrollBar().value() == 0
    qtbot.waitUntil(drawn_in_last_line_seen)

def test_hovering_a_highlight_shows_its_note_as_plain_text(qtbot: QtBot, reader: DiglotApp
                                                          ) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    made = highlight_sentence(reader, "original", ("h",))
    reader.workspace.annotating.save_note(made.id, "<b>who</b> wrote this?", [])
    pane = reader.window.split_view.panes["original"]
    rect = pane.cursorRect(pane.textCursor())  # the caret sits at the highlight's start
    point = QPoint(rect.right() + 12, rect.center().y())
    assert pane.text_position(point) is not None
    event = QHelpEvent(QEvent.Type.ToolTip, point, pane.viewport().mapToGlobal(point))
    QApplication.sendEvent(pane.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "&lt;b&gt;who&lt;/b&gt;\xa0wrote" in QToolTip.text()  # shown as written


def test_the_dock_from_the_keyboard_library_scope_note_and_names(qtbot: QtBot,
                                                                 reader: DiglotApp) -> None:
    made = highlight_sentence(reader, "translation", ("h",))
    panel = reader.annotations.panel
    key(reader, "Ctrl+Shift+A")
    assert focused() is panel.tree
    # A on a row writes its note; saving returns the keyboard to the list, not the text.
    key(reader, "A")
    editor = reader.annotations.editor
    qtbot.waitUntil(lambda: focused() is editor.note)
    QTest.keyClicks(editor.note, "check the date")
    key(reader, "Ctrl+Return")
    assert annotations(reader)[0].note == "check the date"
    qtbot.waitUntil(lambda: focused() is panel.tree)
    key(reader, "A")
    qtbot.waitUntil(lambda: focused() is editor.note)
    key(reader, "Escape")
    qtbot.waitUntil(lambda: focused() is panel.tree)
    # The whole library: grouped under the document's title.
    panel.scope.setCurrentIndex(1)
    assert panel.visible_ids() == [made.id]
    assert panel.group_of(made.id).startswith(reader.workspace.title_of(made.document))
    # Every control of the panel has a name a screen reader can say.
    controls = [w for w in panel.findChildren(QWidget)
                if w.parentWidget() in (panel, editor)
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert len(controls) >= 9  # scope, category, tag, words, list, categories, note, tags, ...
    assert [type(w).__name__ for w in controls if not w.accessibleName()] == []
