"""Alignments computed once per document version, and the reader's manual corrections.

Computed alignments are cached in memory and in `<home>/alignments/`, keyed by a hash of the two
texts (so a changed document, or another translation of it, gets its own entry) and the aligner
version. Corrections live apart, one JSON file per document in `<home>/corrections/`; each names
paragraphs and sentences together with their text, so a correction survives re-indexing and is
re-anchored (or dropped) when the document's paragraphs move.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from reader.core.align.alignment import (
    Alignment,
    FixedBead,
    ParagraphAlignment,
    ParagraphBead,
    SentenceBead,
    SentenceRef,
)
from reader.core.atomic_file import write_atomic
from reader.core.document import Document, Text

Progress = Callable[[int, int], None]  # (paragraphs aligned, all of them)
# Bump when the aligner changes, so cached alignments are recomputed.
ALIGNER_VERSION = 2
ALIGNMENTS_FOLDER = "alignments"
READ_KEPT = 200  # alignments read for search results and kept: a few searches' worth
MISSING_KEPT = 10_000
CORRECTIONS_FOLDER = "corrections"


def text_key(original: Text, translation: Text) -> str:
    """The cache key of an original and a translation: a hash of both and the aligner version."""
    digest = hashlib.sha256(f"v{ALIGNER_VERSION}".encode())
    for text in (original, translation):
        digest.update(b"\x00" + text.language.encode() + b"\x01")
        digest.update("\x02".join(text.paragraphs).encode("utf-8"))
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
        alignment: Alignment | None = None
        try:
            alignment = Alignment.from_dict(json.loads(path.read_text("utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            alignment = None  # missing or damaged: compute afresh
        if alignment is None:
            alignment = _align(original, translation, progress=progress, away=away)
            data = json.dumps(alignment.to_dict(), ensure_ascii=False).encode("utf-8")
            # A cache: a read-only data folder or a full disk only means computing it again.
            with contextlib.suppress(OSError):
                write_atomic(path, data)
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
        try:
            data = json.loads((self._alignments / f"{key}.json").read_text("utf-8"))
            alignment = Alignment.from_dict(data)
        except (OSError, ValueError, KeyError, TypeError):
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
        corrections = self._resolved(doc_id, translation_index, original, translation)
        if corrections["paragraph"]:
            return None
        alignment = _apply_unlinks(computed, corrections["unlink_paragraph"])
        return _apply_sentences(
            alignment, corrections["sentence"], corrections["unlink_sentence"])

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
        corrections = self._resolved(document.id, translation, original, target)
        fixed: list[FixedBead] = corrections["paragraph"]
        alignment = _align(original, target, fixed) if fixed else self.computed(
            original, target)
        alignment = _apply_unlinks(alignment, corrections["unlink_paragraph"])
        return _apply_sentences(
            alignment, corrections["sentence"], corrections["unlink_sentence"])

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
            entry[side] = [_describe(unit, text) for unit in units]
        items = [*self.corrections(document.id), entry]
        data = json.dumps({"document": document.id, "corrections": items},
                          ensure_ascii=False, indent=1).encode("utf-8")
        write_atomic(self._corrections_path(document.id), data)

    def _resolved(self, doc_id: str, translation: int, original: Text, target: Text
                  ) -> dict[str, Any]:
        fixed: list[FixedBead] = []
        links: list[tuple[tuple[SentenceRef, ...], tuple[SentenceRef, ...]]] = []
        # Each side apart: a sentence is named by its place in its own text only.
        unlinks: list[tuple[tuple[SentenceRef, ...], tuple[SentenceRef, ...]]] = []
        unlinked: set[tuple[int, int]] = set()  # (side, paragraph)
        for entry in self.corrections(doc_id):
            if entry.get("translation_index", 0) != translation:
                continue
            a = [_locate(unit, original) for unit in entry.get("original", [])]
            b = [_locate(unit, target) for unit in entry.get("translation", [])]
            if any(u is None for u in [*a, *b]):
                continue  # the text it named is gone: the correction no longer applies
            if entry.get("level") == "paragraph":
                pa = tuple(sorted(int(u[0]) for u in a if u))
                pb = tuple(sorted(int(u[0]) for u in b if u))
                if entry.get("action") == "link":
                    fixed = [
                        f for f in fixed if not set(f[0]) & set(pa) and not set(f[1]) & set(pb)
                    ]
                    fixed.append((pa, pb))
                    unlinked -= {(0, p) for p in pa} | {(1, p) for p in pb}
                else:
                    unlinked |= {(0, p) for p in pa} | {(1, p) for p in pb}
                    fixed = [f for f in fixed if not set(f[0]) & set(pa) | set(f[1]) & set(pb)]
            elif entry.get("action") == "link":
                links.append((tuple(u for u in a if u), tuple(u for u in b if u)))
            else:
                unlinks += [((u,), ()) for u in a if u] + [((), (u,)) for u in b if u]
        return {
            "paragraph": fixed,
            "unlink_paragraph": unlinked,
            "sentence": links,
            "unlink_sentence": unlinks,
        }


_Bead = TypeVar("_Bead", ParagraphBead, SentenceBead)


def _texts(document: Document, translation: int) -> tuple[Text, Text]:
    if document.original is None or not 0 <= translation < len(document.translations):
        raise ValueError(f"document {document.id} has no original or no translation {translation}")
    return document.original, document.translations[translation]


def _describe(unit: int | Sequence[int], text: Text) -> dict[str, Any]:
    if isinstance(unit, int):
        return {"paragraph": unit, "text": text.paragraphs[unit]}
    p, start, end = (int(x) for x in unit)
    return {"paragraph": p, "start": start, "end": end, "text": text.paragraphs[p][start:end]}


def _locate(unit: Any, text: Text) -> SentenceRef | None:
    """Find a stored unit in the current text: where it was, else wherever its text now is."""
    if not isinstance(unit, dict) or not isinstance(unit.get("text"), str):
        return None
    wanted: str = unit["text"]
    p = unit.get("paragraph")
    start = unit.get("start")
    if start is None:  # a paragraph
        if isinstance(p, int) and 0 <= p < len(text.paragraphs) and text.paragraphs[p] == wanted:
            return (p, 0, len(wanted))
        for index, paragraph in enumerate(text.paragraphs):
            if paragraph == wanted:
                return (index, 0, len(wanted))
        return None
    if isinstance(p, int) and 0 <= p < len(text.paragraphs) and (
        text.paragraphs[p][start : unit.get("end")] == wanted
    ):
        return (p, int(start), int(start) + len(wanted))
    for index, paragraph in enumerate(text.paragraphs):
        found = paragraph.find(wanted)
        if found >= 0:
            return (index, found, found + len(wanted))
    return None


def _apply_unlinks(alignment: Alignment, unlinked: set[tuple[int, int]]) -> Alignment:
    """Take unlinked paragraphs out of their beads; what is left of a bead stays paired."""
    if not unlinked:
        return alignment
    paragraphs = [
        part for bead in alignment.paragraph_beads
        for part in _split_bead(bead, lambda p: (0, p) not in unlinked,
                                lambda p: (1, p) not in unlinked)
    ]
    sentences = [
        part for bead in alignment.sentence_beads
        for part in _split_bead(bead, lambda r: (0, r[0]) not in unlinked,
                                lambda r: (1, r[0]) not in unlinked)
    ]
    return replace(alignment, paragraph_beads=tuple(paragraphs), sentence_beads=tuple(sentences))


def _split_bead(bead: _Bead, keep_original: Callable[[Any], bool],
                keep_translation: Callable[[Any], bool]) -> list[_Bead]:
    """A bead without the units not kept: the rest stays paired if both sides keep some."""
    a = tuple(u for u in bead.original if keep_original(u))
    b = tuple(u for u in bead.translation if keep_translation(u))
    if (a, b) == (bead.original, bead.translation):
        return [bead]
    make = type(bead)
    parts = [make(a, b, bead.confidence, True)] if a and b else []
    if not parts:
        a, b = (), ()
    parts += [make((u,), (), 1.0, True) for u in bead.original if u not in a]
    parts += [make((), (u,), 1.0, True) for u in bead.translation if u not in b]
    return parts


def _apply_sentences(
    alignment: Alignment,
    links: Sequence[tuple[tuple[SentenceRef, ...], tuple[SentenceRef, ...]]],
    unlinks: Sequence[tuple[tuple[SentenceRef, ...], tuple[SentenceRef, ...]]],
) -> Alignment:
    """Sentence corrections on top of an alignment: beads touching them are broken up."""
    beads = list(alignment.sentence_beads)
    for a, b in [*links, *unlinks]:
        # Per side: the same (paragraph, start, end) may name a sentence in each text.
        touched_a, touched_b = set(a), set(b)
        kept: list[SentenceBead] = []
        for bead in beads:
            if touched_a & set(bead.original) or touched_b & set(bead.translation):
                # What is left of the bead stays paired when both sides still have a sentence:
                # taking one of two sentences out does not unmake the other's translation.
                rest_a = tuple(r for r in bead.original if r not in touched_a)
                rest_b = tuple(r for r in bead.translation if r not in touched_b)
                if rest_a and rest_b:
                    kept.append(SentenceBead(rest_a, rest_b, bead.confidence, True))
                else:
                    kept += [SentenceBead((r,), (), 0.0, True) for r in rest_a]
                    kept += [SentenceBead((), (r,), 0.0, True) for r in rest_b]
            else:
                kept.append(bead)
        if a and b:
            kept.append(SentenceBead(tuple(sorted(a)), tuple(sorted(b)), 1.0, True))
        else:
            kept += [SentenceBead((r,), (), 1.0, True) for r in a]
            kept += [SentenceBead((), (r,), 1.0, True) for r in b]
        beads = kept
    beads.sort(key=lambda bead: (bead.original[:1] or bead.translation[:1] or ((0, 0, 0),))[0])
    return replace(alignment, sentence_beads=tuple(beads))


def _align(original: Text, translation: Text, fixed: Sequence[FixedBead] = (),
           progress: Progress | None = None, away: bool = False) -> Alignment:  # fmt: skip
    # Imported on first use: alignments are cached, and the solver's stemmers and anchor
    # patterns are not worth loading before the window shows or for a page aligned before.
    from reader.core.align.sections import align_long  # huge texts by sections

    if away:
        from reader.core.align.away import align_away

        return align_away(original, translation, fixed, progress)

    return align_long(original, translation, fixed, progress)
