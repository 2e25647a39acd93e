"""The search index's schema: which fields exist, how each is analysed, what each record holds.

One index record per library file, keyed by its path. A record is one of three kinds:
"doc" (a shown document, fully indexed), "dup" (a hidden copy of a shown document) or "error"
(a file that did not parse). Keeping every file, with its content hash, in the index itself
makes the index its own manifest: one whoosh commit changes both, so they cannot disagree.

A record's small facts (hash, id, title, date, ...) sit as JSON in the column "entry", which
whoosh reads without touching the stored texts: listing 10,000 documents or reading the
manifest stays cheap. The stored field "texts" (the paragraphs) is read only for search hits.
"""

from __future__ import annotations

import datetime
import json
import os
import weakref
from dataclasses import asdict, dataclass
from typing import Any

from whoosh.columns import CompressedBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.formats import Positions

from reader.core.document import Document
from reader.core.index.analysis import (
    FAMILIES,
    WordPositions,
    analyzer_for,
    english_analyzer,
    family_of,
    plain_analyzer,
)
from reader.core.index.spelling_field import SpellingAnalyzer, spelling_value
from reader.core.index.types import DocumentEntry
from reader.core.library.duplicates import DuplicateKeys
from reader.core.provenance.arrangement import Locator, locators_of

# Bump whenever the schema, an analyser or what a record holds changes: older indexes are then
# rebuilt instead of being read with the wrong assumptions. Also when an analyser class moves:
# the index pickles them by module path (3: `reader.core.analysis` became `.index.analysis`;
# 4: entries hold their archival locators, for the archive browser; 5: words are folded (ё,
# pre-1918 letters, diacritics, apostrophes) and names keyed by spelling (the "spelling" field);
# 6: a name in Latin letters no longer also keys without its final vowel; 7: the spelling
# field's terms name the field and the spelling that hold a key, and its analyser moved to
# `spelling_field`; keys of Wade-Giles j, pinyin wu, Hangul w-glides, Hungarian gy; 8: g
# apart from k outside Chinese and Korean syllables, front and back vowels in short keys; 9: a
# final r (р) ends a Korean syllable only in the word Ir (Ир), so Győr keys apart from Корее;
# 10: ISO 9 h for х, German initial st as шт, Hungarian sz cs zs, Kontsevich в as a glide).
SCHEMA_VERSION = 10

KIND_DOC = "doc"
KIND_DUP = "dup"
KIND_ERROR = "error"

PANES = ("original", "translation")


def text_field(pane: str, family: str) -> str:
    """The index field holding a pane's text in one analyser family, e.g. "original_ru"."""
    return f"{pane}_{family}"


TEXT_FIELDS: dict[str, tuple[str, str]] = {
    text_field(pane, family): (pane, family) for pane in PANES for family in FAMILIES
}

# Keys of the names in a record's texts and metadata, whatever their romanisation (see
# `spelling`). Weighted below the words themselves, so exact spellings rank first.
SPELLING_FIELD = "spelling"
SPELLING_BOOST = 0.4

# Searched when a query word names no field.
DEFAULT_FIELDS: tuple[str, ...] = (
    "title",
    "summary",
    *TEXT_FIELDS,
    "source",
    "people",
    "places",
    SPELLING_FIELD,
)

# Query-only names that stand for several index fields.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    pane: tuple(name for name, (p, _) in TEXT_FIELDS.items() if p == pane) for pane in PANES
} | {"language": ("languages",), "archives": ("archive",)}


