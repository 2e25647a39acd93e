"""The archive browser's state: the arrangement of the catalog's entries.

The tree is rebuilt only when the entries change (not when the list's filter does); the
related documents of the open one come from it. At 50,000 documents a build takes a second or
two (bench/timeline.py), so the window hands builds to a worker (`set_background`): meanwhile
the previous tree stays in use, and `changed` announces the new one.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.core.events import Event
from reader.core.provenance.arrangement import Arrangement, Related, build_arrangement
from reader.core.session.catalog import Catalog

# Runs `work()` elsewhere, then `then(result)` back on this thread (and `then(None)` on failure).
Background = Callable[[Callable[[], Arrangement], Callable[[Arrangement | None], None]], object]


class Browsing:
    """The tree archive → fond → opis → delo over every document of a catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.changed: Event[None] = Event()  # the tree is new
        self._catalog = catalog
        self._generation = -1
        self._arrangement: Arrangement | None = None
        self._background: Background | None = None
        self._building = False
        catalog.changed.connect(self._on_catalog_changed)

    def set_background(self, run: Background | None) -> None:
        """Build trees with `run` from now on (None: on the calling thread, when asked)."""
        self._background = run
        if run is not None:
            self._schedule()

    def _on_catalog_changed(self, _: None) -> None:
        if self._catalog.generation == self._generation:
            return
        if self._background is not None:
            self._schedule()
        else:
            self._arrangement = None
            self.changed.emit(None)

    def _schedule(self) -> None:
        if self._building or self._background is None:
            return  # the build running is followed by another if the entries moved on
        if self._arrangement is not None and self._generation == self._catalog.generation:
            return
        generation, entries = self._catalog.generation, self._catalog.entries()
        self._building = True
        self._background(lambda: build_arrangement(entries),
                         lambda tree: self._built(generation, tree))

    def _built(self, generation: int, tree: Arrangement | None) -> None:
        self._building = False
        if tree is None:  # the build failed: the next change of entries tries again
            return
        self._arrangement, self._generation = tree, generation
        self.changed.emit(None)
        self._schedule()

    @property
    def arrangement(self) -> Arrangement:
        """The tree of the catalog's entries (built once per change).

        With a background builder, the last tree built (an empty one before the first),
        never a wait.
        """
        if self._arrangement is None:
            if self._background is not None:
                return Arrangement()
            self._generation = self._catalog.generation
            self._arrangement = build_arrangement(self._catalog.entries())
        return self._arrangement

    def related(self, doc_id: str, limit: int = 50) -> list[Related]:
        """Documents near `doc_id` in the arrangement, nearest first (see `Arrangement.related`).

        Args:
            doc_id: the open document.
            limit: at most this many.
        """
        return self.arrangement.related(doc_id, limit)
