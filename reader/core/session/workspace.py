"""One running Diglot: its core objects, and the core commands that act on them.

The window and the tests drive the same object. Commands that need a widget (scrolling,
focus, dialogs) are bound by the UI wiring; everything decided by the core is bound here.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import weakref
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.align.store import AlignmentStore
from reader.core.annotations.schema import SchemaError
from reader.core.annotations.store import AnnotationStore
from reader.core.commands.keyfile import load_keymap
from reader.core.commands.keymap import Keymap, default_commands
from reader.core.commands.registry import CommandError, CommandRegistry
from reader.core.document import Document
from reader.core.events import Event
from reader.core.index.job import IndexJob
from reader.core.index.types import DocumentEntry, IndexDamaged, QueryError
from reader.core.library.collection import Library
from reader.core.library.page_files import ImportReport
from reader.core.page.dates import date_span
from reader.core.provenance.formats import CITATION_FORMATS, citation_format
from reader.core.session.annotating import AnnotationSession
from reader.core.session.annotation_actions import AnnotationActions
from reader.core.session.annotation_terms import split_terms
from reader.core.session.appearance import Appearance
from reader.core.session.browsing import Browsing
from reader.core.session.catalog import Catalog
from reader.core.session.opening import Opening
from reader.core.session.reading import ReadingState
from reader.core.session.search import SearchResults, SearchSession, find_text
from reader.core.session.sentence_links import Defer, SentenceLinks
from reader.core.session.timeline import Timeline, timeline_commands
from reader.core.text_range import Pane, TextRange

if TYPE_CHECKING:
    from reader.core.index.search_index import SearchIndex

Progress = Callable[[int, int, str], None]


class Workspace:
    """The library, index, list, reading view, search and appearance of one session."""

    def __init__(self, home: Path, keymap: Keymap | None = None) -> None:
        """Build the core objects over the data directory `home`; nothing slow happens here.

        Args:
            home: the data directory (library, index); see `library.data_home`.
            keymap: the keymap to use; by default the user's keys.toml over the defaults,
                whose problems are then in `keymap_problems`.
        """
        self.home = Path(home)
        self.library = Library(self.home)
        self._index: SearchIndex | None = None
        self._index_lock = threading.Lock()
        self._home_thread = threading.current_thread()
        self._threads = threading.local()  # per thread: its own annotation store connection
        self.catalog = Catalog()
        self.browsing = Browsing(self.catalog)  # the archive's arrangement of the catalog
        self.timeline = Timeline(self.catalog)  # its dates, and the range filtering the list
        self.alignments = AlignmentStore(self.home)
        # The view scrolls by the real alignment, corrections included; `links` answers for
        # the view's own texts and is built on the view, hence the late-bound aligner.
        self.reading = ReadingState(aligner=lambda a, b: self.links.paragraph_aligner(a, b))
        self.links = SentenceLinks(self.reading, self.alignments)
        self.session = SearchSession()
        self.message: Event[str] = Event()  # one line for the status bar
        # Apart from the search index: a rebuilt index never touches what the reader wrote.
        self.annotation_problem = ""  # why annotations are not being kept, if they are not
        self.annotations = AnnotationSession(self.reading, self.links, self._annotation_store())
        self.annotating = AnnotationActions(self.annotations, self.message)
        self.appearance = Appearance()
        self.keymap_problems: list[str] = []
        if keymap is None:
            keymap, self.keymap_problems = load_keymap()
        self.keymap = keymap
        self.registry = CommandRegistry(default_commands())
        self.opening = Opening(self.library, self.catalog, self.reading, self.alignments,
                               self.message)
        self.clipboard: Event[str] = Event()  # text the user asked to copy
        self._bind_commands()

    def _annotation_store(self) -> AnnotationStore:
        try:
            return AnnotationStore(self.home)
        except (SchemaError, OSError) as error:
            # A read-only data folder, or a database from a newer Diglot: the window still
            # opens, the file is left as it is, and highlights made now last this session.
            self.annotation_problem = (f"Annotations cannot be saved this session: {error}")
            scratch = Path(tempfile.mkdtemp(prefix="diglot-annotations-"))
            weakref.finalize(self, shutil.rmtree, scratch, ignore_errors=True)
            return AnnotationStore(scratch)

    @property
    def index(self) -> SearchIndex:
        """The search index, made on first use.

        Importing whoosh takes a noticeable part of start-up, and the first frame needs no
        index, so it happens here, usually on the thread that first reads the index.
        """
        with self._index_lock:
            if self._index is None:
                from reader.core.index.search_index import SearchIndex

                self._index = SearchIndex(self.home)
            return self._index

    # Slow work: plain functions the UI runs off its thread.

    def index_job(self) -> IndexJob:
        """An index update in a child process, for a window (see `reader.core.index.job`)."""
        return IndexJob(self.home, self.library.seeds)

    def add_entries(self, entries: list[DocumentEntry], *, announce: bool = True) -> None:
        """Add or replace list entries (see `Catalog.add_entries`)."""
        self.opening.add_entries(entries, announce=announce)

    def records_by_path(self) -> dict[str, str]:
        """The listed documents' ids by their file's path, e.g. to name an import's duplicates."""
        return self.opening.records_by_path()

    def run_search(
        self, query: str, limit: int = 50, spelling: bool | None = None
    ) -> SearchResults:
        """Search the index and the reader's annotations (`annotation_query`).

        A bad query comes back as an error, never as an exception. Runs on any thread.
        `spelling` (default: the session's) also finds names in other spellings.
        """
        spelling = self.session.spelling if spelling is None else spelling
        try:
            terms = split_terms(query)
            hits: list[Any] = []
            if terms.rest.strip():
                hits = self.index.search(terms.rest, limit=limit,
                                         alignments=self.alignments.stored, spelling=spelling)
            from reader.core.session.annotation_query import with_annotations  # whoosh's hits

            titles = {doc_id: entry.title for doc_id, entry in dict(self.opening.entries).items()}
            found = with_annotations(hits, terms, self._annotations_here(), titles, limit)
            return SearchResults(query, tuple(found))
        except QueryError as error:
            return SearchResults(query, error=str(error))
        except IndexDamaged as error:
            return SearchResults(query, error="The index is damaged: rebuilding it from the "
                                 "library", damage=str(error))

    def _annotations_here(self) -> AnnotationStore:
        """The annotation store for this thread: an SQLite connection serves one thread."""
        if threading.current_thread() is self._home_thread:
            return self.annotations.store
        store: AnnotationStore | None = getattr(self._threads, "annotations", None)
        if store is None:
            # The same file as the window's (a scratch one when that cannot be saved).
            store = self._threads.annotations = AnnotationStore(self.annotations.store.path.parent)
        return store

    def prepare_reading(self, doc_id: str | None = None) -> None:
        """Load ahead what opening a document loads (see `Opening.prepare`); off the GUI."""
        self.opening.prepare(doc_id)

    def import_files(self, paths: list[Path]) -> ImportReport:
        """Copy pages into the user's library; the index is updated separately."""
        return self.library.import_files(paths)

    # Quick work, on whatever thread calls it.

    def load_entries(self) -> list[DocumentEntry]:
        """What the index holds, for the document list (reads the index: run it off the GUI)."""
        return self.index.documents()

    def title_of(self, doc_id: str) -> str:
        """A listed document's title, else its id (a document gone from the library)."""
        return self.opening.title_of(doc_id)

    def retain_entries(self, ids: Collection[str]) -> None:
        """Drop from the list every document whose id is not in `ids`."""
        self.opening.retain_entries(ids)

    def set_background(self, defer: Defer | None) -> None:
        """Let slow work (reading a big page, aligning a huge one) run away from this thread.

        Args:
            defer: runs `work(progress)` elsewhere and `then(result)` back here; None (the
                default) does everything on the calling thread.
        """
        self.opening.defer = defer
        self.links.defer = defer

    def open_document(self, doc_id: str) -> Document | None:
        """Parse a listed document and show it; a file that no longer reads is reported.

        A page over `opening.BIG_PAGE_BYTES` is read in the background when `set_background`
        allows it: this returns None at once and shows the document when it is read.
        """
        return self.opening.open(doc_id)

    def step_document(self, delta: int) -> Document | None:
        """Open the document `delta` rows away in the list as it is filtered and sorted."""
        return self.opening.step(delta)

    def show_matches(self, query: str, near: TextRange | None = None) -> None:
        """Mark where the open document matches a search, for n/N and the highlights.

        Args:
            query: the search.
            near: n/N start at the first match in this range's pane and paragraph, if any.
        """
        document = self.reading.document
        if document is None:
            self.session.set_matches([])
            return
        try:
            words = split_terms(query).rest  # what the reader wrote is not in the text
            ranges = self.index.match_ranges(words, document, self.reading.translation_index,
                                             self.session.spelling)
        except QueryError:
            ranges = []  # the search said what is wrong with it; nothing to mark
        here = [m for m in ranges if near is not None and (m.pane, m.paragraph) == near[:2]]
        self.session.set_matches(ranges, here[0] if here else None)

    def open_hit(self, row: int) -> TextRange | None:
        """Open search result `row` with every match marked, n/N starting in its paragraph.

        Returns:
            Where the hit is (its pane and paragraph), for the window to scroll to; None when
            the row is not a result, the document cannot be opened, or the hit is in the
            metadata rather than in a text.
        """
        hits = self.session.results.hits
        if not 0 <= row < len(hits):
            return None
        hit = hits[row]
        if self.open_document(hit.id) is None:
            return None
        place = None
        if hit.pane in ("original", "translation") and hit.paragraph is not None:
            pane: Pane = "original" if hit.pane == "original" else "translation"
            place = TextRange(pane, hit.paragraph, 0, 0)
        self.show_matches(self.session.query, place)
        return place

    def find_in_document(self, needle: str) -> list[TextRange]:
        """Case-insensitive find in the open document's shown texts (Ctrl+F)."""
        document = self.reading.document
        ranges = find_text(document, needle, self.reading.translation_index) if document else []
        self.session.set_matches(ranges)
        return ranges

    def run_command(self, name: str) -> bool:
        """Run the command `name` however it was asked for (key, menu, palette, button).

        The one place a `CommandError` (an unknown or unbound command, a key file naming a
        command this version lacks) becomes a line in the status bar instead of a traceback.

        Returns:
            Whether the command ran.
        """
        try:
            self.registry.run(name)
        except CommandError as error:
            self.message.emit(str(error))
            return False
        return True

    def citation(self, fmt: str) -> str:
        """The open document's citation in the format named `fmt` (see `CITATION_FORMATS`)."""
        if self.reading.document is None:
            raise ValueError("no document is open")
        return citation_format(fmt).write(self.reading.document, "")

    def copy_citation(self, fmt: str) -> str:
        """Put the open document's citation on the clipboard, and say so."""
        if self.reading.document is None:
            self.message.emit("Open a document to cite it")
            return ""
        text = self.citation(fmt)
        self.clipboard.emit(text)
        self.message.emit(f"Copied the citation ({citation_format(fmt).label})")
        return text

    def cycle_theme(self) -> None:
        """Step to the next theme and say in the status bar which one is on.

        The first step may change nothing visible: the desktop's scheme and the light theme
        often look alike, so the message is the reader's only sign that it worked.
        """
        theme = self.appearance.cycle_theme()
        self.message.emit("Theme: system (follows the desktop)" if theme == "system"
                          else f"Theme: {theme}")  # fmt: skip

    def next_translation(self) -> None:
        """Show the document's next translation, when it has several."""
        document = self.reading.document
        if document and len(document.translations) > 1:
            following = (self.reading.translation_index + 1) % len(document.translations)
            self.reading.set_translation(following)
        else:
            self.message.emit("This document has one translation")

    def cycle_search_scope(self) -> None:
        """Step where the search looks (anywhere, originals, translations), and say so."""
        scope = self.session.cycle_scope()
        self.message.emit("Searching " + {"anywhere": "everywhere", "original": "the originals",
                                          "translation": "the translations"}[scope])

    def step_sentence(self, delta: int) -> TextRange | None:
        """Move the sentence cursor in the focused pane; say so when its link is doubtful."""
        sentence = self.links.step(delta)
        if sentence is None:
            self.message.emit("No sentences to move through here")
            return None
        self.message.emit(self.links.describe(sentence))
        return sentence

    def link_selection(self, ranges: list[TextRange]) -> None:
        """Link by hand what is selected in the two panes (see `SentenceLinks.link`)."""
        try:
            self.message.emit(self.links.link(ranges))
        except ValueError as error:
            self.message.emit(str(error))

    def unlink_sentence(self) -> None:
        """Separate the sentence under the cursor from its counterparts, and say so."""
        try:
            self.message.emit(self.links.unlink_cursor())
        except ValueError as error:
            self.message.emit(str(error))

    def _bind_commands(self) -> None:
        view, bind = self.reading, self.registry.register
        bindings: dict[str, Callable[..., Any]] = {
            "next-document": lambda: self.step_document(1),
            "previous-document": lambda: self.step_document(-1),
            "switch-pane": view.switch_pane,
            "toggle-scroll-lock": view.toggle_scroll_lock,
            "zoom-in": view.zoom_in,
            "zoom-out": view.zoom_out,
            "zoom-reset": view.zoom_reset,
            "cycle-theme": self.cycle_theme,
            "swap-panes": view.swap,
            "toggle-orientation": view.toggle_orientation,
            "show-original-only": lambda: view.show_only("original"),
            "show-translation-only": lambda: view.show_only("translation"),
            "show-both": view.show_both,
            "next-translation": self.next_translation,
            "next-match": lambda: self.session.step(1),
            "previous-match": lambda: self.session.step(-1),
            "cycle-search-scope": self.cycle_search_scope,
            "toggle-spelling": self.session.toggle_spelling,
            "next-sentence": lambda: self.step_sentence(1),
            "previous-sentence": lambda: self.step_sentence(-1),
            "unlink-sentence": self.unlink_sentence,
            "undo": self.annotating.undo,
            "redo": self.annotating.redo,
        }
        bindings |= timeline_commands(self.timeline, self._open_day)
        for cited in CITATION_FORMATS:
            bindings[cited.command] = lambda fmt=cited.name: self.copy_citation(fmt)
        for name, handler in bindings.items():
            bind(name, handler)


    def _open_day(self) -> int | None:
        document = self.reading.document
        span = date_span(document.date.iso, document.date.precision) if document else None
        return span[0] if span else None
