from __future__ import annotations

from dataclasses import dataclass

from reader.core.document import Document, Text
from reader.core.session.search import SearchResults, SearchSession, find_text
from reader.core.text_range import TextRange

DOC = Document(
    id="1",
    title="t",
    original=Text("ru", ("Москва предупреждала", "В районе Сеула. СЕУЛ")),
    translations=(
        Text("en", ("Moscow warned", "near Seoul")),
        Text("de", ("Moskau warnte", "bei Seoul, Seoul")),
    ),
)


@dataclass(frozen=True)
class Hit:
    id: str
    pane: str
    paragraph: int | None


def test_find_text_is_case_insensitive_across_both_panes() -> None:
    assert find_text(DOC, "сеул") == [
        TextRange("original", 1, 9, 13),
        TextRange("original", 1, 16, 20),
    ]
    assert find_text(DOC, "seoul", translation=1) == [
        TextRange("translation", 1, 4, 9),
        TextRange("translation", 1, 11, 16),
    ]
    assert find_text(DOC, "  ") == []


def test_stale_answers_are_dropped() -> None:
    session = SearchSession()
    seen: list[str] = []
    session.changed.connect(seen.append)
    assert session.ask("Сеу")
    assert session.ask("Сеул")
    assert not session.answer(SearchResults("Сеу", (Hit("1", "original", 1),)))
    assert session.answer(SearchResults("Сеул", (Hit("1", "original", 1),)))
    assert [h.id for h in session.results.hits] == ["1"]
    assert seen == ["results"]
    assert not session.ask("")
    assert session.results.hits == ()


def test_query_errors_are_results_too() -> None:
    session = SearchSession()
    session.ask("title:(")
    session.answer(SearchResults("title:(", error="unbalanced parenthesis"))
    assert session.results.error == "unbalanced parenthesis"


def test_matches_step_and_wrap() -> None:
    session = SearchSession()
    matches = find_text(DOC, "сеул")
    session.set_matches(matches, first=matches[1])
    assert session.current_match == matches[1]
    assert session.step(1) == matches[0]
    assert session.step(-1) == matches[1]
    session.set_matches([])
    assert session.step(1) is None
    assert session.current_match is None


def test_the_scope_rewrites_the_draft_and_says_so() -> None:
    session = SearchSession()
    seen: list[str] = []
    session.changed.connect(seen.append)
    session.edit("Сеул")
    assert session.scope == "anywhere" and seen == []
    session.set_scope("translation")
    assert session.draft == "Сеул in:translation" and session.scope == "translation"
    assert seen == ["draft"]
    assert session.cycle_scope() == "anywhere" and session.draft == "Сеул"
    assert session.query == ""  # nothing is asked until the field asks it


def test_spelling_switch_says_when_it_changes() -> None:
    session = SearchSession()
    heard: list[str] = []
    session.changed.connect(heard.append)
    assert session.spelling
    session.set_spelling(True)
    assert heard == []  # no change, no word
    session.toggle_spelling()
    assert not session.spelling and heard == ["spelling"]
