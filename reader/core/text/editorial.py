"""Editorial apparatus in a paragraph: what editors and translators added to the text.

The reader styles these spans quietly so the document's own words stand out; the text itself
is never changed.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

Kind = Literal[
    "insertion",  # [Stalin], Com[rade], [from Sochi]
    "uncertain",  # [?], [illegible]
    "elision",  # [...]
    "handwritten",  # [handwritten: ...]
    "stamp",  # [stamp: ...]
    "note",  # [Translator's note: ...], [Editor's note: ...]
    "sic",  # [sic], [... - SIC]
    "footnote",  # [1], x/
    "page",  # (p. 1), [page break], //
]


class EditorialSpan(NamedTuple):
    """Characters `start` to `end` (exclusive) of a paragraph are apparatus of `kind`."""

    start: int
    end: int
    kind: Kind


# One bracket level only: nested brackets are rare and the outer one carries the meaning.
_BRACKETED = re.compile(r"\[([^\[\]\n]*)\]|[〔【]([^〔〕【】\n]*)[〕】]")
_FOOTNOTE_MARK = re.compile(r"(?<![\w/])x{1,3}/(?![\w/])")
_PAGE_MARK = re.compile(
    r"\((?:p|pp|page|pages|стр|с|l|ll|list)\.?\s*\d+(?:\s*[-–]\s*\d+)?\)", re.IGNORECASE
)
# "//" alone between words marks a page break; "http://" and "1//2" must not match.
_SLASHES = re.compile(r"(?:(?<=\s)|^)//(?=\s|$)")

_ELISION = re.compile(r"^\s*(?:\.\s*){3,}\s*$|^\s*…\s*$")
_FOOTNOTE = re.compile(r"^\s*(?:\d{1,3}[a-z]?|\*{1,3}|[ivx]{1,4})\s*$")
_UNCERTAIN = re.compile(
    r"^\s*\?\s*$|^\s*(?:illegible|unclear|indecipherable|неразборчиво|нрзб\.?)\b", re.IGNORECASE
)
_SIC = re.compile(r"\bsic\b", re.IGNORECASE)
_PREFIXES: tuple[tuple[re.Pattern[str], Kind], ...] = (
    (re.compile(r"^\s*hand[- ]?written\b", re.IGNORECASE), "handwritten"),
    (re.compile(r"^\s*(?:stamp|seal|штамп|печать)\b", re.IGNORECASE), "stamp"),
    (re.compile(r"^\s*(?:translator|editor|compiler)s?['’]?s? note\b|^\s*note\s*:", re.I), "note"),
    (re.compile(r"^\s*(?:page break|end of page|page \d+|p\. ?\d+)\b", re.IGNORECASE), "page"),
)
# Cloudflare's stand-in for an e-mail address is page furniture, not an editor's insertion.
_NOT_APPARATUS = frozenset({"email protected", "email\xa0protected"})


def classify_bracket(content: str) -> Kind | None:
    """The kind of apparatus a bracketed insertion is, from its content.

    Args:
        content: the text between the brackets.

    Returns:
        The kind, or None when the brackets are not apparatus (empty, or an e-mail stand-in).
    """
    if not content.strip() or content.strip() in _NOT_APPARATUS:
        return None
    if _ELISION.match(content):
        return "elision"
    if _FOOTNOTE.match(content):
        return "footnote"
    if _UNCERTAIN.match(content):
        return "uncertain"
    for pattern, kind in _PREFIXES:
        if pattern.match(content):
            return kind
    if _SIC.search(content):
        return "sic"
    return "insertion"


def editorial_spans(paragraph: str) -> list[EditorialSpan]:
    """Find the editorial apparatus in a paragraph.

    Args:
        paragraph: one paragraph as the Document holds it (it may contain newlines).

    Returns:
        Non-overlapping spans sorted by start; offsets index `paragraph` directly.
    """
    spans: list[EditorialSpan] = []
    for match in _BRACKETED.finditer(paragraph):
        content = match.group(1) if match.group(1) is not None else match.group(2)
        kind = classify_bracket(content)
        if kind is not None:
            spans.append(EditorialSpan(match.start(), match.end(), kind))
    for match in _FOOTNOTE_MARK.finditer(paragraph):
        spans.append(EditorialSpan(match.start(), match.end(), "footnote"))
    for pattern in (_PAGE_MARK, _SLASHES):
        for match in pattern.finditer(paragraph):
            spans.append(EditorialSpan(match.start(), match.end(), "page"))
    spans.sort()
    # Drop any span starting inside an earlier one (a "(p. 2)" inside "[stamp: ... (p. 2)]").
    kept: list[EditorialSpan] = []
    for span in spans:
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept
