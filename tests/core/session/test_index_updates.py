from __future__ import annotations

from pathlib import Path

from reader.core.index.types import UpdateReport
from reader.core.session.index_updates import PREPARE_FOR, IndexUpdates, UpdateRequest


def test_one_update_at_a_time_and_the_next_is_told_every_file_asked_for() -> None:
    updates = IndexUpdates()
    assert updates.request([Path("a.txt")]) == UpdateRequest((Path("a.txt"),))
    assert updates.running and updates.indexing
    assert updates.request([Path("c.txt")]) is None  # waits
    assert updates.request([Path("b.txt")], damaged="seg 1") is None
    following = updates.ended()
    assert following == UpdateRequest((Path("b.txt"), Path("c.txt")), "seg 1")
    assert updates.ended() is None and not updates.running


def test_a_request_for_everything_widens_the_one_that_follows() -> None:
    updates = IndexUpdates()
    updates.request([Path("a.txt")])
    updates.request([Path("b.txt")])
    updates.request(None)
    assert updates.ended() == UpdateRequest(None)


def test_nothing_follows_a_window_that_is_closing() -> None:
    updates = IndexUpdates()
    updates.request()
    updates.request()
    assert updates.ended(shutting_down=True) is None


def test_indexing_lasts_until_the_updates_listing_is_shown() -> None:
    updates = IndexUpdates()
    updates.request()
    assert updates.ended() is None
    assert updates.indexing  # its listing is still being shown
    assert updates.show_listing(final=True)
    updates.listing_shown(final=True)
    assert not updates.indexing
    updates.request()
    assert updates.ended(failed=True) is None and not updates.indexing  # no listing follows


def test_the_index_listing_is_shown_only_before_an_updates() -> None:
    updates = IndexUpdates()
    assert updates.show_listing(final=False)
    assert updates.show_listing(final=True)
    assert not updates.show_listing(final=False)  # older than what is shown


def test_the_last_sessions_document_opens_first_once_listed() -> None:
    updates = IndexUpdates(place_document="113729")
    assert updates.first_document(["made-up-1"], final=False, visible=["made-up-1"]) is None
    assert updates.first_document(["113729"], final=False, visible=["made-up-1"]) == "113729"
    updates.opened_place()
    assert updates.first_document(["113729"], final=True, visible=["made-up-1"]) == "made-up-1"
    assert IndexUpdates().first_document([], final=True, visible=[]) is None


def test_a_long_update_prepares_the_first_opening_once() -> None:
    updates = IndexUpdates()
    assert not updates.prepare_now(PREPARE_FOR - 1, document_open=False)
    assert not updates.prepare_now(PREPARE_FOR, document_open=True)
    assert updates.prepare_now(PREPARE_FOR, document_open=False)
    assert not updates.prepare_now(PREPARE_FOR * 2, document_open=False)


def test_the_status_line_says_the_import_once_and_what_the_update_found() -> None:
    updates = IndexUpdates()
    updates.imported("Imported 1 page.")
    report = UpdateReport(documents=2, rebuilt_because="it was made by an older version")
    line = updates.status_line(report)
    assert line == "Imported 1 page. 2 documents; index rebuilt (it was made by an older version)"
    assert updates.status_line(UpdateReport(documents=1)) == "1 document"


def test_an_update_that_changed_nothing_keeps_the_import_summary() -> None:
    updates = IndexUpdates()
    updates.imported("Imported 1 page.")
    assert updates.status_line(UpdateReport(added=1, documents=2)) == "Imported 1 page. 2 documents"
    # The folder watch noticed the imported file: an update that found it indexed already.
    quiet = UpdateReport(unchanged=2, documents=2)
    assert updates.status_line(quiet) == "Imported 1 page. 2 documents"
    assert updates.status_line(UpdateReport(changed=1, unchanged=1, documents=2)) == "2 documents"
    assert updates.status_line(quiet) == "2 documents"
