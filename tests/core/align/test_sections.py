"""Huge documents aligned by sections: the same beads as the whole solver, bounded work.

The thresholds are lowered so that small made-up documents take the sectioned path; the full
sizes (5 MB pages) are measured by bench/huge_page.py.
"""

from __future__ import annotations

import random

import pytest

from bench.made_up_pages import many_paragraphs, one_paragraph
from reader.core.align import sections as alignment_sections
from reader.core.align.alignment import Alignment
from reader.core.align.sections import align_long, is_huge
from reader.core.align.solver import align_texts
from reader.core.document import Document, Text
from reader.core.page.parser import parse_text


@pytest.fixture
def small_sections(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(alignment_sections, "HUGE_PARAGRAPHS", 30)
    monkeypatch.setattr(alignment_sections, "HUGE_PARAGRAPH_CHARS", 3000)
    monkeypatch.setattr(alignment_sections, "SECTION", 12)
    monkeypatch.setattr(alignment_sections, "CHUNK", 4)


def _texts(document: Document) -> tuple[Text, Text]:
    assert document.original is not None
    return document.original, document.translations[0]


def _covers(alignment: Alignment, original: Text, translation: Text) -> None:
    """Every paragraph and sentence of both texts is in exactly one bead, in order."""
    ours = [i for bead in alignment.paragraph_beads for i in bead.original]
    theirs = [j for bead in alignment.paragraph_beads for j in bead.translation]
    assert ours == list(range(len(original.paragraphs)))
    assert theirs == list(range(len(translation.paragraphs)))
    refs = [r for bead in alignment.sentence_beads for r in bead.original]
    assert refs == sorted(set(refs))


def test_small_documents_go_to_the_solver_unchanged() -> None:
    original, translation = _texts(parse_text(many_paragraphs(3000), "made_up_small.txt"))
    assert not is_huge(original, translation)
    assert align_long(original, translation) == align_texts(original, translation)


def test_many_paragraphs_by_sections_give_the_solvers_beads(small_sections: None) -> None:
    original, translation = _texts(parse_text(many_paragraphs(12_000), "made_up_many.txt"))
    assert is_huge(original, translation) and len(original.paragraphs) > 50
    done: list[tuple[int, int]] = []
    sectioned = align_long(original, translation, progress=lambda a, b: done.append((a, b)))
    _covers(sectioned, original, translation)
    whole = align_texts(original, translation)
    pairs = {(b.original, b.translation) for b in whole.paragraph_beads}
    agree = sum((b.original, b.translation) in pairs for b in sectioned.paragraph_beads)
    assert agree >= 0.98 * len(whole.paragraph_beads)
    assert len(done) > 3 and done[-1] == (len(original.paragraphs), len(original.paragraphs))


def test_one_long_paragraph_each_is_cut_and_its_sentences_aligned(small_sections: None) -> None:
    original, translation = _texts(parse_text(one_paragraph(12_000), "made_up_one.txt"))
    assert len(original.paragraphs) == len(translation.paragraphs) == 1
    sectioned = align_long(original, translation)
    _covers(sectioned, original, translation)
    assert [(b.original, b.translation) for b in sectioned.paragraph_beads] == [((0,), (0,))]
    # The made-up text pairs sentence k with sentence k: sentence beads are one to one.
    ones = [b for b in sectioned.sentence_beads if len(b.original) == len(b.translation) == 1]
    assert len(ones) >= 0.9 * len(sectioned.sentence_beads) > 40
    for bead in ones[:5] + ones[-5:]:
        ru = original.paragraphs[0][bead.original[0][1] : bead.original[0][2]]
        en = translation.paragraphs[0][bead.translation[0][1] : bead.translation[0][2]]
        assert ru.endswith((".", "»")) and en.endswith(".")
        digits_ru = [c for c in ru if c.isdigit()]
        digits_en = [c for c in en if c.isdigit()]
        assert sorted(digits_ru) == sorted(digits_en) or not digits_ru


def test_fixed_beads_inside_a_section_are_kept(small_sections: None) -> None:
    original, translation = _texts(parse_text(many_paragraphs(12_000), "made_up_many.txt"))
    fixed = [((3, 4), (3,)), ((5,), ())]
    sectioned = align_long(original, translation, fixed)
    _covers(sectioned, original, translation)
    beads = {(b.original, b.translation): b for b in sectioned.paragraph_beads}
    assert beads[((3, 4), (3,))].manual and beads[((5,), ())].manual
    whole = align_texts(original, translation, fixed)
    # The same pairs; confidences differ a little (the length model is estimated per section).
    assert [(b.original, b.translation) for b in sectioned.paragraph_beads] == [
        (b.original, b.translation) for b in whole.paragraph_beads
    ]


# Sentences that test the splitter's look around a full stop: glued ones, abbreviations and
# initials, dates, quotes and brackets opening or closing a sentence, lists, a lone number.
_TRICKY = [
    "Передано т.Булганину 1.X..50 г.", "«Согласен», — ответил он.", "(Подпись).", "12.",
    "См. прим. 3 на стр. 5.", "[Перевод с китайского.]", "в Корее.Однако", "Мао Цзэ-дун.",
    "J. V. Stalin wrote: \"Yes.\"", "No. 5 is ready.", "1) первое; 2) второе.", "— Да.",
    "Сталин И.В.", "Он сказал: «Нет».", "(см. выше)", "ВКП(б).", "…и так далее…", "Ok!",
    "On 1.X.50 [1 October 1950] it came.", "«", "'Quoted.'", "»", "т.", "Ким Ир Сен.",
    "«…1950 г.» — так.", "(.5) Итого.", "«.12» Да.",
]


@pytest.mark.parametrize("seed", range(12))
def test_a_cut_paragraphs_known_sentences_are_the_splitters_own(
    small_sections: None, seed: int
) -> None:
    from reader.core.text.sentences import split_sentences

    rng = random.Random(seed)
    parts = [rng.choice(_TRICKY) + rng.choice([" ", " ", "", "  ", "\n"]) for _ in range(900)]
    paragraph = "".join(parts).strip().replace("\n\n", "\n")
    known = 0
    for language in ("ru", "en"):
        units = alignment_sections._units(Text(language, (paragraph,)))
        assert len(units) > 20
        for unit in units:
            if unit.sentences is not None:
                known += 1
                piece = paragraph[unit.start : unit.end]
                assert list(unit.sentences) == split_sentences(piece, language), piece
    assert known > 10  # the guard lets through what it can vouch for, not nothing
