"""An export as Markdown: the excerpts, for pasting into research notes.

Each annotation becomes a numbered section: its words and their counterpart as block quotes,
the note, the tags and a pinpoint citation. Page and note text is data, so every character
CommonMark could read as markup (emphasis, links, HTML, headings, list markers) is escaped
with a backslash; a Markdown viewer shows the words exactly as the archive and the reader
wrote them.
"""

from __future__ import annotations

import re

from reader.core.export.parts import Export, ExportNote
from reader.core.text_range import Pane

# Anywhere in a line: inline markup, links, raw HTML, entities, tables, strikethrough.
_INLINE = re.compile(r"([\\`*_{}\[\]<>()#|~!&])")
# Only at the start of a line: list items, setext underlines, thematic breaks ("1." lists).
_LIST_MARK = re.compile(r"[-+=]")
_ORDERED = re.compile(r"(\d+)\.")
STATUS_WORDS = {"moved": "moved (the text changed; the words were found again)",
                "fuzzy": "re-anchored by a close match",
                "orphaned": "orphaned (the words are no longer in the text)"}


def escape_markdown(text: str) -> str:
    """`text` with every Markdown metacharacter escaped, line by line.

    Leading spaces are dropped, since four of them would make a code block.
    """
    lines = []
    for line in text.split("\n"):
        line = _INLINE.sub(r"\\\1", line.lstrip(" \t"))
        if _LIST_MARK.match(line):
            line = "\\" + line
        elif number := _ORDERED.match(line):
            line = f"{number.group(1)}\\{line[number.end(1):]}"
        lines.append(line)
    return "\n".join(lines)


def _quote(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in escape_markdown(text.strip()).split("\n"))


def _language(export: Export, pane: Pane) -> str:
    code = export.original_language if pane == "original" else export.translation_language
    return f"{pane}, {code}" if code else pane


def _section(export: Export, note: ExportNote) -> list[str]:
    other: Pane = "translation" if note.side == "original" else "original"
    where = f" — {note.side} ¶{', '.join(map(str, note.paragraphs))}" if note.paragraphs else ""
    out = [f"## {note.number}. {escape_markdown(note.category)}{where}", ""]
    if note.status in STATUS_WORDS:
        out += [f"Status: {STATUS_WORDS[note.status]}", ""]
    out += [_quote(note.quote), "", f"— {_language(export, note.side)}", ""]
    if note.projected_quote:
        numbers = ", ".join(map(str, note.projected_paragraphs))
        uncertain = "; the alignment is unsure" if note.uncertain else ""
        out += [_quote(note.projected_quote), "",
                f"— {_language(export, other)} ¶{numbers}{uncertain}", ""]
    for paragraph in note.note.strip().split("\n\n") if note.note.strip() else ():
        out += [escape_markdown(paragraph), ""]
    if note.tags:
        out += ["Tags: " + " ".join(escape_markdown(f"#{tag}") for tag in note.tags), ""]
    out += [f"Cite: {escape_markdown(note.pinpoint)}", ""]
    return out


def to_markdown(export: Export) -> str:
    """The excerpts of `export` as Markdown: header, provenance, one section per annotation.

    Args:
        export: the export (any layout; Markdown always lists the annotated passages).

    Returns:
        CommonMark text ending in one newline.
    """
    facts = [f"{label}: {value}" for label, value in (
        ("Date", export.date), ("Type", export.type), ("Record ID", export.record_id)) if value]
    out = [f"# {escape_markdown(export.title)}", ""]
    if facts:
        out += [escape_markdown(" · ".join(facts)), ""]
    if export.source:
        out += [f"Source: {escape_markdown(export.source)}", ""]
    for citation in export.citations:
        names = " / ".join(n for n in (citation.archive_name, citation.archive_name_original) if n)
        if names:
            out += [f"Archive: {escape_markdown(f'{citation.archive_code}: {names}')}", ""]
    out += [f"Cite as: {escape_markdown(export.citation)}", ""]
    if export.rights:
        out += [f"Rights: {escape_markdown(export.rights)}", ""]
    placed = [n for n in export.notes if not n.orphaned]
    orphans = [n for n in export.notes if n.orphaned]
    if not export.notes:
        out += ["No annotations.", ""]
    for note in placed:
        out += _section(export, note)
    if orphans:
        out += ["## Orphaned annotations", ""]
        for note in orphans:
            out += _section(export, note)
    return "\n".join(out).rstrip("\n") + "\n"
