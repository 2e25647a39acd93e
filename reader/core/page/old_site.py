"""The archive site's older layout: a search header, a quoted citation, then the document.

Its pages (see `../shared/archive-pages.md`) have no "Document Information" tail. In order:

    Search in / ADD SEARCH FILTER CANCEL SEARCH FILTER / Digital Archive International History
    Declassified                                     the search header (site chrome)
    May 12, 1997                                     the date, the day zero-padded
    <TITLE IN CAPITALS>
    CITATION SHARE DOWNLOAD / Citation / get citation    chrome
    <summary paragraph>                              may be missing
    "<Title>," <date>, History and Public Policy Program Digital Archive, <source>. <url>
    share document / VIEW DOCUMENT IN                chrome
    English HTML                                     the viewer: languages, then HTML or PDF
    <body: the original and/or the translation, to the end of the file>

The quoted citation is the only place that has the title in its real case, the source, and the
Record ID (at the end of its address). Chrome lines are never document text: the body starts
after the viewer line, and the summary is what stands between "get citation" and the citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.document import DocumentDate
from reader.core.page.dates import parse_date

__all__ = ["CitationBlock", "OldSitePage", "find_citation", "read_old_site"]

_CITATION = re.compile(
    r"^[\"“](?P<title>.+?)[,.]?[\"”],?\s+(?P<date>.*?),\s+"
    r"(?:[\w ]*?)Digital Archive,\s*(?P<rest>.*)$",
    re.DOTALL,
)
_URL = re.compile(r"\s*<?(?P<url>https?://\S+?)>?\s*$")
_URL_RECORD = re.compile(r"/document/(\d+)\b")
_CHROME = frozenset(
    {"search in", "add search filter cancel search filter", "add search filter",
     "cancel search filter", "digital archive international history declassified",
     "digital archive", "international history declassified", "search the archive",
     "advanced search", "citation share download", "citation", "get citation",
     "share document", "share", "download", "view document in"}
)  # fmt: skip
# "English HTML", "Russian PDF", "Chinese English HTML", "English HTML Russian PDF".
_VIEWER = re.compile(r"^(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+(?:HTML|PDF)\b[\s,|]*)+$")


@dataclass(frozen=True)
class CitationBlock:
    """The quoted citation: the title and date it gives, the source, the Record ID."""

    index: int
    title: str
    date: str
    source: str
    record_id: str


@dataclass(frozen=True)
class OldSitePage:
    """What the older layout gives, its chrome taken away."""

    title: str
    date: DocumentDate | None
    summary: str
    body: list[str]
    citation: CitationBlock


def _key(line: str) -> str:
    return " ".join(line.strip().rstrip(":").split()).casefold()


def _is_chrome_line(line: str) -> bool:
    return _key(line) in _CHROME or _VIEWER.match(line.strip()) is not None


def _is_chrome(paragraph: str) -> bool:
    """Whether every line of `paragraph` is site chrome (captures join some of its lines)."""
    return all(_is_chrome_line(line) for line in paragraph.split("\n") if line.strip())


def _is_viewer(paragraph: str) -> bool:
    return any(
        _key(line) == "view document in" or _VIEWER.match(line.strip()) is not None
        for line in paragraph.split("\n")
    )


def find_citation(paragraphs: list[str], start: int) -> CitationBlock | None:
    """Find the older layout's quoted citation ("<title>," <date>, ... Digital Archive, <source>).

    Args:
        paragraphs: all paragraphs of the page.
        start: the first paragraph to look at.

    Returns:
        The block, or None when the page has none.
    """
    for index in range(start, len(paragraphs)):
        match = _CITATION.match(paragraphs[index].strip())
        if match is None:
            continue
        rest = match.group("rest")
        record_id = ""
        url = _URL.search(rest)
        if url is not None:
            found = _URL_RECORD.search(url.group("url"))
            record_id = found.group(1) if found else ""
            rest = rest[: url.start()]
        return CitationBlock(
            index=index,
            title=" ".join(match.group("title").split()),
            date=match.group("date").strip(),
            source=rest.strip().removesuffix("."),
            record_id=record_id,
        )
    return None


def _head(paragraphs: list[str]) -> tuple[DocumentDate | None, str, str]:
    """The date, the title line and the summary from the paragraphs before the citation."""
    kept = [(index, p) for index, p in enumerate(paragraphs) if not _is_chrome(p)]
    date, title, title_at = None, "", -1
    for position, (_, paragraph) in enumerate(kept):
        found = parse_date(paragraph)
        if found is not None and position + 1 < len(kept):
            date, (title_at, title) = found, kept[position + 1]
            break
    if title_at < 0 and kept:
        title_at, title = kept[0]
    # The summary follows "get citation"; a capture without that line has it after the title.
    marks = [index for index, p in enumerate(paragraphs) if "get citation" in _key(p)]
    after = marks[-1] if marks else title_at
    summary = [p for index, p in kept if index > max(after, title_at)]
    return date, " ".join(title.split("\n")), "\n\n".join(summary)


def read_old_site(paragraphs: list[str]) -> OldSitePage | None:
    """Read a page in the older layout, or None when the page is not in it.

    The layout is recognised by its quoted citation together with the chrome around it
    ("get citation" before it, or the viewer after it), so a current page that merely quotes
    a citation in its text is not taken for one.

    Args:
        paragraphs: all paragraphs of the page.

    Returns:
        The page's parts, or None.
    """
    citation = find_citation(paragraphs, 0)
    if citation is None:
        return None
    before, after = paragraphs[: citation.index], paragraphs[citation.index + 1 :]
    viewer = [number for number, p in enumerate(after) if _is_chrome(p) and _is_viewer(p)]
    marked = any("get citation" in _key(p) for p in before if _is_chrome(p))
    if not viewer and not marked:
        return None
    date, title_line, summary = _head(before)
    body_start = viewer[0] if viewer else 0
    while body_start < len(after) and _is_chrome(after[body_start]):
        body_start += 1
    if date is None:
        date = parse_date(citation.date)
    return OldSitePage(
        title=citation.title or title_line,
        date=date,
        summary=summary,
        body=after[body_start:],
        citation=citation,
    )
