"""An export as print-ready HTML: the page a printer, a PDF writer or a browser shows.

The HTML keeps to the subset Qt's rich text engine understands (tables, inline CSS, no
floats). Highlights are a pale wash of the category's colour plus an underline in a style of
the category's own (solid, dashed, dotted, wavy, ...), so they still differ in greyscale; Qt
reads the underline style from `text-underline-style`, browsers from `text-decoration-style`,
and each ignores the other's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from itertools import pairwise

from reader.core.export.parts import (
    UNDERLINE_STYLES,
    Export,
    ExportNote,
    ExportParagraph,
    ExportRow,
    Mark,
)
from reader.core.text_range import Pane

# Muted enough to read as apparatus, dark enough to survive a monochrome laser printer.
APPARATUS_COLOUR = "#6b6b6b"
RULE_COLOUR = "#9a9a9a"
MARKER_COLOUR = "#333333"
STATUS_WORDS = {"moved": "moved: the text changed, the words were found again",
                "fuzzy": "re-anchored by a close match",
                "orphaned": "orphaned: the words are no longer in the text"}

Name = Callable[[str], str]


def tint(colour: str, white: float) -> str:
    """`colour` ("#rrggbb") mixed with `white` parts of white (0 to 1): a wash text reads on."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * white):02x}" for c in rgb)


def underline(colour: str, style: int) -> str:
    """The CSS of a category's underline, for Qt and for browsers."""
    qt, css = UNDERLINE_STYLES[style % len(UNDERLINE_STYLES)]
    return (f"text-decoration-line:underline; text-decoration-style:{css};"
            f" text-decoration-color:{colour}; text-underline-style:{qt}")


def _mark_style(mark: Mark) -> str:
    # A projection is paler than the highlight it comes from: the reader marked the other side.
    wash = tint(mark.colour, 0.82 if mark.projected else 0.6)
    return f"background-color:{wash}; {underline(mark.colour, mark.style)}"


def marker_html(number: int) -> str:
    """The "[number]" marker that follows a highlight and its projection."""
    return (f'<sup style="font-weight:bold; color:{MARKER_COLOUR}">'
            f"[{number}]</sup>")


def paragraph_html(paragraph: ExportParagraph) -> str:
    """The paragraph's text escaped, apparatus in grey italic, highlights with their markers."""
    text = paragraph.text
    bounds = {0, len(text)}
    for span in paragraph.spans:
        bounds.update((span.start, span.end))
    for mark in paragraph.marks:
        bounds.update((mark.start, mark.end))
    cuts = sorted(b for b in bounds if 0 <= b <= len(text))
    parts: list[str] = []
    for start, end in pairwise(cuts):
        piece = escape(text[start:end])
        if any(s.start <= start and end <= s.end for s in paragraph.spans):
            piece = (f'<span class="apparatus" style="color:{APPARATUS_COLOUR};'
                     f' font-style:italic">{piece}</span>')
        covering = [m for m in paragraph.marks if m.start <= start and end <= m.end]
        if covering:
            # Where highlights overlap the innermost (latest to start) shows.
            top = max(covering, key=lambda m: (m.start, m.number))
            piece = f'<span class="mark" style="{_mark_style(top)}">{piece}</span>'
        parts.append(piece)
        parts.extend(marker_html(m.number) for m in sorted(paragraph.marks, key=lambda m: m.number)
                     if m.marker and m.end == end)
    return "".join(parts).replace("\n", "<br>")


def _family(name: str, generic: str) -> str:
    return f"'{name}', {generic}" if name and name != generic else generic


def _column_heading(role: str, code: str, language_name: Name) -> str:
    return f"{role} ({escape(language_name(code))})" if code else role


