"""The annotation database's schema, as numbered migrations (PRAGMA user_version counts them)."""

from __future__ import annotations

import sqlite3

from reader.core.annotations.model import DEFAULT_CATEGORIES

FILE_NAME = "annotations.sqlite3"

# Each migration is a list of statements run in one transaction; never edit a released one,
# append another. Triggers keep the FTS5 table of notes, tags and quotes in step.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE categories (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            colour TEXT NOT NULL,
            position INTEGER NOT NULL)""",
        """CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            document TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            side TEXT NOT NULL CHECK (side IN ('original', 'translation')),
            translation INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL,
            suffix TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            paragraph INTEGER NOT NULL,
            category INTEGER NOT NULL REFERENCES categories(id) ON DELETE RESTRICT,
            note TEXT NOT NULL,
            tags TEXT NOT NULL,
            created TEXT NOT NULL,
            modified TEXT NOT NULL,
            status TEXT NOT NULL
                CHECK (status IN ('anchored', 'moved', 'fuzzy', 'orphaned')))""",
        "CREATE INDEX annotations_by_document ON annotations(document)",
        "CREATE INDEX annotations_by_category ON annotations(category)",
        """CREATE VIRTUAL TABLE annotation_text USING fts5(
            note, tags, exact, content='annotations',
            tokenize='unicode61 remove_diacritics 2')""",
        """CREATE TRIGGER annotations_ai AFTER INSERT ON annotations BEGIN
            INSERT INTO annotation_text(rowid, note, tags, exact)
            VALUES (new.rowid, new.note, new.tags, new.exact);
        END""",
        """CREATE TRIGGER annotations_ad AFTER DELETE ON annotations BEGIN
            INSERT INTO annotation_text(annotation_text, rowid, note, tags, exact)
            VALUES ('delete', old.rowid, old.note, old.tags, old.exact);
        END""",
        """CREATE TRIGGER annotations_au AFTER UPDATE ON annotations BEGIN
            INSERT INTO annotation_text(annotation_text, rowid, note, tags, exact)
            VALUES ('delete', old.rowid, old.note, old.tags, old.exact);
            INSERT INTO annotation_text(rowid, note, tags, exact)
            VALUES (new.rowid, new.note, new.tags, new.exact);
        END""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(Exception):
    """The database cannot be used: made by a newer Diglot, or not an annotation database."""


def migrate(connection: sqlite3.Connection, name: str) -> None:
    """Bring the database up to `SCHEMA_VERSION`, one transaction per migration.

    The first migration also writes the default categories.

    Args:
        connection: an autocommit connection (isolation_level None).
        name: the file, for messages.

    Raises:
        SchemaError: when the database is newer than this Diglot knows.
    """
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise SchemaError(f"{name}: annotations saved by a newer Diglot (schema {version}, "
                          f"this one reads up to {SCHEMA_VERSION})")
    for number in range(version, SCHEMA_VERSION):
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[number]:
                connection.execute(statement)
            if number == 0:
                connection.executemany(
                    "INSERT INTO categories(name, colour, position) VALUES (?, ?, ?)",
                    [(n, c, i) for i, (n, c) in enumerate(DEFAULT_CATEGORIES)])
            connection.execute(f"PRAGMA user_version = {number + 1}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
