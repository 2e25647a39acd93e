"""The workspace: here, opening a document that was prepared off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from reader.core.session.workspace import Workspace
from tests.core.seed_variants import made_up_id, variant, write_page


def _workspace(home: Path) -> Workspace:
    write_page(home / "library" / "page.txt", variant(record_id="50001", title="Prepared page"))
    workspace = Workspace(home)
    workspace.index.update(workspace.library)
    workspace.add_entries(workspace.index.documents())
    return workspace


def test_an_opening_shows_the_document_prepared_for_it(diglot_home: Path) -> None:
    workspace = _workspace(diglot_home)
    workspace.prepare_reading(made_up_id(50001))
    prepared = workspace.opening._prepared
    assert prepared is not None and prepared[3].title == "Prepared page"
    document = prepared[3]
    assert document.original is not None
    # Aligned ahead: the store answers from memory.
    key_count = len(workspace.alignments._memory)
    assert key_count == 1
    assert workspace.open_document(made_up_id(50001)) is document
    assert workspace.reading.document is document
    assert len(workspace.alignments._memory) == key_count  # nothing aligned again
    assert workspace.opening._prepared is None  # used once


def test_a_page_changed_since_it_was_prepared_is_read_again(diglot_home: Path) -> None:
    workspace = _workspace(diglot_home)
    workspace.prepare_reading(made_up_id(50001))
    write_page(diglot_home / "library" / "page.txt",
               variant(record_id="50001", title="Prepared page, edited since"))  # fmt: skip
    document = workspace.open_document(made_up_id(50001))
    assert document is not None and document.title == "Prepared page, edited since"


def test_preparing_another_or_no_document_changes_nothing(diglot_home: Path) -> None:
    workspace = _workspace(diglot_home)
    workspace.prepare_reading(None)
    workspace.prepare_reading("no-such-id")
    assert workspace.opening._prepared is None
    workspace.prepare_reading(made_up_id(50001))
    opened = workspace.open_document("113729")  # the seed, not the prepared page
    assert opened is not None and opened.id == "113729"


def test_a_command_that_cannot_run_is_one_line_in_the_status_bar(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "home")
    said: list[str] = []
    workspace.message.connect(said.append)
    assert not workspace.run_command("no-such-command")
    assert not workspace.run_command("print")  # declared, but only the window binds it
    assert len(said) == 2 and "no-such-command" in said[0] and "print" in said[1]
    assert workspace.run_command("zoom-in")


def test_opening_a_hit_marks_every_match_and_starts_at_its_paragraph(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "home")
    workspace.index.update(workspace.library)
    workspace.session.ask("Сеула")
    workspace.session.answer(workspace.run_search("Сеула"))
    place = workspace.open_hit(0)
    assert place is not None and (place.pane, place.paragraph) == ("original", 5)
    session = workspace.session
    assert len(session.matches) >= 2  # "Сеула" twice in the Russian, "Seoul" in the English
    current = session.current_match
    assert current is not None and (current.pane, current.paragraph) == ("original", 5)
    assert workspace.reading.document is not None and workspace.reading.document.id == "113729"
    assert workspace.open_hit(7) is None
