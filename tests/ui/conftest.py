"""UI fixtures: the seed page, parsed by the real parser; a text pane shown on screen."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from reader.core.document import Document, Text
from reader.core.page.parser import parse_page
from reader.ui.resources import register_fonts
from reader.ui.text_pane import TextPane
from tests.conftest import SEED_PAGE


def shown_pane(qtbot: QtBot, text: Text, width: int, height: int) -> TextPane:
    """A translation pane of `width` x `height`, shown, with `text` in it."""
    register_fonts()
    widget = TextPane("translation")
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_text(text)
    return widget


@pytest.fixture
def seed_document() -> Document:
    return parse_page(SEED_PAGE)


@pytest.fixture
def translation_only(seed_document: Document) -> Document:
    return replace(seed_document, id="h0", original=None, record_id="")
