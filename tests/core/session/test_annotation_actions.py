from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.core.annotations.schema import FILE_NAME
from reader.core.commands.keymap import Keymap
from reader.core.page.parser import parse_page
from reader.core.session.workspace import Workspace
from reader.core.text_range import TextRange
from tests.conftest import SEED_PAGE

REPLY = TextRange("translation", 8, 0, 19)  # "I await your reply."


def opened(home: Path) -> tuple[Workspace, list[str]]:
    workspace = Workspace(home, keymap=Keymap())
    messages: list[str] = []
    workspace.message.connect(messages.append)
    workspace.reading.set_document(parse_page(SEED_PAGE))
    return workspace, messages


def test_keys_pick_categories_and_every_command_says_what_it_did(diglot_home: Path) -> None:
    workspace, messages = opened(diglot_home)
    actions, session = workspace.annotating, workspace.annotations
    assert actions.highlight([]) is None and messages[-1].startswith("Select some text")
    assert actions.highlight([REPLY], 10) is None and messages[-1] == "There is no category 10"
    made = actions.highlight([REPLY], 5)
    assert made is not None and messages[-1] == "Highlighted as translation doubt"
    assert made.category == session.categories()[4].id and made.quote == "I await your reply."
    actions.recategorise([made.id], 2)
    assert messages[-1] == "Now person"
    actions.save_note(made.id, "<i>to whom?</i>", ["mao"])
    [(paragraph, start)] = [(p.range.paragraph, p.range.start)
                            for p in session.paints("original") if p.annotation == made.id]
    # A projection says which side it is from; the note is plain text, as written.
    assert actions.under("original", paragraph, start) == session.annotations()
    assert actions.own_under("original", paragraph, start) == []
    described = actions.describe(session.annotations()[0], "original")
    assert described == ("Person (in the translation: “I await your reply.”)\n"
                         "<i>to whom?</i>\nTags: mao")
    workspace.run_command("undo")
    assert messages[-1].startswith("Undone: ")
    assert session.annotations()[0].note == ""
    workspace.run_command("redo")
    assert messages[-1].startswith("Redone: ") and session.annotations()[0].note
    actions.delete([])
    assert messages[-1] == "No highlight here to delete"
    actions.delete([made.id])
    assert session.annotations() == [] and messages[-1].startswith("Deleted 1 highlight ")
    workspace.run_command("undo")
    assert [a.id for a in session.annotations()] == [made.id]


def test_a_database_from_a_newer_diglot_is_left_alone_and_the_session_goes_on(
    diglot_home: Path
) -> None:
    diglot_home.mkdir(parents=True)
    path = diglot_home / FILE_NAME
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 999")
    workspace, _ = opened(diglot_home)
    assert str(path) in workspace.annotation_problem
    assert workspace.annotation_problem.startswith("Annotations cannot be saved this session")
    assert workspace.annotating.highlight([REPLY]) is not None  # kept for the session
    with sqlite3.connect(path) as db:  # as the newer Diglot left it: no table, its version
        assert db.execute("PRAGMA user_version").fetchone() == (999,)
        assert db.execute("SELECT name FROM sqlite_master").fetchall() == []


def test_category_commands_say_what_they_did_and_refuse_clearly(diglot_home: Path) -> None:
    workspace, messages = opened(diglot_home)
    actions, session = workspace.annotating, workspace.annotations
    made = actions.highlight([REPLY], 2)
    assert made is not None
    colour = actions.suggest_colour()
    added = actions.add_category("rumour", colour)
    assert added is not None and messages[-1] == "Added category rumour (Alt+6 highlights in it)"
    assert actions.suggest_colour() != colour
    assert actions.add_category(" ", "#000000") is None
    assert messages[-1] == "Cannot add the category: a category needs a name"
    assert actions.rename_category(added.id, "hearsay") is not None
    assert messages[-1] == "Renamed category rumour to hearsay"
    assert actions.recolour_category(added.id, "#ABCDEF") is not None
    assert session.categories()[-1].colour == "#abcdef"
    person = session.categories()[1]
    assert actions.uses(person.id) == 1
    assert not actions.delete_category(person.id)
    assert messages[-1].startswith("Cannot delete the category: category 'person' is used by 1")
    assert actions.delete_category(person.id, move_to=added.id)
    assert messages[-1] == ("Deleted category person; its 1 highlight is now hearsay "
                            "(Ctrl+Z brings it back)")
    assert session.annotations()[0].category == added.id
    paint = session.paints("translation")[0]
    assert paint.colour == "#abcdef"  # the highlight repainted in its new category's colour
    actions.undo()
    assert session.categories()[1] == person and session.annotations()[0].category == person.id
