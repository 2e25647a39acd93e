from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reader.core.align.alignment import ParagraphAlignment
from reader.core.align.store import AlignmentStore
from reader.core.annotations.store import AnnotationStore
from reader.core.document import Document, Text
from reader.core.export.gather import gather_export
from reader.core.export.model import build_export, export_view, paragraph_html, to_html
from reader.core.session.reading import ReadingState
from tests.core.export.made_up_annotations import MADE_UP
from tests.core.session.test_annotating import build


class _TextOf(HTMLParser):
    """The text a browser would show, to check escaping round-trips."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(html: str) -> str:
    parser = _TextOf()
    parser.feed(html)
    return "".join(parser.parts)


def test_header_provenance_and_footer(seed: Document) -> None:
    export = build_export(seed)
    assert export.title.startswith("Ciphered Telegram, Filippov [Stalin]")
    assert (export.date, export.type, export.record_id) == ("October 1, 1950", "Telegram", "113729")
    assert export.source.startswith("APRF, fond 45, opis 1, delo 334")
    assert export.citation.startswith('"Ciphered Telegram, Filippov [Stalin]')
    assert export.citation.endswith("Record ID 113729.")
    assert export.file == "000_6ac3a21e3d46086e.txt"  # no folder of this machine in a printout
    assert export.rights.startswith("The History and Public Policy Program welcomes reuse")
    assert (export.original_language, export.translation_language) == ("ru", "en")


def test_parallel_rows_pair_paragraphs(seed: Document) -> None:
    export = build_export(seed)
    assert len(export.rows) == 12
    first = export.rows[0]
    assert [p.number for p in first.original] == [1]
    assert first.original[0].text.startswith("Передано т.Булганину")
    assert first.translation[0].text.startswith("Transmitted to Bulganin")
    last = export.rows[-1]
    assert last.original[0].text.startswith("1 октября")
    assert last.translation[0].text == "1 October 1950"


def test_editorial_spans_are_carried(seed: Document) -> None:
    first = build_export(seed).rows[0]
    span = first.original[0].spans[0]
    text = first.original[0].text
    assert text[span.start : span.end] == "[из Сочи]"
    assert span.kind == "insertion"


def test_rows_follow_the_given_alignment(seed: Document) -> None:
    # Original paragraphs 1 and 2 translated together; translation paragraph 11 unpaired.
    assert seed.original is not None
    pairs = [((0, 1), (0,)), *(((a,), (a - 1,)) for a in range(2, 11)), ((11,), (11,))]
    alignment = ParagraphAlignment(tuple(pairs), 12, 12)
    export = build_export(seed, alignment=alignment)
    assert [p.number for p in export.rows[0].original] == [1, 2]
    assert [p.number for p in export.rows[0].translation] == [1]
    # Every paragraph of both texts is printed exactly once, in order.
    numbers_a = [p.number for row in export.rows for p in row.original]
    numbers_b = [p.number for row in export.rows for p in row.translation]
    assert numbers_a == list(range(1, 13))
    assert numbers_b == list(range(1, 13))
    unpaired = [row for row in export.rows if not row.original]
    assert [row.translation[0].number for row in unpaired] == [11]


def test_export_view_uses_the_view_alignment(seed: Document) -> None:
    view = ReadingState()
    assert export_view(view) is None
    view.set_document(seed)
    export = export_view(view, "sequential")
    assert export is not None
    assert export.layout == "sequential"
    assert len(export.rows) == len(view.alignment.pairs)


def test_mismatched_alignment_is_refused(seed: Document) -> None:
    with pytest.raises(ValueError, match="alignment"):
        build_export(seed, alignment=ParagraphAlignment((((0,), (0,)),), 3, 3))


def test_bad_layout_and_translation(seed: Document) -> None:
    with pytest.raises(ValueError, match="layout"):
        build_export(seed, layout="columns")  # type: ignore[arg-type]
    with pytest.raises(IndexError):
        build_export(seed, translation=1)


def test_translation_only_document(seed: Document) -> None:
    export = build_export(replace(seed, original=None))
    assert not export.has_original
    assert all(not row.original for row in export.rows)
    html = to_html(export)
    assert "Transmitted to Bulganin" in html
    assert "ORIGINAL" not in html  # no empty column for a missing text


def test_html_facing_is_a_two_column_table(seed: Document) -> None:
    names = {"ru": "Russian", "en": "English"}
    html = to_html(
        build_export(seed),
        serif="DejaVu Serif",
        sans="DejaVu Sans",
        language_name=names.__getitem__,
    )
    assert html.startswith("<!DOCTYPE html>")
    assert "<title>Ciphered Telegram, Filippov [Stalin]" in html
    assert "ORIGINAL (RUSSIAN)" in html and "TRANSLATION (ENGLISH)" in html
    assert html.count('<td width="50%" valign="top">') == 24
    assert "'DejaVu Serif', serif" in html
    text = html_text(html)
    assert "Передано т.Булганину" in text
    assert "Transmitted to Bulganin" in text
    assert "Record ID: 113729" in text
    assert "History and Public Policy Program Digital Archive" in text


def test_html_sequential_prints_original_then_translation(seed: Document) -> None:
    html = to_html(build_export(seed, layout="sequential"))
    assert 'width="50%"' not in html
    assert html.index("Передано") < html.index("ФИЛИППОВ") < html.index("Transmitted to")


def test_html_escapes_and_marks_apparatus(seed: Document) -> None:
    text = Text("en", ("Tom & <Jerry> [illegible] said\nhello",))
    export = build_export(replace(seed, title="A <b> & c", original=None, translations=(text,)))
    html = to_html(export)
    assert "<title>A &lt;b&gt; &amp; c</title>" in html
    assert "Tom &amp; &lt;Jerry&gt; " in html
    assert "<b> &" not in html
    assert 'font-style:italic">[illegible]</span>' in html
    assert "said<br>hello" in html


def test_paragraph_html_of_a_plain_paragraph(seed: Document) -> None:
    paragraph = build_export(seed).rows[8].translation[0]
    assert paragraph_html(paragraph) == "I await your reply."


def test_export_view_carries_the_window_annotations(diglot_home: Path, seed: Document,
                                                    annotated: AnnotationStore) -> None:
    # The window's session (reading state, sentence links, store) gives the export the CLI
    # gathers from the stores: same rows, same numbered notes, same marks.
    view, _, session = build(diglot_home)
    view.set_document(seed)
    export = export_view(view, "excerpts", annotations=session, notes="margin")
    assert export is not None
    cli = gather_export(seed, AlignmentStore(diglot_home), annotated, "excerpts", notes="margin")
    assert export == cli
    assert len(export.notes) == len(MADE_UP) + 1
    assert export_view(view, annotations=None) == build_export(seed, alignment=view.alignment)
    view.set_document(replace(seed, id="other"))  # the session follows: still consistent
    other = export_view(view, annotations=session)
    assert other is not None and len(other.notes) == 0


def test_bad_notes_placement(seed: Document) -> None:
    with pytest.raises(ValueError, match="notes"):
        build_export(seed, notes="footnotes")  # type: ignore[arg-type]
