from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.core.align.store import AlignmentStore
from reader.core.annotations.editing import Annotator
from reader.core.annotations.opening import paints, place
from reader.core.annotations.projection import project
from reader.core.annotations.store import AnnotationStore
from reader.core.document import Document
from reader.core.text_range import TextRange
from tests.core.annotations.seed_quotes import seoul_range


def test_a_russian_highlight_lands_on_both_english_sentences(
        store: AnnotationStore, page: Document, diglot_home: Path) -> None:
    alignment = AlignmentStore(diglot_home).alignment(page)
    added = Annotator(store).add(page, seoul_range(page), "place")
    [placed] = place(page, [added], 0, alignment)
    assert placed.projection is not None and not placed.projection.uncertain
    assert len(placed.projection.ranges) == 2  # the one Russian sentence became two
    assert placed.projected_quote.startswith("Our Korean friends have no troops")
    assert "Hence, one needs to consider" in placed.projected_quote
    categories = store.categories()
    english = paints([placed], categories, "translation", 0)
    assert [p.projected for p in english] == [True, True]
    russian = paints([placed], categories, "original", 0)
    assert [(p.range, p.projected) for p in russian] == [(seoul_range(page), False)]
    assert russian[0].colour == store.category("place").colour  # type: ignore[union-attr]


def test_an_english_highlight_projects_back(store: AnnotationStore, page: Document,
                                            diglot_home: Path) -> None:
    alignment = AlignmentStore(diglot_home).alignment(page)
    added = Annotator(store).add(page, TextRange("translation", 8, 0, 7), "claim")
    [placed] = place(page, [added], 0, alignment)
    assert placed.projected_quote == "Жду Вашего ответа."


def test_a_low_confidence_bead_makes_the_projection_uncertain(page: Document,
                                                              diglot_home: Path) -> None:
    alignment = AlignmentStore(diglot_home).alignment(page)
    range_ = seoul_range(page)
    beads = tuple(replace(b, confidence=0.2) if b.original and b.original[0][0] ==
                  range_.paragraph else b for b in alignment.sentence_beads)
    doubtful = replace(alignment, sentence_beads=beads)
    projection = project([range_], doubtful)
    assert projection is not None and projection.uncertain
    manual = replace(doubtful, sentence_beads=tuple(replace(b, manual=True) for b in beads))
    assert not project([range_], manual).uncertain  # type: ignore[union-attr]


def test_a_manual_link_moves_the_projection(store: AnnotationStore, page: Document,
                                            diglot_home: Path) -> None:
    alignments = AlignmentStore(diglot_home)
    added = Annotator(store).add(page, TextRange("translation", 8, 0, 7), "claim")
    # The reader ties "I await your reply." to "Привет" by hand.
    assert page.original is not None
    alignments.link(page, [(9, 0, len(page.original.paragraphs[9]))],
                    [(8, 0, len(page.translations[0].paragraphs[8]))])
    [placed] = place(page, [added], 0, alignments.alignment(page))
    assert placed.projected_quote == "Привет"
    assert placed.projection is not None and placed.projection.manual


def test_one_projector_projects_the_same_sentences_from_either_side(
        diglot_home: Path, page: Document) -> None:
    from reader.core.annotations.projection import Projector

    projector = Projector(AlignmentStore(diglot_home).alignment(page))
    there = projector.project([TextRange("original", 0, 0, 10)])
    back = projector.project([TextRange("translation", 0, 0, 10)])
    assert there is not None and back is not None
    assert there.pane == "translation" and back.pane == "original"
    assert projector.project([TextRange("original", 0, 2, 8)]) is there  # one per sentences
