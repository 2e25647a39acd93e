"""The document model: an archive record, its texts and its provenance, as frozen dataclasses."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

from reader.core.text_range import Pane

DatePrecision = Literal["day", "month", "year", "unknown"]


@dataclass(frozen=True)
class DocumentDate:
    """A date as the page wrote it, with the precision it actually gave."""

    text: str = ""
    iso: str | None = None  # "1950-10-01", "1967-11" or "1958"; None when unknown
    precision: DatePrecision = "unknown"

    @property
    def sort_key(self) -> str:
        """A string that sorts dates chronologically; unknown dates sort last."""
        return self.iso or "9999"


@dataclass(frozen=True)
class Text:
    """One rendition of the document: the original transcript or a translation."""

    language: str  # ISO 639-1 code, "" when unknown
    paragraphs: tuple[str, ...]

    @property
    def full_text(self) -> str:
        """All paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Citation:
    """One archival (or published) source named in a page's source string."""

    text: str
    archive: str = ""  # as written, e.g. "AP RF"
    archive_code: str = ""  # canonical code, e.g. "APRF"
    archive_name: str = ""  # full name in English
    archive_name_original: str = ""  # full name in the archive's own language
    fond: str = ""
    opis: str = ""
    delo: str = ""
    folios: str = ""  # list/listy
    pages: str = ""
    papka: str = ""
    por: str = ""
    box: str = ""
    file: str = ""
    other: str = ""  # whatever is left of this citation's text


@dataclass(frozen=True)
class Source:
    """The source string as written, split into citations plus a remainder (credits, notes)."""

    text: str = ""
    citations: tuple[Citation, ...] = ()
    remainder: str = ""


@dataclass(frozen=True)
class Document:
    """An archive record as Diglot reads it."""

    id: str
    title: str
    date: DocumentDate = field(default_factory=DocumentDate)
    type: str = ""
    summary: str = ""
    credit: str = ""  # "This document was made possible with support from ..."
    original: Text | None = None
    translations: tuple[Text, ...] = ()
    languages: tuple[str, ...] = ()  # as declared by the page's "Language" field
    record_id: str = ""
    uploaded: str = ""
    rights: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    donors: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    source: Source = field(default_factory=Source)
    file: str = ""
    content_hash: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def texts(self) -> tuple[Text, ...]:
        """The original (when present) followed by the translations."""
        return ((self.original,) if self.original else ()) + self.translations

    def pane_texts(self, translation: int = 0) -> tuple[tuple[Pane, Text], ...]:
        """The texts the split view shows: the original and one translation, with their panes.

        Args:
            translation: which translation; clamped to the ones there are.
        """
        shown: list[tuple[Pane, Text]] = []
        if self.original:
            shown.append(("original", self.original))
        if self.translations:
            index = min(max(translation, 0), len(self.translations) - 1)
            shown.append(("translation", self.translations[index]))
        return tuple(shown)

    @property
    def detected_languages(self) -> tuple[str, ...]:
        """Languages of the texts as detected, original first, without repeats."""
        seen: list[str] = []
        for text in self.texts:
            if text.language and text.language not in seen:
                seen.append(text.language)
        return tuple(seen)


_NON_WORD = re.compile(r"[\W_]+")


def normalise_title(title: str) -> str:
    """Fold a title for comparison: case, accents, punctuation and spacing are ignored."""
    if title.isascii():  # most titles: nothing to decompose, and casefold is lower
        return _NON_WORD.sub(" ", title.lower()).strip()
    folded = unicodedata.normalize("NFKD", title).casefold()
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", folded).strip()


def document_id(record_id: str, title: str, date: DocumentDate) -> str:
    """The stable id of a document: its Record ID, else a hash of normalised title and date.

    Args:
        record_id: the archive's Record ID, "" when the page gave none.
        title: the title as written.
        date: the document date.

    Returns:
        The record id itself, or "h" followed by 12 hex digits.
    """
    if record_id:
        return record_id
    key = f"{normalise_title(title)}|{date.iso or date.text.strip().casefold()}"
    return "h" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def dedup_key(document: Document) -> str:
    """The key under which two saved copies of one record are the same document."""
    if document.record_id:
        return "record:" + document.record_id
    return "title:" + normalise_title(document.title) + "|" + (document.date.iso or "")


def _text_to_dict(text: Text) -> dict[str, Any]:
    return {"language": text.language, "paragraphs": list(text.paragraphs)}


def _citation_to_dict(citation: Citation) -> dict[str, Any]:
    return {
        "text": citation.text,
        "archive": citation.archive,
        "archive_code": citation.archive_code,
        "archive_name": citation.archive_name,
        "archive_name_original": citation.archive_name_original,
        "fond": citation.fond,
        "opis": citation.opis,
        "delo": citation.delo,
        "folios": citation.folios,
        "pages": citation.pages,
        "papka": citation.papka,
        "por": citation.por,
        "box": citation.box,
        "file": citation.file,
        "other": citation.other,
    }


def document_to_dict(document: Document) -> dict[str, Any]:
    """The document as plain JSON-ready data, with the keys `diglot show --json` documents."""
    return {
        "id": document.id,
        "title": document.title,
        "date": {
            "text": document.date.text,
            "iso": document.date.iso,
            "precision": document.date.precision,
        },
        "type": document.type,
        "record_id": document.record_id,
        "uploaded": document.uploaded,
        "summary": document.summary,
        "credit": document.credit,
        "languages": list(document.languages),
        "authors": list(document.authors),
        "donors": list(document.donors),
        "people": list(document.people),
        "places": list(document.places),
        "topics": list(document.topics),
        "original": _text_to_dict(document.original) if document.original else None,
        "translations": [_text_to_dict(t) for t in document.translations],
        "source": {
            "text": document.source.text,
            "citations": [_citation_to_dict(c) for c in document.source.citations],
            "remainder": document.source.remainder,
        },
        "rights": "\n\n".join(document.rights),
        "file": document.file,
        "content_hash": document.content_hash,
        "warnings": list(document.warnings),
    }
