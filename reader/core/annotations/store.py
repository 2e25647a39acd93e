"""AnnotationStore: annotations and categories in SQLite, in the data directory.

One file, `<home>/annotations.sqlite3`, apart from the search index (a rebuilt index never
touches it). WAL journal, foreign keys on, synchronous FULL: each user change is one
transaction, and a committed one survives the process being killed at any moment.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from reader.core.annotations.model import Anchor, Annotation, Category
from reader.core.annotations.schema import FILE_NAME, SchemaError, migrate

_COLUMNS = ("id, document, content_hash, side, translation, exact, prefix, suffix, start, "
            '"end", paragraph, category, note, tags, created, modified, status')
# An update in place (not INSERT OR REPLACE, whose implicit delete fires no trigger) keeps the
# FTS table in step through annotations_au.
_UPSERT = (f"INSERT INTO annotations({_COLUMNS}) VALUES ({', '.join('?' * 17)}) "
           "ON CONFLICT(id) DO UPDATE SET " + ", ".join(
               f"{c.strip()} = excluded.{c.strip()}" for c in _COLUMNS.split(",")[1:]))
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_WORD = re.compile(r"\w+")

Record = Annotation | Category


class StoreError(Exception):
    """A change the store refuses (a category name taken, a category still in use)."""


class AnnotationStore:
    """The annotation database of one data directory."""

    def __init__(self, home: Path) -> None:
        """Open (creating and migrating when needed) `<home>/annotations.sqlite3`.

        Raises:
            SchemaError: when the file is from a newer Diglot or not a database.
        """
        home.mkdir(parents=True, exist_ok=True)
        self.path = home / FILE_NAME
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA synchronous=FULL")
            migrate(self._db, str(self.path))
        except sqlite3.DatabaseError as error:
            raise SchemaError(f"{self.path}: not an annotation database ({error})") from None

    def close(self) -> None:
        """Close the database; the store is unusable afterwards."""
        self._db.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside commits together or not at all."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # Categories -------------------------------------------------------------------------------
    def categories(self) -> list[Category]:
        """Every category, in the user's order."""
        rows = self._db.execute("SELECT id, name, colour FROM categories ORDER BY position, id")
        return [Category(int(i), str(n), str(c)) for i, n, c in rows]

    def category(self, key: int | str) -> Category | None:
        """The category with this id, or this name (case-insensitive); None when there is none."""
        for category in self.categories():
            if category.id == key or (isinstance(key, str)
                                      and category.name.casefold() == key.casefold()):
                return category
        return None

    def new_category(self, name: str, colour: str) -> Category:
        """A category not yet stored, with a fresh id; `write` stores it.

        Raises:
            StoreError: when the name is blank or taken, or the colour not "#rrggbb".
        """
        self._check_category(name, colour, None)
        row = self._db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM categories").fetchone()
        return Category(int(row[0]), name.strip(), colour)

    def _check_category(self, name: str, colour: str, own_id: int | None) -> None:
        if not name.strip():
            raise StoreError("a category needs a name")
        if not _COLOUR.fullmatch(colour):
            raise StoreError(f"colour {colour!r} is not #rrggbb")
        taken = self.category(name.strip())
        if taken is not None and taken.id != own_id:
            raise StoreError(f"there is already a category {taken.name!r}")

    def in_use(self, category: int) -> int:
        """How many annotations are of `category`."""
        row = self._db.execute("SELECT COUNT(*) FROM annotations WHERE category = ?",
                               (category,)).fetchone()
        return int(row[0])

    def annotations_of(self, category: int) -> list[Annotation]:
        """Every annotation of `category`, across the library."""
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM annotations WHERE category = ? "
                                "ORDER BY document, side, translation, start, id", (category,))
        return [_annotation(row) for row in rows]

    # Annotations ------------------------------------------------------------------------------
    def annotations(self, document: str | None = None) -> list[Annotation]:
        """Every annotation of `document` (of the whole library when None), in text order."""
        if document is None:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM annotations "
                                    "ORDER BY document, side, translation, start, id")
        else:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM annotations WHERE document = ? "
                                    "ORDER BY side, translation, start, id", (document,))
        return [_annotation(row) for row in rows]

    def get(self, annotation_id: str) -> Annotation | None:
        """The annotation with this id, or None."""
        row = self._db.execute(f"SELECT {_COLUMNS} FROM annotations WHERE id = ?",
                               (annotation_id,)).fetchone()
        return _annotation(row) if row else None

    def write(self, puts: Iterable[Record] = (), deletes: Iterable[Record] = ()) -> None:
        """Store and delete records in ONE transaction: a user change is all of it or none.

        Categories are put before annotations (which may name them) and deleted after them.

        Raises:
            StoreError: when a category name is taken or a deleted category is still in use.
        """
        puts, deletes = list(puts), list(deletes)
        try:
            with self.transaction() as db:
                for record in puts:
                    if isinstance(record, Category):
                        self._check_category(record.name, record.colour, record.id)
                        _put_category(db, record)
                for record in puts:
                    if isinstance(record, Annotation):
                        db.execute(_UPSERT, _row(record))
                for record in deletes:
                    if isinstance(record, Annotation):
                        db.execute("DELETE FROM annotations WHERE id = ?", (record.id,))
                for record in deletes:
                    if isinstance(record, Category):
                        db.execute("DELETE FROM categories WHERE id = ?", (record.id,))
        except sqlite3.IntegrityError as error:
            raise StoreError(f"the change was refused: {error}") from None

    # Search -----------------------------------------------------------------------------------
    def search(self, query: str, category: int | None = None, limit: int = 200
               ) -> list[Annotation]:
        """Annotations whose note, tags or quote hold every word of `query` (prefixes match).

        Args:
            query: words as the user typed them; punctuation and operators are ignored.
            category: only annotations of this category when given.
            limit: at most this many, best first.
        """
        words = _WORD.findall(query)
        if not words:
            return []
        match = " ".join(f'"{word}"*' for word in words)
        sql = (f"SELECT {', '.join('a.' + c.strip() for c in _COLUMNS.split(','))} "
               "FROM annotation_text JOIN annotations a ON a.rowid = annotation_text.rowid "
               "WHERE annotation_text MATCH ?")
        parameters: list[Any] = [match]
        if category is not None:
            sql += " AND a.category = ?"
            parameters.append(category)
        sql += " ORDER BY bm25(annotation_text, 4.0, 2.0, 1.0) LIMIT ?"
        parameters.append(limit)
        return [_annotation(row) for row in self._db.execute(sql, parameters)]

    def documents(self, category: int | None = None) -> set[str]:
        """The ids of documents with at least one annotation (of `category` when given)."""
        if category is None:
            rows = self._db.execute("SELECT DISTINCT document FROM annotations")
        else:
            rows = self._db.execute("SELECT DISTINCT document FROM annotations "
                                    "WHERE category = ?", (category,))
        return {str(row[0]) for row in rows}

    def integrity(self) -> str:
        """`PRAGMA integrity_check`'s answer: "ok" for a sound database."""
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])


