"""Export model: a document laid out for print or PDF, as neutral data and as print-ready HTML.

`build_export` decides what a printout says (header, provenance, aligned paragraph rows,
the reader's annotations as numbered marks and notes, footer); `to_html` decides how it looks
on paper. The Qt printing code in `reader/ui/printing.py` only paints the HTML, so the same
export can go to a printer, a PDF or a browser.

Rows follow the paragraph alignment, so in a facing printout each translation paragraph
stands level with the original it renders. Paragraphs the alignment leaves unpaired (an
untranslated stamp, say) get a row of their own with the other side empty, in reading order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from reader.core.align.alignment import ParagraphAlignment, proportional_alignment
from reader.core.annotations.model import Category
from reader.core.annotations.opening import Placed
from reader.core.document import Document, Text
from reader.core.export.marks import MarkKey, mark_annotations
from reader.core.export.parts import (
    EXPORT_LAYOUTS,
    NOTES_PLACEMENTS,
    Export,
    ExportLayout,
    ExportNote,
    ExportParagraph,
    ExportRow,
    Mark,
    NotesPlacement,
)
from reader.core.export.print_html import APPARATUS_COLOUR, RULE_COLOUR, paragraph_html, render
from reader.core.provenance.formats import chicago_note
from reader.core.session.reading import ReadingState
from reader.core.text.editorial import editorial_spans
from reader.core.text_range import Pane

if TYPE_CHECKING:
    from reader.core.session.annotating import AnnotationSession

__all__ = [
    "APPARATUS_COLOUR", "EXPORT_LAYOUTS", "NOTES_PLACEMENTS", "RULE_COLOUR", "Export",
    "ExportLayout", "ExportNote", "ExportParagraph", "ExportRow", "Mark", "NotesPlacement",
    "build_export", "export_view", "paragraph_html", "to_html",
]


def _paragraphs(text: Text | None, group: tuple[int, ...], pane: Pane,
                marks: dict[MarkKey, tuple[Mark, ...]]) -> tuple[ExportParagraph, ...]:
    if text is None:
        return ()
    return tuple(
        ExportParagraph(i + 1, text.paragraphs[i], tuple(editorial_spans(text.paragraphs[i])),
                        marks.get((pane, i), ()))
        for i in group
    )


def _row_groups(
    alignment: ParagraphAlignment, n_original: int, n_translation: int
) -> Iterator[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Pairs of paragraph groups in reading order, unpaired paragraphs as one-sided rows."""
    next_a = next_b = 0
    for a, b in alignment.pairs:
        yield from (((i,), ()) for i in range(next_a, a[0]))
        yield from (((), (i,)) for i in range(next_b, b[0]))
        yield a, b
        next_a, next_b = max(next_a, a[-1] + 1), max(next_b, b[-1] + 1)
    yield from (((i,), ()) for i in range(next_a, n_original))
    yield from (((), (i,)) for i in range(next_b, n_translation))


