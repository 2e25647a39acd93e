from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from reader.core.align.alignment import Alignment, ParagraphBead, SentenceBead
from reader.core.align.corrections import Corrections
from reader.core.align.store import ALIGNER_VERSION, KEY_PIECE, AlignmentStore, text_key
from reader.core.document import Document, Text
from reader.core.page.parser import parse_page
from reader.core.session.reading import ReadingState
from tests.conftest import SEED_PAGE


def seed() -> Document:
    return parse_page(SEED_PAGE)


def test_computed_once_and_cached_on_disk(diglot_home: Path) -> None:
    document = seed()
    store = AlignmentStore(diglot_home)
    first = store.alignment(document)
    files = list((diglot_home / "alignments").glob("*.json"))
    assert len(files) == 1
    # A fresh store reads the file instead of aligning again.
    assert AlignmentStore(diglot_home).alignment(document) == first
    shorter = Text("en", document.translations[0].paragraphs[:-1])
    changed = replace(document, translations=(shorter,))
    store.alignment(changed)
    assert len(list((diglot_home / "alignments").glob("*.json"))) == 2


def test_no_corrections_leave_the_aligners_alignment_as_it_is(diglot_home: Path) -> None:
    document = seed()
    store = AlignmentStore(diglot_home)
    # The very object: the window indexes a huge page's alignment where it was computed and
    # uses that index only while the alignment it is shown is the one indexed.
    assert store.alignment(document) is store.computed(document.original, document.translations[0])
    # One long paragraph each side, a translation sentence with no counterpart in the middle:
    # its offset in the translation is past the next original sentence's, in another text.
    aligned = Alignment(
        (ParagraphBead((0,), (0,), 0.9),),
        (SentenceBead(((0, 0, 4000),), ((0, 0, 6000),), 0.9),
         SentenceBead((), ((0, 6001, 6100),), 0.6),
         SentenceBead(((0, 4001, 4100),), ((0, 6101, 6200),), 0.9)),
        1, 1,
    )  # fmt: skip
    assert Corrections([], set(), [], []).applied(aligned) == aligned


