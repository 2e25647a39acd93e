"""Our SegmentWriter writes what whoosh's writes, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
import whoosh.index
from whoosh.writing import SegmentWriter as WhooshSegmentWriter

from reader.core.index.schema import document_record
from reader.core.index.speedups.segment_writer import FieldLengthTable, SegmentWriter
from reader.core.page.parser import parse_bytes, parse_page
from tests.core.seed_variants import variant


def _records(seed_page: Path) -> list[dict[str, object]]:
    documents = [parse_page(seed_page)]
    for number in range(40):
        words = " ".join(["armistice", "Сеул", "delivery"][: number % 4]) * (number % 5 + 1)
        text = variant(record_id=str(70000 + number), title=f"Page {number}", words=words)
        documents.append(parse_bytes(text.encode("utf-8"), Path(f"page-{number}.txt")))
    return [document_record(d, f"/pages/{i}.txt", f"{i:064x}") for i, d in enumerate(documents)]


def _segment_files(folder: Path, writer_class: type, records: list[dict[str, object]],
                   limitmb: float = 128, merged: bool = False) -> dict[str, bytes]:  # fmt: skip
    from reader.core.index.schema import build_schema

    folder.mkdir()
    index = whoosh.index.create_in(str(folder), build_schema(), indexname="MAIN")
    batches = [records[: len(records) // 2], records[len(records) // 2 :]] if merged else [records]
    for number, batch in enumerate(batches):
        # Separate files, named by the segment id; the second of two batches merges the first,
        # around a deleted record.
        writer = writer_class(index, compound=False, limitmb=limitmb)
        if number == 1:
            writer.delete_document(3)
        for record in batch:
            writer.add_document(**record)
        writer.commit(optimize=number == 1, merge=False)
    (segment,) = index._segments()
    prefix = segment.segment_id()
    return {p.name[len(prefix):]: p.read_bytes() for p in folder.iterdir()
            if p.name.startswith(prefix)}  # fmt: skip


@pytest.mark.parametrize(
    ("limitmb", "merged"),
    [(128, False), (0.02, False), (128, True), (0.02, True)],
    ids=["in-memory", "spilled-runs", "merged", "merged-spilled"],
)
def test_the_same_segment_as_whooshs_writer(
    seed_page: Path, tmp_path: Path, limitmb: float, merged: bool
) -> None:
    records = _records(seed_page)
    ours = _segment_files(tmp_path / "ours", SegmentWriter, records, limitmb, merged)
    theirs = _segment_files(tmp_path / "theirs", WhooshSegmentWriter, records, limitmb, merged)
    assert len(ours) >= 5 and ours.keys() == theirs.keys()
    for suffix in ours:
        assert ours[suffix] == theirs[suffix], suffix


def test_lengths_answer_as_whooshs_reader(seed_page: Path, tmp_path: Path) -> None:
    from reader.core.index.schema import build_schema

    index = whoosh.index.create_in(str(tmp_path), build_schema(), indexname="MAIN")
    writer = SegmentWriter(index)
    for record in _records(seed_page):
        writer.add_document(**record)
    writer.commit(merge=False)
    (segment,) = index._segments()
    reader = segment.codec().per_document_reader(index.storage, segment)
    table = FieldLengthTable(reader)
    fields = ["original_ru", "translation_en", "title", "summary", "path", "no_such_field"]
    for fieldname in fields:
        for docnum in range(segment.doc_count_all()):
            lengths = table.table(fieldname)
            ours = 0 if lengths is None else lengths[docnum] if docnum < len(lengths) else None
            assert ours == reader.doc_field_length(docnum, fieldname, default=0)
    reader.close()

