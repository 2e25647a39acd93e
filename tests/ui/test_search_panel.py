from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core.index.counterparts import HitPair, Passage
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
    pair: HitPair | None = None


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
    assert accessible == "Another <telegram>. en: Seoul & more"
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


def test_the_fields_menu_limits_the_query_to_one_side(qtbot: QtBot) -> None:
    session, panel = make(qtbot)
    menu = panel.scope
    asked: list[str] = []
    panel.query_changed.connect(asked.append)
    with qtbot.waitSignal(panel.query_changed):
        panel.field.setText("Seoul")
    assert menu.actions["anywhere"].isChecked()
    with qtbot.waitSignal(panel.query_changed):
        menu.actions["original"].trigger()
    assert panel.field.text() == session.draft == "Seoul in:original"
    assert menu.actions["original"].isChecked() and not menu.actions["anywhere"].isChecked()
    with qtbot.waitSignal(panel.query_changed):
        menu.actions["translation"].trigger()
    assert asked[-1] == "Seoul in:translation" and menu.actions["translation"].isChecked()
    # Typed by hand, the term checks its entry too; the command steps on from there.
    panel.field.setText("in:originals Seoul")
    assert menu.actions["original"].isChecked()
    with qtbot.waitSignal(panel.query_changed):
        assert session.cycle_scope() == "translation"
    assert asked[-1] == "Seoul in:translation"
    with qtbot.waitSignal(panel.query_changed):
        menu.actions["anywhere"].trigger()
    assert asked[-1] == "Seoul" and menu.actions["anywhere"].isChecked()
    with qtbot.waitSignal(panel.query_changed):
        menu.annotated.trigger()
    assert asked[-1] == "Seoul annotated:yes" and menu.annotated.isChecked()
    with qtbot.waitSignal(panel.query_changed):
        menu.actions["original"].trigger()
    assert asked[-1] == "Seoul annotated:yes in:original" and menu.annotated.isChecked()
    with qtbot.waitSignal(panel.query_changed):
        menu.annotated.trigger()
    assert asked[-1] == "Seoul in:original" and not menu.annotated.isChecked()
    panel.field.setText("annotated:YES x")
    assert menu.annotated.isChecked()
    assert [a.text() for a in menu.menu.actions() if not a.isSeparator()] == [
        "Search &anywhere", "Search the &originals only", "Search the &translations only",
        "Only &annotated documents", "Match names in every &spelling"]


def test_the_scope_menu_opens_from_the_fields_button(qtbot: QtBot) -> None:
    _, panel = make(qtbot)
    panel.scope.button.trigger()
    qtbot.waitUntil(panel.scope.menu.isVisible)
    panel.scope.menu.close()


def test_a_row_shows_the_matched_sentence_and_its_counterpart_as_plain_text(
    qtbot: QtBot,
) -> None:
    session, panel = make(qtbot)
    # Made-up page text with markup in it: it must show as written, never as markup.
    sentence = "Войска <b>у</b>  Сеула & <i>севернее</i>."
    at = sentence.index("Сеула")
    matched = Passage("original", "ru", 2, sentence, ((at, at + 5),))
    counterpart = Passage("translation", "en", 2, "Troops near Seoul <script>x</script>.")
    hits = (
        Hit("made-up-1", "Made-up telegram", "original", 2, "", {"ru": "x", "en": "y"},
            HitPair(matched, counterpart, "proportional")),
        Hit("made-up-2", "Aligned", "original", 0, "", {},
            HitPair(matched, counterpart, "aligned")),
        Hit("made-up-3", "Unpaired", "original", 0, "", {},
            HitPair(matched, None, "unaligned")),
    )
    session.ask("Сеула")
    session.answer(SearchResults("Сеула", hits))
    row = panel.model.index(0, 0).data()
    assert "Войска &lt;b&gt;у&lt;/b&gt; <b>Сеула</b> &amp; &lt;i&gt;севернее&lt;/i&gt;." in row
    assert "en ≈</span> Troops near Seoul &lt;script&gt;x&lt;/script&gt;." in row
    assert ">x<" not in row  # the paragraph snippets give way to the sentences
    assert "en</span> Troops" in panel.model.index(1, 0).data()
    assert "no counterpart" in panel.model.index(2, 0).data()
    accessible = panel.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible == ("Made-up telegram. ru: Войска <b>у</b> Сеула & <i>севернее</i>.. "
                          "en ≈: Troops near Seoul <script>x</script>.")


@dataclass(frozen=True)
class SpelledHit(Hit):
    spellings: tuple[str, ...] = ()


def test_a_row_says_which_spelling_matched_as_plain_text(qtbot: QtBot) -> None:
    session, panel = make(qtbot)
    hit = SpelledHit("made-up-3", "Made-up", "original", 0, "", {"ru": "<b>Хрущёв</b>"},
                     spellings=("Хрущёв, for Khrushchev", "<Chruschtschow>, for Khrushchev"))
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
