"""Page furniture and bundles of printouts, as plain data: what every printed page says.

A loose page of a printout must still say what it belongs to and how to cite it, so every
page carries a running header (short title, date) and a footer (the Chicago citation, the
record ID, "page N of M"). The Qt code in `reader/ui/printing.py` only paints these strings.

Several documents printed into one PDF form a bundle: a table of contents first, then each
document in turn, numbered through. `plan_bundle` decides the order and `table_of_contents`
where each document starts, once the painter knows how many pages each one takes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from reader.core.export.model import Export

SHORT_TITLE_CHARS = 70  # about half a page's header line in the header's small type
ELLIPSIS = "\u2026"


@dataclass(frozen=True)
class Furniture:
    """What the header and footer of each page of one document's printout say.

    Attributes:
        short_title: the title, cut at a word to fit the running header.
        date: the document's date as the page gives it.
        citation: the Chicago note, as plain text.
        record_id: the archive's record ID, "" when the page gives none.
    """

    short_title: str
    date: str
    citation: str
    record_id: str

    def record_label(self) -> str:
        """The footer's record line, e.g. "Record ID 113729"; "" without a record ID."""
        return f"Record ID {self.record_id}" if self.record_id else ""


def short_title(title: str, limit: int = SHORT_TITLE_CHARS) -> str:
    """`title` with its whitespace collapsed, cut at a word boundary to at most `limit` chars.

    Args:
        title: a document title.
        limit: the most characters to keep, the ellipsis included.

    Returns:
        The title itself when it fits, else its leading words and an ellipsis.
    """
    words = title.split()
    whole = " ".join(words)
    if len(whole) <= limit:
        return whole
    kept = ""
    for word in words:
        candidate = f"{kept} {word}" if kept else word
        if len(candidate) + 1 > limit:
            break
        kept = candidate
    # One word longer than the limit: cut inside it rather than show nothing.
    return (kept or whole[: limit - 1]).rstrip(" ,;:([") + ELLIPSIS


def furniture_of(export: Export) -> Furniture:
    """The header and footer strings of `export`'s printout."""
    return Furniture(
        short_title=short_title(export.title),
        date=export.date,
        citation=" ".join(export.citation.split()),
        record_id=export.record_id,
    )


def page_label(number: int, pages: int) -> str:
    """The footer's page number (1-based) out of the file's pages, e.g. "page 3 of 12"."""
    return f"page {number} of {pages}"


# Bundles ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BundleItem:
    """One document of a bundle: the facts its line in the table of contents gives."""

    title: str
    date: str
    record_id: str

    @classmethod
    def of(cls, export: Export) -> BundleItem:
        """The contents line's facts of one document's export."""
        return cls(export.title, export.date, export.record_id)


@dataclass(frozen=True)
class TocEntry:
    """One line of a bundle's table of contents."""

    title: str
    date: str
    record_id: str
    first_page: int  # 1-based, counting the contents pages


def plan_bundle(doc_ids: Sequence[str]) -> tuple[str, ...]:
    """The documents of a bundle in print order: as chosen, each once.

    The order is the reader's (the list's order, or the search's ranking), so the contents
    read as the list they chose from; a document chosen twice (two hits in one document)
    prints once, where it first came.

    Args:
        doc_ids: the chosen documents' ids, in the order they were chosen.

    Returns:
        The ids to print, without repeats and without blanks.
    """
    return tuple(doc_id for doc_id in dict.fromkeys(doc_ids) if doc_id)


def bundle_file_name(doc_id: str) -> str:
    """The file name of one document's PDF when a bundle is written one file each.

    Ids come from file names and record numbers; anything that could leave the chosen
    folder or trouble a file system becomes "_".
    """
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in doc_id).strip(".")
    return f"{safe or 'document'}.pdf"


def table_of_contents(
    items: Sequence[BundleItem], page_counts: Sequence[int], contents_pages: int
) -> tuple[TocEntry, ...]:
    """Where each document of a bundle starts, counting from the first contents page.

    Args:
        items: the documents in print order (see `plan_bundle`).
        page_counts: how many pages each takes, in the same order.
        contents_pages: how many pages the table of contents itself takes.

    Returns:
        One entry per document.

    Raises:
        ValueError: the counts do not match the documents, or a count is below 1.
    """
    if len(items) != len(page_counts):
        raise ValueError(f"{len(items)} documents but {len(page_counts)} page counts")
    if contents_pages < 0 or any(count < 1 for count in page_counts):
        raise ValueError("every document takes at least one page")
    entries: list[TocEntry] = []
    next_page = contents_pages + 1
    for item, count in zip(items, page_counts, strict=True):
        entries.append(TocEntry(item.title, item.date, item.record_id, next_page))
        next_page += count
    return tuple(entries)


def contents_html(
    entries: Sequence[TocEntry],
    *,
    serif: str = "serif",
    sans: str = "sans-serif",
    breaks: Sequence[int] = (),
) -> str:
    """The table of contents as print HTML: title, date, record ID and first page per entry.

    Every string is escaped: titles are page text, never markup.

    Args:
        entries: the contents' lines (see `table_of_contents`).
        serif: the titles' font family.
        sans: the date lines' font family.
        breaks: indexes of the entries that must begin a new page (the painter finds
            them: an entry that a page break would cut in two).
    """
    label = f"font-family:'{sans}', sans-serif; font-size:8pt; color:#444444"
    starts = set(breaks)
    tables: list[list[str]] = []
    for index, entry in enumerate(entries):
        if not tables or index in starts:
            tables.append([])
        tables[-1].append(
            f'<tr><td valign="top">{escape(entry.title)}<br><span style="{label}">'
            f"{escape(entry.date)}"
            + (f" &nbsp;·&nbsp; Record ID {escape(entry.record_id)}" if entry.record_id else "")
            + f'</span></td><td align="right" valign="top" width="12%">{entry.first_page}</td>'
            "</tr>"
        )
    body = "".join(
        '<table width="100%" cellspacing="0" cellpadding="4"'
        + (' style="page-break-before: always"' if number else "")
        + f">{''.join(rows)}</table>"
        for number, rows in enumerate(tables)
    )
    title = '<p style="font-size:15pt; font-weight:bold; margin-bottom:10px">Contents</p>'
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Contents</title></head>'
        f"<body style=\"font-family:'{serif}', serif; font-size:10.5pt\">{title}{body}"
        "</body></html>"
    )
