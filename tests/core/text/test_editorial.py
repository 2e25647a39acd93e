from __future__ import annotations

import itertools

import pytest

from reader.core.text.editorial import EditorialSpan, classify_bracket, editorial_spans


def marked(paragraph: str) -> list[tuple[str, str]]:
    return [(paragraph[s.start : s.end], s.kind) for s in editorial_spans(paragraph)]


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("Stalin", "insertion"),
        ("из Сочи", "insertion"),
        ("?", "uncertain"),
        ("illegible", "uncertain"),
        ("неразборчиво", "uncertain"),
        ("...", "elision"),
        ("…", "elision"),
        (". . .", "elision"),
        ("1", "footnote"),
        ("12", "footnote"),
        ("*", "footnote"),
        ("handwritten: Agreed. J. St.", "handwritten"),
        ("Handwritten", "handwritten"),
        ("stamp: Secret", "stamp"),
        ("Translator's note: Filippov was Stalin's pseudonym", "note"),
        ("Editor’s note: see above", "note"),
        ("page break", "page"),
        ("Kim Il Sung - SIC", "sic"),
        ("sic", "sic"),
    ],
)
def test_classify_bracket(content: str, kind: str) -> None:
    assert classify_bracket(content) == kind


def test_not_apparatus() -> None:
    assert classify_bracket("") is None
    assert classify_bracket("email protected") is None


def test_seed_title_and_russian_insertion() -> None:
    assert marked("Ciphered Telegram, Filippov [Stalin] to Mao Zedong") == [
        ("[Stalin]", "insertion")
    ]
    assert marked("Передано т.Булганину [из Сочи]") == [("[из Сочи]", "insertion")]


def test_insertion_inside_a_word() -> None:
    text = "Com[rade] Kim"
    assert editorial_spans(text) == [EditorialSpan(3, 9, "insertion")]


def test_footnote_markers_and_notes() -> None:
    assert marked("the army[1] and the navy x/ were ready") == [
        ("[1]", "footnote"),
        ("x/", "footnote"),
    ]
    assert marked("xx/ Sent to Kim") == [("xx/", "footnote")]
    # Words ending in x and fractions are not footnote markers.
    assert marked("Marx/Engels and 1/2 and box/") == []


def test_page_markers() -> None:
    assert marked("end of text (p. 1) more") == [("(p. 1)", "page")]
    assert marked("(pp. 2-3)") == [("(pp. 2-3)", "page")]
    assert marked("first page // second page") == [("//", "page")]
    assert marked("see http://example.org") == []
    assert marked("[page break]") == [("[page break]", "page")]


def test_elision_and_uncertain() -> None:
    assert marked("we must [...] at once [?]") == [("[...]", "elision"), ("[?]", "uncertain")]


def test_offsets_survive_newlines_and_cjk_brackets() -> None:
    text = "Пекин   Совпосол\n[stamp: Top secret]\n毛泽东〔主席〕"
    assert marked(text) == [("[stamp: Top secret]", "stamp"), ("〔主席〕", "insertion")]


def test_spans_sorted_and_never_overlap() -> None:
    text = "[stamp: received (p. 2)] then (p. 3) and [1]"
    spans = editorial_spans(text)
    assert [s.kind for s in spans] == ["stamp", "page", "footnote"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


def test_plain_text_has_no_spans() -> None:
    assert editorial_spans("I await your answer.") == []
    assert editorial_spans("") == []
