"""The baseline: SQLite FTS5 (standard library, unicode61 tokenizer) over the same text fields."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from reader.core.document import Document

COLUMNS = ("title", "summary", "original", "translation", "source", "people", "places", "type",
           "archive")  # fmt: skip


def fts_row(document: Document, path: str) -> tuple[Any, ...]:
    """The FTS5 row of a document: the fields our index searches, plus path and date."""
    original = document.original.full_text if document.original else ""
    translation = "\n\n".join(text.full_text for text in document.translations)
    archives = " ".join(c.archive_code for c in document.source.citations)
    return (
        path, document.date.iso or "", document.title, document.summary, original, translation,
        document.source.text, "\n".join(document.people), "\n".join(document.places),
        document.type, archives,
    )


def create(db: Path) -> sqlite3.Connection:
    db.unlink(missing_ok=True)
    connection = sqlite3.connect(db)
    columns = ", ".join(COLUMNS)
    connection.execute(
        f"CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, date UNINDEXED, {columns}, "
        "tokenize='unicode61')"
    )
    return connection


def insert(connection: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    marks = ", ".join("?" * (len(COLUMNS) + 2))
    with connection:
        connection.executemany(f"INSERT INTO docs VALUES ({marks})", rows)


def search(connection: sqlite3.Connection, query: str, limit: int = 50) -> list[Any]:
    """A MATCH query (or a date range "date:A..B") returning path, score and a snippet."""
    if query.startswith("date:"):
        low, high = query[5:].split("..")
        sql = ("SELECT path, 0, snippet(docs, -1, '[', ']', '…', 12) FROM docs "
               "WHERE date >= ? AND date < ? LIMIT ?")  # fmt: skip
        return connection.execute(sql, (low, high, limit)).fetchall()
    sql = ("SELECT path, bm25(docs), snippet(docs, -1, '[', ']', '…', 12) FROM docs "
           "WHERE docs MATCH ? ORDER BY rank LIMIT ?")  # fmt: skip
    return connection.execute(sql, (query, limit)).fetchall()
