"""A huge document aligned in a child process gives the alignment aligning here gives.

The thresholds are lowered (and handed to the child) so that a small made-up page takes the
sectioned path; full sizes are measured by bench/huge_page.py.
"""

from __future__ import annotations

import json
import multiprocessing
from dataclasses import replace
from pathlib import Path

import pytest

from bench.made_up_pages import many_paragraphs
from reader.core.align import away
from reader.core.align import sections as alignment_sections
from reader.core.align.away import align_away
from reader.core.align.cache_file import read_alignment, write_alignment
from reader.core.align.sections import align_long
from reader.core.document import Text
from reader.core.page.parser import parse_text


@pytest.fixture
def texts(monkeypatch: pytest.MonkeyPatch) -> tuple:  # type: ignore[type-arg]
    monkeypatch.setattr(alignment_sections, "HUGE_PARAGRAPHS", 30)
    monkeypatch.setattr(alignment_sections, "SECTION", 12)
    document = parse_text(many_paragraphs(30_000), "made_up_away.txt")
    assert document.original is not None
    return document.original, document.translations[0]


def test_the_child_aligns_as_this_process_does(texts: tuple) -> None:  # type: ignore[type-arg]
    original, translation = texts
    told: list[tuple[int, int]] = []
    alignment = align_away(original, translation, progress=lambda d, t: told.append((d, t)))
    assert alignment == align_long(original, translation)
    assert len(told) > 1 and told[-1] == (len(original.paragraphs), len(original.paragraphs))


def test_the_alignment_comes_back_in_parts_whole(
    texts: tuple, monkeypatch: pytest.MonkeyPatch  # type: ignore[type-arg]
) -> None:
    monkeypatch.setattr(away, "PART_BEADS", 7)
    original, translation = texts
    alignment = align_away(original, translation)
    assert len(alignment.sentence_beads) > 7 * 3
    assert alignment == align_long(original, translation)


def test_the_child_writes_the_cache_and_reads_it_the_next_time(
    texts: tuple, tmp_path: Path  # type: ignore[type-arg]
) -> None:
    original, translation = texts
    cache = tmp_path / "alignments" / "made_up_key.json"
    aligned = align_away(original, translation, cache=cache)
    assert read_alignment(cache) == aligned
    # Read, not aligned again: a cache holding something else (made up here) is what comes back.
    made_up = replace(aligned, sentence_beads=aligned.sentence_beads[:-1])
    write_alignment(cache, made_up)
    assert align_away(original, translation, cache=cache) == made_up
    cache.write_text("{damaged", encoding="utf-8")
    assert align_away(original, translation, cache=cache) == aligned
    assert json.loads(cache.read_text("utf-8"))["n_original"] == len(original.paragraphs)


def test_without_a_child_it_is_aligned_here(texts: tuple,  # type: ignore[type-arg]
                                            monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    def refuse(self: object) -> None:
        raise OSError("no processes left")

    monkeypatch.setattr(multiprocessing.get_context("spawn").Process, "start", refuse)
    original, translation = texts
    assert align_away(original, translation) == align_long(original, translation)


def test_a_child_killed_midway_leaves_the_work_here(texts: tuple) -> None:  # type: ignore[type-arg]
    original, translation = texts
    told: list[int] = []

    def kill_the_child(done: int, total: int) -> None:
        told.append(done)
        for child in multiprocessing.active_children():
            if child.name == "diglot-align":
                child.kill()
                child.join()

    assert align_away(original, translation, progress=kill_the_child) == align_long(
        original, translation
    )
    assert not [c for c in multiprocessing.active_children() if c.name == "diglot-align"]
    assert told[-1] == len(original.paragraphs)


def test_a_progress_that_raises_cancels_and_ends_the_child(texts: tuple) -> None:  # type: ignore[type-arg]
    # The window cancels a task by raising from its progress callback (ui/workers.py).
    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    original, translation = texts
    with pytest.raises(Cancelled):
        align_away(original, translation, progress=cancel)
    assert not [c for c in multiprocessing.active_children() if c.name == "diglot-align"]


def test_without_a_child_the_cache_is_read_and_written_here(
    texts: tuple, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[type-arg]
) -> None:
    def refuse(self: object) -> None:
        raise OSError("no processes left")

    monkeypatch.setattr(multiprocessing.get_context("spawn").Process, "start", refuse)
    original, translation = texts
    cache = tmp_path / "made_up_key.json"
    aligned = align_away(original, translation, cache=cache)
    assert read_alignment(cache) == aligned == align_long(original, translation)


def test_texts_go_to_the_child_in_parts_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(away, "PART_CHARS", 7)
    # Made up: an empty paragraph, one several parts long, astral and Cyrillic characters.
    made_up = Text("ru", ("", "Пекин " * 9, "𝔄", "short", "x" * 7, "y" * 8))
    receiver, sender = multiprocessing.Pipe(duplex=False)
    sent: list[object] = []
    original_send = sender.send

    def counted(message: object) -> None:
        sent.append(message)
        original_send(message)

    monkeypatch.setattr(sender, "send", counted)
    with receiver, sender:
        away.send_text(sender, made_up)
        away.send_text(sender, Text("en", ()))
        assert away.received_text(receiver) == made_up
        assert away.received_text(receiver) == Text("en", ())
    parts = [m for m in sent if isinstance(m, tuple) and m[0] == "pieces"]
    assert len(parts) > 5  # the long paragraph went in several messages
    assert all(sum(len(piece) for _, piece in m[1]) < 2 * 7 for m in parts)  # each part small
