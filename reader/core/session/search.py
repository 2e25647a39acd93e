"""A search as the user runs it: the query, its hits, and the matches stepped through with n/N."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from reader.core.document import Document
from reader.core.events import Event
from reader.core.index.scope import Scope, next_scope, scope_of, with_scope
from reader.core.session.annotation_terms import with_annotated_only
from reader.core.text_range import TextRange

SearchAspect = Literal["results", "matches", "current", "draft", "spelling"]


class SearchHit(Protocol):
    """What the session needs of an index hit."""

    @property
    def id(self) -> str:
        """The document id."""

    @property
    def pane(self) -> str:
        """"original", "translation" or "metadata"."""

    @property
    def paragraph(self) -> int | None:
        """The paragraph of the pane where the best match is."""


@dataclass(frozen=True)
class SearchResults:
    """The answer to one query: hits, or the reason the query could not run."""

    query: str
    hits: tuple[SearchHit, ...] = ()
    error: str = ""
    damage: str = ""  # the index is damaged (see `IndexDamaged`): it wants rebuilding


def find_text(document: Document, needle: str, translation: int = 0) -> list[TextRange]:
    """Every case-insensitive occurrence of `needle` in the original and one translation.

    Args:
        document: the open document.
        needle: the text to find, as typed; blank finds nothing.
        translation: which of the document's translations is shown.

    Returns:
        Ranges in reading order: the original's first, then the translation's.
    """
    if not needle.strip():
        return []
    folded = needle.casefold()
    ranges: list[TextRange] = []
    for pane, text in document.pane_texts(translation):
        for number, paragraph in enumerate(text.paragraphs):
            # casefold() can change lengths (ß -> ss); fall back to lower() offsets then.
            haystack = paragraph.casefold()
            if len(haystack) != len(paragraph):
                haystack, folded_needle = paragraph.lower(), needle.lower()
            else:
                folded_needle = folded
            start = haystack.find(folded_needle)
            while start >= 0 and folded_needle:
                ranges.append(TextRange(pane, number, start, start + len(folded_needle)))
                start = haystack.find(folded_needle, start + len(folded_needle))
    return ranges


class SearchSession:
    """The latest query, its results, and the matches in the open document.

    Queries may be answered out of order (they run off the GUI thread); results for a
    query other than the latest one asked are dropped.
    """

    def __init__(self) -> None:
        self.changed: Event[SearchAspect] = Event()
        self.query = ""
        self.draft = ""  # the search field's text as typed, asked or not
        self.results = SearchResults("")
        self.matches: tuple[TextRange, ...] = ()
        self.current = -1
        # Names also found in other spellings (Khrushchev: Хрущёв, Chruschtschow); a query
        # word written `=word` is exact whatever this says.
        self.spelling = True

    def set_spelling(self, on: bool) -> None:
        """Turn spelling-blind matching on or off (the caller runs the query again)."""
        if on != self.spelling:
            self.spelling = on
            self.changed.emit("spelling")

    def toggle_spelling(self) -> None:
        """Flip spelling-blind matching (the "toggle-spelling" command)."""
        self.set_spelling(not self.spelling)

    def ask(self, query: str) -> bool:
        """Record the query the user now wants; False when it is blank (nothing to run)."""
        self.query = query
        if not query.strip():
            self.results = SearchResults(query)
            self.changed.emit("results")
            return False
        return True

    def edit(self, text: str) -> None:
        """Record what the search field holds now (the field's own edits: no event)."""
        self.draft = text

    @property
    def scope(self) -> Scope:
        """Where the query in the field searches: "anywhere", "original" or "translation"."""
        return scope_of(self.draft)

    def set_scope(self, scope: Scope) -> None:
        """Limit the field's query to one side's texts (or none) by rewriting its `in:` term.

        The field shows the new text ("draft") and asks it as it asks anything typed.
        """
        self.draft = with_scope(self.draft, scope)
        self.changed.emit("draft")

    def set_annotated_only(self, on: bool) -> None:
        """Limit the field's query to annotated documents (`annotated:yes`), or stop."""
        self.draft = with_annotated_only(self.draft, on)
        self.changed.emit("draft")

    def cycle_scope(self) -> Scope:
        """Step the scope: anywhere, originals, translations, anywhere again."""
        self.set_scope(next_scope(self.scope))
        return self.scope

    def answer(self, results: SearchResults) -> bool:
        """Take the results of a query; stale answers are ignored. True when taken."""
        if results.query != self.query:
            return False
        self.results = results
        self.changed.emit("results")
        return True

    def set_matches(self, matches: Sequence[TextRange], first: TextRange | None = None) -> None:
        """The matches to step through in the open document; `first` becomes current."""
        self.matches = tuple(matches)
        self.current = self.matches.index(first) if first in self.matches else (
            0 if self.matches else -1
        )
        self.changed.emit("matches")

    def step(self, delta: int) -> TextRange | None:
        """Move to the next (delta=1) or previous (-1) match, wrapping around the document."""
        if not self.matches:
            return None
        self.current = (self.current + delta) % len(self.matches)
        self.changed.emit("current")
        return self.matches[self.current]

    @property
    def current_match(self) -> TextRange | None:
        """The match the user is on, if any."""
        return self.matches[self.current] if 0 <= self.current < len(self.matches) else None