def build_export(
    document: Document,
    translation: int = 0,
    layout: ExportLayout = "facing",
    alignment: ParagraphAlignment | None = None,
    *,
    placed: Sequence[Placed] = (),
    categories: Sequence[Category] = (),
    notes: NotesPlacement = "endnotes",
    side: Pane = "translation",
) -> Export:
    """Lay a document out for printing, with the reader's annotations.

    Args:
        document: the document to print.
        translation: which of its translations (0-based); ignored when it has none.
        layout: "facing" (original and translation side by side, paragraph by paragraph),
            "single" (the text `side` names alone), "excerpts" (only the annotated
            paragraphs, each with its counterpart, note and pinpoint citation) or
            "sequential" (the whole original, then the whole translation).
        alignment: the paragraph pairs to print by, normally `ReadingState.alignment`, so
            the printout matches the screen; proportional pairing when None.
        placed: the document's annotations placed against `translation` with their
            projections (`AnnotationSession.placed()`, or `annotations.opening.place`).
        categories: every category, in the user's order (for names, colours and styles).
        notes: "endnotes" (numbered, after the text), "margin" (beside their row) or "none".
        side: the text a "single" layout prints.

    Returns:
        The export, with one row per aligned group of paragraphs.

    Raises:
        ValueError: `layout` or `notes` is unknown, or `alignment` does not fit the texts'
            paragraph counts.
        IndexError: the document has translations but not number `translation`.
    """
    if layout not in EXPORT_LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose one of {', '.join(EXPORT_LAYOUTS)}")
    if notes not in NOTES_PLACEMENTS:
        raise ValueError(f"unknown notes {notes!r}; choose one of {', '.join(NOTES_PLACEMENTS)}")
    chosen: Text | None = None
    if document.translations:
        if not 0 <= translation < len(document.translations):
            raise IndexError(f"translation {translation} of {len(document.translations)}")
        chosen = document.translations[translation]
    original = document.original
    n_a = len(original.paragraphs) if original else 0
    n_b = len(chosen.paragraphs) if chosen else 0
    if alignment is None:
        alignment = proportional_alignment(n_a, n_b)
    elif (alignment.n_original, alignment.n_translation) != (n_a, n_b) and alignment.pairs:
        # An alignment of another translation would silently misplace every row.
        raise ValueError(
            f"alignment is for {alignment.n_original}+{alignment.n_translation} paragraphs, "
            f"the texts have {n_a}+{n_b}"
        )
    groups = list(_row_groups(alignment, n_a, n_b))
    row_of: dict[MarkKey, int] = {}
    for number, (a, b) in enumerate(groups):
        row_of.update({("original", i): number for i in a})
        row_of.update({("translation", i): number for i in b})
    record = (f"Record ID {document.record_id}" if document.record_id
              else " ".join(document.title.split()))
    marked = mark_annotations(placed, categories, translation, row_of, record,
                              document.source.citations)
    rows = tuple(
        ExportRow(_paragraphs(original, a, "original", marked.marks),
                  _paragraphs(chosen, b, "translation", marked.marks))
        for a, b in groups
    )
    used = {(n.category, n.colour, n.style): None for n in marked.notes}
    return Export(
        layout=layout,
        title=" ".join(document.title.split()),
        date=document.date.text.strip(),
        type=document.type,
        record_id=document.record_id,
        summary=document.summary.strip(),
        original_language=original.language if original else "",
        translation_language=chosen.language if chosen else "",
        has_original=original is not None,
        has_translation=chosen is not None,
        source=document.source.text.strip(),
        citation=chicago_note(document),
        rows=rows,
        file=PurePath(document.file).name,
        rights=document.rights[0].strip() if document.rights else "",
        notes=marked.notes,
        notes_placement=notes,
        side=side,
        citations=document.source.citations,
        rights_full=tuple(r.strip() for r in document.rights if r.strip()),
        categories=tuple(used),
        document_id=document.id,
        translation_index=translation if chosen else 0,
    )


def export_view(
    view: ReadingState,
    layout: ExportLayout = "facing",
    *,
    annotations: AnnotationSession | None = None,
    notes: NotesPlacement = "endnotes",
    side: Pane = "translation",
) -> Export | None:
    """Lay out what the reading view shows: its document, translation, alignment, annotations.

    Args:
        view: the reading state.
        layout: see `build_export`.
        annotations: the window's annotation session; the export has no annotations when
            None or when it follows another document.
        notes: see `build_export`.
        side: see `build_export`.

    Returns:
        The export, or None when the view has no document.
    """
    if view.document is None:
        return None
    placed: list[Placed] = []
    categories: list[Category] = []
    if annotations is not None and annotations.document is view.document:
        placed, categories = annotations.placed(), annotations.categories()
    return build_export(view.document, view.translation_index, layout, view.alignment,
                        placed=placed, categories=categories, notes=notes, side=side)


def to_html(
    export: Export,
    *,
    serif: str = "serif",
    sans: str = "sans-serif",
    language_name: Callable[[str], str] | None = None,
) -> str:
    """Render an export as a self-contained, print-ready HTML page.

    The HTML keeps to the subset Qt's rich text engine understands (tables, inline CSS, no
    floats), and prints the same from a browser. Every text of the page and of the reader's
    annotations is escaped.

    Args:
        export: what to print.
        serif: font family for the document texts; it must cover the original's script.
        sans: font family for headings, labels and the footer.
        language_name: turns an ISO 639-1 code into a column heading's language name; the
            code itself is shown when None.

    Returns:
        A complete HTML document; its <title> is the export's title.
    """
    return render(export, serif, sans, language_name or (lambda code: code))
