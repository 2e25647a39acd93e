"""The workspace: here, opening a document that was prepared off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from reader.core.session.workspace import Workspace
from tests.core.seed_variants import variant, write_page


def _workspace(home: Path) -> Workspace:
    write_page(home / "library" / "page.txt", variant(record_id="50001", title="Prepared page"))
    workspace = Workspace(home)
    workspace.index.update(workspace.library)
    workspace.add_entries(workspace.index.documents())
    return workspace


def test_an_opening_shows_the_document_prepared_for_it(diglot_home: Path) -> None:
    workspace = _workspace(diglot_home)
    workspace.prepare_reading("50001")
    prepared = workspace._prepared
    assert prepared is not None and prepared[3].title == "Prepared page"
    document = prepared[3]
    assert document.original is not None
    # Aligned ahead: the store answers from memory.
    key_count = len(workspace.alignments._memory)
    assert key_count == 1
    assert workspace.open_document("50001") is document
    assert workspace.reading.document is document
    assert len(workspace.alignments._memory) == key_count  # nothing aligned again
    assert workspace._prepared is None  # used once


def test_a_page_changed_since_it_was_prepared_is_read_again(diglot_home: Path) -> None:
    workspace = _workspace(diglot_home)
    workspace.prepare_reading("50001")
    write_page(diglot_home / "library" / "page.txt",
               variant(record_id="50001", title="Prepared page, edited since"))  # fmt: skip
    document = workspace.open_document("50001")
    assert document is not None and document.title == "Prepared page, edited since"


def test_preparing_another_or_no_document_changes_nothing(diglot_home: Path) -> None:
    workspace = _workspace(diglot_home)
    workspace.prepare_reading(None)
    workspace.prepare_reading("no-such-id")
    assert workspace._prepared is None
    workspace.prepare_reading("50001")
    opened = workspace.open_document("113729")  # the seed, not the prepared page
    assert opened is not None and opened.id == "113729"
