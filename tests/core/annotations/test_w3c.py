from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.core.align.store import AlignmentStore
from reader.core.annotations.editing import Annotator
from reader.core.annotations.opening import place_all
from reader.core.annotations.store import AnnotationStore
from reader.core.annotations.w3c import W3CError, collection, from_w3c, items_of
from reader.core.document import Document
from reader.core.text_range import TextRange


def check_required(annotation: dict[str, Any]) -> None:
    """The W3C Web Annotation Data Model's musts, checked from the spec, not from our code."""
    context = annotation["@context"]
    contexts = context if isinstance(context, list) else [context]
    assert "http://www.w3.org/ns/anno.jsonld" in contexts
    assert isinstance(annotation["id"], str) and ":" in annotation["id"]  # an IRI
    assert annotation["type"] == "Annotation"
    assert annotation["body"]
    for body in annotation["body"]:
        assert body["type"] == "TextualBody" and isinstance(body["value"], str)
    targets = annotation["target"]
    for target in targets if isinstance(targets, list) else [targets]:
        assert isinstance(target["source"], str) and ":" in target["source"]
        for selector in target["selector"]:
            if selector["type"] == "TextQuoteSelector":
                assert isinstance(selector["exact"], str)
            else:
                assert selector["type"] == "TextPositionSelector"
                assert 0 <= selector["start"] <= selector["end"]


def exported(store: AnnotationStore, page: Document, home: Path) -> dict[str, Any]:
    alignments = AlignmentStore(home)
    placed = place_all(page, store.annotations(page.id), lambda i: alignments.alignment(page, i))
    return json.loads(json.dumps(collection(placed, store.categories(), page.title)))


def test_round_trip_keeps_every_field_and_imports_once(
        store: AnnotationStore, page: Document, diglot_home: Path, tmp_path: Path) -> None:
    annotator = Annotator(store)
    annotator.update_category("person", colour="#123456")
    first = annotator.add(page, TextRange("original", 10, 0, 8), "person",
                          note="Stalin's\npseudonym", tags=["pseudonym", "Stalin"])
    second = annotator.add(page, TextRange("translation", 8, 0, 19), "claim")
    data = exported(store, page, diglot_home)
    assert data["type"] == "AnnotationCollection" and data["total"] == 2
    items = data["first"]["items"]
    for item in items:
        check_required(item)
    [russian] = [i for i in items if i["id"] == first.id]
    own, projected = russian["target"]
    assert own["selector"][0]["exact"] == "ФИЛИППОВ"
    assert projected["diglot:projected"] is True
    assert projected["selector"][0]["exact"] == "F I L I P P O V [STALIN]"

    other = AnnotationStore(tmp_path / "elsewhere")
    records = [from_w3c(item, "file.json") for item in items_of(data, "file.json")]
    assert Annotator(other).import_annotations(records) == (2, 0, 0)
    assert other.annotations(page.id) == store.annotations(page.id)
    # A category the library already has keeps the library's colour.
    assert other.category("person").colour == "#4e9a06"  # type: ignore[union-attr]
    assert russian["body"][0]["diglot:colour"] == "#123456"
    assert Annotator(other).import_annotations(records) == (0, 0, 2)
    assert len(other.annotations()) == 2
    assert {a.id for a in other.annotations()} == {first.id, second.id}
    other.close()


def test_an_unknown_category_is_created_on_import(store: AnnotationStore, page: Document,
                                                  diglot_home: Path, tmp_path: Path) -> None:
    annotator = Annotator(store)
    annotator.add_category("rumour", "#00aa00")
    annotator.add(page, TextRange("translation", 8, 0, 19), "rumour", note="n")
    records = [from_w3c(i, "f") for i in items_of(exported(store, page, diglot_home), "f")]
    other = AnnotationStore(tmp_path / "elsewhere")
    Annotator(other).import_annotations(records)
    [annotation] = other.annotations()
    assert other.category(annotation.category).name == "rumour"  # type: ignore[union-attr]
    other.close()


@pytest.mark.parametrize(("data", "message"), [
    ({"type": "Book"}, "expected an Annotation"),
    ([{"type": "Annotation", "id": "urn:x", "target": {"source": "http://x/",
                                                        "selector": []}}], "not a Diglot"),
    ([{"type": "Annotation", "id": "urn:x"}], "missing or malformed"),
    ([3], "expected a JSON object"),
])
def test_bad_files_are_named(data: Any, message: str) -> None:
    with pytest.raises(W3CError, match=message):
        for item in items_of(data, "notes.json"):
            from_w3c(item, "notes.json")
