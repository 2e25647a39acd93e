from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core.session.search import SearchResults, SearchSession
from reader.ui.search_panel import SearchPanel


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    pane: str
    paragraph: int | None
    date_text: str = ""
    snippets: dict[str, str] = field(default_factory=dict)


HITS = (
    Hit("113729", "Ciphered Telegram", "original", 5, "October 1, 1950",
        {"ru": "В районе <b>Сеула</b> у корейских", "en": "vicinity of <b>Seoul</b>. Hence"}),
    Hit("made-up-2", "Another <telegram>", "translation", 0, "", {"en": "<b>Seoul</b> &amp; more"}),
)


def make(qtbot: QtBot) -> tuple[SearchSession, SearchPanel]:
    session = SearchSession()
    panel = SearchPanel(session)
    qtbot.addWidget(panel)
    panel.resize(400, 600)
    panel.show()
    qtbot.waitExposed(panel)
    return session, panel


def test_typing_asks_once_after_a_pause(qtbot: QtBot) -> None:
    _, panel = make(qtbot)
    asked: list[str] = []
    panel.query_changed.connect(asked.append)
    with qtbot.waitSignal(panel.query_changed):
        qtbot.keyClicks(panel.field, "Seoul")  # QTest types Latin-1 only
    assert asked == ["Seoul"]


def test_results_and_errors_show_inline(qtbot: QtBot) -> None:
    session, panel = make(qtbot)
    session.ask("Сеул")
    session.answer(SearchResults("Сеул", HITS))
    assert panel.model.rowCount() == 2
    assert panel.status.text() == "2 results"
    html = panel.model.index(0, 0).data()
    assert "<b>Сеула</b>" in html and "<b>Seoul</b>" in html and "October 1, 1950" in html
    assert "&lt;telegram&gt;" in panel.model.index(1, 0).data()
    assert panel.error.isHidden()
    accessible = panel.model.index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible == "Another <telegram>. Seoul & more"
    session.ask("title:(")
    session.answer(SearchResults("title:(", error="Unbalanced parenthesis in the query"))
    assert not panel.error.isHidden()
    assert panel.error.text() == "Unbalanced parenthesis in the query"
    assert panel.model.rowCount() == 0


def test_keyboard_reaches_and_opens_a_result(qtbot: QtBot) -> None:
    session, panel = make(qtbot)
    session.ask("Seoul")
    session.answer(SearchResults("Seoul", HITS))
    panel.field.setFocus()
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.results.currentIndex().row() == 0
    qtbot.keyClick(panel.results, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.hit_activated) as signal:
        qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert signal.args == [1]


@dataclass(frozen=True)
class SpelledHit(Hit):
    spellings: tuple[str, ...] = ()


def test_a_row_says_which_spelling_matched_as_plain_text(qtbot: QtBot) -> None:
    session, panel = make(qtbot)
    hit = SpelledHit("made-up-3", "Made-up", "original", 0, "", {"ru": "<b>Хрущёв</b>"},
                     ("Хрущёв, for Khrushchev", "<Chruschtschow>, for Khrushchev"))
    session.ask("Khrushchev")
    session.answer(SearchResults("Khrushchev", (hit,)))
    html = panel.model.index(0, 0).data()
    assert "Хрущёв, for Khrushchev; &lt;Chruschtschow&gt;, for Khrushchev" in html


def test_the_field_menu_switch_mirrors_the_session(qtbot: QtBot) -> None:
    session, panel = make(qtbot)
    assert panel.spelling_action in panel.field_menu().actions()
    assert panel.spelling_action.isChecked()
    panel.spelling_action.trigger()
    assert not session.spelling
    session.toggle_spelling()
    assert session.spelling and panel.spelling_action.isChecked()
    session.ask("Seoul")
    session.toggle_spelling()
    session.answer(SearchResults("Seoul", HITS))
    assert panel.status.text() == "2 results (names as typed only)"
