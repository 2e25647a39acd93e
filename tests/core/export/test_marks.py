from __future__ import annotations

from dataclasses import replace

from reader.core.annotations.model import Anchor, Annotation, Category
from reader.core.annotations.opening import place
from reader.core.document import Citation, Document, Source
from reader.core.export.marks import folio_citations, pinpoint
from reader.core.export.model import build_export
from tests.core.export.conftest import Exporter
from tests.core.export.made_up_annotations import MADE_UP, ORPHAN_QUOTE


def test_pinpoint_names_record_paragraphs_and_folios(seed: Document) -> None:
    citations = seed.source.citations
    assert folio_citations(citations) == ["APRF, fond 45, opis 1, delo 334, listy 99-103",
                                          "RGASPI f. 558, Op. 11, D. 334, pp. 97-98"]
    assert pinpoint("Record ID 113729", {"original": (6,), "translation": (6, 7)},
                    citations[:1]) == ("Record ID 113729, original ¶6, translation ¶6–7; "
                                       "APRF, fond 45, opis 1, delo 334, listy 99-103")
    no_folio = Citation("RGASPI f. 558, Op. 11, D. 334", archive="RGASPI", fond="558")
    assert pinpoint("Record ID 1", {"translation": (2,)}, [no_folio]) == \
        "Record ID 1, translation ¶2"
    assert folio_citations(replace(seed, source=Source("x")).source.citations) == []


def test_numbers_follow_reading_order_and_projections_share_them(exporter: Exporter) -> None:
    export = exporter("facing")
    assert [n.number for n in export.notes] == list(range(1, len(MADE_UP) + 2))
    rows = [n.row for n in export.notes]
    assert rows[:-1] == sorted(rows[:-1]) and rows[-1] == -1
    assert export.notes[-1].orphaned and export.notes[-1].quote == ORPHAN_QUOTE
    marks = {(pane, m.number, m.projected)
             for row in export.rows for pane in ("original", "translation")
             for p in row.side(pane) for m in p.marks if m.marker}
    for note in export.notes[:-1]:
        other = "translation" if note.side == "original" else "original"
        assert (note.side, note.number, False) in marks
        assert (other, note.number, True) in marks
        assert note.projected_quote and note.projected_paragraphs
    seoul = export.notes[0]
    assert (seoul.quote, seoul.side, seoul.paragraphs) == ("В районе Сеула", "original", (6,))
    assert seoul.projected_quote.startswith("Our Korean friends have no troops")


def test_a_mark_covers_its_words(exporter: Exporter) -> None:
    export = exporter("facing")
    found = {p.text[m.start:m.end] for row in export.rows for p in row.original
             for m in p.marks if not m.projected}
    assert {"В районе Сеула", "пять-шесть дивизий"} <= found
    assert {n.category for n in export.notes} == {"place", "claim", "date", "translation doubt",
                                                  "person"}
    assert len({n.style for n in export.notes}) == 5


def test_annotations_of_another_translation_are_left_out(seed: Document) -> None:
    second = replace(seed.translations[0], language="de")
    document = replace(seed, translations=(seed.translations[0], second))
    quote = "I await your reply."
    start = second.full_text.index(quote)
    anchor = Anchor(quote, "", "", start, start + len(quote), 8)
    on_second = Annotation("urn:uuid:made-up-1", document.id, document.content_hash,
                           "translation", 1, anchor, 1)
    on_first = replace(on_second, id="urn:uuid:made-up-2", translation=0)
    categories = [Category(1, "claim", "#e6b422")]
    for shown, kept in ((0, "urn:uuid:made-up-2"), (1, "urn:uuid:made-up-1")):
        placed = place(document, [on_second, on_first], shown, None)
        export = build_export(document, shown, placed=placed, categories=categories)
        assert [n.id for n in export.notes] == [kept]
        assert [m.number for m in export.rows[8].translation[0].marks] == [1]
