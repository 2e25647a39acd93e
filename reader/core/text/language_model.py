"""py3langid's model, restricted to the languages we tell apart and cached uncompressed.

py3langid ships its model LZMA-compressed: loading it takes one to two seconds, paid by the
first Latin-script paragraph of every session (the first document a user opens, the first page
an index build parses). Restricted to our languages and stored as a plain .npz, it loads in a
few tens of milliseconds. The cache is keyed by py3langid's version and the language list, and
any trouble with it falls back to py3langid's own loader: it is a cache, never a source.
"""

from __future__ import annotations

import hashlib
import io
import logging
from array import array
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from reader.core.atomic_file import write_atomic

_log = logging.getLogger(__name__)
_TYPECODES = {2: "H", 4: "I", 8: "Q"}
_COPY_PIECE = 1 << 20


def model_cache_file(cache_dir: Path, languages: Sequence[str]) -> Path:
    """Where the restricted model for `languages` is cached under `cache_dir`."""
    try:
        release = version("py3langid")
    except PackageNotFoundError:
        release = "unknown"
    key = hashlib.sha256(",".join(languages).encode()).hexdigest()[:12]
    return cache_dir / f"py3langid-{release}-{key}.npz"


def load_identifier(cache_dir: Path | None, languages: Sequence[str]) -> Any:
    """A py3langid LanguageIdentifier (normalised probabilities) restricted to `languages`.

    Read from the cache under `cache_dir` when it is there; otherwise loaded the slow way and,
    when `cache_dir` is given, cached for the next session.
    """
    path = model_cache_file(cache_dir, languages) if cache_dir is not None else None
    try:
        if path is not None and path.is_file():  # is_file raises on an unreadable folder
            return _read(path, languages)
    except Exception as error:  # a damaged or unreadable cache is rebuilt, never fatal
        _log.warning("ignoring the language model cache %s: %s", path, error)
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(languages))
    if path is not None:
        try:
            write_atomic(path, _encode(identifier))
        except OSError as error:
            _log.warning("cannot cache the language model in %s: %s", path, error)
    return identifier


def _encode(identifier: Any) -> bytes:
    import numpy as np

    buffer = io.BytesIO()
    np.savez(
        buffer,
        ptc=np.ascontiguousarray(identifier.nb_ptc),
        pc=np.asarray(identifier.nb_pc),
        classes=np.array(identifier.nb_classes),
        nextmove=np.frombuffer(identifier.tk_nextmove, dtype=f"u{identifier.tk_nextmove.itemsize}"),
        row=np.frombuffer(identifier.tk_row, dtype=f"u{identifier.tk_row.itemsize}"),
        output=np.asarray(identifier.tk_output, dtype=np.int32),
    )
    return buffer.getvalue()


def _as_array(values: Any) -> array:  # type: ignore[type-arg]
    # py3langid walks its automaton in Python, where array.array indexes faster than numpy.
    # A megabyte at a time: the automaton is 39 MB, and one copy of it held the interpreter lock
    # for 20 ms against the window's thread (issue 12).
    found = array(_TYPECODES[values.dtype.itemsize])
    raw = memoryview(values).cast("B")
    for start in range(0, len(raw), _COPY_PIECE):
        found.frombytes(raw[start : start + _COPY_PIECE])
    return found


def _read(path: Path, languages: Sequence[str]) -> Any:
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    # Our own handle: np.load leaves the file open when it is not a valid archive.
    with path.open("rb") as handle, np.load(handle, allow_pickle=False) as data:
        classes = data["classes"].tolist()
        if sorted(classes) != sorted(languages):
            raise ValueError("made for other languages")
        return LanguageIdentifier(
            data["ptc"],
            data["pc"],
            classes,
            _as_array(data["nextmove"]),
            data["output"].tolist(),
            norm_probs=True,
            tk_row=_as_array(data["row"]),
        )
