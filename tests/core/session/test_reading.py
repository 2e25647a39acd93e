from __future__ import annotations

import json

import pytest

from reader.core.align.alignment import ParagraphAlignment
from reader.core.document import Document, Text
from reader.core.session.reading import NO_ORIGINAL_NOTICE, ZOOM_MAX, ZOOM_MIN, Aspect, ReadingState


def make_document(original: int | None = 3, translations: tuple[int, ...] = (3,)) -> Document:
    return Document(
        id="113729",
        title="Ciphered Telegram, Filippov [Stalin] to Mao Zedong",
        original=Text("ru", tuple(f"абзац {i}" for i in range(original)))
        if original is not None
        else None,
        translations=tuple(
            Text("en", tuple(f"paragraph {i}" for i in range(n))) for n in translations
        ),
    )


@pytest.fixture
def view() -> ReadingState:
    return ReadingState()


@pytest.fixture
def changes(view: ReadingState) -> list[Aspect]:
    seen: list[Aspect] = []
    view.changed.connect(seen.append)
    return seen


def test_defaults(view: ReadingState) -> None:
    assert view.document is None
    assert view.layout == "side_by_side"
    assert not view.swapped
    assert view.visible == "both"
    assert view.scroll_locked
    assert view.zoom == 0
    assert view.shown_panes == ()
    assert view.notice == ""


def test_set_document_shows_both_and_aligns(view: ReadingState, changes: list[Aspect]) -> None:
    view.set_document(make_document(4, (4,)))
    assert changes == ["document"]
    assert view.shown_panes == ("original", "translation")
    assert view.text("original") is not None
    assert view.alignment.counterpart("original", 3) == 3
    assert view.notice == ""


def test_no_original_shows_translation_alone_with_notice(view: ReadingState) -> None:
    view.set_document(make_document(None, (5,)))
    assert view.shown_panes == ("translation",)
    assert view.notice == NO_ORIGINAL_NOTICE
    assert view.focused == "translation"
    view.show_only("original")
    assert view.shown_panes == ("translation",)


def test_swap_and_orientation(view: ReadingState, changes: list[Aspect]) -> None:
    view.set_document(make_document())
    view.swap()
    assert view.shown_panes == ("translation", "original")
    view.toggle_orientation()
    assert view.layout == "stacked"
    view.toggle_orientation()
    assert view.layout == "side_by_side"
    assert changes == ["document", "swapped", "layout", "layout"]


def test_show_only_and_both(view: ReadingState, changes: list[Aspect]) -> None:
    view.set_document(make_document())
    view.show_only("translation")
    assert view.shown_panes == ("translation",)
    assert view.focused == "translation"
    view.show_only("translation")
    view.show_both()
    assert view.shown_panes == ("original", "translation")
    assert changes == ["document", "visible", "focus", "visible"]


def test_switch_pane_only_between_shown_panes(view: ReadingState) -> None:
    view.set_document(make_document())
    assert view.focused == "original"
    view.switch_pane()
    assert view.focused == "translation"
    view.show_only("translation")
    view.switch_pane()
    assert view.focused == "translation"


def test_zoom_steps_and_clamps(view: ReadingState, changes: list[Aspect]) -> None:
    view.zoom_in()
    view.zoom_in()
    view.zoom_out()
    assert view.zoom == 1
    view.zoom_reset()
    assert view.zoom == 0
    view.set_zoom(100)
    assert view.zoom == ZOOM_MAX
    view.set_zoom(-100)
    assert view.zoom == ZOOM_MIN
    view.zoom_out()
    assert changes == ["zoom"] * 6


def test_scroll_lock_toggle(view: ReadingState, changes: list[Aspect]) -> None:
    view.toggle_scroll_lock()
    assert not view.scroll_locked
    view.toggle_scroll_lock()
    assert view.scroll_locked
    assert changes == ["scroll_lock", "scroll_lock"]


def test_set_translation_realigns(view: ReadingState, changes: list[Aspect]) -> None:
    view.set_document(make_document(2, (2, 4)))
    view.set_paragraph("translation", 1)
    view.set_translation(1)
    translation = view.translation
    assert translation is not None and len(translation.paragraphs) == 4
    assert view.paragraphs["translation"] == 0
    assert view.alignment.counterpart("original", 1) == 2
    view.set_translation(1)
    assert changes == ["document", "paragraph", "translation"]
    with pytest.raises(IndexError):
        view.set_translation(2)


def test_set_paragraph_emits_only_on_change(view: ReadingState, changes: list[Aspect]) -> None:
    view.set_paragraph("original", 2)
    view.set_paragraph("original", 2)
    assert changes == ["paragraph"]
    assert view.paragraphs == {"original": 2, "translation": 0}


def test_custom_aligner_is_used() -> None:
    calls: list[tuple[int, int]] = []

    def aligner(original: Text, translation: Text) -> ParagraphAlignment:
        calls.append((len(original.paragraphs), len(translation.paragraphs)))
        return ParagraphAlignment((((0, 1, 2), (0,)),), 3, 3)

    view = ReadingState(aligner)
    view.set_document(make_document())
    assert calls == [(3, 3)]
    assert view.alignment.counterpart("translation", 0) == 0


def test_round_trip_through_json(view: ReadingState) -> None:
    view.set_document(make_document())
    view.swap()
    view.toggle_orientation()
    view.show_only("translation")
    view.toggle_scroll_lock()
    view.zoom_in()
    data = json.loads(json.dumps(view.to_dict()))
    assert data["document_id"] == "113729"
    restored = ReadingState.from_dict(data)
    assert restored.document is None
    for key in ("swapped", "layout", "visible", "scroll_locked", "zoom", "focused"):
        assert getattr(restored, key) == getattr(view, key)


def test_from_dict_ignores_damaged_values() -> None:
    restored = ReadingState.from_dict(
        {"layout": "diagonal", "zoom": "big", "swapped": "yes", "visible": 3, "focused": None}
    )
    defaults = ReadingState()
    assert restored.to_dict() == defaults.to_dict()
    assert ReadingState.from_dict({"zoom": 999}).zoom == ZOOM_MAX
