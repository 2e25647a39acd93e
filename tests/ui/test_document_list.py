from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.core.index.types import DocumentEntry
from reader.core.session.catalog import Catalog
from reader.ui.document_list import DocumentList
from tests.core.session.test_catalog import ENTRIES as ALL_ENTRIES

ENTRIES = ALL_ENTRIES[:3]


def make(qtbot: QtBot, entries: list[DocumentEntry] = ENTRIES,
         width: int = 700) -> tuple[Catalog, DocumentList]:
    catalog = Catalog()
    catalog.set_entries(entries)
    widget = DocumentList(catalog)
    qtbot.addWidget(widget)
    widget.resize(width, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return catalog, widget


def test_model_passes_qtmodeltester(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    catalog, widget = make(qtbot)
    qtmodeltester.check(widget.model, force_py=True)
    catalog.set_filter("kim")
    qtmodeltester.check(widget.model, force_py=True)


def test_rows_show_date_title_type_archive_languages(qtbot: QtBot) -> None:
    _, widget = make(qtbot)
    model = widget.model
    assert model.rowCount() == 3
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == ["October 1, 1950", ENTRIES[0].title, "Telegram", "APRF, RGASPI", "ru, en"]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Date", "Title", "Type", "Archive", "Languages"]


def test_clicking_a_header_sorts(qtbot: QtBot) -> None:
    catalog, widget = make(qtbot)
    widget.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert catalog.sort_order == ("title", True)
    assert widget.model.index(0, 1).data() == ENTRIES[2].title


def test_filter_box_narrows_and_selection_survives_refresh(qtbot: QtBot) -> None:
    catalog, widget = make(qtbot)
    with qtbot.waitSignal(widget.document_activated) as signal:
        widget.table.setCurrentIndex(widget.model.index(1, 0))
    assert signal.args == ["made-up-2"]
    catalog.set_entries(list(reversed(ENTRIES)))  # a re-index delivers the entries anew
    current = widget.table.currentIndex()
    assert widget.model.entry(current.row()).id == "made-up-2"
    assert widget.count_label.text() == "3"
    qtbot.keyClicks(widget.filter_box, "memorandum")
    assert widget.model.rowCount() == 1
    assert widget.count_label.text() == "1 of 3"


def test_checking_a_facet_narrows_the_list(qtbot: QtBot) -> None:
    catalog, widget = make(qtbot)
    group = next(
        widget.facets.topLevelItem(i) for i in range(widget.facets.topLevelItemCount())
        if widget.facets.topLevelItem(i).text(0) == "Decade"  # type: ignore[union-attr]
    )
    assert group is not None
    item = next(group.child(i) for i in range(group.childCount())
                if group.child(i).text(0).startswith("1960s"))
    item.setCheckState(0, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 1)
    assert catalog.selected("decade") == {"1960s"}


def test_step_walks_the_visible_rows(qtbot: QtBot) -> None:
    _, widget = make(qtbot)
    assert widget.step(1) == "113729"  # nothing current: the first row
    widget.select_document("113729")
    assert widget.step(1) == "made-up-2"
    assert widget.step(-1) is None


def test_with_room_every_column_but_the_title_has_its_content_width(qtbot: QtBot) -> None:
    from reader.core.session.catalog import COLUMNS

    _, widget = make(qtbot, ALL_ENTRIES, 800)
    table, header = widget.table, widget.table.horizontalHeader()
    for name in ("date", "type", "archive", "languages"):
        column = COLUMNS.index(name)
        assert header.sectionSize(column) >= table.sizeHintForColumn(column), name
    title = header.sectionSize(COLUMNS.index("title"))
    assert sum(header.sectionSize(c) for c in range(len(COLUMNS))) <= table.viewport().width()
    assert title >= 0.3 * table.viewport().width()  # the title takes the rest
