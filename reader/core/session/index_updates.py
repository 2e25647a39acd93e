"""When the window indexes, when it shows a listing, what it opens first: its rules, Qt-free.

The window runs updates in the index process (`reader.core.index.job`) and shows listings a
slice at a time; this object decides, so that tests drive the rules without a window:

- one update at a time: asked again while one runs, another follows it, told every file any
  of the requests named (or everything, when one named none), and any damage a search found;
- a long update ends by opening a document, so its language model is loaded meanwhile, once;
- the index's own first listing is shown only until an update's listing has been;
- the document to open first is the one the last session showed, once it is listed, else the
  first in the list;
- an import's summary is said again, with the document count, when the update ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.index.types import UpdateReport
from reader.core.wording import plural

PREPARE_FOR = 50  # files an update parses; fewer end too soon to load anything ahead


@dataclass(frozen=True)
class UpdateRequest:
    """An update to start: the files that may have changed (None: look at all), and damage."""

    changed: tuple[Path, ...] | None = None
    damaged: str = ""


class IndexUpdates:
    """The window's index updates: what runs, what follows, and what the status bar says."""

    def __init__(self, place_document: str = "") -> None:
        """Start with no update running.

        Args:
            place_document: the document the last session showed ("" for none), opened
                first once a listing holds it.
        """
        self.running = False  # an update's process is at work
        self.indexing = False  # an update runs, or its listing is still being shown
        self.place_document = place_document
        self._again = False
        self._again_changed: set[Path] | None = set()  # None: everything
        self._damaged = ""
        self._listed = False  # an update's listing has been shown
        self._prepared = False
        self._import_summary = ""
        self._last_said = ""  # the import summary the status bar last carried
        self._last_documents = -1  # and the document count it said

    def request(
        self, changed: Iterable[Path] | None = None, damaged: str = ""
    ) -> UpdateRequest | None:
        """Ask for an update; the one to start now, or None when it waits for the running one.

        Args:
            changed: the only files that may have changed (an import, the file watcher), or
                None when any may have.
            damaged: what a reader found damaged in the index: the update rebuilds it.
        """
        if self.running:
            self._again = True
            if changed is None or self._again_changed is None:
                self._again_changed = None
            else:
                self._again_changed.update(changed)
            self._damaged = self._damaged or damaged
            return None
        damaged, self._damaged = self._damaged or damaged, ""
        self.running = self.indexing = True
        self._again, self._again_changed = False, set()
        return UpdateRequest(None if changed is None else tuple(changed), damaged)

    def ended(self, *, failed: bool = False, shutting_down: bool = False) -> UpdateRequest | None:
        """The running update ended; the update to start next, if one was asked for meanwhile.

        Args:
            failed: it failed (no listing follows, so the window is no longer indexing).
            shutting_down: the window is closing: nothing follows.
        """
        self.running = False
        if failed:
            self.indexing = False
        if not self._again or shutting_down:
            return None
        again = self._again_changed
        return self.request(None if again is None else sorted(again))

    def prepare_now(self, total: int, document_open: bool) -> bool:
        """Whether to load ahead what opening a document needs (once, for a long update)."""
        if total >= PREPARE_FOR and not self._prepared and not document_open:
            self._prepared = True
            return True
        return False

    def show_listing(self, final: bool) -> bool:
        """Whether to show a listing: an update's (`final`) always, the index's own only first."""
        if not final and self._listed:
            return False  # the index's first listing came after an update's: it is older
        self._listed = self._listed or final
        return True

    def listing_shown(self, final: bool) -> None:
        """An update's listing is in the list: indexing ends unless another update began."""
        if final:
            self.indexing = self.running

    def first_document(
        self, listed: Sequence[str], final: bool, visible: Sequence[str]
    ) -> str | None:
        """The document to open once a listing is shown, or None to wait for a later one.

        Args:
            listed: the ids of the listing just shown.
            final: whether it is an update's listing (the whole index, after the update).
            visible: the ids the list shows, in its order.
        """
        wanted = self.place_document
        if wanted and (final or wanted in listed):
            return wanted
        if wanted:
            return None  # not listed yet: wait for the listing that has it
        return visible[0] if visible else None

    def opened_place(self) -> None:
        """The last session's document was opened (or could not be): forget it."""
        self.place_document = ""

    def imported(self, summary: str) -> None:
        """An import's summary, said again when the update that follows it ends."""
        self._import_summary = summary

    def status_line(self, report: UpdateReport) -> str:
        """The status bar's line when an update ends (and the import summary, said once).

        An update that found nothing to change (the folder watch noticing the import's own
        files, say) keeps the summary the line last carried: it has nothing newer to say.
        """
        said, self._import_summary = self._import_summary, ""
        quiet = not (report.added or report.changed or report.removed or report.errors
                     or report.damage or report.rebuilt or report.unreadable)
        if not said and quiet and report.documents == self._last_documents:
            said = self._last_said
        self._last_said, self._last_documents = said, report.documents
        damage = report.damage_line()
        problems = len(report.errors)
        return (
            (f"{said} " if said else "")
            + (f"{damage[0].upper()}{damage[1:]}: " if damage else "")
            + plural(report.documents, "document")
            + (f"; {plural(problems, 'file')} could not be read" if problems else "")
            + (f"; index rebuilt ({report.rebuilt_because})" if report.rebuilt_because else "")
            + (f"; {report.unreadable[0]} cannot be read: its documents are kept as last "
               "indexed" if report.unreadable else "")
        )