def build_schema() -> Schema:
    """A fresh schema object (whoosh fields hold state, so schemas are not shared)."""
    fields: dict[str, Any] = {
        "path": ID(unique=True),
        "kind": ID(),
        "id": ID(),
        "entry": COLUMN(CompressedBytesColumn()),
        # (pane, language, paragraphs) per text: snippets and hit paragraphs without re-parsing.
        "texts": STORED(),
        "title": TEXT(analyzer=english_analyzer(), field_boost=2.0),
        "date": DATETIME(),
        "type": TEXT(analyzer=plain_analyzer()),
        "languages": KEYWORD(lowercase=True, commas=True),
        "archive": KEYWORD(lowercase=True, commas=True),
        "archive_name": TEXT(analyzer=english_analyzer()),
        "source": TEXT(analyzer=plain_analyzer()),
        "summary": TEXT(analyzer=english_analyzer()),
        "people": TEXT(analyzer=plain_analyzer()),
        "places": TEXT(analyzer=plain_analyzer()),
        "topics": TEXT(analyzer=plain_analyzer()),
        SPELLING_FIELD: TEXT(analyzer=SpellingAnalyzer(), phrase=False, field_boost=SPELLING_BOOST),
    }
    for name, (_, family) in TEXT_FIELDS.items():
        # Scripts without spaces come out of the analyser as several bigrams per query word;
        # they must stay adjacent, hence a phrase.
        multitoken = "phrase" if family == "cjk" else "default"
        fields[name] = TEXT(analyzer=analyzer_for(family), multitoken_query=multitoken)
    for field in fields.values():
        if type(getattr(field, "format", None)) is Positions:
            field.format = WordPositions(field_boost=field.format.field_boost)
    return Schema(**fields)


