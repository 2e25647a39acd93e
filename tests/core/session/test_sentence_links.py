from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.align.store import AlignmentStore
from reader.core.document import Document, Text
from reader.core.page.parser import parse_page
from reader.core.session.reading import ReadingState
from reader.core.session.sentence_links import SentenceLinks
from reader.core.text_range import TextRange
from tests.conftest import SEED_PAGE


def seed() -> Document:
    return parse_page(SEED_PAGE)


def build(home: Path, document: Document | None = None) -> tuple[ReadingState, SentenceLinks]:
    store = AlignmentStore(home)
    holder: list[SentenceLinks] = []
    view = ReadingState(aligner=lambda a, b: holder[0].paragraph_aligner(a, b))
    links = SentenceLinks(view, store)
    holder.append(links)
    view.set_document(document or seed())
    return view, links


def seoul(document: Document) -> tuple[TextRange, TextRange, TextRange]:
    """The Russian "В районе Сеула ..." and its two English sentences."""
    assert document.original is not None
    russian = document.original.paragraphs[5]
    english = document.translations[0].paragraphs[5]
    ru = TextRange("original", 5, russian.index("В районе"), len(russian))
    first = TextRange("translation", 5, english.index("Our Korean"),
                      english.index("Seoul.") + len("Seoul."))
    second = TextRange("translation", 5, english.index("Hence"), len(english))
    return ru, first, second


def test_counterparts_of_a_position(diglot_home: Path) -> None:
    document = seed()
    _, links = build(diglot_home, document)
    ru, first, second = seoul(document)
    assert links.counterparts("original", 5, ru.start + 3) == [first, second]
    assert links.counterparts("translation", 5, second.start) == [ru]
    assert links.sentence_at("original", 5, ru.end) == ru  # just past the full stop
    assert links.counterparts("original", 99, 0) == []
    confidence = links.confidence("original", 5, ru.start)
    assert confidence is not None and 0.5 < confidence <= 1.0


def test_sentences_cover_both_panes_in_order(diglot_home: Path) -> None:
    _, links = build(diglot_home)
    original = links.sentences("original")
    assert original == sorted(original)
    assert {s.paragraph for s in original} == set(range(12))
    assert links.unaligned("original") == [] and links.unaligned("translation") == []


def without_however(document: Document) -> Document:
    """The seed with the Russian "Однако ..." dropped: its English sentence has no partner."""
    assert document.original is not None
    russian = list(document.original.paragraphs)
    russian[4] = russian[4][: russian[4].index("Однако")].rstrip()
    return replace(document, original=Text("ru", tuple(russian)))


def test_a_dropped_sentence_leaves_its_translation_unaligned(diglot_home: Path) -> None:
    document = without_however(seed())
    _, links = build(diglot_home, document)
    (unaligned,) = links.unaligned("translation")
    english = document.translations[0].paragraphs[4]
    unaligned_text = english[unaligned.start : unaligned.end]
    assert unaligned_text.startswith("However, judging by the information")
    assert links.counterparts("translation", 4, unaligned.start) == []
    assert links.confidence("translation", 4, unaligned.start) is None
    assert links.unaligned("original") == []


def test_no_alignment_without_two_texts(diglot_home: Path) -> None:
    document = replace(seed(), original=None)
    _, links = build(diglot_home, document)
    assert links.alignment is None
    assert links.sentences("translation") == []
    assert links.step(1) is None
    with pytest.raises(ValueError):
        links.link([TextRange("translation", 0, 0, 5)])


def test_cursor_steps_and_carries_across(diglot_home: Path) -> None:
    document = seed()
    view, links = build(diglot_home, document)
    aspects: list[str] = []
    links.changed.connect(aspects.append)
    sentences = links.sentences("original")
    assert links.step(1) == sentences[0]
    assert links.step(1) == sentences[1]
    assert links.step(-1) == sentences[0]
    assert links.step(-1) == sentences[0]  # stops at the start
    ru, first, _ = seoul(document)
    assert links.place_cursor("original", 5, ru.start) == ru
    view.focus("translation")
    assert links.step(1) == first  # carried over as the first counterpart
    assert aspects == ["cursor"] * 5
    view.set_document(seed())
    assert links.cursor is None


def test_cursor_starts_at_the_top_paragraph(diglot_home: Path) -> None:
    view, links = build(diglot_home)
    view.set_paragraph("original", 7)
    started = links.step(1)
    assert started is not None and started.paragraph == 7


def test_echoes_of_search_matches(diglot_home: Path) -> None:
    document = seed()
    _, links = build(diglot_home, document)
    ru, first, second = seoul(document)
    match = TextRange("original", 5, ru.start + 9, ru.start + 14)  # "Сеула"
    assert links.echoes([match, match]) == [first, second]


def test_link_sentences_by_selection_survives_a_new_store(diglot_home: Path) -> None:
    document = seed()
    _, links = build(diglot_home, document)
    ru, first, second = seoul(document)
    message = links.link([TextRange("original", 5, ru.start + 2, ru.start + 6),
                          TextRange("translation", 5, first.start, first.start + 3)])
    assert "sentences" in message
    assert links.counterparts_of(ru) == [first]
    assert links.counterparts_of(second) == []
    _, fresh = build(diglot_home, document)
    assert fresh.counterparts_of(ru) == [first]


def test_unlink_the_cursor_sentence(diglot_home: Path) -> None:
    document = seed()
    _, links = build(diglot_home, document)
    ru, first, second = seoul(document)
    with pytest.raises(ValueError):
        links.unlink_cursor()
    links.place_cursor("translation", 5, first.start)
    links.unlink_cursor()
    assert links.counterparts_of(first) == []
    assert first in links.unaligned("translation")
    assert links.counterparts_of(ru) == [second]  # the rest of the bead stays linked
    with pytest.raises(ValueError, match="not linked"):
        links.unlink_cursor()
    _, fresh = build(diglot_home, document)
    assert first in fresh.unaligned("translation")
    assert fresh.counterparts_of(second) == [ru]


def test_linking_whole_paragraphs_moves_scrolling(diglot_home: Path) -> None:
    view, links = build(diglot_home)
    changes: list[str] = []
    view.changed.connect(changes.append)
    assert view.alignment.counterpart("translation", 10) == 10
    # "Привет" linked to "Greetings," and "F I L I P P O V [STALIN]": "ФИЛИППОВ" is left alone.
    selection = [TextRange("original", 9, 0, 10_000), TextRange("translation", 9, 0, 10_000),
                 TextRange("translation", 10, 0, 10_000)]
    assert "paragraphs" in links.link(selection)
    assert "alignment" in changes
    assert view.alignment.counterpart("translation", 10) == 9
    assert view.alignment.map_position("original", 10, 0.0) == (10, 1.0)  # unpaired now

