"""Alignments computed once per document version, and the reader's manual corrections.

Computed alignments are cached in memory and in `<home>/alignments/`, keyed by a hash of the two
texts (so a changed document, or another translation of it, gets its own entry) and the aligner
version. Corrections live apart, one JSON file per document in `<home>/corrections/`; each names
paragraphs and sentences together with their text, so a correction survives re-indexing and is
re-anchored (or dropped) when the document's paragraphs move (`corrections`: how).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reader.core.align.alignment import Alignment, FixedBead, ParagraphAlignment, SentenceRef
from reader.core.align.cache_file import cached_or_computed, read_alignment
from reader.core.align.corrections import describe, resolve
from reader.core.atomic_file import write_atomic
from reader.core.document import Document, Text

Progress = Callable[[int, int], None]  # (paragraphs aligned, all of them)
# Bump when the aligner changes, so cached alignments are recomputed.
ALIGNER_VERSION = 2
ALIGNMENTS_FOLDER = "alignments"
READ_KEPT = 200  # alignments read for search results and kept: a few searches' worth
MISSING_KEPT = 10_000
CORRECTIONS_FOLDER = "corrections"
KEY_PIECE = 1 << 16  # characters hashed per call


def text_key(original: Text, translation: Text) -> str:
    """The cache key of an original and a translation: a hash of both and the aligner version."""
    digest = hashlib.sha256(f"v{ALIGNER_VERSION}".encode())
    for text in (original, translation):
        digest.update(b"\x00" + text.language.encode() + b"\x01")
        # The paragraphs joined by \x02, fed in pieces: the same digest as one call, but one
        # call over a 5 MB text held the interpreter lock against the window (issue 12).
        for number, paragraph in enumerate(text.paragraphs):
            if number:
                digest.update(b"\x02")
            for start in range(0, len(paragraph), KEY_PIECE) if paragraph else ():
                digest.update(paragraph[start : start + KEY_PIECE].encode("utf-8"))
    return digest.hexdigest()[:32]


class AlignmentStore:
    """The aligner with its cache, and the manual corrections of each document."""

    def __init__(self, home: Path) -> None:
        self._alignments = home / ALIGNMENTS_FOLDER
        self._corrections = home / CORRECTIONS_FOLDER
        self._memory: dict[str, Alignment] = {}
        self._last_key: tuple[Text, Text, str] | None = None
        self._read: dict[str, Alignment] = {}  # see `cached`
        self._missing: set[str] = set()  # keys `cached` found no alignment for

    # Computed alignments ---------------------------------------------------------------------
    def _key(self, original: Text, translation: Text) -> str:
        # The texts are immutable: the key of the pair last asked about is kept, since the
        # window asks several times while opening and hashing 10 MB takes 50 ms (issue 12).
        last = self._last_key
        if last is None or last[0] is not original or last[1] is not translation:
            last = self._last_key = (original, translation, text_key(original, translation))
        return last[2]

    def has_computed(self, original: Text, translation: Text) -> bool:
        """Whether the alignment of these texts is in memory, so asking for it costs nothing."""
        return self._key(original, translation) in self._memory

    def computed(
        self, original: Text, translation: Text, progress: Progress | None = None,
        away: bool = False,
    ) -> Alignment:
        """The aligner's alignment of two texts, from the cache when it has been computed.

        Args:
            original: the original-language text.
            translation: the translation.
            progress: told how far the aligner is, for a huge document.
            away: compute it in a child process (`away.align_away`), for a caller that
                shares its process with a window.

        Returns:
            The alignment, without manual corrections.
        """
        key = self._key(original, translation)
        if key in self._memory:
            return self._memory[key]
        path = self._alignments / f"{key}.json"
        if away:
            from reader.core.align.away import align_away

            # The child reads the cache or aligns and writes it: reading and writing the
            # JSON of 40,000 beads are single calls that would hold the interpreter lock here.
            alignment = align_away(original, translation, progress=progress, cache=path)
        else:
            alignment = cached_or_computed(
                path, lambda: _align(original, translation, progress=progress))
        self._memory[key] = alignment
        return alignment

    def cached(self, original: Text, translation: Text) -> Alignment | None:
        """The aligner's alignment of two texts if it was computed before; never aligns.

        For callers that must not wait on the aligner (search results): None when neither
        memory nor the disk cache holds it. Entries read from disk here are kept apart, the
        last READ_KEPT of them, so listing many hits does not grow the opened documents' cache.
        """
        key = text_key(original, translation)
        found = self._memory.get(key) or self._read.get(key)
        if found is not None or key in self._missing:
            return found
        alignment = read_alignment(self._alignments / f"{key}.json")
        if alignment is None:
            # Not computed: asked again, it is in `_memory` once this process aligns it.
            if len(self._missing) > MISSING_KEPT:
                self._missing.clear()
            self._missing.add(key)
            return None
        self._read[key] = alignment
        while len(self._read) > READ_KEPT:
            self._read.pop(next(iter(self._read)))  # the oldest read
        return alignment

    def stored(self, doc_id: str, original: Text, translation: Text, translation_index: int = 0
               ) -> Alignment | None:
        """The alignment the reader sees (corrections applied), when it needs no aligning now.

        Args:
            doc_id: the document's id (its corrections are kept under it).
            original: its original text.
            translation: the translation.
            translation_index: which translation that is (0-based).

        Returns:
            The alignment, or None when it was never computed, or when paragraphs linked by
            hand make it need aligning afresh.
        """
        computed = self.cached(original, translation)
        if computed is None:
            return None
        corrections = resolve(self.corrections(doc_id), translation_index, original, translation)
        if corrections.paragraphs:
            return None
        return corrections.applied(computed)

    def paragraph_aligner(self, original: Text, translation: Text) -> ParagraphAlignment:
        """An `Aligner` for `ReadingState`: the cached alignment's paragraph pairs."""
        return self.computed(original, translation).paragraph_alignment()

    def alignment(self, document: Document, translation: int = 0) -> Alignment:
        """The alignment of a document's original and one translation, corrections applied.

        Args:
            document: the document; it must have an original and the translation.
            translation: which translation (0-based).

        Returns:
            The alignment the reader sees.

        Raises:
            ValueError: when the document lacks an original or that translation.
        """
        original, target = _texts(document, translation)
        corrections = resolve(self.corrections(document.id), translation, original, target)
        fixed = corrections.paragraphs
        alignment = _align(original, target, fixed) if fixed else self.computed(
            original, target)
        return corrections.applied(alignment)

    # Corrections -----------------------------------------------------------------------------
    def link(
        self,
        document: Document,
        original: Sequence[int] | Sequence[SentenceRef],
        translation: Sequence[int] | Sequence[SentenceRef],
        translation_index: int = 0,
    ) -> None:
        """Tie paragraphs (indices) or sentences ((paragraph, start, end)) together by hand.

        Linking two beads' paragraphs merges them; linking paragraphs to nothing (one side
        empty) marks them unaligned.

        Args:
            document: the document.
            original: original paragraph indices, or sentence references.
            translation: translation paragraph indices, or sentence references.
            translation_index: which translation.
        """
        self._add(document, translation_index, "link", original, translation)

    def unlink(
        self,
        document: Document,
        original: Sequence[int] | Sequence[SentenceRef],
        translation: Sequence[int] | Sequence[SentenceRef],
        translation_index: int = 0,
    ) -> None:
        """Separate paragraphs or sentences the aligner paired: they become unaligned.

        Args:
            document: the document.
            original: original paragraph indices, or sentence references.
            translation: translation paragraph indices, or sentence references.
            translation_index: which translation.
        """
        self._add(document, translation_index, "unlink", original, translation)

    def merge(self, document: Document, beads: Sequence[int], translation_index: int = 0) -> None:
        """Merge paragraph beads (by their index in `alignment(...).paragraph_beads`) into one."""
        current = self.alignment(document, translation_index)
        chosen = [current.paragraph_beads[i] for i in beads]
        original = sorted({p for bead in chosen for p in bead.original})
        target = sorted({p for bead in chosen for p in bead.translation})
        self.link(document, original, target, translation_index)

    def clear(self, document: Document) -> None:
        """Forget every correction of a document."""
        path = self._corrections_path(document.id)
        if path.exists():
            path.unlink()

    def corrections(self, doc_id: str) -> list[dict[str, Any]]:
        """The stored corrections of a document, oldest first, as saved."""
        try:
            data = json.loads(self._corrections_path(doc_id).read_text("utf-8"))
        except (OSError, ValueError):
            return []
        items = data.get("corrections") if isinstance(data, dict) else None
        return [c for c in items if isinstance(c, dict)] if isinstance(items, list) else []

    def _corrections_path(self, doc_id: str) -> Path:
        safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in doc_id)
        return self._corrections / f"{safe}.json"

    def _add(self, document: Document, translation_index: int, action: str,
             original: Sequence[Any], translation: Sequence[Any]) -> None:
        texts = _texts(document, translation_index)
        level = "sentence" if any(isinstance(u, tuple | list) for u in [*original, *translation]) \
            else "paragraph"
        entry: dict[str, Any] = {
            "action": action, "level": level, "translation_index": translation_index
        }
        for side, units, text in (("original", original, texts[0]),
                                  ("translation", translation, texts[1])):
            entry[side] = [describe(unit, text) for unit in units]
        items = [*self.corrections(document.id), entry]
        data = json.dumps({"document": document.id, "corrections": items},
                          ensure_ascii=False, indent=1).encode("utf-8")
        write_atomic(self._corrections_path(document.id), data)


def _texts(document: Document, translation: int) -> tuple[Text, Text]:
    if document.original is None or not 0 <= translation < len(document.translations):
        raise ValueError(f"document {document.id} has no original or no translation {translation}")
    return document.original, document.translations[translation]


def _align(original: Text, translation: Text, fixed: Sequence[FixedBead] = (),
           progress: Progress | None = None) -> Alignment:  # fmt: skip
    # Imported on first use: alignments are cached, and the solver's stemmers and anchor
    # patterns are not worth loading before the window shows or for a page aligned before.
    from reader.core.align.sections import align_long  # huge texts by sections

    return align_long(original, translation, fixed, progress)
