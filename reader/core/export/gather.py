"""One document's export from the stores: its alignment, annotations and categories.

What the command line (and any batch export) does for each document; the window has these
at hand already and calls `model.export_view`.
"""

from __future__ import annotations

from reader.core.align.store import AlignmentStore
from reader.core.annotations.opening import open_annotations, place
from reader.core.annotations.store import AnnotationStore
from reader.core.document import Document
from reader.core.export.model import build_export
from reader.core.export.parts import Export, ExportLayout, NotesPlacement
from reader.core.text_range import Pane


def gather_export(
    document: Document,
    alignments: AlignmentStore,
    annotations: AnnotationStore | None,
    layout: ExportLayout = "facing",
    *,
    translation: int = 0,
    notes: NotesPlacement = "endnotes",
    side: Pane = "translation",
) -> Export:
    """Lay out `document` as the window would print it, with the reader's annotations.

    Args:
        document: the document.
        alignments: the aligner's cache and the reader's corrections.
        annotations: the annotation store; no annotations when None.
        layout: see `build_export`.
        translation: which translation (0-based).
        notes: see `build_export`.
        side: see `build_export`.

    Returns:
        The export. Annotations saved against an older version of the page are re-anchored
        (and the outcome saved), as opening the document in the window does.
    """
    alignment = None
    if document.original is not None and 0 <= translation < len(document.translations):
        alignment = alignments.alignment(document, translation)
    placed = []
    categories = []
    if annotations is not None:
        placed = place(document, open_annotations(annotations, document), translation, alignment)
        categories = annotations.categories()
    return build_export(
        document, translation, layout,
        alignment.paragraph_alignment() if alignment is not None else None,
        placed=placed, categories=categories, notes=notes, side=side)