def test_the_cache_key_is_the_hash_of_both_texts_whole() -> None:
    # Hashed in pieces so a huge text does not hold the window; the key must not change, or
    # every alignment cached before would be computed again.
    def whole(original: Text, translation: Text) -> str:
        digest = hashlib.sha256(f"v{ALIGNER_VERSION}".encode())
        for text in (original, translation):
            digest.update(b"\x00" + text.language.encode() + b"\x01")
            digest.update("\x02".join(text.paragraphs).encode("utf-8"))
        return digest.hexdigest()[:32]

    document = seed()
    assert document.original is not None
    pair = (document.original, document.translations[0])
    assert text_key(*pair) == whole(*pair)
    made_up = Text("ru", ("", "Сделано " * (KEY_PIECE // 3), "𝔄" * (KEY_PIECE + 1), "", "x"))
    assert text_key(made_up, pair[1]) == whole(made_up, pair[1]) != text_key(*pair)


def test_damaged_cache_is_recomputed(diglot_home: Path) -> None:
    document = seed()
    expected = AlignmentStore(diglot_home).alignment(document)
    for path in (diglot_home / "alignments").glob("*.json"):
        path.write_text("{not json", encoding="utf-8")
    assert AlignmentStore(diglot_home).alignment(document) == expected


def test_paragraph_link_and_unlink_survive_a_new_store(diglot_home: Path) -> None:
    document = seed()
    store = AlignmentStore(diglot_home)
    store.link(document, [8, 9], [8])
    alignment = store.alignment(document)
    beads = [(b.original, b.translation, b.manual) for b in alignment.paragraph_beads]
    assert ((8, 9), (8,), True) in beads
    assert ((), (9,), False) in beads or any(9 in b[1] for b in beads)
    store.unlink(document, [10], [10])
    again = AlignmentStore(diglot_home).alignment(document)
    pairs = [(b.original, b.translation) for b in again.paragraph_beads]
    assert ((10,), ()) in pairs and ((), (10,)) in pairs
    assert ((8, 9), (8,)) in pairs
    assert (diglot_home / "corrections" / f"{document.id}.json").is_file()


def test_corrections_follow_moved_paragraphs(diglot_home: Path) -> None:
    document = seed()
    store = AlignmentStore(diglot_home)
    store.link(document, [8, 9], [8])
    assert document.original is not None
    # The page is re-saved with an extra stamp line first: indices shift, texts do not.
    moved = replace(document, original=Text("ru", ("Секретно", *document.original.paragraphs)))
    pairs = [(b.original, b.translation) for b in store.alignment(moved).paragraph_beads]
    assert ((9, 10), (8,)) in pairs


def test_sentence_link_and_unlink(diglot_home: Path) -> None:
    document = seed()
    store = AlignmentStore(diglot_home)
    assert document.original is not None
    russian = document.original.paragraphs[5]
    english = document.translations[0].paragraphs[5]
    ru = (5, russian.index("В районе"), len(russian))
    en_first = (5, english.index("Our Korean"), english.index("Seoul.") + len("Seoul."))
    en_second = (5, english.index("Hence"), len(english))
    store.link(document, [ru], [en_first])
    beads = store.alignment(document).sentence_beads
    linked = [b for b in beads if b.original == (ru,)]
    assert linked[0].translation == (en_first,) and linked[0].manual
    assert any(b.translation == (en_second,) and not b.original for b in beads)
    store.unlink(document, [ru], [])
    beads = store.alignment(document).sentence_beads
    assert any(b.original == (ru,) and not b.translation for b in beads)


def test_merge_beads(diglot_home: Path) -> None:
    document = seed()
    store = AlignmentStore(diglot_home)
    store.merge(document, [8, 9])
    pairs = [(b.original, b.translation) for b in store.alignment(document).paragraph_beads]
    assert ((8, 9), (8, 9)) in pairs
    store.clear(document)
    assert store.corrections(document.id) == []


def test_reading_view_uses_the_real_aligner(diglot_home: Path) -> None:
    store = AlignmentStore(diglot_home)
    view = ReadingState(aligner=store.paragraph_aligner)
    document = seed()
    assert document.original is not None
    original = Text("ru", document.original.paragraphs[:8] + document.original.paragraphs[9:])
    view.set_document(replace(document, original=original))
    # Russian "Жду Вашего ответа." was dropped: English 8 maps back next to Russian 7.
    assert view.alignment.counterpart("translation", 9) == 8
    assert view.alignment.counterpart("original", 10) == 11


def test_unlinking_a_translation_sentence_keeps_the_rest_of_its_bead(diglot_home: Path) -> None:
    document = seed()
    english = document.translations[0].paragraphs[5]
    start = english.index("Our Korean friends")
    end = english.index("Seoul.") + len("Seoul.")
    store = AlignmentStore(diglot_home)
    before = store.alignment(document, 0)
    bead = next(b for b in before.sentence_beads if (5, start, end) in b.translation)
    assert len(bead.translation) == 2 and len(bead.original) == 1

    store.unlink(document, [], [(5, start, end)])
    after = AlignmentStore(diglot_home).alignment(document, 0)
    alone = [b for b in after.sentence_beads if (5, start, end) in b.translation]
    assert [(b.original, b.translation) for b in alone] == [((), ((5, start, end),))]
    rest = next(b for b in after.sentence_beads if bead.original[0] in b.original)
    assert rest.translation == tuple(r for r in bead.translation if r != (5, start, end))
    # Nothing appeared in the original that was not a sentence there before.
    originals = {r for b in after.sentence_beads for r in b.original}
    assert originals == {r for b in before.sentence_beads for r in b.original}


def test_stored_never_aligns_and_matches_what_the_reader_sees(diglot_home: Path) -> None:
    document = seed()
    assert document.original is not None
    original, english = document.original, document.translations[0]
    store = AlignmentStore(diglot_home)
    assert store.cached(original, english) is None
    assert store.stored(document.id, original, english) is None
    assert not (diglot_home / "alignments").exists() or not any(
        (diglot_home / "alignments").glob("*.json"))
    russian = original.paragraphs[5]
    store.unlink(document, [(5, russian.index("В районе"), len(russian))], [])
    seen = store.alignment(document)  # as opening the document computes it
    fresh = AlignmentStore(diglot_home)  # another run: from the disk cache
    assert fresh.stored(document.id, original, english) == seen
    assert fresh.cached(original, english) == store.computed(original, english)
    # Paragraphs linked by hand need aligning afresh: not something a search waits for.
    fresh.link(document, [8, 9], [8])
    assert fresh.stored(document.id, original, english) is None
