"""Where a query looks: `in:original` or `in:translation` limits its words to one side's texts.

The query text is the one record of the scope (the search field's menu rewrites it), so a
query typed, pasted, run from the CLI or chosen from the menu means the same. This module
reads and writes the term in text and never imports whoosh: the window uses it at start-up.
The parser applies it (`reader.core.index.query`).
"""

from __future__ import annotations

import re
from typing import Literal

from reader.core.index.types import QueryError

Scope = Literal["anywhere", "original", "translation"]
SCOPES: tuple[Scope, ...] = ("anywhere", "original", "translation")
SCOPE_FIELD = "in"
_NAMES: dict[str, Scope] = {
    "anywhere": "anywhere", "any": "anywhere", "all": "anywhere",
    "original": "original", "originals": "original",
    "translation": "translation", "translations": "translation",
}
# An `in:` term outside quotes, not glued to a word before it (`within:x` is not one).
_TERM = re.compile(r'"[^"]*"|(?<![\w:])in:(\w*)', re.IGNORECASE)


def scope_named(word: str) -> Scope:
    """The scope an `in:` term's value names.

    Raises:
        QueryError: for a value that names no scope.
    """
    scope = _NAMES.get(word.lower())
    if scope is None:
        raise QueryError(f"in:{word} is not a place to search; use in:original or "
                         "in:translation")
    return scope


def scope_of(query: str) -> Scope:
    """The scope a query's text asks for: its last valid `in:` term, else "anywhere"."""
    found: Scope = "anywhere"
    for match in _TERM.finditer(query):
        word = match.group(1)
        if word is not None and word.lower() in _NAMES:
            found = _NAMES[word.lower()]
    return found


def with_scope(query: str, scope: Scope) -> str:
    """The query with its `in:` terms replaced by one for `scope` (none for "anywhere")."""
    kept = _TERM.sub(lambda m: m.group(0) if m.group(1) is None else "", query)
    kept = " ".join(kept.split())
    if scope == "anywhere":
        return kept
    return f"{kept} {SCOPE_FIELD}:{scope}".strip()


def next_scope(scope: Scope) -> Scope:
    """The scope after `scope`, for a command that steps through them."""
    return SCOPES[(SCOPES.index(scope) + 1) % len(SCOPES)]