def _date_value(document: Document) -> datetime.datetime | None:
    iso = document.date.iso
    if not iso:
        return None
    try:
        year, month, day = ([int(part) for part in iso.split("-")] + [1, 1])[:3]
        # A year-only or month-only date indexes at its first day; range queries on whole
        # years and months (`date:1950`, `date:[1950 TO 1951]`) therefore still match it.
        return datetime.datetime(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class IndexEntry:
    """The small facts of one record, kept in the "entry" column."""

    path: str
    kind: str
    hash: str
    id: str = ""
    record_key: str = ""
    title_key: str = ""
    duplicate_of: str = ""  # dup: the path of the shown copy
    reason: str = ""  # error: why the file did not parse
    title: str = ""
    date_text: str = ""
    date_iso: str | None = None
    date_precision: str = "unknown"
    type: str = ""
    archive_codes: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    locators: tuple[tuple[str, ...], ...] = ()  # `Locator.to_list` of each archival citation

    @property
    def keys(self) -> DuplicateKeys:
        """The duplicate-detection keys of the record's document."""
        return DuplicateKeys(record=self.record_key, title=self.title_key)

    def to_bytes(self) -> bytes:
        """Compact JSON for the column.

        A file name that is not valid UTF-8 reaches us with its odd bytes surrogate-escaped
        (as `os.fsdecode` does); they are written back as those very bytes, so the entry
        names the file exactly and valid names are stored as they always were.
        """
        data = {k: v for k, v in asdict(self).items() if v not in ("", (), None, "unknown")}
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        try:
            return text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a surrogate no file name makes: JSON's own escapes
            return json.dumps(data, separators=(",", ":")).encode("ascii")

    @classmethod
    def from_bytes(cls, data: bytes) -> IndexEntry:
        """Read an entry written by `to_bytes`."""
        raw = json.loads(data.decode("utf-8", "surrogateescape"))
        raw["archive_codes"] = tuple(raw.get("archive_codes", ()))
        raw["languages"] = tuple(raw.get("languages", ()))
        raw["locators"] = tuple(tuple(locator) for locator in raw.get("locators", ()))
        return cls(**raw)


def path_term(path: str) -> str:
    """The "path" field's term for a file path.

    whoosh keeps terms as UTF-8. A name that is not valid UTF-8 (its bytes surrogate-escaped)
    is kept as its bytes in hex after a NUL, which no real path holds, so terms stay unique.
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return "\0" + os.fsencode(path).hex()
    return path


def term_path(term: str) -> str:
    """The file path a `path_term` stands for."""
    return os.fsdecode(bytes.fromhex(term[1:])) if term.startswith("\0") else term


def document_record(document: Document, path: str, content_hash: str) -> dict[str, Any]:
    """The index record (whoosh field values) of a shown document."""
    keys = DuplicateKeys.of(document)
    archive_codes = tuple(_unique(c.archive_code for c in document.source.citations))
    entry = IndexEntry(
        path=path,
        kind=KIND_DOC,
        hash=content_hash,
        id=document.id,
        record_key=keys.record,
        title_key=keys.title,
        title=document.title,
        date_text=document.date.text,
        date_iso=document.date.iso,
        date_precision=document.date.precision,
        type=document.type,
        archive_codes=archive_codes,
        languages=document.detected_languages,
        locators=tuple(tuple(loc.to_list()) for loc in locators_of(document.source.citations)),
    )
    record: dict[str, Any] = {
        "path": path_term(path),
        "kind": KIND_DOC,
        "id": document.id,
        "entry": entry.to_bytes(),
        "title": document.title,
        "texts": [],
    }
    languages = [*document.detected_languages, *document.languages]
    _put(record, "languages", ",".join(language.lower() for language in languages))
    _put(record, "archive", ",".join(archive_codes))
    _put(record, "type", document.type)
    names = _unique(c.archive_name for c in document.source.citations)
    _put(record, "archive_name", "\n".join(names))
    _put(record, "source", document.source.text)
    _put(record, "summary", document.summary)
    _put(record, "people", "\n".join(document.people))
    _put(record, "places", "\n".join(document.places))
    _put(record, "topics", "\n".join(document.topics))
    date = _date_value(document)
    if date is not None:
        record["date"] = date
    spelled = [("title", document.title), *(("people", name) for name in document.people),
               *(("places", name) for name in document.places)]  # fmt: skip
    panes = [("original", document.original)] if document.original else []
    panes += [("translation", text) for text in document.translations]
    for pane, text in panes:
        record["texts"].append((pane, text.language, tuple(text.paragraphs)))
        name = text_field(pane, family_of(text.language))
        # Two texts of one pane in one family (rare) share the field.
        joined = text.full_text
        record[name] = f"{record[name]}\n\n{joined}" if name in record else joined
        spelled.append((name, joined))
    _put(record, SPELLING_FIELD, spelling_value(spelled))
    return record


def duplicate_record(
    path: str, content_hash: str, doc_id: str, keys: DuplicateKeys, kept: str
) -> dict[str, Any]:
    """The index record of a hidden copy: enough to re-decide duplicates without parsing."""
    entry = IndexEntry(
        path=path,
        kind=KIND_DUP,
        hash=content_hash,
        id=doc_id,
        record_key=keys.record,
        title_key=keys.title,
        duplicate_of=kept,
    )
    return {"path": path_term(path), "kind": KIND_DUP, "entry": entry.to_bytes()}


def error_record(path: str, content_hash: str, reason: str) -> dict[str, Any]:
    """The index record of a file that did not parse, so it is not re-parsed until it changes."""
    entry = IndexEntry(path=path, kind=KIND_ERROR, hash=content_hash, reason=reason)
    return {"path": path_term(path), "kind": KIND_ERROR, "entry": entry.to_bytes()}


def _put(record: dict[str, Any], name: str, value: str) -> None:
    if value.strip():
        record[name] = value


def _unique(values: Any) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen


def entries_of(reader: Any) -> list[IndexEntry]:
    """Every record's entry in a whoosh reader (the manifest is faster: see index_manifest)."""
    column = reader.column_reader("entry")
    return [IndexEntry.from_bytes(column[docnum]) for docnum in reader.all_doc_ids()]


def document_entry(entry: IndexEntry) -> DocumentEntry:
    """What the document list shows of a record."""
    return DocumentEntry(
        id=entry.id,
        title=entry.title,
        date_text=entry.date_text,
        date_iso=entry.date_iso,
        date_precision=entry.date_precision,
        type=entry.type,
        archives=entry.archive_codes,
        languages=entry.languages,
        locators=tuple(Locator.from_list(values) for values in entry.locators),
        path=entry.path,
        content_hash=entry.hash,
    )


_entry_columns: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


def entry_column(reader: Any) -> Any:
    """The "entry" column of a whoosh reader, opened once per reader."""
    # Opening the column reads where every record's entry starts: once per reader, not per
    # search (the cache lets a closed reader go).
    column = _entry_columns.get(reader)
    if column is None:
        column = _entry_columns[reader] = reader.column_reader("entry")
    return column
