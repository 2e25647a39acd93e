"""Index entries keep any file name the filesystem allows, and valid ones exactly as before."""

from __future__ import annotations

import json
import os

from reader.core.index.manifest import decode_entries
from reader.core.index.schema import KIND_DOC, IndexEntry, path_term, term_path

ODD = os.fsdecode(b"/library/x\xe9\xff.txt")  # not UTF-8: Python lists it surrogate-escaped


def test_a_name_that_is_not_utf8_is_kept_as_its_bytes() -> None:
    entry = IndexEntry(path=ODD, kind=KIND_DOC, hash="ab", title="Сеул")
    data = entry.to_bytes()
    assert b"/library/x\xe9\xff.txt" in data  # the file's own bytes
    assert IndexEntry.from_bytes(data) == entry
    (decoded,) = decode_entries([data])
    assert decoded.path == ODD and decoded.title == "Сеул"
    assert os.fsencode(decoded.path) == b"/library/x\xe9\xff.txt"


def test_valid_names_are_stored_as_they_always_were() -> None:
    entry = IndexEntry(path="/library/Сеул.txt", kind=KIND_DOC, hash="ab", title="T")
    old_form = json.dumps({"path": "/library/Сеул.txt", "kind": "doc", "hash": "ab", "title": "T"},
                          ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    assert entry.to_bytes() == old_form  # so an existing index reads the same


def test_path_terms_are_utf8_unique_and_reversible() -> None:
    assert path_term("/library/Сеул.txt") == "/library/Сеул.txt"
    term = path_term(ODD)
    term.encode("utf-8")
    assert term != path_term(os.fsdecode(b"/library/x\xe9\xfe.txt"))
    assert term_path(term) == ODD and term_path("/library/Сеул.txt") == "/library/Сеул.txt"
