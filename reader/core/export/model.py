"""Export model: a document laid out for print or PDF, as neutral data and as print-ready HTML.

`build_export` decides what a printout says (header, provenance, aligned paragraph rows,
footer); `to_html` decides how it looks on paper. The Qt printing code in `reader/ui/printing.py`
only paints the HTML, so the same export can go to a printer, a PDF or a browser.

Rows follow the paragraph alignment, so in a parallel printout each translation paragraph
stands level with the original it renders. Paragraphs the alignment leaves unpaired (an
untranslated stamp, say) get a row of their own with the other side empty, in reading order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import escape
from typing import Literal, get_args

from reader.core.align.alignment import ParagraphAlignment, proportional_alignment
from reader.core.document import Document, Text
from reader.core.provenance.formats import chicago_note
from reader.core.session.reading import ReadingState
from reader.core.text.editorial import EditorialSpan, editorial_spans

ExportLayout = Literal["parallel", "sequential"]
EXPORT_LAYOUTS: tuple[ExportLayout, ...] = get_args(ExportLayout)

# Muted enough to read as apparatus, dark enough to survive a monochrome laser printer.
APPARATUS_COLOUR = "#6b6b6b"
RULE_COLOUR = "#9a9a9a"


@dataclass(frozen=True)
class ExportParagraph:
    """One paragraph of one text, with its editorial apparatus.

    Attributes:
        number: 1-based position in its own text, as the reader's margin numbers it.
        text: the paragraph as the Document holds it (it may contain newlines).
        spans: editorial spans, offsets into `text`.
    """

    number: int
    text: str
    spans: tuple[EditorialSpan, ...]


@dataclass(frozen=True)
class ExportRow:
    """Original paragraphs and the translation paragraphs that render them.

    Either side may hold several paragraphs (a translator merged or split them) or none
    (nothing on that side corresponds, or the document has no such text).
    """

    original: tuple[ExportParagraph, ...]
    translation: tuple[ExportParagraph, ...]


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
    file: str
    rights: str  # the first paragraph of the rights statement


def _paragraphs(text: Text | None, group: tuple[int, ...]) -> tuple[ExportParagraph, ...]:
    if text is None:
        return ()
    return tuple(
        ExportParagraph(i + 1, text.paragraphs[i], tuple(editorial_spans(text.paragraphs[i])))
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
    layout: ExportLayout = "parallel",
    alignment: ParagraphAlignment | None = None,
) -> Export:
    """Lay a document out for printing.

    Args:
        document: the document to print.
        translation: which of its translations (0-based); ignored when it has none.
        layout: "parallel" (original and translation side by side, paragraph by paragraph)
            or "sequential" (the whole original, then the whole translation).
        alignment: the paragraph pairs to print by, normally `ReadingState.alignment`, so
            the printout matches the screen; proportional pairing when None.

    Returns:
        The export, with one row per aligned group of paragraphs.

    Raises:
        ValueError: `layout` is not one of `EXPORT_LAYOUTS`, or `alignment` does not fit the
            texts' paragraph counts.
        IndexError: the document has translations but not number `translation`.
    """
    if layout not in EXPORT_LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose one of {', '.join(EXPORT_LAYOUTS)}")
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
    rows = tuple(
        ExportRow(_paragraphs(original, a), _paragraphs(chosen, b))
        for a, b in _row_groups(alignment, n_a, n_b)
    )
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
        file=document.file,
        rights=document.rights[0].strip() if document.rights else "",
    )


def export_view(view: ReadingState, layout: ExportLayout = "parallel") -> Export | None:
    """Lay out what the reading view shows: its document, translation and alignment.

    Returns:
        The export, or None when the view has no document.
    """
    if view.document is None:
        return None
    return build_export(view.document, view.translation_index, layout, view.alignment)


# HTML -------------------------------------------------------------------------------------------


def paragraph_html(paragraph: ExportParagraph) -> str:
    """The paragraph's text escaped, apparatus in grey italic, its own line breaks kept."""
    parts: list[str] = []
    position = 0
    for span in paragraph.spans:
        parts.append(escape(paragraph.text[position : span.start]))
        parts.append(
            f'<span class="apparatus" style="color:{APPARATUS_COLOUR}; font-style:italic">'
            f"{escape(paragraph.text[span.start : span.end])}</span>"
        )
        position = span.end
    parts.append(escape(paragraph.text[position:]))
    return "".join(parts).replace("\n", "<br>")


def _family(name: str, generic: str) -> str:
    return f"'{name}', {generic}" if name and name != generic else generic


def _cell(paragraphs: tuple[ExportParagraph, ...], number_style: str) -> str:
    blocks = [
        f'<p><span style="{number_style}">{p.number}</span>&nbsp;&nbsp;{paragraph_html(p)}</p>'
        for p in paragraphs
    ]
    return "".join(blocks) or "&nbsp;"


