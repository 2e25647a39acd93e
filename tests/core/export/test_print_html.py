from __future__ import annotations

from dataclasses import replace

import pytest

from reader.core.export.markdown import to_markdown
from reader.core.export.model import to_html
from reader.core.export.parts import UNDERLINE_STYLES
from reader.core.export.print_html import tint, underline
from tests.core.export.conftest import Exporter
from tests.core.export.html_check import MARKER, Parsed, column_markers
from tests.core.export.made_up_annotations import HOSTILE, MADE_UP, ORPHAN_QUOTE

PLACED = len(MADE_UP)  # every made-up annotation projects; the orphan has no place


def test_facing_markers_on_both_sides_match_the_notes(exporter: Exporter) -> None:
    export = exporter("facing")
    html = to_html(export)
    assert sorted(column_markers(html, 0)) == list(range(1, PLACED + 1))
    assert sorted(column_markers(html, 1)) == list(range(1, PLACED + 1))
    text = Parsed(html).all_text
    notes = text[text.index("NOTES"):]
    for number in range(1, PLACED + 2):
        assert f"{number}." in notes
    for _, _, _, note, _ in MADE_UP:
        assert note.splitlines()[0] in notes if note else True
    assert ORPHAN_QUOTE in notes and "orphaned: the words are no longer in the text" in notes


def test_highlights_wash_and_underline_per_category(exporter: Exporter) -> None:
    html = to_html(exporter("facing"))
    styles = {s for s in (f"text-underline-style:{qt}" for qt, _ in UNDERLINE_STYLES)
              if s in html}
    assert len(styles) == 5  # five categories in use, five underline styles
    assert f"background-color:{tint('#3465a4', 0.6)}" in html  # place, own
    assert f"background-color:{tint('#3465a4', 0.82)}" in html  # place, projected
    assert underline("#3465a4", 0).startswith("text-decoration-line:underline;")
    assert tint("#000000", 0.5) == "#808080" and tint("#ffffff", 0.3) == "#ffffff"


def test_margin_notes_sit_beside_their_row(exporter: Exporter) -> None:
    html = to_html(exporter("facing", notes="margin"))
    parsed = Parsed(html)
    rows = [row for row in parsed.rows if len(row) == 3]
    assert len(rows) == 12
    seoul = next(row for row in rows if "В районе Сеула" in row[0])
    assert "Seoul: the front has collapsed" in seoul[2] and "1." in seoul[2]
    text = parsed.all_text
    assert "ORPHANED ANNOTATIONS" in text and "\nNOTES" not in text
    assert text.count("Seoul: the front has collapsed") == 1


def test_no_notes_keeps_the_markers(exporter: Exporter) -> None:
    html = to_html(exporter("facing", notes="none"))
    text = Parsed(html).all_text
    assert "Seoul: the front has collapsed" not in text and ORPHAN_QUOTE not in text
    assert sorted(column_markers(html, 0)) == list(range(1, PLACED + 1))


@pytest.mark.parametrize(("side", "present", "absent"), [
    ("translation", "Transmitted to Bulganin", "Передано т.Булганину"),
    ("original", "Передано т.Булганину", "Transmitted to Bulganin"),
])
def test_single_prints_one_text_with_every_marker(exporter: Exporter, side: str, present: str,
                                                  absent: str) -> None:
    html = to_html(exporter("single", side=side))
    parsed = Parsed(html)
    text = parsed.all_text
    assert present in text and absent not in text
    body = "".join(cell for row in parsed.rows if len(row) == 1 for cell in row)
    assert sorted(int(n) for n in MARKER.findall(body)) == list(range(1, PLACED + 1))


def test_excerpts_print_only_annotated_rows_with_pinpoints(exporter: Exporter) -> None:
    html = to_html(exporter("excerpts"))
    text = Parsed(html).all_text
    assert "Transmitted to Bulganin" not in text and "Передано т.Булганину" not in text
    assert "В районе Сеула" in text and "I await your reply." in text
    assert "Record ID 113729, original ¶6, translation ¶6; APRF, fond 45, opis 1, delo 334, " \
           "listy 99-103" in text
    assert "Record ID 113729, original ¶9, translation ¶9" in text
    assert text.index("Seoul: the front has collapsed") < text.index("I await your reply.")
    assert "ORPHANED ANNOTATIONS" in text


def test_first_part_carries_the_full_provenance(exporter: Exporter) -> None:
    text = Parsed(to_html(exporter("excerpts"))).all_text
    start = text[: text.index("ORIGINAL")]
    assert "APRF: Archive of the President of the Russian Federation" in start
    assert "RGASPI: Russian State Archive of Socio-Political History" in start
    assert "HAPP@wilsoncenter.org" in start  # the rights statement's second paragraph
    assert "translation doubt" in start  # the highlight key


@pytest.mark.parametrize("layout", ["facing", "single", "excerpts", "sequential"])
def test_planted_markup_stays_text(exporter: Exporter, layout: str) -> None:
    parsed = Parsed(to_html(exporter(layout, notes="margin" if layout == "single" else
                                     "endnotes")))
    assert "script" not in parsed.tags and "img" not in parsed.tags and "a" not in parsed.tags
    assert not any(value.startswith("http") for _, value in parsed.attributes)
    assert HOSTILE in parsed.all_text


def test_without_annotations_excerpts_say_so(exporter: Exporter) -> None:
    bare = replace(exporter("excerpts"), notes=(), categories=())
    assert "No annotations: nothing to excerpt." in Parsed(to_html(bare)).all_text
    assert "No annotations." in to_markdown(bare)
    assert "HIGHLIGHTS" not in to_html(bare)


def test_single_falls_back_to_the_text_there_is(exporter: Exporter) -> None:
    export = exporter("single", side="original")
    translation_only = replace(export, has_original=False, rows=tuple(
        replace(row, original=()) for row in export.rows))
    text = Parsed(to_html(translation_only)).all_text
    assert "Transmitted to Bulganin" in text and "ORIGINAL" not in text
