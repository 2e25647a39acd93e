"""Telling a damaged index from a sound one: the size and checksum of every segment file.

whoosh keeps no checksums: a truncated, zeroed or bit-flipped segment shows up as whatever
error its unpickling or decompression happens to raise (EOFError, struct.error, zlib.error...),
or, a flip in the postings, only when a search reads them. Segment files never change once
written, so a writer notes each new file's size and CRC-32 in `FILES` beside them (under the
index's lock, after its commit). Every opening then checks the sizes (one `stat` a file: a
truncated or deleted file is caught before anything reads it) and, after an error that may be
damage, the checksums too (a tenth of a second per 50 MB).

The note only ever adds certainty: a file it does not name (an index from before it, or a
writer killed before noting) is taken as sound, as before.
"""

from __future__ import annotations

import json
import os
import pickle
import struct
import warnings
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import whoosh.index

from reader.core.atomic_file import write_atomic
from reader.core.index.manifest import segments_of
from reader.core.index.types import IndexDamaged as IndexDamaged  # re-exported

NOTE = "FILES"
INDEX_NAME = "MAIN"  # whoosh's name for our index within its folder
_BLOCK = 1 << 20

Sums = dict[str, tuple[int, int]]  # file name -> (size, CRC-32)


def segment_files(generation: Path, segment_ids: Iterable[str]) -> list[str]:
    """The files of the segments `segment_ids` in `generation`: those there and those noted."""
    prefixes = tuple(f"{segment_id}." for segment_id in segment_ids)
    try:
        names = set(os.listdir(generation))
    except OSError:
        names = set()
    names.update(read_sums(generation))
    return sorted(name for name in names if name.startswith(prefixes))


def live_files(index: Any) -> list[str]:
    """The files of every segment in the latest commit of `index` (a whoosh FileIndex)."""
    segments = segments_of(index)
    return segment_files(Path(index.storage.folder), (s.segment_id() for s in segments))


def read_sums(generation: Path) -> Sums:
    """What `note_sums` recorded in `generation`; empty when missing or unreadable."""
    try:
        raw = json.loads((generation / NOTE).read_text(encoding="utf-8"))
        return {str(name): (int(size), int(crc)) for name, (size, crc) in raw["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def note_sums(generation: Path, names: Iterable[str]) -> None:
    """Record size and CRC-32 of the files `names` (the live ones) in `generation`.

    Files already noted are not read again; files no longer live are dropped. Call under the
    index's lock, after a commit. Best effort: a note that cannot be written (a full disk) only
    leaves those files unchecked.
    """
    old = read_sums(generation)
    sums: Sums = {}
    try:
        for name in names:
            if (generation / name).exists():
                sums[name] = old.get(name) or _sum(generation / name)
        if sums != old:
            data = {"version": 1, "files": {name: list(value) for name, value in sums.items()}}
            write_atomic(generation / NOTE, json.dumps(data).encode("utf-8"))
    except OSError:
        return


def find_damage(generation: Path, names: list[str], *, contents: bool) -> str:
    """What is wrong with the files `names` of `generation`, as a phrase; "" when nothing.

    Args:
        generation: the index folder.
        names: the files the index's latest commit needs (see `live_files`).
        contents: compare checksums too, not only sizes.
    """
    sums = read_sums(generation)
    for name in names:
        path = generation / name
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            return f"{path} is missing"
        except OSError as error:
            return f"{path} cannot be read ({error.strerror or error})"
        noted = sums.get(name)
        if noted is None:
            continue
        if size != noted[0]:
            return f"{path} is {size} bytes instead of {noted[0]}"
        if contents:
            try:
                crc = _sum(path)[1]
            except OSError as error:
                return f"{path} cannot be read ({error.strerror or error})"
            if crc != noted[1]:
                return f"{path} does not hold what was written (checksum)"
    return ""


def _sum(path: Path) -> tuple[int, int]:
    crc, size = 0, 0
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(_BLOCK), b""):
            crc = zlib.crc32(block, crc)
            size += len(block)
    return size, crc


def open_checked(generation: Path | None, contents: bool = False) -> tuple[Any, str]:
    """The whoosh index in `generation` (None: there is none), or what is damaged in it.

    Args:
        generation: the index folder, None when there is no index.
        contents: compare checksums too, not only sizes (see `find_damage`).
    """
    if generation is None:
        return None, ""
    # whoosh leaves the file it failed to read open: it closes (with a ResourceWarning) when
    # the error goes, here.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            index = whoosh.index.open_dir(str(generation), indexname=INDEX_NAME)
            damage = find_damage(generation, live_files(index), contents=contents)
        except Exception as error:
            return None, f"{generation} cannot be opened: {_describe(error)}"
    if damage:
        index.close()
        return None, damage
    return index, ""


# What unpickling, decompressing and unpacking damaged files raise, besides bare Exceptions.
_DAMAGE_ERRORS = (EOFError, OSError, struct.error, zlib.error, pickle.UnpicklingError,
                  UnicodeDecodeError)


def diagnose(generation: Path | None, error: Exception, any_error: bool = True) -> str:
    """What is damaged in `generation` (a phrase), after reading it raised `error`.

    The files are checked against their checksums. When they match (or were never noted),
    `error` is taken as damage if `any_error`, or if it is of a kind damage raises; else ""
    (a search that failed for its own reasons).
    """
    index, damage = open_checked(generation, contents=True)
    if index is not None:
        index.close()
    if damage or not (any_error or isinstance(error, _DAMAGE_ERRORS)):
        return damage
    return f"reading {generation} failed: {_describe(error)}"


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
