"""A huge page's alignment lookups are made where it is read and aligned, not in the window.

The threshold is lowered so that a small made-up page counts as huge; the full size is timed by
bench/huge_page.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bench.made_up_pages import many_paragraphs
from reader.core.align import sections as alignment_sections
from reader.core.align.pairing import proportional_alignment
from reader.core.align.store import AlignmentStore
from reader.core.document import Document
from reader.core.page.parser import parse_text
from reader.core.session.alignment_index import (
    IndexedAlignment,
    index_alignment,
    provisional_alignment,
    warm_provisional,
)
from reader.core.session.reading import ReadingState
from reader.core.session.sentence_links import SentenceLinks
from reader.core.text_range import TextRange

Work = tuple[Callable[[Any], Any], Callable[[Any], None]]


@pytest.fixture
def huge(monkeypatch: pytest.MonkeyPatch) -> Document:
    monkeypatch.setattr(alignment_sections, "HUGE_PARAGRAPHS", 30)
    monkeypatch.setattr(alignment_sections, "SECTION", 12)
    return parse_text(many_paragraphs(12_000), "made_up_huge.txt")


def opened(
    store: AlignmentStore, document: Document
) -> tuple[ReadingState, SentenceLinks, list[Work]]:
    """A view and its links opening `document`, its alignment handed to `waiting`, not run."""
    holder: list[SentenceLinks] = []
    view = ReadingState(aligner=lambda a, b: holder[0].paragraph_aligner(a, b))
    links = SentenceLinks(view, store)
    holder.append(links)
    waiting: list[Work] = []
    links.defer = lambda work, then: waiting.append((work, then))
    view.set_document(document)
    return view, links, waiting


def test_the_provisional_pairs_are_made_where_the_page_was_read(
    diglot_home: Path, huge: Document
) -> None:
    assert huge.original is not None
    sizes = len(huge.original.paragraphs), len(huge.translations[0].paragraphs)
    provisional_alignment.cache_clear()
    warm_provisional(huge)  # as the thread reading the page does
    assert provisional_alignment.cache_info().misses == 1
    view, links, waiting = opened(AlignmentStore(diglot_home), huge)
    assert links.aligning and len(waiting) == 1
    # The view scrolls by them, looked up, not made again on the window's thread.
    found = provisional_alignment.cache_info()
    assert found.misses == 1 and found.hits >= 1
    assert view.alignment == proportional_alignment(*sizes)


def test_the_index_made_where_it_was_aligned_is_the_one_used(
    diglot_home: Path, huge: Document
) -> None:
    view, links, [(work, then)] = opened(AlignmentStore(diglot_home), huge)
    indexed = work(lambda done, total: None)  # the worker's part, here
    assert isinstance(indexed, IndexedAlignment)
    then(indexed)
    assert not links.aligning
    assert view.alignment is indexed.paragraphs
    assert links.alignment == indexed.alignment
    fresh = index_alignment(indexed.alignment)
    assert links.sentences("original") == fresh.sentences["original"]
    assert links.sentences("translation") == fresh.sentences["translation"]
    first = fresh.sentences["original"][0]
    assert links.bead(first) == fresh.bead_of[first]
    assert view.alignment == fresh.paragraphs


def test_a_correction_made_meanwhile_is_not_lost(diglot_home: Path, huge: Document) -> None:
    store = AlignmentStore(diglot_home)
    _view, links, [(work, then)] = opened(store, huge)
    indexed = work(lambda done, total: None)
    first, second = indexed.alignment.sentence_beads[:2]
    # Linked by hand while the alignment came back: the first original sentence to the
    # second bead's translation.
    store.link(huge, [first.original[0]], list(second.translation))
    then(indexed)
    sentence = TextRange("original", *first.original[0])
    bead = links.bead(sentence)
    assert bead is not None and bead != indexed.bead_of[sentence]
    assert tuple(bead.translation) == tuple(second.translation)
