"""UI fixtures: the seed page, parsed by the real parser."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.core.document import Document
from reader.core.page.parser import parse_page
from tests.conftest import SEED_PAGE


@pytest.fixture
def seed_document() -> Document:
    return parse_page(SEED_PAGE)


@pytest.fixture
def translation_only(seed_document: Document) -> Document:
    return replace(seed_document, id="h0", original=None, record_id="")
