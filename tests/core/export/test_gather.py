from __future__ import annotations

from pathlib import Path

from reader.core.align.store import AlignmentStore
from reader.core.annotations.store import AnnotationStore
from reader.core.document import Document
from reader.core.export.gather import gather_export
from tests.core.export.made_up_annotations import MADE_UP


def test_gather_reads_alignment_and_annotations(diglot_home: Path, seed: Document,
                                                annotated: AnnotationStore) -> None:
    alignments = AlignmentStore(diglot_home)
    export = gather_export(seed, alignments, annotated, "excerpts", notes="margin",
                           side="original")
    assert (export.layout, export.notes_placement, export.side) == ("excerpts", "margin",
                                                                     "original")
    assert len(export.notes) == len(MADE_UP) + 1
    # The rows follow the aligner's paragraph pairs, as the window shows them.
    pairs = alignments.alignment(seed).paragraph_alignment().pairs
    paired = [(tuple(p.number - 1 for p in r.original), tuple(p.number - 1 for p in r.translation))
              for r in export.rows if r.original and r.translation]
    assert paired == [(tuple(a), tuple(b)) for a, b in pairs]


def test_without_a_store_there_are_no_notes(diglot_home: Path, seed: Document) -> None:
    export = gather_export(seed, AlignmentStore(diglot_home), None)
    assert export.notes == () and export.categories == ()
    assert all(not p.marks for row in export.rows for p in (*row.original, *row.translation))
