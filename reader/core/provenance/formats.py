"""Citations of a document for pasting into a paper or importing into Zotero.

Four formats: a Chicago (17th ed.) note, BibTeX, RIS and CSL-JSON. Decisions:

* Chicago note, following 14.222 (manuscript collections) and 14.233 (documents consulted online):
  ``"Title," date as written, trans. Translator, source citation, History and Public Policy Program
  Digital Archive, URL.`` A note separates its elements by commas. Without a URL the record is
  identified as "Record ID 113729", the only way to find it again; with one the URL suffices.
* RIS type ``MANSCPT``: Zotero imports it as a Manuscript (``GEN`` would become a journal article),
  which carries archive (``DB``), location in archive (``AV``), manuscript type (``M3``) and call
  number (``CN``, the Record ID).
* BibTeX ``@misc`` keyed ``<author surname or first title word><year>[<first title word>]-<record
  id>``: readable, and unique because the Record ID is unique. Non-ASCII text stays UTF-8.
* CSL-JSON type ``manuscript``; ``issued`` gives only the date parts the page gave.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

from reader.core.document import Document, Source

DIGITAL_ARCHIVE = "History and Public Policy Program Digital Archive"

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_STOPWORDS = frozenset({"a", "an", "the", "on", "of", "from", "to", "in", "and", "for", "by", "re"})
_TRANSLATED_BY = re.compile(r"(?i)\btrans(?:lated|lation|\.)?\b[^.;]*?\bby\s+")
_NAME_END = re.compile(r"(?<!\b[A-Z])\.(?:\s|$)|;|\s+for\s+")
_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def translators(source: Source) -> list[str]:
    """The translators a source string credits ("Translated by Gary Goldberg.").

    Args:
        source: a parsed source.

    Returns:
        The translators' names as written, in order; empty when none is credited.
    """
    found: list[str] = []
    for match in _TRANSLATED_BY.finditer(source.remainder or source.text):
        rest = (source.remainder or source.text)[match.end() :]
        end = _NAME_END.search(rest)
        names = rest[: end.start() if end else len(rest)].strip()
        found.extend(n for n in re.split(r"\s*,\s*|\s+and\s+", names) if n)
    return found


def cited_source(source: Source) -> str:
    """The source citation without credits: as written when nothing was set apart."""
    if not source.remainder:
        return _one_line(source.text).rstrip(" .")
    return "; ".join(_one_line(c.text) for c in source.citations)


def archive_and_location(source: Source) -> tuple[str, str]:
    """The archive and the location within it, as reference managers want them.

    One archival citation gives its archive's English name and the rest of the citation
    ("Fond 45, Opis 1, Delo 336, List 5"). Several give all archive names and all citations as
    written, since each locator belongs to its own archive. A book gives no archive.

    Args:
        source: a parsed source.

    Returns:
        ``(archive, archive_location)``; either may be "".
    """
    names = list(dict.fromkeys(c.archive_name or c.archive for c in source.citations if c.archive))
    if len(source.citations) == 1 and names:
        citation = source.citations[0]
        after = citation.text[citation.text.find(citation.archive) + len(citation.archive) :]
        after = re.sub(r"^\s*\([^()]*\)", "", after)
        return names[0], _one_line(after).strip(" ,:;")
    return "; ".join(names), cited_source(source) if names else ""


def _date_parts(document: Document) -> list[int]:
    iso, precision = document.date.iso, document.date.precision
    if not iso or precision == "unknown":
        return []
    length = {"day": 3, "month": 2, "year": 1}[precision]
    return [int(part) for part in iso.split("-")[:length]]


def _source_note(document: Document) -> str:
    notes = []
    if document.source.text.strip():
        notes.append("Source: " + _one_line(document.source.text).rstrip(" ."))
    if document.record_id:
        notes.append(f"Record ID {document.record_id}")
    return ". ".join(notes) + "." if notes else ""


def chicago_note(document: Document, url: str = "") -> str:
    """A Chicago-style (17th ed.) footnote for the document.

    Args:
        document: the document to cite.
        url: the page's address, when known.

    Returns:
        One line, e.g. ``"Ciphered Telegram, Filippov (Stalin) to Mao Zedong and Zhou Enlai (via
        Roshchin)," October 1, 1950, APRF, Fond 45, ..., History and Public Policy Program Digital
        Archive, Record ID 113729.``
    """
    # Quotation marks inside a quoted title become single ones (Chicago 13.30).
    title = _one_line(document.title).replace('"', "'").replace("“", "‘").replace("”", "’")
    quoted = f'"{title}"' if title[-1:] in "?!" else f'"{title},"'
    parts = [_one_line(document.date.text) or "n.d."]
    names = translators(document.source)
    if names:
        parts.append("trans. " + " and ".join(names))
    source = cited_source(document.source)
    if source:
        parts.append(source)
    parts.append(DIGITAL_ARCHIVE)
    if url:
        parts.append(url)
    elif document.record_id:
        parts.append(f"Record ID {document.record_id}")
    return f"{quoted} {', '.join(parts)}."


def latex_escape(text: str) -> str:
    """Escape the characters LaTeX treats specially; other characters, non-ASCII too, stay."""
    return "".join(_LATEX_SPECIALS.get(ch, ch) for ch in text)


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def bibtex_key(document: Document) -> str:
    """A stable BibTeX key such as "ciphered1950-113729" or "stalin1950ciphered-113729"."""
    words = [_ascii_word(w) for w in re.split(r"[\s\-/]+", document.title)]
    word = next((w for w in words if w and w not in _STOPWORDS), "")
    surname = ""
    if document.authors:
        first = document.authors[0]
        surname = _ascii_word(first.split(",")[0] if "," in first else first.split()[-1])
    year = str(_date_parts(document)[0]) if _date_parts(document) else "nd"
    key = f"{surname}{year}{word}" if surname else f"{word or 'document'}{year}"
    record = re.sub(r"[^A-Za-z0-9]", "", document.record_id)
    return f"{key}-{record}" if record else key


def bibtex(document: Document, url: str = "") -> str:
    """A BibTeX/biblatex ``@misc`` entry for the document.

    Args:
        document: the document to cite.
        url: the page's address, when known.

    Returns:
        The entry, ending in a newline; values are brace-delimited with LaTeX specials escaped.
    """
    parts = _date_parts(document)
    fields: list[tuple[str, str]] = [
        ("author", " and ".join(_one_line(a) for a in document.authors)),
        ("title", _one_line(document.title)),
        ("date", "-".join(f"{p:02d}" for p in parts) if parts else ""),
        ("year", str(parts[0]) if parts else ""),
        ("type", document.type),
        ("howpublished", DIGITAL_ARCHIVE),
        ("translator", " and ".join(translators(document.source))),
        ("language", " and ".join(document.languages)),
        ("abstract", _one_line(document.summary)),
        ("keywords", ", ".join(document.topics)),
        ("note", _source_note(document)),
    ]
    lines = [f"@misc{{{bibtex_key(document)},"]
    lines += [f"  {name} = {{{latex_escape(value)}}}," for name, value in fields if value]
    if len(parts) > 1:
        lines.append(f"  month = {_MONTHS[parts[1] - 1]},")  # a macro, unbraced
    if url:
        # biblatex reads url verbatim; only braces and spaces would break the entry.
        safe = url.replace(" ", "%20").replace("{", "%7B").replace("}", "%7D")
        lines.append(f"  url = {{{safe}}},")
    lines[-1] = lines[-1].rstrip(",")
    return "\n".join([*lines, "}"]) + "\n"


def ris(document: Document, url: str = "") -> str:
    """An RIS record for the document, as Zotero, EndNote and Mendeley import it.

    Args:
        document: the document to cite.
        url: the page's address, when known.

    Returns:
        Tagged lines ``XX  - value`` separated by CRLF (as the RIS specification asks), from
        ``TY  - MANSCPT`` to ``ER  - ``.
    """
    parts = _date_parts(document)
    archive, location = archive_and_location(document.source)
    tags: list[tuple[str, str]] = [("TY", "MANSCPT"), ("TI", document.title)]
    tags += [("AU", name) for name in document.authors]
    tags += [("A4", name) for name in translators(document.source)]
    if parts:
        # YYYY/MM/DD/ with unknown parts left empty, so a month stays a month on import.
        padded = [f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])]
        tags += [("PY", padded[0]), ("DA", "/".join(padded + [""] * (3 - len(padded))) + "/")]
    tags += [
        ("M3", document.type),
        ("AB", document.summary),
        ("DB", archive),
        ("AV", location),
        ("DP", DIGITAL_ARCHIVE),
        ("CN", document.record_id),
        ("LA", ", ".join(document.languages)),
    ]
    tags += [("KW", topic) for topic in document.topics]
    tags += [("N1", _source_note(document)), ("UR", url), ("ID", document.id)]
    lines = [f"{tag}  - {_one_line(value)}" for tag, value in tags if _one_line(value)]
    return "\r\n".join([*lines, "ER  - "]) + "\r\n"


def _csl_name(name: str) -> dict[str, str]:
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        return {"family": family, "given": given}
    return {"literal": name.strip()}


def csl_json(document: Document, url: str = "") -> dict[str, Any]:
    """A CSL-JSON item for the document (serialise a list of such items for Zotero).

    Args:
        document: the document to cite.
        url: the page's address, when known.

    Returns:
        A dict with ``type`` "manuscript"; ``issued`` holds only the date parts given, or the
        date as written under ``literal`` when it could not be read. Empty fields are left out.
    """
    parts = _date_parts(document)
    archive, location = archive_and_location(document.source)
    item: dict[str, Any] = {
        "id": document.id,
        "type": "manuscript",
        "title": _one_line(document.title),
        "author": [_csl_name(a) for a in document.authors],
        "translator": [_csl_name(t) for t in translators(document.source)],
        "genre": document.type,
        "abstract": _one_line(document.summary),
        "archive": archive,
        "archive_location": location,
        "source": DIGITAL_ARCHIVE,
        "call-number": document.record_id,
        "language": ", ".join(document.languages),
        "keyword": ", ".join(document.topics),
        "note": _source_note(document),
        "URL": url,
    }
    if parts:
        item["issued"] = {"date-parts": [parts]}
    elif document.date.text.strip():
        item["issued"] = {"literal": _one_line(document.date.text)}
    return {key: value for key, value in item.items() if value}


FORMATS = ("chicago", "bibtex", "ris", "csl-json")


def format_citation(document: Document, fmt: str, url: str = "") -> str:
    """The document cited in a named format, as text ready for the clipboard.

    Args:
        document: the document to cite.
        fmt: one of `FORMATS`: "chicago", "bibtex", "ris" or "csl-json".
        url: the page's address, when known.

    Returns:
        The citation; CSL-JSON as a one-item JSON array, which is what Zotero imports.

    Raises:
        ValueError: when the format is not one of `FORMATS`.
    """
    if fmt == "chicago":
        return chicago_note(document, url)
    if fmt == "bibtex":
        return bibtex(document, url)
    if fmt == "ris":
        return ris(document, url)
    if fmt == "csl-json":
        return json.dumps([csl_json(document, url)], ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown citation format {fmt!r}; expected one of {', '.join(FORMATS)}")
