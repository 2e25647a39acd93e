"""SentenceLinks: the open document's sentence alignment, as the reader points at it.

It mirrors a `ReadingState`: whatever document and translation the view shows, `SentenceLinks`
answers for them in `TextRange` terms (which sentences a pane holds, which sentences of the
other pane a position corresponds to, how sure the aligner is, what it left unaligned). It also
holds the sentence cursor that `]` and `[` move, and applies the reader's links and unlinks
through the `AlignmentStore`, which keeps them apart from the document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal

from reader.core.align.alignment import (
    Alignment,
    ParagraphAlignment,
    SentenceBead,
    SentenceRef,
)
from reader.core.align.store import AlignmentStore, Progress
from reader.core.document import Document, Text
from reader.core.events import Event
from reader.core.session.alignment_index import (
    IndexedAlignment,
    index_alignment,
    provisional_alignment,
)
from reader.core.session.reading import Aspect, ReadingState
from reader.core.text_range import PANES, Pane, TextRange, other_pane

LinkAspect = Literal["alignment", "cursor"]
# Below this a link is shown as uncertain. Confidences are a logistic of the bead's cost,
# so 0.5 is the cost at which the aligner is as likely wrong as right.
UNCERTAIN_BELOW = 0.5
# Runs work(progress) away from the caller's thread, then then(result) back on it (the window's
# thread pool); None runs nothing away, and every alignment is computed where it is asked for.
Defer = Callable[[Callable[[Progress], Any], Callable[[Any], None]], None]


class SentenceLinks:
    """Sentence correspondence of the document a `ReadingState` shows, and a sentence cursor.

    The alignment is computed lazily and kept for the view's current document and translation,
    so asking on every mouse move costs a dictionary lookup.
    """

    def __init__(self, view: ReadingState, store: AlignmentStore) -> None:
        """Follow `view`; alignments and corrections come from `store`.

        Args:
            view: the reading view whose document and translation are mirrored.
            store: the aligner's cache and the reader's corrections.
        """
        self.changed: Event[LinkAspect] = Event()
        self._view = view
        self._store = store
        self._for: tuple[Document, int] | None = None
        self._alignment: Alignment | None = None
        self._indexed: IndexedAlignment | None = None
        self._sentences: dict[Pane, list[TextRange]] = {pane: [] for pane in PANES}
        self._bead_of: dict[TextRange, SentenceBead] = {}
        self._made_away: IndexedAlignment | None = None  # a huge page's, indexed where aligned
        self._ready: tuple[Document, int] | None = None  # whose came back from there
        self.cursor: TextRange | None = None
        self.defer: Defer | None = None
        self._pending: tuple[Document, int] | None = None  # aligned away from here, not yet back
        view.changed.connect(self._on_view_changed)

    def _on_view_changed(self, aspect: Aspect) -> None:
        if aspect in ("document", "translation"):
            self.cursor = None  # a sentence of another text; views redraw on the view's event
        if aspect == "document":
            self._ready = None  # nor keep a huge page that is no longer shown

    # The alignment ---------------------------------------------------------------------------
    @property
    def alignment(self) -> Alignment | None:
        """The view's document aligned, corrections applied; None when a text is missing."""
        document, index = self._view.document, self._view.translation_index
        if document is None or self._view.original is None or self._view.translation is None:
            return None
        if self._for is None or self._for[0] is not document or self._for[1] != index:
            if self._deferred(document, index):
                return None
            self._index(self._store.alignment(document, index))
            self._for = (document, index)
        return self._alignment

    def _deferred(self, document: Document, index: int) -> bool:
        """Whether a huge document's alignment is being computed away (asked for if not yet).

        Aligning 5 MB takes seconds: the window shows the text meanwhile, scrolling by
        proportion, and takes the alignment when it comes back.
        """
        original, translation = self._view.original, self._view.translation
        if self.defer is None or original is None or translation is None:
            return False
        if self._pending == (document, index):
            return True  # asked for already
        if self._ready == (document, index):
            return False  # come back: the store has it in memory
        from reader.core.align.sections import is_huge

        # Not asking the store whether it has the alignment: that hashes megabytes of text,
        # and reading it from the disk cache is seconds more; the worker does both.
        if not is_huge(original, translation):
            return False
        if self._pending != (document, index):
            self._pending = (document, index)
            store = self._store
            # Aligned in a child process: on a thread here it would hold the interpreter
            # lock against the window for as long as it runs.
            # Indexed there too: 40,000 beads are a tenth of a second of the window's time.
            self.defer(
                lambda progress: index_alignment(
                    store.computed(original, translation, progress, True)
                ),
                lambda indexed: self._aligned(document, index, indexed),
            )
        return True

    def _aligned(self, document: Document, index: int, indexed: IndexedAlignment) -> None:
        if self._pending != (document, index):
            return  # another document was opened meanwhile
        self._pending = None
        self._made_away = indexed
        self._ready = (document, index)
        if self._view.document is document and self._view.translation_index == index:
            self._view.realign()
            self.changed.emit("alignment")

    @property
    def aligning(self) -> bool:
        """Whether the open document's alignment is still being computed."""
        return self._pending is not None

    def _index(self, alignment: Alignment) -> None:
        made, self._made_away = self._made_away, None
        # What was indexed away serves unless corrections changed the alignment meanwhile.
        serves = made is not None and made.alignment == alignment
        indexed = made if made is not None and serves else index_alignment(alignment)
        self._indexed = indexed
        self._alignment = indexed.alignment
        self._bead_of = indexed.bead_of
        self._sentences = indexed.sentences

    def paragraph_aligner(self, original: Text, translation: Text) -> ParagraphAlignment:
        """An aligner for `ReadingState`: the open document's paragraphs, corrections applied.

        The view asks with its own texts; any other pair gets the store's cached alignment.
        Computed once per document version (the store caches it in memory and on disk); the
        first alignment of a 50-paragraph document takes about 50 ms, short enough to do while
        opening the document on the GUI thread.
        """
        if original is self._view.original and translation is self._view.translation:
            if self.alignment is not None and self._indexed is not None:
                return self._indexed.paragraphs
            if self._pending is not None:
                return provisional_alignment(len(original.paragraphs), len(translation.paragraphs))
        return self._store.paragraph_aligner(original, translation)

    def sentences(self, pane: Pane) -> list[TextRange]:
        """Every sentence of `pane`, in reading order."""
        return list(self._sentences[pane]) if self.alignment is not None else []

    def sentence_at(self, pane: Pane, paragraph: int, offset: int) -> TextRange | None:
        """The sentence of `pane` holding character `offset` of `paragraph`, or None.

        An offset just past a sentence's last character still counts as that sentence, since a
        click after a full stop lands there.
        """
        found = None
        for sentence in self.sentences(pane):
            if sentence.paragraph == paragraph and sentence.start <= offset <= sentence.end:
                found = sentence
                if offset < sentence.end:
                    break
            elif sentence.paragraph > paragraph:
                break
        return found

    def bead(self, sentence: TextRange) -> SentenceBead | None:
        """The bead `sentence` (as `sentences` gives it) belongs to."""
        return self._bead_of.get(sentence) if self.alignment is not None else None

    def counterparts(self, pane: Pane, paragraph: int, offset: int) -> list[TextRange]:
        """The sentences of the other pane aligned with the sentence at a position.

        Returns:
            Ranges in the other pane, in reading order; empty when the sentence is unaligned
            or no sentence is there.
        """
        sentence = self.sentence_at(pane, paragraph, offset)
        return self.counterparts_of(sentence) if sentence else []

    def counterparts_of(self, sentence: TextRange) -> list[TextRange]:
        """The sentences of the other pane aligned with `sentence`."""
        bead = self.bead(sentence)
        other = other_pane(sentence.pane)
        return [TextRange(other, *ref) for ref in bead.side(other)] if bead else []

    def confidence(self, pane: Pane, paragraph: int, offset: int) -> float | None:
        """How sure the aligner is of the sentence link at a position (1.0 for a manual link).

        Returns:
            The bead's confidence in [0, 1], or None when no aligned sentence is there.
        """
        sentence = self.sentence_at(pane, paragraph, offset)
        bead = self.bead(sentence) if sentence else None
        if bead is None or not bead.original or not bead.translation:
            return None
        return 1.0 if bead.manual else bead.confidence

    def unaligned(self, pane: Pane) -> list[TextRange]:
        """The sentences of `pane` that correspond to nothing in the other pane."""
        other = other_pane(pane)
        return [s for s in self.sentences(pane) if not self._bead_of[s].side(other)]

    def describe(self, sentence: TextRange) -> str:
        """A line about a sentence's link when it needs one (unaligned, uncertain), else ""."""
        if not self.counterparts_of(sentence):
            return f"No counterpart in the {other_pane(sentence.pane)}"
        confidence = self.confidence(*sentence[:3])
        if confidence is not None and confidence < UNCERTAIN_BELOW:
            return f"uncertain link (confidence {confidence:.2f})"
        return ""

    def echoes(self, ranges: Iterable[TextRange]) -> list[TextRange]:
        """The counterparts of the sentences holding `ranges` (search matches, say), deduplicated.

        Args:
            ranges: ranges in either pane; each is looked up by its start.

        Returns:
            Ranges in the panes facing each input range, in reading order per pane.
        """
        found: dict[TextRange, None] = {}
        for item in ranges:
            for counterpart in self.counterparts(item.pane, item.paragraph, item.start):
                found[counterpart] = None
        return sorted(found)

    # The sentence cursor ---------------------------------------------------------------------
    def place_cursor(self, pane: Pane, paragraph: int, offset: int) -> TextRange | None:
        """Put the sentence cursor on the sentence at a position (a click); None clears it."""
        self._set_cursor(self.sentence_at(pane, paragraph, offset))
        return self.cursor

    def step(self, delta: int) -> TextRange | None:
        """Move the sentence cursor `delta` sentences through the view's focused pane.

        A cursor in the other pane carries over as its first counterpart; without a cursor,
        `]` starts at the first sentence of the paragraph at the top of the pane and `[` at
        the one before it. The cursor stops at either end.

        Returns:
            The sentence the cursor is on, or None when the pane has no sentences.
        """
        pane = self._view.focused
        sentences = self.sentences(pane)
        if not sentences:
            return None
        cursor = self.cursor
        if cursor is not None and cursor.pane != pane:
            carried = self.counterparts_of(cursor)
            if carried:
                self._set_cursor(carried[0])
                return self.cursor
            cursor = None
        if cursor is not None and cursor in self._bead_of:
            index = sentences.index(cursor) + delta
        else:
            top = self._view.paragraphs[pane]
            index = next((i for i, s in enumerate(sentences) if s.paragraph >= top), 0)
            index -= 1 if delta < 0 else 0
        self._set_cursor(sentences[min(max(index, 0), len(sentences) - 1)])
        return self.cursor

    def _set_cursor(self, sentence: TextRange | None) -> None:
        if sentence != self.cursor:
            self.cursor = sentence
            self.changed.emit("cursor")

    # Corrections -----------------------------------------------------------------------------
    def link(self, ranges: Sequence[TextRange]) -> str:
        """Link by hand what `ranges` (the panes' selections) cover in the two panes.

        When every paragraph touched is covered whole on both sides, the paragraphs are linked
        (and scrolling follows); otherwise the sentences the ranges overlap are. A pane without
        a range contributes the sentence under the cursor, if the cursor is in it.

        Returns:
            A line for the status bar saying what was linked.

        Raises:
            ValueError: no document with two texts is open, or one pane has nothing to link.
        """
        document = self._open_document()
        chosen: dict[Pane, list[TextRange]] = {}
        for pane in PANES:
            mine = [r for r in ranges if r.pane == pane]
            if not mine and self.cursor is not None and self.cursor.pane == pane:
                mine = [self.cursor]
            chosen[pane] = [s for s in self.sentences(pane) if any(_overlaps(s, r) for r in mine)]
        if not chosen["original"] or not chosen["translation"]:
            raise ValueError("Select text in both panes to link it")
        if all(self._whole_paragraphs(pane, chosen[pane]) for pane in PANES):
            paragraphs = {p: sorted({s.paragraph for s in chosen[p]}) for p in PANES}
            self._store.link(document, paragraphs["original"], paragraphs["translation"],
                             self._view.translation_index)
            what = "paragraphs"
        else:
            refs = {p: [_ref(s) for s in chosen[p]] for p in PANES}
            self._store.link(document, refs["original"], refs["translation"],
                             self._view.translation_index)
            what = "sentences"
        self._refresh()
        counts = f"{len(chosen['original'])} to {len(chosen['translation'])}"
        return f"Linked {what} by hand ({counts} sentences)"

    def unlink_cursor(self) -> str:
        """Separate the sentence under the cursor from its counterparts.

        Returns:
            A line for the status bar.

        Raises:
            ValueError: there is no cursor, or its sentence is not linked.
        """
        document = self._open_document()
        sentence = self.cursor
        if sentence is None:
            raise ValueError("Click a sentence (or press ] ) to choose what to unlink")
        if not self.counterparts_of(sentence):
            raise ValueError("That sentence is not linked")
        mine: list[SentenceRef] = [_ref(sentence)]
        index = self._view.translation_index
        if sentence.pane == "original":
            self._store.unlink(document, mine, [], index)
        else:
            self._store.unlink(document, [], mine, index)
        self._refresh()
        return "Unlinked the sentence"

    def _open_document(self) -> Document:
        document = self._view.document
        if document is None or self.alignment is None:
            raise ValueError("Open a document with an original and a translation to align it")
        return document

    def _whole_paragraphs(self, pane: Pane, chosen: list[TextRange]) -> bool:
        paragraphs = {s.paragraph for s in chosen}
        return set(chosen) == {s for s in self.sentences(pane) if s.paragraph in paragraphs}

    def _refresh(self) -> None:
        self._for = None
        self._view.realign()
        self.changed.emit("alignment")


def _ref(sentence: TextRange) -> SentenceRef:
    return (sentence.paragraph, sentence.start, sentence.end)


def _overlaps(sentence: TextRange, other: TextRange) -> bool:
    return (
        sentence.paragraph == other.paragraph
        and sentence.start < max(other.end, other.start + 1)
        and other.start < sentence.end
    )
