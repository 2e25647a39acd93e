from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from reader.core.session.search import SearchResults, SearchSession
from reader.ui.rich_text_delegate import RichTextDelegate
from reader.ui.search_panel import SearchPanel
from tests.ui.test_search_panel import HITS


def test_hits_are_laid_out_and_painted_as_rich_text(qtbot: QtBot) -> None:
    session = SearchSession()
    panel = SearchPanel(session)
    qtbot.addWidget(panel)
    panel.resize(400, 600)
    session.ask("Сеул")
    session.answer(SearchResults("Сеул", HITS))
    delegate = panel.results.itemDelegate()
    assert isinstance(delegate, RichTextDelegate)  # set with the first results
    option = QStyleOptionViewItem()
    option.rect.setWidth(380)
    option.font = panel.results.font()
    two_languages = delegate.sizeHint(option, panel.model.index(0, 0))
    one_language = delegate.sizeHint(option, panel.model.index(1, 0))
    # Title, date and a snippet per language, each a line: not the raw HTML on one line.
    assert two_languages.height() > one_language.height() > option.fontMetrics.height()
    image = QImage(QSize(380, two_languages.height()), QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    option.rect = image.rect()
    delegate.paint(painter, option, panel.model.index(0, 0))
    painter.end()
    inked = {image.pixel(x, y) for x in range(0, 380, 3) for y in range(0, image.height(), 3)}
    assert len(inked) > 2  # the text was drawn