class _Page:
    """The styles of one rendering, and the pieces of the page that use them."""

    def __init__(self, export: Export, serif: str, sans: str, name: Name) -> None:
        self.export = export
        self.name = name
        self.serif = _family(serif, "serif")
        self.text_font = f"font-family:{self.serif}; font-size:10.5pt"
        self.label_font = f"font-family:{_family(sans, 'sans-serif')}; font-size:8pt; color:#444444"
        self.number_style = (f"font-family:{_family(sans, 'sans-serif')}; font-size:7pt;"
                             " color:#777777")
        self.note_font = f"font-family:{_family(sans, 'sans-serif')}; font-size:8.5pt"

    def cell(self, paragraphs: tuple[ExportParagraph, ...]) -> str:
        blocks = [f'<p><span style="{self.number_style}">{p.number}</span>&nbsp;&nbsp;'
                  f"{paragraph_html(p)}</p>" for p in paragraphs]
        return "".join(blocks) or "&nbsp;"

    def sides(self) -> list[tuple[Pane, str, str]]:
        e = self.export
        found: list[tuple[Pane, str, str]] = [
            ("original", "Original", e.original_language),
            ("translation", "Translation", e.translation_language)]
        present = {"original": e.has_original, "translation": e.has_translation}
        return [side for side in found if present[side[0]]]

    def heading(self, role: str, code: str) -> str:
        return _column_heading(role, code, self.name).upper()

    def note_html(self, note: ExportNote, *, quotes: bool = True, cite: bool = False) -> str:
        """One numbered note: category, where it stands, both quotes, the note, tags."""
        sample = (f'<span style="background-color:{tint(note.colour, 0.6)};'
                  f' {underline(note.colour, note.style)}">{escape(note.category)}</span>')
        head = [f"<b>{note.number}.</b> {sample}"]
        if note.paragraphs:
            head.append(f"{note.side} ¶{', '.join(map(str, note.paragraphs))}")
        if note.status in STATUS_WORDS:
            head.append(f"<i>{escape(STATUS_WORDS[note.status])}</i>")
        elif note.uncertain:
            head.append("<i>projection uncertain</i>")
        lines = [" · ".join(head)]
        if quotes:
            lines.append(f"“{_lines(note.quote)}”")
            if note.projected_quote:
                lines.append(f"<i>“{_lines(note.projected_quote)}”</i>")
        if note.note.strip():
            lines.append(_lines(note.note.strip()))
        if note.tags:
            lines.append(escape(" ".join(f"#{t}" for t in note.tags)))
        if cite:
            lines.append(f'<span style="{self.label_font}">{escape(note.pinpoint)}</span>')
        return f'<p style="{self.note_font}">' + "<br>".join(lines) + "</p>"

    def margin(self, row: int) -> str:
        found = [self.note_html(n, quotes=False) for n in self.export.notes if n.row == row]
        return "".join(found) or "&nbsp;"


def _lines(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def render(export: Export, serif: str, sans: str, name: Name) -> str:
    """The print HTML of `export`; see `reader.core.export.model.to_html`."""
    page = _Page(export, serif, sans, name)
    out = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{escape(export.title)}</title>",
        "<style>p { margin-top:0; margin-bottom:8px; white-space:pre-wrap }</style>",
        f'</head><body style="{page.text_font}">',
        # A <p>, not <h1>: Qt adds its own size step to headings on top of any CSS font-size.
        f'<p class="title" style="font-family:{page.serif}; font-size:15pt;'
        f' font-weight:bold; margin-bottom:6px">{escape(export.title)}</p>',
    ]
    facts = [("Date", export.date), ("Type", export.type), ("Record ID", export.record_id)]
    line = " &nbsp;·&nbsp; ".join(f"{label}: {escape(value)}" for label, value in facts if value)
    if line:
        out.append(f'<p style="{page.label_font}; font-size:9pt; margin-bottom:10px">{line}</p>')
    if export.summary:
        out.append(f'<p style="font-style:italic; margin-bottom:10px">{escape(export.summary)}</p>')
    out.append(_provenance(page))
    body = {"facing": _facing, "single": _single, "excerpts": _excerpts}.get(
        export.layout, _sequential)
    out.append(body(page))
    out.append(_endnotes(page))
    footer = [f"File: {escape(export.file)}"] if export.file else []
    if export.rights:
        footer.append(escape(export.rights))
    if footer:
        out.append(f'<hr style="color:{RULE_COLOUR}"><p style="{page.label_font}">'
                   + "<br>".join(footer) + "</p>")
    out.append("</body></html>")
    return "\n".join(out)


