"""The archive page parser: a saved document page (text or HTML) into a `Document`.

A page is read as paragraphs (runs of non-blank lines). The head gives the date and the title,
the end gives "Document Information" (see `page_tail`), and what lies between is the body: the
original transcript, when the page has one, then the translation, then the summary.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from reader.core.document import Document, DocumentDate, Source, document_id, normalise_title
from reader.core.page.dates import parse_date
from reader.core.page.encoding import EncodingRefusal, decode_page
from reader.core.page.errors import PageError
from reader.core.page.html import HtmlRefusal, html_to_text, looks_like_html
from reader.core.page.old_site import OldSitePage, find_citation, read_old_site
from reader.core.page.paragraphs import paragraphs_of
from reader.core.page.tail import (
    Tail,
    find_headings,
    find_tail,
    is_document_information,
    label_key,
    read_tail,
)
from reader.core.page.texts import split_texts
from reader.core.provenance.citations import parse_source
from reader.core.text.language import LATIN, script_of
from reader.core.wording import plural

__all__ = [
    "MAX_PAGE_BYTES",
    "PageError",
    "paragraphs_of",
    "parse_bytes",
    "parse_page",
    "parse_text",
]

MAX_PAGE_BYTES = 20 * 1024 * 1024
MAX_SOURCE_ANALYSED = 20_000  # characters of a Source analysed into citations

_CHROME = frozenset(
    {"skip to content", "skip to main content", "search", "advanced search", "search the archive",
     "digital archive", "international history declassified", "menu", "home", "browse",
     "wilson center", "log in", "sign in", "search results", "back to search results"}
)  # fmt: skip
_CREDIT = re.compile(
    r"^This document was made possible with support from (?:the )?(?P<donor>.+?)\.?$"
)
_HEAD_WINDOW = 12
# A summary is a few sentences; a longer last paragraph is the text (a one-paragraph translation).
_MAX_SUMMARY = 3000
_SUMMARY_END = re.compile(r"[.!?)\"”’]$")


def _title_like(paragraph: str) -> bool:
    return (
        len(paragraph) <= 400
        and label_key(paragraph) not in _CHROME
        and not is_document_information(paragraph)
        and parse_date(paragraph) is None
    )


def _find_head(paragraphs: list[str], hint: str) -> tuple[int, DocumentDate | None]:
    """The index of the title and the date before it."""
    window = min(len(paragraphs), _HEAD_WINDOW)
    if hint:
        folded = normalise_title(hint)
        for index, paragraph in enumerate(paragraphs[: window * 3]):
            if normalise_title(paragraph) == folded:
                return index, parse_date(paragraphs[index - 1]) if index else None
    for index in range(window - 1):
        date = parse_date(paragraphs[index])
        # A teaser may precede the date, so the date is sought, not assumed to come first.
        if date is not None and _title_like(paragraphs[index + 1]):
            return index + 1, date
    for index in range(window):
        paragraph = paragraphs[index]
        if _title_like(paragraph) and "\n" not in paragraph and not paragraph.endswith("."):
            return index, None
    for index in range(window):
        if _title_like(paragraphs[index]):
            return index, None
    return -1, None


def _summary_like(paragraph: str) -> bool:
    return (
        "\n" not in paragraph
        and 60 <= len(paragraph) <= _MAX_SUMMARY
        and len(paragraph.split()) >= 8
        and _SUMMARY_END.search(paragraph) is not None
        and script_of(paragraph) == LATIN
    )


def _source(text: str, warnings: list[str]) -> Source:
    if not text:
        return Source()
    try:
        if len(text) <= MAX_SOURCE_ANALYSED:
            return parse_source(text)
        # Real sources are a few hundred characters; analysing megabytes would take minutes.
        head = parse_source(text[:MAX_SOURCE_ANALYSED])
        warnings.append(
            f"the source is {len(text):,} characters long; only its first "
            f"{MAX_SOURCE_ANALYSED:,} were analysed into citations (it is kept as written)"
        )
        return Source(text=text, citations=head.citations, remainder=head.remainder)
    except Exception:  # the citation analyser must not cost the user the document
        warnings.append("the source citation could not be analysed; it is kept as written")
        return Source(text=text)


def _checked_date(date: DocumentDate | None, warnings: list[str]) -> DocumentDate:
    if date is None:
        warnings.append("no date found")
        return DocumentDate()
    if date.iso is None:
        warnings.append(f"the date {date.text!r} is not a valid calendar date")
    return date


def _old_site_document(
    page: OldSitePage, name: str, digest: str, warnings: list[str]
) -> Document:
    if not page.body and not page.summary:
        raise PageError(name, "not an archive page: no document text after the citation")
    date = _checked_date(page.date, warnings)
    if not page.body:
        warnings.append("the page holds a summary but no transcript or translation")
    if not page.citation.source:
        warnings.append("no source found")
    original, translations, text_warnings = split_texts(page.body, ())
    warnings.extend(text_warnings)
    return Document(
        id=document_id(page.citation.record_id, page.title, date),
        title=page.title,
        date=date,
        summary=page.summary,
        original=original,
        translations=translations,
        record_id=page.citation.record_id,
        source=_source(page.citation.source, warnings),
        file=name,
        content_hash=digest,
        warnings=tuple(warnings),
    )


def _parse(text: str, name: str, digest: str, warnings: list[str], hint: str = "") -> Document:
    paragraphs = paragraphs_of(text)
    if not paragraphs:
        raise PageError(name, "the file holds no text")
    old_site = read_old_site(paragraphs)
    if old_site is not None:
        return _old_site_document(old_site, name, digest, warnings)
    title_index, date = _find_head(paragraphs, hint)
    if title_index < 0:
        raise PageError(name, "not an archive page: no title found")
    title = " ".join(paragraphs[title_index].split("\n"))
    start = title_index + 1
    removed: set[int] = set()
    credit, donors = "", []
    for index in range(start, min(start + 3, len(paragraphs))):
        match = _CREDIT.match(paragraphs[index])
        if match:
            credit = paragraphs[index]
            donors.append(match.group("donor"))
            removed.add(index)
            break

    tail = Tail()
    tail_index = find_tail(paragraphs, start)
    citation = find_citation(paragraphs, start)
    if citation is not None:
        removed.add(citation.index)
        if citation.index > start and label_key(paragraphs[citation.index - 1]) == "citation":
            removed.add(citation.index - 1)
    has_heading = tail_index < len(paragraphs) and is_document_information(paragraphs[tail_index])
    read_tail(paragraphs[tail_index + 1 if has_heading else tail_index :], tail)
    body_end = find_headings(paragraphs, start, tail_index, tail)
    if citation is not None:
        tail.source = tail.source or citation.source
        tail.record_id = tail.record_id or citation.record_id
    tail.source = tail.source or tail.archive

    summary = ""
    body: list[str] = []
    index = start
    while index < body_end:
        paragraph = paragraphs[index]
        if index in removed:
            pass
        elif label_key(paragraph) in {"summary", "description"} and index + 1 < body_end:
            summary = paragraphs[index + 1]
            index += 1
        else:
            body.append(paragraph)
        index += 1
    if not summary and body and _summary_like(body[-1]):
        summary = body.pop()

    is_page = (
        date is not None
        or tail_index < len(paragraphs)
        or body_end < tail_index
        or citation is not None
        or bool(credit)
    )
    if not is_page:
        raise PageError(name, "not an archive page: no date, no Document Information, no labels")
    if not body and not summary:
        raise PageError(name, "not an archive page: no document text after the title")

    date = _checked_date(date, warnings)
    if not body:
        warnings.append("the page holds a summary but no transcript or translation")
    if not tail.source:
        warnings.append("no source found")
    if tail.ignored:
        warnings.append(
            f"{plural(len(tail.ignored), 'paragraph')} at the end of the page "
            f"{'was' if len(tail.ignored) == 1 else 'were'} not understood"
        )
    declared = tuple(tail.languages)
    original, translations, text_warnings = split_texts(body, declared)
    warnings.extend(text_warnings)
    for donor in tail.donors:
        if donor.casefold() not in {known.casefold() for known in donors}:
            donors.append(donor)

    return Document(
        id=document_id(tail.record_id, title, date),
        title=title,
        date=date,
        type=tail.type,
        summary=summary,
        credit=credit,
        original=original,
        translations=translations,
        languages=declared,
        record_id=tail.record_id,
        uploaded=tail.uploaded,
        rights=tuple(tail.rights),
        authors=tuple(tail.authors),
        donors=tuple(donors),
        people=tuple(tail.people),
        places=tuple(tail.places),
        topics=tuple(tail.topics),
        source=_source(tail.source, warnings),
        file=name,
        content_hash=digest,
        warnings=tuple(warnings),
    )


def _parse_decoded(text: str, name: str, digest: str, warnings: list[str]) -> Document:
    if looks_like_html(text):
        try:
            page = html_to_text(text)
        except HtmlRefusal as error:
            raise PageError(name, str(error)) from None
        return _parse(page.text, name, digest, warnings, page.heading)
    return _parse(text, name, digest, warnings)


def _blank(content: str | bytes) -> bool:
    # `not content.strip()` copied a huge page only to throw it away; this stops at a letter.
    return not content or content.isspace()


def _too_large(size: int) -> str:
    return (
        f"the file is too large ({size / 1048576:.1f} MB; "
        f"pages over {MAX_PAGE_BYTES // 1048576} MB are refused)"
    )


def parse_text(text: str, name: str) -> Document:
    """Parse an already decoded page (plain text or HTML).

    Args:
        text: the page text.
        name: the file name, recorded in the document and in errors.

    Returns:
        The document.

    Raises:
        PageError: when the text is not an archive page.
    """
    data = text.encode("utf-8", "surrogatepass")
    if len(data) > MAX_PAGE_BYTES:
        raise PageError(name, _too_large(len(data)))
    if _blank(text):
        raise PageError(name, "the file is empty")
    return _parse_decoded(text, name, hashlib.sha256(data).hexdigest(), [])


def parse_bytes(data: bytes, name: str) -> Document:
    """Decode and parse the bytes of a saved page.

    UTF-8 (with or without BOM) and UTF-16 with BOM are read directly; other encodings are
    guessed with charset-normalizer and the guess is recorded as a warning. HTML is recognised by
    its content.

    Args:
        data: the raw file content.
        name: the file name, recorded in the document and in errors.

    Returns:
        The document.

    Raises:
        PageError: when the bytes are empty, binary, too large or not an archive page.
    """
    if len(data) > MAX_PAGE_BYTES:
        raise PageError(name, _too_large(len(data)))
    if _blank(data):
        raise PageError(name, "the file is empty")
    try:
        text, warnings = decode_page(data)
    except EncodingRefusal as error:
        raise PageError(name, str(error)) from None
    if _blank(text):
        raise PageError(name, "the file is empty")
    return _parse_decoded(text, name, hashlib.sha256(data).hexdigest(), warnings)


def parse_page(path: Path) -> Document:
    """Read and parse a saved page file.

    Args:
        path: the file.

    Returns:
        The document, whose `file` is `str(path)`.

    Raises:
        PageError: when the file cannot be read or is not an archive page.
    """
    name = str(path)
    try:
        if not path.is_file():
            raise PageError(name, "not a file")
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise PageError(name, _too_large(size))
        data = path.read_bytes()
    except OSError as error:
        raise PageError(name, f"cannot read the file ({error.strerror or error})") from None
    return parse_bytes(data, name)
