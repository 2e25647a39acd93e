from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.core.annotations.anchoring import reanchor
from reader.core.annotations.editing import Annotator
from reader.core.annotations.model import Anchor, Annotation, make_anchor, paragraph_starts
from reader.core.annotations.opening import open_annotations
from reader.core.annotations.store import AnnotationStore
from reader.core.document import Document, Text
from reader.core.text_range import Pane, TextRange
from tests.core.annotations.conftest import made_up_page

DESPERATE = "the situation of our Korean friends is getting desperate"
GROUPS = "первую и второую армейские группы"  # the transcript's own typo, "второую"
DIVISIONS = "five-six divisions"


def annotate(store: AnnotationStore, page: Document, pane: Pane, quote: str) -> Annotation:
    text = page.original if pane == "original" else page.translations[0]
    assert text is not None
    for number, paragraph in enumerate(text.paragraphs):
        at = paragraph.find(quote)
        if at >= 0:
            return Annotator(store).add(page, TextRange(pane, number, at, at + len(quote)),
                                        "claim", note="why")
    raise AssertionError(quote)


def shown(text: Text, annotation: Annotation) -> str:
    return text.full_text[annotation.anchor.start:annotation.anchor.end]


def reopen(store: AnnotationStore, edited: Document, annotation: Annotation) -> Annotation:
    [found] = [a for a in open_annotations(store, edited) if a.id == annotation.id]
    return found


def test_unchanged_text_keeps_every_anchor(store: AnnotationStore, page: Document) -> None:
    annotation = annotate(store, page, "translation", DESPERATE)
    assert reopen(store, page, annotation) == annotation
    assert annotation.anchor.paragraph == 4


def test_edit_after_the_quote_leaves_it_anchored(store: AnnotationStore, page: Document,
                                                 tmp_path: Path) -> None:
    annotation = annotate(store, page, "translation", DESPERATE)
    edited = made_up_page(tmp_path, ("I await your reply.", "I await your answer."), name="e")
    assert edited.content_hash != page.content_hash
    found = reopen(store, edited, annotation)
    assert found.status == "anchored"
    assert found.anchor.start == annotation.anchor.start
    assert found.content_hash == edited.content_hash
    assert store.get(annotation.id) == found  # the outcome is saved


def test_text_inserted_before_moves_the_quote(store: AnnotationStore, page: Document,
                                              tmp_path: Path) -> None:
    annotation = annotate(store, page, "translation", DESPERATE)
    edited = made_up_page(
        tmp_path, ("Transmitted to Bulganin", "Transmitted to comrade Bulganin"), name="e")
    found = reopen(store, edited, annotation)
    assert found.status == "moved"
    assert found.anchor.start == annotation.anchor.start + len("comrade ")
    assert shown(edited.translations[0], found) == DESPERATE
    assert found.note == "why" and found.category == annotation.category


def test_an_edited_quote_is_found_fuzzily(store: AnnotationStore, page: Document,
                                          tmp_path: Path) -> None:
    annotation = annotate(store, page, "original", GROUPS)
    # A transcriber corrects the typo inside the highlighted words.
    edited = made_up_page(tmp_path, ("второую армейские", "вторую армейские"), name="e")
    found = reopen(store, edited, annotation)
    assert found.status == "fuzzy"
    assert edited.original is not None
    assert shown(edited.original, found) == "первую и вторую армейские группы"
    assert found.anchor.exact == "первую и вторую армейские группы"
    assert found.anchor.paragraph == annotation.anchor.paragraph == 5


def test_words_added_inside_the_quote_stay_inside(store: AnnotationStore, page: Document,
                                                  tmp_path: Path) -> None:
    annotation = annotate(store, page, "translation", DESPERATE)
    edited = made_up_page(
        tmp_path, ("Korean friends is getting", "Korean friends is quickly getting"), name="e")
    found = reopen(store, edited, annotation)
    assert found.status == "fuzzy"
    assert shown(edited.translations[0], found) == (
        "the situation of our Korean friends is quickly getting desperate")


def test_a_deleted_sentence_orphans_its_annotation(store: AnnotationStore, page: Document,
                                                   tmp_path: Path) -> None:
    annotation = annotate(store, page, "translation", DESPERATE)
    edited = made_up_page(tmp_path, (
        ", I see that the situation of our Korean friends is getting desperate.", "."),
        name="e")
    found = reopen(store, edited, annotation)
    assert found.status == "orphaned"
    assert found.anchor == annotation.anchor  # old quote and context kept


def test_two_equally_good_places_orphan_rather_than_guess(
        store: AnnotationStore, page: Document, tmp_path: Path) -> None:
    annotation = annotate(store, page, "translation", DIVISIONS)
    sentence = next(p for p in page.translations[0].paragraphs if DIVISIONS in p)
    changed = sentence.replace(DIVISIONS, "five or six divisions")
    # The paragraph pasted twice, the quote reworded in both copies: neither is surely it.
    edited = made_up_page(tmp_path, (sentence, changed + "\n\n" + changed), name="e")
    found = reopen(store, edited, annotation)
    assert found.status == "orphaned"


def test_exact_quote_at_two_places_prefers_the_matching_context(page: Document) -> None:
    text = page.translations[0]
    full = text.full_text
    start = full.find("38th parallel under")
    annotation = annotate_offsets(text, start, start + len("38th parallel"))
    # Both "38th parallel"s remain; the text before the second one grows.
    grown = full.replace("organize combat reserves", "organize sizeable combat reserves")
    outcome = reanchor(annotation, grown, [0])
    assert outcome.status == "moved"
    assert grown[outcome.anchor.start:].startswith("38th parallel under")


def test_missing_translation_orphans(store: AnnotationStore, page: Document) -> None:
    annotation = annotate(store, page, "translation", DESPERATE)
    bare = replace(page, translations=(), content_hash="other")
    assert reopen(store, bare, annotation).status == "orphaned"


def annotate_offsets(text: Text, start: int, end: int) -> Anchor:
    return make_anchor(text.full_text, paragraph_starts(text), start, end)
