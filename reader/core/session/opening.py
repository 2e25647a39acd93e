"""Opening: the documents the list holds, and the opening of one of them.

What the list holds comes from the index (`DocumentEntry`, one per document); opening one
parses its page, from what `prepare` parsed ahead when the file is unchanged, or away from
the window's thread when the page is big, and shows it in the reading state.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from reader.core.align.store import AlignmentStore
from reader.core.document import Document
from reader.core.events import Event
from reader.core.index.types import DocumentEntry
from reader.core.library.collection import Library
from reader.core.page.errors import PageError
from reader.core.session.alignment_index import warm_provisional
from reader.core.session.catalog import Catalog
from reader.core.session.reading import ReadingState
from reader.core.session.sentence_links import Defer
from reader.core.text.latin_language import latin_language

BIG_PAGE_BYTES = 1_000_000  # pages this big are read away from the window's thread


class Opening:
    """The list's entries by id, and opening them into the reading state."""

    def __init__(self, library: Library, catalog: Catalog, reading: ReadingState,
                 alignments: AlignmentStore, message: Event[str]) -> None:
        """Open into `reading` the documents of `catalog`, saying in `message` what fails."""
        self.library = library
        self.catalog = catalog
        self.reading = reading
        self.alignments = alignments
        self.message = message
        self.entries: dict[str, DocumentEntry] = {}
        # (id, path, file stamp, document) that `prepare` parsed for the next opening.
        self._prepared: tuple[str, str, tuple[int, int], Document] | None = None
        self.defer: Defer | None = None  # see `Workspace.set_background`
        self._opening: str | None = None  # a big page being read away from this thread

    def add_entries(self, entries: list[DocumentEntry], *, announce: bool = True) -> None:
        """Add or replace list entries (see `Catalog.add_entries`)."""
        self.entries.update((entry.id, entry) for entry in entries)
        self.catalog.add_entries(entries, announce=announce)

    def records_by_path(self) -> dict[str, str]:
        """The listed documents' ids by their file's path, e.g. to name an import's duplicates."""
        return {entry.path: doc_id for doc_id, entry in self.entries.items()}

    def title_of(self, doc_id: str) -> str:
        """A listed document's title, else its id (a document gone from the library)."""
        entry = self.entries.get(doc_id)
        return entry.title if entry else doc_id

    def retain_entries(self, ids: Collection[str]) -> None:
        """Drop from the list every document whose id is not in `ids`."""
        self.entries = {doc_id: e for doc_id, e in self.entries.items() if doc_id in ids}
        self.catalog.retain(ids)

    def prepare(self, doc_id: str | None = None) -> None:
        """Load ahead what opening a document loads, so that the opening only shows it.

        That is the language identifier (for the first opening of a run) and, given a listed
        document, its page parsed and its texts aligned, kept for `open`. Run it off the GUI
        thread while there is time, e.g. before opening the first listed document.
        """
        latin_language("a warm-up")
        entry = self.entries.get(doc_id) if doc_id else None
        if entry is None:
            return
        from reader.core.page.parser import parse_page

        path = Path(entry.path)
        try:
            stamp = _stamp(path)
            document = parse_page(path)
        except (PageError, OSError):
            return  # the opening itself says what is wrong
        if document.original is not None and document.translations:
            self.alignments.computed(document.original, document.translations[0])
        self._prepared = (entry.id, str(path), stamp, document)

    def open(self, doc_id: str) -> Document | None:
        """Parse a listed document and show it; a file that no longer reads is reported.

        A page over `BIG_PAGE_BYTES` is read in the background when `defer` is set: this
        returns None at once, says so in the status bar and shows the document when it is
        read (unless another was opened meanwhile).
        """
        from reader.core.page.parser import parse_page  # the first frame needs no parser

        entry = self.entries.get(doc_id)
        prepared, self._prepared = self._prepared, None
        self._opening = None
        if entry and self.defer is not None and not (prepared and prepared[0] == doc_id):
            size = _size(Path(entry.path))
            if size > BIG_PAGE_BYTES:
                self._opening = doc_id
                self.message.emit(f"Opening {Path(entry.path).name} ({size / 1e6:.1f} MB)…")
                path = Path(entry.path)
                self.defer(lambda _progress: _read(path),
                           lambda result: self._opened(doc_id, result))  # fmt: skip
                return None
        try:
            if entry and prepared and prepared[:2] == (doc_id, entry.path) and (
                prepared[2] == _stamp(Path(entry.path))
            ):
                document = prepared[3]  # parsed ahead, and the file is as it was then
            elif entry:
                document = parse_page(Path(entry.path))
            else:
                document = self.library.document(doc_id)
        except (PageError, KeyError, OSError) as error:
            self.message.emit(f"Cannot open {doc_id}: {error}")
            return None
        self.reading.set_document(document)
        return document

    def _opened(self, doc_id: str, result: Document | Exception) -> None:
        if self._opening != doc_id:
            return  # another document was opened while this one was read
        self._opening = None
        if isinstance(result, Exception):
            self.message.emit(f"Cannot open {doc_id}: {result}")
            return
        self.reading.set_document(result)
        self.message.emit(f"Opened {Path(result.file).name}")

    def step(self, delta: int) -> Document | None:
        """Open the document `delta` rows away in the list as it is filtered and sorted."""
        visible = self.catalog.visible()
        if not visible:
            return None
        current = self.reading.document.id if self.reading.document else None
        row = self.catalog.index_of(current, visible) if current else -1
        target = (0 if delta > 0 else len(visible) - 1) if row < 0 else row + delta
        if not 0 <= target < len(visible):
            self.message.emit("No more documents" if delta > 0 else "Already at the first")
            return None
        return self.open(visible[target].id)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the opening itself says what is wrong


def _read(path: Path) -> Document | Exception:
    from reader.core.page.parser import parse_page

    try:
        document = parse_page(path)
    except (PageError, OSError) as error:
        return error
    warm_provisional(document)  # here, not on the window's thread when the page arrives
    return document


def _stamp(path: Path) -> tuple[int, int]:
    status = path.stat()
    return status.st_size, status.st_mtime_ns
