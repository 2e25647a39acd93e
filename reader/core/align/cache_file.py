"""One computed alignment in the disk cache: a JSON file named by the texts' hash."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path

from reader.core.align.alignment import Alignment
from reader.core.atomic_file import write_atomic


def read_alignment(path: Path) -> Alignment | None:
    """The alignment cached in `path`; None when it is missing or damaged (compute afresh)."""
    try:
        return Alignment.from_dict(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def cached_or_computed(path: Path, compute: Callable[[], Alignment]) -> Alignment:
    """The alignment cached in `path`, or `compute()`'s, cached there for the next time."""
    alignment = read_alignment(path)
    if alignment is None:
        alignment = compute()
        write_alignment(path, alignment)
    return alignment


def write_alignment(path: Path, alignment: Alignment) -> None:
    """Cache `alignment` in `path`, atomically.

    A cache: a read-only data folder or a full disk only means computing it again, so a
    failed write is not an error.
    """
    data = json.dumps(alignment.to_dict(), ensure_ascii=False).encode("utf-8")
    with contextlib.suppress(OSError):
        write_atomic(path, data)
