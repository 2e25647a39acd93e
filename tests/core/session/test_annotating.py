from __future__ import annotations

from pathlib import Path

from reader.core.align.store import AlignmentStore
from reader.core.annotations.store import AnnotationStore
from reader.core.document import Document
from reader.core.page.parser import parse_page
from reader.core.session.annotating import AnnotationsChanged, AnnotationSession
from reader.core.session.reading import ReadingState
from reader.core.session.sentence_links import SentenceLinks
from reader.core.text_range import TextRange
from tests.conftest import SEED_PAGE


def build(home: Path) -> tuple[ReadingState, SentenceLinks, AnnotationSession]:
    alignments = AlignmentStore(home)
    holder: list[SentenceLinks] = []
    view = ReadingState(aligner=lambda a, b: holder[0].paragraph_aligner(a, b))
    links = SentenceLinks(view, alignments)
    holder.append(links)
    return view, links, AnnotationSession(view, links, AnnotationStore(home))


def seed() -> Document:
    return parse_page(SEED_PAGE)


def test_highlight_project_edit_undo_and_find_it_after_a_restart(diglot_home: Path) -> None:
    view, _, session = build(diglot_home)
    events: list[AnnotationsChanged] = []
    session.changed.connect(events.append)
    view.set_document(seed())
    assert events[-1].aspect == "document" and session.annotations() == []
    reply = TextRange("translation", 8, 0, 19)  # "I await your reply."
    added = session.add(reply, 1, note="a question for Mao")
    assert events[-1] == AnnotationsChanged("annotations", frozenset({added.id}))
    [own] = session.paints("translation")
    assert own.range == reply and not own.projected
    [projected] = session.paints("original")
    assert projected.projected and not projected.uncertain
    assert projected.range.paragraph == 8  # "Жду Вашего ответа."
    assert [a.id for a in session.at("original", 8, 3)] == [added.id]
    assert session.at("original", 7, 3) == []

    session.edit(added.id, note="asks for an answer", category="translation doubt")
    assert session.paints("original")[0].colour == session.store.category(
        "translation doubt").colour  # type: ignore[union-attr]
    session.annotator.update_category("translation doubt", colour="#010203")
    assert events[-1].aspect == "categories"
    assert {p.colour for p in session.paints("translation")} == {"#010203"}
    session.undo()
    session.undo()
    assert session.annotations()[0].note == "a question for Mao"
    session.redo()
    session.store.close()

    view2, _, again = build(diglot_home)
    view2.set_document(seed())
    [kept] = again.annotations()
    assert kept.note == "asks for an answer"
    assert [p.range for p in again.paints("translation")] == [reply]
    again.store.close()


def test_a_manual_link_and_stepping(diglot_home: Path) -> None:
    view, links, session = build(diglot_home)
    document = seed()
    view.set_document(document)
    first = session.add(TextRange("translation", 8, 0, 19), "claim")
    second = session.add(TextRange("translation", 3, 0, 3), "person")
    assert session.step("translation", None).annotation == second.id  # type: ignore[union-attr]
    after = TextRange("translation", 3, 0, 3)
    assert session.step("translation", after).annotation == first.id  # type: ignore[union-attr]
    assert session.step("translation", after, backwards=True
                        ).annotation == first.id  # type: ignore[union-attr]
    events: list[AnnotationsChanged] = []
    session.changed.connect(events.append)
    assert document.original is not None
    links.link([TextRange("original", 9, 0, 3), TextRange("translation", 8, 0, 3)])
    assert AnnotationsChanged("projection") in events
    projected = [p for p in session.paints("original") if p.annotation == first.id]
    assert [p.range.paragraph for p in projected] == [9]  # "Привет", as linked by hand
    session.store.close()