def _column_heading(role: str, code: str, language_name: Callable[[str], str]) -> str:
    return f"{role} ({escape(language_name(code))})" if code else role


def to_html(
    export: Export,
    *,
    serif: str = "serif",
    sans: str = "sans-serif",
    language_name: Callable[[str], str] | None = None,
) -> str:
    """Render an export as a self-contained, print-ready HTML page.

    The HTML keeps to the subset Qt's rich text engine understands (tables, inline CSS, no
    floats), and prints the same from a browser.

    Args:
        export: what to print.
        serif: font family for the document texts; it must cover the original's script.
        sans: font family for headings, labels and the footer.
        language_name: turns an ISO 639-1 code into a column heading's language name; the
            code itself is shown when None.

    Returns:
        A complete HTML document; its <title> is the export's title.
    """
    name = language_name or (lambda code: code)
    text_font = f"font-family:{_family(serif, 'serif')}; font-size:10.5pt"
    label_font = f"font-family:{_family(sans, 'sans-serif')}; font-size:8pt; color:#444444"
    number_style = f"font-family:{_family(sans, 'sans-serif')}; font-size:7pt; color:#777777"
    out = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{escape(export.title)}</title>",
        "<style>p { margin-top:0; margin-bottom:8px; white-space:pre-wrap }</style>",
        f'</head><body style="{text_font}">',
        # A <p>, not <h1>: Qt adds its own size step to headings on top of any CSS font-size.
        f'<p class="title" style="font-family:{_family(serif, "serif")}; font-size:15pt;'
        f' font-weight:bold; margin-bottom:6px">{escape(export.title)}</p>',
    ]
    facts = [
        ("Date", export.date),
        ("Type", export.type),
        ("Record ID", export.record_id),
    ]
    line = " &nbsp;·&nbsp; ".join(f"{label}: {escape(value)}" for label, value in facts if value)
    if line:
        out.append(f'<p style="{label_font}; font-size:9pt; margin-bottom:10px">{line}</p>')
    if export.summary:
        out.append(f'<p style="font-style:italic; margin-bottom:10px">{escape(export.summary)}</p>')
    out.append(
        f'<table width="100%" cellspacing="0" cellpadding="6" style="border-top:1px solid'
        f' {RULE_COLOUR}; border-bottom:1px solid {RULE_COLOUR}; margin-bottom:12px">'
    )
    if export.source:
        out.append(
            f'<tr><td width="18%" style="{label_font}">SOURCE</td>'
            f"<td>{escape(export.source)}</td></tr>"
        )
    out.append(
        f'<tr><td width="18%" style="{label_font}">CITE AS</td>'
        f"<td>{escape(export.citation)}</td></tr></table>"
    )
    sides = [
        (role, code)
        for role, code, present in (
            ("Original", export.original_language, export.has_original),
            ("Translation", export.translation_language, export.has_translation),
        )
        if present
    ]
    if export.layout == "parallel" and len(sides) == 2:
        out.append(_parallel(export, sides, name, label_font, number_style))
    else:
        out.append(_sequential(export, sides, name, label_font, number_style))
    footer = [f"File: {escape(export.file)}"] if export.file else []
    if export.rights:
        footer.append(escape(export.rights))
    if footer:
        out.append(
            f'<hr style="color:{RULE_COLOUR}"><p style="{label_font}">'
            + "<br>".join(footer)
            + "</p>"
        )
    out.append("</body></html>")
    return "\n".join(out)


def _parallel(
    export: Export,
    sides: list[tuple[str, str]],
    name: Callable[[str], str],
    label_font: str,
    number_style: str,
) -> str:
    # A <thead> row repeats at the top of every printed page, so each column stays labelled.
    head = "".join(
        f'<th width="50%" align="left" style="{label_font}; border-bottom:1px solid'
        f' {RULE_COLOUR}">{_column_heading(role, code, name).upper()}</th>'
        for role, code in sides
    )
    rows = "".join(
        f'<tr><td width="50%" valign="top">{_cell(row.original, number_style)}</td>'
        f'<td width="50%" valign="top">{_cell(row.translation, number_style)}</td></tr>'
        for row in export.rows
    )
    return (
        f'<table width="100%" cellspacing="0" cellpadding="5"><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _sequential(
    export: Export,
    sides: list[tuple[str, str]],
    name: Callable[[str], str],
    label_font: str,
    number_style: str,
) -> str:
    out: list[str] = []
    for role, code in sides:
        paragraphs = [
            p
            for row in export.rows
            for p in (row.original if role == "Original" else row.translation)
        ]
        out.append(
            f'<p style="{label_font}; font-weight:bold; margin-top:16px">'
            f"{_column_heading(role, code, name).upper()}</p>"
        )
        out.append(_cell(tuple(paragraphs), number_style))
    return "".join(out)
