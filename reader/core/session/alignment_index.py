"""An alignment as the reader looks it up, made once: and for a huge page, away from the window.

`SentenceLinks` answers "which sentence is here, which bead holds it" on every mouse move, so it
keeps an alignment indexed: each pane's sentences in order, each sentence's bead, the paragraph
pairs the split view scrolls by. For a 5 MB page (40,000 sentence beads) making that index and
the paragraph pairs took about 0.1 s, and the proportional pairs shown until then as much
again: the thread that reads or aligns a huge page makes them, the window's thread takes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reader.core.align.alignment import (
    Alignment,
    ParagraphAlignment,
    SentenceBead,
    proportional_alignment,
)
from reader.core.document import Document
from reader.core.text_range import PANES, Pane, TextRange


@dataclass(frozen=True)
class IndexedAlignment:
    """An alignment with its lookups: never changed once made, so any thread may make it."""

    alignment: Alignment
    sentences: dict[Pane, list[TextRange]]  # each pane's sentences, in reading order
    bead_of: dict[TextRange, SentenceBead]
    paragraphs: ParagraphAlignment  # the paragraph pairs the split view scrolls by


def index_alignment(alignment: Alignment) -> IndexedAlignment:
    """Index `alignment` for lookups by sentence and pane.

    Args:
        alignment: the alignment the reader sees.

    Returns:
        Its index, holding the alignment itself.
    """
    bead_of: dict[TextRange, SentenceBead] = {}
    sentences: dict[Pane, list[TextRange]] = {pane: [] for pane in PANES}
    for bead in alignment.sentence_beads:
        for pane in PANES:
            for ref in bead.side(pane):
                sentence = TextRange(pane, *ref)
                bead_of[sentence] = bead
                sentences[pane].append(sentence)
    for found in sentences.values():
        found.sort()
    return IndexedAlignment(alignment, sentences, bead_of, alignment.paragraph_alignment())


@lru_cache(maxsize=2)
def provisional_alignment(n_original: int, n_translation: int) -> ParagraphAlignment:
    """`proportional_alignment` kept for the last two sizes: a huge page scrolls by it meanwhile.

    Args:
        n_original: paragraphs of the original.
        n_translation: paragraphs of the translation.

    Returns:
        The proportional alignment (immutable, so it is shared).
    """
    return proportional_alignment(n_original, n_translation)


def warm_provisional(document: Document) -> None:
    """Make the provisional alignment a huge `document` opens with, on the calling thread."""
    from reader.core.align.sections import is_huge

    if document.original is not None and document.translations:
        original, translation = document.original, document.translations[0]
        if is_huge(original, translation):
            provisional_alignment(len(original.paragraphs), len(translation.paragraphs))
