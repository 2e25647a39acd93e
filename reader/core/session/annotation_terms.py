"""Annotation terms in a search query's text: `note:`, `annotated:`, `category:`.

Read and written here without whoosh (the window's search field uses them at start-up); what
they mean for a search is `annotation_query`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.index.types import QueryError

ANNOTATION_FIELDS = ("note", "annotated", "category")
_TERM = re.compile(r'"[^"]*"|(?<![\w:])(note|annotated|category):("[^"]*"|[^\s()"]+)',
                   re.IGNORECASE)
_FIELDED_OR_QUOTED = re.compile(r'"[^"]*"|\S+:\S*')
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
_YES = {"yes": True, "true": True, "no": False, "false": False}


@dataclass(frozen=True)
class AnnotationTerms:
    """A query split: `rest` for the index, and what it asks of the annotations."""

    rest: str
    notes: str = ""
    annotated: bool | None = None
    category: str = ""

    @property
    def filters(self) -> bool:
        """Whether the query asks anything of the annotations."""
        return bool(self.notes) or self.annotated is not None or bool(self.category)


def split_terms(query: str) -> AnnotationTerms:
    """Take the annotation terms out of a query (quoted phrases are left alone).

    Raises:
        QueryError: for an `annotated:` value other than yes or no.
    """
    notes: list[str] = []
    found: dict[str, str] = {}

    def take(match: re.Match[str]) -> str:
        field = match.group(1)
        if field is None:
            return match.group(0)
        value = match.group(2).strip('"').strip()
        if field.lower() == "note":
            notes.append(value)
        else:
            found[field.lower()] = value
        return " "

    rest = " ".join(_TERM.sub(take, query).split())
    annotated = None
    if "annotated" in found:
        annotated = _YES.get(found["annotated"].lower())
        if annotated is None:
            raise QueryError(f"annotated:{found['annotated']} is not yes or no")
    return AnnotationTerms(rest, " ".join(notes), annotated, found.get("category", ""))


def annotated_only(query: str) -> bool:
    """Whether a query's text limits it to annotated documents (`annotated:yes`)."""
    try:
        return split_terms(query).annotated is True
    except QueryError:
        return False


def with_annotated_only(query: str, on: bool) -> str:
    """The query with its `annotated:` terms replaced by `annotated:yes` (or by none)."""
    kept = _TERM.sub(lambda m: m.group(0) if (m.group(1) or "").lower() != "annotated"
                     else " ", query)
    kept = " ".join(kept.split())
    return f"{kept} annotated:yes".strip() if on else kept


def plain_words(query: str) -> str:
    """The query's words that name no field and are no operator: what to look for in notes."""
    kept = _FIELDED_OR_QUOTED.sub(" ", query)
    words = [w.strip("()") for w in kept.split()]
    return " ".join(w for w in words if w and w not in _OPERATORS)
