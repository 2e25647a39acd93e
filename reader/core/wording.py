"""How counts read in messages to the user: "1 document", "3 documents", "2 hits of 5"."""

from __future__ import annotations


def plural(count: int, noun: str, many: str = "") -> str:
    """A count with its noun: 1 document, 2 documents; `many` for an irregular plural."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"
