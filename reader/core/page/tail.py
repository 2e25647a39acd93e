"""The end of an archive page: heading lists, "Document Information", the old "Citation" block.

Labels are matched only here, never in the body, because body text uses the same words ("Source",
"Type", "Subject:"). Where a capture dropped a label, the value is recognised by its content and
position: the source comes first, then the reuse boilerplate, the upload date, the type, the
languages and the Record ID, and an orphan donor name may close the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.text.language import language_code

_HEADINGS = {
    "author(s)": "authors", "authors": "authors", "author": "authors",
    "associated people & organizations": "people", "associated people and organizations": "people",
    "associated places": "places", "associated topics": "topics", "subjects discussed": "topics",
    "related documents": "related",
}  # fmt: skip
_LABELS = {
    "source": "source", "sources": "source", "original archive": "archive", "rights": "rights",
    "original uploaded date": "uploaded", "uploaded date": "uploaded", "type": "type",
    "document type": "type", "language": "language", "languages": "language",
    "original language": "language", "record id": "record_id", "record id#": "record_id",
}  # fmt: skip
_DOCUMENT_INFORMATION = "document information"
_BOILERPLATE = re.compile(
    r"welcomes reuse|rights status|copyright|permission for commercial use|rights holders",
    re.IGNORECASE,
)
_UPLOADED = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_RECORD_ID = re.compile(r"^(?=[A-Za-z0-9-]*\d)[A-Za-z0-9-]{1,20}$")
_KNOWN_TYPES = frozenset(
    {"telegram", "report", "memorandum of conversation", "letter", "cable", "minutes", "memorandum",
     "speech", "notes", "note", "transcript", "resolution", "decree", "diary entry", "interview",
     "record of conversation", "minutes of conversation", "conversation", "agreement", "article",
     "intelligence report", "table", "order", "directive", "statement", "instructions"}
)  # fmt: skip
_CITATION = re.compile(
    r"^[\"“](?P<title>.+?)[,.]?[\"”],?\s+(?P<date>.*?),\s+"
    r"(?:[\w ]*?)Digital Archive,\s*(?P<rest>.*)$",
    re.DOTALL,
)
_URL = re.compile(r"\s*<?(?P<url>https?://\S+?)>?\s*$")
_URL_RECORD = re.compile(r"/document/(\d+)\b")


def label_key(paragraph: str) -> str:
    """The lookup key of a paragraph that may be a label: folded, without a trailing colon."""
    if "\n" in paragraph or len(paragraph) > 60:
        return ""
    return " ".join(paragraph.strip().rstrip(":").split()).casefold()


def is_document_information(paragraph: str) -> bool:
    """Whether a paragraph is the "Document Information" heading."""
    return label_key(paragraph) == _DOCUMENT_INFORMATION


@dataclass
class Tail:
    """What the end of a page says about the record."""

    source: str = ""
    archive: str = ""
    rights: list[str] = field(default_factory=list)
    uploaded: str = ""
    type: str = ""
    languages: list[str] = field(default_factory=list)
    record_id: str = ""
    donors: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def _value_like(paragraph: str) -> bool:
    return "\n" not in paragraph and len(paragraph) <= 200


def find_tail(paragraphs: list[str], start: int) -> int:
    """Index where the "Document Information" part begins (its heading, or its first label).

    Args:
        paragraphs: all paragraphs of the page.
        start: the first body paragraph; nothing before it is considered.

    Returns:
        The index, or len(paragraphs) when the page has no such part.
    """
    for index in range(len(paragraphs) - 1, start - 1, -1):
        if is_document_information(paragraphs[index]):
            return index
    # Without the heading the tail is where labels become dense; a lone "Source" in a body is not.
    labels = [i for i in range(start, len(paragraphs)) if label_key(paragraphs[i]) in _LABELS]
    for position, index in enumerate(labels):
        remaining = len(labels) - position
        if remaining >= 3 and remaining / (len(paragraphs) - index) >= 0.3:
            return index
    return len(paragraphs)


def find_headings(paragraphs: list[str], start: int, end: int, tail: Tail) -> int:
    """Read the heading lists (Author(s), Associated ...) that sit before the tail.

    Args:
        paragraphs: all paragraphs of the page.
        start: the first body paragraph.
        end: where the tail begins.
        tail: receives the authors, people, places and topics found.

    Returns:
        The index of the first heading, which ends the body; `end` when there is none.
    """
    related = [i for i in range(start, end) if _HEADINGS.get(label_key(paragraphs[i])) == "related"]
    # Related documents carry long summaries of their own, so the chain is followed from above them.
    index = related[-1] if related else end - 1
    first = end
    while index >= start:
        paragraph = paragraphs[index]
        if label_key(paragraph) in _HEADINGS:
            first = index
        elif not _value_like(paragraph):
            break
        index -= 1
    current = ""
    for paragraph in paragraphs[first:end]:
        key = label_key(paragraph)
        if key in _HEADINGS:
            current = _HEADINGS[key]
        elif current in {"authors", "people", "places", "topics"}:
            getattr(tail, current).append(paragraph)
    return first


def _languages(paragraph: str) -> list[str] | None:
    if "\n" in paragraph or len(paragraph) > 80:
        return None
    names = [part for part in re.split(r"\s*(?:,|;|/|\band\b)\s*", paragraph.strip()) if part]
    codes = [language_code(name) for name in names]
    if not codes or not all(codes):
        return None
    return codes


def _short(paragraph: str) -> bool:
    return "\n" not in paragraph and len(paragraph) <= 60 and not paragraph.rstrip().endswith(".")


def _classify(paragraph: str, tail: Tail, last: bool) -> bool:
    """Place an unlabelled value by its content; False when it fits nothing."""
    text = paragraph.strip()
    if _BOILERPLATE.search(text):
        tail.rights.append(paragraph)
    elif _UPLOADED.match(text) and not tail.uploaded:
        tail.uploaded = text
    elif text.isdigit() and not tail.record_id:
        tail.record_id = text
    elif (codes := _languages(text)) is not None and not tail.languages:
        tail.languages = codes
    elif text.casefold() in _KNOWN_TYPES and not tail.type:
        tail.type = text
    elif not tail.source and not tail.rights and not tail.type:
        tail.source = paragraph
    elif _short(text) and not last and not tail.type and not tail.record_id:
        tail.type = text
    elif _short(text) and last:
        tail.donors.append(text)
    else:
        return False
    return True


def _take(label: str, paragraph: str, tail: Tail) -> bool:
    """Store a value under its label when it fits that label; False sends it to `_classify`."""
    text = paragraph.strip()
    if label != "rights" and _BOILERPLATE.search(text):
        return False
    if label == "source":
        if tail.source and (_UPLOADED.match(text) or text.isdigit() or _languages(text)):
            return False
        tail.source = f"{tail.source}\n{paragraph}" if tail.source else paragraph
    elif label == "archive" and _value_like(text):
        tail.archive = text
    elif label == "rights":
        tail.rights.append(paragraph)
    elif label == "uploaded" and _UPLOADED.match(text) and not tail.uploaded:
        tail.uploaded = text
    elif label == "type" and _short(text) and not text.isdigit() and not tail.type:
        tail.type = text
    elif label == "language" and (codes := _languages(text)) is not None:
        tail.languages.extend(code for code in codes if code not in tail.languages)
    elif label == "record_id" and _RECORD_ID.match(text) and not tail.record_id:
        tail.record_id = text
    else:
        return False
    return True


def _inline(paragraph: str) -> tuple[str, str] | None:
    """Split "Record ID: 113729" or "Type Telegram" written on one line."""
    if "\n" in paragraph:
        return None
    for label in sorted(_LABELS, key=len, reverse=True):
        match = re.match(rf"^{re.escape(label)}\s*:?\s+(\S.*)$", paragraph.strip(), re.IGNORECASE)
        if match and (label != "source" or ":" in paragraph[: len(label) + 2]):
            return _LABELS[label], match.group(1)
    return None


def read_tail(paragraphs: list[str], tail: Tail) -> None:
    """Read the paragraphs after "Document Information" (or from the first tail label) into `tail`.

    Args:
        paragraphs: the tail paragraphs, without the "Document Information" heading.
        tail: receives what the paragraphs say.
    """
    current = ""
    for number, paragraph in enumerate(paragraphs):
        key = label_key(paragraph)
        if key in _LABELS:
            current = _LABELS[key]
            continue
        if key in _HEADINGS or key == _DOCUMENT_INFORMATION:
            current = ""
            continue
        label, value = current, paragraph
        inline = _inline(paragraph)
        if inline is not None and inline[0] != current:
            label, value = inline
        last = number == len(paragraphs) - 1
        if label and _take(label, value, tail):
            continue
        if not _classify(value, tail, last):
            tail.ignored.append(value)


@dataclass(frozen=True)
class CitationBlock:
    """The old layout's citation: the source it carries and the Record ID in its address."""

    index: int
    source: str
    record_id: str


def find_citation(paragraphs: list[str], start: int) -> CitationBlock | None:
    """Find the old layout's quoted citation ("<title>," <date>, ... Digital Archive, <source>).

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
            index=index, source=rest.strip().removesuffix("."), record_id=record_id
        )
    return None