def _put_category(db: sqlite3.Connection, category: Category) -> None:
    position = db.execute("SELECT position FROM categories WHERE id = ?",
                          (category.id,)).fetchone()
    if position is None:
        # Beside the category of the next lower id (ties sort by id): a new category goes
        # last, and one brought back by an undo goes back where it was, so keys 1-9 keep
        # meaning what they meant.
        position = db.execute("SELECT COALESCE(MAX(position), -1) FROM categories "
                              "WHERE id < ?", (category.id,)).fetchone()
    db.execute("INSERT INTO categories(id, name, colour, position) VALUES (?, ?, ?, ?) "
               "ON CONFLICT(id) DO UPDATE SET name = excluded.name, colour = excluded.colour",
               (category.id, category.name, category.colour, position[0]))


def _row(a: Annotation) -> tuple[Any, ...]:
    anchor = a.anchor
    return (a.id, a.document, a.content_hash, a.side, a.translation, anchor.exact,
            anchor.prefix, anchor.suffix, anchor.start, anchor.end, anchor.paragraph,
            a.category, a.note, json.dumps(list(a.tags), ensure_ascii=False), a.created,
            a.modified, a.status)


def _annotation(row: Sequence[Any]) -> Annotation:
    (id_, document, content_hash, side, translation, exact, prefix, suffix, start, end,
     paragraph, category, note, tags, created, modified, status) = row
    # Built without the dataclasses' __init__ (a frozen one sets each field through
    # object.__setattr__): a document's hundreds of annotations load at every opening, and this
    # was a third of it. SQLite hands back ints for the INTEGER columns; every field is set
    # (test_store checks the fields against the dataclass).
    anchor = _bare(Anchor)
    _set(anchor, "__dict__", {"exact": exact, "prefix": prefix, "suffix": suffix,
                              "start": start, "end": end, "paragraph": paragraph})
    annotation = _bare(Annotation)
    _set(annotation, "__dict__", {
        "id": id_, "document": document, "content_hash": content_hash, "side": side,
        "translation": translation, "anchor": anchor, "category": category, "note": note,
        "tags": () if tags == "[]" else tuple(json.loads(tags)), "created": created,
        "modified": modified, "status": status})
    return annotation


_bare = object.__new__
_set = object.__setattr__
