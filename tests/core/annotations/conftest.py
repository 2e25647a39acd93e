"""Annotation fixtures: the seed page under a made-up record id, and edits of its real text."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.annotations.store import AnnotationStore
from reader.core.document import Document
from reader.core.page.parser import parse_page
from tests.core.seed_variants import variant, write_page

RECORD = "annotations"  # made_up_id("annotations")


def made_up_page(folder: Path, *edits: tuple[str, str], name: str = "made_up_page") -> Document:
    """The seed under a made-up record id, with each (old, new) edit applied once."""
    text = variant(record_id=RECORD)
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return parse_page(write_page(folder / f"{name}.txt", text))


@pytest.fixture
def page(tmp_path: Path) -> Document:
    return made_up_page(tmp_path)


@pytest.fixture
def store(diglot_home: Path) -> AnnotationStore:
    opened = AnnotationStore(diglot_home)
    yield opened  # type: ignore[misc]
    opened.close()
