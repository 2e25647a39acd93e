"""The browser's tree over a catalog: built from the entries, rebuilt when they change."""

from __future__ import annotations

from typing import Any

from reader.core.index.types import DocumentEntry
from reader.core.provenance.arrangement import locators_of
from reader.core.provenance.citations import parse_source
from reader.core.session.browsing import Browsing
from reader.core.session.catalog import Catalog


def entry(doc_id: str, source: str) -> DocumentEntry:
    return DocumentEntry(doc_id, f"made-up {doc_id}", "", None, "unknown", "", (), (),
                         path=f"/library/{doc_id}.txt", content_hash="0" * 64,
                         locators=locators_of(parse_source(source).citations))


def test_tree_is_rebuilt_for_new_entries_only() -> None:
    catalog = Catalog()
    catalog.set_entries([entry("made-up-1", "APRF, f. 45, op. 1, d. 334, ll. 1-2"),
                         entry("made-up-2", "APRF, f. 45, op. 1, d. 334, ll. 5-6")])
    browsing = Browsing(catalog)
    told: list[None] = []
    browsing.changed.connect(told.append)
    tree = browsing.arrangement
    assert tree.find(["APRF", "45", "1", "334"]).count == 2
    catalog.set_filter("made-up 1")
    assert browsing.arrangement is tree and told == []
    catalog.add_entries([entry("made-up-3", "GARF, f. 9401, op. 2, d. 505")])
    assert told == [None]
    assert [a.key for a in browsing.arrangement.archives] == ["APRF", "GARF"]
    assert [r.doc_id for r in browsing.related("made-up-1")] == ["made-up-2"]


def test_with_a_background_builder_the_last_tree_serves_until_the_next_is_built() -> None:
    catalog = Catalog()
    catalog.set_entries([entry("made-up-1", "APRF, f. 45, op. 1, d. 334, ll. 1-2")])
    browsing = Browsing(catalog)
    queued: list[tuple[Any, Any]] = []
    browsing.set_background(lambda work, then: queued.append((work, then)))
    assert browsing.arrangement.archives == []  # nothing built yet: empty, never a wait
    work, then = queued.pop()
    then(work())
    assert [a.key for a in browsing.arrangement.archives] == ["APRF"]
    catalog.add_entries([entry("made-up-2", "GARF, f. 9401, op. 2, d. 505")])
    catalog.add_entries([entry("made-up-3", "GARF, f. 9401, op. 2, d. 506")])
    assert len(queued) == 1  # one build at a time; the one running is followed by another
    assert [a.key for a in browsing.arrangement.archives] == ["APRF"]  # the last tree serves
    work, then = queued.pop()
    then(work())
    assert len(queued) == 1  # that build saw two of the three entries: another, with all
    work, then = queued.pop()
    then(work())
    assert browsing.arrangement.find(["GARF"]).count == 2 and queued == []
    catalog.add_entries([entry("made-up-4", "GARF, f. 9401, op. 2, d. 507")])
    _, then = queued.pop()
    then(None)  # a failed build leaves the last tree in place
    assert browsing.arrangement.find(["GARF"]).count == 2
