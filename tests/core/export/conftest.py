"""Export fixtures: the real seed page with made-up annotations in a fresh data folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.core.align.store import AlignmentStore
from reader.core.annotations.store import AnnotationStore
from reader.core.document import Document
from reader.core.export.gather import gather_export
from reader.core.export.parts import Export
from reader.core.page.parser import parse_page
from tests.conftest import SEED_PAGE
from tests.core.export.made_up_annotations import annotate

Exporter = Callable[..., Export]


@pytest.fixture
def seed() -> Document:
    return parse_page(SEED_PAGE)


@pytest.fixture
def annotated(diglot_home: Path, seed: Document) -> Iterator[AnnotationStore]:
    store = AnnotationStore(diglot_home)
    annotate(store, seed)
    yield store
    store.close()


@pytest.fixture
def exporter(diglot_home: Path, seed: Document, annotated: AnnotationStore) -> Exporter:
    """`exporter(layout, **options)`: the annotated seed laid out as the CLI lays it out."""
    alignments = AlignmentStore(diglot_home)

    def make(layout: str = "facing", **options: object) -> Export:
        return gather_export(seed, alignments, annotated, layout, **options)  # type: ignore[arg-type]

    return make
