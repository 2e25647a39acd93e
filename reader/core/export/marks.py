"""Annotations in an export: numbered in reading order, as marks on paragraphs and as notes.

An annotation gets one number. Its highlight on its own side and its projection on the other
side both carry that number as a marker, so a reader of either column finds the note. Numbers
follow the printed rows (an annotation of row 3 comes before one of row 4; within a row the
original's come first); orphans, which have no place in the text, are numbered last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.annotations.model import Category
from reader.core.annotations.opening import Placed
from reader.core.document import Citation
from reader.core.export.parts import UNDERLINE_STYLES, ExportNote, Mark
from reader.core.text_range import Pane, TextRange, other_pane

MarkKey = tuple[Pane, int]  # (pane, 0-based paragraph)


@dataclass(frozen=True)
class Marked:
    """What `mark_annotations` returns: the marks of each paragraph and the numbered notes."""

    marks: dict[MarkKey, tuple[Mark, ...]]
    notes: tuple[ExportNote, ...]


def folio_citations(citations: Sequence[Citation]) -> list[str]:
    """The source citations that give folios or pages, as written ("..., listy 99-103")."""
    return [" ".join(c.text.split()) for c in citations if c.folios or c.pages]


def pinpoint(record: str, paragraphs: dict[Pane, tuple[int, ...]],
             citations: Sequence[Citation]) -> str:
    """A pinpoint citation: the record, the paragraphs on each side, and the folios if given.

    Args:
        record: "Record ID 113729", or the title when the page has no Record ID.
        paragraphs: 1-based paragraph numbers per side; a side with none is left out.
        citations: the document's source citations; those giving folios or pages are added,
            since the page does not say which folio a paragraph stands on.

    Returns:
        E.g. "Record ID 113729, original ¶5, translation ¶5; APRF, fond 45, ..., listy 99-103".
    """
    parts = [record]
    for pane in ("original", "translation"):
        numbers = paragraphs.get(pane, ())
        if numbers:
            parts.append(f"{pane} ¶{_span(numbers)}")
    folios = folio_citations(citations)
    return ", ".join(parts) + ("; " + "; ".join(folios) if folios else "")


def _span(numbers: tuple[int, ...]) -> str:
    return str(numbers[0]) if numbers[0] == numbers[-1] else f"{numbers[0]}–{numbers[-1]}"


def _paragraphs(ranges: Sequence[TextRange]) -> tuple[int, ...]:
    return tuple(sorted({r.paragraph + 1 for r in ranges}))


def mark_annotations(placed: Sequence[Placed], categories: Sequence[Category],
                     translation: int, row_of: dict[MarkKey, int], record: str,
                     citations: Sequence[Citation]) -> Marked:
    """Number the annotations of the printed texts and turn them into marks and notes.

    Args:
        placed: the document's annotations placed against `translation` (see
            `reader.core.annotations.opening.place`), orphans included.
        categories: every category, in the user's order (it decides the underline styles).
        translation: the printed translation; annotations of another one are left out.
        row_of: the export row each printed paragraph stands in.
        record: how the pinpoint names the record ("Record ID 113729").
        citations: the document's source citations, for the folios.

    Returns:
        The marks per paragraph (in text order) and one note per annotation, by number.
    """
    order = {c.id: i for i, c in enumerate(categories)}
    by_id = {c.id: c for c in categories}
    printed = [p for p in placed if p.annotation.side == "original"
               or p.annotation.translation == translation]

    def position(item: Placed) -> tuple[int, int, bool, int, int]:
        if not item.ranges:
            return (1, 0, False, 0, 0)  # orphans last, in the store's order
        first = item.ranges[0]
        row = row_of.get((item.annotation.side, first.paragraph), 0)
        return (0, row, item.annotation.side == "translation", first.paragraph, first.start)

    marks: dict[MarkKey, list[Mark]] = {}
    notes = []
    for number, item in enumerate(sorted(printed, key=position), start=1):
        a = item.annotation
        category = by_id.get(a.category)
        colour = category.colour if category else "#888888"
        style = order.get(a.category, len(order)) % len(UNDERLINE_STYLES)
        own = item.ranges
        projected = item.projection.ranges if item.projection else ()
        for ranges, is_projection in ((own, False), (projected, True)):
            for index, r in enumerate(ranges):
                marks.setdefault((r.pane, r.paragraph), []).append(Mark(
                    r.start, r.end, number, colour, style, is_projection,
                    marker=index == len(ranges) - 1))
        where = {a.side: _paragraphs(own), other_pane(a.side): _paragraphs(projected)}
        notes.append(ExportNote(
            number=number, id=a.id, side=a.side,
            category=category.name if category else "", colour=colour, style=style,
            quote=a.quote, projected_quote=item.projected_quote, note=a.note, tags=a.tags,
            status=a.status, paragraphs=where[a.side],
            projected_paragraphs=where[other_pane(a.side)],
            uncertain=bool(item.projection and item.projection.uncertain),
            row=row_of.get((a.side, own[0].paragraph), -1) if own else -1,
            pinpoint=pinpoint(record, where, citations)))
    return Marked({key: tuple(sorted(found, key=lambda m: (m.start, m.end)))
                   for key, found in marks.items()}, tuple(notes))