def _provenance(page: _Page) -> str:
    """The first part of every export: source, archives, citation, rights, highlight key."""
    e = page.export
    rows: list[tuple[str, str]] = []
    if e.source:
        rows.append(("SOURCE", escape(e.source)))
    for citation in e.citations:
        names = [n for n in (citation.archive_name, citation.archive_name_original) if n]
        if names:
            label = escape(citation.archive_code or citation.archive)
            rows.append(("ARCHIVE", f"{label}: {escape(' / '.join(names))}"))
    rows.append(("CITE AS", escape(e.citation)))
    if e.rights_full:
        rows.append(("RIGHTS", "<br>".join(escape(r) for r in e.rights_full)))
    if e.categories:
        key = " &nbsp; ".join(
            f'<span style="background-color:{tint(colour, 0.6)}; {underline(colour, style)}">'
            f"{escape(category)}</span>" for category, colour, style in e.categories)
        rows.append(("HIGHLIGHTS", key + " &nbsp; [n] marks note n, on both sides"))
    cells = "".join(f'<tr><td width="18%" style="{page.label_font}">{label}</td><td>{value}'
                    "</td></tr>" for label, value in rows)
    return (f'<table width="100%" cellspacing="0" cellpadding="6" style="border-top:1px solid'
            f' {RULE_COLOUR}; border-bottom:1px solid {RULE_COLOUR}; margin-bottom:12px">'
            f"{cells}</table>")


def _table(page: _Page, headings: Sequence[str], rows: Sequence[Sequence[str]],
           margin: bool = False, space: int = 0) -> str:
    # Text columns share the width; a margin-notes column (the last) is narrower.
    texts = len(headings) - margin
    widths = [round((74 if margin else 100) / texts)] * texts + ([26] if margin else [])
    # A <thead> row repeats at the top of every printed page, so each column stays labelled.
    head = "".join(f'<th width="{w}%" align="left" style="{page.label_font}; border-bottom:1px'
                   f' solid {RULE_COLOUR}">{h}</th>' for w, h in zip(widths, headings, strict=True))
    body = "".join("<tr>" + "".join(f'<td width="{w}%" valign="top">{c}</td>'
                                    for w, c in zip(widths, cells, strict=True)) + "</tr>"
                   for cells in rows)
    return (f'<table width="100%" cellspacing="0" cellpadding="5" style="margin-top:{space}px">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def _columns(page: _Page, panes: Sequence[tuple[Pane, str, str]],
             rows: Sequence[tuple[int, ExportRow]]) -> str:
    headings = [page.heading(role, code) for _, role, code in panes]
    margin = page.export.notes_placement == "margin"
    if margin:
        headings.append("NOTES")
    cells = [[page.cell(row.side(pane)) for pane, _, _ in panes]
             + ([page.margin(index)] if margin else []) for index, row in rows]
    return _table(page, headings, cells, margin) if cells else ""


def _facing(page: _Page) -> str:
    sides = page.sides()
    if len(sides) < 2:
        return _sequential(page)
    return _columns(page, sides, list(enumerate(page.export.rows)))


def _single(page: _Page) -> str:
    sides = page.sides()
    chosen = [s for s in sides if s[0] == page.export.side] or sides[:1]
    rows = [(i, r) for i, r in enumerate(page.export.rows) if chosen and r.side(chosen[0][0])]
    return _columns(page, chosen, rows)


def _excerpts(page: _Page) -> str:
    e = page.export
    out: list[str] = []
    for index in sorted({n.row for n in e.notes if n.row >= 0}):
        rows = [(index, e.rows[index])]
        notes = [n for n in e.notes if n.row == index]
        out.append(_table(page, [page.heading(role, code) for _, role, code in page.sides()],
                          [[page.cell(r.side(pane)) for pane, _, _ in page.sides()]
                           for _, r in rows], space=14 if out else 0))
        out.extend(page.note_html(n, quotes=False, cite=True) for n in notes)
    if not out:
        out.append(f'<p style="{page.label_font}">No annotations: nothing to excerpt.</p>')
    return "".join(out)


def _sequential(page: _Page) -> str:
    out: list[str] = []
    for pane, role, code in page.sides():
        paragraphs = tuple(p for row in page.export.rows for p in row.side(pane))
        out.append(f'<p style="{page.label_font}; font-weight:bold; margin-top:16px">'
                   f"{page.heading(role, code)}</p>")
        out.append(page.cell(paragraphs))
    return "".join(out)


def _endnotes(page: _Page) -> str:
    e = page.export
    if e.notes_placement == "none" or not e.notes:
        return ""
    # Margin notes and excerpts place every note that has a place; orphans have none.
    placed_elsewhere = e.notes_placement == "margin" or e.layout == "excerpts"
    notes = [n for n in e.notes if n.orphaned or not placed_elsewhere]
    if not notes:
        return ""
    title = "ORPHANED ANNOTATIONS" if placed_elsewhere else "NOTES"
    return (f'<p style="{page.label_font}; font-weight:bold; margin-top:16px">{title}</p>'
            + "".join(page.note_html(n, cite=e.layout == "excerpts") for n in notes))
