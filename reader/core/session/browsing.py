"""The archive browser's state: the arrangement of the catalog's entries.

The tree is rebuilt only when the entries change (not when the list's filter does); the
related documents of the open one come from it.
"""

from __future__ import annotations

from reader.core.events import Event
from reader.core.provenance.arrangement import Arrangement, Related, build_arrangement
from reader.core.session.catalog import Catalog


class Browsing:
    """The tree archive → fond → opis → delo over every document of a catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.changed: Event[None] = Event()  # the tree is new
        self._catalog = catalog
        self._generation = -1
        self._arrangement: Arrangement | None = None
        catalog.changed.connect(self._on_catalog_changed)

    def _on_catalog_changed(self, _: None) -> None:
        if self._catalog.generation != self._generation:
            self._arrangement = None
            self.changed.emit(None)

    @property
    def arrangement(self) -> Arrangement:
        """The tree of the catalog's entries as they are now (built once per change)."""
        if self._arrangement is None:
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
