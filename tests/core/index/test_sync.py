"""Updates that revisit only what changed must leave the index a full sync would leave."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.index.search_index import SearchIndex
from reader.core.index.store import SYNCED
from reader.core.index.sync import UpdateReport
from reader.core.library.collection import Library
from tests.core.seed_variants import variant, write_page

# Few record ids and titles, so that copies collide by record, by title, or both.
Spec = tuple[str, str]  # (record id, title); ("bad", "") writes a file that does not parse
SPECS = st.sampled_from(
    [
        ("", "Alpha"),
        ("", "Beta"),
        ("9101", "Alpha"),
        ("9101", "Beta"),
        ("9102", "Alpha"),
        ("bad", ""),
    ]
)
FILES = 5
# (file number, what to write there; None deletes it, hint: pass the path as `changed`)
STEPS = st.lists(
    st.tuples(st.integers(0, FILES - 1), st.none() | SPECS, st.booleans()), min_size=1, max_size=5
)


def put(folder: Path, number: int, spec: Spec | None, edit: int) -> Path:
    path = folder / f"copy-{number}.txt"
    if spec is None:
        path.unlink(missing_ok=True)
    elif spec[0] == "bad":
        write_page(path, "")
    else:
        write_page(path, variant(record_id=spec[0], title=spec[1], words=f"edit{edit}"))
    return path


def assert_as_full_sync(home: Path, index: SearchIndex, report: UpdateReport) -> None:
    """The index and report match what parsing everything says, and a full sync agrees."""
    truth = Library(home).load()
    assert {e.path for e in index.documents()} == {d.file for d in truth.documents}
    assert index.count == report.documents == len(truth.documents)
    shown = [(str(d.path), str(d.kept), d.key) for d in report.duplicates]
    assert shown == [(str(d.path), str(d.kept), d.key) for d in truth.duplicates]
    assert [p for p, _ in index.failures()] == sorted(e.path for e in truth.errors)
    # Without the note that it is settled, a fresh index object compares every file with
    # every record and decides every duplicate again: it finds nothing to do.
    (generation,) = (home / "index").glob("gen-*")
    (generation / SYNCED).unlink()
    for fresh in (SearchIndex(home), SearchIndex(home)):  # the second trusts the new note
        again = fresh.update(Library(home))
        assert (again.added, again.changed, again.removed, again.parsed) == (0, 0, 0, 0)
        assert again.duplicates == report.duplicates


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=st.lists(SPECS, min_size=FILES, max_size=FILES), steps=STEPS)
def test_updates_after_changes_equal_a_full_sync(start: list[Spec], steps: list) -> None:
    with tempfile.TemporaryDirectory() as temp:
        home, folder = Path(temp) / "home", Path(temp) / "pages"
        for number, spec in enumerate(start):
            put(folder, number, spec, 0)
        library = Library(home)
        library.add_folder(folder)
        index = SearchIndex(home)
        index.update(library)
        index.update(library)  # settles: the next updates revisit only around changes
        for edit, (number, spec, hint) in enumerate(steps, 1):
            path = put(folder, number, spec, edit)
            report = index.update(library, changed=[path] if hint else None)
            assert_as_full_sync(home, index, report)
