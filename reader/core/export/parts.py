"""The parts an export is made of: paragraphs with their marks, rows, notes and the whole.

Plain frozen data, shared by the layout code (`model`), the print HTML (`print_html`) and the
file writers (`markdown`, `json_file`, `html_file`), so none of them needs another's internals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from reader.core.document import Citation
from reader.core.text.editorial import EditorialSpan
from reader.core.text_range import Pane

# "sequential" (the whole original, then the whole translation) is the older print layout;
# it stays for callers that ask for it by name.
ExportLayout = Literal["facing", "single", "excerpts", "sequential"]
EXPORT_LAYOUTS: tuple[ExportLayout, ...] = get_args(ExportLayout)
NotesPlacement = Literal["endnotes", "margin", "none"]
NOTES_PLACEMENTS: tuple[NotesPlacement, ...] = get_args(NotesPlacement)

# How a category's highlights are underlined, so they differ on a monochrome printout too.
# (QTextDocument's `text-underline-style` value, the browser's `text-decoration-style`):
# Qt paints no double line and browsers no dot-dash, so the fifth differs by engine.
UNDERLINE_STYLES: tuple[tuple[str, str], ...] = (
    ("solid", "solid"),
    ("dashed", "dashed"),
    ("dotted", "dotted"),
    ("wave", "wavy"),
    ("dot-dash", "double"),
)


@dataclass(frozen=True)
class Mark:
    """An annotation's highlight on part of one paragraph: its own or its projection.

    Attributes:
        start: first character, an offset into the paragraph's text.
        end: one past the last character.
        number: the annotation's number in this export (its marker says "[number]").
        colour: the category's colour, "#rrggbb".
        style: index into `UNDERLINE_STYLES`, one per category.
        projected: the projection of an annotation made on the other side.
        marker: the "[number]" marker follows this range (the annotation's last range here).
    """

    start: int
    end: int
    number: int
    colour: str
    style: int
    projected: bool = False
    marker: bool = True


@dataclass(frozen=True)
class ExportParagraph:
    """One paragraph of one text, with its editorial apparatus and annotation marks.

    Attributes:
        number: 1-based position in its own text, as the reader's margin numbers it.
        text: the paragraph as the Document holds it (it may contain newlines).
        spans: editorial spans, offsets into `text`.
        marks: highlights on it, in text order.
    """

    number: int
    text: str
    spans: tuple[EditorialSpan, ...]
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class ExportRow:
    """Original paragraphs and the translation paragraphs that render them.

    Either side may hold several paragraphs (a translator merged or split them) or none
    (nothing on that side corresponds, or the document has no such text).
    """

    original: tuple[ExportParagraph, ...]
    translation: tuple[ExportParagraph, ...]

    def side(self, pane: Pane) -> tuple[ExportParagraph, ...]:
        """The row's paragraphs of `pane`."""
        return self.original if pane == "original" else self.translation


@dataclass(frozen=True)
class ExportNote:
    """One annotation as a printout lists it: numbered, with both quotes and where it stands.

    Attributes:
        number: its number, the one its markers carry.
        id: the annotation's id ("urn:uuid:…").
        side: the side it was made on.
        category: the category's name.
        colour: the category's colour.
        style: index into `UNDERLINE_STYLES`.
        quote: the annotated words (as last anchored; an orphan's old words).
        projected_quote: the aligned words of the other side, "" when none.
        note: the reader's note, as written.
        tags: its tags.
        status: "anchored", "moved", "fuzzy" or "orphaned".
        paragraphs: 1-based numbers of its own side's paragraphs; empty for an orphan.
        projected_paragraphs: 1-based numbers of the other side's paragraphs it projects on.
        uncertain: the projection went through a link the aligner is unsure of.
        row: index of the export row its first paragraph stands in; -1 for an orphan.
        pinpoint: record, paragraphs and folios, e.g. "Record ID 113729, original ¶5, ...".
    """

    number: int
    id: str
    side: Pane
    category: str
    colour: str
    style: int
    quote: str
    projected_quote: str
    note: str
    tags: tuple[str, ...]
    status: str
    paragraphs: tuple[int, ...]
    projected_paragraphs: tuple[int, ...]
    uncertain: bool
    row: int
    pinpoint: str

    @property
    def orphaned(self) -> bool:
        """True when its words are no longer in the text."""
        return self.status == "orphaned"


@dataclass(frozen=True)
class Export:
    """Everything a printout of one document says, with no opinion on how it looks."""

    layout: ExportLayout
    title: str
    date: str
    type: str
    record_id: str
    summary: str
    original_language: str  # ISO 639-1 code, "" when unknown or absent
    translation_language: str
    has_original: bool
    has_translation: bool
    source: str  # the source string exactly as the page wrote it
    citation: str  # a Chicago note
    rows: tuple[ExportRow, ...]
    file: str  # the page's file name, without the folder: a printout leaves the machine
    rights: str  # the first paragraph of the rights statement
    notes: tuple[ExportNote, ...] = ()  # every annotation, by number; orphans last
    notes_placement: NotesPlacement = "endnotes"
    side: Pane = "translation"  # the text a "single" layout prints
    citations: tuple[Citation, ...] = ()  # the source string's archival citations
    rights_full: tuple[str, ...] = ()  # every paragraph of the rights statement
    categories: tuple[tuple[str, str, int], ...] = ()  # (name, colour, style) of those used
    document_id: str = ""
    translation_index: int = 0
